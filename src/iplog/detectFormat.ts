import { findHeader, type DelimitedPlan } from './parsers/delimited';

export type FormatPlan = DelimitedPlan | { kind: 'json' } | { kind: 'text' };

/** Decides from the start of the text how the rest is read. */
export function detectFormat(head: string): FormatPlan {
  const start = head.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return { kind: 'json' };
  return findHeader(head) ?? { kind: 'text' };
}
