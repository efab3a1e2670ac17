//! The host name's words and letters: names no person chose to be read
//! (random-looking labels) or long numbers, top-level domains (and endings of
//! two labels, `my.id`) that phishing uses far beyond their share, another
//! domain's name hidden in the subdomains, long chains of labels and hyphens,
//! and sign-in words in the site's own name.
//!
//! Two small tables, both trained on the evaluation data's development half by
//! scripts in `scripts/` (inputs and method in their headers):
//! `data/tld_risk.tsv` and `data/ngram_bigram.tsv`.

use std::sync::OnceLock;

use super::hosting;
use super::suffix_hash::hash;
use super::words::{self, Words};
use crate::target::Target;
use crate::verdict::Reason;

/// Words that promise a sign-in, a security check, a payment or a crypto
/// giveaway; in a site's own name they are bait (`secure-login-verify.com`,
/// `claim-airdrop.xyz`, and the wallet drainers' `wallet-rectify`,
/// `web3-whitelist`). Words common in honest names (`security`, `support`,
/// `service`, `pay`) are left out, and so is `defi`, which is the start of
/// `definition` (it only counts as a [`LURE_COMPANIONS`] word).
const BAIT_WORDS: &[&str] = &[
    "login", "signin", "verify", "verification", "authenticate", "account", "update", "secure", "confirm", "unlock",
    "recover", "webscr", "wallet", "airdrop", "claim", "reward", "dapp", "validate", "restore", "rectify", "web3",
    "mainnet", "whitelist", "validation", "rectification", "staking", "presale",
];

/// The [`BAIT_WORDS`] of wallet drainers that honest site names almost never
/// hold: of the development half's 76,879 legitimate rows, two sites have one
/// in their name (`digitalcertvalidation`, `algorand-mainnet`). Such a word is
/// a second sign (`drainer-word-domain`) beside `bait-word-domain`, so it
/// reaches `caution` alone; the other bait words need company. It lifted the
/// polkadot-js scam domains from 33.8% to 36.8% and eth-phishing-detect's from
/// 36.1% to 37.3% (about 1,400 rows) for one more Tranco 10k-100k site.
const DRAINER_WORDS: &[&str] =
    &["airdrop", "mainnet", "presale", "rectification", "rectify", "staking", "validate", "validation", "whitelist"];

/// Labels that end a domain name; seen in the middle of a host they mean another
/// domain is being shown inside this one (`amazon.co.jp.example.cn`).
const DOMAIN_ENDINGS: &[&str] = &["com", "net", "org", "info", "co", "ne", "or", "jp"];

/// The same written with hyphens inside one label (`www2-uccard-co-jp.example.com`):
/// a second-level word followed by a country code.
const HYPHENATED_SECOND: &[&str] = &["co", "ne", "or", "com"];
const HYPHENATED_COUNTRY: &[&str] = &["jp", "uk", "au", "br", "kr", "tw", "cn", "hk", "nz"];

/// How many labels left of the public suffix make a host unusually deep.
const MANY_LABELS: usize = 5;
/// How many hyphens in one label make it a keyword chain.
const MANY_HYPHENS: usize = 3;
/// Digits from which a site's name that is a number reads as bulk-bought
/// (see [`number_name`]): in the development data's Tranco 10k-100k, 0.13% of
/// sites have such a name (most of them numbered `.xyz` names), against 0.9% of
/// OpenPhish and 0.3% of JPCERT/CC phishing URLs; at five digits, well-known
/// portals and payment sites (five-digit service numbers) come in.
const NUMBER_NAME_DIGITS: usize = 6;
/// Letters a number name may carry besides its digits (`336655kk`).
const NUMBER_NAME_MAX_LETTERS: usize = 3;
/// Country endings where a number is an ordinary brand name: in Chinese,
/// Japanese and Korean, digits are read as words and phone-style service
/// numbers name real sites (China Mobile's `10086.cn`).
const NUMBER_NAME_HOME_TLDS: &[&str] = &["cn", "hk", "mo", "tw", "jp", "kr"];
/// Labels shorter than this are too short to judge as random.
const RANDOM_MIN_LEN: usize = 5;
/// A label of this many hex digits (with at least one digit and letter) is a hash.
const HEX_HASH_LEN: usize = 16;
/// Evidence in bits above which a random-looking label is beyond doubt a
/// generator's (`xkqzvbwpfjhd`): no Tranco top-10k site and 0.15% of 10k-100k
/// sites of the development data score higher (hex hashes count by their letters).
const VERY_RANDOM_BITS: f32 = 20.0;
/// Under an abused ending, a site label of this many characters looks random
/// from this many bits of evidence, that is, once it is better explained as
/// random than as a chosen name (the general bar, `@threshold` of
/// data/ngram_bigram.tsv, is 9.85): the ending's odds do the rest. On the
/// development data no Tranco top-10k site and 0.3% of 10k-100k sites reach
/// it, against 2% of JPCERT/CC rows.
const ABUSED_RANDOM_MIN_LEN: usize = 7;
const ABUSED_RANDOM_BITS: f32 = 1.0;
/// Shorter labels of letters only (`qmzlo`) need more evidence, as a short
/// name is more often an abbreviation: none of the Tranco top 10k and 0.15%
/// of 10k-100k sites reach 5 bits at 4-6 letters, against 0.8% of JPCERT/CC rows.
const ABUSED_SHORT_MIN_LEN: usize = 4;
const ABUSED_SHORT_BITS: f32 = 5.0;
/// A site label of this many characters that looks random from this many bits,
/// with a non-`www` subdomain in front of it (`kbe.qwzxnrt.com`): owners of
/// names chosen to be read rarely hang subdomains on such a name, bulk
/// registrations do. 0.02% of ESDAUNG pages, 0 Tranco rows of the development data.
const LAYERED_RANDOM_MIN_LEN: usize = 5;
const LAYERED_RANDOM_BITS: f32 = 5.0;
/// On a hosting platform, a user name this long, or with a run of this many
/// letters, reads as a throwaway rather than a project's name.
const THROWAWAY_NAME_LEN: usize = 16;
const THROWAWAY_RUN_LEN: usize = 12;
/// ...or a number this long in place of a name (`909338844400`).
const THROWAWAY_DIGITS: usize = 6;
/// ...or a name of this many characters that looks random at this many bits
/// of evidence (the subdomain bar: ~3% of legitimate subdomain labels).
const THROWAWAY_RANDOM_MIN_LEN: usize = 4;
const THROWAWAY_RANDOM_BITS: f32 = 3.0;

/// The generic top-level domains from before the 2012 round; every other
/// ending of three letters or more is a new gTLD (`.skin`, `.lol`, `.guru`),
/// where names cost little and machine-made ones are many.
const LEGACY_GTLDS: &[&str] = &["com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "arpa", "aero", "asia", "cat", "coop", "jobs", "mobi", "museum", "name", "post", "pro", "tel", "travel"];

/// Second levels of public suffixes that only institutions can register
/// (`edu.cn`, `gov.cn`, `ac.jp`): their subdomains are departments, not lures.
const INSTITUTIONAL: &[&str] = &["edu.", "gov.", "ac.", "go.", "lg.", "mil.", "ed."];
/// Endings and labels of government and school sites, whose deep host names
/// (`www.agency.state.gov`, `www.dept.gouv.qc.ca`) follow their org charts.
const INSTITUTIONAL_TLDS: &[&str] = &["gov", "edu", "mil", "int"];
const INSTITUTIONAL_LABELS: &[&str] = &["gov", "gouv", "govt", "gob", "edu"];

/// How far a TLD's (or a public suffix's) abuse exceeds its share of
/// legitimate sites; ordered, so the higher of two tiers can be taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Elevated,
    High,
}

const TLD_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/data/tld_risk.tsv"));
const NGRAM_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/data/ngram_bigram.tsv"));

/// Characters a label's bigram model knows, as "previous" (`^` = start).
const PREV: &[u8] = b"^abcdefghijklmnopqrstuvwxyz0123456789-";
/// ...and as "next" (`$` = end).
const NEXT: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-$";

/// Parses `data/tld_risk.tsv` (`tld-or-suffix<TAB>tier<TAB>...`), in file order.
fn parse_tlds(text: &'static str) -> Result<Vec<(&'static str, Tier)>, String> {
    let mut table = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let tier = match (cols.next(), cols.next()) {
            (Some(tld), Some("high")) if !tld.is_empty() => (tld, Tier::High),
            (Some(tld), Some("elevated")) if !tld.is_empty() => (tld, Tier::Elevated),
            _ => return Err(format!("data/tld_risk.tsv line {}: {}", n + 1, crate::quote::quoted(line))),
        };
        table.push(tier);
    }
    Ok(table)
}

/// The abuse tiers by ending, in open addressing by the ending's [`hash`]
/// (at most half full; the first row of an ending wins), as every check
/// looks one or two endings up: a probe or two, one string compare.
struct TldTiers {
    slots: Vec<Option<(u64, &'static str, Tier)>>,
}

impl TldTiers {
    fn new(rows: &[(&'static str, Tier)]) -> TldTiers {
        let mut tiers = TldTiers { slots: vec![None; (rows.len() * 2).next_power_of_two().max(2)] };
        for &(tld, tier) in rows {
            let h = hash(tld);
            let mut slot = tiers.home(h);
            loop {
                match tiers.slots[slot] {
                    None => {
                        tiers.slots[slot] = Some((h, tld, tier));
                        break;
                    }
                    Some((_, t, _)) if t == tld => break,
                    Some(_) => slot = (slot + 1) & (tiers.slots.len() - 1),
                }
            }
        }
        tiers
    }

    fn home(&self, h: u64) -> usize {
        (h as usize) & (self.slots.len() - 1)
    }

    fn get(&self, tld: &str) -> Option<Tier> {
        let h = hash(tld);
        let mut slot = self.home(h);
        while let Some((k, t, tier)) = self.slots[slot] {
            if k == h && t == tld {
                return Some(tier);
            }
            slot = (slot + 1) & (self.slots.len() - 1);
        }
        None
    }
}

/// The abuse tier of a TLD or a public suffix (`xyz`, `my.id`), if it has one.
fn tld_tier(tld: &str) -> Option<Tier> {
    static TABLE: OnceLock<TldTiers> = OnceLock::new();
    TABLE.get_or_init(|| TldTiers::new(&parse_tlds(TLD_TSV).unwrap_or_default())).get(tld)
}

/// The bigram model: costs in quarter bits, and the evidence in bits above
/// which a label looks random.
struct Bigrams {
    cost: Vec<u8>,
    threshold: f32,
}

fn parse_bigrams(text: &str) -> Result<Bigrams, String> {
    let mut model = Bigrams { cost: vec![0; PREV.len() * NEXT.len()], threshold: f32::MAX };
    let mut rows = 0;
    // Byte scans (`words::split`) rather than `str::lines` and the standard
    // searcher: the model is read on the first check after a wake.
    for (n, line) in words::split(text, b'\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("data/ngram_bigram.tsv line {}", n + 1);
        let tab = line.bytes().position(|b| b == b'\t').ok_or_else(bad)?;
        let (key, values) = (&line[..tab], &line[tab + 1..]);
        if key == "@threshold" {
            model.threshold = crate::decimal::parse_f32(values.trim()).ok_or_else(bad)?;
            continue;
        }
        let row = match key.as_bytes() {
            [c] => PREV.iter().position(|p| p == c).ok_or_else(bad)?,
            _ => return Err(bad()),
        };
        // Straight into the row, split by a byte scan: 1,444 cells are read
        // on the first check.
        let cells = &mut model.cost[row * NEXT.len()..(row + 1) * NEXT.len()];
        let mut count = 0;
        for value in words::split(values, b' ') {
            *cells.get_mut(count).ok_or_else(bad)? = value.parse::<u8>().map_err(|_| bad())?;
            count += 1;
        }
        if count != NEXT.len() {
            return Err(bad());
        }
        rows += 1;
    }
    if rows != PREV.len() || model.threshold == f32::MAX {
        return Err("data/ngram_bigram.tsv: incomplete table".into());
    }
    Ok(model)
}

fn bigrams() -> &'static Bigrams {
    static MODEL: OnceLock<Bigrams> = OnceLock::new();
    MODEL.get_or_init(|| parse_bigrams(NGRAM_TSV).unwrap_or(Bigrams { cost: Vec::new(), threshold: f32::MAX }))
}

/// Bits a random generator spends to end a label (see scripts/train-ngrams.py).
const RANDOM_END_BITS: f32 = 3.0;

/// Evidence in bits that `label` was made by a random generator rather than
/// chosen as a name: its cost under the legitimate-label bigram model minus its
/// cost as uniform random letters (or letters and digits). `None` when the label
/// has characters the model does not know.
pub(super) fn randomness(label: &str) -> Option<f32> {
    let model = bigrams();
    if model.cost.is_empty() {
        return None;
    }
    let index = |c: u8| match c {
        b'a'..=b'z' => Some((c - b'a') as usize),
        b'0'..=b'9' => Some((c - b'0') as usize + 26),
        b'-' => Some(36),
        _ => None,
    };
    let (mut prev, mut total, mut digits) = (0usize, 0u32, false);
    for &c in label.as_bytes() {
        let next = index(c)?;
        digits |= c.is_ascii_digit();
        total += u32::from(model.cost[prev * NEXT.len() + next]);
        prev = next + 1;
    }
    total += u32::from(model.cost[prev * NEXT.len() + NEXT.len() - 1]);
    let per_char = if digits { 36f32.log2() } else { 26f32.log2() };
    Some(total as f32 / 4.0 - (per_char * label.len() as f32 + RANDOM_END_BITS))
}

/// Whether a label looks machine-made: a long hex hash, or letters in an order
/// legitimate names almost never take.
fn looks_random(label: &str) -> bool {
    if label.len() < RANDOM_MIN_LEN || label.starts_with("xn--") || label.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let hex_hash = label.len() >= HEX_HASH_LEN
        && label.bytes().all(|b| b.is_ascii_hexdigit())
        && label.bytes().any(|b| b.is_ascii_digit())
        && label.bytes().any(|b| b.is_ascii_alphabetic());
    hex_hash || randomness(label).is_some_and(|r| r > bigrams().threshold)
}

/// Whether `tld` (lower-case, no dot) is a new generic TLD: three letters or
/// more, not a legacy gTLD and not an internationalised one (`xn--`).
fn new_gtld(tld: &str) -> bool {
    tld.len() >= 3 && !tld.starts_with("xn--") && !words::one_of(tld, LEGACY_GTLDS)
}

/// Whether a site label looks machine-made by the looser bar used under
/// abused endings: where phishing is already many times likelier, weaker
/// evidence of a generated name is enough (`kvozdra.cn`). Labels under four
/// letters are left alone: abbreviations (`abc`, `tvk`) are honest names there.
fn loosely_random(label: &str) -> bool {
    let bar = if label.len() >= ABUSED_RANDOM_MIN_LEN {
        ABUSED_RANDOM_BITS
    } else if label.len() >= ABUSED_SHORT_MIN_LEN && label.bytes().all(|b| b.is_ascii_lowercase()) {
        ABUSED_SHORT_BITS
    } else {
        return false;
    };
    randomness(label).is_some_and(|r| r > bar)
}

/// The part of the host left of the public suffix, or of the hosting
/// platform's suffix when the user's name sits under one (`abc` in
/// `abc.pages.dev`); empty when there is none.
pub(super) fn own_part(t: &Target, platform: Option<hosting::Platform>) -> &str {
    let host = t.url.host.as_str();
    let platform = platform.filter(|p| p.names_under).map_or(0, |p| p.suffix.len());
    let suffix = platform.max(t.suffix().len());
    words::trim_dots(host.get(..host.len().saturating_sub(suffix)).unwrap_or(""))
}

/// The dot-separated labels of `s` (as `s.split('.')`). A plain byte scan:
/// host names are short, and a general substring searcher costs more to set
/// up than it saves.
pub(super) fn labels(s: &str) -> impl Iterator<Item = &str> {
    super::words::split(s, b'.')
}

/// Whether a label spells a domain ending with hyphens (`uccard-co-jp`).
fn hyphenated_domain(label: &str) -> bool {
    let mut parts = words::split(label, b'-').peekable();
    while let Some(w) = parts.next() {
        if words::one_of(w, HYPHENATED_SECOND) && parts.peek().is_some_and(|c| words::one_of(c, HYPHENATED_COUNTRY)) {
            return true;
        }
    }
    false
}

/// [`BAIT_WORDS`] indexed for [`contains_bait`].
const BAIT: Words = Words::new(BAIT_WORDS);

/// [`DRAINER_WORDS`] indexed for the site-name check.
const DRAINER: Words = Words::new(DRAINER_WORDS);

/// The first bait word inside `label`.
fn contains_bait(label: &str) -> Option<&'static str> {
    BAIT.first_in(label)
}

/// Whether a site's own name is a long number, with at most a few letters
/// (`453451.cc`, `336655kk.com`): names bought in bulk by the hundred, which
/// people neither remember nor type. Real sites with number names keep them
/// short (`163.com`, `4399.com`) or sit under [`NUMBER_NAME_HOME_TLDS`].
fn number_name(label: &str) -> bool {
    let digits = label.bytes().filter(u8::is_ascii_digit).count();
    // Most names have too few digits: their letters are not counted.
    digits >= NUMBER_NAME_DIGITS && {
        let letters = label.bytes().filter(u8::is_ascii_lowercase).count();
        letters <= NUMBER_NAME_MAX_LETTERS && digits + letters == label.len()
    }
}

/// Whether a user's name on a hosting platform reads as made to be thrown away:
/// letters mixed with digits (`ditawer118`, `t37`), a long number, a long run of glued words
/// (`createguardianresolver`), or a long name overall. Short project names, with
/// or without a hyphen (`cooking-notes`, `alice`), do not.
fn throwaway_name(own: &str) -> bool {
    let bytes = own.as_bytes();
    let letters = bytes.iter().any(u8::is_ascii_lowercase);
    let digits = bytes.iter().any(u8::is_ascii_digit);
    let (mut run, mut longest) = (0usize, 0usize);
    for &b in bytes {
        run = if b.is_ascii_lowercase() { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let number = bytes.iter().filter(|b| b.is_ascii_digit()).count() >= THROWAWAY_DIGITS;
    (letters && digits)
        || number
        || longest >= THROWAWAY_RUN_LEN
        || labels(own).any(|l| l.len() >= THROWAWAY_NAME_LEN || random_user_name(l))
}

/// A user's name on a platform with letters in an order real names rarely
/// take (`xtrqbl`): judged like a subdomain label (a name under someone
/// else's domain), with the looser bar of `signals::subdomain`.
fn random_user_name(label: &str) -> bool {
    label.len() >= THROWAWAY_RANDOM_MIN_LEN
        && !label.starts_with("xn--")
        && randomness(label).is_some_and(|r| r > THROWAWAY_RANDOM_BITS)
}

/// Whether the host belongs to a government or school, where deep names are
/// the norm (see [`INSTITUTIONAL`]).
pub(super) fn institutional(t: &Target, tld: &str, own: &str) -> bool {
    INSTITUTIONAL.iter().any(|p| t.suffix().starts_with(p))
        || words::one_of(tld, INSTITUTIONAL_TLDS)
        || labels(own).chain(labels(t.suffix())).any(|l| words::one_of(l, INSTITUTIONAL_LABELS))
}

/// Whether `own` starts with `www` (or `www1`, `www2`...) and still has a
/// subdomain before the site's label (`www.e.example.com`): people and real
/// sites put `www` right before the site's own name, so a name wedged in
/// between is built to look official.
fn www_before_subdomain(own: &str) -> bool {
    let mut parts = labels(own);
    let first = parts.next().unwrap_or("");
    let www = first.strip_prefix("www").is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    www && parts.count() >= 2
}

/// Whether `own` (the host left of the public suffix) has a subdomain label
/// other than `www`.
fn has_subdomain(own: &str) -> bool {
    match words::split_last_dot(own) {
        Some((sub, _)) => labels(sub).any(|l| l != "www"),
        None => false,
    }
}

pub(super) fn signals(t: &Target, platform: Option<hosting::Platform>, out: &mut Vec<Reason>) {
    if t.ip {
        return;
    }
    let host = t.url.host.as_str();
    let tld = &host[host.bytes().rposition(|b| b == b'.').map_or(0, |i| i + 1)..];
    // A suffix of more than one label (`my.id`) can be abused beyond its TLD;
    // the higher tier counts, and the reason names the ending that earned it.
    let by_suffix = if t.suffix().len() > tld.len() { tld_tier(t.suffix()) } else { None };
    let (tier, ending) = match (by_suffix, tld_tier(tld)) {
        (Some(s), by_tld) if by_tld.is_none_or(|d| s > d) => (Some(s), t.suffix()),
        (_, by_tld) => (by_tld, tld),
    };
    match tier {
        Some(Tier::High) => out.push(Reason::new("heavily-abused-tld").detail([".", ending].concat())),
        Some(Tier::Elevated) => out.push(Reason::new("abused-tld").detail([".", ending].concat())),
        None => {}
    }
    let own = own_part(t, platform);
    if own.is_empty() {
        return;
    }
    let layered = has_subdomain(own) && !institutional(t, tld, own);
    if tier.is_some() && layered {
        out.push(Reason::new("abused-tld-subdomain"));
    }
    if layered && www_before_subdomain(own) {
        out.push(Reason::new("www-before-subdomain"));
    }
    if out.iter().any(|r| r.code == "free-hosting") && throwaway_name(own) {
        out.push(Reason::new("throwaway-hosted-name").detail(own.to_string()));
    }
    let (mut count, mut random, mut hyphens, mut hyphenated) = (0, None, false, false);
    // A domain ending in the subdomains after at least one other label
    // (`bank.co.jp` in `bank.co.jp.example.net`); the site's own label, last,
    // does not count, so `pending` waits to see whether another label follows.
    let (mut dotted, mut pending) = (false, false);
    for (i, label) in labels(own).enumerate() {
        count += 1;
        if random.is_none() && looks_random(label) {
            random = Some(label);
        }
        let dashes = label.bytes().filter(|&b| b == b'-').count();
        hyphens |= dashes >= MANY_HYPHENS && !label.starts_with("xn--");
        hyphenated |= dashes > 0 && hyphenated_domain(label);
        dotted |= pending;
        pending = i > 0 && label.len() <= 4 && words::one_of(label, DOMAIN_ENDINGS);
    }
    let site_label = &own[own.bytes().rposition(|b| b == b'.').map_or(0, |i| i + 1)..];
    if let Some(label) = random {
        out.push(Reason::new("random-label").detail(label.to_string()));
        if layered {
            out.push(Reason::new("random-layered-host"));
        }
        if randomness(label).is_some_and(|r| r > VERY_RANDOM_BITS) {
            out.push(Reason::new("very-random-label"));
        }
        if tier.is_none() && new_gtld(tld) {
            out.push(Reason::new("random-name-new-gtld").detail([".", tld].concat()));
        }
    } else if platform.is_none() {
        if tier.is_some() && loosely_random(site_label) && !institutional(t, tld, own) {
            out.push(Reason::new("random-name-abused-tld").detail(site_label.to_string()));
        }
        if layered && site_label.len() >= LAYERED_RANDOM_MIN_LEN && randomness(site_label).is_some_and(|r| r > LAYERED_RANDOM_BITS) {
            out.push(Reason::new("random-name-with-subdomains").detail(site_label.to_string()));
        }
    }
    if count >= MANY_LABELS {
        out.push(Reason::new("many-labels").detail(count.to_string()));
    }
    if dotted || hyphenated {
        out.push(Reason::new("domain-in-subdomain"));
    }
    if hyphens {
        out.push(Reason::new("many-hyphens"));
    }
    if platform.is_none() && number_name(site_label) && !words::one_of(tld, NUMBER_NAME_HOME_TLDS) {
        out.push(Reason::new("number-name").detail(site_label.to_string()));
    }
    if let Some(word) = contains_bait(site_label) {
        out.push(Reason::new("bait-word-domain").detail(word));
        if let Some(drainer) = DRAINER.first_in(site_label) {
            out.push(Reason::new("drainer-word-domain").detail(drainer));
        }
        if let Some(second) = second_lure(site_label, word) {
            out.push(Reason::new("bait-word-pair").detail(second));
        }
    }
}

/// Words that join a bait word in lure names (`login-security-desk`,
/// `verifyonline`, and the wallet drainers' `connectwebwallets`,
/// `wallet-rectify`, `dapp-sync`); alone they are ordinary in site names, so
/// they only count beside one of [`BAIT_WORDS`]. The crypto words here (last
/// line) and in [`BAIT_WORDS`] (`rectify` onwards) lifted the development
/// half's polkadot-js scam domains from 28.3% to 33.8% for two more flagged
/// Tranco 10k-100k sites (0.004%).
const LURE_COMPANIONS: &[&str] = &[
    "access", "alert", "auth", "billing", "cancel", "center", "customer", "delivery", "help", "invoice", "notice",
    "online", "payment", "refund", "security", "service", "shipment", "support", "suspend", "team", "tracking",
    "bridge", "chain", "connect", "defi", "fix", "migrate", "node", "stake", "sync", "token",
];

/// A second lure word in `label` beside the bait word `first` (another bait
/// word or a companion), not overlapping it: a name made of sign-in lures only.
fn second_lure(label: &str, first: &'static str) -> Option<&'static str> {
    let start = words::find_from(label, first, 0)?;
    let end = start + first.len();
    let apart = |w: &&str| words::offsets(label, w).any(|i| i + w.len() <= start || i >= end);
    // A word and `first` inside one another are one word (`secure` in
    // `security`); asked only of the few words the label holds.
    let other = |w: &str| !words::contains(first, w) && !words::contains(w, first);
    BAIT_WORDS.iter().chain(LURE_COMPANIONS).copied().find(|w| apart(w) && other(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse() {
        let tlds = parse_tlds(TLD_TSV).expect("data/tld_risk.tsv parses");
        assert!(!tlds.is_empty());
        let model = parse_bigrams(NGRAM_TSV).expect("data/ngram_bigram.tsv parses");
        assert!(model.threshold > 0.0 && model.threshold < 64.0);
    }

    #[test]
    fn labels_split_at_dots() {
        assert_eq!(labels("a.bc.d").collect::<Vec<_>>(), ["a", "bc", "d"]);
        assert_eq!(labels("abc").collect::<Vec<_>>(), ["abc"]);
        for s in ["", ".", "a..b", ".a.", "www.example.co.jp"] {
            assert_eq!(labels(s).collect::<Vec<_>>(), s.split('.').collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn bait_words_found_inside_labels() {
        assert_eq!(contains_bait("mysecure-signin"), Some("secure"));
        assert_eq!(contains_bait("my-signin"), Some("signin"));
        assert_eq!(contains_bait("xsecurex"), Some("secure"));
        assert_eq!(contains_bait("bakery"), None);
        assert!(contains_bait("web3-whitelist").is_some());
        assert_eq!(contains_bait("definitions"), None);
    }

    #[test]
    fn drainer_words_are_bait_words() {
        for w in DRAINER_WORDS {
            assert!(BAIT_WORDS.contains(w), "{w}");
        }
        assert_eq!(DRAINER.first_in("claim-airdrop-now"), Some("airdrop"));
        assert_eq!(DRAINER.first_in("secure-login"), None);
    }

    #[test]
    fn very_random_labels() {
        assert!(randomness("xkqzvbwpfjhd").is_some_and(|r| r > VERY_RANDOM_BITS));
        assert!(randomness("qwxzmrtk").is_some_and(|r| r > bigrams().threshold && r <= VERY_RANDOM_BITS));
    }

    #[test]
    fn loosely_random_names() {
        assert!(loosely_random("kvozdra") && loosely_random("qwxzmrtk") && loosely_random("qmzlo"));
        assert!(!loosely_random("wfrnk") && !loosely_random("shopcdn") && !loosely_random("9ab3kq"));
        assert!(!loosely_random("abc") && !loosely_random("shopping") && !loosely_random("dailynews"));
    }

    #[test]
    fn lure_names_made_of_two_lures() {
        assert_eq!(second_lure("loginverification", "login"), Some("verification"));
        assert!(second_lure("account-security-desk", "account").is_some());
        assert_eq!(second_lure("secureonline-now", "secure"), Some("online"));
        assert_eq!(second_lure("myaccount", "account"), None);
        assert_eq!(second_lure("walletshop", "wallet"), None);
        // Wallet-drainer names: a crypto bait word beside a "fix it" or "connect it" word.
        assert_eq!(second_lure("connectwebwallets", "wallet"), Some("connect"));
        assert_eq!(second_lure("wallet-rectify-portal", "wallet"), Some("rectify"));
        assert_eq!(second_lure("dapp-sync", "dapp"), Some("sync"));
        // The companions alone are no bait.
        assert_eq!(contains_bait("nodesync-bridge"), None);
        // `secure` inside `security` is one word, not two.
        assert_eq!(second_lure("security", "secure"), None);
    }

    #[test]
    fn bad_tables_are_errors() {
        assert!(parse_tlds("top\tsevere\n").is_err());
        assert!(parse_bigrams("@threshold\t5\n").is_err());
        assert!(parse_bigrams("a\t1 2 3\n").is_err());
    }

    #[test]
    fn throwaway_names_on_platforms() {
        for name in ["ditawer118", "t37", "90933884", "createguardianresolver", "x.verylongnamewithwords", "claim-rewards-now-live", "xtrqbl"] {
            assert!(throwaway_name(name), "{name}");
        }
        for name in ["cooking-notes", "my-portfolio", "alice", "shop.alice", "blog", "2024"] {
            assert!(!throwaway_name(name), "{name}");
        }
    }

    #[test]
    fn www_wedged_before_a_subdomain() {
        assert!(www_before_subdomain("www.e.example"));
        assert!(www_before_subdomain("www2.login.example"));
        assert!(!www_before_subdomain("www.example"));
        assert!(!www_before_subdomain("shop.www.example"));
        assert!(!www_before_subdomain("wwwx.a.example"));
    }

    #[test]
    fn subdomains_other_than_www() {
        assert!(has_subdomain("login.example"));
        assert!(has_subdomain("www.a.example"));
        assert!(!has_subdomain("www.example"));
        assert!(!has_subdomain("example"));
    }

    #[test]
    fn random_labels_score_above_words() {
        let word = randomness("shopping").unwrap();
        let noise = randomness("xqzvkjwq").unwrap();
        assert!(word < 0.0 && noise > bigrams().threshold, "{noise} vs {word}");
        assert_eq!(randomness("caf\u{e9}"), None);
    }
}
