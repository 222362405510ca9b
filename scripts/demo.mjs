// The main job on built-in sample data: a letter from the sample case, rendered
// to every output the product makes, under demo-output/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'demo-output');
const cli = join(root, 'dist', 'cli.js');
const sampleCase = join(root, 'samples', 'salesforce-case.yaml');
mkdirSync(out, { recursive: true });

function run(args) {
  return execFileSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

const letters = [
  { kind: 'nda-demand', lang: 'ja', format: 'letter' },
  { kind: 'nda-demand', lang: 'en', format: 'email' },
];
if (existsSync(join(root, 'templates', 'ja', 'geo-rebuttal.md'))) letters.push({ kind: 'geo-rebuttal', lang: 'ja', format: 'email' });

for (const { kind, lang, format } of letters) {
  const name = `${kind}-${lang}-${format}`;
  const letter = join(out, `${name}.md`);
  run(['new', kind, '--lang', lang, '--format', format, '--vendor', 'salesforce', '--data', sampleCase, '-o', letter, '--force']);
  for (const [to, ext] of [['md', 'resolved.md'], ['html', 'html'], ['text', 'txt']]) {
    run(['render', letter, '--to', to, '-o', join(out, `${name}.${ext}`), '--force']);
  }
  console.log(`letter ${name}: .md (source), .resolved.md, .html, .txt`);
}

// Optional stages contributed by the PDF and IP-analysis features.
for (const [file, fn] of [['demo-iplog.mjs', 'demoIpAnalysis'], ['demo-pdf.mjs', 'demoPdf']]) {
  const path = join(root, 'scripts', file);
  if (!existsSync(path)) continue;
  const mod = await import(pathToFileURL(path).href);
  await mod[fn]?.(out, root);
}

console.log(`\n${readdirSync(out).length} files in ${out}`);
