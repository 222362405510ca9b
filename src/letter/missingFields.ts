import Handlebars from 'handlebars';
import type { CaseRecord, PathSegment } from './frontmatter';
import { HELPER_NAMES } from './helpers';

type AST = hbs.AST.Program;
type Loc = hbs.AST.SourceLocation;

export interface FieldUse {
  /** Concrete path in the case data, e.g. ['quote', 'items', 1, 'hours']. */
  segments: PathSegment[];
  /** As the letter wrote it, e.g. `vendor.persn` or `../vendor.company`. */
  written: string;
  /** Where in the letter body (Handlebars positions: 1-based line, 0-based column). */
  loc: Loc;
  /** The partial the use sits in, when it is not in the letter itself. */
  partial?: string;
}

export interface TemplateIssue {
  message: string;
  loc: Loc;
}

export interface FieldAnalysis {
  missing: FieldUse[];
  issues: TemplateIssue[];
}

interface Scope {
  path: PathSegment[];
  value: unknown;
}

interface Walk {
  scopes: Scope[];
  guards: ReadonlySet<string>;
  /** Position to report at: inside a partial, its call in the letter. */
  at?: Loc;
  partial?: string;
  depth: number;
}

/** Fields a helper reads from the object it is given, so a missing one is reported like any other. */
const HELPER_NEEDS: Record<string, readonly string[]> = { recipient: ['company'] };

/** Helpers that have a wording for an absent value (salutation: "Sir or Madam"), or test for one. */
const OPTIONAL_PARAMS: ReadonlySet<string> = new Set(['salutation', 'and', 'or', 'not']);

const key = (segments: readonly PathSegment[]) => segments.join('.');

function own(obj: unknown, seg: PathSegment): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  // Handlebars refuses inherited properties (constructor, __proto__ …), so the analysis does too.
  return Object.prototype.hasOwnProperty.call(obj, seg) ? (obj as Record<string, unknown>)[seg as string] : undefined;
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Handlebars' own test for #if: an empty list is false too. */
function truthy(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : Boolean(v);
}

const parsedPartials = new Map<string, AST>();

function parsePartial(source: string): AST {
  let ast = parsedPartials.get(source);
  if (!ast) parsedPartials.set(source, (ast = Handlebars.parse(source)));
  return ast;
}

/**
 * Walks a template the way Handlebars would evaluate it and lists every field
 * that would print as nothing. Fields only tested by #if/#unless (and used
 * inside that block) are optional; #each looks at each item; partials are
 * followed and their uses reported at the call in the letter.
 */
export function findMissingFields(ast: AST, data: CaseRecord, partials: ReadonlyMap<string, string>): FieldAnalysis {
  const missing: FieldUse[] = [];
  const issues: TemplateIssue[] = [];
  const seen = new Set<string>();

  const resolve = (p: hbs.AST.PathExpression, w: Walk): Scope | undefined => {
    let parts: PathSegment[] = p.parts;
    let scope: Scope;
    if (p.data) {
      if (parts[0] !== 'root') return undefined; // @index, @key, @first…: supplied by Handlebars
      parts = parts.slice(1);
      scope = w.scopes[0]!;
    } else {
      scope = w.scopes[Math.max(0, w.scopes.length - 1 - p.depth)]!;
    }
    let value = scope.value;
    const path = [...scope.path];
    for (const seg of parts) {
      const index = Array.isArray(value) && /^\d+$/.test(String(seg)) ? Number(seg) : seg;
      path.push(index);
      value = own(value, index);
    }
    return { path, value };
  };

  const use = (p: hbs.AST.PathExpression, w: Walk) => {
    const r = resolve(p, w);
    if (!r || !isBlank(r.value)) return;
    if (w.guards.has(key(r.path))) return;
    const loc = w.at ?? p.loc;
    const id = `${key(r.path)}@${loc.start.line}:${loc.start.column}`;
    if (seen.has(id)) return;
    seen.add(id);
    missing.push({ segments: r.path, written: p.original, loc, ...(w.partial ? { partial: w.partial } : {}) });
  };

  const expr = (e: hbs.AST.Expression, w: Walk) => {
    if (e.type === 'PathExpression') use(e as hbs.AST.PathExpression, w);
    else if (e.type === 'SubExpression') call(e as hbs.AST.SubExpression, w);
  };

  const call = (node: { path: hbs.AST.PathExpression | hbs.AST.Literal; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash; loc: Loc }, w: Walk) => {
    const head = node.path as hbs.AST.PathExpression;
    const isCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (head.type === 'PathExpression' && isCall && !HELPER_NAMES.has(head.original))
      issues.push({ message: `unknown helper "${head.original}"`, loc: w.at ?? head.loc });
    const optional = head.type === 'PathExpression' && OPTIONAL_PARAMS.has(head.original);
    for (const p of node.params) if (!(optional && p.type === 'PathExpression')) expr(p, w);
    const needs = head.type === 'PathExpression' ? HELPER_NEEDS[head.original] : undefined;
    const first = node.params[0];
    if (needs && first?.type === 'PathExpression') {
      const p = first as hbs.AST.PathExpression;
      for (const field of needs) use({ ...p, parts: [...p.parts, field], original: `${p.original}.${field}` }, w);
    }
    for (const pair of node.hash?.pairs ?? []) expr(pair.value, w);
    if (!isCall && head.type === 'PathExpression' && !HELPER_NAMES.has(head.original)) use(head, w);
  };

  const guardsOf = (params: hbs.AST.Expression[], w: Walk): Set<string> => {
    const g = new Set(w.guards);
    const add = (e: hbs.AST.Expression) => {
      if (e.type === 'PathExpression') {
        const r = resolve(e as hbs.AST.PathExpression, w);
        if (r) g.add(key(r.path));
      } else if (e.type === 'SubExpression') (e as hbs.AST.SubExpression).params.forEach(add);
    };
    params.forEach(add);
    return g;
  };

  const program = (prog: hbs.AST.Program | undefined, w: Walk) => {
    for (const st of prog?.body ?? []) statement(st, w);
  };

  const statement = (st: hbs.AST.Statement, w: Walk) => {
    switch (st.type) {
      case 'MustacheStatement':
        call(st as hbs.AST.MustacheStatement, w);
        return;
      case 'BlockStatement': {
        const b = st as hbs.AST.BlockStatement;
        const name = b.path.original;
        const target = b.params[0];
        if ((name === 'each' || name === 'with') && target?.type === 'PathExpression') {
          const r = resolve(target as hbs.AST.PathExpression, w);
          const value = r?.value;
          if (r && name === 'each' && Array.isArray(value))
            value.forEach((item, i) => program(b.program, { ...w, scopes: [...w.scopes, { path: [...r.path, i], value: item }] }));
          else if (r && name === 'each' && typeof value === 'object' && value !== null)
            for (const [k, item] of Object.entries(value)) program(b.program, { ...w, scopes: [...w.scopes, { path: [...r.path, k], value: item }] });
          else if (r && name === 'with' && !isBlank(value)) program(b.program, { ...w, scopes: [...w.scopes, r] });
          program(b.inverse, w);
          return;
        }
        // #if, #unless and any other block: what it tests is optional inside it.
        for (const pair of b.hash?.pairs ?? []) expr(pair.value, w);
        if (!HELPER_NAMES.has(name) && b.params.length > 0) issues.push({ message: `unknown helper "${name}"`, loc: w.at ?? b.path.loc });
        const guarded = { ...w, guards: guardsOf(b.params.length ? b.params : [b.path], w) };
        const tested = b.params.length === 1 && b.params[0]!.type === 'PathExpression' ? resolve(b.params[0] as hbs.AST.PathExpression, w) : undefined;
        if ((name === 'if' || name === 'unless') && tested) {
          // The data decides which branch prints; a field in the branch that does not print is not missing.
          const shown = truthy(tested.value) === (name === 'if') ? b.program : b.inverse;
          program(shown, guarded);
          return;
        }
        program(b.program, guarded);
        program(b.inverse, guarded);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const ps = st as hbs.AST.PartialStatement;
        if (ps.name.type !== 'PathExpression') return; // dynamic partial names cannot be followed
        const name = (ps.name as hbs.AST.PathExpression).original;
        const source = partials.get(name);
        if (source === undefined) {
          if (name !== '@partial-block') issues.push({ message: `unknown partial "${name}"; known: ${[...partials.keys()].sort().join(', ')}`, loc: w.at ?? ps.loc });
          return;
        }
        if (w.depth > 8) return;
        let scopes = w.scopes;
        const ctx = ps.params[0];
        if (ctx?.type === 'PathExpression') {
          const r = resolve(ctx as hbs.AST.PathExpression, w);
          if (r) scopes = [...w.scopes, r];
        }
        let ast: AST;
        try {
          ast = parsePartial(source);
        } catch (e) {
          issues.push({ message: `partial "${name}" does not parse: ${(e as Error).message.split('\n')[0]}`, loc: w.at ?? ps.loc });
          return;
        }
        program(ast, { scopes, guards: w.guards, at: w.at ?? ps.loc, partial: w.partial ?? name, depth: w.depth + 1 });
        if (st.type === 'PartialBlockStatement') program((st as hbs.AST.PartialBlockStatement).program, w);
        return;
      }
      default:
        return;
    }
  };

  program(ast, { scopes: [{ path: [], value: data }], guards: new Set(), depth: 0 });
  return { missing, issues };
}

/** `quote.items[1].hours` — how people write a concrete path. */
export function fieldName(segments: readonly PathSegment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
