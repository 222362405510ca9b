// IP analysis from the clipboard: a table inserted at the cursor, as a single undo step.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, completeLetter, inWorkspace, lineOf, openLetter, remove, waitFor } from '../helpers';

// A few rows in the shape of a Salesforce login-history export (documentation address ranges).
const LOG = [
  '"Username","Login Time","Source IP","Login Type","Status","Browser","Platform","Application","Client Version","API Type","API Version","Login URL","Location"',
  '"taro.yamada@example.co.jp","3/5/2024 5:46 PM","203.0.113.74","Application","Success","Chrome 122","Windows 10","Browser","N/A","N/A","N/A","login.salesforce.com","Naha, Okinawa, Japan"',
  '"taro.yamada@example.co.jp","3/5/2024 5:45 PM","203.0.113.10","Application","Success","Chrome 122","Windows 10","Browser","N/A","N/A","N/A","login.salesforce.com","Sapporo, Hokkaido, Japan"',
  '"taro.yamada@example.co.jp","3/5/2024 8:10 PM","198.51.100.23","Application","Success","Safari 17","iOS/iPhone","Salesforce for iOS","N/A","N/A","N/A","login.salesforce.com","Tokyo, Tokyo, Japan"',
  '',
].join('\r\n');

suite('IP analysis from the clipboard', () => {
  const file = 'e2e-ip-analysis.md';
  let editor: vscode.TextEditor;
  let original = '';

  suiteSetup(async () => {
    await activateExtension();
    editor = await openLetter(file, completeLetter({ extraBody: '\nOur analysis:\n\nINSERT-HERE\n\nEnd of analysis.\n' }));
    original = editor.document.getText();
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await remove(inWorkspace(file));
  });

  test('inserts a Markdown table with every address at the cursor', async () => {
    const line = lineOf(original, 'INSERT-HERE');
    editor.selection = new vscode.Selection(line, 0, line, 0);
    await vscode.env.clipboard.writeText(LOG);
    assert.equal(await vscode.env.clipboard.readText(), LOG, 'the clipboard holds the log');

    await vscode.commands.executeCommand('auditReply.insertIpAnalysisFromClipboard');
    const text = await waitFor('the analysis to be inserted', () => {
      const t = editor.document.getText();
      return t !== original ? t : undefined;
    }, 15_000);

    const before = original.slice(0, original.indexOf('INSERT-HERE'));
    assert.ok(text.startsWith(before), 'text before the cursor is untouched');
    assert.ok(text.endsWith('INSERT-HERE\n\nEnd of analysis.\n'), 'text after the cursor is untouched');
    const inserted = text.slice(before.length, text.length - 'INSERT-HERE\n\nEnd of analysis.\n'.length);
    assert.match(inserted, /^\|.*\|\s*$/m, 'a Markdown table row');
    assert.match(inserted, /^\|\s*:?-{3,}/m, 'a Markdown table separator row');
    for (const ip of ['203.0.113.74', '203.0.113.10', '198.51.100.23']) assert.ok(inserted.includes(ip), `${ip} is in the table`);
    assert.ok(/Head office Wi-Fi/.test(inserted), 'our declared networks are recognised by their labels');
  });

  test('one undo restores the original text', async () => {
    assert.notEqual(editor.document.getText(), original, 'the analysis was inserted first');
    await vscode.window.showTextDocument(editor.document, { preview: false, viewColumn: editor.viewColumn });
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo to restore the letter', () => (editor.document.getText() === original ? true : undefined), 5000);
  });
});
