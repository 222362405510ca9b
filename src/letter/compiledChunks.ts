import type { HandlebarsEnv } from './handlebarsEnv';
import { COMPILE_OPTIONS } from './handlebarsEnv';
import { WeightedLru } from '../util/weightedLru';

type Statement = hbs.AST.Statement;
// The published types call `original` strip flags; at run time it is the text before whitespace control.
type Content = Omit<hbs.AST.ContentStatement, 'original'> & { original: string };
type Render = (context: unknown) => string;

/**
 * Compiling is most of what Handlebars costs on a long letter, and typing changes one paragraph
 * at a time. So the parsed body is cut at its top-level blank lines into chunks, and each chunk's
 * compiled function is kept by what the chunk holds: an edit recompiles one paragraph.
 *
 * A chunk's key is its statements as parsed, whitespace control applied: what a block strips
 * inside itself and how a partial is indented depend on the text around the tag, and the parse
 * has recorded both in the tree. A cut falls only after a blank line in content: compiling a
 * chunk applies whitespace control once more and takes the chunk's start for a line start, which
 * it then is in the whole body too.
 */
let compiled = new WeakMap<HandlebarsEnv, WeightedLru<string, Render>>();
/**
 * A compiled chunk takes tens of kilobytes whatever its length (Handlebars' wrapper around each
 * template), so chunks are counted: 500 is two 100 KB letters of short paragraphs.
 */
const MAX_CHUNKS_PER_ENV = 500;

const BLANK_LINE = /\n[ \t]*\r?\n/g;

interface Chunk {
  statements: Statement[];
  key: string;
}

/**
 * The statement as compiling sees it; locations say nothing about output. Keys are JSON values
 * separated by commas, so no text in a letter can spell another chunk's key.
 */
function statementKey(st: Statement): string {
  return JSON.stringify(st, (name, value: unknown) => (name === 'loc' ? undefined : value));
}

function contentKey(value: string, original: string): string {
  return JSON.stringify(value === original ? value : [value, original]);
}

function piece(of: Content, value: string): Statement {
  // The piece stands alone at a chunk's edge; its own text serves as original.
  return { ...of, value, original: value } as unknown as Statement;
}

/** The chunks, or undefined when the body has decorators: inline partials reach across chunks. */
function chunksOf(body: readonly Statement[]): Chunk[] | undefined {
  const chunks: Chunk[] = [];
  let statements: Statement[] = [];
  let key = '';
  const close = () => {
    if (statements.length) chunks.push({ statements, key });
    statements = [];
    key = '';
  };
  for (const st of body) {
    if (st.type !== 'ContentStatement') {
      const k = statementKey(st);
      if (k.includes('"type":"Decorator')) return undefined;
      statements.push(st);
      key += `${k},`;
      continue;
    }
    const content = st as unknown as Content;
    let from = 0;
    for (const m of content.value.matchAll(BLANK_LINE)) {
      const to = m.index + m[0].length;
      const part = content.value.slice(from, to);
      statements.push(from === 0 && to === content.value.length ? st : piece(content, part));
      key += `${from === 0 && to === content.value.length ? contentKey(part, content.original) : contentKey(part, part)},`;
      close();
      from = to;
    }
    const rest = content.value.slice(from);
    if (from > 0 && !rest) continue; // the cut ended the content: the next tag opens the chunk, at a line start
    statements.push(from === 0 ? st : piece(content, rest));
    key += `${from === 0 ? contentKey(rest, content.original) : contentKey(rest, rest)},`;
  }
  close();
  return chunks;
}

function program(statements: Statement[]): hbs.AST.Program {
  return { type: 'Program', body: statements, blockParams: [], strip: {}, loc: statements[0]!.loc } as hbs.AST.Program;
}

/** A render function for the parsed body, equal in output to compiling it whole. */
export function compileBody(hb: HandlebarsEnv, ast: hbs.AST.Program): Render {
  const chunks = chunksOf(ast.body);
  if (!chunks) return hb.compile(ast, COMPILE_OPTIONS) as Render;
  let cache = compiled.get(hb);
  if (!cache) compiled.set(hb, (cache = new WeightedLru(MAX_CHUNKS_PER_ENV)));
  const parts: { key: string; fn: Render }[] = [];
  for (const chunk of chunks) {
    if (chunk.statements.every((st) => st.type === 'ContentStatement')) {
      // Plain text needs no compiling. Each compile is a new Function whose source V8 keeps for a
      // while: a long table, compiled again at every keystroke in it, grew the heap by 90 KB a time.
      const text = chunk.statements.map((st) => (st as hbs.AST.ContentStatement).value).join('');
      parts.push({ key: chunk.key, fn: () => text });
      continue;
    }
    let fn = cache.get(chunk.key);
    if (!fn) {
      fn = hb.compile(program(chunk.statements), COMPILE_OPTIONS) as Render;
      cache.set(chunk.key, fn, 1);
    }
    parts.push({ key: chunk.key, fn });
  }
  const chunkCache = cache;
  return (context) => {
    let out = '';
    for (const { key, fn } of parts) {
      try {
        out += fn(context);
      } catch (e) {
        // Handlebars compiles on first call and keeps that body's line numbers: a failing chunk is
        // dropped, so the next render reports the error where it now is.
        chunkCache.delete(key);
        throw e;
      }
    }
    return out;
  };
}

/** Forgets compiled chunks (for measuring a first render). */
export function clearCompiledChunks(): void {
  compiled = new WeakMap();
}
