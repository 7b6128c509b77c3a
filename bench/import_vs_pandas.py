#!/usr/bin/env python3
"""pandas side of bench/import_vs_pandas.sh: read an ACLED CSV with
pd.read_csv and parse its event_date column with pd.to_datetime, then print
one JSON line: rows, seconds for each step, unparsed dates, date range and
the peak RSS of this process.

    python bench/import_vs_pandas.py FILE [--dates formats|mixed]

--dates formats (default): the formats ACLED files use ("1 July 2025",
"2025-07-01", "1-Jul-25", "01/07/2025", day first), each vectorised with an
explicit format, then format="mixed", dayfirst=True for anything left; the
fastest correct way to parse these dates with pandas.
--dates mixed: a single pd.to_datetime(format="mixed", dayfirst=True)
(slow: dateutil on every row)."""

import argparse
import json
import resource
import sys
import time

import pandas as pd

ACLED_FORMATS = ["%d %B %Y", "%Y-%m-%d", "%d-%b-%y", "%d/%m/%Y"]


def parse_dates(s: "pd.Series", mode: str) -> "pd.Series":
    if mode == "mixed":
        return pd.to_datetime(s, format="mixed", dayfirst=True, errors="coerce")
    d = pd.to_datetime(s, format=ACLED_FORMATS[0], errors="coerce")
    for fmt in ACLED_FORMATS[1:]:
        missing = d.isna() & s.notna()
        if not missing.any():
            break
        d[missing] = pd.to_datetime(s[missing], format=fmt, errors="coerce")
    missing = d.isna() & s.notna()
    if missing.any():
        d[missing] = pd.to_datetime(
            s[missing], format="mixed", dayfirst=True, errors="coerce"
        )
    return d


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv")
    ap.add_argument("--dates", choices=["formats", "mixed"], default="formats")
    args = ap.parse_args()

    t0 = time.perf_counter()
    df = pd.read_csv(args.csv)
    t1 = time.perf_counter()
    dates = parse_dates(df["event_date"], args.dates)
    t2 = time.perf_counter()

    ok = dates.dropna()
    out = {
        "pandas": pd.__version__,
        "python": sys.version.split()[0],
        "dates_mode": args.dates,
        "rows": int(len(df)),
        "read_csv_s": round(t1 - t0, 3),
        "to_datetime_s": round(t2 - t1, 3),
        "seconds": round(t2 - t0, 3),
        "unparsed_dates": int(dates.isna().sum()),
        "date_min": ok.min().strftime("%Y-%m-%d") if len(ok) else None,
        "date_max": ok.max().strftime("%Y-%m-%d") if len(ok) else None,
        # Linux reports kilobytes.
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
