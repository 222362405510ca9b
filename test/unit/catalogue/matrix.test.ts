import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMATS, KINDS, LANGS, catalogue, render } from './support';

test('the catalogue holds every kind of letter in both languages', () => {
  const c = catalogue();
  for (const kind of KINDS)
    for (const lang of LANGS) {
      const t = c.get(kind, lang);
      assert.ok(t, `${lang}/${kind} is missing`);
      assert.ok(t.title && t.title !== kind, `${lang}/${kind} has no title`);
      assert.ok(t.description && !t.description.includes('\n'), `${lang}/${kind} needs a one-line description`);
      assert.ok(t.subject, `${lang}/${kind} has no subject`);
    }
});

for (const kind of KINDS)
  for (const lang of LANGS)
    for (const format of FORMATS)
      test(`${kind} ${lang} ${format}: renders completely from a full case`, () => {
        const r = render(kind, lang, format);
        assert.deepEqual(
          r.problems.map((p) => `${p.severity} ${p.code}: ${p.message}`),
          [],
          'a full case leaves no problem',
        );
        assert.equal(r.templateId, kind);
        assert.ok(r.subject.length > 0);
        for (const [name, out] of [
          ['markdown', r.markdown],
          ['text', r.text],
          ['subject', r.subject],
        ] as const) {
          for (const bad of ['{{', '}}', '⟦', '[object Object]', 'undefined', 'NaN', '\uE000'])
            assert.ok(!out.includes(bad), `${name} of ${kind}/${lang}/${format} contains ${JSON.stringify(bad)}`);
        }
        assert.ok(!r.html.includes('[object Object]') && !r.html.includes('undefined') && !r.html.includes('NaN'));
        assert.ok(!r.html.includes('missing-field'));
      });
