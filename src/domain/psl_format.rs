//! The byte format of the compiled Public Suffix List table, shared by
//! `build.rs` (which writes it) and `psl.rs` (which reads it), so the two can
//! never disagree.
//!
//! A key is a rule's labels in reverse order, joined by dots, in ASCII
//! (`jp.tokyo`, `cn.xn--55qx5d`; a wildcard rule `*.ck` is stored on key `ck`,
//! an exception `!www.ck` on key `ck.www`). Keys are sorted bytewise and stored
//! one entry each: a header byte, then the key's labels after the ones it
//! shares with the previous key (joined by dots; all bytes below `HEADER`, so
//! the next header ends the entry). The header is `HEADER | code << 3 | shared`:
//! `shared` is the number of leading labels taken from the previous key, and
//! `code` indexes a small table of the flag combinations that occur (bits below).
//!
//! Every 20th entry (build.rs picks the interval) has `shared = 0`, and a
//! separate index holds the byte offset of each such block start: a lookup
//! binary-searches the block starts, then decodes one block. Keys that are not
//! rules themselves but lie on the way to one (`com.amazonaws` for
//! `*.compute.amazonaws.com`) are stored with no flags, so a lookup may stop at
//! the first key that is missing.

/// Marks the first byte of an entry.
pub const HEADER: u8 = 0x80;
/// Bits of the header holding the shared label count; above them, the code.
pub const SHARED_BITS: u8 = 3;
/// The key itself is a rule (`co.jp`).
pub const EXACT: u8 = 1;
/// ...and that rule is in the PRIVATE section.
pub const EXACT_PRIVATE: u8 = 2;
/// `*.` + the key is a rule (`*.ck`).
pub const WILDCARD: u8 = 4;
/// ...and that rule is in the PRIVATE section.
pub const WILDCARD_PRIVATE: u8 = 8;
/// `!` + the key is a rule (`!www.ck`).
pub const EXCEPTION: u8 = 16;
/// ...and that rule is in the PRIVATE section.
pub const EXCEPTION_PRIVATE: u8 = 32;
