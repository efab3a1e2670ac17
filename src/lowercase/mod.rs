//! Unicode lower case, exactly as `char::to_lowercase` and `str::to_lowercase`
//! give it, from tables build.rs derives from those very functions (layout in
//! `format.rs`). The standard library's own case tables cost about 7 KB of the
//! gzip'd wasm; these hold the same mapping in about 2 KB. The tests compare
//! both for every character.

mod format;

use format::{is_cased, DELTA_SHIFT, DOTTED_CAPITAL_I, DOTTED_CAPITAL_I_LOWER, MAX_DELTAS, MAX_RUN, START_SHIFT};

include!(concat!(env!("OUT_DIR"), "/lowercase_table.rs"));

/// The lower case of `c`: one character, or two for `İ` (as `char::to_lowercase`).
pub fn chars(c: char) -> impl Iterator<Item = char> {
    let (first, second) = if c.is_ascii() {
        (c.to_ascii_lowercase(), None)
    } else if c == DOTTED_CAPITAL_I {
        (DOTTED_CAPITAL_I_LOWER[0], Some(DOTTED_CAPITAL_I_LOWER[1]))
    } else {
        (mapped(c), None)
    };
    std::iter::once(first).chain(second)
}

/// `s` in lower case, a capital sigma ending a word as `ς` (as `str::to_lowercase`).
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            let word_final = cased_after_ignorable(s[..i].chars().rev())
                && !cased_after_ignorable(s[i + 'Σ'.len_utf8()..].chars());
            out.push(if word_final { 'ς' } else { 'σ' });
        } else {
            out.extend(chars(c));
        }
    }
    out
}

/// The one-character lower case of a non-ASCII `c` (itself when it has none).
fn mapped(c: char) -> char {
    let u = u32::from(c);
    let after = LOWER_RUNS.partition_point(|&run| run >> START_SHIFT <= u);
    let Some(&run) = after.checked_sub(1).and_then(|i| LOWER_RUNS.get(i)) else {
        return c;
    };
    let offset = u - (run >> START_SHIFT);
    let stride = (run & 1) + 1;
    let count = ((run >> 1) & (MAX_RUN - 1)) + 1;
    if offset % stride != 0 || offset / stride >= count {
        return c;
    }
    let delta = LOWER_DELTAS.get((run >> DELTA_SHIFT) as usize & (MAX_DELTAS - 1)).copied().unwrap_or(0);
    u.checked_add_signed(delta).and_then(char::from_u32).unwrap_or(c)
}

/// Whether the first character of `chars` that is not case-ignorable is cased
/// (the test on each side of a sigma in Unicode's `Final_Sigma`).
fn cased_after_ignorable(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| !case_ignorable(c)).is_some_and(is_cased)
}

/// Unicode `Case_Ignorable`, read from the length stream [`CASE_IGNORABLE`].
fn case_ignorable(c: char) -> bool {
    let u = u32::from(c);
    let mut bytes = CASE_IGNORABLE.iter();
    let (mut end, mut inside) = (0u32, false);
    loop {
        let mut length = 0u32;
        let mut shift = 0;
        loop {
            let Some(&b) = bytes.next() else { return false };
            length |= u32::from(b & 0x7F) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        end += length;
        if u < end {
            return inside;
        }
        inside = !inside;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How the standard library lowers the sigma in `AΣ` + `c` + `tail`.
    fn std_sigma(c: char, tail: &str) -> Option<char> {
        let mut s = String::from("AΣ");
        s.push(c);
        s.push_str(tail);
        s.to_lowercase().chars().nth(1)
    }

    #[test]
    fn every_character_lowers_as_the_standard_library() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert!(chars(c).eq(c.to_lowercase()), "U+{:04X}", u32::from(c));
            // A cased letter after the sigma keeps it medial, unless skipped as
            // case-ignorable; then the `B` after it does.
            let stops_as_cased = std_sigma(c, "") == Some('σ');
            let ignorable = std_sigma(c, "B") == Some('σ') && !stops_as_cased;
            assert_eq!(case_ignorable(c), ignorable, "Case_Ignorable U+{:04X}", u32::from(c));
            assert_eq!(!ignorable && is_cased(c), stops_as_cased, "Cased U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn sigma_takes_its_final_form_as_the_standard_library() {
        for s in [
            "Σ", "ΣΑΣ", "ΑΣ", "ΑΣ.", "ΑΣ'Β", "ΑΣ.Β", "'Σ", "Α'Σ", "ὈΔΥΣΣΕΎΣ", "aΣ\u{301}", "aΣ\u{301}b", "ǅΣ", "İΣ",
            "ΣΣΣ a", "ΑΣ ΒΣ", "xn--ΑΣ.ΒΣ", "ΑΣ-ΒΣ", "ΑΣ\u{AD}", "a\u{2BB}Σ",
        ] {
            assert_eq!(string(s), s.to_lowercase(), "{s:?}");
        }
    }
}
