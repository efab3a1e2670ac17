//! The URL being judged, parsed once and shared by every signal.

use std::borrow::Cow;

use crate::canon::{self, CanonError, CanonUrl};
use crate::domain;

/// A URL under judgement: its canonical form plus the host facts signals ask for.
#[derive(Clone, Debug)]
pub struct Target {
    /// The canonical URL (Safe Browsing rules).
    pub url: CanonUrl,
    /// The host as a person reads it, when that differs from `url.host`
    /// (see [`Target::unicode_host`]): most hosts have no punycode label, and
    /// their verdict then takes `url.host` itself, with no copy.
    unicode: Option<String>,
    /// The registrable domain, `None` for IP literals and bare suffixes.
    pub site: Option<String>,
    /// Where the public suffix starts in `url.host` (see [`Target::suffix`]):
    /// an offset, so that no check copies it.
    suffix_start: usize,
    /// Whether that suffix is a hosting platform (PSL private section).
    pub private_suffix: bool,
    /// Whether the host is an IP literal.
    pub ip: bool,
}

impl Target {
    /// Parses and canonicalizes `input` (a URL or a bare domain).
    pub fn parse(input: &str) -> Result<Target, CanonError> {
        let url = canon::canonicalize(input)?;
        // Safe Browsing keeps odd schemes and escapes odd host bytes so every
        // string has an expression; a person's question is only about web
        // pages whose host is a real name.
        if !matches!(&*url.scheme, "http" | "https") {
            return Err(CanonError::NotWeb);
        }
        if url.host.contains('%') {
            return Err(CanonError::BadHost);
        }
        let parts = domain::split(&url.host);
        Ok(Target {
            unicode: match domain::to_unicode(&url.host) {
                Cow::Borrowed(_) => None,
                Cow::Owned(decoded) => Some(decoded),
            },
            site: parts.registrable.map(str::to_string),
            suffix_start: url.host.len() - parts.suffix.len(),
            private_suffix: parts.private_suffix,
            ip: parts.ip,
            url,
        })
    }

    /// The host as a person reads it (punycode decoded).
    pub fn unicode_host(&self) -> &str {
        self.unicode.as_deref().unwrap_or(&self.url.host)
    }

    /// Whether a label of the host has the punycode prefix `xn--`: only then
    /// can a piece of the host read differently from its ASCII form, so
    /// signals ask this before decoding a piece again.
    pub fn has_punycode(&self) -> bool {
        self.unicode.is_some()
    }

    /// [`Target::unicode_host`] and the registrable domain, owned, for a
    /// verdict once the signals are done: nothing is copied.
    pub fn into_host_and_site(self) -> (String, Option<String>) {
        (self.unicode.unwrap_or(self.url.host), self.site)
    }

    /// The public suffix of the host (`co.jp`, `pages.dev`; the whole host for an IP).
    pub fn suffix(&self) -> &str {
        &self.url.host[self.suffix_start..]
    }

    /// The labels of the host left of its registrable domain (`a.b` in `a.b.example.com`).
    pub fn subdomain(&self) -> &str {
        match &self.site {
            Some(site) => self.url.host[..self.url.host.len() - site.len()].trim_end_matches('.'),
            None => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_with_real_host_names() {
        assert_eq!(Target::parse("chrome://extensions").unwrap_err(), CanonError::NotWeb);
        assert_eq!(Target::parse("ftp://files.example/").unwrap_err(), CanonError::NotWeb);
        assert_eq!(Target::parse("not a link at all").unwrap_err(), CanonError::BadHost);
        assert_eq!(Target::parse("http://exa mple.com/").unwrap_err(), CanonError::BadHost);
        assert!(Target::parse("example.com").is_ok());
        assert!(Target::parse("https://www.amazon.co.jp/").is_ok());
    }
}
