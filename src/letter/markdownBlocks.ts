/**
 * Splits resolved Markdown into runs that parse alone as they do together, so an unchanged
 * run can reuse its parsed tree. Editing one paragraph of a long letter then costs one
 * paragraph's parse, not the whole letter's.
 *
 * The splitter follows only what letters are made of: paragraphs, headings, lists, tables,
 * `:::` layout blocks, fenced code and one-line HTML comments, all starting flush left. A
 * text with anything whose extent it does not follow (HTML blocks, fences or directives that
 * are indented or nested, link reference definitions, lone CR line ends) is one run: slower
 * to re-render, never rendered differently.
 *
 * A run starts only after a blank line, at a line that begins flush left and cannot continue
 * what came before. Long top-level lists are cut between items and tables between rows; such
 * a run says it continues the one before, and the parsed pieces are joined back into one list
 * or table. Where to cut is chosen by the lines' content, so an inserted row seldom moves a later cut.
 */
export interface BlockRun {
  /** The run's own text: the runs' texts joined are the whole text. */
  readonly text: string;
  /** Set when the run goes on with the list or table the run before it ended with. */
  readonly continues?: 'list' | 'table';
  /** Parsed before the text: a table's header and delimiter rows, so its rows read as in the whole table. */
  readonly head?: string;
}

/** Whole-text checks: definitions bind across the document (labels may span lines), and lone CRs end lines. */
const UNFOLLOWED_ANYWHERE = /\]:|\r(?!\n)/;
const BLANK = /^[ \t]*$/;
const FENCE_MARK = /`{3,}|~{3,}/;
const FENCE_OPEN = /^(?:(`{3,})[^`]*|(~{3,}).*)$/;
const DIRECTIVE_MARK = /:::/;
const DIRECTIVE_OPEN = /^:::[A-Za-z]/;
const DIRECTIVE_CLOSE = /^:::[ \t]*$/;
/** A line that may open an HTML block: a tag or `<!`/`<?` first, after any list or quote markers. */
const HTML_START = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*<[A-Za-z/?!]/;
const ONE_LINE_COMMENT = /^<!--.*-->[ \t]*$/;
const CONTINUES = /^(?:[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|\s)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A flush-left list item: the marker kind (ordered delimiter or bullet) and the spaces after it. */
const LIST_ITEM = /^(?:\d{1,9}([.)])|([-*+]))(?=[ \t]|$)([ \t]*)/;
/** Task items give their list a class, so a text with a checkbox anywhere at a line start never has a list cut. */
const TASK_ITEM = /^[ \t]*(?:(?:\d{1,9}[.)]|[-*+])[ \t]+)?\[[ xX]\]/m;
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

/** Cells in a table row: unescaped pipes split them, and a pipe at either end only closes the row. */
function cells(row: string): number {
  const text = row.trim();
  let pipes = 0;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') {
      pipes++;
      last = i;
    }
  }
  const leading = text.startsWith('|') ? 1 : 0;
  const trailing = last === text.length - 1 && last > 0 ? 1 : 0;
  return pipes + 1 - leading - trailing;
}

/** Where an item's content starts: after the marker and one to four spaces (one when there are more, or none). */
function contentIndent(item: RegExpExecArray, line: string): number {
  const marker = item[0].length - item[3]!.length;
  const spaces = item[3]!.length;
  return spaces === 0 || spaces > 4 || item[0].length === line.length ? marker + 1 : marker + spaces;
}

export function splitBlocks(markdown: string): BlockRun[] {
  const whole = [{ text: markdown }];
  if (UNFOLLOWED_ANYWHERE.test(markdown)) return whole;
  const cutLists = !TASK_ITEM.test(markdown);
  const runs: BlockRun[] = [];
  let run: { text: string; continues?: 'list' | 'table'; head?: string } = { text: '' };
  const startRun = (next: Omit<BlockRun, 'text'> = {}) => {
    runs.push(run);
    run = { text: '', ...next };
  };
  let fence: string | undefined;
  let directives = 0;
  let afterBlank = false;
  // The top-level list or table the current line may belong to, and how many items the run holds.
  let list: { kind: string; items: number; indent: number } | undefined;
  let table: { head: string; rows: number } | undefined;
  let header: string | undefined;
  for (const line of markdown.split(/(?<=\n)/)) {
    const content = line.replace(/\r?\n$/, '');
    const blank = BLANK.test(content);

    if (fence !== undefined) {
      run.text += line;
      afterBlank = blank;
      const close = /^(`{3,}|~{3,})[ \t]*$/.exec(content);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = undefined;
      else if (/^ {1,3}(`{3,}|~{3,})/.test(content)) return whole; // an indented close we do not judge
      continue;
    }
    // What the line opens or closes takes effect after the line: the line may still start a run.
    let opens: string | undefined;
    let nesting = 0;
    if (FENCE_MARK.test(content)) {
      const open = FENCE_OPEN.exec(content);
      if (!open || directives > 0) return whole; // not a flush-left fence, or one inside a directive
      opens = open[1] ?? open[2]!;
    } else if (DIRECTIVE_MARK.test(content)) {
      if (DIRECTIVE_OPEN.test(content) && content.indexOf(':::', 3) < 0) nesting = 1;
      else if (DIRECTIVE_CLOSE.test(content) && directives > 0) nesting = -1;
      else return whole;
    } else if (content.includes('<!--') || HTML_START.test(content)) {
      if (!ONE_LINE_COMMENT.test(content)) return whole;
    }

    // Cuts happen outside directives only.
    if (directives === 0) {
      const thematic = THEMATIC_BREAK.test(content);
      // After a tab the content column depends on tab stops: such an item's list is not followed.
      const item = thematic ? null : LIST_ITEM.exec(content);
      const followed = item ? !item[3]!.includes('\t') : true;
      const kind = item ? (item[1] ?? item[2]!) : undefined;
      if (table && TABLE_ROW.test(content)) {
        if (cutBefore(content, table.rows)) {
          startRun({ continues: 'table', head: table.head });
          table.rows = 0;
        }
        table.rows++;
      } else if (header !== undefined && TABLE_DELIMITER.test(content) && cells(content) === cells(header)) {
        table = { head: header + line, rows: 0 };
      } else {
        table = undefined;
      }
      header = !table && (afterBlank || !run.text) && TABLE_ROW.test(content) ? line : undefined;

      // An item with nothing after its marker ends at the next blank line, whatever is indented after it.
      const empty = item !== null && BLANK.test(content.slice(item[0].length));
      if (item && (!followed || empty)) {
        list = undefined;
      } else if (item && kind !== undefined && list?.kind === kind) {
        if (afterBlank && cutLists && cutBefore(content, list.items)) {
          startRun({ continues: 'list' });
          list.items = 0;
        }
        list.items++;
        list.indent = contentIndent(item, content);
      } else if (item && kind !== undefined) {
        list = { kind, items: 1, indent: contentIndent(item, content) };
      } else if (!blank && list) {
        // Inside the list only when indented to the item's content, with spaces; anything else may end it.
        const lead = /^[ \t]*/.exec(content)![0];
        if (lead.includes('\t') || lead.length < list.indent) list = undefined;
      }

      if (afterBlank && !blank && !CONTINUES.test(content) && run.text) startRun();
    }
    run.text += line;
    afterBlank = blank;
    fence = opens;
    if (nesting) {
      directives += nesting;
      list = table = header = undefined;
    }
  }
  if (run.text) runs.push(run);
  return runs;
}
