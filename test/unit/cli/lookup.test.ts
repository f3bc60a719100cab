import * as assert from 'assert';
import { FileNames } from '../../../server/src/cli/files';
import { formatLookup, lookupEntries, lookupQueries } from '../../../server/src/cli/lookup';
import { normalizeSymbol } from '../../../server/src/corpus/symbols';
import type { CatalogueRow } from '../../../server/src/corpus/types';
import { negotiationFixture } from '../../helpers';
import { corpusText, knowledgeBaseOf, parseText } from '../services/lookupFixtures';

describe('cli: lookup of old symbols', () => {
  it('reads resolutions of the first thirty sessions as the UN and the Digital Library write them', () => {
    const queries = lookupQueries(['217 A (III)', 'resolution', '2625(XXV)', 'A/RES/181(II)[A]', '107 (S-1)', 'A/RES/1000(ES-I)', 'A/RES/63(I)[PARA.1]']);
    assert.deepStrictEqual(
      queries.map((q) => [q.text, q.symbol?.key]),
      [
        ['217 A (III)', '217 A (III)'],
        ['resolution 2625(XXV)', '2625 (XXV)'],
        ['A/RES/181(II)[A]', '181 A (II)'],
        ['107 (S-1)', '107 (S-1)'],
        ['A/RES/1000(ES-I)', '1000 (ES-I)'],
        ['A/RES/63(I)[PARA.1]', '63 (I)'],
      ],
    );
  });

  it('a resolution known only by its parts answers with each part; a part or an unknown symbol with itself or nothing', () => {
    const row = (symbol: string, line: number): { uri: string; row: CatalogueRow } => ({ uri: 'file:///votes.csv', row: { symbol, kind: 'resolution', line } });
    const kb = knowledgeBaseOf([row('217 A (III)', 2), row('217 C (III)', 3), row('36/87 B', 4), row('36/87 A', 5)]);
    const keys = (written: string) => lookupEntries(normalizeSymbol(written)!, kb).map((entry) => entry.key);
    assert.deepStrictEqual(keys('217 (III)'), ['217 A (III)', '217 C (III)']);
    assert.deepStrictEqual(keys('36/87'), ['36/87 A', '36/87 B']);
    assert.deepStrictEqual(keys('217 C (III)'), ['217 C (III)']);
    assert.deepStrictEqual(keys('217 B (III)'), []);
    assert.deepStrictEqual(keys('2625 (XXV)'), []);
    assert.deepStrictEqual(keys('A/70/174'), []);
  });

  it('names a citing place in a draft under negotiation as delegates do: "OP2 bis", "PP3 bis"', () => {
    const names = new FileNames('/');
    const drafts = [
      corpusText(parseText(negotiationFixture('proposed-paragraphs.unres'), 'file:///drafts/proposed.unres'), { symbol: 'A/C.2/80/L.77' }),
      corpusText(parseText(negotiationFixture('status-lines.unres').replace('implementation of the New Urban Agenda,]', 'implementation of the New Urban Agenda and its resolution 78/265,]'), 'file:///drafts/compilation.unres'), { symbol: 'A/C.2/80/L.98' }),
    ];
    const kb = knowledgeBaseOf([], drafts);
    const [entry] = lookupEntries(normalizeSymbol('78/265')!, kb);
    const cited = formatLookup(entry, kb, names).split('\n').filter((line) => /^\s+drafts\//.test(line));
    assert.deepStrictEqual(cited.map((line) => line.trim().replace(/\s+/g, ' ')), [
      'drafts/proposed.unres:17 A/C.2/80/L.77, OP2 bis',
      'drafts/compilation.unres:19 A/C.2/80/L.98, PP3 bis',
    ]);
  });
});
