//! Collects the incidents of one file: counts rows, folds rows sharing an
//! id into one event, records rejections and builds the final report.

use std::collections::hash_map::Entry;
use std::hash::BuildHasher;
use std::path::Path;

use chrono::NaiveDate;

use super::Imported;
use super::error::RowError;
use super::mapping::{MapCtx, Memo};
use super::report::{Format, ImportReport, MAX_LISTED_ERRORS, Warnings};
use crate::model::fxhash::{FxBuildHasher, FxHashMap};
use crate::model::{Actor, Claimant, Dataset, DatasetTotals, IStr, Incident, Interner};

/// What to do with a second row carrying an id already seen in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SameId {
    /// ACLED (monadic exports): one event, actors combined, fatalities
    /// counted once; the row with the newer timestamp supplies the values.
    CombineActors,
    /// Keep the copy with the newer timestamp (ties: the later row).
    Newest,
}

const WARN_FATAL_DIFF: &str =
    "rows with the same event id disagree on fatalities (kept one figure, not the sum)";
const WARN_DUPLICATE: &str = "same id appears twice; kept the newest copy";

/// The hash the id index is keyed by (computed where an incident is made).
pub(crate) fn id_hash(id: &str) -> u64 {
    FxBuildHasher::default().hash_one(id)
}

/// Event id -> position in `incidents`, keyed by [`id_hash`] of the id (made
/// where the incident was made, possibly on another thread), so a lookup
/// neither reads nor clones the id unless the hash is already taken. Ids
/// whose hash belongs to a different id go to `overflow`.
#[derive(Default)]
struct IdIndex {
    by_hash: FxHashMap<u64, usize>,
    overflow: FxHashMap<IStr, usize>,
}

impl IdIndex {
    /// The position of the incident with this id (`is_id(pos)`: the
    /// incident at `pos` has it); `None` after recording `new_pos` for it.
    fn find_or_insert(
        &mut self,
        id: &IStr,
        hash: u64,
        new_pos: usize,
        is_id: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        match self.by_hash.entry(hash) {
            Entry::Vacant(v) => {
                v.insert(new_pos);
                None
            }
            Entry::Occupied(o) => {
                let pos = *o.get();
                if is_id(pos) {
                    return Some(pos);
                }
                match self.overflow.entry(id.clone()) {
                    Entry::Vacant(v) => {
                        v.insert(new_pos);
                        None
                    }
                    Entry::Occupied(o) => Some(*o.get()),
                }
            }
        }
    }
}

/// The mapped rows of one chunk of a file, as a worker hands them to
/// [`Sink::merge_chunk`]. Emptied by the merge and reused.
#[derive(Default)]
pub(crate) struct ChunkRows {
    /// (line, [`id_hash`] of the incident's id) of every row.
    rows: Vec<(u64, u64)>,
    /// The incidents of the accepted rows, in order.
    incidents: Vec<Incident>,
    /// (index in `rows`, error) of the rejected rows, in order.
    rejected: Vec<(usize, RowError)>,
    pub warnings: Warnings,
}

impl ChunkRows {
    pub fn push(&mut self, line: u64, result: Result<Incident, RowError>) {
        match result {
            Ok(inc) => {
                self.rows.push((line, id_hash(&inc.id)));
                self.incidents.push(inc);
            }
            Err(e) => {
                self.rejected.push((self.rows.len(), e));
                self.rows.push((line, 0));
            }
        }
    }

    pub fn reserve(&mut self, rows: usize) {
        self.rows.reserve(rows);
        self.incidents.reserve(rows);
    }
}

/// Folds `inc`, a later row with the id of `old`, into `old`; `inc` is left
/// holding what is dropped.
fn merge_into(
    old: &mut Incident,
    inc: &mut Incident,
    same_id: SameId,
    warnings: &mut Warnings,
    line: u64,
) {
    match same_id {
        SameId::Newest => {
            warnings.add(line, WARN_DUPLICATE);
            if ts(inc) >= ts(old) {
                std::mem::swap(old, inc);
            }
        }
        SameId::CombineActors => {
            if old.coded_fatalities() != inc.coded_fatalities() {
                warnings.add(line, WARN_FATAL_DIFF);
            }
            if ts(inc) > ts(old) {
                std::mem::swap(old, inc);
            }
            // `inc` is now the row whose values lost.
            for a in [inc.actor1.take(), inc.actor2.take()].into_iter().flatten() {
                add_actor(old, a);
            }
            for c in std::mem::take(&mut inc.claims) {
                if c.claimant != Claimant::DatasetCoding && !old.claims.contains(&c) {
                    old.claims.push(c);
                }
            }
        }
    }
}

pub(crate) struct Sink {
    pub incidents: Vec<Incident>,
    index: IdIndex,
    pub report: ImportReport,
    pub warnings: Warnings,
    pub interner: Interner,
    memo: Memo,
    id_prefix: String,
    same_id: SameId,
}

fn ts(i: &Incident) -> i64 {
    i.timestamp.unwrap_or(i64::MIN)
}

/// Adds an actor of a merged row: same name -> associated actors united;
/// new name -> the free actor slot, or an associated actor of actor2.
fn add_actor(inc: &mut Incident, a: Actor) {
    for x in [&mut inc.actor1, &mut inc.actor2].into_iter().flatten() {
        if x.name == a.name {
            for s in a.associated {
                if !x.associated.contains(&s) {
                    x.associated.push(s);
                }
            }
            x.kind = x.kind.or(a.kind);
            return;
        }
    }
    match (&mut inc.actor1, &mut inc.actor2) {
        (slot @ None, _) | (Some(_), slot @ None) => *slot = Some(a),
        (Some(_), Some(x)) => {
            for s in std::iter::once(a.name).chain(a.associated) {
                if !x.associated.contains(&s) {
                    x.associated.push(s);
                }
            }
        }
    }
}

const ALL_DATASETS: [Dataset; 4] = [Dataset::Acled, Dataset::Ucdp, Dataset::User, Dataset::Other];

/// Per-dataset sums of the coded fatalities and event counts, and the date
/// range, of some incidents.
#[derive(Default)]
struct Totals {
    sums: DatasetTotals,
    counts: DatasetTotals,
    date_min: Option<NaiveDate>,
    date_max: Option<NaiveDate>,
}

impl Totals {
    fn of(incidents: &[Incident]) -> Self {
        let mut t = Totals::default();
        for i in incidents {
            let f = u64::from(i.coded_fatalities().unwrap_or(0));
            t.sums.add(i.dataset, f);
            t.counts.add(i.dataset, 1);
            t.date_min = Some(t.date_min.map_or(i.date.start, |d| d.min(i.date.start)));
            t.date_max = Some(t.date_max.map_or(i.date.end, |d| d.max(i.date.end)));
        }
        t
    }

    /// The totals of both parts.
    fn join(mut self, o: Totals) -> Self {
        for d in ALL_DATASETS {
            self.sums.add(d, o.sums.get(d));
            self.counts.add(d, o.counts.get(d));
        }
        self.date_min = match (self.date_min, o.date_min) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.date_max = match (self.date_max, o.date_max) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        self
    }
}

impl Sink {
    pub fn new(file: &str, format: Format, same_id: SameId) -> Self {
        let id_prefix = Path::new(file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "row".to_string());
        Sink {
            incidents: Vec::new(),
            index: IdIndex::default(),
            report: ImportReport::new(file, format),
            warnings: Warnings::default(),
            interner: Interner::new(),
            memo: Memo::default(),
            id_prefix,
            same_id,
        }
    }

    /// Prefix of generated ids (the file name).
    pub fn id_prefix(&self) -> &str {
        &self.id_prefix
    }

    /// Room for about `rows` incidents, to avoid regrowing large vectors.
    pub fn reserve(&mut self, rows: usize) {
        self.incidents.reserve(rows);
        self.index.by_hash.reserve(rows);
    }

    pub fn file_warning(&mut self, msg: impl Into<String>) {
        self.report.warnings.push(msg.into());
    }

    pub fn reject(&mut self, e: RowError) {
        self.report.rejected += 1;
        if self.report.errors.len() < MAX_LISTED_ERRORS {
            self.report.errors.push(e);
        }
    }

    /// One data row: map it with `f` and keep or reject the result.
    pub fn row(
        &mut self,
        line: u64,
        present: Option<&[Option<usize>]>,
        f: impl FnOnce(&mut MapCtx) -> Result<Incident, RowError>,
    ) {
        self.report.rows += 1;
        let mut ctx = MapCtx {
            interner: &mut self.interner,
            memo: &mut self.memo,
            warnings: &mut self.warnings,
            id_prefix: &self.id_prefix,
            present,
        };
        match f(&mut ctx) {
            Ok(inc) => self.accept(inc, line),
            Err(e) => self.reject(e),
        }
    }

    /// The rows of one chunk of the file, mapped elsewhere, with the row
    /// warnings they raised: the same result as passing each row through
    /// [`Sink::row`] in order. Leaves `chunk` empty for reuse.
    pub fn merge_chunk(&mut self, chunk: &mut ChunkRows) {
        let base = self.incidents.len();
        // keep[j]: chunk incident j is a new event; kept[r]: the chunk
        // index of the r-th new event.
        let mut keep = Vec::with_capacity(chunk.incidents.len());
        let mut kept: Vec<usize> = Vec::with_capacity(chunk.incidents.len());
        let kinds = chunk.warnings.kinds();
        let mut k = 0;
        let mut rejected = chunk.rejected.drain(..).peekable();
        let mut j = 0;
        for (n, &(line, hash)) in chunk.rows.iter().enumerate() {
            // Warnings first raised up to this row come before anything
            // merging the row adds.
            while let Some(&(msg, count, first)) = kinds.get(k).filter(|w| w.2 <= line) {
                self.warnings.merge(msg, count, first);
                k += 1;
            }
            self.report.rows += 1;
            if let Some((_, e)) = rejected.next_if(|r| r.0 == n) {
                self.reject(e);
                continue;
            }
            let Some(inc) = chunk.incidents.get(j) else {
                break;
            };
            let (done, incs) = (&self.incidents, &chunk.incidents);
            let is_id = |pos: usize| {
                let other = match pos.checked_sub(base) {
                    None => done.get(pos),
                    Some(r) => kept.get(r).and_then(|&l| incs.get(l)),
                };
                other.is_some_and(|o| o.id == inc.id)
            };
            let found = self
                .index
                .find_or_insert(&inc.id, hash, base + kept.len(), is_id);
            match found {
                None => {
                    keep.push(true);
                    kept.push(j);
                }
                Some(pos) => {
                    keep.push(false);
                    self.report.merged += 1;
                    let (before, at) = chunk.incidents.split_at_mut(j);
                    let old = match pos.checked_sub(base) {
                        None => self.incidents.get_mut(pos),
                        Some(r) => kept.get(r).and_then(|&l| before.get_mut(l)),
                    };
                    if let (Some(old), Some(inc)) = (old, at.first_mut()) {
                        merge_into(old, inc, self.same_id, &mut self.warnings, line);
                    }
                }
            }
            j += 1;
        }
        drop(rejected);
        for &(msg, count, first) in kinds.get(k..).unwrap_or_default() {
            self.warnings.merge(msg, count, first);
        }
        let mut keep = keep.into_iter();
        chunk.incidents.retain(|_| keep.next().unwrap_or(false));
        self.incidents.append(&mut chunk.incidents);
        chunk.rows.clear();
        chunk.rejected.clear();
        chunk.warnings = Warnings::default();
    }

    pub fn accept(&mut self, mut inc: Incident, line: u64) {
        let hash = id_hash(&inc.id);
        let new_pos = self.incidents.len();
        let done = &self.incidents;
        let is_id = |pos: usize| done.get(pos).is_some_and(|o| o.id == inc.id);
        match self.index.find_or_insert(&inc.id, hash, new_pos, is_id) {
            None => self.incidents.push(inc),
            Some(pos) => {
                self.report.merged += 1;
                if let Some(old) = self.incidents.get_mut(pos) {
                    merge_into(old, &mut inc, self.same_id, &mut self.warnings, line);
                }
            }
        }
    }

    pub fn finish(mut self) -> Imported {
        let r = &mut self.report;
        r.events = self.incidents.len() as u64;
        let incs = &self.incidents;
        // A million incidents take a while to walk (each one's claims are
        // elsewhere in memory): two threads share big files.
        let t = if incs.len() >= 100_000 {
            let (a, b) = incs.split_at(incs.len() / 2);
            std::thread::scope(|scope| {
                let other = scope.spawn(|| Totals::of(b));
                let first = Totals::of(a);
                first.join(other.join().unwrap_or_else(|_| Totals::of(b)))
            })
        } else {
            Totals::of(incs)
        };
        let (sums, counts) = (t.sums, t.counts);
        r.date_min = t.date_min;
        r.date_max = t.date_max;
        let all = ALL_DATASETS;
        let present: Vec<Dataset> = all.into_iter().filter(|&d| counts.get(d) > 0).collect();
        let main = present.iter().copied().max_by_key(|&d| counts.get(d));
        r.fatalities = main.map_or(0, |d| sums.get(d));
        if let (true, Some(main)) = (present.len() > 1, main) {
            let parts: Vec<String> = present
                .iter()
                .map(|&d| {
                    format!(
                        "{} {} events ({} fatalities)",
                        d.name(),
                        counts.get(d),
                        sums.get(d)
                    )
                })
                .collect();
            r.warnings.push(format!(
                "file mixes datasets: {}; `fatalities` counts {} only (datasets are never added)",
                parts.join(", "),
                main.name()
            ));
        }
        let unit = r.format.row_unit();
        r.warnings.extend(self.warnings.render(unit));
        let unlisted = r.rejected.saturating_sub(r.errors.len() as u64);
        if unlisted > 0 {
            r.warnings.push(format!(
                "{unlisted} more rejected rows not listed (first {MAX_LISTED_ERRORS} shown)"
            ));
        }
        Imported {
            incidents: self.incidents,
            report: self.report,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DatePrecision, EventDate};

    fn inc(id: &str) -> Incident {
        let d = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
        Incident::new(
            id.into(),
            Dataset::Acled,
            EventDate::day(d, DatePrecision::Day),
            0.0,
            0.0,
        )
    }

    #[test]
    fn id_index_survives_hash_collisions() {
        let incs: Vec<Incident> = ["A", "B", "C"].iter().map(|s| inc(s)).collect();
        let mut ix = IdIndex::default();
        let is = |pos: usize, id: &IStr| incs.get(pos).is_some_and(|i| i.id == *id);
        for (n, i) in incs.iter().enumerate() {
            assert_eq!(ix.find_or_insert(&i.id, 42, n, |p| is(p, &i.id)), None);
        }
        for (n, i) in incs.iter().enumerate() {
            assert_eq!(ix.find_or_insert(&i.id, 42, 99, |p| is(p, &i.id)), Some(n));
        }
    }
}
