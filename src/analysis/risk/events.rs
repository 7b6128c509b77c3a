//! Borrowed column view of the incident store used by the risk score.

use super::RiskError;

/// Column slices of the incident store (all of the same length `n`); the caller owns them.
///
/// Only `lon`/`lat` are needed by [`super::assign`]; [`super::score`] reads the rest.
#[derive(Debug, Clone, Copy)]
pub struct RiskEvents<'a> {
    /// Longitude in degrees (WGS 84).
    pub lon: &'a [f64],
    /// Latitude in degrees (WGS 84).
    pub lat: &'a [f64],
    /// Event date as days since 0001-01-01 (chrono `num_days_from_ce`, so 0001-01-01 = 1).
    pub day: &'a [i32],
    /// Fatalities under the chosen claim scenario; `u32::MAX` = no figure (counted as 0).
    pub fatalities: &'a [u32],
    /// The event targeted civilians.
    pub civilian: &'a [bool],
    /// Located only to a district/region: down-weighted by `RiskParams::coarse_weight`.
    pub coarse: &'a [bool],
    /// CSR offsets (`n + 1` entries): actors of event `i` are
    /// `actor_ids[actor_offsets[i]..actor_offsets[i + 1]]`.
    pub actor_offsets: &'a [u32],
    /// Actor ids referenced by `actor_offsets`.
    pub actor_ids: &'a [u32],
    /// Indexed by actor id: the actor is a non-state armed group. Ids beyond its end count as
    /// state/other actors.
    pub non_state: &'a [bool],
    /// The filtered subset (event indices, any order, duplicates ignored); `None` = all events.
    pub selected: Option<&'a [u32]>,
}

/// The value stored in [`RiskEvents::fatalities`] when an event has no figure.
pub const NO_FATALITY_FIGURE: u32 = u32::MAX;

impl<'a> RiskEvents<'a> {
    /// Number of events `n`.
    pub fn len(&self) -> usize {
        self.lon.len()
    }

    /// True when there are no events.
    pub fn is_empty(&self) -> bool {
        self.lon.is_empty()
    }

    /// Checks column lengths, CSR offsets and selection indices (O(n)).
    pub fn validate(&self) -> Result<(), RiskError> {
        let n = self.len();
        let lens = [
            ("lat", self.lat.len()),
            ("day", self.day.len()),
            ("fatalities", self.fatalities.len()),
            ("civilian", self.civilian.len()),
            ("coarse", self.coarse.len()),
        ];
        for (name, len) in lens {
            if len != n {
                return Err(bad(format!("column {name} has {len} rows, lon has {n}")));
            }
        }
        if self.actor_offsets.len() != n + 1 {
            return Err(bad(format!(
                "actor_offsets has {} entries, expected {}",
                self.actor_offsets.len(),
                n + 1
            )));
        }
        if self.actor_offsets.windows(2).any(|w| w[0] > w[1]) {
            return Err(bad("actor_offsets is not non-decreasing".into()));
        }
        if self.actor_offsets[n] as usize > self.actor_ids.len() {
            return Err(bad("actor_offsets point past actor_ids".into()));
        }
        if let Some(sel) = self.selected
            && sel.iter().any(|&i| i as usize >= n)
        {
            return Err(bad("selected index out of range".into()));
        }
        Ok(())
    }

    /// Fatalities of event `i`, with "no figure" counted as 0.
    pub(super) fn fatalities_of(&self, i: usize) -> u32 {
        match self.fatalities[i] {
            NO_FATALITY_FIGURE => 0,
            f => f,
        }
    }

    /// Actor ids of event `i`.
    pub(super) fn actors_of(&self, i: usize) -> &'a [u32] {
        let (a, b) = (self.actor_offsets[i], self.actor_offsets[i + 1]);
        &self.actor_ids[a as usize..b as usize]
    }

    /// Whether actor `a` is a non-state armed group.
    pub(super) fn is_non_state(&self, a: u32) -> bool {
        self.non_state.get(a as usize).copied().unwrap_or(false)
    }

    /// Boolean mask of the selection (`None` when every event is selected).
    pub(super) fn selection_mask(&self) -> Option<Vec<bool>> {
        self.selected.map(|sel| {
            let mut mask = vec![false; self.len()];
            for &i in sel {
                mask[i as usize] = true;
            }
            mask
        })
    }
}

fn bad(msg: String) -> RiskError {
    RiskError::InvalidEvents(msg)
}
