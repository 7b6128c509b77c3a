//! What the analysis subcommands (`risk`, `backtest`, `coast`, `clusters`) read: incident
//! files merged as the window merges them (or the bundled sample), and which of their events
//! count (`--dataset`, `--include-demonstrations`).

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use anyhow::Context as _;
use sahel_risk::analysis::IncidentColumns;
use sahel_risk::analysis::event_set::{EventTypes, Selection, parse_dataset, select};
use sahel_risk::geodata::GeoData;
use sahel_risk::import::import_path;
use sahel_risk::model::{Dataset, Incident, IncidentStore};

/// `--dataset` and `--include-demonstrations`.
#[derive(Debug, Clone, clap::Args)]
pub struct EventArgs {
    /// Which dataset to count, acled or ucdp (default: the loaded dataset with the most
    /// events; ACLED and UCDP are never added together).
    #[arg(long, value_name = "acled|ucdp", value_parser = parse_dataset)]
    pub dataset: Option<Dataset>,
    /// Count protests and riots as well as political violence (battles, explosions/remote
    /// violence, violence against civilians).
    #[arg(long)]
    pub include_demonstrations: bool,
}

impl EventArgs {
    /// The event types counted by the political-violence analyses.
    pub fn types(&self) -> EventTypes {
        if self.include_demonstrations {
            EventTypes::WithDemonstrations
        } else {
            EventTypes::PoliticalViolence
        }
    }
}

/// The incidents of `files` merged in order (a later copy of the same id replaces an earlier
/// one, as in the window), or the bundled synthetic sample without files.
pub fn load(files: &[PathBuf], geo: &GeoData) -> anyhow::Result<Vec<Incident>> {
    if files.is_empty() {
        return Ok(sahel_risk::sample::sample(
            &sahel_risk::sample::gazetteer_towns(geo),
        ));
    }
    let cancel = AtomicBool::new(false);
    let mut store = IncidentStore::new();
    for f in files {
        let imported = import_path(f, &|_, _| {}, &cancel)
            .with_context(|| format!("{}: could not be read", f.display()))?;
        store.merge(imported.incidents, &f.display().to_string());
    }
    Ok(store.into_incidents())
}

/// The events `command` counts, and a note on stderr when a dataset or event types were left
/// out ("note: risk counts ACLED: 1,204 political violence events (UCDP GED 310 events left
/// out, never added)").
pub fn choose(
    command: &str,
    columns: &IncidentColumns,
    dataset: Option<Dataset>,
    types: EventTypes,
) -> Selection {
    let s = select(columns, None, dataset, types);
    if s.mixed() {
        let other = if s.dataset == Some(Dataset::Acled) {
            "ucdp"
        } else {
            "acled"
        };
        eprintln!(
            "note: {command} counts {}; --dataset {other} counts the other",
            s.describe(types)
        );
    } else if s.other_types > 0 && types != EventTypes::All {
        eprintln!("note: {command} counts {}", s.describe(types));
    }
    s
}
