//! Brand names combined with other words in a host label: `amazon-security-update`,
//! `myjcbloginjp`, `rakuten-card-jp`, `soporte-appl-e` (after the skeleton folds).
//!
//! A token found in a label counts as
//! - a *combo* when everything around it is lure words (`login`, `secure`,
//!   `jp`, `card`, `my`, ...), a stray letter, digits or hyphens, with at least
//!   one lure word: the label says "this is the brand's sign-in page";
//!   A distinctive token with only digits beside it (`brand-58213`), or with
//!   one short fragment across a hyphen (`tw-telegram`, `myjcb-in`), is a combo too;
//! - a plain *mention* otherwise (`amazonvideo`, `amazons`, `apple-farm`):
//!   weaker, since brands, fans and resellers name their sites so.
//!
//! Short or everyday-word tokens (`=` in the table: `au`, `jcb`, `apple`,
//! `line`) never count as a piece of another word: they need hyphen, digit or
//! label edges around them, lure words including a strong one (`login`,
//! `verify`, ...) all around, or to sit at an edge of the label glued on their
//! other side to lure words of three letters or more (`applesslportal`,
//! `sslweboutlook`); glue that makes everyday compounds (`net`, `home`,
//! `new`) does not count.

use std::sync::OnceLock;

use crate::brands::{Brands, TokenHit, TokenTrie};

/// How a token sits in its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Surrounded by other words.
    Mention,
    /// Surrounded by bait words, digits and hyphens only.
    Combo,
}

/// Words that make a label read as a sign-in, payment or warning page.
const STRONG_BAIT: &[&str] = &[
    "account", "accounts", "acount", "alert", "alerts", "auth", "billing", "claim", "confirm", "confirmation",
    "customer", "helpdesk", "limited", "lock", "locked", "login", "logon", "notice", "password", "payment",
    "payments", "protection", "recovery", "refund", "reset", "resetting", "restore", "secure", "security", "sign",
    "signin", "support", "supports", "unlock", "update", "updates", "verification", "verify", "warning",
    "verified", "kyc", "authorization", "authorize", "appeal", "copyright", "violation", "suspension", "activation",
    "activate", "unblock", "complaint",
    // The same lures in other languages phishing kits are written in.
    "assistance", "compte", "conta", "cuenta", "konto", "seguridad", "servicio", "soporte", "suporte", "verificar",
    "giris", "anmelden", "connexion", "accedi", "ingresar", "acceso",
    // Fake renewal notices and invoices (security software, subscriptions).
    "renew", "renewal", "subscription", "subscriptions", "expired", "invoice", "cancel", "cancellation",
];

/// Glue words and fragments that stick to brand names in lures (`jp`, `co`,
/// `my`, `online`) but also in brands' own and fans' sites: alone they do not
/// make a combo.
///
/// Company-form words (`inc`) are left out: they are how a brand names its own
/// corporate site (`brand-inc.com`), not a lure.
const WEAK_BAIT: &[&str] = &[
    "access", "admin", "agree", "airdrop", "airdrops", "app", "apps", "bank", "banking", "bill", "bonus", "bounty",
    "btc", "campaign", "card", "cards", "care", "center", "centre", "check", "click", "club", "co", "coin", "cojp",
    "com", "connect", "contact", "crypto", "defi", "delivery", "dex", "direct", "download", "drop", "enroll",
    "entry", "eth", "event", "exchange", "find", "free", "gift", "give", "giveaway", "help", "home", "http",
    "https", "id", "info", "install", "ja", "japan", "jp", "jpn", "mail", "member", "members", "mint", "mobile",
    "my", "mypage", "net", "new", "nft", "official", "online", "order", "orders", "package", "parcel", "pay",
    "point", "points", "portal", "prime", "promo", "protect", "redelivery", "redirect", "register", "return",
    "reward", "rewards", "safe", "safety", "service", "services", "setting", "settings", "shipping", "signup",
    "site", "sms", "ssl", "sso", "summary", "swap", "sync", "system", "team", "toll", "tolls", "token", "track", "tracking", "user",
    "users", "validation", "view", "vip", "wallet", "web", "ww", "www",
];

/// How a run of letters splits into bait words.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Bait {
    /// It does not.
    No,
    /// Nothing, or stray single letters (`amazons`, `a-rakuten`).
    Filler,
    /// Glue words (and stray letters).
    Weak,
    /// Into bait words, at least one of them strong.
    Strong,
}

/// The lure words in a trie; token number = index in `STRONG_BAIT` then `WEAK_BAIT`.
fn bait_trie() -> &'static TokenTrie {
    static TRIE: OnceLock<TokenTrie> = OnceLock::new();
    TRIE.get_or_init(|| {
        let mut trie = TokenTrie::new();
        for (i, w) in STRONG_BAIT.iter().chain(WEAK_BAIT).enumerate() {
            trie.insert(w, i as u32);
        }
        trie
    })
}

fn token_kind(token: u32) -> Bait {
    if (token as usize) < STRONG_BAIT.len() {
        Bait::Strong
    } else {
        Bait::Weak
    }
}

/// Splits `run` (letters only) into bait words and at most one stray letter,
/// keeping the best split: the strongest word it can use. An empty run is filler.
fn split_bait(run: &[u8]) -> Bait {
    if run.len() > 64 {
        return Bait::No;
    }
    // best[i][k]: the strongest split of run[..i] using k stray letters.
    let mut best = [[Bait::No; 2]; 65];
    best[0][0] = Bait::Filler;
    let trie = bait_trie();
    for start in 0..run.len() {
        for k in 0..2 {
            let here = best[start][k];
            if here == Bait::No {
                continue;
            }
            trie.each_at(run, start, |end, token| {
                best[end][k] = best[end][k].max(here.max(token_kind(token)));
            });
            if k == 0 {
                best[start + 1][1] = best[start + 1][1].max(here);
            }
        }
    }
    best[run.len()][0].max(best[run.len()][1])
}

/// The bait in `text`: each letter run (split at hyphens and digits) must be
/// bait; the result is the strongest word used.
fn surroundings(text: &[u8]) -> Bait {
    let mut result = Bait::Filler;
    for run in text.split(|b| !b.is_ascii_lowercase()) {
        match split_bait(run) {
            Bait::No => return Bait::No,
            b => result = result.max(b),
        }
    }
    result
}

/// Lure words that also make everyday compounds with a short or everyday
/// token (`<word>net`, `home<word>`, `new<word>`) or are how a bank names
/// itself (`<bank>bank`): never glue for a strict token.
const NOT_GLUE: &[&str] = &["bank", "co", "com", "home", "net", "new"];

/// Whether `run` (letters only) is one or more lure words of at least `min`
/// letters each, with no stray letter: the only glue a short or everyday
/// brand token may take on its inner side (`applesslportal`, `portalview-outlook`).
fn lure_words_only(run: &[u8], min: usize) -> bool {
    if run.is_empty() || run.len() > 64 {
        return false;
    }
    let mut reach = [false; 65];
    reach[0] = true;
    let trie = bait_trie();
    for start in 0..run.len() {
        if reach[start] {
            trie.each_at(run, start, |end, token| {
                let word = STRONG_BAIT.iter().chain(WEAK_BAIT).nth(token as usize).copied().unwrap_or("");
                if end - start >= min && !NOT_GLUE.contains(&word) {
                    reach[end] = true;
                }
            });
        }
    }
    reach[run.len()]
}

/// A strict token at one edge of the label or of a part between hyphens and
/// digits, glued on its other side to lure words of three letters or more
/// (`applesslportal`, `sslweboutlook`, `jp-installau`), the rest of the label bait:
/// glued to ordinary words (`pineapple`, `myapple`) it still does not count.
fn glued_at_edge(bytes: &[u8], start: usize, end: usize) -> bool {
    let left_edge = is_edge(start.checked_sub(1).and_then(|i| bytes.get(i)));
    let right_edge = is_edge(bytes.get(end));
    if left_edge && !right_edge {
        let stop = bytes[end..].iter().position(|b| !b.is_ascii_lowercase()).map_or(bytes.len(), |i| end + i);
        lure_words_only(&bytes[end..stop], GLUE_MIN) && surroundings(&bytes[stop..]) != Bait::No && surroundings(&bytes[..start]) != Bait::No
    } else if right_edge && !left_edge {
        let from = bytes[..start].iter().rposition(|b| !b.is_ascii_lowercase()).map_or(0, |i| i + 1);
        lure_words_only(&bytes[from..start], GLUE_MIN) && surroundings(&bytes[..from]) != Bait::No && surroundings(&bytes[end..]) != Bait::No
    } else {
        false
    }
}

/// The shortest lure word that may be glued to a strict token: two-letter
/// glue (`my`, `co`, `id`) makes too many ordinary names.
const GLUE_MIN: usize = 3;

/// How long the one fragment beside a token may be (`tw-telegram`, `binance-qat`).
const FRAGMENT_LEN: std::ops::RangeInclusive<usize> = 1..=3;

/// Whether the label is the token and, across a hyphen, one fragment of one
/// to three letters that is no word (`tw-telegram`, `whatsapp-qae`,
/// `myjcb-in`): how throwaway copies of a brand's name are minted by the
/// hundred. A brand's own sites seldom look so, `-inc` (how a brand names its
/// corporate site) aside; a brand's infrastructure names sometimes do
/// (`ads-twitter`), which is why this is a combo (caution), never danger.
fn lone_fragment(bytes: &[u8], start: usize, end: usize) -> bool {
    let rest = if start == 0 {
        bytes[end..].strip_prefix(b"-")
    } else if end == bytes.len() {
        bytes[..start].strip_suffix(b"-")
    } else {
        None
    };
    rest.is_some_and(|r| FRAGMENT_LEN.contains(&r.len()) && r.iter().all(u8::is_ascii_lowercase) && r != b"inc")
}

fn is_edge(b: Option<&u8>) -> bool {
    b.is_none_or(|b| *b == b'-' || b.is_ascii_digit())
}

/// The strongest brand token in `label` (lower-case ASCII), if any counts.
pub fn find<'a>(brands: &'a Brands, label: &str) -> Option<(TokenHit<'a>, Strength)> {
    let bytes = label.as_bytes();
    let mut best: Option<(TokenHit<'a>, Strength)> = None;
    brands.tokens_in(label, |hit| {
        let bait = match (surroundings(&bytes[..hit.start]), surroundings(&bytes[hit.end..])) {
            (Bait::No, _) | (_, Bait::No) => Bait::No,
            (a, b) => a.max(b),
        };
        let bounded = is_edge(hit.start.checked_sub(1).and_then(|i| bytes.get(i))) && is_edge(bytes.get(hit.end));
        // A distinctive token with only a number beside it (`brand58213`,
        // `80315-brand`) is a throwaway copy of the brand's name.
        let numbered = !hit.token.strict && bytes.iter().any(u8::is_ascii_digit);
        let combo = if hit.token.strict && !bounded {
            bait == Bait::Strong || glued_at_edge(bytes, hit.start, hit.end)
        } else {
            bait >= Bait::Weak || (numbered && bait == Bait::Filler) || (!hit.token.strict && lone_fragment(bytes, hit.start, hit.end))
        };
        if hit.token.strict && !bounded && !combo {
            return;
        }
        let strength = if combo { Strength::Combo } else { Strength::Mention };
        let better = match &best {
            None => true,
            Some((b, s)) => (strength, hit.end - hit.start) > (*s, b.end - b.start),
        };
        if better {
            best = Some((hit, strength));
        }
    });
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brands::builtin;

    fn combo(label: &str) -> Option<(&'static str, Strength)> {
        find(builtin(), label).map(|(h, s)| (h.brand.id, s))
    }

    #[test]
    fn bait_words_around_a_brand() {
        assert_eq!(combo("myjcbloginjp"), Some(("jcb", Strength::Combo)));
        assert_eq!(combo("amazon-security-update"), Some(("amazon", Strength::Combo)));
        assert_eq!(combo("rakuten-card-login"), Some(("rakuten-card", Strength::Combo)));
        assert_eq!(combo("appleid-verify2"), Some(("apple", Strength::Combo)));
        assert_eq!(combo("au-login"), Some(("au", Strength::Combo)));
        assert_eq!(combo("eki-net-jp-verify"), Some(("jreast", Strength::Combo)));
        assert_eq!(combo("amazon-signup"), Some(("amazon", Strength::Combo)));
        assert_eq!(combo("wwamazon"), Some(("amazon", Strength::Combo)));
        assert_eq!(combo("rakutenadmin"), Some(("rakuten", Strength::Combo)));
    }

    #[test]
    fn numbered_copies_and_delivery_lures() {
        assert_eq!(combo("metamask-58213"), Some(("metamask", Strength::Combo)));
        assert_eq!(combo("80315-coinbase"), Some(("coinbase", Strength::Combo)));
        assert_eq!(combo("parcel-usps"), Some(("usps", Strength::Combo)));
        assert_eq!(combo("sagawa-exp-verify"), Some(("sagawa", Strength::Combo)));
        // Short tokens with a number stay mentions (`7line`), and words still need to be lures.
        assert_eq!(combo("7line"), Some(("line", Strength::Mention)));
        assert_eq!(combo("amazon2024deals"), Some(("amazon", Strength::Mention)));
    }

    #[test]
    fn one_short_fragment_across_a_hyphen() {
        assert_eq!(combo("tw-telegram"), Some(("telegram", Strength::Combo)));
        assert_eq!(combo("whatsapp-qae"), Some(("whatsapp", Strength::Combo)));
        assert_eq!(combo("myjcb-i"), Some(("jcb", Strength::Combo)));
        assert_eq!(combo("smbc-xyz"), Some(("smbc", Strength::Combo)));
        // Longer words, a company form, glued fragments, two fragments and
        // strict tokens stay mentions.
        assert_eq!(combo("telegram-fans"), Some(("telegram", Strength::Mention)));
        assert_eq!(combo("rakuten-inc"), Some(("rakuten", Strength::Mention)));
        assert_eq!(combo("telegramff"), Some(("telegram", Strength::Mention)));
        assert_eq!(combo("tw-telegram-fr"), Some(("telegram", Strength::Mention)));
        assert_eq!(combo("au-shop"), Some(("au", Strength::Mention)));
        assert_eq!(combo("apple-tv"), Some(("apple", Strength::Mention)));
    }

    #[test]
    fn download_summary_and_giveaway_lures() {
        assert_eq!(combo("download-adobe"), Some(("adobe", Strength::Combo)));
        assert_eq!(combo("summary-amazon"), Some(("amazon", Strength::Combo)));
        assert_eq!(combo("metamask-token-swap"), Some(("metamask", Strength::Combo)));
        // Short tokens still need a strong lure when glued to other words.
        assert_eq!(combo("visasummaryjp"), None);
        assert_eq!(combo("amazon-reviews"), Some(("amazon", Strength::Mention)));
        assert_eq!(combo("rakuten-inc"), Some(("rakuten", Strength::Mention)));
    }

    #[test]
    fn other_words_around_a_brand_are_a_mention() {
        assert_eq!(combo("amazonvideo"), Some(("amazon", Strength::Mention)));
        assert_eq!(combo("au-shop"), Some(("au", Strength::Mention)));
        assert_eq!(combo("amazon-co-jp"), Some(("amazon", Strength::Combo)));
        assert_eq!(combo("amazons"), Some(("amazon", Strength::Mention)));
        assert_eq!(combo("au"), Some(("au", Strength::Mention)));
    }

    #[test]
    fn short_tokens_inside_words_do_not_count() {
        for label in ["audio", "beauty", "pineapple", "appleinsider", "online", "jcbx-ray", "aeonian", "analog", "auto", "myapple", "conta", "mymail"] {
            assert_eq!(combo(label), None, "{label}");
        }
    }

    #[test]
    fn strict_tokens_glued_to_lures_at_an_edge() {
        assert_eq!(combo("applesslportal"), Some(("apple", Strength::Combo)));
        assert_eq!(combo("portalviewapple"), Some(("apple", Strength::Combo)));
        assert_eq!(combo("sslweboutlook"), Some(("microsoft", Strength::Combo)));
        assert_eq!(combo("jp-installau"), Some(("au", Strength::Combo)));
        // Two-letter glue, everyday compounds and non-lure words do not count.
        for label in ["myapple", "netvisa", "homeaeon", "newjcb", "appletree", "clickapplepie", "xapplemail", "mapple-pie"] {
            assert_ne!(combo(label).map(|c| c.1), Some(Strength::Combo), "{label}");
        }
    }
}
