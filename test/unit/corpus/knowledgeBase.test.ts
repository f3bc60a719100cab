import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { loadCorpus, type LoadedCorpus } from '../../../server/src/corpus/corpusLoader';
import { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { citationKey, displaySymbol, normalizeSymbol, undocsUrl } from '../../../server/src/corpus/symbols';
import { corpusDir, SEEDS } from '../../helpers';

const seedUri = (i: number) => pathToFileURL(path.join(corpusDir, SEEDS[i].file)).toString();

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

describe('knowledge base: facts merged from the shipped corpus', () => {
  let kb: KnowledgeBase;
  before(async () => {
    kb = KnowledgeBase.build(await loadCorpus({ shippedDir: corpusDir, folders: [], catalogues: [] }));
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
    const document = { uri: 'file:///a.txt', shipped: false, parsed: { model: { citations: [7, 7, 9].map((start) => ({ kind: 'resolution', symbol: '53/70', start, end: start + 5, date: { iso: '1998-12-04' } })) } } };
    const kb = KnowledgeBase.build({ documents: [document as never], problems: [], rows: [] });
    assert.deepStrictEqual(kb.lookup('53/70')!.dates[0].sources, [citing(7), citing(9)]);
  });

  it('different titles are both kept', () => {
    const corpus: LoadedCorpus = { documents: [], problems: [], rows: [row('1/1', '1946-01-24', 2, 'file:///a.csv', 'One'), row('1/1', '1946-01-24', 3, 'file:///b.csv', 'Two')] };
    assert.deepStrictEqual(KnowledgeBase.build(corpus).lookup('1/1')!.titles.map((t) => t.value), ['One', 'Two']);
  });
});

describe('knowledge base: built in slices for the server', () => {
  it('buildAsync merges the same facts as build', async () => {
    const loaded = await loadCorpus({ shippedDir: corpusDir, folders: [], catalogues: [] });
    const whole = KnowledgeBase.build(loaded);
    const sliced = await KnowledgeBase.buildAsync(loaded);
    assert.deepStrictEqual([...sliced.entries()], [...whole.entries()]);
    assert.deepStrictEqual([...sliced.documents()].map((d) => d.uri), [...whole.documents()].map((d) => d.uri));
  });

  it('a superseded build stops', async () => {
    const loaded = await loadCorpus({ shippedDir: corpusDir, folders: [], catalogues: [] });
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
    const names = loaded.documents.map((d) => path.basename(new URL(d.uri).pathname)).sort();
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

  it('a missing shipped manifest is a problem, not a crash', async () => {
    const loaded = await loadCorpus({ shippedDir: path.join(folder, 'nested'), folders: [], catalogues: [] });
    assert.match(loaded.problems[0].message, /catalogue\.json cannot be read/);
    assert.strictEqual(loaded.documents.length, 1);
  });
});
