//! Where entries sit in the brand tables build.rs generates: the mark packed
//! into name numbers and the token buckets.
//! build.rs places entries and the crate reads them with these same
//! definitions, so the two cannot drift.

/// In the brand text: stands for the brand's first token, in a domain
/// (`^.co.jp` for `amazon.co.jp`) or as a whole name (see [`token_in_case`]);
/// never a host-name byte, and no name starts with it.
pub const FIRST_TOKEN: char = '^';

/// Puts a brand's token (lower-case ASCII, in `bytes`) into the letter case
/// a name of `^` once, twice or three times stands for: as it is (1),
/// capitalized (2, `Chronopost`) or in upper case (3, `DKB`).
pub fn to_case(bytes: &mut [u8], case: usize) {
    let upper = match case {
        2 => bytes.get_mut(..1).unwrap_or_default(),
        3 => bytes,
        _ => return,
    };
    upper.make_ascii_uppercase();
}

/// Before a brand's name in the table: the name English readers are shown
/// (`en:National Police Agency`), never looked for in page text, where its
/// words are too ordinary to name the brand.
pub const ENGLISH_ONLY: &str = "en:";

/// In a name's number in the page-name list: the name must match in letter case too.
pub const NAME_EXACT: u16 = 0x8000;

/// Host-name bytes tokens are made of: `a`–`z`, `0`–`9`, `-`.
pub const SYMBOLS: usize = 37;

/// A host-name byte's symbol number, `None` for bytes no token has.
#[inline]
pub fn symbol(b: u8) -> Option<usize> {
    match b {
        b'a'..=b'z' => Some(usize::from(b - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(b - b'0')),
        b'-' => Some(36),
        _ => None,
    }
}

/// How many token buckets there are: per first symbol, one for the one-byte
/// token and one per second symbol.
pub const TOKEN_BUCKETS: usize = SYMBOLS * (SYMBOLS + 1);

/// The bucket of the tokens starting with symbol `first` then `second`
/// (`None`: the one-byte token `first`). Buckets follow the tokens' sorted
/// order, so a bucket's tokens are a contiguous run of the sorted token list.
#[inline]
pub fn token_bucket(first: usize, second: Option<usize>) -> usize {
    first * (SYMBOLS + 1) + second.map_or(0, |s| s + 1)
}
