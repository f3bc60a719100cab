// Where a draft paragraph departs from agreed language: an Information diagnostic naming the
// source, a hover with the word-level difference (UN compilation style: deletions struck,
// insertions bold), and a quick fix that restores the agreed wording and keeps the number.
import { diffWords } from 'diff';
import {
  CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, Hover, MarkupKind, Position, Range, TextEdit,
} from 'vscode-languageserver-types';
import type { AgreedKind, AgreedLanguageIndex, NearestParagraph } from '../agreed/types';
import { normalizeSymbol } from '../corpus/symbols';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import type { Paragraph, Span, SubParagraph } from '../parser/model';
import { sourceName, withPunctuation } from './agreedCompletion';
import { escapeMarkdown } from '../text';

export const AGREED_LANGUAGE_CODE = 'unres.agreedLanguage';

/** Paragraphs shorter than this are too generic to compare ("Decides to remain seized of the matter."). */
const MIN_WORDS = 8;
/** The edit-length cap bounds the work; the timeout is a safety net far above it, so that a busy machine finds the same deviations. */
const DIFF_OPTIONS = { timeout: 1000, maxEditLength: 400 };

interface Block {
  node: Paragraph | SubParagraph;
  kind: AgreedKind;
  /** Last operative paragraph: ends with a full stop. */
  last: boolean;
}

/** The range of a span of a corpus text, to point related information at the agreed wording (read without a parse). */
export type RangeResolver = (uri: string, span: Span) => Range | undefined;

export function getAgreedDiagnostics(document: ParsedDocument, index: AgreedLanguageIndex, resolve: RangeResolver, token?: CancellationToken): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const block of blocksOf(document)) {
    if (token?.isCancellationRequested) return [];
    const found = deviation(document, block, index);
    if (!found || found.identical) continue;
    const source = found.paragraph.sources.find((s) => s.uri !== document.uri) ?? found.paragraph.sources[0];
    const diagnostic: Diagnostic = {
      range: document.range(contentSpan(block.node)),
      severity: DiagnosticSeverity.Information,
      source: 'unres',
      code: AGREED_LANGUAGE_CODE,
      message: `Differs from agreed language in ${sourceName(source)}${found.paragraph.documentCount > 1 ? ` (used in ${found.paragraph.documentCount} documents)` : ''}.`,
      data: { agreedId: found.paragraph.id, text: found.paragraph.text },
    };
    const related = found.paragraph.sources
      .filter((s) => s.uri !== document.uri)
      .slice(0, 3)
      .flatMap((s) => {
        const range = resolve(s.uri, s);
        return range ? [{ location: { uri: s.uri, range }, message: `Agreed wording: ${sourceName(s)}` }] : [];
      });
    if (related.length) diagnostic.relatedInformation = related;
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/** Hover on a paragraph: how it stands to agreed language (identical, or the word diff). */
export function getAgreedHover(document: ParsedDocument, position: Position, index: AgreedLanguageIndex): Hover | null {
  const offset = document.lines.offsetAt(position);
  const block = blocksOf(document).find((b) => offset >= contentSpan(b.node).start && offset <= b.node.ownEnd);
  if (!block) return null;
  const found = deviation(document, block, index);
  if (!found) return null;
  const { paragraph } = found;
  const sources = paragraph.sources.slice(0, 6).map((s) => escapeMarkdown(sourceName(s))).join('; ');
  const used = `used in ${paragraph.documentCount} document${paragraph.documentCount === 1 ? '' : 's'}`;
  let value: string;
  if (found.identical) {
    value = `**Agreed language:** identical to ${escapeMarkdown(sourceName(paragraph.sources[0]))}, ${used}.\n\n${sources}`;
  } else {
    value = [
      `**Differs from agreed language** in ${escapeMarkdown(sourceName(paragraph.sources[0]))} (${used}; ${Math.round(found.similarity * 100)}% the same).`,
      '',
      renderDiff(paragraph.text, block.node.content.text),
      '',
      `Sources: ${sources}`,
    ].join('\n');
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range: document.range(contentSpan(block.node)) };
}

/** "Restore agreed language": replace the paragraph's text, keeping its number and final mark. */
export function getAgreedCodeActions(document: ParsedDocument, diagnostics: Diagnostic[], token?: CancellationToken): CodeAction[] {
  const actions: CodeAction[] = [];
  // Each block by where its text starts, found once for all the diagnostics asked about.
  let byStart: Map<number, Block> | undefined;
  for (const diagnostic of diagnostics) {
    if (token?.isCancellationRequested) return [];
    if (diagnostic.code !== AGREED_LANGUAGE_CODE) continue;
    const data = diagnostic.data as { text?: string } | undefined;
    const start = document.lines.offsetAt(diagnostic.range.start);
    byStart ??= blocksByStart(document);
    const block = byStart.get(start);
    if (!block || typeof data?.text !== 'string') continue;
    const range: Range = document.range(contentSpan(block.node));
    actions.push({
      title: 'Restore agreed language',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [TextEdit.replace(range, restoredText(data.text, block, document))] } },
    });
  }
  return actions;
}

// ---- helpers ------------------------------------------------------------------------------------

/**
 * nearest() for each paragraph, remembered per index: typing changes one paragraph at a time, so
 * re-checking a draft after a keystroke looks up the others.
 */
const nearestCache = new WeakMap<AgreedLanguageIndex, Map<string, NearestParagraph | undefined>>();
const NEAREST_CACHE_SIZE = 4096;

function cachedNearest(index: AgreedLanguageIndex, text: string, kind: AgreedKind): NearestParagraph | undefined {
  let cache = nearestCache.get(index);
  if (!cache) nearestCache.set(index, (cache = new Map()));
  const key = `${kind}\u0000${text}`;
  if (cache.has(key)) return cache.get(key);
  const found = index.nearest(text, kind);
  if (cache.size >= NEAREST_CACHE_SIZE) cache.clear();
  cache.set(key, found);
  return found;
}

function deviation(document: ParsedDocument, block: Block, index: AgreedLanguageIndex): NearestParagraph | undefined {
  const text = block.node.content.text;
  if (text.split(/\s+/).length < MIN_WORDS) return undefined;
  const found = cachedNearest(index, text, block.kind);
  if (!found) return undefined;
  // Boilerplate every resolution shares is not worth a note, and a document is not its own source:
  // nor are its drafts, which the corpus files under the symbol they were adopted as (a resolution
  // amended on the floor differs from its L document, and that is no departure from agreed language).
  if (!found.identical && found.paragraph.boilerplate) return undefined;
  if (!found.identical && found.paragraph.sources.every((s) => s.uri === document.uri || isOwnSymbol(document, s.symbol))) return undefined;
  return found;
}

const ownSymbols = new WeakMap<ParsedDocument, string | null>();

/** Whether a source's symbol is the document's own (its header's symbol). */
function isOwnSymbol(document: ParsedDocument, symbol: string | undefined): boolean {
  if (symbol === undefined) return false;
  let own = ownSymbols.get(document);
  if (own === undefined) {
    const written = document.model.header?.fields.find((f) => f.kind === 'symbol')?.value;
    ownSymbols.set(document, (own = (written && normalizeSymbol(written)?.key) || null));
  }
  return own !== null && normalizeSymbol(symbol)?.key === own;
}

function blocksOf(document: ParsedDocument): Block[] {
  const { model } = document;
  const blocks: Block[] = [];
  const lastOperative = model.operative[model.operative.length - 1];
  // Each sub-paragraph before the ones below it, in text order; a stack, since the labels decide the depth.
  const addSubs = (subs: SubParagraph[]) => {
    const pending: SubParagraph[] = [];
    for (let i = subs.length - 1; i >= 0; i--) pending.push(subs[i]);
    while (pending.length > 0) {
      const sub = pending.pop()!;
      blocks.push({ node: sub, kind: 'subparagraph', last: false });
      for (let i = sub.subparagraphs.length - 1; i >= 0; i--) pending.push(sub.subparagraphs[i]);
    }
  };
  for (const paragraph of [...model.preambular, ...model.operative]) {
    blocks.push({ node: paragraph, kind: paragraph.kind, last: paragraph === lastOperative });
    addSubs(paragraph.subparagraphs);
  }
  return blocks;
}

/** The first block whose own text starts at each offset. */
function blocksByStart(document: ParsedDocument): Map<number, Block> {
  const byStart = new Map<number, Block>();
  for (const block of blocksOf(document)) {
    const start = contentSpan(block.node).start;
    if (!byStart.has(start)) byStart.set(start, block);
  }
  return byStart;
}

/** The paragraph's own text in the source: after its number or label, up to its sub-paragraphs. */
function contentSpan(node: Paragraph | SubParagraph): Span {
  return { start: node.segments[0]?.start ?? node.start, end: node.ownEnd };
}

/** The agreed wording with the final mark the paragraph had here (its position decides it). */
function restoredText(agreed: string, block: Block, document: ParsedDocument): string {
  const own = document.model.text.slice(contentSpan(block.node).start, block.node.ownEnd).trimEnd();
  const mark = /[,;:.]$/.exec(own.replace(/[*_”"’]+$/, ''))?.[0];
  const base = withPunctuation(agreed, { kind: block.kind, last: block.last });
  if (!mark || /:$/.test(base)) return base;
  return base.replace(/[,;.]$/, mark);
}

/** Word diff from the agreed text to the draft's, as escaped Markdown; a legend for what it shows. */
export function renderDiff(agreed: string, draft: string): string {
  const changes = diffWords(agreed, draft, DIFF_OPTIONS);
  if (!changes) {
    return `The texts differ too much to show word by word.\n\nAgreed: ${escapeMarkdown(agreed)}\n\nHere: ${escapeMarkdown(draft)}`;
  }
  const parts = changes.map((change) => {
    // Markup must hug the words: keep the spaces around a change outside it.
    const [, lead, core, tail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(change.value)!;
    const text = escapeMarkdown(core);
    if (!text) return change.value;
    const marked = change.removed ? `~~${text}~~` : change.added ? `**${text}**` : text;
    return `${lead ? ' ' : ''}${marked}${tail ? ' ' : ''}`;
  });
  const legend = [
    changes.some((c) => c.removed) ? '~~struck~~: agreed wording left out' : '',
    changes.some((c) => c.added) ? '**bold**: wording added here' : '',
  ].filter(Boolean);
  return `${parts.join('').replace(/ {2,}/g, ' ')}${legend.length ? `\n\n${legend.join('; ')}.` : ''}`;
}
