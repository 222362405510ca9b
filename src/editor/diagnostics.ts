import * as vscode from 'vscode';
import { isLetterText } from '../letter/isLetter';
import type { Problem } from '../letter/problems';
import { renderLetter } from '../letter/render';
import { senderProfile, templatesOverrideDir } from './settings';

const DEBOUNCE_MS = 300;
const SOURCE = 'Audit Reply';

/** The problems behind the diagnostics of each document, for quick fixes (diagnostics lose `suggestion`). */
const problemsByUri = new Map<string, { version: number; problems: Problem[] }>();

export function problemsOf(document: vscode.TextDocument): readonly Problem[] {
  const entry = problemsByUri.get(document.uri.toString());
  return entry && entry.version === document.version ? entry.problems : [];
}

function toRange(r: Problem['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(p.range), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.code = p.code;
  d.source = SOURCE;
  return d;
}

/** Real documents only: a letter seen in a diff or an SCM view would report its problems twice. */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
const isMarkdown = (doc: vscode.TextDocument) => doc.languageId === 'markdown' && SCHEMES.has(doc.uri.scheme);

/**
 * Problems of letters (Markdown with `template:` in the frontmatter) as
 * diagnostics, live while typing; other Markdown files are never flagged.
 * The `auditReply.isLetter` context key is kept by the preview (letterContext.ts).
 */
export function registerDiagnostics(context: vscode.ExtensionContext): { refreshAll(): void } {
  const collection = vscode.languages.createDiagnosticCollection('auditReply');
  const timers = new Map<string, NodeJS.Timeout>();

  const forget = (uri: vscode.Uri) => {
    const key = uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    problemsByUri.delete(key);
    collection.delete(uri);
  };

  const refresh = (doc: vscode.TextDocument) => {
    const text = doc.getText();
    if (!isMarkdown(doc) || !isLetterText(text)) return forget(doc.uri);
    let problems: Problem[];
    try {
      problems = renderLetter(text, { sender: senderProfile(doc.uri), templatesOverrideDir: templatesOverrideDir(doc.uri) }).problems;
    } catch (e) {
      // the engine reports problems rather than throwing; if it throws anyway, say so where it shows
      problems = [{ severity: 'error', code: 'render', message: `Audit Reply could not check this letter: ${(e as Error).message}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } }];
    }
    problemsByUri.set(doc.uri.toString(), { version: doc.version, problems });
    collection.set(doc.uri, problems.map(toDiagnostic));
  };

  const schedule = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        if (!doc.isClosed) refresh(doc);
      }, DEBOUNCE_MS),
    );
  };

  const refreshAll = () => vscode.workspace.textDocuments.filter(isMarkdown).forEach(refresh);

  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument((doc) => isMarkdown(doc) && refresh(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!isMarkdown(e.document) || e.contentChanges.length === 0) return;
      schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => isMarkdown(doc) && refresh(doc)),
    vscode.workspace.onDidCloseTextDocument((doc) => forget(doc.uri)),
    vscode.window.onDidChangeActiveTextEditor((editor) => editor && isMarkdown(editor.document) && refresh(editor.document)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('auditReply.sender') && refreshAll()),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  refreshAll();
  return { refreshAll };
}
