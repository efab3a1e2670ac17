//! Wallet recovery phrases by their shape. A drainer page asks for the phrase
//! in any box it likes, often one whose label says nothing ("Validate",
//! "Sync"), and people paste the whole phrase at once; the typed value itself
//! then shows what the words did not.
//!
//! REFERENCE for the content script: its local check of a typed value (which
//! never leaves the content script) must give the same answers as
//! [`looks_like_recovery_phrase`]. No word list ships: the shape is the
//! BIP-39 one (12 to 24 words in steps of three, each of three to eight
//! letters, which every word of the English list is), and ordinary sentences
//! of that shape are told apart by the everyday words they hold and the list
//! lacks.

/// Everyday English words of three to eight letters that are not in the
/// BIP-39 English word list: a text holding one is a sentence, not a phrase.
const NOT_IN_PHRASES: &[&str] = &[
    "the", "and", "for", "with", "your", "are", "was", "from", "not", "but", "our", "has", "had", "were", "been",
    "which", "their", "would", "could", "should", "them", "its", "his", "her", "she", "him", "who", "how", "why",
    "did", "does", "than", "these", "those", "some", "out", "get", "got", "yes",
];

/// Longer texts are never taken for a phrase: the content script's twin runs
/// at every key press, and a long text then costs it nothing.
const MAX_TEXT: usize = 1000;

/// Whether a typed value looks like a wallet's recovery phrase: 12, 15, 18,
/// 21 or 24 words apart by white space, each of three to eight ASCII letters
/// in any case, none of them an everyday word the BIP-39 list lacks (`the`,
/// `and`, `your`, ...).
pub fn looks_like_recovery_phrase(value: &str) -> bool {
    if value.len() > MAX_TEXT {
        return false;
    }
    let mut words = 0;
    for word in value.split_whitespace() {
        words += 1;
        if words > 24 || !(3..=8).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        if NOT_IN_PHRASES.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            return false;
        }
    }
    words >= 12 && words % 3 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases() {
        // Made of list words for these tests; none is anyone's wallet.
        assert!(looks_like_recovery_phrase("witch collapse practice feed shame open despair creek road again ice least"));
        assert!(looks_like_recovery_phrase("  Witch collapse practice\nfeed shame open despair creek road again ice least "));
        let twenty_four = "abandon ability able about above absent absorb abstract absurd abuse access accident \
                           acid acoustic acquire across act action actor actress actual adapt add addict";
        assert!(looks_like_recovery_phrase(twenty_four));
        assert!(looks_like_recovery_phrase(&["act"; 12].join(" ")), "the shortest: 47 characters");
        assert!(looks_like_recovery_phrase(&twenty_four.split(' ').filter(|w| !w.is_empty()).take(15).collect::<Vec<_>>().join(" ")));
    }

    #[test]
    fn not_phrases() {
        assert!(!looks_like_recovery_phrase("witch collapse practice feed shame open despair creek road again ice"), "eleven words");
        assert!(!looks_like_recovery_phrase("witch collapse practice feed shame open despair creek road again ice least zoo"), "thirteen");
        assert!(!looks_like_recovery_phrase("please send the parcel back to our office before friday because nobody here ordered it"), "a sentence");
        assert!(!looks_like_recovery_phrase("thank you very much for your help with this order today and tomorrow"), "a sentence of long words");
        assert!(!looks_like_recovery_phrase("witch collapse practice feed shame open despair creek road again ice least."), "punctuation");
        assert!(!looks_like_recovery_phrase("witch collapse practice feed shame open despair creek road again ice 1234"), "digits");
        assert!(!looks_like_recovery_phrase("witch collapse practice feed shame open despair creek road again ice extraordinary"), "a long word");
        assert!(!looks_like_recovery_phrase(""));
        assert!(!looks_like_recovery_phrase(&format!("{}{}", " ".repeat(990), "witch collapse practice feed shame open despair creek road again ice least")), "over 1,000 characters");
    }
}
