// The corpus's progress and status over the protocol, on a folder of 300 generated texts: a
// client that can show work-done progress is sent one progress per phase of each load (create,
// begin, reports with rising numbers at most every 150 ms, end), one that cannot is sent none;
// unres/corpusStatusChanged tells each change of state; unres/corpusStatus and
// unres/reloadCorpus answer.
import * as assert from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CORPUS_STATUS_REQUEST, RELOAD_CORPUS_REQUEST, type CorpusStatus } from '../../server/src/protocol';
import { corpusDir, writeGeneratedCorpus } from '../helpers';
import { LspClient } from './lspClient';

const GENERATED = 300;
const DOCUMENTS = GENERATED + 5;

type ProgressEvent = LspClient['progress'][number];

/** The progress of each token, in the order the tokens were created. */
function byToken(events: readonly ProgressEvent[]): ProgressEvent[][] {
  const tokens = new Map<string, ProgressEvent[]>();
  for (const event of events) {
    if (!tokens.has(event.token)) tokens.set(event.token, []);
    tokens.get(event.token)!.push(event);
  }
  return [...tokens.values()];
}

/** "312 of 705 files" -> [312, 705]; "705 files read, merging" -> [705, 705]. */
function numbers(message: string | undefined): [number, number] {
  const plain = (text: string) => Number(text.replace(/,/g, ''));
  const of = /^([\d,]+) of ([\d,]+) (?:files|documents)$/.exec(message ?? '');
  if (of) return [plain(of[1]), plain(of[2])];
  const all = /^([\d,]+) (?:files read, merging|documents read, building the index)$/.exec(message ?? '');
  assert.ok(all, `unexpected progress message: ${message}`);
  return [plain(all[1]), plain(all[1])];
}

/** Every token: created, begun once, ended once, reports between with rising numbers, throttled. */
function assertWellFormed(events: readonly ProgressEvent[]): void {
  for (const token of byToken(events)) {
    const kinds = token.map((event) => event.kind);
    assert.deepStrictEqual([kinds[0], kinds[1], kinds[kinds.length - 1]], ['create', 'begin', 'end'], kinds.join(' '));
    assert.ok(kinds.slice(2, -1).every((kind) => kind === 'report'), kinds.join(' '));
    const reports = token.filter((event) => event.kind === 'report');
    const done = reports.map((report) => numbers(report.message)[0]);
    assert.deepStrictEqual(done, [...done].sort((a, b) => a - b), `numbers rise: ${done.join(', ')}`);
    const percentages = reports.map((report) => report.percentage ?? 0);
    assert.deepStrictEqual(percentages, [...percentages].sort((a, b) => a - b));
    assert.ok(percentages.every((p) => p >= 0 && p < 100));
    // At most one report each 150 ms on the server's clock; the pipe may bunch a few together.
    const span = token[token.length - 1].at - token[1].at;
    assert.ok(reports.length <= 2 + span / 100, `${reports.length} reports in ${span} ms`);
  }
  // One progress at a time: a phase ends before the next begins.
  let open = 0;
  for (const event of events) {
    if (event.kind === 'begin') open++;
    if (event.kind === 'end') open--;
    assert.ok(open <= 1, 'two progresses shown at once');
  }
  assert.strictEqual(open, 0, 'a progress was left open');
}

describe('protocol: corpus progress and status', function () {
  this.timeout(90_000);
  let root: string;
  let texts: string;
  let named: string;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'unres-progress-'));
    texts = path.join(root, 'texts');
    writeGeneratedCorpus(texts, GENERATED);
    named = path.join(root, 'named.csv');
    writeFileSync(named, 'symbol,title,date\nA/RES/76/1,One,2021-09-21\nA/RES/76/2,Two,SECRET-VALUE\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const start = (workDoneProgress: boolean, corpusStatusNotifications = true) =>
    LspClient.start(['--stdio'], { 'unres.corpus': { paths: [texts] } }, root, { workDoneProgress, initializationOptions: { corpusStatusNotifications } });

  /** The first status after `after` statuses that is ready. */
  const readyAfter = (client: LspClient, after: number) =>
    client.until(async () => client.corpusStatuses.slice(after).find((status) => status.state === 'ready'), 60_000);

  describe('a client that shows work-done progress', () => {
    let client: LspClient;
    before(async () => {
      client = await start(true);
      await readyAfter(client, 0);
    });
    after(() => client.stop());

    it('loading and indexing: one progress each, created, begun, reported with rising numbers, ended', () => {
      assertWellFormed(client.progress);
      const tokens = byToken(client.progress);
      assert.deepStrictEqual(
        tokens.map((token) => token.find((event) => event.kind === 'begin')?.title),
        ['Loading corpus', 'Indexing corpus'],
      );
      const loading = tokens[0].filter((event) => event.kind === 'report');
      assert.ok(loading.length >= 1, 'a load of 300 files is reported while it runs');
      for (const report of loading) assert.strictEqual(numbers(report.message)[1], DOCUMENTS, report.message);
      assert.match(loading[0].message!, /^[\d,]+ of 305 files$|^305 files read, merging$/);
      for (const report of tokens[1].filter((event) => event.kind === 'report')) assert.strictEqual(numbers(report.message)[1], DOCUMENTS);
    });

    it('unres/corpusStatusChanged tells loading, indexing, ready, with the documents of each moment', () => {
      assert.deepStrictEqual(
        client.corpusStatuses.map((status) => `${status.state} ${status.documents}`),
        ['loading 0', `indexing ${DOCUMENTS}`, `ready ${DOCUMENTS}`],
      );
    });

    it('unres/corpusStatus: documents, symbols, folders with their documents, catalogues', async () => {
      const status = await client.connection.sendRequest<CorpusStatus>(CORPUS_STATUS_REQUEST);
      assert.strictEqual(status.state, 'ready');
      assert.strictEqual(status.documents, DOCUMENTS);
      assert.ok(status.catalogueEntries >= DOCUMENTS, `${status.catalogueEntries} symbols`);
      assert.deepStrictEqual(status.folders, [
        { path: corpusDir, shipped: true, documents: 5 },
        { path: texts, shipped: false, documents: GENERATED },
      ]);
      assert.deepStrictEqual(status.catalogues, [{ path: path.join(corpusDir, 'catalogue.json'), shipped: true, entries: 5 }]);
      assert.deepStrictEqual([status.problems, status.problemCount, status.progress], [[], 0, undefined]);
    });

    it('unres/reloadCorpus reads the settings again and loads, with a progress of its own', async () => {
      const statuses = client.corpusStatuses.length;
      const progress = client.progress.length;
      // Not announced by didChangeConfiguration: the reload must pull the settings itself.
      client.settings['unres.corpus'] = { paths: [texts], catalogues: [named] };
      const started = await client.connection.sendRequest<CorpusStatus>(RELOAD_CORPUS_REQUEST);
      assert.strictEqual(started.state, 'loading');
      const ready = await readyAfter(client, statuses);
      assert.strictEqual(ready.documents, DOCUMENTS);
      assert.deepStrictEqual(ready.catalogues[1], { path: named, shipped: false, entries: 2 });
      assert.strictEqual(ready.problemCount, 1);
      assert.deepStrictEqual(ready.problems[0].uri, pathToFileURL(named).toString());
      assert.strictEqual(ready.problems[0].line, 3);
      assert.ok(ready.problems[0].message.includes(named), ready.problems[0].message);
      assert.ok(!ready.problems[0].message.includes('SECRET'), ready.problems[0].message);
      const reloaded = client.progress.slice(progress);
      assertWellFormed(reloaded);
      assert.deepStrictEqual(byToken(reloaded).map((token) => token[1].title), ['Loading corpus', 'Indexing corpus']);
    });

    it('a reload while a load runs ends the older load\'s progress and begins its own; none is left open', async () => {
      const statuses = client.corpusStatuses.length;
      const progress = client.progress.length;
      await client.connection.sendRequest(RELOAD_CORPUS_REQUEST);
      // The second reload comes while the first reads its 300 files.
      await client.until(async () => (client.progress.slice(progress).some((event) => event.kind === 'begin') ? true : undefined));
      await client.connection.sendRequest(RELOAD_CORPUS_REQUEST);
      await readyAfter(client, statuses);
      const states = client.corpusStatuses.slice(statuses).map((status) => status.state);
      assert.deepStrictEqual(states, ['loading', 'loading', 'indexing', 'ready']);
      const reloaded = client.progress.slice(progress);
      assertWellFormed(reloaded);
      assert.deepStrictEqual(byToken(reloaded).map((token) => token[1].title), ['Loading corpus', 'Loading corpus', 'Indexing corpus']);
    });
  });

  it('a client that does not ask for unres/corpusStatusChanged is not sent it', async () => {
    const client = await start(true, false);
    try {
      // The progress of the first load ends when it is ready: then every notification has come.
      await client.until(async () => (byToken(client.progress).some((token) => token[1]?.title === 'Indexing corpus' && token.at(-1)?.kind === 'end') ? true : undefined), 60_000);
      assert.deepStrictEqual(client.corpusStatuses, []);
      assert.strictEqual((await client.connection.sendRequest<CorpusStatus>(CORPUS_STATUS_REQUEST)).state, 'ready');
    } finally {
      await client.stop();
    }
  });

  describe('a client that does not declare window.workDoneProgress', () => {
    let client: LspClient;
    before(async () => {
      client = await start(false);
      await readyAfter(client, 0);
    });
    after(() => client.stop());

    it('is sent no progress, only the changes of state', async () => {
      const statuses = client.corpusStatuses.length;
      await client.connection.sendRequest(RELOAD_CORPUS_REQUEST);
      await readyAfter(client, statuses);
      assert.deepStrictEqual(client.progress, []);
      assert.deepStrictEqual(
        client.corpusStatuses.map((status) => status.state),
        ['loading', 'indexing', 'ready', 'loading', 'indexing', 'ready'],
      );
    });
  });
});
