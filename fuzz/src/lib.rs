//! What the fuzz targets share: one engine per fuzzing process, built on first
//! use, as the extension's background keeps one per start.

use sagiguard::Engine;
use std::sync::OnceLock;

/// The process's engine (its tables built once, not per input).
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(Engine::new)
}
