//! Joining loose edges into polylines (vertices compared at 1e-5°, the data's precision).

use std::collections::{BTreeMap, HashMap};

use geo::Coord;

type Key = (i64, i64);

/// A vertex's key: lon/lat rounded to 1e-5° (about 1 m).
pub fn key(c: Coord<f64>) -> Key {
    ((c.x * 1e5).round() as i64, (c.y * 1e5).round() as i64)
}

/// Join undirected edges into the longest chains through vertices where exactly two edges meet.
/// Chains start at the other vertices (ends, junctions); what is left are closed loops. The
/// output is deterministic: it depends only on the order of `edges`.
pub fn chain(edges: &[[Coord<f64>; 2]]) -> Vec<Vec<Coord<f64>>> {
    let keys: Vec<[Key; 2]> = edges.iter().map(|e| [key(e[0]), key(e[1])]).collect();
    let mut adjacency: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, [a, b]) in keys.iter().enumerate() {
        adjacency.entry(*a).or_default().push(i);
        adjacency.entry(*b).or_default().push(i);
    }
    let mut used = vec![false; edges.len()];
    let mut out = Vec::new();
    // Walk from `start` (an end of edge `first`) as long as the path continues uniquely.
    let mut walk = |first: usize, start_end: usize, used: &mut Vec<bool>| {
        let mut line = vec![edges[first][start_end]];
        let (mut edge, mut end) = (first, start_end);
        loop {
            used[edge] = true;
            let far = 1 - end;
            line.push(edges[edge][far]);
            let at = keys[edge][far];
            let next = match adjacency[&at].as_slice() {
                [x, y] => [*x, *y].into_iter().find(|&e| !used[e]),
                _ => None,
            };
            match next {
                Some(e) => {
                    end = if keys[e][0] == at { 0 } else { 1 };
                    edge = e;
                }
                None => break,
            }
        }
        out.push(line);
    };
    // Ends and junctions first, in a fixed order.
    let starts: BTreeMap<Key, &Vec<usize>> = adjacency
        .iter()
        .filter(|(_, list)| list.len() != 2)
        .map(|(k, list)| (*k, list))
        .collect();
    for (k, list) in starts {
        for &e in list {
            if !used[e] {
                let end = if keys[e][0] == k { 0 } else { 1 };
                walk(e, end, &mut used);
            }
        }
    }
    for e in 0..edges.len() {
        if !used[e] {
            walk(e, 0, &mut used);
        }
    }
    out
}
