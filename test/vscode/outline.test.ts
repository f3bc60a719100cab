// The outline (document symbols) the language server gives VS Code for two seed texts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { documentSymbols, names, openSeed, SEED_002, SEED_004, topLevel } from './helpers';

/** Asserts that the i-th name starts with `${prefix}${i + 1}` and no further digit. */
function assertNumbered(symbols: readonly vscode.DocumentSymbol[], prefix: string, where: string) {
  symbols.forEach((symbol, i) => {
    const number = `${prefix}${i + 1}`;
    assert.ok(
      symbol.name.startsWith(number) && !/^\d/.test(symbol.name.slice(number.length)),
      `${where}: child ${i + 1} is "${symbol.name}", expected a name starting "${number}"; all: ${JSON.stringify(names(symbols))}`,
    );
  });
}

suite('Outline of seed texts', () => {
  test('004 (adopted resolution): 15 preambular and 6 operative paragraphs', async () => {
    const document = await openSeed(SEED_004);
    assert.strictEqual(document.languageId, 'unres');
    const symbols = await documentSymbols(document.uri);

    const preamble = topLevel(symbols, 'Preamble');
    assert.strictEqual(preamble.children.length, 15, `Preamble children: ${JSON.stringify(names(preamble.children))}`);
    assert.strictEqual(preamble.children[0].name, 'PP1 Recalling');
    assert.strictEqual(preamble.children[1].name, 'PP2 Noting');
    assertNumbered(preamble.children, 'PP', 'Preamble');

    const operative = topLevel(symbols, 'Operative part');
    assert.strictEqual(operative.children.length, 6, `Operative part children: ${JSON.stringify(names(operative.children))}`);
    assertNumbered(operative.children, 'OP', 'Operative part');
    assert.ok(operative.children[0].name.startsWith('OP1 Calls upon'), operative.children[0].name);
    assert.ok(operative.children[1].name.startsWith('OP2 Invites'), operative.children[1].name);
    assert.ok(operative.children[2].name.startsWith('OP3 Requests'), operative.children[2].name);

    const op1 = operative.children[0];
    const op1Children = names(op1.children);
    assert.ok(op1Children.length >= 2, `OP1 children: ${JSON.stringify(op1Children)}`);
    assert.ok(op1Children[0].startsWith('(a)'), `OP1 children: ${JSON.stringify(op1Children)}`);
    assert.ok(op1Children[1].startsWith('(b)'), `OP1 children: ${JSON.stringify(op1Children)}`);

    // Every symbol's selection range lies inside its range, inside the document.
    const check = (symbol: vscode.DocumentSymbol) => {
      assert.ok(symbol.range.contains(symbol.selectionRange), `${symbol.name}: selectionRange outside range`);
      assert.ok(symbol.range.end.line < document.lineCount, `${symbol.name}: range past the end of the document`);
      symbol.children.forEach(check);
    };
    symbols.forEach(check);
  });

  test('002 (text extracted from a PDF): 21 preambular, 7 operative, norms 1.1 to 1.13 in OP1', async () => {
    const document = await openSeed(SEED_002);
    const symbols = await documentSymbols(document.uri);

    const preamble = topLevel(symbols, 'Preamble');
    assert.strictEqual(preamble.children.length, 21, `Preamble children: ${JSON.stringify(names(preamble.children))}`);
    assertNumbered(preamble.children, 'PP', 'Preamble');

    const operative = topLevel(symbols, 'Operative part');
    assert.strictEqual(operative.children.length, 7, `Operative part children: ${JSON.stringify(names(operative.children))}`);
    assertNumbered(operative.children, 'OP', 'Operative part');

    const op1 = operative.children[0];
    assert.strictEqual(op1.children.length, 13, `OP1 children: ${JSON.stringify(names(op1.children))}`);
    assertNumbered(op1.children, '1.', 'OP1');
  });
});
