//! What the map shows where in the current frame, so that the legends go where they hide the
//! least: data marks (cluster and incident markers, weighted by the events they stand for) summed
//! on a coarse screen grid, and furniture (title, north arrow, scale bar, attribution, buttons,
//! legends already placed) that a legend must not cover.
//!
//! Layers and furniture record into the frame's [`Occupancy`] ([`Occupancy::update`]); it is kept
//! in egui's memory and starts empty on every pass, so a layer switched off leaves nothing behind.

use egui::{Context, Id, Pos2, Rect, Vec2, pos2, vec2};

/// Side of a grid cell (points).
const CELL: f32 = 16.0;
/// Step between the heights tried for a box (points).
const STEP: f32 = 4.0;
/// How much more a box's previous place may hide before the box moves (a few markers' weight):
/// a legend should not hop about while the map is panned.
const STICKY: f32 = 4.0;

/// Marks and furniture of one pass over the map's rectangle.
#[derive(Debug, Clone)]
pub struct Occupancy {
    /// The egui pass it belongs to (`u64::MAX` for none).
    pass: u64,
    area: Rect,
    cols: usize,
    rows: usize,
    /// Weight of the marks per cell, row after row.
    weight: Vec<f32>,
    /// Furniture, each named ("title", "scale bar", a legend's id...).
    fixed: Vec<(&'static str, Rect)>,
    /// Which entries of `fixed` are boxes [`Occupancy::place`] placed.
    placed: Vec<usize>,
}

impl Default for Occupancy {
    fn default() -> Self {
        Occupancy::new(Rect::NOTHING)
    }
}

impl Occupancy {
    /// An empty occupancy of `area` (the map's rectangle on screen).
    pub fn new(area: Rect) -> Occupancy {
        let cols = (area.width() / CELL).ceil().max(1.0) as usize;
        let rows = (area.height() / CELL).ceil().max(1.0) as usize;
        Occupancy {
            pass: u64::MAX,
            area,
            cols,
            rows,
            weight: vec![0.0; cols * rows],
            fixed: Vec::new(),
            placed: Vec::new(),
        }
    }

    /// Runs `f` on this pass's occupancy (a new one for `area` on the pass's first call).
    /// `f` must not use `ctx`: egui's memory is locked while it runs.
    pub fn update<R>(ctx: &Context, area: Rect, f: impl FnOnce(&mut Occupancy) -> R) -> R {
        let pass = ctx.cumulative_pass_nr();
        ctx.data_mut(|d| {
            let o = d.get_temp_mut_or_default::<Occupancy>(Self::id());
            if o.pass != pass {
                *o = Occupancy::new(area);
                o.pass = pass;
            }
            f(o)
        })
    }

    /// The occupancy of the last pass that recorded any (for tests and export reports).
    pub fn last(ctx: &Context) -> Option<Occupancy> {
        ctx.data(|d| d.get_temp::<Occupancy>(Self::id()))
    }

    /// The furniture recorded, legends included, in the order it was placed.
    pub fn furniture(&self) -> &[(&'static str, Rect)] {
        &self.fixed
    }

    fn id() -> Id {
        Id::unique("sahel_risk::map::occupancy")
    }

    /// The cells `rect` overlaps: columns and rows, clipped to the grid.
    fn cells(&self, rect: Rect) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        let r = rect.intersect(self.area);
        if !r.is_positive() {
            return None;
        }
        let c0 = ((r.min.x - self.area.min.x) / CELL) as usize;
        let r0 = ((r.min.y - self.area.min.y) / CELL) as usize;
        let c1 = (((r.max.x - self.area.min.x) / CELL).ceil() as usize).min(self.cols);
        let r1 = (((r.max.y - self.area.min.y) / CELL).ceil() as usize).min(self.rows);
        Some((c0.min(c1)..c1, r0.min(r1)..r1))
    }

    /// A data mark of weight `w` drawn over `rect`.
    pub fn mark(&mut self, rect: Rect, w: f32) {
        if let Some((cols, rows)) = self.cells(rect) {
            for row in rows {
                for c in cols.clone() {
                    self.weight[row * self.cols + c] += w;
                }
            }
        }
    }

    /// Furniture called `name` over `rect`: no legend may cover it.
    pub fn fix(&mut self, name: &'static str, rect: Rect) {
        self.fixed.push((name, rect));
    }

    /// The weight of the marks under `rect` (whole cells).
    pub fn weight_under(&self, rect: Rect) -> f32 {
        let Some((cols, rows)) = self.cells(rect) else {
            return 0.0;
        };
        rows.map(|row| {
            self.weight[row * self.cols..][cols.clone()]
                .iter()
                .sum::<f32>()
        })
        .sum()
    }

    /// Where a box of `size` hides the least, `margin` in from the area's left or right edge
    /// and clear of the furniture; the box then counts as furniture. Covering marks costs most;
    /// among equal covers the left edge and the top win, and the box's place in the previous
    /// frame (`previous`, its top-left corner) is kept unless another hides clearly less. When
    /// no place is clear of the furniture (a small map), the one that overlaps it least.
    pub fn place(
        &mut self,
        name: &'static str,
        size: Vec2,
        margin: f32,
        previous: Option<Pos2>,
    ) -> Rect {
        let inner = self.area.shrink(margin);
        let xs = [inner.min.x, (inner.max.x - size.x).max(inner.min.x)];
        let last_y = (inner.max.y - size.y).max(inner.min.y);
        let mut best: Option<(f32, f32, Rect)> = None;
        let mut consider = |rect: Rect, bonus: f32| {
            let clash: f32 = self
                .fixed
                .iter()
                .map(|(_, f)| f.expand(margin / 2.0).intersect(rect))
                .filter(|i| i.is_positive())
                .map(|i| i.area())
                .sum();
            let side = if rect.min.x > inner.min.x { 0.35 } else { 0.0 };
            let cost = self.weight_under(rect)
                + 0.3 * (rect.min.y - inner.min.y) / inner.height().max(1.0)
                + side
                - bonus;
            if best.is_none_or(|(bc, bcost, _)| (clash, cost) < (bc, bcost)) {
                best = Some((clash, cost, rect));
            }
        };
        if let Some(p) = previous {
            let rect = Rect::from_min_size(p, size);
            if inner.contains_rect(rect) {
                consider(rect, STICKY);
            }
        }
        for x in xs {
            let mut y = inner.min.y;
            loop {
                consider(Rect::from_min_size(pos2(x, y), size), 0.0);
                if y >= last_y {
                    break;
                }
                y = (y + STEP).min(last_y);
            }
        }
        let rect = best.map_or(Rect::from_min_size(inner.min, size), |b| b.2);
        self.placed.push(self.fixed.len());
        self.fix(name, rect);
        rect
    }

    /// The weight of the marks under the boxes placed so far (0: they hide nothing).
    pub fn placed_cover(&self) -> f32 {
        self.placed
            .iter()
            .map(|&i| self.weight_under(self.fixed[i].1))
            .sum()
    }

    /// The weight of a marker standing for `events` events: a big cluster counts more than a
    /// lone event, but not in proportion (hiding any marker hides something).
    pub fn marker_weight(events: u32) -> f32 {
        1.0 + (events.max(1) as f32).ln()
    }

    /// The square around a circle of `radius` at `centre`.
    pub fn disc(centre: Pos2, radius: f32) -> Rect {
        Rect::from_center_size(centre, vec2(2.0 * radius, 2.0 * radius))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area() -> Rect {
        Rect::from_min_size(pos2(0.0, 0.0), vec2(900.0, 600.0))
    }

    #[test]
    fn an_empty_map_puts_boxes_top_left_then_below_each_other() {
        let mut o = Occupancy::new(area());
        let a = o.place("box", vec2(200.0, 150.0), 10.0, None);
        assert_eq!(a.min, pos2(10.0, 10.0));
        let b = o.place("box", vec2(230.0, 200.0), 10.0, None);
        assert_eq!(b.min.x, 10.0);
        assert!(
            b.min.y >= a.max.y + 5.0 && b.min.y <= a.max.y + 5.0 + STEP,
            "{b:?}"
        );
    }

    #[test]
    fn boxes_avoid_furniture_and_the_marks() {
        let mut o = Occupancy::new(area());
        let title = Rect::from_min_size(pos2(10.0, 10.0), vec2(480.0, 100.0));
        o.fix("title", title);
        // Events all over the left half, below the title.
        for i in 0..40 {
            for j in 0..9 {
                let c = pos2(40.0 + 10.0 * i as f32, 150.0 + 50.0 * j as f32);
                o.mark(Occupancy::disc(c, 8.0), 3.0);
            }
        }
        let a = o.place("box", vec2(200.0, 250.0), 10.0, None);
        assert!(!a.intersects(title), "{a:?}");
        assert_eq!(o.weight_under(a), 0.0, "{a:?}");
        // The left column below the title is full of marks: the box goes right, to the top.
        assert_eq!((a.max.x, a.min.y), (890.0, 10.0));
        let b = o.place("box", vec2(200.0, 250.0), 10.0, None);
        assert!(!b.intersects(a) && !b.intersects(title), "{b:?}");
        assert_eq!(o.weight_under(b), 0.0, "{b:?}");
        // The title is furniture, not a placed box: it does not count, though marks lie under it.
        o.mark(Occupancy::disc(pos2(50.0, 50.0), 8.0), 3.0);
        assert_eq!(o.placed_cover(), 0.0);
        // A small mark inside one grid cell of the second box.
        let cell = |v: f32| (v / CELL).ceil() * CELL + CELL / 2.0;
        o.mark(
            Occupancy::disc(pos2(cell(b.min.x), cell(b.min.y)), 1.0),
            2.0,
        );
        assert_eq!(o.placed_cover(), 2.0);
    }

    #[test]
    fn a_box_too_big_for_any_clear_place_overlaps_least() {
        let mut o = Occupancy::new(area());
        o.fix(
            "top",
            Rect::from_min_size(pos2(0.0, 0.0), vec2(900.0, 300.0)),
        );
        let a = o.place("box", vec2(300.0, 400.0), 10.0, None);
        assert_eq!(a.max.y, 590.0, "as low as it goes: {a:?}");
        assert!(area().contains_rect(a));
    }

    #[test]
    fn marks_outside_the_area_are_ignored_and_weights_add_up() {
        let mut o = Occupancy::new(area());
        o.mark(
            Rect::from_min_size(pos2(-50.0, -50.0), vec2(20.0, 20.0)),
            5.0,
        );
        o.mark(
            Rect::from_min_size(pos2(950.0, 10.0), vec2(20.0, 20.0)),
            5.0,
        );
        assert_eq!(o.weight_under(area()), 0.0);
        o.mark(Rect::from_min_size(pos2(1.0, 1.0), vec2(4.0, 4.0)), 2.0);
        o.mark(Rect::from_min_size(pos2(20.0, 1.0), vec2(4.0, 4.0)), 3.0);
        assert_eq!(o.weight_under(area()), 5.0);
        assert_eq!(
            o.weight_under(Rect::from_min_size(pos2(0.0, 0.0), vec2(10.0, 10.0))),
            2.0
        );
        assert!(Occupancy::marker_weight(1000) > Occupancy::marker_weight(1));
    }

    #[test]
    fn a_box_stays_where_it_was_unless_another_place_hides_clearly_less() {
        let size = vec2(200.0, 200.0);
        let was = pos2(10.0, 300.0);
        // Nothing under either: it stays (not back to the top left).
        let mut o = Occupancy::new(area());
        assert_eq!(o.place("box", size, 10.0, Some(was)).min, was);
        // One small marker under it now: still stays.
        let mut o = Occupancy::new(area());
        o.mark(Occupancy::disc(pos2(100.0, 400.0), 4.0), 1.0);
        assert_eq!(o.place("box", size, 10.0, Some(was)).min, was);
        // A big cluster under it: it moves.
        let mut o = Occupancy::new(area());
        o.mark(
            Occupancy::disc(pos2(100.0, 400.0), 30.0),
            Occupancy::marker_weight(5000),
        );
        let moved = o.place("box", size, 10.0, Some(was));
        assert_ne!(moved.min, was);
        assert_eq!(o.weight_under(moved), 0.0);
        assert_eq!(o.placed_cover(), 0.0);
    }
}
