// Writes a PDF's lines as the text the parser reads best: the header as its lines (blocks parted
// by blank lines, the masthead's two columns one after the other), then one paragraph per line
// with a blank line between paragraphs, the opening phrase in `*italics*` as printed, footnote
// markers as `[^n]` and the footnotes as `[^n]: …` lines at the end (the Markdown footnote form
// the parser reads from conversions). Every character keeps its place on the page (pdfSourceMap.ts).
import type { PdfPage } from './pdfExtract';
import { findFurniture } from './pdfFurniture';
import { readFootnotes, splitFootnoteArea, type PdfFootnote } from './pdfFootnotes';
import { cellsOf, lineText, readLines, spaceBetween, type LineRun, type PdfLine } from './pdfLines';
import { MappedTextWriter, type PdfLocation, type PdfSourceMap } from './pdfSourceMap';
import { maxOf, minOf } from '../arrays';

export interface ComposedText {
  text: string;
  map: PdfSourceMap;
  /** What the reader set aside, for tests and diagnostics. */
  furniture: PdfLine[];
  footnotes: PdfFootnote[];
}

/** "The General Assembly," opens the body; the lines before it are the header. */
const ORGAN = /^The\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council)\s*,?$/;
/** A paragraph number or sub-paragraph label: "1.", "(a)", "(iv)", "a)", "II.". */
const LABEL = /^(?:\d{1,3}\.|\(\d{1,3}\)|\([a-z]{1,5}\)|[a-z]\)|[IVXLC]{1,6}\.)$/;
const LABEL_START = /^(?:\d{1,3}\.|\(\d{1,3}\)|\([a-z]{1,5}\)|[a-z]\)|[IVXLC]{1,6}\.)\s/;
/** A line-end hyphen before "and medium-sized" is suspended ("small-⏎and medium-sized"). */
const SUSPENDED_NEXT = /^(?:and|or|nor|to)\s+[\p{L}\p{N}]+-/u;

export function composeText(pages: PdfPage[]): ComposedText {
  const linesByPage = pages.map(readLines);
  const heights = pages.map((p) => p.height);
  const furniture = findFurniture(linesByPage, heights);
  const kept = linesByPage.map((lines) => lines.filter((l) => !furniture.has(l)));
  const bodySize = dominantSize(kept.flat());
  const split = kept.map((lines, i) => splitFootnoteArea(lines, heights[i], bodySize));
  const footnotes = readFootnotes(split.map((s) => s.area));
  const labels = new Set(footnotes.map((f) => f.label));
  const body = split.flatMap((s) => s.body);

  const writer = new MappedTextWriter();
  const runs = new RunWriter(writer, labels);
  const organ = body.findIndex((line) => ORGAN.test(plainText(line)));
  const header = organ > 0 ? body.slice(0, organ) : [];
  const rest = organ >= 0 ? body.slice(organ) : body;

  if (header.length > 0) {
    writeHeader(runs, header);
    writer.added('\n\n');
  }
  const layout = measure(rest, bodySize);
  const paragraphs = groupParagraphs(rest, layout);
  paragraphs.forEach((paragraph, i) => {
    if (i > 0) writer.added('\n\n');
    writeParagraph(runs, paragraph, i > 0 || organ < 0);
  });
  for (const footnote of footnotes) {
    writer.added(writer.offset > 0 ? '\n\n' : '');
    runs.printed(`[^${footnote.label}]: `, footnote.labelRun);
    writeLines(runs, footnote.lines, 1);
  }
  if (writer.offset > 0) writer.added('\n');
  const { text, map } = writer.finish(pages.map((p) => ({ width: p.width, height: p.height })));
  return { text, map, furniture: [...furniture.keys()], footnotes };
}

// ---- layout ---------------------------------------------------------------------------------

interface Layout {
  /** Each page's left margin: where most lines of the running text begin. */
  margins: Map<number, number>;
  /** Each page's right margin: where most lines of the running text end (justified). */
  rights: Map<number, number>;
  /** Baseline to baseline, over the font size, inside a paragraph. */
  leading: number;
}

function measure(lines: PdfLine[], bodySize: number): Layout {
  const lefts = new Map<number, Map<number, number>>();
  const rightEdges = new Map<number, number[]>();
  const steps = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (Math.abs(line.size - bodySize) > 0.5) continue;
    // A number hanging in the margin does not say where the text begins.
    if (!opensWithLabel(line)) {
      const counts = lefts.get(line.page) ?? new Map<number, number>();
      lefts.set(line.page, counts);
      counts.set(Math.round(line.left), (counts.get(Math.round(line.left)) ?? 0) + 1);
    }
    const rights = rightEdges.get(line.page) ?? [];
    rightEdges.set(line.page, rights);
    rights.push(line.right);
    const previous = lines[i - 1];
    if (previous && previous.page === line.page && Math.abs(previous.size - bodySize) <= 0.5) {
      const step = Math.round(((line.baseline - previous.baseline) / bodySize) * 20) / 20;
      if (step > 0.8) steps.set(step, (steps.get(step) ?? 0) + 1);
    }
  }
  // The margin is the leftmost place where lines often begin: continuation lines begin there,
  // first lines (indented) and headings (centred) further right.
  const margins = new Map<number, number>();
  const everywhere = new Map<number, number>();
  for (const counts of lefts.values()) for (const [left, count] of counts) everywhere.set(left, (everywhere.get(left) ?? 0) + count);
  // A page with a few lines (the last one, holding the closing lines) takes the document's margin.
  for (const [page, counts] of lefts) margins.set(page, smallestFrequent([...counts.values()].reduce((a, b) => a + b, 0) >= 6 ? counts : everywhere, 0.25));
  // Justified or ragged, all but a few last lines reach close to the right edge.
  const rights = new Map<number, number>();
  for (const [page, edges] of rightEdges) rights.set(page, edges.sort((x, y) => x - y)[Math.floor(0.9 * (edges.length - 1))]);
  // Inside a paragraph lines stand closer than between paragraphs: the leading is the smallest
  // step that comes back often, whatever share the short paragraphs give the wider one.
  const leading = steps.size > 0 ? smallestFrequent(steps, 0.2) : 1.2;
  return { margins, rights, leading };
}

/** The smallest value that comes at least `share` times as often as the most frequent one. */
function smallestFrequent(counts: Map<number, number>, share: number): number {
  const most = maxOf(counts.values(), (count) => count);
  return minOf(
    [...counts].filter(([, count]) => count >= share * most && count >= Math.min(2, most)),
    ([value]) => value,
  );
}

function groupParagraphs(lines: PdfLine[], layout: Layout): PdfLine[][] {
  const paragraphs: PdfLine[][] = [];
  let previous: PdfLine | undefined;
  for (const line of lines) {
    // The organ line stands alone, whatever the spacing after it.
    if (!previous || ORGAN.test(plainText(previous)) || startsParagraph(previous, line, layout)) paragraphs.push([line]);
    else paragraphs[paragraphs.length - 1].push(line);
    previous = line;
  }
  return paragraphs;
}

function startsParagraph(previous: PdfLine, line: PdfLine, layout: Layout): boolean {
  const margin = layout.margins.get(line.page) ?? line.left;
  const indented = (l: PdfLine) => l.left > (layout.margins.get(l.page) ?? l.left) + 0.5 * l.size;
  // A number or label printed left of the margin hangs there: it opens a paragraph.
  if (line.left < margin - 0.5 * line.size && opensWithLabel(line)) return true;
  if (line.page !== previous.page) {
    // A page opens with the rest of the last paragraph unless it opens with a first-line indent
    // or a number at it.
    return indented(line) && (opensWithLabel(line) || !indented(previous) || line.left > previous.left + 0.5 * line.size);
  }
  if (Math.abs(line.size - previous.size) > 1) return true;
  const step = line.baseline - previous.baseline;
  // The space between paragraphs: more than the leading inside one.
  if (step > 1.3 * layout.leading * Math.max(line.size, previous.size)) return true;
  // A first-line indent after a line at the margin, where no space parts the paragraphs.
  if (indented(line) && !indented(previous)) return true;
  // Justified text fills every line of a paragraph but its last: a line that stops well short of
  // the margin after a final mark, followed by a capital or a label, ended its paragraph.
  const right = layout.rights.get(previous.page);
  const short = right !== undefined && previous.right < right - 0.25 * (right - margin);
  return short && /[,;:.][”’"]?$/.test(plainText(previous)) && /^(?:\p{Lu}|[“"‘(]|\d{1,3}\.)/u.test(plainText(line));
}

// ---- writing --------------------------------------------------------------------------------

/** Writes runs with their boxes, turning raised numbers that name a footnote into `[^n]`. */
class RunWriter {
  constructor(
    readonly writer: MappedTextWriter,
    private readonly labels: Set<string>,
  ) {}

  printed(text: string, run: LineRun): void {
    this.writer.printed(text, boxOf(run));
  }

  /** One run of running text (a raised number naming a footnote becomes its marker). */
  run(run: LineRun, line: PdfLine): void {
    const text = run.text.replace(/\s+/g, ' ').trim();
    if (text.length === 0) return;
    if (this.isMarker(run, line)) {
      for (const label of text.match(/\d+/g) ?? []) this.printed(`[^${label}]`, run);
      return;
    }
    this.printed(text, run);
  }

  isMarker(run: LineRun, line: PdfLine): boolean {
    const text = run.text.trim();
    if (!/^\d{1,3}(?:\s*,\s*\d{1,3})*$/.test(text)) return false;
    if (!(text.match(/\d+/g) ?? []).every((label) => this.labels.has(label))) return false;
    return run.raised || run.size < 0.8 * line.size;
  }
}

function boxOf(run: LineRun): PdfLocation {
  return { page: run.page, x: run.x, y: run.baseline - run.ascent, width: run.width, height: run.ascent + run.descent };
}

/** Writes the runs of one line, from run `from`, with the spaces the print leaves between them. */
function writeLine(runs: RunWriter, line: PdfLine, from = 0): void {
  for (let i = from; i < line.runs.length; i++) {
    const run = line.runs[i];
    if (i > from && spaceBetween(line.runs[i - 1], run) && !runs.isMarker(run, line)) runs.writer.added(' ');
    runs.run(run, line);
  }
}

/**
 * Writes lines as one paragraph, the first from its run `firstFrom`: lines join with a space, or
 * with nothing after a word's hyphen ("high-⏎level"), never after a suspended one.
 */
function writeLines(runs: RunWriter, lines: PdfLine[], firstFrom = 0): void {
  lines.forEach((line, i) => {
    if (i > 0) {
      const next = lineText(line.runs).slice(0, 40);
      const wordHyphen = /[\p{L}\p{N}]-$/u.test(runs.writer.tail(2)) && /^\p{L}/u.test(next) && !SUSPENDED_NEXT.test(next);
      if (!wordHyphen) runs.writer.added(' ');
    }
    writeLine(runs, line, i === 0 ? firstFrom : 0);
  });
}

/**
 * Writes a paragraph on one line. Its number or label comes first; then, in the body, the
 * opening phrase printed in italics is written `*Recalling also*`, the form the parser takes
 * the opening phrase from exactly.
 */
function writeParagraph(runs: RunWriter, lines: PdfLine[], italicOpening: boolean): void {
  const first = lines[0];
  let from = 0;
  if (first.runs.length > 1 && LABEL.test(first.runs[0].text.trim()) && !first.runs[0].italic) {
    runs.run(first.runs[0], first);
    runs.writer.added(' ');
    from = 1;
  }
  const italic: LineRun[] = [];
  for (let i = from; i < first.runs.length && first.runs[i].italic && !first.runs[i].raised; i++) italic.push(first.runs[i]);
  const phrase = italic.map((r) => r.text).join(' ').replace(/\s+/g, ' ').trim();
  const more = first.runs.slice(from + italic.length).some((r) => !r.raised) || lines.length > 1;
  // A paragraph printed all in italics (a note, the closing lines) has no opening phrase to mark.
  if (!italicOpening || italic.length === 0 || !/^\p{L}/u.test(phrase) || phrase.split(' ').length > 6 || !more) {
    writeLines(runs, lines, from);
    return;
  }
  // The marks go round the words: punctuation printed in italics stays outside ("*Noting*,").
  italic.forEach((run, i) => {
    let text = run.text.replace(/\s+/g, ' ').trim();
    if (i === 0) runs.printed('*', run);
    else if (spaceBetween(italic[i - 1], run)) runs.writer.added(' ');
    if (i < italic.length - 1) {
      runs.printed(text, run);
      return;
    }
    const tail = /[^\p{L}\p{N}]+$/u.exec(text)?.[0] ?? '';
    text = text.slice(0, text.length - tail.length);
    runs.printed(text, run);
    runs.printed('*', run);
    if (tail) runs.printed(tail, run);
  });
  const after = from + italic.length;
  if (after < first.runs.length && spaceBetween(first.runs[after - 1], first.runs[after]) && !runs.isMarker(first.runs[after], first)) runs.writer.added(' ');
  writeLines(runs, lines, after);
}

/**
 * The header, line by line, with a blank line where the print leaves a space. The masthead at
 * the top of the first page is set in two columns ("United Nations" and "General Assembly" on
 * the left, the symbol, distribution and date on the right): each column is read on its own.
 */
function writeHeader(runs: RunWriter, lines: PdfLine[]): void {
  const masthead = mastheadOf(lines);
  const items: { runs: LineRun[]; line: PdfLine; gapBefore: boolean }[] = [];
  if (masthead) {
    for (const column of [masthead.left, masthead.right]) {
      column.forEach((cell, i) => {
        const previous = column[i - 1];
        items.push({ ...cell, gapBefore: !previous || cell.line.baseline - previous.line.baseline > 1.4 * Math.max(cell.line.size, previous.line.size) });
      });
    }
  }
  const rest = lines.slice(masthead?.count ?? 0);
  rest.forEach((line, i) => {
    const previous = rest[i - 1];
    const gap = !previous || line.baseline - previous.baseline > 1.4 * Math.max(line.size, previous.size) || Math.abs(line.size - previous.size) > 1;
    items.push({ runs: line.runs, line, gapBefore: gap });
  });
  items.forEach((item, i) => {
    if (i > 0) runs.writer.added(item.gapBefore ? '\n\n' : '\n');
    writeLine(runs, { ...item.line, runs: item.runs }, 0);
  });
}

interface Masthead {
  left: { runs: LineRun[]; line: PdfLine }[];
  right: { runs: LineRun[]; line: PdfLine }[];
  /** How many header lines it takes. */
  count: number;
}

function mastheadOf(lines: PdfLine[]): Masthead | undefined {
  if (lines.length === 0 || lines[0].page !== 1) return undefined;
  // The masthead ends at the first wide space under it.
  let count = 1;
  while (count < lines.length && lines[count].page === 1 && lines[count].baseline - lines[count - 1].baseline <= 3 * Math.max(lines[count].size, lines[count - 1].size)) count++;
  const block = lines.slice(0, count);
  const splitLines = block.map(cellsOf).filter((cells) => cells.length > 1);
  if (splitLines.length === 0) return undefined;
  const columnX = minOf(splitLines, (cells) => cells[cells.length - 1][0].x);
  const left: Masthead['left'] = [];
  const right: Masthead['right'] = [];
  for (const line of block) {
    for (const cell of cellsOf(line)) (cell[0].x >= columnX - 1 ? right : left).push({ runs: cell, line });
  }
  return { left, right, count };
}

// ---- helpers --------------------------------------------------------------------------------

/** Whether a line opens with a paragraph number or label and goes on after it. */
function opensWithLabel(line: PdfLine): boolean {
  return LABEL_START.test(plainText(line));
}

/** A line's words, raised runs left out ("The General Assembly,"). */
function plainText(line: PdfLine): string {
  return lineText(line.runs.filter((r) => !r.raised)).trim();
}

function dominantSize(lines: PdfLine[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + line.text.length);
  }
  return chars.size > 0 ? mostCommon(chars) : 10;
}

function mostCommon(counts: Map<number, number>): number {
  let best = 0;
  let most = -1;
  for (const [value, count] of counts) {
    if (count > most) {
      best = value;
      most = count;
    }
  }
  return best;
}
