//! The loaded incidents as the window sees them: the store, its columns, the filter and its
//! result, the selection, and whether the data is the synthetic sample.

use std::sync::Arc;

use crate::analysis::{Filter, FilterResult, IncidentColumns};
use crate::import::ImportReport;
use crate::model::{Incident, IncidentStore, MergeStats};

#[derive(Default)]
pub struct Incidents {
    pub store: IncidentStore,
    pub columns: Arc<IncidentColumns>,
    pub filter: Filter,
    pub result: FilterResult,
    /// Index into the store.
    pub selected: Option<usize>,
    /// The bundled synthetic sample is (part of) what is loaded.
    pub sample: bool,
    /// Reports of the files imported so far, newest last.
    pub reports: Vec<ImportReport>,
    /// Set when the filter result changed this frame (for views that follow it).
    pub generation: u64,
    /// How long the last re-filter took.
    pub last_filter_ms: f64,
}

impl Incidents {
    /// Start from the synthetic sample.
    pub fn with_sample(sample: Vec<Incident>) -> Self {
        let mut me = Incidents::default();
        me.store.merge(sample, "sample");
        me.sample = true;
        me.rebuild();
        me
    }

    /// Merge newly imported incidents (newer timestamps win) and re-filter.
    pub fn add(&mut self, incidents: Vec<Incident>, report: ImportReport) -> MergeStats {
        let selected_id = self
            .selected
            .and_then(|i| self.store.incidents().get(i))
            .map(|i| i.id.clone());
        let stats = self.store.merge(incidents, &report.file);
        self.reports.push(report);
        self.rebuild();
        self.selected = selected_id.and_then(|id| self.store.position(&id));
        stats
    }

    /// Drop the sample (when the user's own data replaces it).
    pub fn clear(&mut self) {
        self.store.clear();
        self.sample = false;
        self.selected = None;
        self.rebuild();
    }

    pub fn rebuild(&mut self) {
        self.columns = Arc::new(IncidentColumns::new(self.store.incidents()));
        self.refilter();
    }

    pub fn refilter(&mut self) {
        let t = std::time::Instant::now();
        self.result = self.filter.apply(&self.columns);
        self.last_filter_ms = t.elapsed().as_secs_f64() * 1000.0;
        self.generation += 1;
    }

    pub fn selected_incident(&self) -> Option<&Incident> {
        self.selected.and_then(|i| self.store.incidents().get(i))
    }
}
