// Printed lines from a page's text runs: runs on one baseline make a line, and a smaller run
// set a little above a line's baseline (a footnote marker, "²") belongs to that line as a raised
// run. Everything after this reads lines, never loose runs.
import { WORD_GAP, type PdfPage, type PdfRun } from './pdfExtract';

export interface LineRun extends PdfRun {
  /** Set above the line's baseline in a smaller size: a superscript. */
  raised: boolean;
  /** 1-based. */
  page: number;
}

export interface PdfLine {
  page: number;
  /** Runs from left to right. */
  runs: LineRun[];
  baseline: number;
  /** The size of the line's own text (raised runs aside). */
  size: number;
  left: number;
  right: number;
  /** The line's text with single spaces where the print has a gap; raised runs included. */
  text: string;
}

/** A gap wider than this many font sizes parts a line into cells (a column, a tab stop). */
export const CELL_GAP = 4;

/** The lines of a page, top to bottom. */
export function readLines(page: PdfPage): PdfLine[] {
  const runs = [...page.runs].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const groups: PdfRun[][] = [];
  for (const run of runs) {
    // Same baseline, whatever the size: the big "A" of "A/RES/78/319" and the rest of it.
    const group = groups.find((g) => Math.abs(g[0].baseline - run.baseline) <= Math.max(1, 0.15 * Math.min(g[0].size, run.size)));
    if (group) group.push(run);
    else groups.push([run]);
  }
  // A group of small runs a little above the next line's baseline is that line's superscripts:
  // the marker after "want”,", or the number that opens a footnote.
  const lines: { runs: LineRun[]; baseline: number }[] = groups.map((g) => ({ runs: g.map((r) => ({ ...r, raised: false, page: page.number })), baseline: g[0].baseline }));
  lines.sort((a, b) => a.baseline - b.baseline);
  for (let i = 0; i < lines.length; i++) {
    const small = lines[i];
    const size = Math.max(...small.runs.map((r) => r.size));
    const host = lines.find((line) => {
      if (line === small) return false;
      const hostSize = ownSize(line.runs);
      const lift = line.baseline - small.baseline;
      const left = Math.min(...line.runs.map((r) => r.x)) - hostSize;
      const right = Math.max(...line.runs.map((r) => r.x + r.width)) + hostSize;
      return size <= 0.85 * hostSize && lift > 0.1 * hostSize && lift <= 0.75 * hostSize && small.runs.every((r) => r.x + r.width >= left && r.x <= right);
    });
    if (!host) continue;
    for (const run of small.runs) host.runs.push({ ...run, raised: true });
    lines.splice(i, 1);
    i--;
  }
  return lines.map(({ runs: lineRuns, baseline }) => {
    lineRuns.sort((a, b) => a.x - b.x);
    return {
      page: page.number,
      runs: lineRuns,
      baseline,
      size: ownSize(lineRuns),
      left: lineRuns[0].x,
      right: Math.max(...lineRuns.map((r) => r.x + r.width)),
      text: lineText(lineRuns),
    };
  });
}

/** The size most of a line's characters are set in, raised runs aside. */
function ownSize(runs: LineRun[]): number {
  const chars = new Map<number, number>();
  for (const run of runs) {
    if (run.raised) continue;
    const size = Math.round(run.size * 10) / 10;
    chars.set(size, (chars.get(size) ?? 0) + run.text.length);
  }
  let best = runs[0].size;
  let most = -1;
  for (const [size, count] of chars) {
    if (count > most || (count === most && size > best)) {
      best = size;
      most = count;
    }
  }
  return best;
}

/** Whether the print leaves a word space between two runs of a line. */
export function spaceBetween(before: PdfRun, after: PdfRun): boolean {
  if (/\s$/.test(before.text) || /^\s/.test(after.text)) return true;
  const gap = after.x - (before.x + before.width);
  // Measured on the smaller size: a marker stands a little apart from the next word ("law”,² and").
  return gap > WORD_GAP * Math.min(before.size, after.size);
}

/** Whether the gap between two runs parts them into cells. */
export function cellGap(before: PdfRun, after: PdfRun): boolean {
  return after.x - (before.x + before.width) > CELL_GAP * Math.max(before.size, after.size);
}

/** A line's cells: its runs parted at wide gaps (a column, a tab stop), left to right. */
export function cellsOf(line: PdfLine): LineRun[][] {
  const cells: LineRun[][] = [];
  for (let i = 0; i < line.runs.length; i++) {
    if (i === 0 || cellGap(line.runs[i - 1], line.runs[i])) cells.push([]);
    cells[cells.length - 1].push(line.runs[i]);
  }
  return cells;
}

export function lineText(runs: LineRun[]): string {
  let text = '';
  for (let i = 0; i < runs.length; i++) {
    if (i > 0 && spaceBetween(runs[i - 1], runs[i])) text += ' ';
    text += runs[i].text.trim();
  }
  return text.replace(/\s+/g, ' ');
}
