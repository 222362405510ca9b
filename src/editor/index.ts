import * as vscode from 'vscode';
import { invalidateCatalogues } from '../letter/catalogue';
import { registerCompletion } from './completion';
import { registerDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerQuickFix } from './quickFix';

/** Diagnostics, completion, hover and quick fixes for letters (Markdown with `template:` in the frontmatter). */
export function registerEditorHelp(context: vscode.ExtensionContext): void {
  const diagnostics = registerDiagnostics(context);
  registerCompletion(context);
  registerHover(context);
  registerQuickFix(context);

  // Workspace templates change what a letter may use; re-check open letters when they do or become allowed.
  const watcher = vscode.workspace.createFileSystemWatcher('**/.audit-reply/templates/**');
  const reload = () => {
    invalidateCatalogues();
    diagnostics.refreshAll();
  };
  context.subscriptions.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload), vscode.workspace.onDidGrantWorkspaceTrust(reload));
}
