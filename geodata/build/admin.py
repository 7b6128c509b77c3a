"""admin1.geojson and bfa_provinces.geojson from Natural Earth admin-1 as
packaged by QGIS (world_map.gpkg, layer states_provinces).

usage: admin.py ADMIN1_CLIPPED WORKDIR OUTDIR
ADMIN1_CLIPPED is states_provinces clipped to the box and made valid by ogr2ogr
(see build.sh).  Burkina Faso comes as 45 provinces: they are written as they
are to bfa_provinces.geojson and dissolved (SpatiaLite ST_Union through
ogr2ogr's SQLite dialect) into the 13 regions for admin1.geojson."""
import os
import re
import subprocess
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (read_fc, qpolygons, geom_json, write_fc, invalid_count,  # noqa: E402
                    fold, key, slug)
from countries import NAME_BY_ISO3  # noqa: E402

# Burkina Faso: region -> provinces (Natural Earth spellings), 13 regions /
# 45 provinces, the organisation in force until 2025 (checked by spatial join).
BFA_REGIONS = {
    "Boucle du Mouhoun": ["Balé", "Banwa", "Kossi", "Mou Houn", "Nayala", "Sourou"],
    "Cascades": ["Komoé", "Léraba"],
    "Centre": ["Kadiogo"],
    "Centre-Est": ["Boulgou", "Koulpélogo", "Kouritenga"],
    "Centre-Nord": ["Bam", "Namentenga", "Sanmatenga"],
    "Centre-Ouest": ["Boulkiemdé", "Sanguié", "Sissili", "Ziro"],
    "Centre-Sud": ["Bazéga", "Nahouri", "Zoundwéogo"],
    "Est": ["Gnagna", "Gourma", "Komondjari", "Kompienga", "Tapoa"],
    "Hauts-Bassins": ["Houet", "Kénédougou", "Tuy"],
    "Nord": ["Loroum", "Passoré", "Yatenga", "Zondoma"],
    "Plateau-Central": ["Ganzourgou", "Kourwéogo", "Oubritenga"],
    "Sahel": ["Oudalan", "Séno", "Soum", "Yagha"],
    "Sud-Ouest": ["Bougouriba", "Ioba", "Noumbiel", "Poni"],
}
PROVINCE_REGION = {p: r for r, ps in BFA_REGIONS.items() for p in ps}

# Natural Earth adm0_a3 -> ISO 3166-1 alpha-3 where they differ.
ADM0_ISO3 = {"SAH": "ESH"}

# Proper names where Natural Earth's lack diacritics or use an old spelling
# (Natural Earth's own spelling is kept in alt_names).
NAME_OVERRIDES = {
    ("CIV", "Comoe"): "Comoé",
    ("GIN", "Boke"): "Boké",
    ("NGA", "Nassarawa"): "Nasarawa",
    ("LBR", "Gbapolu"): "Gbarpolu",
}

# Other spellings used by incident files (ACLED writes admin names without
# diacritics; OCHA/French usage), keyed by (ISO3, name as written here).
ALIASES = {
    ("MLI", "Timbuktu"): ["Tombouctou", "Tomboctou", "Timbuctoo"],
    ("MLI", "Ségou"): ["Segou"],
    ("NER", "Tillabéri"): ["Tillaberi", "Tillabery"],
    ("NER", "Agadez"): ["Agadès"],
    ("TCD", "Ville de N'Djamena"): ["N'Djamena", "Ndjamena"],
    ("TCD", "Barh El Gazel"): ["Bahr el Gazel", "Barh el Ghazel"],
    ("CMR", "Extrême-Nord"): ["Extreme North", "Far North"],
    ("MRT", "Hodh ech Chargui"): ["Hodh Ech Chargi", "Hodh el Chargui"],
    ("MRT", "Hodh el Gharbi"): ["Hodh El Gharbi"],
    ("NGA", "Federal Capital Territory"): ["FCT", "Abuja Federal Capital Territory"],
    ("DZA", "Tamanghasset"): ["Tamanrasset"],
    ("GHA", "Brong Ahafo"): ["Brong-Ahafo"],
    ("BFA", "Mou Houn"): ["Mouhoun"],
    ("BFA", "Nahouri"): ["Naouri"],
    ("BFA", "Komondjari"): ["Komandjari", "Komandjoari"],
    ("BFA", "Komoé"): ["Comoé"],
    ("BFA", "Bazéga"): ["Bazèga"],
    ("BFA", "Boucle du Mouhoun"): ["Boucle du Mouhoun", "Boucle-du-Mouhoun"],
    ("BFA", "Centre-Est"): ["Centre Est"],
    ("BFA", "Centre-Nord"): ["Centre Nord"],
    ("BFA", "Centre-Ouest"): ["Centre Ouest"],
    ("BFA", "Centre-Sud"): ["Centre Sud"],
    ("BFA", "Hauts-Bassins"): ["Hauts Bassins"],
    ("BFA", "Plateau-Central"): ["Plateau Central"],
    ("BFA", "Sud-Ouest"): ["Sud Ouest"],
}

_PREFIX = re.compile(r"^(Province|Prefecture|Region|Departement|Wilaya|District|Provincia|City|Sha`biyat)"
                     r"\s+(of\s+|du\s+|de\s+la\s+|de\s+l'\s*|des\s+|de\s+|d'\s*)?", re.I)
_SUFFIX = re.compile(r"\s+(Province|Prefecture|Region|Department|State|County|Division)$", re.I)


def clean_gn(s):
    if not s:
        return None
    s = _SUFFIX.sub("", _PREFIX.sub("", s.strip())).strip()
    return s or None


def candidates(iso3, name, ne_name, props):
    c = []
    if ne_name != name:
        c.append(ne_name)
    c += ALIASES.get((iso3, name), [])
    for v in (clean_gn(props.get("gn_name")), props.get("woe_name")):
        if v:
            c.append(v.strip())
    return c


def finish_alts(groups):
    """groups: {country: [(name, [candidate,...]), ...]} -> {(country, name): [alt,...]}.

    For each candidate the ASCII-folded form is added too.  Spellings of the
    unit's own name (same accent/case/punctuation-insensitive key) are kept
    unless they only differ in case.  Other candidates are dropped when their
    key is another unit's name in the same country or when two or more units
    of the country share them (Natural Earth's woe_name often names the parent
    or a neighbour)."""
    out = {}
    for country, units in groups.items():
        name_keys = {key(n): n for n, _ in units}
        expanded = {}
        for n, cands in units:
            lst = []
            for cnd in cands + [n]:
                for v in (cnd, fold(cnd)):
                    if v not in lst:
                        lst.append(v)
            expanded[n] = lst
        share = Counter(k for n, lst in expanded.items() for k in {key(v) for v in lst})
        for n, lst in expanded.items():
            seen = {n.casefold()}
            alts = []
            for v in lst:
                k = key(v)
                if v.casefold() in seen:
                    continue
                if k != key(n) and (k in name_keys or share[k] > 1):
                    continue
                seen.add(v.casefold())
                alts.append(v)
            out[(country, n)] = alts
    return out


def main(a1_in, work, out):
    raw = read_fc(a1_in)
    units = []  # (iso3, name, ne_name, props, geometry)
    for ft in raw:
        p = ft["properties"]
        iso3 = ADM0_ISO3.get(p["adm0_a3"], p["adm0_a3"])
        if iso3 not in NAME_BY_ISO3:
            raise SystemExit(f"admin-1 unit of unknown country {p['adm0_a3']}: {p['name']}")
        ne_name = p["name"]
        name = NAME_OVERRIDES.get((iso3, ne_name), ne_name)
        if not qpolygons(ft["geometry"]):
            continue  # nothing left inside the box
        units.append((iso3, name, ne_name, p, ft["geometry"]))

    # ---- Burkina Faso provinces -> regions
    prov = [u for u in units if u[0] == "BFA"]
    names = sorted(u[1] for u in prov)
    assert names == sorted(PROVINCE_REGION), \
        f"BF provinces differ from the table: {set(names) ^ set(PROVINCE_REGION)}"
    prov_src = os.path.join(work, "bfa_prov_src.geojson")
    write_fc(prov_src, [({"region": PROVINCE_REGION[u[1]]}, geom_json("MultiPolygon", qpolygons(u[4])))
                        for u in prov])
    reg_raw = os.path.join(work, "bfa_regions_raw.geojson")
    if os.path.exists(reg_raw):
        os.remove(reg_raw)
    subprocess.run(["ogr2ogr", "-f", "GeoJSON", reg_raw, prov_src, "-dialect", "sqlite", "-sql",
                    "SELECT region, ST_Union(geometry) AS geometry FROM bfa_prov_src GROUP BY region",
                    "-nlt", "MULTIPOLYGON", "-makevalid"], check=True)
    regions = {ft["properties"]["region"]: ft["geometry"] for ft in read_fc(reg_raw)}
    assert sorted(regions) == sorted(BFA_REGIONS), sorted(regions)

    # ---- alt names
    groups = {}
    for iso3, name, ne_name, p, _ in units:
        if iso3 == "BFA":
            continue
        groups.setdefault(iso3, []).append((name, candidates(iso3, name, ne_name, p)))
    groups["BFA"] = [(r, ALIASES.get(("BFA", r), [])) for r in BFA_REGIONS]
    groups["BFA/prov"] = [(name, candidates("BFA", name, ne_name, p)) for _, name, ne_name, p, _ in prov]
    alts = finish_alts(groups)

    # ---- admin1.geojson
    feats = []
    for iso3, name, _, _, geom in units:
        if iso3 == "BFA":
            continue
        feats.append(({"id": f"{iso3}-{slug(name)}", "name": name, "country": iso3,
                       "country_name": NAME_BY_ISO3[iso3], "alt_names": alts[(iso3, name)],
                       "level": "admin1"}, qpolygons(geom)))
    for r, geom in regions.items():
        feats.append(({"id": f"BFA-{slug(r)}", "name": r, "country": "BFA",
                       "country_name": NAME_BY_ISO3["BFA"], "alt_names": alts[("BFA", r)],
                       "level": "admin1"}, qpolygons(geom)))
    ids = Counter(f[0]["id"] for f in feats)
    assert max(ids.values()) == 1, [i for i, c in ids.items() if c > 1]
    feats.sort(key=lambda f: f[0]["id"])
    path = os.path.join(out, "admin1.geojson")
    write_fc(path, [(p, geom_json("MultiPolygon", q)) for p, q in feats])
    assert invalid_count(path, "admin1") == 0, "invalid admin1 polygons"

    # ---- bfa_provinces.geojson
    pf = []
    for _, name, _, _, geom in prov:
        pf.append(({"id": f"BFA-prov-{slug(name)}", "name": name, "country": "BFA",
                    "country_name": NAME_BY_ISO3["BFA"], "region": PROVINCE_REGION[name],
                    "alt_names": alts[("BFA/prov", name)], "level": "province"}, qpolygons(geom)))
    pf.sort(key=lambda f: f[0]["id"])
    path = os.path.join(out, "bfa_provinces.geojson")
    write_fc(path, [(p, geom_json("MultiPolygon", q)) for p, q in pf])
    assert invalid_count(path, "bfa_provinces") == 0, "invalid province polygons"
    per = Counter(f[0]["country"] for f in feats)
    print(f"admin: {len(feats)} admin-1 units ({', '.join(f'{c} {n}' for c, n in sorted(per.items()))}); "
          f"{len(pf)} BF provinces")


if __name__ == "__main__":
    main(*sys.argv[1:4])
