/**
 * Splits resolved Markdown into runs that parse alone as they do together, so an unchanged
 * run can reuse its parsed tree. Editing one paragraph of a long letter then costs one
 * paragraph's parse, not the whole letter's.
 *
 * A run starts only after a blank line, outside fenced code, container directives and HTML
 * comments, at a line that begins flush left and cannot continue what came before: not a
 * list item, block quote or indented line. Link reference definitions bind across the whole
 * document, so a text that has any is not split.
 *
 * Long top-level lists and tables are cut as well, between items or rows; such a run says it
 * continues the one before, and the parsed pieces are joined back into one list or table.
 * Where to cut is chosen by the lines' content, so inserting a row moves no later cut.
 */
export interface BlockRun {
  /** The run's own text: the runs' texts joined are the whole text. */
  readonly text: string;
  /** Set when the run goes on with the list or table the run before it ended with. */
  readonly continues?: 'list' | 'table';
  /** Parsed before the text: a table's header and delimiter rows, so its rows read as in the whole table. */
  readonly head?: string;
}

const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DIRECTIVE_OPEN = /^ {0,3}:{3,}[A-Za-z]/;
const DIRECTIVE_CLOSE = /^ {0,3}:{3,}\s*$/;
const CONTINUES = /^(?:[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|\s)/;
/** A flush-left list item; the marker kind is the ordered delimiter or the bullet. */
const LIST_ITEM = /^(?:\d{1,9}([.)])|([-*+]))(?:[ \t]|$)/;
/** Task items give their list a class, so a list that has any is never cut. */
const TASK_ITEM = /^[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+\[[ xX]\]/m;
const TABLE_ROW = /^\|/;
const TABLE_DELIMITER = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$/;

/** A cut inside a list or table comes after at least MIN items, at most MAX, and else where a line's hash says. */
const MIN_PER_RUN = 8;
const MAX_PER_RUN = 64;
const CUT_ONE_IN = 16;

function lineHash(line: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < line.length; i++) h = Math.imul(h ^ line.charCodeAt(i), 0x01000193);
  // FNV's low bits barely depend on the text; mix the high bits down before taking a remainder.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function cutBefore(line: string, itemsSoFar: number): boolean {
  return itemsSoFar >= MIN_PER_RUN && (itemsSoFar >= MAX_PER_RUN || lineHash(line) % CUT_ONE_IN === 0);
}

export function splitBlocks(markdown: string): BlockRun[] {
  if (REFERENCE_DEFINITION.test(markdown)) return [{ text: markdown }];
  const cutLists = !TASK_ITEM.test(markdown);
  const lines = markdown.split(/(?<=\n)/);
  const runs: BlockRun[] = [];
  let run: { text: string; continues?: 'list' | 'table'; head?: string } = { text: '' };
  const startRun = (next: Omit<BlockRun, 'text'> = {}) => {
    runs.push(run);
    run = { text: '', ...next };
  };
  let fence: string | undefined;
  let directives = 0;
  let inComment = false;
  let afterBlank = false;
  // The top-level list or table the current line may belong to, and how many items the run holds.
  let list: { kind: string; items: number } | undefined;
  let table: { head: string; rows: number } | undefined;
  let header: string | undefined;
  for (const line of lines) {
    const content = line.replace(/\r?\n$/, '');
    const blank = content.trim() === '';
    const neutral = fence === undefined && directives === 0 && !inComment;
    if (neutral) {
      const item = LIST_ITEM.exec(content);
      const kind = item ? (item[1] ?? item[2]!) : undefined;
      if (table && TABLE_ROW.test(content)) {
        if (cutBefore(content, table.rows)) {
          startRun({ continues: 'table', head: table.head });
          table.rows = 0;
        }
        table.rows++;
      } else if (header !== undefined && TABLE_DELIMITER.test(content)) {
        table = { head: header + line, rows: 0 };
      } else {
        table = undefined;
      }
      header = !table && (afterBlank || !run.text) && TABLE_ROW.test(content) ? line : undefined;

      if (kind !== undefined && list?.kind === kind) {
        if (afterBlank && cutLists && cutBefore(content, list.items)) {
          startRun({ continues: 'list' });
          list.items = 0;
        }
        list.items++;
      } else if (kind !== undefined) {
        list = { kind, items: 1 };
      } else if (!blank && !/^\s/.test(content)) {
        list = undefined;
      }

      if (afterBlank && !blank && !CONTINUES.test(content) && run.text) startRun();
    }
    run.text += line;
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
  if (run.text) runs.push(run);
  return runs;
}
