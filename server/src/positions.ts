// Keeping positions, ranges and edits inside the document and on whole characters.
//
// Clients send positions past a line's end (the LSP reads them as the line's end), past the last
// line, between the halves of a surrogate pair, and edits whose range lies past the end of the
// text. Every request handler clamps what it receives with `clampPosition` / `clampRange` before a
// service reads it, the document copy clamps each edit with `clampChange` before applying it, and
// `ParsedDocument.range` widens every span with `wholeCharacters`, so that no range the server
// returns starts or ends outside the text, between the halves of a surrogate pair or inside a CRLF.
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { LineIndex } from './parser/lines';
import type { Span } from './parser/model';

/** What clamping needs of a parsed document. */
export interface PositionedText {
  readonly model: { readonly text: string };
  readonly lines: LineIndex;
}

/** The part of a vscode-languageserver-textdocument TextDocument that clamping an edit reads. */
export interface EditableText {
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether `offset` falls between the halves of a surrogate pair or between the \r and \n of a CRLF. */
export function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (isHighSurrogate(before) && isLowSurrogate(after)) || (before === 13 && after === 10);
}

/** A whole number, or 0 for what a confused client may send (NaN, null, a string). */
function index(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : 0;
}

/**
 * The position in the document nearest `position`: a line past the last is the end of the text,
 * a character past the line's end is its end (before the line break), and a cursor between the
 * halves of a surrogate pair stands before the pair, since half a character cannot be edited.
 */
export function clampPosition(document: PositionedText, position: Position): Position {
  const { lines } = document;
  const text = document.model.text;
  const lastLine = lines.lineCount - 1;
  const wanted = index(position?.line);
  if (wanted > lastLine) return lines.positionAt(text.length);
  const start = lines.lineStart(wanted);
  let offset = Math.min(start + index(position?.character), lines.lineEnd(wanted));
  if (splitsCharacter(text, offset)) offset--;
  return { line: wanted, character: offset - start };
}

/** Both ends clamped, in order. */
export function clampRange(document: PositionedText, range: Range): Range {
  const start = clampPosition(document, range?.start);
  const end = clampPosition(document, range?.end);
  const reversed = start.line > end.line || (start.line === end.line && start.character > end.character);
  return reversed ? { start: end, end: start } : { start, end };
}

/**
 * A span widened to whole characters: a start between the halves of a surrogate pair or of a
 * CRLF moves back before it, an end forward after it, and an empty span (a place to insert) moves
 * back. So a diagnostic on the last character of "act 😀" covers the whole emoji.
 */
export function wholeCharacters(text: string, span: Span): Span {
  let start = Math.max(0, Math.min(span.start, text.length));
  let end = Math.max(start, Math.min(span.end, text.length));
  const empty = start === end;
  if (splitsCharacter(text, start)) start--;
  if (empty) return { start, end: start };
  if (splitsCharacter(text, end)) end++;
  return { start, end };
}

/**
 * An edit with its range clamped to the document it applies to. vscode-languageserver-textdocument
 * applies the text at the end of the document for a range past it, but corrupts its line table, so
 * every later edit lands in the wrong place: the range is rewritten as the positions it reads as.
 */
export function clampChange(document: EditableText, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  if (!('range' in change) || !change.range) return change;
  let start = document.offsetAt(change.range.start);
  let end = document.offsetAt(change.range.end);
  if (end < start) [start, end] = [end, start];
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: change.text };
}
