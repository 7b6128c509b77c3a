// supercluster@8 on the same points as `sahel-risk clusters`, for bench/cluster_vs_supercluster.sh.
//
//   node bench/supercluster.mjs POINTS.csv [--radius 60] [--extent 512] [--max-zoom 16] [--reps 3]
//
// POINTS.csv: `lon,lat` lines after a `lon,lat` header. Prints one JSON line:
// {"version": "8.0.1", "events": N, "build_ms": best, "runs_ms": [...], "zooms": [{"zoom": 0, "clusters": N}, ...]}
// `build_ms` times `new Supercluster({radius, extent, maxZoom}).load(features)` only (the best of
// the runs, in one process so the JIT is warm); `clusters` is getClusters([-180, -85, 180, 85], z).length.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const moduleDir = process.env.SUPERCLUSTER_DIR || join(repo, 'bench-data', 'node_modules', 'supercluster');
const { default: Supercluster } = await import(pathToFileURL(join(moduleDir, 'index.js')).href);
const { version } = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8'));

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
if (!file) {
  console.error('usage: node bench/supercluster.mjs POINTS.csv [--radius PX] [--extent PX] [--max-zoom Z] [--reps N]');
  process.exit(2);
}
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const radius = opt('--radius', 60);
const extent = opt('--extent', 512);
const maxZoom = opt('--max-zoom', 16);
const reps = opt('--reps', 3);

const features = [];
const text = readFileSync(file, 'utf8');
let start = 0;
let line = 0;
while (start < text.length) {
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const l = text.slice(start, end).trim();
  start = end + 1;
  line++;
  if (!l || (line === 1 && l.toLowerCase() === 'lon,lat')) continue;
  const k = l.indexOf(',');
  const lon = parseFloat(l.slice(0, k));
  const lat = parseFloat(l.slice(k + 1));
  if (k < 0 || Number.isNaN(lon) || Number.isNaN(lat)) {
    console.error(`${file}:${line}: expected lon,lat`);
    process.exit(2);
  }
  features.push({ type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [lon, lat] } });
}

const runs = [];
let index;
for (let r = 0; r < reps; r++) {
  const t0 = performance.now();
  index = new Supercluster({ radius, extent, maxZoom }).load(features);
  runs.push(performance.now() - t0);
}
const zooms = [];
for (let z = 0; z <= maxZoom; z++) {
  zooms.push({ zoom: z, clusters: index.getClusters([-180, -85, 180, 85], z).length });
}
console.log(JSON.stringify({
  version,
  events: features.length,
  build_ms: Math.round(Math.min(...runs) * 10) / 10,
  runs_ms: runs.map((t) => Math.round(t * 10) / 10),
  zooms,
}));
