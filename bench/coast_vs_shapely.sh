#!/usr/bin/env bash
# Distance to the sea for 1,000,000 points: sahel-risk (geodesic km, rayon) against shapely
# (planar degrees, one core) on the same points and the same coastline, in the same run.
#
#   bash bench/coast_vs_shapely.sh
#
# Environment:
#   SAHEL_COAST_CMD   the Rust side; must print a JSON line {"points": N, "ms": T, ...}
#                     (default: target/release/sahel-risk coast --points bench-data/points_coast_1m.csv --json-summary,
#                     built first with cargo build --release --locked unless SAHEL_COAST_NO_BUILD=1)
#   COAST_REPEAT      Rust runs per setting, best kept (default 3)
#   SHAPELY_METHODS   strtree,distance (default both; `distance` takes ~20 s)
# Everything it creates stays in bench-data/ (gitignored): a Python venv with exact-pinned
# shapely/numpy from PyPI and the points file (deterministic, regenerated when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

SHAPELY_VERSION=2.2.0
NUMPY_VERSION=2.4.6
N=1000000
SEED=6
points=bench-data/points_coast_1m.csv
venv=bench-data/venv

mkdir -p bench-data
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import shapely, numpy, sys; sys.exit(shapely.__version__ != '$SHAPELY_VERSION' or numpy.__version__ != '$NUMPY_VERSION')" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check "shapely==$SHAPELY_VERSION" "numpy==$NUMPY_VERSION"
fi

stamp="$points.seed-$SEED-n-$N"
if [ ! -f "$points" ] || [ ! -f "$stamp" ]; then
  echo "generating $N points into $points (seed $SEED)"
  rm -f "$points".seed-*
  "$venv/bin/python" bench/coast_vs_shapely.py gen --out "$points" --n "$N" --seed "$SEED"
  touch "$stamp"
fi

if [ -z "${SAHEL_COAST_CMD:-}" ]; then
  SAHEL_COAST_CMD="target/release/sahel-risk coast --points $points --json-summary"
  if [ "${SAHEL_COAST_NO_BUILD:-0}" != 1 ]; then
    cargo build --release --locked --quiet --bin sahel-risk
  fi
fi

"$venv/bin/python" bench/coast_vs_shapely.py run \
  --points "$points" \
  --coastline geodata/coastline.geojson \
  --rust-cmd "$SAHEL_COAST_CMD" \
  --repeat "${COAST_REPEAT:-3}" \
  --methods "${SHAPELY_METHODS:-strtree,distance}"
