// The preview opens as a webview beside the letter.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, completeLetter, inWorkspace, openLetter, remove, waitFor, webviewTabs } from '../helpers';

suite('Preview', () => {
  const file = 'e2e-preview.md';

  suiteSetup(async () => {
    await activateExtension();
    await closeAllEditors();
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await remove(inWorkspace(file));
  });

  test('"Open preview" shows a webview tab beside the letter', async () => {
    const editor = await openLetter(file, completeLetter());
    assert.equal(webviewTabs().length, 0, 'no preview before the command');
    await vscode.commands.executeCommand('auditReply.openPreview');
    const tab = await waitFor('a preview webview tab', () => webviewTabs()[0]);
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    assert.match(tab.input.viewType, /auditReply\.preview/);
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview does not replace the letter');
  });
});
