//! Lookalike registrable domains: a brand's official domain label typed wrong
//! (one keyboard slip, a swapped pair, a flipped bit), drawn with confusable
//! characters, glued to its suffix, or moved to another TLD.
//!
//! Built once from the brand table: maps from official labels, from their
//! skeletons, and from every skeleton with one character deleted (a deletion
//! neighbourhood). A candidate label then costs about one hash lookup per
//! character, whatever the number of brands. Kinds with their own index live
//! beside it: two letters drawn for one (`pairs`), three-letter labels
//! (`short`), two slips in long labels (`two_slips`).

mod keys;
mod pairs;
mod short;
mod table;
mod two_slips;

use std::sync::OnceLock;

use super::skeleton::{fold_letters, Skeleton};
use crate::brands::{self, Brand, Brands, Domain, FxMap};
use keys::{poly, poly_step, KeyList, Keys};
use short::ShortLabels;
use table::{Filter, Table};
use two_slips::TwoSlips;

/// What kind of lookalike a label is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The brand's exact label under another suffix (`smbc-card.hr`).
    TldSwap,
    /// Reads exactly as the brand's label (`аррӏе`, `arnazon`, `paypa1`).
    Confusable,
    /// Near-identical: a long label with one slip people do not notice (a
    /// swapped pair, a doubled or dropped double letter, a neighbouring key), a
    /// hyphen moved, the suffix glued on (`smtbjp.com`) or the label split
    /// (`am.azon.co.jp`).
    NearIdentical,
    /// One plausible typing slip away, on a label short enough that honest
    /// sites live nearby (`amazpn`, `mercair`).
    Typo,
    /// One flipped bit away (`amazgn.net`).
    Bitsquat,
    /// One flipped bit away, under a suffix the brand uses with that label
    /// (`amazgn.com`): how bitsquats are registered, rarely an honest name.
    BitsquatSameSuffix,
    /// Two slips in a label long enough to have no honest neighbours that far
    /// (`americanexpzzess`, `myeiherwollet`).
    TwoSlips,
    /// Reads as the brand's label once letters that only roughly resemble
    /// each other are merged (`c`/`e`, `n`/`m`, `d`/`b`) and doubled letters
    /// collapsed (`gnall`, `grrail`): looser than a confusable, so it only adds weight.
    Loose,
}

/// A lookalike found: the kind, and the official domain it imitates.
#[derive(Clone, Copy, Debug)]
pub struct Lookalike {
    pub kind: Kind,
    pub brand: &'static Brand,
    pub domain: &'static str,
}

struct Entry {
    brand: u16,
    domain: &'static str,
    label: &'static str,
}

/// The precomputed lookalike index over every official domain.
pub struct Index {
    brands: &'static Brands,
    entries: Vec<Entry>,
    by_label: FxMap<&'static str, u32>,
    /// The labels without hyphens, entry by entry.
    plain: Keys,
    /// The labels' skeletons, entry by entry.
    skeletons: Keys,
    /// Official domains with the dots removed (`amazoncojp`), keyed by hash
    /// (the first entry of each), behind a filter: most labels miss.
    glued: Table,
    glued_filter: Filter,
    /// Skeletons of long everyday-word official labels, each once, with
    /// (brand, domain).
    ordinary_skeletons: Vec<(String, u16, &'static str)>,
    /// [`poly_step`] hash of each of `ordinary_skeletons` → its place: a
    /// check looks its skeleton up by its bytes (the map type is the one
    /// `loose` has, which costs the wasm nothing more).
    ordinary_by_hash: FxMap<u64, u32>,
    /// Loose key of each official label long enough for it → entry. The
    /// loose key is the [`merge_key`] of the label's single-character folds
    /// ([`fold_letters`], Unicode look-alikes included), so `grrail`, `gnall`
    /// and `gmail` meet. The pair folds of skeletons (`lc`→`k`) are left out:
    /// they would split `googlc` from `google` (`loose_pairs` is the key for
    /// the lookalikes that need them).
    loose: FxMap<u64, u32>,
    /// [`merge_key`] hash of each such label's [`pair_skeleton`] → entry: the
    /// loose merges on top of the pair folds (`fecllex`, `srnbc`, `softbanle`).
    loose_pairs: FxMap<u64, u32>,
    /// Skeletons of labels too short or too ordinary for any other lookalike
    /// (`ups`, `au`, `live`) → (brand, domain): matched by labels written
    /// with non-ASCII letters (`ȕpś`, `lìve`), which cannot be honest spellings
    /// of them, and by ASCII ones of three letters or more under the brand's
    /// own ending (`c1ti.com`, `dhi.com`). (Digits for letters under any
    /// ending were tried: `1cdn` is an honest name.)
    disguised_only: FxMap<String, (u16, &'static str)>,
    /// Three-letter labels, for one letter appended or doubled.
    short: ShortLabels,
    /// The long plain labels, for two slips.
    plain_two: TwoSlips,
    /// The long labels' skeletons, for two slips among look-alike letters.
    skeletons_two: TwoSlips,
}

/// Shortest everyday-word label (`outlook`, `office`) whose exact
/// confusables are dangerous; shorter ones only call for caution, under the
/// brand's own ending.
const ORDINARY_MIN: usize = 6;
/// Shortest official label whose loose key is distinctive enough to match on.
const LOOSE_MIN: usize = 5;
/// Shortest skeleton whose [`merge_key`] is matched: pair folds on top of the
/// merges let five-letter keys meet ordinary words (`connect`, `eonet`).
const LOOSE_PAIRS_MIN: usize = 6;
/// Shortest brand key on which two letters drawn for one may come with one
/// further slip.
const PAIR_SLIP_MIN: usize = 6;
/// How much longer or shorter than the brand's label a loose lookalike may be.
const LOOSE_LEN_SLACK: usize = 1;

/// The letter a hurried reader takes `b` for (`c`→`e`, `d`→`b`, `n` and
/// `r`→`m`, `z`→`s`), for each ASCII byte: looked up rather than matched,
/// which halves [`merge_key`]'s cost a letter.
const MERGED: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'c' => b'e',
            b'd' => b'b',
            b'n' | b'r' => b'm',
            b'z' | b'2' => b's',
            folded => folded,
        };
        b += 1;
    }
    table
};

/// Merges the letters a hurried reader takes for one another ([`MERGED`])
/// in already folded letters, collapses runs of one letter, and hashes the
/// result; with the length before collapsing. `None` when too short to be
/// distinctive.
fn merge_key(letters: &[u8]) -> Option<(u64, usize)> {
    // Hashed as it is built ([`poly_step`] a letter): no buffer.
    let (mut hash, mut n, mut last) = (0u64, 0usize, 0u8);
    for &b in letters {
        let m = MERGED.get(usize::from(b)).copied().unwrap_or(b);
        if n > 0 && last == m {
            continue;
        }
        hash = poly_step(hash, m);
        last = m;
        n += 1;
    }
    (n >= LOOSE_MIN - 1).then_some((hash, letters.len()))
}

/// The skeleton of folded letters with `e` read as `c`, so that the pair
/// folds see `le` as `lc` (`k`) and `el` as `cl` (`d`): a look-alike of a
/// look-alike (`softbanle`, `elropbox`), which only the loose merges (where
/// `c` and `e` are one letter anyway) compare. `None` when no `e` touches an
/// `l`: the skeleton itself then serves.
fn pair_skeleton(letters: &[u8; 128], n: usize) -> Option<Skeleton> {
    let touches = letters[..n].windows(2).any(|w| matches!(w, [b'e', b'l'] | [b'l', b'e']));
    if !touches {
        return None;
    }
    let mut read = *letters;
    for b in &mut read[..n] {
        if *b == b'e' {
            *b = b'c';
        }
    }
    Skeleton::of_folded(read, n)
}

/// The index for the built-in brand table, built on first use.
pub fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::build(brands::builtin()))
}

/// Shortest official label that yields TLD-swap and confusable lookalikes;
/// typo lookalikes need one more character.
const MIN_LABEL: usize = 4;

/// Labels at least this long are distinctive enough that one unnoticed slip
/// makes a near-identical (dangerous) lookalike.
const LONG_LABEL: usize = 8;

impl Index {
    fn build(brands: &'static Brands) -> Index {
        // Maps sized once: there are at most as many entries as domains.
        let domains = brands.all().iter().map(|b| b.domains.len()).sum();
        let mut entries = Vec::with_capacity(domains);
        let mut by_label = FxMap::with_capacity_and_hasher(domains, Default::default());
        let (mut glued, mut glued_filter) = (Table::with_capacity(domains), Filter::with_capacity(domains));
        let mut loose = FxMap::with_capacity_and_hasher(domains, Default::default());
        let mut loose_pairs = FxMap::with_capacity_and_hasher(domains, Default::default());
        let (mut ordinary_skeletons, mut ordinary_by_hash) = (Vec::new(), FxMap::default());
        let mut disguised_only = FxMap::default();
        let mut short = ShortLabels::default();
        let (mut plain_keys, mut skeleton_keys) = (KeyList::default(), KeyList::default());
        let (mut plain_two, mut skeletons_two) = (TwoSlips::default(), TwoSlips::default());
        let mut plain = String::new();
        for (b, brand) in brands.all().iter().enumerate() {
            for domain in &brand.domains {
                let label = domain.label();
                // Folded once, for the skeleton and the loose key.
                let mut letters = [0u8; 128];
                let Some(folded) = fold_letters(label, &mut letters) else { continue };
                let Some(skeleton) = Skeleton::of_folded(letters, folded) else { continue };
                let skel = skeleton.as_str();
                if label.len() >= 2 && (label.len() < MIN_LABEL || skel.len() < MIN_LABEL || domain.ordinary) {
                    disguised_only.entry(skel.to_string()).or_insert((b as u16, domain.name));
                }
                if !domain.ordinary {
                    short.add(label, b as u16, domain.name);
                }
                if label.len() < MIN_LABEL || skel.len() < MIN_LABEL {
                    continue;
                }
                if domain.ordinary {
                    // Everyday words (`outlook`, `office`) yield only exact
                    // confusables, and only when long enough to be distinctive.
                    if label.len() >= ORDINARY_MIN {
                        let at = ordinary_skeletons.len() as u32;
                        if *ordinary_by_hash.entry(poly(skel.bytes())).or_insert(at) == at {
                            ordinary_skeletons.push((skel.to_string(), b as u16, domain.name));
                        }
                    }
                    continue;
                }
                let e = entries.len() as u32;
                plain.clear();
                plain.extend(label.chars().filter(|&c| c != '-'));
                entries.push(Entry { brand: b as u16, domain: domain.name, label });
                // A label that repeats an earlier entry's (`amazon` of
                // amazon.com, amazon.de, ...) gets its keys but no index of
                // its own: every lookup judges an entry by its label alone and
                // stops at the first it accepts, so the earlier entry answers
                // for both (a fifth of the entries, and the longest chains).
                let first = *by_label.entry(label).or_insert(e) == e;
                plain_keys.push(&plain, first);
                skeleton_keys.push(skel, first);
                let hash = hash_undotted(0, domain.name);
                glued.insert(hash, e, true);
                glued_filter.add(hash);
                if !first {
                    continue;
                }
                plain_two.add(&plain, e);
                skeletons_two.add(skel, e);
                if plain.len() >= LOOSE_MIN {
                    if let Some((key, _)) = merge_key(&letters[..folded]) {
                        loose.entry(key).or_insert(e);
                    }
                    let pairs = pair_skeleton(&letters, folded);
                    let pairs = pairs.as_ref().map_or(skel.as_bytes(), Skeleton::as_bytes);
                    if let Some((key, _)) = merge_key(pairs).filter(|_| skel.len() >= LOOSE_PAIRS_MIN) {
                        loose_pairs.entry(key).or_insert(e);
                    }
                }
            }
        }
        Index {
            brands,
            entries,
            by_label,
            plain: Keys::new(plain_keys),
            skeletons: Keys::new(skeleton_keys),
            glued,
            glued_filter,
            ordinary_skeletons,
            ordinary_by_hash,
            loose,
            loose_pairs,
            disguised_only,
            short,
            plain_two,
            skeletons_two,
        }
    }

    fn found(&self, kind: Kind, e: u32) -> Lookalike {
        let entry = &self.entries[e as usize];
        Lookalike { kind, brand: &self.brands.all()[usize::from(entry.brand)], domain: entry.domain }
    }

    /// Judges one registrable label. `raw` is its ASCII form (maybe punycode),
    /// `readable` the form people read; `site` the whole registrable domain,
    /// which the caller has already found not to be official.
    pub fn check(&self, raw: &str, readable: &str, site: &str) -> Option<Lookalike> {
        // The site's public suffix (`de` of `amazom.de`); empty when `site` is not `raw` and a suffix.
        let ending = site.strip_prefix(raw).and_then(|s| s.strip_prefix('.')).unwrap_or("");
        let mut found = self.check_label(raw, readable, site, ending)?;
        // Named after the brand's site under the same ending when it has one
        // (`amazom.de` imitates amazon.de, not the first domain listed).
        let label = found.domain.split('.').next().unwrap_or("");
        if found.kind != Kind::TldSwap && !ending.is_empty() {
            let same_ending = |d: &&Domain| d.name.strip_prefix(label).and_then(|s| s.strip_prefix('.')) == Some(ending);
            if let Some(d) = found.brand.domains.iter().find(same_ending) {
                found.domain = d.name;
            }
        }
        Some(found)
    }

    /// The brand whose registrable label `word` (a hyphen-free part of a
    /// label) reads as exactly in other letters (`teiegram`, `vvhatsapp`):
    /// only the confusable reading of [`Index::check`], with no typo or
    /// ending to judge, for the words a label is made of.
    pub fn confusable_word(&self, word: &str) -> Option<&'static Brand> {
        let mut letters = [0u8; 128];
        let folded = fold_letters(word, &mut letters)?;
        let skeleton = Skeleton::of_folded(letters, folded)?;
        let skel = skeleton.as_bytes();
        if skel.len() < MIN_LABEL {
            return None;
        }
        if let Some(e) = self.skeletons.exact_match(skel).filter(|&e| not_shorter(word, self.plain.key(e))) {
            return (word.as_bytes() != self.plain.key(e)).then(|| self.found(Kind::Confusable, e).brand);
        }
        // An everyday-word name (`office`, `outlook`) written in other
        // letters (`0ffice`) is a disguise even where the word itself is not.
        self.ordinary_confusable(skel, word).map(|l| l.brand)
    }

    /// The short or ordinary brand label (`ups`, `live`) whose skeleton is
    /// `skel`, when `plain` is another spelling of it no shorter than it and
    /// `accept` takes the brand's label; as a confusable.
    fn disguised(&self, skel: &str, plain: &str, accept: impl Fn(&str) -> bool) -> Option<Lookalike> {
        let &(b, domain) = self.disguised_only.get(skel)?;
        accept(domain.split('.').next().unwrap_or("")).then(|| self.other_spelling(b, domain, plain)).flatten()
    }

    /// The everyday-word brand label (`outlook`, kept apart from the typo
    /// keys) that `plain` reads as exactly in other letters, `skel` being
    /// its skeleton; `None` for the word itself.
    fn ordinary_confusable(&self, skel: &[u8], plain: &str) -> Option<Lookalike> {
        let ordinary = self.ordinary_by_hash.get(&poly(skel.iter().copied())).and_then(|&i| self.ordinary_skeletons.get(i as usize));
        let &(_, b, domain) = ordinary.filter(|(k, ..)| k.as_bytes() == skel)?;
        self.other_spelling(b, domain, plain)
    }

    /// `plain` (a label without its hyphens, read as brand `b`'s label in
    /// `domain`) as a confusable of it: another spelling, no shorter than the
    /// brand's label without its hyphens; `None` for that label itself.
    fn other_spelling(&self, b: u16, domain: &'static str, plain: &str) -> Option<Lookalike> {
        let mut official_buf = None;
        let official = without_hyphens(domain.split('.').next().unwrap_or(""), &mut official_buf);
        (plain != official && not_shorter(plain, official.as_bytes()))
            .then(|| Lookalike { kind: Kind::Confusable, brand: &self.brands.all()[usize::from(b)], domain })
    }

    /// [`Index::check`] before the imitated domain is matched to the ending
    /// (`suffix`, the site's public suffix).
    fn check_label(&self, raw: &str, readable: &str, site: &str, suffix: &str) -> Option<Lookalike> {
        if let Some(&e) = self.by_label.get(raw) {
            return Some(self.found(Kind::TldSwap, e));
        }
        if let Some(e) = self.glued_match(raw, site) {
            return Some(self.found(Kind::NearIdentical, e));
        }
        // Folded once, for the skeleton and the loose key.
        let mut letters = [0u8; 128];
        let folded = fold_letters(readable, &mut letters)?;
        let skeleton = Skeleton::of_folded(letters, folded)?;
        let skel = skeleton.as_bytes();
        let mut plain_buf = None;
        let plain = without_hyphens(readable, &mut plain_buf);
        // Whether a brand owns `label` under this very suffix (`visa` for
        // `vis.com`): short labels are only typo'd when kept under it.
        let owned = |label: &str| !suffix.is_empty() && self.official_under(label, suffix);
        if !readable.is_ascii() {
            if let Some(found) = self.disguised(skeleton.as_str(), plain, |_| true) {
                return Some(found);
            }
        }
        if let Some((b, domain)) = self.short.find(plain.as_bytes(), owned) {
            return Some(Lookalike { kind: Kind::Typo, brand: &self.brands.all()[usize::from(b)], domain });
        }
        // In plain letters (`c1ti.com`, `brno.com`), a short or ordinary
        // label only under the brand's own ending, where such a name is rarely
        // anyone else's, and as a look-alike rather than beyond doubt.
        let plain_disguise = || {
            self.disguised(skeleton.as_str(), plain, |official| official.len() >= 3 && owned(official))
                .map(|found| Lookalike { kind: Kind::Loose, ..found })
        };
        if skel.len() < MIN_LABEL {
            return plain_disguise();
        }
        if let Some(e) = self.skeletons.exact_match(skel).filter(|&e| not_shorter(plain, self.plain.key(e))) {
            let same_letters = plain.as_bytes() == self.plain.key(e);
            return Some(self.found(if same_letters { Kind::NearIdentical } else { Kind::Confusable }, e));
        }
        if let Some(found) = self.ordinary_confusable(skel, plain) {
            return Some(found);
        }
        // Longer everyday-word labels were read as confusables just above.
        if skel.len() < ORDINARY_MIN {
            if let Some(found) = plain_disguise() {
                return Some(found);
            }
        }
        let same_suffix = |e: u32| owned(self.entries[e as usize].label);
        let mut best = None;
        if plain.is_ascii() {
            self.plain.one_edit(plain.as_bytes(), |e, key| {
                best = judge(key, plain.as_bytes(), raw.as_bytes(), self.entries[e as usize].label, || same_suffix(e)).map(|k| self.found(k, e));
                best.is_some()
            });
        }
        // Look-alike characters plus a slip: compare what people see. A label
        // one plain edit from the brand's was judged above: its skeleton must
        // not turn a rejected slip into an accepted one (`bling`, `bing`).
        if best.is_none() && skel != plain.as_bytes() {
            self.skeletons.one_edit(skel, |e, key| {
                if edit(self.plain.key(e), plain.as_bytes()).is_some() {
                    return false;
                }
                best = judge(key, skel, raw.as_bytes(), self.entries[e as usize].label, || same_suffix(e))
                    .map(|k| self.found(if matches!(k, Kind::Bitsquat | Kind::BitsquatSameSuffix) { Kind::Typo } else { k }, e));
                best.is_some()
            });
        }
        if best.is_none() {
            if let Some((key, len)) = merge_key(&letters[..folded]).filter(|&(_, len)| len >= LOOSE_MIN) {
                // Collapsing runs must not hide extra length (`gooooogle`).
                let close = |e: u32| len.abs_diff(self.plain.key(e).len()) <= LOOSE_LEN_SLACK;
                best = self.loose.get(&key).filter(|&&e| close(e)).map(|&e| self.found(Kind::Loose, e));
            }
        }
        // Too short for a loose key: no second skeleton to make.
        let pairs = if best.is_none() && folded >= LOOSE_MIN { pair_skeleton(&letters, folded) } else { None };
        if best.is_none() && (skel != plain.as_bytes() || pairs.as_ref().is_some_and(|p| p.as_bytes().len() < folded)) {
            let pairs = pairs.as_ref().map_or(skel, Skeleton::as_bytes);
            if let Some((key, len)) = merge_key(pairs).filter(|&(_, len)| len >= LOOSE_MIN) {
                let close = |e: u32| len.abs_diff(self.skeletons.key(e).len()) <= LOOSE_LEN_SLACK;
                best = self.loose_pairs.get(&key).filter(|&&e| close(e)).map(|&e| self.found(Kind::Loose, e));
            }
        }
        if best.is_none() && plain.is_ascii() {
            // Two letters drawn for one, alone or with one slip more.
            pairs::each_contraction(plain.as_bytes(), |v| {
                if let Some(e) = self.plain.exact_match(v) {
                    best = Some(self.found(Kind::Loose, e));
                    return true;
                }
                // The further slip only on labels long enough to stay distinctive (`bling` is no `bing`).
                if v.len() + 1 < PAIR_SLIP_MIN {
                    return false;
                }
                self.plain.one_edit(v, |e, key| {
                    if key.len() < PAIR_SLIP_MIN {
                        return false;
                    }
                    let kind = judge(key, v, v, self.entries[e as usize].label, || same_suffix(e));
                    if matches!(kind, Some(Kind::NearIdentical | Kind::Typo)) {
                        best = Some(self.found(Kind::Loose, e));
                    }
                    best.is_some()
                });
                best.is_some()
            });
        }
        if best.is_none() && plain.is_ascii() {
            let key_of = |e: u32| self.plain.key(e);
            best = self.plain_two.find(plain.as_bytes(), key_of, |_| true).map(|e| self.found(Kind::TwoSlips, e));
        }
        if best.is_none() && skel != plain.as_bytes() {
            let key_of = |e: u32| self.skeletons.key(e);
            best = self.skeletons_two.find(skel, key_of, |_| true).map(|e| self.found(Kind::TwoSlips, e));
        }
        best
    }

    /// Whether `label.suffix` is an official domain, built on the stack.
    /// Official domains are short: a longer name cannot be one.
    fn official_under(&self, label: &str, suffix: &str) -> bool {
        let mut buf = [0u8; 256];
        let n = label.len() + 1 + suffix.len();
        if n > buf.len() {
            return false;
        }
        buf[..label.len()].copy_from_slice(label.as_bytes());
        buf[label.len()] = b'.';
        buf[label.len() + 1..n].copy_from_slice(suffix.as_bytes());
        std::str::from_utf8(&buf[..n]).is_ok_and(|site| self.brands.official(site).is_some())
    }

    /// `smtbjp.com`, `paypayne.jp`, `saisoncardco.jp`: an official domain with
    /// its dots removed.
    fn glued_match(&self, raw: &str, site: &str) -> Option<u32> {
        let label = hash_undotted(0, raw);
        // The site is the label and its suffix: its hash goes on from the label's.
        let whole = match site.strip_prefix(raw) {
            Some(suffix) => hash_undotted(label, suffix),
            None => hash_undotted(0, site),
        };
        self.glued_get(raw, label).or_else(|| self.glued_get(site, whole))
    }

    /// The entry whose official domain, undotted, equals `text` undotted;
    /// `hash` is [`hash_undotted`] of `text`.
    fn glued_get(&self, text: &str, hash: u64) -> Option<u32> {
        if !self.glued_filter.may_have(hash) {
            return None;
        }
        let e = self.glued.first(hash)?;
        let official = self.entries[e as usize].domain.bytes().filter(|&b| b != b'.');
        official.eq(text.bytes().filter(|&b| b != b'.')).then_some(e)
    }

    /// A subdomain split (`am.azon.co.jp`): the whole host glued equals an
    /// official domain glued, while the registrable domain is not official.
    pub fn split_match(&self, host: &str) -> Option<Lookalike> {
        self.glued_get(host, hash_undotted(0, host)).map(|e| self.found(Kind::NearIdentical, e))
    }
}

/// Whether `cand` has at least as many characters as the official label
/// `brand`. Look-alike spellings are as long or longer (`rn` for `m`, `cl`
/// for `d`); a shorter label only meets the brand's skeleton because a pair
/// fold ate the brand's own letters (`picpay` reads `pkpay`), which is no
/// disguise: such labels are left to the typo rules.
fn not_shorter(cand: &str, brand: &[u8]) -> bool {
    cand.chars().count() >= brand.len()
}

/// The polynomial hash ([`poly_step`] a byte) of `text` with its dots
/// removed, without allocating, going on from `hash` (0: from the start), as
/// if `text` followed what `hash` hashed.
fn hash_undotted(hash: u64, text: &str) -> u64 {
    text.bytes().filter(|&b| b != b'.').fold(hash, poly_step)
}

/// Room for a label without its hyphens, once [`fold_letters`] has accepted
/// it: at most 128 characters, of at most four bytes each.
const PLAIN_MAX: usize = 512;

/// `text` without hyphens, written into `buf` only when it has any (most
/// labels have none, and then no buffer is cleared either).
fn without_hyphens<'a>(text: &'a str, buf: &'a mut Option<[u8; PLAIN_MAX]>) -> &'a str {
    if !text.as_bytes().contains(&b'-') {
        return text;
    }
    let buf = buf.insert([0u8; PLAIN_MAX]);
    let mut n = 0;
    for b in text.bytes().filter(|&b| b != b'-').take(PLAIN_MAX) {
        buf[n] = b;
        n += 1;
    }
    // Dropping an ASCII byte keeps UTF-8 valid; only a label too long for
    // `buf` (which the callers rule out) could be cut inside a character.
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

/// Classifies `cand` against the brand key `brand` (both plain or both
/// skeletons); `None` when the edit is not one a lookalike would make.
fn judge(brand: &[u8], cand: &[u8], raw: &[u8], label: &str, same_suffix: impl Fn() -> bool) -> Option<Kind> {
    let e = edit(brand, cand)?;
    let len = brand.len();
    let unnoticed = match e {
        Edit::Transpose => true,
        Edit::Substitute { from, to, .. } => looks_alike(from, to) || keyboard_neighbours(from).contains(&to),
        Edit::Insert { at, byte } => at.checked_sub(1).map(|i| brand[i]) == Some(byte) || brand.get(at) == Some(&byte),
        Edit::Omit { at } => brand.get(at + 1) == Some(&brand[at]) || (at > 0 && brand[at - 1] == brand[at]),
    };
    if len >= LONG_LABEL && unnoticed {
        return Some(Kind::NearIdentical);
    }
    // A slip the typo rules accept is a typo even when it is also a flipped
    // bit (`myetherwellet`: a vowel, and a bit).
    if accept(brand, &e, &same_suffix) {
        return Some(Kind::Typo);
    }
    if is_bitflip(raw, label.as_bytes()) {
        // Four-letter labels have too many honest one-bit neighbours (`joom`, `zoom`).
        return Some(if len >= 5 && same_suffix() { Kind::BitsquatSameSuffix } else { Kind::Bitsquat });
    }
    None
}

/// Whether two equal-length labels differ in exactly one byte, by one bit.
fn is_bitflip(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && {
        let mut diff = a.iter().zip(b).filter(|(x, y)| x != y);
        matches!((diff.next(), diff.next()), (Some((x, y)), None) if (x ^ y).count_ones() == 1)
    }
}

/// One edit turning `brand` into `cand`.
#[derive(Debug, PartialEq, Eq)]
enum Edit {
    Substitute { at: usize, from: u8, to: u8 },
    Transpose,
    Insert { at: usize, byte: u8 },
    Omit { at: usize },
}

fn edit(brand: &[u8], cand: &[u8]) -> Option<Edit> {
    let prefix = brand.iter().zip(cand).take_while(|(a, b)| a == b).count();
    match cand.len() as isize - brand.len() as isize {
        0 => {
            let suffix = brand.iter().rev().zip(cand.iter().rev()).take_while(|(a, b)| a == b).count();
            let differ = brand.len() - prefix - suffix.min(brand.len() - prefix);
            match differ {
                1 => Some(Edit::Substitute { at: prefix, from: brand[prefix], to: cand[prefix] }),
                2 if brand[prefix] == cand[prefix + 1] && brand[prefix + 1] == cand[prefix] => Some(Edit::Transpose),
                _ => None,
            }
        }
        1 => (brand[prefix..] == cand[prefix + 1..]).then(|| Edit::Insert { at: prefix, byte: cand[prefix] }),
        -1 => (brand[prefix + 1..] == cand[prefix..]).then_some(Edit::Omit { at: prefix }),
        _ => None,
    }
}

/// QWERTY neighbours of each key.
fn keyboard_neighbours(b: u8) -> &'static [u8] {
    match b {
        b'1' => b"2q", b'2' => b"13qw", b'3' => b"24we", b'4' => b"35er", b'5' => b"46rt",
        b'6' => b"57ty", b'7' => b"68yu", b'8' => b"79ui", b'9' => b"80io", b'0' => b"9op",
        b'q' => b"12wa", b'w' => b"23qeas", b'e' => b"34wrsd", b'r' => b"45etdf", b't' => b"56ryfg",
        b'y' => b"67tugh", b'u' => b"78yihj", b'i' => b"89uojk", b'o' => b"90ipkl", b'p' => b"0ol",
        b'a' => b"qwsz", b's' => b"weadzx", b'd' => b"ersfxc", b'f' => b"rtdgcv", b'g' => b"tyfhvb",
        b'h' => b"yugjbn", b'j' => b"uihknm", b'k' => b"iojlm", b'l' => b"opk",
        b'z' => b"asx", b'x' => b"zsdc", b'c' => b"xdfv", b'v' => b"cfgb", b'b' => b"vghn",
        b'n' => b"bhjm", b'm' => b"njk",
        _ => b"",
    }
}

/// Whether `b` lies next to `a` on a QWERTY or a QWERTZ keyboard (row
/// neighbours, and the keys above and below): the slips people make typing.
/// QWERTZ is QWERTY with `y` and `z` swapped, so its neighbours are read from
/// the same table. [`keyboard_neighbours`] (QWERTY alone) decides which slips
/// go unnoticed. AZERTY was tried and dropped: its `m` beside `p` and `l`
/// turns honest words into slips (`ample` for `apple`).
fn layout_neighbours(a: u8, b: u8) -> bool {
    let qwertz = |k: u8| match k {
        b'y' => b'z',
        b'z' => b'y',
        k => k,
    };
    keyboard_neighbours(a).contains(&b) || keyboard_neighbours(qwertz(a)).contains(&qwertz(b))
}

/// Letter pairs that look alike even in ASCII (after the skeleton folds).
fn looks_alike(a: u8, b: u8) -> bool {
    const PAIRS: &[(u8, u8)] =
        &[(b'c', b'e'), (b'b', b'd'), (b'g', b'q'), (b'm', b'n'), (b'n', b'r'), (b'u', b'v'), (b'a', b'o'), (b'o', b'c'), (b'3', b'8'), (b'6', b'9')];
    PAIRS.iter().any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b))
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether a slip on a brand key of this length is still a lookalike. Long
/// labels accept nearly any single edit; shorter ones only the slips people
/// make or cannot see, because short labels have many honest neighbours.
/// Four-letter labels take the common slips (a neighbouring key, a vowel, an
/// extra letter) only under the brand's own suffix (`same_suffix`). Dropping
/// the first or last letter often leaves an honest word (`tmobile`/`mobile`,
/// `icloud`/`cloud`), so it needs a longer label, and an `s` appended to a short
/// one is its plural. Measured on the Tranco list.
fn accept(brand: &[u8], e: &Edit, same_suffix: impl Fn() -> bool) -> bool {
    let len = brand.len();
    let neighbour_or_double = |at: usize, byte: u8| {
        let before = at.checked_sub(1).map(|i| brand[i]);
        let after = brand.get(at).copied();
        [before, after].into_iter().flatten().any(|n| n == byte || layout_neighbours(n, byte))
    };
    // The common slips count on a four-letter label kept under the brand's suffix.
    let common = |min: usize| len >= min || (len == 4 && same_suffix());
    match *e {
        Edit::Transpose => true,
        Edit::Substitute { from, to, .. } => {
            len >= 8 || looks_alike(from, to) || (common(5) && (layout_neighbours(from, to) || (is_vowel(from) && is_vowel(to))))
        }
        Edit::Insert { at, byte } => {
            let double = at.checked_sub(1).map(|i| brand[i]) == Some(byte) || brand.get(at) == Some(&byte);
            // An `s` on a short word is its plural (`aeons`, `apples`), not a slip.
            let appended = at == len && !(byte == b's' && len <= 5);
            let interior = at > 0 && at < len;
            double
                || len >= 8
                || (appended && common(5))
                || (interior && (len >= 5 || (common(5) && neighbour_or_double(at, byte))))
                || (at == 0 && (len >= 7 || (len >= 5 && neighbour_or_double(at, byte))))
        }
        Edit::Omit { at } => {
            let doubled = brand.get(at + 1) == Some(&brand[at]) || (at > 0 && brand[at - 1] == brand[at]);
            let edge_min = if at == 0 { 8 } else if at + 1 == len { 9 } else { 6 };
            // An edge letter dropped from a label of seven letters or more is a slip
            // under the brand's own suffix (`rakute.co.jp`); shorter ones
            // leave words (`space` of `spacex`, `cloud` of `icloud`).
            doubled || len >= edge_min || (len >= 7 && same_suffix())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(label: &str, site: &str) -> Option<(Kind, &'static str)> {
        index().check(label, label, site).map(|l| (l.kind, l.domain))
    }

    #[test]
    fn every_ordinary_skeleton_is_found_by_its_hash() {
        let index = index();
        let mut found = 0;
        for domain in brands::builtin().all().iter().flat_map(|b| b.domains.iter()) {
            let label = domain.label();
            let mut letters = [0u8; 128];
            let Some(skeleton) = fold_letters(label, &mut letters).and_then(|n| Skeleton::of_folded(letters, n)) else { continue };
            let skel = skeleton.as_bytes();
            if !domain.ordinary || label.len() < 6 || skel.len() < MIN_LABEL {
                continue;
            }
            let at = index.ordinary_by_hash.get(&poly(skel.iter().copied())).and_then(|&i| index.ordinary_skeletons.get(i as usize));
            assert!(at.is_some_and(|(k, ..)| k.as_bytes() == skel), "{label}");
            found += 1;
        }
        assert!(found > 10, "{found}");
    }

    #[test]
    fn edits() {
        assert_eq!(edit(b"amazon", b"amazpn"), Some(Edit::Substitute { at: 4, from: b'o', to: b'p' }));
        assert_eq!(edit(b"amazon", b"amzaon"), Some(Edit::Transpose));
        assert_eq!(edit(b"amazon", b"amazoon"), Some(Edit::Insert { at: 5, byte: b'o' }));
        assert_eq!(edit(b"amazon", b"amzon"), Some(Edit::Omit { at: 2 }));
        assert_eq!(edit(b"amazon", b"nozama"), None);
        assert_eq!(edit(b"abc", b"bca"), None);
    }

    #[test]
    fn typos_of_brand_labels() {
        assert_eq!(kind("amazpn", "amazpn.com"), Some((Kind::Typo, "amazon.com")), "the brand's site under the same ending");
        assert_eq!(kind("amazpn", "amazpn.de"), Some((Kind::Typo, "amazon.de")));
        assert_eq!(kind("amazpn", "amazpn.xyz"), Some((Kind::Typo, "amazon.co.jp")), "no such ending: the first domain");
        assert_eq!(kind("kuroneokyamato", "kuroneokyamato.com"), Some((Kind::NearIdentical, "kuronekoyamato.co.jp")));
        assert_eq!(kind("myetherwalet", "myetherwalet.net"), Some((Kind::NearIdentical, "myetherwallet.com")));
        assert_eq!(kind("rakuetn", "rakuetn.co.jp"), Some((Kind::Typo, "rakuten.co.jp")));
        assert_eq!(kind("mercair", "mercair.com"), Some((Kind::Typo, "mercari.com")));
        assert_eq!(kind("smbccard", "smbccard.com"), Some((Kind::NearIdentical, "smbc-card.com")));
        assert_eq!(kind("amazgn", "amazgn.net"), Some((Kind::Bitsquat, "amazon.co.jp")));
        assert_eq!(kind("amazgn", "amazgn.com"), Some((Kind::BitsquatSameSuffix, "amazon.com")));
        assert_eq!(kind("arnazon", "arnazon.com"), Some((Kind::Confusable, "amazon.com")));
        assert_eq!(kind("smbc-card", "smbc-card.hr"), Some((Kind::TldSwap, "smbc-card.com")));
        assert_eq!(kind("smtbjp", "smtbjp.com"), Some((Kind::NearIdentical, "smtb.jp")));
        assert_eq!(kind("paypayne", "paypayne.jp"), Some((Kind::NearIdentical, "paypay.ne.jp")));
    }

    #[test]
    fn internationalised_lookalikes() {
        // "аррӏе" in Cyrillic, as the host's punycode and as people read it.
        let found = index().check("xn--80ak6aa92e", "аррӏе", "xn--80ak6aa92e.com").map(|l| (l.kind, l.domain));
        assert_eq!(found, Some((Kind::Confusable, "apple.com")));
        let found = index().check("xn--mtamask-rya", "mëtamask", "xn--mtamask-rya.com").map(|l| (l.kind, l.domain));
        assert_eq!(found, Some((Kind::Confusable, "metamask.io")));
        let found = index().check("xn--blockchan-n5a", "blockchaín", "xn--blockchan-n5a.info").map(|l| l.kind);
        assert_eq!(found, Some(Kind::Confusable));
    }

    #[test]
    fn odd_labels_are_judged_without_panicking() {
        let long = "a".repeat(300);
        let hyphens = format!("{}amazon", "-".repeat(600));
        let wide = "ä".repeat(127) + "-x";
        for label in ["", "-", "a", long.as_str(), hyphens.as_str(), wide.as_str(), "аррӏе-аррӏе", "𝓪𝓶𝓪𝔃𝓸𝓷"] {
            let site = format!("{label}.com");
            index().check(label, label, &site);
            index().split_match(&site);
        }
        assert_eq!(kind(&hyphens, "x.com").map(|(_, d)| d), Some("amazon.co.jp"));
    }

    #[test]
    fn honest_neighbours_of_short_labels_pass() {
        // Four- to six-letter labels only match visible or keyboard slips.
        assert_eq!(kind("ample", "ample.com"), None);
        assert_eq!(kind("apply", "apply.com"), None);
        assert_eq!(kind("smbx", "smbx.com"), None);
        assert_eq!(kind("aeons", "aeons.com"), None);
        assert_eq!(kind("apples", "apples.com"), None, "a plural");
        assert_eq!(kind("sagawa", "sagawa.com"), None);
    }
}
