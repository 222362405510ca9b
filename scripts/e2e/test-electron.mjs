// npm run test:vscode — the in-host suites in VS Code desktop through @vscode/test-electron.
// Needs VS Code: VSCODE_EXECUTABLE_PATH=/path/to/code, or access to Microsoft's download server
// (cached in .cache/vscode-test). Machines with neither use `npm run test:e2e` (code-server).
// On a Linux machine without a display, run it under xvfb-run.
import { runTests, downloadAndUnzipVSCode } from '@vscode/test-electron';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo, run, userSettings } from './lib.mjs';

async function main() {
  run(process.execPath, ['esbuild.mjs']);
  run(process.execPath, ['esbuild.mjs', '--vscode-tests']);

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ cachePath: join(repo, '.cache', 'vscode-test'), timeout: 20_000 });
    } catch (err) {
      process.stderr.write(
        `[test:vscode] could not download VS Code: ${err instanceof Error ? err.message : err}\n` +
        '  Set VSCODE_EXECUTABLE_PATH to an installed VS Code (the `code` binary of a desktop build),\n' +
        '  or run the same suites in code-server with `npm run test:e2e`, which needs only npm and apt.\n',
      );
      return 2;
    }
  }

  const root = mkdtempSync(join(tmpdir(), 'audit-reply-test-electron-'));
  try {
    const workspace = join(root, 'workspace');
    cpSync(join(repo, 'test', 'fixtures', 'try-workspace'), workspace, { recursive: true });
    const userData = join(root, 'user-data');
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repo,
      extensionTestsPath: join(repo, 'out', 'test', 'vscode', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', userData, '--extensions-dir', join(root, 'extensions')],
      extensionTestsEnv: process.env.AUDIT_REPLY_TEST_GREP ? { AUDIT_REPLY_TEST_GREP: process.env.AUDIT_REPLY_TEST_GREP } : {},
    });
    return 0;
  } catch (err) {
    process.stderr.write(`[test:vscode] ${err instanceof Error ? err.message : err}\n`);
    return 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
