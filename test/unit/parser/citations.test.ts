import * as assert from 'assert';
import type { Citation } from '../../../server/src/parser/model';
import { LineIndex } from '../../../server/src/parser/lines';
import { parseResolution } from '../../../server/src/parser/parse';
import { assertGolden, readSeed, SEEDS, withCursors } from '../../helpers';

/** Citations found in a one-paragraph draft. */
function citationsIn(paragraph: string): Citation[] {
  return parseResolution(`The General Assembly,\n\n${paragraph}\n`).citations;
}

describe('citations: every citation of each seed with its position', () => {
  for (const seed of SEEDS) {
    it(`${seed.file}: matches its golden list`, () => {
      const text = readSeed(seed.file);
      const lines = new LineIndex(text);
      const rendered = parseResolution(text).citations.map((c) => {
        const at = lines.positionAt(c.start);
        const parts = [`${at.line + 1}:${at.character + 1}`, c.kind, c.symbol];
        if (c.organ) parts.push(`[${c.organ}]`);
        if (c.date) parts.push(`${c.date.iso}${c.date.shared ? ' (shared)' : ''}`);
        if (c.title) parts.push(`“${c.title.text}”`);
        parts.push(c.container);
        // The source text under the range, so that a shifted range shows in the diff.
        parts.push(JSON.stringify(text.slice(c.start, c.end)));
        return parts.join(' ');
      });
      assertGolden(`${seed.file.slice(0, 3)}.citations.txt`, rendered.join('\n') + '\n');
    });
  }

  it('000: the 20 resolutions and the decision of PP1, each with its date', () => {
    const doc = parseResolution(readSeed(SEEDS[0].file));
    const pp1 = doc.preambular[0];
    const inPP1 = doc.citations.filter((c) => c.start >= pp1.start && c.end <= pp1.end);
    assert.strictEqual(inPP1.length, 21);
    assert.ok(inPP1.every((c) => c.date));
    assert.deepStrictEqual(inPP1[20], { ...inPP1[20], kind: 'decision', symbol: '72/512' });
    assert.strictEqual(inPP1[20].date!.iso, '2017-12-04');
  });

  it('002: a list and its dates broken across PDF lines', () => {
    const text = readSeed(SEEDS[2].file);
    const doc = parseResolution(text);
    const c = doc.citations.find((x) => x.symbol === '70/237')!;
    assert.strictEqual(c.date!.iso, '2015-12-23');
    assert.strictEqual(text.slice(c.date!.start, c.date!.end), '23 December 2015');
    const spansLines = doc.citations.find((x) => x.symbol === '53/70')!;
    assert.strictEqual(spansLines.date!.iso, '1998-12-04');
    const glued = doc.citations.find((x) => x.symbol === '20/8')!;
    assert.strictEqual(glued.date!.iso, '2012-07-05', 'the footnote digit glued to the year is not part of it');
    assert.strictEqual(glued.organ, 'Human Rights Council');
  });
});

describe('citations: symbol and date grammar', () => {
  const cases: [string, Partial<Citation>[]][] = [
    ['Recalling its resolution |73/266| of 22 December 2018,', [{ kind: 'resolution', symbol: '73/266' }]],
    ['Recalling resolution |A/RES/73/266|,', [{ kind: 'resolution', symbol: '73/266' }]],
    ['Recalling its resolutions |43/78 H| of 7 December 1988,', [{ kind: 'resolution', symbol: '43/78 H' }]],
    ['Recalling its resolution |ES-11/1| of 2 March 2022,', [{ kind: 'resolution', symbol: 'ES-11/1' }]],
    ['Recalling its resolution |2625 (XXV)| of 24 October 1970,', [{ kind: 'resolution', symbol: '2625 (XXV)' }]],
    ['Recalling its decision |72/512| of 4 December 2017,', [{ kind: 'decision', symbol: '72/512' }]],
    ['Taking note of the report of the Secretary-General (|A/70/174|),', [{ kind: 'document', symbol: 'A/70/174' }]],
    ['Having considered draft resolution |A/C.1/73/L.27/Rev.1|,', [{ kind: 'document', symbol: 'A/C.1/73/L.27/Rev.1' }]],
    ['Noting document |A/AC.292/2025/INF/5/Rev.1|.', [{ kind: 'document', symbol: 'A/AC.292/2025/INF/5/Rev.1' }]],
    ['Recalling Security Council resolution |S/RES/2240 (2015)|,', [{ kind: 'resolution', symbol: 'S/RES/2240 (2015)', organ: 'Security Council' }]],
    ['Recalling Human Rights Council resolution |20/8| of 5 July 2012,', [{ kind: 'resolution', symbol: '20/8', organ: 'Human Rights Council' }]],
    ['Recalling its resolutions |74/28| and |74/29| of 12 December 2019,', [{ symbol: '74/28' }, { symbol: '74/29' }]],
    ['Recalling its resolutions |70/237| of\n23 December 2015 and |71/28| of 5 December\n2016,', [{ symbol: '70/237' }, { symbol: '71/28' }]],
    ['Recalling its resolution [|73/27|](#) of 5 December 2018,', [{ symbol: '73/27' }]],
    ['Noting that 3/4 of States and the 2021/22 period,', []],
    ['Recalling paragraph 3 of its resolution |73/266|; noting 12/2019,', [{ symbol: '73/266' }]],
    // Resolutions numbered before the thirty-first session, parts, special and emergency special sessions.
    ['Recalling its resolution |217 A (III)| of 10 December 1948,', [{ kind: 'resolution', symbol: '217 A (III)' }]],
    ['Recalling its resolutions |3379 (XXX)| and |36/87 A and B|,', [{ symbol: '3379 (XXX)' }, { symbol: '36/87 A' }]],
    ['Recalling its resolutions |1514 (XV)| and |1541 (XV)| of 15 December 1960,', [{ symbol: '1514 (XV)' }, { symbol: '1541 (XV)' }]],
    ['Recalling its resolution |S-10/2| of 30 June 1978,', [{ kind: 'resolution', symbol: 'S-10/2' }]],
    ['Recalling its resolutions |107 (S-1)|, |1874 (S-IV)| and |1000 (ES-I)|,', [{ symbol: '107 (S-1)' }, { symbol: '1874 (S-IV)' }, { symbol: '1000 (ES-I)' }]],
    // Symbols as the UN Digital Library writes them.
    ['Recalling |A/RES/217(III)| and |A/RES/181(II)[A]|,', [{ kind: 'resolution', symbol: '217 (III)' }, { kind: 'resolution', symbol: '181 A (II)' }]],
    ['Recalling resolution |A/RES/2625 (XXV)| of 24 October 1970,', [{ kind: 'resolution', symbol: '2625 (XXV)' }]],
    ['Recalling |A/RES/S-10/2|, |A/RES/ES-10/15| and |A/RES/43/78H|,', [{ kind: 'resolution', symbol: 'S-10/2' }, { symbol: 'ES-10/15' }, { kind: 'resolution', symbol: '43/78 H' }]],
    ['Noting |A/RES/2625| and the year 1970 (XXV),', [{ kind: 'document', symbol: 'A/RES/2625' }]],
  ];
  for (const [marked, expected] of cases) {
    it(JSON.stringify(marked.replace(/\|/g, '')), () => {
      const { text, cursors } = withCursors(marked);
      const found = citationsIn(text);
      const offset = 'The General Assembly,\n\n'.length;
      assert.strictEqual(found.length, expected.length, JSON.stringify(found.map((c) => c.symbol)));
      expected.forEach((want, i) => {
        assert.deepStrictEqual({ ...found[i], ...want }, found[i]);
        assert.deepStrictEqual([found[i].start - offset, found[i].end - offset], [cursors[i * 2], cursors[i * 2 + 1]]);
      });
    });
  }

  it('dates: attaches "of <date>", shares a date written once for a run, reads a title', () => {
    const [a, b, c] = citationsIn('Recalling its resolutions 74/28 and 74/29 of 12 December 2019 and 71/28 entitled “Developments in the field”,');
    assert.deepStrictEqual([a.date?.iso, a.date?.shared], ['2019-12-12', true]);
    assert.deepStrictEqual([b.date?.iso, b.date?.shared], ['2019-12-12', false]);
    assert.strictEqual(c.date, undefined);
    assert.strictEqual(c.title?.text, 'Developments in the field');
  });

  it('dates: each of an old resolution, with its exact range; one written once for a run of one session is shared', () => {
    const text = 'Recalling its resolutions 1514 (XV) of 14 December 1960, 1541 (XV) and 1542 (XV) of 15 December 1960 and 217 A (III) of 10 December 1948,';
    const offset = 'The General Assembly,\n\n'.length;
    const found = citationsIn(text);
    assert.deepStrictEqual(
      found.map((c) => [c.symbol, c.date?.iso, c.date?.shared, c.date && text.slice(c.date.start - offset, c.date.end - offset)]),
      [
        ['1514 (XV)', '1960-12-14', false, '14 December 1960'],
        ['1541 (XV)', '1960-12-15', true, '15 December 1960'],
        ['1542 (XV)', '1960-12-15', false, '15 December 1960'],
        ['217 A (III)', '1948-12-10', false, '10 December 1948'],
      ],
    );
  });

  it('dates: a date written once is not shared across sessions, which never adopted anything on one day', () => {
    const [old, recent] = citationsIn('Recalling its resolutions 3379 (XXX) and 36/87 A and B of 9 December 1981,');
    assert.strictEqual(old.date, undefined);
    assert.deepStrictEqual([recent.symbol, recent.date?.iso, recent.date?.shared], ['36/87 A', '1981-12-09', false]);
    const [a, b] = citationsIn('Recalling its resolutions ES-10/14 and ES-10/15 of 20 July 2004,');
    assert.deepStrictEqual([a.date?.iso, a.date?.shared, b.date?.iso], ['2004-07-20', true, '2004-07-20']);
  });

  it('dates: an impossible date is not attached', () => {
    const [c] = citationsIn('Recalling its resolution 73/266 of 31 February 2018,');
    assert.strictEqual(c.date, undefined);
  });
});
