import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => Buffer.from(''), cwd, env: {} };
  return { value, out: () => out.join(''), err: () => err.join('') };
}

const dir = mkdtempSync(join(tmpdir(), 'audit-reply-cli-'));

test('unknown command, unknown option and a missing file exit 2 with one clear line', async () => {
  let t = io(dir);
  assert.equal(await main(['frobnicate'], t.value), 2);
  assert.match(t.err(), /unknown command "frobnicate"/);
  t = io(dir);
  assert.equal(await main(['check', 'x.md', '--bogus'], t.value), 2);
  assert.match(t.err(), /bogus/);
  t = io(dir);
  assert.equal(await main(['check', 'nope.md'], t.value), 2);
  assert.match(t.err(), /nope\.md: no such file/);
  t = io(dir);
  assert.equal(await main(['new', 'no-such-kind'], t.value), 2);
  assert.match(t.err(), /Unknown template "no-such-kind".*nda-demand/);
});

test('--help on each command exits 0', async () => {
  for (const cmd of ['new', 'check', 'render']) {
    const t = io(dir);
    assert.equal(await main([cmd, '--help'], t.value), 0, cmd);
    assert.match(t.out(), /usage: audit-reply/);
  }
});

test('new --data pre-fills, check finds no error, render resolves every expression', async () => {
  const data = join(dir, 'case.yaml');
  writeFileSync(data, 'lang: en\nvendor:\n  company: ACME Software Ltd\n  person: Jane Roe\n  reference: R-7\n  letterDate: 2026-11-02\nsender:\n  company: Sample Trading\n  person: Taro Yamada\n  email: taro@example.com\n');
  let t = io(dir);
  assert.equal(await main(['new', 'nda-demand', '--data', data, '--format', 'email', '-o', 'l.md'], t.value), 0, t.err());
  const written = readFileSync(join(dir, 'l.md'), 'utf8');
  assert.match(written, /^---\ntemplate: nda-demand\nlang: en\nformat: email\n/);
  assert.match(written, /{{> opening}}/);
  t = io(dir);
  assert.equal(await main(['check', 'l.md'], t.value), 0, t.out());
  t = io(dir);
  assert.equal(await main(['render', 'l.md', '--to', 'text'], t.value), 0);
  assert.match(t.out(), /^Subject: Re: /);
  assert.match(t.out(), /Dear Jane Roe,/);
  assert.ok(!t.out().includes('{{'));
  t = io(dir);
  assert.equal(await main(['render', 'l.md', '--to', 'md'], t.value), 0);
  assert.match(t.out(), /R-7/);
});

test('new never overwrites without --force', async () => {
  const target = join(dir, 'keep.md');
  writeFileSync(target, 'precious');
  let t = io(dir);
  assert.equal(await main(['new', 'nda-demand', '-o', 'keep.md'], t.value), 1);
  assert.match(t.err(), /already exists/);
  assert.equal(readFileSync(target, 'utf8'), 'precious');
  t = io(dir);
  assert.equal(await main(['new', 'nda-demand', '-o', 'keep.md', '--force'], t.value), 0);
  assert.match(readFileSync(target, 'utf8'), /template: nda-demand/);
});

test('check lists every missing field at its line and exits 1', async () => {
  writeFileSync(join(dir, 'gaps.md'), '---\ntemplate: nda-demand\nlang: en\n---\nDear {{vendor.person}},\n\n{{vendor.reference}}\n\n{{sender.email}}\n');
  const t = io(dir);
  assert.equal(await main(['check', 'gaps.md'], t.value), 1);
  const lines = t.out().trim().split('\n');
  assert.deepEqual(lines, [
    'gaps.md:5:8: error: missing field vendor.person: fill it in the frontmatter.',
    'gaps.md:7:3: error: missing field vendor.reference: fill it in the frontmatter.',
    'gaps.md:9:3: error: missing field sender.email: fill it in the frontmatter.',
  ]);
  assert.equal(existsSync(join(dir, 'gaps.md')), true);
});
