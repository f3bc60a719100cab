import * as assert from 'assert';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { getFoldingRanges } from '../../../server/src/services/folding';
import { readSeed, SEEDS } from '../../helpers';

const parse = (text: string) => ParsedDocument.parse({ uri: 'file:///x.unres', version: 1, getText: () => text });

describe('folding', () => {
  it('004: header, preamble, operative part, paragraphs with sub-paragraphs, footnote block', () => {
    const ranges = getFoldingRanges(parse(readSeed(SEEDS[4].file)));
    const lines = ranges.map((r) => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ' ' + r.kind : ''}`);
    assert.deepStrictEqual(lines, ['5-18 imports', '22-52 region', '54-78 region', '54-64', '66-70', '58-62 comment']);
  });

  it('002 (PDF): folds each wrapped paragraph and each footnote block', () => {
    const doc = parse(readSeed(SEEDS[2].file));
    const ranges = getFoldingRanges(doc);
    const starts = new Set(ranges.map((r) => r.startLine));
    for (const p of [...doc.model.preambular, ...doc.model.operative]) {
      if (doc.lineOf(p.end) > doc.lineOf(p.start)) assert.ok(starts.has(doc.lineOf(p.start)), `${p.kind} ${p.index}`);
    }
    assert.strictEqual(ranges.filter((r) => r.kind === 'comment').length, 2);
  });

  for (const seed of SEEDS) {
    it(`${seed.file}: every range is within the document and spans lines`, () => {
      const doc = parse(readSeed(seed.file));
      for (const r of getFoldingRanges(doc)) {
        assert.ok(r.startLine < r.endLine && r.endLine < doc.lines.lineCount, JSON.stringify(r));
      }
    });
  }
});
