//! Text folding for matching labels and names: the part of Unicode NFKC that
//! matters on Japanese and English forms (full-width ASCII, half-width
//! katakana, the ideographic space), lower case, and the splitting of field
//! names written in camelCase, snake_case or kebab-case into words.

/// Half-width katakana U+FF66..=U+FF9D (checked against `FULL_KANA` by a test).
#[cfg(test)]
const HALF_KANA: &str = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ";
const FULL_KANA: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

/// Folds one character: full-width ASCII to ASCII, the ideographic space to a
/// space, half-width katakana to full width. Other characters are unchanged.
fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{FF66}'..='\u{FF9D}' => {
            let i = c as usize - 0xFF66;
            FULL_KANA.chars().nth(i).unwrap_or(c)
        }
        '\u{FF61}' => '。',
        '\u{FF62}' => '「',
        '\u{FF63}' => '」',
        '\u{FF64}' => '、',
        '\u{FF65}' => '・',
        _ => c,
    }
}

/// Applies a half-width (semi-)voiced sound mark to the preceding full-width
/// katakana, as NFKC composes `ｶﾞ` into `ガ`. `None` when they do not combine.
fn voice(base: char, mark: char) -> Option<char> {
    let next = |n: u32| char::from_u32(base as u32 + n);
    match mark {
        '\u{FF9E}' if base == 'ウ' => Some('ヴ'),
        '\u{FF9E}' if "カキクケコサシスセソタチツテトハヒフヘホ".contains(base) => next(1),
        '\u{FF9F}' if "ハヒフヘホ".contains(base) => next(2),
        _ => None,
    }
}

/// Folds text for matching: the NFKC-like character folding above, lower case,
/// every run of whitespace as one space, trimmed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = fold_char(c);
        if c == '\u{FF9E}' || c == '\u{FF9F}' {
            if let Some(v) = out.chars().last().and_then(|last| voice(last, c)) {
                out.pop();
                out.push(v);
                continue;
            }
        }
        if c.is_whitespace() || c == '\u{FEFF}' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        push_lower(&mut out, c);
    }
    out
}

/// Splits a field name or id into lower-case words: at `_`, `-`, `.`, `[`, `]`,
/// spaces and other punctuation, at lower→upper case changes (`cardNumber`),
/// at the end of an upper-case run (`CCNumber` → `cc number`) and between
/// letters and digits (`cvv2` → `cvv 2`).
pub fn name_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().map(fold_char).collect();
    let mut words = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            push_word(&mut words, &mut cur);
            continue;
        }
        if let Some(&prev) = i.checked_sub(1).and_then(|j| chars.get(j)) {
            let next = chars.get(i + 1).copied();
            let boundary = (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_uppercase() && c.is_uppercase() && next.is_some_and(char::is_lowercase))
                || (prev.is_ascii_digit() != c.is_ascii_digit() && prev.is_alphanumeric());
            if boundary {
                push_word(&mut words, &mut cur);
            }
        }
        push_lower(&mut cur, c);
    }
    push_word(&mut words, &mut cur);
    words
}

/// Appends `c` in lower case (ASCII, by far the most common, without the
/// Unicode tables).
fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        out.extend(crate::lowercase::chars(c));
    }
}

fn push_word(words: &mut Vec<String>, cur: &mut String) {
    if !cur.is_empty() {
        words.push(std::mem::take(cur));
    }
}

/// The byte range of the first whole-word occurrence of `needle` in `hay`:
/// not preceded or followed by an ASCII letter or digit. Both are expected
/// folded. The plain reference the single-pass `matcher` is tested against.
#[cfg(test)]
pub fn find_words(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(pos) = hay.get(from..).and_then(|h| h.find(needle)) {
        let start = from + pos;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric());
        let after = hay[end..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        if !before && !after {
            return Some((start, end));
        }
        from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Folds digits written in any width and drops spaces and hyphens: what a
/// person types as a card number (`４１１１ 1111-…`) becomes plain digits
/// and letters.
pub fn compact_code(value: &str) -> String {
    value
        .chars()
        .map(fold_char)
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '‐' | '−' | 'ー' | '－'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_ascii_and_spaces() {
        assert_eq!(fold("ＣＶＶ２\u{3000}Card  Number"), "cvv2 card number");
        assert_eq!(fold("  ｐａｓｓｗｏｒｄ "), "password");
    }

    #[test]
    fn half_width_katakana() {
        assert_eq!(fold("ｶｰﾄﾞ番号"), "カード番号");
        assert_eq!(fold("ｾｷｭﾘﾃｨｺｰﾄﾞ"), "セキュリティコード");
        assert_eq!(fold("ﾊﾟｽﾜｰﾄﾞ"), "パスワード");
        assert_eq!(fold("ﾜﾝﾀｲﾑﾊﾟｽﾜｰﾄﾞ"), "ワンタイムパスワード");
        assert_eq!(fold("ｷﾞﾌﾄ"), "ギフト");
        assert_eq!(fold("ﾋﾞﾋﾟﾌﾞﾌﾟﾍﾞﾎﾟ"), "ビピブプベポ");
        assert_eq!(fold("ﾂﾞﾃﾞﾄﾞｳﾞ"), "ヅデドヴ");
    }

    #[test]
    fn name_splitting() {
        assert_eq!(name_words("cardNumber"), ["card", "number"]);
        assert_eq!(name_words("CCNumber"), ["cc", "number"]);
        assert_eq!(name_words("cc_num"), ["cc", "num"]);
        assert_eq!(name_words("card-exp-month"), ["card", "exp", "month"]);
        assert_eq!(name_words("cvv2"), ["cvv", "2"]);
        assert_eq!(name_words("payment[card][cvc]"), ["payment", "card", "cvc"]);
        assert_eq!(name_words("ＰＩＮ"), ["pin"]);
        assert!(name_words("").is_empty());
    }

    #[test]
    fn kana_tables_line_up() {
        assert_eq!(HALF_KANA.chars().count(), 0xFF9D - 0xFF66 + 1);
        assert_eq!(FULL_KANA.chars().count(), HALF_KANA.chars().count());
        for (i, c) in HALF_KANA.chars().enumerate() {
            assert_eq!(c as usize, 0xFF66 + i);
        }
    }

    fn contains_words(hay: &str, needle: &str) -> bool {
        find_words(hay, needle).is_some()
    }

    #[test]
    fn whole_words() {
        assert!(contains_words("enter your pin code", "pin"));
        assert!(!contains_words("shipping address", "pin"));
        assert!(contains_words("pin", "pin"));
        assert!(contains_words("(cvv)", "cvv"));
        assert!(!contains_words("cvv2x", "cvv"));
    }

    #[test]
    fn compact_codes() {
        assert_eq!(compact_code("４１１１ 1111-1111 1111"), "4111111111111111");
        assert_eq!(compact_code("ABCD-EFGHIJ-KLMN"), "ABCDEFGHIJKLMN");
    }
}
