"""Sanity checks on the built geodata; exits non-zero on the first failed check.

usage: check.py DIR"""
import csv
import json
import math
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BOX, invalid_count  # noqa: E402
from admin import BFA_REGIONS, PROVINCE_REGION  # noqa: E402

SCHEMA = {
    "countries": ["iso3", "name"],
    "land": [],
    "admin1": ["id", "name", "country", "country_name", "alt_names", "level"],
    "bfa_provinces": ["id", "name", "country", "country_name", "region", "alt_names", "level"],
    "coastline": ["level"],
    "lakes": ["name", "kind", "area_km2"],
    "rivers": ["name", "rank"],
}
GEOM = {
    "countries": {"MultiPolygon"}, "land": {"Polygon"}, "admin1": {"MultiPolygon"},
    "bfa_provinces": {"MultiPolygon"}, "coastline": {"LineString"}, "lakes": {"MultiPolygon"},
    "rivers": {"LineString"},
}
MAX_TOTAL_BYTES = 6 * 1024 * 1024

# National capitals inside the box (GeoNames ids): must be the only PPLC rows.
CAPITALS_IN_BOX = [
    (2460596, "Bamako"), (2357048, "Ouagadougou"), (2440485, "Niamey"), (2253354, "Dakar"),
    (2377450, "Nouakchott"), (2422465, "Conakry"), (2374775, "Bissau"), (2413876, "Banjul"),
    (2409306, "Freetown"), (2274895, "Monrovia"), (2279755, "Yamoussoukro"), (2306104, "Accra"),
    (2365267, "Lomé"), (2392087, "Porto-Novo"), (2352778, "Abuja"), (2427123, "N'Djamena"),
    (2220957, "Yaoundé"), (2309527, "Malabo"),
]
# Seats of the regions of Mali, Burkina Faso and Niger (the capitals excepted): must be PPLA.
SAHEL_SEATS = [
    (2455518, "Kayes"), (2454530, "Koulikoro"), (2451185, "Sikasso"), (2451478, "Ségou"),
    (2453348, "Mopti"), (2449067, "Timbuktu"), (2457163, "Gao"), (2455290, "Kidal"),
    (2453514, "Ménaka"), (2450173, "Taoudenni"),
    (2361477, "Dédougou"), (2362909, "Banfora"), (2354675, "Tenkodogo"), (2359608, "Kaya"),
    (2358946, "Koudougou"), (2358100, "Manga"), (2360886, "Fada N'gourma"), (2362344, "Bobo-Dioulasso"),
    (2357043, "Ouahigouya"), (2353257, "Ziniaré"), (2361082, "Dori"), (2360620, "Gaoua"),
    (2448085, "Agadez"), (2445704, "Diffa"), (2445488, "Dosso"), (2441291, "Maradi"),
    (2439376, "Tahoua"), (2438678, "Tillabéri"), (2437798, "Zinder"),
]


def fail(msg):
    raise SystemExit("check FAILED: " + msg)


def in_box(p):
    return BOX[0] <= p[0] <= BOX[2] and BOX[1] <= p[1] <= BOX[3]


def rings_of(g):
    if g["type"] == "Polygon":
        return g["coordinates"]
    if g["type"] == "MultiPolygon":
        return [r for p in g["coordinates"] for r in p]
    return []


def load(d, name):
    with open(os.path.join(d, name + ".geojson"), encoding="utf-8") as f:
        fc = json.load(f)
    feats = fc["features"]
    for ft in feats:
        if list(ft["properties"]) != SCHEMA[name]:
            fail(f"{name}: properties {list(ft['properties'])} != {SCHEMA[name]}")
        g = ft["geometry"]
        if g["type"] not in GEOM[name]:
            fail(f"{name}: geometry type {g['type']}")
        if g["type"] == "LineString":
            pts = g["coordinates"]
            if len(pts) < 2:
                fail(f"{name}: line with < 2 points")
        else:
            for r in rings_of(g):
                if len(r) < 4 or r[0] != r[-1]:
                    fail(f"{name}: ring not closed or too short")
            pts = [p for r in rings_of(g) for p in r]
        for p in pts:
            if len(p) != 2 or not in_box(p):
                fail(f"{name}: coordinate {p} outside the box")
            for v in p:
                if round(v, 5) != v:
                    fail(f"{name}: more than 5 decimals in {p}")
    if GEOM[name] & {"Polygon", "MultiPolygon"}:
        bad = invalid_count(os.path.join(d, name + ".geojson"), name)
        if bad:
            fail(f"{name}: {bad} invalid polygons")
    return feats


def near(pts, lon, lat, tol):
    return any(math.hypot(p[0] - lon, p[1] - lat) <= tol for p in pts)


def main(d):
    L = {n: load(d, n) for n in SCHEMA}

    iso = {f["properties"]["iso3"] for f in L["countries"]}
    for need in ["MLI", "BFA", "NER", "BEN", "TGO", "GHA", "CIV", "SEN", "MRT", "GIN", "NGA", "GMB",
                 "GNB", "SLE", "LBR", "TCD", "CMR", "DZA"]:
        if need not in iso:
            fail(f"countries: {need} missing")
    if not 20 <= len(L["countries"]) <= 26:
        fail(f"countries: {len(L['countries'])} features")

    a1 = [f["properties"] for f in L["admin1"]]
    ids = [p["id"] for p in a1]
    if len(set(ids)) != len(ids):
        fail("admin1: duplicate ids")
    by = {}
    for p in a1:
        by.setdefault(p["country"], set()).add(p["name"])
        if p["level"] != "admin1" or not isinstance(p["alt_names"], list):
            fail(f"admin1: bad level/alt_names in {p['id']}")
    if by.get("MLI") != {"Bamako", "Gao", "Kayes", "Kidal", "Koulikoro", "Mopti", "Sikasso", "Ségou", "Timbuktu"}:
        fail(f"admin1: Mali regions {sorted(by.get('MLI', []))}")
    if by.get("NER") != {"Agadez", "Diffa", "Dosso", "Maradi", "Niamey", "Tahoua", "Tillabéri", "Zinder"}:
        fail(f"admin1: Niger regions {sorted(by.get('NER', []))}")
    if by.get("BFA") != set(BFA_REGIONS):
        fail(f"admin1: Burkina Faso regions {sorted(by.get('BFA', []))}")
    if set(by) - iso:
        fail(f"admin1: countries without an admin-0 feature: {set(by) - iso}")
    alt = {p["name"]: p["alt_names"] for p in a1 if p["country"] == "MLI"}
    if "Tombouctou" not in alt["Timbuktu"] or "Segou" not in alt["Ségou"]:
        fail("admin1: Mali aliases missing")

    pv = [f["properties"] for f in L["bfa_provinces"]]
    if len(pv) != 45 or {p["name"] for p in pv} != set(PROVINCE_REGION):
        fail("bfa_provinces: not the 45 provinces")
    for p in pv:
        if p["region"] != PROVINCE_REGION[p["name"]] or p["level"] != "province" or p["country"] != "BFA":
            fail(f"bfa_provinces: {p}")
    if "Mouhoun" not in next(p for p in pv if p["name"] == "Mou Houn")["alt_names"]:
        fail("bfa_provinces: Mou Houn lacks alias Mouhoun")

    for f in L["coastline"]:
        c = f["geometry"]["coordinates"]
        for a, b in zip(c, c[1:]):
            if (a[0] == b[0] and a[0] in (BOX[0], BOX[2])) or (a[1] == b[1] and a[1] in (BOX[1], BOX[3])):
                fail(f"coastline: runs along the box edge at {a} {b}")
    coast = [p for f in L["coastline"] for p in f["geometry"]["coordinates"]]
    for city, lon, lat in [("Nouakchott", -15.98, 18.09), ("Dakar", -17.44, 14.69), ("Banjul", -16.58, 13.45),
                           ("Conakry", -13.7, 9.52), ("Freetown", -13.23, 8.48), ("Monrovia", -10.8, 6.3),
                           ("Abidjan", -4.0, 5.25), ("Accra", -0.2, 5.54), ("Lome", 1.22, 6.12),
                           ("Cotonou", 2.42, 6.35), ("Lagos", 3.4, 6.42), ("Douala", 9.6, 3.9)]:
        if not near(coast, lon, lat, 0.3):
            fail(f"coastline: nothing near {city}")
    lakes = {f["properties"]["name"] for f in L["lakes"]}
    for need in ["Lake Volta", "Lake Chad", "Kainji Lake", "Lac de Kossou", "Lac de Guiers", "Lac Faguibine"]:
        if need not in lakes:
            fail(f"lakes: {need} missing")
    if min(f["properties"]["area_km2"] for f in L["lakes"] if f["properties"]["kind"] == "lake") < 19:
        fail("lakes: a lake below the size cut")
    rivers = {f["properties"]["name"] for f in L["rivers"]}
    for need in ["Niger", "Senegal", "Gambia", "Bani", "Benue", "Black Volta", "White Volta"]:
        if need not in rivers:
            fail(f"rivers: {need} missing")

    with open(os.path.join(d, "places.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if list(rows[0]) != ["geonameid", "name", "asciiname", "alternatenames", "lat", "lon", "country",
                         "admin1", "population", "feature"]:
        fail("places: columns")
    gids = [int(r["geonameid"]) for r in rows]
    if gids != sorted(gids) or len(set(gids)) != len(gids):
        fail("places: not sorted by geonameid / duplicates")
    for r in rows:
        if not in_box((float(r["lon"]), float(r["lat"]))):
            fail(f"places: {r['name']} outside the box")
        if len(r["alternatenames"].split("|")) > 12:
            fail(f"places: too many alternates for {r['name']}")
    for g in [2460596, 2455518, 2458925, 2451711, 2452651, 2457077, 2452655, 2453383, 2453348, 2457163,
              2453514, 2361177, 2357048, 2440485, 2394819, 2365267, 2306104]:
        if g not in set(gids):
            fail(f"places: geonameid {g} missing")

    # feature: national capitals PPLC, admin-1 seats PPLA (build/ranks.py)
    by_gid = {int(r["geonameid"]): r for r in rows}
    feats = Counter(r["feature"] for r in rows)
    if set(feats) - {"", "PPLC", "PPLA"}:
        fail(f"places: unexpected feature codes {set(feats) - {'', 'PPLC', 'PPLA'}}")

    def want(gid, name, code):
        r = by_gid.get(gid)
        if r is None or r["name"] != name or r["feature"] != code:
            fail(f"places: {name} ({gid}) should be {code}, is {r and (r['name'], r['feature'])}")

    for gid, name in CAPITALS_IN_BOX:
        want(gid, name, "PPLC")
    if feats["PPLC"] != len(CAPITALS_IN_BOX):
        fail(f"places: {feats['PPLC']} PPLC rows, expected {len(CAPITALS_IN_BOX)}")
    for gid, name in SAHEL_SEATS:
        want(gid, name, "PPLA")
    want(2394819, "Cotonou", "PPLA")   # seat of government of Benin, seat of Littoral
    want(2293538, "Abidjan", "PPLA")   # seat of government of Côte d'Ivoire, seat of Lagunes
    pc = Counter(r["country"] for r in rows if r["feature"] == "PPLC")
    if max(pc.values()) != 1:
        fail(f"places: more than one PPLC in a country: {pc}")
    if not 150 <= feats["PPLA"] <= 260:
        fail(f"places: {feats['PPLA']} PPLA rows")
    if "Nioro du Sahel" not in by_gid[2452651]["alternatenames"].split("|") or by_gid[2452651]["name"] != "Nioro":
        fail("places: Nioro (2452651) must keep the alternate Nioro du Sahel")

    with open(os.path.join(d, "ATTRIBUTION.txt"), encoding="utf-8") as f:
        att = f.read()
    if att.count("\n") != 1 or not att.endswith("\n") or len(att.strip()) > 170:
        fail("ATTRIBUTION.txt must be one line under 170 characters")

    total = sum(os.path.getsize(os.path.join(d, n + ".geojson")) for n in SCHEMA)
    total += os.path.getsize(os.path.join(d, "places.csv"))
    if total > MAX_TOTAL_BYTES:
        fail(f"data files total {total} bytes > {MAX_TOTAL_BYTES}")
    print(f"check: all checks passed ({total / 1e6:.2f} MB of data)")


if __name__ == "__main__":
    main(sys.argv[1])
