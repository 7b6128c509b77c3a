//! UCDP GED CSV, with or without a header row.

use std::io::Read;
use std::sync::atomic::AtomicBool;

use super::ImportOptions;
use super::csv_driver::{self, CsvLayout};
use super::csv_parallel;
use super::error::ImportError;
use super::sink::Sink;
use super::ucdp_map;

pub(crate) fn import<R: Read>(
    reader: R,
    file: &str,
    delimiter: u8,
    headerless: bool,
    sink: &mut Sink,
    cancel: &AtomicBool,
    opts: &ImportOptions,
) -> Result<(), ImportError> {
    let layout = CsvLayout {
        file,
        delimiter,
        headerless,
        schema: &ucdp_map::SCHEMA,
        required: ucdp_map::REQUIRED,
    };
    if opts.sequential || !csv_parallel::supports(delimiter) {
        csv_driver::read(reader, &layout, sink, cancel, |row, line, ctx| {
            ucdp_map::map_row(row, line, ctx)
        })?
    } else {
        csv_parallel::read(reader, &layout, sink, cancel, opts, |row, line, ctx| {
            ucdp_map::map_row(row, line, ctx)
        })?
    };
    Ok(())
}
