//! Opening and saving files: the File menu, the import progress window, the import reports.

use std::path::PathBuf;

use egui::Ui;

use super::app::SahelApp;
use super::import_job::JobOutcome;
use crate::import::native;

/// The "Open path" fallback for machines without a desktop file-dialog service.
#[derive(Default)]
pub struct OpenPath {
    pub open: bool,
    pub text: String,
}

const EXTENSIONS: [&str; 5] = ["csv", "json", "geojson", "txt", "sahelrisk"];

pub fn menu(ui: &mut Ui, app: &mut SahelApp) {
    ui.menu_button("File", |ui| {
        if ui.button("Open files…").clicked() {
            ui.close();
            if let Some(files) = rfd::FileDialog::new()
                .add_filter("Incident data", &EXTENSIONS)
                .add_filter("All files", &["*"])
                .pick_files()
            {
                app.open_files(files, ui.ctx());
            } else {
                app.open_path.open = true;
            }
        }
        if ui.button("Open by path…").clicked() {
            ui.close();
            app.open_path.open = true;
        }
        if ui
            .add_enabled(
                !app.incidents.store.is_empty(),
                egui::Button::new("Save as…"),
            )
            .clicked()
        {
            ui.close();
            if let Some(path) = rfd::FileDialog::new()
                .set_file_name("incidents.sahelrisk")
                .save_file()
            {
                save(app, path);
            }
        }
        if ui.button("Export image…  (Ctrl+E)").clicked() {
            ui.close();
            app.export_dialog.open = true;
        }
        if ui.button("Save this view as PNG  (Ctrl+Shift+S)").clicked() {
            ui.close();
            let mut dialog = std::mem::take(&mut app.export_dialog);
            dialog.quick_save(app, ui.ctx());
            app.export_dialog = dialog;
        }
        if app.incidents.sample && ui.button("Remove sample data").clicked() {
            ui.close();
            app.incidents.clear();
        }
        if ui.button("Import reports").clicked() {
            ui.close();
            app.show_messages = true;
        }
    });
}

pub fn save(app: &mut SahelApp, path: PathBuf) {
    let msg = match native::save(&path, app.incidents.store.incidents()) {
        Ok(()) => format!(
            "Saved {} incidents to {}",
            app.incidents.store.len(),
            path.display()
        ),
        Err(e) => format!("Could not save: {e}"),
    };
    app.messages.push(msg);
    app.show_messages = true;
}

/// Take a finished import: the merged store replaces the one shown (the synthetic sample is
/// dropped when the user's own data comes in, so the two never mix).
pub fn merge_results(app: &mut SahelApp, outcome: JobOutcome) {
    app.messages = outcome.messages;
    if let Some((store, columns)) = outcome.merged {
        if app.incidents.sample {
            app.incidents.sample = false;
            app.messages.insert(
                0,
                "The synthetic sample was removed: your data is shown alone.".into(),
            );
        }
        app.incidents.replace(store, Some(columns));
        app.incidents.reports.extend(outcome.reports);
    }
    app.show_messages = true;
}

pub fn windows(ctx: &egui::Context, app: &mut SahelApp) {
    if let Some(job) = &app.job {
        egui::Window::new("Importing")
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                let n = job.current.load(std::sync::atomic::Ordering::Relaxed) as usize;
                if let Some(f) = job.files.get(n) {
                    ui.label(format!(
                        "{} ({} of {})",
                        f.display(),
                        n + 1,
                        job.files.len()
                    ));
                }
                ui.add(egui::ProgressBar::new(job.fraction()).show_percentage());
                if job.merging.load(std::sync::atomic::Ordering::Relaxed) {
                    ui.label("Merging and indexing… (the map keeps showing the previous data)");
                }
                if job.is_cancelling() {
                    ui.label("Cancelling…");
                } else if ui.button("Cancel").clicked() {
                    job.cancel();
                }
            });
    }
    if app.open_path.open {
        let mut open = true;
        let mut go = false;
        egui::Window::new("Open by path")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label("One or more files, separated by new lines:");
                ui.add(
                    egui::TextEdit::multiline(&mut app.open_path.text)
                        .desired_rows(3)
                        .desired_width(420.0),
                );
                go = ui.button("Import").clicked();
            });
        if go {
            let files: Vec<PathBuf> = app
                .open_path
                .text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(PathBuf::from)
                .collect();
            app.open_path.open = false;
            app.open_files(files, ctx);
        } else {
            app.open_path.open = open;
        }
    }
    if app.show_messages {
        let mut open = true;
        egui::Window::new("Import report")
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(420.0)
                    .show(ui, |ui| {
                        if app.messages.is_empty() {
                            ui.weak("Nothing imported yet.");
                        }
                        for m in &app.messages {
                            ui.monospace(m);
                            ui.separator();
                        }
                    });
            });
        app.show_messages = open;
    }
}
