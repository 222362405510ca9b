import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitBlocks } from '../../../src/letter/markdownBlocks';
import { clearParseCache, parseAndConvert, parseCacheStats, parseWhole, treeToHtml } from '../../../src/letter/markdown';
import { treeToPlainText } from '../../../src/letter/plainText';
import { FORMATS, KINDS, LANGS, render } from '../catalogue/support';

/** Texts where a careless split would change the result. */
const TRICKY: Record<string, string> = {
  'loose list': '1. one\n\n2. two\n\n   still two\n\n3. three\n\nAfter the list.\n',
  'list, paragraph, list': '1. a\n2. b\n\nBetween.\n\n3. c\n',
  'nested list': '- a\n\n  - a.1\n\n  - a.2\n\n- b\n',
  'fenced code with blank lines': 'Before.\n\n```\ncode\n\nNot a paragraph\n```\n\nAfter.\n',
  'tilde fence, longer close': '~~~~\nx\n\n~~~\ny\n~~~~~\n\nz\n',
  'directive with blank lines': ':::right\nDate\n\nSender\n:::\n\nBody.\n',
  'nested directives': ':::right\n:::center\ninner\n\nstill inner\n:::\n\nouter\n:::\n\nafter\n',
  'comment with blank lines': '<!--\nnote\n\nmore note\n-->\n\nText.\n',
  'marker comment': 'Lead.\n\n<!-- audit-reply:ip-analysis -->\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\nTail.\n',
  'block quote with blank lines': '> one\n>\n> two\n\n> three\n\nafter\n',
  'setext heading and rule': 'Title\n=====\n\nText\n\n---\n\nMore\n',
  'reference definition far away': 'See [the policy][p].\n\nOther text.\n\n[p]: https://example.com/policy\n',
  'lazy continuation is not split': '> quote\ncontinued\n\nnext\n',
  'indented code': 'Text.\n\n    code\n\n    more code\n\nText.\n',
  'hard breaks and tables': 'Line one\\\nline two\n\n| x |\n|---|\n| y |\n\nEnd.\n',
  'CRLF line ends': 'One.\r\n\r\n- a\r\n\r\n- b\r\n\r\nTwo.\r\n',
  'long loose list': items(120, (i) => `${i + 1}. Point ${i} with *emphasis* and \`code\`.\n\n`) + 'After.\n',
  'long list, tight then loose': items(40, (i) => `- item ${i}\n`) + '\n' + items(40, (i) => `- later ${i}\n\n`),
  'long list with nested content': items(60, (i) => `${i + 1}) head ${i}\n\n   body ${i}\n\n   - sub ${i}\n   - sub b\n\n`),
  'long list, marker changes': items(30, (i) => `- dash ${i}\n\n`) + items(30, (i) => `* star ${i}\n\n`) + items(30, (i) => `${i}. num ${i}\n\n`),
  'long task list': items(60, (i) => (i === 45 ? `- [x] done ${i}\n\n` : `- open ${i}\n\n`)),
  'list item holding fenced code': items(40, (i) => `${i + 1}. code:\n\n    \`\`\`\n    x ${i}\n\n    y\n    \`\`\`\n\n`),
  'long table': '| # | Address | Note |\n|--:|:---|:--:|\n' + items(300, (i) => `| ${i} | 203.0.113.${i % 250} | a \\| pipe, \`c|d\` ${i % 7 ? '' : '**b**'} |\n`) + '\nAfter the table.\n',
  'table rows without closing pipe, then text': '| a | b |\n|---|---|\n' + items(90, (i) => `| ${i} | x\n`) + 'lazy line\n\n| c |\n|---|\n| 1 |\n',
  // Constructs whose extent a line-based splitter can misjudge.
  'full-width space line is not blank': 'a\n\u3000\nb\n\nc\n',
  'no-break space line is not blank': 'a\n\u00a0\nb\n',
  'fence on a list item line': '- ```\n  x\n\nx\n',
  'fence inside a list item': '1. a\n   ```\n   x\n\nfoo\n\n```\ncode\n\nmore\n```\n',
  'fence line inside an HTML block': '<div>\n```\n</div>\n\n```\ncode\n\nmore\n```\n',
  'backtick in a backtick info string': '```a`b\n\ntext\n\n```\ncode\n\nmore code\n```\n',
  'comment opened inside a line': 'a <!-- b\n\n```\nx -->\n\ny\n```\n',
  'empty comment': '<!-->\n\n```\ncode -->\n\nmore\n```\n',
  'pre block with a blank line': '<pre>\nfoo\n\nbar\n</pre>\n\nafter\n',
  'four-colon directive': '::::right\na\n:::\n\nb\n::::\n',
  'fence inside a directive': ':::right\n```\n:::\n\nb\n```\n:::\n\ny\n```\n',
  'definition inside a list item': '- [a]: /url\n\n[a]\n',
  'definition label over two lines': '[a\nb]: /url\n\n[a b]\n',
  'footnote definition in a list': '- [^1]: note\n\nx[^1]\n',
  'lone CR line ends': 'a\r```\rx\n\ny\n```\n',
  'fenced code in a list item before a cut': items(7, () => '- a\n') + '- ```\n  x\n\n- 15\n',
  'under-indented item ends the list': items(8, () => '-   a\n') + '\n * q\n\n- 15\n',
  'under-indented ordered item': items(8, () => '10. a\n') + '\n   1) q\n\n11. f\n',
  'fence at item indent in a list': items(8, () => '- a\n') + '  ```\n* x\n  ```\n\n- 15\n',
  'thematic break after a long list': items(20, (i) => `- a ${i}\n\n`) + '- - - -\n\nafter\n',
  'header and delimiter disagree': '| a | b |\n| - |\n' + items(70, (i) => `| r ${i} |\n`),
  'tab after list markers': items(40, (i) => `-\ttab ${i}\n\n  \tmore\n\n`),
  'empty item then an indented list': items(7, () => '- a\n') + '-\n\n  * x\n\n- 15\n',
  'empty ordered items': items(7, () => '1) \n') + '1)\n\n   1.\n\n1)   \n',
  'empty item then an indented paragraph': items(7, () => '- a\n') + '-\n\n  foo\n\n- 15\n',
  'checkbox on an item\'s second line': items(7, () => '- a\n') + '- b\n\n- 15\n-\n  [ ] x\n',
  'header with an escaped backslash before a pipe': '| a \\\\| b |\n|---|\n' + items(9, (i) => `| r ${i} |\n`),
  'header without its closing pipe': '| a | b\n|---|---|\n' + items(90, (i) => `| r ${i} | s\n`),
  'two tables back to back': '| a |\n|---|\n' + items(40, (i) => `| ${i} |\n`) + '\n| b | c |\n|---|---|\n' + items(40, (i) => `| ${i} | ${i} |\n`),
};

function items(n: number, line: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => line(i)).join('');
}

function sameAsWhole(markdown: string, where: string): void {
  const byRuns = parseAndConvert(markdown, 0);
  const runs = byRuns.tree;
  const whole = parseWhole(markdown);
  const wholeHtml = treeToHtml(whole);
  assert.equal(treeToHtml(runs), wholeHtml, `${where}: HTML of the joined tree`);
  assert.equal(byRuns.html, wholeHtml, `${where}: HTML joined run by run`);
  assert.equal(parseAndConvert(markdown).html, wholeHtml, `${where}: HTML by the size rule`);
  assert.equal(treeToPlainText(runs, 'ja'), treeToPlainText(whole, 'ja'), `${where}: text`);
}

test('the runs put back together are the text', () => {
  for (const [name, md] of Object.entries(TRICKY)) assert.equal(texts(md).join(''), md, name);
});

test('parsing by runs gives what parsing the whole text gives', () => {
  for (const [name, md] of Object.entries(TRICKY)) {
    clearParseCache();
    sameAsWhole(md, name);
    sameAsWhole(md, `${name} (cached)`);
  }
});

const texts = (md: string) => splitBlocks(md).map((r) => r.text);

test('runs split where they safely can, and not inside code, directives or comments', () => {
  assert.deepEqual(texts('A.\n\nB.\n\nC.\n'), ['A.\n\n', 'B.\n\n', 'C.\n']);
  assert.equal(splitBlocks(TRICKY['fenced code with blank lines']!).length, 3);
  assert.equal(splitBlocks(TRICKY['directive with blank lines']!).length, 2);
  assert.equal(splitBlocks(TRICKY['comment with blank lines']!).length, 1, 'a comment over several lines: one run');
  assert.equal(splitBlocks(TRICKY['marker comment']!).length, 4, 'a one-line comment is followed');
  assert.equal(splitBlocks(TRICKY['loose list']!).length, 2);
  assert.equal(splitBlocks(TRICKY['reference definition far away']!).length, 1);
});

test('every letter of the catalogue renders the same by runs and whole', () => {
  for (const kind of KINDS)
    for (const lang of LANGS)
      for (const format of FORMATS) {
        const r = render(kind, lang, format);
        sameAsWhole(r.markdown, `${kind}/${lang}/${format}`);
      }
});

test('an edit re-renders correctly while the rest is reused', () => {
  const before = 'Intro.\n\n1. first point\n\n2. second point\n\nClosing.\n';
  const after = before.replace('second point', 'second point, revised');
  clearParseCache();
  parseAndConvert(before, 0);
  sameAsWhole(after, 'edited');
  sameAsWhole(before, 'original again');
});

test('long lists and tables are cut between items and rows, task lists never', () => {
  const pieces = (name: string, kind: 'list' | 'table') => splitBlocks(TRICKY[name]!).filter((r) => r.continues === kind).length;
  assert.ok(pieces('long loose list', 'list') >= 3, 'a 120-item list is cut');
  assert.ok(pieces('long table', 'table') >= 3, 'a 300-row table is cut');
  assert.equal(pieces('long task list', 'list'), 0);
  assert.equal(pieces('thematic break after a long list', 'list'), 1, 'the break is not cut as an item');
  assert.equal(pieces('header and delimiter disagree', 'table'), 0, 'not a table');
  assert.equal(pieces('header with an escaped backslash before a pipe', 'table'), 0, 'not a table');
  assert.ok(pieces('header without its closing pipe', 'table') >= 1, 'a table all the same');
  assert.equal(pieces('empty item then an indented list', 'list'), 0);
  assert.equal(pieces("checkbox on an item's second line", 'list'), 0);
  for (const run of splitBlocks(TRICKY['long table']!).filter((r) => r.continues))
    assert.equal(run.head, '| # | Address | Note |\n|--:|:---|:--:|\n', 'a table piece carries the header and delimiter rows');
  for (const run of splitBlocks(TRICKY['long loose list']!).filter((r) => r.continues)) assert.match(run.text, /^\d+\. Point/);
});

test('inserting a row moves no later cut', () => {
  const table = TRICKY['long table']!;
  const before = texts(table);
  const after = texts(table.replace('| 3 | 203.0.113.3 |', '| 2.5 | inserted |\n| 3 | 203.0.113.3 |'));
  assert.equal(after.length, before.length);
  assert.deepEqual(after.slice(1), before.slice(1), 'only the first piece differs');
});

test('an edit inside a long table or list re-parses one piece', () => {
  const md = `Intro.\n\n${TRICKY['long loose list']}\n${TRICKY['long table']}`;
  clearParseCache();
  parseAndConvert(md, 0);
  const pieces = splitBlocks(md).length;
  for (const [from, to] of [
    ['Point 77 with', 'Point 77, revised, with'],
    ['| 150 | 203.0.113.150 |', '| 150 | 198.51.100.7 |'],
  ] as const) {
    const edited = md.replace(from, to);
    assert.notEqual(edited, md);
    const misses = countMisses(() => sameAsWhole(edited, `edited: ${to}`));
    assert.equal(misses, 1, `${to}: one of ${pieces} pieces parsed again`);
  }
});

/** How many runs a call parses anew, seen as growth of the parse cache. */
function countMisses(fn: () => void): number {
  const before = parseCacheStats().runs;
  fn();
  return parseCacheStats().runs - before;
}

test('a list whose last piece is one item stays loose like the whole list', () => {
  // Find a length at which the cut leaves the last item alone: parsed alone it is a tight list.
  let md: string | undefined;
  for (let n = 10; n < 400 && !md; n++) {
    const text = items(n, (i) => `- note ${i}\n\n`) + 'After.\n';
    const runs = splitBlocks(text);
    const last = runs.filter((r) => r.continues === 'list').pop();
    if (last && last.text.match(/^- /gm)?.length === 1) md = text;
  }
  assert.ok(md, 'such a list exists');
  clearParseCache();
  sameAsWhole(md, 'one-item last piece');
});

test('typing in a long table keeps the cache bounded and the current runs in it', () => {
  const md = TRICKY['long table']!.repeat(4);
  clearParseCache();
  const cell = '| 150 | 203.0.113.150 |';
  let last = md;
  for (let i = 0; i < 600; i++) {
    last = md.replace(cell, `| 150 | 198.51.${i >> 8}.${i & 255} |`);
    parseAndConvert(last, 0);
    const { chars, maxChars } = parseCacheStats();
    assert.ok(chars <= maxChars, `after ${i + 1} edits: ${chars} chars cached`);
  }
  assert.equal(countMisses(() => parseAndConvert(last, 0)), 0, 'the letter being edited is still cached');
});
