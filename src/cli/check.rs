//! `sagiguard check URL [--json] [--lang ja|en]`: one verdict with its reasons.

use super::{value, CliResult, UsageError};
use sagiguard::text::Lang;
use sagiguard::view::VerdictView;
use sagiguard::Engine;

/// Runs `check`.
pub fn run(args: &[String]) -> CliResult {
    let (mut url, mut json, mut lang) = (None, false, Lang::En);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--lang" => lang = Lang::from_tag(value(&mut it, "--lang")?),
            s if url.is_none() && !s.starts_with("--") => url = Some(s.to_string()),
            s => return Err(UsageError(format!("unexpected argument {s:?}")).into()),
        }
    }
    let url = url.ok_or_else(|| UsageError("check needs a URL".into()))?;
    let verdict = Engine::new().check_url(&url)?;
    let view = VerdictView::new(&verdict, lang);
    if json {
        outln!("{}", serde_json::to_string_pretty(&view)?);
    } else {
        outln!("{}  {} (score {})", view.level.as_str(), view.summary, view.score);
        outln!("host: {}{}", view.host, view.site.as_deref().map(|s| format!("  (site {s})")).unwrap_or_default());
        if let Some(b) = &view.brand {
            outln!("imitates: {b}");
        }
        for r in &view.reasons {
            outln!("  [{:+}] {}: {}", r.weight, r.code, r.text);
        }
    }
    Ok(())
}
