//! Event → unit assignment (the geometric, run-once part of the risk score).

use super::classify::OUTSIDE;
use super::locations::group_locations;
use super::slots::{Slots, actor_slots};
use super::units::CHUNK;
use super::{RiskError, RiskEvents, UnitSet};
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};

/// Result of [`assign`]: the unit of every event plus dense slot ids that let
/// [`super::score`] count distinct groups per unit with flat arrays, and the units' areas and
/// neighbours the forecast reads.
///
/// Rebuild it when the unit set or the event store (coordinates, group lists) change;
/// selection, fatalities (claim scenario), dates window and all other parameters only need a
/// new [`super::score`].
#[derive(Debug, Clone)]
pub struct Assignment {
    unit_of: Vec<u32>,
    outside: usize,
    areas_km2: Vec<f64>,
    neighbours: Vec<Vec<u32>>,
    /// (unit, group) slots over the group occurrences (`actor_ids` positions).
    pub(super) actor_slots: Slots,
}

impl Assignment {
    /// Unit index of every event, `u32::MAX` = outside every unit.
    pub fn unit_of(&self) -> &[u32] {
        &self.unit_of
    }

    /// Number of events (all, unfiltered) outside every unit.
    pub fn outside(&self) -> usize {
        self.outside
    }

    /// Number of units.
    pub fn n_units(&self) -> usize {
        self.areas_km2.len()
    }

    /// Number of events the assignment was built for.
    pub fn n_events(&self) -> usize {
        self.unit_of.len()
    }

    /// Unit areas in km².
    pub fn areas_km2(&self) -> &[f64] {
        &self.areas_km2
    }

    /// Neighbours of every unit (see [`UnitSet::neighbours`]).
    pub fn neighbours(&self) -> &[Vec<u32>] {
        &self.neighbours
    }
}

/// Assigns every event (all of them, ignoring `events.selected`) to a unit.
///
/// Events are grouped by identical coordinates first; each distinct location is located once
/// (grid point-in-polygon or H3 lookup) in parallel chunks. `cancel` is checked between chunks
/// (→ [`RiskError::Cancelled`]); `progress` receives 0..=1000 (per mille).
pub fn assign(
    units: &UnitSet,
    events: &RiskEvents,
    cancel: &AtomicBool,
    progress: &AtomicU32,
) -> Result<Assignment, RiskError> {
    events.validate()?;
    if events.len() >= u32::MAX as usize {
        return Err(RiskError::InvalidEvents("too many events".into()));
    }
    progress.store(0, Ordering::Relaxed);
    let neighbours = units.neighbours().to_vec();
    progress.store(100, Ordering::Relaxed);
    let locs = group_locations(events.lon, events.lat, cancel)?;
    progress.store(300, Ordering::Relaxed);

    // Unit per distinct location.
    let mut loc_unit = vec![OUTSIDE; locs.rep.len()];
    let n_chunks = locs.rep.len().div_ceil(CHUNK).max(1);
    let done = AtomicUsize::new(0);
    loc_unit
        .par_chunks_mut(CHUNK)
        .zip(locs.rep.par_chunks(CHUNK))
        .try_for_each(|(us, reps)| {
            if cancel.load(Ordering::Relaxed) {
                return Err(RiskError::Cancelled);
            }
            for (u, &i) in us.iter_mut().zip(reps) {
                *u = units.locate_raw(events.lon[i as usize], events.lat[i as usize]);
            }
            let k = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress.store(300 + (600 * k / n_chunks) as u32, Ordering::Relaxed);
            Ok(())
        })?;

    // Scatter to events; slots for distinct (unit, group) pairs.
    let unit_of: Vec<u32> = locs
        .group_of
        .par_iter()
        .map(|&g| loc_unit[g as usize])
        .collect();
    progress.store(930, Ordering::Relaxed);
    let outside = unit_of.par_iter().filter(|&&u| u == OUTSIDE).count();
    if cancel.load(Ordering::Relaxed) {
        return Err(RiskError::Cancelled);
    }
    let actor_slots = actor_slots(events, &unit_of, units.len());
    progress.store(1000, Ordering::Relaxed);
    Ok(Assignment {
        unit_of,
        outside,
        areas_km2: units.areas_km2().to_vec(),
        neighbours,
        actor_slots,
    })
}
