//! Native cost of one URL check (`Engine::check_url`), median and p99 over a
//! URL file (default: target/bench-urls.txt, made by scripts/bench-urls.mjs).
//! With `BENCH_LIST_ENTRIES=N` (or `--list N`) it measures again with a
//! synthetic N-entry block list loaded, so both figures print: the budget
//! holds with a 1M-entry list. Run through `./build.sh bench`, which prints
//! them beside the budget. `BENCH_LIMIT=N` checks only the first N URLs
//! (warm-up included), so `scripts/bench-callgrind.sh` can count the
//! instructions of a check, a figure that does not move with the machine's load.

use std::time::Instant;

use sagiguard::lists::{self, Role};
use sagiguard::Engine;

/// A xorshift generator with a fixed seed, so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn label(&mut self, len: usize) -> String {
        (0..len).map(|_| char::from(b'a' + (self.next() % 26) as u8)).collect()
    }
}

/// `n` feed entries like those of phishing feeds: hosts with and without a
/// path, so the list holds both kinds of expression.
fn synthetic_feed(n: usize) -> String {
    const TLDS: &[&str] = &["com", "net", "xyz", "top", "jp", "info", "shop"];
    let mut rng = Rng(0x5EED);
    let mut feed = String::with_capacity(n * 40);
    for _ in 0..n {
        let tld = TLDS[(rng.next() % TLDS.len() as u64) as usize];
        let (a, b) = (rng.label(8), rng.label(6));
        if rng.next() % 2 == 0 {
            feed.push_str(&format!("{a}.{b}.{tld}\n"));
        } else {
            let (c, d) = (rng.label(5), rng.label(7));
            feed.push_str(&format!("https://{a}.{b}.{tld}/{c}/{d}.html\n"));
        }
    }
    feed
}

/// Checks every URL once (after a warm-up) and prints median, p99 and rate.
fn measure(engine: &Engine, urls: &[&str], what: &str) {
    for u in urls.iter().take(5_000) {
        std::hint::black_box(engine.check_url(u).ok());
    }
    let mut ns: Vec<u64> = Vec::with_capacity(urls.len());
    let start = Instant::now();
    for u in urls {
        let t = Instant::now();
        std::hint::black_box(engine.check_url(u).ok());
        ns.push(t.elapsed().as_nanos() as u64);
    }
    let total = start.elapsed();
    // Two quantiles by selection, not a sort: the sort cost about 330
    // instructions per URL, which scripts/bench-callgrind.sh counted as
    // part of a check.
    let rank = |p: f64| ((ns.len() as f64 * p) as usize).min(ns.len() - 1);
    let (m, p99) = (rank(0.5), rank(0.99));
    let p99_ns = *ns.select_nth_unstable(p99).1;
    // The values below rank p99 are now the smallest ones, so the median is among them.
    let median_ns = if m < p99 { *ns[..p99].select_nth_unstable(m).1 } else { p99_ns };
    println!(
        "native check_url{what}\turls={}\tmedian_us={:.3}\tp99_us={:.3}\turls_per_s={:.0}\tbudget_median_us=1.5",
        urls.len(),
        median_ns as f64 / 1000.0,
        p99_ns as f64 / 1000.0,
        urls.len() as f64 / total.as_secs_f64()
    );
}

fn main() {
    let path = std::env::var("BENCH_URLS").unwrap_or_else(|_| "target/bench-urls.txt".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e} (run scripts/bench-urls.mjs)"));
    let limit = std::env::var("BENCH_LIMIT").ok().and_then(|n| n.parse::<usize>().ok()).unwrap_or(usize::MAX);
    let urls: Vec<&str> = text.lines().take(limit).collect();
    let args: Vec<String> = std::env::args().collect();
    let list_entries = args
        .iter()
        .position(|a| a == "--list")
        .and_then(|i| args.get(i + 1).cloned())
        .or_else(|| std::env::var("BENCH_LIST_ENTRIES").ok())
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|&n| n > 0);
    let mut engine = Engine::new();
    if urls.is_empty() {
        return;
    }
    measure(&engine, &urls, "");
    if let Some(n) = list_entries {
        let (list, _) = lists::compile_feed(&synthetic_feed(n), Role::Block, "bench").unwrap_or_else(|e| panic!("synthetic list: {e}"));
        engine.lists_mut().insert(Role::Block, list);
        measure(&engine, &urls, &format!(" (block list of {n} entries)"));
    }
}
