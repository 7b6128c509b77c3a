//! The Export dialog in the window: Ctrl+E opens it with a live preview; Ctrl+Shift+S saves
//! the current view as a PNG on a worker and says where.

use std::sync::Arc;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_risk::geodata::GeoData;
use sahel_risk::ui::{Incidents, SahelApp};

#[test]
fn dialog_previews_and_quick_save_writes_the_view() {
    let geo = Arc::new(GeoData::embedded());
    let towns = sahel_risk::sample::gazetteer_towns(&geo);
    let app = SahelApp::with_incidents(
        geo,
        Incidents::with_sample(sahel_risk::sample::sample(&towns)),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut SahelApp| app.show(ui), app);
    h.run_steps(2);
    h.state_mut().finish_background_work();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    assert!(h.state().export_dialog.open);
    h.get_by_label("Export PNG");
    // The preview renders on a worker.
    for _ in 0..400 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
        if h.query_by_label_contains("preview:").is_some() {
            panic!("preview failed");
        }
    }
    let dir = std::env::temp_dir().join(format!("sahel-ui-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    h.state_mut().export_dialog.path = dir.join("x.png").display().to_string();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    let mut saved = None;
    for _ in 0..1500 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
        if let Some(m) = &h.state().export_dialog.message {
            saved = Some(m.clone());
            break;
        }
    }
    let message = saved.expect("the quick save finished");
    assert!(
        message.starts_with("Saved") && message.contains("2560x1600"),
        "{message}"
    );
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 1);
    let img = image::open(files[0].path()).unwrap();
    assert_eq!((img.width(), img.height()), (2560, 1600));
    std::fs::remove_dir_all(&dir).ok();
}
