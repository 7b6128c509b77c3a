//! Land borders: the edges two regions share, chained into lines.
//!
//! A country outline runs along the sea and along the box the data is clipped to; only the
//! edges that two different regions share are borders. Natural Earth's layers come from a
//! topology, so shared edges have identical vertices (rounded to the 5 decimals stored).

use std::collections::HashMap;

use geo::{Coord, LineString};

use super::features::Region;

type Key = (i64, i64);

fn key(c: Coord<f64>) -> Key {
    ((c.x * 1e5).round() as i64, (c.y * 1e5).round() as i64)
}

fn edge_key(a: Key, b: Key) -> (Key, Key) {
    if a <= b { (a, b) } else { (b, a) }
}

/// Edges shared by two different regions, chained into polylines.
pub fn shared_borders(regions: &[Region]) -> Vec<LineString<f64>> {
    // For each undirected edge: the first region seen with it, and whether another region has it.
    let mut owners: HashMap<(Key, Key), (usize, bool)> = HashMap::new();
    let mut coords: HashMap<Key, Coord<f64>> = HashMap::new();
    for (r, region) in regions.iter().enumerate() {
        for polygon in &region.shape.0 {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                for line in ring.lines() {
                    let (a, b) = (key(line.start), key(line.end));
                    if a == b {
                        continue;
                    }
                    coords.entry(a).or_insert(line.start);
                    coords.entry(b).or_insert(line.end);
                    owners
                        .entry(edge_key(a, b))
                        .and_modify(|(first, shared)| *shared |= *first != r)
                        .or_insert((r, false));
                }
            }
        }
    }
    let mut shared: Vec<(Key, Key)> = owners
        .into_iter()
        .filter(|(_, (_, is_shared))| *is_shared)
        .map(|(edge, _)| edge)
        .collect();
    shared.sort_unstable();
    chain(&shared)
        .into_iter()
        .map(|keys| LineString(keys.iter().map(|k| coords[k]).collect()))
        .collect()
}

/// Join undirected edges into the longest simple chains through degree-2 vertices.
fn chain(edges: &[(Key, Key)]) -> Vec<Vec<Key>> {
    let mut adjacency: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, (a, b)) in edges.iter().enumerate() {
        adjacency.entry(*a).or_default().push(i);
        adjacency.entry(*b).or_default().push(i);
    }
    let mut used = vec![false; edges.len()];
    let mut out = Vec::new();
    let other = |i: usize, v: Key| {
        if edges[i].0 == v {
            edges[i].1
        } else {
            edges[i].0
        }
    };
    let walk = |start_edge: usize, from: Key, used: &mut Vec<bool>| {
        let mut path = vec![from];
        let mut edge = start_edge;
        let mut at = from;
        loop {
            used[edge] = true;
            at = other(edge, at);
            path.push(at);
            let next = match adjacency[&at].as_slice() {
                [x, y] => Some(if *x == edge { *y } else { *x }),
                _ => None,
            };
            match next {
                Some(n) if !used[n] => edge = n,
                _ => break,
            }
        }
        path
    };
    // Start at chain ends (vertices not of degree 2) first, then close the remaining loops.
    let mut starts: Vec<&Key> = adjacency
        .keys()
        .filter(|v| adjacency[*v].len() != 2)
        .collect();
    starts.sort_unstable();
    for v in starts {
        for &e in &adjacency[v] {
            if !used[e] {
                out.push(walk(e, *v, &mut used));
            }
        }
    }
    for e in 0..edges.len() {
        if !used[e] {
            out.push(walk(e, edges[e].0, &mut used));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geodata::RegionLevel;
    use geo::{BoundingRect, MultiPolygon, polygon};

    fn region(id: &str, p: geo::Polygon<f64>) -> Region {
        let shape = MultiPolygon(vec![p]);
        Region {
            id: id.into(),
            name: id.into(),
            country: id.into(),
            country_name: id.into(),
            alt_names: vec![],
            parent: None,
            level: RegionLevel::Country,
            bbox: shape.bounding_rect().unwrap(),
            shape,
        }
    }

    #[test]
    fn only_the_shared_edge_is_a_border() {
        let a = region(
            "A",
            polygon![(x: 0., y: 0.), (x: 1., y: 0.), (x: 1., y: 1.), (x: 0., y: 1.)],
        );
        let b = region(
            "B",
            polygon![(x: 1., y: 0.), (x: 2., y: 0.), (x: 2., y: 1.), (x: 1., y: 1.)],
        );
        let borders = shared_borders(&[a, b]);
        assert_eq!(borders.len(), 1);
        let mut pts: Vec<(f64, f64)> = borders[0].points().map(|p| (p.x(), p.y())).collect();
        pts.sort_by(|p, q| p.partial_cmp(q).unwrap());
        assert_eq!(pts, vec![(1., 0.), (1., 1.)]);
    }

    #[test]
    fn a_lone_region_has_no_border() {
        let a = region(
            "A",
            polygon![(x: 0., y: 0.), (x: 1., y: 0.), (x: 1., y: 1.)],
        );
        assert!(shared_borders(&[a]).is_empty());
    }
}
