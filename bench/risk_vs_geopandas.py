#!/usr/bin/env python3
"""geopandas side of bench/risk_vs_geopandas.sh: assign ACLED events to admin-1 units with
gpd.sjoin and aggregate per unit, then print one JSON line shaped like
`sahel-risk risk ... --timing`: events, units, outside, compute_ms (plus its parts), threads.

    python bench/risk_vs_geopandas.py FILE [--units geodata/admin1.geojson]
                                           [--countries MLI,BFA,NER,BEN,TGO,GHA,CIV]
                                           [--level admin1]

Before the timer (not compared; the Rust side's import is measured by import_vs_pandas.sh):
  * pd.read_csv of longitude, latitude, fatalities, civilian_targeting, actor1;
    civilian_targeting turned into a bool (ACLED writes "Civilian targeting" or nothing),
    which the Rust importer also does while parsing;
  * gpd.read_file (pyogrio) of the units, kept: `country` in --countries and `level` == --level.
Inside the timer (compute_ms = points_ms + sjoin_ms + groupby_ms):
  * points_ms:  GeoDataFrame(..., geometry=gpd.points_from_xy(lon, lat)) - geopandas needs point
                geometries to join, the Rust side locates straight from the raw coordinates;
  * sjoin_ms:   gpd.sjoin(points, units, predicate="within", how="left") (STRtree on the units;
                a point on a unit's boundary is within no unit and counts as outside);
  * groupby_ms: outside count (no unit) and a groupby on the unit id: event count, fatalities
                sum, civilian-targeting count, distinct actor1 values.
One core (shapely/GEOS queries are single-threaded), so "threads" is 1.
"""

import argparse
import json
import resource
import sys
import time

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

COLUMNS = ["longitude", "latitude", "fatalities", "civilian_targeting", "actor1"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv")
    ap.add_argument("--units", default="geodata/admin1.geojson")
    ap.add_argument("--countries", default="MLI,BFA,NER,BEN,TGO,GHA,CIV")
    ap.add_argument("--level", default="admin1")
    args = ap.parse_args()

    # Not timed: reading the inputs.
    t0 = time.perf_counter()
    df = pd.read_csv(args.csv, usecols=COLUMNS)
    df["civilian"] = df.pop("civilian_targeting").notna()
    countries = args.countries.split(",")
    units = gpd.read_file(args.units)
    units = units[units["country"].isin(countries) & (units["level"] == args.level)]
    units = units[["id", "geometry"]].reset_index(drop=True)
    if units.empty:
        sys.exit(f"no units of level {args.level} for {args.countries} in {args.units}")
    read_s = time.perf_counter() - t0

    # Timed.
    t1 = time.perf_counter()
    points = gpd.GeoDataFrame(
        df[["fatalities", "civilian", "actor1"]],
        geometry=gpd.points_from_xy(df["longitude"], df["latitude"]),
        crs=units.crs,
    )
    t2 = time.perf_counter()
    joined = gpd.sjoin(points, units, predicate="within", how="left")
    t3 = time.perf_counter()
    outside = int(joined["index_right"].isna().sum())
    per_unit = joined.groupby("id").agg(
        events=("id", "size"),
        fatalities=("fatalities", "sum"),
        civilian=("civilian", "sum"),
        actors=("actor1", "nunique"),
    )
    t4 = time.perf_counter()

    # A point inside two (overlapping) units appears twice in the join.
    multi = int(joined.index.duplicated().sum())
    out = {
        "tool": "geopandas",
        "events": int(len(points)),
        "units": int(len(units)),
        "units_with_events": int(len(per_unit)),
        "outside": outside,
        "multi_unit": multi,
        "points_ms": round((t2 - t1) * 1e3, 1),
        "sjoin_ms": round((t3 - t2) * 1e3, 1),
        "groupby_ms": round((t4 - t3) * 1e3, 1),
        "compute_ms": round((t4 - t1) * 1e3, 1),
        "threads": 1,
        "read_s": round(read_s, 3),
        "fatalities": int(per_unit["fatalities"].sum()),
        "civilian": int(per_unit["civilian"].sum()),
        "python": sys.version.split()[0],
        "geopandas": gpd.__version__,
        "shapely": shapely.__version__,
        "geos": shapely.geos_version_string,
        "pyogrio": pyogrio.__version__,
        "pandas": pd.__version__,
        # Linux reports kilobytes.
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
