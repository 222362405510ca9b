// "Copy as e-mail" puts plain text with a subject line on the clipboard.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, completeLetter, inWorkspace, openLetter, remove, waitFor } from '../helpers';

async function copied(file: string, text: string): Promise<string> {
  await openLetter(file, text);
  const marker = `clipboard-before-${Date.now()}`;
  await vscode.env.clipboard.writeText(marker);
  await vscode.commands.executeCommand('auditReply.copyAsEmail');
  return waitFor('the e-mail text on the clipboard', async () => {
    const t = await vscode.env.clipboard.readText();
    return t !== marker ? t : undefined;
  });
}

suite('Copy as e-mail', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await remove(inWorkspace('e2e-email-en.md'));
    await remove(inWorkspace('e2e-email-ja.md'));
  });

  test('English: first line is the subject, then the letter as plain text', async () => {
    const text = await copied('e2e-email-en.md', completeLetter({ format: 'email' }));
    const [first, ...rest] = text.split(/\r?\n/);
    assert.match(first ?? '', /^Subject: \S/, `first line: ${first}`);
    const body = rest.join('\n');
    assert.ok(body.includes('Alice Example'), 'fields are filled in');
    assert.ok(!body.includes('{{'), 'no Handlebars expressions are left');
    assert.ok(!/^---$/m.test(body), 'no frontmatter');
  });

  test('Japanese: first line is the subject line (件名)', async () => {
    const text = await copied('e2e-email-ja.md', completeLetter({ format: 'email', lang: 'ja' }));
    const first = text.split(/\r?\n/)[0] ?? '';
    assert.match(first, /^(件名|Subject)[:：]\s*\S/, `first line: ${first}`);
    assert.ok(text.includes('株式会社ベンダー'), 'fields are filled in');
  });
});
