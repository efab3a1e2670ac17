//! `sagiguard scan`: one URL or domain per stdin line in, one
//! `input<TAB>level<TAB>score<TAB>codes` line out, in order, never stopping early.
//! `--block FILE` / `--allow FILE` (repeatable) load block and trust lists: any
//! feed format, or a list from `sagiguard list compile`.

use std::io::{self, BufRead, BufWriter, Write};

use super::list::read_list;
use super::{value, CliResult, UsageError};
use sagiguard::lists::Role;
use sagiguard::Engine;

/// Runs `scan`.
pub fn run(args: &[String]) -> CliResult {
    let mut engine = Engine::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let role = match a.as_str() {
            "--block" => Role::Block,
            "--allow" => Role::Trust,
            s => return Err(UsageError(format!("unexpected argument {s:?}")).into()),
        };
        let list = read_list(value(&mut it, a)?, role)?;
        engine.lists_mut().insert(role, list);
    }
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.split(b'\n') {
        let line = line?;
        let input = String::from_utf8_lossy(&line);
        let input = input.trim_end_matches('\r');
        let printable = input.replace('\t', " ");
        match engine.check_url(input) {
            Ok(v) => {
                let codes: Vec<&str> = v.reasons.iter().map(|r| r.code).collect();
                writeln!(out, "{printable}\t{}\t{}\t{}", v.level.as_str(), v.score, codes.join(","))?;
            }
            Err(_) => writeln!(out, "{printable}\tinvalid\t0\t")?,
        }
    }
    out.flush()?;
    Ok(())
}
