"""Coastline, lakes and rivers from GSHHG 2.3.7 (via `gmt coast -M`) for the box.

usage: water.py WORKDIR OUTDIR
WORKDIR holds the GMT dumps written by build.sh:
  shore.txt      gmt coast -Dh -W -M -A1/1/1        sea shoreline (level 1), islands >= 1 km2
  lakes.txt      gmt coast -Dh -W -M -A0/2/2+l      lake shores (level 2, lakes)
  riverlakes.txt gmt coast -Dh -W -M -A0/2/2+r      level 2 "river-lakes" (wide river reaches)
  islands.txt    gmt coast -Dh -W -M -A0/3/3        islands in lakes (level 3)
  rivers1.txt    gmt coast -Dh -I1 -M               major rivers
  rivers2.txt    gmt coast -Dh -I2 -M               additional major rivers
"""
import json
import os
import subprocess
import sys
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BOX, QBOX, qline, qpolygons, geom_json, write_fc, invalid_count  # noqa: E402
from gshhg import (read_segments, join, ring_area_km2, point_in_ring,  # noqa: E402
                   dist_to_polyline)

MIN_LAKE_KM2 = 20.0        # smaller lakes are dropped ("keep it calm")
MIN_LAKE_ISLAND_KM2 = 1.0  # smaller islands in lakes are not cut out
RIVER_SNAP_DEG = 0.1       # a river vertex takes a reference's name within this distance
RIVERLAKE_SNAP_DEG = 0.2

# Lake names: a point inside each named lake (checked at build time: the build
# fails if a point is not inside a kept lake).  GSHHG has no names.
LAKE_NAMES = [
    ("Lake Chad", (13.8, 13.3)),          # GSHHG's outline is the large historic lake
    ("Lake Volta", (0.129, 7.618)),
    ("Lac de Kossou", (-5.542, 7.138)),
    ("Kainji Lake", (4.563, 10.39)),
    ("Lac Faguibine", (-3.869, 16.779)),
    ("Lac de Guiers", (-15.835, 16.258)),
    ("Lac de Guiers", (-15.877, 15.892)),  # GSHHG splits the lake in two rings
    ("Lac R'Kiz", (-15.3, 16.85)),
    ("Lac Débo", (-4.107, 15.323)),
    ("Lac Niangay", (-2.903, 15.857)),
    ("Lac de Léré", (14.15, 9.6)),
    ("Lac Togo", (1.417, 6.245)),
    ("Lac Ahémé", (1.969, 6.43)),
    ("Keta Lagoon", (0.957, 5.939)),
    ("Lac Nokoué", (2.455, 6.427)),
    ("Lagune de Porto-Novo", (2.596, 6.456)),
    ("Lekki Lagoon", (4.133, 6.511)),
    ("Lac de Mbakaou", (12.824, 6.36)),
    ("Lake Bosumtwi", (-1.41, 6.5)),
    ("Songor Lagoon", (0.47, 5.82)),
    ("Lac d'Ayamé", (-3.182, 5.718)),
    ("Lac Ossa", (10.01, 3.8)),
]

# Points where a continuous GSHHG river line changes name.
SPLIT_POINTS = [
    (-10.84, 13.81),  # Bafoulabe: Bafing (+ Bakoye) become the Senegal
    (10.9, 12.8),     # about where the Jama'are meets the Hadejia: Komadugu Yobe below
]

# River names: reference polylines (lon, lat) traced along each named river
# (sampled every ~0.25 degree along the GSHHG -Dh river lines and checked
# against the towns on each river).  Every river vertex takes the name of the
# nearest reference within RIVER_SNAP_DEG, and each stretch of river between
# junctions (and SPLIT_POINTS) takes the name most of its vertices hold, or
# null when no name holds a majority.
RIVER_REFS = {
    'Senegal': [
        [(-16.54, 15.8), (-16.51, 16.01)],
        [(-12.78, 15.15), (-12.57, 15.05), (-12.4, 14.85), (-12.16, 14.78), (-12.06, 14.72)],
        [(-12.06, 14.73), (-11.84, 14.61), (-11.61, 14.54), (-11.4, 14.43), (-11.24, 14.21), (-11.16, 14.04), (-11.06, 13.86), (-10.85, 13.81), (-10.84, 13.81)],
    ],
    'Bafing': [
        [(-10.84, 13.81), (-10.81, 13.58), (-10.75, 13.42), (-10.8, 13.24), (-10.58, 13.24), (-10.38, 13.17), (-10.35, 13.01), (-10.28, 12.84), (-10.24, 12.7), (-10.3, 12.46), (-10.34, 12.27), (-10.47, 12.12), (-10.59, 11.97), (-10.71, 11.79), (-10.82, 11.6), (-10.99, 11.57), (-11.12, 11.51)],
        [(-11.13, 11.51), (-11.3, 11.34), (-11.49, 11.21), (-11.59, 11.03), (-11.62, 10.82), (-11.76, 10.69), (-11.86, 10.55), (-12.05, 10.56), (-12.18, 10.47), (-12.2, 10.47)],
    ],
    'Niger': [
        [(-10.12, 10.53), (-10.23, 10.51), (-10.44, 10.5), (-10.63, 10.43), (-10.72, 10.29), (-10.81, 10.17), (-10.73, 9.97), (-10.64, 9.77), (-10.62, 9.52), (-10.6, 9.27), (-10.73, 9.09)],
        [(-9.29, 11.07), (-9.46, 10.96), (-9.55, 10.75), (-9.74, 10.64), (-9.91, 10.62), (-10.1, 10.54), (-10.12, 10.53)],
        [(-8.77, 11.61), (-8.93, 11.43), (-8.98, 11.42)],
        [(-7.29, 13.09), (-7.49, 12.94), (-7.69, 12.77), (-7.75, 12.71)],
        [(-4.17, 14.65), (-4.28, 14.43), (-4.47, 14.28), (-4.48, 14.25)],
        [(-3.98, 15.29), (-3.91, 15.07), (-3.9, 15.02)],
        [(-3.78, 16.08), (-3.89, 15.97)],
        [(-3.11, 16.57), (-3.18, 16.43)],
        [(-1.12, 17.06), (-1.21, 17.05)],
        [(-0.39, 16.96), (-0.55, 16.96)],
        [(-0.06, 16.27), (-0.11, 16.42)],
        [(0.75, 15.35), (0.58, 15.5), (0.49, 15.7), (0.3, 15.81)],
        [(0.89, 14.76), (0.77, 14.95), (0.66, 15.06)],
        [(2.63, 12.56), (2.53, 12.63), (2.43, 12.83), (2.36, 13.05), (2.33, 13.29), (2.13, 13.45), (1.95, 13.59), (1.72, 13.68), (1.54, 13.88), (1.5, 14.14), (1.3, 14.28), (1.11, 14.47), (1.09, 14.49)],
        [(2.84, 12.39), (2.69, 12.53), (2.63, 12.56)],
        [(3.56, 11.76), (3.35, 11.89), (3.2, 12.06), (3.02, 12.26), (2.84, 12.39)],
        [(4.12, 11.41), (3.9, 11.51), (3.85, 11.56)],
        [(4.62, 9.37), (4.59, 9.61), (4.62, 9.86)],
        [(6.38, 8.66), (6.14, 8.73), (6.1, 8.75)],
        [(5.5, 5.14), (5.71, 5.15), (5.91, 5.19), (6.1, 5.15), (6.28, 5.25), (6.48, 5.36), (6.48, 5.43)],
        [(6.05, 4.42), (6.09, 4.63), (6.11, 4.85), (6.24, 4.94), (6.28, 5.09), (6.35, 5.23), (6.5, 5.38)],
    ],
    'Gambia': [
        [(-15.3, 13.48), (-15.33, 13.68), (-15.08, 13.7), (-14.97, 13.64), (-14.82, 13.56), (-14.63, 13.45), (-14.53, 13.46), (-14.35, 13.33), (-14.17, 13.42), (-14.06, 13.39), (-13.89, 13.42), (-13.87, 13.51)],
        [(-13.87, 13.51), (-13.73, 13.46), (-13.69, 13.33), (-13.62, 13.24)],
        [(-13.62, 13.24), (-13.51, 13.31), (-13.38, 13.28), (-13.33, 13.11), (-13.2, 12.97), (-13.1, 12.81), (-12.95, 12.77), (-12.76, 12.7), (-12.54, 12.7), (-12.38, 12.83), (-12.24, 12.73), (-12.12, 12.68), (-12.21, 12.54), (-12.16, 12.37), (-12.07, 12.22), (-11.97, 12.06), (-11.77, 11.97), (-11.77, 11.92)],
        [(-11.77, 11.92), (-11.86, 11.72), (-11.93, 11.67)],
        [(-11.93, 11.67), (-12.1, 11.49), (-12.3, 11.44), (-12.31, 11.43)],
    ],
    'Black Volta': [
        [(-2.83, 11.0), (-2.8, 11.22), (-2.83, 11.39), (-2.79, 11.63), (-2.89, 11.76), (-2.87, 11.92), (-2.88, 12.1), (-2.84, 12.23), (-2.9, 12.38), (-3.11, 12.44), (-3.25, 12.57), (-3.36, 12.63), (-3.48, 12.72), (-3.54, 12.57), (-3.62, 12.4), (-3.77, 12.27), (-3.87, 12.1), (-3.98, 11.94), (-4.09, 11.75), (-4.21, 11.56), (-4.43, 11.5), (-4.63, 11.41), (-4.82, 11.31), (-5.05, 11.24), (-5.25, 11.14), (-5.32, 11.05)],
        [(-2.69, 9.48), (-2.76, 9.69), (-2.77, 9.88), (-2.79, 10.15), (-2.84, 10.32), (-2.88, 10.5), (-2.93, 10.72), (-2.82, 10.94), (-2.83, 11.0)],
        [(-1.71, 8.63), (-1.89, 8.53), (-1.83, 8.33), (-1.87, 8.26), (-2.09, 8.15), (-2.28, 8.29), (-2.37, 8.53), (-2.51, 8.73), (-2.62, 8.88), (-2.77, 9.06), (-2.66, 9.26), (-2.67, 9.46), (-2.69, 9.48)],
    ],
    'White Volta': [
        [(-0.34, 10.64), (-0.39, 10.83), (-0.36, 11.05), (-0.45, 11.25), (-0.52, 11.41), (-0.72, 11.53), (-0.76, 11.69), (-0.85, 11.88), (-1.0, 12.06), (-1.09, 12.26), (-1.07, 12.48), (-1.1, 12.67), (-1.15, 12.79), (-1.29, 12.98), (-1.49, 12.99), (-1.69, 13.06), (-1.91, 13.06), (-2.12, 13.05), (-2.05, 13.29), (-2.12, 13.5), (-2.06, 13.76), (-2.08, 14.0), (-2.08, 14.01)],
        [(-1.15, 9.12), (-1.26, 9.28), (-1.36, 9.44), (-1.33, 9.64), (-1.15, 9.7), (-0.97, 9.7), (-1.02, 9.89), (-1.06, 10.09), (-1.0, 10.24), (-1.06, 10.39), (-0.95, 10.51), (-0.83, 10.59), (-0.69, 10.56), (-0.54, 10.56), (-0.35, 10.63), (-0.34, 10.64)],
    ],
    'Pendjari': [
        [(0.89, 10.92), (0.96, 11.04), (1.1, 11.07), (1.15, 11.22), (1.28, 11.29), (1.38, 11.38), (1.55, 11.46), (1.74, 11.41), (1.88, 11.35), (1.76, 11.18), (1.68, 10.95), (1.58, 10.77), (1.47, 10.66)],
    ],
    'Oti': [
        [(0.77, 10.67), (0.85, 10.85), (0.89, 10.91)],
        [(0.23, 9.43), (0.22, 9.54), (0.33, 9.61), (0.35, 9.67), (0.34, 9.9), (0.39, 10.08), (0.4, 10.28), (0.55, 10.36), (0.57, 10.51), (0.69, 10.64), (0.77, 10.67)],
        [(0.26, 8.98), (0.23, 9.06), (0.2, 9.19), (0.22, 9.36), (0.23, 9.43)],
    ],
    'Volta': [
        [(0.21, 6.09), (0.11, 6.13)],
    ],
    'Benue': [
        [(9.03, 7.87), (9.3, 7.94), (9.39, 8.04)],
        [(10.14, 8.59), (10.3, 8.76), (10.57, 8.76), (10.78, 8.93), (10.98, 9.08), (11.18, 9.27), (11.4, 9.4), (11.62, 9.52), (11.86, 9.59), (12.14, 9.58), (12.36, 9.51), (12.5, 9.33), (12.72, 9.43), (12.93, 9.41), (13.11, 9.28), (13.33, 9.3), (13.53, 9.41), (13.54, 9.38)],
        [(13.53, 9.38), (13.7, 9.18), (13.86, 9.0), (13.99, 8.77), (13.97, 8.57), (13.96, 8.32), (13.77, 8.18), (13.73, 7.97), (13.51, 7.85), (13.52, 7.73)],
    ],
    'Bani': [
        [(-4.21, 14.51), (-4.21, 14.3), (-4.22, 14.11), (-4.38, 13.94), (-4.52, 13.81), (-4.66, 13.63), (-4.84, 13.41), (-5.08, 13.34), (-5.33, 13.28), (-5.54, 13.2)],
        [(-5.54, 13.2), (-5.78, 13.18), (-6.02, 13.15), (-6.22, 13.03), (-6.33, 12.87), (-6.46, 12.72), (-6.61, 12.54), (-6.86, 12.52), (-7.07, 12.61), (-7.13, 12.45)],
    ],
    "Jama'are": [
        [(10.9, 12.81), (10.7, 12.71), (10.54, 12.53), (10.42, 12.34), (10.29, 12.14), (10.16, 11.95), (10.03, 11.79), (9.96, 11.58), (9.92, 11.34), (9.74, 11.18), (9.64, 10.97), (9.56, 10.72), (9.46, 10.5), (9.25, 10.45), (9.12, 10.24), (8.99, 10.05), (8.91, 10.02)],
    ],
    'Komadugu Yobe': [
        [(12.15, 13.1), (11.99, 12.98), (11.87, 12.9), (11.68, 12.85), (11.48, 12.82), (11.29, 12.81), (11.07, 12.87), (10.9, 12.81)],
        [(13.32, 13.68), (13.19, 13.53), (13.04, 13.53), (12.85, 13.48), (12.75, 13.34), (12.58, 13.26), (12.49, 13.08), (12.28, 13.08), (12.15, 13.1)],
    ],
    'Chari': [
        [(14.56, 12.83), (14.69, 12.72), (14.83, 12.6), (14.9, 12.39), (14.89, 12.16), (15.04, 12.08)],
        [(15.05, 12.08), (15.22, 11.94), (15.31, 11.74), (15.33, 11.5), (15.42, 11.27), (15.43, 11.13)],
        [(15.43, 11.13), (15.54, 10.93), (15.77, 10.8), (16.0, 10.79)],
    ],
    'Logone': [
        [(15.04, 12.08), (15.04, 11.88), (15.06, 11.7), (15.1, 11.48), (15.02, 11.23), (15.04, 10.98), (15.1, 10.72), (15.19, 10.5), (15.31, 10.29), (15.49, 10.12), (15.68, 9.99)],
        [(15.68, 9.99), (15.83, 9.83), (15.97, 9.68), (16.0, 9.65)],
        [(15.86, 8.37), (15.86, 8.11), (15.75, 7.88), (15.58, 7.76), (15.32, 7.75), (15.12, 7.75), (14.88, 7.76), (14.66, 7.63), (14.42, 7.62), (14.17, 7.59), (13.93, 7.53), (13.68, 7.46), (13.5, 7.48), (13.5, 7.51)],
        [(16.0, 8.5), (15.86, 8.37)],
    ],
    'Ouémé': [
        [(2.56, 6.43), (2.48, 6.67), (2.44, 6.9), (2.42, 7.09), (2.42, 7.26), (2.43, 7.49), (2.5, 7.69)],
        [(2.5, 7.69), (2.38, 7.9), (2.34, 8.14), (2.34, 8.41), (2.21, 8.61), (2.23, 8.85), (2.22, 9.02)],
        [(2.22, 9.01), (2.27, 9.15), (2.28, 9.31), (2.34, 9.6), (2.42, 9.83), (2.5, 10.07), (2.63, 10.13)],
    ],
    'Comoé': [
        [(-3.72, 5.21), (-3.64, 5.39), (-3.59, 5.6), (-3.43, 5.78), (-3.39, 5.98), (-3.41, 6.17), (-3.49, 6.3), (-3.62, 6.41), (-3.68, 6.63), (-3.77, 6.73), (-3.73, 6.91), (-3.68, 7.04), (-3.62, 7.11), (-3.59, 7.27), (-3.51, 7.44), (-3.63, 7.58), (-3.79, 7.73), (-3.89, 7.89), (-3.98, 7.97), (-3.96, 8.13), (-4.0, 8.3), (-3.93, 8.47), (-3.94, 8.68), (-3.79, 8.77), (-3.9, 8.96), (-3.88, 9.09), (-3.91, 9.17), (-4.11, 9.26), (-4.18, 9.39), (-4.3, 9.59), (-4.31, 9.6)],
        [(-4.31, 9.6), (-4.47, 9.65), (-4.59, 9.71), (-4.76, 9.75), (-4.83, 9.86), (-4.96, 9.97), (-5.04, 10.1), (-5.1, 10.21), (-5.23, 10.32), (-5.44, 10.33), (-5.47, 10.55), (-5.46, 10.64)],
        [(-5.46, 10.64), (-5.35, 10.76)],
    ],
    'Saint Paul': [
        [(-10.76, 6.4), (-10.56, 6.56), (-10.56, 6.79), (-10.36, 6.9), (-10.2, 6.99), (-9.98, 7.11), (-9.78, 7.19), (-9.59, 7.29), (-9.43, 7.46), (-9.38, 7.69), (-9.35, 7.74)],
        [(-9.35, 7.74), (-9.2, 7.9), (-9.04, 8.1), (-9.07, 8.25), (-9.07, 8.5), (-9.06, 8.75), (-9.18, 8.72)],
    ],
    'Sassandra': [
        [(-6.07, 4.95), (-6.22, 5.12), (-6.29, 5.33), (-6.43, 5.5), (-6.58, 5.72), (-6.72, 5.87), (-6.77, 6.03), (-6.97, 6.18), (-7.05, 6.32), (-6.98, 6.4)],
        [(-6.98, 6.4), (-7.01, 6.58), (-7.0, 6.82), (-7.04, 7.02), (-7.07, 7.26), (-7.01, 7.48), (-7.07, 7.64), (-7.07, 7.71)],
        [(-7.07, 7.71), (-7.07, 7.96), (-7.12, 8.18), (-7.16, 8.41), (-7.21, 8.62), (-7.2, 8.84), (-7.24, 8.95)],
        [(-7.24, 8.95), (-7.22, 9.15), (-7.22, 9.35), (-7.21, 9.64), (-7.17, 9.71)],
    ],
    'Bandama': [
        [(-4.97, 5.14), (-4.87, 5.37), (-4.89, 5.56), (-4.83, 5.73), (-4.86, 5.96), (-4.99, 6.15), (-5.17, 6.28), (-5.21, 6.36)],
        [(-5.21, 6.36), (-5.3, 6.51), (-5.41, 6.64), (-5.5, 6.85), (-5.49, 7.01)],
        [(-5.48, 8.1), (-5.37, 8.25), (-5.51, 8.38), (-5.53, 8.47), (-5.6, 8.53)],
        [(-5.6, 8.53), (-5.54, 8.63), (-5.51, 8.75), (-5.45, 8.82), (-5.47, 8.95), (-5.5, 9.07), (-5.4, 9.24), (-5.31, 9.45), (-5.32, 9.6), (-5.47, 9.75), (-5.63, 9.76)],
        [(-5.63, 9.76), (-5.79, 9.71), (-6.02, 9.62), (-6.08, 9.4), (-6.04, 9.36)],
    ],
    'Mbam': [
        [(11.28, 4.4), (11.4, 4.61), (11.31, 4.8), (11.15, 4.85), (11.13, 5.05), (11.08, 5.29), (11.19, 5.47), (11.24, 5.7), (11.27, 5.89), (11.4, 6.02), (11.66, 6.09), (11.89, 6.21), (12.07, 6.34), (12.14, 6.54), (12.01, 6.8), (11.98, 7.08), (12.02, 7.23)],
    ],
    'Sanaga': [
        [(9.82, 3.63), (10.02, 3.73), (10.2, 3.84), (10.38, 4.0), (10.53, 4.02), (10.75, 4.07), (10.99, 4.15), (11.22, 4.31), (11.38, 4.49), (11.58, 4.38), (11.8, 4.44), (11.99, 4.6), (12.17, 4.6), (12.28, 4.72)],
        [(12.28, 4.72), (12.5, 4.85), (12.73, 4.96), (12.97, 5.0), (13.19, 4.91), (13.35, 5.07), (13.37, 5.29), (13.54, 5.34), (13.69, 5.31), (13.86, 5.4), (13.9, 5.54), (14.01, 5.63), (14.11, 5.74), (14.24, 5.88), (14.4, 6.02), (14.4, 6.21), (14.59, 6.38), (14.69, 6.61), (14.64, 6.73)],
    ],
    'Kadéï': [
        [(16.0, 3.55), (15.82, 3.7), (15.6, 3.77), (15.56, 3.97), (15.36, 4.02), (15.15, 4.07), (15.12, 4.11)],
        [(15.12, 4.11), (14.92, 4.11), (14.76, 4.23), (14.56, 4.17), (14.46, 4.26), (14.33, 4.38), (14.21, 4.56), (14.26, 4.82), (14.39, 4.97), (14.48, 5.16), (14.53, 5.29)],
        [(14.53, 5.29), (14.62, 5.52), (14.62, 5.78), (14.56, 5.91)],
    ],
}

# Reaches drawn by GSHHG as river-lake polygons (no river line there).
RIVERLAKE_GAP_REFS = {
    'Niger': [
        [(-9.29, 11.07), (-9.17, 11.42), (-8.98, 11.42)],  # Siguiri
        [(-8.77, 11.61), (-8.41, 11.94), (-7.99, 12.64), (-7.75, 12.71)],  # Kangaba, Bamako
        [(-7.29, 13.09), (-6.27, 13.44), (-5.36, 13.96), (-4.98, 14.15), (-4.48, 14.25)],  # Segou, Ke-Macina, Diafarabe
        [(-4.17, 14.65), (-3.9, 15.02)],  # below Mopti
        [(-3.78, 16.08), (-3.38, 16.28), (-3.18, 16.43)],  # Dire
        [(-3.11, 16.57), (-3.0, 16.68), (-2.5, 16.85), (-1.9, 17.0), (-1.21, 17.05)],  # Kabara (Timbuktu)
        [(-1.12, 17.06), (-0.55, 16.96)],
        [(-0.39, 16.96), (-0.2, 16.7), (-0.11, 16.42)],  # Bourem
        [(-0.06, 16.27), (0.3, 15.81)],  # Gao
        [(0.75, 15.35), (0.66, 15.06)],
        [(0.89, 14.76), (1.09, 14.49)],  # Ayorou
        [(3.56, 11.76), (3.85, 11.56)],  # Malanville
        [(4.62, 9.37), (4.82, 9.14), (5.5, 8.95), (6.1, 8.75)],  # Jebba
        [(6.38, 8.66), (6.74, 7.8), (6.78, 6.15), (6.5, 5.4)],  # Lokoja, Onitsha
    ],
    'Benue': [
        [(9.03, 7.87), (8.53, 7.73), (7.7, 7.8), (6.74, 7.8)],  # Makurdi to Lokoja
        [(9.39, 8.04), (9.8, 8.3), (10.14, 8.59)],
    ],
    'Senegal': [
        # Saint-Louis, Rosso, Dagana, Podor, Boghe, Kaedi, Matam, Bakel
        [(-16.51, 16.01), (-16.4, 16.25), (-15.81, 16.51), (-15.5, 16.52), (-14.96, 16.65), (-14.27, 16.59),
         (-13.5, 16.15), (-13.26, 15.66), (-12.95, 15.4), (-12.78, 15.15)],
    ],
}

# River-lake polygons are named from the river references plus the reaches
# listed above.
RIVERLAKE_NAME_REFS = {n: RIVER_REFS.get(n, []) + RIVERLAKE_GAP_REFS.get(n, [])
                       for n in sorted(set(RIVER_REFS) | set(RIVERLAKE_GAP_REFS))}


# ------------------------------------------------------------------ clipping

def _inside(p):
    return BOX[0] <= p[0] <= BOX[2] and BOX[1] <= p[1] <= BOX[3]


def _clip_seg(p, q):
    """Liang-Barsky: part of segment pq inside BOX, or None."""
    x0, y0 = p
    dx, dy = q[0] - x0, q[1] - y0
    t0, t1 = 0.0, 1.0
    for pk, qk in ((-dx, x0 - BOX[0]), (dx, BOX[2] - x0), (-dy, y0 - BOX[1]), (dy, BOX[3] - y0)):
        if pk == 0:
            if qk < 0:
                return None
            continue
        t = qk / pk
        if pk < 0:
            if t > t1:
                return None
            t0 = max(t0, t)
        else:
            if t < t0:
                return None
            t1 = min(t1, t)
    a = p if t0 == 0.0 else (x0 + t0 * dx, y0 + t0 * dy)
    b = q if t1 == 1.0 else (x0 + t1 * dx, y0 + t1 * dy)
    return a, b


def clip_line(pts):
    """Split a polyline into the pieces inside BOX."""
    out, cur = [], []
    for p, q in zip(pts, pts[1:]):
        s = _clip_seg(p, q)
        if s is None:
            if len(cur) > 1:
                out.append(cur)
            cur = []
            continue
        a, b = s
        if not cur:
            cur = [a]
        elif cur[-1] != a:
            if len(cur) > 1:
                out.append(cur)
            cur = [a]
        cur.append(b)
        if b != q:  # left the box
            out.append(cur)
            cur = []
    if len(cur) > 1:
        out.append(cur)
    return out


def drop_box_edges(qpts):
    """Split a quantised line where it runs along the box boundary (artificial edge)."""
    def on_same_edge(a, b):
        return ((a[0] == b[0] and a[0] in (QBOX[0], QBOX[2]))
                or (a[1] == b[1] and a[1] in (QBOX[1], QBOX[3])))
    out, cur = [], [qpts[0]]
    for a, b in zip(qpts, qpts[1:]):
        if on_same_edge(a, b):
            if len(cur) > 1:
                out.append(cur)
            cur = [b]
        else:
            cur.append(b)
    if len(cur) > 1:
        out.append(cur)
    return out


# ------------------------------------------------------------------ naming

def _prep_refs(table):
    refs = []
    for name, lines in table.items():
        for ln in lines:
            xs = [p[0] for p in ln]
            ys = [p[1] for p in ln]
            refs.append((name, ln, (min(xs), min(ys), max(xs), max(ys))))
    return refs


def nearest_name(p, refs, snap):
    best, bestd = None, snap
    for name, ln, (x0, y0, x1, y1) in refs:
        if p[0] < x0 - snap or p[0] > x1 + snap or p[1] < y0 - snap or p[1] > y1 + snap:
            continue
        d = dist_to_polyline(p, ln)
        if d < bestd:
            best, bestd = name, d
    return best


def split_at(pts, points, tol=0.05):
    """Split a line at the vertices nearest to each of `points` (if within tol degrees)."""
    cuts = set()
    for sp in points:
        i = min(range(len(pts)), key=lambda k: (pts[k][0] - sp[0]) ** 2 + (pts[k][1] - sp[1]) ** 2)
        if 0 < i < len(pts) - 1 and dist_to_polyline(sp, [pts[i], pts[i]]) <= tol:
            cuts.add(i)
    out, a = [], 0
    for i in sorted(cuts):
        out.append(pts[a:i + 1])
        a = i
    out.append(pts[a:])
    return out


def majority_name(pts, refs, snap):
    """Name held by most vertices (nearest reference within snap); None unless a
    majority of all vertices are named so."""
    votes = Counter(nearest_name(p, refs, snap) for p in pts)
    best = sorted(((c, n) for n, c in votes.items() if n is not None), key=lambda t: (-t[0], t[1]))
    if best and best[0][0] * 2 > len(pts):
        return best[0][1]
    return None


# ------------------------------------------------------------------ polygons via GDAL

def gdal_clip_valid(polys, work, tag):
    """Clip polygons to BOX and make them valid with ogr2ogr; returns {index: geometry}."""
    src = os.path.join(work, tag + "_raw.geojson")
    dst = os.path.join(work, tag + "_clip.geojson")
    feats = [{"type": "Feature", "properties": {"i": i},
              "geometry": {"type": "Polygon", "coordinates": p}} for i, p in enumerate(polys)]
    with open(src, "w") as f:
        json.dump({"type": "FeatureCollection", "features": feats}, f)
    if os.path.exists(dst):
        os.remove(dst)
    subprocess.run(["ogr2ogr", "-f", "GeoJSON", dst, src, "-clipsrc", *map(str, BOX),
                    "-makevalid", "-nlt", "MULTIPOLYGON"], check=True)
    with open(dst) as f:
        return {ft["properties"]["i"]: ft["geometry"] for ft in json.load(f)["features"]}


# ------------------------------------------------------------------ layers

def coastline(work):
    segs = read_segments(os.path.join(work, "shore.txt"))
    assert all(lev == 1 for lev, _ in segs), "shore.txt must hold level 1 only"
    feats = []
    for chain in join([s for _, s in segs]):
        for piece in clip_line(chain):
            q = qline(piece)
            if len(q) < 2:
                continue
            for part in drop_box_edges(q):
                feats.append(part)
    feats.sort(key=lambda q: (-len(q), q[0], q[-1]))
    return [({"level": 1}, geom_json("LineString", q)) for q in feats]


def lakes(work, out_path):
    lake_rings = [r for r in join([s for _, s in read_segments(os.path.join(work, "lakes.txt"))])]
    rl_rings = [r for r in join([s for _, s in read_segments(os.path.join(work, "riverlakes.txt"))])]
    isl_rings = [r for r in join([s for _, s in read_segments(os.path.join(work, "islands.txt"))])]
    for r in lake_rings + rl_rings + isl_rings:
        assert r[0] == r[-1], "unclosed GSHHG ring"
    cands = [("lake", r) for r in lake_rings if ring_area_km2(r) >= MIN_LAKE_KM2]
    cands += [("riverlake", r) for r in rl_rings]
    rl_refs = _prep_refs(RIVERLAKE_NAME_REFS)
    polys, props = [], []
    for kind, ring in cands:
        holes = [h for h in isl_rings
                 if ring_area_km2(h) >= MIN_LAKE_ISLAND_KM2 and point_in_ring(h[0], ring)]
        area = ring_area_km2(ring) - sum(ring_area_km2(h) for h in holes)
        if kind == "lake":
            names = sorted({n for n, pt in LAKE_NAMES if point_in_ring(pt, ring)
                            and not any(point_in_ring(pt, h) for h in holes)})
            assert len(names) <= 1, names
            name = names[0] if names else None
        else:
            votes = Counter(nearest_name(p, rl_refs, RIVERLAKE_SNAP_DEG) for p in ring[:-1])
            votes.pop(None, None)
            tot = sum(votes.values())
            ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
            name = " / ".join(n for n, c in ranked if c >= 0.25 * tot) or None
        polys.append([ring] + holes)
        props.append({"name": name, "kind": kind, "area_km2": int(round(area))})
    geoms = gdal_clip_valid(polys, work, "lakes")
    found = {props[i]["name"] for i in geoms}
    missing = sorted({n for n, _ in LAKE_NAMES} - found)
    assert not missing, f"named lakes not found: {missing}"
    feats = []
    for i in sorted(geoms):
        q = qpolygons(geoms[i])
        if q:
            feats.append((props[i], q))
    feats.sort(key=lambda f: (-f[0]["area_km2"], f[1][0][0][0]))
    write_fc(out_path, [(p, geom_json("MultiPolygon", q)) for p, q in feats])
    bad = invalid_count(out_path, os.path.splitext(os.path.basename(out_path))[0])
    assert bad == 0, f"{bad} invalid lake polygons"
    return feats


def rivers(work):
    refs = _prep_refs(RIVER_REFS)
    feats = []
    for rank in (1, 2):
        segs = read_segments(os.path.join(work, f"rivers{rank}.txt"))
        assert all(lev == rank for lev, _ in segs)
        named = {}
        for chain in join([s for _, s in segs]):
            for piece in clip_line(chain):
                for run in split_at(piece, SPLIT_POINTS):
                    named.setdefault(majority_name(run, refs, RIVER_SNAP_DEG), []).append(run)
        for name in sorted(named, key=lambda n: (n is None, n or "")):
            lines = []
            for ln in join(named[name]):
                q = qline(ln)
                if len(q) >= 2:
                    lines.append(q)
            lines.sort(key=lambda q: (-len(q), q[0], q[-1]))
            for q in lines:
                feats.append(({"name": name, "rank": rank}, geom_json("LineString", q)))
    return feats


def main(work, out):
    coast = coastline(work)
    write_fc(os.path.join(out, "coastline.geojson"), coast)
    lk = lakes(work, os.path.join(out, "lakes.geojson"))
    rv = rivers(work)
    write_fc(os.path.join(out, "rivers.geojson"), rv)
    print(f"water: coastline {len(coast)} lines, lakes {len(lk)} polygons, rivers {len(rv)} lines")
    unnamed = Counter(p["kind"] for p, _ in lk if p["name"] is None)
    print(f"water: unnamed lakes by kind: {dict(sorted(unnamed.items()))}")
    print("water: rivers named: " + ", ".join(sorted({p['name'] for p, _ in rv if p['name']})))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
