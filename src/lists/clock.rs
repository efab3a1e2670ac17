//! Wall-clock readings for a list's "compiled at" and "took" fields. Natively
//! from `std::time`; in wasm from JavaScript's `Date.now()`, since `std::time`
//! panics on `wasm32-unknown-unknown`.

/// Milliseconds since the Unix epoch.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// Milliseconds since the Unix epoch.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
