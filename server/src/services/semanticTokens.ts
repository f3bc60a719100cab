// Semantic tokens for what a grammar cannot know: which paragraphs are preambular or operative,
// footnote markers glued to words in PDF text, citations recognised by their context.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import type { HeaderFieldKind, Span, SubParagraph } from '../parser/model';

export const TOKEN_TYPES = ['openingPhrase', 'paragraphNumber', 'citation', 'footnoteMarker', 'headerField'] as const;
export const TOKEN_MODIFIERS = ['preambular', 'operative', 'date'] as const;
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

const HIGHLIGHTED_FIELDS = new Set<HeaderFieldKind>(['symbol', 'distribution', 'date', 'language', 'session', 'committee', 'agendaItem', 'documentType', 'adoption']);

interface Token extends Span {
  type: TokenType;
  modifiers: TokenModifier[];
}

export function getSemanticTokens(document: ParsedDocument, token?: CancellationToken): SemanticTokens {
  const { model } = document;
  const tokens: Token[] = [];
  const add = (span: Span | undefined, type: TokenType, ...modifiers: TokenModifier[]) => {
    if (span && span.end > span.start) tokens.push({ start: span.start, end: span.end, type, modifiers });
  };
  for (const field of model.header?.fields ?? []) if (HIGHLIGHTED_FIELDS.has(field.kind)) add(field, 'headerField');
  // Each sub-paragraph before the ones below it, in text order; a stack, since the labels decide the depth.
  const addSubs = (subs: SubParagraph[]) => {
    const pending: SubParagraph[] = [];
    for (let i = subs.length - 1; i >= 0; i--) pending.push(subs[i]);
    while (pending.length > 0) {
      const sub = pending.pop()!;
      add(sub.labelSpan, 'paragraphNumber');
      for (let i = sub.subparagraphs.length - 1; i >= 0; i--) pending.push(sub.subparagraphs[i]);
    }
  };
  for (const paragraph of [...model.preambular, ...model.operative]) {
    add(paragraph.numberSpan, 'paragraphNumber');
    add(paragraph.opening, 'openingPhrase', paragraph.kind);
    addSubs(paragraph.subparagraphs);
  }
  if (token?.isCancellationRequested) return { data: [] };
  for (const citation of model.citations) {
    add(citation, 'citation');
    add(citation.date, 'citation', 'date');
  }
  for (const marker of model.markers) add(marker, 'footnoteMarker');
  for (const footnote of model.footnotes) add(footnote.labelSpan, 'footnoteMarker');
  return { data: encode(document, tokens) };
}

/** LSP's relative encoding; a token that crosses lines is split at each line break. */
function encode(document: ParsedDocument, tokens: Token[]): number[] {
  tokens.sort((a, b) => a.start - b.start || a.end - b.end);
  const data: number[] = [];
  let lastLine = 0;
  let lastChar = 0;
  let covered = 0;
  for (const token of tokens) {
    if (token.start < covered) continue; // tokens must not overlap
    covered = token.end;
    const type = TOKEN_TYPES.indexOf(token.type);
    const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    const start = document.lines.positionAt(token.start);
    const end = document.lines.positionAt(token.end);
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const lineEnd = line === end.line ? end.character : document.lines.lineEnd(line) - document.lines.lineStart(line);
      const length = lineEnd - from;
      if (length <= 0) continue;
      data.push(line - lastLine, line === lastLine ? from - lastChar : from, length, type, modifiers);
      lastLine = line;
      lastChar = from;
    }
  }
  return data;
}
