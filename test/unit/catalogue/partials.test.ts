import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtInTemplatesDir } from '../../../src/paths';
import { catalogue, FORMATS, LANGS } from './support';

/** Partials used in the middle of a sentence: their files must not end with a newline. */
const INLINE = new Set(['their-message', 'programme']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('inline partials have no trailing newline; block partials end with one', () => {
  const root = join(builtInTemplatesDir(), 'partials');
  for (const file of files(root)) {
    const name = file.split('/').pop()!.replace(/\.md$/, '');
    const text = readFileSync(file, 'utf8');
    const where = relative(root, file);
    if (INLINE.has(name)) assert.ok(!text.endsWith('\n'), `${where} is inline`);
    else assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'), `${where} is a block`);
  }
});

test('every language and format has the partials the letters call', () => {
  const needed = ['opening', 'their-message', 'programme', 'body-close', 'closing', 'signature', 'reservation', 'consent-clause', 'contact'];
  for (const lang of LANGS)
    for (const format of FORMATS) {
      const p = catalogue().partials(lang, format);
      for (const name of needed) if (!(lang === 'en' && name === 'body-close')) assert.ok(p.has(name), `${lang}/${format}: ${name}`);
    }
});
