import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeCommand } from '../../../src/cli/analyze';
import { UsageError, type CliIo } from '../../../src/cli/io';

function fakeIo(cwd: string, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => Buffer.from(stdin), cwd, env: { LANG: 'C' } };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iplog-cli-'));
  copyFileSync(join(process.cwd(), 'test/fixtures/iplog/salesforce-login-history.csv'), join(dir, 'log.csv'));
  const caseYaml = readFileSync(join(process.cwd(), 'test/fixtures/iplog/salesforce-case.yaml'), 'utf8');
  writeFileSync(join(dir, 'letter.md'), `---\n${caseYaml}---\n\n本文\n`);
  return dir;
}

describe('audit-reply analyze', () => {
  test('with --letter: networks, language and time zone come from the frontmatter', async () => {
    const dir = workspace();
    const t = fakeIo(dir);
    assert.equal(await analyzeCommand(['log.csv', '--letter', 'letter.md', '--to', 'json'], t.io), 0);
    const doc = JSON.parse(t.out());
    assert.equal(doc.events, 23);
    assert.equal(doc.ips.length, 3);
    assert.equal(doc.ips.filter((i: { network: string | null }) => i.network).length, 2);
    assert.equal(doc.timezone, 'Asia/Tokyo');
    const flagged = doc.switches.filter((s: { flagged: boolean }) => s.flagged);
    assert.equal(flagged.length, 11);
    assert.ok(flagged.every((s: { explanation: string }) => s.explanation === 'our-networks'));

    const md = fakeIo(dir);
    assert.equal(await analyzeCommand(['log.csv', '--letter', 'letter.md'], md.io), 0);
    assert.match(md.out(), /IPアドレス分析/);
  });

  test('--lang, --tz, --max-speed and -o', async () => {
    const dir = workspace();
    const t = fakeIo(dir);
    assert.equal(await analyzeCommand(['log.csv', '--lang', 'en', '--tz', 'UTC', '--max-speed', '5000', '-o', 'out.md'], t.io), 0);
    assert.equal(t.out(), '');
    const md = readFileSync(join(dir, 'out.md'), 'utf8');
    assert.match(md, /faster than 5000 km\/h/);
    assert.match(md, /2024-03-05 09:02 to 2024-03-05 21:05 \(UTC\)/);
  });

  test('-o never replaces an existing file without --force', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'out.md'), 'my notes\n');
    const t = fakeIo(dir);
    assert.equal(await analyzeCommand(['log.csv', '--tz', 'UTC', '-o', 'out.md'], t.io), 1);
    assert.match(t.err(), /out\.md already exists; use --force/);
    assert.equal(readFileSync(join(dir, 'out.md'), 'utf8'), 'my notes\n');
    assert.equal(await analyzeCommand(['log.csv', '--tz', 'UTC', '-o', 'out.md', '--force'], fakeIo(dir).io), 0);
    assert.match(readFileSync(join(dir, 'out.md'), 'utf8'), /203\.0\.113\./);
  });

  test('reads the log from standard input with -', async () => {
    const t = fakeIo(workspace(), 'User,Login Time,Source IP\nu,2024-03-05 09:00,203.0.113.1\n');
    assert.equal(await analyzeCommand(['-', '--to', 'json', '--tz', 'Asia/Tokyo'], t.io), 0);
    assert.equal(JSON.parse(t.out()).events, 1);
  });

  test('a log that cannot be analysed: exit 1, one clear line, nothing written', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'letter-to-vendor.txt'), 'Dear vendor, no addresses here.\n');
    const t = fakeIo(dir);
    assert.equal(await analyzeCommand(['letter-to-vendor.txt', '-o', 'out.md'], t.io), 1);
    assert.match(t.err(), /^letter-to-vendor\.txt: No IP address found/);
    assert.equal(existsSync(join(dir, 'out.md')), false);
  });

  test('usage errors throw UsageError with one clear line', async () => {
    const dir = workspace();
    const cases: [string[], RegExp][] = [
      [[], /expected one log file/],
      [['missing.csv'], /^missing\.csv: no such file/],
      [['log.csv', '--to', 'pdf'], /--to must be one of md, json/],
      [['log.csv', '--max-speed', 'fast'], /--max-speed must be a positive number/],
      [['log.csv', '--letter', 'nope.md'], /^nope\.md: no such file/],
      [['log.csv', '--rdap-base-url', 'ftp://x'], /--rdap-base-url must be an http/],
      [['log.csv', '--bogus'], /Unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      await assert.rejects(analyzeCommand(argv, fakeIo(dir).io), (e: unknown) => e instanceof UsageError && message.test(e.message), argv.join(' '));
    }
  });

  test('--help prints usage', async () => {
    const t = fakeIo(workspace());
    assert.equal(await analyzeCommand(['--help'], t.io), 0);
    assert.match(t.out(), /^usage: audit-reply analyze <log \| ->/);
    assert.match(t.out(), /--rdap-base-url/);
  });
});
