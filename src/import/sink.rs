//! Collects the incidents of one file: counts rows, folds rows sharing an
//! id into one event, records rejections and builds the final report.

use std::collections::hash_map::Entry;
use std::path::Path;

use super::Imported;
use super::error::RowError;
use super::mapping::MapCtx;
use super::report::{Format, ImportReport, MAX_LISTED_ERRORS, Warnings};
use crate::model::fxhash::FxHashMap;
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

pub(crate) struct Sink {
    pub incidents: Vec<Incident>,
    index: FxHashMap<IStr, usize>,
    pub report: ImportReport,
    pub warnings: Warnings,
    pub interner: Interner,
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

impl Sink {
    pub fn new(file: &str, format: Format, same_id: SameId) -> Self {
        let id_prefix = Path::new(file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| "row".to_string());
        Sink {
            incidents: Vec::new(),
            index: FxHashMap::default(),
            report: ImportReport::new(file, format),
            warnings: Warnings::default(),
            interner: Interner::new(),
            id_prefix,
            same_id,
        }
    }

    /// Room for about `rows` incidents, to avoid regrowing large vectors.
    pub fn reserve(&mut self, rows: usize) {
        self.incidents.reserve(rows);
        self.index.reserve(rows);
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
            warnings: &mut self.warnings,
            id_prefix: &self.id_prefix,
            present,
        };
        match f(&mut ctx) {
            Ok(inc) => self.accept(inc, line),
            Err(e) => self.reject(e),
        }
    }

    pub fn accept(&mut self, inc: Incident, line: u64) {
        let pos = match self.index.entry(inc.id.clone()) {
            Entry::Vacant(v) => {
                v.insert(self.incidents.len());
                self.incidents.push(inc);
                return;
            }
            Entry::Occupied(o) => *o.get(),
        };
        self.report.merged += 1;
        let old = &mut self.incidents[pos];
        match self.same_id {
            SameId::Newest => {
                self.warnings.add(line, WARN_DUPLICATE);
                if ts(&inc) >= ts(old) {
                    *old = inc;
                }
            }
            SameId::CombineActors => {
                if old.coded_fatalities() != inc.coded_fatalities() {
                    self.warnings.add(line, WARN_FATAL_DIFF);
                }
                let loser = if ts(&inc) > ts(old) {
                    std::mem::replace(old, inc)
                } else {
                    inc
                };
                for a in [loser.actor1, loser.actor2].into_iter().flatten() {
                    add_actor(old, a);
                }
                for c in loser.claims {
                    if c.claimant != Claimant::DatasetCoding && !old.claims.contains(&c) {
                        old.claims.push(c);
                    }
                }
            }
        }
    }

    pub fn finish(mut self) -> Imported {
        let r = &mut self.report;
        r.events = self.incidents.len() as u64;
        let mut sums = DatasetTotals::default();
        let mut counts = DatasetTotals::default();
        for i in &self.incidents {
            let f = u64::from(i.coded_fatalities().unwrap_or(0));
            sums.add(i.dataset, f);
            counts.add(i.dataset, 1);
            r.date_min = Some(r.date_min.map_or(i.date.start, |d| d.min(i.date.start)));
            r.date_max = Some(r.date_max.map_or(i.date.end, |d| d.max(i.date.end)));
        }
        let all = [Dataset::Acled, Dataset::Ucdp, Dataset::User, Dataset::Other];
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
