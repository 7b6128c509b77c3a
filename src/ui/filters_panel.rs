//! The filters: claim scenario, dates, event types, actors, places, civilians, fatalities.
//! Every change re-filters at once; the counts update live.

use chrono::{Datelike, NaiveDate};
use egui::Ui;

use super::incidents::Incidents;
use crate::analysis::columns::{date_from_day, day_number};
use crate::analysis::filter::ALL_SUB_EVENT_TYPES;
use crate::geodata::fold;
use crate::map::incidents_layer::event_type_color;
use crate::model::{Dataset, EventType, Scenario, SubEventType};

/// Text typed into the actor and admin-1 search fields.
#[derive(Default)]
pub struct FilterUiState {
    actor_query: String,
    admin_query: String,
}

pub(super) fn to_jiff(d: NaiveDate) -> jiff::civil::Date {
    jiff::civil::date(d.year() as i16, d.month() as i8, d.day() as i8)
}

pub(super) fn from_jiff(d: jiff::civil::Date) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year() as i32, d.month() as u32, d.day() as u32)
        .unwrap_or(NaiveDate::MIN)
}

/// Totals line: events and fatalities of the dataset shown (ACLED and UCDP never added
/// together: the filter holds one dataset at a time).
pub fn totals_text(inc: &Incidents) -> String {
    let r = &inc.result;
    let loaded = r.dataset.map_or(inc.store.len() as u64, |d| {
        inc.columns.dataset_counts[d as usize]
    });
    let mut parts = vec![format!(
        "{} of {} {} events",
        r.indices.len(),
        loaded,
        r.dataset.map_or("", |d| d.name())
    )];
    for d in [Dataset::Acled, Dataset::Ucdp, Dataset::User, Dataset::Other] {
        let i = d as usize;
        if r.events_by_dataset[i] > 0 {
            parts.push(format!(
                "{} fatalities ({}, {})",
                r.fatalities_by_dataset[i],
                d.name(),
                inc.filter.scenario.name()
            ));
        }
    }
    parts.join(" · ")
}

pub fn show(ui: &mut Ui, inc: &mut Incidents, st: &mut FilterUiState) {
    let before = inc.filter.clone();
    let cols = inc.columns.clone();
    ui.label(egui::RichText::new(totals_text(inc)).strong());
    let f = &mut inc.filter;
    dataset_picker(ui, f, &cols.dataset_counts, inc.result.dataset);

    ui.horizontal(|ui| {
        ui.label("Claims:").on_hover_text("Which figure every total uses: the lowest claim, the dataset's own (best), or the highest claim");
        ui.selectable_value(&mut f.scenario, Scenario::Low, "low");
        ui.selectable_value(&mut f.scenario, Scenario::Best, "best");
        ui.selectable_value(&mut f.scenario, Scenario::High, "high");
    });

    if let (Some(min), Some(max)) = (cols.date_min, cols.date_max) {
        ui.label(egui::RichText::new("Dates").strong());
        let mut from = f.date_from.unwrap_or(min).clamp(min, max);
        let mut to = f.date_to.unwrap_or(max).clamp(min, max);
        ui.horizontal(|ui| {
            let mut jf = to_jiff(from);
            let mut jt = to_jiff(to);
            let years = min.year() as i16..=max.year() as i16;
            let picker = |d, salt| {
                egui_extras::DatePickerButton::new(d)
                    .id_salt(salt)
                    .show_icon(false)
                    .start_end_years(years.clone())
            };
            ui.add(picker(&mut jf, "date_from"));
            ui.label("to");
            ui.add(picker(&mut jt, "date_to"));
            from = from_jiff(jf);
            to = from_jiff(jt);
        });
        let (lo, hi) = (day_number(min), day_number(max));
        let mut a = day_number(from);
        let mut b = day_number(to);
        let fmt = |v: f64, _| date_from_day(v as i32).format("%Y-%m-%d").to_string();
        ui.add(
            egui::Slider::new(&mut a, lo..=hi)
                .text("from")
                .custom_formatter(fmt),
        );
        ui.add(
            egui::Slider::new(&mut b, lo..=hi)
                .text("to")
                .custom_formatter(fmt),
        );
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        from = date_from_day(a);
        to = date_from_day(b);
        f.date_from = (from > min).then_some(from);
        f.date_to = (to < max).then_some(to);
    }

    ui.label(egui::RichText::new("Event types").strong());
    for (i, t) in EventType::ALL.iter().enumerate() {
        let mut on = f.event_types & (1 << i) != 0;
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 4.5, event_type_color(i as u8));
            if ui.checkbox(&mut on, t.name()).changed() {
                f.event_types ^= 1 << i;
            }
        });
    }
    egui::CollapsingHeader::new("Sub-event types")
        .id_salt("subtypes")
        .show(ui, |ui| {
            if ui.small_button("all").clicked() {
                f.sub_event_types = ALL_SUB_EVENT_TYPES;
            }
            for (i, t) in SubEventType::ALL.iter().enumerate() {
                let mut on = f.sub_event_types & (1 << i) != 0;
                if ui.checkbox(&mut on, t.name()).changed() {
                    f.sub_event_types ^= 1 << i;
                }
            }
        });

    ui.checkbox(&mut f.civilian_only, "Civilians targeted only");
    ui.horizontal(|ui| {
        let label = ui.label("At least");
        ui.add(egui::DragValue::new(&mut f.min_fatalities).range(0..=10_000))
            .labelled_by(label.id);
        ui.label("fatalities");
    });

    ui.label(egui::RichText::new("Countries").strong());
    ui.horizontal_wrapped(|ui| {
        for name in cols.countries.values.iter().filter(|n| !n.is_empty()) {
            let mut on = f.countries.iter().any(|c| c == &**name);
            if ui.toggle_value(&mut on, &**name).changed() {
                if on {
                    f.countries.push(name.to_string());
                } else {
                    f.countries.retain(|c| c != &**name);
                }
            }
        }
    });
    picker(
        ui,
        "Admin-1",
        "e.g. Mopti",
        &mut st.admin_query,
        &cols.admin1s.values,
        &mut f.admin1,
    );
    picker(
        ui,
        "Actors",
        "e.g. JNIM",
        &mut st.actor_query,
        &cols.actors.values,
        &mut f.actors,
    );

    if ui.button("Reset filters").clicked() {
        *f = crate::analysis::Filter {
            scenario: f.scenario,
            dataset: f.dataset,
            ..Default::default()
        };
    }
    if inc.filter != before {
        inc.refilter();
    }
}

/// With more than one dataset loaded: which one the map, the totals and every analysis use.
fn dataset_picker(
    ui: &mut Ui,
    f: &mut crate::analysis::Filter,
    counts: &[u64; 4],
    shown: Option<Dataset>,
) {
    let present: Vec<Dataset> = crate::analysis::event_set::DATASETS
        .into_iter()
        .filter(|&d| counts[d as usize] > 0)
        .collect();
    if present.len() < 2 {
        return;
    }
    ui.horizontal(|ui| {
        ui.label("Dataset:").on_hover_text(
            "ACLED and UCDP code the same fights differently and are never added: the map, \
             the totals, risk, coast and clusters use one dataset at a time",
        );
        for d in present {
            let label = format!("{} ({})", d.name(), counts[d as usize]);
            if ui.selectable_label(shown == Some(d), label).clicked() {
                f.dataset = Some(d);
            }
        }
    });
}

/// Chips for the chosen values, and a search field listing matches to add.
fn picker(
    ui: &mut Ui,
    title: &str,
    hint: &str,
    query: &mut String,
    values: &[crate::model::IStr],
    chosen: &mut Vec<String>,
) {
    ui.label(egui::RichText::new(title).strong());
    let mut remove = None;
    ui.horizontal_wrapped(|ui| {
        for (i, c) in chosen.iter().enumerate() {
            if ui
                .small_button(format!("{c}  ×"))
                .on_hover_text("Remove")
                .clicked()
            {
                remove = Some(i);
            }
        }
    });
    if let Some(i) = remove {
        chosen.remove(i);
    }
    ui.add(
        egui::TextEdit::singleline(query)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    );
    let q = fold(query);
    if q.len() >= 2 {
        let matches: Vec<&crate::model::IStr> = values
            .iter()
            .filter(|v| !v.is_empty() && fold(v).contains(&q) && !chosen.iter().any(|c| c == &***v))
            .take(8)
            .collect();
        for m in matches {
            if ui.selectable_label(false, &**m).clicked() {
                chosen.push(m.to_string());
                query.clear();
            }
        }
    }
}
