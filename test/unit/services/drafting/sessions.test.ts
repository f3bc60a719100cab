// The calendar checks: a citation dated outside its session, a symbol in the form of another era,
// and which citations are the Assembly's own: sentences of adopted resolutions, mutated where a
// check must fire, and whole adopted texts full of other bodies' symbols that must stay silent.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { ParsedDocument } from '../../../../server/src/parsedDocument';
import { getDraftingDiagnostics } from '../../../../server/src/services/drafting/drafting';
import { assemblyCitations, CITATION_SESSION, eraProblem, sessionWindow, SYMBOL_ERA } from '../../../../server/src/services/drafting/sessions';
import { openingVocabulary } from '../../../../server/src/services/structure/openingPhrases';
import { readSeed, repoRoot, SEEDS, withCursors } from '../../../helpers';

const vocabulary = openingVocabulary();
const parse = (text: string, uri = 'file:///drafts/draft.unres') => ParsedDocument.parse({ uri, version: 1, getText: () => text });
const readBulk = (file: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', 'real', 'bulk', file), 'utf8');

/** [code, marked text] of the calendar diagnostics of a draft. */
function found(text: string): [string, string][] {
  const document = parse(text);
  return getDraftingDiagnostics(document, vocabulary)
    .filter((d) => d.code === CITATION_SESSION || d.code === SYMBOL_ERA)
    .map((d) => [String(d.code), text.slice(document.lines.offsetAt(d.range.start), document.lines.offsetAt(d.range.end))]);
}

const draft = (...paragraphs: string[]) => `The General Assembly,\n\n${paragraphs.join('\n\n')}\n`;

describe('drafting: a citation dated outside its session (unres.citationSession)', () => {
  it('flags "73/266 of 22 December 2017" in a seed: the 73rd session opened in September 2018', () => {
    const seed = readSeed(SEEDS[0].file);
    assert.ok(seed.includes('73/266 of 22 December 2018'));
    assert.deepStrictEqual(found(seed), []);
    const { text, cursors } = withCursors(seed.replace('73/266 of 22 December 2018', '73/266 of |22 December 2017|'));
    const document = parse(text);
    const diagnostics = getDraftingDiagnostics(document, vocabulary).filter((d) => d.code === CITATION_SESSION);
    assert.strictEqual(diagnostics.length, 1);
    assert.deepStrictEqual([document.lines.offsetAt(diagnostics[0].range.start), document.lines.offsetAt(diagnostics[0].range.end)], cursors);
    assert.match(String(diagnostics[0].message), /73rd session, which ran from September 2018 to September 2019: it cannot be dated 22 December 2017/);
  });

  it('finds the two real slips of the adopted texts: resolution 55/56 was adopted on 1 December 2000, not 2001', () => {
    for (const [file, line] of [['A_RES_78_270.pymupdf.txt', 143], ['A_RES_79_275.pymupdf.txt', 139]] as const) {
      const document = parse(readBulk(file));
      const hits = getDraftingDiagnostics(document, vocabulary).filter((d) => d.code === CITATION_SESSION);
      assert.deepStrictEqual(hits.map((d) => d.range.start.line + 1), [line], file);
      assert.match(String(hits[0].message), /Resolution 55\/56 is of the 55th session, which ran from September 2000 to September 2001/);
    }
  });

  it('allows a date anywhere from the September its session opened to the September it closed, resumed parts included', () => {
    assert.deepStrictEqual(found(draft('Recalling its resolution 73/266 of 22 December 2018 and its decision 73/555 of 2 September 2019,')), []);
    assert.deepStrictEqual(found(draft('Recalling its resolutions 74/28 and 74/29 of 12 December 2019,')), []);
    assert.deepStrictEqual(found(draft('Recalling also its resolution 73/1 of 24 September 2017,')), [[CITATION_SESSION, '24 September 2017']]);
    // A date shared by a run of symbols is judged once, at the symbol that carries it.
    assert.deepStrictEqual(found(draft('Recalling its resolutions 74/28 and 74/29 of 12 December 2021,')), [[CITATION_SESSION, '12 December 2021']]);
  });

  it('gives the old form whole years, 1945 + N to 1946 + N, and the emergency special sessions still resumed their beginning only', () => {
    assert.deepStrictEqual(found(draft('Recalling its resolution 2625 (XXV) of 24 October 1970,')), []);
    assert.deepStrictEqual(found(draft('Recalling its resolution 2625 (XXV) of 24 October 1975,')), [[CITATION_SESSION, '24 October 1975']]);
    assert.deepStrictEqual(found(draft('Recalling its resolution 22 A (I) of 9 February 1946,')), []);
    // Real: A/RES/79/184.
    assert.deepStrictEqual(found(draft('Recalling also its resolutions ES-11/1 of 2 March 2022 on the aggression against Ukraine,')), []);
    assert.deepStrictEqual(found(draft('Recalling also its resolution ES-11/1 of 2 March 2021,')), [[CITATION_SESSION, '2 March 2021']]);
    assert.deepStrictEqual(sessionWindow('S-26/2'), undefined);
  });

  it('leaves other bodies\' resolutions alone, named in the paragraph or before it (real sentences)', () => {
    const silent = [
      // A/RES/78/202: the Human Rights Council's, numbered by its own sessions.
      'Recalling Human Rights Council decision 18/120 of 30 September 2011 and resolutions 24/14 of 27 September 2013, 27/21 of 26 September 2014 and 52/13 of 3 April 2023,',
      // A/RES/78/203: "its" is the Council's.
      '7. Takes note, in this regard, that through its resolution 54/18 of 12 October 2023 the Human Rights Council decided to continue;',
      // A/RES/78/138: the Environment Assembly's, named paragraphs before.
      'Taking note of resolution 5/12 of 2 March 2022,',
      // A/RES/78/229: the body is named after the list.
      'Reaffirming also its resolution 76/185 of 16 December 2021, as well as resolutions 10/6 of 16 October 2020 and 11/3 of 21 October 2022 of the Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
      // A/RES/79/96: the Economic Commission for Latin America and the Caribbean's, in the old form.
      'Welcoming the adoption by the Economic Commission for Latin America and the Caribbean of its resolution 574 (XXVII) of 16 May 1998,',
      // A/RES/78/244: the Economic and Social Council's sessions were in Roman numerals past the thirtieth.
      'Recalling the principles contained in the annex to Economic and Social Council resolution 2008 (LX) of 14 May 1976,',
    ];
    for (const paragraph of silent) assert.deepStrictEqual(found(draft(paragraph)), [], paragraph);
  });

  it('draws nothing from adopted texts that cite other bodies by the hundred', () => {
    for (const file of ['A_RES_78_155.pymupdf.txt', 'A_RES_78_202.pymupdf.txt', 'A_RES_78_203.pymupdf.txt', 'A_RES_78_147.pymupdf.txt', 'A_RES_79_190.pymupdf.txt', 'A_RES_79_208.pymupdf.txt']) {
      assert.deepStrictEqual(found(readBulk(file)), [], file);
    }
  });
});

describe('drafting: which citations are the Assembly\'s own', () => {
  it('follows a list of the Assembly\'s resolutions to its end, and "as well as its decision"', () => {
    const document = parse(readSeed(SEEDS[0].file));
    const own = assemblyCitations(document).map((c) => c.symbol);
    assert.ok(own.includes('53/70') && own.includes('73/266') && own.includes('72/512'), own.join(' '));
  });

  it('takes A/RES/ symbols and "General Assembly resolution" anywhere, and "its" only right after the opening phrase', () => {
    const symbols = (paragraph: string) => assemblyCitations(parse(draft(paragraph))).map((c) => c.symbol);
    assert.deepStrictEqual(symbols('Noting the report requested in A/RES/73/266 of 22 December 2018,'), ['73/266']);
    assert.deepStrictEqual(symbols('Recalling also General Assembly resolution 55/56 of 1 December 2000 and Security Council resolution 1459 (2003),'), ['55/56']);
    assert.deepStrictEqual(symbols('Recalling, in particular, its resolution 73/266 of 22 December 2018,'), ['73/266']);
    assert.deepStrictEqual(symbols('Welcoming the work of the Commission and its resolution 62/2 of 15 March 2019,'), []);
  });
});

describe('drafting: a symbol in the form of another era (unres.symbolEra)', () => {
  it('flags the new form before the 31st session and the old form after the 30th', () => {
    assert.deepStrictEqual(found(draft('Recalling its resolution 25/2625,')), [[SYMBOL_ERA, '25/2625']]);
    assert.deepStrictEqual(found(draft('Recalling its resolution 45 (XL),')), [[SYMBOL_ERA, '45 (XL)']]);
    assert.deepStrictEqual(found(draft('Recalling General Assembly resolution 4000 (XXV),')), [[SYMBOL_ERA, '4000 (XXV)']]);
    assert.deepStrictEqual(found(draft('Recalling its resolutions 2625 (XXV) of 24 October 1970 and 31/16 of 1 November 1976,')), []);
  });

  it('knows the special and emergency special sessions: Roman up to S-VII and ES-V, numbered from S-8 and ES-6', () => {
    const era = (symbol: string) => eraProblem({ kind: 'resolution', symbol, start: 0, end: 0, container: 'paragraph' });
    assert.strictEqual(era('3201 (S-VI)'), undefined);
    assert.strictEqual(era('107 (S-1)'), undefined);
    assert.strictEqual(era('1000 (ES-I)'), undefined);
    assert.strictEqual(era('S-8/2'), undefined);
    assert.strictEqual(era('ES-6/2'), undefined);
    assert.match(era('3201 (S-IX)') ?? '', /9th special session in Roman numerals/);
    assert.match(era('1000 (ES-VI)') ?? '', /6th emergency special session/);
    assert.match(era('S-7/1') ?? '', /number \(S-VII\)/);
    assert.match(era('ES-5/2') ?? '', /number \(ES-V\)/);
    assert.strictEqual(eraProblem({ kind: 'decision', symbol: '25/401', start: 0, end: 0, container: 'paragraph' }), undefined);
  });

  it('cites the real old forms of the adopted texts without a word', () => {
    // The old forms the adopted texts cite most (1514 (XV) 164 times, 217 A (III) 110 times).
    assert.deepStrictEqual(found(draft('Recalling its resolution 1514 (XV) of 14 December 1960 and 1541 (XV) of 15 December 1960,')), []);
    assert.deepStrictEqual(found(draft('Recalling its resolutions 217 A (III) of 10 December 1948 and 2200 A (XXI) of 16 December 1966,')), []);
  });
});
