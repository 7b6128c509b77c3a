//! A CSV reader that behaves exactly like the csv crate as the importers
//! configure it (quotes `"` doubled inside quoted fields, no escape
//! character, no comments, `\r`, `\n` or `\r\n` ending a record, blank lines
//! skipped, `flexible`), split in two so that big files can be parsed on
//! several threads:
//!
//! * [`Splitter`] runs once over the whole stream, on one thread. It only
//!   follows the quoting (a quote opens a quoted field only at the start of
//!   a field) with `memchr`, so it is several times faster than parsing,
//!   and reports where records start and the physical line there. Any
//!   record start is a safe place to cut the stream into chunks.
//! * [`Parser`] turns one chunk (starting at a record start) into records,
//!   each with the physical line where it starts, like the sequential
//!   driver's line log does.
//!
//! Tests compare both with the csv crate on random input.

use memchr::{memchr, memchr2_iter, memchr3};

/// Where the splitter is, in the terms of csv-core's state machine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Before a record (csv-core `StartRecord`): line breaks are skipped.
    RecordStart,
    /// Inside an unquoted field or at the start of a field after a
    /// delimiter (a quote there opens a quoted field).
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// Right after a quote inside a quoted field (csv-core
    /// `InDoubleEscapedQuote`).
    AfterQuote,
}

/// Finds record starts in a stream fed to it in pieces.
pub(crate) struct Splitter {
    delimiter: u8,
    state: State,
    /// 1-based physical line at the scan position.
    line: u64,
    /// The byte before the buffer's first byte (0 at the stream start).
    before: u8,
    /// Scan position in the current buffer.
    pos: usize,
    /// The latest record start seen in the buffer and its line.
    last_start: Option<(usize, u64)>,
    /// Record starts seen (stops counting at 2).
    records: u8,
}

impl Splitter {
    pub fn new(delimiter: u8) -> Self {
        Splitter {
            delimiter,
            state: State::RecordStart,
            line: 1,
            before: 0,
            pos: 0,
            last_start: None,
            records: 0,
        }
    }

    /// Records started so far, up to 2.
    pub fn records(&self) -> u8 {
        self.records
    }

    /// The latest record start found in the buffer scanned so far, with
    /// its physical line.
    pub fn last_start(&self) -> Option<(usize, u64)> {
        self.last_start
    }

    /// The buffer lost its first `n` bytes (a chunk was cut off);
    /// positions move down. `n` must be a record start.
    pub fn cut(&mut self, buf_before_cut: &[u8], n: usize) {
        if n > 0 {
            self.before = buf_before_cut.get(n - 1).copied().unwrap_or(0);
        }
        self.pos = self.pos.saturating_sub(n);
        self.last_start = match self.last_start {
            Some((s, l)) if s > n => Some((s - n, l)),
            _ => None,
        };
    }

    fn prev(&self, buf: &[u8], p: usize) -> u8 {
        if p == 0 { self.before } else { buf[p - 1] }
    }

    fn count_break(&mut self, buf: &[u8], p: usize) {
        if buf[p] == b'\r' || self.prev(buf, p) != b'\r' {
            self.line += 1;
        }
    }

    /// Scans the bytes of `buf` not scanned yet (the buffer only grows
    /// between calls, apart from [`Splitter::cut`]).
    pub fn scan(&mut self, buf: &[u8]) {
        let n = buf.len();
        let mut i = self.pos;
        while i < n {
            match self.state {
                State::RecordStart => {
                    let b = buf[i];
                    if b == b'\r' || b == b'\n' {
                        self.count_break(buf, i);
                        i += 1;
                        continue;
                    }
                    self.last_start = Some((i, self.line));
                    self.records = self.records.saturating_add(1).min(2);
                    if b == b'"' {
                        self.state = State::Quoted;
                        i += 1;
                    } else {
                        // Not consumed: a delimiter here is seen again by
                        // the unquoted scan, which needs it before a quote.
                        self.state = State::Unquoted;
                    }
                }
                State::Unquoted => match memchr3(b'"', b'\n', b'\r', &buf[i..]) {
                    None => i = n,
                    Some(k) => {
                        let p = i + k;
                        if buf[p] == b'"' {
                            if self.prev(buf, p) == self.delimiter {
                                self.state = State::Quoted;
                            }
                        } else {
                            self.count_break(buf, p);
                            self.state = State::RecordStart;
                        }
                        i = p + 1;
                    }
                },
                State::Quoted => match memchr3(b'"', b'\n', b'\r', &buf[i..]) {
                    None => i = n,
                    Some(k) => {
                        let p = i + k;
                        if buf[p] == b'"' {
                            self.state = State::AfterQuote;
                        } else {
                            self.count_break(buf, p);
                        }
                        i = p + 1;
                    }
                },
                State::AfterQuote => {
                    let b = buf[i];
                    if b == b'\r' || b == b'\n' {
                        // Ends the record; counted there.
                        self.state = State::RecordStart;
                        continue;
                    }
                    // A doubled quote continues the quoted field; a
                    // delimiter or any other byte leaves it.
                    self.state = if b == b'"' {
                        State::Quoted
                    } else {
                        State::Unquoted
                    };
                    i += 1;
                }
            }
        }
        self.pos = n;
    }
}

/// One field of a [`Record`]: `start..end` in the record's raw bytes, or in
/// its `scratch` buffer when the field had to be unescaped (doubled quotes,
/// text after a closing quote).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Field {
    pub start: usize,
    pub end: usize,
    pub scratch: bool,
}

/// One record. Fields point into the chunk where possible; only quoted
/// fields that needed unescaping are copied.
#[derive(Default, Debug, Clone)]
pub(crate) struct Record {
    pub fields: Vec<Field>,
    pub scratch: Vec<u8>,
}

impl Record {
    pub fn clear(&mut self) {
        self.fields.clear();
        self.scratch.clear();
    }

    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Field `i`, with `raw` the record's raw bytes.
    pub fn field<'a>(&'a self, raw: &'a [u8], i: usize) -> Option<&'a [u8]> {
        let f = self.fields.get(i)?;
        let src = if f.scratch { &self.scratch[..] } else { raw };
        src.get(f.start..f.end)
    }

    pub fn iter<'a>(&'a self, raw: &'a [u8]) -> impl Iterator<Item = &'a [u8]> {
        (0..self.len()).filter_map(move |i| self.field(raw, i))
    }

    /// Every field empty or ASCII whitespace (a blank-looking line).
    pub fn is_blank(&self, raw: &[u8]) -> bool {
        self.iter(raw)
            .all(|f| f.iter().all(u8::is_ascii_whitespace))
    }
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Of the high bits of the result, the lowest set one marks the first zero
/// byte of `v` (higher ones may be wrong).
#[inline]
fn first_zero(v: u64) -> u64 {
    v.wrapping_sub(LO) & !v & HI
}

/// Like [`first_zero`], for the first byte below 14 (line breaks, tab).
#[inline]
fn first_control(v: u64) -> u64 {
    v.wrapping_sub(LO * 14) & !v & HI
}

/// Reads the records of one chunk that begins at a record start (or at the
/// start of the stream).
pub(crate) struct Parser<'a> {
    data: &'a [u8],
    delimiter: u8,
    pos: usize,
    /// Line bookkeeping: `line` is the physical line at `line_pos`.
    line_pos: usize,
    line: u64,
}

/// Where a record is in its chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    /// Physical line of the record's first byte.
    pub line: u64,
    /// The record's raw bytes: from its first byte to the end of its last
    /// field.
    pub start: usize,
    pub end: usize,
}

impl<'a> Parser<'a> {
    /// `line`: the physical line of the chunk's first byte.
    pub fn new(data: &'a [u8], delimiter: u8, line: u64) -> Self {
        Parser {
            data,
            delimiter,
            pos: 0,
            line_pos: 0,
            line,
        }
    }

    /// Physical line of the byte at `at` (positions must not go back).
    fn line_at(&mut self, at: usize) -> u64 {
        let d = self.data;
        let from = self.line_pos.min(at);
        for p in memchr2_iter(b'\n', b'\r', &d[from..at]) {
            let p = from + p;
            if d[p] == b'\r' || p == 0 || d[p - 1] != b'\r' {
                self.line += 1;
            }
        }
        self.line_pos = at;
        self.line
    }

    /// The first delimiter or line break at or after `i` (or the end).
    #[inline]
    fn unquoted_end(&self, mut i: usize) -> usize {
        let d = self.data;
        let delim = self.delimiter;
        let dm = LO * u64::from(delim);
        loop {
            // Eight bytes at a time: the first delimiter or control byte.
            while let Some(w) = d.get(i..i + 8) {
                let mut b = [0u8; 8];
                b.copy_from_slice(w);
                let x = u64::from_le_bytes(b);
                let hit = first_zero(x ^ dm) | first_control(x);
                if hit != 0 {
                    i += (hit.trailing_zeros() / 8) as usize;
                    break;
                }
                i += 8;
            }
            match d.get(i) {
                None => return i,
                Some(&b) if b == delim || b == b'\n' || b == b'\r' => return i,
                // A control byte that ends nothing (a tab), or the last
                // few bytes of the chunk.
                Some(_) => i += 1,
            }
        }
    }

    /// Where the next record starts and its line, if there is one.
    pub fn next_start(&mut self) -> Option<(usize, u64)> {
        let d = self.data;
        let mut i = self.pos;
        while i < d.len() && (d[i] == b'\r' || d[i] == b'\n') {
            i += 1;
        }
        self.pos = i;
        (i < d.len()).then(|| (i, self.line_at(i)))
    }

    /// Reads the next record into `rec` (field positions relative to
    /// `span.start`), or `None` at the end of the chunk.
    pub fn next_record(&mut self, rec: &mut Record) -> Option<Span> {
        let (start, line) = self.next_start()?;
        let d = self.data;
        let n = d.len();
        let mut i = start;
        rec.clear();
        // At the start of a field.
        'field: loop {
            if i >= n {
                // End of input right after a delimiter: an empty last field.
                rec.fields.push(Field {
                    start: i - start,
                    end: i - start,
                    scratch: false,
                });
                break;
            }
            if d[i] == b'"' {
                i += 1;
                let open = i;
                // A quoted field: usually `"text"` followed by a delimiter or
                // a line break, which needs no copy.
                let mut copied = false;
                loop {
                    let close = memchr(b'"', &d[i..]).map_or(n, |k| i + k);
                    let next = d.get(close + 1).copied();
                    let plain_end = close >= n
                        || matches!(next, None | Some(b'\n' | b'\r'))
                        || next == Some(self.delimiter);
                    if !copied && plain_end {
                        rec.fields.push(Field {
                            start: open - start,
                            end: close - start,
                            scratch: false,
                        });
                        i = (close + 1).min(n);
                        if close >= n || next != Some(self.delimiter) {
                            break 'field;
                        }
                        i += 1;
                        continue 'field;
                    }
                    if !copied {
                        copied = true;
                        rec.fields.push(Field {
                            start: rec.scratch.len(),
                            end: rec.scratch.len(),
                            scratch: true,
                        });
                    }
                    rec.scratch.extend_from_slice(&d[i..close.min(n)]);
                    if close >= n {
                        set_end(rec);
                        i = n;
                        break 'field;
                    }
                    i = close + 1;
                    match next {
                        Some(b'"') => {
                            rec.scratch.push(b'"');
                            i += 1;
                        }
                        Some(c) if c == self.delimiter => {
                            i += 1;
                            set_end(rec);
                            continue 'field;
                        }
                        Some(b'\n' | b'\r') | None => {
                            set_end(rec);
                            break 'field;
                        }
                        Some(_) => {
                            // Text after the closing quote: kept, unquoted.
                            let j = self.unquoted_end(i);
                            rec.scratch.extend_from_slice(&d[i..j]);
                            set_end(rec);
                            i = j;
                            if i < n && d[i] == self.delimiter {
                                i += 1;
                                continue 'field;
                            }
                            break 'field;
                        }
                    }
                }
            }
            // Unquoted field.
            let j = self.unquoted_end(i);
            rec.fields.push(Field {
                start: i - start,
                end: j - start,
                scratch: false,
            });
            i = j;
            if i < n && d[i] == self.delimiter {
                i += 1;
                continue;
            }
            break;
        }
        // The raw record ends after its last field (before the line break).
        let end = i.min(n);
        self.pos = end;
        Some(Span { line, start, end })
    }
}

/// Sets the end of the last (scratch) field to the scratch length.
fn set_end(rec: &mut Record) {
    let len = rec.scratch.len();
    if let Some(f) = rec.fields.last_mut() {
        f.end = len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// (line, fields) of every record, as the sequential driver sees them.
    fn with_csv(data: &[u8], delim: u8) -> Vec<(u64, Vec<Vec<u8>>)> {
        let (logged, lines) = super::super::lines::line_log(data);
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delim)
            .from_reader(logged);
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::new();
        while rdr.read_byte_record(&mut rec).unwrap() {
            let p = rec.position().unwrap();
            let line = lines.line_at(p.byte()).unwrap_or_else(|| p.line());
            out.push((line, rec.iter().map(<[u8]>::to_vec).collect()));
        }
        out
    }

    /// The same through the splitter (cutting at every record start it
    /// reports once `chunk` bytes are buffered, feeding `step` bytes at a
    /// time) and the parser.
    fn with_split(data: &[u8], delim: u8, step: usize, chunk: usize) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut sp = Splitter::new(delim);
        let mut buf: Vec<u8> = Vec::new();
        let mut chunks: Vec<(Vec<u8>, u64)> = Vec::new();
        let mut start_line = 1;
        for piece in data.chunks(step.max(1)) {
            buf.extend_from_slice(piece);
            sp.scan(&buf);
            if buf.len() >= chunk
                && let Some((cut, line)) = sp.last_start()
                && cut > 0
            {
                chunks.push((buf[..cut].to_vec(), start_line));
                sp.cut(&buf, cut);
                buf.drain(..cut);
                start_line = line;
            }
        }
        chunks.push((buf, start_line));
        let mut out = Vec::new();
        let mut rec = Record::default();
        for (c, line) in &chunks {
            let mut p = Parser::new(c, delim, *line);
            while let Some(span) = p.next_record(&mut rec) {
                let raw = &c[span.start..span.end];
                out.push((span.line, rec.iter(raw).map(<[u8]>::to_vec).collect()));
            }
        }
        out
    }

    fn same(data: &[u8], delim: u8, step: usize, chunk: usize) {
        assert_eq!(
            with_split(data, delim, step, chunk),
            with_csv(data, delim),
            "{:?}",
            String::from_utf8_lossy(data)
        );
    }

    #[test]
    fn known_cases() {
        let cases: &[&[u8]] = &[
            b"a,b\n1,2\n",
            b"a,b\r\n\"x\r\ny\",2\r\n\r\n3,\"\"\"q\"\"\"\r\n",
            b"\n\n\"a\"b\"c,d\ne,\"f\"\"\n",
            b"a\rb\r\n\rc\n\rd",
            b"a,\"b\"x\"y,z\n\"",
            b",\"a\n\",\n,",
            b"\"\"\"\"\n\"\",\"\n\"\n",
            b"h\r\n\"a\r\nb\"\r\nc\r\nd\r\n",
            b"x,\"\"",
            b"x,\"a\"\"",
        ];
        for c in cases {
            for step in [1, 2, 3, 7, 100] {
                for chunk in [0, 1, 4, 1000] {
                    same(c, b',', step, chunk);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn matches_the_csv_crate(
            text in "[ab,;\"\r\n\t ]{0,80}",
            delim in prop::sample::select(vec![b',', b';', b'\t']),
            step in 1usize..20,
            chunk in 0usize..40,
        ) {
            let a = with_split(text.as_bytes(), delim, step, chunk);
            let b = with_csv(text.as_bytes(), delim);
            prop_assert_eq!(a, b);
        }

        #[test]
        fn matches_the_csv_crate_on_long_fields(
            parts in prop::collection::vec("x{0,19}|[,;\"\r\n]|\"\"", 0..40),
            step in 1usize..50,
            chunk in 0usize..100,
        ) {
            let text = parts.concat();
            let a = with_split(text.as_bytes(), b',', step, chunk);
            let b = with_csv(text.as_bytes(), b',');
            prop_assert_eq!(a, b);
        }
    }
}
