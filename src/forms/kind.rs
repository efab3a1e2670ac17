//! The kinds of data a field asks for, named the same in Rust, JSON and JS.

use serde::{Deserialize, Serialize};

/// What a field asks for. The JSON names are kebab-case (`card-number`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    /// A password or passphrase.
    Password,
    /// A sign-in name (ID, user name, login).
    Username,
    /// An e-mail address, often also the sign-in name.
    Email,
    /// A payment card's number.
    CardNumber,
    /// A card's expiry date (one field or month and year apart).
    CardExpiry,
    /// A card's security code (CVC, CVV, セキュリティコード).
    CardCvc,
    /// The name on the card.
    CardHolder,
    /// A bank account number (口座番号).
    BankAccount,
    /// A bank's branch name or number (支店).
    BankBranch,
    /// A bank or card PIN (暗証番号).
    Pin,
    /// A one-time code sent by SMS, mail or an app.
    Otp,
    /// A gift card's or prepaid card's code, which scammers cash at once.
    GiftCardCode,
    /// A crypto wallet's secret recovery phrase (its seed words) or private
    /// key: whoever has it owns the wallet, and nothing can take that back.
    RecoveryPhrase,
    /// マイナンバー and other national identity numbers.
    NationalId,
    /// A phone number.
    Phone,
    /// A postal address.
    Address,
    /// A date of birth.
    Birthdate,
    /// Anything else: a field SagiGuard does not guard.
    Other,
}

impl FieldKind {
    /// Every kind, in the order used when scores tie.
    pub const ALL: [FieldKind; 18] = [
        FieldKind::Password,
        FieldKind::CardNumber,
        FieldKind::CardCvc,
        FieldKind::CardExpiry,
        FieldKind::Pin,
        FieldKind::Otp,
        FieldKind::GiftCardCode,
        FieldKind::RecoveryPhrase,
        FieldKind::BankAccount,
        FieldKind::BankBranch,
        FieldKind::NationalId,
        FieldKind::CardHolder,
        FieldKind::Username,
        FieldKind::Email,
        FieldKind::Phone,
        FieldKind::Birthdate,
        FieldKind::Address,
        FieldKind::Other,
    ];

    /// The stable kebab-case name used in JSON, the CLI and the extension.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Password => "password",
            FieldKind::Username => "username",
            FieldKind::Email => "email",
            FieldKind::CardNumber => "card-number",
            FieldKind::CardExpiry => "card-expiry",
            FieldKind::CardCvc => "card-cvc",
            FieldKind::CardHolder => "card-holder",
            FieldKind::BankAccount => "bank-account",
            FieldKind::BankBranch => "bank-branch",
            FieldKind::Pin => "pin",
            FieldKind::Otp => "otp",
            FieldKind::GiftCardCode => "gift-card-code",
            FieldKind::RecoveryPhrase => "recovery-phrase",
            FieldKind::NationalId => "national-id",
            FieldKind::Phone => "phone",
            FieldKind::Address => "address",
            FieldKind::Birthdate => "birthdate",
            FieldKind::Other => "other",
        }
    }

    /// Whether handing this over to a scam site does lasting harm on its own
    /// (money, account takeover, identity): the kinds the form guard protects.
    /// Names, contact data and addresses are personal but not guarded alone.
    pub fn is_sensitive(self) -> bool {
        !matches!(
            self,
            FieldKind::Username | FieldKind::Email | FieldKind::Phone | FieldKind::Address | FieldKind::Birthdate | FieldKind::Other
        )
    }

    /// The kinds the form guard protects, in [`FieldKind::ALL`]'s order: the
    /// one list the extension's content script and incident store take, so a
    /// kind added here is guarded everywhere at once.
    pub fn sensitive() -> impl Iterator<Item = FieldKind> {
        FieldKind::ALL.into_iter().filter(|k| k.is_sensitive())
    }

    /// Whether the kind is part of a payment card.
    pub fn is_card(self) -> bool {
        matches!(self, FieldKind::CardNumber | FieldKind::CardExpiry | FieldKind::CardCvc | FieldKind::CardHolder)
    }
}
