import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PrepareForIssuanceResult } from '../../server/src/protocol';
import { ourExtension, pollNonEmpty } from './helpers';

/** A negotiation fixture's text (opened as an untitled document: the fixture on disk stays as it is). */
function fixture(name: string): string {
  return readFileSync(path.join(ourExtension().extensionPath, 'test', 'fixtures', 'negotiation', name), 'utf8');
}

suite('Prepare for issuance', () => {
  test('numbers the inserted paragraphs and moves the references with them, in the editor', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'unres', content: fixture('bis.unres') });
    await vscode.window.showTextDocument(document);
    // The server has the document once its outline names the inserted paragraph.
    await pollNonEmpty('the outline of the draft', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return (symbols ?? []).flatMap((s) => s.children).filter((s) => s.name.startsWith('OP2 bis'));
    });
    const result = await vscode.commands.executeCommand<PrepareForIssuanceResult>('unres.prepareForIssuance');
    assert.ok(result?.ok, result?.message);
    const text = document.getText();
    assert.match(text, /\n3\. Also requests the Secretary-General to report on the activities referred to in paragraph 2 above;\n/);
    assert.match(text, /\n4\. Invites Member States to submit their views on the matters referred to in paragraph 3 above;\n/);
    assert.match(text, /referred to in paragraphs 3 and 4 above:\n\n\(a\) Through voluntary contributions;\n\n\(b\) Through contributions in kind;\n\n\(c\) Through/);
    assert.match(text, /\n6\. Decides to review the implementation of paragraphs 4 and 5 above/);
    assert.doesNotMatch(text, /\b(?:bis|ter)\b/);
  });

  test('refuses while brackets remain and leaves the text as it is', async () => {
    const content = fixture('brackets.unres');
    const document = await vscode.workspace.openTextDocument({ language: 'unres', content });
    await vscode.window.showTextDocument(document);
    const result = await vscode.commands.executeCommand<PrepareForIssuanceResult>('unres.prepareForIssuance');
    assert.strictEqual(result?.ok, false);
    assert.match(result.message, /brackets remain \(line 7, column 1;/);
    assert.strictEqual(document.getText(), content);
  });
});
