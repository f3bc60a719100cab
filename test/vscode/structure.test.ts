import * as assert from 'assert';
import * as vscode from 'vscode';
import { pollNonEmpty } from './helpers';

suite('Structure checks', () => {
  test('a numbering gap shows as a problem and its quick fix renumbers in the editor', async () => {
    const content = 'The General Assembly,\n\nRecalling its resolution 73/266 of 22 December 2018,\n\n1. Decides to convene a working group;\n\n3. Requests a report on paragraph 3 above.\n';
    const document = await vscode.workspace.openTextDocument({ language: 'unres', content });
    await vscode.window.showTextDocument(document);
    const [gap] = await pollNonEmpty('the numbering diagnostic', async () =>
      vscode.languages.getDiagnostics(document.uri).filter((d) => d.code === 'unres.opNumberGap'),
    );
    assert.match(gap.message, /expected 2/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, gap.range, vscode.CodeActionKind.QuickFix.value);
    const renumber = actions.find((a) => a.title === 'Renumber operative paragraphs');
    assert.ok(renumber?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(renumber.edit));
    assert.match(document.getText(), /\n2\. Requests a report on paragraph 2 above\.\n/);
    await pollNonEmpty('the problem to go', async () => (vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'unres.opNumberGap') ? [] : [true]));
  });
});
