//! Field access shared by every importer: one `Row` view over a CSV record
//! or a JSON object, column schemas with aliases, and value parsers.

use csv::ByteRecord;
use serde_json::{Map, Value};

use super::csv_split::Field;
use crate::model::{IStr, Interner};

/// One input row seen through a schema: `get(col)` is the trimmed text of
/// a canonical column, `None` when absent, empty or `NA`.
pub(crate) trait Row {
    fn get(&self, col: usize) -> Option<&str>;
}

/// Empty and `NA` (as written by R) are missing values. Surrounding ASCII
/// whitespace is dropped.
pub(crate) fn clean(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let t = match (b.first(), b.last()) {
        (None, _) | (_, None) => return None,
        // Nothing to trim (the usual case).
        (Some(f), Some(l)) if !f.is_ascii_whitespace() && !l.is_ascii_whitespace() => s,
        _ => s.trim_ascii(),
    };
    (!t.is_empty() && t != "NA").then_some(t)
}

/// A CSV record with `map[col]` = index of the canonical column in it.
pub(crate) struct CsvRow<'a> {
    pub rec: &'a ByteRecord,
    pub map: &'a [Option<usize>],
}

impl Row for CsvRow<'_> {
    fn get(&self, col: usize) -> Option<&str> {
        let i = (*self.map.get(col)?)?;
        clean(std::str::from_utf8(self.rec.get(i)?).ok()?)
    }
}

/// A CSV record checked to be UTF-8 once: each field is a range of the raw
/// record text or of `scratch` (fields that had to be unescaped).
pub(crate) struct StrRow<'a> {
    pub text: &'a str,
    pub scratch: &'a str,
    pub fields: &'a [Field],
    pub map: &'a [Option<usize>],
}

impl Row for StrRow<'_> {
    fn get(&self, col: usize) -> Option<&str> {
        let f = self.fields.get((*self.map.get(col)?)?)?;
        let src = if f.scratch { self.scratch } else { self.text };
        // `None` when a field alone is not UTF-8 (its ends split a
        // character), as for `CsvRow`.
        clean(src.get(f.start..f.end)?)
    }
}

/// A JSON object's values laid out by canonical column.
pub(crate) struct JsonRow {
    pub vals: Vec<Option<String>>,
}

impl Row for JsonRow {
    fn get(&self, col: usize) -> Option<&str> {
        clean(self.vals.get(col)?.as_deref()?)
    }
}

impl JsonRow {
    /// Lays out `obj` by `schema`; unknown keys are ignored. Numbers and
    /// booleans become their text; arrays of scalars are joined with "; ".
    pub fn from_object(obj: &Map<String, Value>, schema: &Schema) -> Self {
        let mut vals = vec![None; schema.names.len()];
        for (k, v) in obj {
            let Some(col) = schema.column(k) else {
                continue;
            };
            let text = match v {
                Value::Array(items) => {
                    let parts: Vec<String> = items.iter().filter_map(scalar_text).collect();
                    Some(parts.join("; "))
                }
                v => scalar_text(v),
            };
            if vals[col].is_none() {
                vals[col] = text;
            }
        }
        JsonRow { vals }
    }

    /// Which columns the object had, in the form of a CSV column map.
    pub fn present(&self) -> Vec<Option<usize>> {
        self.vals
            .iter()
            .enumerate()
            .map(|(i, v)| v.as_ref().map(|_| i))
            .collect()
    }

    pub fn set(&mut self, col: usize, text: String) {
        if let Some(slot) = self.vals.get_mut(col) {
            *slot = Some(text);
        }
    }
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A set of canonical columns with aliases.
pub(crate) struct Schema {
    pub names: &'static [&'static str],
    pub aliases: &'static [(&'static str, usize)],
    /// Columns whose absence is worth a warning.
    pub expected: &'static [usize],
}

/// Header text normalised for matching: trimmed, lowercase, spaces and
/// dashes as underscores, surrounding quotes and BOM removed.
pub(crate) fn normalize_header(name: &str) -> String {
    name.trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '\u{feff}')
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

impl Schema {
    pub fn column(&self, header: &str) -> Option<usize> {
        let n = normalize_header(header);
        self.names
            .iter()
            .position(|c| *c == n)
            .or_else(|| self.aliases.iter().find(|a| a.0 == n).map(|a| a.1))
    }

    /// canonical column -> position in the header (first occurrence wins).
    pub fn map_header<'a>(&self, header: impl Iterator<Item = &'a str>) -> Vec<Option<usize>> {
        let mut map = vec![None; self.names.len()];
        for (pos, name) in header.enumerate() {
            if let Some(col) = self.column(name) {
                map[col].get_or_insert(pos);
            }
        }
        map
    }

    pub fn missing_expected(&self, map: &[Option<usize>]) -> Vec<&'static str> {
        self.expected
            .iter()
            .filter(|&&c| map.get(c).is_none_or(|m| m.is_none()))
            .map(|&c| self.names[c])
            .collect()
    }
}

/// `s.trim()` (Unicode whitespace), without decoding characters when the
/// ends are plainly not whitespace (the usual case).
pub(crate) fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(f), Some(l))
            if f.is_ascii()
                && l.is_ascii()
                && !char::from(*f).is_whitespace()
                && !char::from(*l).is_whitespace() =>
        {
            s
        }
        _ => s.trim(),
    }
}

/// The parts of a "; "-separated list, trimmed, empty ones skipped (as
/// `s.split(';').map(str::trim).filter(|p| !p.is_empty())`).
pub(crate) fn list_parts(s: &str) -> ListParts<'_> {
    ListParts { rest: Some(s) }
}

#[derive(Clone)]
pub(crate) struct ListParts<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for ListParts<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        loop {
            let r = self.rest?;
            let (part, rest) = match r.bytes().position(|b| b == b';') {
                Some(i) => (r.get(..i)?, r.get(i + 1..)),
                None => (r, None),
            };
            self.rest = rest;
            let p = trim(part);
            if !p.is_empty() {
                return Some(p);
            }
        }
    }
}

/// Non-negative integer written as "12", "12.0" or "1,200".
pub(crate) fn parse_uint(s: &str) -> Option<u64> {
    let int = match s.bytes().position(|b| b == b'.') {
        Some(dot) => {
            let (i, frac) = (s.get(..dot)?, s.get(dot + 1..)?);
            if !frac.bytes().all(|b| b == b'0') {
                return None;
            }
            i
        }
        None => s,
    };
    if int.is_empty() || int.len() > 19 {
        return None;
    }
    let mut v: u64 = 0;
    for b in int.bytes() {
        match b {
            b'0'..=b'9' => v = v.checked_mul(10)?.checked_add(u64::from(b - b'0'))?,
            b',' | b'_' => {}
            _ => return None,
        }
    }
    Some(v)
}

pub(crate) fn parse_u32(s: &str) -> Option<u32> {
    parse_uint(s).and_then(|v| u32::try_from(v).ok())
}

pub(crate) fn parse_u8(s: &str) -> Option<u8> {
    parse_uint(s).and_then(|v| u8::try_from(v).ok())
}

/// Integer, possibly signed or written as a float ("1618486283.0").
pub(crate) fn parse_i64(s: &str) -> Option<i64> {
    if let Ok(v) = s.parse::<i64>() {
        return Some(v);
    }
    let f: f64 = s.parse().ok()?;
    (f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
}

/// A "; "-separated list, interned.
pub(crate) fn split_list(s: Option<&str>, interner: &mut Interner) -> Vec<IStr> {
    let Some(s) = s else { return Vec::new() };
    let parts = list_parts(s);
    // Exactly sized: a million incidents keep these vectors.
    let mut v = Vec::with_capacity(parts.clone().count());
    v.extend(parts.map(|p| interner.intern(p)));
    v
}

pub(crate) fn intern_opt(s: Option<&str>, interner: &mut Interner) -> Option<IStr> {
    s.map(|s| interner.intern(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_uint("2013.0"), Some(2013));
        assert_eq!(parse_uint("1,200"), Some(1200));
        assert_eq!(parse_uint("3.5"), None);
        assert_eq!(parse_uint("-3"), None);
        assert_eq!(parse_uint("99999999999999999999999"), None);
        assert_eq!(parse_u8("300"), None);
        assert_eq!(parse_i64("1618486283.0"), Some(1618486283));
        assert_eq!(parse_i64("-5"), Some(-5));
        assert_eq!(parse_i64("1e300"), None);
    }

    #[test]
    fn fast_trim_is_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\u{b}a\u{b}",
            "\u{a0}a",
            "a\u{3000}",
            "ab",
            "\ta\n",
            "é",
            " é",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
        for s in [
            "", " ", "NA", " NA ", "\u{b}x", "x\u{b}", " x", "x\n", "N", "NAN", "é ",
        ] {
            let t = s.trim_ascii();
            let want = (!t.is_empty() && t != "NA").then_some(t);
            assert_eq!(clean(s), want, "{s:?}");
        }
        for s in ["1.", ".0", "1.00", "1.05", "..", "1,2.0", "٣.0"] {
            let want = match s.split_once('.') {
                Some((i, f)) if f.bytes().all(|b| b == b'0') => Some(i),
                Some(_) => None,
                None => Some(s),
            };
            assert_eq!(
                parse_uint(s).is_some(),
                want.is_some_and(|i| parse_uint(i).is_some()),
                "{s:?}"
            );
        }
    }

    #[test]
    fn list_parts_is_split_trim_filter() {
        for s in [
            "",
            ";",
            "a",
            " a ; b;;c ",
            ";a;",
            "a;\u{a0}\u{a0};b",
            "é; ;ü",
        ] {
            let want: Vec<&str> = s
                .split(';')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            assert_eq!(list_parts(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    #[test]
    fn missing_values_and_lists() {
        assert_eq!(clean(" NA "), None);
        assert_eq!(clean(""), None);
        assert_eq!(clean(" x "), Some("x"));
        let mut i = Interner::new();
        let l = split_list(Some("Le Monde; RFI;; Twitter "), &mut i);
        assert_eq!(l, [IStr::from("Le Monde"), "RFI".into(), "Twitter".into()]);
        assert_eq!(normalize_header("\u{feff}\"EVENT DATE\""), "event_date");
    }
}
