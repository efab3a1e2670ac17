//! The WebAssembly facade: the only file that knows about JavaScript. It turns
//! JS strings into engine calls and engine answers into plain JS objects.

mod input;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::guide::Incident;
use crate::forms::FormsReport;
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

/// The answer to `checkPage`: the page's verdict and its fields' classification.
#[derive(Serialize)]
struct PageView {
    verdict: VerdictView,
    #[serde(flatten)]
    report: FormsReport,
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    crate::json::to_string(value).ok().and_then(|text| js_sys::JSON::parse(&text).ok()).unwrap_or(JsValue::NULL)
}

fn error(e: impl std::fmt::Display) -> JsValue {
    to_js(&ErrorView { error: e.to_string() })
}

fn role(s: &str) -> Result<Role, JsValue> {
    Role::parse(s).ok_or_else(|| error(format!("unknown list role {} (block or trust)", crate::quote::quoted(s))))
}

/// What `compileFeed` says besides the bytes.
#[derive(Serialize)]
struct CompiledView {
    entries: usize,
    skipped: u32,
    format: lists::Format,
    /// Hosts listed whole, for the browser's pre-load rule.
    #[serde(rename = "wholeHosts")]
    whole_hosts: Vec<String>,
}

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// Builds the engine with its compiled-in tables.
    #[wasm_bindgen(constructor)]
    pub fn new() -> WasmEngine {
        WasmEngine { inner: crate::Engine::new() }
    }

    /// The field kinds the form guard protects (`password`, `card-number`,
    /// ...), in the classifier's order: the content script and the incident store
    /// take them from here rather than keeping a copy of the list.
    #[wasm_bindgen(js_name = sensitiveKinds)]
    pub fn sensitive_kinds(&self) -> Vec<String> {
        crate::forms::FieldKind::sensitive().map(|k| k.as_str().to_string()).collect()
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

    /// Judges what a person pasted to ask about a link (a line of a mail, a
    /// defanged address from a bulletin): `checkUrl`'s answer for the link
    /// found in it (`pasted::link_in`), with `checked` set to that link when
    /// it is not the text as pasted, so the person sees what was judged.
    #[wasm_bindgen(js_name = checkPasted)]
    pub fn check_pasted(&self, text: &str, lang: &str) -> JsValue {
        let link = crate::pasted::link_in(text);
        let answer = self.check_url(&link, lang);
        if link != text.trim() && js_sys::Reflect::set(&answer, &JsValue::from_str("checked"), &JsValue::from_str(&link)).is_err() {
            return error("could not build the answer object");
        }
        answer
    }

    /// Compiles a downloaded feed (any format; `role` is `block` or `trust`)
    /// into `{bytes: Uint8Array, entries, skipped, format, wholeHosts}` to store, or `{error}`
    /// (too large, nothing usable...: keep the previous list). Does not load it.
    #[wasm_bindgen(js_name = compileFeed)]
    pub fn compile_feed(&self, text: &str, role_name: &str, name: &str) -> JsValue {
        let role = match role(role_name) {
            Ok(r) => r,
            Err(e) => return e,
        };
        match lists::compile_feed(text, role, name) {
            Ok((list, report)) => {
                let view = to_js(&CompiledView { entries: list.len(), skipped: report.skipped, format: report.format, whole_hosts: report.whole_hosts });
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

    /// Only the level of a URL (`trusted`, `unknown`, `caution`, `danger`, or
    /// `invalid`): the cheap question asked on every navigation, which needs no
    /// sentences.
    #[wasm_bindgen(js_name = levelOf)]
    pub fn level_of(&self, url: &str) -> String {
        match self.inner.check_url(url) {
            Ok(v) => v.level.as_str().to_string(),
            Err(_) => "invalid".to_string(),
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

    /// Judges a page as the form guard sees it. `page` is `{fields, forms,
    /// facts}` as the content script reports it; answers `{verdict, fields:
    /// [{index, form, kind, confidence, evidence, group}], forms: [...], kinds,
    /// sensitive}`, or `{error}` for a bad URL or descriptors of the wrong shape.
    #[wasm_bindgen(js_name = checkPage)]
    pub fn check_page(&self, page: JsValue, url: &str, lang: &str) -> JsValue {
        let page = match input::page_input(&page) {
            Ok(page) => page,
            Err(e) => return error(e),
        };
        match self.inner.check_page(url, &page) {
            Ok((verdict, report)) => to_js(&PageView { verdict: VerdictView::new(&verdict, Lang::from_tag(lang)), report }),
            Err(e) => to_js(&ErrorView { error: e.to_string() }),
        }
    }
}

impl Default for WasmEngine {
    fn default() -> Self {
        WasmEngine::new()
    }
}
