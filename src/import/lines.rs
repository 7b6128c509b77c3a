//! Physical line numbers for CSV records. The csv crate's own positions
//! drift on CRLF files and skipped blank lines, so this reader wrapper logs
//! where each text line starts (after a run of CR/LF bytes) and the line
//! number there; the driver looks a record's start up in that log.
//! The log only holds lines the parser has read ahead, so it stays small.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

type Log = Rc<RefCell<VecDeque<(u64, u64)>>>;

pub(crate) struct LineLogReader<R> {
    inner: R,
    pos: u64,
    line: u64,
    in_break: bool,
    prev_cr: bool,
    log: Log,
}

/// Finds the physical line of a record from its (csv-reported) start byte.
pub(crate) struct LineLookup {
    log: Log,
}

pub(crate) fn line_log<R: Read>(inner: R) -> (LineLogReader<R>, LineLookup) {
    let log: Log = Rc::default();
    let reader = LineLogReader {
        inner,
        pos: 0,
        line: 1,
        in_break: true,
        prev_cr: false,
        log: log.clone(),
    };
    (reader, LineLookup { log })
}

impl<R> LineLogReader<R> {
    fn scan(&mut self, buf: &[u8]) {
        let mut log = self.log.borrow_mut();
        let mut i = 0;
        while i < buf.len() {
            if !self.in_break {
                match memchr::memchr2(b'\n', b'\r', &buf[i..]) {
                    Some(k) => {
                        i += k;
                        self.in_break = true;
                    }
                    None => break,
                }
            }
            let b = buf[i];
            match b {
                b'\r' => {
                    self.line += 1;
                    self.prev_cr = true;
                }
                b'\n' => {
                    if !self.prev_cr {
                        self.line += 1;
                    }
                    self.prev_cr = false;
                }
                _ => {
                    self.prev_cr = false;
                    self.in_break = false;
                    log.push_back((self.pos + i as u64, self.line));
                }
            }
            i += 1;
        }
        self.pos += buf.len() as u64;
    }
}

impl<R: Read> Read for LineLogReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.scan(&buf[..n]);
        Ok(n)
    }
}

impl LineLookup {
    /// Line of the first text line starting at or after `byte`; lines
    /// before it are dropped (records come in order).
    pub fn line_at(&self, byte: u64) -> Option<u64> {
        let mut log = self.log.borrow_mut();
        while log.front().is_some_and(|&(start, _)| start < byte) {
            log.pop_front();
        }
        log.front().map(|&(_, line)| line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str) -> Vec<u64> {
        let (r, lookup) = line_log(input.as_bytes());
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(4)
            .from_reader(r);
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::new();
        while rdr.read_byte_record(&mut rec).unwrap() {
            let b = rec.position().unwrap().byte();
            out.push(lookup.line_at(b).unwrap());
        }
        out
    }

    #[test]
    fn crlf_quoted_newlines_and_blank_lines() {
        assert_eq!(lines("h\r\n\"a\r\nb\"\r\nc\r\nd\r\n"), [1, 2, 4, 5]);
        assert_eq!(lines("h\n\"a\nb\"\nc\n"), [1, 2, 4]);
        assert_eq!(lines("h\r\nx\r\n\r\n\r\ny\r\n"), [1, 2, 5]);
        assert_eq!(lines("\n\nh\nx"), [3, 4]);
        assert_eq!(lines("h\rx\r\"a\rb\"\rc"), [1, 2, 3, 5]);
    }
}
