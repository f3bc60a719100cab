// Keeps the knowledge base current: loads the corpus in the background at start, reloads it
// when the corpus settings or the watched folders change, and never makes a request wait:
// until a load finishes, requests see the previous knowledge base. Loading, parsing and
// merging run in slices (pacer.ts); a newer load stops an older one.
//
// Each folder the loader walks is watched on its own, not the corpus folder recursively:
// Node's recursive watch on Linux walks and stats the whole tree synchronously when it starts
// (seconds for 10,000 files, with no request answered) and takes one inotify watch per file.
import { FSWatcher, watch } from 'fs';
import { fileURLToPath } from 'url';
import { loadCorpus, type CorpusSources, type LoadedCorpus, type LoadProgress } from './corpusLoader';
import { recordsChanged, type CorpusCache } from './corpusCache';
import { KnowledgeBase } from './knowledgeBase';
import type { SharedTexts } from '../cacheFile';
import type { CorpusProblem } from './types';

export interface CorpusServiceEvents {
  /** A load started; it supersedes any load still running. */
  started?(): void;
  /** Files read of those to read by the latest load. */
  progress?: LoadProgress;
  /**
   * A load finished; `newProblems` are those not reported by the previous load. `loaded` holds
   * what the load kept of each text for the agreed-language index: the listener reads it and lets
   * it go. `cachedTexts` are the paragraphs' texts of the records read from the cache, if any (the
   * cached index may name them rather than hold them).
   */
  loaded(kb: KnowledgeBase, elapsedMs: number, newProblems: string[], loaded: LoadedCorpus, cachedTexts?: SharedTexts): void;
  /** The latest load failed: the knowledge base stays as it was. */
  failed?(): void;
  log(message: string): void;
}

const RELOAD_DELAY_MS = 300;

export class CorpusService {
  private kb = KnowledgeBase.empty();
  private sources: CorpusSources | undefined;
  private generation = 0;
  private pending: Promise<void> = Promise.resolve();
  private loading: AbortController | undefined;
  private readonly watchers = new Map<string, FSWatcher>();
  private reloadTimer: NodeJS.Timeout | undefined;
  private reported = new Set<string>();
  private catalogueEntries = new Map<string, number>();

  /** Where each load's records are kept for the next start; none until a folder is given. */
  cache: CorpusCache | undefined;

  constructor(private readonly events: CorpusServiceEvents) {}

  get current(): KnowledgeBase {
    return this.kb;
  }

  /** The sources of the latest load, undefined until configured. */
  get configured(): CorpusSources | undefined {
    return this.sources;
  }

  /** The entries the loaded corpus read from each catalogue, by the catalogue's URI. */
  get catalogues(): ReadonlyMap<string, number> {
    return this.catalogueEntries;
  }

  /** Resolves when the latest requested load has finished (for tests and the CLI). */
  whenLoaded(): Promise<void> {
    return this.pending;
  }

  /** Loads the corpus from these sources unless they are the ones already loaded. */
  configure(sources: CorpusSources): void {
    if (this.sources && JSON.stringify(this.sources) === JSON.stringify(sources)) return;
    this.sources = sources;
    this.reload();
  }

  /** Loads the corpus again (from these sources when given), whether or not they changed. */
  reload(sources = this.sources): void {
    if (!sources) return;
    this.sources = sources;
    const generation = ++this.generation;
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    const { signal } = loading;
    const started = Date.now();
    const cache = this.cache;
    // Read while the loader walks the folders and reads the catalogues.
    const reading = cache?.read(sources);
    this.events.started?.();
    // A superseded load may read one more file before it sees the abort: its count is no longer news.
    const progress = (phase: 'loading' | 'indexing', done: number, total: number) => {
      if (generation === this.generation) this.events.progress?.(phase, done, total);
    };
    this.pending = (async () => {
      const loaded = await loadCorpus(sources, { signal, watch: (target) => this.watch(target), progress, cached: reading });
      const cached = await reading;
      const kb = await KnowledgeBase.buildAsync(loaded, signal);
      if (generation !== this.generation) return; // a newer load supersedes this one
      this.kb = kb;
      this.catalogueEntries = entriesByCatalogue(loaded);
      this.unwatchAllBut(new Set(loaded.watched));
      // Written before the index is built, whose peak of memory would otherwise add to this one's.
      if (cache && recordsChanged(loaded, cached)) await cache.write(sources, loaded.documents, signal);
      if (generation !== this.generation) return;
      const messages = loaded.problems.filter((problem) => !problem.quiet).map(describeProblem);
      const fresh = messages.filter((m) => !this.reported.has(m));
      this.reported = new Set(messages);
      this.events.loaded(this.kb, Date.now() - started, fresh, loaded, cached?.texts);
    })().catch((error) => {
      if (signal.aborted) return;
      this.events.log(`Loading the corpus failed: ${error instanceof Error ? error.stack : error}`);
      if (generation === this.generation) this.events.failed?.();
    });
  }

  private watch(target: string): void {
    if (this.watchers.has(target)) return;
    try {
      const watcher = watch(target, { persistent: false }, () => this.scheduleReload());
      watcher.on('error', () => undefined);
      this.watchers.set(target, watcher);
    } catch {
      // A path that does not exist is reported by the load; nothing to watch yet.
    }
  }

  private unwatchAllBut(keep: Set<string>): void {
    for (const [target, watcher] of this.watchers) {
      if (keep.has(target)) continue;
      watcher.close();
      this.watchers.delete(target);
    }
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.reload(), RELOAD_DELAY_MS);
    this.reloadTimer.unref?.();
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    this.loading?.abort();
    this.unwatchAllBut(new Set());
  }
}

/** The entries read from each catalogue: its rows (an entry of the shipped manifest gives two rows of one line). */
function entriesByCatalogue(loaded: LoadedCorpus): Map<string, number> {
  const rows = new Map<string, Set<number>>();
  for (const { uri, row } of loaded.rows) {
    let lines = rows.get(uri);
    if (!lines) rows.set(uri, (lines = new Set()));
    lines.add(row.line);
  }
  return new Map([...rows].map(([uri, lines]) => [uri, lines.size]));
}

/** One line naming the file (and row) of a problem. */
export function describeProblem(problem: CorpusProblem): string {
  let file = problem.uri;
  try {
    file = fileURLToPath(problem.uri);
  } catch {
    // not a file URI: keep it as it is
  }
  return problem.message.includes(file) ? problem.message : `${file}: ${problem.message}`;
}
