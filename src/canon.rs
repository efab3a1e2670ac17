//! URL canonicalization and lookup expressions, following the Safe Browsing
//! "URLs and Hashing" rules (Safe Browsing API v4 documentation, sections
//! "Canonicalization" and "Suffix/Prefix Expressions").
//!
//! Every check starts here, so the work is linear in the input and allocates
//! only the parts of the result: one working buffer, then the strings of
//! [`CanonUrl`]. The steps below are named after the rule of the spec they
//! implement, in the spec's order.
//!
//! Deliberate choices where the spec is silent or its sources disagree (the
//! test vectors in `tests/canon_vectors.rs` say which source each comes from):
//! - An explicit non-default port is kept in [`CanonUrl::port`] and in
//!   [`CanonUrl::to_canonical_string`] (signals want it); the spec's own
//!   example drops it. [`expressions`] never contain a port, as in the spec.
//! - The query is kept as the spec says (Google's Go client drops it).
//! - An IPv4 part out of range (`276.2.3`) makes the host a name, not an
//!   address (Google's Go client truncates it to `20.2.0.3`).
//! - A non-ASCII host is lower-cased and converted to punycode by
//!   [`crate::domain::to_ascii`]; when it cannot be converted (invalid UTF-8,
//!   characters IDNA refuses) its bytes are percent-escaped like any other.

use std::borrow::Cow;
use std::fmt;
use std::fmt::Write as _;

/// A URL in Safe Browsing canonical form, split into the parts signals need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CanonUrl {
    /// Lower-case scheme, `http` when the input had none. The web's two
    /// schemes are borrowed, so the common check allocates nothing for it.
    pub scheme: Cow<'static, str>,
    /// The `user:pass` part before an `@`, if the input had one (kept for signals;
    /// not part of the canonical string). Escaped like the path.
    pub userinfo: Option<String>,
    /// Canonical host: lower-case ASCII (IDN as punycode), dots trimmed and
    /// collapsed, IPv4 in dotted decimal, IPv6 in brackets.
    pub host: String,
    /// An explicit port that is not the scheme's default.
    pub port: Option<u16>,
    /// Canonical path, always starting with `/`.
    pub path: String,
    /// The query without its `?`, if there was one.
    pub query: Option<String>,
}

/// Why an input could not be canonicalized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CanonError {
    /// Nothing but whitespace.
    Empty,
    /// Longer than the engine accepts.
    TooLong,
    /// No host could be found.
    NoHost,
    /// The host has characters no host can have.
    BadHost,
    /// The port is not a number from 0 to 65535.
    BadPort,
    /// Not a web address (`chrome://`, `file:`, ...): nothing SagiGuard judges.
    NotWeb,
}

impl fmt::Display for CanonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CanonError::Empty => "empty URL",
            CanonError::TooLong => "URL too long",
            CanonError::NoHost => "URL has no host",
            CanonError::BadHost => "URL host is not valid",
            CanonError::BadPort => "URL port is not valid",
            CanonError::NotWeb => "not a web address",
        })
    }
}

impl std::error::Error for CanonError {}

/// Inputs longer than this are refused rather than processed.
pub const MAX_URL_LEN: usize = 64 * 1024;

impl CanonUrl {
    /// The canonical URL string (`scheme://host[:port]/path[?query]`).
    pub fn to_canonical_string(&self) -> String {
        let query_len = self.query.as_ref().map_or(0, |q| q.len() + 1);
        let mut s = String::with_capacity(self.scheme.len() + 3 + self.host.len() + 6 + self.path.len() + query_len);
        s.push_str(&self.scheme);
        s.push_str("://");
        s.push_str(&self.host);
        if let Some(p) = self.port {
            let _ = write!(s, ":{p}");
        }
        s.push_str(&self.path);
        if let Some(q) = &self.query {
            s.push('?');
            s.push_str(q);
        }
        s
    }
}

/// Canonicalizes a URL or bare domain as Safe Browsing does.
pub fn canonicalize(input: &str) -> Result<CanonUrl, CanonError> {
    // Bounded work: refuse what no real URL needs.
    if input.len() > MAX_URL_LEN {
        return Err(CanonError::TooLong);
    }
    // Remove leading and trailing whitespace (spec example "  http://www.google.com/  ").
    let trimmed = trim_controls(input);
    if trimmed.is_empty() {
        return Err(CanonError::Empty);
    }
    // Rule 2 (remove the fragment), then rule 1 (remove tab, CR, LF, but not
    // their escapes) and rule 3 (repeatedly percent-unescape).
    let url = without_fragment_unescaped(trimmed.as_bytes());
    let src = Source { text: matches!(url, Cow::Borrowed(_)).then_some(trimmed), bytes: &url };

    // The hostname and path are extracted from the unescaped URL, as the spec
    // orders it ("This may render the URL invalid").
    let (scheme, rest) = split_scheme(&url)?;
    // One scan finds where the authority ends (the first `/` or `?`), its
    // last `@` and its last `:`.
    let (mut authority_end, mut last_at, mut last_colon) = (rest.len(), None, None);
    for (i, &b) in rest.iter().enumerate() {
        match b {
            b'/' | b'?' => {
                authority_end = i;
                break;
            }
            b'@' => last_at = Some(i),
            b':' => last_colon = Some(i),
            _ => {}
        }
    }
    let (authority, tail) = rest.split_at(authority_end);
    // Userinfo is split off at the last `@`; it is not part of the canonical URL.
    let (userinfo, host_port) = match last_at {
        Some(i) => (Some(escape(src, &authority[..i])), &authority[i + 1..]),
        None => (None, authority),
    };
    // The last `:` of `host_port`, if the authority's is in it.
    let host_start = authority.len() - host_port.len();
    let (raw_host, port) = split_port(host_port, last_colon.and_then(|c| c.checked_sub(host_start)))?;
    // A port is kept only when it is not the scheme's default.
    let port = port.filter(|&p| default_port(&scheme) != Some(p));
    let host = canon_host(src, raw_host)?;
    // "Do not apply these path canonicalizations to the query parameters": the
    // query starts at the first `?` and is only re-escaped.
    let (raw_path, raw_query) = match tail.iter().position(|&b| b == b'?') {
        Some(i) => (&tail[..i], Some(&tail[i + 1..])),
        None => (tail, None),
    };
    Ok(CanonUrl { scheme, userinfo, host, port, path: canon_path(src, raw_path), query: raw_query.map(|q| escape(src, q)) })
}

/// The URL's bytes once unescaped, and the input they are when nothing was
/// unescaped (most URLs): a piece kept as it is is then copied from the
/// input's text, without checking its bytes as UTF-8 again.
#[derive(Clone, Copy)]
struct Source<'a> {
    /// The input, when `bytes` are its bytes (the same memory).
    text: Option<&'a str>,
    bytes: &'a [u8],
}

impl Source<'_> {
    /// `piece`, a slice of `bytes` (ASCII where this is called), as a string.
    fn string(self, piece: &[u8]) -> String {
        // Where the piece starts in `bytes`, found from the addresses: the
        // slice taken there from `text` is `piece` itself.
        let at = (piece.as_ptr() as usize).wrapping_sub(self.bytes.as_ptr() as usize);
        match self.text.and_then(|t| t.get(at..at.checked_add(piece.len())?)) {
            Some(text) => text.to_owned(),
            None => ascii_string(piece.to_vec()),
        }
    }
}

/// `s` without the characters up to space (controls and space) at either
/// end. They are all one byte, and no byte of a longer character is that
/// small, so a byte scan finds them.
fn trim_controls(s: &str) -> &str {
    let b = s.as_bytes();
    let start = b.iter().position(|&c| c > b' ').unwrap_or(b.len());
    let end = b.iter().rposition(|&c| c > b' ').map_or(start, |i| i + 1);
    s.get(start..end).unwrap_or("")
}

/// The URL up to its first raw `#`, through [`unescape_fully`]. Cutting at
/// the `#` before unescaping keeps `%23` as data (`host%23.com`). One scan
/// finds the first byte either step is about: in most URLs it is the `#` or
/// there is none, and the URL is borrowed with no second pass. The five
/// bytes are all at most `%`, which letters, digits and most punctuation are
/// above: the scan passes those eight at a time.
fn without_fragment_unescaped(url: &[u8]) -> Cow<'_, [u8]> {
    let from = words_above(url, b'%');
    let found = url[from..].iter().position(|&b| matches!(b, b'#' | b'%' | b'\t' | b'\r' | b'\n'));
    match found.map(|i| from + i) {
        None => Cow::Borrowed(url),
        Some(i) if url[i] == b'#' => Cow::Borrowed(&url[..i]),
        Some(i) => {
            let end = url[i..].iter().position(|&b| b == b'#').map_or(url.len(), |j| i + j);
            unescape_fully(&url[..end])
        }
    }
}

/// How many bytes at the start of `bytes`, counted in whole eight-byte
/// words, are all above `max` (below 0x80). A word is tested at once: a
/// byte below `max + 1` borrows into its top bit when `max + 1` is taken
/// from every byte, and bytes with the top bit already set (above `max`)
/// are masked out (the "has a byte less than n" test of Bit Twiddling Hacks).
fn words_above(bytes: &[u8], max: u8) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let below = ONES * (u64::from(max) + 1);
    let mut at = 0;
    for word in bytes.chunks_exact(8) {
        let x = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
        if x.wrapping_sub(below) & !x & ONES << 7 != 0 {
            break;
        }
        at += 8;
    }
    at
}

/// Removes tab, CR and LF, then percent-unescapes until no escape is left.
///
/// The spec repeats whole unescaping passes until nothing changes, which is
/// quadratic on inputs like `%252525…`. Decoding on a stack gives the same
/// fixed point in one pass: the output never holds an escape, and after each
/// decoded byte only the three last bytes can form a new one (`%2` + `%35`).
/// Most URLs have nothing to remove and are borrowed as they are.
fn unescape_fully(src: &[u8]) -> Cow<'_, [u8]> {
    if !src.iter().any(|&b| matches!(b, b'%' | b'\t' | b'\r' | b'\n')) {
        return Cow::Borrowed(src);
    }
    let mut out = Vec::with_capacity(src.len());
    for &b in src {
        if matches!(b, b'\t' | b'\r' | b'\n') {
            continue;
        }
        out.push(b);
        // Only a hex digit can complete an escape.
        if hex_value(b).is_none() {
            continue;
        }
        while let [.., b'%', hi, lo] = out[..] {
            match (hex_value(hi), hex_value(lo)) {
                (Some(hi), Some(lo)) => {
                    out.truncate(out.len() - 3);
                    out.push(hi << 4 | lo);
                }
                _ => break,
            }
        }
    }
    Cow::Owned(out)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Splits `scheme://` off; a missing scheme means http. `name:` followed by
/// something other than a port (`mailto:x`, `javascript:`) is a URL without a
/// host.
fn split_scheme(url: &[u8]) -> Result<(Cow<'static, str>, &[u8]), CanonError> {
    // The web's two schemes, which nearly every URL starts with, need no scan.
    for (prefix, name) in [(&b"https://"[..], "https"), (b"http://", "http")] {
        if url.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix)) {
            return Ok((Cow::Borrowed(name), &url[prefix.len()..]));
        }
    }
    let name_len = match url.first() {
        Some(b) if b.is_ascii_alphabetic() => url.iter().position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))).unwrap_or(url.len()),
        _ => 0,
    };
    let after = &url[name_len..];
    if name_len > 0 {
        if let Some(rest) = after.strip_prefix(b"://") {
            let name = &url[..name_len];
            let scheme = if name.eq_ignore_ascii_case(b"https") {
                Cow::Borrowed("https")
            } else if name.eq_ignore_ascii_case(b"http") {
                Cow::Borrowed("http")
            } else {
                Cow::Owned(String::from_utf8_lossy(name).to_ascii_lowercase())
            };
            return Ok((scheme, rest));
        }
        if let Some(rest) = after.strip_prefix(b":") {
            let port_end = rest.iter().position(|&b| b == b'/' || b == b'?').unwrap_or(rest.len());
            if !rest[..port_end].iter().all(u8::is_ascii_digit) {
                return Err(CanonError::NoHost);
            }
        }
    }
    Ok((Cow::Borrowed("http"), url))
}

/// Splits `host[:port]` (the host possibly a bracketed IPv6 literal);
/// `last_colon` is where its last `:` is.
fn split_port(host_port: &[u8], last_colon: Option<usize>) -> Result<(&[u8], Option<u16>), CanonError> {
    if host_port.first() == Some(&b'[') {
        let close = host_port.iter().position(|&b| b == b']').ok_or(CanonError::BadHost)?;
        let (host, after) = host_port.split_at(close + 1);
        return match after {
            [] => Ok((host, None)),
            [b':', port @ ..] => Ok((host, parse_port(port)?)),
            _ => Err(CanonError::BadHost),
        };
    }
    match last_colon {
        Some(i) => Ok((&host_port[..i], parse_port(&host_port[i + 1..])?)),
        None => Ok((host_port, None)),
    }
}

fn parse_port(digits: &[u8]) -> Result<Option<u16>, CanonError> {
    if digits.is_empty() {
        return Ok(None);
    }
    let mut value: u32 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return Err(CanonError::BadPort);
        }
        value = value * 10 + u32::from(d - b'0');
        if value > u32::from(u16::MAX) {
            return Err(CanonError::BadPort);
        }
    }
    u16::try_from(value).map(Some).map_err(|_| CanonError::BadPort)
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        "ftp" => Some(21),
        _ => None,
    }
}

/// Canonicalizes the hostname: brackets mean IPv6; otherwise IDN to punycode,
/// dots trimmed and collapsed, lower case, IPv4 forms to dotted decimal,
/// escapes.
fn canon_host(src: Source<'_>, raw: &[u8]) -> Result<String, CanonError> {
    if raw.first() == Some(&b'[') {
        return canon_ipv6(raw);
    }
    // Most hosts are already canonical: copied as they are.
    if is_canonical_name(raw) {
        if !within_dns_limits(raw) {
            return Err(CanonError::BadHost);
        }
        if let Some([a, b, c, d]) = parse_ipv4(raw) {
            return Ok(format!("{a}.{b}.{c}.{d}"));
        }
        return Ok(src.string(raw));
    }
    let mut host = Vec::with_capacity(raw.len());
    if raw.is_ascii() {
        push_host(&mut host, raw);
    } else {
        // Internationalized names go to their ASCII Punycode form first.
        match std::str::from_utf8(raw) {
            Ok(unicode) => {
                let lower = collapse_dots(&crate::lowercase::string(unicode));
                match crate::domain::to_ascii(&lower) {
                    Some(ascii) => push_host(&mut host, ascii.as_bytes()),
                    None => push_host(&mut host, lower.as_bytes()),
                }
            }
            Err(_) => push_host(&mut host, raw),
        }
    }
    if host.is_empty() {
        return Err(CanonError::NoHost);
    }
    // `:`, `[` and `]` outside an IPv6 literal would be read back as a port or
    // a literal; no host can have them.
    if host.iter().any(|b| matches!(b, b':' | b'[' | b']')) {
        return Err(CanonError::BadHost);
    }
    // Host rule 3: any legal IPv4 encoding becomes four dotted decimals.
    if let Some([a, b, c, d]) = parse_ipv4(&host) {
        return Ok(format!("{a}.{b}.{c}.{d}"));
    }
    if !within_dns_limits(&host) {
        return Err(CanonError::BadHost);
    }
    Ok(ascii_string(host))
}

/// DNS limits on a name: at most 253 bytes, 63 per label (RFC 1035 2.3.4; an
/// escape `%XX` counts as the one byte it stands for). No browser can reach a
/// longer name, and every signal after this point does work that grows with
/// the host, so a hostile page's 60 KB host ends here.
fn within_dns_limits(host: &[u8]) -> bool {
    const MAX_HOST: usize = 253;
    const MAX_LABEL: usize = 63;
    let (mut total, mut label, mut i) = (0, 0, 0);
    while i < host.len() {
        if host[i] == b'.' {
            label = 0;
            i += 1;
        } else {
            label += 1;
            i += if host[i] == b'%' { 3 } else { 1 };
        }
        total += 1;
        if total > MAX_HOST || label > MAX_LABEL {
            return false;
        }
    }
    true
}

/// Whether `raw` is a host name as [`push_host`] would write it: labels of
/// lower-case letters, digits and hyphens joined by single dots, none at
/// either end.
fn is_canonical_name(raw: &[u8]) -> bool {
    // The start counts as a dot: a leading dot is not canonical.
    let mut after_dot = true;
    for &b in raw {
        match b {
            b'a'..=b'z' | b'0'..=b'9' | b'-' => after_dot = false,
            b'.' if !after_dot => after_dot = true,
            _ => return false,
        }
    }
    !after_dot
}

/// Host rules 1, 2 and 4 plus the final escaping, in one pass: leading and
/// trailing dots removed, runs of dots collapsed, lower case, bytes escaped.
fn push_host(out: &mut Vec<u8>, raw: &[u8]) {
    let mut pending_dot = false;
    for &b in raw {
        if b == b'.' {
            pending_dot = !out.is_empty();
            continue;
        }
        if pending_dot {
            out.push(b'.');
            pending_dot = false;
        }
        match b {
            b'a'..=b'z' | b'0'..=b'9' | b'-' => out.push(b),
            b'A'..=b'Z' => out.push(b.to_ascii_lowercase()),
            _ => push_escaped(out, &[b]),
        }
    }
}

/// Host rules 1 and 2 for a Unicode host before it goes to punycode.
fn collapse_dots(host: &str) -> String {
    host.split('.').filter(|label| !label.is_empty()).collect::<Vec<_>>().join(".")
}

/// Parses an IPv4 address in any legal encoding: one to four parts, each
/// decimal, octal (leading `0`) or hex (`0x`), the last part filling the
/// remaining bytes (`3279880203`, `12.0x12.01234`). `None` for anything else,
/// including parts out of range.
fn parse_ipv4(host: &[u8]) -> Option<[u8; 4]> {
    // Every number starts with a digit: a name is turned away at once.
    if !host.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut parts = [0u32; 4];
    let mut count = 0;
    for part in host.split(|&b| b == b'.') {
        if count == 4 {
            return None;
        }
        parts[count] = parse_ipv4_number(part)?;
        count += 1;
    }
    let (leading, last) = (&parts[..count - 1], parts[count - 1]);
    let last_bits = 8 * (5 - count as u32);
    if leading.iter().any(|&p| p > 255) || (last_bits < 32 && last >> last_bits != 0) {
        return None;
    }
    let mut value = last;
    for (i, &p) in leading.iter().enumerate() {
        value |= p << (24 - 8 * i as u32);
    }
    Some(value.to_be_bytes())
}

fn parse_ipv4_number(part: &[u8]) -> Option<u32> {
    let (digits, radix) = match part {
        [] => return None,
        [b'0', b'x' | b'X', rest @ ..] => (rest, 16),
        [b'0', rest @ ..] if !rest.is_empty() => (rest, 8),
        _ => (part, 10),
    };
    let mut value: u32 = 0;
    for &d in digits {
        let digit = u32::from(hex_value(d)?);
        if digit >= radix {
            return None;
        }
        value = value.checked_mul(radix)?.checked_add(digit)?;
    }
    Some(value)
}

/// Host rule for bracketed IPv6: leading zeros dropped, the longest zero run
/// written `::`, lower case.
fn canon_ipv6(raw: &[u8]) -> Result<String, CanonError> {
    let inner = raw.strip_prefix(b"[").and_then(|r| r.strip_suffix(b"]")).ok_or(CanonError::BadHost)?;
    let text = std::str::from_utf8(inner).map_err(|_| CanonError::BadHost)?;
    let addr = crate::ipv6::parse(text).ok_or(CanonError::BadHost)?;
    Ok(format!("[{}]", crate::ipv6::format(&addr)))
}

/// Canonicalizes the path: `/./` removed, `/../` resolved against the previous
/// component, runs of `/` collapsed, escapes; always starts with `/`.
fn canon_path(src: Source<'_>, raw: &[u8]) -> String {
    if is_canonical_path(raw) {
        return src.string(raw);
    }
    // Invariant: `out` ends with `/`; a final file name loses it at the end.
    let mut out = Vec::with_capacity(raw.len() + 1);
    out.push(b'/');
    let mut ends_in_file = false;
    for segment in raw.split(|&b| b == b'/') {
        ends_in_file = false;
        match segment {
            b"" | b"." => {}
            b".." => {
                out.pop();
                let parent = out.iter().rposition(|&b| b == b'/').map_or(0, |i| i + 1);
                out.truncate(parent);
                if out.is_empty() {
                    out.push(b'/');
                }
            }
            _ => {
                push_escaped(&mut out, segment);
                out.push(b'/');
                ends_in_file = true;
            }
        }
    }
    if ends_in_file {
        out.pop();
    }
    ascii_string(out)
}

/// Whether `raw` is a path [`canon_path`] leaves as it is: `/`, then
/// segments that are neither empty (but the last: a folder) nor `.` or `..`,
/// with nothing to escape. Most paths are.
fn is_canonical_path(raw: &[u8]) -> bool {
    let Some(rest) = raw.strip_prefix(b"/") else { return false };
    if rest.iter().any(|&b| ESCAPED[usize::from(b)]) {
        return false;
    }
    let mut segments = rest.split(|&b| b == b'/').peekable();
    while let Some(segment) = segments.next() {
        let last = segments.peek().is_none();
        if matches!(segment, b"." | b"..") || (segment.is_empty() && !last) {
            return false;
        }
    }
    true
}

/// The bytes [`push_escaped`] writes as `%XX`: every byte ≤ 0x20, ≥ 0x7f,
/// `#` and `%`; a table, as each byte of a path and query is looked up.
const ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b <= 0x20 || b >= 0x7f || b == b'#' as usize || b == b'%' as usize;
        b += 1;
    }
    table
};

/// Percent-escapes every byte ≤ 0x20, ≥ 0x7f, `#` and `%` (upper-case hex).
fn escape(src: Source<'_>, raw: &[u8]) -> String {
    if !raw.iter().any(|&b| ESCAPED[usize::from(b)]) {
        return src.string(raw);
    }
    let mut out = Vec::with_capacity(raw.len());
    push_escaped(&mut out, raw);
    ascii_string(out)
}

/// Appends `raw` escaped; what it appends is always ASCII.
fn push_escaped(out: &mut Vec<u8>, raw: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut clean_from = 0;
    for (i, &b) in raw.iter().enumerate() {
        if ESCAPED[usize::from(b)] {
            out.extend_from_slice(&raw[clean_from..i]);
            out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
            clean_from = i + 1;
        }
    }
    out.extend_from_slice(&raw[clean_from..]);
}

/// A buffer built only by [`push_escaped`] (plus `.` and `/`) as a string.
/// It is ASCII, so the lossy branch never runs; it exists so that no input
/// can make this panic.
fn ascii_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The host-suffix × path-prefix expressions a list entry can match, most
/// specific first (at most 5 hosts × 6 paths), without duplicates.
///
/// Hosts: the exact host, then up to 4 suffixes formed from the last five
/// components by removing the leading one, down to two components; an IP
/// host gives only itself. Paths: the exact path with its query, the exact
/// path, then the root and up to 3 directories below it, deepest first.
pub fn expressions(url: &CanonUrl) -> Vec<String> {
    let parts = ExpressionParts::new(url);
    parts
        .iter()
        .map(|e| {
            let mut s = String::with_capacity(e.len());
            for piece in e.pieces() {
                s.push_str(piece);
            }
            s
        })
        .collect()
}

/// One expression of [`expressions`] as borrowed pieces of the URL, so a
/// lookup can hash it without building a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expression<'a> {
    /// The host or one of its suffixes.
    pub host: &'a str,
    /// The path or one of its prefixes.
    pub path: &'a str,
    /// The query (without `?`), only with the exact path.
    pub query: Option<&'a str>,
}

impl<'a> Expression<'a> {
    /// The pieces that, joined, spell the expression (`host`, `path`, `?`, `query`).
    pub fn pieces(&self) -> impl Iterator<Item = &'a str> + Clone {
        let (q_mark, query) = match self.query {
            Some(q) => ("?", q),
            None => ("", ""),
        };
        [self.host, self.path, q_mark, query].into_iter().filter(|p| !p.is_empty())
    }

    /// Length in bytes of the joined expression.
    pub fn len(&self) -> usize {
        self.host.len() + self.path.len() + self.query.map_or(0, |q| q.len() + 1)
    }

    /// Whether the joined expression is empty (never, for a canonical URL).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The host suffixes and path prefixes of a URL's expressions, found once
/// without allocating; [`ExpressionParts::iter`] walks their combinations in
/// the order of [`expressions`].
pub struct ExpressionParts<'a> {
    hosts: [&'a str; 5],
    host_count: usize,
    paths: [(&'a str, Option<&'a str>); 6],
    path_count: usize,
}

impl<'a> ExpressionParts<'a> {
    /// Splits `url` into its host suffixes and path prefixes.
    pub fn new(url: &'a CanonUrl) -> ExpressionParts<'a> {
        let host = url.host.as_str();
        let mut hosts = [host; 5];
        let mut host_count = 1;
        if !(host.starts_with('[') || parse_ipv4(host.as_bytes()).is_some()) {
            // Byte offsets of the last five dots, rightmost first.
            let mut dots = [0usize; 5];
            let mut dot_count = 0;
            for (i, b) in host.bytes().enumerate().rev() {
                if b == b'.' {
                    dots[dot_count] = i;
                    dot_count += 1;
                    if dot_count == dots.len() {
                        break;
                    }
                }
            }
            // The suffix of k components starts after the k-th dot from the right.
            for k in (2..=dot_count).rev() {
                hosts[host_count] = &host[dots[k - 1] + 1..];
                host_count += 1;
            }
        }

        let path = url.path.as_str();
        let mut paths: [(&str, Option<&str>); 6] = [(path, None); 6];
        let mut path_count = 0;
        if let Some(q) = &url.query {
            paths[path_count] = (path, Some(q.as_str()));
            path_count += 1;
        }
        paths[path_count] = (path, None);
        path_count += 1;
        let mut slashes = [0usize; 4];
        let mut slash_count = 0;
        for (i, b) in path.bytes().enumerate() {
            if b == b'/' {
                slashes[slash_count] = i;
                slash_count += 1;
                if slash_count == slashes.len() {
                    break;
                }
            }
        }
        for &i in slashes[..slash_count].iter().rev() {
            let prefix = &path[..=i];
            if prefix != path {
                paths[path_count] = (prefix, None);
                path_count += 1;
            }
        }
        ExpressionParts { hosts, host_count, paths, path_count }
    }

    /// The host suffixes, exact host first.
    pub fn hosts(&self) -> &[&'a str] {
        &self.hosts[..self.host_count]
    }

    /// Every expression, most specific first, as in [`expressions`].
    pub fn iter(&self) -> impl Iterator<Item = Expression<'a>> + '_ {
        self.hosts().iter().flat_map(move |&host| self.paths[..self.path_count].iter().map(move |&(path, query)| Expression { host, path, query }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spec's rule taken literally: whole left-to-right passes, repeated
    /// until one changes nothing.
    fn unescape_by_passes(src: &[u8]) -> Vec<u8> {
        let mut cur: Vec<u8> = src.iter().copied().filter(|b| !matches!(b, b'\t' | b'\r' | b'\n')).collect();
        loop {
            let mut next = Vec::with_capacity(cur.len());
            let mut i = 0;
            while i < cur.len() {
                match (cur[i], cur.get(i + 1).copied().and_then(hex_value), cur.get(i + 2).copied().and_then(hex_value)) {
                    (b'%', Some(hi), Some(lo)) => {
                        next.push(hi << 4 | lo);
                        i += 3;
                    }
                    (b, _, _) => {
                        next.push(b);
                        i += 1;
                    }
                }
            }
            if next == cur {
                return cur;
            }
            cur = next;
        }
    }

    #[test]
    fn one_pass_unescape_reaches_the_same_fixed_point() {
        // Every string up to length 6 over an alphabet that builds nested escapes.
        const ALPHABET: &[u8] = b"%2534aF\t";
        let mut buf = Vec::new();
        let mut count = 0;
        for len in 0..=6u32 {
            for mut n in 0..ALPHABET.len().pow(len) {
                buf.clear();
                for _ in 0..len {
                    buf.push(ALPHABET[n % ALPHABET.len()]);
                    n /= ALPHABET.len();
                }
                assert_eq!(unescape_fully(&buf), unescape_by_passes(&buf), "{:?}", String::from_utf8_lossy(&buf));
                count += 1;
            }
        }
        assert_eq!(count, (0..=6).map(|l| ALPHABET.len().pow(l)).sum::<usize>());
        assert_eq!(&*unescape_fully(b"%%%25%32%35asd%%"), b"%%%asd%%");
        assert_eq!(&*unescape_fully(b"%2%35"), b"%");
        assert!(matches!(unescape_fully(b"http://plain.example/"), Cow::Borrowed(_)));
    }

    #[test]
    fn pieces_copied_from_the_input_equal_those_of_an_unescaped_url() {
        // A tab inside makes the URL a new buffer; without it, host, path,
        // query and userinfo are copied from the input's text.
        for url in ["http://u@example.com/a/b.html?q=1&r=x", "example.com", "https://www.example.co.jp/?", "http://a.b/~x/"] {
            let inside = url.len() - 1;
            let with_tab = format!("{}\t{}", &url[..inside], &url[inside..]);
            assert_eq!(canonicalize(url), canonicalize(&with_tab), "{url}");
        }
        let url = canonicalize("http://u%20v@example.com/a?b").unwrap();
        assert_eq!((url.userinfo.as_deref(), url.host.as_str(), url.query.as_deref()), (Some("u%20v"), "example.com", Some("b")));
    }

    #[test]
    fn web_schemes_in_any_case() {
        let scheme = |url: &str| split_scheme(url.as_bytes()).map(|(s, rest)| (s.into_owned(), String::from_utf8_lossy(rest).into_owned()));
        let ok = |s: &str, rest: &str| Ok((s.to_string(), rest.to_string()));
        assert_eq!(scheme("https://a.b/"), ok("https", "a.b/"));
        assert_eq!(scheme("HtTp://a.b/"), ok("http", "a.b/"));
        assert_eq!(scheme("httpx://a.b/"), ok("httpx", "a.b/"));
        assert_eq!(scheme("http:/a.b/"), ok("http", "http:/a.b/"));
        assert_eq!(scheme("https:a.b"), Err(CanonError::NoHost));
        assert_eq!(scheme("http"), ok("http", "http"));
    }

    #[test]
    fn userinfo_and_port_from_one_scan() {
        let parts = |url: &str| canonicalize(url).map(|u| (u.userinfo, u.host, u.port, u.path));
        let some = |s: &str| Some(s.to_string());
        assert_eq!(parts("http://user:pass@example.com/x"), Ok((some("user:pass"), "example.com".into(), None, "/x".into())));
        assert_eq!(parts("http://u:p@example.com:8080?q"), Ok((some("u:p"), "example.com".into(), Some(8080), "/".into())));
        assert_eq!(parts("http://a@b@example.com:81/"), Ok((some("a@b"), "example.com".into(), Some(81), "/".into())));
        assert_eq!(parts("http://example.com:81/a:b@c"), Ok((None, "example.com".into(), Some(81), "/a:b@c".into())));
        assert_eq!(parts("http://u@[::1]:82/"), Ok((some("u"), "[::1]".into(), Some(82), "/".into())));
        assert_eq!(parts("http://example.com:x/"), Err(CanonError::BadPort));
    }

    #[test]
    fn words_above_stop_before_the_first_small_byte() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Mostly large bytes, sometimes one small, anywhere in 0..=40 bytes.
            let len = (x % 41) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|i| 0x26 + ((x >> (i % 50)) as u8 % 0xd9)).collect();
            if len > 0 && x % 3 == 0 {
                bytes[(x >> 20) as usize % len] = (x >> 30) as u8 % 0x26;
            }
            let max = if x % 5 == 0 { 0x7f } else { b'%' };
            let first = bytes.iter().position(|&b| b <= max).unwrap_or(len);
            // Every whole word before the one with the first small byte.
            assert_eq!(words_above(&bytes, max), first / 8 * 8, "{bytes:?} {max}");
        }
        // Every byte value at every place of two words of large bytes.
        for max in [b'%', 0x7f] {
            for v in 0..=255u8 {
                for at in 0..16 {
                    let mut bytes = [0xAAu8; 16];
                    bytes[at] = v;
                    let expected = if v <= max { at / 8 * 8 } else { 16 };
                    assert_eq!(words_above(&bytes, max), expected, "{v:#x} at {at}, max {max:#x}");
                }
            }
        }
    }

    #[test]
    fn ipv4_parts() {
        assert_eq!(parse_ipv4(b"3279880203"), Some([195, 127, 0, 11]));
        assert_eq!(parse_ipv4(b"0x12.0x43.0x44.0x01"), Some([18, 67, 68, 1]));
        assert_eq!(parse_ipv4(b"1.2.65536"), None);
        assert_eq!(parse_ipv4(b"1.2.65535"), Some([1, 2, 255, 255]));
        assert_eq!(parse_ipv4(b"08.1.1.1"), None);
        assert_eq!(parse_ipv4(b"example.com"), None);
    }
}
