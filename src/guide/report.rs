//! The plain-text incident summary a person copies to give a bank, a card
//! issuer or the police: what kinds of data went to which site and when, and
//! which first steps are done. It never holds the values themselves, because
//! SagiGuard never has them.

use super::build::{steps, title};
use super::data::text;
use super::{situations_for, Situation};
use crate::text::Lang;

/// What happened, as the extension records it: kinds, site and time, never values.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Incident {
    /// Field kinds (`card-number`) or situation ids (`card`), as for [`situations_for`].
    pub kinds: Vec<String>,
    /// The site the data went to (a registrable domain or host); empty if unknown.
    pub site: String,
    /// When it happened, already formatted by the host in the person's own time
    /// zone (e.g. `2026-05-01 14:32`); empty if unknown.
    pub time: String,
}

/// The summary in `lang`, with each step of the incident's situations marked
/// done when its id is in `done` (ids of other situations are ignored).
pub fn summary(lang: Lang, incident: &Incident, done: &[&str]) -> String {
    let (colon, sep) = if lang == Lang::Ja { ("：", "、") } else { (": ", ", ") };
    let unknown = text(lang, "summary.unknown");
    let kinds: Vec<&str> = incident.kinds.iter().map(String::as_str).collect();

    let mut out = String::new();
    out.push_str(text(lang, "summary.title"));
    out.push('\n');
    for (key, value) in [("summary.site", &incident.site), ("summary.time", &incident.time)] {
        let value = one_line(value);
        let value = if value.is_empty() { unknown.to_string() } else { value };
        out.push_str(&format!("{}{colon}{value}\n", text(lang, key)));
    }
    let labels: Vec<String> = kinds.iter().map(|k| kind_label(lang, k)).filter(|l| !l.is_empty()).collect();
    let labels = if labels.is_empty() { unknown.to_string() } else { labels.join(sep) };
    out.push_str(&format!("{}{colon}{labels}\n", text(lang, "summary.kinds")));

    let situations = situations_for(&kinds);
    if !situations.is_empty() {
        out.push_str(&format!("\n{}{colon}\n", text(lang, "summary.steps")));
    }
    for s in situations {
        out.push_str(&format!("{}\n", title(lang, s)));
        for step in steps(lang, s) {
            let mark = if done.contains(&step.id.as_str()) { "summary.done" } else { "summary.todo" };
            out.push_str(&format!("  [{}] {}\n", text(lang, mark), step.text));
        }
    }
    out.push('\n');
    out.push_str(text(lang, "summary.note"));
    out.push('\n');
    out
}

/// A kind as people name it: the field's name, or a situation's title; an
/// unknown word is kept as given (on one line) rather than dropped.
fn kind_label(lang: Lang, kind: &str) -> String {
    let kind = kind.trim().to_ascii_lowercase();
    if let Some(s) = Situation::from_id(&kind) {
        return title(lang, s).to_string();
    }
    let label = text(lang, &format!("kind.{kind}"));
    if label.is_empty() {
        one_line(&kind)
    } else {
        label.to_string()
    }
}

/// Host-given text on one line: control characters become spaces, then trimmed.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect::<String>().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incident(kinds: &[&str]) -> Incident {
        Incident {
            kinds: kinds.iter().map(|k| k.to_string()).collect(),
            site: "secure-login.example".into(),
            time: "2026-05-01 14:32".into(),
        }
    }

    #[test]
    fn english_summary_names_kinds_site_time_and_marks_steps() {
        let s = summary(Lang::En, &incident(&["card-number", "card-cvc"]), &["card.call-issuer"]);
        assert!(s.starts_with("SagiGuard incident summary\n"), "{s}");
        assert!(s.contains("Site: secure-login.example\n"), "{s}");
        assert!(s.contains("When: 2026-05-01 14:32\n"), "{s}");
        assert!(s.contains("What was handed over: card number, card security code\n"), "{s}");
        assert!(s.contains("Card details\n  [done] Call your card issuer"), "{s}");
        assert!(s.contains("  [not yet] Ask them to stop the card"), "{s}");
        assert!(!s.contains("Bank details"), "{s}");
    }

    #[test]
    fn japanese_summary_uses_japanese_labels() {
        let s = summary(Lang::Ja, &incident(&["pin", "bank-account"]), &[]);
        assert!(s.contains("サイト：secure-login.example\n"), "{s}");
        assert!(s.contains("相手に渡った情報：暗証番号、口座番号\n"), "{s}");
        assert!(s.contains("銀行口座の情報\n  [未] "), "{s}");
        assert!(!s.contains("[済]"), "{s}");
    }

    #[test]
    fn missing_facts_and_hostile_text_stay_on_their_lines() {
        let i = Incident { kinds: vec!["weird\nkind".into()], site: "a\nSite: forged".into(), time: String::new() };
        let s = summary(Lang::En, &i, &[]);
        assert!(s.contains("Site: a Site: forged\n"), "{s}");
        assert!(s.contains("When: unknown\n"), "{s}");
        assert!(s.contains("What was handed over: weird kind\n"), "{s}");
        assert!(!s.contains("What has been done"), "{s}");
    }

    #[test]
    fn situation_ids_from_the_picker_are_named_by_their_title() {
        let s = summary(Lang::En, &incident(&["payment"]), &["payment.tell-bank"]);
        assert!(s.contains("What was handed over: Paying a fake invoice\n"), "{s}");
        assert!(s.contains("[done] Tell the bank you paid from"), "{s}");
    }
}
