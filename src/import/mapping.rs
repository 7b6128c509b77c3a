//! Context and helpers shared by the ACLED and UCDP row mappings.

use chrono::NaiveDate;

use super::coords;
use super::error::RowError;
use super::fields::list_parts;
use super::report::Warnings;
use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::fxhash::FxHasher;
use crate::model::{
    ActorKind, Claim, Claimant, EventType, IStr, Interner, SubEventType, classify_event_type,
};

pub(crate) const WARN_YEAR: &str = "date disagrees with year column";

/// What a row mapping needs besides the row.
pub(crate) struct MapCtx<'a> {
    pub interner: &'a mut Interner,
    pub memo: &'a mut Memo,
    pub warnings: &'a mut Warnings,
    /// Prefix of generated ids for rows without one (the file name).
    pub id_prefix: &'a str,
    /// Which canonical columns the file has (`None`: every column may be
    /// present, as for JSON records).
    pub present: Option<&'a [Option<usize>]>,
}

impl MapCtx<'_> {
    pub fn has_column(&self, col: usize) -> bool {
        self.present
            .is_none_or(|p| p.get(col).is_some_and(|c| c.is_some()))
    }

    pub fn generated_id(&self, line: u64) -> IStr {
        IStr::from(format!("{}:{line}", self.id_prefix))
    }
}

/// Checks the coordinates; warnings go to the context, rejections out.
pub(crate) fn locate(
    lat: Option<&str>,
    lon: Option<&str>,
    line: u64,
    ctx: &mut MapCtx,
) -> Result<(f64, f64), RowError> {
    match coords::check(lat, lon) {
        Ok((p, warning)) => {
            if let Some(w) = warning {
                ctx.warnings.add(line, w);
            }
            Ok(p)
        }
        Err((field, msg)) => Err(RowError::new(line, field, msg)),
    }
}

/// The dataset's own claim.
pub(crate) fn coded_claim(
    source: IStr,
    low: Option<u32>,
    best: Option<u32>,
    high: Option<u32>,
) -> Claim {
    Claim {
        claimant: Claimant::DatasetCoding,
        source,
        date: None::<NaiveDate>,
        low,
        best,
        high,
        note: None,
        user_added: false,
    }
}

/// Fx hashing with a full final mix: the memo keys are long and alike
/// (place names back to back), which leaves plain Fx with many equal tags
/// in a probe group, each costing a key comparison.
#[derive(Default, Clone, Copy)]
struct MemoHasher(FxHasher);

impl Hasher for MemoHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    fn write_usize(&mut self, i: usize) {
        self.0.write_usize(i);
    }

    fn write_u8(&mut self, i: u8) {
        self.0.write_u8(i);
    }

    fn finish(&self) -> u64 {
        // murmur3's fmix64
        let mut h = self.0.finish();
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

type MemoMap<K, V> = HashMap<K, V, BuildHasherDefault<MemoHasher>>;

/// Entries a memo table may hold before it starts over (bounds memory on
/// files where nothing repeats).
const MEMO_MAX: usize = 1 << 16;

/// The values derived from ACLED's actor-kind and event-type columns
/// (`inter1`, `inter2`, `event_type`, `sub_event_type`, `disorder_type`,
/// `interaction`), which repeat across rows.
#[derive(Clone, Debug, Default)]
pub(crate) struct EventCols {
    pub kind1: Option<ActorKind>,
    pub kind2: Option<ActorKind>,
    pub event_type: Option<EventType>,
    pub sub_event_type: Option<SubEventType>,
    pub event_type_raw: Option<IStr>,
    pub sub_event_type_raw: Option<IStr>,
    pub disorder_type: Option<IStr>,
    pub interaction: Option<IStr>,
    /// `event_type` given but not understood.
    pub unknown_event_type: bool,
    /// `sub_event_type` given but not understood.
    pub unknown_sub_type: bool,
}

impl EventCols {
    /// `cols`: inter1, inter2, event_type, sub_event_type, disorder_type,
    /// interaction.
    fn new(cols: &[Option<&str>; 6], interner: &mut Interner) -> Self {
        let [inter1, inter2, event_type, sub_type, disorder, interaction] = *cols;
        let mut e = EventCols {
            kind1: inter1.and_then(ActorKind::parse),
            kind2: inter2.and_then(ActorKind::parse),
            ..EventCols::default()
        };
        let rioters = e.kind1 == Some(ActorKind::Rioters) || e.kind2 == Some(ActorKind::Rioters);
        if let Some(raw) = event_type {
            match classify_event_type(raw, rioters) {
                Some((t, sub)) => {
                    e.event_type = Some(t);
                    e.sub_event_type = sub;
                }
                None => e.unknown_event_type = true,
            }
            e.event_type_raw = Some(interner.intern(raw));
        }
        if let Some(raw) = sub_type {
            match SubEventType::parse(raw) {
                Some(s) => {
                    e.sub_event_type = Some(s);
                    e.event_type.get_or_insert(s.parent());
                }
                None => e.unknown_sub_type = true,
            }
            e.sub_event_type_raw = Some(interner.intern(raw));
        }
        e.disorder_type = disorder.map(|s| interner.intern(s));
        e.interaction = interaction.map(|s| interner.intern(s));
        e
    }
}

/// Values made from a tuple of optional texts, found by a hash of the
/// texts and checked against the interned texts kept with them (which the
/// caller clones anyway, so the check reads no extra memory). Entries sit in
/// the table itself: one cache miss per lookup. A tuple whose hash belongs
/// to another tuple is kept by its full text in `overflow`.
struct TupleMemo<const N: usize, V> {
    by_hash: MemoMap<u64, Entry<N, V>>,
    overflow: MemoMap<Box<[u8]>, Entry<N, V>>,
}

/// The interned texts of a tuple and the value made from them.
type Entry<const N: usize, V> = ([Option<IStr>; N], V);

impl<const N: usize, V> Default for TupleMemo<N, V> {
    fn default() -> Self {
        TupleMemo {
            by_hash: MemoMap::default(),
            overflow: MemoMap::default(),
        }
    }
}

fn tuple_hash(cols: &[Option<&str>]) -> u64 {
    let mut h = MemoHasher::default();
    for c in cols {
        match c {
            None => h.write_u8(0),
            Some(s) => {
                h.write_u8(1);
                h.write_usize(s.len());
                h.write(s.as_bytes());
            }
        }
    }
    h.finish()
}

/// The texts written unambiguously one after the other.
fn tuple_key(cols: &[Option<&str>]) -> Box<[u8]> {
    let mut key = Vec::new();
    for c in cols {
        match c {
            None => key.push(0),
            Some(s) => {
                key.push(1);
                key.extend_from_slice(&(s.len() as u64).to_le_bytes());
                key.extend_from_slice(s.as_bytes());
            }
        }
    }
    key.into()
}

impl<const N: usize, V> TupleMemo<N, V> {
    /// The entry for `cols`, made by `make` (given the interned texts) the
    /// first time.
    fn get(
        &mut self,
        cols: &[Option<&str>; N],
        interner: &mut Interner,
        make: impl FnOnce(&[Option<IStr>; N], &mut Interner) -> V,
    ) -> &Entry<N, V> {
        self.get_hashed(tuple_hash(cols), cols, interner, make)
    }

    /// [`TupleMemo::get`] with `hash` = [`tuple_hash`] of `cols` (tests
    /// pass colliding ones).
    fn get_hashed(
        &mut self,
        hash: u64,
        cols: &[Option<&str>; N],
        interner: &mut Interner,
        make: impl FnOnce(&[Option<IStr>; N], &mut Interner) -> V,
    ) -> &Entry<N, V> {
        let same =
            |e: &([Option<IStr>; N], V)| e.0.iter().zip(cols).all(|(a, b)| a.as_deref() == *b);
        if self.by_hash.len() + self.overflow.len() >= MEMO_MAX {
            self.by_hash.clear();
            self.overflow.clear();
        }
        let texts = |interner: &mut Interner| cols.map(|c| c.map(|s| interner.intern(s)));
        match self.by_hash.entry(hash) {
            Slot::Occupied(o) if same(o.get()) => return o.into_mut(),
            Slot::Occupied(_) => {}
            Slot::Vacant(v) => {
                let t = texts(interner);
                let value = make(&t, interner);
                return v.insert((t, value));
            }
        }
        self.overflow.entry(tuple_key(cols)).or_insert_with(|| {
            let t = texts(interner);
            let value = make(&t, interner);
            (t, value)
        })
    }
}

/// Per-thread caches of values derived from text that repeats across rows
/// (places, event types, names): one lookup in a table that stays in cache
/// instead of several interner lookups and parses. Values are made from the interner, so
/// sharing is as without the memo.
#[derive(Default)]
pub(crate) struct Memo {
    /// Actor names and `source_scale`: few values, in a small table that
    /// stays in cache (the interner holds every string of the file).
    names: TupleMemo<1, ()>,
    places: TupleMemo<6, ()>,
    events: TupleMemo<6, EventCols>,
    acled: Option<IStr>,
}

impl Memo {
    /// Interned place names: region, country, admin1, admin2, admin3,
    /// location.
    pub fn place(&mut self, cols: [Option<&str>; 6], interner: &mut Interner) -> [Option<IStr>; 6] {
        self.places.get(&cols, interner, |_, _| ()).0.clone()
    }

    /// An interned actor name or other short, often repeated value.
    pub fn name(&mut self, s: &str, interner: &mut Interner) -> IStr {
        let [v] = &self.names.get(&[Some(s)], interner, |_, _| ()).0;
        v.clone().unwrap_or_else(|| interner.intern(s))
    }

    /// See [`EventCols::new`].
    pub fn event_cols(&mut self, cols: [Option<&str>; 6], interner: &mut Interner) -> EventCols {
        let make = |_: &[Option<IStr>; 6], interner: &mut Interner| EventCols::new(&cols, interner);
        self.events.get(&cols, interner, make).1.clone()
    }

    /// [`super::fields::split_list`], each part through [`Memo::name`].
    pub fn list(&mut self, s: Option<&str>, interner: &mut Interner) -> Vec<IStr> {
        let Some(s) = s else { return Vec::new() };
        let parts = list_parts(s);
        // Exactly sized: a million incidents keep these vectors.
        let mut v = Vec::with_capacity(parts.clone().count());
        v.extend(parts.map(|p| self.name(p, interner)));
        v
    }

    /// The interned "ACLED".
    pub fn acled(&mut self, interner: &mut Interner) -> IStr {
        self.acled
            .get_or_insert_with(|| interner.intern("ACLED"))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tuple_memo_survives_hash_collisions() {
        let mut m: TupleMemo<2, usize> = TupleMemo::default();
        let mut i = Interner::new();
        let tuples: [[Option<&str>; 2]; 4] = [
            [Some("Mali"), Some("Kayes")],
            [Some("Mali"), None],
            [None, Some("Mali")],
            [Some("MaliKayes"), Some("")],
        ];
        for round in 0..2 {
            for (n, t) in tuples.iter().enumerate() {
                let e = m.get_hashed(7, t, &mut i, |_, _| n);
                assert_eq!(e.1, n, "round {round}");
                let texts: Vec<Option<&str>> = e.0.iter().map(|x| x.as_deref()).collect();
                assert_eq!(texts, t);
            }
        }
        assert_eq!(m.by_hash.len() + m.overflow.len(), 4);
        assert_ne!(tuple_hash(&tuples[0]), tuple_hash(&tuples[3]));
        assert_ne!(tuple_hash(&tuples[1]), tuple_hash(&tuples[2]));
    }
}
