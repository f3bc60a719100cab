// What stands at an offset (citation, paragraph reference, footnote marker) and what it points
// to (a knowledge-base entry, a paragraph of the draft or of a corpus text, a footnote). Shared by
// hover, definition and references. Everything is found by offset in the models: nothing here
// scans the corpus.
import type { ParsedDocument } from '../parsedDocument';
import { citationKey, displaySymbol, normalizeSymbol, type SymbolKey } from '../corpus/symbols';
import type { CorpusDocument, KnowledgeBaseView, SymbolEntry } from '../corpus/types';
import type { Citation, CleanText, Footnote, FootnoteMarker, Paragraph, ParagraphReference, ResolutionDocument, Span } from '../parser/model';
import { toCleanOffset } from '../parser/cleanText';
import { queryOf, type Container, type ResolvedTarget } from '../parser/query';
import { fileName } from '../text';

export type { Block } from '../parser/query';

/** The span a citation answers to: its symbol and, unless shared with the next symbol, its date. */
export function citationSpan(citation: Citation): Span {
  const end = citation.date && !citation.date.shared && citation.date.end > citation.end ? citation.date.end : citation.end;
  return { start: citation.start, end };
}

export function citationAt(model: ResolutionDocument, offset: number): Citation | undefined {
  for (const citation of model.citations) {
    const span = citationSpan(citation);
    if (offset >= span.start && offset <= span.end) return citation;
  }
  return undefined;
}

export function referenceAt(model: ResolutionDocument, offset: number): ParagraphReference | undefined {
  return model.references.find((reference) => offset >= reference.start && offset <= reference.end);
}

export function markerAt(model: ResolutionDocument, offset: number): FootnoteMarker | undefined {
  return model.markers.find((marker) => offset >= marker.start && offset <= marker.end);
}

/** The footnote a marker calls: the first of its label after the marker, else the last before. */
export function footnoteFor(model: ResolutionDocument, marker: FootnoteMarker): Footnote | undefined {
  let before: Footnote | undefined;
  for (const footnote of model.footnotes) {
    if (footnote.label !== marker.label) continue;
    if (footnote.start >= marker.end) return footnote;
    before = footnote;
  }
  return before;
}

/** The marker that calls a footnote: the last of its label before it, else the first after. */
export function markerFor(model: ResolutionDocument, footnote: Footnote): FootnoteMarker | undefined {
  let after: FootnoteMarker | undefined;
  let before: FootnoteMarker | undefined;
  for (const marker of model.markers) {
    if (marker.label !== footnote.label) continue;
    if (marker.start < footnote.start) before = marker;
    else after ??= marker;
  }
  return before ?? after;
}

/** The knowledge-base entry a key names, with the key's kind corrected by the entry. */
export function symbolOf(key: SymbolKey, kb: KnowledgeBaseView): { symbol: SymbolKey; entry?: SymbolEntry } {
  const entry = kb.lookup(key.key);
  return { symbol: entry ? { key: entry.key, kind: entry.kind } : key, entry };
}

/** The corpus texts of an entry, its own text first, then the drafts it was adopted from. */
export function textsOf(entry: SymbolEntry | undefined): { document: CorpusDocument; draft: boolean }[] {
  if (!entry) return [];
  const own = entry.texts.filter((text) => text.symbol === entry.key).map((document) => ({ document, draft: false }));
  const drafts = entry.texts.filter((text) => text.symbol !== entry.key).map((document) => ({ document, draft: true }));
  return [...own, ...drafts];
}

// ---- paragraph references ---------------------------------------------------------------------

export interface ResolvedReference {
  reference: ParagraphReference;
  /** The cited resolution or decision; undefined for a reference to the document itself. */
  symbol?: SymbolKey;
  entry?: SymbolEntry;
  /** Where the paragraphs were looked up: the draft itself, or a corpus text. */
  source?: { document: ParsedDocument; corpus?: CorpusDocument; draft: boolean };
  /** "previous" scope with no resolution cited before it. */
  unresolved?: boolean;
  /** Each target, found in `source` by the same rules as the checks use (parser/query.ts). */
  targets: ResolvedTarget[];
}

export function resolveReference(document: ParsedDocument, reference: ParagraphReference, kb: KnowledgeBaseView): ResolvedReference {
  const query = queryOf(document.model);
  const resolved: ResolvedReference = { reference, targets: [] };
  const cited = query.citedBy(reference);
  if (!cited) resolved.source = { document, draft: false };
  else {
    const key = cited.citation ? citationKey(cited.citation) : cited.symbol !== undefined ? normalizeSymbol(cited.symbol, cited.kind) : undefined;
    if (!key) resolved.unresolved = true;
    else {
      const { symbol, entry } = symbolOf(key, kb);
      resolved.symbol = symbol;
      resolved.entry = entry;
      const text = textsOf(entry)[0];
      // The cited resolution may be the very corpus text open in the editor: its paragraphs are
      // then where the editor has them now, not where the corpus loaded them.
      const open = text && uriKey(text.document.uri) === uriKey(document.uri);
      if (text) resolved.source = { document: open ? document : text.document.parsed, corpus: text.document, draft: text.draft };
    }
  }
  const within = resolved.source ? queryOf(resolved.source.document.model) : undefined;
  resolved.targets = query.resolveReference(reference, within);
  if (!within) {
    for (const target of resolved.targets) {
      target.paragraph = undefined;
      target.block = undefined;
    }
  }
  return resolved;
}

export function paragraphAt(model: ResolutionDocument, offset: number): Paragraph | undefined {
  return queryOf(model).paragraphAt(offset);
}

export type SiteContainer = Container;

/** The footnote, paragraph or sub-paragraph (deepest), or header field holding an offset. */
export function containerAt(model: ResolutionDocument, offset: number): SiteContainer | undefined {
  return queryOf(model).containerAt(offset);
}

/** The clean text around a source span, cut at word boundaries, with ellipses where cut. */
export function excerptAround(clean: CleanText, span: Span, before = 110, after = 70): string {
  const text = clean.text;
  const start = toCleanOffset(clean, span.start);
  const end = Math.max(start, toCleanOffset(clean, span.end));
  let from = Math.max(0, start - before);
  let to = Math.min(text.length, end + after);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < start ? space + 1 : from;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    to = space > end ? space : to;
  }
  return (from > 0 ? '… ' : '') + text.slice(from, to).trim() + (to < text.length ? ' …' : '');
}

// ---- names ------------------------------------------------------------------------------------


/** How a corpus document is named to the user: its symbol when it has one, else its file name. */
export function documentName(kb: KnowledgeBaseView, uri: string): string {
  const document = kb.document(uri);
  if (document?.symbol) {
    const kind = kb.lookup(document.symbol)?.kind ?? normalizeSymbol(document.symbol)?.kind ?? 'document';
    return displaySymbol({ key: document.symbol, kind });
  }
  return fileName(uri);
}

/** URIs compared the way editors spell them differently ("c%3A" / "C:"). */
export function uriKey(uri: string): string {
  let decoded = uri;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    // keep it as it is
  }
  return decoded.replace(/^file:\/\/\/([A-Za-z]):/, (_, drive: string) => `file:///${drive.toLowerCase()}:`);
}
