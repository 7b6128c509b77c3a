//! One incident in full: every claim side by side with its source, notes, precision in plain
//! words, and a form to add a claim (e.g. a figure from an OCHA situation report).

use chrono::NaiveDate;
use egui::Ui;

use super::incidents::Incidents;
use crate::model::{Claim, Claimant, Incident};

const CLAIMANTS: [Claimant; 6] = [
    Claimant::DatasetCoding,
    Claimant::Government,
    Claimant::ArmedGroup,
    Claimant::UnNgo,
    Claimant::Media,
    Claimant::Other,
];

/// The add-claim form's fields.
pub struct ClaimForm {
    claimant: Claimant,
    source: String,
    date: String,
    low: String,
    best: String,
    high: String,
    note: String,
    error: Option<String>,
}

impl Default for ClaimForm {
    fn default() -> Self {
        ClaimForm {
            claimant: Claimant::UnNgo,
            source: String::new(),
            date: String::new(),
            low: String::new(),
            best: String::new(),
            high: String::new(),
            note: String::new(),
            error: None,
        }
    }
}

fn number(field: &str, text: &str) -> Result<Option<u32>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse()
        .map(Some)
        .map_err(|_| format!("{field}: \"{t}\" is not a whole number"))
}

impl ClaimForm {
    /// Validate the form into a claim; a clear message when a field is wrong.
    pub fn to_claim(&self) -> Result<Claim, String> {
        if self.source.trim().is_empty() {
            return Err("source: say who reported it (e.g. \"OCHA Mali situation report\")".into());
        }
        let date = match self.date.trim() {
            "" => None,
            d => Some(
                NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map_err(|_| format!("date: \"{d}\" is not YYYY-MM-DD"))?,
            ),
        };
        let mut claim = Claim::new(
            self.claimant,
            self.source.trim(),
            number("best", &self.best)?,
        );
        claim.low = number("low", &self.low)?;
        claim.high = number("high", &self.high)?;
        claim.date = date;
        claim.note = Some(self.note.trim().to_owned()).filter(|n| !n.is_empty());
        if !claim.has_number() && claim.note.is_none() {
            return Err("give at least one figure (low, best or high) or a note".into());
        }
        Ok(claim)
    }
}

fn claim_row(ui: &mut Ui, c: &Claim) {
    let figure = match (c.low, c.best, c.high) {
        (None, None, None) => "no figure".to_owned(),
        (l, b, h) => {
            let part = |name: &str, v: Option<u32>| v.map(|v| format!("{name} {v}"));
            [part("low", l), part("best", b), part("high", h)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ")
        }
    };
    ui.label(egui::RichText::new(c.claimant.label()).strong());
    ui.label(figure);
    let mut src = c.source.to_string();
    if let Some(d) = c.date {
        src.push_str(&format!(", {d}"));
    }
    if c.user_added {
        src.push_str(" (added by you)");
    }
    ui.vertical(|ui| {
        ui.label(src);
        if let Some(n) = &c.note {
            ui.weak(n);
        }
    });
    ui.end_row();
}

pub fn summary(i: &Incident) -> String {
    format!(
        "{} · {} · {}",
        i.date.start,
        i.event_type.map_or("untyped", |t| t.name()),
        [
            i.location.as_deref(),
            i.admin1.as_deref(),
            i.country.as_deref()
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
    )
}

/// `importing`: an import is merging into a copy of the store; adding a claim now would be lost.
/// `distances`: the selected incident's distance to the sea and to the coastal states' border,
/// in words, once measured.
pub fn show(
    ui: &mut Ui,
    inc: &mut Incidents,
    form: &mut ClaimForm,
    importing: bool,
    distances: Option<String>,
) {
    let Some(i) = inc.selected_incident() else {
        ui.weak("Click a marker or a table row to see an incident.");
        return;
    };
    let id = i.id.clone();
    ui.label(egui::RichText::new(summary(i)).strong());
    egui::Grid::new("incident_facts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            let mut row = |k: &str, v: String| {
                ui.label(k);
                ui.label(v);
                ui.end_row();
            };
            let dataset = if inc.sample {
                "synthetic sample"
            } else {
                i.dataset.name()
            };
            row("Id", format!("{} ({dataset})", i.id));
            let date = if i.date.is_span() {
                format!("{} to {}", i.date.start, i.date.end)
            } else {
                i.date.start.to_string()
            };
            row("Date", format!("{date} — {}", i.date.precision.describe()));
            row(
                "Located",
                format!(
                    "{:.4}, {:.4} — {}",
                    i.lat,
                    i.lon,
                    i.geo_precision.describe()
                ),
            );
            row(
                "Coast",
                distances.unwrap_or_else(|| "measuring distances…".to_owned()),
            );
            if let Some(s) = i.sub_event_type {
                row("Sub-type", s.name().to_owned());
            }
            for (k, a) in [("Actor 1", &i.actor1), ("Actor 2", &i.actor2)] {
                if let Some(a) = a {
                    let assoc = if a.associated.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " with {}",
                            a.associated
                                .iter()
                                .map(|s| &**s)
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    };
                    let kind = a
                        .kind
                        .map(|k| format!(" [{}]", k.label()))
                        .unwrap_or_default();
                    row(k, format!("{}{kind}{assoc}", a.name));
                }
            }
            if i.civilian_targeting {
                row("Civilians", "targeted".to_owned());
            }
            if !i.sources.is_empty() {
                row(
                    "Sources",
                    i.sources
                        .iter()
                        .map(|s| &**s)
                        .collect::<Vec<_>>()
                        .join("; "),
                );
            }
        });
    ui.add_space(4.0);
    ui.label(egui::RichText::new("Fatality claims (side by side, never merged)").strong());
    egui::Grid::new("claims")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for c in &i.claims {
                claim_row(ui, c);
            }
        });
    if let Some(n) = &i.notes {
        ui.add_space(4.0);
        ui.label(egui::RichText::new("Notes").strong());
        ui.label(&**n);
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new("Add a claim")
        .id_salt("add_claim")
        .show(ui, |ui| {
            egui::ComboBox::from_label("who claims it")
                .selected_text(form.claimant.label())
                .show_ui(ui, |ui| {
                    for c in CLAIMANTS {
                        ui.selectable_value(&mut form.claimant, c, c.label());
                    }
                });
            ui.add(
                egui::TextEdit::singleline(&mut form.source)
                    .hint_text("source, e.g. OCHA situation report no. 12"),
            );
            ui.add(
                egui::TextEdit::singleline(&mut form.date).hint_text("date reported, YYYY-MM-DD"),
            );
            ui.horizontal(|ui| {
                for (label, v) in [
                    ("low", &mut form.low),
                    ("best", &mut form.best),
                    ("high", &mut form.high),
                ] {
                    ui.add(
                        egui::TextEdit::singleline(v)
                            .hint_text(label)
                            .desired_width(48.0),
                    );
                }
            });
            ui.add(egui::TextEdit::singleline(&mut form.note).hint_text("note (optional)"));
            if let Some(e) = &form.error {
                ui.colored_label(egui::Color32::from_rgb(0xB0, 0x30, 0x20), e);
            }
            let add = ui
                .add_enabled(!importing, egui::Button::new("Add claim"))
                .on_disabled_hover_text("Wait for the import to finish");
            if add.clicked() {
                match form.to_claim() {
                    Ok(claim) => {
                        inc.add_user_claim(&id, claim);
                        *form = ClaimForm::default();
                    }
                    Err(e) => form.error = Some(e),
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_validation_names_the_field() {
        let mut f = ClaimForm {
            source: "OCHA".into(),
            best: "12x".into(),
            ..Default::default()
        };
        assert!(f.to_claim().unwrap_err().starts_with("best:"));
        f.best = "12".into();
        f.date = "2025-07-02".into();
        let c = f.to_claim().unwrap();
        assert_eq!((c.best, c.claimant), (Some(12), Claimant::UnNgo));
        f.source.clear();
        assert!(f.to_claim().unwrap_err().starts_with("source:"));
    }
}
