import * as assert from 'assert';
import * as vscode from 'vscode';
import { pollNonEmpty, SHIPPED_LOAD_MS } from './helpers';

suite('Agreed language', function () {
  this.timeout(SHIPPED_LOAD_MS + 30_000);

  test('the suggestion list shows an agreed paragraph with its sources', async () => {
    const content = 'The General Assembly,\n\nRecalling its resolution 73/266,\n\nUnderlining the importance of respect';
    const document = await vscode.workspace.openTextDocument({ language: 'unres', content });
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(content.length);
    const agreed = await pollNonEmpty('an agreed paragraph among the suggestions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return list.items.filter((item) => {
        const insert = item.insertText ?? (item as { textEdit?: vscode.TextEdit }).textEdit?.newText;
        const text = typeof insert === 'string' ? insert : insert?.value ?? '';
        return text.includes('respect for human rights and fundamental freedoms in the use of information and communications technologies,');
      });
    }, SHIPPED_LOAD_MS);
    assert.match(String(agreed[0].detail), /used in 3 documents/);
  });
});
