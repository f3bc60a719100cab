import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { DocumentSymbol, FoldingRange, InlayHint, SemanticTokens } from 'vscode-languageserver-protocol';
import { corpusDir, readSeed, SEEDS } from '../helpers';
import { LspClient } from './lspClient';

const uriOf = (file: string) => pathToFileURL(path.join(corpusDir, file)).toString();

describe('protocol: the server over stdio', function () {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    const code = await client.stop();
    assert.strictEqual(code, 0, `server exit code; stderr: ${client.stderr}`);
  });

  for (const seed of SEEDS) {
    it(`${seed.file}: documentSymbol gives the outline of the hand counts`, async () => {
      const uri = uriOf(seed.file);
      await client.open(uri, readSeed(seed.file));
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      const preamble = symbols.find((s) => s.name === 'Preamble')!;
      const operative = symbols.find((s) => s.name === 'Operative part')!;
      assert.strictEqual(preamble.children!.length, seed.preambular);
      assert.strictEqual(operative.children!.length, seed.operative);
      assert.match(preamble.children![0].name, /^PP1 Recalling$/);
      assert.match(operative.children![0].name, /^OP1 /);
      for (const [number, labels] of Object.entries(seed.subparagraphs)) {
        assert.deepStrictEqual(operative.children![Number(number) - 1].children!.map((c) => c.name.split(' ')[0]), labels);
      }
    });

    it(`${seed.file}: foldingRange folds the preamble and the operative part`, async () => {
      const uri = uriOf(seed.file);
      const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
      const ranges = (await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
      for (const name of ['Preamble', 'Operative part']) {
        const symbol = symbols.find((s) => s.name === name)!;
        assert.ok(
          ranges.some((r) => r.startLine === symbol.range.start.line && r.endLine === symbol.range.end.line && r.kind === 'region'),
          `${name} ${symbol.range.start.line}-${symbol.range.end.line} not in ${JSON.stringify(ranges)}`,
        );
      }
    });
  }

  it('answers inlay hints and semantic tokens', async () => {
    const uri = uriOf(SEEDS[0].file);
    const hints = (await client.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    })) as InlayHint[];
    assert.deepStrictEqual(hints.map((h) => h.label as string), Array.from({ length: 15 }, (_, i) => `PP${i + 1}`));
    const tokens = (await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
  });

  it('follows edits: an incremental change re-parses the new version', async () => {
    const uri = 'untitled:draft-1';
    await client.open(uri, 'The General Assembly,\n\nRecalling its resolution 73/266,\n');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\n1. Decides to act.\n' }],
    });
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepStrictEqual(symbols.find((s) => s.name === 'Operative part')!.children!.map((c) => c.name), ['OP1 Decides']);
  });

  it('gives a binary file one clear message and no structure, and keeps serving', async () => {
    const uri = 'untitled:binary';
    await client.open(uri, 'PK\u0003\u0004\u0000\u0000\u0014\u0000garbage\u0000', 1);
    const published = await client.diagnosticsFor(uri, 1);
    assert.deepStrictEqual(published.diagnostics.map((d) => d.code), ['unres.binary']);
    assert.deepStrictEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), []);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(SEEDS[1].file) } })) as DocumentSymbol[];
    assert.ok(symbols.length > 0);
  });

  it('gives a huge file a message naming its size and answers at once', async () => {
    const uri = 'untitled:huge';
    const huge = 'Recalling its resolution 73/266,\n\n'.repeat(150_000);
    await client.open(uri, huge, 1);
    const published = await client.diagnosticsFor(uri, 1, 15000);
    assert.strictEqual(published.diagnostics[0].code, 'unres.tooLarge');
    assert.match(published.diagnostics[0].message as string, /5,100,000 characters/);
    assert.deepStrictEqual(await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }), []);
  });
});

describe('protocol: standalone binary', () => {
  it('serves over stdio when started without a transport flag', async () => {
    const client = await LspClient.start([]);
    const uri = uriOf(SEEDS[4].file);
    await client.open(uri, readSeed(SEEDS[4].file));
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(symbols.some((s) => s.name === 'Preamble'));
    assert.strictEqual(await client.stop(), 0);
  });
});
