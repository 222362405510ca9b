// npm run test:e2e — the extension inside a real VS Code (code-server), driven by Chromium.
//  1. the in-host suites (test/vscode/suites) run in the extension host and report to a file;
//  2. then a person's path: palette → "New audit reply" → answers → letter and preview.
// Options: --no-build (reuse dist/ and out/), --keep (leave the temp folders), --grep TEXT.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  HarnessError, buildAndPackage, ensureSetUp, freePort, installExtension, log, makeProfile, repo,
  resultsDir, startCodeServer, stopAll, stopOnSignals, stopProcess, waitFor, which,
} from './lib.mjs';
import { answerQuickPick, launchBrowser, openWorkbench, paletteShow, quickInputVisible, quickOpenFile, screenshot, tabLabels } from './workbench.mjs';

const argv = process.argv.slice(2);
const opt = {
  build: !argv.includes('--no-build'),
  keep: argv.includes('--keep'),
  grep: argv.includes('--grep') ? argv[argv.indexOf('--grep') + 1] : undefined,
  inHostTimeoutMs: Number(process.env.E2E_IN_HOST_TIMEOUT_MS ?? 300_000),
};

const outcomes = []; // { title, ok, error? }
const pass = (title) => { outcomes.push({ title, ok: true }); log(`  ✓ ${title}`); };
const fail = (title, err) => {
  const error = err instanceof Error ? err.message : String(err);
  outcomes.push({ title, ok: false, error });
  log(`  ✗ ${title}\n      ${error.split('\n').join('\n      ')}`);
};

async function step(title, fn) {
  try { await fn(); pass(title); return true; } catch (err) { fail(title, err); return false; }
}

/** What the extension host logged about this extension (activation, failures). */
function extHostLines(profile) {
  const logs = join(profile.userData, 'logs');
  if (!existsSync(logs)) return [];
  const lines = [];
  for (const session of readdirSync(logs)) {
    const dir = join(logs, session);
    for (const host of existsSync(dir) ? readdirSync(dir).filter((d) => d.startsWith('exthost')) : []) {
      const file = join(dir, host, 'remoteexthost.log');
      if (existsSync(file)) lines.push(...readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('audit-reply')));
    }
  }
  return lines;
}

/**
 * Waits for the in-host results. Fails early, with the reason, when the extension activated
 * but the hook never ran (activate() lacks the call, or threw before it).
 */
async function waitForInHostResults(profile, resultsFile, child) {
  const graceMs = 20_000;
  let activatedAt = 0;
  await waitFor('in-host results', opt.inHostTimeoutMs, () => {
    if (child.exitCode !== null) throw new HarnessError(`code-server exited with ${child.exitCode}`);
    if (existsSync(resultsFile)) return true;
    if (existsSync(`${resultsFile}.started`)) return false;
    if (!activatedAt && extHostLines(profile).some((l) => l.includes('_doActivateExtension audit-reply.audit-reply'))) activatedAt = Date.now();
    if (activatedAt && Date.now() - activatedAt > graceMs) {
      throw new HarnessError(
        `the extension activated but the in-host runner did not start within ${graceMs / 1000} s.\n` +
        'activate() must call maybeRunInHostTests(context) from src/testHook.ts (and not throw before it).\n' +
        `extension host log:\n${extHostLines(profile).slice(-8).join('\n')}`,
      );
    }
    return false;
  }, 500);
}

async function main() {
  const started = Date.now();
  ensureSetUp();
  const vsix = buildAndPackage({ build: opt.build });
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  const profile = makeProfile('audit-reply-e2e-');
  const cleanup = () => { if (!opt.keep) rmSync(profile.root, { recursive: true, force: true }); };
  stopOnSignals(cleanup);
  cpSync(join(repo, 'test', 'fixtures', 'try-workspace'), profile.workspace, { recursive: true });
  const settingsFile = join(profile.userData, 'User', 'settings.json');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  settings['auditReply.pdf.browserPath'] = which('chromium') ?? '';
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  installExtension(profile, vsix);

  const resultsFile = join(profile.root, 'in-host-results.json');
  const port = await freePort();
  let server;
  let browser;
  try {
    log(`starting code-server on 127.0.0.1:${port}`);
    server = await startCodeServer(profile, port, {
      AUDIT_REPLY_TEST_RESULTS: resultsFile,
      ...(opt.grep ? { AUDIT_REPLY_TEST_GREP: opt.grep } : {}),
    });
    browser = await launchBrowser();
    const page = await openWorkbench(browser.browser, server.url);
    pass('workbench loads in Chromium');

    // Opening a Markdown letter activates the extension (onLanguage:markdown), which starts the suites.
    await step('quick open shows the sample letter', () => quickOpenFile(page, 'salesforce-reply.md'));
    await screenshot(page, resultsDir, '01-sample-letter.png');

    log(`waiting for the in-host suites (up to ${opt.inHostTimeoutMs / 1000} s)`);
    try {
      await waitForInHostResults(profile, resultsFile, server.child);
      const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
      cpSync(resultsFile, join(resultsDir, 'in-host-results.json'));
      log(`in-host suites ran in VS Code ${r.vscodeVersion}`);
      for (const t of r.tests) {
        if (t.state === 'passed') pass(`[in-host] ${t.title}`);
        else if (t.state === 'failed') fail(`[in-host] ${t.title}`, t.error);
        else log(`  - [in-host] ${t.title} (pending)`);
      }
    } catch (err) {
      fail('[in-host] suites report results', err);
    }

    // A person's path through the palette.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('W'); // close all editors, so the new letter is easy to see
    let paletteRows = [];
    const listed = await step('palette lists "New audit reply"', async () => {
      paletteRows = await paletteShow(page, 'New audit reply');
      await screenshot(page, resultsDir, '02-palette-new-audit-reply.png');
    });
    if (listed) {
      const answered = await step('palette answers: kind, language, vendor, format', async () => {
        await page.keyboard.press('Enter');
        let prev = await answerQuickPick(page, 'kind', /nda|non-disclosure|秘密保持/i, paletteRows);
        prev = await answerQuickPick(page, 'language', /japanese|日本語|^ja\b/i, prev);
        prev = await answerQuickPick(page, 'vendor', /salesforce|セールスフォース/i, prev);
        await answerQuickPick(page, 'format', /e-?mail|メール/i, prev);
        await waitFor('the palette to close', 20_000, async () => !(await quickInputVisible(page)));
      });
      if (answered) {
        await step('the new letter opens (replies/<date>-nda-demand-salesforce.md)', () =>
          waitFor('a tab named *-nda-demand-salesforce.md', 20_000, async () => (await tabLabels(page)).some((l) => /nda-demand-salesforce\.md/.test(l))));
        await step('the preview opens beside it', async () => {
          await waitFor('a preview tab and its webview', 20_000, async () =>
            (await tabLabels(page)).some((l) => /preview|プレビュー/i.test(l)) && (await page.locator('iframe.webview, .webview').count()) > 0);
          const groups = await page.locator('.editor-group-container').count();
          if (groups < 2) throw new HarnessError(`expected the preview in a second editor group, found ${groups} group(s)`);
        });
        await page.waitForTimeout(2000); // let the preview paint before the picture
      }
    }
    await screenshot(page, resultsDir, '03-letter-and-preview.png');
  } catch (err) {
    fail('harness', err);
  } finally {
    if (browser) await browser.close();
    if (server) stopProcess(server.child);
    stopAll();
    if (server) writeFileSync(join(resultsDir, 'code-server.log'), server.output());
    const logs = join(profile.userData, 'logs');
    if (existsSync(logs)) cpSync(logs, join(resultsDir, 'logs'), { recursive: true });
    cleanup();
  }

  const failed = outcomes.filter((o) => !o.ok);
  log(`finished in ${Math.round((Date.now() - started) / 1000)} s; screenshots and logs in ${resultsDir}`);
  if (failed.length) {
    process.stdout.write('\nFailures:\n');
    for (const f of failed) process.stdout.write(`  ✗ ${f.title}\n      ${f.error.split('\n').join('\n      ')}\n`);
  }
  process.stdout.write(`\n${outcomes.length - failed.length} passed, ${failed.length} failed\n`);
  return failed.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (err) => {
  stopAll();
  process.stderr.write(`[e2e] ${err instanceof HarnessError ? err.message : err instanceof Error ? err.stack : String(err)}\n0 passed, 1 failed\n`);
  process.exit(1);
});
