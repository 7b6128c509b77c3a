#!/usr/bin/env bash
# Cluster build of `sahel-risk clusters` against supercluster@8 on node, on the same points, in
# one run: per-zoom cluster counts (single points count as clusters of one) with the difference,
# both build times and the ratio. Exits 1 if a zoom differs by more than 5%.
#
# Both sides are timed the same way: REPS builds in one process, the fastest reported
# (`--reps` on our side; a loop in bench/supercluster.mjs, where it also warms the JIT), and
# the two sides take turns for ROUNDS rounds; each side's time is its fastest over all rounds.
# Taking turns matters on a shared machine: our REPS builds last well under a second, so one
# burst of load from elsewhere could slow all of them while supercluster's, spread over five
# seconds, escaped it. Each round's ratio and the median of them are printed too. Our first
# build in a fresh process (what a one-off command pays, with the memory still to be mapped)
# is printed as well.
#
#   bench/cluster_vs_supercluster.sh            # 1,000,000 synthetic Sahel points
#   N=300000 POINTS=bench-data/points_300k.csv bench/cluster_vs_supercluster.sh
#   INCIDENTS=bench-data/acled_1m.csv bench/cluster_vs_supercluster.sh   # an incident file's events
#
# Environment (defaults in brackets):
#   POINTS             lon,lat CSV both sides read [bench-data/points_1m.csv, or with INCIDENTS
#                      bench-data/points_of_<its name>.csv]
#   INCIDENTS          take the points from this incident file (any format `sahel-risk` imports,
#                      e.g. the 1M-row ACLED-format sample of bench/import_vs_pandas.sh)
#   N                  points to generate when POINTS does not exist [1000000]
#   RADIUS, MAX_ZOOM   clustering options, passed to both sides [60, 16] (extent is 512 on both)
#   REPS               builds per side, in one process; the best is reported [3]
#   ROUNDS             turns each side takes (one process per side per round) [3]
#   SAHEL_CLUSTER_CMD  our command; `--radius R --max-zoom Z --reps N` is appended; it must print
#                      {"events": N, "build_ms": N, "zooms": [{"zoom": 0, "clusters": N}, ...]}
#                      [target/release/sahel-risk clusters --points $POINTS --json]
#   SAHEL_POINTS_CMD   writes POINTS when missing
#                      [target/release/sahel-risk clusters --write-synthetic $N $POINTS, or with
#                      INCIDENTS target/release/sahel-risk clusters $INCIDENTS --write-points $POINTS]
# supercluster is installed (exact version) into bench-data/node_modules, which git ignores.
set -euo pipefail
cd "$(dirname "$0")/.."

SUPERCLUSTER_VERSION=8.0.1
INCIDENTS=${INCIDENTS:-}
N=${N:-1000000}
RADIUS=${RADIUS:-60}
MAX_ZOOM=${MAX_ZOOM:-16}
REPS=${REPS:-3}
ROUNDS=${ROUNDS:-3}
if [ -n "$INCIDENTS" ]; then
  POINTS=${POINTS:-bench-data/points_of_$(basename "${INCIDENTS%.*}").csv}
  SAHEL_POINTS_CMD=${SAHEL_POINTS_CMD:-"target/release/sahel-risk clusters $INCIDENTS --write-points $POINTS"}
else
  POINTS=${POINTS:-bench-data/points_1m.csv}
  SAHEL_POINTS_CMD=${SAHEL_POINTS_CMD:-"target/release/sahel-risk clusters --write-synthetic $N $POINTS"}
fi
if [ -z "${SAHEL_CLUSTER_CMD:-}" ]; then cargo build --release --quiet; fi
SAHEL_CLUSTER_CMD=${SAHEL_CLUSTER_CMD:-"target/release/sahel-risk clusters --points $POINTS --json"}

mkdir -p bench-data
if [ ! -f "$POINTS" ]; then
  echo "writing $POINTS: $SAHEL_POINTS_CMD" >&2
  eval "$SAHEL_POINTS_CMD"
fi
installed=$(node -p "require('./bench-data/node_modules/supercluster/package.json').version" 2>/dev/null || true)
if [ "$installed" != "$SUPERCLUSTER_VERSION" ]; then
  echo "installing supercluster@$SUPERCLUSTER_VERSION into bench-data/node_modules" >&2
  npm install --prefix bench-data --no-audit --no-fund --silent "supercluster@$SUPERCLUSTER_VERSION" >&2
fi

cold=$(eval "$SAHEL_CLUSTER_CMD --radius $RADIUS --max-zoom $MAX_ZOOM --reps 1")
# One JSON object per line and per round.
ours=""
theirs=""
for _ in $(seq "$ROUNDS"); do
  ours+=$(eval "$SAHEL_CLUSTER_CMD --radius $RADIUS --max-zoom $MAX_ZOOM --reps $REPS")$'\n'
  theirs+=$(node bench/supercluster.mjs "$POINTS" --radius "$RADIUS" --extent 512 --max-zoom "$MAX_ZOOM" --reps "$REPS")$'\n'
done

RADIUS="$RADIUS" REPS="$REPS" COLD="$cold" OURS="$ours" THEIRS="$theirs" node --input-type=module <<'JS'
const lines = (s) => s.trim().split('\n').map((l) => JSON.parse(l));
const ours = lines(process.env.OURS);
const theirs = lines(process.env.THEIRS);
const cold = JSON.parse(process.env.COLD);
const o = ours[0];
const sc = theirs[0];
const best = Math.min(...ours.map((r) => r.build_ms));
const scBest = Math.min(...theirs.map((r) => r.build_ms));
const same = (a, b) => JSON.stringify(a.zooms) === JSON.stringify(b.zooms);
if (!ours.every((r) => same(r, o)) || !theirs.every((r) => same(r, sc))) {
  console.error('cluster counts differ between rounds');
  process.exit(2);
}
if (o.events !== sc.events) {
  console.error(`different inputs: ${o.events} vs ${sc.events} events`);
  process.exit(2);
}
const pad = (s, n) => String(s).padStart(n);
console.log(`${o.events} points, radius ${process.env.RADIUS ?? 60}, extent 512`);
console.log(`${pad('zoom', 4)} ${pad('sahel-risk', 11)} ${pad(`supercluster@${sc.version}`, 20)} ${pad('diff', 8)}`);
let worst = 0;
for (const z of o.zooms) {
  const s = sc.zooms.find((x) => x.zoom === z.zoom);
  const diff = s.clusters ? (100 * (z.clusters - s.clusters)) / s.clusters : 0;
  worst = Math.max(worst, Math.abs(diff));
  console.log(`${pad(z.zoom, 4)} ${pad(z.clusters, 11)} ${pad(s.clusters, 20)} ${pad(diff.toFixed(2) + '%', 8)}`);
}
const ratios = ours.map((r, i) => theirs[i].build_ms / r.build_ms);
const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)];
for (const [i, r] of ours.entries()) {
  console.log(`round ${i + 1}, best of ${process.env.REPS} in one process: sahel-risk ${r.build_ms.toFixed(1)} ms,` +
    ` supercluster ${theirs[i].build_ms.toFixed(1)} ms (runs ${theirs[i].runs_ms.join(', ')}); ratio ${ratios[i].toFixed(1)}x`);
}
console.log(`build, best of ${ours.length} rounds: sahel-risk ${best.toFixed(1)} ms, supercluster` +
  ` ${scBest.toFixed(1)} ms; ratio ${(scBest / best).toFixed(1)}x (median of the rounds' ratios ${median.toFixed(1)}x)`);
console.log(`sahel-risk's one build in a fresh process: ${cold.build_ms.toFixed(1)} ms` +
  ` (${(scBest / cold.build_ms).toFixed(1)}x supercluster's best)`);
console.log(`largest per-zoom difference: ${worst.toFixed(2)}% (limit 5%)`);
process.exit(worst > 5 ? 1 : 0);
JS
