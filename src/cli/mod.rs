//! Headless subcommands: they use the core directly and print to stdout.

pub mod backtest;
pub mod clusters;
pub mod coast;
pub mod export;
pub mod input;
pub mod inspect;
pub mod risk;

use anyhow::Context as _;

/// `--as-of YYYY-MM-DD`, with a message naming the flag.
pub fn parse_as_of(s: Option<&str>) -> anyhow::Result<Option<chrono::NaiveDate>> {
    s.map(|s| {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .with_context(|| format!("--as-of: \"{s}\" is not a date like 2025-06-30"))
    })
    .transpose()
}

/// `--scenario low|best|high`.
pub fn parse_scenario(s: &str) -> Result<sahel_risk::model::Scenario, String> {
    use sahel_risk::model::Scenario;
    match s {
        "low" => Ok(Scenario::Low),
        "best" => Ok(Scenario::Best),
        "high" => Ok(Scenario::High),
        _ => Err(format!("\"{s}\" is not low, best or high")),
    }
}
