//! `IStr`: a cheaply clonable, shareable string used for values that repeat
//! across many incidents (actor names, countries, admin units, sources), and
//! `Interner`, which hands out one shared allocation per distinct value.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::fxhash::FxHashSet;

/// An immutable shared string (`Arc<str>`). Two equal `IStr` compare equal
/// whether or not they share storage. Serialises as a plain JSON string.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IStr(Arc<str>);

impl IStr {
    pub fn new(s: &str) -> Self {
        IStr(Arc::from(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when both values point at the same allocation (interned).
    pub fn ptr_eq(a: &IStr, b: &IStr) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl Deref for IStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for IStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for IStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for IStr {
    fn from(s: &str) -> Self {
        IStr::new(s)
    }
}

impl From<String> for IStr {
    fn from(s: String) -> Self {
        IStr(Arc::from(s))
    }
}

impl PartialEq<str> for IStr {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for IStr {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Debug for IStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for IStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for IStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for IStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(IStr::from(s))
    }
}

/// Hands out one shared `IStr` per distinct string. Lookups of values already
/// seen do not allocate.
#[derive(Default, Debug)]
pub struct Interner {
    set: FxHashSet<IStr>,
}

impl Interner {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn intern(&mut self, s: &str) -> IStr {
        if let Some(v) = self.set.get(s) {
            return v.clone();
        }
        let v = IStr::new(s);
        self.set.insert(v.clone());
        v
    }

    /// Replaces `v` by the shared copy of its value.
    pub fn reintern(&mut self, v: &mut IStr) {
        if let Some(shared) = self.set.get(v.as_str()) {
            *v = shared.clone();
        } else {
            self.set.insert(v.clone());
        }
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_shares_storage() {
        let mut i = Interner::new();
        let a = i.intern("Mali");
        let b = i.intern("Mali");
        let c = i.intern("Niger");
        assert!(IStr::ptr_eq(&a, &b));
        assert!(!IStr::ptr_eq(&a, &c));
        assert_eq!(i.len(), 2);
        let mut d = IStr::new("Mali");
        assert!(!IStr::ptr_eq(&a, &d));
        i.reintern(&mut d);
        assert!(IStr::ptr_eq(&a, &d));
    }

    #[test]
    fn serde_is_a_plain_string() {
        let v = IStr::new("JNIM");
        let j = serde_json::to_string(&v).unwrap();
        assert_eq!(j, "\"JNIM\"");
        let back: IStr = serde_json::from_str(&j).unwrap();
        assert_eq!(back, v);
    }
}
