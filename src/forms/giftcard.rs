//! Gift-card codes by their shape. Scammers' favourite payment: the victim
//! buys a prepaid card at a convenience store and reads out or types the code.
//!
//! REFERENCE for the content script: its local check of a typed value (which
//! never leaves the content script) must give the same answers as
//! [`gift_card_shape`]. The shapes are deliberately loose (codes change); what
//! they must never do is call an ordinary word, a phone number, an e-mail
//! address or a card number a gift-card code.

use serde::Serialize;

use super::luhn::looks_like_card_number;
use super::normalize::compact_code;

/// Which kind of gift-card code a value resembles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GiftCardShape {
    /// Amazon gift card claim code: 14–15 letters and digits, often grouped 4-6-4(5).
    Amazon,
    /// Apple / iTunes gift card: 16 characters starting with `X`.
    Apple,
    /// Google Play and similar: 16 or 20 letters and digits.
    Prepaid16Or20,
    /// Any other 10–20 character code mixing letters and digits.
    Generic,
}

/// The shape of a typed value if it looks like a gift-card code: after
/// removing spaces and hyphens (full width allowed), 10–20 ASCII letters and
/// digits with at least two of each, switching between letters and digits at
/// least three times (random codes do, `password123` does not), and not a
/// payment card number.
pub fn gift_card_shape(value: &str) -> Option<GiftCardShape> {
    let code = compact_code(value).to_ascii_uppercase();
    let n = code.len();
    if !(10..=20).contains(&n) || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let digits = code.bytes().filter(u8::is_ascii_digit).count();
    let letters = n - digits;
    let switches = code.as_bytes().windows(2).filter(|w| w[0].is_ascii_digit() != w[1].is_ascii_digit()).count();
    if digits < 2 || letters < 2 || switches < 3 || looks_like_card_number(&code) {
        return None;
    }
    Some(match n {
        16 if code.starts_with('X') => GiftCardShape::Apple,
        14 | 15 => GiftCardShape::Amazon,
        16 | 20 => GiftCardShape::Prepaid16Or20,
        _ => GiftCardShape::Generic,
    })
}

/// Whether a typed value looks like a gift-card code (see [`gift_card_shape`]).
pub fn looks_like_gift_card_code(value: &str) -> bool {
    gift_card_shape(value).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(gift_card_shape("AQ7X-PLM4TZ-9KRB"), Some(GiftCardShape::Amazon));
        assert_eq!(gift_card_shape("ａｑ７ｘ－ｐｌｍ４ｔｚ－９ｋｒｂｄ"), Some(GiftCardShape::Amazon));
        assert_eq!(gift_card_shape("X7KQ9PL2M4TZ8RBD"), Some(GiftCardShape::Apple));
        assert_eq!(gift_card_shape("7KQ9 PL2M 4TZ8 RBDA 2C3D"), Some(GiftCardShape::Prepaid16Or20));
        assert_eq!(gift_card_shape("AB12CD34EF56G"), Some(GiftCardShape::Generic));
    }

    #[test]
    fn not_gift_cards() {
        assert!(!looks_like_gift_card_code("password123"), "a word and a number");
        assert!(!looks_like_gift_card_code("tanaka19850412"), "a name and a date");
        assert!(!looks_like_gift_card_code("090-1234-5678"), "phone: digits only");
        assert!(!looks_like_gift_card_code("taro@example.com"));
        assert!(!looks_like_gift_card_code("4242424242424242"), "card number");
        assert!(!looks_like_gift_card_code("internationalization"), "letters only");
        assert!(!looks_like_gift_card_code("AB12"));
    }
}
