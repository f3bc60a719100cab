// "Write Amendments Against…" and "Apply Amendments…" in real VS Code: the amendments open in a new
// untitled document with the engine's text for the same two versions, and applied to the older
// version they give an untitled draft whose paragraphs read as the newer one's.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AmendmentsCommandResult } from '../../client/src/amendments';
import { applyAmendments } from '../../server/src/amendments/apply';
import { parseAmendments, printAmendments } from '../../server/src/amendments/instructions';
import { writeAmendments } from '../../server/src/amendments/write';
import { compareDocuments } from '../../server/src/compare/compare';
import { parseResolution } from '../../server/src/parser/parse';
import { openSeed, ourExtension, SEED_000, SEED_004, seedUri } from './helpers';

const read = async (seed: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(seedUri(seed)));

suite('Amendments', () => {
  suiteSetup(async () => {
    await ourExtension().activate();
  });

  test('Write Amendments Against… opens the amendments from 004 to the draft 000 in a new untitled document', async () => {
    const draft = await openSeed(SEED_000);
    const result = await vscode.commands.executeCommand<AmendmentsCommandResult>('unres.writeAmendmentsAgainstFile', { with: seedUri(SEED_004) });
    assert.ok(result && result.kind === 'amendments', `the command returned ${JSON.stringify(result)} (see the error message it showed)`);
    const expected = printAmendments(writeAmendments(parseResolution(await read(SEED_004)), parseResolution(await read(SEED_000))).instructions);
    assert.strictEqual(result.text, expected);
    assert.ok(result.count >= 5, expected);
    assert.match(result.text, /^1\. In the first preambular paragraph, /);

    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor is active');
    assert.strictEqual(editor.document.uri.toString(), result.document.toString());
    assert.ok(editor.document.isUntitled, 'the amendments are a new untitled document');
    assert.strictEqual(editor.document.getText(), expected);
    assert.notStrictEqual(editor.document.uri.toString(), draft.uri.toString());
    assert.strictEqual(draft.getText(), await read(SEED_000), 'the draft is not changed');

    // Applied to 004, they make a draft that reads as 000.
    await openSeed(SEED_004);
    const applied = await vscode.commands.executeCommand<AmendmentsCommandResult>('unres.applyAmendments', { amendments: result.document });
    assert.ok(applied && applied.kind === 'applied', `Apply Amendments returned ${JSON.stringify(applied)}`);
    const engine = applyAmendments(parseResolution(await read(SEED_004)), parseAmendments(expected).instructions);
    assert.ok('text' in engine);
    assert.strictEqual(applied.text, engine.text);
    const amended = vscode.window.activeTextEditor?.document;
    assert.ok(amended?.isUntitled && amended.languageId === 'unres', 'the amended draft opens as an untitled UN resolution');
    assert.strictEqual(amended.getText(), engine.text);
    const summary = compareDocuments(parseResolution(amended.getText()), parseResolution(await read(SEED_000))).summary;
    assert.strictEqual(summary.changed + summary.added + summary.deleted + summary.moved + summary.split + summary.merged, 0, JSON.stringify(summary));
  });
});
