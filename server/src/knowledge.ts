// What the language service knows beyond the open document: the knowledge base (the corpus's
// texts and catalogues, facts merged with their sources) and the agreed-language index built
// from its paragraphs. The two are rebuilt together: a new corpus load starts a new index build
// and stops the one it supersedes, and until the build finishes requests see the index of the
// previous corpus. Nothing here ever makes a request wait.
//
// The server keeps one `Knowledge` for its lifetime (`configure` on every settings change); the
// command line loads one once (`loadKnowledge`).
//
// The index takes its paragraphs from the load's one pass over each text (kept compactly until
// the index has read them, then let go), document by document: never from parses.
import { createHash } from 'crypto';
import { EMPTY_AGREED_INDEX } from './agreed/empty';
import { AgreedIndex, buildAgreedIndex, buildAgreedIndexAsync } from './agreed/index';
import { indexContent, indexFromContent, indexTextsShared, INDEX_FILE_FORMAT } from './agreed/indexFile';
import { arrayDigest, readCacheFile, writeCacheFile, type CacheRead, type SharedTexts } from './cacheFile';
import { buildStamp, CORPUS_CACHE_FORMAT, CorpusCache, corpusCacheFile, recordsChanged } from './corpus/corpusCache';
import type { AgreedCorpusDocument, AgreedLanguageIndex } from './agreed/types';
import { loadCorpus, type CorpusSources } from './corpus/corpusLoader';
import { CorpusService } from './corpus/corpusService';
import { KnowledgeBase } from './corpus/knowledgeBase';
import { CorpusActivity, corpusStatus } from './corpus/status';
import type { CorpusProblem, LoadedDocument } from './corpus/types';
import type { CorpusState, CorpusStatus } from './protocol';

/** What the checks and lookups read: the current knowledge base and agreed-language index. */
export interface KnowledgeView {
  readonly kb: KnowledgeBase;
  readonly agreed: AgreedLanguageIndex;
}

export interface KnowledgeEvents {
  /** A corpus load finished; `newProblems` are those the previous load did not report. */
  corpusLoaded?(kb: KnowledgeBase, elapsedMs: number, newProblems: string[]): void;
  /** The agreed-language index of the current corpus is built. */
  agreedIndexed?(index: AgreedLanguageIndex, elapsedMs: number): void;
  /** Files read while loading, documents read while indexing, of the phase the state names. */
  progress?: (phase: 'loading' | 'indexing', done: number, total: number) => void;
  /**
   * The state changed, or a load started that supersedes one still running (told again as
   * 'loading': what was reported of the older load no longer counts).
   */
  stateChanged?(state: CorpusState): void;
  /** The index just built is in the cache: the next start reads it. */
  indexCached?(file: string): void;
  log?(message: string): void;
}

export class Knowledge implements KnowledgeView {
  private index: AgreedLanguageIndex = EMPTY_AGREED_INDEX;
  private build: AbortController | undefined;
  private indexing: Promise<void> = Promise.resolve();
  private readonly corpus: CorpusService;
  private readonly activity: CorpusActivity;
  private cacheFolder: string | undefined;
  private cacheWrite: Promise<void> = Promise.resolve();
  /** The index file read while the first corpus load runs. */
  private prefetched: { file: string; read: Promise<CacheRead>; stop: AbortController } | undefined;

  constructor(private readonly events: KnowledgeEvents = {}) {
    this.activity = new CorpusActivity(events);
    this.corpus = new CorpusService({
      started: () => {
        this.activity.loadStarted();
        this.prefetchIndex();
      },
      progress: (phase, done, total) => this.activity.progressed(phase, done, total),
      loaded: (kb, elapsedMs, newProblems, loaded, cachedTexts) => {
        this.events.corpusLoaded?.(kb, elapsedMs, newProblems);
        // The index alone holds the loaded documents from here: read, they can go.
        this.indexing = this.indexAgreedLanguage(loaded.documents, cachedTexts);
      },
      failed: () => {
        this.prefetched?.stop.abort();
        this.prefetched = undefined;
        this.activity.loadFailed();
      },
      log: (message) => this.events.log?.(message),
    });
  }

  /** Loading while a corpus load runs (the previous corpus answers meanwhile), then indexing, then ready. */
  get state(): CorpusState {
    return this.activity.state;
  }

  /** What the corpus holds now and what is being done with it. */
  status(): CorpusStatus {
    const { state, progress } = this.activity;
    return corpusStatus({ kb: this.kb, sources: this.corpus.configured, catalogues: this.corpus.catalogues, state, progress });
  }

  get kb(): KnowledgeBase {
    return this.corpus.current;
  }

  get agreed(): AgreedLanguageIndex {
    return this.index;
  }

  /**
   * Keeps each load's records and index in this folder for the next start (undefined: no cache).
   * Call before the first configure.
   */
  useCacheFolder(folder: string | undefined): void {
    this.cacheFolder = folder;
    this.corpus.cache = folder ? new CorpusCache(folder, recordsVersion(), { log: (message) => this.events.log?.(message) }) : undefined;
  }

  /** Loads the corpus from these sources (unless they are the ones loaded), in the background. */
  configure(sources: CorpusSources): void {
    this.corpus.configure(sources);
  }

  /** Loads the corpus again (from these sources when given), even when nothing changed. */
  reload(sources?: CorpusSources): void {
    this.corpus.reload(sources);
  }

  /** Resolves when the latest corpus load has finished (its index may still be building). */
  whenLoaded(): Promise<void> {
    return this.corpus.whenLoaded();
  }

  /** Resolves when the latest load and its index build have finished (tests, the bench). */
  async whenReady(): Promise<void> {
    await this.corpus.whenLoaded();
    await this.indexing;
  }

  /** Resolves once the index being written to the cache, if any, is written (a shutdown waits for it). */
  whenCacheWritten(): Promise<void> {
    return this.cacheWrite;
  }

  dispose(): void {
    this.build?.abort();
    this.prefetched?.stop.abort();
    this.corpus.dispose();
  }

  /**
   * At a start (no index yet), reads the index cached for the sources while their corpus loads:
   * whether it is the index of what loads is known only once the load is done, but an unchanged
   * corpus, the usual start, then waits for the two files read side by side, not one after the
   * other. A later load reads the index once it is done, and only when the documents are those the
   * file was built from.
   */
  private prefetchIndex(): void {
    this.prefetched?.stop.abort();
    this.prefetched = undefined;
    const sources = this.corpus.configured;
    if (!this.cacheFolder || !sources || this.index !== EMPTY_AGREED_INDEX) return;
    const file = corpusCacheFile(this.cacheFolder, sources, 'index');
    const stop = new AbortController();
    this.prefetched = { file, stop, read: readCacheFile(file, indexVersion(), { signal: stop.signal, checkLater: true }) };
  }

  /** Indexes the corpus paragraphs in the background (or reads the index cached for them); a newer corpus stops an older build. */
  private async indexAgreedLanguage(loaded: readonly LoadedDocument[], cachedTexts: SharedTexts | undefined): Promise<void> {
    this.build?.abort();
    const build = (this.build = new AbortController());
    this.activity.indexing(build);
    const started = Date.now();
    const sources = this.corpus.configured;
    const cacheFile = this.cacheFolder && sources ? corpusCacheFile(this.cacheFolder, sources, 'index') : undefined;
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    if (prefetched && prefetched.file !== cacheFile) prefetched.stop.abort();
    const fingerprint = cacheFile ? documentsFingerprint(loaded) : '';
    let documents: Iterable<AgreedCorpusDocument> = agreedDocuments(loaded, (done, total) => this.activity.progressed('indexing', done, total, build));
    const log = (message: string) => this.events.log?.(message);
    // The documents' paragraphs (some 190 MB at 20,000 texts) must go once the build has read
    // them, before its peak: a parameter of this function would hold them to its end.
    // eslint-disable-next-line no-useless-assignment -- drops this frame's reference for the collector
    loaded = [];
    try {
      const read = prefetched?.file === cacheFile ? prefetched?.read : undefined;
      const cached = cacheFile ? await readCachedIndex(cacheFile, fingerprint, cachedTexts, log, read) : undefined;
      if (build.signal.aborted) return;
      const building = cached ? Promise.resolve(cached) : buildAgreedIndexAsync(documents, { signal: build.signal });
      documents = [];
      const index = await building;
      if (build.signal.aborted) return;
      this.index = index;
      this.events.agreedIndexed?.(index, Date.now() - started);
      if (cacheFile && sources && !cached) {
        const writing = (this.cacheWrite = writeIndex(cacheFile, index, fingerprint, log, this.corpus.cache?.textsDigests(sources)));
        await writing;
        if (!build.signal.aborted) this.events.indexCached?.(cacheFile);
      }
    } catch (error) {
      if ((error as Error)?.name === 'AbortError' || build.signal.aborted) return;
      this.events.log?.(`Indexing agreed language failed: ${error instanceof Error ? error.stack : error}`);
    } finally {
      this.activity.indexed(build);
    }
  }
}

/** The version stamps of the cache files: their format and the build that writes them. */
const recordsVersion = () => `records ${CORPUS_CACHE_FORMAT}, build ${buildStamp()}`;
const indexVersion = () => `index ${INDEX_FILE_FORMAT}, build ${buildStamp()}`;

/**
 * The index cached for these documents, if any (`read`: the file's read already started); a
 * damaged or outdated file is logged and ignored. `texts` are those of the records read back,
 * which the file may name rather than hold.
 */
async function readCachedIndex(
  file: string,
  fingerprint: string,
  texts: SharedTexts | undefined,
  log: (message: string) => void,
  read?: Promise<CacheRead>,
): Promise<AgreedIndex | undefined> {
  // The index is made from the arrays while they are checked, and used only once they are found whole.
  const result = await (read ?? readCacheFile(file, indexVersion(), { checkLater: true }));
  if ('missing' in result) return undefined;
  if ('discarded' in result) {
    log(`Index cache ${file} ${result.discarded}; discarded, the index is built again.`);
    return undefined;
  }
  // Built from other documents (a file changed): not damaged, only out of date.
  if ((result.content.json as { fingerprint?: unknown } | null)?.fingerprint !== fingerprint) return undefined;
  let index: AgreedIndex | undefined;
  try {
    index = indexFromContent(result.content, fingerprint, {}, texts);
  } catch {
    // Arrays of a shape no check foresaw: damage, which the digests say.
  }
  const damaged = await result.content.checked;
  if (damaged !== undefined) {
    log(`Index cache ${file} ${damaged}; discarded, the index is built again.`);
    return undefined;
  }
  if (!index && indexTextsShared(result.content)) log(`Index cache ${file} names texts the corpus cache no longer holds; discarded, the index is built again.`);
  else if (!index) log(`Index cache ${file} does not hold a whole index; discarded, the index is built again.`);
  return index;
}

/**
 * What the index was built from, in the order it read it: each document's name, symbols and file
 * stamp. The same fingerprint means the same paragraphs, since a file's records are its stamp's.
 */
export function documentsFingerprint(documents: readonly LoadedDocument[]): string {
  const hash = createHash('sha1');
  for (const { document, file } of documents) hash.update(`${document.uri}\0${document.symbol ?? ''}\0${document.adoptedAs ?? ''}\0${file ? `${file.size}:${file.mtimeMs}` : 'memory'}\n`);
  return hash.digest('hex');
}

/** Knowledge loaded once, for the command line: the corpus, and the index when asked for. */
export interface LoadedKnowledge extends KnowledgeView {
  kb: KnowledgeBase;
  problems: readonly CorpusProblem[];
}

export async function loadKnowledge(
  sources: CorpusSources,
  options: {
    agreed: boolean;
    progress?: (phase: 'loading' | 'indexing', done: number, total: number) => void;
    /** Where the records and the index are kept for the next run (none: read everything, keep nothing). */
    cacheFolder?: string;
    log?: (message: string) => void;
  },
): Promise<LoadedKnowledge> {
  const { progress, cacheFolder } = options;
  const log = options.log ?? (() => undefined);
  const cache = cacheFolder ? new CorpusCache(cacheFolder, recordsVersion(), { log }) : undefined;
  const indexFile = cacheFolder && options.agreed ? corpusCacheFile(cacheFolder, sources, 'index') : undefined;
  // Read beside the records: an unchanged corpus waits for the two files at once.
  const indexRead = indexFile ? readCacheFile(indexFile, indexVersion(), { checkLater: true }) : undefined;
  const reading = cache?.read(sources);
  const loaded = await loadCorpus(sources, { progress, cached: reading });
  const cached = await reading;
  const kb = KnowledgeBase.build(loaded);
  if (cache && recordsChanged(loaded, cached)) await cache.write(sources, loaded.documents);
  if (!options.agreed) return { kb, agreed: EMPTY_AGREED_INDEX, problems: loaded.problems };
  const fingerprint = indexFile ? documentsFingerprint(loaded.documents) : '';
  let agreed = indexFile ? await readCachedIndex(indexFile, fingerprint, cached?.texts, log, indexRead) : undefined;
  if (!agreed) {
    agreed = buildAgreedIndex(agreedDocuments(loaded.documents, progress && ((done, total) => progress('indexing', done, total))));
    if (indexFile) await writeIndex(indexFile, agreed, fingerprint, log, cache?.textsDigests(sources));
  }
  return { kb, agreed, problems: loaded.problems };
}

/**
 * Writes the index to the cache; without its texts when they are those of the records file
 * (`recordsTexts`: the digests of its two arrays), which then holds them for both.
 */
async function writeIndex(file: string, index: AgreedIndex, fingerprint: string, log: (message: string) => void, recordsTexts?: { bytes: string; offsets: string }): Promise<void> {
  try {
    const { texts } = index.indexData;
    const shared = recordsTexts && (await arrayDigest(texts.bytes)) === recordsTexts.bytes && (await arrayDigest(texts.offsets)) === recordsTexts.offsets;
    await writeCacheFile(file, indexVersion(), indexContent(index, fingerprint, shared ? recordsTexts : undefined));
  } catch (error) {
    log(`Index cache ${file} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next start builds the index again.`);
  }
}

/**
 * The loaded documents as the index reads them, one at a time, their paragraphs from where the
 * load kept them; each counted once the build is done with it (the build reads them lazily, so the
 * count tells how far it has come without the build knowing). Read to the end, it lets the list
 * go: a generator would keep it, and with it every paragraph of the load (some 190 MB at 20,000
 * texts), to the end of the build, whose peak of memory it would add to.
 */
export function agreedDocuments(documents: readonly LoadedDocument[], report?: (done: number, total: number) => void): IterableIterator<AgreedCorpusDocument> {
  let list: readonly LoadedDocument[] | undefined = documents;
  let done = 0;
  const iterator: IterableIterator<AgreedCorpusDocument> = {
    [Symbol.iterator]: () => iterator,
    next(): IteratorResult<AgreedCorpusDocument> {
      if (list && done > 0) report?.(done, list.length);
      if (!list || done >= list.length) {
        list = undefined;
        return { done: true, value: undefined };
      }
      const { document, paragraphs } = list[done++];
      return { done: false, value: { uri: document.uri, symbol: document.symbol, adoptedAs: document.adoptedAs, paragraphs: paragraphs.source.paragraphs(paragraphs.doc) } };
    },
  };
  return iterator;
}
