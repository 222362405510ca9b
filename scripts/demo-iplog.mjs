// Demo stage for the IP analysis: analyses the sample login log with the networks of a
// letter's frontmatter, writes ip-analysis-<lang>.md and .json, and puts the table into the
// letter just after its <!-- audit-reply:ip-analysis --> marker (where the editor user
// would place the cursor before running "Insert IP Analysis").
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const defaultRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
export const MARKER = '<!-- audit-reply:ip-analysis -->';

/** Returns the paths written; throws with the CLI's own message when it fails. */
export async function demoIpAnalysis(outDir, letter, lang, root = defaultRoot) {
  const cli = join(root, 'dist', 'cli.js');
  const log = join(root, 'samples', 'salesforce-login-history.csv');
  for (const [path, hint] of [[cli, 'build first (node esbuild.mjs)'], [log, 'sample log missing'], [letter, 'write the letter first']]) {
    if (!existsSync(path)) throw new Error(`demoIpAnalysis: ${path} not found: ${hint}`);
  }
  const written = [];
  for (const [to, name] of [['md', `ip-analysis-${lang}.md`], ['json', `ip-analysis-${lang}.json`]]) {
    const target = join(outDir, name);
    try {
      await run(process.execPath, [cli, 'analyze', log, '--letter', letter, '--to', to, '-o', target, '--force'], { cwd: root });
    } catch (e) {
      const detail = (e.stderr || e.message || '').toString().trim();
      throw new Error(`demoIpAnalysis: audit-reply analyze --to ${to} failed: ${detail}`);
    }
    written.push(target);
  }
  const source = readFileSync(letter, 'utf8');
  if (!source.includes(MARKER)) throw new Error(`demoIpAnalysis: ${letter} has no ${MARKER} marker`);
  const table = readFileSync(written[0], 'utf8').trim();
  writeFileSync(letter, source.replace(MARKER, `${MARKER}\n\n${table}`));
  written.push(letter);
  return written;
}
