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
