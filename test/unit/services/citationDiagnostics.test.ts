import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { memoryDocument } from '../../../server/src/corpus/compactDocument';
import { loadCorpus, type LoadedCorpus } from '../../../server/src/corpus/corpusLoader';
import { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { citationKey } from '../../../server/src/corpus/symbols';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { currentSession, getCitationDiagnostics } from '../../../server/src/services/citationDiagnostics';
import { SEEDS, mulberry32, readSeed, seedCorpusDir, seedCorpusUri, withCursors } from '../../helpers';

const DRAFT = 'file:///work/drafts/draft.unres';
const seedUri = (file: string) => seedCorpusUri(file);
const parse = (text: string, uri = DRAFT) => ParsedDocument.parse({ uri, version: 1, getText: () => text });

/** A draft around one preambular paragraph, so fixtures stay short. */
const draft = (paragraph: string) => `The General Assembly,\n\n${paragraph}\n\n1. Decides to remain seized of the matter.\n`;

/** [code, start offset, end offset, message] of each diagnostic. */
function summary(document: ParsedDocument, diagnostics: Diagnostic[]): [unknown, number, number, string][] {
  return diagnostics.map((d) => [d.code, document.lines.offsetAt(d.range.start), document.lines.offsetAt(d.range.end), String(d.message)]);
}

function textOf(document: ParsedDocument, diagnostic: Diagnostic): string {
  return document.model.text.slice(document.lines.offsetAt(diagnostic.range.start), document.lines.offsetAt(diagnostic.range.end));
}

/** The 0-based line of the first occurrence of `needle`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `fixture lacks ${JSON.stringify(needle)}`);
  return text.slice(0, at).split('\n').length - 1;
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `seed lacks ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** A knowledge base from catalogue rows only: symbol, date, catalogue file and line. */
function catalogueKb(rows: [string, string, string, number][]): KnowledgeBase {
  const corpus: LoadedCorpus = { documents: [], problems: [], rows: rows.map(([symbol, date, file, line]) => ({ uri: `file:///catalogues/${file}`, row: { symbol, kind: 'resolution', date, line } })) };
  return KnowledgeBase.build(corpus);
}

describe('citation diagnostics', () => {
  let kb: KnowledgeBase;

  before(async () => {
    kb = KnowledgeBase.build(await loadCorpus({ shippedDir: seedCorpusDir(), folders: [], catalogues: [] }));
  });

  describe('the seeds', () => {
    for (const seed of SEEDS) {
      it(`${seed.file}: no citation diagnostic, opened as itself or as a new draft`, () => {
        const text = readSeed(seed.file);
        for (const uri of [seedUri(seed.file), DRAFT]) {
          const document = parse(text, uri);
          assert.deepStrictEqual(summary(document, getCitationDiagnostics(document, kb)), [], uri);
        }
      });
    }

    it('are checked for real: most dated citations in the seeds have a date in the knowledge base', () => {
      let dated = 0;
      let known = 0;
      for (const seed of SEEDS) {
        for (const citation of parse(readSeed(seed.file)).model.citations) {
          if (!citation.date) continue;
          dated++;
          if (kb.lookup(citationKey(citation)!.key)?.dates.length) known++;
        }
      }
      assert.ok(dated > 100 && known === dated, `${known} of ${dated}`);
    });
  });

  describe('unres.citationDate', () => {
    it('flags a date that contradicts the corpus, on the date, naming the known date and its sources', () => {
      const { text, cursors } = withCursors(draft('Recalling its resolution 53/70 of |5 December 1998|,'));
      const document = parse(text);
      const diagnostics = getCitationDiagnostics(document, kb);
      assert.deepStrictEqual(summary(document, diagnostics), [
        ['unres.citationDate', cursors[0], cursors[1], 'Resolution 53/70 was adopted on 4 December 1998 (corpus: cited with this date in 5 documents), not 5 December 1998.'],
      ]);
      assert.strictEqual(diagnostics[0].severity, 1);
      assert.strictEqual(diagnostics[0].source, 'unres');
      assert.deepStrictEqual(diagnostics[0].data, { symbol: '53/70', written: '1998-12-05', dates: [{ iso: '1998-12-04', text: '4 December 1998' }] });
    });

    it('names a corpus text and a catalogue row among the sources', () => {
      const { text, cursors } = withCursors(draft('Recalling its resolution 73/266 of |23 December 2018|,'));
      const document = parse(text);
      assert.deepStrictEqual(summary(document, getCitationDiagnostics(document, kb)), [
        [
          'unres.citationDate', cursors[0], cursors[1],
          'Resolution 73/266 was adopted on 22 December 2018 (corpus: its text (004_f1b1830bc3def63f.txt), cited with this date in 2 documents; catalogue.json row 5), not 23 December 2018.',
        ],
      ]);
    });

    it('accepts the known date, and says nothing of a symbol the knowledge base has no date for', () => {
      const document = parse(draft('Recalling its resolutions 53/70 of 4 December 1998 and 60/1 of 16 September 2005,'));
      assert.deepStrictEqual(getCitationDiagnostics(document, kb), []);
    });

    it('ignores facts from the document itself: an open corpus text neither confirms nor contradicts itself', () => {
      // 75/32 is cited by seed 001 only.
      const file = SEEDS[1].file;
      const mutated = replaceOnce(readSeed(file), '75/32 of 7 December 2020', '75/32 of 8 December 2020');
      assert.deepStrictEqual(getCitationDiagnostics(parse(mutated, seedUri(file)), kb), []);
      const asDraft = parse(mutated);
      assert.deepStrictEqual(getCitationDiagnostics(asDraft, kb).map((d) => [d.code, textOf(asDraft, d), d.message]), [
        ['unres.citationDate', '8 December 2020', 'Resolution 75/32 was adopted on 7 December 2020 (corpus: cited with this date in 1 document), not 8 December 2020.'],
      ]);
      // 53/70: seed 000 opened as itself counts the four other seeds only.
      const seed000 = replaceOnce(readSeed(SEEDS[0].file), '53/70 of 4 December 1998', '53/70 of 5 December 1998');
      const own = getCitationDiagnostics(parse(seed000, seedUri(SEEDS[0].file)), kb);
      assert.deepStrictEqual(own.map((d) => d.message), ['Resolution 53/70 was adopted on 4 December 1998 (corpus: cited with this date in 4 documents), not 5 December 1998.']);
    });

    it('recognises the document itself under another spelling of its URI (Windows drive letters)', () => {
      const corpusText = draft('Recalling its resolution 75/32 of 7 December 2020,');
      const corpus: LoadedCorpus = {
        rows: [],
        problems: [],
        documents: [memoryDocument(parse(corpusText, 'file:///C:/corpus/a.txt'))],
      };
      const own = KnowledgeBase.build(corpus);
      const edited = draft('Recalling its resolution 75/32 of 8 December 2020,');
      assert.deepStrictEqual(getCitationDiagnostics(parse(edited, 'file:///c%3A/corpus/a.txt'), own), []);
      assert.strictEqual(getCitationDiagnostics(parse(edited, 'file:///c%3A/corpus/b.txt'), own).length, 1);
    });

    it('checks a date shared by a run for each symbol, on the date text, once per symbol', () => {
      const { text, cursors } = withCursors(draft('Recalling its resolutions 74/28 and 74/29 of |13 December 2019|,'));
      const document = parse(text);
      assert.deepStrictEqual(summary(document, getCitationDiagnostics(document, kb)), [
        ['unres.citationDate', cursors[0], cursors[1], 'Resolution 74/28 was adopted on 12 December 2019 (corpus: cited with this date in 1 document; catalogue.json row 1), not 13 December 2019.'],
        ['unres.citationDate', cursors[0], cursors[1], 'Resolution 74/29 was adopted on 12 December 2019 (corpus: cited with this date in 2 documents), not 13 December 2019.'],
      ]);
    });

    it('with two known dates (a conflict), accepts either and names both for a third', () => {
      const conflict = catalogueKb([
        ['53/70', '1998-12-04', 'one.csv', 2],
        ['53/70', '1998-12-05', 'two.jsonl', 3],
      ]);
      for (const day of ['4', '5']) {
        assert.deepStrictEqual(getCitationDiagnostics(parse(draft(`Recalling its resolution 53/70 of ${day} December 1998,`)), conflict), [], day);
      }
      const { text, cursors } = withCursors(draft('Recalling its resolution 53/70 of |6 December 1998|,'));
      const document = parse(text);
      const diagnostics = getCitationDiagnostics(document, conflict);
      assert.deepStrictEqual(summary(document, diagnostics), [
        ['unres.citationDate', cursors[0], cursors[1], 'Resolution 53/70 was adopted on 4 December 1998 (one.csv line 2) or 5 December 1998 (two.jsonl line 3), not 6 December 1998.'],
      ]);
      assert.deepStrictEqual((diagnostics[0].data as { dates: unknown[] }).dates, [
        { iso: '1998-12-04', text: '4 December 1998' },
        { iso: '1998-12-05', text: '5 December 1998' },
      ]);
    });

    it('keeps Human Rights Council resolutions apart from General Assembly ones', () => {
      const gaOnly = catalogueKb([['20/8', '1965-12-01', 'ga.csv', 2]]);
      const document = parse(draft('Recalling Human Rights Council resolution 20/8 of 5 July 2012,'));
      assert.deepStrictEqual(getCitationDiagnostics(document, gaOnly), []);
      const { text, cursors } = withCursors(draft('Recalling Human Rights Council resolution 20/8 of |6 July 2012|,'));
      const hrc = parse(text);
      assert.deepStrictEqual(summary(hrc, getCitationDiagnostics(hrc, kb)), [
        ['unres.citationDate', cursors[0], cursors[1], 'Human Rights Council resolution 20/8 was adopted on 5 July 2012 (corpus: cited with this date in 1 document), not 6 July 2012.'],
      ]);
    });
  });

  describe('unres.citationDate: other bodies number their resolutions by session too', () => {
    /** A knowledge base from corpus texts written here: each a short resolution citing what it cites. */
    const textsKb = (paragraphs: string[]) =>
      KnowledgeBase.build({ rows: [], problems: [], documents: paragraphs.map((paragraph, i) => memoryDocument(parse(draft(paragraph), `file:///corpus/cited-${i}.txt`))) });

    it('says nothing of a date outside the session the symbol names: another body\'s resolution', () => {
      // The Commission for Asia and the Pacific's 79/8 of May 2023; the Assembly's 79/8 is of November 2024.
      const known = catalogueKb([['79/8', '2024-11-12', 'ga.csv', 2]]);
      const paragraph = 'Noting the adoption, by the Economic and Social Commission for Asia and the Pacific at its seventy-ninth session, of resolution 79/8 of 19 May 2023,';
      assert.deepStrictEqual(getCitationDiagnostics(parse(draft(paragraph)), known), []);
      // Within the session, the same catalogue still speaks.
      const misdated = parse(draft('Recalling its resolution 79/8 of 13 November 2024,'));
      assert.deepStrictEqual(getCitationDiagnostics(misdated, known).map((d) => [d.message, d.severity]), [
        ['Resolution 79/8 was adopted on 12 November 2024 (ga.csv line 2), not 13 November 2024.', 1],
      ]);
    });

    it('drops what citations of another body taught the corpus: dates outside the session', () => {
      // Human Rights Council 50/3 of 7 July 2022, cited without the Council's name, against the Assembly's 50/3 of 1995.
      const known = textsKb(['Recalling resolutions 50/3 of 7 July 2022 and 49/23 of 1 April 2022,', 'Recalling also resolution 50/3 of 7 July 2022,']);
      assert.deepStrictEqual(getCitationDiagnostics(parse(draft('Recalling its resolution 50/3 of 16 October 1995,')), known), []);
    });

    it('says nothing of "resolution 5/1": no session of the Assembly wrote that form', () => {
      const known = textsKb(['Welcoming resolution 5/1 of 2 March 2022 of the United Nations Environment Assembly,', 'Recalling resolution 5/1 of 2 March 2022,']);
      assert.deepStrictEqual(getCitationDiagnostics(parse(draft('Recalling Council resolution 5/1 of 18 June 2007,')), known), []);
    });

    it('tells, without flagging, a date that only one other citing text contradicts; two make an error', () => {
      const one = textsKb(['Recalling its resolution 76/153 of 16 December 2021,']);
      const document = parse(draft('Recalling its resolution 76/153 of 19 December 2021,'));
      assert.deepStrictEqual(getCitationDiagnostics(document, one).map((d) => [d.message, d.severity]), [
        ['Resolution 76/153 was adopted on 16 December 2021 (corpus: cited with this date in 1 document), not 19 December 2021.', 3],
      ]);
      const two = textsKb(['Recalling its resolution 76/153 of 16 December 2021,', 'Recalling also its resolution 76/153 of 16 December 2021,']);
      assert.deepStrictEqual(getCitationDiagnostics(document, two).map((d) => d.severity), [1]);
    });
  });

  describe('unres.citationOrder', () => {
    it('flags a resolution listed after a later one, on the later-listed citation', () => {
      const { text, cursors } = withCursors(draft('Recalling its resolutions 53/70 of 4 December 1998, 73/266 of 22 December 2018 and |73/27 of 5 December 2018|,'));
      const document = parse(text);
      const diagnostics = getCitationDiagnostics(document, kb);
      assert.deepStrictEqual(summary(document, diagnostics), [
        ['unres.citationOrder', cursors[0], cursors[1], '73/27 of 5 December 2018 is listed after 73/266 of 22 December 2018; resolutions are cited in chronological order.'],
      ]);
      assert.strictEqual(diagnostics[0].severity, 2);
    });

    it('orders by session and number when a citation has no date', () => {
      const { text, cursors } = withCursors(draft('Recalling its resolutions 73/266, |73/27| and 74/28,'));
      const document = parse(text);
      assert.deepStrictEqual(summary(document, getCitationDiagnostics(document, kb)), [
        ['unres.citationOrder', cursors[0], cursors[1], '73/27 is listed after 73/266; resolutions are cited in chronological order.'],
      ]);
      const old = parse(draft('Recalling its resolutions 2625 (XXV), 43/78 H, 43/78 G and 53/70,'));
      assert.deepStrictEqual(getCitationDiagnostics(old, kb).map((d) => d.message), ['43/78 G is listed after 43/78 H; resolutions are cited in chronological order.']);
    });

    it('lists continue over ", as well as" but break at a decision, another organ or other text', () => {
      const cases = [
        'Recalling its resolution 73/266 of 22 December 2018, as well as its decision 72/512 of 4 December 2017,',
        'Recalling its resolution 73/266 of 22 December 2018 and Human Rights Council resolution 20/8 of 5 July 2012,',
        'Recalling its resolution 73/266 of 22 December 2018, and noting its resolution 53/70 of 4 December 1998,',
        'Recalling its resolution 73/266 of 22 December 2018, in which it welcomed resolution 53/70 of 4 December 1998,',
        'Recalling its resolutions 74/28 and 74/29 of 12 December 2019 and 75/32 of 7 December 2020,',
      ];
      for (const paragraph of cases) assert.deepStrictEqual(getCitationDiagnostics(parse(draft(paragraph)), kb), [], paragraph);
      const { text, cursors } = withCursors(draft('Recalling its resolutions 73/266 of 22 December 2018, as well as |71/28 of 5 December 2016|,'));
      const document = parse(text);
      assert.deepStrictEqual(summary(document, getCitationDiagnostics(document, kb)).map((s) => s.slice(0, 3)), [['unres.citationOrder', cursors[0], cursors[1]]]);
    });
  });

  describe('unres.malformedSymbol', () => {
    const cases: [string, string][] = [
      ['Recalling its resolution |73/| on the subject,', '“resolution 73/” lacks the resolution number: a symbol is session/number, as in 73/266.'],
      ['Recalling its resolution |73 /266|,', '“73 /266” is not a resolution symbol: a symbol has no spaces around its slash; write 73/266.'],
      ['Recalling its resolutions 53/70 of 4 December 1998 and |54/ 49| of 1 December 1999,', '“54/ 49” is not a resolution symbol: a symbol has no spaces around its slash; write 54/49.'],
      ['Recalling its resolution |A/RES/73|,', '“A/RES/73” lacks the resolution number: the form is A/RES/session/number, as in A/RES/73/266.'],
      ['Taking note of the report |A//70/174|,', '“A//70/174” has an empty part between two slashes: each part of a symbol stands between single slashes (did you mean A/70/174?).'],
      ['Taking note of the report |A/70/|,', '“A/70/” ends with a slash: the part after it is missing (a document symbol reads like A/70/174, a resolution like A/RES/73/266).'],
      ['Recalling its resolution |a/res/73/266|,', '“a/res/73/266” is written in lower case: UN symbols are written in capitals, A/RES/73/266.'],
      ['Taking note of the report |a/c.1/73/l.27/rev.1|,', '“a/c.1/73/l.27/rev.1” is written in lower case: UN symbols are written in capitals, A/C.1/73/L.27/Rev.1.'],
      ['Recalling its resolution |99/1|,', `Resolution 99/1 names the 99th session, but the General Assembly is in its ${ordinal(currentSession(new Date()))}; check the session number before the slash (session/number, as in 73/266).`],
      ['Recalling its resolution |73/0|,', 'Resolution 73/0 is not a resolution symbol: sessions and resolutions are numbered from 1 (as in 73/266).'],
    ];
    for (const [paragraph, message] of cases) {
      it(`flags ${JSON.stringify(paragraph)}`, () => {
        const { text, cursors } = withCursors(draft(paragraph));
        const document = parse(text);
        const diagnostics = getCitationDiagnostics(document, kb).filter((d) => d.code === 'unres.malformedSymbol');
        assert.deepStrictEqual(summary(document, diagnostics), [['unres.malformedSymbol', cursors[0], cursors[1], message]]);
        assert.strictEqual(diagnostics[0].severity, 2);
      });
    }

    it('leaves ordinary text and well-formed symbols alone', () => {
      const paragraphs = [
        'Recalling the summary records A/C.6/78/ SR.36 and A/C.6/79/ SR.37, as a PDF tool spaces them,',
        'Noting that the services run 24/7, that 1/2 of the budget for 2021–2025 was spent by 31 December 2020 and that 3/4 of States replied,',
        'Recalling its resolution 73/266 of 22 December 2018 on services available 24/7 and its resolution 73/2666,',
        'Recalling its resolutions 43/78 H of 7 December 1988, ES-10/2 and 2625 (XXV), and the documents A/C.1/73/L.27/Rev.1, A/70/174 and S/RES/2341 (2017),',
        `Recalling its resolution ${currentSession(new Date()) + 1}/1 and decision 72/512 and Economic and Social Council resolution 2004/15,`,
        'Noting the website https://undocs.org/a/res/73/266 and the and/or clause,',
      ];
      for (const paragraph of paragraphs) {
        const found = getCitationDiagnostics(parse(draft(paragraph)), kb).filter((d) => d.code === 'unres.malformedSymbol');
        assert.deepStrictEqual(found.map((d) => d.message), [], paragraph);
      }
    });

    it('does not flag a symbol that a wrapped line cuts after its slash', () => {
      const text = 'The General Assembly,\n\nRecalling its resolution 73/\n266 of 22 December 2018, and the report A/C.1/73/\nL.27,\n\n1. Decides to act.\n';
      const found = getCitationDiagnostics(parse(text), kb).filter((d) => d.code === 'unres.malformedSymbol');
      assert.deepStrictEqual(found.map((d) => d.message), []);
    });
  });

  describe('unres.missingParagraph', () => {
    it('flags a paragraph the cited resolution does not have, when the corpus has its text', () => {
      const { text, cursors } = withCursors(draft('Recalling paragraph |9| of resolution 73/266,'));
      const document = parse(text);
      const diagnostics = getCitationDiagnostics(document, kb);
      assert.deepStrictEqual(summary(document, diagnostics), [
        ['unres.missingParagraph', cursors[0], cursors[1], 'Resolution 73/266 has 6 operative paragraphs; paragraph 9 does not exist.'],
      ]);
      assert.strictEqual(diagnostics[0].severity, 2);
    });

    it('flags a missing sub-paragraph', () => {
      const { text, cursors } = withCursors(draft('Recalling paragraphs 2 (a) and |2 (c)| of resolution 73/266,'));
      const document = parse(text);
      assert.deepStrictEqual(summary(document, getCitationDiagnostics(document, kb)), [
        ['unres.missingParagraph', cursors[0], cursors[1], 'Resolution 73/266 has no paragraph 2 (c): its paragraph 2 has sub-paragraphs (a) and (b).'],
      ]);
    });

    it('follows "that resolution" to the resolution cited last', () => {
      const { text, cursors } = withCursors(draft('Recalling its resolution 73/266, and the mandate set out in paragraph |9| of that resolution,'));
      const document = parse(text);
      assert.deepStrictEqual(summary(document, getCitationDiagnostics(document, kb)), [
        ['unres.missingParagraph', cursors[0], cursors[1], 'Resolution 73/266 has 6 operative paragraphs; paragraph 9 does not exist.'],
      ]);
    });

    it('counts a draft when the corpus holds the resolution only as the draft it was adopted from', () => {
      const { text, cursors } = withCursors(draft('Recalling paragraph |8| of resolution 73/27,'));
      const document = parse(text);
      assert.deepStrictEqual(summary(document, getCitationDiagnostics(document, kb)), [
        ['unres.missingParagraph', cursors[0], cursors[1], 'Resolution 73/27 (as in its draft A/C.1/73/L.27/Rev.1) has 7 operative paragraphs; paragraph 8 does not exist.'],
      ]);
    });

    it('says nothing when the paragraph exists, the corpus lacks the text, or the reference is to the draft itself', () => {
      const paragraphs = [
        'Recalling paragraphs 3 and 6 and paragraph 2 (b) of resolution 73/266,',
        'Recalling paragraph 9 of resolution 53/70,',
        'Recalling its resolution 53/70 and paragraph 9 of that resolution,',
        'Recalling paragraph 9 above and paragraph 12 of the present resolution,',
      ];
      for (const paragraph of paragraphs) assert.deepStrictEqual(getCitationDiagnostics(parse(draft(paragraph)), kb), [], paragraph);
    });

    it('says nothing of a resolution that adopts an annex, whose paragraphs are cited as its own', () => {
      const pact = [
        'Resolution adopted by the General Assembly on 22 September 2024',
        '',
        '79/1. The Pact for the Future',
        '',
        'The General Assembly,',
        '',
        'Adopts the following Pact for the Future:',
        '',
        'Annex',
        '',
        'The Pact for the Future',
        '',
        '1. We, the Heads of State and Government, have gathered at United Nations Headquarters.',
        '',
        '2. We are determined to protect the needs and interests of present and future generations.',
        '',
      ].join('\n');
      const known = KnowledgeBase.build({ rows: [], problems: [], documents: [memoryDocument(parse(pact, 'file:///corpus/A_RES_79_1.txt'))] });
      const parsed = known.lookup('79/1')?.texts[0]?.parsed();
      assert.ok(parsed && parsed.model.attachments.length > 0 && parsed.model.operative.length === 1, 'the corpus text reads as one paragraph adopting an annex');
      const document = parse(draft('Recalling also action 21, paragraph 42, of resolution 79/1 of 22 September 2024,'));
      assert.deepStrictEqual(getCitationDiagnostics(document, known), []);
    });
  });

  describe('mutated seeds', () => {
    const seed000 = () => readSeed(SEEDS[0].file);

    it('000 with "53/70 of 5 December 1998": unres.citationDate on PP1\'s line', () => {
      const text = replaceOnce(seed000(), '53/70 of 4 December 1998', '53/70 of 5 December 1998');
      const document = parse(text);
      const diagnostics = getCitationDiagnostics(document, kb);
      assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.range.start.line, textOf(document, d)]), [['unres.citationDate', lineOf(text, 'Recalling its resolutions 53/70'), '5 December 1998']]);
    });

    it('000 with two resolutions of PP1 swapped: unres.citationOrder on PP1\'s line', () => {
      const text = replaceOnce(seed000(), '54/49 of 1 December 1999, 55/28 of 20 November 2000', '55/28 of 20 November 2000, 54/49 of 1 December 1999');
      const document = parse(text);
      const diagnostics = getCitationDiagnostics(document, kb);
      assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.range.start.line, textOf(document, d)]), [['unres.citationOrder', lineOf(text, 'Recalling its resolutions 53/70'), '54/49 of 1 December 1999']]);
      assert.strictEqual(diagnostics[0].message, '54/49 of 1 December 1999 is listed after 55/28 of 20 November 2000; resolutions are cited in chronological order.');
    });

    it('002 (PDF text) and 003 (Markdown) with two resolutions swapped: unres.citationOrder on the moved one', () => {
      const pdf = readSeed(SEEDS[2].file).replace('54/49 of 1 December 1999, 55/28 of 20 November \n\n2000', '55/28 of 20 November 2000, 54/49 of 1 December \n\n1999');
      const markdown = replaceOnce(readSeed(SEEDS[3].file), '[53/70](#) of 4 December 1998, [54/49](#) of 1 December 1999', '[54/49](#) of 1 December 1999, [53/70](#) of 4 December 1998');
      assert.notStrictEqual(pdf, readSeed(SEEDS[2].file));
      const [p, m] = [parse(pdf), parse(markdown)];
      assert.deepStrictEqual(getCitationDiagnostics(p, kb).map((d) => [d.code, d.range.start.line, textOf(p, d)]), [['unres.citationOrder', lineOf(pdf, '54/49 of 1 December'), '54/49 of 1 December \n\n1999']]);
      assert.deepStrictEqual(getCitationDiagnostics(m, kb).map((d) => [d.code, d.range.start.line, textOf(m, d)]), [['unres.citationOrder', lineOf(markdown, '*Recalling* its resolutions'), '53/70](#) of 4 December 1998']]);
    });

    it('000 with "paragraph 9 of that resolution": unres.missingParagraph on OP3\'s line', () => {
      const text = replaceOnce(seed000(), 'paragraph 3 of that resolution', 'paragraph 9 of that resolution');
      const document = parse(text);
      const diagnostics = getCitationDiagnostics(document, kb);
      assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.range.start.line, textOf(document, d), d.message]), [
        ['unres.missingParagraph', lineOf(text, '3. *Welcomes*'), '9', 'Resolution 73/266 has 6 operative paragraphs; paragraph 9 does not exist.'],
      ]);
    });

    for (const seed of SEEDS) {
      it(`${seed.file} with "resolution 73/ " inserted in OP1: unres.malformedSymbol on that line`, () => {
        const original = readSeed(seed.file);
        const op1 = parse(original).model.operative[0];
        const at = op1.opening!.end;
        const text = `${original.slice(0, at)} resolution 73/ ${original.slice(at)}`;
        const document = parse(text);
        const diagnostics = getCitationDiagnostics(document, kb);
        assert.deepStrictEqual(diagnostics.map((d) => [d.code, document.lines.offsetAt(d.range.start), textOf(document, d)]), [['unres.malformedSymbol', at + ' resolution '.length, '73/']]);
      });
    }
  });

  describe('random edits of the seeds (deterministic)', () => {
    const CODES = new Set(['unres.citationDate', 'unres.citationOrder', 'unres.malformedSymbol', 'unres.missingParagraph']);
    for (const seed of SEEDS) {
      it(`${seed.file}: 60 edits near citations never throw and give ranges inside the text`, () => {
        const original = readSeed(seed.file);
        const random = mulberry32(0x5eed0003 ^ seed.file.charCodeAt(2));
        const slashes = [...original.matchAll(/\//g)].map((m) => m.index);
        for (let n = 0; n < 60; n++) {
          let text = original;
          for (let k = 0; k < 3; k++) {
            const at = Math.max(0, Math.min(text.length, slashes[Math.floor(random() * slashes.length)] + Math.floor(random() * 40) - 20));
            const edits = ['', '/', ' ', '9', '1', 'A/', 'resolution ', ', ', ' of 3 May 2001', 'paragraph 12 of resolution 73/266 '];
            const insert = edits[Math.floor(random() * edits.length)];
            const remove = Math.floor(random() * 3);
            text = text.slice(0, at) + insert + text.slice(at + remove);
          }
          const document = parse(text);
          const lines = text.split(/\r\n|\r|\n/);
          for (const d of getCitationDiagnostics(document, kb)) {
            const context = `case ${n}: ${d.code} ${JSON.stringify(d.range)}`;
            assert.ok(CODES.has(String(d.code)) && d.source === 'unres', context);
            const [start, end] = [document.lines.offsetAt(d.range.start), document.lines.offsetAt(d.range.end)];
            assert.ok(start <= end && end <= text.length, context);
            assert.ok(d.range.end.line < lines.length && d.range.start.character <= lines[d.range.start.line].length, context);
          }
        }
      });
    }
  });

  describe('long drafts and cancellation', () => {
    it('honours the cancellation token', () => {
      const text = replaceOnce(readSeed(SEEDS[0].file), '53/70 of 4 December 1998', '53/70 of 5 December 1998');
      assert.deepStrictEqual(getCitationDiagnostics(parse(text), kb, { isCancellationRequested: true }), []);
    });

    it('checks a 300-paragraph draft with long citation lists and finds nothing wrong', () => {
      const list = 'Recalling its resolutions 53/70 of 4 December 1998, 54/49 of 1 December 1999, 55/28 of 20 November 2000 and 73/266 of 22 December 2018, and paragraph 3 of resolution 73/266, and the report A/70/174,';
      const paragraphs = Array.from({ length: 150 }, () => list);
      for (let i = 1; i <= 150; i++) paragraphs.push(`${i}. Requests the Secretary-General, pursuant to paragraph 2 (a) of resolution 73/266 and to its resolution 71/28 of 5 December 2016, to act;`);
      const document = parse(`The General Assembly,\n\n${paragraphs.join('\n\n')}\n`);
      assert.strictEqual(document.model.preambular.length + document.model.operative.length, 300);
      // Its time is a figure of `npm run bench` (diagnostics), never asserted here.
      assert.deepStrictEqual(getCitationDiagnostics(document, kb), []);
    });
  });

  describe('large drafts', function () {
    // Tens of thousands of citations: the bench times such inputs, a timeout here would measure the machine.
    this.timeout(60_000);

    it('a paragraph of 20,000 resolutions, each followed by a symbol spaced around its slash: each of these flagged', () => {
      // Each broken symbol looks back for the citation it follows in a list, among thousands.
      const count = 20_000;
      const document = parse(draft(`Recalling its ${'resolution 70/1, 73 /266, '.repeat(count)}and the rest,`));
      const found = getCitationDiagnostics(document, kb).filter((d) => d.code === 'unres.malformedSymbol');
      assert.strictEqual(found.length, count);
      assert.ok(found.every((d) => d.message === '“73 /266” is not a resolution symbol: a symbol has no spaces around its slash; write 73/266.'));
    });
  });
});

function ordinal(n: number): string {
  const tens = n % 100;
  return `${n}${tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

