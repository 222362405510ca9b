import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toMarkdown } from '../../../src/iplog/index';
import { escapeCell } from '../../../src/iplog/escape';
import { analyzeText } from './helpers';

describe('log values cannot inject Markdown or HTML', () => {
  test('escapeCell backslash-escapes markup and flattens line breaks', () => {
    assert.equal(escapeCell('a|b'), 'a\\|b');
    assert.equal(escapeCell('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert(1)\\>');
    assert.equal(escapeCell('*bold* _em_ [x](y) `c` \\'), '\\*bold\\* \\_em\\_ \\[x\\](y) \\`c\\` \\\\');
    assert.equal(escapeCell('line1\nline2\r\n'), 'line1 line2');
    assert.equal(escapeCell('&lt;script&gt;'), '\\&lt;script\\&gt;');
  });

  test('hostile user, browser and location values stay inside their cells', () => {
    const text = [
      'User,Login Time,Source IP,Browser,Location',
      '"<script>alert(1)</script>",2024-03-05 09:00,203.0.113.10,"x | y","[click](javascript:alert(1))"',
      '"<script>alert(1)</script>",2024-03-05 09:01,203.0.113.74,"**b**\n| --- |","Naha, Okinawa, Japan"',
    ].join('\n');
    const md = toMarkdown(analyzeText(text), 'en');
    assert.doesNotMatch(md, /<script>/);
    assert.doesNotMatch(md, /[^\\]\[click\]/);
    assert.match(md, /\\<script\\>alert\(1\)\\<\/script\\>/);
    // Every table row still has the header's number of cells.
    const table = md.split('\n').filter((l) => l.startsWith('| 203.0.113.'));
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    const header = md.split('\n').find((l) => l.startsWith('| Address'))!;
    assert.equal(table.length, 2);
    for (const row of table) assert.equal(cells(row), cells(header));
  });
});
