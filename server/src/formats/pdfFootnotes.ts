// Footnotes: the area under the footnote rule at the foot of a page (or, where the rule is drawn
// rather than typed, the run of smaller lines at the foot that opens with a raised number), cut
// into footnotes at their raised numbers. A page's area that opens without a number goes on with
// the last footnote of the page before.
import type { LineRun, PdfLine } from './pdfLines';

export interface PdfFootnote {
  label: string;
  /** The run that prints the label. */
  labelRun: LineRun;
  /** The footnote's lines; the first one still holds the label run. */
  lines: PdfLine[];
}

const RULE = /^(?:_{5,}|[\u2014\u2500\u2501-]{8,})$/;
const LABEL = /^\d{1,3}$/;

/** Splits a page's lines (furniture removed) into its running text and its footnote area. */
export function splitFootnoteArea(lines: PdfLine[], pageHeight: number, bodySize: number): { body: PdfLine[]; area: PdfLine[]; rule?: PdfLine } {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (!RULE.test(line.text) || line.baseline < 0.3 * pageHeight) continue;
    const area = lines.slice(i + 1);
    // Under a rule, footnotes open with their numbers or go on from the page before in a
    // smaller size; anything else under a rule (a signature line, a table's rule) is text.
    if (area.length > 0 && (area.some(opensFootnote) || area.every((l) => l.size <= 0.9 * bodySize))) return { body: lines.slice(0, i), area, rule: line };
  }
  // No typed rule: the smaller lines at the foot of the page, from the first that opens a footnote.
  let start = lines.length;
  while (start > 0 && lines[start - 1].size <= 0.9 * bodySize && lines[start - 1].baseline > 0.5 * pageHeight) start--;
  while (start < lines.length && !opensFootnote(lines[start])) start++;
  return { body: lines.slice(0, start), area: lines.slice(start) };
}

/** Whether a line opens a footnote: a number raised or set smaller than the text after it. */
export function opensFootnote(line: PdfLine): boolean {
  const first = line.runs[0];
  if (!first || !LABEL.test(first.text.trim()) || line.runs.length < 2) return false;
  return first.raised || first.size < 0.9 * line.size;
}

/** The footnotes of the document, page by page, in order. */
export function readFootnotes(areas: PdfLine[][]): PdfFootnote[] {
  const footnotes: PdfFootnote[] = [];
  for (const area of areas) {
    for (const line of area) {
      if (opensFootnote(line)) footnotes.push({ label: line.runs[0].text.trim(), labelRun: line.runs[0], lines: [line] });
      // A footnote that runs over onto the next page, or a line of the current one.
      else if (footnotes.length > 0) footnotes[footnotes.length - 1].lines.push(line);
    }
  }
  return footnotes;
}
