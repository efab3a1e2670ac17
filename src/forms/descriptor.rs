//! What the content script reports about a page's fields and forms: the shape
//! of each field (never its value), each form's destination, and what the page
//! claims to be. Every member maps to one cheap DOM read, named on the member,
//! so the JS fills these objects with no logic of its own (the rules for the
//! text members are in `extract_rules.md`).

use serde::{Deserialize, Serialize};

/// One fillable field as the page presents it. Values are never part of it:
/// what a person types stays in the content script.
///
/// All members default to empty, so the JS may leave out whatever is absent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FieldDescriptor {
    /// `el.localName`: `input`, `select` or `textarea`.
    pub tag: String,
    /// `el.type` (lower case; `text` for a missing or unknown input type,
    /// `select-one` / `select-multiple` / `textarea` for the others).
    #[serde(rename = "type")]
    pub kind: String,
    /// The `name` attribute.
    pub name: String,
    /// The `id` attribute.
    pub id: String,
    /// The `autocomplete` attribute as written (tokens, e.g. `section-a cc-number`).
    pub autocomplete: String,
    /// The `inputmode` attribute (`numeric`, `tel`, `email`, ...).
    pub inputmode: String,
    /// The `placeholder` attribute.
    pub placeholder: String,
    /// The `aria-label` attribute.
    pub aria_label: String,
    /// Text of the field's label: `<label for>`, else a wrapping `<label>`,
    /// else the elements named by `aria-labelledby` (see `extract_rules.md`).
    pub label: String,
    /// `el.maxLength`; `-1` (the DOM's "none") or `0` mean no limit.
    pub max_length: i32,
    /// The `pattern` attribute.
    pub pattern: String,
    /// Up to 60 characters of text just before the field in its container.
    pub nearby_text: String,
    /// Index of the field's form owner in `document.forms`; `-1` when it has none.
    pub form_index: i32,
}

impl FieldDescriptor {
    /// A descriptor for a field outside any form, with the given tag and type;
    /// tests and tools fill in the rest.
    pub fn new(tag: &str, kind: &str) -> FieldDescriptor {
        FieldDescriptor { tag: tag.into(), kind: kind.into(), max_length: -1, form_index: -1, ..Default::default() }
    }

    /// The length limit when there is one.
    pub fn max_len(&self) -> Option<u32> {
        u32::try_from(self.max_length).ok().filter(|&n| n > 0)
    }
}

/// One `<form>` of the page: where its data goes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FormDescriptor {
    /// Position in `document.forms`; fields point here with `formIndex`.
    pub index: i32,
    /// The `action` attribute resolved against the document's base URL
    /// (`new URL(attr, document.baseURI)`; the page URL when the attribute is
    /// absent or empty). Read the attribute, not `form.action`, which a field
    /// named `action` shadows.
    pub action: String,
    /// The `method` attribute in lower case (`get` when absent).
    pub method: String,
    /// The `id` attribute.
    pub id: String,
    /// The `name` attribute.
    pub name: String,
}

/// What a page claims to be, for the brand comparison: a page that shows a
/// brand, asks for credentials or payment data, and is not on that brand's
/// domain is the strongest signal there is. This module only carries the facts;
/// the comparison with the brand table is the brands module's job.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PageFacts {
    /// `document.title`, whitespace collapsed, at most 200 characters.
    pub title: String,
    /// Texts of the first ten `h1`/`h2` elements in document order, 100 characters each.
    pub headings: Vec<String>,
    /// The first 300 characters of the body's text (scripts and styles left out):
    /// where brand names in visible text are looked for.
    pub text_sample: String,
    /// `alt` texts of the first ten images whose `alt`, `src`, `id` or `class`
    /// contains `logo`.
    pub logo_alts: Vec<String>,
    /// Host of the first `<link rel~=icon>`'s resolved `href`; empty when none.
    pub favicon_host: String,
}

/// Everything the content script reports about one page: its field and form
/// descriptors and what the page claims to be. Never any typed value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageInput {
    /// The page's fields, in document order.
    pub fields: Vec<FieldDescriptor>,
    /// The page's forms, by index.
    pub forms: Vec<FormDescriptor>,
    /// Title, headings, logo texts and favicon host.
    pub facts: PageFacts,
}
