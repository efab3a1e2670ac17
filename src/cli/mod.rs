//! The subcommands of the `sagiguard` binary, one file each, plus the little
//! argument handling they share.

/// `println!` that returns a closed standard output (`sagiguard check x | head`)
/// as an error value instead of panicking; use it only where `?` works.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

pub mod check;
pub mod guide;
pub mod forms;
pub mod list;
pub mod scan;

use std::fmt;

/// A command line that does not say something the program understands (exit 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// What every subcommand returns.
pub type CliResult = Result<(), Box<dyn std::error::Error>>;

/// Takes the value after option `name` (e.g. `--lang ja`), failing when it is missing.
pub fn value<'a>(args: &mut impl Iterator<Item = &'a String>, name: &str) -> Result<&'a str, UsageError> {
    args.next().map(String::as_str).ok_or_else(|| UsageError(format!("{name} needs a value")))
}
