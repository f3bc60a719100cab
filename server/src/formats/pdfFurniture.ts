// Page furniture: what the printer puts on every page around the text — the running header
// (symbol and short title), page and job numbers ("24-23037 2/8"), the barcode and the job
// number of the first page, a "Please recycle" stamp. It is found by where it stands (the top and
// bottom bands of the page) and by repetition (a line that comes back at the same height on most
// pages), with the shapes of these lines as a second witness, never by the words alone.
import { cellsOf, lineText, type PdfLine } from './pdfLines';
import { maxOf } from '../arrays';

export type PdfFurnitureKind = 'runningHeader' | 'pageNumber' | 'jobNumber' | 'barcode' | 'stamp' | 'link' | 'repeated';

/** The share of the page height, at the top and at the bottom, where furniture can stand. */
const BAND = 0.12;

const JOB_NUMBER = /^\d{2}-\d{4,6}[A-Z]?(?:\s*\([A-Z]\))?(?:\s+\d{6,8})?$/;
const PAGE_NUMBER = /^(?:Page\s+)?\d{1,4}\s?(?:\/|of)\s?\d{1,4}$|^-?\s?\d{1,4}\s?-?$/i;
const BARCODE = /^\*[\dA-Z]{5,}\*$/;
// A symbol that ends a sentence ("A/70/174.") is text: a footnote, not a running header.
const SYMBOL = /^[A-Z]{1,6}(?:\.\d+)?(?:\/[A-Za-z0-9][A-Za-z0-9.-]*)+(?<![.-])$/;
const PAGE_AND_JOB = /^(?:\d{2}-\d{4,6}[A-Z]?|\(E\)|\([A-Z]\)|\d{1,4}\/\d{1,4})$/;
const STAMP = /^please\s+recycle$/i;
const LINK = /^(?:https?:\/\/|(?:www\.)?undocs\.org\/)\S+$/i;

/**
 * The furniture lines of a document, with their kind. `pages` holds each page's lines, top to
 * bottom; `heights` each page's height.
 */
export function findFurniture(pages: PdfLine[][], heights: number[]): Map<PdfLine, PdfFurnitureKind> {
  const found = new Map<PdfLine, PdfFurnitureKind>();
  // A line that opens with a raised number is a footnote, however much it looks like another
  // page's ("² A/59/2005." and "⁵ A/78/126." at the same height).
  const inBand = (line: PdfLine) =>
    !line.runs[0].raised && (line.baseline < BAND * heights[line.page - 1] + line.size || line.baseline > (1 - BAND) * heights[line.page - 1]);

  // Repetition: the same words (numbers aside) at the same height and size on several pages.
  const seen = new Map<string, Set<number>>();
  // Cells in sorted order: the running header swaps its sides on odd and even pages.
  const keyOf = (line: PdfLine) =>
    `${Math.round(line.size)}|${cellTexts(line)
      .map((t) => t.toLowerCase().replace(/\d+/g, '#'))
      .sort()
      .join('|')}`;
  for (const lines of pages) {
    for (const line of lines) {
      if (!inBand(line)) continue;
      const key = keyOf(line);
      let heightsOfKey = seen.get(key);
      if (!heightsOfKey) seen.set(key, (heightsOfKey = new Set()));
      heightsOfKey.add(line.page * 10_000 + Math.round(line.baseline / 4));
    }
  }
  const pagesWithAtHeight = (line: PdfLine) => {
    const marks = seen.get(keyOf(line));
    if (!marks) return 0;
    const band = Math.round(line.baseline / 4);
    const pagesSeen = new Set<number>();
    for (const mark of marks) {
      const at = mark % 10_000;
      if (Math.abs(at - band) <= 1) pagesSeen.add(Math.floor(mark / 10_000));
    }
    return pagesSeen.size;
  };
  const repeatsOn = Math.max(2, Math.ceil(0.4 * (pages.length - 1)));

  for (const lines of pages) {
    for (const line of lines) {
      if (!inBand(line)) continue;
      const kind = shapeOf(line);
      // The first page's top is the masthead, whose symbol and date are the document's own: only
      // a barcode, a job number or a line that every page repeats is furniture there.
      const masthead = line.page === 1 && line.baseline < heights[0] / 2;
      if (kind && (!masthead || kind === 'barcode' || kind === 'jobNumber')) found.set(line, kind);
      else if (!kind && pages.length > 2 && pagesWithAtHeight(line) >= repeatsOn) found.set(line, 'repeated');
    }
  }

  // The running title wraps over the lines next to the symbol: a top-band block that holds
  // furniture is furniture, down to the first line set in the text's size or larger.
  for (const lines of pages) {
    if (lines.length === 0 || lines[0].page === 1) continue;
    const height = heights[lines[0].page - 1];
    const top = lines.filter((l) => l.baseline < BAND * height + l.size);
    if (!top.some((l) => found.has(l))) continue;
    const bodySize = maxOf(top.filter((l) => found.has(l)), (l) => l.size);
    for (let i = 0; i < top.length; i++) {
      const line = top[i];
      if (found.has(line)) continue;
      const near = top.some((other) => found.has(other) && Math.abs(other.baseline - line.baseline) <= 1.6 * Math.max(other.size, line.size));
      if (near && line.size <= bodySize * 1.05) found.set(line, 'runningHeader');
    }
  }
  return found;
}

function cellTexts(line: PdfLine): string[] {
  return cellsOf(line).map((cell) => lineText(cell));
}

/** The furniture a line's shape says it is: the shape of a cell is enough ("A/RES/78/319   by sea level rise"). */
function shapeOf(line: PdfLine): PdfFurnitureKind | undefined {
  let kind: PdfFurnitureKind | undefined;
  for (const text of [line.text, ...cellTexts(line)]) kind ??= shapeOfText(line, text.trim());
  return kind;
}

function shapeOfText(line: PdfLine, text: string): PdfFurnitureKind | undefined {
  if (line.runs.every((r) => /barcode|3 ?of ?9|code ?39|code ?128/i.test(r.font)) || BARCODE.test(text)) return 'barcode';
  if (JOB_NUMBER.test(text)) return 'jobNumber';
  if (PAGE_NUMBER.test(text)) return 'pageNumber';
  if (STAMP.test(text)) return 'stamp';
  if (LINK.test(text)) return 'link';
  // "24-14122 2/5", "2/5 24-14122", "A/RES/78/319 24-14122": furniture glued on one line.
  const parts = text.split(/\s+/);
  if (parts.length > 1 && parts.every((p) => PAGE_AND_JOB.test(p) || SYMBOL.test(p)) && parts.some((p) => PAGE_AND_JOB.test(p))) return 'pageNumber';
  if (SYMBOL.test(text) || parts.every((p) => SYMBOL.test(p))) return 'runningHeader';
  return undefined;
}
