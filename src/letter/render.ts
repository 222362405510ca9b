import type { Catalogue } from './catalogue';
import { loadCatalogue } from './catalogue';
import { buildCase, type CaseOptions, type Format } from './caseModel';
import type { Lang } from './dates';
import { parseFrontmatter, rangeOfPath, frontmatterRange, type CaseRecord, type PathSegment } from './frontmatter';
import { clearEnvironments, COMPILE_OPTIONS, environmentFor } from './handlebarsEnv';
import { clearCompiledChunks, compileBody } from './compiledChunks';
import { escapeMarkdown } from './markdownEscape';
import { clearParseCache, missingMarker, parseAndConvert, showMissingAsText } from './markdown';
import { treeToPlainText } from './plainText';
import { findMissingFields, fieldName, type FieldUse } from './missingFields';
import { sortProblems, type Problem, type Range } from './problems';
import { allFieldPaths } from './schema';
import { closest } from './suggest';
import type { TextPositions } from './textPositions';

export interface RenderOptions extends CaseOptions {
  /** Workspace templates folder; leave out in untrusted workspaces. */
  templatesOverrideDir?: string;
  catalogue?: Catalogue;
}

export interface RenderResult {
  lang: Lang;
  format: Format;
  templateId?: string;
  subject: string;
  /** The body with every expression resolved; a missing field shows as ⟦field⟧. */
  markdown: string;
  /** Sanitised HTML fragment; a missing field is <mark class="missing-field" data-field="…">. */
  html: string;
  /** Plain text for a mailer, without the subject line. */
  text: string;
  /** Case data after defaults and computed fields. */
  data: CaseRecord;
  problems: Problem[];
}

/** A deep copy whose strings are Markdown-escaped, so no case value can add markup to the letter. */
function escapeValues(value: unknown): unknown {
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) return value.map(escapeValues);
  if (typeof value === 'object' && value !== null) {
    const out: CaseRecord = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeValues(v);
    return out;
  }
  return value;
}

function setPath(root: CaseRecord, segments: readonly PathSegment[], value: unknown): void {
  let obj: Record<string | number, unknown> = root;
  segments.forEach((seg, i) => {
    if (i === segments.length - 1) {
      obj[seg] = value;
      return;
    }
    const next = obj[seg];
    if (typeof next !== 'object' || next === null) obj[seg] = typeof segments[i + 1] === 'number' ? [] : {};
    obj = obj[seg] as Record<string | number, unknown>;
  });
}

function bodyRange(positions: TextPositions, bodyOffset: number, loc: hbs.AST.SourceLocation): Range {
  const origin = positions.positionAt(bodyOffset);
  const map = (p: hbs.AST.Position) => ({ line: origin.line + p.line - 1, character: (p.line === 1 ? origin.character : 0) + p.column });
  return { start: map(loc.start), end: map(loc.end) };
}

const KNOWN_PATHS = allFieldPaths().map((f) => f.path);

function missingProblem(use: FieldUse, range: Range): Problem {
  const name = fieldName(use.segments);
  const pattern = use.segments.map((s) => (typeof s === 'number' ? '[]' : s)).join('.').replace(/\.\[\]/g, '[]');
  const known = KNOWN_PATHS.includes(pattern);
  const hint = known ? undefined : closest(pattern, KNOWN_PATHS.filter((p) => !p.includes('[]')));
  const where = use.partial ? ` (used by the partial "${use.partial}")` : '';
  const message = known
    ? `missing field ${name}${where}: fill it in the frontmatter.`
    : `unknown field ${name}${where}${hint ? `; did you mean "${hint}"?` : '.'}`;
  return { severity: 'error', code: 'missing-field', message, range, field: name, ...(hint && !use.partial ? { suggestion: use.written.replace(/[^./]+(\.[^./]+)*$/, hint) } : {}) };
}

/** The one renderer: preview, PDF, e-mail text and the CLI all come from here. */
export function renderLetter(source: string, options: RenderOptions = {}): RenderResult {
  const fm = parseFrontmatter(source);
  const model = buildCase(fm, options);
  const problems: Problem[] = [...fm.problems, ...model.problems];
  const { lang, format, data } = model;
  const empty = (subject = ''): RenderResult => ({ lang, format, templateId: model.templateId, subject, markdown: '', html: '', text: '', data, problems: sortProblems(problems) });

  let catalogue: Catalogue;
  try {
    catalogue = options.catalogue ?? loadCatalogue(options.templatesOverrideDir);
  } catch (e) {
    problems.push({ severity: 'error', code: 'render', message: `Templates could not be loaded: ${(e as Error).message}`, range: frontmatterRange(fm) });
    return empty();
  }
  const template = model.templateId ? catalogue.get(model.templateId, lang) : undefined;
  if (model.templateId && !template) {
    const ids = catalogue.ids();
    const hint = closest(model.templateId, ids);
    problems.push({
      severity: 'error',
      code: 'unknown-template',
      field: 'template',
      message: `Unknown template "${model.templateId}" for language ${lang}${hint ? ` (did you mean "${hint}"?)` : ''}. Known: ${ids.join(', ')}.`,
      range: rangeOfPath(fm, ['template']) ?? frontmatterRange(fm),
      ...(hint ? { suggestion: hint } : {}),
    });
  }

  const hb = environmentFor(catalogue, lang, format);
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(fm.body);
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    const line = (err.lineNumber ?? Number(/line (\d+)/.exec(err.message)?.[1] ?? 1)) - 1;
    const column = err.column ?? 0;
    const got = /got '([^']+)'/.exec(err.message)?.[1];
    const message = err.message.startsWith('Parse error')
      ? `Template syntax: a {{…}} expression is malformed or not closed${got ? ` (unexpected ${got})` : ''}.`
      : `Template syntax: ${err.message.split('\n')[0]}.`;
    const origin = fm.positions.positionAt(fm.bodyOffset);
    problems.push({
      severity: 'error',
      code: 'template-syntax',
      message,
      range: { start: { line: origin.line + line, character: column }, end: { line: origin.line + line, character: column + 1 } },
    });
    return empty();
  }

  // The subject is plain text (a mail header), so it renders from unescaped values.
  let subject = typeof data.subject === 'string' ? data.subject : '';
  try {
    if (!subject && template?.subject) subject = hb.compile(template.subject, COMPILE_OPTIONS)(data).trim();
  } catch (e) {
    problems.push({ severity: 'error', code: 'render', message: `Subject of template "${template?.id}": ${(e as Error).message}`, range: frontmatterRange(fm) });
  }
  if (subject) data.subject = subject;

  const partials = catalogue.partials(lang, format);
  const analysis = findMissingFields(ast, data, partials);
  const context = escapeValues(data) as CaseRecord;
  const reportedEmpty = new Set<string>();
  for (const use of analysis.missing) {
    const range = bodyRange(fm.positions, fm.bodyOffset, use.loc);
    problems.push(missingProblem(use, range));
    setPath(context, use.segments, missingMarker(fieldName(use.segments)));
    // A key written with no value: say so at its own line too, where the fix goes.
    const name = fieldName(use.segments);
    const keyRange = rangeOfPath(fm, use.segments, true);
    if (keyRange && !reportedEmpty.has(name)) {
      reportedEmpty.add(name);
      problems.push({ severity: 'warning', code: 'missing-field', field: name, message: `${name} is empty; the letter uses it on line ${range.start.line + 1}.`, range: keyRange });
    }
  }
  for (const issue of analysis.issues)
    problems.push({ severity: 'error', code: 'template-syntax', message: issue.message, range: bodyRange(fm.positions, fm.bodyOffset, issue.loc) });


  let resolved: string;
  try {
    resolved = compileBody(hb, ast)(context);
  } catch (e) {
    problems.push({ severity: 'error', code: 'render', message: `The letter could not be rendered: ${(e as Error).message}`, range: frontmatterRange(fm) });
    return empty(subject);
  }
  resolved = resolved.replace(/^\s*\n/, '');
  // Parsing is most of the cost: HTML and plain text share one tree, and unchanged runs of blocks
  // keep their tree and HTML from the last render.
  const { tree, html } = parseAndConvert(resolved);
  const text = treeToPlainText(tree, lang);
  return {
    lang,
    format,
    templateId: model.templateId,
    subject,
    markdown: showMissingAsText(resolved),
    html,
    text,
    data,
    problems: sortProblems(problems),
  };
}

/**
 * Forgets what rendering a letter leaves behind: parsed Markdown and compiled chunks of its
 * body (for measuring a letter's first render). With `session`, also the Handlebars
 * environments and their compiled partials, as in a session's first render; the catalogue
 * stays loaded either way.
 */
export function clearRenderCaches(session = false): void {
  clearParseCache();
  clearCompiledChunks();
  if (session) clearEnvironments();
}
