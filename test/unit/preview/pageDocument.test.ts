import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPageHtml, webviewCsp } from '../../../src/preview/pageDocument';
import { makeNonce } from '../../../src/preview/nonce';
import { readLetterCss } from '../../../src/preview/stylesheet';

const FRAGMENT = '<p>株式会社サンプル</p><p><mark class="missing-field" data-field="vendor.person">vendor.person</mark> 様</p>';
const SOURCE = { lang: 'ja' as const, html: FRAGMENT, subject: 'ライセンス調査について（ご回答）' };
const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function webview(nonce = makeNonce()) {
  return {
    nonce,
    html: buildPageHtml(SOURCE, {
      paper: 'A4',
      mode: 'webview',
      cspSource: CSP_SOURCE,
      nonce,
      styleHref: `${CSP_SOURCE}/ext/media/letter.css`,
      scriptSrc: `${CSP_SOURCE}/ext/media/preview.js`,
    }),
  };
}

test('the webview page carries the strict CSP with its nonce', () => {
  const { html, nonce } = webview();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, 'CSP meta present');
  assert.equal(
    meta[1],
    `default-src 'none'; img-src ${CSP_SOURCE} data:; style-src ${CSP_SOURCE}; script-src 'nonce-${nonce}'; font-src ${CSP_SOURCE}`,
  );
  assert.equal(webviewCsp(CSP_SOURCE, nonce), meta[1]);
  // The CSP must come before anything it governs.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'));
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
});

test('every script tag in the webview page has the nonce, and nothing is inline', () => {
  const { html, nonce } = webview();
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  assert.equal(scripts.length, 1);
  for (const tag of scripts) {
    assert.ok(tag.includes(`nonce="${nonce}"`), tag);
    assert.match(tag, /src="[^"]+preview\.js"/);
  }
  assert.doesNotMatch(html, /<style/i, 'no inline style: style-src allows only the extension');
  assert.doesNotMatch(html, /\sstyle="/i);
  assert.doesNotMatch(html, /\son[a-z]+=/i);
});

test('nonces are fresh and well-formed; a malformed nonce is refused', () => {
  const a = makeNonce();
  const b = makeNonce();
  assert.notEqual(a, b);
  assert.match(a, /^[A-Za-z0-9+/]{22}==$/);
  assert.throws(() => webview(`abc" onload="x`), /nonce/);
});

test('the document is the letter: language, paper class, title, missing fields kept visible', () => {
  const { html } = webview();
  assert.match(html, /^<!DOCTYPE html>\n<html lang="ja" class="paper-a4 mode-webview">/);
  assert.match(html, /<title>ライセンス調査について（ご回答）<\/title>/);
  assert.ok(html.includes('<mark class="missing-field" data-field="vendor.person">vendor.person</mark>'));
  const letter = buildPageHtml({ ...SOURCE, lang: 'en' }, { paper: 'Letter', mode: 'pdf', inlineCss: 'p{}' });
  assert.match(letter, /<html lang="en" class="paper-letter mode-pdf">/);
});

test('the subject is text, never markup', () => {
  const html = buildPageHtml({ ...SOURCE, subject: '</title><script>alert(1)</script>' }, { paper: 'A4', mode: 'pdf', inlineCss: '' });
  assert.ok(html.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>'));
  assert.doesNotMatch(html, /<script/i);
});

test('an unknown language falls back to English instead of reaching the attribute', () => {
  const html = buildPageHtml({ ...SOURCE, lang: 'ja" onload="x' as 'ja' }, { paper: 'A4', mode: 'pdf', inlineCss: '' });
  assert.match(html, /<html lang="en"/);
});

test('the PDF page inlines the shared stylesheet and allows no script at all', () => {
  const css = readLetterCss();
  const html = buildPageHtml(SOURCE, { paper: 'A4', mode: 'pdf', inlineCss: css });
  assert.ok(html.includes(css));
  assert.doesNotMatch(html, /<script/i);
  const csp = /content="([^"]+)"/.exec(html.slice(html.indexOf('Content-Security-Policy')))![1]!;
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /script-src/);
});

test('webview mode without its security inputs is refused', () => {
  assert.throws(() => buildPageHtml(SOURCE, { paper: 'A4', mode: 'webview', cspSource: CSP_SOURCE, styleHref: 'x' }), /webview mode needs/);
  assert.throws(() => buildPageHtml(SOURCE, { paper: 'A4', mode: 'pdf' }), /pdf mode needs inlineCss/);
});

test('the stylesheet sets paper sizes, margins, page numbers and the Japanese font stack', () => {
  const css = readLetterCss();
  assert.match(css, /@page\s*{[^}]*size:\s*A4/);
  assert.match(css, /@page us-letter\s*{[^}]*size:\s*letter/);
  assert.match(css, /html\.paper-letter body\s*{\s*page:\s*us-letter/);
  assert.match(css, /@bottom-center\s*{\s*content:\s*counter\(page\)/);
  assert.match(css, /html\[lang='ja'\] body\s*{\s*font-family:\s*'Noto Serif CJK JP', 'Noto Serif JP', 'Noto Sans CJK JP', 'Yu Mincho'/);
  assert.match(css, /mark\.missing-field/);
});
