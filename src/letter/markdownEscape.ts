/**
 * Case values are plain text: a company called `*Acme*` or `<img onerror=…>`
 * must print as written, so every character that Markdown could read as markup
 * is backslash-escaped (CommonMark allows that for all ASCII punctuation).
 */
const INLINE = /[\\`*_[\]<>&|~!{}:]/g;
/** Characters that only mean something at the start of a line (headings, quotes, lists, rules). */
const LINE_START = /^(\s*)([#>+=-]|\d+[.)])/;

export function escapeMarkdown(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value).replace(INLINE, '\\$&');
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(LINE_START, (_m, space: string, mark: string) => `${space}${mark.replace(/[#>+=\-.)]/, '\\$&')}`))
    .join('\\\n');
}
