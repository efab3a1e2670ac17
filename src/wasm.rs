//! The WebAssembly facade: the only file that knows about JavaScript. It turns
//! JS strings into engine calls and engine answers into plain JS objects.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::forms::{FieldDescriptor, FormDescriptor};
use crate::text::Lang;
use crate::view::VerdictView;

/// The engine as JS sees it: `new Engine()`, then `checkUrl(url, lang)`.
#[wasm_bindgen(js_name = Engine)]
pub struct WasmEngine {
    inner: crate::Engine,
}

/// An answer that could not be given, as `{ error: "..." }`.
#[derive(Serialize)]
struct ErrorView {
    error: String,
}

/// What `classifyFields` accepts besides a bare array of field descriptors.
#[derive(Deserialize)]
struct PageInput {
    #[serde(default)]
    fields: Vec<FieldDescriptor>,
    #[serde(default)]
    forms: Vec<FormDescriptor>,
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// Builds the engine with its compiled-in tables.
    #[wasm_bindgen(constructor)]
    pub fn new() -> WasmEngine {
        WasmEngine { inner: crate::Engine::new() }
    }

    /// Judges a URL: `{level, summary, score, reasons: [{code, weight, text}], brand, host, site}`
    /// in `lang` (a browser locale such as `ja` or `en-US`), or `{error}`.
    #[wasm_bindgen(js_name = checkUrl)]
    pub fn check_url(&self, url: &str, lang: &str) -> JsValue {
        match self.inner.check_url(url) {
            Ok(v) => to_js(&VerdictView::new(&v, Lang::from_tag(lang))),
            Err(e) => to_js(&ErrorView { error: e.to_string() }),
        }
    }

    /// Classifies a page's fields: `descriptors` is an array of field
    /// descriptors or `{fields, forms}`; `pageUrl` the page's URL. Answers
    /// `{fields: [{index, form, kind, confidence, evidence, group}], forms:
    /// [{index, action, kinds, sensitive, actionKind, risk, ...}], kinds,
    /// sensitive}`, or `{error}` when the descriptors have the wrong shape.
    #[wasm_bindgen(js_name = classifyFields)]
    pub fn classify_fields(&self, descriptors: JsValue, page_url: &str) -> JsValue {
        let input = if js_sys::Array::is_array(&descriptors) {
            serde_wasm_bindgen::from_value::<Vec<FieldDescriptor>>(descriptors).map(|fields| PageInput { fields, forms: Vec::new() })
        } else {
            serde_wasm_bindgen::from_value::<PageInput>(descriptors)
        };
        match input {
            Ok(PageInput { fields, forms }) => to_js(&self.inner.classify_fields(&fields, &forms, page_url)),
            Err(e) => to_js(&ErrorView { error: e.to_string() }),
        }
    }
}

impl Default for WasmEngine {
    fn default() -> Self {
        WasmEngine::new()
    }
}
