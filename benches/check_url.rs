//! Native cost of one URL check (`Engine::check_url`), median and p99 over a
//! URL file (default: target/bench-urls.txt, made by scripts/bench-urls.mjs).
//! Run through `./build.sh bench`, which prints it beside the budget.

use std::time::Instant;

use sagiguard::Engine;

fn main() {
    let path = std::env::var("BENCH_URLS").unwrap_or_else(|_| "target/bench-urls.txt".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e} (run scripts/bench-urls.mjs)"));
    let urls: Vec<&str> = text.lines().collect();
    let engine = Engine::new();
    for u in urls.iter().take(5_000) {
        std::hint::black_box(engine.check_url(u).ok());
    }
    let mut ns: Vec<u64> = Vec::with_capacity(urls.len());
    let start = Instant::now();
    for u in &urls {
        let t = Instant::now();
        std::hint::black_box(engine.check_url(u).ok());
        ns.push(t.elapsed().as_nanos() as u64);
    }
    let total = start.elapsed();
    ns.sort_unstable();
    let q = |p: f64| ns[((ns.len() as f64 * p) as usize).min(ns.len() - 1)] as f64 / 1000.0;
    println!("native check_url\turls={}\tmedian_us={:.3}\tp99_us={:.3}\turls_per_s={:.0}",
        urls.len(), q(0.5), q(0.99), urls.len() as f64 / total.as_secs_f64());
}
