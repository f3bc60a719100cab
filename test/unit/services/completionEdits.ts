// What any editor needs of a completion item's edits: the LSP wants the main edit on one line
// and around the cursor (Neovim and Helix drop items whose edit spans lines), additional edits
// that do not overlap it, and VS Code filters items by the text between the edit's start and the
// cursor, which must match the item's filter text.
import type { CompletionItem, InsertReplaceEdit, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../../../server/src/parsedDocument';

function mainRanges(item: CompletionItem): Range[] {
  const edit = item.textEdit;
  if (!edit) return [];
  return 'range' in edit ? [edit.range] : [(edit as InsertReplaceEdit).insert, (edit as InsertReplaceEdit).replace];
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Problems with an item's edits for a completion asked at `position` (none when every editor takes it). */
export function completionEditProblems(document: ParsedDocument, position: Position, item: CompletionItem): string[] {
  const problems: string[] = [];
  const name = JSON.stringify(item.label);
  const { text } = document.model;
  const offset = (p: Position) => document.lines.offsetAt(p);
  const lineLength = (line: number) => document.lines.lineEnd(line) - document.lines.lineStart(line);
  const inDocument = (p: Position) => p.line >= 0 && p.line < document.lines.lineCount && p.character >= 0 && p.character <= lineLength(p.line);
  for (const range of mainRanges(item)) {
    if (!inDocument(range.start) || !inDocument(range.end)) problems.push(`${name}: edit ${JSON.stringify(range)} outside the document`);
    if (range.start.line !== position.line || range.end.line !== position.line) problems.push(`${name}: edit ${JSON.stringify(range)} is not on the cursor's line ${position.line}`);
    if (before(position, range.start) || before(range.end, position)) problems.push(`${name}: edit ${JSON.stringify(range)} does not contain the cursor ${JSON.stringify(position)}`);
  }
  const main = mainRanges(item)[0];
  if (!main) return problems;
  const spans = [{ start: offset(main.start), end: offset(main.end) }];
  for (const edit of item.additionalTextEdits ?? []) {
    if (!inDocument(edit.range.start) || !inDocument(edit.range.end)) problems.push(`${name}: additional edit ${JSON.stringify(edit.range)} outside the document`);
    const span = { start: offset(edit.range.start), end: offset(edit.range.end) };
    for (const other of spans) {
      const touchesAtInsert = span.start === span.end && other.start === other.end && span.start === other.start;
      if ((span.start < other.end && other.start < span.end) || touchesAtInsert) problems.push(`${name}: additional edit ${JSON.stringify(edit.range)} overlaps another edit`);
    }
    spans.push(span);
  }
  // VS Code skips the white space a range starts with, then matches what is left against filterText.
  const word = text.slice(offset(main.start), offset(position)).trimStart().toLowerCase();
  const filter = (item.filterText ?? String(item.label)).toLowerCase();
  if (!filter.startsWith(word)) problems.push(`${name}: filterText ${JSON.stringify(item.filterText)} does not start with the typed ${JSON.stringify(word)}`);
  return problems;
}

/** The text after accepting `item`: its main edit and its additional edits, applied together. */
export function applyCompletion(document: ParsedDocument, item: CompletionItem): string {
  const main = item.textEdit as TextEdit | InsertReplaceEdit;
  const edits = [{ range: 'range' in main ? main.range : main.replace, newText: main.newText }, ...(item.additionalTextEdits ?? [])]
    .map((e) => ({ start: document.lines.offsetAt(e.range.start), end: document.lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let text = document.model.text;
  for (const edit of edits) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  return text;
}
