//! The layout of the lower-case tables, shared by `build.rs` (which derives
//! them from the toolchain's own `char::to_lowercase` and `str::to_lowercase`)
//! and `mod.rs` (which reads them), so the two can never disagree.
//!
//! **Mapping runs.** Every character whose lower case is one other character
//! lies in a run: `count` characters `stride` (1 or 2) apart, all moved by the
//! same `delta` (`A`–`Z` is one run, stride 1, delta 32; Latin Extended-A
//! alternates upper and lower, stride 2, delta 1). A run is one `u32`:
//! `start << START_SHIFT | delta_index << DELTA_SHIFT | (count - 1) << 1 | (stride - 1)`,
//! runs sorted by start; `delta_index` points into a table of the deltas.
//!
//! **Case_Ignorable.** Needed only for a capital sigma's final form: the set
//! as alternating lengths (characters outside, then inside, then outside...)
//! from U+0000, each as a LEB128 varint.

/// Bits of a run below its start character.
pub const START_SHIFT: u32 = 15;
/// Bits of a run below its delta index.
pub const DELTA_SHIFT: u32 = 8;
/// The largest delta index (7 bits).
pub const MAX_DELTAS: usize = 1 << (START_SHIFT - DELTA_SHIFT);
/// The most characters in one run (7 bits of `count - 1`).
pub const MAX_RUN: u32 = 1 << (DELTA_SHIFT - 1);

/// The one character whose lower case is two characters (`İ` → `i̇`), which
/// the runs cannot hold; build.rs checks that there is no other.
pub const DOTTED_CAPITAL_I: char = '\u{130}';
/// The lower case of [`DOTTED_CAPITAL_I`].
pub const DOTTED_CAPITAL_I_LOWER: [char; 2] = ['i', '\u{307}'];

/// Whether `c` is titlecase (Unicode `Lt`). With `char::is_lowercase` and
/// `char::is_uppercase` this gives the `Cased` property, so that set needs no
/// table of its own; build.rs checks it against the toolchain for every character.
pub fn is_titlecase(c: char) -> bool {
    matches!(c, '\u{1C5}' | '\u{1C8}' | '\u{1CB}' | '\u{1F2}' | '\u{1F88}'..='\u{1F8F}' | '\u{1F98}'..='\u{1F9F}' | '\u{1FA8}'..='\u{1FAF}' | '\u{1FBC}' | '\u{1FCC}' | '\u{1FFC}')
}

/// Unicode `Cased`: what counts as a letter with case around a final sigma.
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}
