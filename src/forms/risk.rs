//! A form's risk: which sensitive kinds it asks for, and where its data goes:
//! the page's own site, another registrable domain, a known data-collection
//! endpoint (`data/collectors.tsv`), or a mail program.

use std::sync::OnceLock;

use serde::Serialize;

use super::classify::Classification;
use super::descriptor::FormDescriptor;
use super::kind::FieldKind;
use crate::target::Target;

/// Where a form's data goes, compared with the page it is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    /// The page's own registrable domain (or a relative action).
    SameSite,
    /// Another registrable domain.
    OtherSite,
    /// A form-to-mail service, chat-bot API, webhook or script host.
    DataCollection,
    /// A `mailto:` action: the data leaves by e-mail.
    Mailto,
    /// A `javascript:` action: a page script decides.
    Script,
    /// An absolute action on a page whose own URL is not known.
    Unknown,
}

/// How worrying a form is on its own, before the page's verdict is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FormRiskLevel {
    /// Asks for nothing sensitive.
    None,
    /// Asks for sensitive data, sent to the page's own site.
    Sensitive,
    /// Asks for sensitive data and sends it to another site or by mail.
    SensitiveOffsite,
    /// Asks for sensitive data and sends it to a known data-collection endpoint.
    SensitiveCollector,
}

/// The risk of one form (or of the fields outside any form).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormRisk {
    /// The form's index in `document.forms`; `-1` for fields outside forms.
    pub index: i32,
    /// The resolved action URL as reported.
    pub action: String,
    /// The method (`get`, `post`, `dialog`).
    pub method: String,
    /// The sensitive kinds the form asks for, each once, in a fixed order.
    pub kinds: Vec<FieldKind>,
    /// Whether `kinds` is not empty.
    pub sensitive: bool,
    /// The action's host, when it has one.
    pub action_host: String,
    /// Whether the action is on another registrable domain than the page.
    pub action_site_differs: bool,
    /// Where the data goes, compared with the page.
    pub action_kind: ActionKind,
    /// For a data-collection action: the service (`Telegram Bot API`).
    pub collector: Option<String>,
    /// For a data-collection action: its kind (`chat-bot`, `form-mail`, ...).
    pub collector_kind: Option<String>,
    /// How much sending this form could cost the person.
    pub risk: FormRiskLevel,
}

const COLLECTORS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/data/collectors.tsv"));

/// One row of `data/collectors.tsv`.
struct Collector {
    host: &'static str,
    path: Option<&'static str>,
    kind: &'static str,
    name: &'static str,
}

fn parse_collectors() -> impl Iterator<Item = Collector> {
    COLLECTORS_TSV.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).filter_map(|line| {
        let mut cols = line.split('\t');
        let host = cols.next()?;
        let path = cols.next().filter(|p| *p != "-");
        Some(Collector { host, path, kind: cols.next()?, name: cols.next().unwrap_or(host) })
    })
}

/// The rows of `data/collectors.tsv`, parsed once (a page may have hundreds of forms).
fn collectors() -> &'static [Collector] {
    static TABLE: OnceLock<Vec<Collector>> = OnceLock::new();
    TABLE.get_or_init(|| parse_collectors().collect())
}

/// The collector an action URL posts to, when it is a known one.
fn collector_for(target: &Target) -> Option<&'static Collector> {
    let host = target.url.host.as_str();
    collectors().iter().find(|c| {
        let host_ok = host == c.host || host.strip_suffix(c.host).is_some_and(|rest| rest.ends_with('.'));
        host_ok && c.path.is_none_or(|p| target.url.path.starts_with(p))
    })
}

/// The site a URL is on: its registrable domain, or a user's own site on a
/// hosting platform (another user's site there is another site), or the host
/// when it has neither.
fn site_of(t: &Target) -> &str {
    crate::signals::person_site_of(t).unwrap_or(&t.url.host)
}

/// Assesses one form: the sensitive kinds among `fields` (the classifications
/// of the fields it owns) and where its action sends them. `page_url` is the
/// URL of the page (empty when unknown).
pub fn assess_form(form: &FormDescriptor, fields: &[Classification], page_url: &str) -> FormRisk {
    assess(form, fields.iter().map(|c| c.kind), Target::parse(page_url).ok().as_ref())
}

/// [`assess_form`] with the kinds of the form's fields and the page already
/// parsed, so a page with many forms parses its URL once.
pub(super) fn assess(form: &FormDescriptor, fields: impl Iterator<Item = FieldKind>, page: Option<&Target>) -> FormRisk {
    let mut kinds: Vec<FieldKind> = fields.filter(|k| k.is_sensitive()).collect();
    crate::sort::sort_by_key(&mut kinds, |k| FieldKind::ALL.iter().position(|a| a == k));
    kinds.dedup();
    let action = form.action.trim();
    let lower = action.to_ascii_lowercase();
    let mut risk = FormRisk {
        index: form.index,
        action: form.action.clone(),
        method: if form.method.is_empty() { "get".into() } else { form.method.to_ascii_lowercase() },
        sensitive: !kinds.is_empty(),
        kinds,
        action_host: String::new(),
        action_site_differs: false,
        action_kind: ActionKind::SameSite,
        collector: None,
        collector_kind: None,
        risk: FormRiskLevel::None,
    };
    if lower.starts_with("mailto:") {
        risk.action_kind = ActionKind::Mailto;
        risk.action_site_differs = true;
    } else if lower.starts_with("javascript:") {
        risk.action_kind = ActionKind::Script;
    } else if lower.contains("://") || lower.starts_with("//") {
        let absolute = if lower.starts_with("//") { format!("https:{action}") } else { action.to_string() };
        match Target::parse(&absolute) {
            Ok(t) => {
                risk.action_host = t.unicode_host().to_string();
                if let Some(c) = collector_for(&t) {
                    risk.action_kind = ActionKind::DataCollection;
                    risk.collector = Some(c.name.to_string());
                    risk.collector_kind = Some(c.kind.to_string());
                }
                match page {
                    Some(p) => risk.action_site_differs = site_of(p) != site_of(&t),
                    None if risk.action_kind == ActionKind::SameSite => risk.action_kind = ActionKind::Unknown,
                    None => {}
                }
                if risk.action_site_differs && risk.action_kind == ActionKind::SameSite {
                    risk.action_kind = ActionKind::OtherSite;
                }
            }
            Err(_) => risk.action_kind = ActionKind::Unknown,
        }
    }
    risk.risk = match (risk.sensitive, risk.action_kind) {
        (false, _) => FormRiskLevel::None,
        (true, ActionKind::DataCollection) => FormRiskLevel::SensitiveCollector,
        (true, ActionKind::OtherSite | ActionKind::Mailto) => FormRiskLevel::SensitiveOffsite,
        (true, _) => FormRiskLevel::Sensitive,
    };
    risk
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collectors_table_is_well_formed() {
        let kinds = ["form-mail", "chat-bot", "webhook", "script-host", "form-host"];
        let rows = collectors();
        assert!(rows.len() >= 20);
        for line in COLLECTORS_TSV.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            assert_eq!(line.split('\t').count(), 4, "{line:?}");
        }
        for c in rows {
            assert!(kinds.contains(&c.kind), "{}: {}", c.host, c.kind);
            assert_eq!(c.host, c.host.to_ascii_lowercase());
            assert!(c.path.is_none_or(|p| p.starts_with('/')));
        }
    }
}
