//! Confusable skeletons: what a host label looks like to a reader, folded to
//! plain ASCII so `аррӏе` (Cyrillic), `åpplé` and `app1e` all read `apple`.
//!
//! Two folds, applied in order:
//! 1. Unicode: every character UTS #39 lists as confusable with an ASCII letter
//!    or digit, plus Latin letters with diacritics (`data/confusables.tsv`).
//! 2. ASCII tricks typed on purpose: `0`→`o`; `1`, `i`, `l`→`l`; `5`→`s`;
//!    `q`→`g`; `v`→`u`; then the pairs `rn`, `nn`→`m`; `vv`, `uu`→`w`;
//!    `cl`, `dl`→`d` (repeated while new pairs form); `lb`→`b`; `lc`, `lk`→`k`; `lh`→`h`; hyphens dropped.
//!
//! Brand labels go through the same folds, so comparing skeletons compares
//! what people see.

use std::sync::OnceLock;

const CONFUSABLES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/data/confusables.tsv"));

/// Sorted (character, ASCII look-alike) pairs from `data/confusables.tsv`.
fn confusables() -> &'static [(char, &'static str)] {
    static TABLE: OnceLock<Vec<(char, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(char, &'static str)> = CONFUSABLES_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let cp = u32::from_str_radix(cols.next()?, 16).ok()?;
                let ascii = cols.next()?;
                Some((char::from_u32(cp)?, ascii))
            })
            .collect();
        crate::sort::sort_by_key(&mut table, |(c, _)| *c);
        table
    })
}

/// The ASCII a non-ASCII character looks like, if it looks like any.
fn unicode_fold(c: char) -> Option<&'static str> {
    let table = confusables();
    table.binary_search_by_key(&c, |(k, _)| *k).ok().map(|i| table[i].1)
}

/// The single-letter ASCII folds (also the first step of loose lookalike keys).
const fn fold_ascii(b: u8) -> u8 {
    match b {
        b'0' => b'o',
        b'1' | b'i' => b'l',
        b'5' => b's',
        b'q' => b'g',
        b'v' => b'u',
        _ => b,
    }
}

/// What [`fold_letters`] makes of each ASCII character, looked up rather than
/// worked out per character: `-` for dropped, 0 for no letter or digit.
const ASCII_FOLDS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let lower = (b as u8).to_ascii_lowercase();
        table[b] = if lower == b'-' {
            b'-'
        } else if lower.is_ascii_lowercase() || lower.is_ascii_digit() {
            fold_ascii(lower)
        } else {
            0
        };
        b += 1;
    }
    table
};

/// The first fold of [`Skeleton`] alone: each character to the ASCII it
/// looks like, hyphens dropped, written into `folded`; the length written, or
/// `None` when a character looks like no ASCII letter or digit (or the label
/// is too long). Loose lookalikes start from here.
pub(super) fn fold_letters(label: &str, folded: &mut [u8; 128]) -> Option<usize> {
    let mut n = 0usize;
    let mut push = |b: u8| {
        *folded.get_mut(n)? = b;
        n += 1;
        Some(())
    };
    for c in label.chars() {
        if c.is_ascii() {
            match ASCII_FOLDS[c as usize] {
                b'-' => {}
                0 => return None,
                b => push(b)?,
            }
        } else {
            for b in unicode_fold(c)?.bytes() {
                push(fold_ascii(b))?;
            }
        }
    }
    Some(n)
}

/// The skeleton of a host label (as people read it, Unicode allowed), kept
/// on the stack so that checks allocate nothing.
pub struct Skeleton {
    bytes: [u8; 128],
    len: usize,
}

impl Skeleton {
    /// The skeleton of a label folded by [`fold_letters`] (its first `n`
    /// bytes): the callers also need the folded letters. A label that
    /// [`fold_letters`] refuses (a character that looks like no ASCII letter
    /// or digit) has no skeleton: it cannot be read as an ASCII brand name.
    pub(super) fn of_folded(mut folded: [u8; 128], mut n: usize) -> Option<Skeleton> {
        // A fold can make a new pair (`cll` → `dl` → `d`, as `discord` reads
        // `dscord`): fold until nothing changes, so the result does not depend on
        // where a fold began. Each pass that changes anything shortens the label.
        loop {
            let m = fold_pairs(&mut folded, n);
            if m == n {
                break;
            }
            n = m;
        }
        (n > 0).then_some(Skeleton { bytes: folded, len: n })
    }

    /// The skeleton's bytes (ASCII), as the checks compare them, with no
    /// UTF-8 check.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// The skeleton as text: ASCII, since every fold yields ASCII.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

/// The pair folds over `bytes[..n]`, left to right, in place; returns the
/// new length. `v` is already `u` here, and `i` is `l`.
fn fold_pairs(bytes: &mut [u8; 128], n: usize) -> usize {
    let (mut i, mut w) = (0, 0);
    while i < n {
        let joined = match (bytes[i], bytes.get(i + 1).filter(|_| i + 1 < n)) {
            (b'r' | b'n', Some(b'n')) => Some(b'm'),
            (b'u', Some(b'u')) => Some(b'w'),
            (b'c' | b'd', Some(b'l')) => Some(b'd'),
            (b'l', Some(b'b')) => Some(b'b'),
            (b'l', Some(b'c' | b'k')) => Some(b'k'),
            (b'l', Some(b'h')) => Some(b'h'),
            _ => None,
        };
        match joined {
            Some(c) => {
                bytes[w] = c;
                i += 2;
            }
            None => {
                bytes[w] = bytes[i];
                i += 1;
            }
        }
        w += 1;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sk(s: &str) -> Option<String> {
        let mut folded = [0u8; 128];
        let n = fold_letters(s, &mut folded)?;
        Skeleton::of_folded(folded, n).map(|k| k.as_str().to_string())
    }

    #[test]
    fn unicode_lookalikes_fold_to_ascii() {
        assert_eq!(sk("аррӏе").as_deref(), Some("apple"), "Cyrillic");
        assert_eq!(sk("åpplé").as_deref(), Some("apple"), "diacritics");
        assert_eq!(sk("mètamask"), sk("metamask"));
    }

    #[test]
    fn ascii_tricks_fold() {
        assert_eq!(sk("arnazon"), sk("amazon"));
        assert_eq!(sk("amaz0n"), sk("amazon"));
        assert_eq!(sk("paypa1"), sk("paypal"));
        assert_eq!(sk("1nstagram"), sk("instagram"));
        assert_eq!(sk("tvvitter"), sk("twitter"));
        assert_eq!(sk("uvhatsapp"), sk("whatsapp"));
        assert_eq!(sk("kur0nelcoyamato"), sk("kuronekoyamato"));
        assert_eq!(sk("ad0lbe"), sk("adobe"));
        assert_eq!(sk("smbc-card"), sk("smbccard"));
        assert_eq!(sk("cliscord"), sk("discord"), "folds repeat until stable");
        assert_eq!(sk("fecllex"), sk("fedlex"));
        assert_ne!(sk("amazon"), sk("amazom"));
    }

    #[test]
    fn unreadable_labels_have_no_skeleton() {
        assert_eq!(sk("楽天"), None);
        assert_eq!(sk("a_b"), None);
        assert_eq!(sk("-"), None);
    }
}
