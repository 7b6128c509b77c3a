//! The pointer step the picking layers share (clusters, plain markers, risk units): what is under
//! the pointer this frame, and what a click picked.

use egui::{Pos2, Response};

/// Sets `hovered` to what `hit` finds under the pointer (nothing when the pointer is off the
/// map), and `clicked` to it when the map was clicked this frame.
pub fn hover_and_click<T: Copy>(
    response: &Response,
    hit: impl FnOnce(Pos2) -> Option<T>,
    hovered: &mut Option<T>,
    clicked: &mut Option<T>,
) {
    *hovered = response.hover_pos().and_then(hit);
    if response.clicked() {
        *clicked = *hovered;
    }
}
