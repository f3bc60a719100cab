// The progress line of a corpus load on a terminal: "Loading corpus: 312 of 705 files" on stderr,
// rewritten in place, and wiped before anything else is printed. Only on a terminal: piped or
// redirected, stderr holds warnings that scripts read, and a line rewritten with \r is noise in
// a log. A load that finishes within the first interval prints nothing at all.
import { progressLine, type CorpusPhase } from '../corpus/progress';

/** What the printer needs of a stream: process.stderr has it. */
export interface ProgressStream {
  isTTY?: boolean;
  /** The terminal's width: a longer line would wrap, and \r would return to its last row only. */
  columns?: number;
  write(text: string): unknown;
}

export const CLI_PROGRESS_INTERVAL_MS = 100;

export interface ProgressPrinter {
  progress(phase: CorpusPhase, done: number, total: number): void;
  /** Wipes the line, so that what follows starts on a clean line. */
  clear(): void;
}

/** A printer for a terminal; undefined for a stream that is not one (nothing is to be printed). */
export function progressPrinter(stream: ProgressStream | undefined, now: () => number = () => performance.now()): ProgressPrinter | undefined {
  if (!stream?.isTTY) return undefined;
  let shown = 0;
  let printedAt = now();
  return {
    progress(phase, done, total) {
      // Writes to a terminal are synchronous: throttled, so that a load of 20,000 files is not
      // slowed by 20,000 of them.
      if (now() - printedAt < CLI_PROGRESS_INTERVAL_MS) return;
      printedAt = now();
      // A terminal of no known size (a pty nobody sized says 0) is taken for 80 columns.
      const width = Math.max(20, (stream.columns || 80) - 1);
      const line = progressLine(phase, done, total).slice(0, width);
      // Spaces rather than an erase sequence: every terminal, even a dumb one, rubs out with them.
      stream.write(`\r${line}${' '.repeat(Math.max(0, shown - line.length))}`);
      shown = line.length;
    },
    clear() {
      if (shown === 0) return;
      stream.write(`\r${' '.repeat(shown)}\r`);
      shown = 0;
    },
  };
}
