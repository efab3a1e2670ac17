//! Any text as a downloaded threat or trust feed (format detected: URL lists,
//! hosts files, CSV, JSON): it compiles or is refused with an error, never a
//! panic, and what compiles loads back from its stored bytes with the same entries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sagiguard::lists::{compile_feed, CompiledList, Role};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let role = if pick & 1 == 0 { Role::Block } else { Role::Trust };
    if let Ok((list, _report)) = compile_feed(text, role, "fuzz") {
        let len = list.len();
        let back = CompiledList::load("fuzz", role, list.into_bytes()).expect("a compiled list loads back");
        assert_eq!(back.len(), len);
    }
});
