/**
 * Log values are untrusted: a user name like `<img onerror=…>` or `a|b` must
 * print as text and never break the table, so every Markdown-significant ASCII
 * character is backslash-escaped and line breaks become spaces.
 */
// Only mid-line markup matters: values never start a line of the output.
const SPECIAL = /[\\`*_{}[\]<>#|~&!$]/g;

export function escapeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(SPECIAL, '\\$&')
    .trim();
}
