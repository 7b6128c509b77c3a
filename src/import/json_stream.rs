//! Streams the records of one array inside a top-level JSON object
//! (`data`, `features`, `incidents`) one at a time, so a large file is never
//! held as a whole `Value`.

use std::fmt;
use std::io::Read;
use std::sync::atomic::AtomicBool;

use serde::Deserializer as _;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::error::ImportError;
use super::progress::is_cancelled;

/// The other top-level members, and whether the array was found.
#[derive(Debug, Default)]
pub(crate) struct Top {
    pub members: Map<String, Value>,
    pub found: bool,
}

type Before<'a> = &'a mut dyn FnMut(&Map<String, Value>) -> Result<(), String>;
type OnItem<'a> = &'a mut dyn FnMut(Value);

struct TopVisitor<'a> {
    key: &'a str,
    before: Before<'a>,
    on_item: OnItem<'a>,
}

impl<'de> Visitor<'de> for TopVisitor<'_> {
    type Value = Top;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
        let mut top = Top::default();
        while let Some(k) = map.next_key::<String>()? {
            if k == self.key && !top.found {
                (self.before)(&top.members).map_err(de::Error::custom)?;
                map.next_value_seed(Items(&mut *self.on_item))?;
                top.found = true;
            } else {
                let v: Value = map.next_value()?;
                top.members.insert(k, v);
            }
        }
        Ok(top)
    }
}

struct Items<'a>(&'a mut dyn FnMut(Value));

impl<'de> DeserializeSeed<'de> for Items<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Items<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of records")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<(), S::Error> {
        while let Some(item) = seq.next_element::<Value>()? {
            (self.0)(item);
        }
        Ok(())
    }
}

/// Reads a top-level object, calling `before` with the members seen so far
/// when `key` is reached, then `on_item` for each element of `key`'s array.
pub(crate) fn stream<R: Read>(
    reader: R,
    key: &str,
    before: Before,
    on_item: OnItem,
) -> Result<Top, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_reader(reader);
    let top = (&mut de).deserialize_map(TopVisitor {
        key,
        before,
        on_item,
    })?;
    de.end()?;
    Ok(top)
}

/// A JSON failure as an import error naming the file and line.
pub(crate) fn json_error(e: serde_json::Error, file: &str, cancel: &AtomicBool) -> ImportError {
    if is_cancelled(cancel) {
        return ImportError::Cancelled;
    }
    if e.is_io() {
        return ImportError::Io {
            file: file.to_string(),
            error: e.into(),
        };
    }
    let message = if e.is_eof() {
        "the JSON ends too early (truncated file?)".to_string()
    } else {
        format!("malformed JSON: {e}")
    };
    ImportError::Malformed {
        file: file.to_string(),
        line: Some(e.line() as u64),
        field: None,
        message,
    }
}
