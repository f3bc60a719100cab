import * as assert from 'assert';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/parser/lines';
import { LspClient } from './lspClient';

function apply(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  for (const edit of sorted) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return text;
}

describe('protocol: structure diagnostics, quick fixes and Fix all', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.stop());

  const draft = [
    'The General Assembly,',
    '',
    'Recalling its resolution 73/266 of 22 December 2018;',
    '',
    '1. Decides to convene a working group;',
    '',
    '3. Requests the Secretary-General to report on paragraph 3 above;',
    '',
    '4. Decides to remain seized of the matter.',
    '',
  ].join('\n');

  it('publishes a gap in the numbering and a wrong final mark, with codes and messages', async () => {
    const uri = 'untitled:structure';
    await client.open(uri, draft, 1);
    const published = await client.diagnosticsFor(uri, 1);
    const byCode = new Map(published.diagnostics.map((d) => [d.code, d]));
    assert.match(byCode.get('unres.opNumberGap')!.message as string, /Operative paragraph 3 follows 1: expected 2\./);
    assert.match(byCode.get('unres.punctuationPreambular')!.message as string, /Expected "," at the end of preambular paragraph PP1, found ";"/);
  });

  it('the quick fix renumbers and moves the reference with its paragraph', async () => {
    const uri = 'untitled:structure';
    const published = await client.diagnosticsFor(uri, 1);
    const gap = published.diagnostics.find((d) => d.code === 'unres.opNumberGap') as Diagnostic;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: gap.range,
      context: { diagnostics: [gap], only: ['quickfix'] },
    })) as CodeAction[];
    const renumber = actions.find((a) => a.title === 'Renumber operative paragraphs')!;
    const fixed = apply(draft, renumber.edit!.changes![uri]);
    assert.strictEqual(fixed, draft.replace('3. Requests', '2. Requests').replace('paragraph 3 above', 'paragraph 2 above').replace('4. Decides', '3. Decides'));
  });

  it('Fix all fixes numbering and punctuation in one edit, and the result is clean', async () => {
    const uri = 'untitled:structure';
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.kind), ['source.fixAll.unres']);
    const fixed = apply(draft, actions[0].edit!.changes![uri]);
    assert.match(fixed, /December 2018,\n/);
    assert.match(fixed, /\n2\. Requests .* paragraph 2 above;\n/);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client.diagnosticsFor(uri, 2);
    assert.deepStrictEqual(after.diagnostics.filter((d) => d.severity !== 3 && d.severity !== 4).map((d) => d.code), []);
  });
});
