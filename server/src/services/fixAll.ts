// "Fix all": every structural fix that is certain, as one edit (source.fixAll.unres).
import { CodeAction, CodeActionKind, TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../parsedDocument';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.unres`;

/** Edit lists from each rule family; overlapping edits after the first are dropped. */
export function getFixAllAction(document: ParsedDocument, editLists: TextEdit[][]): CodeAction | undefined {
  const edits: TextEdit[] = [];
  const taken: [number, number][] = [];
  for (const edit of editLists.flat()) {
    const start = document.lines.offsetAt(edit.range.start);
    const end = document.lines.offsetAt(edit.range.end);
    if (taken.some(([s, e]) => start < e && s < end || (start === end && start > s && start < e))) continue;
    taken.push([start, end]);
    edits.push(edit);
  }
  if (edits.length === 0) return undefined;
  return { title: 'Fix all UN resolution structure problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } };
}

/** Whether the client asked for this kind of action (no filter means every kind). */
export function wantsKind(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}
