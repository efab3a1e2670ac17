//! SagiGuard's engine: decides whether a URL or page is a scam risk, what a form
//! field asks for, and which recovery steps fit what was handed over.
//!
//! A request flows one way: input → [`target::Target`] (canonical URL, host
//! facts) → [`signals`] (reasons) → [`verdict::Policy`] (level) → [`view`]
//! (sentences for people). [`Engine`] is the one entry point; the wasm facade
//! (`wasm.rs`) and the CLI (`main.rs`) are thin hosts around it.

// Every public item says why it exists (the house rule), and the build keeps it so.
#![warn(missing_docs)]

pub mod brands;
pub mod canon;
pub mod domain;
pub mod forms;
pub mod guide;
pub mod lists;
mod lowercase;
pub mod pasted;
pub mod signals;
mod decimal;
mod ipv6;
#[cfg(any(target_arch = "wasm32", test))]
mod json;
mod quote;
mod sort;
pub mod target;
pub mod text;
pub mod verdict;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod wasm;

use canon::CanonError;
use forms::{FieldDescriptor, FormDescriptor, FormsReport, PageInput};
use guide::Guide;
use target::Target;
use text::Lang;
use verdict::{Policy, Verdict};

/// How many redirector hops a checked link is followed through (a redirector
/// may forward to another: `vk.com/away.php?to=…/redirect?link=…`).
const MAX_FORWARDS: u8 = 3;

/// The engine: built once, then asked many questions. Holds the compiled
/// tables (policy, and later brands and lists) so each check only reads.
pub struct Engine {
    policy: Policy,
    lists: lists::Lists,
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

impl Engine {
    /// An engine with the built-in tables.
    pub fn new() -> Engine {
        Engine { policy: Policy::builtin(), lists: lists::Lists::default() }
    }

    /// The threat and trust lists consulted by [`Engine::check_url`].
    pub fn lists(&self) -> &lists::Lists {
        &self.lists
    }

    /// The lists, to add, swap or remove one, or set the person's own lists.
    pub fn lists_mut(&mut self) -> &mut lists::Lists {
        &mut self.lists
    }

    /// Judges one URL (or bare domain). A malformed input is an error value,
    /// never a panic.
    pub fn check_url(&self, input: &str) -> Result<Verdict, CanonError> {
        self.check_link(input, MAX_FORWARDS)
    }

    /// [`Engine::check_url`], following at most `forwards` redirector hops:
    /// a link whose query carries another address ([`signals::redirect`]) is
    /// as worrying as where it leads, whatever the site it passes through.
    /// The verdict is then the destination's (its host, its site: what the
    /// person would trust or block), with a `forwards-to` reason naming the
    /// site the link went through.
    fn check_link(&self, input: &str, forwards: u8) -> Result<Verdict, CanonError> {
        let target = Target::parse(input)?;
        let (reasons, platform_site) = self.url_reasons(&target);
        // Copied (rare: only links that carry an address) so the target can
        // give its host and site to this link's verdict first.
        let destination = (target.url.query.as_deref())
            .filter(|_| forwards > 0)
            .and_then(|q| signals::redirect::destination(&target.url.path, q))
            .map(str::to_owned);
        let (host, site) = target.into_host_and_site();
        let here = self.policy.decide(reasons, host, platform_site.or(site));
        if here.level == verdict::Level::Danger {
            return Ok(here);
        }
        match destination.and_then(|d| self.check_link(&d, forwards - 1).ok()) {
            Some(mut there) if there.level > here.level && there.level >= verdict::Level::Caution => {
                // It comes first: the rest is about a site the person may
                // not know they are going to. Through several redirectors,
                // the one reason names the first.
                match there.reasons.first_mut() {
                    Some(first) if first.code == "forwards-to" => first.detail = Some(here.host.into()),
                    _ => there.reasons.insert(0, verdict::Reason::new("forwards-to").detail(here.host)),
                }
                Ok(there)
            }
            _ => Ok(here),
        }
    }

    /// Judges a page as the form guard sees it: the URL's reasons, plus what
    /// the page claims to be against where it is when it asks for sensitive
    /// data. Returns the verdict and the classification of its fields.
    pub fn check_page(&self, url: &str, page: &PageInput) -> Result<(Verdict, FormsReport), CanonError> {
        let target = Target::parse(url)?;
        let (mut reasons, platform_site) = self.url_reasons(&target);
        let report = forms::report(&page.fields, &page.forms, url);
        signals::page::signals(&target, &page.facts, &report.kinds, &mut reasons);
        let (host, site) = target.into_host_and_site();
        Ok((self.policy.decide(reasons, host, platform_site.or(site)), report))
    }

    /// The URL's reasons (signals, then lists), and the site a person trusts
    /// or blocks when they mean this one (see `signals::url_signals`) where it
    /// is not the registrable domain (a user's site on a hosting platform):
    /// most checks then move `target.site` into the verdict, with no copy.
    fn url_reasons(&self, target: &Target) -> (Vec<verdict::Reason>, Option<String>) {
        // Room for the reasons most URLs get, taken at once: growing from
        // empty (and again past four) cost more than the allocation itself.
        let mut reasons = Vec::with_capacity(8);
        let site = signals::url_signals(target, &mut reasons);
        self.lists.signals(target, site, &mut reasons);
        let platform_site = site.filter(|s| Some(*s) != target.site.as_deref()).map(str::to_string);
        (reasons, platform_site)
    }

    /// The recovery guide for what was handed over: `kinds` are form field kinds
    /// (`card-number`) or situation ids (`card`), see [`guide::situations_for`].
    pub fn guide(&self, kinds: &[&str], lang: Lang) -> Guide {
        guide::guide(lang, &guide::situations_for(kinds))
    }

    /// Classifies a page's form fields and assesses its forms (the form
    /// guard's question). `page_url` is the page's URL, empty when unknown.
    /// Never fails: odd descriptors are classified as `other`.
    pub fn classify_fields(&self, fields: &[FieldDescriptor], forms: &[FormDescriptor], page_url: &str) -> FormsReport {
        forms::report(fields, forms, page_url)
    }
}
