//! A hostile page's report as the content script would send it (JSON: fields,
//! forms, page facts), with the first line as the page's URL: the page verdict
//! and the field classification must come back without a panic, whatever the
//! labels, names, lengths or indexes say.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sagiguard::forms::PageInput;
use sagiguard_fuzz::engine;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (url, json) = text.split_once('\n').unwrap_or(("https://example.com/", text));
    let Ok(page) = serde_json::from_str::<PageInput>(json) else { return };
    let _ = engine().check_page(url, &page);
});
