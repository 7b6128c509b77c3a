#!/usr/bin/env bash
# Admin-1 risk aggregation: `sahel-risk risk FILE --level admin1 --timing` against geopandas
# (points_from_xy + sjoin(predicate="within") + groupby) on the same generated 1,000,000-row ACLED
# CSV and the same units, in the same run: each side assigns every event to an admin-1 unit of
# MLI, BFA (its 13 regions), NER, BEN, TGO, GHA and CIV (76 units of geodata/admin1.geojson,
# level "admin1") and computes per-unit aggregates. Median and best of BENCH_RUNS runs each, the
# two tools taking turns so both see the same machine load.
#
#   bench/risk_vs_geopandas.sh
#
# What is timed (CSV import excluded on both sides; import_vs_pandas.sh measures it):
#   sahel-risk  compute_ms = assign_ms + score_ms from the JSON line `--timing` prints on stderr
#               (all cores, rayon).
#   geopandas   compute_ms from bench/risk_vs_geopandas.py: building the point GeoDataFrame
#               (points_from_xy) is INSIDE the timer - geopandas must make geometries to join,
#               and sahel-risk locates straight from the raw coordinates - then gpd.sjoin(points,
#               units, predicate="within", how="left") and a groupby on the unit id (events,
#               fatalities sum, civilian-targeting count, distinct actor1). pd.read_csv of the
#               needed columns and reading the units (pyogrio) happen before the timer. One core.
# The process wall times are printed too (they include the CSV import and, for geopandas,
# Python start-up and imports), for information only.
# Checks: both sides see the same number of events and about the same number of events outside
# every unit (boundary handling may differ slightly: at most 0.1% of the events apart); the
# script exits 1 after printing everything if not.
#
# Everything it makes goes to bench-data/ (gitignored): a Python venv bench-data/venv-geo with
# pinned geopandas, shapely 2, pyogrio, pandas, numpy and pyproj from PyPI (separate from the
# pandas venv of import_vs_pandas.sh), and bench-data/acled_1m.csv (about 480 MB, made once by
# the gen_acled example; synthetic, no real ACLED data).
#
# Environment (all optional):
#   BENCH_DATA         data directory (default bench-data)
#   BENCH_RUNS         runs per tool (default 3)
#   SAHEL_RISK_CMD     command taking `FILE --level admin1 --format csv --timing` and printing the
#                      timing JSON line on stderr, instead of building (cargo build --release) and
#                      running `target/release/sahel-risk risk`; split like a shell command line
#                      (quotes honoured), e.g. to check the output format without the binary:
#                      SAHEL_RISK_CMD='sh -c '\''echo "{\"events\":1000000,\"units\":76,\"outside\":2808,\"assign_ms\":100,\"score_ms\":30,\"compute_ms\":130,\"threads\":2}" >&2'\'
#   GEOPANDAS_VERSION  geopandas version to install (default 1.2.0, the latest on PyPI when
#                      written; the other pins below are what it was measured with)
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${BENCH_DATA:-bench-data}
RUNS=${BENCH_RUNS:-3}
GEOPANDAS_VERSION=${GEOPANDAS_VERSION:-1.2.0}
SHAPELY_VERSION=2.2.0
PYOGRIO_VERSION=0.13.0
PANDAS_VERSION=3.1.1
NUMPY_VERSION=2.4.6
PYPROJ_VERSION=3.7.2
CSV="$DATA/acled_1m.csv"
ROWS=1000000
UNITS=geodata/admin1.geojson
COUNTRIES=MLI,BFA,NER,BEN,TGO,GHA,CIV
LEVEL=admin1
mkdir -p "$DATA"

# geopandas, pinned, in its own venv.
VENV="$DATA/venv-geo"
PY="$VENV/bin/python"
if [ ! -x "$PY" ]; then
  python3 -m venv "$VENV"
fi
if ! "$PY" - <<EOF 2>/dev/null
import sys, geopandas, shapely, pyogrio, pandas, numpy, pyproj
want = {geopandas: "$GEOPANDAS_VERSION", shapely: "$SHAPELY_VERSION", pyogrio: "$PYOGRIO_VERSION",
        pandas: "$PANDAS_VERSION", numpy: "$NUMPY_VERSION", pyproj: "$PYPROJ_VERSION"}
sys.exit(any(m.__version__ != v for m, v in want.items()))
EOF
then
  "$PY" -m pip install --quiet --disable-pip-version-check \
    "geopandas==$GEOPANDAS_VERSION" "shapely==$SHAPELY_VERSION" "pyogrio==$PYOGRIO_VERSION" \
    "pandas==$PANDAS_VERSION" "numpy==$NUMPY_VERSION" "pyproj==$PYPROJ_VERSION"
fi

# The Rust side.
if [ -n "${SAHEL_RISK_CMD:-}" ]; then
  eval "RISK=($SAHEL_RISK_CMD)"
  RISK_SHOWN=$SAHEL_RISK_CMD
else
  cargo build --release --quiet
  RISK=(target/release/sahel-risk risk)
  RISK_SHOWN="${RISK[*]}"
fi

# The input, made once.
if [ ! -s "$CSV" ]; then
  cargo run --release --quiet --example gen_acled -- "$CSV.part" "$ROWS"
  mv "$CSV.part" "$CSV"
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# Warm the page cache so neither tool pays for the first read from disk.
cat "$CSV" >/dev/null

for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS: sahel-risk" >&2
  t0=$EPOCHREALTIME
  if ! "${RISK[@]}" "$CSV" --level "$LEVEL" --format csv --timing >/dev/null 2>"$TMP/sahel.$i.err"; then
    cat "$TMP/sahel.$i.err" >&2
    echo "sahel-risk failed: ${RISK[*]} $CSV --level $LEVEL --format csv --timing" >&2
    exit 1
  fi
  t1=$EPOCHREALTIME
  echo "$t0 $t1" >"$TMP/sahel.$i.wall"
  echo "run $i/$RUNS: geopandas" >&2
  t0=$EPOCHREALTIME
  "$PY" bench/risk_vs_geopandas.py "$CSV" --units "$UNITS" --countries "$COUNTRIES" --level "$LEVEL" \
    >"$TMP/geo.$i.json"
  t1=$EPOCHREALTIME
  echo "$t0 $t1" >"$TMP/geo.$i.wall"
done

"$PY" - "$TMP" "$RUNS" "$CSV" "$(nproc)" "$COUNTRIES" "$UNITS" "$RISK_SHOWN" <<'EOF'
import json, os, re, statistics, sys

tmp, runs, csv, cores, countries, units_file, risk_cmd = sys.argv[1:8]
runs = int(runs)

def timing_line(path):
    """The last line of the Rust side's stderr that is a JSON object with compute_ms."""
    for line in reversed(open(path).read().splitlines()):
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            # A fake SAHEL_RISK_CMD through `sh -c "echo {\"a\":1}"` loses its quotes: {a:1}.
            try:
                obj = json.loads(re.sub(r'([{,]\s*)([A-Za-z_]\w*)\s*:', r'\1"\2":', line))
            except ValueError:
                continue
        if isinstance(obj, dict) and "compute_ms" in obj:
            return obj
    sys.exit(f"no timing JSON line with compute_ms on the stderr of sahel-risk:\n{open(path).read()[-2000:]}")

def wall(path):
    t0, t1 = open(path).read().split()
    return float(t1) - float(t0)

s = [timing_line(f"{tmp}/sahel.{i}.err") for i in range(1, runs + 1)]
g = [json.loads(open(f"{tmp}/geo.{i}.json").read().splitlines()[-1]) for i in range(1, runs + 1)]
s_wall = [wall(f"{tmp}/sahel.{i}.wall") for i in range(1, runs + 1)]
g_wall = [wall(f"{tmp}/geo.{i}.wall") for i in range(1, runs + 1)]

med = statistics.median
def col(rep, key):
    return [float(r[key]) for r in rep]

s_ms, g_ms = col(s, "compute_ms"), col(g, "compute_ms")
g0, s0 = g[0], s[0]
size_mb = os.path.getsize(csv) / 1e6

print(f"\n{csv}: {size_mb:.0f} MB, {g0['events']:,} events; {g0['units']} units ({g0['units_with_events']} with events) "
      f"of level admin1 in {countries} ({units_file}); {cores} cores; {runs} runs each, taking turns")
print(f"python {g0['python']}, geopandas {g0['geopandas']}, shapely {g0['shapely']} (GEOS {g0['geos']}), "
      f"pyogrio {g0['pyogrio']}, pandas {g0['pandas']}")
print(f"sahel-risk command: {risk_cmd} FILE --level admin1 --format csv --timing\n")

print(f"{'tool':<38} {'median ms':>10} {'best ms':>10} {'threads':>8} {'wall s':>8}")
print(f"{'sahel-risk risk (assign+score)':<38} {med(s_ms):>10.1f} {min(s_ms):>10.1f} "
      f"{str(s0.get('threads', '?')):>8} {med(s_wall):>8.2f}")
if all("assign_ms" in r and "score_ms" in r for r in s):
    print(f"  assign / score, median ms: {med(col(s, 'assign_ms')):.1f} / {med(col(s, 'score_ms')):.1f}")
print(f"{'geopandas points+sjoin+groupby':<38} {med(g_ms):>10.1f} {min(g_ms):>10.1f} {1:>8} {med(g_wall):>8.2f}")
print(f"  points_from_xy / sjoin / groupby, median ms: {med(col(g, 'points_ms')):.1f} / "
      f"{med(col(g, 'sjoin_ms')):.1f} / {med(col(g, 'groupby_ms')):.1f}; "
      f"read_csv+units (untimed) {med(col(g, 'read_s')):.2f} s; peak RSS {max(col(g, 'peak_rss_mb')):.0f} MB")
print("per run compute ms, sahel-risk:", ", ".join(f"{v:.1f}" for v in s_ms),
      "| geopandas:", ", ".join(f"{v:.1f}" for v in g_ms))
print("(wall s = whole process, median: includes the CSV import and, for geopandas, Python start-up)")

ok = True
msgs = []
s_events, g_events = int(s0["events"]), int(g0["events"])
if s_events == g_events and all(int(r["events"]) == s_events for r in s + g):
    msgs.append(f"events {s_events:,} on both sides")
else:
    ok = False
    msgs.append(f"EVENTS DIFFER: sahel-risk {[r['events'] for r in s]}, geopandas {[r['events'] for r in g]}")
s_out, g_out = int(s0["outside"]), int(g0["outside"])
diff = abs(s_out - g_out)
tol = max(1, g_events // 1000)
pct = 100 * diff / g_events if g_events else 0
close = diff <= tol
ok = ok and close
msgs.append(f"outside every unit: sahel-risk {s_out:,}, geopandas {g_out:,} (diff {diff:,} = {pct:.3f}% of events; "
            f"{'ok' if close else 'TOO FAR APART'}, tolerance {tol:,})")
msgs.append(f"units: sahel-risk {s0.get('units', '?')}, geopandas {g0['units']}")
if g0.get("multi_unit"):
    msgs.append(f"geopandas: {g0['multi_unit']:,} events within two units (counted in both)")
print("check: " + "; ".join(msgs))
print(f"ratio geopandas / sahel-risk: {med(g_ms) / med(s_ms):.1f}x (median compute_ms; best: {min(g_ms) / min(s_ms):.1f}x)")
sys.exit(0 if ok else 1)
EOF
