import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionRoot } from '../../../src/paths';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  scope?: string;
}

function load(lang: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(join(extensionRoot(), 'snippets', `${lang}.code-snippets`), 'utf8')) as Record<string, Snippet>;
}

test('snippet files parse, hold at least ten clauses each, with unique ar- prefixes', () => {
  const seen = new Set<string>();
  for (const lang of ['ja', 'en']) {
    const snippets = load(lang);
    assert.ok(Object.keys(snippets).length >= 10, `${lang}: at least ten snippets`);
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      for (const p of prefixes) {
        assert.match(p, new RegExp(`^ar-${lang}-[a-z-]+$`), `${lang}/${name}`);
        assert.ok(!seen.has(p), `duplicate prefix ${p}`);
        seen.add(p);
      }
      assert.ok(s.description && s.description.length > 0, `${name}: description`);
      assert.equal(s.scope, 'markdown');
      const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
      assert.ok(body.length > 0);
      // every $ is a tab stop or placeholder, never a stray dollar
      assert.ok(!/\$(?!\d|\{\d)/.test(body), `${name}: stray $`);
    }
  }
  const moves = ['nda', 'cost', 'evidence', 'clause', 'consent', 'reserve', 'timetable', 'closure', 'verify', 'info', 'nokeys'];
  for (const lang of ['ja', 'en']) for (const m of moves) assert.ok(seen.has(`ar-${lang}-${m}`), `ar-${lang}-${m}`);
});

test('README.md lists every prefix', () => {
  const doc = readFileSync(join(extensionRoot(), 'README.md'), 'utf8');
  for (const lang of ['ja', 'en'])
    for (const s of Object.values(load(lang))) for (const p of [s.prefix].flat()) assert.ok(doc.includes(`\`${p}\``), p);
});
