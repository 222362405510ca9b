import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { printToPdf, browserArgs } from '../../../src/pdf/printToPdf';
import { BrowserFailedError, BrowserTimeoutError, OutputExistsError, PdfCancelledError } from '../../../src/pdf/errors';
import { entries, fakeFailing, fakeHanging, fakePrinter, fakeSilent, freshDir, isDead, readArgs, waitUntil } from './fakeBrowser';

const HTML = '<!DOCTYPE html><html lang="ja"><body><p>テスト</p></body></html>';

test('a successful print writes the PDF atomically and leaves no temporary files', async () => {
  const bin = freshDir('bin');
  const tmp = freshDir('tmp');
  const out = freshDir('out');
  const fake = fakePrinter(bin);
  const output = join(out, 'reply.pdf');
  await printToPdf({ html: HTML, output, browserPath: fake.path, tmpDir: tmp, noSandbox: true });
  assert.match(readFileSync(output, 'latin1'), /^%PDF-1\.4/);
  assert.deepEqual(entries(tmp), [], 'temporary folder emptied');
  assert.deepEqual(entries(out), ['reply.pdf'], 'no temporary file beside the PDF');

  const args = readArgs(fake.argsFile);
  for (const flag of ['--headless', '--disable-gpu', '--no-sandbox', '--no-first-run', '--no-pdf-header-footer', '--print-to-pdf-no-header', '--disable-extensions']) {
    assert.ok(args.includes(flag), `passes ${flag}`);
  }
  const profile = args.find((a) => a.startsWith('--user-data-dir='))!;
  assert.ok(profile.startsWith(`--user-data-dir=${tmp}`), 'throw-away profile inside the temporary folder');
  assert.match(args.at(-1)!, /^file:\/\/.*letter\.html$/);
});

test('--no-sandbox only when asked or when running as root', () => {
  const base = { profileDir: '/p', pdfFile: '/p/x.pdf', pageUrl: 'file:///p/x.html' };
  assert.ok(!browserArgs({ ...base, noSandbox: false }).includes('--no-sandbox'));
  assert.ok(browserArgs({ ...base, noSandbox: true }).includes('--no-sandbox'));
});

test('an existing output is refused before the browser runs, and left untouched', async () => {
  const bin = freshDir('bin');
  const tmp = freshDir('tmp');
  const out = freshDir('out');
  const fake = fakePrinter(bin);
  const output = join(out, 'reply.pdf');
  writeFileSync(output, 'precious');
  await assert.rejects(printToPdf({ html: HTML, output, browserPath: fake.path, tmpDir: tmp }), (e: unknown) => e instanceof OutputExistsError && e.message.includes(output));
  assert.equal(readFileSync(output, 'utf8'), 'precious');
  assert.equal(existsSync(fake.argsFile), false, 'browser never started');
  assert.deepEqual(entries(tmp), []);

  await printToPdf({ html: HTML, output, browserPath: fake.path, tmpDir: tmp, overwrite: true });
  assert.match(readFileSync(output, 'latin1'), /^%PDF-/);
  assert.deepEqual(entries(out), ['reply.pdf']);
});

test('a hanging browser is stopped with its helpers after the timeout; nothing is left behind', async () => {
  const bin = freshDir('bin');
  const tmp = freshDir('tmp');
  const out = freshDir('out');
  const fake = fakeHanging(bin);
  await assert.rejects(
    printToPdf({ html: HTML, output: join(out, 'r.pdf'), browserPath: fake.path, tmpDir: tmp, timeoutMs: 1000 }),
    (e: unknown) => e instanceof BrowserTimeoutError && /did not finish printing within 1 s and was stopped/.test(e.message),
  );
  assert.deepEqual(entries(tmp), []);
  assert.deepEqual(entries(out), []);
  const helper = Number(readFileSync(fake.childPidFile, 'utf8'));
  assert.ok(await waitUntil(() => isDead(helper)), `helper process ${helper} was killed too`);
});

test('a browser that exits non-zero gives its stderr tail; nothing is left behind', async () => {
  const bin = freshDir('bin');
  const tmp = freshDir('tmp');
  const out = freshDir('out');
  await assert.rejects(printToPdf({ html: HTML, output: join(out, 'r.pdf'), browserPath: fakeFailing(bin), tmpDir: tmp }), (e: unknown) => {
    assert.ok(e instanceof BrowserFailedError);
    assert.equal(e.exitCode, 3);
    assert.match(e.message, /exited with code 3/);
    assert.match(e.stderrTail, /cannot open display\nfake browser: giving up/);
    return true;
  });
  assert.deepEqual(entries(tmp), []);
  assert.deepEqual(entries(out), []);
});

test('a browser that exits 0 without a PDF is a failure, not an empty file', async () => {
  const bin = freshDir('bin');
  const tmp = freshDir('tmp');
  const out = freshDir('out');
  await assert.rejects(printToPdf({ html: HTML, output: join(out, 'r.pdf'), browserPath: fakeSilent(bin), tmpDir: tmp }), /exited normally but wrote no PDF/);
  assert.deepEqual(entries(tmp), []);
  assert.deepEqual(entries(out), []);
});

test('a browser path that cannot be started is a clear failure; temporary files removed', async () => {
  const tmp = freshDir('tmp');
  const out = freshDir('out');
  await assert.rejects(printToPdf({ html: HTML, output: join(out, 'r.pdf'), browserPath: '/nonexistent/chrome', tmpDir: tmp }), (e: unknown) => {
    return e instanceof BrowserFailedError && /Could not start the browser \/nonexistent\/chrome/.test(e.message);
  });
  assert.deepEqual(entries(tmp), []);
});

test('cancelling stops the browser and removes everything', async () => {
  const bin = freshDir('bin');
  const tmp = freshDir('tmp');
  const out = freshDir('out');
  const fake = fakeHanging(bin);
  const abort = new AbortController();
  const running = printToPdf({ html: HTML, output: join(out, 'r.pdf'), browserPath: fake.path, tmpDir: tmp, signal: abort.signal, timeoutMs: 60_000 });
  // Cancel once the browser is really running (it has started its helper).
  assert.ok(await waitUntil(() => existsSync(fake.childPidFile)));
  abort.abort();
  await assert.rejects(running, (e: unknown) => e instanceof PdfCancelledError && e.name === 'AbortError');
  assert.deepEqual(entries(tmp), []);
  assert.deepEqual(entries(out), []);
  const helper = Number(readFileSync(fake.childPidFile, 'utf8'));
  assert.ok(await waitUntil(() => isDead(helper)), 'helper killed on cancel');
});

test('an already-aborted signal does not start anything', async () => {
  const tmp = freshDir('tmp');
  const abort = new AbortController();
  abort.abort();
  await assert.rejects(printToPdf({ html: HTML, output: join(tmp, 'x.pdf'), browserPath: '/bin/false', tmpDir: tmp, signal: abort.signal }), PdfCancelledError);
  assert.deepEqual(entries(tmp), []);
});
