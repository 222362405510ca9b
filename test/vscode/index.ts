// Mocha entry for the suites that run inside a real VS Code extension host.
// Used two ways: @vscode/test-electron calls run(); the test build of the extension
// (see src/testHook.ts) calls runAndReport() in code-server and the harness reads the file.
// Mocha is bundled into this file, because an installed .vsix has no node_modules.
import Mocha from 'mocha';
import { readdirSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface InHostResults {
  vscodeVersion: string;
  startedAt: string;
  finishedAt: string;
  passed: number;
  failed: number;
  pending: number;
  /** In the order they ran. */
  tests: TestOutcome[];
}

function emptyResults(): InHostResults {
  const now = new Date().toISOString();
  return { vscodeVersion: vscode.version, startedAt: now, finishedAt: now, passed: 0, failed: 0, pending: 0, tests: [] };
}

const suitesDir = join(__dirname, 'suites');

function suiteFiles(): string[] {
  return readdirSync(suitesDir)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => join(suitesDir, f));
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const stack = err.stack ?? '';
    // The first frames are enough to find the assertion; whole stacks bloat the report.
    const frames = stack.split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 4).join('\n');
    return `${err.message}${frames ? `\n${frames}` : ''}`;
  }
  return String(err);
}

/** Runs every suite; `grep` narrows by full title (env AUDIT_REPLY_TEST_GREP in the hook). */
export function runSuites(options: { grep?: string; timeoutMs?: number } = {}): Promise<InHostResults> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: options.timeoutMs ?? 20_000, reporter: 'spec' });
  if (options.grep) mocha.grep(options.grep);
  for (const f of suiteFiles()) mocha.addFile(f);
  const results = emptyResults();
  const add = (t: TestOutcome) => {
    results.tests.push(t);
    results[t.state]++;
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        results.finishedAt = new Date().toISOString();
        resolve(results);
      });
      runner.on('pass', (t: Mocha.Test) => add({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      // Hooks fail too ("before all" hook in …); fullTitle() names them.
      runner.on('fail', (t: Mocha.Runnable, err: unknown) => add({ title: t.fullTitle(), state: 'failed', error: errorText(err) }));
      runner.on('pending', (t: Mocha.Test) => add({ title: t.fullTitle(), state: 'pending' }));
    } catch (err) {
      reject(err);
    }
  });
}

/** Writes atomically, so a reader polling for the file never sees half of it. */
export function writeResults(file: string, results: InHostResults): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(results, null, 2));
  renameSync(tmp, file);
}

export async function runAndReport(resultsFile: string, grep?: string): Promise<InHostResults> {
  let results: InHostResults;
  try {
    results = await runSuites({ grep });
  } catch (err) {
    // A suite that fails to load must still produce a report, not a silent timeout.
    results = emptyResults();
    results.tests.push({ title: 'loading the suites', state: 'failed', error: errorText(err) });
    results.failed = 1;
  }
  writeResults(resultsFile, results);
  return results;
}

/** The entry point @vscode/test-electron expects. */
export async function run(): Promise<void> {
  // Results go to the console here; AUDIT_REPLY_TEST_RESULTS belongs to the code-server hook.
  const results = await runSuites({ grep: process.env.AUDIT_REPLY_TEST_GREP });
  if (results.failed > 0) throw new Error(`${results.failed} in-host test(s) failed`);
}
