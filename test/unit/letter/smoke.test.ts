import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
test('remark bundles', () => {
  const tree = unified().use(remarkParse).parse('# hi');
  assert.equal(tree.children[0]?.type, 'heading');
});
