//! ACLED CSV: current 31-column, pre-2023, monadic, legacy upper-case and
//! partial layouts, all through the header -> column map.

use std::io::Read;
use std::sync::atomic::AtomicBool;

use super::ImportOptions;
use super::acled_map;
use super::csv_driver::{self, CsvLayout};
use super::csv_parallel;
use super::error::ImportError;
use super::sink::Sink;

pub(crate) fn import<R: Read>(
    reader: R,
    file: &str,
    delimiter: u8,
    sink: &mut Sink,
    cancel: &AtomicBool,
    opts: &ImportOptions,
) -> Result<(), ImportError> {
    let layout = CsvLayout {
        file,
        delimiter,
        headerless: false,
        schema: &acled_map::SCHEMA,
        required: acled_map::REQUIRED,
    };
    let map = if opts.sequential || !csv_parallel::supports(delimiter) {
        csv_driver::read(reader, &layout, sink, cancel, |row, line, ctx| {
            acled_map::map_row(row, line, ctx)
        })?
    } else {
        csv_parallel::read(reader, &layout, sink, cancel, opts, |row, line, ctx| {
            acled_map::map_row(row, line, ctx)
        })?
    };
    let monadic = map.get(acled_map::ACTOR2).is_some_and(Option::is_none);
    if monadic && sink.report.merged > 0 {
        let n = sink.report.merged;
        sink.file_warning(format!(
            "one-row-per-actor (monadic) export: {n} rows merged into the event they belong to; \
             fatalities counted once per event"
        ));
    }
    Ok(())
}
