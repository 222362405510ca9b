import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfCommand } from '../../../src/cli/pdf';
import { UsageError, type CliIo } from '../../../src/cli/io';
import { entries, fakeFailing, fakeHanging, fakePrinter, freshDir } from './fakeBrowser';

const LETTER = `---
template: nda-demand
lang: en
format: letter
date: 2026-11-22
vendor: { company: Example Software Ltd, person: Jane Doe, reference: LC-1, letterDate: 2026-11-10 }
sender: { company: Sample Co, department: IT, person: John Smith, email: it@example.com }
---

Dear {{vendor.person}},

We reply to your letter.
`;

function makeIo(cwd: string, env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => Buffer.from(LETTER), cwd, env };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

function setup() {
  const cwd = freshDir('cli');
  const tmp = freshDir('clitmp');
  const bin = freshDir('clibin');
  writeFileSync(join(cwd, 'reply.md'), LETTER);
  return { cwd, tmp, bin, env: { TMPDIR: tmp, PATH: '' } };
}

test('writes the PDF next to the letter and prints its path', async () => {
  const { cwd, tmp, bin, env } = setup();
  const fake = fakePrinter(bin);
  const { io, out, err } = makeIo(cwd, env);
  assert.equal(await pdfCommand(['reply.md', '--browser', fake.path], io), 0, err());
  assert.equal(out(), `${join(cwd, 'reply.pdf')}\n`);
  assert.match(readFileSync(join(cwd, 'reply.pdf'), 'latin1'), /^%PDF-/);
  assert.deepEqual(entries(tmp), []);
});

test('refuses to overwrite without --force, replaces with it', async () => {
  const { cwd, bin, env } = setup();
  const fake = fakePrinter(bin);
  writeFileSync(join(cwd, 'out.pdf'), 'keep me');
  const first = makeIo(cwd, env);
  assert.equal(await pdfCommand(['reply.md', '-o', 'out.pdf', '--browser', fake.path], first.io), 1);
  assert.match(first.err(), /out\.pdf already exists; use --force to replace it/);
  assert.equal(readFileSync(join(cwd, 'out.pdf'), 'utf8'), 'keep me');
  const second = makeIo(cwd, env);
  assert.equal(await pdfCommand(['reply.md', '-o', 'out.pdf', '--browser', fake.path, '--force'], second.io), 0, second.err());
  assert.match(readFileSync(join(cwd, 'out.pdf'), 'latin1'), /^%PDF-/);
});

test('a missing --browser is named in the message; no temporary files', async () => {
  const { cwd, tmp, env } = setup();
  const { io, err } = makeIo(cwd, env);
  assert.equal(await pdfCommand(['reply.md', '--browser', '/nowhere/chrome'], io), 1);
  assert.match(err(), /--browser does not exist: \/nowhere\/chrome/);
  assert.deepEqual(entries(tmp), []);
  assert.deepEqual(entries(cwd), ['reply.md']);
});

test('a hanging browser times out with a message; a failing one shows its stderr', async () => {
  const { cwd, tmp, bin, env } = setup();
  const hang = makeIo(cwd, env);
  assert.equal(await pdfCommand(['reply.md', '--browser', fakeHanging(bin).path, '--timeout', '1'], hang.io), 1);
  assert.match(hang.err(), /did not finish printing within 1 s and was stopped/);
  const fail = makeIo(cwd, env);
  assert.equal(await pdfCommand(['reply.md', '--browser', fakeFailing(bin)], fail.io), 1);
  assert.match(fail.err(), /exited with code 3[\s\S]*fake browser: giving up/);
  assert.deepEqual(entries(tmp), []);
  assert.deepEqual(entries(cwd), ['reply.md']);
});

test('a letter with errors is not exported unless --allow-errors', async () => {
  const { cwd, bin, env } = setup();
  writeFileSync(join(cwd, 'bad.md'), LETTER.replace('Dear {{vendor.person}}', 'Dear {{vendor.nobody}}'));
  const fake = fakePrinter(bin);
  const refused = makeIo(cwd, env);
  assert.equal(await pdfCommand(['bad.md', '--browser', fake.path], refused.io), 1);
  assert.match(refused.err(), /bad\.md:\d+:\d+: error: .*vendor\.nobody/);
  assert.match(refused.err(), /no PDF written/);
  assert.ok(!entries(cwd).includes('bad.pdf'));
  const allowed = makeIo(cwd, env);
  assert.equal(await pdfCommand(['bad.md', '--browser', fake.path, '--allow-errors'], allowed.io), 0);
  assert.ok(entries(cwd).includes('bad.pdf'));
});

test('usage errors are UsageError with one clear line', async () => {
  const { cwd, env } = setup();
  const { io } = makeIo(cwd, env);
  await assert.rejects(pdfCommand([], io), (e: unknown) => e instanceof UsageError && /expected one letter file/.test(e.message));
  await assert.rejects(pdfCommand(['reply.md', '--paper', 'B5'], io), (e: unknown) => e instanceof UsageError && /--paper must be one of A4, Letter/.test(e.message));
  await assert.rejects(pdfCommand(['reply.md', '--timeout', 'soon'], io), /--timeout must be a positive number/);
  await assert.rejects(pdfCommand(['reply.md', '--colour'], io), (e: unknown) => e instanceof UsageError && /Unknown option '--colour'/.test(e.message));
  await assert.rejects(pdfCommand(['missing.md'], io), (e: unknown) => e instanceof UsageError && /missing\.md: no such file/.test(e.message));
  await assert.rejects(pdfCommand(['-'], io), /standard input needs -o FILE/);
});

test('--help prints the usage and succeeds', async () => {
  const { cwd, env } = setup();
  const { io, out } = makeIo(cwd, env);
  assert.equal(await pdfCommand(['--help'], io), 0);
  assert.match(out(), /^usage: audit-reply pdf <letter\.md>/);
  assert.match(out(), /--paper A4\|Letter/);
});
