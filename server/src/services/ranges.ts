// Comparing LSP ranges, for code actions that match a request's range to diagnostics.
import type { Position, Range } from 'vscode-languageserver-types';

export function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether two ranges touch (an empty request range at a diagnostic's edge counts). */
export function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
