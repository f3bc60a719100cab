// Positions, ranges and edits kept inside the document and on whole characters.
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocument } from '../../server/src/parsedDocument';
import { clampChange, clampPosition, clampRange, splitsCharacter, wholeCharacters } from '../../server/src/positions';

const parse = (text: string) => ParsedDocument.parse({ uri: 'untitled:positions', version: 1, getText: () => text });

describe('positions inside the document', () => {
  // Lines: 0 "The General Assembly," (21), 1 "" , 2 "1. Decides to act 😀" (20, the emoji at 18-19), CRLF endings.
  const text = 'The General Assembly,\r\n\r\n1. Decides to act 😀\r\n';
  const document = parse(text);

  it('a character past the end of its line is its end, not the next line', () => {
    assert.deepStrictEqual(clampPosition(document, { line: 0, character: 500 }), { line: 0, character: 21 });
    assert.strictEqual(document.lines.offsetAt({ line: 0, character: 500 }), 21);
    assert.strictEqual(document.lines.offsetAt({ line: 1, character: 1 }), 23, 'an empty line');
  });

  it('a line past the last is the end of the text; negative or malformed numbers are 0', () => {
    assert.deepStrictEqual(clampPosition(document, { line: 90, character: 0 }), { line: 3, character: 0 });
    assert.deepStrictEqual(clampPosition(document, { line: -1, character: -4 }), { line: 0, character: 0 });
    assert.deepStrictEqual(clampPosition(document, { line: 2, character: Number.NaN }), { line: 2, character: 0 });
    assert.deepStrictEqual(clampPosition(document, { line: 2.7, character: 3.2 }), { line: 2, character: 3 });
  });

  it('inside a CRLF is the end of the line; between the halves of a surrogate pair is before the pair', () => {
    assert.deepStrictEqual(clampPosition(document, { line: 0, character: 22 }), { line: 0, character: 21 });
    assert.deepStrictEqual(clampPosition(document, { line: 2, character: 19 }), { line: 2, character: 18 });
    assert.deepStrictEqual(clampPosition(document, { line: 2, character: 20 }), { line: 2, character: 20 });
  });

  it('a range is clamped at both ends and put in order', () => {
    const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) =>
      ({ start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } });
    assert.deepStrictEqual(clampRange(document, range(2, 19, 99, 0)), range(2, 18, 3, 0));
    assert.deepStrictEqual(clampRange(document, range(2, 5, 0, 3)), range(0, 3, 2, 5));
  });
});

describe('whole characters', () => {
  const text = 'act 😀\r\nnext';

  it('knows where a character is split', () => {
    assert.deepStrictEqual([0, 4, 5, 6, 7, 8].map((offset) => splitsCharacter(text, offset)), [false, false, true, false, true, false]);
  });

  it('widens a span that starts or ends inside a surrogate pair or a CRLF; an empty span moves back', () => {
    assert.deepStrictEqual(wholeCharacters(text, { start: 5, end: 6 }), { start: 4, end: 6 });
    assert.deepStrictEqual(wholeCharacters(text, { start: 4, end: 5 }), { start: 4, end: 6 });
    assert.deepStrictEqual(wholeCharacters(text, { start: 7, end: 8 }), { start: 6, end: 8 });
    assert.deepStrictEqual(wholeCharacters(text, { start: 6, end: 7 }), { start: 6, end: 8 });
    assert.deepStrictEqual(wholeCharacters(text, { start: 5, end: 5 }), { start: 4, end: 4 });
    assert.deepStrictEqual(wholeCharacters(text, { start: 0, end: 99 }), { start: 0, end: text.length });
  });

  it('ParsedDocument.range never returns half a character', () => {
    const document = parse(text);
    assert.deepStrictEqual(document.range({ start: 5, end: 6 }), { start: { line: 0, character: 4 }, end: { line: 0, character: 6 } });
    assert.deepStrictEqual(document.range({ start: 6, end: 7 }), { start: { line: 0, character: 6 }, end: { line: 1, character: 0 } });
  });
});

describe('edits outside the document', () => {
  const open = () => TextDocument.create('untitled:edits', 'unres', 1, 'The General Assembly,\n\n1. Decides to act;\n');
  const apply = (document: TextDocument, changes: Parameters<typeof clampChange>[1][], version: number) => {
    for (const change of changes) TextDocument.update(document, [clampChange(document, change)], version);
    return document;
  };

  it('an edit past the end applies at the end, and the next edit lands where the editor put it', () => {
    const document = apply(open(), [{ range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } }, text: '\n2. Invites all States to act;' }], 2);
    apply(document, [{ range: { start: { line: 4, character: 21 }, end: { line: 4, character: 21 } }, text: ' and organizations' }], 3);
    assert.strictEqual(document.getText(), 'The General Assembly,\n\n1. Decides to act;\n\n2. Invites all States and organizations to act;');
  });

  it('a range past a line\'s end, or reversed, reads as the document has it; a whole-text change is kept', () => {
    const document = open();
    assert.deepStrictEqual(clampChange(document, { range: { start: { line: 2, character: 90 }, end: { line: 0, character: 3 } }, text: 'x' }), {
      range: { start: { line: 0, character: 3 }, end: { line: 2, character: 18 } },
      text: 'x',
    });
    assert.deepStrictEqual(clampChange(document, { text: 'all new' }), { text: 'all new' });
  });
});
