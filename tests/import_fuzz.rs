//! Property tests: no input panics the importer.
mod common;

use common::import_bytes;
use proptest::prelude::*;

const CURRENT: &[u8] = include_bytes!("fixtures/acled_current.csv");
const LEGACY: &[u8] = include_bytes!("fixtures/acled_legacy_2017.csv");
const UCDP: &[u8] = include_bytes!("fixtures/ucdp_ged.csv");
const API: &[u8] = include_bytes!("fixtures/acled_api.json");
const GEOJSON: &[u8] = include_bytes!("fixtures/geojson_acled.geojson");

fn fixture_bytes() -> impl Strategy<Value = &'static [u8]> {
    prop::sample::select(vec![CURRENT, LEGACY, UCDP, API, GEOJSON])
}

#[derive(Debug, Clone)]
enum Edit {
    Cut(usize),
    Insert(usize, u8),
    Delete(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let noise = prop::sample::select(b"\"\n\r,;{}[]:0\xff\xc3".to_vec());
    prop_oneof![
        any::<usize>().prop_map(Edit::Cut),
        (any::<usize>(), noise).prop_map(|(p, b)| Edit::Insert(p, b)),
        any::<usize>().prop_map(Edit::Delete),
    ]
}

fn apply(base: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut v = base.to_vec();
    for e in edits {
        let n = v.len().max(1);
        match *e {
            Edit::Cut(p) => v.truncate(p % n),
            Edit::Insert(p, b) => v.insert(p % (v.len() + 1), b),
            Edit::Delete(p) if !v.is_empty() => {
                v.remove(p % n);
            }
            Edit::Delete(_) => {}
        }
    }
    v
}

/// Splits a simple CSV (this test only uses it on fixtures) and permutes
/// its columns consistently.
fn shuffle_columns(data: &[u8], perm_seed: &[usize]) -> Vec<u8> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(data);
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let width = rows[0].len();
    let mut order: Vec<usize> = (0..width).collect();
    for (i, s) in perm_seed.iter().enumerate() {
        order.swap(i % width, s % width);
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in &rows {
        w.write_record(order.iter().map(|&i| &r[i])).unwrap();
    }
    w.into_inner().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import_bytes(&bytes);
    }

    #[test]
    fn random_text_never_panics(text in "[a-zA-Z0-9,;\"\n\r {}\\[\\]:.-]{0,600}") {
        let _ = import_bytes(text.as_bytes());
    }

    #[test]
    fn mangled_fixtures_never_panic(base in fixture_bytes(), edits in prop::collection::vec(edit(), 1..8)) {
        let data = apply(base, &edits);
        if let Ok(imp) = import_bytes(&data) {
            let r = &imp.report;
            prop_assert_eq!(r.rows, r.events + r.merged + r.rejected);
        }
    }

    #[test]
    fn shuffled_columns_import_the_same(seed in prop::collection::vec(any::<usize>(), 0..40)) {
        let data = shuffle_columns(CURRENT, &seed);
        let imp = import_bytes(&data).unwrap();
        prop_assert_eq!(imp.report.events, 9);
        prop_assert_eq!(imp.report.fatalities, 47);
        let kayes = imp.incidents.iter().find(|i| i.id == "MLI36001").unwrap();
        prop_assert_eq!(kayes.claims.len(), 3);
        prop_assert_eq!((kayes.lat, kayes.lon), (14.44776, -11.44393));
    }
}
