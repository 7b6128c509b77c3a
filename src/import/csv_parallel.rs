//! The CSV loop of [`super::csv_driver`] spread over threads, with the same
//! result row for row.
//!
//! The calling thread reads the stream in 1 MB steps (progress and cancel
//! work as before), finds record starts with the [`Splitter`] and cuts the
//! stream into chunks of about `chunk_bytes` at record starts, each with its
//! first physical line. Worker threads parse and map chunks (each with its
//! own interner, so no shared counters bounce between cores). The calling
//! thread merges the mapped rows into the sink in file order: repeated ids,
//! "newer timestamp wins", row warnings and rejected lines come out exactly
//! as if the rows had been read one by one. At most a few chunks are in
//! flight, so memory stays bounded whatever the file size.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, mpsc};

use super::ImportOptions;
use super::csv_driver::{CsvLayout, WARN_LATIN1, WARN_WIDTH, column_map};
use super::csv_split::{Field, Parser, Record, Splitter};
use super::error::{ImportError, RowError};
use super::fields::StrRow;
use super::mapping::{MapCtx, Memo};
use super::progress::{PROGRESS_STEP, is_cancelled};
use super::sink::{ChunkRows, Sink};
use crate::model::{Incident, Interner};

/// Bytes asked of the reader at a time (progress is reported per read).
const READ_STEP: usize = PROGRESS_STEP as usize;

/// Most worker threads used, whatever the core count.
const MAX_THREADS: usize = 8;

/// The stream, read ahead into `buf[..filled]` and scanned for record
/// starts. Buffers keep their length (bytes past `filled` are stale) so
/// that reading into them never zeroes memory again.
struct Input<R> {
    reader: R,
    buf: Vec<u8>,
    filled: usize,
    splitter: Splitter,
    eof: bool,
    /// Physical line of `buf[0]`.
    line: u64,
}

impl<R: Read> Input<R> {
    fn data(&self) -> &[u8] {
        self.buf.get(..self.filled).unwrap_or_default()
    }

    /// Reads up to [`READ_STEP`] more bytes (less only at the end).
    fn read_step(&mut self) -> io::Result<()> {
        let end = self.filled + READ_STEP;
        if self.buf.len() < end {
            self.buf.resize(end, 0);
        }
        while self.filled < end {
            match self.reader.read(&mut self.buf[self.filled..end]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => self.filled += n.min(end - self.filled),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.splitter.scan(&self.buf[..self.filled]);
        Ok(())
    }

    /// Cuts the first `at` bytes off (`at` a record start at line `line`)
    /// and returns them as (buffer, length, first line); `spare` becomes
    /// the buffer holding the rest.
    fn take(&mut self, at: usize, line: u64, mut spare: Vec<u8>) -> (Vec<u8>, usize, u64) {
        let at = at.min(self.filled);
        let rest = self.filled - at;
        if spare.len() < rest {
            spare.resize(rest, 0);
        }
        spare[..rest].copy_from_slice(&self.buf[at..self.filled]);
        self.splitter.cut(&self.buf[..self.filled], at);
        let chunk = std::mem::replace(&mut self.buf, spare);
        self.filled = rest;
        (chunk, at, std::mem::replace(&mut self.line, line))
    }
}

struct Job {
    seq: u64,
    /// The chunk is `bytes[..len]`.
    bytes: Vec<u8>,
    len: usize,
    line: u64,
    /// Where the rows go (an emptied one, reused).
    out: ChunkRows,
}

struct Done {
    seq: u64,
    rows: ChunkRows,
    /// The job's buffer, for reuse.
    bytes: Vec<u8>,
    /// A panic while mapping (a bug): raised again on the calling thread
    /// rather than leaving it waiting for the chunk.
    panic: Option<Box<dyn std::any::Any + Send>>,
}

/// What every worker reads.
struct Shared<'a, F> {
    delimiter: u8,
    width: usize,
    map: &'a [Option<usize>],
    id_prefix: &'a str,
    cancel: &'a AtomicBool,
    map_row: &'a F,
}

/// A worker's own state, kept from chunk to chunk.
#[derive(Default)]
struct Worker {
    interner: Interner,
    memo: Memo,
    rec: Record,
    /// Fields of a record that is not UTF-8 as it stands.
    flat: Vec<u8>,
    latin: String,
    flat_fields: Vec<Field>,
}

fn process<F>(sh: &Shared<F>, w: &mut Worker, job: Job) -> Done
where
    F: Fn(&StrRow, u64, &mut MapCtx) -> Result<Incident, RowError>,
{
    let Worker {
        interner,
        memo,
        rec,
        flat,
        latin,
        flat_fields,
    } = w;
    let mut rows = job.out;
    let data = job.bytes.get(..job.len).unwrap_or_default();
    rows.reserve(data.len() / 256 + 4);
    let mut parser = Parser::new(data, sh.delimiter, job.line);
    let mut count = 0u32;
    while let Some(span) = parser.next_record(rec) {
        // Checked at the first row and every 4096 rows after.
        if count.is_multiple_of(4096) && is_cancelled(sh.cancel) {
            break;
        }
        count = count.wrapping_add(1);
        let line = span.line;
        let raw = data.get(span.start..span.end).unwrap_or_default();
        if rec.is_blank(raw) {
            continue;
        }
        if rec.len() != sh.width {
            rows.warnings.add(line, WARN_WIDTH);
        }
        let utf8 = (std::str::from_utf8(raw), std::str::from_utf8(&rec.scratch));
        let (text, scratch, fields) = if let (Ok(text), Ok(scratch)) = utf8 {
            (text, scratch, &rec.fields[..])
        } else {
            // As the csv crate: the unescaped fields back to back must be
            // UTF-8, else every field is read as Latin-1.
            flat.clear();
            flat_fields.clear();
            for f in rec.iter(raw) {
                let start = flat.len();
                flat.extend_from_slice(f);
                flat_fields.push(Field {
                    start,
                    end: flat.len(),
                    scratch: true,
                });
            }
            let text = match std::str::from_utf8(flat) {
                Ok(text) => text,
                Err(_) => {
                    rows.warnings.add(line, WARN_LATIN1);
                    latin.clear();
                    for (f, range) in rec.iter(raw).zip(flat_fields.iter_mut()) {
                        range.start = latin.len();
                        latin.extend(f.iter().map(|&b| char::from(b)));
                        range.end = latin.len();
                    }
                    latin.as_str()
                }
            };
            ("", text, &flat_fields[..])
        };
        let row = StrRow {
            text,
            scratch,
            fields,
            map: sh.map,
        };
        let mut ctx = MapCtx {
            interner,
            memo,
            warnings: &mut rows.warnings,
            id_prefix: sh.id_prefix,
            present: Some(sh.map),
        };
        let result = (sh.map_row)(&row, line, &mut ctx);
        rows.push(line, result);
    }
    Done {
        seq: job.seq,
        rows,
        bytes: job.bytes,
        panic: None,
    }
}

/// Delimiters the splitter handles (any the sniffer picks).
pub(crate) fn supports(delimiter: u8) -> bool {
    !matches!(delimiter, b'"' | b'\r' | b'\n')
}

fn worker_count(opts: &ImportOptions) -> usize {
    match opts.threads {
        0 => std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(MAX_THREADS),
        n => n.min(MAX_THREADS),
    }
}

/// Merges finished chunks in file order; `next` is the next chunk due.
fn merge_ready(
    pending: &mut BTreeMap<u64, Done>,
    next: &mut u64,
    sink: &mut Sink,
    spare: &mut Vec<(Vec<u8>, ChunkRows)>,
) {
    while let Some(mut done) = pending.remove(next) {
        sink.merge_chunk(&mut done.rows);
        spare.push((done.bytes, done.rows));
        *next += 1;
    }
}

/// Reads every row of a CSV file into `sink` through `map_row`, on
/// `opts.threads` threads. Same result as [`super::csv_driver::read`].
pub(crate) fn read<R, F>(
    reader: R,
    layout: &CsvLayout,
    sink: &mut Sink,
    cancel: &AtomicBool,
    opts: &ImportOptions,
    map_row: F,
) -> Result<Vec<Option<usize>>, ImportError>
where
    R: Read,
    F: Fn(&StrRow, u64, &mut MapCtx) -> Result<Incident, RowError> + Sync,
{
    let io_err = |source: io::Error| {
        if is_cancelled(cancel) {
            ImportError::Cancelled
        } else {
            ImportError::Io {
                file: layout.file.to_string(),
                error: source,
            }
        }
    };
    let delimiter = layout.delimiter;
    let mut input = Input {
        reader,
        buf: Vec::new(),
        filled: 0,
        splitter: Splitter::new(delimiter),
        eof: false,
        line: 1,
    };
    let (map, width) = if layout.headerless {
        column_map(layout, None, sink)
    } else {
        // The header is complete once a second record starts (or at the end).
        while !input.eof && input.splitter.records() < 2 {
            input.read_step().map_err(io_err)?;
        }
        let mut header = Record::default();
        let mut p = Parser::new(input.data(), delimiter, 1);
        let Some(span) = p.next_record(&mut header) else {
            return Ok(Vec::new());
        };
        let next = p.next_start();
        let raw = input.data().get(span.start..span.end).unwrap_or_default();
        let fields: Vec<&[u8]> = header.iter(raw).collect();
        let found = column_map(layout, Some(&fields), sink);
        let (at, line) = next.unwrap_or((input.filled, 1));
        input.take(at, line, Vec::new());
        found
    };

    let threads = worker_count(opts);
    let chunk_bytes = opts.chunk_bytes.max(1);
    let id_prefix = sink.id_prefix().to_string();
    let shared = Shared {
        delimiter,
        width,
        map: &map,
        id_prefix: &id_prefix,
        cancel,
        map_row: &map_row,
    };
    let mut spare: Vec<(Vec<u8>, ChunkRows)> = Vec::new();

    std::thread::scope(|scope| -> Result<(), ImportError> {
        let mut inline = Worker::default();
        // Started with the second chunk (small files stay on this thread).
        let mut pool: Option<(mpsc::SyncSender<Job>, mpsc::Receiver<Done>)> = None;
        let max_in_flight = threads * 2 + 1;
        let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
        let (mut sent, mut merged) = (0u64, 0u64);
        loop {
            if is_cancelled(cancel) {
                return Err(ImportError::Cancelled);
            }
            while !input.eof && input.filled < chunk_bytes {
                input.read_step().map_err(io_err)?;
            }
            let (at, line) = match input.splitter.last_start() {
                _ if input.eof => (input.filled, input.line),
                Some((at, line)) if at > 0 => (at, line),
                _ => {
                    // One record longer than a chunk: read on.
                    input.read_step().map_err(io_err)?;
                    continue;
                }
            };
            let last = input.eof && at == input.filled;
            let (next_buf, out) = spare.pop().unwrap_or_default();
            let (bytes, len, first_line) = input.take(at, line, next_buf);
            let job = Job {
                seq: sent,
                bytes,
                len,
                line: first_line,
                out,
            };
            sent += 1;
            if threads <= 1 || (last && pool.is_none()) {
                pending.insert(job.seq, process(&shared, &mut inline, job));
            } else {
                let (jobs, _) = pool.get_or_insert_with(|| {
                    let (job_tx, job_rx) = mpsc::sync_channel::<Job>(threads);
                    let (done_tx, done_rx) = mpsc::channel::<Done>();
                    let job_rx = Arc::new(Mutex::new(job_rx));
                    for _ in 0..threads {
                        let (job_rx, done_tx, shared) = (job_rx.clone(), done_tx.clone(), &shared);
                        scope.spawn(move || {
                            let mut w = Worker::default();
                            loop {
                                let job = match job_rx.lock() {
                                    Ok(rx) => rx.recv(),
                                    Err(_) => break,
                                };
                                let Ok(job) = job else { break };
                                let seq = job.seq;
                                let done =
                                    catch_unwind(AssertUnwindSafe(|| process(shared, &mut w, job)))
                                        .unwrap_or_else(|panic| Done {
                                            seq,
                                            rows: ChunkRows::default(),
                                            bytes: Vec::new(),
                                            panic: Some(panic),
                                        });
                                if done.panic.is_some() {
                                    w = Worker::default();
                                }
                                if done_tx.send(done).is_err() {
                                    break;
                                }
                            }
                        });
                    }
                    (job_tx, done_rx)
                });
                if jobs.send(job).is_err() {
                    return Err(worker_gone(layout.file));
                }
            }
            // Merge what is done; wait while too much is in flight.
            loop {
                merge_ready(&mut pending, &mut merged, sink, &mut spare);
                let in_flight = sent - merged;
                let Some((_, done_rx)) = &pool else { break };
                let must_wait = if last {
                    in_flight > 0
                } else {
                    in_flight >= max_in_flight as u64
                };
                let done = if must_wait {
                    match done_rx.recv() {
                        Ok(d) => d,
                        Err(_) => return Err(worker_gone(layout.file)),
                    }
                } else {
                    match done_rx.try_recv() {
                        Ok(d) => d,
                        Err(_) => break,
                    }
                };
                if let Some(panic) = done.panic {
                    resume_unwind(panic);
                }
                pending.insert(done.seq, done);
                if is_cancelled(cancel) {
                    return Err(ImportError::Cancelled);
                }
            }
            if last {
                return Ok(());
            }
        }
    })?;
    Ok(map)
}

fn worker_gone(file: &str) -> ImportError {
    ImportError::Io {
        file: file.to_string(),
        error: io::Error::other("a parsing thread stopped"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::acled_map;
    use crate::import::report::Format;
    use crate::import::sink::SameId;

    fn run(threads: usize, panic_at: u64) -> u64 {
        let mut data = String::from("event_id_cnty,event_date,latitude,longitude\n");
        for i in 0..200 {
            data += &format!("X{i},1 July 2025,14.5,-4.2\n");
        }
        let layout = CsvLayout {
            file: "t.csv",
            delimiter: b',',
            headerless: false,
            schema: &acled_map::SCHEMA,
            required: acled_map::REQUIRED,
        };
        let mut sink = Sink::new("t.csv", Format::AcledCsv, SameId::CombineActors);
        let opts = ImportOptions {
            threads,
            chunk_bytes: 64,
            sequential: false,
        };
        let cancel = AtomicBool::new(false);
        let map_row = |row: &StrRow, line: u64, ctx: &mut MapCtx| {
            assert_ne!(line, panic_at, "mapping bug");
            acled_map::map_row(row, line, ctx)
        };
        read(data.as_bytes(), &layout, &mut sink, &cancel, &opts, map_row).unwrap();
        sink.report.rows
    }

    #[test]
    fn all_rows_arrive() {
        assert_eq!(run(1, 0), 200);
        assert_eq!(run(3, 0), 200);
    }

    #[test]
    #[should_panic(expected = "mapping bug")]
    fn a_panicking_worker_panics_the_import_instead_of_hanging() {
        run(2, 150);
    }
}
