// Lets a test build of the extension run the in-host suites when code-server starts it.
// code-server cannot load an extension under development, so the harness installs a test
// .vsix that carries out/test/vscode/ and sets AUDIT_REPLY_TEST_RESULTS. Normal users never
// have that variable and pay one environment lookup; the suites are loaded lazily.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';

export const RESULTS_ENV = 'AUDIT_REPLY_TEST_RESULTS';
export const GREP_ENV = 'AUDIT_REPLY_TEST_GREP';

interface InHostRunner {
  runAndReport(resultsFile: string, grep?: string): Promise<unknown>;
}

let started = false;

/**
 * Starts the suites without waiting for them: they call this extension's own commands,
 * and those wait until activate() has returned.
 */
export async function maybeRunInHostTests(context: vscode.ExtensionContext): Promise<void> {
  const resultsFile = process.env[RESULTS_ENV];
  if (!resultsFile || started) return;
  started = true;
  const runnerPath = path.join(context.extensionPath, 'out', 'test', 'vscode', 'index.js');
  const fail = (message: string) => {
    const now = new Date().toISOString();
    const report = { vscodeVersion: '', startedAt: now, finishedAt: now, passed: 0, failed: 1, pending: 0, tests: [{ title: 'starting the in-host runner', state: 'failed', error: message }] };
    fs.writeFileSync(resultsFile, JSON.stringify(report, null, 2));
  };
  // Tells the harness the hook ran, so a missing call in activate() is reported at once.
  fs.writeFileSync(`${resultsFile}.started`, new Date().toISOString());
  if (!fs.existsSync(runnerPath)) {
    fail(`${runnerPath} is missing: this is not a test build of the extension`);
    return;
  }
  setTimeout(() => {
    try {
      const runner = require(runnerPath) as InHostRunner;
      runner.runAndReport(resultsFile, process.env[GREP_ENV]).catch((err: unknown) => fail(String(err)));
    } catch (err) {
      fail(err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err));
    }
  }, 0);
}
