//! Reads `checkPage`'s argument straight from the JS objects.
//!
//! serde-wasm-bindgen's deserializer (with serde's error messages, which format
//! floats) cost about 50 KB of wasm for a few flat structs; these `Reflect`
//! reads do the same job. The rules match the serde derive the CLI uses: every
//! member may be left out (or `undefined`) and then keeps its default; a member
//! that is present must have the right type (a string, an array of strings, or
//! a whole number that fits an `i32`); unknown members are ignored. A wrong
//! shape is an error message, never a panic.
//!
//! The content script already reports every string short (`extract_rules.md`:
//! 200 code units an attribute, 2,000 an action); a longer one, which only a
//! confused content script could send, is cut at [`MAX_MEMBER`] bytes (an
//! action at [`MAX_URL_LEN`]), and a page fact list at [`MAX_FACTS`] entries,
//! so the work on one report stays bounded whatever arrives.

use wasm_bindgen::JsValue;

use crate::canon::MAX_URL_LEN;
use crate::forms::{FieldDescriptor, FormDescriptor, PageFacts, PageInput};

/// Bytes kept of a string member: more than the content script's longest
/// (300 code units of text, at most 3 bytes each in UTF-8).
pub const MAX_MEMBER: usize = 1024;
/// Entries kept of a page fact list (the content script sends at most 10).
pub const MAX_FACTS: usize = 10;

/// The page report `{fields, forms, facts}` (each optional).
pub fn page_input(value: &JsValue) -> Result<PageInput, String> {
    object(value, "page")?;
    let mut page = PageInput::default();
    if let Some(v) = member(value, "fields")? {
        page.fields = list(&v, "fields", usize::MAX, field)?;
    }
    if let Some(v) = member(value, "forms")? {
        page.forms = list(&v, "forms", usize::MAX, form)?;
    }
    if let Some(v) = member(value, "facts")? {
        page.facts = facts(&v)?;
    }
    Ok(page)
}

/// The first `limit` elements of the JS array `value`, each read by `read`.
fn list<T>(value: &JsValue, what: &str, limit: usize, read: fn(&JsValue) -> Result<T, String>) -> Result<Vec<T>, String> {
    if !js_sys::Array::is_array(value) {
        return Err(format!("{what}: expected an array"));
    }
    let array = js_sys::Array::from(value);
    array.iter().take(limit).map(|item| read(&item)).collect()
}

/// One field descriptor (members as in [`FieldDescriptor`], camelCase).
fn field(value: &JsValue) -> Result<FieldDescriptor, String> {
    object(value, "field")?;
    let mut f = FieldDescriptor::default();
    for (key, slot) in [
        ("tag", &mut f.tag),
        ("type", &mut f.kind),
        ("name", &mut f.name),
        ("id", &mut f.id),
        ("autocomplete", &mut f.autocomplete),
        ("inputmode", &mut f.inputmode),
        ("placeholder", &mut f.placeholder),
        ("ariaLabel", &mut f.aria_label),
        ("label", &mut f.label),
        ("pattern", &mut f.pattern),
        ("nearbyText", &mut f.nearby_text),
    ] {
        string(value, key, slot, MAX_MEMBER)?;
    }
    int(value, "maxLength", &mut f.max_length)?;
    int(value, "formIndex", &mut f.form_index)?;
    Ok(f)
}

/// One form descriptor (members as in [`FormDescriptor`]).
fn form(value: &JsValue) -> Result<FormDescriptor, String> {
    object(value, "form")?;
    let mut f = FormDescriptor::default();
    int(value, "index", &mut f.index)?;
    string(value, "action", &mut f.action, MAX_URL_LEN)?;
    for (key, slot) in [("method", &mut f.method), ("id", &mut f.id), ("name", &mut f.name)] {
        string(value, key, slot, MAX_MEMBER)?;
    }
    Ok(f)
}

/// What the page claims to be (members as in [`PageFacts`], camelCase).
fn facts(value: &JsValue) -> Result<PageFacts, String> {
    object(value, "facts")?;
    let mut f = PageFacts::default();
    for (key, slot) in [("title", &mut f.title), ("textSample", &mut f.text_sample), ("faviconHost", &mut f.favicon_host)] {
        string(value, key, slot, MAX_MEMBER)?;
    }
    for (key, slot) in [("headings", &mut f.headings), ("logoAlts", &mut f.logo_alts)] {
        if let Some(v) = member(value, key)? {
            *slot = list(&v, key, MAX_FACTS, |item| item.as_string().map(|s| cut(s, MAX_MEMBER)).ok_or_else(|| "expected a string".to_string()))?;
        }
    }
    Ok(f)
}

fn object(value: &JsValue, what: &str) -> Result<(), String> {
    if value.is_object() {
        Ok(())
    } else {
        Err(format!("{what}: expected an object"))
    }
}

/// Member `key` of `object`; `None` when absent or `undefined`.
fn member(object: &JsValue, key: &str) -> Result<Option<JsValue>, String> {
    let v = js_sys::Reflect::get(object, &JsValue::from_str(key)).map_err(|_| format!("{key}: not readable"))?;
    Ok((!v.is_undefined()).then_some(v))
}

/// Sets `slot` to string member `key` when present, cut at `max` bytes.
fn string(object: &JsValue, key: &str, slot: &mut String, max: usize) -> Result<(), String> {
    if let Some(v) = member(object, key)? {
        *slot = cut(v.as_string().ok_or_else(|| format!("{key}: expected a string"))?, max);
    }
    Ok(())
}

/// `s` cut to at most `max` bytes, at a character boundary.
fn cut(mut s: String, max: usize) -> String {
    if s.len() > max {
        let end = (0..=max).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        s.truncate(end);
    }
    s
}

/// Sets `slot` to whole-number member `key` when present.
fn int(object: &JsValue, key: &str, slot: &mut i32) -> Result<(), String> {
    if let Some(v) = member(object, key)? {
        let n = v.as_f64().filter(|n| n.fract() == 0.0 && *n >= f64::from(i32::MIN) && *n <= f64::from(i32::MAX));
        // In range and whole, so the cast is exact.
        *slot = n.ok_or_else(|| format!("{key}: expected a whole number"))? as i32;
    }
    Ok(())
}
