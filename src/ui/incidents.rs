//! The loaded incidents as the window sees them: the store, its columns, the filter and its
//! result, the selection, and whether the data is the synthetic sample.

use std::sync::Arc;

use crate::analysis::{Filter, FilterResult, IncidentColumns};
use crate::import::ImportReport;
use crate::model::{Claim, Incident, IncidentStore};

#[derive(Default)]
pub struct Incidents {
    /// Shared with an import worker while it merges into its own copy.
    pub store: Arc<IncidentStore>,
    pub columns: Arc<IncidentColumns>,
    pub filter: Filter,
    pub result: FilterResult,
    /// Index into the store.
    pub selected: Option<usize>,
    /// The bundled synthetic sample is what is loaded.
    pub sample: bool,
    /// Reports of the files imported so far, newest last.
    pub reports: Vec<ImportReport>,
    /// Bumped whenever the filter result changes (views that follow it compare).
    pub generation: u64,
    /// How long the last re-filter took.
    pub last_filter_ms: f64,
}

impl Incidents {
    /// Identity of the current columns (their allocation): background results computed from
    /// other columns index other incidents and must be dropped, not shown.
    pub fn columns_id(&self) -> usize {
        Arc::as_ptr(&self.columns) as usize
    }

    /// Start from the synthetic sample.
    pub fn with_sample(sample: Vec<Incident>) -> Self {
        let mut store = IncidentStore::new();
        store.merge(sample, "sample");
        let mut me = Incidents {
            sample: true,
            ..Default::default()
        };
        me.replace(store, None);
        me
    }

    /// The store an import should merge into: empty when the sample is loaded, so the
    /// synthetic sample and the user's data never mix.
    pub fn merge_base(&self) -> Arc<IncidentStore> {
        if self.sample {
            Arc::new(IncidentStore::new())
        } else {
            self.store.clone()
        }
    }

    /// Take a merged store (from an import worker), keeping the selection where it can.
    pub fn replace(&mut self, store: IncidentStore, columns: Option<IncidentColumns>) {
        let selected_id = self.selected_incident().map(|i| i.id.clone());
        self.columns = Arc::new(columns.unwrap_or_else(|| IncidentColumns::new(store.incidents())));
        self.store = Arc::new(store);
        self.selected = selected_id.and_then(|id| self.store.position(&id));
        self.refilter();
    }

    /// Drop everything (e.g. the sample).
    pub fn clear(&mut self) {
        self.sample = false;
        self.selected = None;
        self.replace(IncidentStore::new(), None);
    }

    /// Add a user's claim to an incident; kept in the app's save format.
    pub fn add_user_claim(&mut self, id: &str, claim: Claim) -> bool {
        let added = Arc::make_mut(&mut self.store).add_user_claim(id, claim);
        if added {
            self.columns = Arc::new(IncidentColumns::new(self.store.incidents()));
            self.refilter();
        }
        added
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
