// Positions and edits that lie outside the document, sent to the real server: it reads them as
// the nearest place inside the text, answers with ranges inside it, and keeps its copy of the
// text the same as the editor's.
import * as assert from 'assert';
import type {
  CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, InlayHint, Range,
} from 'vscode-languageserver-protocol';
import { ParsedDocument } from '../../server/src/parsedDocument';
import { getDocumentSymbols } from '../../server/src/services/outline';
import { checkRange, lspLines } from '../unit/invariants';
import { LspClient } from './lspClient';

/** Every `range`, `insert`, `replace` and `position` in a response, with where it was found. */
function rangesIn(value: unknown, path = 'result', out: [string, Range][] = []): [string, Range][] {
  if (value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    const where = `${path}.${key}`;
    if ((key === 'range' || key === 'insert' || key === 'replace' || key === 'selectionRange') && child && typeof child === 'object') out.push([where, child as Range]);
    else if (key === 'position' && child && typeof child === 'object') out.push([where, { start: child, end: child } as Range]);
    else rangesIn(child, where, out);
  }
  return out;
}

/** Every range of a response lies inside the document and never between the halves of a surrogate pair or of a CRLF. */
function assertInside(text: string, response: unknown): void {
  const lines = lspLines(text);
  const problems = rangesIn(response).flatMap(([where, range]) => {
    const outside = checkRange(range, lines, where).map((p) => p.message);
    if (outside.length > 0) return outside;
    return [range.start, range.end].flatMap((p) => {
      const offset = lines.starts[p.line] + p.character;
      const splits = (/[\uD800-\uDBFF]/.test(text[offset - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[offset] ?? '')) || (text[offset - 1] === '\r' && text[offset] === '\n');
      return splits ? [`${where}: ${JSON.stringify(p)} splits a character`] : [];
    });
  });
  assert.deepStrictEqual(problems, []);
}

const itemsOf = (result: CompletionList | CompletionItem[] | null) => (Array.isArray(result) ? result : result?.items ?? []);

describe('protocol: positions and edits outside the document', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    const code = await client.stop();
    assert.strictEqual(code, 0, `server exit code; stderr: ${client.stderr}`);
  });

  it('a completion at character 500 of a 30-character line answers as at its end, with edits inside the document', async () => {
    const uri = 'untitled:bounds-completion';
    const text = 'The General Assembly,\n\nRecalling its resolution 73/2\n\nNoting the report,\n';
    await client.open(uri, text);
    const complete = (position: { line: number; character: number }) =>
      client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }) as Promise<CompletionList | CompletionItem[] | null>;
    const atEnd = await client.until(async () => {
      const items = itemsOf(await complete({ line: 2, character: 29 }));
      return items.some((i) => i.label === '73/266') ? items : undefined;
    });
    const far = itemsOf(await complete({ line: 2, character: 500 }));
    assert.deepStrictEqual(far, atEnd);
    assertInside(text, far);
    assertInside(text, await complete({ line: 900, character: 500 }));
  });

  it('hover, definition, references, inlay hints and code actions far outside the text answer with ranges inside it', async () => {
    const uri = 'untitled:bounds-requests';
    const text = 'The General Assembly,\r\n\r\nRecalling its resolution 73/266;\r\n\r\nNoting 😀 the report 😀\r\n\r\n1. Decides to act 😀\r\n';
    await client.open(uri, text);
    const far = { line: 900, character: 900 };
    const farRange = { start: { line: 0, character: 0 }, end: far };
    const textDocument = { uri };
    assertInside(text, (await client.connection.sendRequest('textDocument/hover', { textDocument, position: { line: 2, character: 900 } })) as Hover | null);
    assertInside(text, await client.connection.sendRequest('textDocument/definition', { textDocument, position: far }));
    assertInside(text, await client.connection.sendRequest('textDocument/references', { textDocument, position: far, context: { includeDeclaration: true } }));
    assertInside(text, (await client.connection.sendRequest('textDocument/inlayHint', { textDocument, range: farRange })) as InlayHint[]);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    assert.ok(diagnostics.length >= 3, JSON.stringify(diagnostics));
    assertInside(text, diagnostics);
    // A cursor between the halves of the emoji and inside the CRLF after it.
    const between: Diagnostic[] = diagnostics.filter((d) => d.code === 'unres.punctuationLast');
    assert.strictEqual(between.length, 1);
    for (const position of [{ line: 6, character: 19 }, { line: 6, character: 21 }]) {
      const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: between, only: ['quickfix'] } })) as CodeAction[];
      assert.deepStrictEqual(actions.map((a) => a.title), ['Add "."']);
      assertInside(text, actions);
    }
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument, range: farRange, context: { diagnostics } })) as CodeAction[];
    assert.ok(actions.length >= 2, JSON.stringify(actions));
    assertInside(text, actions);
  });

  it('an edit past the end of the document is applied at its end, and later edits land where the editor put them', async () => {
    const uri = 'untitled:bounds-change';
    await client.open(uri, 'The General Assembly,\n\n1. Decides to act;\n');
    const change = (version: number, range: Range, text: string) =>
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    // The editor's document has four lines: lines 9 and 10 read as its end.
    await change(2, { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } }, '\n2. Invites all States to act;');
    await change(3, { start: { line: 4, character: 21 }, end: { line: 4, character: 21 } }, ' and organizations');
    // Two edits in one notification, the second past the end of what the first left.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 4 },
      contentChanges: [
        { range: { start: { line: 4, character: 46 }, end: { line: 4, character: 900 } }, text: ';\n\n3. Also decides' },
        { range: { start: { line: 6, character: 15 }, end: { line: 60, character: 3 } }, text: ' to remain seized of the matter.' },
      ],
    });
    const expected = 'The General Assembly,\n\n1. Decides to act;\n\n2. Invites all States and organizations to act;\n\n3. Also decides to remain seized of the matter.';
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    const local = getDocumentSymbols(ParsedDocument.parse({ uri, version: 4, getText: () => expected }));
    assert.deepStrictEqual(symbols, JSON.parse(JSON.stringify(local)));
    const names = symbols.find((s) => s.name === 'Operative part')!.children!.map((c) => `${c.name} ${c.detail}`);
    assert.deepStrictEqual(names, ['OP1 Decides to act;', 'OP2 Invites all States and organizations to act;', 'OP3 Also decides to remain seized of the matter.']);
    const { diagnostics } = await client.diagnosticsFor(uri, 4);
    assert.deepStrictEqual(diagnostics.filter((d) => d.severity !== undefined && d.severity <= 2).map((d) => d.code), []);
  });
});
