import * as assert from 'assert';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/parser/lines';
import { PREPARE_FOR_ISSUANCE_REQUEST, type PrepareForIssuanceResult } from '../../server/src/protocol';
import { negotiationFixture } from '../helpers';
import { LspClient } from './lspClient';

function apply(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  for (const edit of sorted) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

describe('protocol: Prepare for issuance', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.stop());

  it('answers unres/prepareForIssuance with one edit that numbers the inserted paragraphs and moves the references', async () => {
    const uri = 'untitled:bis';
    const text = negotiationFixture('bis.unres');
    await client.open(uri, text, 1);
    const result = (await client.connection.sendRequest(PREPARE_FOR_ISSUANCE_REQUEST, { uri })) as PrepareForIssuanceResult;
    assert.ok(result.ok, result.message);
    assert.deepStrictEqual(Object.keys(result.edit?.changes ?? {}), [uri]);
    const issued = apply(text, result.edit!.changes![uri]);
    assert.match(issued, /\n4\. Invites Member States to submit their views on the matters referred to in paragraph 3 above;\n/);
    assert.match(issued, /\n6\. Decides to review the implementation of paragraphs 4 and 5 above/);
  });

  it('refuses while brackets remain, and says so for a document it does not have', async () => {
    const uri = 'untitled:brackets';
    await client.open(uri, negotiationFixture('brackets.unres'), 1);
    const result = (await client.connection.sendRequest(PREPARE_FOR_ISSUANCE_REQUEST, { uri })) as PrepareForIssuanceResult;
    assert.strictEqual(result.ok, false);
    assert.strictEqual(result.brackets.length, 7);
    assert.deepStrictEqual(result.brackets[0].range, { start: { line: 6, character: 0 }, end: { line: 6, character: 94 } });
    const missing = (await client.connection.sendRequest(PREPARE_FOR_ISSUANCE_REQUEST, { uri: 'untitled:nothing' })) as PrepareForIssuanceResult;
    assert.deepStrictEqual(missing, { ok: false, message: 'The document is not open.', brackets: [] });
  });

  it('offers the source action "Prepare for issuance" when asked for source actions', async () => {
    const uri = 'untitled:bis';
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    })) as CodeAction[];
    const issuance = actions.find((a) => a.title === 'Prepare for issuance');
    assert.strictEqual(issuance?.kind, 'source.unres.prepareForIssuance');
    assert.ok((issuance.edit?.changes?.[uri] ?? []).length > 0);
  });
});
