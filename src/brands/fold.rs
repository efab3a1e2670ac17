//! The width fold shared by the brand-name keys (folded by build.rs) and the
//! page text they are looked for in (folded at run time): both sides must fold
//! alike, so there is one definition.

/// Folds the width and case differences people do not see: full-width ASCII
/// (`ＡＢＣ１`) to ASCII, the ideographic space to a space.
#[inline]
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}
