// The interner the agreed-language index and the comparison share: the index's arrays are indexed
// by its ids, so they must be dense and stable.
import * as assert from 'assert';
import { Interner } from '../../server/src/interner';

describe('Interner', () => {
  it('gives ids 0, 1, 2 … in order of first sight, the same id again for the same string', () => {
    const interner = new Interner();
    assert.deepStrictEqual(['of', 'the', 'of', '', 'The', 'the'].map((s) => interner.intern(s)), [0, 1, 0, 2, 3, 1]);
    assert.deepStrictEqual(interner.strings, ['of', 'the', '', 'The']);
    assert.strictEqual(interner.size, 4);
  });

  it('looks up without interning', () => {
    const interner = new Interner();
    interner.intern('agenda');
    assert.strictEqual(interner.idOf('agenda'), 0);
    assert.strictEqual(interner.idOf('session'), undefined);
    assert.strictEqual(interner.size, 1);
  });
});
