//! Event → unit assignment (the geometric, run-once part of the risk score).

use super::classify::OUTSIDE;
use super::locations::group_locations;
use super::slots::{Slots, actor_slots, cell_slots};
use super::units::CHUNK;
use super::{RiskError, RiskEvents, UnitSet};
use h3o::{LatLng, Resolution};
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};

/// Result of [`assign`]: the unit of every event plus dense slot ids that let
/// [`super::score`] count distinct diffusion cells and actors per unit with flat arrays.
///
/// Rebuild it when the unit set, the event store (coordinates, actor lists) or the diffusion
/// resolution change; selection, fatalities (claim scenario), `non_state`, dates window and all
/// other parameters only need a new [`super::score`].
#[derive(Debug, Clone)]
pub struct Assignment {
    unit_of: Vec<u32>,
    outside: usize,
    areas_km2: Vec<f64>,
    cells_per_unit: Vec<u32>,
    diffusion_resolution: u8,
    /// (unit, diffusion cell) slot of every event.
    pub(super) cell_slot: Vec<u32>,
    /// Unit of every cell slot.
    pub(super) cell_slot_unit: Vec<u32>,
    /// (unit, actor) slots over the actor occurrences (`actor_ids` positions).
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

    /// Unit areas in km² (EB exposure).
    pub fn areas_km2(&self) -> &[f64] {
        &self.areas_km2
    }

    /// H3 resolution of the diffusion cells.
    pub fn diffusion_resolution(&self) -> u8 {
        self.diffusion_resolution
    }

    /// Diffusion denominator per unit (see [`UnitSet::diffusion_cells`]).
    pub fn cells_per_unit(&self) -> &[u32] {
        &self.cells_per_unit
    }
}

/// Assigns every event (all of them, ignoring `events.selected`) to a unit and computes its
/// H3 cell at `diffusion_resolution`.
///
/// Events are grouped by identical coordinates first; each distinct location is located once
/// (grid point-in-polygon or H3 lookup) and converted to its H3 cell (~0.5 µs, the dominant
/// cost) in parallel chunks. The per-unit diffusion denominators are computed on first use
/// and cached in the [`UnitSet`]. `cancel` is checked between chunks
/// (→ [`RiskError::Cancelled`]); `progress` receives 0..=1000 (per mille).
pub fn assign(
    units: &UnitSet,
    events: &RiskEvents,
    diffusion_resolution: u8,
    cancel: &AtomicBool,
    progress: &AtomicU32,
) -> Result<Assignment, RiskError> {
    events.validate()?;
    if events.len() >= u32::MAX as usize {
        return Err(RiskError::InvalidEvents("too many events".into()));
    }
    let res = Resolution::try_from(diffusion_resolution)
        .map_err(|e| RiskError::InvalidParams(e.to_string()))?;
    progress.store(0, Ordering::Relaxed);
    let cells_per_unit = units
        .diffusion_cells(diffusion_resolution, cancel)?
        .to_vec();
    progress.store(150, Ordering::Relaxed);
    let locs = group_locations(events.lon, events.lat, cancel)?;
    progress.store(300, Ordering::Relaxed);

    // Unit and diffusion cell per distinct location.
    let mut loc_unit = vec![OUTSIDE; locs.rep.len()];
    let mut loc_cell = vec![0u64; locs.rep.len()];
    let n_chunks = locs.rep.len().div_ceil(CHUNK).max(1);
    let done = AtomicUsize::new(0);
    loc_unit
        .par_chunks_mut(CHUNK)
        .zip(loc_cell.par_chunks_mut(CHUNK))
        .zip(locs.rep.par_chunks(CHUNK))
        .try_for_each(|((us, cs), reps)| {
            if cancel.load(Ordering::Relaxed) {
                return Err(RiskError::Cancelled);
            }
            for ((u, c), &i) in us.iter_mut().zip(cs.iter_mut()).zip(reps) {
                let (x, y) = (events.lon[i as usize], events.lat[i as usize]);
                *u = units.locate_raw(x, y);
                if *u != OUTSIDE {
                    *c = LatLng::new(y, x).map_or(0, |ll| u64::from(ll.to_cell(res)));
                }
            }
            let k = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress.store(300 + (600 * k / n_chunks) as u32, Ordering::Relaxed);
            Ok(())
        })?;

    // Scatter to events; slots for distinct (unit, cell) and (unit, actor) pairs.
    let (slot_of_loc, cell_slot_unit) = cell_slots(&loc_unit, &loc_cell, units.len());
    progress.store(930, Ordering::Relaxed);
    let (unit_of, cell_slot): (Vec<u32>, Vec<u32>) = locs
        .group_of
        .par_iter()
        .map(|&g| (loc_unit[g as usize], slot_of_loc[g as usize]))
        .unzip();
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
        cells_per_unit,
        diffusion_resolution,
        cell_slot,
        cell_slot_unit,
        actor_slots,
    })
}
