// Demo step for the IP analysis: runs `node dist/cli.js analyze` on the sample
// log with the sample case's networks and writes ip-analysis.md and .json.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

/** Returns the paths written; throws with the CLI's own message when it fails. */
export async function demoIpAnalysis(outDir) {
  const cli = join(root, 'dist', 'cli.js');
  const log = join(root, 'test', 'fixtures', 'iplog', 'salesforce-login-history.csv');
  const caseYaml = join(root, 'test', 'fixtures', 'iplog', 'salesforce-case.yaml');
  for (const [path, hint] of [[cli, 'build first (node esbuild.mjs)'], [log, 'sample log missing'], [caseYaml, 'sample case missing']]) {
    if (!existsSync(path)) throw new Error(`demoIpAnalysis: ${path} not found: ${hint}`);
  }
  mkdirSync(outDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'demo-iplog-'));
  try {
    // The CLI reads the case from a letter's frontmatter, so wrap the sample case in one.
    const letter = join(work, 'letter.md');
    writeFileSync(letter, `---\n${readFileSync(caseYaml, 'utf8')}---\n`);
    const written = [];
    for (const [to, name] of [['md', 'ip-analysis.md'], ['json', 'ip-analysis.json']]) {
      const target = join(outDir, name);
      try {
        await run(process.execPath, [cli, 'analyze', log, '--letter', letter, '--to', to, '-o', target], { cwd: root });
      } catch (e) {
        const detail = (e.stderr || e.message || '').toString().trim();
        throw new Error(`demoIpAnalysis: audit-reply analyze --to ${to} failed: ${detail}`);
      }
      written.push(target);
    }
    return written;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(root, 'out', 'demo'));
  demoIpAnalysis(out).then((files) => console.log(files.join('\n')), (e) => {
    console.error(e.message);
    process.exitCode = 1;
  });
}
