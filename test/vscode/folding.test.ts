// Folding ranges from the language server.
import * as assert from 'assert';
import { foldingRanges, openSeed, SEED_004 } from './helpers';

suite('Folding', () => {
  test('a seed has folding ranges, each inside the document', async () => {
    const document = await openSeed(SEED_004);
    const ranges = await foldingRanges(document.uri);
    assert.ok(ranges.length >= 2, `only ${ranges.length} folding range(s)`);
    for (const range of ranges) {
      assert.ok(range.start < range.end, `empty folding range ${range.start}-${range.end}`);
      assert.ok(range.end < document.lineCount, `folding range ${range.start}-${range.end} past the end (${document.lineCount} lines)`);
    }
  });
});
