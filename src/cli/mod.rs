//! Headless subcommands: they use the core directly and print to stdout.

pub mod clusters;
pub mod coast;
pub mod export;
pub mod inspect;
pub mod risk;
