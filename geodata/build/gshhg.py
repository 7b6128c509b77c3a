"""Helpers for GMT's multisegment dumps of the binned GSHHG data (stdlib only).

`gmt coast -M -W|-I` prints the coastline, lake shores and rivers cut at the
boundaries of GSHHG's storage bins ("> Shore Bin # 6111, Level 1").  The pieces
share their end points exactly, so they are joined back into whole lines and
rings here."""
import math
from collections import defaultdict

R_KM = 6371.0088


def read_segments(path):
    """[(level, [(lon, lat), ...]), ...] in file order; empty segments dropped."""
    segs, cur = [], None
    with open(path, encoding="ascii") as f:
        for line in f:
            if line.startswith(">"):
                level = int(line.rsplit("Level", 1)[1].strip().rstrip(","))
                cur = (level, [])
                segs.append(cur)
            elif line.strip():
                x, y = line.split()[:2]
                pt = (float(x), float(y))
                if not cur[1] or cur[1][-1] != pt:
                    cur[1].append(pt)
    return [s for s in segs if len(s[1]) > 1]


def join(lines):
    """Join polylines that meet end to end at nodes where exactly two ends meet.

    Returns a list of point lists; a closed result has first == last.
    Deterministic: follows input order."""
    ends = defaultdict(list)
    out = []
    open_idx = []
    for i, s in enumerate(lines):
        if s[0] == s[-1]:
            continue
        ends[s[0]].append((i, 0))
        ends[s[-1]].append((i, 1))
        open_idx.append(i)
    used = set()
    closed_done = set()
    for i, s in enumerate(lines):
        if s[0] == s[-1]:
            out.append(list(s))
            closed_done.add(i)
            continue
        if i in used:
            continue
        used.add(i)
        chain = list(s)
        # extend at the tail, then at the head (by reversing)
        for _ in range(2):
            last = (i, 1) if _ == 0 else (i, 0)
            while True:
                node = chain[-1]
                if chain[0] == chain[-1] and len(chain) > 2:
                    break
                cands = ends.get(node, [])
                if len(cands) != 2:
                    break
                nxt = cands[0] if cands[1] == last else cands[1]
                j, e = nxt
                if j in used:
                    break
                used.add(j)
                seg = lines[j] if e == 0 else lines[j][::-1]
                chain.extend(seg[1:])
                last = (j, 1 - e)
            if chain[0] == chain[-1]:
                break
            chain.reverse()
        else:
            chain.reverse()  # restore original direction after two reversals
        out.append(chain)
    return out


def ring_area_km2(ring):
    """Area of a closed lon/lat ring on the sphere (absolute value, km^2)."""
    s = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        s += math.radians(x2 - x1) * (2 + math.sin(math.radians(y1)) + math.sin(math.radians(y2)))
    return abs(s) * R_KM * R_KM / 2.0


def signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2.0


def point_in_ring(pt, ring):
    x, y = pt
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y):
            if x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def seg_dist_deg(p, a, b):
    """Distance from p to segment ab in degrees, longitudes scaled by cos(lat)."""
    k = math.cos(math.radians(p[1]))
    px, py = p[0] * k, p[1]
    ax, ay, bx, by = a[0] * k, a[1], b[0] * k, b[1]
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    t = 0.0 if L == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / L))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def dist_to_polyline(p, line):
    return min(seg_dist_deg(p, a, b) for a, b in zip(line, line[1:]))


def line_length_km(line):
    s = 0.0
    for (x1, y1), (x2, y2) in zip(line, line[1:]):
        k = math.cos(math.radians((y1 + y2) / 2))
        s += math.hypot((x2 - x1) * k, y2 - y1)
    return s * math.pi / 180 * R_KM
