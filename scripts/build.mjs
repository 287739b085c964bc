// Compiles src/main.ts and everything it imports into dist/main.js, so `npm start` runs plain
// `node` (no TypeScript transform at run time: faster start, no tsx/esbuild services in memory).
// `node scripts/build.mjs --if-stale` (prestart) rebuilds only when a source is newer than the bundle.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = resolve(root, 'dist/main.js');
const metaFile = resolve(root, 'dist/meta.json');

function stale() {
  if (!existsSync(outfile) || !existsSync(metaFile)) return 'no build yet';
  const builtAt = statSync(outfile).mtimeMs;
  const inputs = Object.keys(JSON.parse(readFileSync(metaFile, 'utf8')).inputs ?? {});
  for (const input of [...inputs, 'scripts/build.mjs', 'package-lock.json']) {
    const path = resolve(root, input);
    if (!existsSync(path)) return `${input} is gone`;
    if (statSync(path).mtimeMs > builtAt) return `${input} changed`;
  }
  return null;
}

// The bundle lives in dist/, but our modules find files relative to their own location
// (kpi-models/, prisma/, the generated clients' folder). Each module's import.meta.url is
// rewritten to its source file's URL, computed from the bundle's, so the checkout can move.
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const rel = relative(dirname(outfile), args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

if (process.argv.includes('--if-stale')) {
  const why = stale();
  if (!why) process.exit(0);
  process.stderr.write(`Rebuilding dist/ (${why})\n`);
}

const result = await build({
  absWorkingDir: root,
  // The KPI recompute worker is its own entry: in production the worker thread runs compiled
  // JavaScript too, instead of loading the TypeScript through tsx.
  entryPoints: { main: 'src/main.ts', 'kpi-worker': 'src/kpi/recompute-worker.ts' },
  outdir: dirname(outfile),
  define: { 'process.env.KAOPU_BUNDLED': '"1"' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // Packages stay in node_modules: Prisma's runtime loads its query compiler (.wasm) and the
  // schema engine's .wasm by path, better-sqlite3 is a native addon, and pino/ioredis resolve
  // optional modules at run time. Our own code, the generated Prisma clients included, is bundled.
  packages: 'external',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [sourceUrls],
});
writeFileSync(metaFile, JSON.stringify(result.metafile));
