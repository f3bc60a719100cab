// How a corpus load and its index build show their progress: the words ("Loading corpus: 312 of
// 705 files", "Indexing corpus: 4,210 of 20,000 documents"), shared by the server and the command
// line, and the server's work-done progress, one per phase of each load.
//
// The loader reports every file and the index build every document, thousands a second: what a
// client is sent is at most one report per PROGRESS_INTERVAL_MS, the latest numbers, so that
// progress never crowds out the answers to requests. A load that a newer one supersedes, or
// that fails, ends its progress at once: none is left spinning.
import type { CorpusState } from '../protocol';
import { grouped } from '../text';

export type CorpusPhase = 'loading' | 'indexing';

export const PROGRESS_INTERVAL_MS = 150;

export function progressTitle(phase: CorpusPhase): string {
  return phase === 'loading' ? 'Loading corpus' : 'Indexing corpus';
}

/**
 * "312 of 705 files". Once every file is read the load still merges what they say, and once
 * every document is read the build still ranks and indexes its wordings: the last numbers say
 * so rather than standing still at "705 of 705".
 */
export function progressMessage(phase: CorpusPhase, done: number, total: number): string | undefined {
  if (total === 0) return undefined;
  const noun = phase === 'loading' ? 'files' : 'documents';
  if (done < total) return `${grouped(done)} of ${grouped(total)} ${noun}`;
  return phase === 'loading' ? `${grouped(total)} files read, merging` : `${grouped(total)} documents read, building the index`;
}

/** "Loading corpus: 312 of 705 files". */
export function progressLine(phase: CorpusPhase, done: number, total: number): string {
  const message = progressMessage(phase, done, total);
  return message ? `${progressTitle(phase)}: ${message}` : progressTitle(phase);
}

/** Rises with the work but stays below 100 until the progress ends: merging or building follows the last file. */
export function progressPercentage(done: number, total: number): number {
  return total > 0 ? Math.min(99, Math.floor((done * 100) / total)) : 0;
}

/** The part of an LSP work-done progress the server uses (the connection's reporter has it). */
export interface WorkDoneProgress {
  begin(title: string, percentage?: number, message?: string): void;
  report(percentage: number, message: string): void;
  done(): void;
}

export interface ProgressClock {
  now(): number;
  setTimeout(run: () => void, ms: number): { unref?(): void };
  clearTimeout(timer: unknown): void;
}

const REAL_CLOCK: ProgressClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

/**
 * Shows each phase of each load as one work-done progress: told the state (`stateChanged`) it
 * ends the progress shown and begins one for the new phase; told the numbers (`progress`) it
 * reports the latest of them, throttled. `create` asks the client for a progress token, or is
 * undefined when the client cannot show one (no `window.workDoneProgress` capability).
 */
export class CorpusProgressReporter {
  private shown: PhaseProgress | undefined;

  constructor(
    private readonly create: () => Promise<WorkDoneProgress> | undefined,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
    private readonly clock: ProgressClock = REAL_CLOCK,
  ) {}

  stateChanged(state: CorpusState): void {
    this.shown?.end();
    this.shown = undefined;
    if (state === 'ready') return;
    const created = this.create();
    if (created) this.shown = new PhaseProgress(state, created, this.intervalMs, this.clock);
  }

  progress(phase: CorpusPhase, done: number, total: number): void {
    if (this.shown?.phase === phase) this.shown.update(done, total);
  }

  dispose(): void {
    this.shown?.end();
    this.shown = undefined;
  }
}

/** One phase of one load on the client's screen, from its creation to its end. */
class PhaseProgress {
  private reporter: WorkDoneProgress | undefined;
  private ended = false;
  private latest: { done: number; total: number } | undefined;
  private sentAt = 0;
  private timer: unknown;

  constructor(
    readonly phase: CorpusPhase,
    created: Promise<WorkDoneProgress>,
    private readonly intervalMs: number,
    private readonly clock: ProgressClock,
  ) {
    created.then(
      (reporter) => {
        // Begun even when it ended meanwhile, so that the client sees a whole progress: begin, end.
        reporter.begin(progressTitle(phase), 0);
        this.reporter = reporter;
        this.sentAt = this.clock.now();
        if (this.ended) reporter.done();
        else this.schedule();
      },
      () => {
        // The client refused the token: there is nothing to show this phase on.
        this.ended = true;
      },
    );
  }

  update(done: number, total: number): void {
    if (this.ended) return;
    this.latest = { done, total };
    this.schedule();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.reporter?.done();
  }

  private schedule(): void {
    if (!this.reporter || !this.latest || this.timer !== undefined) return;
    const wait = this.sentAt + this.intervalMs - this.clock.now();
    if (wait <= 0) {
      this.send();
      return;
    }
    const timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, wait);
    timer.unref?.();
    this.timer = timer;
  }

  private send(): void {
    if (this.ended || !this.reporter || !this.latest) return;
    const { done, total } = this.latest;
    this.latest = undefined;
    this.sentAt = this.clock.now();
    const message = progressMessage(this.phase, done, total);
    if (message) this.reporter.report(progressPercentage(done, total), message);
  }
}
