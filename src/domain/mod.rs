//! Hosts: where the registrable domain ("site") ends, IDN, IP literals.
//!
//! Split into one job per file: `psl.rs` (Public Suffix List lookups over the
//! table build.rs compiles from data/public_suffix_list.dat), `punycode.rs`
//! (RFC 3492), `idna.rs` (host labels to ASCII and back), `ip.rs` (IP literals).

use std::borrow::Cow;

mod idna;
pub(crate) use idna::is_dot;
mod ip;
mod psl;
mod psl_format;
mod punycode;

/// A host split at its public suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostParts<'a> {
    /// The public suffix (`co.jp`, `pages.dev`), or the whole host for an IP.
    pub suffix: &'a str,
    /// Suffix plus one label (`example.co.jp`, `abc.pages.dev`); `None` for an IP
    /// literal, a bare suffix or a single label.
    pub registrable: Option<&'a str>,
    /// Whether the suffix comes from the list's PRIVATE section (hosting platforms).
    pub private_suffix: bool,
    /// Whether the host is an IPv4 or IPv6 literal.
    pub ip: bool,
}

/// Splits a canonical (lower-case ASCII) host at its public suffix, by the
/// Public Suffix List algorithm with both its ICANN and PRIVATE sections.
///
/// Also accepts upper case and Unicode labels (matched in their `xn--` form;
/// the slices returned are of the input as given). A host with an empty label
/// (`.com`, `a..b.com`, `example.com.`) has no registrable domain.
pub fn split(host: &str) -> HostParts<'_> {
    if is_ip(host) {
        return HostParts { suffix: host, registrable: None, private_suffix: false, ip: true };
    }
    let rule = psl::public_suffix(host);
    let suffix_start = label_start(host, rule.labels);
    let registrable = if suffix_start == 0 || has_empty_label(host) {
        None
    } else {
        // One label more: back from the dot before the suffix to the dot before that.
        let start = host.as_bytes()[..suffix_start - 1].iter().rposition(|&b| b == b'.').map_or(0, |dot| dot + 1);
        Some(&host[start..])
    };
    HostParts { suffix: &host[suffix_start..], registrable, private_suffix: rule.private, ip: false }
}

/// Byte offset where the `n`-th label from the right (1-based) starts; 0 when
/// the host has no more than `n` labels.
fn label_start(host: &str, n: usize) -> usize {
    let bytes = host.as_bytes();
    let mut start = bytes.len();
    for _ in 0..n {
        match bytes[..start].iter().rposition(|&b| b == b'.') {
            Some(dot) => start = dot,
            None => return 0,
        }
    }
    // `start` is now the dot before the n-th label (or the end when n = 0).
    if n == 0 {
        start
    } else {
        start + 1
    }
}

/// Whether the host is empty or has an empty label (`.com`, `a..b`, `com.`).
fn has_empty_label(host: &str) -> bool {
    let b = host.as_bytes();
    b.first().is_none_or(|&c| c == b'.') || b.last() == Some(&b'.') || b.windows(2).any(|w| w == b"..")
}

/// Whether a canonical host is an IPv4 dotted-decimal or bracketed IPv6 literal.
pub fn is_ip(host: &str) -> bool {
    ip::is_ipv4(host) || ip::is_bracketed_ipv6(host)
}

/// Converts a lower-case host to its ASCII form (punycode labels); `None` when a
/// label cannot be encoded.
///
/// Full-width dots (`。` `．` `｡`) separate labels; full-width letters and
/// digits become ASCII; labels are lower-cased. `None` also for an empty label
/// or a label (63) or host (253 bytes) over the DNS limits.
pub fn to_ascii(host: &str) -> Option<String> {
    idna::host_to_ascii(host)
}

/// Converts an ASCII host to the form a person reads (punycode labels decoded).
///
/// A label that is not valid punycode, or whose decoding would not encode back
/// to the same label, is left as it is. Borrowed when no label has the
/// `xn--` prefix (most hosts), so that nothing is copied.
pub fn to_unicode(host: &str) -> Cow<'_, str> {
    idna::host_to_unicode(host)
}
