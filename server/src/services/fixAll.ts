// "Fix all": every structural fix that is certain, as one edit (source.fixAll.unres).
import { partitionPoint } from '../arrays';
import { CodeAction, CodeActionKind, TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../parsedDocument';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.unres`;

/**
 * Edit lists from each rule family; an edit that overlaps one taken before it is dropped (an
 * insertion counts as overlapping a replacement only strictly inside it). A draft with thousands
 * of misnumbered labels has thousands of edits: the taken ones are kept sorted and searched, not
 * scanned for each edit.
 */
export function getFixAllAction(document: ParsedDocument, editLists: TextEdit[][]): CodeAction | undefined {
  const edits: TextEdit[] = [];
  // Replacements taken never overlap, so sorted by start their ends are sorted too.
  const replacedStarts: number[] = [];
  const replacedEnds: number[] = [];
  const insertions: number[] = [];
  for (const edit of editLists.flat()) {
    const start = document.lines.offsetAt(edit.range.start);
    const end = document.lines.offsetAt(edit.range.end);
    // The replacement starting last before the edit's end is the only one that can reach into it.
    const before = firstAtOrAfter(replacedStarts, start === end ? start : end) - 1;
    if (before >= 0 && replacedEnds[before] > start && (start < end || replacedStarts[before] < start)) continue;
    const firstAfterStart = firstAfterValue(insertions, start);
    if (start < end && firstAfterStart < insertions.length && insertions[firstAfterStart] < end) continue;
    if (start === end) insertions.splice(firstAfterStart, 0, start);
    else {
      const at = firstAtOrAfter(replacedStarts, start);
      replacedStarts.splice(at, 0, start);
      replacedEnds.splice(at, 0, end);
    }
    edits.push(edit);
  }
  if (edits.length === 0) return undefined;
  return { title: 'Fix all UN resolution structure problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } };
}

/** Index of the first value >= target in an ascending list. */
function firstAtOrAfter(sorted: number[], target: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i] < target);
}

/** Index of the first value > target in an ascending list. */
function firstAfterValue(sorted: number[], target: number): number {
  return firstAtOrAfter(sorted, target + 1);
}

/** Whether the client asked for this kind of action (no filter means every kind). */
export function wantsKind(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}
