//! `sagiguard`: the engine on the command line, for evaluation, benchmarks and
//! people who triage URLs. Each subcommand lives in `src/cli/<name>.rs`.

mod cli;

use std::process::ExitCode;

const USAGE: &str = "\
usage:
  sagiguard check URL [--json] [--lang ja|en]
  sagiguard scan [--block FILE]... [--allow FILE]...   (URLs on stdin)
  sagiguard list compile FEED... -o OUT [--role block|trust] [--name NAME]
  sagiguard list stats OUT
  sagiguard list bench [--entries N]...
  sagiguard guide KIND... [--lang ja|en] [--json]
  sagiguard guide KIND... --summary [--site SITE] [--time TIME] [--done STEP-ID]...
  sagiguard forms PAGE.html [--url URL]
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match command.as_str() {
        "check" => cli::check::run(rest),
        "scan" => cli::scan::run(rest),
        "list" => cli::list::run(rest),
        "guide" => cli::guide::run(rest),
        "forms" => cli::forms::run(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(cli::UsageError(format!("unknown command {other:?}")).into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`sagiguard scan < urls | head`): nothing is wrong.
        Err(e) if e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) => ExitCode::SUCCESS,
        Err(e) if e.is::<cli::UsageError>() => {
            eprintln!("sagiguard: {e}\n{USAGE}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("sagiguard: {e}");
            ExitCode::FAILURE
        }
    }
}
