// Completion of case field paths after `{{`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, completeLetter, inWorkspace, label, openLetter, remove } from '../helpers';

async function completionsAt(doc: vscode.TextDocument, pos: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, trigger);
  // Words already in the document come back as plain Text items: they are not field completion.
  return (list?.items ?? []).filter((i) => i.kind !== vscode.CompletionItemKind.Text);
}

suite('Completion of field paths', () => {
  const file = 'e2e-completion.md';
  let editor: vscode.TextEditor;

  suiteSetup(async () => {
    await activateExtension();
    editor = await openLetter(file, completeLetter({ extraBody: 'Vendor: {{\nPerson: {{vendor.\nQuote: {{quote.\n' }) .replace('log:\n', 'quote:\n  currency: JPY\n  rate: 15000\nlog:\n'));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await remove(inWorkspace(file));
  });

  const endOf = (needle: string) => {
    const lines = editor.document.getText().split('\n');
    const line = lines.findIndex((l) => l === needle);
    assert.ok(line >= 0, `the test letter has the line ${needle}`);
    return new vscode.Position(line, needle.length);
  };

  test('right after {{ it offers the top-level case fields', async () => {
    const items = await completionsAt(editor.document, endOf('Vendor: {{'), '{');
    const labels = items.map(label);
    assert.ok(labels.some((l) => /^vendor\b/.test(l)), `no vendor field among: ${labels.slice(0, 30).join(', ')}`);
    assert.ok(labels.some((l) => /^sender\b/.test(l)), `no sender field among: ${labels.slice(0, 30).join(', ')}`);
  });

  test('after {{vendor. it offers the vendor fields', async () => {
    const items = await completionsAt(editor.document, endOf('Person: {{vendor.'), '.');
    const labels = items.map(label);
    for (const field of ['company', 'person', 'reference']) {
      assert.ok(labels.some((l) => l === field || l.endsWith(`.${field}`)), `no ${field} among: ${labels.slice(0, 30).join(', ')}`);
    }
  });

  test('fields present only in this letter\'s data are offered too', async () => {
    const items = await completionsAt(editor.document, endOf('Quote: {{quote.'), '.');
    const labels = items.map(label);
    assert.ok(labels.some((l) => l === 'currency' || l.endsWith('.currency')), `no currency among: ${labels.slice(0, 30).join(', ')}`);
  });
});
