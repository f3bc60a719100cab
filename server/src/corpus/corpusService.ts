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
import { KnowledgeBase } from './knowledgeBase';
import type { CorpusProblem } from './types';

export interface CorpusServiceEvents {
  /**
   * A load finished; `newProblems` are those not reported by the previous load. `loaded` holds
   * what the load kept of each text for the agreed-language index: the listener reads it and lets
   * it go.
   */
  loaded(kb: KnowledgeBase, elapsedMs: number, newProblems: string[], loaded: LoadedCorpus): void;
  log(message: string): void;
  progress?: LoadProgress;
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

  constructor(private readonly events: CorpusServiceEvents) {}

  get current(): KnowledgeBase {
    return this.kb;
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

  reload(): void {
    const sources = this.sources;
    if (!sources) return;
    const generation = ++this.generation;
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    const { signal } = loading;
    const started = Date.now();
    this.pending = (async () => {
      const loaded = await loadCorpus(sources, { signal, watch: (target) => this.watch(target), progress: this.events.progress });
      const kb = await KnowledgeBase.buildAsync(loaded, signal);
      if (generation !== this.generation) return; // a newer load supersedes this one
      this.kb = kb;
      this.unwatchAllBut(new Set(loaded.watched));
      const messages = loaded.problems.map(describeProblem);
      const fresh = messages.filter((m) => !this.reported.has(m));
      this.reported = new Set(messages);
      this.events.loaded(this.kb, Date.now() - started, fresh, loaded);
    })().catch((error) => {
      if (signal.aborted) return;
      this.events.log(`Loading the corpus failed: ${error instanceof Error ? error.stack : error}`);
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
