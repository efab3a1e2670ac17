//! A small JSON writer for serde, for the wasm facade's answers.
//!
//! serde-wasm-bindgen's serializer builds each answer with one JS call per
//! member and cost about 10 KB of gzipped wasm; writing the answer as JSON text
//! and handing it to `JSON.parse` gives JS the same plain object for a fraction
//! of that. The output follows serde-wasm-bindgen's `json_compatible` mapping:
//! `None` and `()` are `null`, maps are objects, enums are externally tagged.
//! Floats are written with up to six decimals (the only float the engine sends
//! is a confidence in hundredths); NaN and infinities become `null`.

use std::fmt::{self, Display, Write};

use serde::ser::{self, Impossible, Serialize};

/// `value` as JSON text, or an error when a map key is not a string.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut w = Writer { out: String::with_capacity(1024) };
    value.serialize(&mut w)?;
    Ok(w.out)
}

/// Why a value could not be written.
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

struct Writer {
    out: String,
}

impl Writer {
    fn string(&mut self, s: &str) {
        self.out.push('"');
        // Copies runs that need no escape whole; escapes are all ASCII, so
        // every cut falls on a character boundary.
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1f => "",
                _ => continue,
            };
            self.out.push_str(&s[start..i]);
            start = i + 1;
            if escape.is_empty() {
                self.out.push_str("\\u00");
                for shift in [4, 0] {
                    self.out.push(char::from(b"0123456789abcdef"[usize::from(b >> shift & 15)]));
                }
            } else {
                self.out.push_str(escape);
            }
        }
        self.out.push_str(&s[start..]);
        self.out.push('"');
    }

    fn int(&mut self, v: impl Display) {
        // Writing to a String cannot fail.
        let _ = write!(self.out, "{v}");
    }

    fn float(&mut self, v: f64) {
        if !v.is_finite() {
            self.out.push_str("null");
            return;
        }
        // Millionths as a whole number, written with integer formatting only
        // (float formatting would bring its own ~15 KB into the wasm).
        let micros = (v.abs() * 1e6).round();
        if micros >= 9e15 {
            self.int(v.round() as i64);
            return;
        }
        let micros = micros as u64;
        if v < 0.0 && micros > 0 {
            self.out.push('-');
        }
        self.int(micros / 1_000_000);
        let frac = micros % 1_000_000;
        if frac > 0 {
            let digits = format!("{frac:06}");
            self.out.push('.');
            self.out.push_str(digits.trim_end_matches('0'));
        }
    }

    /// Opens `{"variant":` for an externally tagged enum value.
    fn tag(&mut self, variant: &str) {
        self.out.push('{');
        self.string(variant);
        self.out.push(':');
    }
}

/// An array or object being written; `first` tells whether a comma is due.
struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    /// What closes it: `]`, `}`, or `]}` / `}}` for a tagged enum variant.
    close: &'static str,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.w)
    }

    fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.comma();
        self.w.string(key);
        self.w.out.push(':');
        value.serialize(&mut *self.w)
    }

    fn end(self) -> Result<(), Error> {
        self.w.out.push_str(self.close);
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.int(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v.into());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.tag(variant);
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push('[');
        Ok(Compound { w: self, first: true, close: "]" })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        self.tag(variant);
        self.out.push('[');
        Ok(Compound { w: self, first: true, close: "]}" })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push('{');
        Ok(Compound { w: self, first: true, close: "}" })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        self.tag(variant);
        self.out.push('{');
        Ok(Compound { w: self, first: true, close: "}}" })
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        key.serialize(KeyWriter(&mut *self.w))?;
        self.w.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.member(key, value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.member(key, value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// Writes a map key: strings (and unit enum variants) only, as JSON objects allow.
struct KeyWriter<'a>(&'a mut Writer);

fn key_error() -> Error {
    Error("a map key is not a string".into())
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.string(v);
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<(), Error> {
        Err(key_error())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Sample {
        text: String,
        count: u32,
        neg: i32,
        big: u64,
        none: Option<u8>,
        some: Option<&'static str>,
        list: Vec<u16>,
        empty: Vec<u8>,
        flag: bool,
        kind: Kind,
        wrapped: Kind,
        pair: (u8, char),
        map: BTreeMap<String, u8>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        CardNumber,
        Wrapped(u8),
    }

    #[test]
    fn matches_serde_json_for_all_but_floats() {
        let s = Sample {
            text: "a \"q\" \\ \n\t\u{1} é 日本 \u{2028}".into(),
            count: 7,
            neg: -12,
            big: 1 << 40,
            none: None,
            some: Some("x"),
            list: vec![1, 2, 3],
            empty: vec![],
            flag: true,
            kind: Kind::CardNumber,
            wrapped: Kind::Wrapped(4),
            pair: (1, 'z'),
            map: [("b".to_string(), 2), ("a".to_string(), 1)].into_iter().collect(),
        };
        assert_eq!(to_string(&s).unwrap(), serde_json::to_string(&s).unwrap());
    }

    #[test]
    fn floats_have_at_most_six_decimals() {
        let cases: [(f64, &str); 9] = [
            (0.0, "0"),
            (1.0, "1"),
            (0.3, "0.3"),
            (-0.25, "-0.25"),
            (f64::from(0.87f32), "0.87"),
            (1234.5678901, "1234.56789"),
            (-0.0000001, "0"),
            (f64::NAN, "null"),
            (f64::INFINITY, "null"),
        ];
        for (v, want) in cases {
            assert_eq!(to_string(&v).unwrap(), want, "{v}");
        }
    }

    #[test]
    fn non_string_map_keys_are_errors() {
        let m: BTreeMap<u8, u8> = [(1, 2)].into_iter().collect();
        assert!(to_string(&m).is_err());
    }
}
