//! Fields split over several boxes, read as one: a card number in four boxes,
//! an expiry as two selects, a one-time code in six one-character boxes, a
//! birth date as three selects. Also the unnamed text box before a password,
//! which is the account name. Works on runs of consecutive fields of one form.

use super::classify::{score, Classification, Scored};
use super::descriptor::FieldDescriptor;
use super::kind::FieldKind;

/// Kinds that pages split over several boxes.
const SPLITTABLE: &[FieldKind] = &[
    FieldKind::CardNumber,
    FieldKind::CardExpiry,
    FieldKind::Phone,
    FieldKind::Birthdate,
    FieldKind::BankAccount,
    FieldKind::NationalId,
    FieldKind::GiftCardCode,
    FieldKind::Otp,
    FieldKind::Pin,
];

/// Classifies every field of a page, in order, joining split fields into
/// groups (ids unique within the page, from 0).
pub fn classify_all(fields: &[FieldDescriptor]) -> Vec<Classification> {
    let mut scored: Vec<Scored> = fields.iter().map(score).collect();
    let mut next_group = 0;
    let mut start = 0;
    while start < fields.len() {
        let form = fields[start].form_index;
        let end = start + fields[start..].iter().take_while(|f| f.form_index == form).count();
        let mut seg = Segment { fields: &fields[start..end], scored: &mut scored[start..end], next_group: &mut next_group };
        seg.one_char_boxes();
        seg.date_parts();
        seg.same_kind_runs();
        seg.unlabelled_card_boxes();
        seg.recovery_word_boxes();
        seg.account_before_password();
        start = end;
    }
    scored.into_iter().map(|s| s.class).collect()
}

/// Consecutive fields of one form (or of no form).
struct Segment<'a> {
    fields: &'a [FieldDescriptor],
    scored: &'a mut [Scored],
    next_group: &'a mut u32,
}

fn text_like(d: &FieldDescriptor) -> bool {
    d.tag.eq_ignore_ascii_case("input") && ["", "text", "tel", "number", "password"].iter().any(|t| d.kind.eq_ignore_ascii_case(t))
}

/// Whether a box's own texts name one word of a phrase (`word3`, "Word 3",
/// `mnemonic-word-3`, 単語3), not a pass*word*.
fn names_a_word(d: &FieldDescriptor) -> bool {
    [&d.name, &d.id, &d.placeholder, &d.label, &d.aria_label].iter().any(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("単語") || t.match_indices("word").any(|(i, _)| !t[..i].ends_with("pass"))
    })
}

impl Segment<'_> {
    fn free(&self, i: usize) -> bool {
        self.scored[i].class.group.is_none()
    }

    /// Whether field `i` looks like one part of a split value.
    fn part_like(&self, i: usize) -> bool {
        let d = &self.fields[i];
        d.max_len().is_some_and(|n| n <= 6) || d.tag.eq_ignore_ascii_case("select") || self.scored[i].date_part
    }

    /// Maximal runs `[a, b)` of free fields satisfying `ok`.
    fn runs(&self, ok: impl Fn(&Self, usize) -> bool) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.fields.len() {
            if self.free(i) && ok(self, i) {
                let a = i;
                while i < self.fields.len() && self.free(i) && ok(self, i) {
                    i += 1;
                }
                out.push((a, i));
            } else {
                i += 1;
            }
        }
        out
    }

    /// Makes fields `a..b` one group of `kind`.
    fn join(&mut self, a: usize, b: usize, kind: FieldKind, confidence: f32, why: &str) {
        let group = *self.next_group;
        *self.next_group += 1;
        for s in &mut self.scored[a..b] {
            if s.class.kind != kind {
                s.class.kind = kind;
                s.class.evidence.retain(|_| false);
                s.class.confidence = confidence;
            } else {
                s.class.confidence = s.class.confidence.max(confidence);
            }
            s.class.evidence.push(why.to_string());
            s.class.group = Some(group);
        }
    }

    fn has_kind(&self, kinds: &[FieldKind]) -> bool {
        self.scored.iter().any(|s| kinds.contains(&s.class.kind))
    }

    /// Four to eight one-character boxes in a row: a one-time code (or a PIN
    /// when the boxes say so, or are four password boxes).
    fn one_char_boxes(&mut self) {
        for (a, b) in self.runs(|s, i| text_like(&s.fields[i]) && s.fields[i].max_len() == Some(1)) {
            let n = b - a;
            if !(4..=8).contains(&n) {
                continue;
            }
            let said = |k| self.scored[a..b].iter().any(|s| s.class.kind == k);
            let password_boxes = self.fields[a..b].iter().all(|d| d.kind.eq_ignore_ascii_case("password"));
            let kind = if said(FieldKind::Pin) || (n == 4 && password_boxes && !said(FieldKind::Otp)) { FieldKind::Pin } else { FieldKind::Otp };
            self.join(a, b, kind, 0.8, &format!("split into {n} one-character boxes"));
        }
    }

    /// Month / year (/ day) parts side by side: a card expiry or a birth date.
    fn date_parts(&mut self) {
        let dateish = |s: &Self, i: usize| {
            let k = s.scored[i].class.kind;
            (k == FieldKind::Other && s.scored[i].date_part) || (matches!(k, FieldKind::CardExpiry | FieldKind::Birthdate) && s.part_like(i))
        };
        let card_form = self.has_kind(&[FieldKind::CardNumber, FieldKind::CardCvc]);
        for (a, b) in self.runs(dateish) {
            if b - a < 2 {
                continue;
            }
            let said = |k| self.scored[a..b].iter().any(|s| s.class.kind == k);
            let (kind, why) = if said(FieldKind::CardExpiry) {
                (FieldKind::CardExpiry, "expiry split into parts")
            } else if said(FieldKind::Birthdate) {
                (FieldKind::Birthdate, "birth date split into parts")
            } else if card_form {
                (FieldKind::CardExpiry, "date parts beside card fields")
            } else if b - a == 3 {
                (FieldKind::Birthdate, "year, month and day parts")
            } else {
                continue;
            };
            self.join(a, b, kind, 0.7, why);
        }
    }

    /// Boxes of one splittable kind in a row, plus unlabelled boxes of the same
    /// shape that follow them (`カード番号 [____]-[____]-[____]-[____]`).
    fn same_kind_runs(&mut self) {
        let mut i = 0;
        while i < self.fields.len() {
            let kind = self.scored[i].class.kind;
            if !self.free(i) || !SPLITTABLE.contains(&kind) || !self.part_like(i) {
                i += 1;
                continue;
            }
            let first = &self.fields[i];
            let mut j = i + 1;
            while j < self.fields.len() && self.free(j) {
                let d = &self.fields[j];
                let s = &self.scored[j];
                let same = s.class.kind == kind && self.part_like(j);
                let shaped = s.class.kind == FieldKind::Other
                    && !s.search
                    && (!s.cued || s.date_part)
                    && d.tag.eq_ignore_ascii_case(&first.tag)
                    && d.kind.eq_ignore_ascii_case(&first.kind)
                    && self.part_like(j);
                if !(same || shaped) {
                    break;
                }
                j += 1;
            }
            if j - i >= 2 {
                let conf = self.scored[i].class.confidence;
                self.join(i, j, kind, conf, &format!("one of {} boxes", j - i));
            }
            i = j;
        }
    }

    /// Exactly four unlabelled four-character boxes in a row: how card numbers
    /// are split when the label sits elsewhere.
    fn unlabelled_card_boxes(&mut self) {
        let ok = |s: &Self, i: usize| {
            let sc = &s.scored[i];
            text_like(&s.fields[i]) && sc.class.kind == FieldKind::Other && !sc.cued && s.fields[i].max_len() == Some(4)
        };
        for (a, b) in self.runs(ok) {
            if b - a == 4 {
                self.join(a, b, FieldKind::CardNumber, 0.5, "four 4-character boxes");
            }
        }
    }

    /// Twelve to twenty-four text boxes in a row, one per word, that name a
    /// word (`word1`, "Word 12", 単語) or a recovery phrase, or are all
    /// masked: a wallet's recovery phrase typed word by word, as wallet apps
    /// ask for it and the drainer pages that copy them do.
    fn recovery_word_boxes(&mut self) {
        let ok = |s: &Self, i: usize| {
            let sc = &s.scored[i];
            // Masked too: wallet apps hide each word as it is typed.
            text_like(&s.fields[i]) && !sc.search && matches!(sc.class.kind, FieldKind::Other | FieldKind::Password | FieldKind::RecoveryPhrase)
        };
        for (a, b) in self.runs(ok) {
            let n = b - a;
            if !(12..=24).contains(&n) {
                continue;
            }
            let said = self.scored[a..b].iter().any(|s| s.class.kind == FieldKind::RecoveryPhrase);
            let worded = self.fields[a..b].iter().filter(|d| names_a_word(d)).count();
            // No sign-in asks for twelve passwords in a row.
            let masked = self.fields[a..b].iter().all(|d| d.kind.eq_ignore_ascii_case("password"));
            if said || masked || worded * 2 >= n {
                self.join(a, b, FieldKind::RecoveryPhrase, 0.8, &format!("one of {n} word boxes"));
            }
        }
    }

    /// The plain text box just before the first password, in a form that has
    /// no account-name field yet: what browsers save as the user name.
    fn account_before_password(&mut self) {
        let Some(p) = self.scored.iter().position(|s| s.class.kind == FieldKind::Password) else { return };
        if self.scored[..p].iter().any(|s| matches!(s.class.kind, FieldKind::Username | FieldKind::Email)) {
            return;
        }
        let candidate = (p.saturating_sub(3)..p).rev().find(|&i| {
            let d = &self.fields[i];
            let ty = d.kind.to_ascii_lowercase();
            d.tag.eq_ignore_ascii_case("input") && matches!(ty.as_str(), "" | "text" | "email" | "tel") && self.free(i) && !self.scored[i].search
        });
        if let Some(i) = candidate {
            let s = &mut self.scored[i];
            if s.class.kind == FieldKind::Other || s.class.kind == FieldKind::Phone {
                s.class.kind = FieldKind::Username;
                s.class.confidence = 0.5;
                s.class.evidence = vec!["text box before the password".into()];
            }
        }
    }
}
