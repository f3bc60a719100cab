// What a client is told of the corpus: the state of loads and index builds (CorpusActivity), the
// status assembled from a loaded corpus, and a Knowledge telling loading, indexing, ready.
import * as assert from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { loadCorpus, type CorpusSources } from '../../../server/src/corpus/corpusLoader';
import { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { CorpusActivity, corpusStatus, MAX_PROBLEMS_LISTED } from '../../../server/src/corpus/status';
import { Knowledge } from '../../../server/src/knowledge';
import type { CorpusState, CorpusStatus } from '../../../server/src/protocol';
import { corpusDir, writeGeneratedCorpus } from '../../helpers';

function recorder() {
  const told: string[] = [];
  return {
    told,
    events: {
      progress: (phase: string, done: number, total: number) => told.push(`${phase} ${done}/${total}`),
      stateChanged: (state: CorpusState) => told.push(state),
    },
  };
}

describe('corpus status: the state of loads and builds', () => {
  it('loading, indexing, ready, each told once, with the numbers of the phase told', () => {
    const { told, events } = recorder();
    const activity = new CorpusActivity(events);
    assert.strictEqual(activity.state, 'loading', 'nothing is known before the first load');
    activity.loadStarted();
    activity.progressed('loading', 1, 2);
    assert.deepStrictEqual(activity.progress, { phase: 'loading', done: 1, total: 2 });
    const build = {};
    activity.indexing(build);
    assert.strictEqual(activity.progress, undefined, 'the numbers of the phase before are gone');
    activity.progressed('indexing', 3, 4, build);
    activity.indexed(build);
    assert.deepStrictEqual(told, ['loading', 'loading 1/2', 'indexing', 'indexing 3/4', 'ready']);
  });

  it('a newer load is told again as loading; an older build that goes on is no part of it', () => {
    const { told, events } = recorder();
    const activity = new CorpusActivity(events);
    activity.loadStarted();
    const older = {};
    activity.indexing(older);
    activity.loadStarted();
    activity.loadStarted();
    activity.progressed('indexing', 1, 2, older);
    activity.indexed(older);
    assert.strictEqual(activity.state, 'loading');
    const newer = {};
    activity.indexing(newer);
    activity.progressed('indexing', 1, 2, older);
    activity.indexed(older);
    assert.strictEqual(activity.state, 'indexing', 'a superseded build ending changes nothing');
    activity.indexed(newer);
    assert.deepStrictEqual(told, ['loading', 'indexing', 'loading', 'loading', 'indexing', 'ready']);
  });

  it('a failed load leaves the state it found: ready, or indexing while a build runs', () => {
    const { told, events } = recorder();
    const activity = new CorpusActivity(events);
    activity.loadStarted();
    activity.loadFailed();
    const build = {};
    activity.indexing(build);
    activity.loadStarted();
    activity.loadFailed();
    assert.deepStrictEqual(told, ['loading', 'ready', 'indexing', 'loading', 'indexing']);
  });
});

describe('corpus status: what a client is told', () => {
  let root: string;
  let texts: string;
  const catalogue = () => path.join(root, 'named.csv');

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'unres-status-'));
    texts = path.join(root, 'texts');
    writeGeneratedCorpus(texts, 12);
    writeFileSync(path.join(texts, 'found.csv'), 'symbol,title,date\nA/RES/75/1,One,2020-09-21\nA/RES/75/2,Two,2020-09-22\n');
    // Row 3 holds a date that is none: the problem names the row, never the value.
    writeFileSync(catalogue(), 'symbol,title,date\nA/RES/76/1,One,2021-09-21\nA/RES/76/2,Two,SECRET-VALUE\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const sources = (): CorpusSources => ({ shippedDir: corpusDir, folders: [texts], catalogues: [catalogue(), path.join(root, 'missing.csv')] });

  let loadedStatus: Promise<CorpusStatus> | undefined;
  const statusOf = () => (loadedStatus ??= readStatus());

  async function readStatus(): Promise<CorpusStatus> {
    const loaded = await loadCorpus(sources());
    const kb = KnowledgeBase.build(loaded);
    const lines = new Map<string, Set<number>>();
    for (const { uri, row } of loaded.rows) lines.set(uri, (lines.get(uri) ?? new Set()).add(row.line));
    const entries = new Map([...lines].map(([uri, rows]) => [uri, rows.size]));
    return corpusStatus({ kb, sources: sources(), catalogues: entries, state: 'ready' });
  }

  it('counts the documents, in all and by folder, and the symbols known', async () => {
    const status = await statusOf();
    assert.strictEqual(status.state, 'ready');
    assert.strictEqual(status.documents, 17);
    assert.ok(status.catalogueEntries > 17, `${status.catalogueEntries} symbols`);
    assert.deepStrictEqual(status.folders, [
      { path: corpusDir, shipped: true, documents: 5 },
      { path: texts, shipped: false, documents: 12 },
    ]);
  });

  it('lists the shipped manifest, the catalogues named (read or not), then those found in the folders', async () => {
    const status = await statusOf();
    assert.deepStrictEqual(
      status.catalogues.map((c) => [path.relative(root, c.path), c.shipped, c.entries > 0]),
      [
        [path.relative(root, path.join(corpusDir, 'catalogue.json')), true, true],
        ['named.csv', false, true],
        ['missing.csv', false, false],
        [path.join('texts', 'found.csv'), false, true],
      ],
    );
  });

  it('lists the problems by file and row, never quoting the file', async () => {
    const status = await statusOf();
    assert.strictEqual(status.problemCount, status.problems.length);
    const row = status.problems.find((p) => p.uri === pathToFileURL(catalogue()).toString());
    assert.ok(row, JSON.stringify(status.problems));
    assert.strictEqual(row.line, 3);
    assert.ok(row.message.includes(catalogue()), row.message);
    assert.ok(status.problems.some((p) => p.uri.endsWith('/missing.csv') && /does not exist/.test(p.message)));
    for (const problem of status.problems) assert.ok(!problem.message.includes('SECRET'), problem.message);
  });

  it('lists the first problems only, and says how many there are', () => {
    const problems = Array.from({ length: MAX_PROBLEMS_LISTED + 5 }, (_, i) => ({ uri: `file:///c.csv`, line: i + 2, message: `row ${i + 2}: no symbol` }));
    const kb = { documents: () => [], size: 0, problems };
    const status = corpusStatus({ kb, sources: undefined, catalogues: new Map(), state: 'loading', progress: { phase: 'loading', done: 1, total: 9 } });
    assert.strictEqual(status.problems.length, MAX_PROBLEMS_LISTED);
    assert.strictEqual(status.problemCount, MAX_PROBLEMS_LISTED + 5);
    assert.deepStrictEqual(status.progress, { phase: 'loading', done: 1, total: 9 });
    assert.deepStrictEqual([status.folders, status.catalogues], [[], []]);
  });
});

describe('corpus status: a Knowledge tells what it is doing', () => {
  it('loading (with files read), indexing (with documents read), ready; status() says the same', async () => {
    const told: string[] = [];
    const numbers: Record<string, [number, number][]> = { loading: [], indexing: [] };
    const knowledge = new Knowledge({
      progress: (phase, done, total) => numbers[phase].push([done, total]),
      stateChanged: (state) => told.push(`${state} ${knowledge.status().state}`),
    });
    try {
      knowledge.configure({ shippedDir: corpusDir, folders: [], catalogues: [] });
      await knowledge.whenReady();
      assert.deepStrictEqual(told, ['loading loading', 'indexing indexing', 'ready ready']);
      assert.deepStrictEqual(numbers.loading[numbers.loading.length - 1], [5, 5]);
      assert.deepStrictEqual(numbers.indexing.map(([done]) => done), [1, 2, 3, 4, 5]);
      const status = knowledge.status();
      assert.strictEqual(status.documents, 5);
      assert.strictEqual(status.progress, undefined);
      assert.strictEqual(status.catalogues[0].entries, 5, 'the five entries of the shipped manifest');
    } finally {
      knowledge.dispose();
    }
  });

  it('reload(sources) loads again even when nothing changed, and takes new sources', async () => {
    const told: CorpusState[] = [];
    const knowledge = new Knowledge({ stateChanged: (state) => told.push(state) });
    try {
      knowledge.configure({ shippedDir: corpusDir, folders: [], catalogues: [] });
      await knowledge.whenReady();
      knowledge.configure({ shippedDir: corpusDir, folders: [], catalogues: [] });
      assert.strictEqual(knowledge.state, 'ready', 'the same sources: no load');
      knowledge.reload();
      assert.strictEqual(knowledge.state, 'loading');
      await knowledge.whenReady();
      knowledge.reload({ folders: [], catalogues: [] });
      await knowledge.whenReady();
      assert.strictEqual(knowledge.status().documents, 0);
      assert.deepStrictEqual(told, ['loading', 'indexing', 'ready', 'loading', 'indexing', 'ready', 'loading', 'indexing', 'ready']);
    } finally {
      knowledge.dispose();
    }
  });
});
