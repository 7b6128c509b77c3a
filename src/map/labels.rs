//! Text with a halo, and a greedy collision list so labels never pile up.

use egui::{Align2, Color32, FontId, Galley, Painter, Pos2, Rect, Vec2, vec2};
use std::sync::Arc;

use super::style;

/// Rectangles already taken by labels this frame.
#[derive(Default)]
pub struct Placed {
    rects: Vec<Rect>,
}

impl Placed {
    pub fn is_free(&self, r: Rect) -> bool {
        !self.rects.iter().any(|o| o.intersects(r))
    }
    pub fn take(&mut self, r: Rect) {
        self.rects.push(r);
    }
    pub fn len(&self) -> usize {
        self.rects.len()
    }
}

/// A laid-out label ready to paint.
pub struct Label {
    galley: Arc<Galley>,
    color: Color32,
}

impl Label {
    pub fn new(painter: &Painter, text: &str, font: FontId, color: Color32) -> Self {
        Label {
            galley: painter.layout_no_wrap(text.to_owned(), font, color),
            color,
        }
    }

    pub fn size(&self) -> Vec2 {
        self.galley.size()
    }

    /// The rectangle of this label anchored at `pos` by `align`.
    pub fn rect(&self, pos: Pos2, align: Align2) -> Rect {
        align.anchor_size(pos, self.size())
    }

    /// Paint with a soft white halo so the text reads over any fill.
    pub fn paint(&self, painter: &Painter, rect: Rect, halo: f32) {
        let offsets = [
            vec2(-1.0, 0.0),
            vec2(1.0, 0.0),
            vec2(0.0, -1.0),
            vec2(0.0, 1.0),
            vec2(-0.7, -0.7),
            vec2(0.7, -0.7),
            vec2(-0.7, 0.7),
            vec2(0.7, 0.7),
        ];
        for o in offsets {
            painter.galley_with_override_text_color(
                rect.min + o * halo,
                self.galley.clone(),
                style::HALO,
            );
        }
        painter.galley_with_override_text_color(rect.min, self.galley.clone(), self.color);
    }
}

/// Try the usual positions around a point marker (right, left, above, below); paint the
/// label at the first free one and reserve it. Returns whether it was placed.
pub fn place_beside(
    painter: &Painter,
    placed: &mut Placed,
    label: &Label,
    at: Pos2,
    gap: f32,
    halo: f32,
) -> bool {
    let candidates = [
        (at + vec2(gap, 0.0), Align2::LEFT_CENTER),
        (at - vec2(gap, 0.0), Align2::RIGHT_CENTER),
        (at - vec2(0.0, gap), Align2::CENTER_BOTTOM),
        (at + vec2(0.0, gap), Align2::CENTER_TOP),
    ];
    for (pos, align) in candidates {
        let rect = label.rect(pos, align);
        if placed.is_free(rect.expand(2.0)) {
            placed.take(rect.expand(2.0));
            label.paint(painter, rect, halo);
            return true;
        }
    }
    false
}

/// Paint a label centred on a point if that space is free.
pub fn place_centered(
    painter: &Painter,
    placed: &mut Placed,
    label: &Label,
    at: Pos2,
    halo: f32,
) -> bool {
    let rect = label.rect(at, Align2::CENTER_CENTER);
    if placed.is_free(rect.expand(3.0)) {
        placed.take(rect.expand(3.0));
        label.paint(painter, rect, halo);
        true
    } else {
        false
    }
}
