import type { Format } from './caseModel';
import { FORMATS, LANGS } from './catalogue';
import { parseIsoDate, type Lang } from './dates';
import type { CaseRecord } from './frontmatter';
import { frontmatterSpan } from './isLetter';
import type { Position, Problem } from './problems';
import { closest } from './suggest';

/** What "New audit reply" needs to write a letter, however it was asked for. */
export interface NewReplyRequest {
  template: string;
  lang: Lang;
  format: Format;
  vendor?: string;
  data?: CaseRecord;
}

export class NewReplyArgsError extends Error {}

/** The letter language: the setting when it names one, else VS Code's display language. */
export function defaultLanguage(setting: unknown, displayLanguage: string): Lang {
  if (setting === 'ja' || setting === 'en') return setting;
  return displayLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function defaultFormat(setting: unknown): Format {
  return setting === 'email' ? 'email' : 'letter';
}

function isRecord(v: unknown): v is CaseRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pick<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
  throw new NewReplyArgsError(
    `"${name}" must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}${hint ? ` (did you mean "${hint}"?)` : ''}.`,
  );
}

/**
 * Checks the argument object of the command (`{ template, lang, vendor, format, data }`).
 * Missing lang/format come from `data`, then from the defaults; vendor is optional.
 */
export function parseNewReplyArgs(
  arg: unknown,
  known: { templates: readonly string[]; vendors: readonly string[] },
  defaults: { lang: Lang; format: Format },
): NewReplyRequest {
  if (!isRecord(arg)) throw new NewReplyArgsError(`expected an object { template, lang?, vendor?, format?, data? }; got ${JSON.stringify(arg)}.`);
  const allowedKeys = ['template', 'lang', 'vendor', 'format', 'data'];
  const stray = Object.keys(arg).filter((k) => !allowedKeys.includes(k));
  if (stray.length) throw new NewReplyArgsError(`unknown argument ${stray.map((k) => `"${k}"`).join(', ')}; allowed: ${allowedKeys.join(', ')}.`);
  if (typeof arg.template !== 'string' || !arg.template.trim())
    throw new NewReplyArgsError(`"template" is required: one of ${known.templates.join(', ')}.`);
  const template = pick('template', arg.template.trim(), known.templates)!;
  if (arg.data !== undefined && !isRecord(arg.data)) throw new NewReplyArgsError('"data" must be an object of case fields (as in the frontmatter).');
  const data = arg.data as CaseRecord | undefined;
  const lang = pick('lang', arg.lang, LANGS) ?? pick('data.lang', data?.lang, LANGS) ?? defaults.lang;
  const format = pick('format', arg.format, FORMATS) ?? pick('data.format', data?.format, FORMATS) ?? defaults.format;
  const vendor = pick('vendor', arg.vendor, known.vendors);
  return { template, lang, format, ...(vendor ? { vendor } : {}), ...(data ? { data } : {}) };
}

/** A file-name segment safe on every OS: letters and digits kept (any script), the rest folded to '-'. */
export function fileNameSegment(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** `<date>-<kind>-<vendor>.md`; the date is the letter's own when valid. */
export function replyFileName(p: { date: string; template: string; vendor?: string }): string {
  const date = parseIsoDate(p.date) ? p.date.trim() : 'undated';
  const parts = [date, fileNameSegment(p.template) || 'letter', p.vendor ? fileNameSegment(p.vendor) : ''];
  return parts.filter(Boolean).join('-') + '.md';
}

/** name.md, name-2.md, name-3.md … in the order to try them. */
export function* nameCandidates(fileName: string, limit = 999): Generator<string> {
  const dot = fileName.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  yield fileName;
  for (let n = 2; n <= limit; n++) yield `${stem}-${n}${ext}`;
}

/** The first candidate not taken; `taken` is a set of names or a test. */
export function firstFreeName(fileName: string, taken: ReadonlySet<string> | ((name: string) => boolean)): string | undefined {
  const isTaken = typeof taken === 'function' ? taken : (n: string) => taken.has(n);
  for (const name of nameCandidates(fileName)) if (!isTaken(name)) return name;
  return undefined;
}

/**
 * Where to put the cursor in a new letter: after the first empty frontmatter key
 * the letter needs (that is where the fix goes), else at the first missing field
 * in the body. A bare `key:` gets a trailing space so typing yields `key: value`.
 */
export function placeCursor(text: string, problems: readonly Problem[]): { text: string; position?: Position } {
  const missing = problems.filter((p) => p.code === 'missing-field');
  const span = frontmatterSpan(text);
  const inFrontmatter = missing.find((p) => span && p.range.start.line > 0 && p.range.start.line < span.closeLine);
  if (!inFrontmatter) return { text, position: missing[0]?.range.start };
  const lines = text.split('\n');
  const line = inFrontmatter.range.start.line;
  const cr = lines[line]!.endsWith('\r') ? '\r' : '';
  let content = cr ? lines[line]!.slice(0, -1) : lines[line]!;
  if (content.endsWith(':')) {
    content += ' ';
    lines[line] = content + cr;
  }
  return { text: lines.join('\n'), position: { line, character: content.length } };
}
