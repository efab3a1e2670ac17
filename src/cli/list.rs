//! `sagiguard list compile FEED... -o OUT [--role block|trust] [--name NAME]`,
//! `sagiguard list stats OUT` and `sagiguard list bench [--entries N]...`:
//! threat and trust lists from the command line, plus [`read_list`], which
//! `scan` uses to take a feed or a compiled list alike.

use std::path::Path;
use std::time::Instant;

use super::{value, CliResult, UsageError};
use sagiguard::lists::{self, expr, CompiledList, ListBuilder, Lists, Role};
use sagiguard::target::Target;

/// Runs `list`.
pub fn run(args: &[String]) -> CliResult {
    match args.split_first() {
        Some((cmd, rest)) if cmd == "compile" => compile(rest),
        Some((cmd, rest)) if cmd == "stats" => stats(rest),
        Some((cmd, rest)) if cmd == "bench" => bench(rest),
        _ => Err(UsageError("list needs compile, stats or bench".into()).into()),
    }
}

/// A list from a file: a compiled list as it is, or any feed format compiled
/// now; named after the file.
pub fn read_list(path: &str, role: Role) -> Result<CompiledList, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let name = Path::new(path).file_name().map_or(path.to_string(), |n| n.to_string_lossy().into_owned());
    if lists::is_compiled(&bytes) {
        return Ok(CompiledList::load(&name, role, bytes).map_err(|e| format!("{path}: {e}"))?);
    }
    let text = String::from_utf8_lossy(&bytes);
    let (list, report) = lists::compile_feed(&text, role, &name).map_err(|e| format!("{path}: {e}"))?;
    eprintln!("{path}: {} list, {} entries ({}, {} lines skipped)", role.as_str(), list.len(), report.format.as_str(), report.skipped);
    Ok(list)
}

fn compile(args: &[String]) -> CliResult {
    let (mut feeds, mut out, mut role, mut name) = (Vec::new(), None, Role::Block, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--out" => out = Some(value(&mut it, "-o")?.to_string()),
            "--role" => {
                let r = value(&mut it, "--role")?;
                role = Role::parse(r).ok_or_else(|| UsageError(format!("--role is block or trust, not {r:?}")))?;
            }
            "--name" => name = Some(value(&mut it, "--name")?.to_string()),
            s if !s.starts_with('-') => feeds.push(s.to_string()),
            s => return Err(UsageError(format!("unexpected argument {s:?}")).into()),
        }
    }
    let out = out.ok_or_else(|| UsageError("list compile needs -o OUT".into()))?;
    if feeds.is_empty() {
        return Err(UsageError("list compile needs at least one FEED".into()).into());
    }
    let mut builder = ListBuilder::new(role);
    for feed in &feeds {
        let bytes = std::fs::read(feed).map_err(|e| format!("{feed}: {e}"))?;
        let report = builder.add_feed(&String::from_utf8_lossy(&bytes)).map_err(|e| format!("{feed}: {e}"))?;
        eprintln!("{feed}: {}, {} entries, {} lines skipped", report.format.as_str(), report.accepted, report.skipped);
    }
    let name = name.unwrap_or_else(|| Path::new(&out).file_stem().map_or("list".into(), |s| s.to_string_lossy().into_owned()));
    let list = builder.finish(&name)?;
    std::fs::write(&out, list.as_bytes()).map_err(|e| format!("{out}: {e}"))?;
    print_stats(&list)?;
    Ok(())
}

fn stats(args: &[String]) -> CliResult {
    let [path] = args else { return Err(UsageError("list stats needs one compiled list".into()).into()) };
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let list = CompiledList::from_bytes(bytes).map_err(|e| format!("{path}: {e}"))?;
    print_stats(&list)?;
    Ok(())
}

fn print_stats(list: &CompiledList) -> CliResult {
    let m = list.meta();
    let bytes = list.as_bytes().len();
    outln!("name: {}", m.name);
    outln!("role: {}", m.role.as_str());
    outln!("format: {}", m.format.as_str());
    outln!("entries: {}", m.entries);
    outln!("skipped: {}", m.skipped);
    outln!("bytes: {bytes}");
    outln!("bytes per entry: {:.3}", bytes as f64 / m.entries.max(1) as f64);
    outln!("build time: {} ms", m.build_ms);
    outln!("built at: {} (Unix seconds)", m.built_at);
    Ok(())
}

/// A small deterministic generator (splitmix64), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn label(&mut self, len: usize) -> String {
        (0..len).map(|_| (b'a' + (self.next() % 26) as u8) as char).collect()
    }

    /// A URL like the ones in phishing feeds: a host on one of a few TLDs,
    /// half of them with a path.
    fn url(&mut self) -> String {
        const TLDS: &[&str] = &["com", "net", "xyz", "top", "jp", "info", "shop"];
        let tld = TLDS[(self.next() % TLDS.len() as u64) as usize];
        let (a, b) = (self.label(8), self.label(6));
        if self.next() % 2 == 0 {
            format!("{a}.{b}.{tld}")
        } else {
            let (c, d) = (self.label(5), self.label(7));
            format!("https://{a}.{b}.{tld}/{c}/{d}.html")
        }
    }
}

fn bench(args: &[String]) -> CliResult {
    let mut sizes = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--entries" => sizes.push(value(&mut it, "--entries")?.parse::<usize>().map_err(|e| UsageError(format!("--entries: {e}")))?),
            s => return Err(UsageError(format!("unexpected argument {s:?}")).into()),
        }
    }
    if sizes.is_empty() {
        sizes = vec![100_000, 1_000_000];
    }
    outln!("entries\tbuild_ms\tbytes\tbytes_per_entry\tload_ms\tcheck_ns_per_url\tprobe_ns_per_url\tlookup_ns_per_url\texprs_per_url\tlisted_found\tclean_false_matches");
    for n in sizes {
        bench_one(n)?;
    }
    Ok(())
}

fn bench_one(n: usize) -> CliResult {
    let mut rng = Rng(n as u64);
    let listed: Vec<String> = (0..n).map(|_| rng.url()).collect();
    let feed = listed.join("\n");
    let t = Instant::now();
    let (list, _) = lists::compile_feed(&feed, Role::Block, "bench")?;
    let build_ms = t.elapsed().as_secs_f64() * 1e3;
    let stored = list.as_bytes().to_vec();
    let bytes = stored.len();
    let mut load_ms = f64::MAX;
    for _ in 0..5 {
        let copy = stored.clone();
        let t = Instant::now();
        let loaded = CompiledList::from_bytes(copy)?;
        load_ms = load_ms.min(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(&loaded);
    }
    let mut lists = Lists::default();
    lists.insert(Role::Block, CompiledList::from_bytes(stored)?);
    // Probe URLs: 10k listed ones (as pages under them) and 100k clean ones.
    let probes_listed: Vec<Target> = listed.iter().step_by((n / 10_000).max(1)).filter_map(|u| Target::parse(&format!("{u}?id=1")).ok()).collect();
    let mut clean_rng = Rng(0xC1EA_u64 ^ n as u64);
    let probes_clean: Vec<Target> = (0..100_000).filter_map(|_| Target::parse(&format!("{}/a/b/c?q=1", clean_rng.url())).ok()).collect();
    let mut out = Vec::new();
    let found = probes_listed.iter().filter(|t| {
        out.clear();
        lists.signals(t, t.site.as_deref(), &mut out);
        !out.is_empty()
    });
    let found = found.count();
    let t = Instant::now();
    let mut false_matches = 0;
    for target in &probes_clean {
        out.clear();
        lists.signals(target, target.site.as_deref(), &mut out);
        false_matches += usize::from(!out.is_empty());
    }
    let per_url = t.elapsed().as_secs_f64() * 1e9 / probes_clean.len() as f64;
    // The two halves of that: expressions and their hashes, then the store.
    let t = Instant::now();
    let single = CompiledList::from_bytes(list.into_bytes())?;
    let hashes: Vec<Vec<u64>> = probes_clean.iter().map(|t| expr::probe_hashes(t, t.site.as_deref()).for_list(&single).to_vec()).collect();
    let probe_ns = t.elapsed().as_secs_f64() * 1e9 / probes_clean.len() as f64;
    let exprs = hashes.iter().map(Vec::len).sum::<usize>() as f64 / hashes.len() as f64;
    let t = Instant::now();
    let hits = hashes.iter().filter(|h| single.contains_any(h)).count();
    let lookup_ns = t.elapsed().as_secs_f64() * 1e9 / hashes.len() as f64;
    std::hint::black_box(hits);
    outln!(
        "{n}\t{build_ms:.0}\t{bytes}\t{:.3}\t{load_ms:.2}\t{per_url:.0}\t{probe_ns:.0}\t{lookup_ns:.0}\t{exprs:.1}\t{found}/{}\t{false_matches}/{}",
        bytes as f64 / n as f64,
        probes_listed.len(),
        probes_clean.len()
    );
    Ok(())
}
