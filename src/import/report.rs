//! The import report: what was read, made, merged and rejected, and why.

use std::fmt;

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::error::RowError;

/// Detected file format (from content, never from the extension).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    AcledCsv,
    AcledJson,
    UcdpGedCsv,
    GeoJson,
    SahelRisk,
}

impl Format {
    /// Stable name used in reports and scripts.
    pub fn name(self) -> &'static str {
        match self {
            Self::AcledCsv => "acled-csv",
            Self::AcledJson => "acled-json",
            Self::UcdpGedCsv => "ucdp-ged-csv",
            Self::GeoJson => "geojson",
            Self::SahelRisk => "sahel-risk",
        }
    }

    /// For line-based formats a row is a physical line; for JSON a record.
    pub(crate) fn row_unit(self) -> &'static str {
        match self {
            Self::AcledCsv | Self::UcdpGedCsv => "line",
            _ => "record",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// At most this many rejected rows are listed; all are counted.
pub const MAX_LISTED_ERRORS: usize = 1000;

#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub file: String,
    pub format: Format,
    /// Data rows (or records) read, header excluded.
    pub rows: u64,
    /// Incidents produced.
    pub events: u64,
    /// Rows folded into an event already made from an earlier row with the
    /// same id (monadic exports).
    pub merged: u64,
    /// Rows that made no event (each listed in `errors`, up to
    /// [`MAX_LISTED_ERRORS`]).
    pub rejected: u64,
    /// Sum over events of the dataset's own figure (ACLED `fatalities`,
    /// UCDP `best`) of the file's main dataset; datasets are never added.
    pub fatalities: u64,
    pub date_min: Option<NaiveDate>,
    pub date_max: Option<NaiveDate>,
    /// Aggregated warnings ("312 rows: ... (first at line 17)").
    pub warnings: Vec<String>,
    pub errors: Vec<RowError>,
    /// ACLED API `last_update` ("data as of"), when given.
    pub data_as_of: Option<String>,
}

impl ImportReport {
    pub fn new(file: &str, format: Format) -> Self {
        ImportReport {
            file: file.to_string(),
            format,
            rows: 0,
            events: 0,
            merged: 0,
            rejected: 0,
            fatalities: 0,
            date_min: None,
            date_max: None,
            warnings: Vec::new(),
            errors: Vec::new(),
            data_as_of: None,
        }
    }

    /// The JSON contract scripts rely on: exactly the keys `file`, `format`,
    /// `rows`, `events`, `merged`, `rejected`, `fatalities`, `date_min`,
    /// `date_max` ("YYYY-MM-DD" or null), `warnings` (strings) and `errors`
    /// (objects with `line`, `field`, `message`).
    pub fn to_json_value(&self) -> Value {
        let date = |d: Option<NaiveDate>| match d {
            Some(d) => Value::String(d.format("%Y-%m-%d").to_string()),
            None => Value::Null,
        };
        let errors: Vec<Value> = self
            .errors
            .iter()
            .map(|e| json!({"line": e.line, "field": e.field, "message": e.message}))
            .collect();
        json!({
            "file": self.file,
            "format": self.format.name(),
            "rows": self.rows,
            "events": self.events,
            "merged": self.merged,
            "rejected": self.rejected,
            "fatalities": self.fatalities,
            "date_min": date(self.date_min),
            "date_max": date(self.date_max),
            "warnings": self.warnings,
            "errors": errors,
        })
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Imported {} ({})", self.file, self.format)?;
        writeln!(f, "  rows read:    {}", self.rows)?;
        writeln!(f, "  events:       {}", self.events)?;
        if self.merged > 0 {
            writeln!(
                f,
                "  merged rows:  {} (same event id; counted once)",
                self.merged
            )?;
        }
        writeln!(f, "  rejected:     {}", self.rejected)?;
        writeln!(
            f,
            "  fatalities:   {} (the dataset's own figure)",
            self.fatalities
        )?;
        match (self.date_min, self.date_max) {
            (Some(a), Some(b)) => writeln!(f, "  dates:        {a} to {b}")?,
            _ => writeln!(f, "  dates:        none")?,
        }
        if let Some(asof) = &self.data_as_of {
            writeln!(f, "  data as of:   {asof}")?;
        }
        if !self.warnings.is_empty() {
            writeln!(f, "  warnings:")?;
            for w in &self.warnings {
                writeln!(f, "    - {w}")?;
            }
        }
        if !self.errors.is_empty() {
            writeln!(f, "  rejected rows:")?;
            for e in &self.errors {
                writeln!(f, "    - {e}")?;
            }
            let unlisted = self.rejected.saturating_sub(self.errors.len() as u64);
            if unlisted > 0 {
                writeln!(f, "    - ... and {unlisted} more")?;
            }
        }
        Ok(())
    }
}

/// Collects repeated row warnings as (message, count, first line).
#[derive(Debug, Default)]
pub(crate) struct Warnings {
    kinds: Vec<(&'static str, u64, u64)>,
}

impl Warnings {
    pub fn add(&mut self, line: u64, message: &'static str) {
        match self.kinds.iter_mut().find(|k| k.0 == message) {
            Some(k) => k.1 += 1,
            None => self.kinds.push((message, 1, line)),
        }
    }

    /// Folds in the warnings of a later part of the same file: a kind seen
    /// before keeps its first line, a new kind goes last.
    pub fn merge(&mut self, message: &'static str, count: u64, first_line: u64) {
        match self.kinds.iter_mut().find(|k| k.0 == message) {
            Some(k) => k.1 += count,
            None => self.kinds.push((message, count, first_line)),
        }
    }

    /// (message, count, first line) in order of first appearance.
    pub fn kinds(&self) -> &[(&'static str, u64, u64)] {
        &self.kinds
    }

    /// "312 rows: date disagrees with year column (first at line 17)".
    pub fn render(&self, unit: &str) -> Vec<String> {
        self.kinds
            .iter()
            .map(|&(msg, n, line)| {
                if n == 1 {
                    format!("1 row: {msg} ({unit} {line})")
                } else {
                    format!("{n} rows: {msg} (first at {unit} {line})")
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_aggregate() {
        let mut w = Warnings::default();
        for line in [17, 20, 30] {
            w.add(line, "date disagrees with year column");
        }
        w.add(5, "zero coordinates");
        assert_eq!(
            w.render("line"),
            [
                "3 rows: date disagrees with year column (first at line 17)",
                "1 row: zero coordinates (line 5)"
            ]
        );
    }

    #[test]
    fn json_contract_keys() {
        let mut r = ImportReport::new("a.csv", Format::AcledCsv);
        r.errors.push(RowError::new(3, "latitude", "missing"));
        r.date_min = NaiveDate::from_ymd_opt(2020, 12, 31);
        let v = r.to_json_value();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "date_max",
                "date_min",
                "errors",
                "events",
                "fatalities",
                "file",
                "format",
                "merged",
                "rejected",
                "rows",
                "warnings"
            ]
        );
        assert_eq!(v["date_min"], "2020-12-31");
        assert_eq!(v["date_max"], Value::Null);
        assert_eq!(
            v["errors"][0],
            json!({"line": 3, "field": "latitude", "message": "missing"})
        );
        assert!(r.to_string().contains("line 3, field latitude: missing"));
    }
}
