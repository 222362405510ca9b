import * as vscode from 'vscode';
import { describeValue, expressionPathAt, fieldDoc, frontmatterKeyAt, valueAt } from '../letter/completionContext';
import type { Lang } from '../letter/dates';
import { parseFrontmatter } from '../letter/frontmatter';
import { isLetterText } from '../letter/isLetter';
import { renderLetter } from '../letter/render';
import { specAt } from '../letter/schema';
import { senderProfile, templatesOverrideDir } from './settings';

function fence(value: string): string {
  const ticks = '`'.repeat(Math.max(3, ...[...value.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}\n${value}\n${ticks}`;
}

class LetterHover implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const text = document.getText();
    if (!isLetterText(text)) return undefined;
    const offset = document.offsetAt(position);
    const fm = parseFrontmatter(text);
    const lang: Lang = fm.data?.lang === 'en' ? 'en' : 'ja';

    if (offset < fm.bodyOffset) {
      const key = frontmatterKeyAt(fm, offset);
      const doc = key && specAt(key)?.doc[lang];
      if (!key || !doc) return undefined;
      const md = new vscode.MarkdownString();
      md.appendMarkdown(`**${key.join('.')}**\n\n`).appendText(doc);
      return new vscode.Hover(md);
    }

    const at = expressionPathAt(text, offset);
    if (!at) return undefined;
    // renderLetter's data has the defaults and computed values (quote.total …) the letter will print
    const data = renderLetter(text, { sender: senderProfile(document.uri), templatesOverrideDir: templatesOverrideDir(document.uri) }).data;
    const value = describeValue(valueAt(data, at.path));
    const doc = fieldDoc(at.path, lang, at.eachPath);
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${at.path}**\n\n`);
    if (value !== undefined) md.appendMarkdown(fence(value) + '\n\n');
    else if (doc) md.appendMarkdown(`*${vscode.l10n.t('empty: fill it in the frontmatter')}*\n\n`);
    else if (!at.eachPath) md.appendMarkdown(`*${vscode.l10n.t('not a field of this letter: check the spelling, or add it to the frontmatter')}*\n\n`);
    if (doc) md.appendText(doc);
    return new vscode.Hover(md, new vscode.Range(document.positionAt(at.start), document.positionAt(at.end)));
  }
}

export function registerHover(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider({ language: 'markdown' }, new LetterHover()));
}
