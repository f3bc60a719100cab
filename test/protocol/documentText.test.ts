// unres/documentText, the request behind VS Code's "Open as Resolution", against the real server
// over stdio: a PDF read into resolution text, and the text opened under the view's scheme gets
// the outline and diagnostics of any draft.
import * as assert from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import type { CompareError, CompareResult } from '../../server/src/protocol';
import { DOCUMENT_TEXT_REQUEST, DOCUMENT_VIEW_SCHEME, type DocumentTextError, type DocumentTextResult } from '../../server/src/protocol';
import { repoRoot } from '../helpers';
import { LspClient } from './lspClient';

const pdf = path.join(repoRoot, 'test', 'fixtures', 'real', 'pdf', 'A_RES_79_61.pdf');

describe('protocol: unres/documentText', function () {
  this.timeout(60_000);
  let client: LspClient;
  let temp: string;
  const request = (uri: string) => client.connection.sendRequest(DOCUMENT_TEXT_REQUEST, { uri }) as Promise<DocumentTextResult | DocumentTextError>;

  before(async () => {
    temp = mkdtempSync(path.join(tmpdir(), 'unres-document-text-'));
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  it('reads a PDF into resolution text whose outline has the hand counts', async () => {
    const answer = await request(pathToFileURL(pdf).toString());
    assert.ok('text' in answer, JSON.stringify(answer));
    assert.deepStrictEqual([answer.format, answer.pages], ['PDF', 3]);
    const view = pathToFileURL(pdf).toString().replace(/^file:/, `${DOCUMENT_VIEW_SCHEME}:`);
    await client.open(view, answer.text);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: view } })) as DocumentSymbol[];
    const counts = Object.fromEntries(symbols.filter((s) => s.children?.length).map((s) => [s.name, s.children!.length]));
    assert.strictEqual(counts['Preamble'], 11);
    assert.strictEqual(counts['Operative part'], 13);
    const diagnostics = await client.diagnosticsFor(view, 1, 10_000);
    assert.ok(!diagnostics.diagnostics.some((d) => d.severity === 1), JSON.stringify(diagnostics.diagnostics));
  });

  it('says why, naming the file, for a damaged PDF; notDocument for a text file; refuses what is no file URI', async () => {
    const cut = path.join(temp, 'cut.pdf');
    const bytes = readFileSync(pdf);
    writeFileSync(cut, bytes.subarray(0, bytes.length >> 1));
    const damaged = await request(pathToFileURL(cut).toString());
    assert.ok('error' in damaged && damaged.error.startsWith(cut) && /cut short/.test(damaged.error) && !damaged.notDocument, JSON.stringify(damaged));
    const text = path.join(temp, 'draft.txt');
    writeFileSync(text, 'The General Assembly,\n');
    const plain = await request(pathToFileURL(text).toString());
    assert.ok('error' in plain && plain.notDocument === true);
    const remote = await request('https://undocs.org/A/RES/79/61');
    assert.ok('error' in remote && !remote.notDocument);
  });

  it('gives a Word draft\'s text before its tracked changes, and comparing it with the text shows exactly those changes', async () => {
    const docx = (name: string) => pathToFileURL(path.join(repoRoot, 'test', 'fixtures', 'docx', name)).toString();
    const plain = await request(docx('seed-004.docx'));
    assert.ok('text' in plain && plain.before === undefined, 'no tracked changes, no before');
    const answer = await request(docx('seed-004.tracked.docx'));
    assert.ok('text' in answer && answer.before !== undefined, JSON.stringify(answer).slice(0, 200));
    const result = (await client.connection.sendRequest('unres/compare', {
      old: { uri: 'file:///drafts/before.docx', text: answer.before },
      new: { uri: 'file:///drafts/after.docx', text: answer.text },
    })) as CompareResult | CompareError;
    assert.ok(!('error' in result), 'error' in result ? result.error : '');
    const changes = result.comparison.changes.filter((c) => c.kind !== 'unchanged');
    const words = (kind: 'added' | 'removed') =>
      changes.flatMap((c) => (c.words ?? []).filter((w) => w[kind]).map((w) => w.value.trim()));
    // The fixture's deleted paragraph stands after the meeting line, outside the resolution's
    // paragraphs, so the comparison has the three edited paragraphs only.
    assert.ok(answer.before.trimEnd().endsWith('\n\n7. *Decides* to remain seized of the matter.'));
    assert.deepStrictEqual(changes.map((c) => c.kind), ['changed', 'changed', 'changed']);
    assert.deepStrictEqual(words('added'), ['entire', 'through existing resources and']);
    assert.deepStrictEqual(words('removed'), ['urgently']);
  });
});
