//! Per-unit accumulation of the raw inputs of the score over the selected events.
//!
//! For every unit, over the selected events with `as_of - window <= day <= as_of`, with
//! event weight `w = 2^(-age/half_life) × (coarse ? coarse_weight : 1)`:
//! * decayed events: `Σ w`
//! * decayed severity: `Σ w · severity(fatalities)` ([`severity`]; no figure = 0)
//! * decayed civilian targeting: `Σ w` over civilian-targeting events
//! * groups: the named organised groups with at least [`MIN_GROUP_EVENTS`] events in the
//!   window (Σw per group kept for the top 5; a group listed twice on one event counts once)
//!
//! One streaming pass over the events in index order (cache friendly), split into a fixed
//! number of chunks that depends only on the input sizes. Integer counts go to shared
//! atomics; float sums go to per-chunk arrays merged in chunk order, so results are
//! bit-identical whatever the thread count.

use super::dates::MonthBins;
use super::params::TREND_DAYS;
use super::{Assignment, NO_UNIT, RiskEvents, RiskParams};
use rayon::prelude::*;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering::Relaxed};

/// Number of top actors kept per unit.
pub const TOP_ACTORS: usize = 5;
/// Events in the window a group needs in a unit to count towards its fragmentation.
pub const MIN_GROUP_EVENTS: u32 = 2;

/// Severity of one event in "events' worth": `ln(1 + fatalities) / ln(11)`, so an event with
/// 10 reported deaths adds one more event's worth, 100 deaths about two, one death 0.29.
/// Logarithmic because reported tolls are heavy-tailed and the largest are the most
/// contested (an army's "80 neutralised" is not 80 times one death).
pub fn severity(fatalities: u32) -> f64 {
    f64::from(fatalities).ln_1p() / 11f64.ln()
}
/// Events per chunk (at least) and memory cap of the per-chunk float arrays.
const MIN_CHUNK: usize = 1 << 16;
const CHUNK_BYTES: usize = 48 << 20;

/// Raw inputs of one unit.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct UnitStats {
    pub events: u32,
    pub fatalities: u64,
    pub weighted: f64,
    pub weighted_severity: f64,
    pub weighted_civilian: f64,
    /// Groups with at least [`MIN_GROUP_EVENTS`] in-window events.
    pub groups: u32,
    pub top_actors: Vec<(u32, f64)>,
    /// Events (unweighted, independent of the window) aged `0..90` and `90..180` days.
    pub trend: (u32, u32),
    pub monthly: Vec<u32>,
}

/// Shared integer accumulators.
struct Counts {
    events: Vec<AtomicU32>,
    trend: Vec<AtomicU32>,
    fatalities: Vec<AtomicU64>,
    monthly: Vec<AtomicU32>,
    /// In-window events per (unit, group) slot.
    group_events: Vec<AtomicU32>,
}

/// Per-chunk float sums: [Σw, Σw·severity, Σw civ] per unit, Σw per group slot, outside count.
struct Floats {
    unit: Vec<[f64; 3]>,
    actor: Vec<f64>,
    outside: usize,
}

fn atomics<T: Default>(n: usize) -> Vec<T> {
    (0..n).map(|_| T::default()).collect()
}

/// Accumulates [`UnitStats`] for every unit (index = unit) and counts the selected
/// in-window events outside every unit.
pub(super) fn accumulate(
    a: &Assignment,
    ev: &RiskEvents,
    p: &RiskParams,
    mask: Option<&[bool]>,
    months: &MonthBins,
) -> (Vec<UnitStats>, usize) {
    let (n, nu, nm) = (ev.len(), a.n_units(), months.len());
    let n_actor_slots = a.actor_slots.unit.len();
    let counts = Counts {
        events: atomics(nu),
        trend: atomics(2 * nu),
        fatalities: atomics(nu),
        monthly: atomics(nu * nm),
        group_events: atomics(n_actor_slots),
    };
    let start = p.window_start();
    let day_bin: Vec<u32> = (start..=p.as_of_day)
        .map(|d| months.bin(d) as u32)
        .collect();
    let per_chunk = (nu * 24 + n_actor_slots * 8).max(1);
    let chunks = (n / MIN_CHUNK)
        .clamp(1, 16)
        .min((CHUNK_BYTES / per_chunk).max(1));
    let len = n.div_ceil(chunks).max(1);
    let run = |c: usize| {
        let mut f = Floats {
            unit: vec![[0.0; 3]; nu],
            actor: vec![0.0; n_actor_slots],
            outside: 0,
        };
        for i in c * len..((c + 1) * len).min(n) {
            if mask.is_some_and(|m| !m[i]) || ev.day[i] > p.as_of_day {
                continue;
            }
            let day = ev.day[i];
            let u = a.unit_of()[i];
            let in_window = day >= start;
            if u == NO_UNIT {
                f.outside += usize::from(in_window);
                continue;
            }
            let (u, age) = (u as usize, i64::from(p.as_of_day) - i64::from(day));
            if age < 2 * i64::from(TREND_DAYS) {
                counts.trend[2 * u + usize::from(age >= i64::from(TREND_DAYS))]
                    .fetch_add(1, Relaxed);
            }
            if !in_window {
                continue;
            }
            let w = p.event_weight(day, ev.coarse[i]);
            let fat = ev.fatalities_of(i);
            counts.events[u].fetch_add(1, Relaxed);
            counts.fatalities[u].fetch_add(u64::from(fat), Relaxed);
            counts.monthly[u * nm + day_bin[(day - start) as usize] as usize].fetch_add(1, Relaxed);
            let s = &mut f.unit[u];
            s[0] += w;
            if fat > 0 {
                s[1] += w * severity(fat);
            }
            if ev.civilian[i] {
                s[2] += w;
            }
            let base = ev.actor_offsets[i] as usize;
            let actors = ev.actors_of(i);
            for (j, &actor) in actors.iter().enumerate() {
                if ev.is_non_state(actor) && !actors[..j].contains(&actor) {
                    let slot = a.actor_slots.of_item[base + j] as usize;
                    // Floor keeps an actor present even if its weight underflows to 0.
                    f.actor[slot] += w.max(f64::MIN_POSITIVE);
                    counts.group_events[slot].fetch_add(1, Relaxed);
                }
            }
        }
        f
    };
    let partial: Vec<Floats> = (0..chunks).into_par_iter().map(run).collect();
    let mut unit = vec![[0.0f64; 3]; nu];
    let mut actor = vec![0.0f64; n_actor_slots];
    let mut outside = 0;
    for f in partial {
        unit.iter_mut()
            .zip(&f.unit)
            .for_each(|(t, s)| (0..3).for_each(|k| t[k] += s[k]));
        actor.iter_mut().zip(&f.actor).for_each(|(t, s)| *t += s);
        outside += f.outside;
    }
    (finish(a, &counts, &unit, &actor, nm), outside)
}

/// Assembles [`UnitStats`]: groups and top actors from the slot counts and weights.
fn finish(
    a: &Assignment,
    c: &Counts,
    unit: &[[f64; 3]],
    actor: &[f64],
    nm: usize,
) -> Vec<UnitStats> {
    let mut actors: Vec<Vec<(u32, f64)>> = vec![Vec::new(); unit.len()];
    let mut groups = vec![0u32; unit.len()];
    for (s, &w) in actor.iter().enumerate().filter(|(_, w)| **w > 0.0) {
        let u = a.actor_slots.unit[s] as usize;
        actors[u].push((a.actor_slots.key[s], w));
        if c.group_events[s].load(Relaxed) >= MIN_GROUP_EVENTS {
            groups[u] += 1;
        }
    }
    unit.iter()
        .zip(actors)
        .enumerate()
        .map(|(u, (s, mut top))| {
            top.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            top.truncate(TOP_ACTORS);
            UnitStats {
                events: c.events[u].load(Relaxed),
                fatalities: c.fatalities[u].load(Relaxed),
                weighted: s[0],
                weighted_severity: s[1],
                weighted_civilian: s[2],
                groups: groups[u],
                top_actors: top,
                trend: (
                    c.trend[2 * u].load(Relaxed),
                    c.trend[2 * u + 1].load(Relaxed),
                ),
                monthly: c.monthly[u * nm..(u + 1) * nm]
                    .iter()
                    .map(|m| m.load(Relaxed))
                    .collect(),
            }
        })
        .collect()
}
