/** Where the frontmatter sits, found without a YAML parser: cheap enough to run on every keystroke. */
export interface FrontmatterSpan {
  /** Offset of the first YAML character (just after the opening fence line). */
  yamlStart: number;
  /** Offset of the closing fence line. */
  yamlEnd: number;
  /** 0-based line of the closing fence. */
  closeLine: number;
  /** Offset just after the closing fence line. */
  bodyOffset: number;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^(---|\.\.\.)[ \t]*\r?$/;

export function frontmatterSpan(text: string): FrontmatterSpan | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  let lineStart = open[0].length;
  for (let line = 1; ; line++) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    if (CLOSE.test(text.slice(lineStart, lineEnd)))
      return { yamlStart: open[0].length, yamlEnd: lineStart, closeLine: line, bodyOffset: nl === -1 ? text.length : nl + 1 };
    if (nl === -1) return undefined;
    lineStart = nl + 1;
  }
}

/**
 * A letter is a file whose frontmatter has a top-level `template:` key (even
 * still empty, so completion works while it is being typed). Other Markdown
 * files are left alone.
 */
export function isLetterText(text: string): boolean {
  const span = frontmatterSpan(text);
  return !!span && /^template[ \t]*:/m.test(text.slice(span.yamlStart, span.yamlEnd));
}
