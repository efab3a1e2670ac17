//! Card numbers by their shape: the Luhn check digit and the issuer prefixes
//! (IIN ranges) of the networks used in Japan and abroad.
//!
//! REFERENCE for the content script: its local check of a typed value (which
//! never leaves the content script) must give the same answers as
//! [`looks_like_card_number`]; the JS twin is tested on the same cases.

use serde::Serialize;

use super::normalize::compact_code;

/// The card networks recognised by prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Issuer {
    /// Visa (4).
    Visa,
    /// Mastercard (51–55, 2221–2720).
    Mastercard,
    /// American Express (34, 37).
    Amex,
    /// JCB (3528–3589).
    Jcb,
    /// Diners Club (300–305, 36, 38, 39).
    Diners,
    /// Discover (6011, 644–649, 65).
    Discover,
    /// UnionPay (62).
    UnionPay,
}

/// Whether a string of ASCII digits passes the Luhn (mod 10) check. Anything
/// that is not all digits, or shorter than two digits, fails.
pub fn luhn_valid(digits: &str) -> bool {
    if digits.len() < 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// The network a card number belongs to by its prefix and length, if any.
pub fn issuer(digits: &str) -> Option<Issuer> {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let len = digits.len();
    let prefix = |n: usize| digits.get(..n).and_then(|p| p.parse::<u32>().ok());
    let p1 = prefix(1)?;
    let p2 = prefix(2)?;
    let p3 = prefix(3).unwrap_or(0);
    let p4 = prefix(4).unwrap_or(0);
    let (issuer, lengths): (Issuer, &[usize]) = if p1 == 4 {
        (Issuer::Visa, &[13, 16, 19])
    } else if (51..=55).contains(&p2) || (2221..=2720).contains(&p4) {
        (Issuer::Mastercard, &[16])
    } else if p2 == 34 || p2 == 37 {
        (Issuer::Amex, &[15])
    } else if (3528..=3589).contains(&p4) {
        (Issuer::Jcb, &[16, 17, 18, 19])
    } else if (300..=305).contains(&p3) || p2 == 36 || p2 == 38 || p2 == 39 {
        (Issuer::Diners, &[14, 15, 16, 17, 18, 19])
    } else if p4 == 6011 || (644..=649).contains(&p3) || p2 == 65 {
        (Issuer::Discover, &[16, 17, 18, 19])
    } else if p2 == 62 {
        (Issuer::UnionPay, &[16, 17, 18, 19])
    } else {
        return None;
    };
    lengths.contains(&len).then_some(issuer)
}

/// Whether a typed value is plausibly a payment card number: after removing
/// spaces and hyphens (full-width digits allowed), 13–19 digits of a known
/// network's prefix and length that pass the Luhn check.
pub fn looks_like_card_number(value: &str) -> bool {
    card_issuer(value).is_some()
}

/// The network of a typed value that [`looks_like_card_number`].
pub fn card_issuer(value: &str) -> Option<Issuer> {
    let digits = compact_code(value);
    if !(13..=19).contains(&digits.len()) || !luhn_valid(&digits) {
        return None;
    }
    issuer(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Test numbers published by the card networks / payment processors for
    // testing (e.g. Stripe's and PayPal's test card lists).
    #[test]
    fn published_test_numbers() {
        assert_eq!(card_issuer("4242 4242 4242 4242"), Some(Issuer::Visa));
        assert_eq!(card_issuer("4111-1111-1111-1111"), Some(Issuer::Visa));
        assert_eq!(card_issuer("5555555555554444"), Some(Issuer::Mastercard));
        assert_eq!(card_issuer("2223003122003222"), Some(Issuer::Mastercard));
        assert_eq!(card_issuer("378282246310005"), Some(Issuer::Amex));
        assert_eq!(card_issuer("3530111333300000"), Some(Issuer::Jcb));
        assert_eq!(card_issuer("3566002020360505"), Some(Issuer::Jcb));
        assert_eq!(card_issuer("30569309025904"), Some(Issuer::Diners));
        assert_eq!(card_issuer("6011111111111117"), Some(Issuer::Discover));
        assert_eq!(card_issuer("6200000000000005"), Some(Issuer::UnionPay));
    }

    #[test]
    fn full_width_digits() {
        assert!(looks_like_card_number("４２４２　４２４２　４２４２　４２４２"));
    }

    #[test]
    fn rejects() {
        assert!(!looks_like_card_number("4242424242424241"), "bad check digit");
        assert!(!looks_like_card_number("1234567812345670"), "Luhn-valid but no network");
        assert!(!looks_like_card_number("09012345678"), "a phone number");
        assert!(!looks_like_card_number("4242"), "too short");
        assert!(!looks_like_card_number("4242 4242 4242 424x"));
        assert!(!looks_like_card_number(""));
        assert!(!looks_like_card_number("37828224631000"), "Amex prefix, wrong length");
    }

    #[test]
    fn luhn() {
        assert!(luhn_valid("79927398713"));
        assert!(!luhn_valid("79927398710"));
        assert!(!luhn_valid("7"));
        assert!(!luhn_valid("12a4"));
    }
}
