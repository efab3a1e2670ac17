//! Links as people paste them. A person who asks "is this link safe?" copies
//! it out of a mail, a text message or a warning bulletin, and rarely gets the
//! bare address: plain-text mail wraps links in `<…>`, Japanese text in
//! `「…」`, a sentence ends in a full stop, a bulletin writes
//! `hxxps://evil[.]example` so that nobody opens it by accident, and a
//! message may hold a whole paragraph around the link. This finds the link
//! the way a mail client or a chat app would have made it clickable.
//!
//! The rules follow GitHub Flavored Markdown's extended autolinks (spec 0.29,
//! section 6.9, "Autolinks (extension)"), the closest thing to a written
//! standard for finding links in prose, section by section below, with its
//! examples as tests. Where people's pastes need more, the additions are
//! marked: defanged addresses, schemes in any case, links right after
//! Japanese text, Japanese brackets and full stops, and a bare domain when
//! the text has no link with a scheme or `www.`.

use std::borrow::Cow;

use crate::domain::is_dot;

/// Undoes the usual "defanging" of addresses in threat feeds and warning
/// bulletins: `hxxp://` and `hXXps://` for `http(s)://`, `[.]`, `(.)`,
/// `{.}`, `[dot]` and `(dot)` for a dot, `[:]` for a colon, `[://]` for
/// `://`. Borrowed when there is nothing to undo (most feed lines).
pub fn refang(s: &str) -> Cow<'_, str> {
    /// Defanged marks and what they stand for (matched in any case).
    const MARKS: [(&str, &str); 8] =
        [("[.]", "."), ("(.)", "."), ("{.}", "."), ("[dot]", "."), ("(dot)", "."), ("[://]", "://"), ("[:]", ":"), ("hxxp", "http")];
    /// Whether a mark may start with this byte.
    fn may_start(b: &u8) -> bool {
        matches!(b, b'[' | b'(' | b'{' | b'h' | b'H')
    }
    let bytes = s.as_bytes();
    let hxxp = || bytes.windows(4).any(|w| w.eq_ignore_ascii_case(b"hxxp"));
    if !bytes.iter().any(|b| matches!(b, b'[' | b'(' | b'{')) && !hxxp() {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut copied = 0; // bytes of `s` already in `out`
    let mut i = 0;
    while i < s.len() {
        // Only the bytes a mark can start with are tried against the marks.
        match bytes[i..].iter().position(may_start) {
            Some(skip) => i += skip,
            None => break,
        }
        let mark = MARKS.iter().find(|(m, _)| {
            // `hxxp` only where a word starts, so `xhxxpx` stays as it is.
            let starts_word = !m.starts_with('h') || !s.as_bytes()[..i].last().is_some_and(u8::is_ascii_alphanumeric);
            starts_word && s.as_bytes()[i..].get(..m.len()).is_some_and(|b| b.eq_ignore_ascii_case(m.as_bytes()))
        });
        match mark {
            Some((m, with)) => {
                out.push_str(&s[copied..i]);
                out.push_str(with);
                i += m.len();
                copied = i;
            }
            None => i += 1,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

/// The link to check in what a person pasted: the first link in it, as a
/// mail or chat app would have found it; else, for text that is one word, that
/// word without the brackets or quotes around it; else the first word that is
/// a domain name (`amaz0n-jp.com/login`); else the text itself, trimmed, for
/// the URL parser to turn down with a clear error.
pub fn link_in(text: &str) -> String {
    let text = refang(text.trim());
    if let Some(link) = first_autolink(&text) {
        return link.to_string();
    }
    if !text.contains(char::is_whitespace) {
        return unwrap(&text).to_string();
    }
    match text.split_whitespace().map(unwrap).find(|w| is_bare_domain(w)) {
        Some(word) => word.to_string(),
        None => text.into_owned(),
    }
}

// --- 6.9: where an autolink may start ------------------------------------------

/// The first extended www or url autolink in `text` (GFM 6.9).
///
/// GFM: "All such recognized autolinks can only come at the beginning of a
/// line, after whitespace, or any of the delimiting characters `*`, `_`, `~`,
/// and `(`." Additions: `www.` after any character that is not an ASCII
/// letter or digit (`<www.…`, `「www.…`, `URL:www.…`), and a scheme
/// anywhere, in any case: right after Japanese text (`こちらhttps://…`), and
/// after a word that a browser's one-line box glued to the link when it
/// dropped the line break between them (`Click herehttps://…`).
fn first_autolink(text: &str) -> Option<&str> {
    let mut from = 0;
    while let Some((at, scheme_len)) = find_start(text, from) {
        let rest = &text[at..];
        let host_at = scheme_len + if scheme_len > 0 { userinfo_len(&rest[scheme_len..]) } else { 0 };
        let (scanned, domain) = valid_domain(&rest[host_at..]);
        if let Some(len) = domain {
            let end = host_at + len + path_len(&rest[host_at + len..]);
            return Some(trim_trailing(&rest[..end]));
        }
        // On past all that was scanned, so that the search stays linear.
        from = at + host_at + scanned.max(1);
    }
    None
}

/// Where the next `http://`, `https://` or `www.` that may start a link
/// begins, at or after byte `from`, and the length of its scheme (0 for `www.`).
fn find_start(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    (from..bytes.len()).find_map(|i| {
        let head = &bytes[i..];
        let is = |p: &[u8]| head.get(..p.len()).is_some_and(|b| b.eq_ignore_ascii_case(p));
        match () {
            _ if is(b"http://") => Some((i, 7)),
            _ if is(b"https://") => Some((i, 8)),
            _ if is(b"www.") && !bytes[..i].last().is_some_and(u8::is_ascii_alphanumeric) => Some((i, 0)),
            _ => None,
        }
    })
}

/// The length of the `user:password@` before a host, 0 when there is none.
/// Addition: GFM wants the domain right after the scheme, but an address
/// with credentials in it is one a scam sends (`http://amazon.co.jp@evil.example/`),
/// so it is found whole and its real host judged.
fn userinfo_len(after_scheme: &str) -> usize {
    let authority = after_scheme.find(|c: char| matches!(c, '/' | '?' | '#' | '<' | '>' | '"') || c.is_whitespace());
    let authority = &after_scheme[..authority.unwrap_or(after_scheme.len())];
    authority.rfind('@').map_or(0, |at| at + 1)
}

// --- 6.9: valid domain ----------------------------------------------------------

/// How far a domain scan of `s` went, and the length of the valid domain
/// that starts `s`, if one does.
///
/// GFM: "A valid domain consists of segments of alphanumeric characters,
/// underscores (`_`) and hyphens (`-`) separated by periods (`.`). There must
/// be at least one period, and no underscores may be present in the last two
/// segments of the domain." Letters of any script count as alphanumeric
/// (IDN hosts: `аррӏе.com`, `日本語.jp`). Additions: the full-width and
/// ideographic full stops (`．` `。` `｡`), which browsers read as dots in a
/// host, separate segments too; and where Japanese text follows a segment of
/// ASCII letters, directly (`example.comにアクセス`) or after a full stop
/// (`example.com。次に`), the domain has ended.
fn valid_domain(s: &str) -> (usize, Option<usize>) {
    let mut end = 0;
    // Where the current segment starts; whether the one before it is made
    // of two or more ASCII letters; the dot between them.
    let (mut segment, mut before_is_word, mut dot) = (0, false, None);
    for (i, c) in s.char_indices() {
        if is_dot(c) {
            before_is_word = is_ascii_word(&s[segment..i]);
            (segment, dot) = (i + c.len_utf8(), Some(c));
        } else if !c.is_ascii() && c.is_alphanumeric() {
            let here = &s[segment..i];
            let after_word = dot.is_some() && is_ascii_word(here);
            let after_full_stop = here.is_empty() && before_is_word && dot.is_some_and(|d| d != '.');
            if after_word || after_full_stop {
                break;
            }
        } else if !(c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            break;
        }
        end = i + c.len_utf8();
    }
    let domain = trim_trailing(&s[..end]);
    // Underscores in the last segment and in the one before it; dots seen.
    let (mut last, mut before, mut dots) = (false, false, 0);
    for c in domain.chars() {
        if is_dot(c) {
            (before, last, dots) = (last, false, dots + 1);
        } else {
            last |= c == '_';
        }
    }
    (end, (dots > 0 && !last && !before).then_some(domain.len()))
}

/// Whether `s` is two or more ASCII letters (a word such as `com`, `jp`).
fn is_ascii_word(s: &str) -> bool {
    s.len() >= 2 && s.bytes().all(|b| b.is_ascii_alphabetic())
}

// --- 6.9: what follows the domain ------------------------------------------------

/// The length of the path, query and fragment after a domain.
///
/// GFM: "After a valid domain, zero or more non-space non-`<` characters may
/// follow." Additions: `>`, `"` and `` ` `` end a link too (`<https://…>` in
/// plain-text mail, quoted links), and so does any character that is not
/// ASCII: in a paste, the text after a link (`…/loginからログイン`) is prose,
/// and real links carry their non-ASCII characters percent-encoded.
fn path_len(s: &str) -> usize {
    s.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`') || !c.is_ascii()).unwrap_or(s.len())
}

// --- 6.9: extended autolink path validation ------------------------------------

/// `link` without what ends it but is not part of it.
///
/// GFM: "Trailing punctuation (specifically, `?`, `!`, `.`, `,`, `:`, `*`,
/// `_`, and `~`) will not be considered part of the autolink"; "When an
/// autolink ends in `)`, we scan the entire autolink for the total number of
/// parentheses. If there is a greater number of closing parentheses than
/// opening ones, we don't consider the unmatched trailing parentheses part of
/// the autolink"; "If an autolink ends in a semicolon (`;`), we check to see
/// if it appears to resemble an entity reference; if the preceding text is `&`
/// followed by one or more alphanumeric characters. If so, it is excluded."
/// Additions: `'` is trailing punctuation too, `]` is balanced like `)`, and
/// the Japanese full stops and commas (`。` `、` `．` `，`) end a sentence.
fn trim_trailing(link: &str) -> &str {
    // Closing parentheses and brackets beyond the opening ones.
    let count = |b: u8| link.bytes().filter(|&c| c == b).count();
    let (mut parens, mut brackets) = (count(b')').saturating_sub(count(b'(')), count(b']').saturating_sub(count(b'[')));
    let mut s = link;
    while let Some(c) = s.chars().next_back() {
        match c {
            '?' | '!' | '.' | ',' | ':' | '*' | '_' | '~' | '\'' | '。' | '、' | '．' | '，' | '｡' => {}
            ')' if parens > 0 => parens -= 1,
            ']' if brackets > 0 => brackets -= 1,
            ';' => {
                let body = &s[..s.len() - 1];
                let name = body.trim_end_matches(|c: char| c.is_ascii_alphanumeric());
                match name.strip_suffix('&') {
                    Some(kept) if name.len() < body.len() => {
                        s = kept;
                        continue;
                    }
                    _ => return s,
                }
            }
            _ => return s,
        }
        s = &s[..s.len() - c.len_utf8()];
    }
    s
}

// --- beyond the spec: one word, and bare domains ---------------------------------

/// `word` without the brackets, quotes and full stops people write around a
/// link (`<…>`, `(…)`, `「…」`, `“…”`, `…。`).
fn unwrap(word: &str) -> &str {
    const PAIRS: [(char, char); 12] = [
        ('<', '>'), ('(', ')'), ('[', ']'), ('"', '"'), ('\'', '\''), ('“', '”'), ('‘', '’'),
        ('「', '」'), ('『', '』'), ('（', '）'), ('【', '】'), ('《', '》'),
    ];
    let mut w = trim_trailing(word);
    // A few levels (`<"…">`), not as many as a hostile paste could nest.
    for _ in 0..3 {
        match PAIRS.iter().find_map(|&(o, c)| w.strip_prefix(o).map(|r| r.strip_suffix(c).unwrap_or(r))) {
            Some(inner) => w = trim_trailing(inner),
            None => break,
        }
    }
    w
}

/// Whether `word` is a domain name, with or without a path
/// (`amaz0n-jp.com`, `amaz0n-jp.com/login`): a valid domain whose last
/// segment is two letters or more (a top-level domain, not `e.g`), and not
/// part of an e-mail address.
fn is_bare_domain(word: &str) -> bool {
    if word.contains('@') {
        return false;
    }
    let Some(len) = valid_domain(word).1 else { return false };
    let domain = &word[..len];
    let tld_at = domain.char_indices().rfind(|&(_, c)| is_dot(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let tld = &domain[tld_at..];
    tld.chars().count() >= 2
        && tld.chars().all(char::is_alphabetic)
        && word.as_bytes().get(len).is_none_or(|b| b"/?#:".contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The extended autolink examples of GFM 0.29, section 6.9, with the
    /// link each one makes.
    #[test]
    fn gfm_extended_autolink_examples() {
        for (text, link) in [
            // Example 621.
            ("www.commonmark.org", "www.commonmark.org"),
            // Example 622.
            ("Visit www.commonmark.org/help for more information.", "www.commonmark.org/help"),
            // Example 623.
            ("Visit www.commonmark.org.", "www.commonmark.org"),
            ("Visit www.commonmark.org/a.b.", "www.commonmark.org/a.b"),
            // Example 624.
            ("www.google.com/search?q=Markup+(business)", "www.google.com/search?q=Markup+(business)"),
            ("www.google.com/search?q=Markup+(business)))", "www.google.com/search?q=Markup+(business)"),
            ("(www.google.com/search?q=Markup+(business))", "www.google.com/search?q=Markup+(business)"),
            ("(www.google.com/search?q=Markup+(business)", "www.google.com/search?q=Markup+(business)"),
            // Example 625.
            ("www.google.com/search?q=(business))+ok", "www.google.com/search?q=(business))+ok"),
            // Example 626.
            ("www.google.com/search?q=commonmark&hl=en", "www.google.com/search?q=commonmark&hl=en"),
            ("www.google.com/search?q=commonmark&hl;", "www.google.com/search?q=commonmark"),
            // Example 627.
            ("www.commonmark.org/he<lp", "www.commonmark.org/he"),
            // Example 628.
            ("http://commonmark.org", "http://commonmark.org"),
            ("(Visit https://encrypted.google.com/search?q=Markup+(business))", "https://encrypted.google.com/search?q=Markup+(business)"),
        ] {
            assert_eq!(first_autolink(text), Some(link), "{text}");
        }
    }

    /// GFM's valid-domain rule: at least one period, no underscore in the
    /// last two segments (one before them is fine).
    #[test]
    fn valid_domains_follow_the_spec() {
        assert_eq!(valid_domain("www.commonmark.org/x").1, Some(18));
        assert_eq!(valid_domain("a_b.example.com").1, Some(15));
        assert_eq!(valid_domain("localhost/x").1, None);
        assert_eq!(valid_domain("www.exa_mple.com").1, None);
        assert_eq!(valid_domain("www.example.co_m").1, None);
    }

    #[test]
    fn links_in_mail_and_messages() {
        for (pasted, link) in [
            // Plain-text mail and quoted links.
            ("<https://amaz0n.co.jp/login>", "https://amaz0n.co.jp/login"),
            ("\"https://amaz0n.co.jp/login\"", "https://amaz0n.co.jp/login"),
            // A sentence around it, in English and in Japanese.
            ("Please sign in at https://amaz0n.co.jp/login now.", "https://amaz0n.co.jp/login"),
            ("Your parcel could not be delivered: http://sagawa-exp.cc/t?id=1.", "http://sagawa-exp.cc/t?id=1"),
            ("「https://amaz0n.co.jp/」からログインしてください。", "https://amaz0n.co.jp/"),
            ("お荷物のお届けにあがりましたが不在のため持ち帰りました。こちらhttps://kuronekoyamato.top/xで確認", "https://kuronekoyamato.top/x"),
            ("ご確認ください：https://smbc-card.example.cn。", "https://smbc-card.example.cn"),
            ("詳しくはhttps://example.comにアクセス", "https://example.com"),
            ("Click herehttps://amaz0n.co.jp/login", "https://amaz0n.co.jp/login"),
            ("not a www link: awww.example.com is no start, www.example.org is", "www.example.org"),
            ("full-width dots: https://ａｍａｚｏｎ．co．jp/login", "https://ａｍａｚｏｎ．co．jp/login"),
            // Schemes in capitals, as some phones write them.
            ("HTTPS://AMAZ0N.CO.JP", "HTTPS://AMAZ0N.CO.JP"),
            // Two links: the first.
            ("https://one.example/a or https://two.example/b", "https://one.example/a"),
            // Addresses with credentials or a port stay whole.
            ("see http://user:pass@192.0.2.1:8080/x ok", "http://user:pass@192.0.2.1:8080/x"),
            ("sign in: https://www.amazon.co.jp@evil.example/signin", "https://www.amazon.co.jp@evil.example/signin"),
            // IDN hosts.
            ("偽サイト https://аррӏе.com/id", "https://аррӏе.com/id"),
            ("https://日本語.jp/", "https://日本語.jp/"),
        ] {
            assert_eq!(link_in(pasted), link, "{pasted}");
        }
    }

    #[test]
    fn defanged_addresses_from_bulletins() {
        for (pasted, link) in [
            ("hxxps://evil[.]example/login", "https://evil.example/login"),
            ("hXXp://evil(.)example", "http://evil.example"),
            ("phishing site: hxxps[:]//amaz0n-co-jp{.}top/ (do not open)", "https://amaz0n-co-jp.top/"),
            ("evil[dot]example[.]com", "evil.example.com"),
            ("https[://]evil[.]example", "https://evil.example"),
        ] {
            assert_eq!(link_in(pasted), link, "{pasted}");
        }
        assert_eq!(refang("https://example.com/a"), Cow::Borrowed("https://example.com/a"));
        assert_eq!(refang("https://example.com/xhxxpx"), "https://example.com/xhxxpx");
        // Most feed lines hold no mark: they are passed on as they are.
        assert_eq!(refang("https://x.example/index.php?x=1"), Cow::Borrowed("https://x.example/index.php?x=1"));
        assert_eq!(refang("https://example.com/(a)[b]{c}"), Cow::<str>::Borrowed("https://example.com/(a)[b]{c}"));
        assert_eq!(refang("HXXPS://evil[DOT]example(.)"), "httpS://evil.example.");
    }

    #[test]
    fn one_word_and_bare_domains() {
        for (pasted, link) in [
            ("  amaz0n.co.jp  ", "amaz0n.co.jp"),
            ("<amaz0n.co.jp>", "amaz0n.co.jp"),
            ("「amaz0n.co.jp」", "amaz0n.co.jp"),
            ("amaz0n.co.jp/login.", "amaz0n.co.jp/login"),
            // Not linked by the spec (no scheme, no www.), found as a word.
            ("ログインは amaz0n-jp.com/login から", "amaz0n-jp.com/login"),
            ("visit amaz0n-jp.com today", "amaz0n-jp.com"),
            // An IPv6 literal is no valid domain, but one word is passed on whole.
            ("http://[2001:db8::1]/x", "http://[2001:db8::1]/x"),
            ("\u{3000}https://ａｍａｚｏｎ.co.jp\u{3000}", "https://ａｍａｚｏｎ.co.jp"),
        ] {
            assert_eq!(link_in(pasted), link, "{pasted}");
        }
    }

    #[test]
    fn text_without_a_link_is_passed_on_for_a_clear_error() {
        for text in ["", "not a link at all", "write to support@amazon.co.jp please", "e.g. this", "see http:// nothing"] {
            assert_eq!(link_in(text), text.trim(), "{text}");
        }
    }

    #[test]
    fn hostile_pastes_stay_linear_and_whole() {
        let many = "https://a-".repeat(20_000);
        assert_eq!(link_in(&many), many.trim());
        let dots = ".".repeat(50_000);
        assert_eq!(link_in(&dots), "");
        let long = format!("x https://example.com/{} y", "a".repeat(100_000));
        assert_eq!(link_in(&long).len(), "https://example.com/".len() + 100_000);
    }
}
