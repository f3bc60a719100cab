// What the language service knows beyond the open document: the knowledge base (the corpus's
// texts and catalogues, facts merged with their sources) and the agreed-language index built
// from its paragraphs. The two are rebuilt together: a new corpus load starts a new index build
// and stops the one it supersedes, and until the build finishes requests see the index of the
// previous corpus. Nothing here ever makes a request wait.
//
// The server keeps one `Knowledge` for its lifetime (`configure` on every settings change); the
// command line loads one once (`loadKnowledge`).
import { EMPTY_AGREED_INDEX } from './agreed/empty';
import { buildAgreedIndex, buildAgreedIndexAsync } from './agreed/index';
import type { AgreedLanguageIndex } from './agreed/types';
import { loadCorpus, type CorpusSources } from './corpus/corpusLoader';
import { CorpusService } from './corpus/corpusService';
import { KnowledgeBase } from './corpus/knowledgeBase';
import { CorpusActivity, corpusStatus } from './corpus/status';
import type { CorpusDocument, CorpusProblem } from './corpus/types';
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
  log?(message: string): void;
}

export class Knowledge implements KnowledgeView {
  private index: AgreedLanguageIndex = EMPTY_AGREED_INDEX;
  private build: AbortController | undefined;
  private indexing: Promise<void> = Promise.resolve();
  private readonly corpus: CorpusService;
  private readonly activity: CorpusActivity;

  constructor(private readonly events: KnowledgeEvents = {}) {
    this.activity = new CorpusActivity(events);
    this.corpus = new CorpusService({
      started: () => this.activity.loadStarted(),
      progress: (phase, done, total) => this.activity.progressed(phase, done, total),
      loaded: (kb, elapsedMs, newProblems) => {
        this.events.corpusLoaded?.(kb, elapsedMs, newProblems);
        this.indexing = this.indexAgreedLanguage(kb);
      },
      failed: () => this.activity.loadFailed(),
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

  dispose(): void {
    this.build?.abort();
    this.corpus.dispose();
  }

  /** Indexes the corpus paragraphs in the background; a newer corpus stops an older build. */
  private async indexAgreedLanguage(kb: KnowledgeBase): Promise<void> {
    this.build?.abort();
    const build = (this.build = new AbortController());
    this.activity.indexing(build);
    const started = Date.now();
    const documents = countedDocuments(kb, (done, total) => this.activity.progressed('indexing', done, total, build));
    try {
      const index = await buildAgreedIndexAsync(documents, { signal: build.signal });
      if (build.signal.aborted) return;
      this.index = index;
      this.events.agreedIndexed?.(index, Date.now() - started);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError' || build.signal.aborted) return;
      this.events.log?.(`Indexing agreed language failed: ${error instanceof Error ? error.stack : error}`);
    } finally {
      this.activity.indexed(build);
    }
  }
}

/**
 * The corpus's documents, each counted once the build is done with it: the build reads them
 * lazily, one at a time, so the count tells how far it has come without the build knowing.
 */
function* countedDocuments(kb: KnowledgeBase, report: (done: number, total: number) => void): Generator<CorpusDocument> {
  const documents = [...kb.documents()];
  let done = 0;
  for (const document of documents) {
    yield document;
    report(++done, documents.length);
  }
}

/** Knowledge loaded once, for the command line: the corpus, and the index when asked for. */
export interface LoadedKnowledge extends KnowledgeView {
  kb: KnowledgeBase;
  problems: readonly CorpusProblem[];
}

export async function loadKnowledge(
  sources: CorpusSources,
  options: { agreed: boolean; progress?: (phase: 'loading' | 'indexing', done: number, total: number) => void },
): Promise<LoadedKnowledge> {
  const { progress } = options;
  const loaded = await loadCorpus(sources, { progress });
  const kb = KnowledgeBase.build(loaded);
  const agreed = options.agreed ? buildAgreedIndex(progress ? countedDocuments(kb, (done, total) => progress('indexing', done, total)) : kb.documents()) : EMPTY_AGREED_INDEX;
  return { kb, agreed, problems: loaded.problems };
}
