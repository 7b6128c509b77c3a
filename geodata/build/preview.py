#!/usr/bin/env python3
"""Render a quick PNG preview of the bundled layers (developer aid; not run by build.sh).

usage: preview.py OUT.png [--box xmin,ymin,xmax,ymax] [--ppd N] LAYER...
LAYER is PATH.geojson[:fill=RRGGBB][:line=RRGGBB][:w=N] or PATH.csv[:dot=RRGGBB].
Plate carree, stdlib only (zlib + struct for the PNG)."""
import csv
import json
import struct
import sys
import zlib


def hexrgb(s):
    return tuple(int(s[i:i + 2], 16) for i in (0, 2, 4))


class Canvas:
    def __init__(self, box, ppd):
        self.box, self.ppd = box, ppd
        self.w = int(round((box[2] - box[0]) * ppd))
        self.h = int(round((box[3] - box[1]) * ppd))
        self.px = bytearray(b"\xff" * (self.w * self.h * 3))

    def xy(self, lon, lat):
        return ((lon - self.box[0]) * self.ppd, (self.box[3] - lat) * self.ppd)

    def put(self, x, y, c):
        if 0 <= x < self.w and 0 <= y < self.h:
            i = (y * self.w + x) * 3
            self.px[i:i + 3] = bytes(c)

    def line(self, p, q, c, w=1):
        (x0, y0), (x1, y1) = p, q
        n = int(max(abs(x1 - x0), abs(y1 - y0))) + 1
        r = w // 2
        for i in range(n + 1):
            t = i / n
            x, y = int(x0 + (x1 - x0) * t), int(y0 + (y1 - y0) * t)
            for dx in range(-r, w - r):
                for dy in range(-r, w - r):
                    self.put(x + dx, y + dy, c)

    def fill(self, rings, c):
        edges = []
        for ring in rings:
            pts = [self.xy(*p[:2]) for p in ring]
            edges += list(zip(pts, pts[1:]))
        if not edges:
            return
        ys = [y for e in edges for _, y in e]
        for row in range(max(0, int(min(ys))), min(self.h, int(max(ys)) + 1)):
            yc = row + 0.5
            xs = sorted(x0 + (yc - y0) * (x1 - x0) / (y1 - y0)
                        for (x0, y0), (x1, y1) in edges if (y0 <= yc) != (y1 <= yc))
            for a, b in zip(xs[0::2], xs[1::2]):
                for x in range(max(0, int(round(a))), min(self.w, int(round(b)))):
                    self.put(x, row, c)

    def png(self, path):
        raw = b"".join(b"\x00" + bytes(self.px[y * self.w * 3:(y + 1) * self.w * 3]) for y in range(self.h))

        def chunk(t, d):
            return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
        with open(path, "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0))
                    + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def polys(g):
    t, c = g["type"], g["coordinates"]
    if t == "Polygon":
        return [c]
    if t == "MultiPolygon":
        return c
    return []


def lines(g):
    t, c = g["type"], g["coordinates"]
    if t == "LineString":
        return [c]
    if t == "MultiLineString":
        return c
    if t == "Polygon":
        return c
    if t == "MultiPolygon":
        return [r for p in c for r in p]
    return []


def main(argv):
    box, ppd, layers = (-18.0, 3.0, 16.0, 26.0), 40, []
    it = iter(argv[1:])
    out = next(it)
    for a in it:
        if a == "--box":
            box = tuple(float(v) for v in next(it).split(","))
        elif a == "--ppd":
            ppd = float(next(it))
        else:
            layers.append(a)
    cv = Canvas(box, ppd)
    for spec in layers:
        path, *opts = spec.split(":")
        o = dict(x.split("=") for x in opts)
        if path.endswith(".csv"):
            c = hexrgb(o.get("dot", "000000"))
            for r in csv.DictReader(open(path, encoding="utf-8")):
                x, y = cv.xy(float(r["lon"]), float(r["lat"]))
                cv.put(int(x), int(y), c)
            continue
        for f in json.load(open(path, encoding="utf-8"))["features"]:
            g = f["geometry"]
            if "fill" in o:
                for p in polys(g):
                    cv.fill(p, hexrgb(o["fill"]))
            if "line" in o:
                for ln in lines(g):
                    pts = [cv.xy(*p[:2]) for p in ln]
                    for p, q in zip(pts, pts[1:]):
                        cv.line(p, q, hexrgb(o["line"]), int(o.get("w", 1)))
    cv.png(out)


if __name__ == "__main__":
    main(sys.argv)
