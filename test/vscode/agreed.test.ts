import * as assert from 'assert';
import * as vscode from 'vscode';
import { pollNonEmpty, SHIPPED_LOAD_MS } from './helpers';

suite('Agreed language', function () {
  this.timeout(SHIPPED_LOAD_MS + 30_000);

  /** The suggestions at the end of a new draft whose text is `content` that insert a text holding `wording`. */
  async function agreedSuggestions(content: string, wording: string): Promise<vscode.CompletionItem[]> {
    const document = await vscode.workspace.openTextDocument({ language: 'unres', content });
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(content.length);
    return pollNonEmpty('an agreed paragraph among the suggestions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return list.items.filter((item) => {
        const insert = item.insertText ?? (item as { textEdit?: vscode.TextEdit }).textEdit?.newText;
        const text = typeof insert === 'string' ? insert : insert?.value ?? '';
        return text.includes(wording);
      });
    }, SHIPPED_LOAD_MS);
  }

  test('the suggestion list shows an agreed paragraph with its sources', async () => {
    const content = 'The General Assembly,\n\nRecalling its resolution 73/266,\n\nUnderlining the importance of respect';
    const agreed = await agreedSuggestions(content, 'respect for human rights and fundamental freedoms in the use of information and communications technologies,');
    assert.match(String(agreed[0].detail), /used in 3 documents/);
  });

  test('a paragraph of the shipped resolutions of sessions 78 and 79, on a subject the seeds do not treat', async () => {
    const content = 'The General Assembly,\n\nWelcoming the inclusion of small arms';
    const agreed = await agreedSuggestions(content, 'Welcoming the inclusion of small arms and light weapons in the scope of the Arms Trade Treaty,');
    assert.ok(agreed.some((item) => /A\/RES\/7[89]\/\d+, PP\d+ · used in 3 documents/.test(String(item.detail))), agreed.map((item) => item.detail).join('\n'));
  });
});
