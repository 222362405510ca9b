import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { pointRange, type Problem, type Range } from './problems';
import { TextPositions } from './textPositions';

export type CaseRecord = Record<string, unknown>;

export interface Frontmatter {
  /** The parsed data; undefined when there is no frontmatter or it is not a mapping. */
  data?: CaseRecord;
  doc?: Document;
  /** Offset in the file of the first character of the YAML text. */
  yamlOffset: number;
  yamlText: string;
  body: string;
  /** Offset in the file where the body begins (just after the closing fence). */
  bodyOffset: number;
  positions: TextPositions;
  problems: Problem[];
}

const headParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/**
 * Only the head of the file can hold frontmatter, so remark reads just up to the
 * first closing fence: a long letter costs no more than a short one here.
 */
function head(text: string): string {
  const close = /\r?\n(---|\.\.\.)[ \t]*(\r?\n|$)/g;
  close.lastIndex = 3;
  const m = close.exec(text);
  return m ? text.slice(0, m.index + m[0].length) : text;
}

export function parseFrontmatter(text: string): Frontmatter {
  const positions = new TextPositions(text);
  const tree = headParser.parse(head(text));
  const node = tree.children[0];
  if (!node || node.type !== 'yaml' || node.position?.end.offset === undefined) {
    return {
      yamlOffset: 0,
      yamlText: '',
      body: text,
      bodyOffset: 0,
      positions,
      problems: [
        {
          severity: 'error',
          code: 'no-frontmatter',
          message: 'The letter has no YAML frontmatter: start the file with a line "---", the case fields, and another "---".',
          range: pointRange(0, 0, 3),
        },
      ],
    };
  }
  const start = node.position.start.offset ?? 0;
  const yamlOffset = text.indexOf('\n', start) + 1;
  const bodyOffset = node.position.end.offset;
  const yamlText = node.value;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [from, to] = e.pos;
    problems.push({
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      code: 'yaml-syntax',
      message: `YAML: ${firstLine(e.message)}`,
      range: positions.rangeOf(yamlOffset + from, yamlOffset + Math.max(to, from + 1)),
    });
  }
  let data: CaseRecord | undefined;
  if (doc.errors.length === 0) {
    const value: unknown = doc.toJS({ maxAliasCount: 50 });
    if (value === null || value === undefined) data = {};
    else if (typeof value === 'object' && !Array.isArray(value)) data = value as CaseRecord;
    else
      problems.push({
        severity: 'error',
        code: 'schema',
        message: 'The frontmatter must be a mapping of fields (key: value), not a single value or a list.',
        range: positions.rangeOf(yamlOffset, yamlOffset + yamlText.length),
      });
  }
  return { data, doc, yamlOffset, yamlText, body: text.slice(bodyOffset), bodyOffset, positions, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

export type PathSegment = string | number;

/** Where a field's value sits in the file, or its key when `key` is asked for. */
export function rangeOfPath(fm: Frontmatter, path: PathSegment[], key = false): Range | undefined {
  if (!fm.doc) return undefined;
  let node: unknown = fm.doc.contents;
  let keyNode: YamlNode | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) return undefined;
      keyNode = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      keyNode = undefined;
    } else return undefined;
  }
  const target = (key && keyNode) || (node as YamlNode | null) || keyNode;
  if (!target?.range) return undefined;
  const [from, valueEnd] = target.range;
  return fm.positions.rangeOf(fm.yamlOffset + from, fm.yamlOffset + valueEnd);
}

/** The range of the whole frontmatter block, for problems that concern no single field. */
export function frontmatterRange(fm: Frontmatter): Range {
  const start = Math.max(0, fm.yamlOffset - 4);
  return fm.positions.rangeOf(start, Math.max(start + 3, fm.yamlOffset - 1));
}
