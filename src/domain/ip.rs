//! IP-literal hosts: a site reached by number has no domain name to judge, which
//! is itself a signal, and has no public suffix.
//!
//! Hand-written rather than `std::net` parsing so the rules are exactly the
//! canonical forms the URL canonicalizer produces, and the wasm stays small.

/// Whether `host` is canonical dotted-decimal IPv4: four parts, each 0–255 in
/// decimal without leading zeros (`0.0.0.0` … `255.255.255.255`). Octal, hex and
/// short forms are the canonicalizer's business: it rewrites them to this form.
pub(super) fn is_ipv4(host: &str) -> bool {
    // Most hosts are names: a last byte that is no digit settles it at once.
    if !host.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let mut parts = 0;
    for part in host.split('.') {
        parts += 1;
        if parts > 4 || !is_octet(part) {
            return false;
        }
    }
    parts == 4
}

/// One decimal IPv4 part: 1–3 digits, at most 255, no leading zero, no sign.
fn is_octet(part: &str) -> bool {
    !part.is_empty()
        && part.len() <= 3
        && (part == "0" || !part.starts_with('0'))
        && part.bytes().all(|b| b.is_ascii_digit())
        && part.bytes().fold(0u16, |v, b| v * 10 + u16::from(b - b'0')) <= 255
}

/// Whether `host` is a bracketed IPv6 literal as URLs write it (`[::1]`,
/// `[2001:db8::1]`, `[::ffff:192.0.2.1]`); no zone identifiers.
pub(super) fn is_bracketed_ipv6(host: &str) -> bool {
    match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(inner) => is_ipv6(inner),
        None => false,
    }
}

/// RFC 4291 section 2.2 text forms: eight 16-bit hex groups, at most one `::`
/// standing for one or more zero groups, and an optional dotted IPv4 tail that
/// counts as two groups.
fn is_ipv6(s: &str) -> bool {
    let (head, tail, compressed) = match s.find("::") {
        Some(i) => (&s[..i], &s[i + 2..], true),
        None => (s, "", false),
    };
    if tail.contains("::") {
        return false;
    }
    let (head_groups, head_v4) = match groups(head) {
        Some(g) => g,
        None => return false,
    };
    let (tail_groups, _) = match groups(tail) {
        Some(g) => g,
        None => return false,
    };
    // The IPv4 tail may only end the address.
    if head_v4 && (compressed || !tail.is_empty()) {
        return false;
    }
    let total = head_groups + tail_groups;
    if compressed {
        total <= 7
    } else {
        total == 8
    }
}

/// Counts the groups of one side of `::` (`None` if malformed); the flag says
/// whether the last group was an IPv4 tail (counted as two groups).
fn groups(side: &str) -> Option<(usize, bool)> {
    if side.is_empty() {
        return Some((0, false));
    }
    let pieces: Vec<&str> = side.split(':').collect();
    let last = pieces.len() - 1;
    let mut count = 0;
    for (i, piece) in pieces.iter().enumerate() {
        if i == last && piece.contains('.') {
            return is_ipv4(piece).then_some((count + 2, true));
        }
        let hex = !piece.is_empty() && piece.len() <= 4 && piece.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex {
            return None;
        }
        count += 1;
    }
    Some((count, false))
}

#[cfg(test)]
mod tests {
    use super::{is_bracketed_ipv6, is_ipv4};

    #[test]
    fn ipv4_dotted_decimal() {
        for ok in ["0.0.0.0", "127.0.0.1", "255.255.255.255", "192.168.1.10", "10.0.0.200"] {
            assert!(is_ipv4(ok), "{ok}");
        }
        for bad in ["256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "+1.2.3.4", "1.2.3.4.", "a.b.c.d", "", "1.2.3.0x1", "1234.1.1.1", " 1.2.3.4", "01.2.3.4", "1.2.3.00"] {
            assert!(!is_ipv4(bad), "{bad}");
        }
    }

    #[test]
    fn ipv6_bracketed() {
        for ok in [
            "[::1]",
            "[::]",
            "[2001:db8::1]",
            "[2001:db8:0:0:0:0:2:1]",
            "[fe80::]",
            "[::ffff:192.0.2.1]",
            "[64:ff9b::192.0.2.33]",
            "[1:2:3:4:5:6:1.2.3.4]",
            "[1:2:3:4:5:6:7::]",
            "[::2:3:4:5:6:7:8]",
        ] {
            assert!(is_bracketed_ipv6(ok), "{ok}");
        }
        for bad in [
            "::1",
            "[::1",
            "[]",
            "[:::]",
            "[1::2::3]",
            "[1:2:3:4:5:6:7]",
            "[1:2:3:4:5:6:7:8:9]",
            "[1:2:3:4:5:6:7::8]",
            "[12345::]",
            "[g::1]",
            "[1.2.3.4::]",
            "[::1.2.3.4:5]",
            "[1:2:3:4:5:6:7:1.2.3.4]",
            "[fe80::1%25eth0]",
            "[:1]",
            "[1:]",
        ] {
            assert!(!is_bracketed_ipv6(bad), "{bad}");
        }
    }

    #[test]
    fn ipv6_agrees_with_std() {
        // std's parser is the reference here (it is not used in the crate, to
        // keep the wasm small).
        let mut state: u32 = 0x2545_f491;
        let alphabet = b"0123456789abcdef:::.";
        for _ in 0..20_000 {
            let mut s = String::new();
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let len = 2 + (state % 24) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                s.push(char::from(alphabet[(state % alphabet.len() as u32) as usize]));
            }
            let ours = is_bracketed_ipv6(&format!("[{s}]"));
            let std = s.parse::<std::net::Ipv6Addr>().is_ok();
            assert_eq!(ours, std, "{s}");
        }
    }
}
