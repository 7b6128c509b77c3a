//! Hand-written date parser for the layouts found in ACLED and UCDP files:
//! "2024-01-01", "2013-01-03 00:00:00.000", "31 December 2020", "16-Feb-21",
//! "5-Aug-24", "12-September-22", "01-January-2015", and day-first
//! "15/02/2017" from legacy files. No allocation.

use chrono::NaiveDate;

/// A date as written; `two_digit_year` when the century must be inferred.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub two_digit_year: bool,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month from an English name or abbreviation of at least 3 letters
/// ("Feb", "Sept", "September"), case-insensitive.
fn month_from_name(word: &[u8]) -> Option<u32> {
    if word.len() < 3 || word.len() > 9 {
        return None;
    }
    let mut buf = [0u8; 9];
    for (b, w) in buf.iter_mut().zip(word) {
        *b = w.to_ascii_lowercase();
    }
    let w = &buf[..word.len()];
    MONTHS
        .iter()
        .position(|m| m.as_bytes()[0] == w[0] && m.as_bytes().starts_with(w))
        .map(|i| i as u32 + 1)
}

/// Splits off a leading run of bytes satisfying `f`.
fn take_while(s: &[u8], f: impl Fn(u8) -> bool) -> (&[u8], &[u8]) {
    let n = s.iter().position(|&b| !f(b)).unwrap_or(s.len());
    s.split_at(n)
}

fn digits_value(d: &[u8]) -> Option<u32> {
    if d.is_empty() || d.len() > 4 {
        return None;
    }
    Some(d.iter().fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')))
}

/// Parses the date part of `s`; `None` when it is no known layout or not a
/// real calendar date (with the two-digit century guessed as 20xx).
pub fn parse_date(s: &str) -> Option<ParsedDate> {
    let s = super::fields::trim(s).as_bytes();
    let (first, rest) = take_while(s, |b| b.is_ascii_digit());
    let sep = *rest.first()?;
    let p = if first.len() == 4 && (sep == b'-' || sep == b'/') {
        // ISO: 2024-01-01, possibly followed by a time.
        let (m, rest) = take_while(&rest[1..], |b| b.is_ascii_digit());
        if rest.first() != Some(&sep) || m.len() > 2 {
            return None;
        }
        let (d, tail) = take_while(&rest[1..], |b| b.is_ascii_digit());
        if d.len() > 2 || !(tail.is_empty() || tail[0] == b' ' || tail[0] == b'T') {
            return None;
        }
        ParsedDate {
            year: digits_value(first)? as i32,
            month: digits_value(m)?,
            day: digits_value(d)?,
            two_digit_year: false,
        }
    } else if (1..=2).contains(&first.len()) && (sep == b'/' || sep == b'.') {
        // 15/02/2017: day first (ACLED's legacy files), unless only a
        // month-first reading is possible (02/15/2017).
        let (m, rest) = take_while(&rest[1..], |b| b.is_ascii_digit());
        if rest.first() != Some(&sep) || !(1..=2).contains(&m.len()) {
            return None;
        }
        let (y, tail) = take_while(&rest[1..], |b| b.is_ascii_digit());
        if !tail.iter().all(|b| b.is_ascii_whitespace()) || !(y.len() == 2 || y.len() == 4) {
            return None;
        }
        let (a, b) = (digits_value(first)?, digits_value(m)?);
        let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
        let yv = digits_value(y)? as i32;
        ParsedDate {
            year: if y.len() == 2 { 2000 + yv } else { yv },
            month,
            day,
            two_digit_year: y.len() == 2,
        }
    } else if (1..=2).contains(&first.len()) && (sep == b'-' || sep == b' ') {
        // 31 December 2020, 16-Feb-21, 01-January-2015
        let (name, rest) = take_while(&rest[1..], |b| b.is_ascii_alphabetic());
        let month = month_from_name(name)?;
        let rest = match rest.first() {
            Some(b'-' | b' ') => &rest[1..],
            _ => return None,
        };
        let (y, tail) = take_while(rest, |b| b.is_ascii_digit());
        if !tail.iter().all(|b| b.is_ascii_whitespace()) || !(y.len() == 2 || y.len() == 4) {
            return None;
        }
        let yv = digits_value(y)? as i32;
        ParsedDate {
            year: if y.len() == 2 { 2000 + yv } else { yv },
            month,
            day: digits_value(first)?,
            two_digit_year: y.len() == 2,
        }
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(p.year, p.month, p.day)?;
    Some(p)
}

/// Turns a parsed date into a calendar date. A two-digit year takes the
/// century that agrees with `year_col` when one does (else 19xx for 70-99,
/// 20xx for 00-69). The flag is true when the result disagrees with
/// `year_col`.
pub fn resolve(p: ParsedDate, year_col: Option<i32>) -> Option<(NaiveDate, bool)> {
    let mut year = p.year;
    if p.two_digit_year {
        let yy = p.year % 100;
        year = match year_col {
            Some(y) if y == 2000 + yy => y,
            Some(y) if y == 1900 + yy => y,
            _ if yy >= 70 => 1900 + yy,
            _ => 2000 + yy,
        };
    }
    let d = NaiveDate::from_ymd_opt(year, p.month, p.day)?;
    let disagrees = year_col.is_some_and(|y| y != year);
    Some((d, disagrees))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str, year_col: Option<i32>) -> Option<(String, bool)> {
        let (d, dis) = resolve(parse_date(s)?, year_col)?;
        Some((d.to_string(), dis))
    }

    #[test]
    fn known_layouts() {
        let cases = [
            ("31 December 2020", "2020-12-31"),
            ("2024-01-01", "2024-01-01"),
            ("16-Feb-21", "2021-02-16"),
            ("5-Aug-24", "2024-08-05"),
            ("12-September-22", "2022-09-12"),
            ("15-Jul-22", "2022-07-15"),
            ("01-January-2015", "2015-01-01"),
            ("2013-01-03 00:00:00.000", "2013-01-03"),
            ("2013/1/3", "2013-01-03"),
            ("  1 july 2025 ", "2025-07-01"),
            ("3-Sept-19", "2019-09-03"),
            ("15/02/2017", "2017-02-15"),
            ("02/15/2017", "2017-02-15"),
            ("3.2.2017", "2017-02-03"),
        ];
        for (s, want) in cases {
            assert_eq!(ymd(s, None).map(|x| x.0).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn rejects_nonsense() {
        for s in [
            "",
            "NA",
            "2024-13-01",
            "31-Feb-21",
            "2024-01-01x",
            "Ju-12-2020",
            "12 Foo 2020",
            "1-Jan-2",
            "99999-01-01",
            "31 December",
            "-",
            "5-Aug-24-",
            "٣-Aug-24",
        ] {
            assert_eq!(parse_date(s), None, "{s:?}");
        }
    }

    #[test]
    fn two_digit_years_follow_year_column() {
        assert_eq!(
            ymd("16-Feb-97", Some(1997)),
            Some(("1997-02-16".into(), false))
        );
        assert_eq!(ymd("16-Feb-97", None), Some(("1997-02-16".into(), false)));
        assert_eq!(
            ymd("16-Feb-21", Some(2021)),
            Some(("2021-02-16".into(), false))
        );
        assert_eq!(
            ymd("16-Feb-21", Some(2020)),
            Some(("2021-02-16".into(), true))
        );
        assert_eq!(
            ymd("2024-01-01", Some(2023)),
            Some(("2024-01-01".into(), true))
        );
    }
}
