import { isMap, isScalar, isSeq, stringify, type Node as YamlNode } from 'yaml';
import type { Lang } from './dates';
import type { CaseRecord, Frontmatter, PathSegment } from './frontmatter';
import { HELPERS } from './helpers';
import { frontmatterSpan } from './isLetter';
import { allFieldPaths, specAt } from './schema';

/** What the text before the cursor asks for; offsets are into the whole file. */
export type CompletionContext =
  | { kind: 'expression'; token: string; tokenStart: number; first: boolean; block: boolean; eachPath?: string }
  | { kind: 'partial'; token: string; tokenStart: number }
  | { kind: 'frontmatterValue'; key: 'template' | 'lang' | 'format'; token: string; tokenStart: number };

/** Expressions rarely span more than this; looking further back only costs time. */
const LOOKBACK = 600;
const TOKEN = /[\w.@$\-/[\]]*$/;

function lineBefore(text: string, offset: number): string {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
}

/** The `{{` left open before `offset`, if any: its offset and the expression text so far. */
function openMustache(text: string, offset: number, from: number): { open: number; expr: string } | undefined {
  const start = Math.max(from, offset - LOOKBACK);
  const before = text.slice(start, offset);
  const at = before.lastIndexOf('{{');
  if (at < 0 || before.indexOf('}}', at) !== -1) return undefined;
  return { open: start + at, expr: before.slice(at + 2).replace(/^\{/, '') };
}

/** The innermost `{{#each path}}` still open at `offset`, so item fields can be offered bare. */
export function enclosingEach(text: string, offset: number, from = 0): string | undefined {
  const stack: string[] = [];
  const re = /\{\{~?\s*(#each\s+([\w.@/-]+)|\/each)\b/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < offset; m = re.exec(text)) {
    if (m[2]) stack.push(m[2]);
    else stack.pop();
  }
  return stack[stack.length - 1];
}

export function completionContextAt(text: string, offset: number): CompletionContext | undefined {
  const span = frontmatterSpan(text);
  if (span && offset < span.bodyOffset) {
    if (offset < span.yamlStart || offset > span.yamlEnd) return undefined;
    const m = /^(template|lang|format)[ \t]*:[ \t]*["']?([\w.-]*)$/.exec(lineBefore(text, offset));
    if (!m) return undefined;
    return { kind: 'frontmatterValue', key: m[1] as 'template' | 'lang' | 'format', token: m[2]!, tokenStart: offset - m[2]!.length };
  }
  const bodyStart = span?.bodyOffset ?? 0;
  const open = openMustache(text, offset, bodyStart);
  if (!open) return undefined;
  let expr = open.expr.replace(/^~/, '');
  if (/^\s*!/.test(expr) || /^\s*\//.test(expr)) return undefined;
  const partial = /^\s*>\s*([\w./-]*)$/.exec(expr);
  if (partial) return { kind: 'partial', token: partial[1]!, tokenStart: offset - partial[1]!.length };
  if (/^\s*>/.test(expr)) return undefined;
  if ((expr.match(/["']/g)?.length ?? 0) % 2 === 1) return undefined; // inside a string literal
  let block = false;
  const head = /^\s*(?:[#^]|else\s+)/.exec(expr);
  if (head) {
    block = true;
    expr = expr.slice(head[0].length);
  }
  const token = TOKEN.exec(expr)![0];
  const rest = expr.slice(0, expr.length - token.length);
  const first = rest.trim() === '' || /\(\s*$/.test(rest);
  const eachPath = enclosingEach(text, open.open, bodyStart);
  return { kind: 'expression', token, tokenStart: offset - token.length, first, block: block && rest.trim() === '', ...(eachPath ? { eachPath } : {}) };
}

const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'];
const KEYWORDS = new Set(['else', 'this', 'true', 'false', 'null', 'undefined']);

/** The field path under the cursor inside `{{ … }}`, for hover. Helper names and literals are not fields. */
export function expressionPathAt(text: string, offset: number): { path: string; start: number; end: number; eachPath?: string } | undefined {
  const bodyStart = frontmatterSpan(text)?.bodyOffset ?? 0;
  if (offset < bodyStart) return undefined;
  const open = openMustache(text, offset, bodyStart);
  const close = text.indexOf('}}', offset);
  if (!open || close < 0 || close - offset > LOOKBACK) return undefined;
  const inner = open.open + 2;
  const isChar = (c: string | undefined) => !!c && /[\w.@$\-/[\]]/.test(c);
  let start = offset;
  let end = offset;
  while (start > inner && isChar(text[start - 1])) start--;
  while (end < close && isChar(text[end])) end++;
  const raw = text.slice(start, end);
  const prev = text.slice(inner, start).replace(/^\{?~?\s*/, '');
  if (!raw || /^[!>/]/.test(prev) || raw.startsWith('/')) return undefined;
  if ((prev.match(/["']/g)?.length ?? 0) % 2 === 1 || text[end] === '=') return undefined; // a string literal or a hash key
  if (/^-?\d+(\.\d+)?$/.test(raw) || KEYWORDS.has(raw) || raw.startsWith('@') || Object.hasOwn(HELPERS, raw) || raw === 'lookup') return undefined;
  if (/^[#^]?\s*$/.test(prev) && BLOCK_HELPERS.includes(raw)) return undefined;
  const path = raw.replace(/^(\.\/|this\.)/, '');
  const eachPath = enclosingEach(text, open.open, bodyStart);
  return { path, start, end, ...(eachPath ? { eachPath } : {}) };
}

/** The key path of the frontmatter key under `offset` (a file offset), for hover. */
export function frontmatterKeyAt(fm: Frontmatter, offset: number): PathSegment[] | undefined {
  const at = offset - fm.yamlOffset;
  const walk = (node: unknown, path: PathSegment[]): PathSegment[] | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        const name = isScalar(key) ? key.value : undefined;
        if (typeof name !== 'string' && typeof name !== 'number') continue;
        if (key?.range && at >= key.range[0] && at <= key.range[1]) return [...path, name];
        const inner = walk(pair.value, [...path, name]);
        if (inner) return inner;
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const inner = walk(node.items[i], [...path, i]);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return fm.doc ? walk(fm.doc.contents, []) : undefined;
}

/** A value at a dotted path (`quote.items.0.hours`), own properties only. */
export function valueAt(data: unknown, path: string | readonly PathSegment[]): unknown {
  const segments = typeof path === 'string' ? path.split('.').filter(Boolean) : path;
  let v: unknown = data;
  for (const seg of segments) {
    if (typeof v !== 'object' || v === null || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg as string];
  }
  return v;
}

/** A value as the user would write it; undefined when there is none to show. */
export function describeValue(value: unknown, max = 400): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'object' ? stringify(value, { lineWidth: 0 }).trimEnd() : String(value);
  return text.length > max ? text.slice(0, max) + '…' : text;
}

/** The schema doc of a field, resolving bare names inside `{{#each}}` against the list's items. */
export function fieldDoc(path: string, lang: Lang, eachPath?: string): string | undefined {
  const segs = path.split('.').filter(Boolean);
  const spec = specAt(segs) ?? (eachPath ? specAt([...eachPath.split('.'), '0', ...segs]) : undefined);
  return spec?.doc[lang];
}

export interface Candidate {
  label: string;
  kind: 'field' | 'helper' | 'value';
  /** 'schema' fields are documented; 'frontmatter' ones only exist in this letter. */
  origin: 'schema' | 'frontmatter' | 'item' | 'helper';
  documentation?: string;
  /** The current value, shortened. */
  detail?: string;
}

const HELPER_DOCS: Record<string, { en: string; ja: string }> = {
  formatDate: { en: 'Formats a YYYY-MM-DD date for the letter language (era dates when eraDates is true).', ja: 'YYYY-MM-DD の日付を文書の言語で表記します（eraDates が true なら和暦）。' },
  eraDate: { en: 'Formats a date with the Japanese era (令和).', ja: '日付を和暦（令和）で表記します。' },
  addBusinessDays: { en: 'A date n business days later (weekends and, in Japanese letters, holidays skipped).', ja: 'n 営業日後の日付（土日と、日本語の文書では祝日を除く）。' },
  addDays: { en: 'A date n days later.', ja: 'n 日後の日付。' },
  currency: { en: 'Formats an amount in the quote currency.', ja: '金額を見積りの通貨で表記します。' },
  number: { en: 'Formats a number with digit grouping.', ja: '数値を桁区切りで表記します。' },
  percent: { en: 'Formats a fraction as a percentage (0.1 → 10%).', ja: '割合を百分率で表記します（0.1 → 10%）。' },
  recipient: { en: 'The addressee block (御中 / 様 in Japanese letters).', ja: '宛名（組織宛は御中、個人宛は様）。' },
  salutation: { en: 'Who the greeting names.', ja: '挨拶で呼びかける相手の名前。' },
  eq: { en: 'True when both values are equal.', ja: '2 つの値が等しいとき真。' },
  ne: { en: 'True when the values differ.', ja: '2 つの値が異なるとき真。' },
  and: { en: 'True when every value is true.', ja: 'すべての値が真のとき真。' },
  or: { en: 'True when any value is true.', ja: 'いずれかの値が真のとき真。' },
  not: { en: 'The opposite of a value.', ja: '値の否定。' },
  join: { en: 'Joins a list with a separator.', ja: 'リストを区切り文字でつなぎます。' },
  lookup: { en: 'Looks up a property by name.', ja: '名前でプロパティを参照します。' },
  if: { en: 'Renders the block when the value is set.', ja: '値があるときにブロックを出力します。' },
  unless: { en: 'Renders the block when the value is empty.', ja: '値がないときにブロックを出力します。' },
  each: { en: 'Renders the block once per list item.', ja: 'リストの各項目についてブロックを出力します。' },
  with: { en: 'Renders the block with the value as context.', ja: '値を文脈としてブロックを出力します。' },
};

/** Paths of every leaf and object in the letter's own data that the schema does not describe (e.g. custom.*). */
function ownPaths(data: CaseRecord | undefined, known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, prefix: string, depth: number) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || depth > 4) return;
    for (const [k, child] of Object.entries(v)) {
      const path = prefix + k;
      if (!known.has(path)) out.push(path);
      walk(child, path + '.', depth + 1);
    }
  };
  walk(data, '', 0);
  return out;
}

/** What may follow the cursor in an expression: fields (schema, item, frontmatter) and, first, helpers. */
export function expressionCandidates(ctx: Extract<CompletionContext, { kind: 'expression' }>, data: CaseRecord | undefined, lang: Lang): Candidate[] {
  const out: Candidate[] = [];
  if (ctx.first) {
    const names = ctx.block ? BLOCK_HELPERS : [...Object.keys(HELPERS), 'lookup'];
    for (const name of names) out.push({ label: name, kind: 'helper', origin: 'helper', documentation: HELPER_DOCS[name]?.[lang] });
  }
  const entries = allFieldPaths().filter((f) => !f.path.includes('[]'));
  const known = new Set(allFieldPaths().map((f) => f.path));
  for (const { path, spec } of entries)
    out.push({ label: path, kind: 'field', origin: 'schema', documentation: spec.doc[lang], detail: describeValue(valueAt(data, path), 80) });
  if (ctx.eachPath) {
    const prefix = ctx.eachPath.replace(/^(\.\.\/)+/, '') + '[].';
    for (const { path, spec } of allFieldPaths())
      if (path.startsWith(prefix) && !path.slice(prefix.length).includes('.'))
        out.push({ label: path.slice(prefix.length), kind: 'field', origin: 'item', documentation: spec.doc[lang] });
  }
  for (const path of ownPaths(data, known)) out.push({ label: path, kind: 'field', origin: 'frontmatter', detail: describeValue(valueAt(data, path), 80) });
  return out;
}
