//! Two slips in a long brand label (`americanexpzzess`, `myeiherwollet`):
//! labels of twelve characters and more have no honest neighbours two edits
//! away (measured on the Tranco list), while scam kits often carry two typos.
//!
//! The long keys are kept by length, each with the set of symbols it uses
//! (one bit per letter or digit). Two edits change that set by at most four
//! symbols (fewer when they change the length), so a candidate only looks at
//! keys within two of its length whose symbol set is that close, and computes the edit distance for those alone:
//! a few dozen bit operations per label, no allocation.

/// Shortest brand key (letters and digits, hyphens dropped) matched with two slips.
pub(super) const MIN_KEY: usize = 12;

/// Longest key or candidate looked at (longer labels are not typed brand names).
const MAX_LEN: usize = 40;

/// The long brand keys, by length.
#[derive(Default)]
pub(super) struct TwoSlips {
    /// `by_len[n]`: (symbol set, entry) of every key of length `n`.
    by_len: Vec<Vec<(u64, u32)>>,
}

impl TwoSlips {
    /// Adds `key` of entry `e` when it is long enough.
    pub(super) fn add(&mut self, key: &str, e: u32) {
        let n = key.len();
        if !(MIN_KEY..=MAX_LEN).contains(&n) {
            return;
        }
        if self.by_len.len() <= n {
            self.by_len.resize_with(n + 1, Vec::new);
        }
        self.by_len[n].push((symbols(key.as_bytes()), e));
    }

    /// The first entry (by `key_of`) exactly two edits from `cand` (one edit
    /// or less is judged by the one-slip rules) for which `accept` says yes.
    pub(super) fn find<'k>(&self, cand: &[u8], key_of: impl Fn(u32) -> &'k [u8], mut accept: impl FnMut(u32) -> bool) -> Option<u32> {
        let n = cand.len();
        if n + 2 < MIN_KEY || n > MAX_LEN {
            return None;
        }
        let set = symbols(cand);
        let lens = n.saturating_sub(2).max(MIN_KEY)..=(n + 2).min(self.by_len.len().saturating_sub(1));
        for len in lens {
            // Each inserted or deleted symbol changes the set by at most one,
            // a substituted one by two: two edits with `d` of them insertions
            // or deletions (`d` at least the length difference) change it by at most 4 - d.
            let most = 4 - len.abs_diff(n) as u32;
            for &(s, e) in &self.by_len[len] {
                if at_most_bits(s ^ set, most) && distance(key_of(e), cand) == 2 && accept(e) {
                    return Some(e);
                }
            }
        }
        None
    }
}

/// Whether `x` has at most `n` (up to four) bits set. Most keys' sets
/// differ in more than four symbols: four times clearing the lowest bit
/// turns them away for less than counting all the bits costs where the CPU
/// has no popcount instruction (the portable x86-64 baseline).
fn at_most_bits(x: u64, n: u32) -> bool {
    let clear = |x: u64| x & x.wrapping_sub(1);
    clear(clear(clear(clear(x)))) == 0 && x.count_ones() <= n
}

/// One bit per letter and digit present (anything else shares one bit).
fn symbols(key: &[u8]) -> u64 {
    key.iter().fold(0u64, |set, &b| {
        let bit = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + b - b'0',
            _ => 36,
        };
        set | 1 << bit
    })
}

/// Edit distance with adjacent transpositions (optimal string alignment),
/// capped at 3: only "0, 1, 2 or more" matters here.
fn distance(a: &[u8], b: &[u8]) -> usize {
    const CAP: usize = 3;
    if a.len().abs_diff(b.len()) >= CAP || a.len() > MAX_LEN || b.len() > MAX_LEN {
        return CAP;
    }
    // Three rows of the dynamic-programming table (row i lives at i % 3), on the stack.
    let mut rows = [[0usize; MAX_LEN + 1]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1).min(rows[cur][j - 1] + 1).min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            row_min = row_min.min(d);
        }
        if row_min >= CAP {
            return CAP;
        }
    }
    rows[a.len() % 3][b.len()].min(CAP)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_bits_counts_as_count_ones() {
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Sparse values too: most sets that pass have few bits.
            for v in [x, x & x >> 9 & x >> 21, x & x >> 5 & x >> 11 & x >> 29, 0, 1 << (x % 64)] {
                for n in 0..=4 {
                    assert_eq!(at_most_bits(v, n), v.count_ones() <= n, "{v:#x} {n}");
                }
            }
        }
    }

    #[test]
    fn distances() {
        assert_eq!(distance(b"americanexpress", b"americanexpress"), 0);
        assert_eq!(distance(b"americanexpress", b"amreicanexpress"), 1);
        assert_eq!(distance(b"americanexpress", b"americanexpzzess"), 2);
        assert_eq!(distance(b"myetherwallet", b"myeiherwollet"), 2);
        assert_eq!(distance(b"myetherwallet", b"myethewalet"), 2);
        assert_eq!(distance(b"myetherwallet", b"yourwallet"), 3);
        assert_eq!(distance(b"", b"ab"), 2);
    }

    #[test]
    fn finds_two_slips_of_long_keys_only() {
        let mut t = TwoSlips::default();
        t.add("americanexpress", 0);
        t.add("myetherwallet", 1);
        t.add("shortname", 2);
        let keys: [&[u8]; 3] = [b"americanexpress", b"myetherwallet", b"shortname"];
        let find = |c: &str| t.find(c.as_bytes(), |e| keys[e as usize], |_| true);
        assert_eq!(find("americanexpzzess"), Some(0));
        assert_eq!(find("myeiherwollet"), Some(1));
        assert_eq!(find("myetherwalet"), None, "one slip is not two");
        assert_eq!(find("shortnaem2"), None, "short keys are not indexed");
        assert_eq!(find("x"), None);
        assert_eq!(find(&"a".repeat(200)), None);
    }
}
