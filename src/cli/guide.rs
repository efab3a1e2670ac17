//! `sagiguard guide KIND... [--lang ja|en] [--json]`: the recovery steps for what
//! was handed over, readable in a terminal (or as the JSON the extension gets).
//! With `--summary` it prints the incident summary a person would copy instead.

use super::{value, CliResult, UsageError};
use sagiguard::guide::{summary, Guide, Incident};
use sagiguard::text::Lang;
use sagiguard::Engine;

/// Runs `guide`.
pub fn run(args: &[String]) -> CliResult {
    let (mut kinds, mut lang, mut json, mut want_summary) = (Vec::new(), Lang::En, false, false);
    let (mut site, mut time, mut done) = (String::new(), String::new(), Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--summary" => want_summary = true,
            "--lang" => lang = Lang::from_tag(value(&mut it, "--lang")?),
            "--site" => site = value(&mut it, "--site")?.to_string(),
            "--time" => time = value(&mut it, "--time")?.to_string(),
            "--done" => done.push(value(&mut it, "--done")?),
            s if s.starts_with("--") => return Err(UsageError(format!("unexpected argument {s:?}")).into()),
            s => kinds.push(s),
        }
    }
    if kinds.is_empty() {
        return Err(UsageError("guide needs at least one KIND (e.g. card-number, password, bank)".into()).into());
    }
    if want_summary {
        let incident = Incident { kinds: kinds.iter().map(|k| k.to_string()).collect(), site, time };
        print!("{}", summary(lang, &incident, &done));
        return Ok(());
    }
    let guide = Engine::new().guide(&kinds, lang);
    if json {
        outln!("{}", serde_json::to_string_pretty(&guide)?);
    } else {
        print!("{}", render(&guide));
    }
    Ok(())
}

/// The guide as terminal text: intro, each situation's sections, prevention.
fn render(g: &Guide) -> String {
    let colon = if g.lang == "ja" { "：" } else { ": " };
    let mut out = format!("{}\n\n", g.title);
    for line in &g.intro {
        out.push_str(&format!("{line}\n"));
    }
    if g.situations.is_empty() {
        let ids: Vec<&str> = g.choices.iter().map(|c| c.id).collect();
        out.push_str(&format!("\n({}{colon}{})\n", g.headings.choose, ids.join(", ")));
    }
    for s in &g.situations {
        out.push_str(&format!("\n== {} ==\n{}\n", s.title, s.summary));
        out.push_str(&format!("\n{}\n", g.headings.steps));
        for step in &s.steps {
            out.push_str(&format!("  [ ] {}  ({})\n", step.text, step.id));
        }
        if !s.related.is_empty() {
            let titles: Vec<&str> =
                s.related.iter().filter_map(|r| g.choices.iter().find(|c| c.id == *r)).map(|c| c.title).collect();
            out.push_str(&format!("\n{}{colon}{}\n", g.headings.related, titles.join(" / ")));
        }
        out.push_str(&format!("\n{}\n", g.headings.damage));
        for d in &s.damage {
            out.push_str(&format!("  - {d}\n"));
        }
        out.push_str(&format!("\n{}\n", g.headings.contacts));
        for c in &s.contacts {
            out.push_str(&format!("  - {}{colon}{}\n", c.name, c.detail));
        }
    }
    out.push_str(&format!("\n== {} ==\n", g.headings.prevention));
    for p in &g.prevention {
        out.push_str(&format!("  - {}\n", p.text));
    }
    out.push_str(&format!("\n{}\n", g.sources));
    out
}
