import * as vscode from 'vscode';
import { registerNewReply } from './commands/newReply';
import { registerEditorHelp } from './editor';
import { registerPreview } from './editor/previewPanel';
import { registerExportPdf } from './commands/exportPdf';
import { registerCopyAsEmail } from './commands/copyAsEmail';
import { registerIpAnalysisCommands } from './commands/insertIpAnalysis';
import { maybeRunInHostTests } from './testHook';

/** Registers commands and providers only; any real work waits until the user asks for it. */
export function activate(context: vscode.ExtensionContext): void {
  registerNewReply(context);
  registerEditorHelp(context);
  registerPreview(context);
  registerExportPdf(context);
  registerCopyAsEmail(context);
  registerIpAnalysisCommands(context);
  void maybeRunInHostTests(context);
}

export function deactivate(): void {}
