//! Signed distance to the northern border of the coastal states.
//!
//! # Definition
//!
//! Let U be the union of the coastal states' polygons (by default Benin `BEN`, Togo `TGO`,
//! Ghana `GHA` and Côte d'Ivoire `CIV`, see [`COASTAL_STATES`]). Two lines on U's boundary can
//! be measured ([`BorderKind`]):
//!
//! * **The Sahel border** ([`BorderKind::Sahel`], the default): the edges a coastal state
//!   shares with one of the Sahel states Mali `MLI`, Burkina Faso `BFA` and Niger `NER`
//!   ([`SAHEL_STATES`]). This is the "northern border" of the Africa Center's measure (militant
//!   Islamist violence within 50 km of the coastal states' northern borders): for the bundled
//!   Natural Earth countries one line of about 2,200 km from the Côte d'Ivoire–Mali–Guinea
//!   tripoint to the Benin–Niger–Nigeria tripoint.
//! * **The whole land border** ([`BorderKind::WholeLandBorder`], a labelled option): every edge
//!   a coastal state shares with any non-coastal country, about 4,060 km from the Liberian coast
//!   through Guinea and the Sahel states to the Nigerian coast (Nigeria 736 km, Liberia 568 km,
//!   Guinea 563 km of it). This was the only measure before issue 15; it puts Kandi (Benin) 66 km
//!   from Nigeria instead of 92.6 km from Burkina Faso (the W park, near the Niger tripoint).
//!
//! Left out of both: the sea coast (edges no other country has) and the borders between two
//! coastal states (inside U).
//!
//! The **signed border distance** of a point is the geodesic distance (km, WGS 84) to the
//! measured line, negative when the point is inside U and positive outside. Positive means
//! "outside the coastal states", not "north of the border": a point in Nigeria, Guinea or
//! Liberia is positive too, at its distance to the nearest point of the Sahel border (Lagos
//! 565 km, to the Benin–Burkina Faso border), so counts "north of the border" must also ask which
//! country the point is in (the band counts take only Mali, Burkina Faso and Niger, see
//! `readout.rs`). A point in no country (at sea, in a gap between polygons, or outside the data
//! box) takes the side of the nearest country outline, so a point off the Ghanaian shore is
//! negative and one off Senegal positive. The sign never depends on the [`BorderKind`].
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
use super::geodesic::karney_km;
use super::segments::SegmentTree;
use super::side::{Country, Sides};

/// ISO 3166-1 alpha-3 codes of the Gulf of Guinea states whose northern border is measured.
pub const COASTAL_STATES: [&str; 4] = ["BEN", "TGO", "GHA", "CIV"];

/// ISO 3166-1 alpha-3 codes of the Sahel states on the far side of the northern border.
pub const SAHEL_STATES: [&str; 3] = ["MLI", "BFA", "NER"];

/// Which part of the coastal states' land border [`BorderIndex`] measures to (see the module
/// documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BorderKind {
    /// The border with Mali, Burkina Faso and Niger ([`SAHEL_STATES`]).
    #[default]
    Sahel,
    /// Every edge shared with a non-coastal country (also Guinea, Liberia, Nigeria).
    WholeLandBorder,
}

impl BorderKind {
    /// The name scripts read (`"sahel"`, `"whole_land_border"`).
    pub fn key(self) -> &'static str {
        match self {
            BorderKind::Sahel => "sahel",
            BorderKind::WholeLandBorder => "whole_land_border",
        }
    }

    /// What the legend and the panel say is measured.
    pub fn label(self) -> &'static str {
        match self {
            BorderKind::Sahel => "border with Mali, Burkina Faso and Niger",
            BorderKind::WholeLandBorder => "coastal states' whole land border",
        }
    }

    /// True when an edge a coastal state shares with `neighbour` is measured.
    fn measures(self, neighbour: &str) -> bool {
        match self {
            BorderKind::Sahel => SAHEL_STATES.contains(&neighbour),
            BorderKind::WholeLandBorder => true,
        }
    }
}

/// What [`BorderIndex::new`] found in the countries: edge counts, for checks and reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BorderStats {
    /// Coastal codes that matched a country.
    pub coastal_found: Vec<String>,
    /// Edges of the measured border (shared with a non-coastal country the [`BorderKind`]
    /// measures).
    pub land_edges: usize,
    /// Measured edges per neighbour (iso3, count), sorted by iso3.
    pub by_neighbour: Vec<(String, usize)>,
    /// Edges shared with a non-coastal country that the [`BorderKind`] leaves out (Guinea,
    /// Liberia, Nigeria for [`BorderKind::Sahel`]).
    pub unmeasured_land_edges: usize,
    /// Edges shared by two coastal states (inside the union, not measured).
    pub internal_edges: usize,
    /// Edges of a coastal state no other country has (sea coast, data-box edge).
    pub unshared_edges: usize,
}

/// The nearest point of the measured border and the signed distance to it.
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

/// One stretch of the measured border: the edges a coastal state shares with one neighbour,
/// joined.
#[derive(Debug, Clone, PartialEq)]
pub struct LandBorderLine {
    pub coastal: String,
    pub neighbour: String,
    pub line: LineString<f64>,
}

/// The measured border of the coastal states' union in an R-tree, plus what is needed to tell
/// the side and the country of a point.
#[derive(Debug, Clone)]
pub struct BorderIndex {
    kind: BorderKind,
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
    /// states (usually [`COASTAL_STATES`]), measuring to the Sahel border
    /// ([`BorderKind::Sahel`]). Codes compare exactly.
    pub fn new<'a>(
        countries: impl IntoIterator<Item = (&'a str, &'a MultiPolygon<f64>)>,
        coastal: &[&str],
    ) -> Self {
        Self::with_kind(countries, coastal, BorderKind::Sahel)
    }

    /// [`BorderIndex::new`] measuring to the border `kind` names.
    pub fn with_kind<'a>(
        countries: impl IntoIterator<Item = (&'a str, &'a MultiPolygon<f64>)>,
        coastal: &[&str],
        kind: BorderKind,
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
                Some(&n) if !kind.measures(&countries[n].iso3) => {
                    stats.unmeasured_land_edges += 1;
                }
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
            kind,
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

    /// Which border the distances are measured to.
    pub fn kind(&self) -> BorderKind {
        self.kind
    }

    /// The measured border as lines (one or more per coastal state and neighbour), e.g. to draw
    /// the line the distances are measured to.
    pub fn land_border(&self) -> &[LandBorderLine] {
        &self.lines
    }

    /// Geodesic length (km) of the measured border: the sum of its edges' geodesics.
    pub fn length_km(&self) -> f64 {
        self.lines
            .iter()
            .flat_map(|l| l.line.lines())
            .map(|e| karney_km(e.start.x, e.start.y, e.end.x, e.end.y))
            .sum()
    }

    /// The iso3 code of the country whose polygons contain the point (the first in the input
    /// order on a shared edge); `None` at sea, in a gap, outside the data or for a non-coordinate.
    pub fn country_at(&self, lon: f64, lat: f64) -> Option<&str> {
        self.sides
            .country_at(lon, lat)
            .map(|c| self.sides.countries[c].iso3.as_str())
    }

    /// True when `iso3` is one of the coastal states this index was built with.
    pub fn is_coastal(&self, iso3: &str) -> bool {
        self.stats.coastal_found.iter().any(|c| c == iso3)
    }

    /// Signed geodesic distance (km) to the measured border: negative inside the coastal
    /// states, positive outside (see the module documentation). `NaN` when the input is not a
    /// coordinate or no such border was found.
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
