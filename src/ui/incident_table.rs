//! The incident table: virtualised (only visible rows are laid out), sortable, synced with the map.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::incidents::Incidents;
use crate::model::{Incident, Scenario};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Date,
    Type,
    Location,
    Country,
    Fatalities,
}

pub struct TableState {
    pub sort: SortBy,
    pub ascending: bool,
    order: Vec<u32>,
    /// (filter generation, sort, ascending, restriction) the order was computed for.
    computed_for: Option<(u64, SortBy, bool, u64)>,
    /// Only these incidents (e.g. one risk unit's), within the filter.
    pub restrict: Option<Restriction>,
    /// Scroll to the selection on the next frame (it was picked on the map).
    pub scroll_to_selected: bool,
}

impl Default for TableState {
    fn default() -> Self {
        TableState {
            sort: SortBy::Date,
            ascending: false,
            order: Vec::new(),
            computed_for: None,
            restrict: None,
            scroll_to_selected: false,
        }
    }
}

/// "3" or "2–80 (best 12)": the range across every claim, with the dataset's figure.
pub fn fatalities_text(i: &Incident) -> String {
    let (lo, best, hi) = (
        i.fatalities(Scenario::Low),
        i.fatalities(Scenario::Best),
        i.fatalities(Scenario::High),
    );
    match (lo, best, hi) {
        (Some(l), Some(b), Some(h)) if l == h => format!("{b}"),
        (Some(l), Some(b), Some(h)) => format!("{l}–{h} (best {b})"),
        (Some(l), None, Some(h)) => format!("{l}–{h}"),
        _ => "–".to_owned(),
    }
}

fn sort_key_fatalities(i: &Incident) -> u32 {
    i.fatalities(Scenario::Best).unwrap_or(0)
}

/// A small triangle after a header: pointing up when ascending.
fn sort_arrow(ui: &Ui, rect: egui::Rect, ascending: bool) {
    let c = egui::pos2(rect.max.x + 7.0, rect.center().y);
    let (tip, base) = if ascending { (-4.0, 3.0) } else { (4.0, -3.0) };
    let pts = vec![
        c + egui::vec2(0.0, tip),
        c + egui::vec2(-4.0, base),
        c + egui::vec2(4.0, base),
    ];
    ui.painter().add(egui::Shape::convex_polygon(
        pts,
        ui.visuals().text_color(),
        egui::Stroke::NONE,
    ));
}

/// A subset the table is limited to, with what it is.
pub struct Restriction {
    /// "Centre-Nord (risk unit)".
    pub label: String,
    /// Store indices, sorted.
    pub indices: Vec<u32>,
    /// Changes whenever the restriction does.
    pub id: u64,
}

impl TableState {
    /// Limit the table to `indices` (store indices) until the user clears it.
    pub fn restrict_to(&mut self, label: String, mut indices: Vec<u32>) {
        indices.sort_unstable();
        let id = self.restrict.as_ref().map_or(1, |r| r.id + 1);
        self.restrict = Some(Restriction { label, indices, id });
    }

    fn refresh(&mut self, inc: &Incidents) {
        let key = (
            inc.generation,
            self.sort,
            self.ascending,
            self.restrict.as_ref().map_or(0, |r| r.id),
        );
        if self.computed_for == Some(key) {
            return;
        }
        let all = inc.store.incidents();
        self.order = match &self.restrict {
            Some(r) => inc
                .result
                .indices
                .iter()
                .copied()
                .filter(|i| r.indices.binary_search(i).is_ok())
                .collect(),
            None => inc.result.indices.clone(),
        };
        let by = |i: &u32| &all[*i as usize];
        match self.sort {
            SortBy::Date => self
                .order
                .sort_by_key(|i| (by(i).date.start, by(i).id.clone())),
            SortBy::Type => self
                .order
                .sort_by_key(|i| by(i).event_type.map(|t| t as u8)),
            SortBy::Location => self
                .order
                .sort_by(|a, b| by(a).location.cmp(&by(b).location)),
            SortBy::Country => self.order.sort_by(|a, b| by(a).country.cmp(&by(b).country)),
            SortBy::Fatalities => self.order.sort_by_key(|i| sort_key_fatalities(by(i))),
        }
        if !self.ascending {
            self.order.reverse();
        }
        self.computed_for = Some(key);
    }

    /// Show the table; returns the incident the user picked in it this frame.
    pub fn show(&mut self, ui: &mut Ui, inc: &mut Incidents) -> Option<usize> {
        self.refresh(inc);
        let mut clear = false;
        if let Some(r) = &self.restrict {
            ui.horizontal(|ui| {
                ui.label(format!(
                    "Showing {} incidents of {} (within the filter)",
                    self.order.len(),
                    r.label
                ));
                clear = ui.button("Show all").clicked();
            });
        }
        if clear {
            self.restrict = None;
            self.refresh(inc);
        }
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        // Row clicks select; selectable labels would swallow them.
        ui.style_mut().interaction.selectable_labels = false;
        let all = inc.store.incidents();
        let selected_row = inc
            .selected
            .and_then(|s| self.order.iter().position(|&i| i as usize == s));
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .column(Column::initial(88.0))
            .column(Column::initial(150.0))
            .column(Column::initial(130.0))
            .column(Column::initial(110.0))
            .column(Column::initial(220.0))
            .column(Column::initial(110.0))
            .column(Column::remainder())
            .min_scrolled_height(0.0);
        if self.scroll_to_selected
            && let Some(r) = selected_row
        {
            table = table.scroll_to_row(r, Some(egui::Align::Center));
            self.scroll_to_selected = false;
        }
        let mut clicked = None;
        let headers = [
            ("Date", Some(SortBy::Date)),
            ("Type", Some(SortBy::Type)),
            ("Location", Some(SortBy::Location)),
            ("Country", Some(SortBy::Country)),
            ("Actors", None),
            ("Fatalities", Some(SortBy::Fatalities)),
            ("Located", None),
        ];
        table
            .header(20.0, |mut header| {
                for (title, sort) in headers {
                    header.col(|ui| {
                        let r = ui.add(
                            egui::Button::new(egui::RichText::new(title).strong()).frame(false),
                        );
                        if sort == Some(self.sort) {
                            sort_arrow(ui, r.rect, self.ascending);
                        }
                        if let Some(s) = sort
                            && r.clicked()
                        {
                            if self.sort == s {
                                self.ascending = !self.ascending;
                            } else {
                                self.sort = s;
                                self.ascending = s != SortBy::Date && s != SortBy::Fatalities;
                            }
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(18.0, self.order.len(), |mut row| {
                    let idx = self.order[row.index()] as usize;
                    let i = &all[idx];
                    row.set_selected(inc.selected == Some(idx));
                    row.col(|ui| {
                        ui.label(i.date.start.format("%Y-%m-%d").to_string());
                    });
                    row.col(|ui| {
                        ui.label(i.event_type.map_or("–", |t| t.name()));
                    });
                    row.col(|ui| {
                        ui.label(i.location.as_deref().unwrap_or("–"));
                    });
                    row.col(|ui| {
                        ui.label(i.country.as_deref().unwrap_or("–"));
                    });
                    row.col(|ui| {
                        let a1 = i.actor1.as_ref().map_or("–", |a| &a.name);
                        let a2 = i
                            .actor2
                            .as_ref()
                            .map(|a| format!(" vs {}", a.name))
                            .unwrap_or_default();
                        ui.label(format!("{a1}{a2}"));
                    });
                    row.col(|ui| {
                        ui.label(fatalities_text(i));
                    });
                    row.col(|ui| {
                        ui.label(i.geo_precision.describe());
                    });
                    if row.response().clicked() {
                        clicked = Some(idx);
                    }
                });
            });
        if let Some(c) = clicked {
            inc.selected = Some(c);
        }
        clicked
    }
}
