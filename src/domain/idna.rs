//! IDNA for hosts: Unicode labels to their `xn--` ASCII form (what DNS and the
//! lists see) and back (what a person reads).
//!
//! Not full UTS-46: the mappings a browser applies that matter for look-alike
//! hosts are done (lower case, full-width letters/digits and dots, invisible
//! characters dropped); the rest of the mapping table is not carried.

use std::borrow::Cow;

use super::punycode;

/// The prefix marking an ASCII-compatible (punycode) label.
const ACE_PREFIX: &str = "xn--";
/// DNS limits: bytes per label, bytes per host (without a trailing dot).
const MAX_LABEL: usize = 63;
const MAX_HOST: usize = 253;

/// Label separators: the ASCII full stop and the ideographic / full-width /
/// half-width full stops that IDNA maps to it.
pub(crate) fn is_dot(c: char) -> bool {
    matches!(c, '.' | '\u{3002}' | '\u{FF0E}' | '\u{FF61}')
}

/// The host in ASCII: labels lower-cased, Unicode labels punycoded with `xn--`.
/// `None` for an empty label, a label or host over the DNS length limits, or a
/// Unicode label with characters no host name can hold. ASCII labels are kept
/// as they are (lower-cased): the URL canonicalizer owns their character rules.
pub(super) fn host_to_ascii(host: &str) -> Option<String> {
    let mut out = String::with_capacity(host.len());
    for (i, label) in host.split(is_dot).enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(&label_to_ascii(label)?);
        if out.len() > MAX_HOST {
            return None;
        }
    }
    Some(out)
}

/// One label to ASCII (see [`host_to_ascii`]).
pub(super) fn label_to_ascii(label: &str) -> Option<String> {
    let mut mapped = String::with_capacity(label.len());
    for c in label.chars() {
        match c {
            // Full-width digits, capitals, small letters and hyphen-minus.
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' | '\u{FF0D}' => {
                let ascii = char::from_u32(u32::from(c) - 0xFEE0)?;
                mapped.push(ascii.to_ascii_lowercase());
            }
            // Invisible characters browsers drop (soft hyphen, zero-width space,
            // word joiner, byte-order mark, variation selectors).
            '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}' => {}
            _ => mapped.extend(crate::lowercase::chars(c)),
        }
    }
    if mapped.is_empty() {
        return None;
    }
    if !mapped.is_ascii() {
        let allowed = |c: char| {
            if c.is_ascii() {
                c.is_ascii_alphanumeric() || c == '-' || c == '_'
            } else {
                !c.is_control() && !c.is_whitespace() && !is_dot(c) && c != '\u{FFFD}'
            }
        };
        // Every character costs at least one byte of the encoding: a longer
        // label cannot fit, and encoding it is quadratic in its length.
        if !mapped.chars().all(allowed) || mapped.chars().count() > MAX_LABEL {
            return None;
        }
        mapped = format!("{ACE_PREFIX}{}", punycode::encode(&mapped)?);
    }
    (mapped.len() <= MAX_LABEL).then_some(mapped)
}

/// The host as a person reads it: each `xn--` label decoded, unless it is not
/// a valid encoding, decodes to plain ASCII, or would not encode back to the
/// same label (so two different hosts never display alike). Such labels stay
/// as they are; so does everything else.
pub(super) fn host_to_unicode(host: &str) -> Cow<'_, str> {
    // Only a label with the ACE prefix can change; most hosts have none.
    if !has_ace_prefix(host) {
        return Cow::Borrowed(host);
    }
    let mut out = String::with_capacity(host.len());
    for (i, label) in host.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(&label_to_unicode(label));
    }
    Cow::Owned(out)
}

/// Whether `xn--` (any case) occurs in `host`. Only the hyphens are looked
/// for first: a byte scan that most hosts pass without a match.
fn has_ace_prefix(host: &str) -> bool {
    let b = host.as_bytes();
    b.windows(4).any(|w| w[2] == b'-' && w[3] == b'-' && w[..2].eq_ignore_ascii_case(b"xn"))
}

/// One label to Unicode (see [`host_to_unicode`]).
fn label_to_unicode(label: &str) -> Cow<'_, str> {
    let decoded = match label.get(..ACE_PREFIX.len()) {
        Some(prefix) if label.len() <= MAX_LABEL && prefix.eq_ignore_ascii_case(ACE_PREFIX) => {
            punycode::decode(&label[ACE_PREFIX.len()..].to_ascii_lowercase())
        }
        _ => None,
    };
    match decoded {
        Some(d) if !d.is_ascii() && label_to_ascii(&d).is_some_and(|back| back.eq_ignore_ascii_case(label)) => Cow::Owned(d),
        _ => Cow::Borrowed(label),
    }
}

#[cfg(test)]
mod tests {
    use super::{host_to_ascii, host_to_unicode, label_to_ascii};

    #[test]
    fn labels_to_ascii() {
        let cases = [
            ("example", Some("example")),
            ("EXAMPLE", Some("example")),
            ("bücher", Some("xn--bcher-kva")),
            ("BÜCHER", Some("xn--bcher-kva")),
            ("日本", Some("xn--wgv71a")),
            ("ｅｘａｍｐｌｅ", Some("example")),
            ("ＥＸＡＭＰＬＥ１２３", Some("example123")),
            ("pay\u{00AD}pal", Some("paypal")),
            ("pay\u{200B}pal", Some("paypal")),
            ("", None),
            ("\u{200B}", None),
            ("bad\u{0000}ü", None),
            ("a b ü", None),
            ("ü/x", None),
            ("ü\u{FFFD}", None),
        ];
        for (label, want) in cases {
            assert_eq!(label_to_ascii(label).as_deref(), want, "{label:?}");
        }
    }

    #[test]
    fn label_length_limits() {
        assert!(label_to_ascii(&"a".repeat(63)).is_some());
        assert_eq!(label_to_ascii(&"a".repeat(64)), None);
        // 29 characters whose encoding takes 67 bytes with the prefix.
        assert_eq!(label_to_ascii("日本語のドメイン名はとても長くなることがありますよね本当に"), None);
        assert_eq!(label_to_ascii("日本語のドメイン名").map(|l| l.len() <= 63), Some(true));
    }

    #[test]
    fn host_length_limit() {
        let label = "a".repeat(63);
        let ok = [label.as_str(); 4].join(".")[..253].to_string();
        assert!(host_to_ascii(&ok).is_some());
        let too_long = format!("{ok}a");
        assert_eq!(host_to_ascii(&too_long), None);
    }

    #[test]
    fn full_width_dots_separate_labels() {
        for host in ["例え。jp", "例え．jp", "例え｡jp"] {
            assert_eq!(host_to_ascii(host).as_deref(), Some("xn--r8jz45g.jp"), "{host}");
        }
        assert_eq!(host_to_ascii("ｅｘａｍｐｌｅ．ｃｏｍ").as_deref(), Some("example.com"));
    }

    #[test]
    fn unicode_round_trip_and_refusals() {
        assert_eq!(host_to_unicode("xn--bcher-kva.example"), "bücher.example");
        assert_eq!(host_to_unicode("XN--BCHER-KVA.example"), "bücher.example");
        // Invalid punycode stays as it is.
        assert_eq!(host_to_unicode("xn--bcher-kv9.example"), "xn--bcher-kv9.example");
        // Decodes to plain ASCII: not a valid IDN label.
        assert_eq!(host_to_unicode("xn--abc-.example"), "xn--abc-.example");
        // Decodes to full-width letters, which would encode differently: kept.
        let fw = format!("xn--{}", super::punycode::encode("ｇｏｏｇｌｅ").unwrap_or_default());
        assert_eq!(host_to_unicode(&fw), fw);
        // Decodes to a full-width dot that would display as a separator: kept.
        let dot = format!("xn--{}", super::punycode::encode("paypal。com").unwrap_or_default());
        assert_eq!(host_to_unicode(&dot), dot);
    }
}
