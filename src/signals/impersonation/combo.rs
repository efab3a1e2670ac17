//! Brand names combined with other words in a host label: `amazon-security-update`,
//! `myjcbloginjp`, `rakuten-card-jp`, `soporte-appl-e` (after the skeleton folds).
//!
//! A token found in a label counts as
//! - a *combo* when everything around it is phishing bait, digits or hyphens,
//!   with at least one strong bait word (`login`, `secure`, `verify`, ...):
//!   the label says "this is the brand's sign-in page";
//! - a plain *mention* otherwise (`amazonvideo`, `amazon-jp`, `apple-farm`):
//!   weaker, since brands, fans and resellers name their sites so.
//!
//! Short or everyday-word tokens (`=` in the table: `au`, `jcb`, `apple`,
//! `line`) never count as a piece of another word: they need hyphen, digit or
//! label edges around them, or bait words with a strong one all around.

use crate::brands::{Brands, TokenHit};

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
    "payments", "recovery", "refund", "reset", "restore", "secure", "security", "sign", "signin", "support",
    "unlock", "update", "updates", "verification", "verify",
    // The same lures in other languages phishing kits are written in.
    "assistance", "compte", "conta", "cuenta", "konto", "seguridad", "servicio", "soporte", "suporte", "verificar",
];

/// Glue words and fragments that stick to brand names in lures (`jp`, `co`,
/// `my`, `online`) but also in brands' own and fans' sites: alone they do not
/// make a combo.
const WEAK_BAIT: &[&str] = &[
    "access", "app", "apps", "bank", "banking", "bill", "card", "cards", "care", "center", "centre", "check",
    "club", "co", "com", "contact", "direct", "free", "gift", "help", "home", "id", "info", "japan", "jp", "jpn",
    "mail", "member", "members", "mobile", "my", "net", "new", "official", "online", "pay", "point", "points",
    "portal", "prime", "protect", "reward", "rewards", "safe", "safety", "service", "services", "site", "sms",
    "system", "team", "user", "users", "wallet", "web", "www",
];

/// How a run of letters splits into bait words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bait {
    /// It does not.
    No,
    /// Only into glue words.
    Weak,
    /// Into bait words, at least one of them strong.
    Strong,
}

fn word_kind(w: &[u8]) -> Bait {
    if STRONG_BAIT.iter().any(|b| b.as_bytes() == w) {
        Bait::Strong
    } else if WEAK_BAIT.iter().any(|b| b.as_bytes() == w) {
        Bait::Weak
    } else {
        Bait::No
    }
}

/// Splits `run` (letters only) into bait words, preferring a split that uses
/// a strong word. An empty run is weak.
fn split_bait(run: &[u8]) -> Bait {
    if run.len() > 64 {
        return Bait::No;
    }
    // any[i]/strong[i]: run[..i] splits into bait words (with a strong one).
    let mut any = [false; 65];
    let mut strong = [false; 65];
    any[0] = true;
    for end in 1..=run.len() {
        for start in end.saturating_sub(12)..end {
            if !any[start] {
                continue;
            }
            match word_kind(&run[start..end]) {
                Bait::No => {}
                Bait::Weak => {
                    any[end] = true;
                    strong[end] |= strong[start];
                }
                Bait::Strong => {
                    any[end] = true;
                    strong[end] = true;
                }
            }
        }
    }
    match (any[run.len()], strong[run.len()]) {
        (_, true) => Bait::Strong,
        (true, false) => Bait::Weak,
        _ => Bait::No,
    }
}

/// The bait in `text`: each letter run (split at hyphens and digits) must be bait.
fn surroundings(text: &[u8]) -> Bait {
    let mut result = Bait::Weak;
    for run in text.split(|b| !b.is_ascii_lowercase()) {
        match split_bait(run) {
            Bait::No => return Bait::No,
            Bait::Strong => result = Bait::Strong,
            Bait::Weak => {}
        }
    }
    result
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
            (Bait::Strong, _) | (_, Bait::Strong) => Bait::Strong,
            _ => Bait::Weak,
        };
        let bounded = is_edge(hit.start.checked_sub(1).and_then(|i| bytes.get(i))) && is_edge(bytes.get(hit.end));
        if hit.token.strict && !bounded && bait != Bait::Strong {
            return;
        }
        let strength = if bait == Bait::Strong { Strength::Combo } else { Strength::Mention };
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
    }

    #[test]
    fn other_words_around_a_brand_are_a_mention() {
        assert_eq!(combo("amazonvideo"), Some(("amazon", Strength::Mention)));
        assert_eq!(combo("au-shop"), Some(("au", Strength::Mention)));
        assert_eq!(combo("amazon-co-jp"), Some(("amazon", Strength::Mention)));
        assert_eq!(combo("au"), Some(("au", Strength::Mention)));
    }

    #[test]
    fn short_tokens_inside_words_do_not_count() {
        for label in ["audio", "beauty", "pineapple", "appleinsider", "online", "jcbx-ray", "aeonian", "analog", "auto", "accessline", "myapple", "conta", "mymail"] {
            assert_eq!(combo(label), None, "{label}");
        }
    }
}
