//! Detects the format from the first bytes of a file (never from its name).

use super::acled_map;
use super::fields::{Schema, normalize_header};
use super::report::Format;
use super::ucdp_map;

/// Bytes read ahead for detection.
pub const HEAD_LEN: usize = 64 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sniffed {
    Csv {
        format: Format,
        delimiter: u8,
        headerless: bool,
    },
    Json(Format),
}

fn magic(head: &[u8]) -> Option<&'static str> {
    let table: [(&[u8], &str); 9] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive (or an Excel .xlsx file); unzip it or save it as CSV first",
        ),
        (b"\x1f\x8b", "a gzip-compressed file; decompress it first"),
        (b"\xff\xfe", "UTF-16 text; save it as UTF-8 CSV"),
        (b"\xfe\xff", "UTF-16 text; save it as UTF-8 CSV"),
        (
            b"\xd0\xcf\x11\xe0",
            "an old Excel/Office document; save it as CSV",
        ),
    ];
    table
        .iter()
        .find(|(m, _)| head.starts_with(m))
        .map(|(_, what)| *what)
}

/// The bytes after `"key"` `:` (whitespace allowed) anywhere in `head`.
fn json_value_after<'a>(head: &'a [u8], key: &str) -> Vec<&'a [u8]> {
    let pat = format!("\"{key}\"");
    let pat = pat.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = head[i..].windows(pat.len()).position(|w| w == pat) {
        let mut j = i + p + pat.len();
        while head.get(j).is_some_and(|b| b.is_ascii_whitespace()) {
            j += 1;
        }
        if head.get(j) == Some(&b':') {
            j += 1;
            while head.get(j).is_some_and(|b| b.is_ascii_whitespace()) {
                j += 1;
            }
            out.push(&head[j..]);
        }
        i = i + p + pat.len();
    }
    out
}

fn sniff_json(head: &[u8]) -> Result<Format, String> {
    if json_value_after(head, "format")
        .iter()
        .any(|v| v.starts_with(b"\"sahel-risk\""))
    {
        return Ok(Format::SahelRisk);
    }
    let fc = json_value_after(head, "type")
        .iter()
        .any(|v| v.starts_with(b"\"FeatureCollection\""));
    if fc
        || json_value_after(head, "features")
            .iter()
            .any(|v| v.starts_with(b"["))
    {
        return Ok(Format::GeoJson);
    }
    if json_value_after(head, "data")
        .iter()
        .any(|v| v.starts_with(b"["))
    {
        return Ok(Format::AcledJson);
    }
    Err(
        "JSON without incident records (no ACLED API `data` array, no GeoJSON \
         FeatureCollection, no sahel-risk header)"
            .into(),
    )
}

/// The delimiter giving the most fields on the first line (outside quotes).
fn delimiter(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], i == 0)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

fn recognised(schema: &Schema, header: &[String], cols: &[usize]) -> usize {
    cols.iter()
        .filter(|&&c| header.iter().any(|h| schema.column(h) == Some(c)))
        .count()
}

fn sniff_csv(head: &[u8]) -> Result<Sniffed, String> {
    let delim = delimiter(head);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(head);
    let mut rec = csv::ByteRecord::new();
    match rdr.read_byte_record(&mut rec) {
        Ok(true) => {}
        _ => return Err("no readable first line".into()),
    }
    let header: Vec<String> = rec
        .iter()
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect();
    let csv = |format, headerless| Sniffed::Csv {
        format,
        delimiter: delim,
        headerless,
    };
    let u = &ucdp_map::SCHEMA;
    let strong = [
        ucdp_map::RELID,
        ucdp_map::TYPE_OF_VIOLENCE,
        ucdp_map::WHERE_PREC,
        ucdp_map::DATE_START,
        ucdp_map::SIDE_A,
    ];
    if recognised(u, &header, ucdp_map::SPECIFIC) >= 3 && recognised(u, &header, &strong) >= 1 {
        return Ok(csv(Format::UcdpGedCsv, false));
    }
    let a = &acled_map::SCHEMA;
    let all: Vec<usize> = (0..a.names.len()).collect();
    let core = [
        acled_map::EVENT_ID_CNTY,
        acled_map::EVENT_DATE,
        acled_map::EVENT_TYPE,
        acled_map::SUB_EVENT_TYPE,
        acled_map::FATALITIES,
        acled_map::ACTOR1,
        acled_map::NOTES,
    ];
    if recognised(a, &header, &all) >= 3 && recognised(a, &header, &core) >= 1 {
        return Ok(csv(Format::AcledCsv, false));
    }
    let field = |i: usize| rec.get(i).map(|f| String::from_utf8_lossy(f).into_owned());
    if ucdp_map::looks_like_row(field, rec.len()) {
        return Ok(csv(Format::UcdpGedCsv, true));
    }
    let mut preview: Vec<String> = header
        .iter()
        .take(6)
        .map(|h| normalize_header(h).chars().take(30).collect())
        .collect();
    if header.len() > 6 {
        preview.push("...".into());
    }
    Err(format!(
        "a table whose first line ({}) has no ACLED or UCDP GED columns and does not look \
         like a UCDP GED row",
        preview.join(", ")
    ))
}

/// Detects the format of a file from its first bytes (BOM already removed).
pub(crate) fn sniff(head: &[u8]) -> Result<Sniffed, String> {
    if let Some(what) = magic(head) {
        return Err(what.to_string());
    }
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        return Err("the file is empty".into());
    };
    if head.contains(&0) {
        return Err("binary data, not text".into());
    }
    match head[start] {
        b'{' => sniff_json(head).map(Sniffed::Json),
        b'[' => Err(
            "a JSON array; expected an ACLED API response with a `data` array, a \
                     GeoJSON FeatureCollection or a sahel-risk file"
                .into(),
        ),
        _ => sniff_csv(&head[start..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects() {
        let s = |b: &[u8]| sniff(b);
        assert_eq!(
            s(b"{\"format\": \"sahel-risk\", \"version\":1}"),
            Ok(Sniffed::Json(Format::SahelRisk))
        );
        assert_eq!(
            s(b" {\"type\":\"FeatureCollection\",\"features\":[]}"),
            Ok(Sniffed::Json(Format::GeoJson))
        );
        assert_eq!(
            s(b"{\"status\":200,\"data\" : [ {} ]}"),
            Ok(Sniffed::Json(Format::AcledJson))
        );
        assert!(
            s(b"{\"hello\":1}")
                .unwrap_err()
                .contains("JSON without incident")
        );
        assert_eq!(s(b"").unwrap_err(), "the file is empty");
        assert!(s(b"\x89PNG\r\n\x1a\n\0\0").unwrap_err().contains("PNG"));
        assert!(s(b"Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,100\n").is_err());
        let acled = b"event_date;year;latitude;longitude;fatalities\n";
        assert_eq!(
            s(acled),
            Ok(Sniffed::Csv {
                format: Format::AcledCsv,
                delimiter: b';',
                headerless: false
            })
        );
        let ucdp = b"id,relid,year,type_of_violence,best,low,high,latitude,longitude,date_start\n";
        assert_eq!(
            s(ucdp),
            Ok(Sniffed::Csv {
                format: Format::UcdpGedCsv,
                delimiter: b',',
                headerless: false
            })
        );
    }
}
