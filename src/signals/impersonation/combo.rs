//! Brand names combined with other words in a host label: `amazon-security-update`,
//! `myjcbloginjp`, `rakuten-card-jp`, `soporte-appl-e` (after the skeleton folds).
//!
//! A token found in a label counts as
//! - a *combo* when everything around it is phishing bait (`login`, `secure`,
//!   `jp`, `my`, ...), digits, hyphens or nothing: the label says "this is the
//!   brand's sign-in page";
//! - a plain *mention* when other words surround it (`amazonvideo`,
//!   `apple-farm`): weaker, since brands, fans and resellers name sites so.
//!
//! Short or everyday-word tokens (`=` in the table: `au`, `jcb`, `apple`,
//! `line`) never count as a piece of another word: they need hyphen, digit or
//! label edges around them, or bait words all around.

use crate::brands::{Brands, TokenHit};

/// How a token sits in its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Surrounded by other words.
    Mention,
    /// Surrounded by bait words, digits and hyphens only.
    Combo,
}

/// Words phishing hosts wrap around a brand name. Short fragments like `jp`,
/// `co` and `my` are here because they glue onto brand names in real lures.
const BAIT: &[&str] = &[
    "access", "account", "accounts", "acount", "alert", "alerts", "app", "apps", "auth", "bank", "banking", "bill",
    "billing", "card", "cards", "care", "center", "centre", "check", "claim", "club", "co", "com", "confirm",
    "confirmation", "contact", "customer", "customers", "direct", "free", "gift", "help", "helpdesk", "home", "id",
    "info", "japan", "jp", "jpn", "limited", "lock", "locked", "login", "logon", "mail", "member", "members",
    "mobile", "my", "net", "new", "notice", "official", "online", "pay", "payment", "payments", "point", "points",
    "portal", "prime", "protect", "recovery", "refund", "reset", "restore", "reward", "rewards", "safe", "safety",
    "secure", "security", "service", "services", "signin", "sign", "site", "sms", "support", "system", "team",
    "unlock", "update", "updates", "user", "users", "verification", "verify", "wallet", "web", "www",
    // The same lures in other languages phishing kits are written in.
    "assistance", "compte", "conta", "cuenta", "konto", "seguridad", "servicio", "soporte", "suporte", "verificar",
];

fn is_bait_word(w: &[u8]) -> bool {
    BAIT.iter().any(|b| b.as_bytes() == w)
}

/// Whether `run` (letters only) splits entirely into bait words.
fn all_bait(run: &[u8]) -> bool {
    if run.is_empty() {
        return true;
    }
    if run.len() > 64 {
        return false;
    }
    // ok[i]: run[..i] splits into bait words.
    let mut ok = [false; 65];
    ok[0] = true;
    for end in 1..=run.len() {
        ok[end] = (end.saturating_sub(12)..end).any(|start| ok[start] && is_bait_word(&run[start..end]));
    }
    ok[run.len()]
}

/// Whether every letter run of `text` (split at hyphens and digits) is bait.
fn surroundings_are_bait(text: &[u8]) -> bool {
    text.split(|b| !b.is_ascii_lowercase()).all(all_bait)
}

fn is_edge(b: Option<&u8>) -> bool {
    b.is_none_or(|b| *b == b'-' || b.is_ascii_digit())
}

/// The strongest brand token in `label` (lower-case ASCII), if any counts.
pub fn find<'a>(brands: &'a Brands, label: &str) -> Option<(TokenHit<'a>, Strength)> {
    let bytes = label.as_bytes();
    let mut best: Option<(TokenHit<'a>, Strength)> = None;
    brands.tokens_in(label, |hit| {
        let bait = surroundings_are_bait(&bytes[..hit.start]) && surroundings_are_bait(&bytes[hit.end..]);
        let bounded = is_edge(hit.start.checked_sub(1).and_then(|i| bytes.get(i))) && is_edge(bytes.get(hit.end));
        if hit.token.strict && !bounded && !bait {
            return;
        }
        let strength = if bait { Strength::Combo } else { Strength::Mention };
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
        assert_eq!(combo("rakuten-card-jp"), Some(("rakuten-card", Strength::Combo)));
        assert_eq!(combo("appleid-verify2"), Some(("apple", Strength::Combo)));
        assert_eq!(combo("au-login"), Some(("au", Strength::Combo)));
        assert_eq!(combo("eki-net-jp"), Some(("jreast", Strength::Combo)));
    }

    #[test]
    fn other_words_around_a_brand_are_a_mention() {
        assert_eq!(combo("amazonvideo"), Some(("amazon", Strength::Mention)));
        assert_eq!(combo("au-shop"), Some(("au", Strength::Mention)));
    }

    #[test]
    fn short_tokens_inside_words_do_not_count() {
        for label in ["audio", "beauty", "pineapple", "appleinsider", "online", "jcbx-ray", "aeonian", "analog", "auto"] {
            assert_eq!(combo(label), None, "{label}");
        }
    }
}
