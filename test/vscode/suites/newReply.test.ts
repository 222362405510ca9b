// "New audit reply" driven with an argument object, as other commands and tests call it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, remove, waitFor, webviewTabs, workspaceRoot } from '../helpers';

suite('New audit reply', () => {
  const created: vscode.Uri[] = [];

  suiteSetup(async () => {
    await activateExtension();
    await closeAllEditors();
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    for (const uri of created) await remove(uri);
  });

  test('creates <outputFolder>/<date>-<kind>-<vendor>.md from the arguments and opens it', async () => {
    const outputFolder = vscode.workspace.getConfiguration('auditReply').get<string>('outputFolder') ?? 'replies';
    const before = new Set((await vscode.workspace.findFiles(`${outputFolder}/*-nda-demand-microsoft.md`)).map((u) => u.toString()));

    await vscode.commands.executeCommand('auditReply.newReply', {
      template: 'nda-demand',
      lang: 'en',
      vendor: 'microsoft',
      format: 'letter',
      data: { vendor: { reference: 'E2E-NEW-REPLY-1', person: 'Pat Example' } },
    });

    const files = await waitFor('the new letter file', async () => {
      const now = await vscode.workspace.findFiles(`${outputFolder}/*-nda-demand-microsoft.md`);
      const fresh = now.filter((u) => !before.has(u.toString()));
      return fresh.length > 0 ? fresh : undefined;
    });
    created.push(...files);
    assert.equal(files.length, 1, `expected one new file, got ${files.map((f) => f.path).join(', ')}`);
    const file = files[0]!;
    assert.ok(file.path.startsWith(vscode.Uri.joinPath(workspaceRoot(), outputFolder).path + '/'), `${file.path} is not in ${outputFolder}/`);

    const editor = await waitFor('the new letter to be the active editor', () => {
      const e = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((v) => v.document.uri.toString() === file.toString());
      return e && e.document.uri.toString() === file.toString() ? e : undefined;
    });
    const text = editor.document.getText();
    assert.match(text, /^---\r?\n/, 'the letter starts with YAML frontmatter');
    assert.match(text, /^template: nda-demand$/m);
    assert.match(text, /^lang: en$/m);
    assert.match(text, /^format: letter$/m);
    assert.match(text, /E2E-NEW-REPLY-1/, 'the data argument is written into the frontmatter');
    assert.match(text, /Microsoft/, 'the vendor preset fills the company');

    // The file name carries the letter's own date.
    const date = /^date: ['"]?(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1];
    assert.ok(date, 'the frontmatter has an ISO date');
    assert.equal(file.path.split('/').pop(), `${date}-nda-demand-microsoft.md`);

    const company = vscode.workspace.getConfiguration('auditReply').get<string>('sender.company');
    if (company) assert.ok(text.includes(company), `the sender company from settings (${company}) is in the letter`);

    // The body comes from the template, past the frontmatter.
    const body = text.replace(/^---[\s\S]*?\n---\r?\n/, '');
    assert.ok(body.trim().length > 200, 'the letter has a body from the template');
  });

  test('opens the preview beside the new letter', async () => {
    const tab = await waitFor('a preview webview tab', () => webviewTabs()[0]);
    const letterColumn = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('-nda-demand-microsoft.md')))?.viewColumn;
    assert.ok(letterColumn !== undefined, 'the letter is open in a tab');
    assert.notEqual(tab.group.viewColumn, letterColumn, 'the preview sits beside the letter, not over it');
  });
});
