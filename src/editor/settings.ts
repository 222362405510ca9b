import * as path from 'node:path';
import * as vscode from 'vscode';
import { SENDER_FIELDS, type Format, type SenderProfile } from '../letter/caseModel';
import type { Lang } from '../letter/dates';
import { defaultFormat, defaultLanguage } from '../letter/newReplyPlan';

const SECTION = 'auditReply';
/** Relative to a workspace folder; the same layout as the built-in templates/. */
export const WORKSPACE_TEMPLATES = path.join('.audit-reply', 'templates');

/** The sender profile from settings (`auditReply.sender.*`); blank entries are left out. */
export function senderProfile(scope?: vscode.ConfigurationScope): SenderProfile {
  const config = vscode.workspace.getConfiguration(`${SECTION}.sender`, scope);
  const profile: SenderProfile = {};
  for (const key of SENDER_FIELDS) {
    const value = config.get<unknown>(key);
    if (typeof value === 'string' && value.trim()) profile[key] = value.trim();
  }
  return profile;
}

/**
 * The workspace templates folder, or undefined in an untrusted workspace (where
 * only the built-in catalogue may run) and when no local folder is open. With a
 * document, the folder that holds it; otherwise the first one.
 */
export function templatesOverrideDir(uri?: vscode.Uri): string | undefined {
  if (!vscode.workspace.isTrusted) return undefined;
  const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') return undefined;
  return path.join(folder.uri.fsPath, WORKSPACE_TEMPLATES);
}

export function newLetterLanguage(): Lang {
  return defaultLanguage(vscode.workspace.getConfiguration(SECTION).get('defaultLanguage'), vscode.env.language);
}

export function newLetterFormat(): Format {
  return defaultFormat(vscode.workspace.getConfiguration(SECTION).get('defaultFormat'));
}

export function outputFolder(): string {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('outputFolder');
  return typeof value === 'string' && value.trim() ? value.trim() : 'replies';
}
