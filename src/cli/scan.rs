//! `sagiguard scan`: one URL or domain per stdin line in, one
//! `input<TAB>level<TAB>score<TAB>codes` line out, in order, never stopping early.
//! `--block FILE` / `--allow FILE` (repeatable) load block and trust lists: any
//! feed format, or a list from `sagiguard list compile`.

use std::borrow::Cow;
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
    let mut stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut line = Vec::new();
    while stdin.read_until(b'\n', &mut line)? > 0 {
        if line.last() == Some(&b'\n') {
            line.pop();
        }
        let input = text_of(&line);
        let input = input.trim_end_matches('\r');
        write_printable(&mut out, input)?;
        match engine.check_url(input) {
            Ok(v) => {
                out.write_all(b"\t")?;
                out.write_all(v.level.as_str().as_bytes())?;
                out.write_all(b"\t")?;
                write_decimal(&mut out, v.score)?;
                out.write_all(b"\t")?;
                for (i, r) in v.reasons.iter().enumerate() {
                    if i > 0 {
                        out.write_all(b",")?;
                    }
                    out.write_all(r.code.as_bytes())?;
                }
                out.write_all(b"\n")?;
            }
            Err(_) => out.write_all(b"\tinvalid\t0\t\n")?,
        }
        line.clear();
    }
    out.flush()?;
    Ok(())
}

/// The line as text, invalid UTF-8 replaced by U+FFFD; checks with
/// `str::from_utf8` first, which is much quicker than `from_utf8_lossy`'s
/// chunk walk on the usual all-valid line.
fn text_of(line: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(line) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(line),
    }
}

/// Writes `input` with each tab as a space, so the tab-separated columns stay
/// four; piece by piece, so a line without tabs is not copied.
fn write_printable(out: &mut impl Write, input: &str) -> io::Result<()> {
    let mut pieces = input.split('\t');
    if let Some(first) = pieces.next() {
        out.write_all(first.as_bytes())?;
    }
    for piece in pieces {
        out.write_all(b" ")?;
        out.write_all(piece.as_bytes())?;
    }
    Ok(())
}

/// Writes `n` in decimal: `write!` cost more per row than the rest of the
/// row's output together.
fn write_decimal(out: &mut impl Write, n: i32) -> io::Result<()> {
    let mut digits = [0u8; 11];
    let mut at = digits.len();
    let mut rest = n.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        at -= 1;
        digits[at] = b'-';
    }
    out.write_all(&digits[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(n: i32) -> String {
        let mut out = Vec::new();
        write_decimal(&mut out, n).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn decimal_matches_display() {
        for n in [0, 7, 10, 55, 100, -1, -40, i32::MAX, i32::MIN] {
            assert_eq!(decimal(n), n.to_string());
        }
    }

    #[test]
    fn tabs_become_spaces() {
        let mut out = Vec::new();
        write_printable(&mut out, "\ta\t\tb\t").unwrap();
        assert_eq!(out, b" a  b ");
    }
}
