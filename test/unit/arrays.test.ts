// The typed-array and list helpers every layer shares.
import * as assert from 'assert';
import { partitionPoint } from '../../server/src/arrays';

describe('arrays: the first index past a sorted prefix', () => {
  it('is a sorted list\'s lower bound: the first item not before the value, or the length', () => {
    const sorted = [1, 3, 3, 3, 7, 9];
    const lowerBound = (value: number) => partitionPoint(sorted.length, (i) => sorted[i] < value);
    assert.deepStrictEqual([0, 1, 2, 3, 4, 7, 8, 9, 10].map(lowerBound), [0, 0, 1, 1, 4, 4, 5, 5, 6]);
    // "At most the value" as the prefix: the first item after it.
    assert.deepStrictEqual([3, 9].map((value) => partitionPoint(sorted.length, (i) => sorted[i] <= value)), [4, 6]);
    assert.strictEqual(partitionPoint(0, () => true), 0);
  });

  it('agrees with a scan on every length and cut', () => {
    for (let length = 0; length < 40; length++) {
      for (let cut = 0; cut <= length; cut++) assert.strictEqual(partitionPoint(length, (i) => i < cut), cut);
    }
  });
});
