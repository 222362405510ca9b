import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser } from '../../../src/pdf/findBrowser';
import { exportLetterPdf } from '../../../src/pdf/exportLetter';
import { pdfCommand } from '../../../src/cli/pdf';
import { renderLetter } from '../../../src/letter/render';
import { buildNewLetter } from '../../../src/letter/newLetter';
import { loadCatalogue } from '../../../src/letter/catalogue';
import { entries, freshDir } from '../../unit/pdf/fakeBrowser';
import { HOSTILE_LETTER, JA_FIELDS, XSS_IMG, XSS_SCRIPT } from '../../unit/preview/letterSamples';

// These tests need the real thing; CI installs it. Missing tools are a failure, never a skip.
const INSTALL = 'apt-get install -y chromium poppler-utils fonts-noto-cjk';

function browser(): string {
  try {
    return findBrowser().path;
  } catch (e) {
    assert.fail(`A Chromium-family browser is required for the PDF integration tests (${INSTALL}): ${(e as Error).message}`);
  }
}

function tool(name: string, args: string[]): string {
  try {
    return execFileSync(name, args, { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') assert.fail(`${name} (poppler-utils) is required for the PDF integration tests (${INSTALL})`);
    throw e;
  }
}

function pageSize(pdf: string): { width: number; height: number } {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(tool('pdfinfo', [pdf]));
  assert.ok(m, 'pdfinfo reports a page size');
  return { width: Number(m[1]), height: Number(m[2]) };
}

const squash = (s: string) => s.replace(/\s+/g, '');

function japaneseLetter(): string {
  return buildNewLetter({
    template: 'nda-demand',
    lang: 'ja',
    format: 'letter',
    today: '2026-11-22',
    vendor: 'microsoft',
    catalogue: loadCatalogue(),
    data: {
      vendor: { company: JA_FIELDS.vendorCompany, person: JA_FIELDS.vendorPerson, reference: 'SAM-2026-0042', letterDate: '2026-11-10' },
      sender: { company: JA_FIELDS.senderCompany, department: '情報システム部', person: JA_FIELDS.senderPerson, email: 'it@example.jp' },
    },
  });
}

test('a Japanese letter prints on A4 with its parts in reading order and CJK fonts embedded', async () => {
  const chrome = browser();
  const tmp = freshDir('itmp');
  const out = freshDir('iout');
  const result = renderLetter(japaneseLetter(), { today: '2026-11-22' });
  assert.deepEqual(result.problems.filter((p) => p.severity === 'error'), []);
  const pdf = join(out, 'nda.pdf');
  await exportLetterPdf(result, { paper: 'A4', output: pdf, browserPath: chrome, tmpDir: tmp });
  assert.deepEqual(entries(tmp), [], 'temporary folder emptied');
  assert.deepEqual(entries(out), ['nda.pdf']);

  const size = pageSize(pdf);
  assert.ok(Math.abs(size.width - 595.28) < 1.5 && Math.abs(size.height - 841.89) < 1.5, `A4, got ${size.width} x ${size.height}`);
  assert.match(tool('pdfinfo', [pdf]), new RegExp(`Title:\\s+${result.subject.replace(/[()（）]/g, '.')}`));

  const text = squash(tool('pdftotext', ['-layout', pdf, '-']));
  const order = [
    '2026年11月22日',
    JA_FIELDS.vendorCompany,
    `${squash(JA_FIELDS.vendorPerson)}様`,
    JA_FIELDS.senderCompany,
    squash(JA_FIELDS.senderPerson),
    squash(result.subject),
    '拝復',
    '記',
    '敬具',
  ].map((s) => ({ s, at: text.indexOf(s) }));
  for (const { s, at } of order) assert.ok(at >= 0, `PDF text contains ${s}`);
  const [date, recipient, person, sender, senderPerson, subject, opening] = order.map((o) => o.at);
  assert.ok(date! < recipient! && recipient! < person! && person! < sender! && sender! < senderPerson! && senderPerson! < subject! && subject! < opening!, 'reading order');
  // Page numbers come from the stylesheet's @page margin box ("1 / 2").
  assert.match(text, /1\/\d/);

  const fonts = tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
  assert.ok(fonts.length > 0, 'fonts listed');
  for (const line of fonts) assert.match(line, /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/, line);
  for (const line of fonts) assert.equal(line.trim().split(/\s+/).at(-5), 'yes', `embedded: ${line}`);
  // Chromium embeds the CFF-based Noto CJK as Type 3, which pdffonts lists without a name; the descriptor keeps it.
  const names = [...readFileSync(pdf).toString('latin1').matchAll(/\/FontName\s*\/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]);
  assert.ok(
    names.some((n) => /CJK(jp|JP)|Mincho|Gothic|IPA|Hiragino|YuMin/i.test(n!)),
    `a Japanese font is embedded; found ${names.join(', ')}`,
  );
});

test('Letter paper comes from the same stylesheet', async () => {
  const chrome = browser();
  const tmp = freshDir('itmp');
  const out = freshDir('iout');
  const result = renderLetter(japaneseLetter(), { today: '2026-11-22' });
  const pdf = join(out, 'letter.pdf');
  await exportLetterPdf(result, { paper: 'Letter', output: pdf, browserPath: chrome, tmpDir: tmp });
  const size = pageSize(pdf);
  assert.ok(Math.abs(size.width - 612) < 1.5 && Math.abs(size.height - 792) < 1.5, `Letter, got ${size.width} x ${size.height}`);
  assert.match(squash(tool('pdftotext', [pdf, '-'])), /1\/\d/, 'page numbers on named pages too');
  assert.deepEqual(entries(tmp), []);
});

test('hostile values print literally and nothing from the body runs', async () => {
  const chrome = browser();
  const tmp = freshDir('itmp');
  const out = freshDir('iout');
  const result = renderLetter(HOSTILE_LETTER, { today: '2026-11-22' });
  const pdf = join(out, 'xss.pdf');
  await exportLetterPdf(result, { paper: 'A4', output: pdf, browserPath: chrome, tmpDir: tmp });
  const text = tool('pdftotext', [pdf, '-']);
  assert.ok(text.includes(`悪意ある会社 ${XSS_IMG}`), 'the value from the frontmatter shows as text');
  assert.ok(text.includes(XSS_SCRIPT), 'the script-like value shows as text');
  // Raw HTML typed in the body is dropped by the renderer, not executed and not shown as markup.
  assert.ok(!text.includes('example.com'));
  assert.deepEqual(entries(tmp), []);
});

test('the CLI prints through the real browser and refuses to overwrite', async () => {
  browser();
  const cwd = freshDir('icli');
  const tmp = freshDir('itmp');
  writeFileSync(join(cwd, 'nda.md'), japaneseLetter());
  const err: string[] = [];
  const io = { stdout: () => {}, stderr: (t: string) => err.push(t), readStdin: async () => Buffer.alloc(0), cwd, env: { ...process.env, TMPDIR: tmp } };
  assert.equal(await pdfCommand(['nda.md', '--paper', 'Letter'], io), 0, err.join(''));
  assert.ok(Math.abs(pageSize(join(cwd, 'nda.pdf')).width - 612) < 1.5);
  assert.equal(await pdfCommand(['nda.md'], io), 1);
  assert.match(err.join(''), /already exists; use --force/);
  assert.deepEqual(entries(tmp), []);
});
