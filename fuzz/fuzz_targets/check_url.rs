//! Any text as a URL to check: canonicalization, host parsing (IDN, punycode,
//! IP literals, the public suffix list), every URL signal and the verdict. The
//! engine must answer with a verdict or an error, never panic, and a verdict
//! must survive a second check of the same input unchanged (no hidden state).
#![no_main]
use libfuzzer_sys::fuzz_target;
use sagiguard_fuzz::engine;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let first = engine().check_url(input);
    let again = engine().check_url(input);
    match (first, again) {
        (Ok(a), Ok(b)) => assert_eq!((a.level, a.score), (b.level, b.score), "{input:?}"),
        (Err(_), Err(_)) => {}
        _ => panic!("the same input was once a URL and once not: {input:?}"),
    }
});
