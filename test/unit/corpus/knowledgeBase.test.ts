import * as assert from 'assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { citationList, memoryDocument } from '../../../server/src/corpus/compactDocument';
import { loadCorpus, type LoadedCorpus } from '../../../server/src/corpus/corpusLoader';
import { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { citationKey, displaySymbol, normalizeSymbol, undocsUrl } from '../../../server/src/corpus/symbols';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { corpusDir, SEEDS, seedCorpusDir, seedCorpusUri } from '../../helpers';

const seedUri = (i: number) => seedCorpusUri(SEEDS[i].file);

describe('symbols: one key whatever the spelling', () => {
  const cases: [string, string, string][] = [
    ['A/RES/71/28', '71/28', 'resolution'],
    ['71/28', '71/28', 'resolution'],
    ['A/RES/43/78H', '43/78 H', 'resolution'],
    ['43/78 H', '43/78 H', 'resolution'],
    ['A/RES/ES-11/1', 'ES-11/1', 'resolution'],
    ['2625(XXV)', '2625 (XXV)', 'resolution'],
    ['A/DEC/72/512', '72/512', 'decision'],
    ['a/c.1/73/l.27/rev.1', 'A/C.1/73/L.27/Rev.1', 'document'],
    [' A/70/174 ', 'A/70/174', 'document'],
    ['S/RES/2240(2015)', 'S/RES/2240 (2015)', 'resolution'],
  ];
  for (const [raw, key, kind] of cases) {
    it(`${JSON.stringify(raw)} -> ${key} (${kind})`, () => assert.deepStrictEqual(normalizeSymbol(raw), { key, kind }));
  }
  it('is undefined for text that is no symbol', () => {
    for (const raw of ['', 'hello', '2021–2025', 'A/', '/73/266']) assert.strictEqual(normalizeSymbol(raw), undefined, raw);
  });
  it('keeps a decision a decision when the text says so', () => assert.deepStrictEqual(normalizeSymbol('72/512', 'decision'), { key: '72/512', kind: 'decision' }));
  it('files Human Rights Council resolutions apart from General Assembly ones', () => {
    assert.deepStrictEqual(citationKey({ symbol: '20/8', kind: 'resolution', organ: 'Human Rights Council' }), { key: 'A/HRC/RES/20/8', kind: 'resolution' });
    assert.deepStrictEqual(citationKey({ symbol: '20/8', kind: 'resolution' }), { key: '20/8', kind: 'resolution' });
  });
  it('builds undocs.org addresses and full symbols', () => {
    assert.strictEqual(undocsUrl({ key: '73/266', kind: 'resolution' }), 'https://undocs.org/A/RES/73/266');
    assert.strictEqual(undocsUrl({ key: '72/512', kind: 'decision' }), 'https://undocs.org/A/DEC/72/512');
    assert.strictEqual(undocsUrl({ key: 'A/C.1/73/L.27/Rev.1', kind: 'document' }), 'https://undocs.org/A/C.1/73/L.27/Rev.1');
    assert.strictEqual(undocsUrl({ key: 'A/HRC/RES/20/8', kind: 'resolution' }), 'https://undocs.org/A/HRC/RES/20/8');
    assert.strictEqual(displaySymbol({ key: '73/266', kind: 'resolution' }), 'A/RES/73/266');
    assert.strictEqual(displaySymbol({ key: '72/512', kind: 'decision' }), 'decision 72/512');
  });
});

describe('knowledge base: facts merged from the seeds and their manifest', () => {
  let kb: KnowledgeBase;
  before(async () => {
    kb = KnowledgeBase.build(await loadCorpus({ shippedDir: seedCorpusDir(), folders: [], catalogues: [] }));
  });

  it('loads the five seeds and no problem', () => {
    assert.strictEqual([...kb.documents()].length, 5);
    assert.deepStrictEqual(kb.problems, []);
  });

  it('73/266: its text, title and date, each with every source that states it', () => {
    const entry = kb.lookup('73/266')!;
    assert.deepStrictEqual(entry.texts.map((t) => t.uri), [seedUri(4)]);
    assert.strictEqual(entry.titles.length, 1);
    assert.strictEqual(entry.titles[0].value, 'Advancing responsible State behaviour in cyberspace in the context of international security');
    assert.deepStrictEqual(entry.dates.map((d) => d.value), ['2018-12-22']);
    const kinds = entry.dates[0].sources.map((s) => s.kind).sort();
    assert.deepStrictEqual(kinds, ['catalogue', 'citation', 'citation', 'document']);
    assert.deepStrictEqual(new Set(entry.citedBy.map((c) => c.uri)), new Set([seedUri(0), seedUri(1)]));
  });

  it('53/70: its date inferred from the texts that cite it, one source each', () => {
    const entry = kb.lookup('53/70')!;
    assert.deepStrictEqual(entry.dates.map((d) => d.value), ['1998-12-04']);
    assert.ok(entry.dates[0].sources.every((s) => s.kind === 'citation'));
    assert.strictEqual(entry.dates[0].sources.length, 5);
    assert.strictEqual(entry.texts.length, 0);
  });

  it('71/28: its title inferred from "resolution 71/28 entitled “…”"', () => {
    const entry = kb.lookup('71/28')!;
    assert.deepStrictEqual(entry.titles.map((t) => t.value), ['Developments in the field of information and telecommunications in the context of international security']);
    assert.strictEqual(entry.titles[0].sources[0].kind, 'citation');
  });

  it('74/28: the draft it was adopted from gives its text', () => {
    const entry = kb.lookup('74/28')!;
    assert.deepStrictEqual(entry.adoptedFrom, ['A/C.1/74/L.49/Rev.1']);
    assert.deepStrictEqual(entry.texts.map((t) => t.uri), [seedUri(0)]);
    assert.deepStrictEqual(entry.dates.map((d) => d.value), ['2019-12-12']);
    assert.strictEqual(kb.lookup('A/C.1/74/L.49/Rev.1')!.adoptedAs, '74/28');
  });

  it('78/16 and 75/240: drafts without a symbol still give their resolution a text', () => {
    assert.deepStrictEqual(kb.lookup('78/16')!.texts.map((t) => t.uri), [seedUri(1)]);
    assert.deepStrictEqual(kb.lookup('75/240')!.texts.map((t) => t.uri), [seedUri(3)]);
  });

  it('Human Rights Council 20/8 is not General Assembly 20/8', () => {
    assert.strictEqual(kb.lookup('A/HRC/RES/20/8')!.organ, 'Human Rights Council');
    assert.strictEqual(kb.lookup('20/8'), undefined);
  });

  it('a document symbol is known by the texts that cite it', () => {
    const entry = kb.lookup('A/70/174')!;
    assert.strictEqual(entry.kind, 'document');
    assert.ok(entry.citedBy.length >= 4);
  });
});

describe('knowledge base: the shipped corpus', function () {
  // 700 texts are parsed: seconds, more on a busy machine.
  this.timeout(120_000);
  let loaded: LoadedCorpus;
  let kb: KnowledgeBase;
  const shippedUri = (file: string) => pathToFileURL(path.join(corpusDir, file)).toString();
  before(async () => {
    loaded = await loadCorpus({ shippedDir: corpusDir, folders: [], catalogues: [] });
    kb = KnowledgeBase.build(loaded);
  });

  it('loads the seeds, the 63 labelled texts and the 637 adopted resolutions, every text with its symbol but two seeds', () => {
    const folderOf = (uri: string) => path.relative(corpusDir, path.dirname(new URL(uri).pathname)) || '.';
    const byFolder: Record<string, number> = {};
    for (const { document } of loaded.documents) byFolder[folderOf(document.uri)] = (byFolder[folderOf(document.uri)] ?? 0) + 1;
    assert.deepStrictEqual(byFolder, { '.': 5, texts: 63, bulk: 637 });
    assert.ok(loaded.documents.every(({ document }) => document.shipped));
    // The seeds 001 and 003 print no symbol: the manifest gives what they were adopted as.
    assert.deepStrictEqual(loaded.documents.filter(({ document }) => !document.symbol).map(({ document }) => path.basename(document.uri)), [SEEDS[1].file, SEEDS[3].file]);
  });

  it('reads its Markdown files as no text', () => {
    assert.ok(!loaded.documents.some(({ document }) => /\.md$/.test(document.uri)));
  });

  it('reports the rows its catalogues cannot give (yet) in one quiet line per catalogue, and nothing else: no pop-up', () => {
    const catalogues = ['undl-ga-voting-records.csv', 'ga-decisions-71-80.csv'].map((file) => shippedUri(`catalogues/${file}`));
    // The decisions load whole; of the voting records, one row names a resolution not numbered yet.
    assert.deepStrictEqual(
      loaded.problems.map((p) => [p.uri, p.quiet, p.message.slice(p.message.indexOf('.csv: ') + 6)]),
      [[catalogues[0], true, '7,197 rows read; 1 row skipped or read in part (row 7199: column 2 (symbol) is a resolution symbol without a number yet; row skipped)']],
    );
  });

  it('knows a resolution only the voting-record catalogue names: 2758 (XXVI)', () => {
    const entry = kb.lookup('2758 (XXVI)')!;
    assert.deepStrictEqual(entry.titles.map((t) => t.value), ["Restoration of the lawful rights of the People's Republic of China in the United Nations"]);
    assert.deepStrictEqual(entry.dates.map((d) => d.value), ['1971-10-25']);
    assert.deepStrictEqual(entry.dates[0].sources, [{ kind: 'catalogue', uri: shippedUri('catalogues/undl-ga-voting-records.csv'), line: 1973 }]);
    assert.deepStrictEqual([entry.texts.length, entry.citedBy.length], [0, 0]);
  });

  it('knows a decision from the decisions catalogue: 79/512', () => {
    const entry = kb.lookup('79/512')!;
    assert.strictEqual(entry.kind, 'decision');
    assert.deepStrictEqual(entry.titles[0].value, 'Open-ended working group on the prevention of an arms race in outer space in all its aspects');
    assert.ok(entry.dates[0].sources.some((s) => s.kind === 'catalogue' && s.uri === shippedUri('catalogues/ga-decisions-71-80.csv')));
  });

  it('links the drafts to the resolutions they became, both forms of one draft alike', () => {
    assert.strictEqual(kb.lookup('A/C.2/80/L.26')!.adoptedAs, '80/130');
    assert.deepStrictEqual(kb.lookup('80/212')!.texts.map((t) => path.basename(t.uri)).sort(), ['A_C_3_80_L_21.pdftotext-layout.txt', 'A_C_3_80_L_21.pypdf.txt']);
    assert.deepStrictEqual(kb.lookup('A/L.632')!.texts.length, 2, 'the manifest gives the symbol the layout text does not show');
  });

  it('still holds the seeds with their facts', () => {
    assert.deepStrictEqual(kb.lookup('74/28')!.texts.map((t) => t.uri), [shippedUri(SEEDS[0].file)]);
    assert.deepStrictEqual(kb.lookup('73/266')!.texts.map((t) => t.uri), [shippedUri(SEEDS[4].file)]);
  });
});

describe('knowledge base: conflicts are kept with their sources', () => {
  const row = (symbol: string, date: string, line: number, uri: string, title = 'A title') => ({ uri, row: { symbol, kind: 'resolution' as const, date, title, line } });

  it('two dates for one symbol stay two facts, each with its source', () => {
    const corpus: LoadedCorpus = {
      documents: [],
      problems: [],
      rows: [row('53/70', '1998-12-04', 2, 'file:///one.csv'), row('53/70', '1998-12-05', 3, 'file:///two.csv'), row('53/70', '1998-12-04', 9, 'file:///three.csv')],
    };
    const entry = KnowledgeBase.build(corpus).lookup('53/70')!;
    assert.deepStrictEqual(
      entry.dates.map((d) => [d.value, d.sources.map((s) => s.uri)]),
      [
        ['1998-12-04', ['file:///one.csv', 'file:///three.csv']],
        ['1998-12-05', ['file:///two.csv']],
      ],
    );
  });

  it('the same source stating a fact twice counts once', () => {
    const corpus: LoadedCorpus = { documents: [], problems: [], rows: [row('53/70', '1998-12-04', 2, 'file:///one.csv'), row('53/70', '1998-12-04', 2, 'file:///one.csv')] };
    assert.strictEqual(KnowledgeBase.build(corpus).lookup('53/70')!.dates[0].sources.length, 1);
  });

  it('a citation found twice at the same place counts once; at another place it counts again', () => {
    const citing = (offset: number) => ({ kind: 'citation' as const, uri: 'file:///a.txt', offset, citingSymbol: undefined });
    const loaded = memoryDocument(ParsedDocument.parse({ uri: 'file:///a.txt', version: 0, getText: () => 'The General Assembly,\n\nRecalling its resolution 53/70 of 4 December 1998,\n' }));
    const citation = loaded.citations.record(0);
    loaded.citations = citationList([7, 7, 9].map((start) => ({ ...citation, start, end: start + 5 })));
    const kb = KnowledgeBase.build({ documents: [loaded], problems: [], rows: [] });
    assert.deepStrictEqual(kb.lookup('53/70')!.dates[0].sources, [citing(7), citing(9)]);
  });

  it('different titles are both kept', () => {
    const corpus: LoadedCorpus = { documents: [], problems: [], rows: [row('1/1', '1946-01-24', 2, 'file:///a.csv', 'One'), row('1/1', '1946-01-24', 3, 'file:///b.csv', 'Two')] };
    assert.deepStrictEqual(KnowledgeBase.build(corpus).lookup('1/1')!.titles.map((t) => t.value), ['One', 'Two']);
  });
});

describe('knowledge base: built in slices for the server', () => {
  it('buildAsync merges the same facts as build', async () => {
    const loaded = await loadCorpus({ shippedDir: seedCorpusDir(), folders: [], catalogues: [] });
    const whole = KnowledgeBase.build(loaded);
    const sliced = await KnowledgeBase.buildAsync(loaded);
    assert.deepStrictEqual([...sliced.entries()], [...whole.entries()]);
    assert.deepStrictEqual([...sliced.documents()].map((d) => d.uri), [...whole.documents()].map((d) => d.uri));
  });

  it('an entry merged when first asked for is the one merged with all the others, whatever the order of lookups', async () => {
    const realBulkDir = path.join(corpusDir, 'bulk');
    // Forty real adopted texts and the seeds: symbols cited by many texts, with dates and titles.
    const folder = mkdtempSync(path.join(tmpdir(), 'unres-kb-'));
    for (const file of readdirSync(realBulkDir).sort().slice(0, 40)) copyFileSync(path.join(realBulkDir, file), path.join(folder, file));
    const loaded = await loadCorpus({ shippedDir: seedCorpusDir(), folders: [folder], catalogues: [] });
    rmSync(folder, { recursive: true, force: true });
    const all = [...KnowledgeBase.build(loaded).entries()];
    assert.ok(all.length > 100 && all.some((entry) => entry.citedBy.length > 1 && entry.dates.length > 0), 'the seeds cite symbols more than once, with dates');
    assert.ok(all.some((entry) => entry.organ), 'a symbol cited with its organ');
    const asked = KnowledgeBase.build(loaded);
    // Kind and organ, read before any entry is merged, are those of the merged entries.
    const summary = ({ key, kind, organ }: { key: string; kind: string; organ?: string }) => ({ key, kind, organ });
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    assert.deepStrictEqual(asked.symbols().map(summary).sort(byKey), all.map(summary).sort(byKey));
    assert.strictEqual(asked.size, all.length);
    for (const entry of [...all].reverse()) assert.deepStrictEqual(asked.lookup(entry.key), entry, entry.key);
    assert.strictEqual(asked.lookup('no such symbol'), undefined);
    assert.strictEqual(asked.size, all.length);
  });

  it('a superseded build stops', async () => {
    const loaded = await loadCorpus({ shippedDir: seedCorpusDir(), folders: [], catalogues: [] });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(KnowledgeBase.buildAsync(loaded, controller.signal), { name: 'AbortError' });
  });
});

describe('corpus loader: bad input', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'unres-loader-'));
    mkdirSync(path.join(folder, 'nested', 'deeper'), { recursive: true });
    mkdirSync(path.join(folder, '.hidden'));
    writeFileSync(path.join(folder, 'nested', 'deeper', 'draft.unres'), 'A/RES/76/19\n\nA title\n\nThe General Assembly,\n\nRecalling its resolution 73/27 of 5 December 2018,\n');
    writeFileSync(path.join(folder, '.hidden', 'secret.txt'), 'The General Assembly,\n\nRecalling its resolution 1/1 of 1 January 1946,\n');
    writeFileSync(path.join(folder, 'binary.txt'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
    writeFileSync(path.join(folder, 'huge.txt'), Buffer.alloc(17 * 1024 * 1024, 0x61));
    writeFileSync(path.join(folder, 'catalogue.csv'), 'symbol,title,date,file\nA/C.1/76/L.13,"A draft",2021-10-20,nested/deeper/draft.unres\nA/RES/73/,"Broken",2018-12-05,\n');
    writeFileSync(path.join(folder, 'empty.txt'), '');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('loads what it can, and names every file it could not read', async () => {
    const loaded = await loadCorpus({ folders: [folder, path.join(folder, 'missing')], catalogues: [path.join(folder, 'no-such.csv')] });
    const names = loaded.documents.map((d) => path.basename(new URL(d.document.uri).pathname)).sort();
    assert.deepStrictEqual(names, ['draft.unres', 'empty.txt'], 'hidden folders, binary and huge files are not loaded');
    const messages = loaded.problems.map((p) => p.message).join('\n');
    assert.match(messages, /binary\.txt: looks binary/);
    assert.match(messages, /huge\.txt is 17 MB, too large/);
    assert.match(messages, /missing cannot be read: it does not exist/);
    assert.match(messages, /no-such\.csv cannot be read: it does not exist/);
    assert.ok(loaded.problems.some((p) => p.uri.endsWith('catalogue.csv') && p.line === 3), 'the broken row is named with its row');
  });

  it('a catalogue row with a file gives that text its symbol', async () => {
    const kb = KnowledgeBase.build(await loadCorpus({ folders: [folder], catalogues: [] }));
    const draft = [...kb.documents()].find((d) => d.uri.endsWith('draft.unres'))!;
    assert.strictEqual(draft.symbol, 'A/C.1/76/L.13');
    assert.deepStrictEqual(kb.lookup('A/C.1/76/L.13')!.texts.map((t) => t.uri), [draft.uri]);
  });

  it('a missing shipped manifest is a problem, not a crash: the shipped texts (.txt, not its Markdown notes) still load', async () => {
    const shipped = path.join(folder, 'shipped');
    mkdirSync(path.join(shipped, 'texts'), { recursive: true });
    writeFileSync(path.join(shipped, 'texts', 'A_RES_76_19.txt'), 'A/RES/76/19\n\nA title\n\nThe General Assembly,\n\nRecalling its resolution 73/27 of 5 December 2018,\n');
    writeFileSync(path.join(shipped, 'SOURCES.md'), '# Sources\n\nThe General Assembly,\n');
    const loaded = await loadCorpus({ shippedDir: shipped, folders: [], catalogues: [] });
    assert.match(loaded.problems[0].message, /catalogue\.json cannot be read/);
    assert.deepStrictEqual(loaded.documents.map(({ document }) => [path.basename(document.uri), document.symbol]), [['A_RES_76_19.txt', '76/19']]);
  });

  it('the shipped manifest names catalogues: read, with their rows\' problems summed up in one quiet line', async () => {
    const shipped = path.join(folder, 'shipped-catalogues');
    mkdirSync(path.join(shipped, 'catalogues'), { recursive: true });
    writeFileSync(path.join(shipped, 'catalogue.json'), JSON.stringify([{ catalogue: 'catalogues/votes.csv' }, { catalogue: 'catalogues/missing.csv' }]));
    writeFileSync(path.join(shipped, 'catalogues', 'votes.csv'), 'resolution,title,vote_date\nA/RES/1/1,One,1946-01-24\nA/RES/???,Broken,1946-01-24\nA/RES/1/2,Two,not a date\n');
    const loaded = await loadCorpus({ shippedDir: shipped, folders: [], catalogues: [] });
    const kb = KnowledgeBase.build(loaded);
    assert.deepStrictEqual(kb.lookup('1/1')!.titles.map((t) => t.value), ['One']);
    assert.deepStrictEqual(kb.lookup('1/2')!.dates, []);
    const quiet = loaded.problems.filter((p) => p.quiet);
    assert.deepStrictEqual(quiet.map((p) => p.message), [`${path.join(shipped, 'catalogues', 'votes.csv')}: 2 rows read; 2 rows skipped or read in part (row 3: column 1 (symbol) is not a resolution or document symbol; row skipped, and 1 more)`]);
    // A shipped file that is not there is a broken install, said as loudly as any other.
    const loud = loaded.problems.filter((p) => !p.quiet);
    assert.deepStrictEqual(loud.map((p) => p.message), [`${path.join(shipped, 'catalogues', 'missing.csv')} cannot be read: it does not exist`]);
  });
});

describe('knowledge base: other bodies\' resolutions numbered like the Assembly\'s', () => {
  const build = (paragraphs: string[]) =>
    KnowledgeBase.build({
      rows: [],
      problems: [],
      documents: paragraphs.map((paragraph, i) => {
        const text = `The General Assembly,\n\n${paragraph}\n\n1. Decides to remain seized of the matter.\n`;
        return memoryDocument(ParsedDocument.parse({ uri: `file:///corpus/citing-${i}.txt`, version: 1, getText: () => text }));
      }),
    });

  it('keeps no date, and no citing text, dated outside the session the symbol names', () => {
    // The Human Rights Council's 50/3 of 2022, cited without the Council's name, beside the Assembly's 50/3 of 1995.
    const kb = build(['Recalling resolutions 50/3 of 7 July 2022 and 49/23 of 1 April 2022,', 'Recalling its resolutions 33/18 of 10 November 1978 and 50/3 of 16 October 1995,']);
    const entry = kb.lookup('50/3')!;
    assert.deepStrictEqual(entry.dates.map((fact) => fact.value), ['1995-10-16']);
    assert.deepStrictEqual(entry.citedBy.map((citation) => citation.uri), ['file:///corpus/citing-1.txt']);
    assert.strictEqual(kb.lookup('49/23'), undefined, '49/23 of 2022 is the Council\'s too');
  });

  it('keeps nothing of "resolution 5/1": no session of the Assembly wrote that form', () => {
    const kb = build(['Welcoming resolutions 5/1 and 5/6 of 2 March 2022 of the United Nations Environment Assembly,']);
    assert.strictEqual(kb.lookup('5/1'), undefined);
    assert.strictEqual(kb.lookup('5/6'), undefined);
  });
});

describe('knowledge base: the drafts a resolution was adopted from', () => {
  it('each draft once, in the order first named, however many catalogues repeat it', () => {
    const rows: LoadedCorpus['rows'] = [];
    const drafts = Array.from({ length: 3000 }, (_, i) => `A/C.3/78/L.${i + 1}`);
    for (const uri of ['file:///c/first.csv', 'file:///c/second.csv']) {
      drafts.forEach((symbol, i) => rows.push({ uri, row: { symbol, kind: 'document', line: i + 2, adoptedAs: '78/100' } }));
    }
    rows.push({ uri: 'file:///c/third.csv', row: { symbol: 'A/C.3/78/L.2', kind: 'document', line: 2, adoptedAs: '78/100' } });
    const kb = KnowledgeBase.build({ documents: [], rows, problems: [] });
    assert.deepStrictEqual(kb.lookup('78/100')!.adoptedFrom, drafts);
    assert.strictEqual(kb.lookup('A/C.3/78/L.3000')!.adoptedAs, '78/100');
  });
});
