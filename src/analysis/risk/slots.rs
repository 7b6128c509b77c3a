//! Dense "slot" ids for (unit, group) pairs, built once in [`super::assign`] so that scoring
//! can count distinct groups per unit with flat arrays instead of per-unit sets.

use super::RiskEvents;
use super::classify::OUTSIDE;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Slot value for "no slot" (event outside every unit).
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

/// Slots of distinct (unit, actor) pairs over every actor occurrence (index into
/// `actor_ids`), numbered in event order. A dense `unit × actor` table finds a pair's slot when it
/// is small enough, a hash map otherwise.
pub(super) fn actor_slots(events: &RiskEvents, unit_of: &[u32], n_units: usize) -> Slots {
    actor_slots_within(events, unit_of, n_units, DENSE_LIMIT)
}

/// [`actor_slots`] with the dense table used up to `dense_limit` entries.
fn actor_slots_within(
    events: &RiskEvents,
    unit_of: &[u32],
    n_units: usize,
    dense_limit: usize,
) -> Slots {
    let n_actors = events.actor_ids.iter().max().map_or(0, |&a| a as usize + 1);
    if n_units.saturating_mul(n_actors) <= dense_limit {
        let mut table = vec![NO_SLOT; n_units * n_actors];
        number_pairs(events, unit_of, |u, actor, next| {
            let slot = &mut table[u as usize * n_actors + actor as usize];
            if *slot == NO_SLOT {
                *slot = next;
            }
            *slot
        })
    } else {
        let mut map: IntMap<u64> = IntMap::default();
        number_pairs(events, unit_of, |u, actor, next| {
            *map.entry((u64::from(u) << 32) | u64::from(actor))
                .or_insert(next)
        })
    }
}

/// Largest `units × actors` table used by the dense path (16 MB of u32).
const DENSE_LIMIT: usize = 1 << 22;

/// Walks every actor occurrence of the events inside a unit; `slot(unit, actor, next)` returns
/// the pair's slot, recording `next` (the next free slot) for a pair not seen before.
fn number_pairs(
    events: &RiskEvents,
    unit_of: &[u32],
    mut slot: impl FnMut(u32, u32, u32) -> u32,
) -> Slots {
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
            let next = s.unit.len() as u32;
            let got = slot(u, actor, next);
            if got == next {
                s.unit.push(u);
                s.key.push(actor);
            }
            s.of_item[k] = got;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::testutil::Ev;
    use super::*;

    #[test]
    fn dense_table_and_hash_map_number_pairs_alike() {
        let mut ev = Ev::new(&[true; 9]);
        for i in 0..200u32 {
            ev.push(0.0, 0.0, 0, 0, false, false, &[i % 9, (i * 7) % 9]);
        }
        // Units 0..4, every fifth event outside.
        let unit_of: Vec<u32> = (0..200u32)
            .map(|i| if i % 5 == 4 { OUTSIDE } else { i % 4 })
            .collect();
        let dense = actor_slots_within(&ev.view(None), &unit_of, 4, usize::MAX);
        let hashed = actor_slots_within(&ev.view(None), &unit_of, 4, 0);
        assert_eq!(dense.of_item, hashed.of_item);
        assert_eq!(dense.unit, hashed.unit);
        assert_eq!(dense.key, hashed.key);
        // One slot per distinct (unit, actor) pair, counted independently; the two occurrences
        // of each of the 40 outside events have none.
        let pairs: std::collections::HashSet<(u32, u32)> = (0..200u32)
            .filter(|&i| unit_of[i as usize] != OUTSIDE)
            .flat_map(|i| [(i % 4, i % 9), (i % 4, (i * 7) % 9)])
            .collect();
        assert_eq!(dense.unit.len(), pairs.len());
        assert!(pairs.len() > 9);
        assert_eq!(dense.of_item.iter().filter(|&&s| s == NO_SLOT).count(), 80);
        for (k, &slot) in dense.of_item.iter().enumerate() {
            if slot != NO_SLOT {
                let (i, actor) = (k as u32 / 2, ev.actors[k]);
                assert_eq!(
                    (dense.unit[slot as usize], dense.key[slot as usize]),
                    (i % 4, actor)
                );
            }
        }
    }
}
