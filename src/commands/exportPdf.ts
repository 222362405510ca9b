import * as vscode from 'vscode';
import { renderLetter } from '../letter/render';
import { hasErrors } from '../letter/problems';
import { renderOptionsFor } from '../editor/letterContext';
import { exportLetterPdf } from '../pdf/exportLetter';
import { BROWSER_SETTING, findBrowser } from '../pdf/findBrowser';
import { NoBrowserError, OutputExistsError, PdfCancelledError, PdfError } from '../pdf/errors';
import { DEFAULT_TIMEOUT_MS } from '../pdf/printToPdf';

/** Lets tests and other commands export without any dialog. */
export interface ExportPdfArgs {
  uri?: vscode.Uri;
  /** File system path of the PDF; default: next to the letter with .pdf. */
  output?: string;
  overwrite?: boolean;
  /** Export even when the letter has errors, without asking. */
  ignoreErrors?: boolean;
}

async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function letterDocument(args: ExportPdfArgs): Promise<vscode.TextDocument | undefined> {
  if (args.uri) return vscode.workspace.openTextDocument(args.uri);
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'markdown' ? doc : undefined;
}

function defaultOutput(doc: vscode.TextDocument): vscode.Uri | undefined {
  if (doc.uri.scheme !== 'file') return undefined;
  return vscode.Uri.file(doc.uri.fsPath.replace(/\.(md|markdown)$/i, '') + '.pdf');
}

async function showNoBrowser(err: NoBrowserError): Promise<void> {
  const open = vscode.l10n.t('Open Setting');
  const choice = await vscode.window.showErrorMessage(
    // The message names the setting (or CHROME_PATH) that fixes it.
    vscode.l10n.t('No PDF written. {0}', err.message),
    open,
  );
  if (choice === open) await vscode.commands.executeCommand('workbench.action.openSettings', BROWSER_SETTING);
}

/** Returns the path of the PDF written, or undefined when nothing was written. */
export async function exportPdf(raw?: unknown): Promise<string | undefined> {
  const args: ExportPdfArgs = raw instanceof vscode.Uri ? { uri: raw } : ((raw ?? {}) as ExportPdfArgs);
  const doc = await letterDocument(args);
  if (!doc) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an Audit Reply letter (a Markdown file) to export it.'));
    return undefined;
  }
  const target = args.output ? vscode.Uri.file(args.output) : defaultOutput(doc);
  if (!target) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Save the letter to a file first; the PDF goes next to it.'));
    return undefined;
  }

  // What you preview is what you print: the editor's current text, saved or not.
  const result = renderLetter(doc.getText(), renderOptionsFor(doc));
  if (hasErrors(result.problems) && !args.ignoreErrors) {
    const count = result.problems.filter((p) => p.severity === 'error').length;
    const anyway = vscode.l10n.t('Export Anyway');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The letter has {0} error(s) (see the Problems panel); missing fields will be highlighted in the PDF.', count),
      { modal: true },
      anyway,
    );
    if (choice !== anyway) return undefined;
  }

  let overwrite = args.overwrite === true;
  if (!overwrite && (await fileExists(target))) {
    if (args.overwrite === false) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; nothing was written.', target.fsPath));
      return undefined;
    }
    const replace = vscode.l10n.t('Overwrite');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Overwrite it?', target.fsPath), { modal: true }, replace);
    if (choice !== replace) return undefined;
    overwrite = true;
  }

  const config = vscode.workspace.getConfiguration('auditReply', doc.uri);
  const paper = config.get<string>('pdf.paperSize') === 'Letter' ? 'Letter' : 'A4';
  const timeoutSeconds = config.get<number>('pdf.timeoutSeconds');
  const timeoutMs = timeoutSeconds && timeoutSeconds > 0 ? timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS;

  try {
    const browser = findBrowser({ explicitPath: config.get<string>('pdf.browserPath') || undefined, explicitSource: BROWSER_SETTING });
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0} to PDF…', vscode.workspace.asRelativePath(doc.uri)), cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          await exportLetterPdf(result, { paper, output: target.fsPath, browserPath: browser.path, overwrite, timeoutMs, signal: abort.signal });
        } finally {
          sub.dispose();
        }
      },
    );
  } catch (e) {
    if (e instanceof NoBrowserError) void showNoBrowser(e);
    else if (e instanceof PdfCancelledError) void vscode.window.showInformationMessage(vscode.l10n.t('PDF export cancelled; nothing was written.'));
    else if (e instanceof OutputExistsError) void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; nothing was written.', e.path));
    else if (e instanceof PdfError) void vscode.window.showErrorMessage(vscode.l10n.t('PDF export failed: {0}', e.message));
    else throw e;
    return undefined;
  }

  // Not awaited: the command finishes when the file is written, whether or not anyone clicks.
  const openPdf = vscode.l10n.t('Open PDF');
  void vscode.window.showInformationMessage(vscode.l10n.t('PDF written: {0}', target.fsPath), openPdf).then((choice) => {
    if (choice === openPdf) void vscode.env.openExternal(target);
  });
  return target.fsPath;
}

export function registerExportPdf(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('auditReply.exportPdf', exportPdf));
}
