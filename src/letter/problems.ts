/** Positions are 0-based, as in the editor; the CLI adds one when printing. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  message: string;
  range: Range;
  /** Dotted path of the case field concerned, when there is one. */
  field?: string;
  /** A replacement the editor can offer as a quick fix. */
  suggestion?: string;
  /** Stable identifier of the kind of problem. */
  code: ProblemCode;
}

export type ProblemCode =
  | 'yaml-syntax'
  | 'no-frontmatter'
  | 'schema'
  | 'unknown-field'
  | 'unknown-template'
  | 'missing-field'
  | 'template-syntax'
  | 'render';

export function pointRange(line: number, character: number, length = 0): Range {
  return { start: { line, character }, end: { line, character: character + length } };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** `file:line:col: severity: message`, the form compilers use, so editors and CI can link it. */
export function formatProblem(file: string, p: Problem): string {
  return `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity}: ${p.message}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
