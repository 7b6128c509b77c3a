//! UCDP GED CSV with and without header, unordered best/high/low, floats.
mod common;

use common::{by_id, error_lines, import};
use sahel_risk::import::Format;
use sahel_risk::model::{Claimant, DatePrecision, EventType, GeoPrecision, Scenario};

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn ged_with_header() {
    let imp = import("ucdp_ged.csv");
    let r = &imp.report;
    assert_eq!(r.format, Format::UcdpGedCsv);
    assert_eq!((r.rows, r.events, r.rejected, r.fatalities), (4, 3, 1, 14));
    assert_eq!(error_lines(&imp), [8], "newlines in source_original count");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);

    let kidal = by_id(&imp, "ucdp:1001");
    assert_eq!(
        (kidal.date.start, kidal.date.end),
        (date("2013-01-03"), date("2013-01-05"))
    );
    assert!(kidal.date.is_span());
    assert_eq!(kidal.date.precision, DatePrecision::FewDays);
    assert_eq!(
        (kidal.event_type, kidal.ucdp_violence),
        (Some(EventType::Battles), Some(1))
    );
    assert_eq!(kidal.claims.len(), 1);
    let c = &kidal.claims[0];
    assert_eq!(
        (c.claimant, c.source.as_str()),
        (Claimant::DatasetCoding, "UCDP GED")
    );
    assert_eq!((c.low, c.best, c.high), (Some(2), Some(3), Some(5)));
    assert_eq!(kidal.actor1.as_ref().unwrap().name, "Government of Mali");
    assert_eq!(kidal.actor2.as_ref().unwrap().name, "MNLA");
    let extra = kidal.ucdp.as_ref().unwrap();
    assert_eq!(extra.conflict_name.as_deref(), Some("Mali: Government"));
    assert_eq!(
        extra.source_original.as_deref(),
        Some("a \"resident\"\nand the army")
    );
    assert_eq!((extra.deaths_a, extra.deaths_b), (Some(1), Some(2)));
    assert_eq!(kidal.sources.len(), 1, "source_article kept whole (no ';')");
    assert_eq!(kidal.location.as_deref(), Some("Kidal town"));
    assert_eq!(kidal.admin1.as_deref(), Some("Kidal region"));

    // floats ("1002.0", "2013.0", "3.0") and low > best, stored as given
    let gao = by_id(&imp, "ucdp:1002");
    assert_eq!(gao.event_type, Some(EventType::ViolenceAgainstCivilians));
    assert!(gao.civilian_targeting);
    let c = &gao.claims[0];
    assert_eq!((c.low, c.best, c.high), (Some(9), Some(4), Some(6)));
    assert_eq!(c.range(), Some((4, 9)));
    assert_eq!(gao.fatalities(Scenario::Best), Some(4));
    assert_eq!(gao.fatalities(Scenario::Low), Some(4));
    assert_eq!(gao.fatalities(Scenario::High), Some(9));

    let menaka = by_id(&imp, "ucdp:1003");
    assert_eq!(menaka.date.precision, DatePrecision::Month);
    assert_eq!(menaka.geo_precision, GeoPrecision::Region);
    assert_eq!(
        menaka.geo_precision.describe(),
        "located to the region/province only"
    );
}

#[test]
fn ged_headerless_detected_by_shape() {
    let imp = import("ucdp_ged_headerless.csv");
    let r = &imp.report;
    assert_eq!(r.format, Format::UcdpGedCsv);
    assert_eq!((r.rows, r.events, r.rejected, r.fatalities), (2, 2, 0, 7));
    assert_eq!(
        r.warnings,
        ["no header row: columns taken in the standard UCDP GED order"]
    );
    let with_header = import("ucdp_ged.csv");
    for id in ["ucdp:1001", "ucdp:1002"] {
        assert_eq!(by_id(&imp, id), by_id(&with_header, id));
    }
}
