//! The threaded CSV path gives exactly the result of the sequential csv
//! crate reader: same incidents (merged monadic rows, newer timestamp
//! wins), same report (rows, merged, rejected lines, warnings and their
//! first lines, fatalities), whatever the chunk size and thread count.
mod common;

use std::sync::atomic::AtomicBool;

use common::fixture;
use proptest::prelude::*;
use sahel_risk::import::{ImportOptions, Imported, import_reader_with};

const SEQUENTIAL: ImportOptions = ImportOptions {
    threads: 1,
    chunk_bytes: 1 << 20,
    sequential: true,
};

fn run(data: &[u8], label: &str, opts: &ImportOptions) -> Result<Imported, String> {
    import_reader_with(
        data,
        label,
        data.len() as u64,
        &|_, _| {},
        &AtomicBool::new(false),
        opts,
    )
    .map_err(|e| e.to_string())
}

/// Chunk sizes from one byte (a chunk per record) to bigger than the data,
/// on the calling thread and on 2 and 3 workers.
fn configs() -> Vec<ImportOptions> {
    let mut v = Vec::new();
    for threads in [1, 2, 3] {
        for chunk_bytes in [1, 7, 64, 300, 1000, 1 << 20] {
            v.push(ImportOptions {
                threads,
                chunk_bytes,
                sequential: false,
            });
        }
    }
    v.push(ImportOptions::default());
    v
}

fn assert_same(data: &[u8], label: &str) {
    let want = run(data, label, &SEQUENTIAL);
    for opts in configs() {
        let got = run(data, label, &opts);
        match (&want, &got) {
            (Ok(w), Ok(g)) => {
                assert_eq!(g.report, w.report, "{label} {opts:?}");
                assert_eq!(g.incidents, w.incidents, "{label} {opts:?}");
            }
            _ => assert_eq!(got.as_ref().err(), want.as_ref().err(), "{label} {opts:?}"),
        }
    }
}

#[test]
fn every_fixture_the_same_through_small_chunks() {
    let dir = fixture("");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".py"))
        .collect();
    names.sort();
    assert!(names.len() >= 20, "{names:?}");
    for name in names {
        let data = std::fs::read(fixture(&name)).unwrap();
        assert_same(&data, &name);
    }
}

/// A small deterministic generator for awkward ACLED files.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Monadic duplicates far apart (across chunks), ties and newer timestamps,
/// quoted newlines, CRLF, blank lines, missing ids (generated from the
/// line), rejected rows, short rows, Latin-1 bytes, notes with claims.
fn awkward_acled(seed: u64, rows: usize) -> Vec<u8> {
    let mut r = Lcg(seed);
    let eol: &[u8] = if seed.is_multiple_of(2) {
        b"\r\n"
    } else {
        b"\n"
    };
    let mut out = Vec::new();
    out.extend_from_slice(
        b"event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,\
assoc_actor_1,inter1,actor2,inter2,country,admin1,location,latitude,longitude,geo_precision,\
source,notes,fatalities,tags,timestamp",
    );
    out.extend_from_slice(eol);
    for i in 0..rows {
        let id = match r.below(12) {
            0 => String::new(),
            1..=5 => format!("MLI{}", r.below(rows as u64 / 8 + 1)),
            _ => format!("BFO{i}"),
        };
        let date = match r.below(10) {
            0 => "32-Jan-21".to_string(),
            1 => "16-Feb-21".to_string(),
            2 => String::new(),
            _ => format!("{} March 2024", 1 + r.below(28)),
        };
        let (lat, lon) = match r.below(15) {
            0 => (String::new(), "1.5".to_string()),
            1 => ("-1.8".to_string(), "15.0".to_string()),
            2 => ("0".to_string(), "0".to_string()),
            _ => (format!("1{}.5", r.below(9)), format!("-{}.25", r.below(9))),
        };
        let notes = match r.below(6) {
            0 => "\"The Malian Armed Forces (FAMa) said they \"\"neutralized\"\" 12 militants.\""
                .to_string(),
            1 => "\"JNIM claimed it had killed 4 soldiers,\nin a statement.\"".to_string(),
            2 => "\"line one\r\nline two, \"\"quoted\"\"\"".to_string(),
            3 => "Caf\u{e9} burned".to_string(),
            _ => "plain".to_string(),
        };
        let mut row = format!(
            "{id},{date},{},1,Battles,Armed clash,{},,{},{},{},Mali,Mopti,Boni,{lat},{lon},{},\
\"Studio Tamani; RFI\",{notes},{},{},{}",
            if r.below(8) == 0 { "2020" } else { "2024" },
            ["JNIM", "FAMa", "Dozo"][r.below(3) as usize],
            ["Rebel group", "2", "Rioters"][r.below(3) as usize],
            ["", "FAMa", "Civilians (Mali)"][r.below(3) as usize],
            ["", "State forces", "7"][r.below(3) as usize],
            1 + r.below(3),
            ["0", "3", "12", "x", ""][r.below(5) as usize],
            ["", "crowd size=no report"][r.below(2) as usize],
            1_700_000_000 + r.below(4),
        )
        .into_bytes();
        match r.below(40) {
            0 => row.truncate(row.len() / 2),
            1 => row.extend_from_slice(b",extra"),
            2 => row.push(0xE9),
            _ => {}
        }
        out.extend_from_slice(&row);
        out.extend_from_slice(eol);
        if r.below(30) == 0 {
            out.extend_from_slice(eol);
        }
    }
    out
}

#[test]
fn awkward_files_the_same_through_small_chunks() {
    for seed in 0..6 {
        let data = awkward_acled(seed, 400);
        let want = run(&data, "gen.csv", &SEQUENTIAL).unwrap();
        assert!(want.report.merged > 20, "{:?}", want.report);
        assert!(want.report.rejected > 20, "{:?}", want.report);
        assert!(want.report.warnings.len() >= 5, "{:?}", want.report);
        assert_same(&data, "gen.csv");
    }
}

#[test]
fn odd_bytes_the_same() {
    // A character split by a delimiter (the fields back to back are UTF-8,
    // the raw line is not), Latin-1, a lone quote, a NUL.
    let header = "event_id_cnty,event_date,latitude,longitude,fatalities,notes\n";
    let rows: [&[u8]; 5] = [
        b"A1,1 July 2025,14.5,-4.2,3,ab\xc3,\xa9\n",
        b"A2,1 July 2025,14.5,-4.2,3,\"caf\xe9 \"\"x\"\"\"\n",
        b"A3,1 July 2025,14.5,-4.2,3,\"unclosed\n",
        b"A4,1 July 2025,14.5,-4.2,\x00,\"a\"b,c\n",
        b"A5,1 July 2025,14.5,-4.2,\"\xc3\"\xa9,x\r\n",
    ];
    for mask in 0..32u32 {
        let mut data = header.as_bytes().to_vec();
        for (i, r) in rows.iter().enumerate() {
            if mask & (1 << i) != 0 {
                data.extend_from_slice(r);
            }
        }
        assert_same(&data, "odd.csv");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn mangled_files_the_same(
        seed in any::<u64>(),
        cuts in prop::collection::vec((any::<usize>(), prop::sample::select(b"\"\n\r,;x\xff".to_vec())), 0..6),
        chunk in 1usize..400,
        threads in 1usize..4,
    ) {
        let mut data = awkward_acled(seed, 40);
        for (at, b) in cuts {
            let at = at % (data.len() + 1);
            data.insert(at, b);
        }
        let want = run(&data, "m.csv", &SEQUENTIAL);
        let got = run(&data, "m.csv", &ImportOptions { threads, chunk_bytes: chunk, sequential: false });
        match (&want, &got) {
            (Ok(w), Ok(g)) => {
                prop_assert_eq!(&g.report, &w.report);
                prop_assert_eq!(&g.incidents, &w.incidents);
            }
            _ => prop_assert_eq!(got.err(), want.err()),
        }
    }
}
