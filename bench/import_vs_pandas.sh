#!/usr/bin/env bash
# Import throughput: `sahel-risk inspect FILE --json` against pandas
# (pd.read_csv + pd.to_datetime on event_date) on the same generated
# 1,000,000-row ACLED CSV, in the same run: wall seconds, MB/s, rows/s and
# peak RSS (from /usr/bin/time -v), median of BENCH_RUNS runs each, the two
# tools taking turns so both see the same machine load.
#
#   bench/import_vs_pandas.sh
#
# Everything it makes goes to bench-data/ (gitignored): a Python venv with
# pinned pandas, and bench-data/acled_1m.csv (about 470 MB, made once by the
# gen_acled example; synthetic, no real ACLED data).
#
# Environment (all optional):
#   BENCH_DATA        data directory (default bench-data)
#   BENCH_ROWS        rows to generate (default 1000000)
#   BENCH_RUNS        runs per tool (default 3)
#   PANDAS_DATES      formats (default: ACLED's date formats, each
#                     vectorised) or mixed (format="mixed", dayfirst=True;
#                     much slower)
#   SAHEL_IMPORT_CMD  importer command taking `FILE --json` instead of
#                     building and running `target/release/sahel-risk inspect`
#                     (e.g. a scratch crate's import_file example)
#   SAHEL_GEN_CMD     generator command taking `OUT ROWS` instead of
#                     `cargo run --release --example gen_acled --`
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=${BENCH_DATA:-bench-data}
ROWS=${BENCH_ROWS:-1000000}
RUNS=${BENCH_RUNS:-3}
DATES=${PANDAS_DATES:-formats}
PANDAS_VERSION=3.1.1
if [ "$ROWS" = 1000000 ]; then CSV="$DATA/acled_1m.csv"; else CSV="$DATA/acled_$ROWS.csv"; fi
mkdir -p "$DATA"

# GNU time (peak RSS); Debian's `time` package.
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time
fi

# pandas, pinned, in a venv.
PY="$DATA/venv/bin/python"
if [ ! -x "$PY" ]; then
  python3 -m venv "$DATA/venv"
fi
if ! "$PY" -c "import pandas, sys; sys.exit(pandas.__version__ != '$PANDAS_VERSION')" 2>/dev/null; then
  "$PY" -m pip install --quiet --disable-pip-version-check "pandas==$PANDAS_VERSION"
fi

# The importer.
if [ -n "${SAHEL_IMPORT_CMD:-}" ]; then
  read -r -a IMPORT <<<"$SAHEL_IMPORT_CMD"
else
  cargo build --release --quiet
  IMPORT=(target/release/sahel-risk inspect)
fi

# The input, made once.
if [ ! -s "$CSV" ]; then
  if [ -n "${SAHEL_GEN_CMD:-}" ]; then
    read -r -a GEN <<<"$SAHEL_GEN_CMD"
  else
    GEN=(cargo run --release --quiet --example gen_acled --)
  fi
  "${GEN[@]}" "$CSV.part" "$ROWS"
  mv "$CSV.part" "$CSV"
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# Warm the page cache so neither tool pays for the first read from disk.
cat "$CSV" >/dev/null

for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS: sahel-risk" >&2
  /usr/bin/time -v -o "$TMP/sahel.$i.time" "${IMPORT[@]}" "$CSV" --json >"$TMP/sahel.$i.json"
  echo "run $i/$RUNS: pandas" >&2
  /usr/bin/time -v -o "$TMP/pandas.$i.time" "$PY" bench/import_vs_pandas.py "$CSV" --dates "$DATES" >"$TMP/pandas.$i.json"
done

"$PY" - "$TMP" "$RUNS" "$CSV" "$(nproc)" <<'EOF'
import json, os, re, statistics, sys

tmp, runs, csv, cores = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
size_mb = os.path.getsize(csv) / 1e6

def gnu_time(path):
    t = open(path).read()
    def field(name):
        return re.search(re.escape(name) + r": (.*)", t).group(1).strip()
    secs = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        secs = secs * 60 + float(part)
    return {
        "wall": secs,
        "user": float(field("User time (seconds)")),
        "sys": float(field("System time (seconds)")),
        "rss_mb": int(field("Maximum resident set size (kbytes)")) / 1024,
        "status": int(field("Exit status")),
    }

def last_json(path):
    lines = [l for l in open(path).read().splitlines() if l.strip()]
    return json.loads(lines[-1])

sahel = [gnu_time(f"{tmp}/sahel.{i}.time") for i in range(1, runs + 1)]
pandas = [gnu_time(f"{tmp}/pandas.{i}.time") for i in range(1, runs + 1)]
s_rep = [last_json(f"{tmp}/sahel.{i}.json") for i in range(1, runs + 1)]
p_rep = [last_json(f"{tmp}/pandas.{i}.json") for i in range(1, runs + 1)]
if any(r["status"] for r in sahel + pandas):
    sys.exit("a run failed: " + str([r["status"] for r in sahel + pandas]))

med = statistics.median
rows = s_rep[0]["rows"]
s_wall = med(r["wall"] for r in sahel)
p_wall = med(r["wall"] for r in pandas)
p_work = med(r["seconds"] for r in p_rep)

def line(tool, secs, n, rss, cpu):
    return f"{tool:<40} {secs:>8.2f} {size_mb / secs:>8.0f} {n / secs:>11,.0f} {rss:>9.0f} {cpu:>12}"

print(f"\n{csv}: {size_mb:.0f} MB, {rows:,} rows; {cores} cores; median of {runs} runs")
print(f"pandas {p_rep[0]['pandas']}, dates: {p_rep[0]['dates_mode']}\n")
print(f"{'tool':<40} {'seconds':>8} {'MB/s':>8} {'rows/s':>11} {'peak MB':>9} {'user+sys s':>12}")
print(line("sahel-risk inspect (process)", s_wall, rows, med(r["rss_mb"] for r in sahel),
           f"{med(r['user'] for r in sahel):.2f}+{med(r['sys'] for r in sahel):.2f}"))
print(line("pandas read_csv+to_datetime (in script)", p_work, p_rep[0]["rows"],
           med(r["rss_mb"] for r in pandas), "-"))
print(line("pandas (process, incl. python+import)", p_wall, p_rep[0]["rows"],
           med(r["rss_mb"] for r in pandas),
           f"{med(r['user'] for r in pandas):.2f}+{med(r['sys'] for r in pandas):.2f}"))
print(f"\nratio pandas/sahel-risk: {p_work / s_wall:.2f}x (pandas in-script time), "
      f"{p_wall / s_wall:.2f}x (process wall); peak memory sahel-risk/pandas: "
      f"{med(r['rss_mb'] for r in sahel) / med(r['rss_mb'] for r in pandas):.2f}")
print("per run, sahel-risk wall:", ", ".join(f"{r['wall']:.2f}" for r in sahel),
      "| pandas in-script:", ", ".join(f"{r['seconds']:.2f}" for r in p_rep),
      "| pandas wall:", ", ".join(f"{r['wall']:.2f}" for r in pandas))
s, p = s_rep[0], p_rep[0]
print(f"check: sahel-risk {s['rows']:,} rows, {s['events']:,} events, dates {s['date_min']}..{s['date_max']}; "
      f"pandas {p['rows']:,} rows, dates {p['date_min']}..{p['date_max']}, {p['unparsed_dates']} unparsed")
EOF
