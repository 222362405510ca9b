import * as vscode from 'vscode';
import type { Problem } from '../letter/problems';
import { problemsOf } from './diagnostics';

function sameRange(d: vscode.Diagnostic, p: Problem): boolean {
  const r = p.range;
  return d.range.start.line === r.start.line && d.range.start.character === r.start.character && d.range.end.line === r.end.line && d.range.end.character === r.end.character;
}

/** "Change to 'X'" for every diagnostic whose problem carries a did-you-mean suggestion. */
class SuggestionFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const problems = problemsOf(document).filter((p) => p.suggestion !== undefined);
    if (problems.length === 0) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'Audit Reply') continue;
      const problem = problems.find((p) => sameRange(diagnostic, p) && p.message === diagnostic.message);
      if (!problem?.suggestion) continue;
      const action = new vscode.CodeAction(vscode.l10n.t("Change to '{0}'", problem.suggestion), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, diagnostic.range, problem.suggestion);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}

export function registerQuickFix(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new SuggestionFixes(), { providedCodeActionKinds: SuggestionFixes.kinds }),
  );
}
