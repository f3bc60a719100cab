// Completions from agreed language: opening phrases at the start of a paragraph (with the next
// operative number), whole corpus paragraphs that begin with or contain the words typed, the
// usual continuations of the last words typed, and the closing "provisional agenda" paragraph.
import {
  CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position, Range, TextEdit,
} from 'vscode-languageserver-types';
import type { AgreedKind, AgreedLanguageIndex, AgreedParagraph, AgreedSource } from '../agreed/types';
import { displaySymbol, normalizeSymbol } from '../corpus/symbols';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import type { Paragraph, ResolutionDocument, SubParagraph } from '../parser/model';
import { ordinalWord } from '../parser/vocabulary';
import { escapeMarkdown, fileName, shorten } from '../text';

const PARAGRAPH_LIMIT = 20;
const CONTINUATION_LIMIT = 8;

/** Where the cursor stands: in which part, in which paragraph, after which typed words. */
export interface TypingContext {
  kind: AgreedKind;
  /** Offset where the paragraph's text starts (after its number or label). */
  contentStart: number;
  /** What has been typed of the paragraph's text, up to the cursor, markup removed. */
  typed: string;
  /** The operative number to insert when the paragraph has none yet. */
  numberToInsert?: number;
  /** Whether the paragraph is the last of the operative part (it ends with a full stop). */
  last: boolean;
}

export function getAgreedCompletions(document: ParsedDocument, position: Position, index: AgreedLanguageIndex, token?: CancellationToken): CompletionItem[] | null {
  // The edits use the position as the document has it: a client may ask past a line's end.
  const offset = document.lines.offsetAt(position);
  const context = typingContext(document, offset);
  if (!context || token?.isCancellationRequested) return null;
  const replace = replacement(document, context.contentStart, offset);
  const words = context.typed.split(/\s+/).filter(Boolean);
  const items: CompletionItem[] = [];

  if (words.length <= 1 && !/\s$/.test(context.typed)) {
    items.push(...openingItems(document, context, index, offset));
  } else {
    items.push(...paragraphItems(context, index, replace));
    if (token?.isCancellationRequested) return null;
    if (words.length >= 3) items.push(...continuationItems(document, offset, context, index));
  }
  if (context.kind === 'operative' && /^((also|further)\s+)?(d(e(c(i(d(es?)?)?)?)?)?)?$/i.test(context.typed.trim().split(/\s+/).slice(0, 2).join(' '))) {
    const closing = closingParagraphItem(document.model, context, replace);
    if (closing) {
      // Corpus copies of the closing paragraph name other sessions: this one is computed.
      const others = items.filter((item) => !/provisional agenda of its/.test(String(item.label)));
      return [closing, ...others];
    }
  }
  return items.length ? items : null;
}

/** The paragraph being typed at `offset`, or undefined outside the body. */
export function typingContext(document: ParsedDocument, offset: number): TypingContext | undefined {
  const { model, lines } = document;
  const line = lines.positionAt(offset).line;
  const lineStart = lines.lineStart(line);
  const block = blockAt(model, offset);
  if (block) {
    const contentStart = block.node.segments[0]?.start ?? block.node.start;
    if (offset < contentStart) return undefined;
    const context: TypingContext = {
      kind: block.kind,
      contentStart,
      typed: plainTyped(document.model.text.slice(contentStart, offset)),
      last: block.kind === 'operative' && model.operative[model.operative.length - 1] === block.node,
    };
    // An operative paragraph typed without its number yet: insert the next one.
    if (block.kind === 'operative' && (block.node as Paragraph).number === undefined) {
      const before = model.operative.filter((p) => p.start < block.node.start);
      context.numberToInsert = (before[before.length - 1]?.number ?? before.length) + 1;
    }
    return context;
  }
  // A line of its own in the body: a new paragraph is starting.
  const bodyStart = model.organ?.end ?? model.preambular[0]?.start ?? model.operative[0]?.start;
  if (bodyStart === undefined || lineStart < bodyStart) return undefined;
  const lineText = model.text.slice(lineStart, offset);
  if (lineText.includes('\n')) return undefined;
  const before = model.operative.filter((p) => p.start < lineStart);
  const after = model.operative.filter((p) => p.start > offset);
  const operative = before.length > 0 || (model.preambular.length > 0 && model.preambular.every((p) => p.end < lineStart) && looksOperative(lineText));
  const numbered = /^\s*(\d{1,3})\.\s*/.exec(lineText);
  const label = /^\s*\(([a-z]{1,4})\)\s*/.exec(lineText);
  const prefix = numbered ?? label;
  const contentStart = lineStart + (prefix ? prefix[0].length : lineText.length - lineText.trimStart().length);
  const kind: AgreedKind = label ? 'subparagraph' : operative ? 'operative' : 'preambular';
  const context: TypingContext = { kind, contentStart, typed: plainTyped(model.text.slice(contentStart, offset)), last: kind === 'operative' && after.length === 0 };
  if (kind === 'operative' && !numbered) context.numberToInsert = (before[before.length - 1]?.number ?? before.length) + 1;
  return context;
}

function looksOperative(lineText: string): boolean {
  return /^\s*\d{1,3}\./.test(lineText);
}

function blockAt(model: ResolutionDocument, offset: number): { node: Paragraph | SubParagraph; kind: AgreedKind } | undefined {
  for (const paragraph of [...model.preambular, ...model.operative]) {
    if (offset < paragraph.start || offset > paragraph.end) continue;
    const sub = subAt(paragraph.subparagraphs, offset);
    if (sub) return { node: sub, kind: 'subparagraph' };
    if (offset <= paragraph.ownEnd) return { node: paragraph, kind: paragraph.kind };
  }
  return undefined;
}

/** The deepest sub-paragraph whose own text reaches the offset, down the path of those that hold it; a loop, since the labels decide the depth. */
function subAt(subs: SubParagraph[], offset: number): SubParagraph | undefined {
  let found: SubParagraph | undefined;
  for (let level = subs; ; ) {
    const sub = level.find((s) => offset >= s.start && offset <= s.end);
    if (!sub) return found;
    if (offset <= sub.ownEnd) found = sub;
    level = sub.subparagraphs;
  }
}

function plainTyped(source: string): string {
  return source.replace(/[*_]/g, '').replace(/\s+/g, ' ').replace(/^\s+/, '');
}

// ---- edits ------------------------------------------------------------------------------------

/**
 * Replacing the text typed from `start` to the cursor, when `start` may lie on an earlier line
 * ("Noting that considerable progress⏎has been achieved|"). The LSP wants a completion's edit on
 * the cursor's line and around the cursor (an InsertReplaceEdit too), and Neovim and Helix drop
 * items whose edit spans lines. So the item's edit replaces the cursor line's typed text, from its
 * first non-blank character, and an additional edit deletes what was typed on the lines before,
 * up to where the main edit starts, so the two never overlap. VS Code applies additional edits
 * first and keeps the main edit's place relative to the cursor; Neovim and Helix apply them with
 * it. VS Code filters items on the text between the edit's start and the cursor: `typed` is that
 * text, for the items' filterText.
 */
interface Replacement {
  /** On the cursor's line, ending at the cursor. */
  range: Range;
  /** Deletes the typed text on the lines before, when there is some. */
  additionalTextEdits?: TextEdit[];
  /** The source text in `range`. */
  typed: string;
}

function replacement(document: ParsedDocument, start: number, offset: number): Replacement {
  const { lines } = document;
  const text = document.model.text;
  const cursor = lines.positionAt(offset);
  const lineStart = lines.lineStart(cursor.line);
  if (start >= lineStart) return { range: { start: lines.positionAt(start), end: cursor }, typed: text.slice(start, offset) };
  let from = lineStart;
  while (from < offset && /\s/.test(text[from])) from++;
  return {
    range: { start: lines.positionAt(from), end: cursor },
    additionalTextEdits: [TextEdit.del(document.range({ start, end: from }))],
    typed: text.slice(from, offset),
  };
}

/** The item's edit: `newText` in place of the typed text, across lines when it was typed so. */
function edits(replace: Replacement, newText: string): Pick<CompletionItem, 'textEdit' | 'additionalTextEdits'> {
  const result: Pick<CompletionItem, 'textEdit' | 'additionalTextEdits'> = { textEdit: TextEdit.replace(replace.range, newText) };
  if (replace.additionalTextEdits) result.additionalTextEdits = replace.additionalTextEdits;
  return result;
}

// ---- items ------------------------------------------------------------------------------------

function openingItems(document: ParsedDocument, context: TypingContext, index: AgreedLanguageIndex, offset: number): CompletionItem[] {
  if (context.kind === 'subparagraph') return [];
  const typed = context.typed.trim().toLowerCase();
  const number = context.numberToInsert !== undefined ? `${context.numberToInsert}. ` : '';
  // A number to insert goes at the start of the line, before any indent.
  const start = context.numberToInsert !== undefined ? document.lines.lineStart(document.lineOf(context.contentStart)) : context.contentStart;
  const replace = replacement(document, start, offset);
  return index
    .openings(context.kind)
    .filter(({ phrase }) => phrase.toLowerCase().startsWith(typed))
    .slice(0, 60)
    .map(({ phrase, count }, rank) => ({
      label: phrase,
      kind: CompletionItemKind.Keyword,
      detail: `${context.kind === 'preambular' ? 'Preambular' : 'Operative'} opening · ${count} paragraph${count === 1 ? '' : 's'} in the corpus`,
      sortText: String(rank).padStart(4, '0'),
      filterText: phrase,
      ...edits(replace, `${number}${phrase} `),
      command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
    }));
}

function paragraphItems(context: TypingContext, index: AgreedLanguageIndex, replace: Replacement): CompletionItem[] {
  const matches = index.searchParagraphs(context.typed, { kind: context.kind, limit: PARAGRAPH_LIMIT });
  return matches.map(({ paragraph, match }, rank) => {
    const text = withPunctuation(paragraph.text, context);
    return {
      label: shorten(paragraph.text, 80),
      kind: CompletionItemKind.Text,
      detail: `${match === 'prefix' ? 'Agreed paragraph' : 'Agreed paragraph containing these words'} · ${sourceSummary(paragraph)}`,
      documentation: { kind: MarkupKind.Markdown, value: paragraphDocumentation(paragraph) },
      sortText: `1${String(rank).padStart(4, '0')}`,
      // The words typed on the cursor's line, as written: what VS Code filters on.
      filterText: replace.typed,
      ...edits(replace, context.numberToInsert !== undefined ? `${context.numberToInsert}. ${text}` : text),
    };
  });
}

function continuationItems(document: ParsedDocument, offset: number, context: TypingContext, index: AgreedLanguageIndex): CompletionItem[] {
  const position = document.lines.positionAt(offset);
  const lastWords = context.typed.split(/\s+/).filter(Boolean).slice(-6).join(' ');
  const needsSpace = !/\s$/.test(document.model.text.slice(offset - 1, offset));
  return index.continuations(lastWords, CONTINUATION_LIMIT).map((continuation, rank) => ({
    label: `… ${continuation.text}`,
    kind: CompletionItemKind.Text,
    detail: `Continues agreed wording in ${continuation.count} paragraph${continuation.count === 1 ? '' : 's'} · ${sourceName(continuation.example.sources[0])}`,
    documentation: { kind: MarkupKind.Markdown, value: paragraphDocumentation(continuation.example) },
    sortText: `0${String(rank).padStart(4, '0')}`,
    filterText: continuation.text,
    textEdit: TextEdit.insert(position, `${needsSpace ? ' ' : ''}${continuation.text}`),
  }));
}

/** "Decides to include in the provisional agenda of its seventy-fifth session the item entitled “…”." */
function closingParagraphItem(model: ResolutionDocument, context: TypingContext, replace: Replacement): CompletionItem | undefined {
  const session = model.header?.session;
  const fields = model.header?.fields ?? [];
  const title = fields.find((f) => f.kind === 'agendaTitle')?.value ?? fields.find((f) => f.kind === 'title')?.value;
  const verb = /^further/i.test(context.typed) ? 'Further decides' : /^also/i.test(context.typed) ? 'Also decides' : 'Decides';
  const ordinal = session !== undefined ? ordinalWord(session + 1) : undefined;
  const snippet = `${verb} to include in the provisional agenda of its ${ordinal ?? '${1:next}'} session the item entitled “${title ? escapeSnippet(title) : '${2:title of the agenda item}'}”.`;
  return {
    label: `${verb} to include in the provisional agenda of its ${ordinal ?? '…'} session the item entitled “${title ? shorten(title, 40) : '…'}”`,
    kind: CompletionItemKind.Snippet,
    detail: session !== undefined ? `Closing paragraph · next session after the header's ${ordinalWord(session)}` : 'Closing paragraph',
    sortText: '00000',
    filterText: replace.typed || verb,
    insertTextFormat: InsertTextFormat.Snippet,
    ...edits(replace, snippet),
  };
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** The agreed text with the final mark its new position needs: "," "; " or "." (a ":" stays). */
export function withPunctuation(text: string, context: Pick<TypingContext, 'kind' | 'last'>): string {
  const body = text.replace(/[\s,;.]+$/, '');
  if (/:$/.test(body)) return body;
  if (context.kind === 'preambular') return `${body},`;
  return `${body}${context.kind === 'operative' && context.last ? '.' : ';'}`;
}

export function sourceName(source: AgreedSource | undefined): string {
  if (!source) return 'the corpus';
  const symbol = source.symbol ? normalizeSymbol(source.symbol) : undefined;
  return `${symbol ? displaySymbol(symbol) : fileName(source.uri)}, ${source.label}`;
}

function sourceSummary(paragraph: AgreedParagraph): string {
  const n = paragraph.documentCount;
  return `${sourceName(paragraph.sources[0])}${n > 1 ? ` · used in ${n} documents` : ''}`;
}

function paragraphDocumentation(paragraph: AgreedParagraph): string {
  const sources = paragraph.sources.slice(0, 8).map((s) => `- ${escapeMarkdown(sourceName(s))}`);
  const more = paragraph.sources.length > 8 ? [`- and ${paragraph.sources.length - 8} more`] : [];
  return [escapeMarkdown(paragraph.text), '', `Used in ${paragraph.documentCount} document${paragraph.documentCount === 1 ? '' : 's'}:`, ...sources, ...more].join('\n');
}
