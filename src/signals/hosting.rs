//! Hosting: addresses that belong to a shared service's users rather than to the
//! service. Free hosting and app platforms, dynamic DNS, IPFS gateways, URL
//! shorteners and e-mail services' click trackers cost a scammer nothing and
//! leave no owner to trace, so phishing lives there; so do many honest hobby
//! sites, which is why these reasons only add weight and never decide alone.
//!
//! The curated table is `data/hosting.tsv`; the public suffix list's private
//! section (`Target::private_suffix`) adds every platform it knows.

use std::sync::OnceLock;

use super::suffix_hash::{hash, hash_step, HASH_START};
use super::words;
use crate::target::Target;
use crate::verdict::Reason;

/// What kind of shared service a host belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Free web hosting, site builders, app platforms.
    Hosting,
    /// Dynamic DNS: a free name pointing at any machine.
    DynamicDns,
    /// A gateway serving IPFS content by hash.
    IpfsGateway,
    /// A URL shortener: the link hides where it goes.
    Shortener,
    /// An e-mail service's click-tracking link (`u123.ct.sendgrid.net/ls/click`):
    /// like a shortener it hides where it goes, and scam mails sent through
    /// such services carry them.
    Tracker,
}

impl Kind {
    /// Whether the service's links are ids that hide where they lead, so the
    /// path is the service's own and says nothing about a scam kit.
    pub(crate) fn hides_destination(self) -> bool {
        matches!(self, Kind::Shortener | Kind::Tracker)
    }
}

/// One row of `data/hosting.tsv`.
#[derive(Clone, Copy, Debug)]
struct Service {
    suffix: &'static str,
    kind: Kind,
    /// User content sits in the path of the host itself, not in names under it.
    path: bool,
    /// The name under the suffix is an account whose name the service keeps for its owner.
    account: bool,
}

/// Where a host sits on a shared service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Platform {
    /// The service's suffix (`pages.dev`) or host (`sites.google.com`).
    pub suffix: &'static str,
    pub kind: Kind,
    /// Whether user names sit under `suffix` (so `suffix` acts as a public suffix).
    pub names_under: bool,
    /// Whether the user name is an account name the service keeps for its
    /// owner, so that a brand's exact name there is the brand's own site.
    pub account_named: bool,
}

const HOSTING_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/data/hosting.tsv"));

/// Parses `data/hosting.tsv` into a table keyed by the [`hash`] of each
/// suffix and sorted by it, for binary search. build.rs writes the rows in
/// that order, so the sort only confirms it. Malformed rows are a build-time
/// data error, caught by the tests.
fn parse(text: &'static str) -> Result<Vec<(u64, Service)>, String> {
    let mut table = Vec::new();
    // Split by byte scans (`words::split`), as `str::lines` and `split` with
    // the standard searcher cost more on short lines; the table is read on
    // the first check after a wake.
    for (n, line) in words::split(text, b'\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("data/hosting.tsv line {}: {}", n + 1, crate::quote::quoted(line));
        let mut cols = words::split(line, b'\t');
        let (Some(suffix), Some(kind), Some(matching), None) = (cols.next(), cols.next(), cols.next(), cols.next()) else {
            return Err(bad());
        };
        let kind = match kind {
            "hosting" => Kind::Hosting,
            "dynamic-dns" => Kind::DynamicDns,
            "ipfs-gateway" => Kind::IpfsGateway,
            "shortener" => Kind::Shortener,
            "tracker" => Kind::Tracker,
            _ => return Err(bad()),
        };
        let (path, account) = match matching {
            "sub" => (false, false),
            "account" => (false, true),
            "path" => (true, false),
            _ => return Err(bad()),
        };
        table.push((hash(suffix), Service { suffix, kind, path, account }));
    }
    crate::sort::sort_by_key(&mut table, |(h, _)| *h);
    // A suffix listed twice has one hash: its rows are in one run of equal hashes.
    let mut run = 0;
    for i in 1..=table.len() {
        if i < table.len() && table[i].0 == table[run].0 {
            continue;
        }
        let rows = &table[run..i];
        if let Some((_, (_, s))) = rows.iter().enumerate().find(|(j, (_, s))| rows[..*j].iter().any(|(_, t)| t.suffix == s.suffix)) {
            return Err(format!("data/hosting.tsv: {} is listed twice", s.suffix));
        }
        run = i;
    }
    Ok(table)
}

/// The parsed table, with where each run of rows whose hashes share their
/// top byte starts: a lookup reads the one or two rows of its run instead of
/// binary-searching all of them, as every check looks up several suffixes.
struct Table {
    rows: Vec<(u64, Service)>,
    /// `starts[b]..starts[b + 1]`: the rows whose hash has top byte `b`.
    starts: [u16; 257],
}

impl Table {
    fn new(rows: Vec<(u64, Service)>) -> Table {
        let mut starts = [0u16; 257];
        for &(h, _) in &rows {
            starts[usize::from(top_byte(h)) + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        Table { rows, starts }
    }

    /// The rows whose hash has the top byte of `h`.
    fn run(&self, h: u64) -> &[(u64, Service)] {
        let b = usize::from(top_byte(h));
        self.rows.get(usize::from(self.starts[b])..usize::from(self.starts[b + 1])).unwrap_or(&[])
    }
}

fn top_byte(h: u64) -> u8 {
    (h >> 56) as u8
}

/// The parsed table, built on first use (a table too long for the index,
/// which no real data file is, is left empty).
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| Table::new(parse(HOSTING_TSV).ok().filter(|rows| rows.len() <= usize::from(u16::MAX)).unwrap_or_default()))
}

/// Whether `host` is a shared service's own name (`weebly.com`,
/// `www.weebly.com`), whose users' sites sit under it: a rule that covers it
/// with its subdomains would cover every user.
pub(crate) fn is_platform_host(host: &str) -> bool {
    find(host.strip_prefix("www.").unwrap_or(host)).is_some_and(|s| !s.path)
}

/// The listed service with exactly this suffix.
fn find(suffix: &str) -> Option<Service> {
    find_hashed(suffix, hash(suffix))
}

/// The listed service with exactly this suffix, whose [`hash`] is `h`.
fn find_hashed(suffix: &str, h: u64) -> Option<Service> {
    table().run(h).iter().filter(|(k, _)| *k == h).map(|(_, s)| *s).find(|s| s.suffix == suffix)
}

/// The shared service `t`'s host belongs to, from the curated table: the longest
/// listed suffix under which the host names a user's site (`abc.pages.dev`, not
/// `pages.dev` or `www.pages.dev`), or a path-hosting host with a path.
pub(super) fn platform(t: &Target) -> Option<Platform> {
    let host = t.url.host.as_str();
    // Candidate suffixes start after each dot; every listed suffix has at least
    // two labels, so the last dot (before the TLD) starts none.
    let last_dot = host.bytes().rposition(|b| b == b'.')?;
    // From the right, each candidate's hash extends the one before it; the
    // longest listed suffix (the leftmost start) is the one that counts.
    let (mut h, mut longest) = (HASH_START, None);
    for (i, &b) in host.as_bytes().iter().enumerate().rev() {
        h = hash_step(h, b);
        let start = i == 0 || host.as_bytes()[i - 1] == b'.';
        if start && i <= last_dot {
            if let Some(s) = find_hashed(&host[i..], h) {
                longest = Some((i, s));
            }
        }
    }
    let (start, s) = longest?;
    let prefix = host[..start].trim_end_matches('.');
    let user = !prefix.is_empty() && prefix != "www";
    let found = if s.path { !user && has_content_path(t) } else { user };
    found.then_some(Platform { suffix: s.suffix, kind: s.kind, names_under: !s.path, account_named: s.account })
}

/// Whether the URL points at something below the host's front page.
fn has_content_path(t: &Target) -> bool {
    t.url.path.len() > 1 || t.url.query.as_deref().is_some_and(|q| !q.is_empty())
}

/// An IPFS address served from any host: a `/ipfs/` or `/ipns/` path, or a
/// CIDv1 (base32, `baf...`) as a host label.
fn ipfs_content(t: &Target) -> bool {
    let path = t.url.path.as_str();
    let in_path = ["/ipfs/", "/ipns/"].iter().any(|p| path.len() > p.len() + 10 && path.starts_with(p));
    in_path
        || t.url.host.len() >= 50 && t.url.host.split('.').any(|l| {
            l.len() >= 50 && l.starts_with("baf") && l.bytes().all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b))
        })
}

/// Appends the hosting reasons for `t`, whose platform ([`platform`]) the
/// caller looked up once for every signal family that asks.
pub(super) fn signals(t: &Target, found: Option<Platform>, out: &mut Vec<Reason>) {
    if t.ip {
        return;
    }
    if ipfs_content(t) || found.is_some_and(|p| p.kind == Kind::IpfsGateway) {
        out.push(Reason::new("ipfs"));
        return;
    }
    match found {
        Some(p) => {
            let code = match p.kind {
                Kind::Hosting => "free-hosting",
                Kind::DynamicDns => "dynamic-dns",
                Kind::Shortener => "url-shortener",
                Kind::Tracker => "link-tracker",
                Kind::IpfsGateway => "ipfs",
            };
            out.push(Reason::new(code).detail(p.suffix));
        }
        // A platform only the public suffix list knows: the site is the user's.
        None if t.private_suffix && t.site.as_deref().is_some_and(|s| !s.starts_with("www.")) => {
            out.push(Reason::new("free-hosting").detail(t.suffix().to_string()));
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_without_duplicates() {
        let table = parse(HOSTING_TSV).expect("data/hosting.tsv parses");
        assert!(table.len() > 100);
        assert!(table.iter().all(|(_, s)| s.suffix.contains('.') && s.suffix == s.suffix.to_ascii_lowercase()));
        assert!(table.iter().all(|(_, s)| find(s.suffix).is_some_and(|f| f.suffix == s.suffix)));
        assert!(table.windows(2).all(|w| w[0].0 <= w[1].0), "sorted by hash");
        assert!(find("example.com").is_none());
    }

    #[test]
    fn bad_rows_are_errors() {
        assert!(parse("x.example\thosting\n").is_err());
        assert!(parse("x.example\tfree\tsub\n").is_err());
        assert!(parse("x.example\thosting\tsub\nx.example\thosting\tsub\n").is_err());
        assert!(parse("x.example\thosting\tsub\ny.example\thosting\tsub\nx.example\tshortener\tpath\n").is_err());
        assert!(parse("y.example\thosting\tsub\nx.example\thosting\tsub\n").is_ok_and(|t| t.len() == 2));
    }
}
