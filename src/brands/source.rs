//! Reads `data/brands.tsv` (format described at its top) into rows, checking
//! it. Runs in build.rs, so a bad table is a build error naming the line; the
//! crate compiles it only for its tests.

use std::collections::HashSet;

use super::layout::ENGLISH_ONLY;

/// One brand as the table lists it.
#[derive(Debug, PartialEq, Eq)]
pub struct Row {
    /// Stable identifier.
    pub id: String,
    /// Every way people write it, the display name first; never empty.
    pub names: Vec<String>,
    /// Official registrable domains, each with its `~` (ordinary label) mark.
    pub domains: Vec<(String, bool)>,
    /// Host-name tokens, each with its `=` (strict) mark.
    pub tokens: Vec<(String, bool)>,
}

fn valid_host_text(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

/// A list item with its optional one-character mark (`~`, `=`) removed.
fn marked(item: &str, mark: char) -> (String, bool) {
    match item.strip_prefix(mark) {
        Some(rest) => (rest.to_string(), true),
        None => (item.to_string(), false),
    }
}

/// Parses the table; the error names the offending line.
pub fn parse(text: &str) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    let mut ids = HashSet::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |why: &str| format!("data/brands.tsv line {}: {why}: {line:?}", n + 1);
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, names, domains, tokens] = cols.as_slice() else { return Err(bad("want 4 columns")) };
        if rows.len() >= usize::from(u16::MAX) {
            return Err(bad("too many brands"));
        }
        if !ids.insert(*id) {
            return Err(bad("duplicate id"));
        }
        let names: Vec<String> = names.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
        if names.is_empty() {
            return Err(bad("no name"));
        }
        let english_only = names.iter().filter(|n| n.starts_with(ENGLISH_ONLY)).count();
        if names[0].starts_with(ENGLISH_ONLY) || english_only > 1 {
            return Err(bad("an English-only name must be one, and not the first"));
        }
        let domains: Vec<(String, bool)> = domains.split('|').map(|d| marked(d, '~')).collect();
        if domains.iter().any(|(d, _)| !valid_host_text(d) || !d.contains('.')) {
            return Err(bad("bad domain"));
        }
        let tokens: Vec<(String, bool)> = tokens.split('|').map(|t| marked(t, '=')).collect();
        if tokens.iter().any(|(t, _)| !valid_host_text(t) || t.contains('.')) {
            return Err(bad("bad token"));
        }
        rows.push(Row { id: id.to_string(), names, domains, tokens });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_tables_are_errors() {
        assert!(parse("x\tX\tx.com").is_err());
        assert!(parse("x\tX\tX.COM\tx").is_err());
        assert!(parse("x\tX\tx.com\tx y").is_err());
        assert!(parse("x\tX\tx.com\tx.y").is_err());
        assert!(parse("x\t \tx.com\tx").is_err());
        let dup = parse("x\tX\tx.com\tx\nx\tY\ty.com\ty").unwrap_err();
        assert!(dup.contains("line 2: duplicate id"), "{dup}");
        assert!(parse("x\ten:X\tx.com\tx").is_err(), "an English-only name first");
        assert!(parse("x\tX|en:Y|en:Z\tx.com\tx").is_err(), "two English-only names");
        assert!(parse("x\tX|en:Y\tx.com\tx").is_ok());
    }

    #[test]
    fn rows_keep_marks_and_order() {
        let rows = parse("# comment\n\nau\tau| au PAY |\t~au.com|kddi.com\t=au|aupay\n").unwrap();
        assert_eq!(
            rows,
            [Row {
                id: "au".into(),
                names: vec!["au".into(), "au PAY".into()],
                domains: vec![("au.com".into(), true), ("kddi.com".into(), false)],
                tokens: vec![("au".into(), true), ("aupay".into(), false)],
            }]
        );
    }
}
