//! Signed distance to the northern (land) border of the coastal states.
//!
//! # Definition
//!
//! Let U be the union of the coastal states' polygons (by default Benin `BEN`, Togo `TGO`,
//! Ghana `GHA` and Côte d'Ivoire `CIV`, see [`COASTAL_STATES`]). Its **land border** is the part
//! of U's boundary that U shares with other countries: every edge of a coastal state's rings
//! that another, non-coastal country's rings also have. For the bundled Natural Earth countries
//! that is the line from the Liberian coast (Côte d'Ivoire–Liberia) through Guinea, Mali,
//! Burkina Faso and Niger to the Nigerian coast (Benin–Nigeria). Left out: the sea coast (edges
//! no other country has) and the borders between two coastal states (inside U).
//!
//! The **signed border distance** of a point is the geodesic distance (km, WGS 84) to that land
//! border, negative when the point is inside U and positive outside: "north of the border" for
//! the Sahel states, also positive in Guinea, Liberia or Nigeria. A point in no country (at sea,
//! in a gap between polygons, or outside the data box) takes the side of the nearest country
//! outline, so a point off the Ghanaian shore is negative and one off Senegal positive.
//!
//! Shared edges are recognised exactly: the countries come from a topology (Natural Earth via
//! TopoJSON), so neighbours have identical vertices; vertices are compared rounded to 1e-5°
//! (the 5 decimals stored). Boundaries from sources without a shared topology find no shared
//! edges; [`BorderStats::land_edges`] is then 0 and every distance `NaN`.
//!
//! A proximity rule ("edges farther than ~2 km from the GSHHG coastline are land borders") was
//! rejected: Natural Earth's coast follows the lagoons of Côte d'Ivoire and Benin's barrier
//! beaches up to 28 km away from GSHHG's shoreline, so it would count stretches of sea coast as
//! land border.

use std::collections::HashMap;

use geo::{Coord, LineString, MultiPolygon};

use super::chain::{chain, key};
use super::segments::SegmentTree;
use super::side::{Country, Sides};

/// ISO 3166-1 alpha-3 codes of the Gulf of Guinea states whose northern border is measured.
pub const COASTAL_STATES: [&str; 4] = ["BEN", "TGO", "GHA", "CIV"];

/// What [`BorderIndex::new`] found in the countries: edge counts, for checks and reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BorderStats {
    /// Coastal codes that matched a country.
    pub coastal_found: Vec<String>,
    /// Edges of the land border (shared with a non-coastal country).
    pub land_edges: usize,
    /// Land-border edges per neighbour (iso3, count), sorted by iso3.
    pub by_neighbour: Vec<(String, usize)>,
    /// Edges shared by two coastal states (inside the union, not measured).
    pub internal_edges: usize,
    /// Edges of a coastal state no other country has (sea coast, data-box edge).
    pub unshared_edges: usize,
}

/// The nearest point of the land border and the signed distance to it.
#[derive(Debug, Clone, PartialEq)]
pub struct BorderPoint {
    /// Signed geodesic distance (km): negative inside the coastal states.
    pub km: f64,
    /// Nearest point of the land border.
    pub lon: f64,
    pub lat: f64,
    /// The coastal state and the neighbour whose shared edge holds that point.
    pub coastal: String,
    pub neighbour: String,
}

/// One stretch of the land border: the edges a coastal state shares with one neighbour, joined.
#[derive(Debug, Clone, PartialEq)]
pub struct LandBorderLine {
    pub coastal: String,
    pub neighbour: String,
    pub line: LineString<f64>,
}

/// Land border of the coastal states' union in an R-tree, plus what is needed to tell the side.
#[derive(Debug, Clone)]
pub struct BorderIndex {
    /// The countries and the point-in-polygon test.
    sides: Sides,
    /// Land-border lines, and the same in an R-tree (tag = index into `pairs`).
    lines: Vec<LandBorderLine>,
    land: SegmentTree,
    /// (coastal country, neighbour) index pairs.
    pairs: Vec<(usize, usize)>,
    stats: BorderStats,
}

type Key = (i64, i64);

/// Join the edges of each tag into lines: (tag, vertices).
fn chain_by_tag(edges: &[(u32, [Coord<f64>; 2])]) -> Vec<(u32, Vec<Coord<f64>>)> {
    let mut groups: Vec<(u32, Vec<[Coord<f64>; 2]>)> = Vec::new();
    for &(tag, e) in edges {
        match groups.iter_mut().find(|g| g.0 == tag) {
            Some(g) => g.1.push(e),
            None => groups.push((tag, vec![e])),
        }
    }
    groups
        .into_iter()
        .flat_map(|(tag, es)| chain(&es).into_iter().map(move |l| (tag, l)))
        .collect()
}

impl BorderIndex {
    /// Build from the countries (iso3 code, shape in lon/lat) and the codes of the coastal
    /// states (usually [`COASTAL_STATES`]). Codes compare exactly.
    pub fn new<'a>(
        countries: impl IntoIterator<Item = (&'a str, &'a MultiPolygon<f64>)>,
        coastal: &[&str],
    ) -> Self {
        let countries: Vec<Country> = countries
            .into_iter()
            .map(|(iso3, shape)| Country::new(iso3, shape, coastal.contains(&iso3)))
            .collect();

        // Every undirected edge, in first-seen order, with the countries that have it.
        let mut index: HashMap<(Key, Key), usize> = HashMap::new();
        let mut edges: Vec<([Coord<f64>; 2], Vec<usize>)> = Vec::new();
        for (ci, country) in countries.iter().enumerate() {
            for polygon in &country.shape.0 {
                for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                    for line in ring.lines() {
                        let (a, b) = (key(line.start), key(line.end));
                        if a == b {
                            continue;
                        }
                        let k = if a <= b { (a, b) } else { (b, a) };
                        let i = *index.entry(k).or_insert_with(|| {
                            edges.push(([line.start, line.end], Vec::new()));
                            edges.len() - 1
                        });
                        if !edges[i].1.contains(&ci) {
                            edges[i].1.push(ci);
                        }
                    }
                }
            }
        }

        let mut stats = BorderStats {
            coastal_found: countries
                .iter()
                .filter(|c| c.coastal)
                .map(|c| c.iso3.clone())
                .collect(),
            ..BorderStats::default()
        };
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut land: Vec<(u32, [Coord<f64>; 2])> = Vec::new();
        let mut per_neighbour: HashMap<usize, usize> = HashMap::new();
        for (coords, owners) in &edges {
            let Some(&c) = owners.iter().find(|&&o| countries[o].coastal) else {
                continue;
            };
            match owners.iter().find(|&&o| !countries[o].coastal) {
                Some(&n) => {
                    let tag = pairs.iter().position(|&p| p == (c, n)).unwrap_or_else(|| {
                        pairs.push((c, n));
                        pairs.len() - 1
                    });
                    land.push((tag as u32, *coords));
                    *per_neighbour.entry(n).or_default() += 1;
                }
                None if owners.len() > 1 => stats.internal_edges += 1,
                None => stats.unshared_edges += 1,
            }
        }
        stats.land_edges = land.len();
        stats.by_neighbour = per_neighbour
            .into_iter()
            .map(|(n, count)| (countries[n].iso3.clone(), count))
            .collect();
        stats.by_neighbour.sort();

        let land = chain_by_tag(&land);
        let lines = land
            .iter()
            .map(|(tag, l)| {
                let (c, n) = pairs[*tag as usize];
                LandBorderLine {
                    coastal: countries[c].iso3.clone(),
                    neighbour: countries[n].iso3.clone(),
                    line: LineString(l.clone()),
                }
            })
            .collect();
        let land = SegmentTree::new(land.iter().map(|(tag, l)| (*tag, l.as_slice())));
        // Every outline edge once, tagged with its owner; a coastal owner is preferred, so a
        // shared edge where the border meets the sea sides with the coastal state for points
        // just offshore of it.
        let outline_edges: Vec<(u32, [Coord<f64>; 2])> = edges
            .iter()
            .map(|(c, owners)| {
                let o = owners
                    .iter()
                    .copied()
                    .find(|&o| countries[o].coastal)
                    .unwrap_or(owners[0]);
                (o as u32, *c)
            })
            .collect();
        let outlines = chain_by_tag(&outline_edges);
        let outlines = SegmentTree::new(outlines.iter().map(|(tag, l)| (*tag, l.as_slice())));
        BorderIndex {
            sides: Sides::new(countries, outlines),
            lines,
            land,
            pairs,
            stats,
        }
    }

    /// What was found while building (edge counts per kind and neighbour).
    pub fn stats(&self) -> &BorderStats {
        &self.stats
    }

    /// The land border as lines (one or more per coastal state and neighbour), e.g. to draw the
    /// line the distances are measured to.
    pub fn land_border(&self) -> &[LandBorderLine] {
        &self.lines
    }

    /// Signed geodesic distance (km) to the coastal states' land border: negative inside them,
    /// positive outside (see the module documentation). `NaN` when the input is not a
    /// coordinate or no land border was found.
    pub fn signed_km(&self, lon: f64, lat: f64) -> f64 {
        self.locate(lon, lat).map_or(f64::NAN, |b| b.km)
    }

    /// [`BorderIndex::signed_km`] for many `[lon, lat]` points, in parallel; in input order.
    pub fn signed_km_many(&self, points: &[[f64; 2]]) -> Vec<f64> {
        use rayon::prelude::*;
        points
            .par_iter()
            .with_min_len(256)
            .map(|&[lon, lat]| self.signed_km(lon, lat))
            .collect()
    }

    /// The signed distance together with the nearest border point and the two countries whose
    /// shared edge it lies on.
    pub fn locate(&self, lon: f64, lat: f64) -> Option<BorderPoint> {
        let hit = self.land.nearest(lon, lat)?;
        let (c, n) = self.pairs[hit.tag as usize];
        let inside = self.inside(lon, lat);
        Some(BorderPoint {
            km: if inside { -hit.km } else { hit.km },
            lon: hit.lon,
            lat: hit.lat,
            coastal: self.sides.countries[c].iso3.clone(),
            neighbour: self.sides.countries[n].iso3.clone(),
        })
    }

    /// True when the point counts as inside the coastal states: inside one of them, or in no
    /// country with a coastal state's outline nearest.
    pub fn inside(&self, lon: f64, lat: f64) -> bool {
        self.sides.inside(lon, lat)
    }
}
