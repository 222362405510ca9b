import * as vscode from 'vscode';
import { parseFrontmatter } from '../letter/frontmatter';
import {
  analyzeLog,
  langFromCase,
  LogInputError,
  lookupOwners,
  networksFromCase,
  timezoneFromCase,
  toMarkdown,
  type AnalysisResult,
  type Lang,
} from '../iplog/index';

/** Registers the two "insert IP analysis" commands (clipboard or selection, and file). */
export function registerIpAnalysisCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('auditReply.insertIpAnalysisFromClipboard', () => fromClipboardOrSelection()),
    vscode.commands.registerCommand('auditReply.insertIpAnalysisFromFile', () => fromFile()),
  );
}

interface LetterSettings {
  networks: { cidr: string; label: string }[];
  timezone: string | undefined;
  lang: Lang;
}

function letterSettings(document: vscode.TextDocument): LetterSettings {
  const data = parseFrontmatter(document.getText()).data;
  const uiLang: Lang = vscode.env.language.startsWith('ja') ? 'ja' : 'en';
  return { networks: networksFromCase(data), timezone: timezoneFromCase(data), lang: langFromCase(data) ?? uiLang };
}

function activeEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) void vscode.window.showErrorMessage(vscode.l10n.t('Open the letter in an editor first; the analysis is inserted at the cursor.'));
  return editor;
}

async function fromClipboardOrSelection(): Promise<void> {
  const editor = activeEditor();
  if (!editor) return;
  const settings = letterSettings(editor.document);
  const selection = editor.selection;
  if (!selection.isEmpty) {
    const selected = editor.document.getText(selection);
    let result: AnalysisResult | undefined;
    try {
      result = tryAnalyze(selected, settings);
    } catch (e) {
      if (!(e instanceof LogInputError)) throw e;
      void vscode.window.showErrorMessage(vscode.l10n.t('The log from {0} cannot be analysed: {1} Nothing was inserted.', vscode.l10n.t('selection'), e.message));
      return;
    }
    // A selection that is not a log is just where the user is; fall back to the clipboard.
    if (result) return finish(editor, result, settings, selection);
  }
  const clipboard = await vscode.env.clipboard.readText();
  if (!clipboard.trim()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The clipboard is empty. Copy the vendor\'s log (CSV, JSON or text from the PDF) or select it in the editor, then run the command again.'));
    return;
  }
  await run(editor, settings, () => analyzeLog(new TextEncoder().encode(clipboard), analyzeOptions(settings)), vscode.l10n.t('clipboard'));
}

async function fromFile(): Promise<void> {
  const editor = activeEditor();
  if (!editor) return;
  const settings = letterSettings(editor.document);
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Analyse log'),
    filters: { [vscode.l10n.t('Logs')]: ['csv', 'tsv', 'txt', 'json', 'jsonl', 'log'], [vscode.l10n.t('All files')]: ['*'] },
  });
  const uri = picked?.[0];
  if (!uri) return;
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', uri.fsPath, (e as Error).message));
    return;
  }
  await run(editor, settings, () => analyzeLog(bytes, analyzeOptions(settings)), uri.fsPath);
}

function analyzeOptions(settings: LetterSettings) {
  const config = vscode.workspace.getConfiguration('auditReply');
  return {
    networks: settings.networks,
    timezone: settings.timezone,
    lang: settings.lang,
    maxSpeedKmh: config.get<number>('ipAnalysis.maxSpeedKmh', 900),
  };
}

function tryAnalyze(text: string, settings: LetterSettings): AnalysisResult | undefined {
  try {
    return analyzeLog(new TextEncoder().encode(text), analyzeOptions(settings));
  } catch (e) {
    if (e instanceof LogInputError && e.code !== 'bad-network' && e.code !== 'bad-timezone') return undefined;
    throw e;
  }
}

async function run(editor: vscode.TextEditor, settings: LetterSettings, analyse: () => AnalysisResult, source: string): Promise<void> {
  let result: AnalysisResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Analysing the log…') },
      async () => {
        // Let the notification paint before the synchronous analysis holds the thread.
        await new Promise((r) => setTimeout(r, 0));
        return analyse();
      },
    );
  } catch (e) {
    if (e instanceof LogInputError) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The log from {0} cannot be analysed: {1} Nothing was inserted.', source, e.message));
      return;
    }
    throw e;
  }
  await finish(editor, result, settings, undefined);
}

async function finish(editor: vscode.TextEditor, analysed: AnalysisResult, settings: LetterSettings, replace: vscode.Selection | undefined): Promise<void> {
  const version = editor.document.version;
  let result = analysed;
  const config = vscode.workspace.getConfiguration('auditReply');
  if (config.get<boolean>('ipLookup.rdap', false)) {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up address owners (RDAP)…'), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        let reported = 0;
        return lookupOwners(analysed, {
          baseUrl: config.get<string>('ipLookup.rdapBaseUrl', '') || undefined,
          timeoutMs: config.get<number>('ipLookup.timeoutMs', 5000),
          signal: controller.signal,
          onProgress: (done, total) => {
            const pct = (done / total) * 100;
            progress.report({ increment: pct - reported, message: vscode.l10n.t('{0} of {1}', done, total) });
            reported = pct;
          },
        });
      },
    );
    const failed = result.rdap?.failed ?? 0;
    if (failed > 0) void vscode.window.showWarningMessage(vscode.l10n.t('{0} owner lookup(s) failed; the table says why for each address.', failed));
  }
  if (editor.document.isClosed) return;
  if (replace && editor.document.version !== version) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The letter changed while the analysis ran, so the selection was not replaced. Run the command again.'));
    return;
  }
  const markdown = toMarkdown(result, settings.lang);
  const target = replace ?? editor.selection;
  const before = editor.document.lineAt(target.start.line).text.slice(0, target.start.character);
  const text = `${before.trim() ? '\n\n' : ''}${markdown}\n`;
  // One edit, so a single undo removes the whole table.
  const ok = await editor.edit((b) => (replace ? b.replace(replace, text) : b.replace(editor.selection, text)));
  if (!ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The analysis could not be inserted (the editor refused the edit). Nothing was changed.'));
    return;
  }
  const flagged = result.flaggedCount;
  const unread = result.unreadRows.count;
  void vscode.window.showInformationMessage(
    unread > 0
      ? vscode.l10n.t('IP analysis inserted: {0} logins, {1} addresses, {2} flagged switches; {3} rows could not be read (listed in the findings).', result.events, result.ips.length, flagged, unread)
      : vscode.l10n.t('IP analysis inserted: {0} logins, {1} addresses, {2} flagged switches.', result.events, result.ips.length, flagged),
  );
}
