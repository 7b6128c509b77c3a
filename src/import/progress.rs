//! A reader that reports bytes read about every megabyte and stops with an
//! error as soon as the cancel flag is raised, so every importer (CSV or
//! JSON) gets progress and cancellation from the same place.

use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, Ordering};

/// Report progress after this many bytes.
pub const PROGRESS_STEP: u64 = 1 << 20;

const CANCELLED: &str = "import cancelled";

pub(crate) struct ProgressReader<'a, R> {
    inner: R,
    read: u64,
    total: u64,
    next_report: u64,
    progress: &'a dyn Fn(u64, u64),
    cancel: &'a AtomicBool,
}

impl<'a, R: Read> ProgressReader<'a, R> {
    pub fn new(
        inner: R,
        total: u64,
        progress: &'a dyn Fn(u64, u64),
        cancel: &'a AtomicBool,
    ) -> Self {
        ProgressReader {
            inner,
            read: 0,
            total,
            next_report: PROGRESS_STEP,
            progress,
            cancel,
        }
    }
}

impl<R: Read> Read for ProgressReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.cancel.load(Ordering::Relaxed) {
            // Not `Interrupted`: that kind would be retried by read loops.
            return Err(io::Error::other(CANCELLED));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read >= self.next_report {
            (self.progress)(self.read, self.total.max(self.read));
            self.next_report = self.read + PROGRESS_STEP;
        }
        Ok(n)
    }
}

pub(crate) fn is_cancelled(cancel: &AtomicBool) -> bool {
    cancel.load(Ordering::Relaxed)
}
