//! Writing systems in the host: a label mixing alphabets (Latin with Cyrillic,
//! say) is how homograph attacks imitate a name.

use crate::target::Target;
use crate::verdict::Reason;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Japanese,
    Other,
}

fn script(c: char) -> Option<Script> {
    Some(match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => Script::Latin,
        '\u{0370}'..='\u{03FF}' => Script::Greek,
        '\u{0400}'..='\u{052F}' => Script::Cyrillic,
        '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{FF66}'..='\u{FF9F}' => Script::Japanese,
        // Digits, hyphens, underscores and other marks belong to no alphabet.
        c if !c.is_alphabetic() => return None,
        _ => Script::Other,
    })
}

fn name(s: Script) -> &'static str {
    match s {
        Script::Latin => "Latin",
        Script::Cyrillic => "Cyrillic",
        Script::Greek => "Greek",
        Script::Japanese => "Japanese",
        Script::Other => "other",
    }
}

pub(super) fn signals(t: &Target, out: &mut Vec<Reason>) {
    // ASCII has one alphabet (Latin): only a host with other characters can mix.
    if t.unicode_host().is_ascii() {
        return;
    }
    for label in t.unicode_host().split('.') {
        // At most one of each of the five scripts, in the order first seen.
        let mut seen = [Script::Other; 5];
        let mut count = 0;
        for s in label.chars().filter_map(script) {
            if !seen[..count].contains(&s) {
                seen[count] = s;
                count += 1;
            }
        }
        let seen = &seen[..count];
        // Japanese names legitimately mix kana/kanji with Latin letters.
        let mixed = seen.len() > 1 && !(seen.len() == 2 && seen.contains(&Script::Japanese) && seen.contains(&Script::Latin));
        if mixed {
            let detail = seen.iter().map(|s| name(*s)).collect::<Vec<_>>().join(" + ");
            out.push(Reason::new("idn-mixed-script").detail(detail));
            return;
        }
    }
}
