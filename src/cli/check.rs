//! `sagiguard check URL [--json] [--lang ja|en]`: one verdict with its reasons.
//! URL may be pasted text, as in the popup's link check: the link in it is
//! judged (`sagiguard::pasted`), and named when it is not the text as given.

use super::{value, CliResult, UsageError};
use sagiguard::pasted;
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
    let text = url.ok_or_else(|| UsageError("check needs a URL".into()))?;
    let url = pasted::link_in(&text);
    let found = (url != text.trim()).then_some(url.as_str());
    let verdict = Engine::new().check_url(&url)?;
    let view = VerdictView::new(&verdict, lang);
    if json {
        // The same answer as the extension's `checkPasted`.
        let mut answer = serde_json::to_value(&view)?;
        if let (Some(link), Some(fields)) = (found, answer.as_object_mut()) {
            fields.insert("checked".into(), link.into());
        }
        outln!("{}", serde_json::to_string_pretty(&answer)?);
    } else {
        if let Some(link) = found {
            outln!("checked: {link}");
        }
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
