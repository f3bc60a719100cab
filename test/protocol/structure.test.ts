import * as assert from 'assert';
import type { CodeAction, Diagnostic, DocumentSymbol, TextEdit } from 'vscode-languageserver-protocol';
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

describe('protocol: pathological drafts', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.stop());

  /** The name of each symbol down the first child of "Operative part". */
  async function outlinePath(uri: string): Promise<string[]> {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const names: string[] = [];
    for (let symbol = symbols.find((s) => s.name === 'Operative part'); symbol?.children?.length; symbol = symbol.children[0]) names.push(symbol.children[0].name);
    return names;
  }

  it('a draft 1,500 levels deep in decimal labels gets its one diagnostic and its outline', async function () {
    this.timeout(60_000);
    const parts = ['The General Assembly,', '', '1. Welcomes the norms:', ''];
    let label = '1';
    for (let k = 1; k <= 1_500; k++) {
      label += k === 1_500 ? '.2' : '.1';
      parts.push(`${label} Norm${k === 1_500 ? '.' : ':'}`, '');
    }
    const uri = 'untitled:deep';
    await client.open(uri, parts.join('\n'), 1);
    const published = await client.diagnosticsFor(uri, 1, 50_000);
    assert.deepStrictEqual(published.diagnostics.map((d) => d.code), ['unres.labelRestart']);
    assert.strictEqual((await outlinePath(uri)).length, 1 + 1_500);
  });

  it('a line of 130,000 markers has its paragraph in the outline, not a parser error', async function () {
    this.timeout(60_000);
    const uri = 'untitled:markers';
    await client.open(uri, `The General Assembly,\n\n1. Decides ${'word¹ '.repeat(130_000)};\n\n¹ A footnote.\n`, 1);
    await client.diagnosticsFor(uri, 1, 50_000);
    const path = await outlinePath(uri);
    assert.strictEqual(path.length, 1);
    assert.match(path[0], /^OP1 Decides/);
  });
});
