import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrontmatter } from '../../../src/letter/frontmatter';
import { FORMATS, KINDS, LANGS, catalogue, fullCase, newLetter } from './support';

for (const kind of KINDS)
  test(`new ${kind} --data: the frontmatter re-parses to the case given, the body is the template's`, () => {
    for (const lang of LANGS)
      for (const format of FORMATS) {
        const given = fullCase();
        const text = newLetter(kind, lang, format, given);
        const fm = parseFrontmatter(text);
        assert.deepEqual(fm.problems, []);
        assert.deepEqual(fm.data, { ...given, template: kind, lang, format });
        const template = catalogue().get(kind, lang)!;
        assert.equal(fm.body.replace(/^\n+/, '').trimEnd(), template.body.trimEnd(), 'the body keeps its expressions');
        assert.ok(fm.body.includes('{{> opening}}') && fm.body.includes('{{> closing}}'));
      }
  });
