import type { RenderResult } from './render';

/** The e-mail as one text: subject line, blank line, body. */
export function composeEmail(result: Pick<RenderResult, 'lang' | 'subject' | 'text'>): string {
  const label = result.lang === 'ja' ? '件名' : 'Subject';
  return `${label}: ${result.subject}\n\n${result.text}`;
}
