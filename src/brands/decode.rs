//! Slices the brands out of the generated table text (`table.rs`), once per
//! process: one pass over its bytes, splitting at the separators, with no
//! checking or trimming left to do (build.rs did that) beyond putting back
//! the brand's first token where build.rs left it out (`emit.rs`); then
//! hashes the official domains.

use super::layout::{to_case, FIRST_TOKEN};
use super::table::{SPELLED_BYTES, TEXT, TOTALS};
use super::official::Official;
use super::{Brand, Domain, List, Token};

/// The brands, and every name, domain and token across them by number (as the
/// generated lookup tables number them) with the brand each belongs to.
#[derive(Debug)]
pub(super) struct Decoded {
    /// The brands, in table order.
    pub(super) brands: Vec<Brand>,
    /// Every name by number (the page-name list numbers them so).
    pub(super) names: &'static [&'static str],
    /// The brand of each name.
    pub(super) name_brand: Vec<u16>,
    /// Every official domain by number.
    pub(super) domains: &'static [Domain],
    /// The brand of each domain.
    pub(super) domain_brand: Vec<u16>,
    /// Official domain → its first listing's number.
    pub(super) official: Official,
    /// Every token by number (the token list numbers them so).
    pub(super) tokens: &'static [Token],
    /// The brand of each token.
    pub(super) token_brand: Vec<u16>,
}

/// The fields of TEXT in order, each with the separator that ends it.
struct Fields {
    /// Byte offset of the next field.
    at: usize,
}

impl Fields {
    /// The next field and whether a `|` ends it (more of the same list follows).
    fn next(&mut self) -> (&'static str, bool) {
        let bytes = TEXT.as_bytes();
        let start = self.at;
        let rest = bytes.get(start..).unwrap_or(&[]);
        let end = start + rest.iter().position(|&b| matches!(b, b'\t' | b'|' | b'\n')).unwrap_or(rest.len());
        self.at = end + 1;
        (TEXT.get(start..end).unwrap_or(""), bytes.get(end) == Some(&b'|'))
    }

    /// Calls `item` for each field of one `|`-separated list; says how many there were.
    fn list(&mut self, mut item: impl FnMut(&'static str)) -> usize {
        let mut count = 0;
        loop {
            let (field, more) = self.next();
            item(field);
            count += 1;
            if !more {
                return count;
            }
        }
    }
}

/// Room for the names and domains the text shortens, written out in full:
/// one allocation for all of them, kept for the life of the process.
struct Spelled(&'static mut [u8]);

impl Spelled {
    /// `token` in letter case `case` (`layout::to_case`) followed by `rest`.
    fn write(&mut self, token: &str, rest: &str, case: usize) -> &'static str {
        let len = token.len() + rest.len();
        if len > self.0.len() {
            // Never with the table build.rs counted for; still the right text.
            self.0 = vec![0; len].leak();
        }
        let (out, more) = std::mem::take(&mut self.0).split_at_mut(len);
        self.0 = more;
        let (head, tail) = out.split_at_mut(token.len());
        head.copy_from_slice(token.as_bytes());
        to_case(head, case);
        tail.copy_from_slice(rest.as_bytes());
        std::str::from_utf8(out).unwrap_or_default()
    }
}

/// `field` without its leading `mark`, and whether it had it.
fn unmark(field: &'static str, mark: u8) -> (&'static str, bool) {
    match field.as_bytes().first() == Some(&mark) {
        true => (field.get(1..).unwrap_or(""), true),
        false => (field, false),
    }
}

/// Slices `len` items from `all` at `*from`, moving `*from` past them.
fn part<T>(all: &'static [T], from: &mut usize, len: usize) -> List<T> {
    let start = *from;
    *from += len;
    List(all.get(start..*from).unwrap_or(&[]))
}

/// The brand table, decoded.
pub(super) fn decode() -> Decoded {
    let [brands, names, domains, tokens] = TOTALS;
    let mut fields = Fields { at: 0 };
    let mut spelled = Spelled(vec![0; SPELLED_BYTES].leak());
    let mut rows = Vec::with_capacity(brands);
    let (mut names, mut name_brand) = (Vec::with_capacity(names), Vec::with_capacity(names));
    let (mut domains, mut domain_brand) = (Vec::with_capacity(domains), Vec::with_capacity(domains));
    let (mut tokens, mut token_brand) = (Vec::with_capacity(tokens), Vec::with_capacity(tokens));
    while fields.at < TEXT.len() {
        let b = rows.len() as u16;
        let id = fields.next().0;
        let first_token = tokens.len();
        let t = fields.list(|field| {
            let (text, strict) = unmark(field, b'=');
            tokens.push(Token { text, strict });
            token_brand.push(b);
        });
        // What build.rs left out of the id, names and domains: the first token.
        let first = tokens.get(first_token).map_or("", |t: &Token| t.text);
        let id = if id.is_empty() { first } else { id };
        let n = fields.list(|name| {
            // `^`, `^^`, `^^^`: the first token in one of three letter cases.
            let marks = name.len();
            names.push(match name.bytes().all(|c| c == FIRST_TOKEN as u8) {
                true if marks == 1 => first,
                true if marks > 1 => spelled.write(first, "", marks),
                _ => name,
            });
            name_brand.push(b);
        });
        let d = fields.list(|field| {
            let (name, ordinary) = unmark(field, b'~');
            let name = match name.strip_prefix(FIRST_TOKEN) {
                Some(rest) => spelled.write(first, rest, 1),
                None => name,
            };
            domains.push(Domain { name, ordinary });
            domain_brand.push(b);
        });
        rows.push((id, [n, d, t]));
    }
    // Kept for the life of the process, as the statics they stand for.
    let names: &'static [&'static str] = names.leak();
    let domains: &'static [Domain] = domains.leak();
    let tokens: &'static [Token] = tokens.leak();
    let (mut n, mut d, mut t) = (0, 0, 0);
    let brands = rows
        .into_iter()
        .map(|(id, [nn, nd, nt])| {
            let names = part(names, &mut n, nn);
            Brand { id, name: names.first().copied().unwrap_or(id), names, domains: part(domains, &mut d, nd), tokens: part(tokens, &mut t, nt) }
        })
        .collect();
    let official = Official::new(domains);
    Decoded { brands, names, name_brand, domains, domain_brand, official, tokens, token_brand }
}
