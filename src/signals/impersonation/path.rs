//! Brands named in the path of an unrelated host, the two weakest
//! impersonation reasons:
//! - `brand-page-in-path`: a folder or page named after a brand and nothing
//!   else (`/rakuten/`, `/files/rakuten/top.html`, `/aeoncard.php`), how kits
//!   file their pages on hosts they took over. Only distinctive tokens count
//!   (`/au/` and `/line/` are ordinary folders), and article slugs
//!   (`/mastercard-credit-card/`) do not;
//! - `brand-in-path`: a brand named in the path (`/amazon.co.jp/signin`,
//!   `/rakuten/login`): distinctive tokens, as whole words of the path or
//!   inside them.
//!
//! Both look for the same tokens in the same lower-cased path, so one scan
//! finds every token and each rule then only asks where a token sits.

use crate::brands::{Brand, Brands, TokenHit};

/// Which of the two reasons a brand in the path gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum InPath {
    /// A folder or page named after the brand alone (`brand-page-in-path`).
    Page,
    /// The brand named somewhere in the path (`brand-in-path`).
    Named,
}

/// Endings of page files that kits name after a brand (`/mercari.html`).
const PAGE_ENDINGS: &[&str] = &[".html", ".htm", ".php", ".aspx", ".asp"];

/// Folders and pages looked at, from the start of the path.
const MAX_PAGE_SEGMENTS: usize = 16;

/// How long a folder or page name may be.
const PAGE_NAME_LEN: std::ops::RangeInclusive<usize> = 4..=32;

/// Bytes of the path whose words `brand-in-path` looks at.
const NAMED_PREFIX: usize = 256;

/// Shortest word of the path a brand may be named in.
const NAMED_MIN_WORD: usize = 3;

/// Shortest distinctive token that counts inside a longer word.
const NAMED_MIN_INSIDE: usize = 5;

/// The brand a path names, and how: a page named after it wins over a
/// mention. `path` is a canonical path (ASCII).
pub(super) fn brand_in_path(brands: &'static Brands, path: &str) -> Option<(&'static Brand, InPath)> {
    let pages = PageNames::of(path);
    // Most paths are lower case already and are read as they are.
    let mut stack = None;
    let heap: String;
    let lower = if !path.bytes().any(|b| b.is_ascii_uppercase()) {
        path
    } else if path.len() <= NAMED_PREFIX {
        let buf = &mut stack.insert([0u8; NAMED_PREFIX])[..path.len()];
        buf.copy_from_slice(path.as_bytes());
        buf.make_ascii_lowercase();
        std::str::from_utf8(buf).ok()?
    } else {
        heap = path.to_ascii_lowercase();
        heap.as_str()
    };
    let bytes = lower.as_bytes();
    let named_end = bytes.len().min(NAMED_PREFIX);
    let (mut page, mut named) = (None, None);
    brands.tokens_in(lower, |hit| {
        if page.is_none() && !hit.token.strict && pages.is_name(hit.start, hit.end) {
            page = Some(hit.brand);
        }
        if named.is_none() && names_brand(bytes, named_end, &hit) {
            named = Some(hit.brand);
        }
    });
    page.map(|b| (b, InPath::Page)).or_else(|| named.map(|b| (b, InPath::Named)))
}

/// Whether `hit` names its brand by the `brand-in-path` rule: inside a word
/// (a run of letters, digits and hyphens) of the path's first
/// [`NAMED_PREFIX`] bytes (`end`) that is at least [`NAMED_MIN_WORD`] long,
/// either as the whole word or, for a distinctive token, as a long enough part of it.
fn names_brand(bytes: &[u8], end: usize, hit: &TokenHit<'_>) -> bool {
    let word_byte = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
    if hit.end > end || !bytes[hit.start..hit.end].iter().all(word_byte) {
        return false;
    }
    let start = bytes[..hit.start].iter().rposition(|b| !word_byte(b)).map_or(0, |i| i + 1);
    let stop = bytes[hit.end..end].iter().position(|b| !word_byte(b)).map_or(end, |i| hit.end + i);
    let whole = hit.start == start && hit.end == stop;
    stop - start >= NAMED_MIN_WORD && (whole || (!hit.token.strict && hit.end - hit.start >= NAMED_MIN_INSIDE))
}

/// The folder and page names of a path a `brand-page-in-path` token must
/// fill exactly: the first [`MAX_PAGE_SEGMENTS`] segments, less a page
/// ending, of letters, digits and hyphens only. None at all when the path
/// ends in a file that is no page (`/shopify/logo.svg`: a picture or script,
/// not where a person lands).
struct PageNames {
    /// Byte ranges of the names in the path.
    ranges: [(usize, usize); MAX_PAGE_SEGMENTS],
    count: usize,
}

impl PageNames {
    fn of(path: &str) -> PageNames {
        let mut names = PageNames { ranges: [(0, 0); MAX_PAGE_SEGMENTS], count: 0 };
        let last = &path[path.bytes().rposition(|b| b == b'/').map_or(0, |i| i + 1)..];
        if last.contains('.') && !PAGE_ENDINGS.iter().any(|e| strip_suffix_ignore_case(last, e).is_some()) {
            return names;
        }
        let mut start = 0;
        for segment in super::words::split(path, b'/').take(MAX_PAGE_SEGMENTS) {
            let name = PAGE_ENDINGS.iter().find_map(|e| strip_suffix_ignore_case(segment, e)).unwrap_or(segment);
            if PAGE_NAME_LEN.contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                names.ranges[names.count] = (start, start + name.len());
                names.count += 1;
            }
            start += segment.len() + 1;
        }
        names
    }

    /// Whether `start..end` is exactly one of the names.
    fn is_name(&self, start: usize, end: usize) -> bool {
        self.ranges[..self.count].contains(&(start, end))
    }
}

/// `s` without `suffix`, compared ignoring ASCII case.
fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(suffix)).then(|| &s[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brands::builtin;

    fn place(path: &str) -> Option<(&'static str, InPath)> {
        brand_in_path(builtin(), path).map(|(b, p)| (b.id, p))
    }

    #[test]
    fn pages_win_over_mentions_and_long_paths_keep_their_limits() {
        assert_eq!(place("/files/Rakuten/top.html"), Some(("rakuten", InPath::Page)));
        assert_eq!(place("/amazon-help/rakuten/"), Some(("rakuten", InPath::Page)));
        assert_eq!(place("/amazon-help/x"), Some(("amazon", InPath::Named)));
        assert_eq!(place("/blog/2024/news"), None);
        // Mentions only count in the first 256 bytes; page names in the first 16 segments.
        let far = format!("/{}/amazon-help", "x".repeat(300));
        assert_eq!(place(&far), None);
        assert_eq!(place(&format!("{far}/rakuten/")), Some(("rakuten", InPath::Page)));
        let deep = format!("{}/rakuten/", "/x".repeat(16));
        assert_eq!(place(&deep), Some(("rakuten", InPath::Named)));
    }
}
