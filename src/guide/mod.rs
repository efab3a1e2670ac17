//! The recovery guide: what to do after a scam site, mail or call got something.
//!
//! The form guard, the popup's "I already entered my details" picker and the
//! public check page all ask one question: *these kinds of data were handed over,
//! what now?* [`situations_for`] turns data kinds into [`Situation`]s, [`guide`]
//! builds the steps, damage and contacts for them in one language, and
//! [`summary`] writes the plain-text record a person can give a bank or the
//! police. The sentences live in `data/guide/<lang>.tsv`, compiled in; the
//! facts behind them are in the product docs (`recovery-facts.md`).

mod build;
mod data;
mod kinds;
mod report;

pub use build::{guide, Choice, Contact, Guide, Headings, Item, SituationGuide};
pub use kinds::situations_for;
pub use report::{summary, Incident};

/// One of the seven things that can have happened, each with its own first steps.
/// Declared in priority order: where money can be lost first comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Situation {
    /// Credit card number, expiry or security code went to a scam site.
    Card,
    /// Bank account details, online-banking login or PIN were handed over.
    Bank,
    /// Money was transferred to the payee of a fake invoice.
    Payment,
    /// Prepaid / gift card codes were handed over.
    Giftcard,
    /// A crypto wallet's recovery phrase or private key was handed over.
    Wallet,
    /// A web service's login (user name, password, one-time code) was entered.
    Account,
    /// Details were told to a fake support line; points to the matching rows.
    Phone,
}

impl Situation {
    /// Every situation, in priority order.
    pub const ALL: [Situation; 7] = [
        Situation::Card,
        Situation::Bank,
        Situation::Payment,
        Situation::Giftcard,
        Situation::Wallet,
        Situation::Account,
        Situation::Phone,
    ];

    /// The stable id used in data keys, step ids, JSON and the extension.
    pub fn id(self) -> &'static str {
        match self {
            Situation::Card => "card",
            Situation::Bank => "bank",
            Situation::Payment => "payment",
            Situation::Giftcard => "giftcard",
            Situation::Wallet => "wallet",
            Situation::Account => "account",
            Situation::Phone => "phone",
        }
    }

    /// The situation with this id, if any.
    pub fn from_id(id: &str) -> Option<Situation> {
        Situation::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The other situations whose steps also apply. A fake support call is
    /// handled per kind of information told, so it points to those rows.
    pub fn related(self) -> &'static [Situation] {
        match self {
            Situation::Phone => &[Situation::Card, Situation::Bank, Situation::Account],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for s in Situation::ALL {
            assert_eq!(Situation::from_id(s.id()), Some(s));
        }
        assert_eq!(Situation::from_id("cards"), None);
    }

    #[test]
    fn all_is_in_priority_order() {
        let mut sorted = Situation::ALL;
        sorted.sort();
        assert_eq!(sorted, Situation::ALL);
    }
}
