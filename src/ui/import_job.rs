//! Importing files on a worker thread, with progress and a cancel button. The window keeps
//! drawing (and keeps what is loaded) while a file is read.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;

use crate::import::{ImportError, Imported, import_path};

/// What a finished job hands back, one entry per file.
pub type JobResult = Vec<(PathBuf, Result<Imported, ImportError>)>;

pub struct ImportJob {
    pub files: Vec<PathBuf>,
    /// Index of the file being read.
    pub current: Arc<AtomicU64>,
    pub bytes_read: Arc<AtomicU64>,
    pub bytes_total: Arc<AtomicU64>,
    cancel: Arc<AtomicBool>,
    result: Receiver<JobResult>,
    _thread: JoinHandle<()>,
}

impl ImportJob {
    /// Start importing `files` in order; `wake` is called when there is progress to show.
    pub fn start(files: Vec<PathBuf>, wake: impl Fn() + Send + Sync + 'static) -> Self {
        let current = Arc::new(AtomicU64::new(0));
        let bytes_read = Arc::new(AtomicU64::new(0));
        let bytes_total = Arc::new(AtomicU64::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, result) = channel();
        let thread = {
            let (files, current, read, total, cancel) = (
                files.clone(),
                current.clone(),
                bytes_read.clone(),
                bytes_total.clone(),
                cancel.clone(),
            );
            std::thread::spawn(move || {
                let mut out = Vec::new();
                for (n, path) in files.into_iter().enumerate() {
                    current.store(n as u64, Ordering::Relaxed);
                    let progress = |r: u64, t: u64| {
                        read.store(r, Ordering::Relaxed);
                        total.store(t, Ordering::Relaxed);
                        wake();
                    };
                    let r = import_path(&path, &progress, &cancel);
                    let stop = matches!(r, Err(ImportError::Cancelled));
                    out.push((path, r));
                    if stop {
                        break;
                    }
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

    /// The results, once the worker is done.
    pub fn poll(&self) -> Option<JobResult> {
        self.result.try_recv().ok()
    }
}
