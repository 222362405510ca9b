// The host itself and the extension's presence: these pass as soon as the manifest is installed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID, activateExtension } from '../helpers';

suite('Extension host', () => {
  test('runs in a VS Code at least as new as the manifest requires (1.95)', () => {
    assert.equal(typeof vscode.version, 'string');
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major! > 1 || (major === 1 && minor! >= 95), `VS Code ${vscode.version} is older than 1.95`);
  });

  test('the extension is installed and activates', async () => {
    const ext = await activateExtension();
    assert.equal(ext.id.toLowerCase(), EXTENSION_ID);
    assert.equal(ext.isActive, true);
  });

  test('every command the manifest declares is registered', async () => {
    const ext = await activateExtension();
    const declared = (ext.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands?.map((c) => c.command) ?? [];
    for (const id of COMMANDS) assert.ok(declared.includes(id), `${id} is not declared in package.json`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });
});
