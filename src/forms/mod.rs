//! The form guard's engine half: what each field of a page asks for, and how
//! risky each form is.
//!
//! The content script extracts a [`FieldDescriptor`] per field and a
//! [`FormDescriptor`] per form (rules in `extract_rules.md`, which the CLI's
//! HTML extraction follows too), the background hands them to
//! [`crate::Engine::classify_fields`], and the answer, a [`FormsReport`], tells
//! the content script which fields to guard. Values never come here: the
//! content script checks typed values locally with the reference functions
//! [`looks_like_card_number`] and [`looks_like_gift_card_code`].

mod classify;
mod descriptor;
mod giftcard;
mod group;
#[cfg(feature = "cli")]
pub mod html;
mod kind;
mod lexicon;
mod luhn;
mod normalize;
mod risk;

pub use classify::{classify, Classification};
pub use descriptor::{FieldDescriptor, FormDescriptor, PageFacts, PageInput};
pub use giftcard::{gift_card_shape, looks_like_gift_card_code, GiftCardShape};
pub use group::classify_all;
pub use kind::FieldKind;
pub use luhn::{card_issuer, issuer, looks_like_card_number, luhn_valid, Issuer};
pub use normalize::fold;
pub use risk::{assess_form, ActionKind, FormRisk, FormRiskLevel};

use serde::Serialize;

/// One field of the page with its classification, in the order given.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldReport {
    /// Position in the descriptor list, so the content script finds its element.
    pub index: usize,
    /// The field's form (`formIndex`), `-1` outside forms.
    pub form: i32,
    #[serde(flatten)]
    pub class: Classification,
}

/// The answer for a page's fields: each field's kind, each form's risk.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormsReport {
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
    let owned = |index: i32| -> Vec<Classification> {
        fields.iter().zip(&classes).filter(|(f, _)| f.form_index == index).map(|(_, c)| c.clone()).collect()
    };
    let mut described: Vec<FormDescriptor> = forms.to_vec();
    for f in fields {
        if f.form_index >= 0 && !described.iter().any(|d| d.index == f.form_index) {
            described.push(FormDescriptor { index: f.form_index, ..Default::default() });
        }
    }
    crate::sort::sort_by_key(&mut described, |d| d.index);
    let mut risks: Vec<FormRisk> = described.iter().map(|d| assess_form(d, &owned(d.index), page_url)).collect();
    let loose = assess_form(&FormDescriptor { index: -1, ..Default::default() }, &owned(-1), page_url);
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
