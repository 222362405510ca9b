import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root, RootContent } from 'mdast';
import { remarkContainerDirectives, remarkLetterLayout, LAYOUT_CLASSES } from './directives';
import { splitBlocks } from './markdownBlocks';
import { WeightedLru } from '../util/weightedLru';

/** Marks a missing field in rendered text; private-use characters cannot occur in Markdown syntax. */
export const MISSING_OPEN = '\uE000';
export const MISSING_CLOSE = '\uE001';
const MISSING = /\uE000([\w.[\]-]+)\uE001/g;

export function missingMarker(field: string): string {
  return `${MISSING_OPEN}${field}${MISSING_CLOSE}`;
}

// Sanitising keeps GitHub's safe subset, plus our two layout classes on divs.
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.div ?? []), ['className', ...Object.values(LAYOUT_CLASSES)]],
  },
};

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkContainerDirectives).use(remarkLetterLayout);

// Raw HTML in the letter is dropped by remark-rehype (allowDangerousHtml stays off) and sanitised again after.
const toHtml = unified().use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify);

/** A run of blocks, parsed, and its HTML once converted. The tree is frozen: every render that meets the same text shares it. */
interface ParsedRun {
  readonly children: readonly RootContent[];
  /** HTML by how the run's edge lists are converted (see runHtml). */
  readonly html: Map<number, string>;
}

/**
 * Parsed runs by text, up to five 100 KB letters' worth of text: a run's tree takes some
 * seventy times its text in memory, and every edit of a run adds a version.
 */
const MAX_CACHED_CHARS = 500_000;
const parsedRuns = new WeightedLru<string, ParsedRun>(MAX_CACHED_CHARS);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function parseRun(text: string): ParsedRun {
  let run = parsedRuns.get(text);
  if (!run) {
    run = { children: deepFreeze((parser.runSync(parser.parse(text), text) as Root).children), html: new Map() };
    parsedRuns.set(text, run, text.length);
  }
  return run;
}

const LOOSE_FIRST = 1;
const LOOSE_LAST = 2;

/**
 * A list cut into runs is loose as a whole (the cuts fall after blank lines), though a piece
 * alone may parse tight; its pieces are converted as the loose list they belong to.
 */
function runHtml(run: ParsedRun, loose: number): string {
  let html = run.html.get(loose);
  if (html === undefined) {
    const children = run.children.map((node, i) =>
      node.type === 'list' && ((i === 0 && loose & LOOSE_FIRST) || (i === run.children.length - 1 && loose & LOOSE_LAST)) ? { ...node, spread: true } : node,
    );
    html = treeToHtml({ type: 'root', children });
    run.html.set(loose, html);
  }
  return html;
}

const LIST_OPEN = /^<(ol|ul)(?: start="\d+")?>\n/;
const TABLE_HEAD = /^<table>\n<thead>\n[\s\S]*?\n<\/thead>\n<tbody>\n/;
const TABLE_END = '\n</tbody>\n</table>';

/** Joins a continuing run's first node to the node the runs so far ended with; false when they do not fit. */
function joinNode(children: RootContent[], html: string[], next: readonly RootContent[], nextHtml: string, kind: 'list' | 'table'): boolean {
  const last = children[children.length - 1];
  const first = next[0];
  const lastHtml = html[html.length - 1];
  if (!last || !first || lastHtml === undefined || last.type !== kind || first.type !== kind) return false;
  if (last.type === 'list' && first.type === 'list') {
    const open = LIST_OPEN.exec(nextHtml);
    const close = `\n</${last.ordered ? 'ol' : 'ul'}>`;
    if (!open || last.ordered !== first.ordered || !lastHtml.endsWith(close)) return false;
    children[children.length - 1] = { ...last, spread: true, children: [...last.children, ...first.children] };
    html[html.length - 1] = `${lastHtml.slice(0, -close.length)}\n${nextHtml.slice(open[0].length)}`;
  } else if (last.type === 'table' && first.type === 'table') {
    const open = TABLE_HEAD.exec(nextHtml);
    if (!open || !lastHtml.endsWith(TABLE_END)) return false;
    children[children.length - 1] = { ...last, children: [...last.children, ...first.children.slice(1)] };
    html[html.length - 1] = `${lastHtml.slice(0, -TABLE_END.length)}\n${nextHtml.slice(open[0].length)}`;
  } else return false;
  children.push(...next.slice(1));
  return true;
}

/**
 * Below this size one parse of the whole text is quicker than splitting it: each parse and
 * conversion has a fixed cost that many small runs would pay again and again.
 */
const RUNS_FROM_CHARS = 16_000;

/**
 * The tree and its HTML. A long text goes run by run (see splitBlocks), and only runs not seen
 * before are parsed and converted; the result is the same as from one parse of the whole. The
 * tree is read-only: its nodes may be shared with other renders.
 */
export function parseAndConvert(markdown: string, runsFromChars = RUNS_FROM_CHARS): { tree: Root; html: string } {
  const whole = () => {
    const tree = parseWhole(markdown);
    return { tree, html: treeToHtml(tree) };
  };
  if (markdown.length < runsFromChars) return whole();
  const runs = splitBlocks(markdown);
  const children: RootContent[] = [];
  const html: string[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const parsed = parseRun((run.head ?? '') + run.text);
    const loose = (run.continues === 'list' ? LOOSE_FIRST : 0) | (runs[i + 1]?.continues === 'list' ? LOOSE_LAST : 0);
    const converted = runHtml(parsed, loose);
    if (run.continues) {
      // A piece of another kind than its neighbour (a cut the splitter misjudged) falls back to the whole
      // parse; that two lists of the same kind belong together is the splitter's to get right.
      if (!joinNode(children, html, parsed.children, converted, run.continues)) return whole();
      continue;
    }
    children.push(...parsed.children);
    if (converted) html.push(converted);
  }
  // remark-rehype puts a line feed between top-level elements; so does this join.
  return { tree: { type: 'root', children }, html: html.join('\n') };
}

/** The tree from one parse of the whole text, bypassing the runs (the reference the runs must equal). */
export function parseWhole(markdown: string): Root {
  return parser.runSync(parser.parse(markdown), markdown) as Root;
}

/** What the parse cache holds: runs, their texts' summed length and its limit (for tests). */
export function parseCacheStats(): { runs: number; chars: number; maxChars: number } {
  return { runs: parsedRuns.size, chars: parsedRuns.weight, maxChars: MAX_CACHED_CHARS };
}

/** Forgets the parsed runs (for measuring a first render). */
export function clearParseCache(): void {
  parsedRuns.clear();
}

/** HTML from a parsed tree; remark-rehype builds a new tree, so the Markdown one can be read again after. */
export function treeToHtml(tree: Root): string {
  const html = toHtml.stringify(toHtml.runSync(tree as never) as never);
  return html.replace(MISSING, (_m, field: string) => `<mark class="missing-field" data-field="${field}">${field}</mark>`);
}

/** In Markdown and plain text a missing field shows as ⟦field⟧: visible, and not Markdown syntax. */
export function showMissingAsText(text: string): string {
  return text.replace(MISSING, '⟦$1⟧');
}
