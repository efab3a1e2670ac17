//! Unpacks the generated brand text (`table.rs`) into the brands, once per
//! process: one pass that slices the strings out of it, with no parsing,
//! checking or hashing left to do (build.rs did all that).

use super::layout::MARK;
use super::table::{COUNTS, LENGTHS, TEXT, TOTALS};
use super::{Brand, Domain, List, Token};

/// The brands, and every name, domain and token across them by number (as the
/// generated lookup tables number them) with the brand each belongs to.
#[derive(Debug)]
pub(super) struct Decoded {
    pub(super) brands: Vec<Brand>,
    pub(super) names: &'static [&'static str],
    pub(super) name_brand: Vec<u16>,
    pub(super) domains: &'static [Domain],
    pub(super) domain_brand: Vec<u16>,
    pub(super) tokens: &'static [Token],
    pub(super) token_brand: Vec<u16>,
}

/// Reads the strings of TEXT in order: each call gives the next one and its mark.
struct Strings {
    at: usize,
    next: usize,
}

impl Strings {
    fn take(&mut self, mask: u8) -> (&'static str, bool) {
        let length = LENGTHS.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        let end = self.at + usize::from(length & mask);
        let text = TEXT.get(self.at..end).unwrap_or("");
        self.at = end;
        (text, length & !mask != 0)
    }
}

/// Slices `len` items from `all` at `*from`, moving `*from` past them.
fn part<T>(all: &'static [T], from: &mut usize, len: u8) -> List<T> {
    let start = *from;
    *from += usize::from(len);
    List(all.get(start..*from).unwrap_or(&[]))
}

/// The brand table, decoded.
pub(super) fn decode() -> Decoded {
    let mut strings = Strings { at: 0, next: 0 };
    let mut ids = Vec::with_capacity(COUNTS.len());
    let (mut names, mut domains, mut tokens) = (Vec::with_capacity(TOTALS[0]), Vec::with_capacity(TOTALS[1]), Vec::with_capacity(TOTALS[2]));
    let (mut name_brand, mut domain_brand, mut token_brand) = (Vec::with_capacity(TOTALS[0]), Vec::with_capacity(TOTALS[1]), Vec::with_capacity(TOTALS[2]));
    for (b, &[n, d, t]) in COUNTS.iter().enumerate() {
        let b = b as u16;
        ids.push(strings.take(u8::MAX).0);
        for _ in 0..n {
            names.push(strings.take(u8::MAX).0);
            name_brand.push(b);
        }
        for _ in 0..d {
            let (name, ordinary) = strings.take(!MARK);
            domains.push(Domain { name, ordinary });
            domain_brand.push(b);
        }
        for _ in 0..t {
            let (text, strict) = strings.take(!MARK);
            tokens.push(Token { text, strict });
            token_brand.push(b);
        }
    }
    // Kept for the life of the process, as the statics they stand for.
    let names: &'static [&'static str] = names.leak();
    let domains: &'static [Domain] = domains.leak();
    let tokens: &'static [Token] = tokens.leak();
    let (mut n, mut d, mut t) = (0, 0, 0);
    let brands = ids
        .into_iter()
        .zip(COUNTS)
        .map(|(id, [nn, nd, nt])| {
            let names = part(names, &mut n, nn);
            Brand { id, name: names.first().copied().unwrap_or(id), names, domains: part(domains, &mut d, nd), tokens: part(tokens, &mut t, nt) }
        })
        .collect();
    Decoded { brands, names, name_brand, domains, domain_brand, tokens, token_brand }
}
