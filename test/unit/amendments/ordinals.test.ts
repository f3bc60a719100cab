import * as assert from 'assert';
import { cardinalWord, ordinalWord, parseCardinalWord, parseOrdinalWord } from '../../../server/src/amendments/ordinals';

describe('amendments: ordinals and counts in words', () => {
  it('spells ordinals as the UN does: first … tenth, twenty-first, one hundred and first', () => {
    assert.deepStrictEqual([1, 2, 3, 4, 10, 11, 12, 20, 21, 22, 30, 99, 100, 101].map(ordinalWord), [
      'first', 'second', 'third', 'fourth', 'tenth', 'eleventh', 'twelfth', 'twentieth', 'twenty-first', 'twenty-second', 'thirtieth',
      'ninety-ninth', 'one hundredth', 'one hundred and first',
    ]);
  });

  it('reads them back, whatever the case, for every position 1 to 199', () => {
    for (let n = 1; n < 200; n++) assert.strictEqual(parseOrdinalWord(ordinalWord(n)), n);
    assert.strictEqual(parseOrdinalWord('Twenty-First'), 21);
    assert.strictEqual(parseOrdinalWord('firstly'), undefined);
  });

  it('counts new paragraphs in words up to twelve, in digits beyond', () => {
    assert.deepStrictEqual([1, 2, 3, 12, 13].map(cardinalWord), ['one', 'two', 'three', 'twelve', '13']);
    assert.deepStrictEqual(['two', 'Three', '14', 'many'].map(parseCardinalWord), [2, 3, 14, undefined]);
  });
});
