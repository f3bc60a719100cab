// The extension loads in real VS Code (code-server), activates, and handles seed texts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, ourExtension, seedUri, SEED_004 } from './helpers';

/** Closes an untitled document's editor without a "save?" prompt. */
async function closeUntitled(document: vscode.TextDocument) {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('Extension in VS Code', () => {
  test(`${EXTENSION_ID} is installed and contributes the unres language`, async () => {
    const extension = ourExtension();
    const languages = (extension.packageJSON?.contributes?.languages ?? []) as Array<{ id: string }>;
    assert.ok(languages.some((language) => language.id === 'unres'), 'package.json contributes no unres language');
    assert.ok((await vscode.languages.getLanguages()).includes('unres'), 'VS Code does not know the unres language');
  });

  test('it activates', async () => {
    const extension = ourExtension();
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  test('a seed .txt opens as a unres document (workspace files.associations)', async () => {
    const document = await vscode.workspace.openTextDocument(seedUri(SEED_004));
    assert.strictEqual(document.languageId, 'unres');
  });

  test('a .unres file opens as a unres document (contributed file extension)', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'unres', content: 'The General Assembly,\n' });
    assert.strictEqual(document.languageId, 'unres');
    const byExtension = await vscode.workspace.openTextDocument(vscode.Uri.parse('untitled:/new-draft.unres'));
    assert.strictEqual(byExtension.languageId, 'unres');
    await closeUntitled(document);
    await closeUntitled(byExtension);
  });
});
