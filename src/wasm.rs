//! The WebAssembly facade: the only file that knows about JavaScript. It turns
//! JS strings into engine calls and engine answers into plain JS objects.

mod input;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::guide::Incident;
use crate::lists::{self, CompiledList, Role};
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
    crate::json::to_string(value).ok().and_then(|text| js_sys::JSON::parse(&text).ok()).unwrap_or(JsValue::NULL)
}

fn error(e: impl std::fmt::Display) -> JsValue {
    to_js(&ErrorView { error: e.to_string() })
}

fn role(s: &str) -> Result<Role, JsValue> {
    Role::parse(s).ok_or_else(|| error(format!("unknown list role {s:?} (block or trust)")))
}

/// What `compileFeed` says besides the bytes.
#[derive(Serialize)]
struct CompiledView {
    entries: usize,
    skipped: u32,
    format: lists::Format,
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

    /// Compiles a downloaded feed (any format; `role` is `block` or `trust`)
    /// into `{bytes: Uint8Array, entries, skipped, format}` to store, or `{error}`
    /// (too large, nothing usable...: keep the previous list). Does not load it.
    #[wasm_bindgen(js_name = compileFeed)]
    pub fn compile_feed(&self, text: &str, role_name: &str, name: &str) -> JsValue {
        let role = match role(role_name) {
            Ok(r) => r,
            Err(e) => return e,
        };
        match lists::compile_feed(text, role, name) {
            Ok((list, report)) => {
                let view = to_js(&CompiledView { entries: list.len(), skipped: report.skipped, format: report.format });
                let bytes = js_sys::Uint8Array::from(list.as_bytes());
                if js_sys::Reflect::set(&view, &JsValue::from_str("bytes"), &bytes).is_err() {
                    return error("could not build the answer object");
                }
                view
            }
            Err(e) => error(e),
        }
    }

    /// Loads stored bytes from `compileFeed` as list `name` (replacing a list of
    /// that role and name at once): the list's `{name, role, entries, ...}`, or
    /// `{error}` for damaged bytes or the wrong role (nothing is replaced then).
    #[wasm_bindgen(js_name = loadList)]
    pub fn load_list(&mut self, name: &str, role_name: &str, bytes: Vec<u8>) -> JsValue {
        let role = match role(role_name) {
            Ok(r) => r,
            Err(e) => return e,
        };
        match CompiledList::load(name, role, bytes) {
            Ok(list) => {
                let info = lists::ListInfo { meta: list.meta(), bytes: list.as_bytes().len() };
                self.inner.lists_mut().insert(role, list);
                to_js(&info)
            }
            Err(e) => error(e),
        }
    }

    /// Removes a list; whether there was one.
    #[wasm_bindgen(js_name = removeList)]
    pub fn remove_list(&mut self, name: &str, role_name: &str) -> bool {
        Role::parse(role_name).is_some_and(|r| self.inner.lists_mut().remove(r, name))
    }

    /// Replaces the person's own allowlist and blocklist (arrays of domains or
    /// URLs): `{allow, block, skipped}` counts, or `{error}`.
    #[wasm_bindgen(js_name = setUserLists)]
    pub fn set_user_lists(&mut self, allow: Vec<String>, block: Vec<String>) -> JsValue {
        match self.inner.lists_mut().set_user_lists(&allow, &block) {
            Ok(report) => to_js(&report),
            Err(e) => error(e),
        }
    }

    /// The loaded lists: `[{name, role, format, entries, skipped, builtAt, buildMs, bytes}]`.
    #[wasm_bindgen(js_name = listStats)]
    pub fn list_stats(&self) -> JsValue {
        to_js(&self.inner.lists().info())
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

    /// Classifies a page's fields: `descriptors` is an array of field
    /// descriptors or `{fields, forms}`; `pageUrl` the page's URL. Answers
    /// `{fields: [{index, form, kind, confidence, evidence, group}], forms:
    /// [{index, action, kinds, sensitive, actionKind, risk, ...}], kinds,
    /// sensitive}`, or `{error}` when the descriptors have the wrong shape.
    #[wasm_bindgen(js_name = classifyFields)]
    pub fn classify_fields(&self, descriptors: JsValue, page_url: &str) -> JsValue {
        match input::page_input(&descriptors) {
            Ok((fields, forms)) => to_js(&self.inner.classify_fields(&fields, &forms, page_url)),
            Err(e) => error(e),
        }
    }
}

impl Default for WasmEngine {
    fn default() -> Self {
        WasmEngine::new()
    }
}
