//! The shape people and programs see: a verdict with its sentences filled in,
//! serialized as JSON by the CLI and as a JS object by the wasm facade.

use serde::Serialize;

use crate::text::{self, Lang};
use crate::verdict::{Level, Verdict};

/// One reason as shown: its stable code, weight and a sentence.
#[derive(Clone, Debug, Serialize)]
pub struct ReasonView {
    /// The reason's stable code (`ip-host`), for tests, scripts and the policy table.
    pub code: &'static str,
    /// What it added to the score, from `data/policy.tsv`.
    pub weight: i32,
    /// The sentence a person reads, in the chosen language.
    pub text: String,
    /// The reason's detail when it has one (for `threat-list`, the names of the
    /// lists that matched), so a warning page can say which list and when.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A verdict as shown to a person or written by `sagiguard check --json`.
#[derive(Clone, Debug, Serialize)]
pub struct VerdictView {
    /// What the extension does about the site (warn, stop, nothing).
    pub level: Level,
    /// The level in a few words ("Be careful: ...").
    pub summary: &'static str,
    /// 0–100, the reasons' weights summed and clamped.
    pub score: i32,
    /// Every reason, strongest first, each with its sentence.
    pub reasons: Vec<ReasonView>,
    /// The brand the site appears to imitate, so a warning can name it.
    pub brand: Option<String>,
    /// The host as a person reads it (IDN in Unicode).
    pub host: String,
    /// The registrable domain the person would trust or block.
    pub site: Option<String>,
}

/// The text key of a verdict's summary. A site with signs too weak for a
/// warning gets its own words: "no warning signs" above a list of signs would
/// contradict itself.
fn summary_key(v: &Verdict) -> &'static str {
    match v.level {
        Level::Unknown if v.reasons.iter().any(|r| r.weight > 0) => "level.unknown.weak",
        Level::Unknown => "level.unknown",
        Level::Trusted => "level.trusted",
        Level::Caution => "level.caution",
        Level::Danger => "level.danger",
    }
}

impl VerdictView {
    /// Fills in the sentences of `v` in `lang`.
    pub fn new(v: &Verdict, lang: Lang) -> VerdictView {
        VerdictView {
            level: v.level,
            summary: text::lookup(lang, summary_key(v)).unwrap_or(v.level.as_str()),
            score: v.score,
            reasons: v
                .reasons
                .iter()
                .map(|r| ReasonView {
                    code: r.code,
                    weight: r.weight,
                    text: text::reason_sentence(lang, r, &v.host),
                    detail: r.detail.as_deref().map(String::from),
                })
                .collect(),
            brand: v.brand.map(|b| String::from(text::brand_name(lang, b))),
            host: v.host.clone(),
            site: v.site.clone(),
        }
    }
}
