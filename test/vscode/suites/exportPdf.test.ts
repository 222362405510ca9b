// Export to PDF, called with an argument object so no dialog opens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, completeLetter, inWorkspace, openLetter, remove } from '../helpers';

suite('Export to PDF', () => {
  const file = 'e2e-export.md';
  const output = 'e2e-out/e2e-export.pdf';

  suiteSetup(async () => {
    await activateExtension();
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await remove(inWorkspace(file));
    await remove(inWorkspace('e2e-out'));
  });

  test('writes a PDF to the requested path', async () => {
    const editor = await openLetter(file, completeLetter());
    const out = inWorkspace(output);
    await remove(out);
    await vscode.commands.executeCommand('auditReply.exportPdf', { uri: editor.document.uri, output: out.fsPath, overwrite: true });
    const bytes = await vscode.workspace.fs.readFile(out);
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-', 'the file is a PDF');
    assert.ok(bytes.length > 1000, `the PDF has content (${bytes.length} bytes)`);
  });

  test('overwrite: true replaces an existing file', async () => {
    const out = inWorkspace(output);
    await vscode.workspace.fs.writeFile(out, new TextEncoder().encode('stale'));
    await vscode.commands.executeCommand('auditReply.exportPdf', { uri: inWorkspace(file), output: out.fsPath, overwrite: true });
    const bytes = await vscode.workspace.fs.readFile(out);
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-');
  });
});
