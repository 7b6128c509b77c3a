//! Dense "slot" ids for (unit, diffusion cell) and (unit, actor) pairs, built once in
//! [`super::assign`] so that scoring can count distinct cells and actors per unit with flat
//! arrays (a bitset and a weight vector) instead of per-unit sets.

use super::RiskEvents;
use super::classify::OUTSIDE;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Slot value for "no slot" (event outside every unit, or no valid cell).
pub(super) const NO_SLOT: u32 = u32::MAX;

/// Multiply-rotate hasher with a murmur3 finaliser for integer keys (not DoS resistant; keys are our own ids).
#[derive(Default, Clone, Copy)]
pub(super) struct IntHasher(u64);

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        // murmur3 fmix64: spreads high-bit entropy into the low bits used for buckets
        // (H3 indices have constant low bits).
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.write_u64(u64::from(v));
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(26) ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type IntMap<K> = HashMap<K, u32, BuildHasherDefault<IntHasher>>;

/// Slot ids and the unit (and second key) of every slot.
#[derive(Debug, Clone, Default)]
pub(super) struct Slots {
    /// Slot of every item (event or actor occurrence), [`NO_SLOT`] when none.
    pub of_item: Vec<u32>,
    /// Unit of every slot.
    pub unit: Vec<u32>,
    /// Actor id of every slot (actor slots only).
    pub key: Vec<u32>,
}

/// Slots of distinct (unit, cell) pairs over the distinct locations: returns the slot of
/// every location ([`NO_SLOT`] outside or without cell) and the unit of every slot. Slots
/// are grouped by unit and sorted by cell within a unit (deterministic); units run in parallel.
pub(super) fn cell_slots(
    loc_unit: &[u32],
    loc_cell: &[u64],
    n_units: usize,
) -> (Vec<u32>, Vec<u32>) {
    let mut start = vec![0usize; n_units + 1];
    for &u in loc_unit.iter().filter(|&&u| u != OUTSIDE) {
        start[u as usize + 1] += 1;
    }
    for u in 0..n_units {
        start[u + 1] += start[u];
    }
    let mut fill = start.clone();
    let mut by_unit = vec![0u32; start[n_units]];
    for (l, &u) in loc_unit.iter().enumerate().filter(|(_, u)| **u != OUTSIDE) {
        by_unit[fill[u as usize]] = l as u32;
        fill[u as usize] += 1;
    }
    // Per unit: sort (cell, location), number the distinct cells.
    let per_unit: Vec<(u32, Vec<(u32, u32)>)> = (0..n_units)
        .into_par_iter()
        .map(|u| {
            let mut v: Vec<(u64, u32)> = by_unit[start[u]..start[u + 1]]
                .iter()
                .map(|&l| (loc_cell[l as usize], l))
                .filter(|&(c, _)| c != 0)
                .collect();
            v.sort_unstable();
            let mut distinct = 0u32;
            let local = v
                .iter()
                .enumerate()
                .map(|(k, &(c, l))| {
                    if k > 0 && v[k - 1].0 != c {
                        distinct += 1;
                    }
                    (l, distinct)
                })
                .collect::<Vec<_>>();
            (if v.is_empty() { 0 } else { distinct + 1 }, local)
        })
        .collect();
    let mut slot_of_loc = vec![NO_SLOT; loc_unit.len()];
    let mut slot_unit = Vec::new();
    for (u, (distinct, local)) in per_unit.into_iter().enumerate() {
        let base = slot_unit.len() as u32;
        for (l, k) in local {
            slot_of_loc[l as usize] = base + k;
        }
        slot_unit.extend(std::iter::repeat_n(u as u32, distinct as usize));
    }
    (slot_of_loc, slot_unit)
}

/// Slots of distinct (unit, actor) pairs over every actor occurrence (index into
/// `actor_ids`), numbered in event order.
pub(super) fn actor_slots(events: &RiskEvents, unit_of: &[u32], n_units: usize) -> Slots {
    let n_actors = events.actor_ids.iter().max().map_or(0, |&a| a as usize + 1);
    if n_units.saturating_mul(n_actors) <= DENSE_LIMIT {
        return actor_slots_dense(events, unit_of, n_units, n_actors);
    }
    let mut map: IntMap<u64> = IntMap::default();
    let mut s = Slots {
        of_item: vec![NO_SLOT; events.actor_ids.len()],
        ..Slots::default()
    };
    for (i, &u) in unit_of.iter().enumerate() {
        if u == OUTSIDE {
            continue;
        }
        let (a, b) = (
            events.actor_offsets[i] as usize,
            events.actor_offsets[i + 1] as usize,
        );
        for k in a..b {
            let actor = events.actor_ids[k];
            let key = (u64::from(u) << 32) | u64::from(actor);
            s.of_item[k] = *map.entry(key).or_insert_with(|| {
                s.unit.push(u);
                s.key.push(actor);
                (s.unit.len() - 1) as u32
            });
        }
    }
    s
}

/// Largest `units × actors` table used by the dense path (16 MB of u32).
const DENSE_LIMIT: usize = 1 << 22;

/// Same numbering as [`actor_slots`] with a dense `unit × actor` table instead of a hash map.
fn actor_slots_dense(
    events: &RiskEvents,
    unit_of: &[u32],
    n_units: usize,
    n_actors: usize,
) -> Slots {
    let mut table = vec![NO_SLOT; n_units * n_actors];
    let mut s = Slots {
        of_item: vec![NO_SLOT; events.actor_ids.len()],
        ..Slots::default()
    };
    for (i, &u) in unit_of.iter().enumerate() {
        if u == OUTSIDE {
            continue;
        }
        let (a, b) = (
            events.actor_offsets[i] as usize,
            events.actor_offsets[i + 1] as usize,
        );
        for k in a..b {
            let actor = events.actor_ids[k];
            let at = u as usize * n_actors + actor as usize;
            if table[at] == NO_SLOT {
                table[at] = s.unit.len() as u32;
                s.unit.push(u);
                s.key.push(actor);
            }
            s.of_item[k] = table[at];
        }
    }
    s
}
