//! The compact store: a set of 64-bit expression hashes kept as Elias–Fano
//! coded fingerprints inside one byte buffer, which is also the stored form.
//!
//! # Sizing (why these numbers meet the budget)
//!
//! Each entry keeps a fingerprint of `32 + p` bits of its hash, where
//! `p = ceil(log2 n)` (so `n ≤ 2^p < 2n`). The top `p` bits pick one of `B = 2^p`
//! buckets; the low 32 bits are stored as a plain `u32`, sorted.
//!
//! * **False matches.** A clean expression matches only if its fingerprint
//!   equals one of the `n` stored ones: probability `n / 2^(32+p) ≤ 2^-32`.
//!   A URL has at most `E = 30` expressions, so a clean URL falsely matches
//!   with probability `≤ E · 2^-32 ≈ 7.0e-9`, under the 1e-8 budget, whatever `n`.
//! * **Memory.** Low parts: 32 bits per entry. Bucket sizes in unary (Elias–Fano
//!   upper bits): one `1` per entry and one `0` per bucket, `n + B < 3n` bits.
//!   Index: the bit position where every 16th bucket starts, a `u32` per 16
//!   buckets, `2B` bits `< 4n` bits. Total `< 32 + 3 + 4 = 39` bits = 4.88 bytes
//!   per entry at worst (n just past a power of two), 4.5 at best; 1,000,000
//!   entries take 4.52 MB. The buffer is also the file: size on disk = in memory.
//! * **Lookup.** Read the index word of the bucket's block, skip up to 15
//!   bucket ends in the unary bits (one or two 64-bit words), then compare the
//!   ~1 low part in the bucket: a few dozen instructions and 2–3 cache misses,
//!   which [`CompiledList::contains_any`] overlaps across a URL's expressions.
//! * **Hosts-only lists.** Most big lists (hosts files, domain block lists)
//!   name whole hosts only. Such a list is flagged when compiled, and a URL is
//!   then looked up by its `host/` expressions alone (2 for
//!   `https://www.evil.example/a/b?q`, not 8): as many fewer cache misses, and
//!   no entry is missed, since an entry `host/` can only equal an expression
//!   whose path is `/`. Lists stored before the flag existed read as 0 (may
//!   name paths) and are looked up by every expression, as before.
//! * **Load.** Bytes in → magic, version, lengths, checksum and bit counts
//!   verified → used as they are (no rebuild, no copy beyond taking the buffer).
//!
//! # Layout (little-endian)
//!
//! ```text
//!  0  "SGLS"          magic
//!  4  u32 version     FORMAT_VERSION
//!  8  u64 checksum    hash64 of every byte from offset 16 to the end
//! 16  u32 n           entries (distinct fingerprints)
//! 20  u32 p           bucket bits
//! 24  u64 built_at    Unix seconds when compiled (0 = unknown)
//! 32  u32 build_ms    time the compile took
//! 36  u32 skipped     feed lines that gave no entry
//! 40  u8 role, u8 format, u16 name length
//! 44  u32 flags       bit 0: every entry names a whole host (`host/`), so a
//!                     lookup needs only a URL's host expressions; other bits 0
//! 48  name (UTF-8), zero-padded to a multiple of 8
//!     low:   n × u32, zero-padded to a multiple of 8
//!     upper: ceil((n + 2^p) / 64) × u64
//!     index: ceil(2^p / 16) × u32, zero-padded to a multiple of 8
//! ```

use super::builder::MAX_ENTRIES;
use super::hash::hash64;
use super::{Format, Role};

/// Bumped whenever the layout or the hash changes; older bytes are refused.
pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8; 4] = b"SGLS";
const HEADER: usize = 48;
/// Buckets per index word.
const BLOCK: usize = 16;
/// Header flag: every entry is a whole host (see "Hosts-only lists").
const HOSTS_ONLY: u32 = 1;

/// Whether `bytes` look like a compiled list (the CLI uses it to tell a
/// compiled list from a feed).
pub fn is_compiled(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Why stored bytes were not accepted as a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not a compiled list at all.
    BadMagic,
    /// A list from another version of the format.
    Version(u32),
    /// Truncated, padded or inconsistent lengths.
    BadLength,
    /// The bytes were damaged after they were written.
    Checksum,
    /// Lengths and checksum fine, yet the content does not add up.
    Corrupt,
    /// A list compiled for the other role (a block list offered as trust).
    WrongRole,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::BadMagic => f.write_str("not a compiled SagiGuard list"),
            LoadError::Version(v) => write!(f, "compiled list has format version {v}, this engine reads {FORMAT_VERSION}"),
            LoadError::BadLength => f.write_str("compiled list is truncated or has a wrong length"),
            LoadError::Checksum => f.write_str("compiled list is damaged (checksum mismatch)"),
            LoadError::Corrupt => f.write_str("compiled list is inconsistent"),
            LoadError::WrongRole => f.write_str("compiled list was made for the other role (block / trust)"),
        }
    }
}

impl std::error::Error for LoadError {}

/// What a compiled list says about itself.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListMeta {
    /// The name people see ("which list named it").
    pub name: String,
    /// Block or trust.
    pub role: Role,
    /// The feed format it came from.
    pub format: Format,
    /// Distinct entries.
    pub entries: u32,
    /// Feed lines skipped as unusable.
    pub skipped: u32,
    /// Unix seconds when it was compiled (0 when unknown).
    pub built_at: u64,
    /// How long compiling took, in milliseconds.
    pub build_ms: u32,
    /// Every entry names a whole host (`evil.example/`), none a path: a URL
    /// is then looked up by its host expressions only.
    pub hosts_only: bool,
}

/// One compiled list: a set of expression hashes plus its name, in the
/// compact form described in the module doc.
#[derive(Clone, Debug)]
pub struct CompiledList {
    bytes: Vec<u8>,
    name: String,
    n: usize,
    p: u32,
    low_off: usize,
    upper_off: usize,
    upper_words: usize,
    index_off: usize,
}

fn pad8(x: usize) -> usize {
    x.div_ceil(8) * 8
}

/// Offsets of the sections for `n` entries, `p` bucket bits and a name of
/// `name_len` bytes: (low, upper, upper words, index, index words, total).
fn layout(n: usize, p: u32, name_len: usize) -> (usize, usize, usize, usize, usize, usize) {
    let buckets = 1usize << p;
    let low_off = HEADER + pad8(name_len);
    let upper_off = low_off + pad8(n * 4);
    let upper_words = (n + buckets).div_ceil(64);
    let index_off = upper_off + upper_words * 8;
    let index_len = buckets.div_ceil(BLOCK);
    let total = index_off + pad8(index_len * 4);
    (low_off, upper_off, upper_words, index_off, index_len, total)
}

/// Bucket bits for `n` entries: the smallest `p` with `2^p ≥ n`.
fn bucket_bits(n: usize) -> u32 {
    if n <= 1 {
        0
    } else {
        usize::BITS - (n - 1).leading_zeros()
    }
}

/// The `32 + p` bit fingerprint of a hash: its top bits.
fn fingerprint(h: u64, p: u32) -> u64 {
    h >> (32 - p)
}

impl CompiledList {
    /// Builds the store from expression hashes (any order, duplicates fine).
    /// `meta.entries` is ignored: the count is what remains after deduplication.
    /// Callers keep `hashes` within the feed caps, so `p ≤ 32`.
    pub fn build(hashes: &[u64], meta: &ListMeta) -> CompiledList {
        let p = bucket_bits(hashes.len()).min(32);
        let mut fps: Vec<u64> = hashes.iter().map(|&h| fingerprint(h, p)).collect();
        fps.sort_unstable();
        fps.dedup();
        let n = fps.len();
        let name = truncate_name(&meta.name);
        let (low_off, upper_off, upper_words, index_off, index_len, total) = layout(n, p, name.len());
        let mut bytes = vec![0u8; total];
        bytes[..4].copy_from_slice(MAGIC);
        put32(&mut bytes, 4, FORMAT_VERSION);
        put32(&mut bytes, 16, n as u32);
        put32(&mut bytes, 20, p);
        bytes[24..32].copy_from_slice(&meta.built_at.to_le_bytes());
        put32(&mut bytes, 32, meta.build_ms);
        put32(&mut bytes, 36, meta.skipped);
        put32(&mut bytes, 44, if meta.hosts_only { HOSTS_ONLY } else { 0 });
        bytes[40] = meta.role as u8;
        bytes[41] = meta.format as u8;
        bytes[42..44].copy_from_slice(&(name.len() as u16).to_le_bytes());
        bytes[HEADER..HEADER + name.len()].copy_from_slice(name.as_bytes());
        for (i, &f) in fps.iter().enumerate() {
            put32(&mut bytes, low_off + 4 * i, f as u32);
        }
        let mut upper = vec![0u64; upper_words];
        let mut index = Vec::with_capacity(index_len);
        let (mut pos, mut i) = (0usize, 0usize);
        for bucket in 0..(1u64 << p) {
            if bucket % BLOCK as u64 == 0 {
                index.push(pos as u32);
            }
            while i < n && fps[i] >> 32 == bucket {
                upper[pos / 64] |= 1 << (pos % 64);
                pos += 1;
                i += 1;
            }
            pos += 1;
        }
        for (k, w) in upper.iter().enumerate() {
            bytes[upper_off + 8 * k..upper_off + 8 * k + 8].copy_from_slice(&w.to_le_bytes());
        }
        for (k, &x) in index.iter().enumerate() {
            put32(&mut bytes, index_off + 4 * k, x);
        }
        let sum = hash64(&bytes[16..]);
        bytes[8..16].copy_from_slice(&sum.to_le_bytes());
        CompiledList { bytes, name: name.to_string(), n, p, low_off, upper_off, upper_words, index_off }
    }

    /// Takes stored bytes as they are, after checking them; damaged or foreign
    /// bytes give an error, never a panic.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<CompiledList, LoadError> {
        if bytes.len() < 4 || &bytes[..4] != MAGIC {
            return Err(LoadError::BadMagic);
        }
        if bytes.len() < HEADER {
            return Err(LoadError::BadLength);
        }
        let version = get32(&bytes, 4);
        if version != FORMAT_VERSION {
            return Err(LoadError::Version(version));
        }
        let (n, p) = (get32(&bytes, 16) as usize, get32(&bytes, 20));
        let name_len = u16::from_le_bytes([bytes[42], bytes[43]]) as usize;
        // No compiler of ours writes more than MAX_ENTRIES entries, and this
        // bound keeps every offset below 2^31, so the layout arithmetic cannot
        // overflow a 32-bit usize (wasm32) whatever the header says.
        if p > bucket_bits(MAX_ENTRIES) || n > (1usize << p) || (n == 0 && p > 0) {
            return Err(LoadError::BadLength);
        }
        let (low_off, upper_off, upper_words, index_off, index_len, total) = layout(n, p, name_len);
        if bytes.len() != total {
            return Err(LoadError::BadLength);
        }
        let mut sum = [0u8; 8];
        sum.copy_from_slice(&bytes[8..16]);
        if hash64(&bytes[16..]) != u64::from_le_bytes(sum) {
            return Err(LoadError::Checksum);
        }
        let name = std::str::from_utf8(&bytes[HEADER..HEADER + name_len]).map_err(|_| LoadError::Corrupt)?.to_string();
        if Role::from_u8(bytes[40]).is_none() {
            return Err(LoadError::Corrupt);
        }
        let list = CompiledList { bytes, name, n, p, low_off, upper_off, upper_words, index_off };
        let ones: usize = (0..upper_words).map(|k| list.upper_word(k).count_ones() as usize).sum();
        let first_index = list.index_at(0);
        let last_index = list.index_at(index_len - 1) as usize;
        if ones != n || first_index != 0 || last_index > n + (1usize << p) {
            return Err(LoadError::Corrupt);
        }
        Ok(list)
    }

    /// Records how long the compile took (parsing included), which is only
    /// known once the store is built; the checksum is renewed.
    pub(super) fn stamp_build_ms(&mut self, ms: u32) {
        put32(&mut self.bytes, 32, ms);
        let sum = hash64(&self.bytes[16..]);
        self.bytes[8..16].copy_from_slice(&sum.to_le_bytes());
    }

    /// Loads stored bytes as a list of `role` named `name`; a list compiled for
    /// the other role is refused, so a block list can never end up trusting.
    pub fn load(name: &str, role: Role, bytes: Vec<u8>) -> Result<CompiledList, LoadError> {
        let mut list = CompiledList::from_bytes(bytes)?;
        if list.role() != role {
            return Err(LoadError::WrongRole);
        }
        list.set_name(name);
        Ok(list)
    }

    /// The stored form (exactly the bytes held in memory).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Gives up the stored form without a copy.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// The name people see; a loaded list can be renamed by its owner.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Sets the name people see (the stored bytes keep the compile-time name).
    pub fn set_name(&mut self, name: &str) {
        self.name = truncate_name(name).to_string();
    }

    /// Block or trust, as compiled.
    pub fn role(&self) -> Role {
        Role::from_u8(self.bytes[40]).unwrap_or(Role::Block)
    }

    /// Distinct entries.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether the list has no entries (never true for a list built from a feed).
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Everything the header says, with the current name.
    pub fn meta(&self) -> ListMeta {
        let mut at = [0u8; 8];
        at.copy_from_slice(&self.bytes[24..32]);
        ListMeta {
            name: self.name.clone(),
            role: self.role(),
            format: Format::from_u8(self.bytes[41]),
            entries: self.n as u32,
            skipped: get32(&self.bytes, 36),
            built_at: u64::from_le_bytes(at),
            build_ms: get32(&self.bytes, 32),
            hosts_only: self.hosts_only(),
        }
    }

    /// Whether every entry names a whole host, so that only a URL's host
    /// expressions can match ([`crate::lists::expr::Probes::for_list`]).
    pub fn hosts_only(&self) -> bool {
        get32(&self.bytes, 44) & HOSTS_ONLY != 0
    }

    /// Whether the expression with hash `h` is in the list.
    pub fn contains_hash(&self, h: u64) -> bool {
        if self.n == 0 {
            return false;
        }
        let f = fingerprint(h, self.p);
        let (bucket, low) = ((f >> 32) as usize, f as u32);
        let mut pos = self.index_at(bucket / BLOCK) as usize;
        let skip = bucket % BLOCK;
        if skip > 0 {
            match self.after_zeros(pos, skip) {
                Some(p) => pos = p,
                None => return false,
            }
        }
        // Before `pos` lie exactly `bucket` zeros, so the ones before it number
        // pos - bucket: the index of this bucket's first low part.
        let Some(mut i) = pos.checked_sub(bucket) else { return false };
        while self.bit(pos) {
            match self.low_at(i) {
                Some(x) if x == low => return true,
                Some(x) if x > low => return false,
                Some(_) => {}
                None => return false,
            }
            pos += 1;
            i += 1;
        }
        false
    }

    /// Whether any of the hashes (all expressions of one URL) is in the list.
    /// Looks them up in two passes: the first only starts the memory reads each
    /// lookup will need (index word, then its bucket bits and low parts, all
    /// independent of one another, so the processor overlaps the cache misses),
    /// the second does the lookups on warm lines. On a cold 4 MB list this
    /// turns ~3 dependent misses per expression into ~2 per URL.
    pub fn contains_any(&self, hashes: &[u64]) -> bool {
        if self.n == 0 {
            return false;
        }
        let mut warm = 0u64;
        for &h in hashes {
            let bucket = (fingerprint(h, self.p) >> 32) as usize;
            let start = self.index_at(bucket / BLOCK) as usize;
            let first = start.saturating_sub(bucket - bucket % BLOCK);
            warm ^= self.upper_word(start / 64) ^ u64::from(self.low_at(first).unwrap_or(0));
        }
        std::hint::black_box(warm);
        hashes.iter().any(|&h| self.contains_hash(h))
    }

    /// Whether the expression string is in the list.
    pub fn contains(&self, expression: &str) -> bool {
        self.contains_hash(hash64(expression.as_bytes()))
    }

    /// The position just after the `k`-th zero bit (k ≥ 1) at or after `pos`.
    /// `k < BLOCK`, so this clears at most 15 bits, over one or two words: no
    /// popcount, which baseline x86-64 lacks as an instruction.
    fn after_zeros(&self, pos: usize, mut k: usize) -> Option<usize> {
        let mut wi = pos / 64;
        let mut zeros = !self.upper_word(wi) & (!0u64 << (pos % 64));
        loop {
            while zeros != 0 {
                k -= 1;
                if k == 0 {
                    return Some(wi * 64 + zeros.trailing_zeros() as usize + 1);
                }
                zeros &= zeros - 1;
            }
            wi += 1;
            if wi >= self.upper_words {
                return None;
            }
            zeros = !self.upper_word(wi);
        }
    }

    fn bit(&self, pos: usize) -> bool {
        pos / 64 < self.upper_words && self.upper_word(pos / 64) >> (pos % 64) & 1 == 1
    }

    fn upper_word(&self, k: usize) -> u64 {
        let o = self.upper_off + 8 * k;
        match self.bytes.get(o..o + 8) {
            Some(s) => {
                let mut w = [0u8; 8];
                w.copy_from_slice(s);
                u64::from_le_bytes(w)
            }
            None => 0,
        }
    }

    fn low_at(&self, i: usize) -> Option<u32> {
        (i < self.n).then(|| get32(&self.bytes, self.low_off + 4 * i))
    }

    fn index_at(&self, k: usize) -> u32 {
        let o = self.index_off + 4 * k;
        if o + 4 <= self.bytes.len() {
            get32(&self.bytes, o)
        } else {
            0
        }
    }
}

/// Names longer than this are cut (at a character boundary).
const MAX_NAME: usize = 200;

fn truncate_name(name: &str) -> &str {
    if name.len() <= MAX_NAME {
        return name;
    }
    let mut end = MAX_NAME;
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

fn put32(bytes: &mut [u8], at: usize, v: u32) {
    bytes[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

/// Reads a u32 the caller has bounds-checked.
fn get32(bytes: &[u8], at: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A header naming more buckets than any list of ours has, with a
    /// matching length and checksum, as damaged storage could hold.
    fn claiming(p: u32) -> Vec<u8> {
        let (n, name) = (1usize, "x");
        let (.., total) = layout(n, p, name.len());
        let mut bytes = vec![0u8; total];
        bytes[..4].copy_from_slice(MAGIC);
        put32(&mut bytes, 4, FORMAT_VERSION);
        put32(&mut bytes, 16, n as u32);
        put32(&mut bytes, 20, p);
        bytes[42..44].copy_from_slice(&(name.len() as u16).to_le_bytes());
        bytes[HEADER] = b'x';
        let sum = hash64(&bytes[16..]);
        bytes[8..16].copy_from_slice(&sum.to_le_bytes());
        bytes
    }

    #[test]
    fn bucket_counts_beyond_the_largest_list_are_refused_by_length() {
        let most = bucket_bits(MAX_ENTRIES);
        assert_eq!(CompiledList::from_bytes(claiming(most + 1)).unwrap_err(), LoadError::BadLength);
        assert_eq!(CompiledList::from_bytes(claiming(32)).unwrap_err(), LoadError::BadLength);
        // At the bound the header is read on: this one is refused as corrupt
        // (its role byte and sections are empty), not for its length.
        assert_ne!(CompiledList::from_bytes(claiming(most)).unwrap_err(), LoadError::BadLength);
    }
}
