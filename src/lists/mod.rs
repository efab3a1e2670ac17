//! Threat and trust lists: public feeds compiled into a compact local store
//! of Safe Browsing expressions, consulted on every check.
//!
//! * [`feeds`]: format detection and parsers (bad lines skipped and counted).
//! * [`builder`]: feed text → [`CompiledList`], with the size and entry caps.
//! * [`store`]: the compact hash store and its stored byte form (the sizing
//!   math is there).
//! * [`expr`]: which expressions an entry stands for and a URL is looked up by.
//! * [`set`]: the lists an engine holds and the reasons they give.
//!
//! Typical use: `compile_feed(text, Role::Block, "OpenPhish")` where a feed
//! arrives, store `list.as_bytes()`; on start `CompiledList::from_bytes(bytes)`
//! and `engine.lists_mut().insert(role, list)`.

pub mod builder;
mod clock;
pub mod expr;
pub mod feeds;
pub mod hash;
pub mod set;
pub mod store;

use serde::Serialize;

pub use builder::{FeedReport, ListBuilder, MAX_ENTRIES, MAX_FEED_BYTES, MAX_WHOLE_HOSTS};
pub use set::{ListInfo, Lists, UserListsReport};
pub use store::{is_compiled, CompiledList, ListMeta, LoadError};

/// What a list is for: naming dangerous sites, or vouching for good ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[repr(u8)]
pub enum Role {
    /// Listed sites are `danger` (reason `threat-list`).
    Block = 1,
    /// Listed sites are `trusted` unless blocked (reason `trust-list`).
    Trust = 2,
}

impl Role {
    /// Reads `block`/`deny` or `trust`/`allow`, as the CLI and the extension say it.
    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().as_str() {
            "block" | "deny" => Some(Role::Block),
            "trust" | "allow" => Some(Role::Trust),
            _ => None,
        }
    }

    /// The stable name, `block` or `trust`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Block => "block",
            Role::Trust => "trust",
        }
    }

    fn from_u8(b: u8) -> Option<Role> {
        match b {
            1 => Some(Role::Block),
            2 => Some(Role::Trust),
            _ => None,
        }
    }
}

/// The feed format a list was compiled from (detected, never declared).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[repr(u8)]
pub enum Format {
    /// Several feeds of different formats, or unknown.
    Mixed = 0,
    /// One URL per line (OpenPhish style).
    Urls = 1,
    /// One domain per line.
    Domains = 2,
    /// `0.0.0.0 domain` / `127.0.0.1 domain` lines.
    Hosts = 3,
    /// CSV with a header naming a URL column (JPCERT/CC `date,URL,description`).
    CsvUrl = 4,
    /// `rank,domain` CSV (Tranco).
    CsvRank = 5,
    /// MetaMask eth-phishing-detect `config.json` (`blacklist` / `whitelist`).
    JsonMetamask = 6,
    /// polkadot-js phishing `all.json` (`deny` / `allow`).
    JsonPolkadot = 7,
    /// A JSON array of strings.
    JsonArray = 8,
}

impl Format {
    /// The stable name shown by the CLI and the extension.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Mixed => "mixed",
            Format::Urls => "urls",
            Format::Domains => "domains",
            Format::Hosts => "hosts",
            Format::CsvUrl => "csv-url",
            Format::CsvRank => "csv-rank",
            Format::JsonMetamask => "json-metamask",
            Format::JsonPolkadot => "json-polkadot",
            Format::JsonArray => "json-array",
        }
    }

    fn from_u8(b: u8) -> Format {
        [Format::Urls, Format::Domains, Format::Hosts, Format::CsvUrl, Format::CsvRank, Format::JsonMetamask, Format::JsonPolkadot, Format::JsonArray]
            .into_iter()
            .find(|f| *f as u8 == b)
            .unwrap_or(Format::Mixed)
    }
}

/// Why a feed gave no list; the caller keeps the list it had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// The feed is over [`MAX_FEED_BYTES`].
    TooLarge {
        /// The feed's size.
        bytes: usize,
    },
    /// The feed has over [`MAX_ENTRIES`] entries.
    TooManyEntries {
        /// The most a list takes.
        max: usize,
    },
    /// Nothing usable in it (`skipped` lines were unusable).
    NoEntries {
        /// Lines that were not a URL or domain.
        skipped: u32,
    },
    /// A JSON feed that cannot be read, or has no array for the role.
    Json(String),
}

impl std::fmt::Display for FeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FeedError::TooLarge { bytes } => write!(f, "feed is too large ({bytes} bytes; at most {MAX_FEED_BYTES})"),
            FeedError::TooManyEntries { max } => write!(f, "feed has more than {max} entries"),
            FeedError::NoEntries { skipped } => write!(f, "feed has no usable entries ({skipped} lines skipped)"),
            FeedError::Json(e) => write!(f, "JSON feed not readable: {e}"),
        }
    }
}

impl std::error::Error for FeedError {}

/// Compiles one feed (format detected) into a list named `name`.
pub fn compile_feed(text: &str, role: Role, name: &str) -> Result<(CompiledList, FeedReport), FeedError> {
    let mut builder = ListBuilder::new(role);
    let report = builder.add_feed(text)?;
    Ok((builder.finish(name)?, report))
}
