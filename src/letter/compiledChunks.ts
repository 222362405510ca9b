import type { HandlebarsEnv } from './handlebarsEnv';
import { COMPILE_OPTIONS } from './handlebarsEnv';
import { WeightedLru } from '../util/weightedLru';

type Statement = hbs.AST.Statement;
// The published types call `original` strip flags; at run time it is the text before whitespace control.
type Content = Omit<hbs.AST.ContentStatement, 'original'> & { original: string; leftStripped?: boolean; rightStripped?: boolean };
type Render = (context: unknown) => string;

/**
 * Compiling is most of what Handlebars costs on a long letter, and typing changes one paragraph
 * at a time. So the parsed body is cut at its top-level blank lines into chunks, and each chunk's
 * compiled function is kept by what the chunk holds: an edit recompiles one paragraph.
 *
 * A chunk is keyed by its content statements' values (whitespace control already applied by the
 * parse) and its other statements' source text. A cut falls only after a blank line in content,
 * so a tag at a chunk's start is at a line start, as it was in the whole body.
 */
let compiled = new WeakMap<HandlebarsEnv, WeightedLru<string, Render>>();
/**
 * A compiled chunk takes tens of kilobytes whatever its length (Handlebars' wrapper around each
 * template), so chunks are counted: 500 is two 100 KB letters of short paragraphs.
 */
const MAX_CHUNKS_PER_ENV = 500;

/** Decorators (inline partials among them) reach across the whole body: such a body compiles as one. */
const WHOLE_BODY = /\{\{~?\s*[#]?\s*\*/;

const BLANK_LINE = /\n[ \t]*\r?\n/g;

interface Chunk {
  statements: Statement[];
  key: string;
}

function lineOffsets(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function piece(of: Content, value: string): Content {
  // The piece stands alone in its chunk; its own text serves as original, and stripping
  // already done is not done again.
  return { ...of, value, original: value };
}

/** The chunks, or undefined when a statement's location does not point at a tag in the source. */
function chunksOf(body: readonly Statement[], source: string): Chunk[] | undefined {
  const starts = lineOffsets(source);
  const offset = (p: hbs.AST.Position) => (starts[p.line - 1] ?? source.length) + p.column;
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
      const text = source.slice(offset(st.loc.start), offset(st.loc.end));
      // A key from a misplaced slice could match another tag's; compiling whole is then the safe way.
      if (!text.startsWith('{{') || !text.endsWith('}}')) return undefined;
      statements.push(st);
      key += `\u0001${text}`;
      continue;
    }
    const content = st as unknown as Content;
    let from = 0;
    for (const m of content.value.matchAll(BLANK_LINE)) {
      const to = m.index + m[0].length;
      const part = content.value.slice(from, to);
      statements.push(piece(content, part) as unknown as Statement);
      key += `\u0002${part}`;
      close();
      from = to;
    }
    const rest = content.value.slice(from);
    if (from > 0 && !rest) continue; // the cut ended the content: the next tag opens the chunk, at a line start
    statements.push(from === 0 ? st : (piece(content, rest) as unknown as Statement));
    key += `\u0002${rest}`;
  }
  close();
  return chunks;
}

function program(statements: Statement[]): hbs.AST.Program {
  return { type: 'Program', body: statements, blockParams: [], strip: {}, loc: statements[0]!.loc } as hbs.AST.Program;
}

/** A render function for the parsed body, equal in output to compiling it whole. */
export function compileBody(hb: HandlebarsEnv, ast: hbs.AST.Program, source: string): Render {
  const chunks = WHOLE_BODY.test(source) ? undefined : chunksOf(ast.body, source);
  if (!chunks) return hb.compile(ast, COMPILE_OPTIONS) as Render;
  let cache = compiled.get(hb);
  if (!cache) compiled.set(hb, (cache = new WeightedLru(MAX_CHUNKS_PER_ENV)));
  const parts: Render[] = [];
  for (const chunk of chunks) {
    let fn = cache.get(chunk.key);
    if (!fn) {
      fn = hb.compile(program(chunk.statements), COMPILE_OPTIONS) as Render;
      cache.set(chunk.key, fn, 1);
    }
    parts.push(fn);
  }
  return (context) => {
    let out = '';
    for (const fn of parts) out += fn(context);
    return out;
  };
}

/** Forgets compiled chunks (for measuring a first render). */
export function clearCompiledChunks(): void {
  compiled = new WeakMap();
}
