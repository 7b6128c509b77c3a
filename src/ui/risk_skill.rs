//! The Risk tab's skill readout: how well the current settings would have forecast the loaded
//! data at past origins, against last quarter's and last year's counts, in one sentence and a
//! small chart.

use egui::Ui;
use egui_plot::{Legend, Line, Plot, PlotPoints};

use crate::analysis::columns::date_from_day;
use crate::analysis::risk::{OriginSkill, summarise};

/// Colours of the three methods (score, last 90 days, last 365 days): Okabe–Ito blue,
/// orange and grey, distinguishable with colour-blindness.
const COLOURS: [egui::Color32; 3] = [
    egui::Color32::from_rgb(0x00, 0x72, 0xB2),
    egui::Color32::from_rgb(0xE6, 0x9F, 0x00),
    egui::Color32::from_rgb(0x88, 0x88, 0x88),
];
const NAMES: [&str; 3] = ["this score", "last 90 days' count", "last 365 days' count"];

fn pct(v: f64) -> String {
    if v.is_finite() {
        format!("{:.0}%", v * 100.0)
    } else {
        "–".into()
    }
}

fn num(v: f64) -> String {
    if v.is_finite() {
        format!("{v:.2}")
    } else {
        "–".into()
    }
}

/// The one-sentence summary of `skill` (see the module documentation).
pub fn sentence(skill: &[OriginSkill], horizon_days: i32) -> String {
    let s = summarise(skill);
    if s.origins == 0 || !s.auc[0].is_finite() {
        return format!(
            "Skill not measured: it needs a year of history and {horizon_days} days of \
             outcome before \"data as of\"."
        );
    }
    format!(
        "Tested on {} past origins of this data: units with events in the next {horizon_days} \
         days ranked above quiet ones with AUC {} (last year's count {}, last quarter's {}); \
         its top 10 units held {} of those events (last year's count {}).",
        s.origins,
        num(s.auc[0]),
        num(s.auc[2]),
        num(s.auc[1]),
        pct(s.capture[0][0]),
        pct(s.capture[0][2]),
    )
}

/// The sentence and a chart of the AUC per origin for the three methods.
pub fn show(ui: &mut Ui, skill: &[OriginSkill], horizon_days: i32) {
    ui.label(egui::RichText::new("Forecast skill").strong());
    ui.label(sentence(skill, horizon_days));
    if skill.len() < 2 {
        return;
    }
    let days: Vec<i32> = skill.iter().map(|s| s.origin_day).collect();
    Plot::new("risk_skill")
        .height(100.0)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .include_y(0.5)
        .include_y(1.0)
        .legend(Legend::default())
        .y_axis_label("AUC")
        .x_axis_formatter(move |m, _| {
            days.get(m.value.round().max(0.0) as usize)
                .map_or(String::new(), |&d| {
                    date_from_day(d).format("%Y-%m").to_string()
                })
        })
        .show(ui, |plot| {
            for (m, name) in NAMES.iter().enumerate() {
                let points: PlotPoints = skill
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.auc[m].is_finite())
                    .map(|(k, s)| [k as f64, s.auc[m]])
                    .collect();
                plot.line(Line::new(*name, points).color(COLOURS[m]).width(if m == 0 {
                    2.0
                } else {
                    1.0
                }));
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(auc: [f64; 3], top10: [f64; 3]) -> OriginSkill {
        OriginSkill {
            origin_day: 739_000,
            units: 10,
            positives: 4,
            horizon_events: 20,
            auc,
            capture: [top10, [1.0; 3]],
            coverage: 0.8,
        }
    }

    #[test]
    fn the_sentence_names_the_measures_and_the_baselines() {
        let s = sentence(
            &[
                origin([0.9, 0.7, 0.8], [0.5, 0.3, 0.4]),
                origin([0.8, 0.7, 0.7], [0.3, 0.3, 0.2]),
            ],
            90,
        );
        assert!(s.contains("2 past origins"), "{s}");
        assert!(
            s.contains("AUC 0.85 (last year's count 0.75, last quarter's 0.70)"),
            "{s}"
        );
        assert!(s.contains("top 10 units held 40%"), "{s}");
        assert!(s.contains("(last year's count 30%)"), "{s}");
        assert!(sentence(&[], 90).starts_with("Skill not measured"));
    }
}
