//! Punycode (RFC 3492): the Bootstring encoding that turns a Unicode label into
//! the letters, digits and hyphens DNS carries (`bücher` ⇄ `bcher-kva`).
//!
//! Written from the RFC's section 6 pseudocode. No `xn--` prefix handling here:
//! that belongs to IDNA (`idna.rs`). This file is also compiled into `build.rs`
//! (to turn the Public Suffix List's IDN rules into ASCII), so it must not
//! depend on anything else in the crate.

// Parameter values for Punycode (RFC 3492 section 5).
const BASE: u32 = 36;
const TMIN: u32 = 1;
const TMAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 0x80;
const DELIMITER: char = '-';

/// Bias adaptation function (RFC 3492 section 6.1).
fn adapt(delta: u32, num_points: u32, first_time: bool) -> u32 {
    let mut delta = if first_time { delta / DAMP } else { delta / 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + (BASE - TMIN + 1) * delta / (delta + SKEW)
}

/// The threshold `t` for the digit at position `k` (RFC 3492 section 6.2/6.3).
fn threshold(k: u32, bias: u32) -> u32 {
    if k <= bias {
        TMIN
    } else if k >= bias + TMAX {
        TMAX
    } else {
        k - bias
    }
}

/// The character for a digit value 0..36: `a`..`z` then `0`..`9` (lower case).
fn encode_digit(d: u32) -> char {
    match d {
        0..=25 => char::from(b'a' + d as u8),
        _ => char::from(b'0' + (d - 26) as u8),
    }
}

/// The value of a digit character (either case), `None` for a non-digit.
fn decode_digit(c: char) -> Option<u32> {
    match c {
        'a'..='z' => Some(c as u32 - 'a' as u32),
        'A'..='Z' => Some(c as u32 - 'A' as u32),
        '0'..='9' => Some(c as u32 - '0' as u32 + 26),
        _ => None,
    }
}

/// Encodes a Unicode string to Punycode (RFC 3492 section 6.3). Basic code
/// points keep their case; `None` on arithmetic overflow.
pub fn encode(input: &str) -> Option<String> {
    let chars: Vec<u32> = input.chars().map(u32::from).collect();
    let mut output: String = input.chars().filter(char::is_ascii).collect();
    let basic = u32::try_from(output.len()).ok()?;
    if basic > 0 {
        output.push(DELIMITER);
    }
    let total = u32::try_from(chars.len()).ok()?;
    let mut n = INITIAL_N;
    let mut delta: u32 = 0;
    let mut bias = INITIAL_BIAS;
    let mut handled = basic;
    while handled < total {
        // The smallest code point not yet handled.
        let m = chars.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &chars {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = threshold(k, bias);
                    if q < t {
                        break;
                    }
                    output.push(encode_digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                output.push(encode_digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(output)
}

/// Decodes Punycode to Unicode (RFC 3492 section 6.2). `None` for anything the
/// RFC says to fail on: a non-basic code point before the last delimiter, a bad
/// digit, a truncated number, overflow, or a result that is not a Unicode scalar.
/// Work grows with the square of the length; callers bound the input.
pub fn decode(input: &str) -> Option<String> {
    let (basic, extended) = match input.rfind(DELIMITER) {
        Some(b) if b > 0 => (&input[..b], &input[b + 1..]),
        // No delimiter, or one at the very start: every code point is a digit.
        _ => ("", input),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut output: Vec<char> = basic.chars().collect();
    let mut n = INITIAL_N;
    let mut i: u32 = 0;
    let mut bias = INITIAL_BIAS;
    let mut digits = extended.chars();
    while digits.as_str() != "" {
        let old_i = i;
        let mut w: u32 = 1;
        let mut k = BASE;
        loop {
            let digit = decode_digit(digits.next()?)?;
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = threshold(k, bias);
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = u32::try_from(output.len()).ok()?.checked_add(1)?;
        bias = adapt(i - old_i, len, old_i == 0);
        // n only grows from INITIAL_N, so it can never be a basic code point.
        n = n.checked_add(i / len)?;
        i %= len;
        let c = char::from_u32(n)?;
        output.insert(usize::try_from(i).ok()?, c);
        i += 1;
    }
    Some(output.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};

    /// RFC 3492 section 7.1 sample strings, restated as data: the code points
    /// (hex) and the Punycode the RFC gives for them. Mixed case is the RFC's:
    /// basic code points keep their case through encoding.
    const RFC3492_SAMPLES: &[(&str, &str, &str)] = &[
        ("(A) Arabic (Egyptian)", "0644 064A 0647 0645 0627 0628 062A 0643 0644 0645 0648 0634 0639 0631 0628 064A 061F", "egbpdaj6bu4bxfgehfvwxn"),
        ("(B) Chinese (simplified)", "4ED6 4EEC 4E3A 4EC0 4E48 4E0D 8BF4 4E2D 6587", "ihqwcrb4cv8a8dqg056pqjye"),
        ("(C) Chinese (traditional)", "4ED6 5011 7232 4EC0 9EBD 4E0D 8AAA 4E2D 6587", "ihqwctvzc91f659drss3x8bo0yb"),
        ("(D) Czech", "0050 0072 006F 010D 0070 0072 006F 0073 0074 011B 006E 0065 006D 006C 0075 0076 00ED 010D 0065 0073 006B 0079", "Proprostnemluvesky-uyb24dma41a"),
        ("(E) Hebrew", "05DC 05DE 05D4 05D4 05DD 05E4 05E9 05D5 05D8 05DC 05D0 05DE 05D3 05D1 05E8 05D9 05DD 05E2 05D1 05E8 05D9 05EA", "4dbcagdahymbxekheh6e0a7fei0b"),
        ("(F) Hindi (Devanagari)", "092F 0939 0932 094B 0917 0939 093F 0928 094D 0926 0940 0915 094D 092F 094B 0902 0928 0939 0940 0902 092C 094B 0932 0938 0915 0924 0947 0939 0948 0902", "i1baa7eci9glrd9b2ae1bj0hfcgg6iyaf8o0a1dig0cd"),
        ("(G) Japanese (kanji and hiragana)", "306A 305C 307F 3093 306A 65E5 672C 8A9E 3092 8A71 3057 3066 304F 308C 306A 3044 306E 304B", "n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa"),
        ("(H) Korean (Hangul syllables)", "C138 ACC4 C758 BAA8 B4E0 C0AC B78C B4E4 C774 D55C AD6D C5B4 B97C C774 D574 D55C B2E4 BA74 C5BC B9C8 B098 C88B C744 AE4C", "989aomsvi5e83db1d2a355cv1e0vak1dwrv93d5xbh15a0dt30a5jpsd879ccm6fea98c"),
        ("(I) Russian (Cyrillic)", "043F 043E 0447 0435 043C 0443 0436 0435 043E 043D 0438 043D 0435 0433 043E 0432 043E 0440 044F 0442 043F 043E 0440 0443 0441 0441 043A 0438", "b1abfaaepdrnnbgefbadotcwatmq2g4l"),
        ("(J) Spanish", "0050 006F 0072 0071 0075 00E9 006E 006F 0070 0075 0065 0064 0065 006E 0073 0069 006D 0070 006C 0065 006D 0065 006E 0074 0065 0068 0061 0062 006C 0061 0072 0065 006E 0045 0073 0070 0061 00F1 006F 006C", "PorqunopuedensimplementehablarenEspaol-fmd56a"),
        ("(K) Vietnamese", "0054 1EA1 0069 0073 0061 006F 0068 1ECD 006B 0068 00F4 006E 0067 0074 0068 1EC3 0063 0068 1EC9 006E 00F3 0069 0074 0069 1EBF 006E 0067 0056 0069 1EC7 0074", "TisaohkhngthchnitingVit-kjcr8268qyxafd2f1b9g"),
        ("(L) 3<nen>B<gumi><kinpachi><sensei>", "0033 5E74 0042 7D44 91D1 516B 5148 751F", "3B-ww4c5e180e575a65lsy2b"),
        ("(M) <amuro><namie>-with-SUPER-MONKEYS", "5B89 5BA4 5948 7F8E 6075 002D 0077 0069 0074 0068 002D 0053 0055 0050 0045 0052 002D 004D 004F 004E 004B 0045 0059 0053", "-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n"),
        ("(N) Hello-Another-Way-<sorezore><no><basho>", "0048 0065 006C 006C 006F 002D 0041 006E 006F 0074 0068 0065 0072 002D 0057 0061 0079 002D 305D 308C 305E 308C 306E 5834 6240", "Hello-Another-Way--fc4qua05auwb3674vfr0b"),
        ("(O) <hitotsu><yane><no><shita>2", "3072 3068 3064 5C4B 6839 306E 4E0B 0032", "2-u9tlzr9756bt3uc0v"),
        ("(P) Maji<de>Koi<suru>5<byou><mae>", "004D 0061 006A 0069 3067 004B 006F 0069 3059 308B 0035 79D2 524D", "MajiKoi5-783gue6qz075azm5e"),
        ("(Q) <pafii>de<runba>", "30D1 30D5 30A3 30FC 0064 0065 30EB 30F3 30D0", "de-jg4avhby1noc0d"),
        ("(R) <sono><supiido><de>", "305D 306E 30B9 30D4 30FC 30C9 3067", "d9juau41awczczp"),
        ("(S) -> $1.00 <-", "002D 003E 0020 0024 0031 002E 0030 0030 0020 003C 002D", "-> $1.00 <--"),
    ];

    fn from_hex(code_points: &str) -> String {
        code_points
            .split(' ')
            .map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32).expect("sample table holds valid code points"))
            .collect()
    }

    #[test]
    fn rfc3492_samples_encode() {
        for (name, code_points, puny) in RFC3492_SAMPLES {
            assert_eq!(encode(&from_hex(code_points)).as_deref(), Some(*puny), "{name}");
        }
    }

    #[test]
    fn rfc3492_samples_decode() {
        for (name, code_points, puny) in RFC3492_SAMPLES {
            assert_eq!(decode(puny), Some(from_hex(code_points)), "{name}");
        }
    }

    #[test]
    fn digits_decode_in_either_case() {
        // RFC 3492 section 5: decoders must accept upper-case digits too.
        assert_eq!(decode("EGBPDAJ6BU4BXFGEHFVWXN").as_deref(), decode("egbpdaj6bu4bxfgehfvwxn").as_deref());
        assert_eq!(decode("bcher-kva").as_deref(), Some("bücher"));
        assert_eq!(encode("bücher").as_deref(), Some("bcher-kva"));
    }

    #[test]
    fn empty_and_pure_ascii() {
        assert_eq!(encode("").as_deref(), Some(""));
        assert_eq!(decode("").as_deref(), Some(""));
        assert_eq!(encode("abc").as_deref(), Some("abc-"));
        assert_eq!(decode("abc-").as_deref(), Some("abc"));
    }

    #[test]
    fn malformed_input_fails() {
        // Non-basic code point before the delimiter.
        assert_eq!(decode("ü-kva"), None);
        // A character that is not a base-36 digit after the delimiter.
        assert_eq!(decode("abc-!!"), None);
        // Number cut off in the middle (last digit still above its threshold).
        assert_eq!(decode("bcher-kv9"), None);
        // A leading delimiter is not a delimiter: '-' is not a digit.
        assert_eq!(decode("-abc"), None);
        // Overflow: digits that never fall below their threshold make the
        // weight outgrow 32 bits.
        assert_eq!(decode("99999999999999999999"), None);
        // Values landing on surrogates (U+D800, U+DFFF) are not characters.
        assert_eq!(decode("ib9b"), None);
        assert_eq!(decode("a-qo7g"), None);
        // Beyond U+10FFFF.
        assert_eq!(decode("4c9999999a"), None);
    }

    #[test]
    fn round_trips_many_strings() {
        let samples = ["ａｂｃ", "пример", "例え", "mañana", "ü", "\u{10FFFF}", "a\u{80}b", "日本語ドメイン"];
        for s in samples {
            let enc = encode(s).expect("encodable");
            assert!(enc.is_ascii());
            assert_eq!(decode(&enc).as_deref(), Some(s));
        }
    }
}
