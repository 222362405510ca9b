// The main job on built-in sample data (samples/): letters from the sample case, the IP
// analysis of the sample login log inserted into the rebuttal, and every output the
// product makes (resolved Markdown, HTML, e-mail text, PDF) under demo-output/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoIpAnalysis } from './demo-iplog.mjs';
import { demoPdf } from './demo-pdf.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'demo-output');
const cli = join(root, 'dist', 'cli.js');
const sampleCase = join(root, 'samples', 'salesforce-case.yaml');
mkdirSync(out, { recursive: true });

function run(args) {
  try {
    return execFileSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`audit-reply ${args.join(' ')} failed:\n${e.stderr ?? e.message}`);
  }
}

const letters = [
  { kind: 'nda-demand', lang: 'ja', format: 'letter' },
  { kind: 'nda-demand', lang: 'en', format: 'email' },
  { kind: 'geo-rebuttal', lang: 'ja', format: 'letter' },
  { kind: 'geo-rebuttal', lang: 'en', format: 'email' },
];

const sources = [];
for (const { kind, lang, format } of letters) {
  const name = `${kind}-${lang}-${format}`;
  const letter = join(out, `${name}.md`);
  run(['new', kind, '--lang', lang, '--format', format, '--vendor', 'salesforce', '--data', sampleCase, '-o', letter, '--force']);
  if (kind === 'geo-rebuttal') {
    await demoIpAnalysis(out, letter, lang, root);
    console.log(`letter ${name}: IP analysis of samples/salesforce-login-history.csv inserted at its marker`);
  }
  sources.push({ name, letter });
}

for (const { name, letter } of sources) {
  for (const [to, ext] of [['md', 'resolved.md'], ['html', 'html'], ['text', 'txt']]) {
    run(['render', letter, '--to', to, '-o', join(out, `${name}.${ext}`), '--force']);
  }
  console.log(`letter ${name}: .md (source), .resolved.md, .html, .txt`);
}

await demoPdf(out, root);
console.log(`\n${readdirSync(out).length} files in ${out}`);
