// unres.markerBeforePunctuation: a footnote marker between a word and the comma, semicolon, colon
// or full stop after it ("the 2030 Agenda¹,"): in the Assembly's English texts the marker follows
// the mark ("the 2030 Agenda,¹"), some 3,300 times in the adopted texts at hand.
//
// Only markers written as markers (¹, ^1, <sup>1</sup>, [^1]): a marker that lost its
// superscript in a PDF extraction is a guess glued to a word or a number ("20217, 51/11": the
// year 2021 and marker 7, or not), and the published text it comes from is past editing.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../../parsedDocument';
import type { DraftingFinding } from './finding';

export const MARKER_BEFORE_PUNCTUATION = 'unres.markerBeforePunctuation';

/** What a marker stands after: a word's last letter or digit, a closing quote or bracket. */
const BEFORE = /[\p{L}\p{N}”’"')\]]/u;
const MARKS = ',;:.';

export function checkMarkerPlacement(document: ParsedDocument, out: DraftingFinding[]): void {
  const { text, markers } = document.model;
  for (let i = 0; i < markers.length; i++) {
    const marker = markers[i];
    // A run of markers ("Agenda¹²,") is left whole: moving its last one would split it.
    if (marker.style === 'glued' || markers[i - 1]?.end === marker.start) continue;
    const mark = text.charAt(marker.end);
    if (!MARKS.includes(mark) || !BEFORE.test(text.charAt(marker.start - 1))) continue;
    // The mark ends a phrase: a space, a line end, a closing quote or the end follows it ("¹.5" is not a mark).
    const next = text.charAt(marker.end + 1);
    if (next !== '' && !/[\s”’"')\]]/u.test(next)) continue;
    const written = text.slice(marker.start, marker.end);
    out.push({
      code: MARKER_BEFORE_PUNCTUATION,
      severity: DiagnosticSeverity.Warning,
      span: { start: marker.start, end: marker.end + 1 },
      message: `Footnote marker ${marker.label} stands before the "${mark}" it should follow: in United Nations texts a marker follows the punctuation (expected "${mark}${written}").`,
      fix: { title: `Move the marker after the "${mark}"`, start: marker.start, end: marker.end + 1, newText: mark + written, fixAll: true },
    });
  }
}
