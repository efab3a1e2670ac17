//! Turning feeds into a [`CompiledList`]: entries are normalized to
//! expressions and hashed as they arrive, so a 1M-entry feed needs only 8 MB
//! of hashes in flight, then the store is built once.

use super::expr::entry_expression;
use super::feeds::{self, Sink};
use super::hash::hash64;
use super::store::{CompiledList, ListMeta};
use super::{clock, FeedError, Format, Role};
use crate::signals::hosting::is_platform_host;

/// Feeds larger than this are refused (the caller keeps its previous list).
pub const MAX_FEED_BYTES: usize = 64 * 1024 * 1024;
/// Lists with more entries than this are refused.
pub const MAX_ENTRIES: usize = 2_000_000;
/// The most [`FeedReport::whole_hosts`] one feed reports: the browser keeps
/// them in one pre-load rule, which must stay small.
pub const MAX_WHOLE_HOSTS: usize = 20_000;

/// What one feed gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedReport {
    /// The format detected.
    pub format: Format,
    /// Entries taken (before removing duplicates).
    pub accepted: u32,
    /// Lines or items skipped as unusable.
    pub skipped: u32,
    /// Hosts the feed lists whole (an entry for the host's front page, which
    /// covers all of it), sorted, up to [`MAX_WHOLE_HOSTS`]: what the extension hands
    /// to Chromium's own network rules, so those sites are stopped before any
    /// request even while the background sleeps. IP literals in brackets and
    /// hosting platforms' own names (a rule for them would cover their users)
    /// are left out; the engine still blocks them.
    pub whole_hosts: Vec<String>,
}

/// Collects the entries of one or more feeds for one list.
pub struct ListBuilder {
    role: Role,
    hashes: Vec<u64>,
    skipped: u32,
    format: Option<Format>,
    started_ms: f64,
    /// Whole hosts of the feed being read (see [`FeedReport::whole_hosts`]).
    whole_hosts: Vec<String>,
    /// Some entry names a path, not a whole host.
    has_paths: bool,
}

impl ListBuilder {
    /// An empty builder for a block or trust list.
    pub fn new(role: Role) -> ListBuilder {
        ListBuilder { role, hashes: Vec::new(), skipped: 0, format: None, started_ms: clock::now_ms(), whole_hosts: Vec::new(), has_paths: false }
    }

    /// Adds every entry of a feed (format detected). A feed over the size cap,
    /// unreadable JSON, or the entry cap reached gives an error; the builder
    /// should then be dropped.
    pub fn add_feed(&mut self, text: &str) -> Result<FeedReport, FeedError> {
        if text.len() > MAX_FEED_BYTES {
            return Err(FeedError::TooLarge { bytes: text.len() });
        }
        let (before, skipped_before) = (self.hashes.len(), self.skipped);
        let format = feeds::parse(text, self.role, self)?;
        let mut whole_hosts = std::mem::take(&mut self.whole_hosts);
        whole_hosts.sort_unstable();
        whole_hosts.dedup();
        self.format = Some(match self.format {
            Some(f) if f != format => Format::Mixed,
            _ => format,
        });
        Ok(FeedReport {
            format,
            accepted: (self.hashes.len() - before) as u32,
            skipped: self.skipped - skipped_before,
            whole_hosts,
        })
    }

    /// Adds one entry (a URL or domain); `false` when it is unusable.
    pub fn add_entry(&mut self, raw: &str) -> Result<bool, FeedError> {
        let before = self.hashes.len();
        self.entry(raw)?;
        Ok(self.hashes.len() > before)
    }

    /// Builds the list. Refused when it has no entry at all.
    pub fn finish(self, name: &str) -> Result<CompiledList, FeedError> {
        if self.hashes.is_empty() {
            return Err(FeedError::NoEntries { skipped: self.skipped });
        }
        let now = clock::now_ms();
        let meta = ListMeta {
            name: name.to_string(),
            role: self.role,
            format: self.format.unwrap_or(Format::Mixed),
            entries: 0,
            skipped: self.skipped,
            built_at: (now / 1000.0) as u64,
            build_ms: 0,
            hosts_only: !self.has_paths,
        };
        let mut list = CompiledList::build(&self.hashes, &meta);
        list.stamp_build_ms((clock::now_ms() - self.started_ms).max(0.0) as u32);
        Ok(list)
    }
}

impl Sink for ListBuilder {
    fn entry(&mut self, raw: &str) -> Result<(), FeedError> {
        match entry_expression(raw) {
            Some(e) => {
                if self.hashes.len() >= MAX_ENTRIES {
                    return Err(FeedError::TooManyEntries { max: MAX_ENTRIES });
                }
                self.hashes.push(hash64(e.as_bytes()));
                let whole_host = e.strip_suffix('/').filter(|h| !h.contains('/'));
                self.has_paths |= whole_host.is_none();
                if let Some(host) = whole_host {
                    if self.whole_hosts.len() < MAX_WHOLE_HOSTS && !host.starts_with('[') && !is_platform_host(host) {
                        self.whole_hosts.push(host.to_string());
                    }
                }
            }
            None => self.skipped += 1,
        }
        Ok(())
    }

    fn bad(&mut self) {
        self.skipped += 1;
    }
}
