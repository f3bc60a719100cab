// `unres outline FILE`: the editor's outline as an indented tree, each line with the line (or
// lines) it covers: header fields, title, Preamble with PP1 …, Operative part with OP1 … and
// their sub-paragraphs, the closing line, footnotes. For a PDF, the lines are those of the text
// read from it, and each row also says the page it starts on.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { ParsedDocument } from '../parsedDocument';
import { scanLines } from '../parser/lines';
import { getDocumentSymbols } from '../services/outline';
import type { Draft } from './files';

export function formatOutline(draft: Draft): string {
  const document = ParsedDocument.parse({ uri: draft.uri, version: 0, getText: () => draft.text });
  const rows: { lines: string; text: string; page?: number }[] = [];
  const lineTable = draft.map ? scanLines(draft.text) : [];
  // Each symbol before those below it, in text order; a stack, since the labels decide the depth.
  const pending: { symbol: DocumentSymbol; depth: number }[] = [];
  const symbols = getDocumentSymbols(document);
  for (let i = symbols.length - 1; i >= 0; i--) pending.push({ symbol: symbols[i], depth: 0 });
  while (pending.length > 0) {
    const { symbol, depth } = pending.pop()!;
    const start = symbol.range.start.line + 1;
    // A range that ends at the start of a line does not cover that line.
    const endLine = symbol.range.end.character === 0 && symbol.range.end.line > symbol.range.start.line ? symbol.range.end.line : symbol.range.end.line + 1;
    const offset = (lineTable[symbol.range.start.line]?.start ?? 0) + symbol.range.start.character;
    const page = draft.map?.locate(offset)?.page;
    rows.push({ lines: endLine > start ? `${start}-${endLine}` : `${start}`, text: '  '.repeat(depth) + label(symbol), page });
    const children = symbol.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) pending.push({ symbol: children[i], depth: depth + 1 });
  }
  if (rows.length === 0) return `${draft.name}: no header, paragraphs or footnotes found\n`;
  let width = 0;
  for (const row of rows) width = Math.max(width, row.lines.length);
  const pages = (row: (typeof rows)[number]) => (draft.map ? `${row.page ? `p. ${row.page}` : ''}`.padEnd(6) + '  ' : '');
  return rows.map((row) => `${row.lines.padStart(width)}  ${pages(row)}${row.text}`).join('\n') + '\n';
}

/** One line per symbol, worded for its kind. */
function label(symbol: DocumentSymbol): string {
  const { name, detail } = symbol;
  if (!detail) return name;
  switch (symbol.kind) {
    case SymbolKind.Property: // "PP1 Recalling" + the rest of the paragraph
    case SymbolKind.Function: // "OP1 Calls upon" + the rest
      return `${name} ${detail}`;
    case SymbolKind.Field: // header field
      return `${name}: ${detail}`;
    case SymbolKind.String: // the title
      return `${detail}: ${name}`;
    case SymbolKind.Namespace: // Header, Preamble, Operative part, Footnotes
      return `${name} (${detail})`;
    case SymbolKind.Key: // a footnote
      return `${name}: ${detail}`;
    default:
      return `${name}, ${detail}`;
  }
}
