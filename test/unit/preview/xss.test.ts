import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderLetter } from '../../../src/letter/render';
import { buildPageHtml } from '../../../src/preview/pageDocument';
import { previewBodyHtml } from '../../../src/preview/previewBody';
import { HOSTILE_LETTER } from './letterSamples';

const NONCE = 'AAAAAAAAAAAAAAAAAAAAAA==';

function pages() {
  const result = renderLetter(HOSTILE_LETTER, { today: '2026-11-22' });
  const webview = buildPageHtml(
    { ...result, html: previewBodyHtml(result) },
    { paper: 'A4', mode: 'webview', cspSource: 'vscode-resource:', nonce: NONCE, styleHref: 'vscode-resource:/media/letter.css', scriptSrc: 'vscode-resource:/media/preview.js' },
  );
  const pdf = buildPageHtml(result, { paper: 'A4', mode: 'pdf', inlineCss: '' });
  return { result, webview, pdf };
}

/** Tags as a browser would parse them: any element starting with these names is live markup. */
function liveTags(html: string, name: string): string[] {
  return html.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

test('hostile values and body HTML stay inert in the preview page', () => {
  const { webview, result } = pages();
  assert.ok(result.html.length > 0, 'the letter rendered');
  const scripts = liveTags(webview, 'script');
  assert.equal(scripts.length, 1, 'only our own script');
  assert.ok(scripts[0]!.includes(`nonce="${NONCE}"`));
  for (const tag of ['img', 'iframe']) assert.deepEqual(liveTags(webview, tag), [], `no live <${tag}>`);
  assert.doesNotMatch(webview, /<[^>]+\son\w+\s*=/i, 'no event-handler attribute inside any tag');
  assert.doesNotMatch(webview, /href="javascript:/i);
});

test('the same holds for the PDF page, which has no script at all', () => {
  const { pdf } = pages();
  assert.deepEqual(liveTags(pdf, 'script'), []);
  assert.deepEqual(liveTags(pdf, 'img'), []);
  assert.doesNotMatch(pdf, /<[^>]+\son\w+\s*=/i);
});

test('hostile frontmatter values are shown as the text they are', () => {
  const { result } = pages();
  // Escaped in the HTML so a reader sees exactly what the vendor field held.
  assert.match(result.html, /悪意ある会社 &#x3C;img src=x onerror=alert\(1\)>/);
  assert.match(result.html, /&#x3C;script>alert\(1\)&#x3C;\/script>/);
  assert.match(result.text, /悪意ある会社 <img src=x onerror=alert\(1\)> 御中/);
});
