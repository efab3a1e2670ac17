//! The guide as people and programs see it: one language, the chosen
//! situations with their steps, damage and contacts, plus the opening advice
//! and the prevention advice. Serialized as JSON by the CLI and as a JS object
//! by the wasm facade, so the popup, guide page and `www/` draw the same thing.

use serde::Serialize;

use super::data::{self, text};
use super::Situation;
use crate::text::Lang;

/// A checklist line or advice line with a stable id (`card.call-issuer`,
/// `prevention.delete`): hosts store ticked step ids, never the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Stable id the checklist stores when the step is ticked.
    pub id: String,
    /// The line a person reads.
    pub text: &'static str,
}

/// Someone to call or write to, with the number to dial when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// Stable id (`police-consult`), for tests and hosts.
    pub id: &'static str,
    /// Who they are (警察相談専用電話, "your card issuer").
    pub name: &'static str,
    /// What they can do for the person, and when they answer.
    pub detail: &'static str,
    /// What to dial (`#9110`, `110`, `188`); `None` for contacts whose number
    /// the person must look up themselves (their bank, their card issuer).
    pub tel: Option<&'static str>,
}

/// One situation's section of the guide.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SituationGuide {
    /// The situation's id (`card`, `bank`, `account`, ...), as the picker names it.
    pub id: &'static str,
    /// Its heading ("You entered card details").
    pub title: &'static str,
    /// What it means, in one line.
    pub summary: &'static str,
    /// The first steps, as a checklist.
    pub steps: Vec<Item>,
    /// What the scammer can do with what was handed over, so the person knows what to watch for.
    pub damage: Vec<&'static str>,
    /// Whom to call or write to for this situation.
    pub contacts: Vec<Contact>,
    /// Ids of other situations whose steps also apply (the fake support call).
    pub related: Vec<&'static str>,
}

/// A situation as offered by the picker ("What did you hand over?").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The situation's id, passed back to build its guide.
    pub id: &'static str,
    /// Its heading.
    pub title: &'static str,
    /// What it means, in one line.
    pub summary: &'static str,
}

/// The headings a host needs to lay the guide out, in the guide's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Headings {
    /// Above the picker ("What did you hand over?").
    pub choose: &'static str,
    /// Above a situation's checklist.
    pub steps: &'static str,
    /// Above what the scammer can do.
    pub damage: &'static str,
    /// Above whom to contact.
    pub contacts: &'static str,
    /// Above the links to related situations.
    pub related: &'static str,
    /// Above the prevention advice.
    pub prevention: &'static str,
}

/// The recovery guide for some situations in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Guide {
    /// `"en"` or `"ja"`.
    pub lang: &'static str,
    /// The guide's title.
    pub title: &'static str,
    /// The opening advice: act early, even before any damage.
    pub intro: Vec<&'static str>,
    /// The section headings in this language.
    pub headings: Headings,
    /// The sections asked for, in priority order.
    pub situations: Vec<SituationGuide>,
    /// All seven situations, for the picker.
    pub choices: Vec<Choice>,
    /// How to keep it from happening again.
    pub prevention: Vec<Item>,
    /// Where the public phone numbers come from.
    pub sources: &'static str,
}

/// Builds the guide for `situations` (any order, repeats allowed) in `lang`.
pub fn guide(lang: Lang, situations: &[Situation]) -> Guide {
    let mut chosen = situations.to_vec();
    crate::sort::sort(&mut chosen);
    chosen.dedup();
    Guide {
        lang: lang_code(lang),
        title: text(lang, "title"),
        intro: data::under(lang, "intro.").into_iter().map(|(_, t)| t).collect(),
        headings: Headings {
            choose: text(lang, "heading.choose"),
            steps: text(lang, "heading.steps"),
            damage: text(lang, "heading.damage"),
            contacts: text(lang, "heading.contacts"),
            related: text(lang, "heading.related"),
            prevention: text(lang, "heading.prevention"),
        },
        situations: chosen.into_iter().map(|s| section(lang, s)).collect(),
        choices: Situation::ALL
            .into_iter()
            .map(|s| Choice { id: s.id(), title: title(lang, s), summary: text(lang, &format!("{}.summary", s.id())) })
            .collect(),
        prevention: items(lang, "prevention", "prevention."),
        sources: text(lang, "sources"),
    }
}

/// The short code of a language, as hosts and JSON use it.
pub(crate) fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Ja => "ja",
    }
}

/// A situation's title.
pub(crate) fn title(lang: Lang, s: Situation) -> &'static str {
    text(lang, &format!("{}.title", s.id()))
}

/// A situation's checklist; step ids are `<situation>.<step>`.
pub(crate) fn steps(lang: Lang, s: Situation) -> Vec<Item> {
    items(lang, s.id(), &format!("{}.step.", s.id()))
}

fn items(lang: Lang, id_prefix: &str, key_prefix: &str) -> Vec<Item> {
    data::under(lang, key_prefix)
        .into_iter()
        .map(|(name, text)| Item { id: format!("{id_prefix}.{name}"), text })
        .collect()
}

fn section(lang: Lang, s: Situation) -> SituationGuide {
    let id = s.id();
    SituationGuide {
        id,
        title: title(lang, s),
        summary: text(lang, &format!("{id}.summary")),
        steps: steps(lang, s),
        damage: data::under(lang, &format!("{id}.damage.")).into_iter().map(|(_, t)| t).collect(),
        contacts: text(lang, &format!("{id}.contacts")).split_whitespace().map(|c| contact(lang, c)).collect(),
        related: s.related().iter().map(|r| r.id()).collect(),
    }
}

fn contact(lang: Lang, id: &'static str) -> Contact {
    Contact {
        id,
        name: text(lang, &format!("contact.{id}.name")),
        detail: text(lang, &format!("contact.{id}.detail")),
        tel: data::get(lang, &format!("contact.{id}.tel")),
    }
}
