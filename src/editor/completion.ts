import * as vscode from 'vscode';
import { loadCatalogue, type Catalogue } from '../letter/catalogue';
import { buildCase } from '../letter/caseModel';
import { completionContextAt, expressionCandidates, type Candidate, type CompletionContext } from '../letter/completionContext';
import type { Lang } from '../letter/dates';
import { parseFrontmatter } from '../letter/frontmatter';
import { isLetterText } from '../letter/isLetter';
import { senderProfile, templatesOverrideDir } from './settings';

const KIND: Record<Candidate['kind'], vscode.CompletionItemKind> = {
  field: vscode.CompletionItemKind.Field,
  helper: vscode.CompletionItemKind.Function,
  value: vscode.CompletionItemKind.Value,
};

/** Helpers first after `{{`, then documented fields, then the letter's own keys. */
const ORDER: Record<Candidate['origin'], string> = { item: '0', helper: '1', schema: '2', frontmatter: '3' };

function catalogueFor(uri: vscode.Uri): Catalogue | undefined {
  try {
    return loadCatalogue(templatesOverrideDir(uri));
  } catch {
    return undefined; // a broken workspace template is reported as a diagnostic; completion just offers less
  }
}

function item(label: string, kind: vscode.CompletionItemKind, range: vscode.Range, documentation?: string, detail?: string, sortText?: string): vscode.CompletionItem {
  const it = new vscode.CompletionItem(label, kind);
  it.range = range;
  if (documentation) it.documentation = new vscode.MarkdownString(documentation);
  if (detail) it.detail = detail;
  if (sortText) it.sortText = sortText + label;
  return it;
}

function frontmatterValues(ctx: Extract<CompletionContext, { kind: 'frontmatterValue' }>, lang: Lang, uri: vscode.Uri, range: vscode.Range): vscode.CompletionItem[] {
  if (ctx.key === 'lang')
    return [item('ja', KIND.value, range, vscode.l10n.t('Japanese')), item('en', KIND.value, range, vscode.l10n.t('English'))];
  if (ctx.key === 'format')
    return [item('letter', KIND.value, range, vscode.l10n.t('Postal letter')), item('email', KIND.value, range, vscode.l10n.t('E-mail'))];
  const catalogue = catalogueFor(uri);
  if (!catalogue) return [];
  return catalogue.ids().map((id) => {
    const t = catalogue.get(id, lang) ?? catalogue.get(id, lang === 'ja' ? 'en' : 'ja');
    return item(id, vscode.CompletionItemKind.EnumMember, range, t?.description, t?.title);
  });
}

class LetterCompletion implements vscode.CompletionItemProvider {
  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const text = document.getText();
    if (!isLetterText(text)) return undefined;
    const ctx = completionContextAt(text, document.offsetAt(position));
    if (!ctx) return undefined;
    const range = new vscode.Range(document.positionAt(ctx.tokenStart), position);
    const fm = parseFrontmatter(text);
    const lang: Lang = fm.data?.lang === 'en' ? 'en' : 'ja';
    if (ctx.kind === 'frontmatterValue') return frontmatterValues(ctx, lang, document.uri, range);
    if (ctx.kind === 'partial') {
      const format = fm.data?.format === 'email' ? 'email' : 'letter';
      const partials = catalogueFor(document.uri)?.partials(lang, format);
      return [...(partials?.keys() ?? [])].map((name) => item(name, vscode.CompletionItemKind.Module, range, undefined, vscode.l10n.t('Partial')));
    }
    // computed fields (quote.total …) and sender defaults show their value too
    const data = buildCase(fm, { sender: senderProfile(document.uri) }).data;
    return expressionCandidates(ctx, data, lang).map((c) =>
      item(c.label, KIND[c.kind], range, c.documentation ?? (c.origin === 'frontmatter' ? vscode.l10n.t("A field of this letter's frontmatter.") : undefined), c.detail, ORDER[c.origin]),
    );
  }
}

export function registerCompletion(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new LetterCompletion(), '{', '.', ' ', ':', '>', '#'));
}
