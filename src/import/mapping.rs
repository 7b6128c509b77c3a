//! Context and helpers shared by the ACLED and UCDP row mappings.

use chrono::NaiveDate;

use super::coords;
use super::error::RowError;
use super::report::Warnings;
use crate::model::{Claim, Claimant, IStr, Interner};

pub(crate) const WARN_YEAR: &str = "date disagrees with year column";

/// What a row mapping needs besides the row.
pub(crate) struct MapCtx<'a> {
    pub interner: &'a mut Interner,
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
