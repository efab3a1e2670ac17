//! Key lookups in the Public Suffix List table, with each block decoded the
//! first time a lookup lands in it.
//!
//! Searching the front-coded table in place cost about 4k instructions a
//! host (block first keys compared byte by byte, then up to 20 entries
//! decoded per key). Here the block search compares the first eight bytes of
//! each block's first key as one number, and a block, once decoded, keeps its
//! keys whole, so a later lookup only compares lengths and bytes (about 500
//! instructions a host in all). Nothing of it ships: the eight-byte starts
//! cost a few thousand instructions at the first lookup, and each block about
//! 2k when a host first needs it.

use std::sync::OnceLock;

use super::{BLOCKS, FLAGS, TABLE};
use crate::domain::psl_format::{HEADER, SHARED_BITS};

/// The flags stored for `key`, `None` when it is not in the table.
pub(super) fn find(key: &[u8]) -> Option<u8> {
    /// Each block's keys, decoded on first use.
    static DECODED: [OnceLock<Block>; BLOCKS.len()] = [const { OnceLock::new() }; BLOCKS.len()];
    let block = block_of(key)?;
    DECODED.get(block)?.get_or_init(|| Block::decode(block)).find(key)
}

/// [`prefix`] of each block's first key, made at the first lookup.
fn starts() -> &'static [u64; BLOCKS.len()] {
    static STARTS: OnceLock<[u64; BLOCKS.len()]> = OnceLock::new();
    STARTS.get_or_init(|| {
        let mut starts = [0; BLOCKS.len()];
        for (p, &start) in starts.iter_mut().zip(&BLOCKS) {
            *p = prefix(first_key(start));
        }
        starts
    })
}

/// The number of the last block whose first key is not above `key`: the
/// only block that can hold it.
fn block_of(key: &[u8]) -> Option<usize> {
    let starts = starts();
    let p = prefix(key);
    // Blocks below `lo` start at or below the key, those from `hi` above it.
    let (mut lo, mut hi) = (0, starts.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = *starts.get(mid)?;
        // Equal prefixes leave the order to the bytes after them.
        let at_or_below = start < p || (start == p && first_key(*BLOCKS.get(mid)?) <= key);
        if at_or_below {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo.checked_sub(1)
}

/// The first eight bytes of `key` as a big-endian number, padded with zero
/// bytes: two keys whose numbers differ are in the same order as the numbers
/// (a zero pad sorts below every byte, as a key's end does).
fn prefix(key: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    let n = key.len().min(8);
    bytes[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(bytes)
}

/// The key of the whole (unshared) entry that starts at byte `start`.
fn first_key(start: u32) -> &'static [u8] {
    let rest = usize::try_from(start).ok().and_then(|s| TABLE.get(s + 1..)).unwrap_or(&[]);
    let len = rest.iter().position(|&b| b >= HEADER).unwrap_or(rest.len());
    &rest[..len]
}

/// One block's keys, rebuilt whole from their shared labels: each key as
/// its length, its flags and its bytes, back to back.
struct Block(Vec<u8>);

impl Block {
    /// Decodes block `block` of the table. A malformed entry ends the block
    /// (the table is build.rs's, so this does not happen).
    fn decode(block: usize) -> Block {
        let start = BLOCKS.get(block).and_then(|&s| usize::try_from(s).ok()).unwrap_or(TABLE.len());
        let end = BLOCKS.get(block + 1).and_then(|&e| usize::try_from(e).ok()).unwrap_or(TABLE.len());
        let entries = TABLE.get(start..end).unwrap_or(&[]);
        let mut out = Vec::with_capacity(entries.len() * 3);
        // Where the previous key's bytes are in `out`.
        let mut prev = 0..0;
        let mut i = 0;
        while let Some(&header) = entries.get(i) {
            let Some(&flags) = FLAGS.get(usize::from((header & !HEADER) >> SHARED_BITS)) else { break };
            let shared = usize::from(header & ((1 << SHARED_BITS) - 1));
            let own = entries.get(i + 1..).unwrap_or(&[]);
            let own_len = own.iter().position(|&b| b >= HEADER).unwrap_or(own.len());
            // The previous key's first `shared` labels.
            let kept = match shared.checked_sub(1) {
                None => 0,
                Some(dots) => {
                    let p = out.get(prev.clone()).unwrap_or(&[]);
                    p.iter().enumerate().filter(|&(_, &b)| b == b'.').nth(dots).map_or(p.len(), |(at, _)| at)
                }
            };
            let joined = kept + usize::from(shared > 0);
            let Ok(len) = u8::try_from(joined + own_len) else { break };
            out.extend_from_slice(&[len, flags]);
            let key_start = out.len();
            if shared > 0 {
                out.extend_from_within(prev.start..prev.start + kept);
                out.push(b'.');
            }
            out.extend_from_slice(&own[..own_len]);
            prev = key_start..out.len();
            i += 1 + own_len;
        }
        Block(out)
    }

    /// The flags of `key` if this block holds it.
    fn find(&self, key: &[u8]) -> Option<u8> {
        let mut rest = self.0.as_slice();
        while let [len, flags, tail @ ..] = rest {
            let (k, next) = tail.split_at_checked(usize::from(*len))?;
            if k == key {
                return Some(*flags);
            }
            rest = next;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_block_decodes_from_its_first_key_in_order() {
        let starts = starts();
        for (block, &start) in BLOCKS.iter().enumerate() {
            let decoded = Block::decode(block);
            let mut keys = Vec::new();
            let mut rest = decoded.0.as_slice();
            while let [len, _, tail @ ..] = rest {
                let (key, next) = tail.split_at(usize::from(*len));
                keys.push(key);
                rest = next;
            }
            assert_eq!(keys.first(), Some(&first_key(start)), "block {block}");
            assert_eq!(starts[block], prefix(first_key(start)));
            assert!(keys.windows(2).all(|w| w[0] < w[1]), "block {block} out of order");
            assert!(!keys.is_empty() && keys.len() <= 64, "block {block}: {} keys", keys.len());
        }
    }

    #[test]
    fn prefixes_order_as_their_keys_where_they_differ() {
        let keys: [&[u8]; 8] = [b"", b"a", b"a.b", b"abcdefgh", b"abcdefgh.x", b"abcdefgz", b"b", b"\0"];
        for a in keys {
            for b in keys {
                if prefix(a) != prefix(b) {
                    assert_eq!(prefix(a).cmp(&prefix(b)), a.cmp(b), "{a:?} {b:?}");
                }
            }
        }
    }
}
