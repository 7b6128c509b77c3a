//! Clusters of the filtered incidents: the hierarchy of [`cluster`](super::cluster) over their
//! coordinates, with per-cluster totals (fatalities under each claim scenario, events per type,
//! coarse locations) combined up the levels once per build, and the tooltip summary of one
//! cluster computed from its members on demand.

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;

use super::cluster::{Cluster, ClusterIndex, ClusterOptions};
use super::columns::{IncidentColumns, NONE_U8, NONE_U32, date_from_day};

/// Slot for incidents without an event type in [`ClusterAgg::types`].
pub const UNKNOWN_TYPE: usize = 6;

/// Totals of one cluster, combined from its members (44 bytes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClusterAgg {
    /// Sum of fatalities under Low, Best, High (events without a figure add 0), saturating.
    pub fatalities: [u32; 3],
    /// Events per ACLED event type (`EventType as usize`), unknown types in slot 6.
    pub types: [u32; 7],
    /// Members located only to a district, region or wider.
    pub coarse: u32,
}

impl ClusterAgg {
    fn add(&mut self, other: &ClusterAgg) {
        for s in 0..3 {
            self.fatalities[s] = self.fatalities[s].saturating_add(other.fatalities[s]);
        }
        for t in 0..7 {
            self.types[t] += other.types[t];
        }
        self.coarse += other.coarse;
    }

    /// The most frequent event type (`UNKNOWN_TYPE` when none is known); ties go to the
    /// lower type code.
    pub fn dominant_type(&self) -> usize {
        (0..UNKNOWN_TYPE)
            .filter(|&t| self.types[t] > 0)
            .max_by_key(|&t| (self.types[t], std::cmp::Reverse(t)))
            .unwrap_or(UNKNOWN_TYPE)
    }
}

/// The clustered incidents: point `p` of the index is incident `members[p]` of the store.
pub struct IncidentClusters {
    pub index: ClusterIndex,
    pub members: Vec<u32>,
    /// `aggs[zoom - min_zoom][Cluster::index]`.
    aggs: Vec<Vec<ClusterAgg>>,
}

/// What a cluster's tooltip says.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterSummary {
    pub events: u32,
    pub date_min: Option<NaiveDate>,
    pub date_max: Option<NaiveDate>,
    /// Up to three `(event type code, events)`, most frequent first (`NONE_U8` = unknown).
    pub top_types: Vec<(u8, u32)>,
    /// Up to three `(actor id, events)`, most frequent first.
    pub top_actors: Vec<(u32, u32)>,
    /// Sums of fatalities under the low, best and high claim scenarios.
    pub fatalities: [u64; 3],
    /// Events where no claim gives a figure.
    pub no_figure: u32,
    /// Events located only to a district, region or wider.
    pub coarse: u32,
}

impl IncidentClusters {
    /// Cluster the incidents `filtered` (store indices) of `columns`. `None` when cancelled.
    pub fn build(
        columns: &IncidentColumns,
        filtered: &[u32],
        options: &ClusterOptions,
        cancel: &AtomicBool,
    ) -> Option<IncidentClusters> {
        let points: Vec<[f64; 2]> = filtered
            .iter()
            .map(|&i| [columns.lon[i as usize], columns.lat[i as usize]])
            .collect();
        let index = ClusterIndex::build(&points, options, cancel)?;
        let aggs = index.reduce(
            |p| leaf_agg(columns, filtered[p as usize] as usize),
            ClusterAgg::default(),
            ClusterAgg::add,
        );
        Some(IncidentClusters {
            index,
            members: filtered.to_vec(),
            aggs,
        })
    }

    pub fn agg(&self, c: &Cluster) -> &ClusterAgg {
        &self.aggs[usize::from(c.zoom - self.index.min_zoom())][c.index as usize]
    }

    /// Store indices of the cluster's incidents.
    pub fn incidents_of(&self, c: &Cluster) -> Vec<u32> {
        let mut out = Vec::with_capacity(c.count as usize);
        self.index
            .for_each_leaf(c, |p| out.push(self.members[p as usize]));
        out
    }

    /// The tooltip summary of `c` (a walk over its members: about 20 ms for a million).
    pub fn summary(&self, columns: &IncidentColumns, c: &Cluster) -> ClusterSummary {
        let mut s = ClusterSummary {
            events: 0,
            date_min: None,
            date_max: None,
            top_types: Vec::new(),
            top_actors: Vec::new(),
            fatalities: [0; 3],
            no_figure: 0,
            coarse: 0,
        };
        let (mut dmin, mut dmax) = (i32::MAX, i32::MIN);
        let mut types = [0u32; 256];
        let mut actors: HashMap<u32, u32> = HashMap::new();
        self.index.for_each_leaf(c, |p| {
            let i = self.members[p as usize] as usize;
            s.events += 1;
            dmin = dmin.min(columns.day_start[i]);
            dmax = dmax.max(columns.day_end[i]);
            types[usize::from(columns.event_type[i])] += 1;
            let mut any = false;
            for (k, f) in columns.fatalities.iter().enumerate() {
                if f[i] != NONE_U32 {
                    s.fatalities[k] += u64::from(f[i]);
                    any = true;
                }
            }
            s.no_figure += u32::from(!any);
            s.coarse += u32::from(columns.coarse[i]);
            let mut seen: Vec<u32> = columns.actors_of(i).to_vec();
            seen.sort_unstable();
            seen.dedup();
            for a in seen {
                *actors.entry(a).or_default() += 1;
            }
        });
        if s.events > 0 {
            s.date_min = Some(date_from_day(dmin));
            s.date_max = Some(date_from_day(dmax));
        }
        s.top_types = top3(
            types
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(t, n)| (t as u8, *n)),
        );
        s.top_actors = top3(actors.into_iter());
        s
    }
}

/// The three largest by count, ties by the smaller key.
fn top3<K: Ord + Copy>(items: impl Iterator<Item = (K, u32)>) -> Vec<(K, u32)> {
    let mut v: Vec<(K, u32)> = items.collect();
    v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(3);
    v
}

fn leaf_agg(columns: &IncidentColumns, i: usize) -> ClusterAgg {
    let mut a = ClusterAgg::default();
    for s in 0..3 {
        let f = columns.fatalities[s][i];
        a.fatalities[s] = if f == NONE_U32 { 0 } else { f };
    }
    let t = columns.event_type[i];
    a.types[if t == NONE_U8 {
        UNKNOWN_TYPE
    } else {
        usize::from(t).min(UNKNOWN_TYPE)
    }] = 1;
    a.coarse = u32::from(columns.coarse[i]);
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Filter;
    use crate::sample::{builtin_towns, sample};

    #[test]
    fn totals_add_up_at_every_zoom_and_summary_matches_the_members() {
        let incidents = sample(&builtin_towns());
        let columns = IncidentColumns::new(&incidents);
        let filtered = Filter::default().apply(&columns).indices;
        let options = ClusterOptions {
            max_zoom: 10,
            ..ClusterOptions::default()
        };
        let clusters =
            IncidentClusters::build(&columns, &filtered, &options, &AtomicBool::new(false))
                .unwrap();
        let best_total: u64 = filtered
            .iter()
            .map(|&i| columns.fatalities[1][i as usize])
            .filter(|&f| f != NONE_U32)
            .map(u64::from)
            .sum();
        for z in 0..=10u8 {
            let (mut events, mut best) = (0u64, 0u64);
            for c in clusters.index.clusters_at(z) {
                let a = clusters.agg(c);
                assert_eq!(a.types.iter().sum::<u32>(), c.count, "zoom {z}");
                events += u64::from(c.count);
                best += u64::from(a.fatalities[1]);
            }
            assert_eq!(events, filtered.len() as u64);
            assert_eq!(best, best_total);
        }
        // The biggest cluster at zoom 3: its summary agrees with its members.
        let big = clusters
            .index
            .clusters_at(3)
            .iter()
            .max_by_key(|c| c.count)
            .unwrap();
        let s = clusters.summary(&columns, big);
        let members = clusters.incidents_of(big);
        assert_eq!(s.events as usize, members.len());
        assert_eq!(s.fatalities[1], u64::from(clusters.agg(big).fatalities[1]));
        assert_eq!(s.coarse, clusters.agg(big).coarse);
        let first = members
            .iter()
            .map(|&i| columns.day_start[i as usize])
            .min()
            .unwrap();
        assert_eq!(s.date_min, Some(date_from_day(first)));
        assert!(s.fatalities[0] <= s.fatalities[1] && s.fatalities[1] <= s.fatalities[2]);
        assert!(!s.top_types.is_empty() && s.top_types.len() <= 3);
        assert!(s.top_types.windows(2).all(|w| w[0].1 >= w[1].1));
        let dominant = clusters.agg(big).dominant_type();
        assert_eq!(s.top_types[0].0 as usize, dominant);
    }

    #[test]
    fn dominant_type_ties_and_unknown() {
        let mut a = ClusterAgg::default();
        assert_eq!(a.dominant_type(), UNKNOWN_TYPE);
        a.types[UNKNOWN_TYPE] = 9;
        a.types[4] = 2;
        a.types[2] = 2;
        assert_eq!(a.dominant_type(), 2);
    }
}
