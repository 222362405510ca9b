// Bundles the extension, the CLI and the test files to CommonJS for Node.
// `vscode` stays external: the editor provides it at run time.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
  // ESM-only packages (unified, remark) use import.meta.url in a few places.
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: ['./scripts/import-meta-url.js'],
};

function filesUnder(dir, suffix) {
  let out = [];
  let entries = [];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(filesUnder(full, suffix));
    else if (full.endsWith(suffix)) out.push(full);
  }
  return out;
}

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];

if (args.has('--tests')) {
  rmSync('out', { recursive: true, force: true });
  const entryPoints = [...filesUnder('test/unit', '.test.ts'), ...filesUnder('test/integration', '.test.ts')];
  builds.push({ ...common, entryPoints, outdir: 'out', outbase: '.', sourcemap: 'inline' });
}

if (args.has('--vscode-tests')) {
  builds.push({ ...common, entryPoints: filesUnder('test/vscode', '.ts'), outdir: 'out', outbase: '.', sourcemap: 'inline' });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
