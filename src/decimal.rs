//! Reads the decimal numbers of the data tables (`9.85`, `-0.5`).
//!
//! `str::parse::<f32>` handles every float syntax correctly rounded, and costs
//! about 15 KB of wasm (code plus a table of powers of five) for the one number
//! the tables hold. This reads plain `[-]digits[.digits]`, which is all the
//! tables use, and rounds through `f64`: for up to 15 significant digits the
//! result equals `parse::<f32>` (a test compares them).

/// The value of `s`, or `None` for anything but `[-]digits[.digits]` with at
/// most 15 digits in all.
pub fn parse_f32(s: &str) -> Option<f32> {
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() || int.len() + frac.len() > 15 || s.ends_with('.') {
        return None;
    }
    let mut mantissa: u64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
    }
    // Both exact in f64 (under 2^53 and 10^15), so the division rounds once.
    let value = mantissa as f64 / 10f64.powi(frac.len() as i32);
    let value = value as f32;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_std() {
        for s in ["9.85", "0", "1", "-0.5", "3.14159", "0.1", "0.3", "12345.678", "100", "0.000001", "999999.999999999"] {
            assert_eq!(parse_f32(s), s.parse::<f32>().ok(), "{s}");
        }
        // Every value with up to three decimals below 100.
        for n in 0..100_000u32 {
            let s = format!("{}.{:03}", n / 1000, n % 1000);
            assert_eq!(parse_f32(&s), s.parse::<f32>().ok(), "{s}");
        }
    }

    #[test]
    fn rejects_other_syntax() {
        for s in ["", "-", ".5", "5.", "1e3", "+1", "inf", "NaN", "1.2.3", " 1", "1 ", "0x10", "1234567890123456"] {
            assert_eq!(parse_f32(s), None, "{s:?}");
        }
    }
}
