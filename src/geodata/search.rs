//! Offline search over places and regions, ignoring accents and case.

use super::features::{Region, RegionLevel};
use super::gazetteer::{Gazetteer, PlaceRank};
use super::text::fold;

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Place { index: usize },
    Region { level: RegionLevel, index: usize },
}

/// One search result: a label to show and where to fly.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub kind: HitKind,
    /// The proper name ("Ségou").
    pub name: String,
    /// What it is and where ("region, Mali", "town, ML").
    pub detail: String,
    /// The name the query matched when it was an alternate ("Tombouctou").
    pub matched_alias: Option<String>,
    pub lon: f64,
    pub lat: f64,
    /// Bounding box (lon_min, lat_min, lon_max, lat_max) for regions.
    pub bbox: Option<[f64; 4]>,
    score: u32,
}

/// How well a folded name matches a folded query: lower is better.
fn match_score(name: &str, query: &str) -> Option<u32> {
    if name == query {
        Some(0)
    } else if name.starts_with(query) {
        Some(1)
    } else if name.split(' ').any(|w| w.starts_with(query)) {
        Some(2)
    } else if query.len() >= 3 && name.contains(query) {
        Some(3)
    } else {
        None
    }
}

/// Best score over a name and its aliases, with the alias that gave it.
fn best_match<'a>(
    name: &'a str,
    aliases: &'a [String],
    query: &str,
) -> Option<(u32, Option<&'a str>)> {
    let main = match_score(&fold(name), query).map(|s| (s, None));
    aliases
        .iter()
        .filter_map(|a| match_score(&fold(a), query).map(|s| (s, Some(a.as_str()))))
        .chain(main)
        .min_by_key(|(s, alias)| (*s, alias.is_some()))
}

/// Search regions (all levels given) and places. Regions rank before places of equal match,
/// places by importance then population.
pub fn search(
    query: &str,
    region_sets: &[(RegionLevel, &[Region])],
    gazetteer: &Gazetteer,
    limit: usize,
) -> Vec<SearchHit> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (level, regions) in region_sets {
        for (index, r) in regions.iter().enumerate() {
            if let Some((score, alias)) = best_match(&r.name, &r.alt_names, &q) {
                let c = r.bbox.center();
                hits.push(SearchHit {
                    kind: HitKind::Region {
                        level: *level,
                        index,
                    },
                    name: r.name.clone(),
                    detail: if *level == RegionLevel::Country {
                        "country".to_owned()
                    } else {
                        format!("{}, {}", level.label(), r.country_name)
                    },
                    matched_alias: alias.map(str::to_owned),
                    lon: c.x,
                    lat: c.y,
                    bbox: Some([
                        r.bbox.min().x,
                        r.bbox.min().y,
                        r.bbox.max().x,
                        r.bbox.max().y,
                    ]),
                    score: score * 10 + level_bonus(*level),
                });
            }
        }
    }
    for (index, p) in gazetteer.places.iter().enumerate() {
        if let Some((score, alias)) = best_match(&p.name, &p.alt_names, &q) {
            let what = match p.rank {
                PlaceRank::Capital => "capital",
                PlaceRank::RegionalSeat => "regional capital",
                PlaceRank::DistrictSeat => "district seat",
                PlaceRank::Town => "place",
            };
            hits.push(SearchHit {
                kind: HitKind::Place { index },
                name: p.name.clone(),
                detail: format!("{what}, {}", p.country),
                matched_alias: alias.map(str::to_owned),
                lon: p.lon,
                lat: p.lat,
                bbox: None,
                score: score * 10 + 5,
            });
        }
    }
    // Places are already in importance order, so a stable sort keeps it within a score.
    hits.sort_by_key(|h| h.score);
    hits.truncate(limit);
    hits
}

fn level_bonus(level: RegionLevel) -> u32 {
    match level {
        RegionLevel::Country => 0,
        RegionLevel::Admin1 => 1,
        RegionLevel::Province => 2,
    }
}
