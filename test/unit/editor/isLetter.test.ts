import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frontmatterSpan, isLetterText } from '../../../src/letter/isLetter';

test('a letter has template: in its frontmatter', () => {
  assert.equal(isLetterText('---\ntemplate: nda-demand\nlang: ja\n---\nBody'), true);
  assert.equal(isLetterText('---\r\nlang: en\r\ntemplate: cost-quote\r\n---\r\n'), true);
  assert.equal(isLetterText('\uFEFF---\ntemplate: x\n---\n'), true);
  // still being typed: completion of the id must work
  assert.equal(isLetterText('---\ntemplate:\n---\n'), true);
});

test('ordinary Markdown is not a letter', () => {
  assert.equal(isLetterText('# Title\n\ntemplate: nda-demand\n'), false);
  assert.equal(isLetterText('---\ntitle: Blog post\n---\ntemplate: x\n'), false);
  assert.equal(isLetterText('---\nmeta:\n  template: x\n---\n'), false);
  assert.equal(isLetterText('---\ntemplates: x\n---\n'), false);
  assert.equal(isLetterText(''), false);
  assert.equal(isLetterText('text\n---\ntemplate: x\n---\n'), false);
});

test('frontmatter span', () => {
  const text = '---\na: 1\nb: 2\n---\nbody';
  assert.deepEqual(frontmatterSpan(text), { yamlStart: 4, yamlEnd: 14, closeLine: 3, bodyOffset: 18 });
  assert.equal(frontmatterSpan('---\na: 1\n'), undefined);
  assert.deepEqual(frontmatterSpan('---\n---'), { yamlStart: 4, yamlEnd: 4, closeLine: 1, bodyOffset: 7 });
});
