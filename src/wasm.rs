//! The WebAssembly facade: the only file that knows about JavaScript. It turns
//! JS strings into engine calls and engine answers into plain JS objects.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::guide::Incident;
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

    /// The recovery guide for what was handed over: `kinds` are form field kinds
    /// (`card-number`) or situation ids (`card`); `{lang, title, intro, headings,
    /// situations: [{id, title, summary, steps: [{id, text}], damage, contacts,
    /// related}], choices, prevention, sources}`.
    pub fn guide(&self, kinds: Vec<String>, lang: &str) -> JsValue {
        let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
        to_js(&self.inner.guide(&kinds, Lang::from_tag(lang)))
    }

    /// The plain-text incident summary to copy for a bank or the police; `time`
    /// is already formatted by the caller, `done` holds the ticked step ids.
    pub fn summary(&self, kinds: Vec<String>, site: String, time: String, done: Vec<String>, lang: &str) -> String {
        let done: Vec<&str> = done.iter().map(String::as_str).collect();
        crate::guide::summary(Lang::from_tag(lang), &Incident { kinds, site, time }, &done)
    }
}

impl Default for WasmEngine {
    fn default() -> Self {
        WasmEngine::new()
    }
}
