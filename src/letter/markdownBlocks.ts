/**
 * Splits resolved Markdown into runs of top-level blocks that parse alone exactly as they
 * do together, so an unchanged run can reuse its parsed tree. Editing one paragraph of a
 * long letter then costs one paragraph's parse, not the whole letter's.
 *
 * A run starts only after a blank line, outside fenced code, container directives and HTML
 * comments, at a line that begins flush left and cannot continue what came before: not a
 * list item, block quote or indented line. Link reference definitions bind across the whole
 * document, so a text that has any is not split.
 */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DIRECTIVE_OPEN = /^ {0,3}:{3,}[A-Za-z]/;
const DIRECTIVE_CLOSE = /^ {0,3}:{3,}\s*$/;
const CONTINUES = /^(?:[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|\s)/;

export function splitBlocks(markdown: string): string[] {
  if (REFERENCE_DEFINITION.test(markdown)) return [markdown];
  const lines = markdown.split(/(?<=\n)/);
  const runs: string[] = [];
  let current = '';
  let fence: string | undefined;
  let directives = 0;
  let inComment = false;
  let afterBlank = false;
  for (const line of lines) {
    const content = line.replace(/\r?\n$/, '');
    const blank = content.trim() === '';
    const neutral = fence === undefined && directives === 0 && !inComment;
    if (neutral && afterBlank && !blank && !CONTINUES.test(content) && current) {
      runs.push(current);
      current = '';
    }
    current += line;
    afterBlank = blank;
    if (fence !== undefined) {
      const m = FENCE.exec(content);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && content.trim() === m[1]) fence = undefined;
      continue;
    }
    const open = FENCE.exec(content);
    if (open && !inComment) {
      fence = open[1]!;
      continue;
    }
    if (inComment) {
      if (content.includes('-->')) inComment = false;
      continue;
    }
    const start = content.lastIndexOf('<!--');
    if (start >= 0 && content.indexOf('-->', start + 4) < 0) inComment = true;
    else if (DIRECTIVE_OPEN.test(content)) directives++;
    else if (DIRECTIVE_CLOSE.test(content) && directives > 0) directives--;
  }
  if (current) runs.push(current);
  return runs;
}
