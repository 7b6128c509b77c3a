#!/usr/bin/env python3
"""Distance to the sea for many points: sahel-risk against shapely, in the same run.

    coast_vs_shapely.py gen --out FILE [--n 1000000] [--seed 6]
    coast_vs_shapely.py run --points FILE --coastline geodata/coastline.geojson --rust-cmd CMD
                            [--repeat 3] [--methods strtree,distance]

`gen` writes `lon,lat` rows, uniform in the data box (lon -18..16, lat 3..26), 5 decimals, from
Python's seeded Mersenne Twister: the same file on every machine. Run by coast_vs_shapely.sh.

`run` times
* the Rust command (it must print a JSON line with "points" and "ms"; "ms" is its own timing of
  the distances, file reading and index building excluded), on all cores and with
  RAYON_NUM_THREADS=1, best of --repeat runs;
* shapely on the same points and the same coastline, timing the distance computation only:
  - strtree: STRtree of the coastline's segments, `query_nearest(..., return_distance=True)`;
  - distance: `shapely.distance(points, MultiLineString)`.
  Shapely measures in planar degrees (no geodesic), on one core.
It prints one line per measurement and the ratios shapely / Rust.
"""

import argparse
import json
import os
import random
import shlex
import subprocess
import sys
import time

BOX = (-18.0, 16.0, 3.0, 26.0)


def gen(args):
    rng = random.Random(args.seed)
    lon0, lon1, lat0, lat1 = BOX
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write("lon,lat\n")
        for _ in range(args.n):
            lon = lon0 + (lon1 - lon0) * rng.random()
            lat = lat0 + (lat1 - lat0) * rng.random()
            f.write(f"{lon:.5f},{lat:.5f}\n")
    os.replace(tmp, args.out)


def run_rust(cmd, threads=None):
    env = dict(os.environ)
    if threads is not None:
        env["RAYON_NUM_THREADS"] = str(threads)
    start = time.perf_counter()
    proc = subprocess.run(shlex.split(cmd), capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"Rust command failed ({proc.returncode}): {cmd}\n{proc.stderr.strip()}")
    for line in reversed(proc.stdout.strip().splitlines()):
        try:
            summary = json.loads(line)
        except ValueError:
            continue
        if isinstance(summary, dict) and "ms" in summary and "points" in summary:
            return summary, wall
    sys.exit(f"no JSON summary with 'points' and 'ms' in the output of: {cmd}\n{proc.stdout[-2000:]}")


def best_rust(cmd, repeat, threads=None):
    runs = [run_rust(cmd, threads) for _ in range(repeat)]
    return min(runs, key=lambda r: r[0]["ms"])


def run(args):
    import numpy as np
    import shapely

    rust, rust_wall = best_rust(args.rust_cmd, args.repeat)
    rust1, rust1_wall = best_rust(args.rust_cmd, args.repeat, threads=1)

    xy = np.loadtxt(args.points, delimiter=",", skiprows=1)
    if len(xy) != rust["points"]:
        sys.exit(f"Rust read {rust['points']} points, the file has {len(xy)}")
    points = shapely.points(xy)
    with open(args.coastline, encoding="utf-8") as f:
        features = json.load(f)["features"]
    lines = [np.asarray(ft["geometry"]["coordinates"], dtype=float) for ft in features]
    coast = shapely.multilinestrings([shapely.linestrings(c) for c in lines])
    segments = shapely.linestrings(
        np.concatenate([np.stack([c[:-1], c[1:]], axis=1) for c in lines])
    )

    results = []
    for method in args.methods.split(","):
        if method == "strtree":
            start = time.perf_counter()
            tree = shapely.STRtree(segments)
            built = time.perf_counter()
            _, dist = tree.query_nearest(points, return_distance=True, all_matches=False)
            done = time.perf_counter()
            label = f"shapely STRtree of {len(segments)} segments, query_nearest (degrees, 1 core)"
            results.append((label, (done - built) * 1e3, (built - start) * 1e3, dist))
        elif method == "distance":
            start = time.perf_counter()
            dist = shapely.distance(points, coast)
            done = time.perf_counter()
            label = "shapely.distance(points, coastline MultiLineString) (degrees, 1 core)"
            results.append((label, (done - start) * 1e3, 0.0, dist))
        else:
            sys.exit(f"unknown method {method}")

    n = rust["points"]
    print(f"points: {n:,} (uniform in the box), coastline: {args.coastline}")
    print(f"shapely {shapely.__version__}, GEOS {shapely.geos_version_string}, numpy {np.__version__}")
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")
    print(f"Rust command: {args.rust_cmd}")
    threads = rust.get("threads", "?")
    print(f"  Rust geodesic, {threads} threads: {rust['ms']:9.1f} ms  "
          f"(process wall {rust_wall * 1e3:.0f} ms; best of {args.repeat})")
    print(f"  Rust geodesic, 1 thread:  {rust1['ms']:9.1f} ms  "
          f"(process wall {rust1_wall * 1e3:.0f} ms; best of {args.repeat})")
    for label, ms, build_ms, dist in results:
        extra = f" + {build_ms:.0f} ms tree build" if build_ms else ""
        print(f"  {label}: {ms:9.1f} ms{extra}")
        print(f"      ratio shapely / Rust: {ms / rust['ms']:6.1f}x all cores, "
              f"{ms / rust1['ms']:6.1f}x single thread")
    if len(results) == 2:
        agree = np.allclose(results[0][3], results[1][3], rtol=1e-9, atol=1e-12)
        print(f"  shapely methods agree: {agree}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("gen")
    g.add_argument("--out", required=True)
    g.add_argument("--n", type=int, default=1_000_000)
    g.add_argument("--seed", type=int, default=6)
    r = sub.add_parser("run")
    r.add_argument("--points", required=True)
    r.add_argument("--coastline", required=True)
    r.add_argument("--rust-cmd", required=True)
    r.add_argument("--repeat", type=int, default=3)
    r.add_argument("--methods", default="strtree,distance")
    args = parser.parse_args()
    gen(args) if args.command == "gen" else run(args)


if __name__ == "__main__":
    main()
