//! Reads and writes IPv6 addresses for the URL canonicalizer.
//!
//! The same rules as `std::net::Ipv6Addr`'s parsing and display (tests compare
//! the two on many inputs), written out because std's IPv4/IPv6 parser and
//! formatter cost about 6 KB of wasm for one canonicalizer step.

/// The eight groups of an IPv6 address in RFC 4291 text form: 1–4 hex digits
/// per group, at most one `::` standing for one or more zero groups, and an
/// optional dotted-decimal IPv4 tail (no leading zeros) counting as two groups.
/// `None` for anything else, zone identifiers included.
pub fn parse(s: &str) -> Option<[u16; 8]> {
    let mut out = [0u16; 8];
    let (head, tail) = match s.find("::") {
        Some(i) => (&s[..i], Some(&s[i + 2..])),
        None => (s, None),
    };
    let mut head_groups = [0u16; 8];
    let n_head = groups(head, &mut head_groups, tail.is_none())?;
    match tail {
        None => {
            if n_head != 8 {
                return None;
            }
            out = head_groups;
        }
        Some(tail) => {
            let mut tail_groups = [0u16; 8];
            let n_tail = groups(tail, &mut tail_groups, true)?;
            // `::` stands for at least one zero group.
            if n_head + n_tail > 7 {
                return None;
            }
            out[..n_head].copy_from_slice(&head_groups[..n_head]);
            out[8 - n_tail..].copy_from_slice(&tail_groups[..n_tail]);
        }
    }
    Some(out)
}

/// Reads the `:`-separated groups of one side of `::` into `out`; the number
/// read, or `None` when one is malformed or there are too many. Only the last
/// side may end in an IPv4 tail (`ipv4_tail`).
fn groups(side: &str, out: &mut [u16; 8], ipv4_tail: bool) -> Option<usize> {
    if side.is_empty() {
        return Some(0);
    }
    let mut n = 0;
    let mut pieces = side.split(':').peekable();
    while let Some(piece) = pieces.next() {
        if ipv4_tail && pieces.peek().is_none() && piece.contains('.') {
            let v4 = ipv4(piece)?;
            if n + 2 > 8 {
                return None;
            }
            out[n] = u16::from(v4[0]) << 8 | u16::from(v4[1]);
            out[n + 1] = u16::from(v4[2]) << 8 | u16::from(v4[3]);
            return Some(n + 2);
        }
        if n == 8 || piece.is_empty() || piece.len() > 4 {
            return None;
        }
        let mut value = 0u16;
        for b in piece.bytes() {
            value = value << 4 | u16::from(hex_digit(b)?);
        }
        out[n] = value;
        n += 1;
    }
    Some(n)
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Dotted-decimal IPv4: four parts of 1–3 digits, each at most 255, no leading zero.
fn ipv4(s: &str) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut n = 0;
    for part in s.split('.') {
        if n == 4 || part.is_empty() || part.len() > 3 || (part.len() > 1 && part.starts_with('0')) {
            return None;
        }
        let mut value = 0u16;
        for b in part.bytes() {
            if !b.is_ascii_digit() {
                return None;
            }
            value = value * 10 + u16::from(b - b'0');
        }
        out[n] = u8::try_from(value).ok()?;
        n += 1;
    }
    (n == 4).then_some(out)
}

/// The address as `std` displays it: IPv4-mapped addresses as `::ffff:a.b.c.d`;
/// otherwise lower-case hex groups without leading zeros, the first longest run
/// of two or more zero groups written `::`.
pub fn format(groups: &[u16; 8]) -> String {
    let mut out = String::with_capacity(39);
    if groups[..5] == [0; 5] && groups[5] == 0xffff {
        out.push_str("::ffff:");
        for (i, byte) in [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].iter().enumerate() {
            if i > 0 {
                out.push('.');
            }
            push_number(&mut out, *byte, 10);
        }
        return out;
    }
    // The first longest run of zero groups.
    let (mut start, mut len) = (0, 0);
    let mut i = 0;
    while i < 8 {
        let run = groups[i..].iter().take_while(|&&g| g == 0).count();
        if run > len {
            (start, len) = (i, run);
        }
        i += run.max(1);
    }
    let write = |out: &mut String, part: &[u16]| {
        for (k, g) in part.iter().enumerate() {
            if k > 0 {
                out.push(':');
            }
            push_number(out, *g, 16);
        }
    };
    if len > 1 {
        write(&mut out, &groups[..start]);
        out.push_str("::");
        write(&mut out, &groups[start + len..]);
    } else {
        write(&mut out, groups);
    }
    out
}

/// Appends `value` in `radix` (10 or 16), lower case, without leading zeros.
fn push_number(out: &mut String, value: u16, radix: u16) {
    let mut digits = [0u8; 5];
    let mut n = 0;
    let mut v = value;
    loop {
        digits[n] = b"0123456789abcdef"[usize::from(v % radix)];
        n += 1;
        v /= radix;
        if v == 0 {
            break;
        }
    }
    for &d in digits[..n].iter().rev() {
        out.push(char::from(d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv6Addr;

    fn std_form(s: &str) -> Option<String> {
        s.parse::<Ipv6Addr>().ok().map(|a| a.to_string())
    }

    fn ours(s: &str) -> Option<String> {
        parse(s).map(|g| format(&g))
    }

    #[test]
    fn agrees_with_std_on_written_cases() {
        let cases = [
            "::", "::1", "1::", "1::1", "::ffff:192.0.2.1", "::ffff:c000:201", "::192.0.2.1", "64:ff9b::192.0.2.1",
            "2001:db8::1", "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:DB8::A", "1:2:3:4:5:6:7:8", "1:0:0:2:0:0:0:3",
            "1:0:0:2:0:0:3:4", "0:0:1:0:0:1:0:0", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "1::2:3:4:5:1.2.3.4",
            "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:::2", "1::2::3", ":1::2",
            "1::2:", ":", "", "12345::", "g::", "::1.2.3", "::1.2.3.4.5", "::01.2.3.4", "::1.2.3.256", "::0.0.0.0",
            "1.2.3.4::", "::1.2.3.4:1", "fe80::1%eth0", "::ffff:0.0.0.0", "0:0:0:0:0:ffff:1.2.3.4", "::ffff:1:2",
            "1:0::", "::0:1", "0::0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", " ::1", "::1 ", "+1::", "::-1",
        ];
        for s in cases {
            assert_eq!(ours(s), std_form(s), "{s:?}");
        }
    }

    #[test]
    fn agrees_with_std_on_generated_addresses() {
        // Every pattern of zero and non-zero groups, with a few group values,
        // written in full and compressed forms.
        for mask in 0u32..256 {
            for value in [1u16, 0xab, 0xffff, 0x0100] {
                let groups: Vec<u16> = (0..8).map(|i| if mask >> i & 1 == 1 { value.wrapping_add(i) } else { 0 }).collect();
                let full: Vec<String> = groups.iter().map(|g| format!("{g:x}")).collect();
                let padded: Vec<String> = groups.iter().map(|g| format!("{g:04X}")).collect();
                for s in [full.join(":"), padded.join(":")] {
                    assert_eq!(ours(&s), std_form(&s), "{s:?}");
                    let std_text = std_form(&s).expect("full forms parse");
                    assert_eq!(ours(&std_text), Some(std_text.clone()), "{std_text:?}");
                }
            }
        }
    }
}
