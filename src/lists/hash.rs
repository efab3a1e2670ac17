//! The one hash the lists use, for entries, lookups and the checksum of the
//! stored form. It must give the same value natively and in wasm (so a list
//! compiled by the CLI works in the browser), hence no `std` hasher, whose
//! output is not promised to stay stable.
//!
//! Construction: the length seeds the state; every 8-byte little-endian word is
//! xored in, multiplied by an odd constant and xor-shifted (each step is a
//! bijection of the state, so two inputs that differ in one word never collide
//! before the finaliser); the tail is zero-padded; murmur3's `fmix64` avalanches
//! the result. It is not a keyed or cryptographic hash: it is meant for feed
//! entries and URLs, not to resist someone crafting collisions on purpose.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hashes `bytes` to 64 well-mixed bits.
pub fn hash64(bytes: &[u8]) -> u64 {
    let mut h = (bytes.len() as u64).wrapping_mul(K) ^ 0x243F_6A88_85A3_08D3;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = step(h, u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = step(h, u64::from_le_bytes(w));
    }
    fmix64(h)
}

/// [`hash64`] of the concatenation of `pieces`, without building it: how a
/// lookup hashes a URL's expressions (host suffix, path prefix, query).
pub fn hash64_pieces<'a>(pieces: impl Iterator<Item = &'a [u8]> + Clone) -> u64 {
    let len: usize = pieces.clone().map(<[u8]>::len).sum();
    let mut h = (len as u64).wrapping_mul(K) ^ 0x243F_6A88_85A3_08D3;
    // The word being filled across piece boundaries, and its byte count.
    let (mut acc, mut fill) = (0u64, 0usize);
    for piece in pieces {
        let mut rest = piece;
        if fill > 0 {
            while fill < 8 {
                let Some((&b, r)) = rest.split_first() else { break };
                acc |= u64::from(b) << (8 * fill);
                fill += 1;
                rest = r;
            }
            if fill < 8 {
                continue;
            }
            h = step(h, acc);
            acc = 0;
        }
        let mut chunks = rest.chunks_exact(8);
        for c in &mut chunks {
            h = step(h, u64::from_le_bytes(<[u8; 8]>::try_from(c).unwrap_or_default()));
        }
        for (i, &b) in chunks.remainder().iter().enumerate() {
            acc |= u64::from(b) << (8 * i);
        }
        fill = chunks.remainder().len();
    }
    if fill > 0 {
        h = step(h, acc);
    }
    fmix64(h)
}

fn step(h: u64, w: u64) -> u64 {
    let h = (h ^ w).wrapping_mul(K);
    h ^ (h >> 29)
}

fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // Pinned: a change here breaks every list already compiled and stored.
        assert_ne!(hash64(b"a"), hash64(b"a\0"));
        assert_ne!(hash64(b"evil.example/"), hash64(b"evil.example/x"));
        assert_eq!(hash64(b"evil.example/"), 15574598463538627655);
    }

    #[test]
    fn pieces_hash_like_their_concatenation() {
        let text = b"sub.evil.example.co.jp/login/secure/account?id=12345&x=y";
        for a in 0..text.len() {
            for b in a..text.len() {
                let pieces = [&text[..a], &text[a..b], &b""[..], &text[b..]];
                assert_eq!(hash64_pieces(pieces.into_iter()), hash64(text), "{a} {b}");
            }
        }
        assert_eq!(hash64_pieces([b"evil.example".as_slice(), b"/"].into_iter()), 15574598463538627655);
        assert_eq!(hash64_pieces(std::iter::empty()), hash64(b""));
    }

    #[test]
    fn low_and_high_bits_both_vary() {
        let mut lows = std::collections::HashSet::new();
        let mut highs = std::collections::HashSet::new();
        for i in 0..1000u32 {
            let h = hash64(format!("host{i}.example/").as_bytes());
            lows.insert(h & 0xFF);
            highs.insert(h >> 56);
        }
        assert!(lows.len() > 200 && highs.len() > 200);
    }
}
