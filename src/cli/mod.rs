//! Headless subcommands: they use the core directly and print to stdout.

pub mod coast;
pub mod inspect;
