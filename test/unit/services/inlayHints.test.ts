import * as assert from 'assert';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { getInlayHints } from '../../../server/src/services/inlayHints';
import { readSeed, SEEDS, withCursors } from '../../helpers';

const parse = (text: string) => ParsedDocument.parse({ uri: 'file:///x.unres', version: 1, getText: () => text });

describe('inlay hints', () => {
  it('puts PP<n> at the start of each preambular paragraph and nowhere else', () => {
    const { text, cursors } = withCursors('The General Assembly,\n\n|Recalling its resolution 73/266,\n\n|*Noting* the report,\n\n1. Decides to act.\n');
    const doc = parse(text);
    const hints = getInlayHints(doc, { start: { line: 0, character: 0 }, end: doc.lines.positionAt(text.length) });
    assert.deepStrictEqual(hints.map((h) => [h.label, doc.lines.offsetAt(h.position)]), [['PP1', cursors[0]], ['PP2', cursors[1]]]);
  });

  it('answers only for the requested range', () => {
    const doc = parse(readSeed(SEEDS[0].file));
    const hints = getInlayHints(doc, { start: { line: 20, character: 0 }, end: { line: 30, character: 0 } });
    assert.ok(hints.length > 0 && hints.every((h) => h.position.line >= 20 && h.position.line <= 30));
    assert.strictEqual(getInlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }).length, SEEDS[0].preambular);
  });
});
