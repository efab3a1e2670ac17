//! Feed parsers. One entry point, [`parse`], detects the format from the text
//! itself and hands every candidate entry to a [`Sink`]; bad lines are counted,
//! never fatal. Formats: plain URL or domain lists, hosts files, CSV with a
//! header naming a URL column (JPCERT/CC `date,URL,description`), `rank,domain`
//! CSV (Tranco), and JSON objects with string arrays (MetaMask
//! eth-phishing-detect `blacklist`/`whitelist`, polkadot-js `deny`/`allow`).

mod csv;
mod json;

use super::{FeedError, Format, Role};

/// Where parsed entries go (the list builder).
pub trait Sink {
    /// One candidate entry as written in the feed (URL, domain, wildcard...).
    fn entry(&mut self, raw: &str) -> Result<(), FeedError>;
    /// One line or item that could not be read at all.
    fn bad(&mut self);
}

/// Addresses a hosts file points blocked names at.
const SINKHOLES: &[&str] = &["0.0.0.0", "127.0.0.1", "::1", "::", "0", "::0"];
/// Names hosts files list for the machine itself, ignored without counting.
const LOCAL_NAMES: &[&str] = &["localhost", "localhost.localdomain", "local", "broadcasthost", "ip6-localhost", "ip6-loopback", "0.0.0.0"];

/// Parses `text` (format detected) into `sink`, picking the JSON arrays that
/// fit `role`. Returns the format seen; `Err` for JSON that cannot be read or
/// has no array for the role, or when the sink refuses (too many entries).
pub fn parse(text: &str, role: Role, sink: &mut dyn Sink) -> Result<Format, FeedError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty() && !is_comment(l));
    let Some(first) = lines.next() else { return Err(FeedError::NoEntries { skipped: 0 }) };
    if first.starts_with('{') || first.starts_with('[') {
        return parse_json(text, role, sink);
    }
    let format = detect_lines(first);
    let mut csv_column = None;
    if format == Format::CsvUrl {
        csv_column = csv::fields(first).as_deref().and_then(csv::url_column);
    }
    let header_lines = usize::from(csv_column.is_some());
    for line in std::iter::once(first).chain(lines).skip(header_lines) {
        match format {
            Format::CsvUrl | Format::CsvRank => {
                let col = csv_column.unwrap_or(1);
                match csv::fields(line) {
                    Some(cells) if format == Format::CsvUrl || csv::is_rank_row(&cells) => match cells.get(col) {
                        Some(cell) => sink.entry(cell)?,
                        None => sink.bad(),
                    },
                    _ => sink.bad(),
                }
            }
            _ => plain_line(line, sink)?,
        }
    }
    Ok(format)
}

fn is_comment(line: &str) -> bool {
    line.starts_with('#') || line.starts_with('!') || line.starts_with("//") || line.starts_with(';')
}

/// The format of a line-based feed, from its first meaningful line.
fn detect_lines(first: &str) -> Format {
    if first.contains(',') {
        if let Some(cells) = csv::fields(first) {
            if csv::url_column(&cells).is_some() {
                return Format::CsvUrl;
            }
            if csv::is_rank_row(&cells) {
                return Format::CsvRank;
            }
        }
    }
    let mut tokens = first.split_whitespace();
    match (tokens.next(), tokens.next()) {
        (Some(ip), Some(_)) if SINKHOLES.contains(&ip) => Format::Hosts,
        _ if first.contains("://") => Format::Urls,
        _ => Format::Domains,
    }
}

/// One line of a plain list or hosts file: `entry`, or `sinkhole name...`,
/// with an optional trailing `# comment`.
fn plain_line(line: &str, sink: &mut dyn Sink) -> Result<(), FeedError> {
    let line = match line.find(" #").or_else(|| line.find("\t#")) {
        Some(i) => &line[..i],
        None => line,
    };
    let tokens: Vec<&str> = line.split_whitespace().collect();
    match tokens.as_slice() {
        [] => {}
        [one] if SINKHOLES.contains(one) || LOCAL_NAMES.contains(&one.to_ascii_lowercase().as_str()) => sink.bad(),
        [one] => sink.entry(one)?,
        [ip, names @ ..] if SINKHOLES.contains(ip) => {
            for name in names {
                if !LOCAL_NAMES.contains(&name.to_ascii_lowercase().as_str()) {
                    sink.entry(name)?;
                }
            }
        }
        _ => sink.bad(),
    }
    Ok(())
}

/// JSON feeds: the arrays under the keys that fit the role.
fn parse_json(text: &str, role: Role, sink: &mut dyn Sink) -> Result<Format, FeedError> {
    let arrays = json::string_arrays(text).map_err(FeedError::Json)?;
    let keys: &[&str] = match role {
        Role::Block => &["blacklist", "deny", ""],
        Role::Trust => &["whitelist", "allow", ""],
    };
    let format = if arrays.iter().any(|(k, ..)| matches!(k.as_str(), "blacklist" | "whitelist" | "fuzzylist")) {
        Format::JsonMetamask
    } else if arrays.iter().any(|(k, ..)| matches!(k.as_str(), "deny" | "allow")) {
        Format::JsonPolkadot
    } else {
        Format::JsonArray
    };
    let mut found = false;
    for (key, items, bad) in &arrays {
        if !keys.contains(&key.as_str()) {
            continue;
        }
        found = true;
        for item in items {
            sink.entry(item)?;
        }
        for _ in 0..*bad {
            sink.bad();
        }
    }
    if !found {
        let want = keys[..2].join("\" or \"");
        return Err(FeedError::Json(format!("no \"{want}\" array for a {} list", role.as_str())));
    }
    Ok(format)
}
