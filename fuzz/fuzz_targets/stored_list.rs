//! Any bytes as a compiled list read back from storage (IndexedDB, a file):
//! a corrupt or truncated store is refused with an error, and one that loads
//! answers lookups without panicking. Odd first bytes get a valid checksum
//! written in before loading, so the structural checks behind the checksum are
//! fuzzed too (bytes that pass them must be safe to read).
#![no_main]
use libfuzzer_sys::fuzz_target;
use sagiguard::lists::hash::hash64;
use sagiguard::lists::{CompiledList, Role};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let mut bytes = rest.to_vec();
    if mode & 1 == 1 && bytes.len() >= 16 {
        let sum = hash64(&bytes[16..]);
        bytes[8..16].copy_from_slice(&sum.to_le_bytes());
    }
    if let Ok(list) = CompiledList::load("fuzz", Role::Block, bytes) {
        for probe in ["example.com/", "qwmartin.example/", "qwmartin.example/login", "192.0.2.7/verify/"] {
            let _ = list.contains(probe);
        }
        let _ = list.contains_hash(hash64(rest));
        let _ = list.meta();
    }
});
