import * as assert from 'assert';
import { isSeparatorAt, toCleanOffset, toSourceOffset, toSourceSpan, withoutCleanChars } from '../../../server/src/parser/cleanText';
import { parseResolution } from '../../../server/src/parser/parse';

describe('clean text offsets', () => {
  // "*Recalling* its [73/27](#) of 5 December 2018,¹" reads "Recalling its 73/27 of 5 December 2018,".
  const source = 'The General Assembly,\n\n*Recalling* its [73/27](#) of 5 December\n2018,¹\n\n¹ A/70/174.\n';
  const paragraph = parseResolution(source).preambular[0];
  const clean = paragraph.content;

  it('drops markup, markers and line breaks', () => assert.strictEqual(clean.text, 'Recalling its 73/27 of 5 December 2018,'));

  it('maps every clean character back to the same character in the source', () => {
    for (let i = 0; i < clean.text.length; i++) {
      if (clean.text[i] === ' ') continue; // a space may stand for a line break
      assert.strictEqual(source[toSourceOffset(clean, i)], clean.text[i], `clean offset ${i}`);
    }
  });

  it('maps source offsets into clean text and back (the round trip is exact inside runs)', () => {
    const at = source.indexOf('73/27');
    const cleanAt = toCleanOffset(clean, at);
    assert.strictEqual(clean.text.slice(cleanAt, cleanAt + 5), '73/27');
    assert.strictEqual(toSourceOffset(clean, cleanAt), at);
    assert.deepStrictEqual(toSourceSpan(clean, cleanAt, cleanAt + 5), { start: at, end: at + 5 });
  });

  it('in markup a start moves forward and an end stays behind', () => {
    const link = source.indexOf('](#)');
    const before = toCleanOffset(clean, link + 2, 'end');
    const after = toCleanOffset(clean, link + 2, 'start');
    assert.strictEqual(clean.text.slice(0, before), 'Recalling its 73/27');
    assert.strictEqual(clean.text.slice(after), ' of 5 December 2018,');
  });

  it('tells a line break from a space that stands in the source', () => {
    const lineBreak = clean.text.indexOf(' 2018');
    const written = clean.text.indexOf(' its');
    assert.strictEqual(isSeparatorAt(clean, lineBreak), true);
    assert.strictEqual(isSeparatorAt(clean, written), false);
  });
});

describe('clean text without some characters', () => {
  const source = 'The General Assembly,\n\n1. Decides that its\ncul ture matters;\n';
  const clean = parseResolution(source).operative[0].content;

  it('removes characters inside runs and line-break separators, every other character still mapped to its source', () => {
    assert.strictEqual(clean.text, 'Decides that its cul ture matters;');
    const joined = withoutCleanChars(clean, [clean.text.indexOf(' cul'), clean.text.indexOf(' ture')]);
    assert.strictEqual(joined.text, 'Decides that itsculture matters;');
    for (let i = 0; i < joined.text.length; i++) assert.strictEqual(source[toSourceOffset(joined, i)], joined.text[i], `clean offset ${i}`);
    const word = joined.text.indexOf('culture');
    assert.deepStrictEqual(toSourceSpan(joined, word, word + 'culture'.length), { start: source.indexOf('cul'), end: source.indexOf('ture') + 4 });
  });

  it('returns the same text when nothing is removed', () => assert.strictEqual(withoutCleanChars(clean, []), clean));
});
