//! The form guard's engine half: what each field of a page asks for, and how
//! risky each form is.
//!
//! The content script extracts a [`FieldDescriptor`] per field and a
//! [`FormDescriptor`] per form (rules in `extract_rules.md`, which the CLI's
//! HTML extraction follows too), the background hands them to
//! [`crate::Engine::classify_fields`], and the answer, a [`FormsReport`], tells
//! the content script which fields to guard. Values never come here: the
//! content script checks typed values locally with the reference functions
//! [`looks_like_card_number`], [`looks_like_gift_card_code`] and
//! [`looks_like_recovery_phrase`].

mod classify;
mod descriptor;
mod giftcard;
mod group;
#[cfg(feature = "cli")]
pub mod html;
mod kind;
mod lexicon;
mod luhn;
mod matcher;
mod normalize;
mod phrase;
mod risk;

pub use classify::{classify, Classification};
pub use descriptor::{FieldDescriptor, FormDescriptor, PageFacts, PageInput};
pub use giftcard::{gift_card_shape, looks_like_gift_card_code, GiftCardShape};
pub use group::classify_all;
pub use kind::FieldKind;
pub use luhn::{card_issuer, issuer, looks_like_card_number, luhn_valid, Issuer};
pub use normalize::fold;
pub use phrase::looks_like_recovery_phrase;
pub use risk::{assess_form, ActionKind, FormRisk, FormRiskLevel};

use risk::assess;
use serde::Serialize;

use crate::target::Target;

/// One field of the page with its classification, in the order given.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldReport {
    /// Position in the descriptor list, so the content script finds its element.
    pub index: usize,
    /// The field's form (`formIndex`), `-1` outside forms.
    pub form: i32,
    /// The field's kind and why.
    #[serde(flatten)]
    pub class: Classification,
}

/// The answer for a page's fields: each field's kind, each form's risk.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormsReport {
    /// Each field's kind, in the order the descriptors came.
    pub fields: Vec<FieldReport>,
    /// One entry per form descriptor, plus one with index `-1` when fields
    /// outside any form ask for sensitive data (sent by script, not by a form).
    pub forms: Vec<FormRisk>,
    /// Every sensitive kind the page asks for, each once.
    pub kinds: Vec<FieldKind>,
    /// Whether the page asks for anything sensitive.
    pub sensitive: bool,
}

/// Classifies a page's fields and assesses its forms. `page_url` is the page's
/// URL (empty when unknown); forms referred to by fields but not described are
/// assessed as posting to the page itself.
pub fn report(fields: &[FieldDescriptor], forms: &[FormDescriptor], page_url: &str) -> FormsReport {
    let classes = classify_all(fields);
    // Forms sorted by index, with those fields refer to but nobody described.
    // std's sort, not crate::sort's insertion sort: a hostile page may report
    // tens of thousands of forms in descending order.
    let mut described: Vec<FormDescriptor> = forms.to_vec();
    described.sort_by_key(form_index);
    let mut extra: Vec<FormDescriptor> = Vec::new();
    for f in fields {
        let index = f.form_index;
        let listed = |v: &[FormDescriptor]| v.binary_search_by_key(&index, form_index).is_ok();
        if index >= 0 && extra.last().is_none_or(|d| d.index != index) && !listed(&described) {
            extra.push(FormDescriptor { index, ..Default::default() });
        }
    }
    if !extra.is_empty() {
        extra.sort_by_key(form_index);
        extra.dedup_by_key(|d| d.index);
        described.append(&mut extra);
        described.sort_by_key(form_index);
    }
    // The kinds of each form's fields, at the form's first position in
    // `described`; fields outside any form apart.
    let first = |index: i32| described.partition_point(|d| d.index < index);
    let mut owned: Vec<Vec<FieldKind>> = vec![Vec::new(); described.len()];
    let mut loose_kinds = Vec::new();
    for (f, c) in fields.iter().zip(&classes) {
        let at = first(f.form_index);
        if f.form_index == -1 {
            loose_kinds.push(c.kind);
        } else if described.get(at).is_some_and(|d| d.index == f.form_index) {
            owned[at].push(c.kind);
        }
    }
    let page = Target::parse(page_url).ok();
    let kinds_of = |index: i32| owned.get(first(index)).into_iter().flatten().copied();
    let mut risks: Vec<FormRisk> = described.iter().map(|d| assess(d, kinds_of(d.index), page.as_ref())).collect();
    let loose = assess(&FormDescriptor { index: -1, ..Default::default() }, loose_kinds.into_iter(), page.as_ref());
    if loose.sensitive {
        risks.push(loose);
    }
    let mut kinds: Vec<FieldKind> = risks.iter().flat_map(|r| r.kinds.iter().copied()).collect();
    crate::sort::sort_by_key(&mut kinds, |k| FieldKind::ALL.iter().position(|a| a == k));
    kinds.dedup();
    let fields = fields
        .iter()
        .zip(classes)
        .enumerate()
        .map(|(index, (f, class))| FieldReport { index, form: f.form_index, class })
        .collect();
    FormsReport { fields, forms: risks, sensitive: !kinds.is_empty(), kinds }
}

/// The sort key of forms: their index in `document.forms`.
fn form_index(d: &FormDescriptor) -> i32 {
    d.index
}
