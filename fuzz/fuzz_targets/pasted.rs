//! Any text pasted into the link check (popup, check page, `sagiguard check`):
//! finding the link must never panic, the link found must be taken from the
//! text (after defanging), never made up, and the engine must judge it or
//! turn it down with an error.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sagiguard::pasted;
use sagiguard_fuzz::engine;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let link = pasted::link_in(text);
    assert!(pasted::refang(text.trim()).contains(link.as_str()), "{link:?} is not in {text:?}");
    let _ = engine().check_url(&link);
});
