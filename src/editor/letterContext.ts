import * as vscode from 'vscode';
import type { RenderOptions } from '../letter/render';
import { senderProfile, templatesOverrideDir } from './settings';
import { isLetterText } from '../letter/isLetter';

export const IS_LETTER_KEY = 'auditReply.isLetter';

export function isLetterDocument(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && isLetterText(doc.getText());
}

/** What the renderer needs from the editor: the sender profile and, when trusted, workspace templates. */
export function renderOptionsFor(doc: vscode.TextDocument): RenderOptions {
  const dir = templatesOverrideDir(doc.uri);
  return { sender: senderProfile(doc.uri), ...(dir ? { templatesOverrideDir: dir } : {}) };
}

/** Keeps the `auditReply.isLetter` context key in step with the active editor (editor-title button). */
export function registerLetterContext(context: vscode.ExtensionContext): void {
  let last: boolean | undefined;
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const value = !!doc && isLetterDocument(doc);
    if (value === last) return;
    last = value;
    void vscode.commands.executeCommand('setContext', IS_LETTER_KEY, value);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
  );
  update();
}
