//! The hash the hosting table is keyed by, shared by `build.rs` (which writes
//! `data/hosting.tsv`'s rows in its order, so nothing is sorted on the first
//! check) and `signals::hosting` (which looks suffixes up by it); the abused
//! endings of `signals::lexical` are looked up by it too.
//!
//! FNV-1a over the bytes from the last one back: lookups compare integers,
//! not strings, and one right-to-left pass over a host yields the hash of
//! every suffix of it ([`hash_step`]).

/// The hash of the empty string.
pub const HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The [`hash`] of a string with `b` put in front, from the string's hash.
pub fn hash_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

/// The hash of `s`.
pub fn hash(s: &str) -> u64 {
    s.bytes().rev().fold(HASH_START, hash_step)
}
