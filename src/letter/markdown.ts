import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root, RootContent } from 'mdast';
import { remarkLetterLayout, LAYOUT_CLASSES } from './directives';
import { splitBlocks } from './markdownBlocks';

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

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkLetterLayout);

// Raw HTML in the letter is dropped by remark-rehype (allowDangerousHtml stays off) and sanitised again after.
const toHtml = unified().use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify);

/** A run of blocks, parsed, and its HTML once converted. The tree is frozen: every render that meets the same text shares it. */
interface ParsedRun {
  readonly children: readonly RootContent[];
  html?: string;
}

const parsedRuns = new Map<string, ParsedRun>();
const MAX_CACHED_RUNS = 4000;

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
    run = { children: deepFreeze((parser.runSync(parser.parse(text)) as Root).children) };
    if (parsedRuns.size >= MAX_CACHED_RUNS) parsedRuns.clear();
    parsedRuns.set(text, run);
  }
  return run;
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
  if (markdown.length < runsFromChars) {
    const tree = parseWhole(markdown);
    return { tree, html: treeToHtml(tree) };
  }
  const children: RootContent[] = [];
  const html: string[] = [];
  for (const text of splitBlocks(markdown)) {
    const run = parseRun(text);
    children.push(...run.children);
    run.html ??= treeToHtml({ type: 'root', children: [...run.children] });
    if (run.html) html.push(run.html);
  }
  // remark-rehype puts a line feed between top-level elements; so does this join.
  return { tree: { type: 'root', children }, html: html.join('\n') };
}

/** The tree from one parse of the whole text, bypassing the runs (the reference the runs must equal). */
export function parseWhole(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
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
