//! CSV lines: fields split at commas, with RFC 4180 double quotes (a quoted
//! field may hold commas and `""` for a quote). A quoted field that spans
//! lines is not joined: that record's lines are skipped as malformed.

/// Header names that mark the column holding the URL or domain.
const URL_HEADERS: &[&str] = &["url", "uri", "link", "phish_url", "phishing_url", "domain", "host", "hostname", "fqdn"];

/// Splits one CSV line into fields; `None` when a quote is left open.
pub fn fields(line: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if cur.trim().is_empty() => {
                cur.clear();
                quoted = true;
            }
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    if quoted {
        return None;
    }
    out.push(cur);
    Some(out)
}

/// The column of a header line that holds URLs or domains, if it is a header.
pub fn url_column(header: &[String]) -> Option<usize> {
    let names: Vec<String> = header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    URL_HEADERS.iter().find_map(|want| names.iter().position(|n| n == want))
}

/// Whether a line is a `rank,domain` row (Tranco and the like).
pub fn is_rank_row(cells: &[String]) -> bool {
    cells.len() == 2 && !cells[0].trim().is_empty() && cells[0].trim().bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(fields(r#"2024-01-01,"https://a.example/?q=1,2","Amazon ""JP""""#).unwrap(), ["2024-01-01", "https://a.example/?q=1,2", r#"Amazon "JP""#]);
        assert_eq!(fields("a,,b").unwrap(), ["a", "", "b"]);
        assert!(fields(r#"a,"open"#).is_none());
    }

    #[test]
    fn headers() {
        let h = fields("date,URL,description").unwrap();
        assert_eq!(url_column(&h), Some(1));
        assert_eq!(url_column(&fields("a,b").unwrap()), None);
        assert!(is_rank_row(&fields("12,example.com").unwrap()));
        assert!(!is_rank_row(&fields("rank,domain").unwrap()));
    }
}
