//! From what was handed over to what to do: data kinds to [`Situation`]s.
//!
//! The callers speak in two vocabularies, and both are accepted in one list:
//! - the form guard's field kinds (kebab-case: `card-number`, `password`, ...);
//! - the situation ids themselves (`card`, `bank`, `account`, `phone`,
//!   `payment`, `giftcard`, `wallet`), so the guide's picker can ask directly.
//!
//! Decisions worth knowing:
//! - `pin` goes with the card when card fields (or `card`) came with it, with
//!   the bank when bank fields (or `bank`) did, and with both when it came alone: a 暗証番号 on its
//!   own may belong to a cash card or a credit card, and we would rather show
//!   one section too many than miss the one that matters.
//! - `phone` is the situation id (a call to a fake support line). The form
//!   guard's kind for a phone-number field has the same spelling, and a phone
//!   number alone needs no recovery steps, so the guard should leave it out of
//!   the kinds it asks about.
//! - Kinds with no steps of their own (`address`, `birthdate`, `national-id`,
//!   `other`) and unknown words are ignored; the prevention advice still applies.

use super::Situation;

const CARD_KINDS: [&str; 4] = ["card-number", "card-expiry", "card-cvc", "card-holder"];
const BANK_KINDS: [&str; 2] = ["bank-account", "bank-branch"];
const ACCOUNT_KINDS: [&str; 4] = ["password", "username", "email", "otp"];

/// The situations that fit `kinds`, each once, in priority order (money first).
/// Kinds are compared case-insensitively, ignoring surrounding spaces.
pub fn situations_for(kinds: &[&str]) -> Vec<Situation> {
    let kinds: Vec<String> = kinds.iter().map(|k| k.trim().to_ascii_lowercase()).collect();
    let has = |set: &[&str]| kinds.iter().any(|k| set.contains(&k.as_str()));
    let mut found = Vec::new();
    for kind in &kinds {
        if let Some(s) = Situation::from_id(kind) {
            found.push(s);
        }
        match kind.as_str() {
            k if CARD_KINDS.contains(&k) => found.push(Situation::Card),
            k if BANK_KINDS.contains(&k) => found.push(Situation::Bank),
            k if ACCOUNT_KINDS.contains(&k) => found.push(Situation::Account),
            "gift-card-code" => found.push(Situation::Giftcard),
            "recovery-phrase" => found.push(Situation::Wallet),
            "pin" if !has(&CARD_KINDS) && !has(&BANK_KINDS) && !has(&["card", "bank"]) => {
                found.extend([Situation::Bank, Situation::Card]);
            }
            _ => {}
        }
    }
    crate::sort::sort(&mut found);
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use Situation::*;

    #[test]
    fn field_kinds_map_to_situations() {
        assert_eq!(situations_for(&["card-number", "card-cvc"]), vec![Card]);
        assert_eq!(situations_for(&["password"]), vec![Account]);
        assert_eq!(situations_for(&["pin", "bank-account"]), vec![Bank]);
        assert_eq!(situations_for(&["gift-card-code"]), vec![Giftcard]);
        assert_eq!(situations_for(&["recovery-phrase"]), vec![Wallet]);
    }

    #[test]
    fn pin_follows_its_company() {
        assert_eq!(situations_for(&["pin", "card-number"]), vec![Card]);
        assert_eq!(situations_for(&["pin"]), vec![Card, Bank]);
        assert_eq!(situations_for(&["card-number", "pin", "bank-branch"]), vec![Card, Bank]);
        assert_eq!(situations_for(&["pin", "bank"]), vec![Bank]);
    }

    #[test]
    fn money_comes_first_and_nothing_twice() {
        let got = situations_for(&["email", "phone", "gift-card-code", "card", "card-number", "bank"]);
        assert_eq!(got, vec![Card, Bank, Giftcard, Account, Phone]);
    }

    #[test]
    fn unknown_and_stepless_kinds_are_ignored() {
        assert!(situations_for(&["address", "birthdate", "national-id", "other", "", "???"]).is_empty());
        assert!(situations_for(&[]).is_empty());
    }

    #[test]
    fn spelling_is_forgiving_about_case_and_spaces() {
        assert_eq!(situations_for(&[" Card-Number ", "PAYMENT"]), vec![Card, Payment]);
    }
}
