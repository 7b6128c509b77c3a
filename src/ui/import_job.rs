//! Importing files on a worker thread, with progress and a cancel button. The worker also merges
//! into a copy of the store and builds the filter columns, so the window keeps drawing the data
//! it has until the new data is complete.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;

use crate::analysis::IncidentColumns;
use crate::import::{ImportError, ImportReport, import_path};
use crate::model::IncidentStore;

/// What a finished job hands back.
pub struct JobOutcome {
    /// The merged store and its columns, when at least one file was read.
    pub merged: Option<(IncidentStore, IncidentColumns)>,
    /// The reports of the files that were read, in order.
    pub reports: Vec<ImportReport>,
    /// One message per file, for the import report window.
    pub messages: Vec<String>,
}

pub struct ImportJob {
    pub files: Vec<PathBuf>,
    /// Index of the file being read.
    pub current: Arc<AtomicU64>,
    pub bytes_read: Arc<AtomicU64>,
    pub bytes_total: Arc<AtomicU64>,
    /// Set once every file is read and the worker is merging.
    pub merging: Arc<AtomicBool>,
    cancel: Arc<AtomicBool>,
    result: Receiver<JobOutcome>,
    _thread: JoinHandle<()>,
}

impl ImportJob {
    /// Import `files` in order and merge them into a copy of `base` (an empty store replaces
    /// the synthetic sample). `wake` is called when there is progress to show.
    pub fn start(
        files: Vec<PathBuf>,
        base: Arc<IncidentStore>,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Self {
        let current = Arc::new(AtomicU64::new(0));
        let bytes_read = Arc::new(AtomicU64::new(0));
        let bytes_total = Arc::new(AtomicU64::new(0));
        let merging = Arc::new(AtomicBool::new(false));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, result) = channel();
        let thread = {
            let (files, current, read, total, merging, cancel) = (
                files.clone(),
                current.clone(),
                bytes_read.clone(),
                bytes_total.clone(),
                merging.clone(),
                cancel.clone(),
            );
            std::thread::spawn(move || {
                let mut store: Option<IncidentStore> = None;
                let mut out = JobOutcome {
                    merged: None,
                    reports: Vec::new(),
                    messages: Vec::new(),
                };
                for (n, path) in files.into_iter().enumerate() {
                    current.store(n as u64, Ordering::Relaxed);
                    let progress = |r: u64, t: u64| {
                        read.store(r, Ordering::Relaxed);
                        total.store(t, Ordering::Relaxed);
                        wake();
                    };
                    match import_path(&path, &progress, &cancel) {
                        Ok(imported) => {
                            merging.store(true, Ordering::Relaxed);
                            wake();
                            let s = store.get_or_insert_with(|| (*base).clone());
                            let stats = s.merge(imported.incidents, &imported.report.file);
                            out.messages
                                .push(format!("{}\n{}", imported.report, stats.summary()));
                            out.reports.push(imported.report);
                            merging.store(false, Ordering::Relaxed);
                        }
                        Err(ImportError::Cancelled) => {
                            out.messages.push(format!(
                                "{}: import cancelled; nothing from it was added.",
                                path.display()
                            ));
                            break;
                        }
                        Err(e) => out
                            .messages
                            .push(format!("{e}\nNothing already loaded was changed.")),
                    }
                }
                if let Some(s) = store {
                    merging.store(true, Ordering::Relaxed);
                    let columns = IncidentColumns::new(s.incidents());
                    out.merged = Some((s, columns));
                }
                let _ = tx.send(out);
                wake();
            })
        };
        ImportJob {
            files,
            current,
            bytes_read,
            bytes_total,
            merging,
            cancel,
            result,
            _thread: thread,
        }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Fraction of the current file read.
    pub fn fraction(&self) -> f32 {
        let t = self.bytes_total.load(Ordering::Relaxed);
        if t == 0 {
            0.0
        } else {
            self.bytes_read.load(Ordering::Relaxed) as f32 / t as f32
        }
    }

    /// The outcome, once the worker is done.
    pub fn poll(&self) -> Option<JobOutcome> {
        self.result.try_recv().ok()
    }
}
