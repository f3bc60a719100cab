// The on-disk cache of corpus records: a second load of an unchanged corpus reads no text and
// knows what the first knew; a changed file is read again and the rest still come from the cache;
// a damaged file or one of another version is discarded with a message and the corpus read again.
import * as assert from 'assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildStamp, cacheFolderOf, CorpusCache, corpusCacheFile, defaultCacheFolder, recordsChanged } from '../../../server/src/corpus/corpusCache';
import { loadCorpus, type CorpusSources, type LoadedCorpus } from '../../../server/src/corpus/corpusLoader';
import { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { ParseCache } from '../../../server/src/corpus/parseCache';
import { repoRoot } from '../../helpers';

const BULK = path.join(repoRoot, 'test', 'fixtures', 'real', 'bulk');
const FILES = ['A_RES_78_1.pymupdf.txt', 'A_RES_78_10.pymupdf.txt', 'A_RES_78_100.pymupdf.txt'];

/** What a load knows of its texts, to compare a cached load with a fresh one. */
function knowledgeOf(loaded: LoadedCorpus) {
  return loaded.documents
    .map(({ document, facts, citations, paragraphs }) => ({
      uri: document.uri,
      symbol: document.symbol,
      title: document.title,
      facts,
      citations: Array.from({ length: citations.length }, (_, i) => citations.record(i)),
      paragraphs: [...paragraphs.source.paragraphs(paragraphs.doc)],
    }))
    .sort((a, b) => a.uri.localeCompare(b.uri));
}

describe('corpus cache', () => {
  let dir: string;
  let corpus: string;
  let folder: string;
  let logs: string[];
  let cache: CorpusCache;
  let sources: CorpusSources;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unres-cache-'));
    corpus = path.join(dir, 'corpus');
    folder = path.join(dir, 'cache');
    mkdirSync(corpus);
    for (const file of FILES) copyFileSync(path.join(BULK, file), path.join(corpus, file));
    logs = [];
    cache = new CorpusCache(folder, 'test 1', { log: (message) => logs.push(message) });
    sources = { folders: [corpus], catalogues: [] };
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function load(withCache = cache): Promise<{ loaded: LoadedCorpus; parses: ParseCache }> {
    const parses = new ParseCache();
    const cached = await withCache.read(sources);
    const loaded = await loadCorpus(sources, { cached, parses });
    if (recordsChanged(loaded, cached)) await withCache.write(sources, loaded.documents);
    return { loaded, parses };
  }

  it('serves an unchanged corpus from the cache, reading no text, with what a fresh load knows', async () => {
    const first = await load();
    assert.strictEqual(first.loaded.fromCache, undefined);
    assert.ok(statSync(corpusCacheFile(folder, sources, 'corpus')).size > 0);
    const second = await load();
    assert.strictEqual(second.loaded.fromCache, FILES.length);
    assert.deepStrictEqual(knowledgeOf(second.loaded), knowledgeOf(first.loaded));
    assert.strictEqual(second.parses.readCount, 0);
    // The knowledge base built from cached records answers as the fresh one does.
    const fresh = KnowledgeBase.build(first.loaded);
    const cached = KnowledgeBase.build(second.loaded);
    assert.strictEqual(cached.size, fresh.size);
    assert.deepStrictEqual(cached.lookup('A/RES/78/1')?.titles.map((t) => t.value), fresh.lookup('A/RES/78/1')?.titles.map((t) => t.value));
    const entries = (kb: KnowledgeBase) => [...kb.entries()].map((entry) => ({ ...entry, texts: entry.texts.map((text) => text.uri) }));
    assert.deepStrictEqual(entries(cached), entries(fresh));
    // A cached document is still parsed on demand from its file.
    const document = cached.document(second.loaded.documents[0].document.uri)!;
    assert.ok(document.parsed()!.model.operative.length > 0);
    assert.deepStrictEqual(logs, []);
  });

  it('reads again only the file that changed, and writes the cache again', async () => {
    await load();
    const changed = path.join(corpus, FILES[1]);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace('The General Assembly', 'The  General Assembly'));
    const second = await load();
    assert.strictEqual(second.loaded.fromCache, FILES.length - 1);
    assert.strictEqual(second.parses.readCount, 0);
    const third = await load();
    assert.strictEqual(third.loaded.fromCache, FILES.length);
    const reread = third.loaded.documents.find((d) => d.file?.path === changed)!;
    assert.ok([...reread.paragraphs.source.paragraphs(reread.paragraphs.doc)].length > 0);
  });

  it('does not take a record for a file whose modification time changed', async () => {
    await load();
    const touched = path.join(corpus, FILES[0]);
    const later = new Date(statSync(touched).mtimeMs + 60_000);
    utimesSync(touched, later, later);
    const second = await load();
    assert.strictEqual(second.loaded.fromCache, FILES.length - 1);
  });

  it('drops a file removed from the corpus from the cache', async () => {
    await load();
    rmSync(path.join(corpus, FILES[2]));
    const second = await load();
    assert.strictEqual(second.loaded.documents.length, FILES.length - 1);
    const third = await load();
    assert.strictEqual(third.loaded.fromCache, FILES.length - 1);
  });

  it('discards a damaged cache with a message, and reads the corpus again', async () => {
    const first = await load();
    const file = corpusCacheFile(folder, sources, 'corpus');
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(file, bytes);
    const second = await load();
    assert.strictEqual(second.loaded.fromCache, undefined);
    assert.deepStrictEqual(knowledgeOf(second.loaded), knowledgeOf(first.loaded));
    assert.strictEqual(logs.length, 1);
    assert.match(logs[0], /damaged.*discarded/);
    // Written again whole: the next start uses it.
    assert.strictEqual((await load()).loaded.fromCache, FILES.length);
  });

  it('discards a cache cut short or of another kind', async () => {
    await load();
    const file = corpusCacheFile(folder, sources, 'corpus');
    writeFileSync(file, readFileSync(file).subarray(0, 200));
    assert.strictEqual((await load()).loaded.fromCache, undefined);
    writeFileSync(file, '{"hunter2": "secret"}');
    assert.strictEqual((await load()).loaded.fromCache, undefined);
    assert.strictEqual(logs.length, 2);
    for (const message of logs) assert.ok(!/hunter2|secret/.test(message), 'the message never quotes the file');
  });

  it('discards a cache written by another version', async () => {
    await load();
    const other = new CorpusCache(folder, 'test 2', { log: (message) => logs.push(message) });
    const second = await load(other);
    assert.strictEqual(second.loaded.fromCache, undefined);
    assert.match(logs[0], /another version; discarded/);
    assert.strictEqual((await load(other)).loaded.fromCache, FILES.length);
  });

  it('leaves no temporary file beside the cache', async () => {
    await load();
    await load();
    const file = corpusCacheFile(folder, sources, 'corpus');
    assert.deepStrictEqual(
      readdirSync(folder).filter((name) => name !== path.basename(file)),
      [],
    );
  });

  it('serves an empty corpus from the cache', async () => {
    for (const file of FILES) rmSync(path.join(corpus, file));
    const first = await load();
    assert.strictEqual(first.loaded.documents.length, 0);
    const cached = await cache.read(sources);
    assert.strictEqual(cached?.size, 0);
    assert.deepStrictEqual(logs, []);
  });

  it('keeps the cache through an identical rebuild of the server, and discards it after a changed one', async () => {
    const bundle = path.join(dir, 'server.js');
    writeFileSync(bundle, 'console.log(1);\n');
    const first = buildStamp(bundle);
    await load(new CorpusCache(folder, `records 1, build ${first}`, { log: (message) => logs.push(message) }));
    // Built again: the same code, a new modification time.
    const rebuilt = path.join(dir, 'rebuilt.js');
    writeFileSync(rebuilt, 'console.log(1);\n');
    utimesSync(rebuilt, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    assert.strictEqual(buildStamp(rebuilt), first);
    const same = await load(new CorpusCache(folder, `records 1, build ${buildStamp(rebuilt)}`, { log: (message) => logs.push(message) }));
    assert.strictEqual(same.loaded.fromCache, FILES.length);
    const changed = path.join(dir, 'changed.js');
    writeFileSync(changed, 'console.log(2);\n');
    assert.notStrictEqual(buildStamp(changed), first);
    const other = await load(new CorpusCache(folder, `records 1, build ${buildStamp(changed)}`, { log: (message) => logs.push(message) }));
    assert.strictEqual(other.loaded.fromCache, undefined);
    assert.strictEqual(logs.length, 1);
    assert.match(logs[0], /written by another version; discarded, the corpus is read again/);
  });

  it('keeps one cache per set of sources', () => {
    assert.notStrictEqual(corpusCacheFile(folder, sources, 'corpus'), corpusCacheFile(folder, { folders: [corpus, dir], catalogues: [] }, 'corpus'));
    assert.notStrictEqual(corpusCacheFile(folder, sources, 'corpus'), corpusCacheFile(folder, sources, 'index'));
  });
});


describe('cache folder', () => {
  it('follows the platform', () => {
    assert.strictEqual(defaultCacheFolder({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u'), path.join('/x/cache', 'unres'));
    assert.strictEqual(defaultCacheFolder({}, 'linux', '/home/u'), path.join('/home/u', '.cache', 'unres'));
    assert.strictEqual(defaultCacheFolder({}, 'darwin', '/Users/u'), path.join('/Users/u', 'Library', 'Caches', 'unres'));
    assert.strictEqual(defaultCacheFolder({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32', 'C:\\Users\\u'), path.join('C:\\Users\\u\\AppData\\Local', 'unres', 'Cache'));
  });

  it('is the one the command line or the client names, or none', () => {
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    const here = path.resolve('somewhere');
    assert.strictEqual(cacheFolderOf(['--no-cache'], { cacheFolder: here }, warn), undefined);
    assert.strictEqual(cacheFolderOf(['--cache-dir', here], {}, warn), here);
    assert.strictEqual(cacheFolderOf([], { cacheFolder: here }, warn), here);
    assert.strictEqual(cacheFolderOf([], { cacheFolder: null }, warn), undefined);
    assert.strictEqual(cacheFolderOf([], {}, warn), defaultCacheFolder());
    assert.deepStrictEqual(warnings, []);
    assert.strictEqual(cacheFolderOf([], { cacheFolder: 'relative' }, warn), defaultCacheFolder());
    assert.strictEqual(warnings.length, 1);
  });
});
