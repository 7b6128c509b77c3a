//! Tests only: a line-by-line port of supercluster 8's `load`/`_cluster` with a brute-force
//! neighbour search (neighbours in index order, `f64` throughout), to check the fast build
//! against.

use super::ClusterOptions;
use super::project::{lat_to_y, lon_to_x, radius_at};

#[derive(Debug, Clone)]
pub struct RefItem {
    pub x: f64,
    pub y: f64,
    /// The last zoom the item was processed at (`i32::MAX` = never).
    zoom: i32,
    pub id: u64,
    pub num: u32,
    /// Positions in the level above.
    pub children: Vec<u32>,
}

/// Levels `min_zoom..=max_zoom` (index 0 = `min_zoom`).
pub fn reference(points: &[[f64; 2]], o: &ClusterOptions) -> Vec<Vec<RefItem>> {
    let n = points.len() as u64;
    let mut data: Vec<RefItem> = points
        .iter()
        .enumerate()
        .map(|(i, p)| RefItem {
            x: lon_to_x(p[0]),
            y: lat_to_y(p[1]),
            zoom: i32::MAX,
            id: i as u64,
            num: 1,
            children: Vec::new(),
        })
        .collect();
    let mut levels = Vec::new();
    for z in (o.min_zoom..=o.max_zoom).rev() {
        let r = radius_at(o.radius, o.extent, z);
        let zi = i32::from(z);
        let mut next: Vec<RefItem> = Vec::new();
        for i in 0..data.len() {
            if data[i].zoom <= zi {
                continue;
            }
            data[i].zoom = zi;
            let (x, y) = (data[i].x, data[i].y);
            let neighbours: Vec<usize> = (0..data.len())
                .filter(|&j| {
                    let (dx, dy) = (data[j].x - x, data[j].y - y);
                    dx * dx + dy * dy <= r * r
                })
                .collect();
            let origin = u64::from(data[i].num);
            let mut num = origin;
            for &j in &neighbours {
                if data[j].zoom > zi {
                    num += u64::from(data[j].num);
                }
            }
            let carried = |d: &RefItem, k: usize| RefItem {
                zoom: i32::MAX,
                children: vec![k as u32],
                ..d.clone()
            };
            if num > origin && num >= o.min_points as u64 {
                let mut wx = x * origin as f64;
                let mut wy = y * origin as f64;
                let mut children = vec![i as u32];
                for &j in &neighbours {
                    if data[j].zoom <= zi {
                        continue;
                    }
                    data[j].zoom = zi;
                    wx += data[j].x * f64::from(data[j].num);
                    wy += data[j].y * f64::from(data[j].num);
                    children.push(j as u32);
                }
                next.push(RefItem {
                    x: wx / num as f64,
                    y: wy / num as f64,
                    zoom: i32::MAX,
                    id: ((i as u64) << 5) + u64::from(z) + 1 + n,
                    num: num as u32,
                    children,
                });
            } else {
                next.push(carried(&data[i], i));
                if num > 1 {
                    for &j in &neighbours {
                        if data[j].zoom <= zi {
                            continue;
                        }
                        data[j].zoom = zi;
                        next.push(carried(&data[j], j));
                    }
                }
            }
        }
        levels.push(next.clone());
        data = next;
    }
    levels.reverse();
    levels
}
