//! Values quoted inside error messages (a feed's key, a list role, a table
//! line), escaped by hand: `{:?}` would pull core's Debug escaping and its
//! Unicode tables into the wasm (3.3 KB gzip) for messages that only need
//! to show where input went wrong without letting control characters through.

/// `value` in double quotes, with `"`, `\` and control characters escaped
/// (`\n`, `\t`, `\r`, `\0`, else `\u{..}`); everything else as it is.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                out.push_str("\\u{");
                let code = c as u32;
                let digits = (32 - code.leading_zeros()).div_ceil(4).max(1);
                for shift in (0..digits).rev() {
                    out.push(char::from_digit((code >> (4 * shift)) & 0xf, 16).unwrap_or('0'));
                }
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quotes_like_debug_for_ascii_and_controls() {
        for s in ["", "block", "a\"b\\c", "line\tone\r\n", "\u{0}\u{1b}\u{7f}\u{9f}", "トラスト"] {
            assert_eq!(quoted(s), format!("{s:?}"), "{s:?}");
        }
    }
}
