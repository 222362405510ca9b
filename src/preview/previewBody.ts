import { escapeHtml } from './pageDocument';
import type { PageSource } from './types';

interface Renderable extends PageSource {
  problems: readonly { severity: 'error' | 'warning'; message: string; range: { start: { line: number } } }[];
}

/**
 * The body the preview shows: the letter, or, when nothing could be rendered
 * (broken frontmatter, unknown template), the errors that explain why.
 */
export function previewBodyHtml(result: Renderable): string {
  if (result.html.trim()) return result.html;
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return '';
  const items = errors.map((p) => `<li>${escapeHtml(`${p.range.start.line + 1}: ${p.message}`)}</li>`).join('\n');
  return `<div class="render-problems"><ul>\n${items}\n</ul></div>`;
}
