// Demo stage: prints letters to PDF through the CLI when a Chromium-family browser
// is on this machine, and says plainly that it skipped the PDF when there is none.
//   demoPdf(letter.md, outDir)  – one letter
//   demoPdf(outDir, root)       – every letter (*.md with frontmatter, not *.resolved.md) in outDir (how scripts/demo.mjs calls it)
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SKIP_MESSAGE = 'no Chromium-family browser found; PDF skipped (set CHROME_PATH or auditReply.pdf.browserPath, or install Edge, Chrome, Chromium or Brave)';

function printOne(cli, letterPath, outDir) {
  const pdf = join(outDir, `${basename(letterPath).replace(/\.(md|markdown)$/i, '')}.pdf`);
  const r = spawnSync(process.execPath, [cli, 'pdf', letterPath, '-o', pdf, '--force', '--allow-errors'], { encoding: 'utf8' });
  if (r.status === 0) return { pdf };
  if (/No Chromium-family browser|browser .* does not exist/.test(r.stderr)) return { skipped: SKIP_MESSAGE };
  return { error: `PDF of ${letterPath} failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` };
}

/** Returns what happened for each letter; prints one line each. */
export async function demoPdf(first, second) {
  const isDir = statSync(first).isDirectory();
  const outDir = isDir ? first : second;
  const root = isDir && second ? second : defaultRoot;
  const cli = join(root, 'dist', 'cli.js');
  const letters = isDir
    ? readdirSync(first)
        .filter((f) => f.endsWith('.md') && !f.endsWith('.resolved.md'))
        .map((f) => join(first, f))
        .filter((f) => readFileSync(f, 'utf8').startsWith('---')) // letters only, not the analyses
    : [first];
  const results = [];
  for (const letter of letters) {
    const r = printOne(cli, letter, outDir);
    results.push(r);
    if (r.skipped) {
      console.log(r.skipped);
      break; // the same for every letter
    }
    console.log(r.pdf ? `pdf ${r.pdf}` : r.error);
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [letter, outDir] = process.argv.slice(2);
  if (!letter || !outDir) {
    console.error('usage: node scripts/demo-pdf.mjs <letter.md> <outDir>');
    process.exitCode = 2;
  } else {
    const results = await demoPdf(letter, outDir);
    if (results.some((r) => r.error)) process.exitCode = 1;
  }
}
