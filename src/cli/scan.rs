//! `sagiguard scan`: one URL or domain per stdin line in, one
//! `input<TAB>level<TAB>score<TAB>codes` line out, in order, never stopping early.

use std::io::{self, BufRead, BufWriter, Write};

use super::{CliResult, UsageError};
use sagiguard::Engine;

/// Runs `scan`.
pub fn run(args: &[String]) -> CliResult {
    if let Some(a) = args.first() {
        return Err(UsageError(format!("unexpected argument {a:?}")).into());
    }
    let engine = Engine::new();
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
