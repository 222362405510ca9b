// Small helpers shared by the in-host suites (bundled into each suite file).
import * as vscode from 'vscode';

export const EXTENSION_ID = 'audit-reply.audit-reply';

export const COMMANDS = [
  'auditReply.newReply',
  'auditReply.openPreview',
  'auditReply.exportPdf',
  'auditReply.copyAsEmail',
  'auditReply.insertIpAnalysisFromClipboard',
  'auditReply.insertIpAnalysisFromFile',
] as const;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `check` returns a value other than undefined/false; the message says what never came. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 8000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  await ext.activate();
  return ext;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the in-host tests need a workspace folder open');
  return folder.uri;
}

export function inWorkspace(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export async function writeText(relative: string, text: string): Promise<vscode.Uri> {
  const uri = inWorkspace(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function remove(uri: vscode.Uri): Promise<void> {
  if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
}

/** Writes a letter into the workspace and shows it in an editor that has focus. */
export async function openLetter(relative: string, text: string): Promise<vscode.TextEditor> {
  const uri = await writeText(relative, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
}

/** Closes every editor without a "save changes?" dialog, which would stall the run. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && !doc.isUntitled) await doc.save();
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The 0-based line on which `needle` first occurs in `text`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`test letter has no line containing ${JSON.stringify(needle)}`);
  return i;
}

/** Webview tabs anywhere in the workbench whose view type mentions `fragment`. */
export function webviewTabs(fragment = 'auditReply'): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes(fragment));
}

export function groupOf(tab: vscode.Tab): vscode.ViewColumn {
  return tab.group.viewColumn;
}

/** A complete English letter: every field its body uses is filled. */
export function completeLetter(options: { format?: 'letter' | 'email'; lang?: 'en' | 'ja'; extraBody?: string } = {}): string {
  const lang = options.lang ?? 'en';
  const format = options.format ?? 'letter';
  const body = lang === 'ja'
    ? '{{vendor.company}} {{vendor.department}} {{vendor.person}} 様\n\n貴社ご連絡（{{vendor.reference}}）について回答いたします。\n'
    : 'Dear {{vendor.person}},\n\nThis answers your message {{vendor.reference}} sent to {{sender.company}}.\n';
  return [
    '---',
    'template: nda-demand',
    `lang: ${lang}`,
    `format: ${format}`,
    'date: 2026-11-20',
    'vendor:',
    `  company: ${lang === 'ja' ? '株式会社ベンダー' : 'Vendor Example Ltd.'}`,
    '  department: Licence Compliance',
    '  person: Alice Example',
    '  email: licensing@vendor.example',
    '  reference: REF-2026-001',
    '  letterDate: 2026-11-10',
    'sender:',
    '  company: Sample Trading Co., Ltd.',
    '  department: IT',
    '  person: Taro Yamada',
    '  title: Manager',
    '  email: it@sample.example',
    '  phone: 03-0000-0000',
    '  address: 1-1-1 Marunouchi, Tokyo',
    'networks:',
    '  - cidr: 203.0.113.0/26',
    '    label: Head office Wi-Fi (primary)',
    '  - cidr: 203.0.113.64/26',
    '    label: Head office Wi-Fi (secondary)',
    'log:',
    '  timezone: Asia/Tokyo',
    '---',
    '',
    body,
    options.extraBody ?? '',
  ].join('\n');
}

export function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
