//! `sagiguard forms PAGE.html [--url URL]`: the form guard on a saved page.
//! Prints one JSON object, `{"fields": [...], "forms": [...], "page": {...}}`,
//! with each field's kind and each form's risk, so the classifier can be
//! measured on saved pages. With `--url`, also `"verdict"`: the page's verdict
//! as the extension gets it for that address (the URL's reasons plus what the
//! page claims to be, e.g. a brand's sign-in page on a site that is not the
//! brand's), or `{"error"}` for an address that cannot be judged. A page that
//! cannot be read still gets a valid (empty) object, and the problem goes to stderr.

use serde::Serialize;

use super::{value, CliResult, UsageError};
use sagiguard::forms::html::{extract, Extracted};
use sagiguard::forms::{FieldDescriptor, FieldKind, FormRisk, PageFacts, PageInput};
use sagiguard::text::Lang;
use sagiguard::view::VerdictView;
use sagiguard::Engine;

/// One field in the output: its descriptor's identifying members and its kind.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FieldOut<'a> {
    kind: FieldKind,
    form: i32,
    confidence: f32,
    group: Option<u32>,
    evidence: &'a [String],
    #[serde(flatten)]
    descriptor: &'a FieldDescriptor,
}

#[derive(Serialize)]
struct Output<'a> {
    fields: Vec<FieldOut<'a>>,
    forms: &'a [FormRisk],
    page: &'a PageFacts,
    sensitive: bool,
    kinds: &'a [FieldKind],
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<VerdictOut>,
}

/// The page's verdict for `--url`, or why there is none.
#[derive(Serialize)]
#[serde(untagged)]
enum VerdictOut {
    Verdict(VerdictView),
    Error { error: String },
}

/// Runs `forms`.
pub fn run(args: &[String]) -> CliResult {
    let (mut path, mut url) = (None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--url" => url = Some(value(&mut it, "--url")?.to_string()),
            s if path.is_none() && !s.starts_with("--") => path = Some(s.to_string()),
            s => return Err(UsageError(format!("unexpected argument {s:?}")).into()),
        }
    }
    let path = path.ok_or_else(|| UsageError("forms needs a PAGE.html".into()))?;
    let (extracted, failure) = match std::fs::read(&path) {
        Ok(bytes) => {
            let html = String::from_utf8_lossy(&bytes);
            if let std::borrow::Cow::Owned(_) = html {
                eprintln!("sagiguard: {path}: not valid UTF-8; undecodable bytes replaced");
            }
            (extract(&html, url.as_deref()), None)
        }
        Err(e) => (Extracted::default(), Some(format!("{path}: {e}"))),
    };
    let engine = Engine::new();
    let page = PageInput { fields: extracted.fields, forms: extracted.forms, facts: extracted.page };
    // With an address, the page is judged as the extension judges it; the
    // classifier's report is the same either way.
    let (verdict, report) = match url.as_deref() {
        Some(u) => match engine.check_page(u, &page) {
            Ok((v, r)) => (Some(VerdictOut::Verdict(VerdictView::new(&v, Lang::En))), r),
            Err(e) => (Some(VerdictOut::Error { error: e.to_string() }), engine.classify_fields(&page.fields, &page.forms, u)),
        },
        None => (None, engine.classify_fields(&page.fields, &page.forms, "")),
    };
    let fields = report
        .fields
        .iter()
        .zip(&page.fields)
        .map(|(r, d)| FieldOut {
            kind: r.class.kind,
            form: r.form,
            confidence: r.class.confidence,
            group: r.class.group,
            evidence: &r.class.evidence,
            descriptor: d,
        })
        .collect();
    let out = Output { fields, forms: &report.forms, page: &page.facts, sensitive: report.sensitive, kinds: &report.kinds, verdict };
    outln!("{}", serde_json::to_string(&out)?);
    match failure {
        Some(f) => Err(f.into()),
        None => Ok(()),
    }
}
