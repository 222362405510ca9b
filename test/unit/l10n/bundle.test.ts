import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extensionRoot } from '../../../src/paths';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The first argument of every `l10n.t(...)` call that is a plain string literal. */
function messageKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const call = /l10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;
  for (const file of sources(join(extensionRoot(), 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(call)) {
      const raw = m[1] ?? m[2] ?? '';
      keys.set(raw.replace(/\\(['"\\])/g, '$1').replace(/\\n/g, '\n'), file);
    }
  }
  return keys;
}

test('every message the extension shows has a Japanese translation, and no translation is orphaned', () => {
  const bundle = JSON.parse(readFileSync(join(extensionRoot(), 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  const keys = messageKeys();
  assert.ok(keys.size > 30, `found only ${keys.size} messages: the scan is broken`);
  const untranslated = [...keys].filter(([k]) => !(k in bundle)).map(([k, file]) => `${file}: ${k}`);
  assert.deepEqual(untranslated, []);
  const orphaned = Object.keys(bundle).filter((k) => !keys.has(k));
  assert.deepEqual(orphaned, []);
  for (const [k, v] of Object.entries(bundle)) {
    const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join();
    assert.equal(placeholders(v), placeholders(k), `placeholders differ in ${JSON.stringify(k)}`);
  }
});
