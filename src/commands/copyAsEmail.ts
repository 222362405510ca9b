import * as vscode from 'vscode';
import { renderLetter } from '../letter/render';
import { composeEmail } from '../letter/emailText';
import { renderOptionsFor } from '../editor/letterContext';

/** Puts the subject line and the plain-text letter on the clipboard; returns the text. */
export async function copyAsEmail(raw?: unknown): Promise<string | undefined> {
  const uri = raw instanceof vscode.Uri ? raw : (raw as { uri?: vscode.Uri } | undefined)?.uri;
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'markdown') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an Audit Reply letter (a Markdown file) to copy it as an e-mail.'));
    return undefined;
  }
  const result = renderLetter(doc.getText(), renderOptionsFor(doc));
  const text = composeEmail(result);
  await vscode.env.clipboard.writeText(text);
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('E-mail text copied, but the letter has {0} error(s); missing fields appear as ⟦field⟧.', errors),
    );
  } else {
    void vscode.window.showInformationMessage(vscode.l10n.t('E-mail text copied to the clipboard (subject: {0}).', result.subject));
  }
  return text;
}

export function registerCopyAsEmail(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('auditReply.copyAsEmail', copyAsEmail));
}
