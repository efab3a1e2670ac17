//! Any text as a saved HTML page for `sagiguard forms`: field extraction
//! (html5ever), label and form resolution, the page facts, classification, the
//! form's risk and the page verdict must not panic on broken or hostile markup.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sagiguard::forms::html::extract;
use sagiguard::forms::PageInput;
use sagiguard_fuzz::engine;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else { return };
    let url = "https://example.com/form";
    let page = extract(html, Some(url));
    let _ = engine().check_page(url, &PageInput { fields: page.fields, forms: page.forms, facts: page.page });
});
