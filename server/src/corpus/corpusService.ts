// Keeps the knowledge base current: loads the corpus in the background at start, reloads it
// when the corpus settings or the watched folders change, and never makes a request wait:
// until a load finishes, requests see the previous knowledge base.
import { FSWatcher, watch } from 'fs';
import { fileURLToPath } from 'url';
import { loadCorpus, type CorpusSources } from './corpusLoader';
import { KnowledgeBase } from './knowledgeBase';
import type { CorpusProblem } from './types';

export interface CorpusServiceEvents {
  /** A load finished; `newProblems` are those not reported by the previous load. */
  loaded(kb: KnowledgeBase, elapsedMs: number, newProblems: string[]): void;
  log(message: string): void;
}

const RELOAD_DELAY_MS = 300;

export class CorpusService {
  private kb = KnowledgeBase.empty();
  private sources: CorpusSources | undefined;
  private generation = 0;
  private pending: Promise<void> = Promise.resolve();
  private watchers: FSWatcher[] = [];
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
    this.watchFolders([...sources.folders, ...sources.catalogues]);
    this.reload();
  }

  reload(): void {
    const sources = this.sources;
    if (!sources) return;
    const generation = ++this.generation;
    const started = Date.now();
    this.pending = loadCorpus(sources)
      .then((loaded) => {
        if (generation !== this.generation) return; // a newer load supersedes this one
        this.kb = KnowledgeBase.build(loaded);
        const messages = loaded.problems.map(describeProblem);
        const fresh = messages.filter((m) => !this.reported.has(m));
        this.reported = new Set(messages);
        this.events.loaded(this.kb, Date.now() - started, fresh);
      })
      .catch((error) => this.events.log(`Loading the corpus failed: ${error instanceof Error ? error.stack : error}`));
  }

  private watchFolders(paths: string[]): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
    for (const target of paths) {
      try {
        const watcher = watch(target, { recursive: true, persistent: false }, () => this.scheduleReload());
        watcher.on('error', () => undefined);
        this.watchers.push(watcher);
      } catch {
        // A folder that does not exist is reported by the load; nothing to watch yet.
      }
    }
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => this.reload(), RELOAD_DELAY_MS);
    this.reloadTimer.unref?.();
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
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
