// Printed lines from a page's text runs: runs on one baseline make a line, and a smaller run
// set a little above a line's baseline (a footnote marker, "²") belongs to that line as a raised
// run. Everything after this reads lines, never loose runs.
import { WORD_GAP, type PdfPage, type PdfRun } from './pdfExtract';
import { maxOf, minOf } from '../arrays';

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

/** A gap wider than this many font sizes parts a line into cells (the columns of the masthead, of a table). */
export const CELL_GAP = 4;

/** The lines of a page, top to bottom. */
export function readLines(page: PdfPage): PdfLine[] {
  const runs = [...page.runs].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const groups: PdfRun[][] = [];
  for (const run of runs) {
    // Same baseline, whatever the size: the big "A" of "A/RES/78/319" and the rest of it. Runs
    // come by baseline, so only the last groups can be near.
    let group: PdfRun[] | undefined;
    for (let g = groups.length - 1; g >= 0 && run.baseline - groups[g][0].baseline <= 2 + 0.15 * run.size; g--) {
      if (Math.abs(groups[g][0].baseline - run.baseline) <= Math.max(1, 0.15 * Math.min(groups[g][0].size, run.size))) {
        group = groups[g];
        break;
      }
    }
    // Some producers print a word twice, a hair apart, to make it look bold: keep one.
    if (group?.some((other) => other.text === run.text && Math.abs(other.x - run.x) < 0.5 * run.size)) continue;
    if (group) group.push(run);
    else groups.push([run]);
  }
  const lines = groups
    .map((g) => {
      const lineRuns: LineRun[] = g.map((r) => ({ ...r, raised: false, page: page.number }));
      const size = ownSize(lineRuns);
      return { runs: lineRuns, baseline: g[0].baseline, size, largest: maxOf(g, (r) => r.size), left: minOf(g, (r) => r.x), right: maxOf(g, (r) => r.x + r.width) };
    })
    .sort((a, b) => a.baseline - b.baseline);
  // A group of small runs a little above a line's baseline is that line's superscripts: the
  // marker after "want”,", or the number that opens a footnote.
  const absorbed = new Set<(typeof lines)[number]>();
  for (let i = 0; i < lines.length; i++) {
    const small = lines[i];
    for (let j = i + 1; j < lines.length && lines[j].baseline - small.baseline <= 0.75 * lines[j].largest; j++) {
      const host = lines[j];
      const lift = host.baseline - small.baseline;
      const within = small.runs.every((r) => r.x + r.width >= host.left - host.size && r.x <= host.right + host.size);
      if (small.largest <= 0.85 * host.size && lift > 0.1 * host.size && lift <= 0.75 * host.size && within) {
        for (const run of small.runs) host.runs.push({ ...run, raised: true });
        absorbed.add(small);
        break;
      }
    }
  }
  return lines
    .filter((line) => !absorbed.has(line))
    .map(({ runs: lineRuns, baseline }) => {
      lineRuns.sort((a, b) => a.x - b.x);
      return {
        page: page.number,
        runs: lineRuns,
        baseline,
        size: ownSize(lineRuns),
        left: lineRuns[0].x,
        right: maxOf(lineRuns, (r) => r.x + r.width),
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
