//! Key lookups in the Public Suffix List table, with each block decoded the
//! first time a lookup lands in it.
//!
//! Searching the front-coded table in place cost about 4k instructions a
//! host (block first keys compared byte by byte, then up to 20 entries
//! decoded per key). Here the block search compares the first eight bytes of
//! each block's first key as one number, and a block, once decoded, keeps its
//! keys whole with their first eight bytes as numbers too, so a later lookup
//! compares integers and only a long key's tail as bytes (about 800
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
    let p = prefix(key);
    let block = block_of(key, p)?;
    DECODED.get(block)?.get_or_init(|| Block::decode(block)).find(key, p)
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
/// only block that can hold it. `p` is the key's [`prefix`].
fn block_of(key: &[u8], p: u64) -> Option<usize> {
    let starts = starts();
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

/// One block's keys, rebuilt whole from their shared labels, in order.
struct Block {
    keys: Vec<Key>,
    /// The bytes of each key after its first eight, back to back.
    tails: Vec<u8>,
}

/// One key of a [`Block`], compared with a looked-up key one number at a time.
struct Key {
    /// [`prefix`] of the key.
    prefix: u64,
    /// Its length in bytes.
    len: u8,
    /// Its flags.
    flags: u8,
    /// Where its tail ends in [`Block::tails`] (the previous key's end is its start).
    tail_end: u16,
}

impl Block {
    /// Decodes block `block` of the table. A malformed entry ends the block
    /// (the table is build.rs's, so this does not happen).
    fn decode(block: usize) -> Block {
        let start = BLOCKS.get(block).and_then(|&s| usize::try_from(s).ok()).unwrap_or(TABLE.len());
        let end = BLOCKS.get(block + 1).and_then(|&e| usize::try_from(e).ok()).unwrap_or(TABLE.len());
        let entries = TABLE.get(start..end).unwrap_or(&[]);
        let (mut keys, mut tails) = (Vec::new(), Vec::new());
        // The key being rebuilt: the previous one's shared labels, then its own.
        let mut key: Vec<u8> = Vec::new();
        let mut i = 0;
        while let Some(&header) = entries.get(i) {
            let Some(&flags) = FLAGS.get(usize::from((header & !HEADER) >> SHARED_BITS)) else { break };
            let shared = usize::from(header & ((1 << SHARED_BITS) - 1));
            match shared.checked_sub(1) {
                None => key.clear(),
                Some(dots) => {
                    let kept = key.iter().enumerate().filter(|&(_, &b)| b == b'.').nth(dots).map_or(key.len(), |(at, _)| at);
                    key.truncate(kept);
                    key.push(b'.');
                }
            }
            let own = entries.get(i + 1..).unwrap_or(&[]);
            let own_len = own.iter().position(|&b| b >= HEADER).unwrap_or(own.len());
            key.extend_from_slice(&own[..own_len]);
            tails.extend_from_slice(key.get(8..).unwrap_or(&[]));
            let (Ok(len), Ok(tail_end)) = (u8::try_from(key.len()), u16::try_from(tails.len())) else { break };
            keys.push(Key { prefix: prefix(&key), len, flags, tail_end });
            i += 1 + own_len;
        }
        Block { keys, tails }
    }

    /// The flags of `key`, whose [`prefix`] is `p`, if this block holds it.
    /// The keys are in order, so their prefixes are too: a binary search
    /// finds the keys that start as `key` does, and only their tails are
    /// compared (most lookups of a host's last, missing key end there).
    fn find(&self, key: &[u8], p: u64) -> Option<u8> {
        let first = self.keys.partition_point(|k| k.prefix < p);
        let mut tail_start = first.checked_sub(1).and_then(|i| self.keys.get(i)).map_or(0, |k| usize::from(k.tail_end));
        for k in self.keys.get(first..)?.iter().take_while(|k| k.prefix == p) {
            let tail_end = usize::from(k.tail_end);
            // Same first eight bytes and length: only a longer key's tail is left.
            if usize::from(k.len) == key.len() && self.tails.get(tail_start..tail_end) == Some(key.get(8..).unwrap_or(&[])) {
                return Some(k.flags);
            }
            tail_start = tail_end;
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
            let mut tail_start = 0;
            for k in &decoded.keys {
                let tail = &decoded.tails[tail_start..usize::from(k.tail_end)];
                tail_start = usize::from(k.tail_end);
                let mut key = k.prefix.to_be_bytes()[..usize::from(k.len).min(8)].to_vec();
                key.extend_from_slice(tail);
                assert_eq!(key.len(), usize::from(k.len));
                keys.push(key);
            }
            assert_eq!(keys.first().map(Vec::as_slice), Some(first_key(start)), "block {block}");
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
