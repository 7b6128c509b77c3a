"""Shared helpers for the geodata build (Python 3.11 stdlib only).

Geometry is written with coordinates quantised to 1e-5 degree (5 decimals)
as integers first, so rounding, de-duplication, ring closure and ring
orientation are exact and the output is byte-identical on every run."""
import json
import re
import subprocess
import unicodedata

BOX = (-18.0, 3.0, 16.0, 26.0)  # lon_min, lat_min, lon_max, lat_max
Q = 100000  # 5 decimals
QBOX = tuple(int(round(v * Q)) for v in BOX)

# ---------------------------------------------------------------- text


def fold(s):
    """ASCII fold: strip diacritics (Ségou -> Segou), keep case."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    repl = {"ß": "ss", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "OE", "œ": "oe",
            "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ʼ": "'", "’": "'", "‘": "'", "`": "'"}
    return "".join(repl.get(c, c) for c in s)


def key(s):
    """Matching key: folded, case-insensitive, punctuation-insensitive."""
    return re.sub(r"[^a-z0-9]+", "", fold(s).lower())


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", fold(s).lower()).strip("-")


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


# ---------------------------------------------------------------- numbers


def qv(v):
    return int(round(v * Q))


def fmt(i):
    """Integer 1e-5 units -> shortest decimal string with at most 5 decimals."""
    sign = "-" if i < 0 else ""
    i = abs(i)
    whole, frac = divmod(i, Q)
    if frac == 0:
        return f"{sign}{whole}" if (whole or not sign) else "0"
    return f"{sign}{whole}.{frac:05d}".rstrip("0")


# ---------------------------------------------------------------- geometry


def qline(coords):
    out = []
    for c in coords:
        p = (qv(c[0]), qv(c[1]))
        if not out or out[-1] != p:
            out.append(p)
    return out


def area2(ring):
    """Twice the signed planar area of a closed integer ring (exact)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))


def qring(coords, ccw):
    r = qline(coords)
    if len(r) > 1 and r[0] != r[-1]:
        r.append(r[0])
    # drop immediate back-tracks (spikes) that rounding can create: a,b,a
    changed = True
    while changed and len(r) >= 4:
        changed = False
        for i in range(1, len(r) - 1):
            if r[i - 1] == r[i + 1]:
                del r[i:i + 2]
                changed = True
                break
        if r and r[0] != r[-1]:
            r.append(r[0])
    if len(r) < 4:
        return None
    a = area2(r)
    if a == 0:
        return None
    if (a > 0) != ccw:
        r.reverse()
    return r


def polygons_of(geom):
    """List of polygons (each a list of rings of float coords) from any geometry."""
    if geom is None:
        return []
    t = geom["type"]
    if t == "Polygon":
        return [geom["coordinates"]]
    if t == "MultiPolygon":
        return list(geom["coordinates"])
    if t == "GeometryCollection":
        return [p for g in geom["geometries"] for p in polygons_of(g)]
    return []


def lines_of(geom):
    if geom is None:
        return []
    t = geom["type"]
    if t == "LineString":
        return [geom["coordinates"]]
    if t == "MultiLineString":
        return list(geom["coordinates"])
    if t == "GeometryCollection":
        return [ln for g in geom["geometries"] for ln in lines_of(g)]
    return []


def qpolygons(geom):
    """Quantised polygons: exterior CCW, holes CW (RFC 7946), degenerate rings dropped."""
    out = []
    for poly in polygons_of(geom):
        ext = qring(poly[0], True)
        if ext is None:
            continue
        holes = [h for h in (qring(r, False) for r in poly[1:]) if h is not None]
        out.append([ext] + holes)
    return out


def coords_json(c):
    if isinstance(c, tuple):
        return "[" + fmt(c[0]) + "," + fmt(c[1]) + "]"
    return "[" + ",".join(coords_json(x) for x in c) + "]"


def geom_json(gtype, coords):
    return '{"type":"' + gtype + '","coordinates":' + coords_json(coords) + "}"


def polygon_geom_json(polys, multi=True):
    if not multi:
        assert len(polys) == 1
        return geom_json("Polygon", polys[0])
    return geom_json("MultiPolygon", polys)


def write_fc(path, feats):
    """feats: list of (properties dict, geometry json string). Written in the given order."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        for i, (props, g) in enumerate(feats):
            f.write('{"type":"Feature","properties":' + json.dumps(props, ensure_ascii=False, separators=(",", ":"))
                    + ',"geometry":' + g + "}" + (",\n" if i + 1 < len(feats) else "\n"))
        f.write("]}\n")


def read_fc(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def invalid_count(path, layer):
    """Number of features GEOS (via GDAL's SQLite dialect) reports as invalid."""
    out = subprocess.run(
        ["ogrinfo", "-q", "-ro", path, "-dialect", "sqlite", "-sql",
         f'SELECT count(*) AS bad FROM "{layer}" WHERE ST_IsValid(geometry) = 0'],
        check=True, capture_output=True, text=True).stdout
    m = re.search(r"bad \(Integer\) = (\d+)", out)
    if not m:
        raise RuntimeError("cannot parse ogrinfo output: " + out)
    return int(m.group(1))


def bbox_of_ints(rings):
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    return min(xs), min(ys), max(xs), max(ys)
