//! Two letters drawn for one (`bl` or `cl` for `d`, `ld` for `b`, `rn` for
//! `m`), the ASCII homoglyph trick of kits and of dnstwist's homoglyph fuzzer,
//! often combined with one further slip (`feblex`, `coinldase`, `biscordl`).
//! Skeletons fold only the pairs that read as one letter in any font; these
//! looser pairs are undone here one at a time, and what is left is matched
//! against the brand labels like a typo. A few variants per label.

/// The letter a two-letter group imitates, if it is one of the groups.
fn imitated(a: u8, b: u8) -> Option<u8> {
    match (a, b) {
        (b'r' | b'n', b'n') | (b'r', b'r') => Some(b'm'),
        (b'v', b'v') => Some(b'w'),
        (b'c' | b'd' | b'b', b'l') => Some(b'd'),
        (b'l', b'b' | b'd') => Some(b'b'),
        (b'l', b'c') => Some(b'k'),
        (b'l', b'h') => Some(b'h'),
        _ => None,
    }
}

/// Longest label looked at.
const MAX_LEN: usize = 64;

/// Calls `f` with `label` where one two-letter group is replaced
/// by its letter ([`imitated`]), for each such group, until `f` returns true.
pub(super) fn each_contraction(label: &[u8], mut f: impl FnMut(&[u8]) -> bool) {
    if label.len() > MAX_LEN {
        return;
    }
    let mut buf = [0u8; MAX_LEN];
    for i in 0..label.len().saturating_sub(1) {
        let Some(letter) = imitated(label[i], label[i + 1]) else { continue };
        buf[..i].copy_from_slice(&label[..i]);
        buf[i] = letter;
        let rest = &label[i + 2..];
        buf[i + 1..i + 1 + rest.len()].copy_from_slice(rest);
        if f(&buf[..label.len() - 1]) {
            return;
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
