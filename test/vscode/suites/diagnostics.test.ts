// Missing fields show as diagnostics on the line that uses them, and clear once filled.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, inWorkspace, lineOf, openLetter, remove, waitFor } from '../helpers';

const LETTER = [
  '---',
  'template: nda-demand',
  'lang: en',
  'format: letter',
  'date: 2026-11-20',
  'vendor:',
  '  company: Vendor Example Ltd.',
  '  reference: REF-42',
  'sender:',
  '  company: Sample Trading Co., Ltd.',
  '  person: Taro Yamada',
  '---',
  '',
  'To {{vendor.company}}',
  '',
  'Dear {{vendor.person}},',
  '',
  'Your reference {{vendor.reference}} has been received.',
  '',
].join('\n');

const about = (field: string) => (d: vscode.Diagnostic) => d.message.includes(field);

suite('Diagnostics for missing fields', () => {
  const file = 'e2e-diagnostics.md';

  suiteSetup(async () => {
    await activateExtension();
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await remove(inWorkspace(file));
  });

  test('a missing field is reported on the line that uses it, and only there', async () => {
    const editor = await openLetter(file, LETTER);
    const uri = editor.document.uri;
    const diags = await waitFor('a diagnostic about vendor.person', () => {
      const found = vscode.languages.getDiagnostics(uri).filter(about('vendor.person'));
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(diags.map((d) => d.range.start.line), [lineOf(LETTER, 'Dear {{vendor.person}}')]);
    const col = LETTER.split('\n')[lineOf(LETTER, 'Dear {{vendor.person}}')]!.indexOf('vendor.person');
    assert.ok(diags[0]!.range.start.character <= col && diags[0]!.range.end.character >= col, 'the range covers the expression');
    const all = vscode.languages.getDiagnostics(uri);
    assert.equal(all.filter(about('vendor.company')).length, 0, 'a filled field is not reported');
    assert.equal(all.filter(about('vendor.reference')).length, 0, 'a filled field is not reported');
  });

  test('the diagnostic clears once the field is filled (without saving)', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the letter is still open');
    assert.ok(vscode.languages.getDiagnostics(editor.document.uri).some(about('vendor.person')), 'before the edit, vendor.person is reported');
    const line = lineOf(editor.document.getText(), '  company: Vendor Example Ltd.');
    const ok = await editor.edit((b) => b.insert(new vscode.Position(line + 1, 0), '  person: Alice Example\n'));
    assert.ok(ok, 'the edit applied');
    await waitFor('the vendor.person diagnostic to clear', () =>
      vscode.languages.getDiagnostics(editor.document.uri).filter(about('vendor.person')).length === 0 ? true : undefined);
  });
});
