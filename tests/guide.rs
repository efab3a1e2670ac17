//! The recovery guide: complete in both languages, the right situations for
//! what was handed over, and readable from the command line.

use std::collections::BTreeSet;
use std::process::Command;

use sagiguard::guide::{guide, situations_for, Guide, Situation, SituationGuide};
use sagiguard::text::Lang;
use sagiguard::Engine;

const EN: &str = include_str!("../data/guide/en.tsv");
const JA: &str = include_str!("../data/guide/ja.tsv");

/// `(key, text)` rows of a guide table, as the engine reads them.
fn rows(table: &str) -> Vec<(&str, &str)> {
    table
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_once('\t').unwrap_or_else(|| panic!("line without a tab: {l:?}")))
        .collect()
}

fn has_japanese(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff60}'))
}

/// `<situation>.contacts`: the list of contact ids a situation shows.
fn is_contact_list(key: &str) -> bool {
    key.strip_suffix(".contacts").and_then(Situation::from_id).is_some()
}

/// Values that are the same in every language: contact id lists and numbers to dial.
fn language_neutral(key: &str) -> bool {
    is_contact_list(key) || (key.starts_with("contact.") && key.ends_with(".tel"))
}

#[test]
fn every_situation_is_complete_in_both_languages() {
    for lang in Lang::ALL {
        let g = guide(lang, &Situation::ALL);
        assert_eq!(g.situations.len(), 7);
        assert!(!g.title.is_empty() && g.intro.len() >= 2 && !g.sources.is_empty(), "{lang:?}");
        assert_eq!(g.prevention.len(), 5, "the five prevention points in {lang:?}");
        for s in &g.situations {
            let at = format!("{} in {lang:?}", s.id);
            assert!(!s.title.is_empty() && !s.summary.is_empty(), "{at}");
            assert!(s.steps.len() >= 2, "{at}: fewer than two steps");
            assert!(!s.damage.is_empty(), "{at}: no damage");
            assert!(!s.contacts.is_empty(), "{at}: no contacts");
            for step in &s.steps {
                assert!(step.id.starts_with(&format!("{}.", s.id)) && !step.text.is_empty(), "{at}: {step:?}");
            }
            for c in &s.contacts {
                assert!(!c.name.is_empty() && !c.detail.is_empty(), "{at}: contact {}", c.id);
            }
        }
    }
}

#[test]
fn step_ids_are_the_same_in_both_languages() {
    let en = guide(Lang::En, &Situation::ALL);
    let ja = guide(Lang::Ja, &Situation::ALL);
    let ids = |s: &SituationGuide| s.steps.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    let contacts = |s: &SituationGuide| s.contacts.iter().map(|c| (c.id, c.tel)).collect::<Vec<_>>();
    for (e, j) in en.situations.iter().zip(&ja.situations) {
        assert_eq!(ids(e), ids(j), "{}", e.id);
        assert_eq!(contacts(e), contacts(j), "{}", e.id);
    }
    let prevention = |g: &Guide| g.prevention.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    assert_eq!(prevention(&en), prevention(&ja));
    let all: BTreeSet<String> = en.situations.iter().flat_map(ids).collect();
    assert_eq!(all.len(), en.situations.iter().map(|s| s.steps.len()).sum::<usize>(), "step ids are unique");
}

#[test]
fn no_empty_missing_or_untranslated_text() {
    let (en, ja) = (rows(EN), rows(JA));
    let keys = |r: &[(&'static str, &'static str)]| r.iter().map(|(k, _)| *k).collect::<Vec<_>>();
    assert_eq!(keys(&en), keys(&ja), "both files hold the same keys in the same order");
    assert_eq!(keys(&en).iter().collect::<BTreeSet<_>>().len(), en.len(), "no key twice");
    for ((key, e), (_, j)) in en.iter().zip(&ja) {
        assert!(!e.trim().is_empty() && !j.trim().is_empty(), "{key} is empty");
        assert_eq!(e.trim(), *e, "{key}: stray spaces in en");
        assert_eq!(j.trim(), *j, "{key}: stray spaces in ja");
        if language_neutral(key) {
            assert_eq!(e, j, "{key} must be the same in both languages");
        } else {
            assert!(has_japanese(j), "{key}: the Japanese text has no Japanese in it: {j:?}");
            assert!(!has_japanese(e), "{key}: the English text has Japanese in it: {e:?}");
        }
    }
}

#[test]
fn every_key_has_a_place_and_every_contact_is_used() {
    let en = rows(EN);
    let ids: Vec<&str> = Situation::ALL.iter().map(|s| s.id()).collect();
    let referenced: BTreeSet<&str> =
        en.iter().filter(|(k, _)| is_contact_list(k)).flat_map(|(_, v)| v.split_whitespace()).collect();
    let mut defined = BTreeSet::new();
    for (key, _) in &en {
        let parts: Vec<&str> = key.split('.').collect();
        let ok = match parts.as_slice() {
            ["title" | "sources"] => true,
            ["intro" | "heading" | "prevention" | "kind" | "summary", _] => true,
            [s, "title" | "summary" | "contacts"] => ids.contains(s),
            [s, "step" | "damage", _] => ids.contains(s),
            ["contact", c, "name" | "detail" | "tel"] => {
                defined.insert(*c);
                true
            }
            _ => false,
        };
        assert!(ok, "{key} is not a key the guide reads");
    }
    assert_eq!(referenced, defined, "contacts defined vs. used by a situation");
}

#[test]
fn kinds_map_to_situations() {
    use Situation::*;
    let table: &[(&[&str], &[Situation])] = &[
        (&["card-number", "card-cvc"], &[Card]),
        (&["card-expiry"], &[Card]),
        (&["card-holder", "card-number"], &[Card]),
        (&["bank-account"], &[Bank]),
        (&["bank-branch", "bank-account", "pin"], &[Bank]),
        (&["pin", "card-number"], &[Card]),
        (&["pin"], &[Card, Bank]),
        (&["password"], &[Account]),
        (&["username", "password"], &[Account]),
        (&["email"], &[Account]),
        (&["otp"], &[Account]),
        (&["gift-card-code"], &[Giftcard]),
        (&["password", "card-number", "gift-card-code"], &[Card, Giftcard, Account]),
        (&["card"], &[Card]),
        (&["bank"], &[Bank]),
        (&["account"], &[Account]),
        (&["phone"], &[Phone]),
        (&["payment"], &[Payment]),
        (&["giftcard"], &[Giftcard]),
        (&["phone", "payment", "card", "account", "wallet", "giftcard", "bank"], &[Card, Bank, Payment, Giftcard, Wallet, Account, Phone]),
        (&["address", "birthdate", "national-id", "other", "nonsense"], &[]),
        (&[], &[]),
    ];
    for (kinds, want) in table {
        assert_eq!(situations_for(kinds), want.to_vec(), "{kinds:?}");
    }
}

#[test]
fn the_engine_answers_with_the_right_sections_in_json() {
    let g = Engine::new().guide(&["card-number", "card-cvc"], Lang::Ja);
    let v = serde_json::to_value(&g).expect("guide serializes");
    assert_eq!(v["lang"], "ja");
    assert_eq!(v["situations"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["situations"][0]["id"], "card");
    assert_eq!(v["situations"][0]["steps"][0]["id"], "card.call-issuer");
    assert_eq!(v["choices"].as_array().map(Vec::len), Some(7));
    let tels: Vec<&str> = g.situations[0].contacts.iter().filter_map(|c| c.tel).collect();
    assert!(tels.contains(&"#9110"), "{tels:?}");

    let phone = Engine::new().guide(&["phone"], Lang::En);
    assert_eq!(phone.situations[0].related, vec!["card", "bank", "account"]);
    assert!(Engine::new().guide(&["address"], Lang::En).situations.is_empty());
}

#[test]
fn english_readers_are_told_the_numbers_are_japans() {
    let g = guide(Lang::En, &Situation::ALL);
    for s in &g.situations {
        for c in s.contacts.iter().filter(|c| c.tel.is_some()) {
            assert!(c.name.contains("(Japan)"), "{}: {}", s.id, c.name);
        }
        assert!(s.contacts.iter().any(|c| c.id == "abroad"), "{} lacks the outside-Japan contact", s.id);
    }
}

fn sagiguard(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sagiguard")).args(args).output().expect("binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn cli_prints_the_steps_in_japanese() {
    let (code, out, err) = sagiguard(&["guide", "card-number", "card-cvc", "--lang", "ja"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("クレジットカードの情報"), "{out}");
    assert!(out.contains("[ ] カードの裏面にある番号から"), "{out}");
    assert!(out.contains("(card.call-issuer)"), "{out}");
    assert!(out.contains("#9110"), "{out}");
    assert!(out.contains("次の被害を防ぐために"), "{out}");
    assert!(!out.contains("銀行口座の情報"), "{out}");
}

#[test]
fn cli_json_and_summary() {
    let (code, out, err) = sagiguard(&["guide", "password", "gift-card-code", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let ids: Vec<&str> = v["situations"].as_array().into_iter().flatten().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(ids, ["giftcard", "account"]);

    let (code, out, _) =
        sagiguard(&["guide", "bank-account", "--summary", "--site", "bank-verify.example", "--done", "bank.call-bank"]);
    assert_eq!(code, 0);
    assert!(out.contains("Site: bank-verify.example\n"), "{out}");
    assert!(out.contains("[done] Call your bank now"), "{out}");
    assert!(out.contains("[not yet] Change your PIN"), "{out}");
}

#[test]
fn cli_without_kinds_is_a_usage_error() {
    let (code, _, err) = sagiguard(&["guide", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(err.contains("KIND"), "{err}");
}
