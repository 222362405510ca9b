import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadCatalogue, type Catalogue } from '../letter/catalogue';
import type { Format } from '../letter/caseModel';
import { parseIsoDate, toIsoDate, type Lang } from '../letter/dates';
import { buildNewLetter } from '../letter/newLetter';
import { nameCandidates, parseNewReplyArgs, placeCursor, replyFileName, type NewReplyRequest } from '../letter/newReplyPlan';
import { renderLetter } from '../letter/render';
import { FileExistsError, writeFileAtomic } from '../util/atomicWrite';
import { newLetterFormat, newLetterLanguage, outputFolder, senderProfile, templatesOverrideDir } from '../editor/settings';

export const NEW_REPLY_COMMAND = 'auditReply.newReply';

interface Choice<T> extends vscode.QuickPickItem {
  value: T;
}

/** One QuickPick step; undefined when the user pressed Esc. */
async function step<T>(n: number, placeHolder: string, items: Choice<T>[]): Promise<T | undefined> {
  const title = vscode.l10n.t('New audit reply ({0}/4)', n);
  return (await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true }))?.value;
}

/** The default goes first so Enter accepts it. */
function defaultFirst<T>(items: Choice<T>[], value: T): Choice<T>[] {
  return [...items.filter((i) => i.value === value), ...items.filter((i) => i.value !== value)];
}

async function ask(catalogue: Catalogue): Promise<NewReplyRequest | undefined> {
  const shown = newLetterLanguage();
  const other: Lang = shown === 'ja' ? 'en' : 'ja';
  const template = await step(
    1,
    vscode.l10n.t('Kind of reply'),
    catalogue.ids().map((id) => {
      const t = catalogue.get(id, shown) ?? catalogue.get(id, other)!;
      return { label: t.title, description: id, detail: t.description, value: id };
    }),
  );
  if (!template) return undefined;

  const langs: Choice<Lang>[] = [
    { label: '日本語', description: 'ja', value: 'ja' },
    { label: 'English', description: 'en', value: 'en' },
  ];
  const lang = await step(2, vscode.l10n.t('Language of the letter'), defaultFirst(langs.filter((l) => catalogue.get(template, l.value)), shown));
  if (!lang) return undefined;

  const vendors = catalogue.vendors().map((v) => ({
    label: v.id === 'generic' ? vscode.l10n.t('Generic (any vendor)') : v[lang].company || v.id,
    description: v.id,
    detail: v[lang].programme,
    value: v.id,
  }));
  const vendor = await step(3, vscode.l10n.t('Vendor'), defaultFirst(vendors, 'generic'));
  if (!vendor) return undefined;

  const formats: Choice<Format>[] = [
    { label: vscode.l10n.t('Postal letter'), description: 'letter', value: 'letter' },
    { label: vscode.l10n.t('E-mail'), description: 'email', value: 'email' },
  ];
  const format = await step(4, vscode.l10n.t('Format'), defaultFirst(formats, newLetterFormat()));
  if (!format) return undefined;
  return { template, lang, format, vendor };
}

/** Writes `name`, or `name-2`, `name-3` … if taken; never replaces a file. */
async function writeNew(dir: string, fileName: string, content: string): Promise<string> {
  for (const name of nameCandidates(fileName)) {
    const file = path.join(dir, name);
    try {
      await writeFileAtomic(file, content);
      return file;
    } catch (e) {
      if (!(e instanceof FileExistsError)) throw e;
    }
  }
  throw new Error(vscode.l10n.t('No free file name for {0} in {1} (tried up to -999); nothing was written.', fileName, dir));
}

async function newReply(arg?: unknown): Promise<vscode.Uri | undefined> {
  const overrideDir = templatesOverrideDir();
  let catalogue: Catalogue;
  try {
    catalogue = loadCatalogue(overrideDir);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Audit Reply: the letter templates could not be loaded: {0}', (e as Error).message));
    return undefined;
  }

  let request: NewReplyRequest | undefined;
  if (arg === undefined || arg === null || arg instanceof vscode.Uri) request = await ask(catalogue);
  else {
    try {
      request = parseNewReplyArgs(arg, { templates: catalogue.ids(), vendors: catalogue.vendors().map((v) => v.id) }, { lang: newLetterLanguage(), format: newLetterFormat() });
      if (!catalogue.get(request.template, request.lang)) throw new Error(`template "${request.template}" has no ${request.lang} version.`);
    } catch (e) {
      const message = vscode.l10n.t('New audit reply: {0}', (e as Error).message);
      void vscode.window.showErrorMessage(message);
      throw new Error(message); // callers (keybindings, tests) learn why too
    }
  }
  if (!request) return undefined; // Esc: nothing written, nothing to say

  const today = toIsoDate(new Date());
  const sender = senderProfile();
  const built = buildNewLetter({ ...request, today, sender, catalogue });
  const { problems } = renderLetter(built, { today, sender, catalogue });
  const { text, position } = placeCursor(built, problems);
  const date = typeof request.data?.date === 'string' && parseIsoDate(request.data.date) ? request.data.date : today;
  const fileName = replyFileName({ date, template: request.template, vendor: request.vendor });

  const folder = vscode.workspace.workspaceFolders?.[0];
  let document: vscode.TextDocument;
  if (folder?.uri.scheme === 'file') {
    const dir = path.resolve(folder.uri.fsPath, outputFolder());
    let file: string;
    try {
      file = await writeNew(dir, fileName, text);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The new letter could not be written in {0}: {1}', dir, (e as Error).message));
      return undefined;
    }
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  } else {
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  }

  const selection = position ? new vscode.Range(position.line, position.character, position.line, position.character) : undefined;
  const editor = await vscode.window.showTextDocument(document, { preview: false, selection });
  try {
    await vscode.commands.executeCommand('auditReply.openPreview', document.uri);
  } catch {
    // the preview is another part of the extension; the letter is useful without it
  }
  // should the preview take focus, give it back: the user's next move is typing in the letter
  if (vscode.window.activeTextEditor?.document !== document) await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn, preview: false, selection });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return document.uri;
}

/** "New audit reply": QuickPick steps, or none when given `{ template, lang?, vendor?, format?, data? }`. */
export function registerNewReply(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_REPLY_COMMAND, newReply));
}
