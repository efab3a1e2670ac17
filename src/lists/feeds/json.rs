//! A small, tolerant JSON scanner for the two JSON feed shapes (MetaMask
//! `config.json`, polkadot-js `all.json`): it finds the arrays of strings under
//! the keys of the top-level object, and nothing else. It keeps serde_json out
//! of the wasm build, and a strange value elsewhere in the file does not stop it.

/// The string arrays of a JSON document: for a top-level object, each key whose
/// value is an array with the strings in it (non-string items are counted in
/// the second number); for a top-level array, one entry with an empty key.
/// `Err` when the text is not JSON of either shape (unterminated, no `{`/`[`).
pub fn string_arrays(text: &str) -> Result<Vec<(String, Vec<String>, u32)>, String> {
    let mut s = Scanner { b: text.as_bytes(), i: 0 };
    s.ws();
    match s.peek() {
        Some(b'[') => {
            let (items, bad) = s.array_of_strings()?;
            Ok(vec![(String::new(), items, bad)])
        }
        Some(b'{') => {
            s.i += 1;
            let mut out = Vec::new();
            loop {
                s.ws();
                match s.peek() {
                    Some(b'}') => return Ok(out),
                    Some(b',') => s.i += 1,
                    Some(b'"') => {
                        let key = s.string()?;
                        s.ws();
                        if s.peek() != Some(b':') {
                            return Err(format!("expected ':' after key {}", crate::quote::quoted(&key)));
                        }
                        s.i += 1;
                        s.ws();
                        if s.peek() == Some(b'[') {
                            let (items, bad) = s.array_of_strings()?;
                            out.push((key, items, bad));
                        } else {
                            s.skip_value()?;
                        }
                    }
                    _ => return Err(format!("unexpected character at byte {}", s.i)),
                }
            }
        }
        _ => Err("not a JSON object or array".into()),
    }
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.i += 1;
        }
    }

    /// An array: its string items, and how many items were not strings.
    fn array_of_strings(&mut self) -> Result<(Vec<String>, u32), String> {
        self.i += 1;
        let (mut items, mut bad) = (Vec::new(), 0u32);
        loop {
            self.ws();
            match self.peek() {
                Some(b']') => {
                    self.i += 1;
                    return Ok((items, bad));
                }
                Some(b',') => self.i += 1,
                Some(b'"') => match self.string() {
                    Ok(s) => items.push(s),
                    Err(e) => return Err(e),
                },
                Some(b'}') | None => return Err("unterminated array".into()),
                Some(_) => {
                    self.skip_value()?;
                    bad += 1;
                }
            }
        }
    }

    /// A string at `"`; escapes decoded, a bad escape becomes U+FFFD.
    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'"' => return Ok(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => {
                    let e = self.peek().ok_or("unterminated string")?;
                    self.i += 1;
                    let ch = match e {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'u' => self.unicode_escape(),
                        other => other as char,
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                _ => out.push(c),
            }
        }
        Err("unterminated string".into())
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = self.b.get(self.i..self.i + 4)?;
        let v = u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()?;
        self.i += 4;
        Some(v)
    }

    fn unicode_escape(&mut self) -> char {
        let Some(hi) = self.hex4() else { return '\u{FFFD}' };
        if (0xD800..0xDC00).contains(&hi) && self.b.get(self.i..self.i + 2) == Some(b"\\u") {
            self.i += 2;
            if let Some(lo) = self.hex4() {
                let c = 0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                return char::from_u32(c).unwrap_or('\u{FFFD}');
            }
        }
        char::from_u32(hi).unwrap_or('\u{FFFD}')
    }

    /// Skips any one value (string, number, literal, nested object or array).
    fn skip_value(&mut self) -> Result<(), String> {
        let mut depth = 0usize;
        loop {
            self.ws();
            match self.peek() {
                None => return Err("unterminated value".into()),
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'[' | b'{') => {
                    depth += 1;
                    self.i += 1;
                }
                Some(b']' | b'}') if depth > 0 => {
                    depth -= 1;
                    self.i += 1;
                }
                Some(b',' | b':') if depth > 0 => self.i += 1,
                Some(b']' | b'}' | b',') => return Ok(()),
                Some(b':') => self.i += 1,
                Some(_) => {
                    while !matches!(self.peek(), None | Some(b',' | b']' | b'}' | b' ' | b'\t' | b'\r' | b'\n' | b':')) {
                        self.i += 1;
                    }
                }
            }
            if depth == 0 {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_with_arrays() {
        let t = r#"{"version": 2, "nested": {"a": [1, {"b": "]"}]}, "deny": ["a.example", "b\u002eexample", 3], "allow": []}"#;
        let got = string_arrays(t).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "deny");
        assert_eq!(got[0].1, ["a.example", "b.example"]);
        assert_eq!(got[0].2, 1);
        assert_eq!(got[1].0, "allow");
    }

    #[test]
    fn broken_json_is_an_error() {
        assert!(string_arrays(r#"{"deny": ["a.example""#).is_err());
        assert!(string_arrays("deny").is_err());
        assert!(string_arrays(r#"["x.example", "y.example"]"#).is_ok());
    }
}
