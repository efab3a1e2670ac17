//! Field classification: what one field asks for, from its descriptor alone.
//! Every source of evidence (autocomplete, type, name and id, label,
//! aria-label, placeholder, nearby text, length and pattern hints) adds points
//! to the kinds it speaks for; the kind with most points wins if it has enough.
//! Split fields are joined afterwards by `group.rs`.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::descriptor::FieldDescriptor;
use super::kind::FieldKind;
use super::lexicon::{Cue, Word, AUTOCOMPLETE, DATE_PART_TEXTS, NAME_PARTS, NAME_WORDS, TEXT_WORDS};
use super::matcher::{whole_word, WordIndex};
use super::normalize::{fold, name_words};

/// The classifier's answer for one field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Classification {
    /// What the field asks for (`card-number`, `password`, ... or `other`).
    pub kind: FieldKind,
    /// 0.0–1.0: how sure the classifier is (1.0 for a declared `autocomplete`).
    pub confidence: f32,
    /// What the decision rests on, for people and tests (`label: カード番号`).
    pub evidence: Vec<String>,
    /// Fields split over several boxes (card number in four, expiry as two
    /// selects, a one-time code in six) share one group id, unique in the page.
    pub group: Option<u32>,
}

/// Points a kind needs to be chosen over `other`.
const THRESHOLD: i32 = 4;

/// A classification with the facts grouping needs.
#[derive(Clone, Debug)]
pub(super) struct Scored {
    pub class: Classification,
    /// Whether any word (name, label, text) or `autocomplete` spoke for a
    /// kind; type and length alone do not count.
    pub cued: bool,
    /// Whether the field names one part of a date (`month`, `年`).
    pub date_part: bool,
    /// Whether the field is a search box.
    pub search: bool,
}

/// Classifies one field from its descriptor.
pub fn classify(d: &FieldDescriptor) -> Classification {
    score(d).class
}

/// Points per kind and the evidence behind them.
struct Tally {
    points: [i32; FieldKind::ALL.len()],
    evidence: Vec<(FieldKind, String)>,
    search: bool,
    date_part: bool,
    worded: bool,
}

impl Tally {
    fn add(&mut self, kind: FieldKind, points: i32, why: String) {
        if let Some(i) = FieldKind::ALL.iter().position(|&k| k == kind) {
            self.points[i] += points;
            self.evidence.push((kind, why));
        }
    }

    fn get(&self, kind: FieldKind) -> i32 {
        FieldKind::ALL.iter().position(|&k| k == kind).map_or(0, |i| self.points[i])
    }

    fn clear(&mut self, kinds: &[FieldKind]) {
        for (i, k) in FieldKind::ALL.iter().enumerate() {
            if kinds.contains(k) {
                self.points[i] = 0;
            }
        }
    }

    /// Adds the strongest word per kind found by one source, times `weight`.
    fn add_hits(&mut self, hits: &[Word], weight: i32, source: &str) {
        let mut best: Vec<(FieldKind, i32, &str)> = Vec::new();
        for word in hits {
            match word.cue {
                Cue::Kind(k) => match best.iter_mut().find(|(bk, _, _)| *bk == k) {
                    Some(b) if b.1 < word.strength => *b = (k, word.strength, word.text),
                    Some(_) => {}
                    None => best.push((k, word.strength, word.text)),
                },
                Cue::Search => self.search = true,
                Cue::DatePart => self.date_part = true,
            }
        }
        for (k, strength, text) in best {
            self.worded = true;
            self.add(k, strength * weight, format!("{source}: {text}"));
        }
    }
}

/// The indexes of the lexicon lists: ASCII text words (matched as whole words
/// in the text), other text words (matched in the text with spaces removed),
/// name parts and whole name words. Built once.
struct Indexes {
    text_ascii: WordIndex,
    text_other: WordIndex,
    name_parts: WordIndex,
    name_words: WordIndex,
}

fn indexes() -> &'static Indexes {
    static INDEXES: OnceLock<Indexes> = OnceLock::new();
    INDEXES.get_or_init(|| Indexes {
        text_ascii: WordIndex::new(TEXT_WORDS, |w| w.text.is_ascii()),
        text_other: WordIndex::new(TEXT_WORDS, |w| !w.text.is_ascii()),
        name_parts: WordIndex::new(NAME_PARTS, |_| true),
        name_words: WordIndex::new(NAME_WORDS, |_| true),
    })
}

/// The words of `TEXT_WORDS` found in folded `text`, longest first, dropping
/// any found inside a longer one. ASCII words match whole words; others match
/// anywhere in the text with its spaces removed.
fn find_text_words(text: &str) -> Vec<Word> {
    let ix = indexes();
    let mut ascii = Vec::new();
    ix.text_ascii.first_matches(text, |s, e| whole_word(text, s, e), &mut ascii);
    let mut other = Vec::new();
    if !text.is_ascii() {
        let dense: String = text.chars().filter(|c| *c != ' ').collect();
        ix.text_other.first_matches(&dense, |_, _| true, &mut other);
    }
    // Merged in list order, as the longest-first sort below is stable.
    let mut spans: Vec<(bool, usize, usize, Word)> = Vec::with_capacity(ascii.len() + other.len());
    let (mut a, mut o) = (ascii.into_iter().peekable(), other.into_iter().peekable());
    loop {
        let take_ascii = match (a.peek(), o.peek()) {
            (Some(x), Some(y)) => x.2 < y.2,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let (m, ascii) = if take_ascii { (a.next(), true) } else { (o.next(), false) };
        if let Some((s, e, i)) = m {
            spans.push((ascii, s, e, TEXT_WORDS[i]));
        }
    }
    keep_longest(spans)
}

/// Drops matches lying inside a longer match of the same haystack.
fn keep_longest(mut spans: Vec<(bool, usize, usize, Word)>) -> Vec<Word> {
    crate::sort::sort_by_key(&mut spans, |&(_, s, e, _)| std::cmp::Reverse(e - s));
    let mut kept: Vec<(bool, usize, usize, Word)> = Vec::with_capacity(spans.len());
    for span in spans {
        let inside = kept.iter().any(|k| k.0 == span.0 && k.1 <= span.1 && span.2 <= k.2);
        if !inside {
            kept.push(span);
        }
    }
    kept.into_iter().map(|(_, _, _, w)| w).collect()
}

/// The words of a field name or id: whole words, and parts of the name with
/// its word breaks removed.
fn find_name_words(name: &str) -> Vec<Word> {
    if name.is_empty() {
        return Vec::new();
    }
    let words = name_words(name);
    let compact: String = words.concat();
    let mut found = Vec::new();
    indexes().name_parts.first_matches(&compact, |_, _| true, &mut found);
    let spans = found.into_iter().map(|(s, e, i)| (true, s, e, NAME_PARTS[i])).collect();
    let mut hits = keep_longest(spans);
    // Whole words: a match spanning the entire word is the word itself.
    let mut whole = Vec::new();
    for w in &words {
        indexes().name_words.first_matches(w, |s, e| s == 0 && e == w.len(), &mut whole);
    }
    hits.extend(whole.into_iter().map(|(_, _, i)| NAME_WORDS[i]));
    hits
}

/// Whether a folded text is, as a whole, the name of one part of a date.
fn is_date_part_text(text: &str) -> bool {
    let t = text.trim_matches(|c: char| !c.is_alphanumeric());
    DATE_PART_TEXTS.contains(&t)
}

/// Whether the field only takes digits, going by its type, inputmode and pattern.
fn numeric(d: &FieldDescriptor, ty: &str) -> bool {
    matches!(d.inputmode.to_ascii_lowercase().as_str(), "numeric" | "tel" | "decimal")
        || matches!(ty, "tel" | "number")
        || pattern_digits(&d.pattern)
}

/// Whether a `pattern` only admits digits (`\d{4}`, `[0-9]*`, `[0-9 ]{13,19}`).
fn pattern_digits(p: &str) -> bool {
    let p = p.trim_start_matches('^').trim_end_matches('$');
    !p.is_empty() && (p.starts_with("\\d") || p.starts_with("[0-9") || p.starts_with("[\\d")) && !p.contains('|')
}

/// Upper length bound a pattern's first quantifier allows (`\d{3,4}` → 4).
fn pattern_max(p: &str) -> Option<u32> {
    let open = p.find('{')?;
    let close = open + p[open..].find('}')?;
    let inner = &p[open + 1..close];
    inner.rsplit(',').next()?.trim().parse().ok()
}

pub(super) fn score(d: &FieldDescriptor) -> Scored {
    let mut t = Tally { points: [0; FieldKind::ALL.len()], evidence: Vec::new(), search: false, date_part: false, worded: false };
    let ty = d.kind.to_ascii_lowercase();
    let tag = d.tag.to_ascii_lowercase();
    let mut declared = false;

    for token in d.autocomplete.to_ascii_lowercase().split_ascii_whitespace() {
        if let Some(&(_, kind)) = AUTOCOMPLETE.iter().find(|(name, _)| *name == token) {
            t.add(kind, 20, format!("autocomplete: {token}"));
            declared = true;
            t.worded = true;
        }
    }
    match ty.as_str() {
        "password" => t.add(FieldKind::Password, 8, "type: password".into()),
        "email" => t.add(FieldKind::Email, 6, "type: email".into()),
        "tel" => t.add(FieldKind::Phone, 3, "type: tel".into()),
        "month" => t.add(FieldKind::CardExpiry, 2, "type: month".into()),
        "date" => t.add(FieldKind::Birthdate, 2, "type: date".into()),
        "search" => t.search = true,
        _ => {}
    }
    if d.inputmode.eq_ignore_ascii_case("email") {
        t.add(FieldKind::Email, 2, "inputmode: email".into());
    }

    let mut name_hits = find_name_words(&d.name);
    for hit in find_name_words(&d.id) {
        if !name_hits.iter().any(|w| w.text == hit.text) {
            name_hits.push(hit);
        }
    }
    t.add_hits(&name_hits, 2, "name");

    let label = fold(&d.label);
    let aria = fold(&d.aria_label);
    let placeholder = fold(&d.placeholder);
    let nearby = fold(&d.nearby_text);
    let labelled = !label.is_empty() || !aria.is_empty();
    let mut search = t.search;
    for (text, weight, source) in [(&label, 3, "label"), (&aria, 3, "aria-label"), (&placeholder, 2, "placeholder"), (&nearby, if labelled { 1 } else { 2 }, "nearby")] {
        if text.is_empty() {
            continue;
        }
        let hits = find_text_words(text);
        t.add_hits(&hits, weight, source);
        if source != "nearby" {
            // Text near a field may mention searching without the field being a search box.
            search |= hits.iter().any(|w| w.cue == Cue::Search);
            t.date_part |= is_date_part_text(text);
        }
    }
    t.search = search;

    hints(d, &ty, &mut t);
    if ty == "password" {
        // A masked box named for a specific secret is that secret, not a password.
        for kind in [FieldKind::CardCvc, FieldKind::Pin, FieldKind::Otp, FieldKind::CardNumber, FieldKind::BankAccount, FieldKind::NationalId, FieldKind::GiftCardCode, FieldKind::RecoveryPhrase] {
            if t.get(kind) >= THRESHOLD {
                t.add(kind, 3, "masked".into());
            }
        }
    }

    if tag == "select" {
        t.clear(&[
            FieldKind::Password,
            FieldKind::Username,
            FieldKind::Email,
            FieldKind::Pin,
            FieldKind::Otp,
            FieldKind::CardNumber,
            FieldKind::CardCvc,
            FieldKind::CardHolder,
            FieldKind::GiftCardCode,
            FieldKind::RecoveryPhrase,
            FieldKind::NationalId,
            FieldKind::BankAccount,
            FieldKind::Phone,
        ]);
    }
    if ty == "password" {
        t.clear(&[FieldKind::Username, FieldKind::Email, FieldKind::Phone, FieldKind::Address, FieldKind::Birthdate, FieldKind::CardHolder]);
    } else if ty == "email" {
        t.clear(&[FieldKind::Password, FieldKind::Pin, FieldKind::CardCvc, FieldKind::Otp]);
    }

    let cued = t.worded;
    let (best_i, &best) = t.points.iter().enumerate().rev().max_by_key(|&(_, p)| *p).unwrap_or((FieldKind::ALL.len() - 1, &0));
    let mut kind = FieldKind::ALL.get(best_i).copied().unwrap_or(FieldKind::Other);
    let mut evidence: Vec<String> = t.evidence.iter().filter(|(k, _)| *k == kind).map(|(_, e)| e.clone()).collect();
    let mut points = best;
    if best < THRESHOLD || (t.search && !declared && ty != "password") {
        if t.search {
            evidence = vec!["search box".into()];
        } else {
            evidence.clear();
        }
        kind = FieldKind::Other;
        points = 0;
    }
    let confidence = if kind == FieldKind::Other {
        if cued { 0.6 } else { 0.9 }
    } else {
        ((points as f32 / 15.0).min(1.0) * 100.0).round() / 100.0
    };
    Scored { class: Classification { kind, confidence, evidence, group: None }, cued, date_part: t.date_part, search: t.search }
}

/// Length and pattern hints: they strengthen a kind the words already point
/// to, and on their own suggest only a card number (13–19 digits).
fn hints(d: &FieldDescriptor, ty: &str, t: &mut Tally) {
    let digits = numeric(d, ty);
    let max = d.max_len().or_else(|| pattern_digits(&d.pattern).then(|| pattern_max(&d.pattern)).flatten());
    let Some(max) = max else { return };
    let why = format!("length {max}");
    let boost = |t: &mut Tally, kind: FieldKind, n: i32| {
        if t.get(kind) > 0 {
            t.add(kind, n, why.clone());
        }
    };
    match max {
        3..=4 if digits || ty == "password" => {
            boost(t, FieldKind::CardCvc, 2);
            boost(t, FieldKind::Pin, 2);
            boost(t, FieldKind::BankBranch, 1);
            if ty == "password" && max == 4 && digits && t.get(FieldKind::CardCvc) == 0 && t.get(FieldKind::Otp) == 0 {
                t.add(FieldKind::Pin, 9, "4-digit secret".into());
            }
        }
        6..=8 if digits => {
            boost(t, FieldKind::Otp, 2);
            boost(t, FieldKind::BankAccount, 2);
        }
        13..=15 if digits => t.add(FieldKind::CardNumber, 3, why.clone()),
        16..=23 if digits || t.get(FieldKind::CardNumber) > 0 => t.add(FieldKind::CardNumber, 4, why.clone()),
        _ => {}
    }
}
