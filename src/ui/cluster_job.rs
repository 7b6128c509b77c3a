//! Keeping the incident clusters in step with the filter: a rebuild on a worker thread whenever
//! the filtered set changes, the previous clusters staying on screen until it is done (unless
//! the store itself changed, when their indices would point at other incidents).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use super::incidents::Incidents;
use crate::analysis::cluster::ClusterOptions;
use crate::analysis::incident_clusters::IncidentClusters;

struct Pending {
    generation: u64,
    columns: usize,
    cancel: Arc<AtomicBool>,
    started: Instant,
    result: Receiver<Option<IncidentClusters>>,
}

#[derive(Default)]
pub struct ClusterJob {
    /// The clusters on screen, with the filter generation and columns they were built from.
    pub current: Option<Arc<IncidentClusters>>,
    built: Option<(u64, usize)>,
    pending: Option<Pending>,
    pub options: ClusterOptions,
    /// Wall time of the last finished build, milliseconds.
    pub last_build_ms: f64,
}

impl ClusterJob {
    /// A build is running.
    pub fn building(&self) -> bool {
        self.pending.is_some()
    }

    /// Take a finished build, and start one when the filter result has changed since the last.
    /// `wake` is called from the worker when it is done.
    pub fn sync(&mut self, incidents: &Incidents, wake: impl Fn() + Send + 'static) {
        self.poll();
        let want = (incidents.generation, incidents.columns_id());
        if self.built.is_some_and(|(_, cols)| cols != want.1) {
            // Another store: the old clusters' indices mean other incidents now.
            self.current = None;
            self.built = None;
        }
        let up_to_date = self.built == Some(want)
            || self
                .pending
                .as_ref()
                .is_some_and(|p| (p.generation, p.columns) == want);
        if up_to_date {
            return;
        }
        if let Some(p) = self.pending.take() {
            p.cancel.store(true, Ordering::Relaxed);
        }
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, result) = channel();
        let columns = incidents.columns.clone();
        let filtered = incidents.result.indices.clone();
        let options = self.options.clone();
        let flag = cancel.clone();
        std::thread::spawn(move || {
            let built = IncidentClusters::build(&columns, &filtered, &options, &flag);
            if tx.send(built).is_ok() {
                wake();
            }
        });
        self.pending = Some(Pending {
            generation: want.0,
            columns: want.1,
            cancel,
            started: Instant::now(),
            result,
        });
    }

    fn poll(&mut self) {
        let Some(p) = &self.pending else { return };
        match p.result.try_recv() {
            Ok(Some(clusters)) => {
                self.last_build_ms = p.started.elapsed().as_secs_f64() * 1000.0;
                self.current = Some(Arc::new(clusters));
                self.built = Some((p.generation, p.columns));
                self.pending = None;
            }
            Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => self.pending = None,
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
        }
    }

    /// The finished state, without the running build (for an export on another thread).
    pub fn snapshot(&self) -> ClusterJob {
        ClusterJob {
            current: self.current.clone(),
            built: self.built,
            pending: None,
            options: self.options.clone(),
            last_build_ms: self.last_build_ms,
        }
    }

    /// Wait for the running build (tests and scripted renders).
    pub fn finish_blocking(&mut self) {
        while self.pending.is_some() {
            self.poll();
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}
