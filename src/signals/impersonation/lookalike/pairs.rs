//! Two letters drawn for one (`bl` or `cl` for `d`, `ld` for `b`, `rn` for
//! `m`), the ASCII homoglyph trick of kits and of dnstwist's homoglyph fuzzer,
//! often combined with one further slip (`feblex`, `coinldase`, `biscordl`).
//! Skeletons fold only the pairs that read as one letter in any font; these
//! looser pairs are undone here one at a time, and what is left is matched
//! against the brand labels like a typo. A few variants per label.

/// Two-letter groups and the letter they imitate.
const PAIRS: &[(&[u8; 2], u8)] = &[
    (b"rn", b'm'),
    (b"nn", b'm'),
    (b"rr", b'm'),
    (b"vv", b'w'),
    (b"cl", b'd'),
    (b"dl", b'd'),
    (b"bl", b'd'),
    (b"lb", b'b'),
    (b"ld", b'b'),
    (b"lc", b'k'),
    (b"lh", b'h'),
];

/// Longest label looked at.
const MAX_LEN: usize = 64;

/// Calls `f` with `label` where one two-letter group of [`PAIRS`] is replaced
/// by its letter, for each such group, until `f` returns true.
pub(super) fn each_contraction(label: &[u8], mut f: impl FnMut(&[u8]) -> bool) {
    if label.len() > MAX_LEN {
        return;
    }
    let mut buf = [0u8; MAX_LEN];
    for i in 0..label.len().saturating_sub(1) {
        let pair = [label[i], label[i + 1]];
        for &(_, letter) in PAIRS.iter().filter(|(p, _)| **p == pair) {
            buf[..i].copy_from_slice(&label[..i]);
            buf[i] = letter;
            let rest = &label[i + 2..];
            buf[i + 1..i + 1 + rest.len()].copy_from_slice(rest);
            if f(&buf[..label.len() - 1]) {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(label: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_contraction(label.as_bytes(), |v| {
            out.push(String::from_utf8_lossy(v).into_owned());
            false
        });
        out
    }

    #[test]
    fn each_pair_is_undone_alone() {
        assert_eq!(all("feblex"), ["fedex"]);
        assert_eq!(all("coinldase"), ["coinbase"]);
        assert_eq!(all("clrnx"), ["drnx", "clmx"]);
        assert!(all("amazon").is_empty());
        assert!(all("").is_empty());
        assert!(all(&"rn".repeat(100)).is_empty());
    }
}
