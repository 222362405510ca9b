import type { LetterLang, PageSource, PaperSize } from './types';

export interface PageOptions {
  paper: PaperSize;
  /** 'webview' adds the CSP for VS Code and the nonce'd script; 'pdf' carries no script at all. */
  mode: 'pdf' | 'webview';
  /** webview.cspSource; required in webview mode. */
  cspSource?: string;
  /** Required in webview mode; every script tag carries it. */
  nonce?: string;
  /** URL of media/letter.css (webview mode). */
  styleHref?: string;
  /** Contents of media/letter.css (pdf mode, where the page is a lone temporary file). */
  inlineCss?: string;
  /** URL of media/preview.js (webview mode). */
  scriptSrc?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Safe for text and for double-quoted attributes (the only kind this module writes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

function safeLang(lang: string): LetterLang {
  return lang === 'ja' ? 'ja' : 'en';
}

// Nonces are base64; anything else could break out of the CSP or the attribute.
const NONCE = /^[A-Za-z0-9+/=_-]{16,}$/;

export function webviewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

// The printed page runs no script at all; the inline stylesheet is the only thing allowed.
const PDF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/**
 * A complete HTML document that looks like the printed page. The letter body is
 * the renderer's sanitised fragment; nothing here adds a way for letter text to
 * become markup or script.
 */
export function buildPageHtml(source: PageSource, opts: PageOptions): string {
  const lang = safeLang(source.lang);
  const paperClass = opts.paper === 'Letter' ? 'paper-letter' : 'paper-a4';
  const head: string[] = ['<meta charset="utf-8">'];

  if (opts.mode === 'webview') {
    const { cspSource, nonce, styleHref, scriptSrc } = opts;
    if (!cspSource || !nonce || !styleHref) throw new Error('buildPageHtml: webview mode needs cspSource, nonce and styleHref');
    if (!NONCE.test(nonce)) throw new Error('buildPageHtml: the nonce must be base64 of at least 16 characters');
    head.push(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(webviewCsp(cspSource, nonce))}">`);
    head.push(`<link rel="stylesheet" href="${escapeHtml(styleHref)}">`);
    if (scriptSrc) head.push(`<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(scriptSrc)}" defer></script>`);
  } else {
    if (opts.inlineCss === undefined) throw new Error('buildPageHtml: pdf mode needs inlineCss');
    head.push(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(PDF_CSP)}">`);
    // "</style" inside the CSS would end the element early; the stylesheet is ours, but stay strict.
    head.push(`<style>${opts.inlineCss.replace(/<\/style/gi, '<\\/style')}</style>`);
  }
  head.push(`<title>${escapeHtml(source.subject)}</title>`);

  const label = opts.mode === 'webview' ? `<div class="paper-label" id="paper-label">${opts.paper}</div>\n` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}" class="${paperClass} mode-${opts.mode}">`,
    `<head>\n${head.join('\n')}\n</head>`,
    '<body>',
    `${label}<main class="sheet"><article class="letter" id="letter-body">`,
    source.html,
    '</article></main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
