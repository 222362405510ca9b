import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'mdast';
import { remarkLetterLayout, LAYOUT_CLASSES } from './directives';

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

export function parseMarkdown(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}

export function markdownToHtml(markdown: string): string {
  return treeToHtml(parseMarkdown(markdown));
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
