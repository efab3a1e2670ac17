//! SagiGuard's engine: decides whether a URL or page is a scam risk, what a form
//! field asks for, and which recovery steps fit what was handed over.
//!
//! A request flows one way: input → [`target::Target`] (canonical URL, host
//! facts) → [`signals`] (reasons) → [`verdict::Policy`] (level) → [`view`]
//! (sentences for people). [`Engine`] is the one entry point; the wasm facade
//! (`wasm.rs`) and the CLI (`main.rs`) are thin hosts around it.

pub mod brands;
pub mod canon;
pub mod domain;
pub mod signals;
pub mod target;
pub mod text;
pub mod verdict;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod wasm;

use canon::CanonError;
use target::Target;
use verdict::{Policy, Verdict};

/// The engine: built once, then asked many questions. Holds the compiled
/// tables (policy, and later brands and lists) so each check only reads.
pub struct Engine {
    policy: Policy,
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

impl Engine {
    /// An engine with the built-in tables.
    pub fn new() -> Engine {
        Engine { policy: Policy::builtin() }
    }

    /// Judges one URL (or bare domain). A malformed input is an error value,
    /// never a panic.
    pub fn check_url(&self, input: &str) -> Result<Verdict, CanonError> {
        let target = Target::parse(input)?;
        let mut reasons = Vec::new();
        signals::url_signals(&target, &mut reasons);
        Ok(self.policy.decide(reasons, target.unicode_host.clone(), target.site.clone()))
    }
}
