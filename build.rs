//! Build script: compiles `data/public_suffix_list.dat` into the compact lookup
//! table read by `src/domain/psl.rs` (format in `src/domain/psl_format.rs`),
//! `data/brands.tsv` into the static brand tables of `src/brands/table.rs`, and
//! copies the other data tables without their comments (see [`TABLES`]).

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::Path;

#[path = "src/domain/psl_format.rs"]
mod psl_format;
#[allow(dead_code)] // only `encode` is needed here; the crate uses both.
#[path = "src/domain/punycode.rs"]
mod punycode;

// The brand-table generator and the pieces of `src/brands` it shares with the
// crate (they refer to each other as `super::`, hence the crate root).
#[path = "src/brands/emit.rs"]
mod emit;
#[path = "src/brands/fold.rs"]
mod fold;
#[path = "src/brands/layout.rs"]
mod layout;
#[path = "src/brands/source.rs"]
mod source;

use psl_format::*;

const PSL: &str = "data/public_suffix_list.dat";
/// Entries per block: the restart interval of the front coding. Larger blocks
/// shrink the index, smaller ones shorten the scan in each lookup.
const BLOCK: usize = 20;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={PSL}");
    println!("cargo:rerun-if-changed=src/domain/psl_format.rs");
    println!("cargo:rerun-if-changed=src/domain/punycode.rs");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    build_psl_table(Path::new(&out));
    build_brand_table(Path::new(&out));
    compact_tables(Path::new(&out));
}

const BRANDS: &str = "data/brands.tsv";

/// Reads the brand table and writes `brands_table.rs` into `out`; a bad table
/// stops the build with the line at fault.
fn build_brand_table(out: &Path) {
    println!("cargo:rerun-if-changed={BRANDS}");
    for part in ["emit", "fold", "layout", "source"] {
        println!("cargo:rerun-if-changed=src/brands/{part}.rs");
    }
    let text = fs::read_to_string(BRANDS).unwrap_or_else(|e| panic!("{BRANDS}: {e}"));
    let rows = source::parse(&text).unwrap_or_else(|e| panic!("{e}"));
    fs::write(out.join("brands_table.rs"), emit::rust(&rows)).expect("write brands_table.rs");
}

/// The `#`-commented tables the crate compiles in, under `data/`, each with
/// the number of leading columns its parser reads (`None`: all). The sources
/// keep their comments and reference columns for people; the copies in
/// `OUT_DIR/data/` (which the crate `include_str!`s) drop comment and blank
/// lines, which every parser of these tables skips anyway, and the columns no
/// parser reads (confusables' character itself, tld_risk's training counts),
/// so the wasm carries only what the engine uses.
const TABLES: &[(&str, Option<usize>)] = &[
    ("collectors.tsv", None),
    ("confusables.tsv", Some(2)),
    ("hosting.tsv", None),
    ("ngram_bigram.tsv", None),
    ("policy.tsv", None),
    ("tld_risk.tsv", Some(2)),
    ("guide/en.tsv", None),
    ("guide/ja.tsv", None),
    ("text/en.tsv", None),
    ("text/ja.tsv", None),
];

/// Writes each of [`TABLES`] to `out/data/` without comment and blank lines
/// and without the columns no parser reads.
fn compact_tables(out: &Path) {
    for &(name, columns) in TABLES {
        let src = format!("data/{name}");
        println!("cargo:rerun-if-changed={src}");
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let mut rows = String::with_capacity(text.len());
        for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            match columns {
                Some(n) => rows.push_str(&line.split('\t').take(n).collect::<Vec<_>>().join("\t")),
                None => rows.push_str(line),
            }
            rows.push('\n');
        }
        let dest = out.join("data").join(name);
        fs::create_dir_all(dest.parent().expect("a table path has a folder")).expect("create OUT_DIR/data");
        fs::write(&dest, rows).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
    }
}

/// Reads the list, writes `psl.bin` (the table) and `psl_table.rs` (its block
/// index and limits) into `out`. Panics on anything unexpected in the list: a
/// build that silently drops rules would be worse than no build.
fn build_psl_table(out: &Path) {
    let text = fs::read_to_string(PSL).unwrap_or_else(|e| panic!("{PSL}: {e}"));
    let mut keys: BTreeMap<Vec<u8>, u8> = BTreeMap::new();
    let mut private = false;
    let mut max_labels = 0;
    let mut seen_private_marker = false;
    for line in text.lines() {
        let line = line.trim();
        if line.contains("===BEGIN PRIVATE DOMAINS===") {
            private = true;
            seen_private_marker = true;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        // A rule is the line up to the first whitespace.
        let rule = line.split_whitespace().next().unwrap_or(line);
        let (kind, rest) = if let Some(r) = rule.strip_prefix('!') {
            (EXCEPTION, r)
        } else if let Some(r) = rule.strip_prefix("*.") {
            (WILDCARD, r)
        } else {
            (EXACT, rule)
        };
        assert!(!rest.contains(['*', '!']), "{PSL}: unsupported rule {rule:?}");
        let labels: Vec<String> = rest.split('.').map(|l| ascii_label(l, rule)).collect();
        let count = labels.len() + usize::from(kind == WILDCARD);
        assert!(kind != EXCEPTION || count >= 2, "{PSL}: exception rule with one label {rule:?}");
        max_labels = max_labels.max(count);
        let flag = match (kind, private) {
            (_, false) => kind,
            (EXACT, true) => EXACT | EXACT_PRIVATE,
            (WILDCARD, true) => WILDCARD | WILDCARD_PRIVATE,
            (_, true) => EXCEPTION | EXCEPTION_PRIVATE,
        };
        // The key and every ancestor on the way to it (the latter with no flags).
        let mut key = Vec::new();
        for (i, label) in labels.iter().rev().enumerate() {
            if i > 0 {
                key.push(b'.');
            }
            key.extend_from_slice(label.as_bytes());
            keys.entry(key.clone()).or_insert(0);
        }
        let flags = keys.entry(key).or_insert(0);
        assert!(*flags & kind == 0, "{PSL}: duplicate rule {rule:?}");
        *flags |= flag;
    }
    assert!(seen_private_marker, "{PSL}: no PRIVATE section marker");
    assert!(keys.len() > 1000, "{PSL}: only {} keys; truncated file?", keys.len());

    // The flag combinations that occur, each given a small code.
    let mut combos: Vec<u8> = keys.values().copied().collect();
    combos.sort_unstable();
    combos.dedup();
    let max_codes = 1usize << (7 - SHARED_BITS);
    assert!(combos.len() <= max_codes, "{} flag combinations; the header holds {max_codes}", combos.len());

    let mut table = Vec::new();
    let mut blocks = Vec::new();
    let mut prev: Vec<&str> = Vec::new();
    let mut max_key = 0;
    for (i, (key, flags)) in keys.iter().enumerate() {
        let text = std::str::from_utf8(key).expect("keys are ASCII");
        let labels: Vec<&str> = text.split('.').collect();
        let shared = if i % BLOCK == 0 {
            blocks.push(u32::try_from(table.len()).expect("table under 4 GB"));
            0
        } else {
            labels.iter().zip(&prev).take_while(|(a, b)| a == b).count()
        };
        assert!(shared < 1 << SHARED_BITS, "{text}: too many shared labels for the header");
        let code = combos.iter().position(|c| c == flags).expect("every combination has a code");
        table.push(HEADER | (code as u8) << SHARED_BITS | shared as u8);
        table.extend_from_slice(labels[shared..].join(".").as_bytes());
        max_key = max_key.max(key.len());
        prev = labels;
    }

    fs::write(out.join("psl.bin"), &table).expect("write psl.bin");
    let index: Vec<String> = blocks.iter().map(u32::to_string).collect();
    let rs = format!(
        "// Generated by build.rs from {PSL}: {keys} keys, {bytes} bytes.\n\
         /// The front-coded key table (format: psl_format.rs).\n\
         static TABLE: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/psl.bin\"));\n\
         /// Byte offset in TABLE of each block's first (whole) entry.\n\
         static BLOCKS: [u32; {nblocks}] = [{index}];\n\
         /// The flag combination for each header code.\n\
         static FLAGS: [u8; {ncodes}] = {combos:?};\n\
         /// The most labels any rule has (a wildcard's `*` counted).\n\
         const MAX_LABELS: usize = {max_labels};\n\
         /// The longest key, in bytes.\n\
         const MAX_KEY_LEN: usize = {max_key};\n",
        keys = keys.len(),
        bytes = table.len(),
        nblocks = blocks.len(),
        ncodes = combos.len(),
        index = index.join(","),
    );
    fs::write(out.join("psl_table.rs"), rs).expect("write psl_table.rs");
}

/// One label of a rule in the ASCII form hosts are looked up in: lower case,
/// Unicode labels as `xn--` punycode.
fn ascii_label(label: &str, rule: &str) -> String {
    let lower = label.to_lowercase();
    let ascii = if lower.is_ascii() {
        lower
    } else {
        let encoded = punycode::encode(&lower).unwrap_or_else(|| panic!("{PSL}: cannot encode {rule:?}"));
        format!("xn--{encoded}")
    };
    let ok = !ascii.is_empty() && ascii.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    assert!(ok, "{PSL}: unexpected label {label:?} in {rule:?}");
    ascii
}
