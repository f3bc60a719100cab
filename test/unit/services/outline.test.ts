import * as assert from 'assert';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { getDocumentSymbols } from '../../../server/src/services/outline';
import { assertGolden, readSeed, SEEDS } from '../../helpers';

function parse(text: string): ParsedDocument {
  return ParsedDocument.parse({ uri: 'file:///draft.unres', version: 1, getText: () => text });
}

/** One line per symbol: indentation, name, detail and line span (1-based lines). */
function render(symbols: DocumentSymbol[], depth = 0): string {
  return symbols
    .map((s) => {
      const lines = `${s.range.start.line + 1}-${s.range.end.line + 1}`;
      const line = `${'  '.repeat(depth)}${s.name}${s.detail ? ` — ${s.detail}` : ''} [${lines}]`;
      return [line, render(s.children ?? [], depth + 1)].filter(Boolean).join('\n');
    })
    .join('\n');
}

describe('outline', () => {
  for (const seed of SEEDS) {
    it(`${seed.file}: matches its golden outline`, () => {
      const symbols = getDocumentSymbols(parse(readSeed(seed.file)));
      assertGolden(`${seed.file.slice(0, 3)}.outline.txt`, render(symbols) + '\n');
    });

    it(`${seed.file}: names paragraphs PP<n> and OP<n> with their opening phrase`, () => {
      const symbols = getDocumentSymbols(parse(readSeed(seed.file)));
      const preamble = symbols.find((s) => s.name === 'Preamble')!;
      const operative = symbols.find((s) => s.name === 'Operative part')!;
      assert.strictEqual(preamble.children!.length, seed.preambular);
      assert.strictEqual(operative.children!.length, seed.operative);
      preamble.children!.forEach((s, i) => assert.match(s.name, new RegExp(`^PP${i + 1} [A-Z][a-z]+`)));
      operative.children!.forEach((s, i) => assert.match(s.name, new RegExp(`^OP${i + 1} [A-Z][a-z]+`)));
      for (const [number, labels] of Object.entries(seed.subparagraphs)) {
        const names = operative.children![Number(number) - 1].children!.map((c) => c.name.split(' ')[0]);
        assert.deepStrictEqual(names, labels);
      }
    });
  }

  it('names the paragraphs of 004 as delegates do', () => {
    const symbols = getDocumentSymbols(parse(readSeed(SEEDS[4].file)));
    const operative = symbols.find((s) => s.name === 'Operative part')!.children!;
    assert.deepStrictEqual(
      operative.map((s) => s.name),
      ['OP1 Calls upon', 'OP2 Invites', 'OP3 Requests', 'OP4 Requests', 'OP5 Requests', 'OP6 Decides'],
    );
    const preamble = symbols.find((s) => s.name === 'Preamble')!.children!;
    assert.deepStrictEqual(preamble.slice(0, 3).map((s) => s.name), ['PP1 Recalling', 'PP2 Noting', 'PP3 Affirming']);
    assert.strictEqual(preamble[12].name, 'PP13 Confirming also');
    assert.strictEqual(operative[0].children![0].name, '(a) To be guided in their use of information…');
  });

  it('selects the opening phrase of a paragraph', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. *Decides* to remain seized of the matter.\n';
    const symbols = getDocumentSymbols(parse(text));
    const op = symbols.find((s) => s.name === 'Operative part')!.children![0];
    assert.strictEqual(op.name, 'OP1 Decides');
    assert.deepStrictEqual(op.selectionRange, { start: { line: 4, character: 4 }, end: { line: 4, character: 11 } });
  });

  it('holds a last section that has only its preamble inside the operative part', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Decides to remain seized of the matter;\n\nII\n\nRecalling also its resolution 74/28,\n';
    const operative = getDocumentSymbols(parse(text)).find((s) => s.name === 'Operative part')!;
    assert.deepStrictEqual(operative.children!.map((c) => c.name), ['OP1 Decides', 'PP2 Recalling also']);
    assert.deepStrictEqual(operative.range, { start: { line: 4, character: 0 }, end: { line: 8, character: 36 } });
    assert.deepStrictEqual(operative.selectionRange, { start: { line: 4, character: 0 }, end: { line: 4, character: 42 } });
  });

  it('gives an empty outline for text that is not a resolution', () => {
    assert.deepStrictEqual(getDocumentSymbols(parse('')), []);
    const symbols = getDocumentSymbols(parse('Shopping list\n\nmilk, eggs\n'));
    assert.ok(!symbols.some((s) => s.name === 'Preamble' || s.name === 'Operative part'));
  });
});
