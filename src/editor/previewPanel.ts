import * as path from 'node:path';
import * as vscode from 'vscode';
import { renderLetter, type RenderResult } from '../letter/render';
import { buildPageHtml } from '../preview/pageDocument';
import { previewBodyHtml } from '../preview/previewBody';
import { makeNonce } from '../preview/nonce';
import type { PaperSize } from '../preview/types';
import { isLetterDocument, registerLetterContext, renderOptionsFor } from './letterContext';

export const PREVIEW_VIEW_TYPE = 'auditReply.preview';
const UPDATE_DELAY_MS = 150;

function paperSize(doc: vscode.TextDocument): PaperSize {
  return vscode.workspace.getConfiguration('auditReply', doc.uri).get<string>('pdf.paperSize') === 'Letter' ? 'Letter' : 'A4';
}

function render(doc: vscode.TextDocument): RenderResult | undefined {
  try {
    return renderLetter(doc.getText(), renderOptionsFor(doc));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Audit Reply: the preview could not be rendered: {0}', (e as Error).message));
    return undefined;
  }
}

/** One preview panel that follows the active letter. */
class Preview {
  private timer: NodeJS.Timeout | undefined;
  private ready = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly mediaRoot: vscode.Uri,
    private doc: vscode.TextDocument,
    private readonly onDispose: () => void,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((msg: { type?: string }) => {
        // The page may load after an update was posted; send the latest state once it listens.
        if (msg?.type === 'ready') {
          this.ready = true;
          this.post();
        }
      }),
    );
    this.setHtml();
  }

  get document(): vscode.TextDocument {
    return this.doc;
  }

  /** Shows another letter without moving the panel. */
  follow(doc: vscode.TextDocument): void {
    if (doc === this.doc) return;
    this.doc = doc;
    this.post();
  }

  reveal(doc: vscode.TextDocument): void {
    this.follow(doc);
    this.panel.reveal(this.panel.viewColumn, true);
  }

  /** Debounced: typing fast renders once the keys pause. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.post(), UPDATE_DELAY_MS);
  }

  private setHtml(): void {
    const result = render(this.doc);
    const webview = this.panel.webview;
    this.panel.title = vscode.l10n.t('Preview: {0}', path.basename(this.doc.fileName));
    webview.html = buildPageHtml(
      { lang: result?.lang ?? 'en', subject: result?.subject ?? '', html: result ? previewBodyHtml(result) : '' },
      {
        paper: paperSize(this.doc),
        mode: 'webview',
        cspSource: webview.cspSource,
        nonce: makeNonce(),
        styleHref: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'letter.css')).toString(),
        scriptSrc: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'preview.js')).toString(),
      },
    );
  }

  post(): void {
    clearTimeout(this.timer);
    if (!this.ready) return;
    const result = render(this.doc);
    if (!result) return;
    this.panel.title = vscode.l10n.t('Preview: {0}', path.basename(this.doc.fileName));
    void this.panel.webview.postMessage({ type: 'update', html: previewBodyHtml(result), lang: result.lang, subject: result.subject, paper: paperSize(this.doc) });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

let current: Preview | undefined;

async function openPreview(mediaRoot: vscode.Uri, uri?: vscode.Uri): Promise<void> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'markdown') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open an Audit Reply letter (a Markdown file) to preview it.'));
    return;
  }
  if (current) {
    current.reveal(doc);
    return;
  }
  const panel = vscode.window.createWebviewPanel(
    PREVIEW_VIEW_TYPE,
    vscode.l10n.t('Preview: {0}', path.basename(doc.fileName)),
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, localResourceRoots: [mediaRoot], enableFindWidget: true },
  );
  current = new Preview(panel, mediaRoot, doc, () => {
    current = undefined;
  });
}

/** Registers "Open Preview to the Side", the live updates and the isLetter context key. */
export function registerPreview(context: vscode.ExtensionContext): void {
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');
  registerLetterContext(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('auditReply.openPreview', (uri?: unknown) => openPreview(mediaRoot, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (current && e.document === current.document) current.schedule();
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (current && editor && isLetterDocument(editor.document) && editor.document !== current.document) current.follow(editor.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (current && e.affectsConfiguration('auditReply')) current.post();
    }),
    { dispose: () => current?.panel.dispose() },
  );
}
