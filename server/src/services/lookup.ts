// What stands at an offset (citation, paragraph reference, footnote marker) and what it points
// to (a knowledge-base entry, a paragraph of the draft or of a corpus text, a footnote). Shared by
// hover, definition and references. Everything is found by offset in the models: nothing here
// scans the corpus.
import type { ParsedDocument } from '../parsedDocument';
import { citationKey, displaySymbol, normalizeSymbol, type SymbolKey } from '../corpus/symbols';
import type { CorpusDocument, KnowledgeBaseView, SymbolEntry } from '../corpus/types';
import type {
  Citation,
  CleanText,
  Footnote,
  FootnoteMarker,
  HeaderField,
  Paragraph,
  ParagraphReference,
  ReferenceTarget,
  ResolutionDocument,
  Span,
  SubParagraph,
} from '../parser/model';
import { toCleanOffset } from '../parser/cleanText';

export type Block = Paragraph | SubParagraph;

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

export interface ResolvedTarget {
  target: ReferenceTarget;
  /** "paragraph 3", "paragraph 2 (c)", "subparagraph (b)". */
  name: string;
  block?: Block;
  /** The top-level paragraph holding `block`. */
  paragraph?: Paragraph;
}

export interface ResolvedReference {
  reference: ParagraphReference;
  /** The cited resolution or decision; undefined for a reference to the document itself. */
  symbol?: SymbolKey;
  entry?: SymbolEntry;
  /** Where the paragraphs were looked up: the draft itself, or a corpus text. */
  source?: { document: ParsedDocument; corpus?: CorpusDocument; draft: boolean };
  /** "previous" scope with no resolution cited before it. */
  unresolved?: boolean;
  targets: ResolvedTarget[];
}

export function resolveReference(document: ParsedDocument, reference: ParagraphReference, kb: KnowledgeBaseView): ResolvedReference {
  const { scope } = reference;
  const resolved: ResolvedReference = { reference, targets: [] };
  if (scope.kind === 'self') {
    resolved.source = { document, draft: false };
  } else {
    let key: SymbolKey | undefined;
    if (scope.kind === 'cited') {
      const citation = document.model.citations.find((c) => c.start < scope.symbolSpan.end && scope.symbolSpan.start < c.end);
      key = citation ? citationKey(citation) : normalizeSymbol(scope.symbol, scope.citationKind);
    } else {
      const wanted = /decision\W*$/i.test(document.model.text.slice(reference.start, reference.end)) ? 'decision' : 'resolution';
      const previous = previousCitation(document.model, reference.start, wanted);
      key = previous ? citationKey(previous) : undefined;
      if (!key) resolved.unresolved = true;
    }
    if (key) {
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
  const model = resolved.source?.document.model;
  for (const target of reference.targets) {
    const name = targetName(target);
    if (!model) {
      resolved.targets.push({ target, name });
      continue;
    }
    let paragraph: Paragraph | undefined;
    if (target.paragraph !== undefined) paragraph = operativeParagraph(model, target.paragraph);
    else if (scope.kind === 'self') paragraph = paragraphAt(model, reference.start);
    let block: Block | undefined = paragraph;
    if (paragraph && target.sub !== undefined) block = findSub(paragraph.subparagraphs, target.sub);
    resolved.targets.push({ target, name, block, paragraph });
  }
  return resolved;
}

function targetName(target: ReferenceTarget): string {
  if (target.paragraph === undefined) return `subparagraph (${target.sub})`;
  return target.sub !== undefined ? `paragraph ${target.paragraph} (${target.sub})` : `paragraph ${target.paragraph}`;
}

/** The resolution (or decision) cited last before an offset. */
function previousCitation(model: ResolutionDocument, offset: number, kind: 'resolution' | 'decision'): Citation | undefined {
  // A footnote block printed before the reference is not what "that resolution" looks back to.
  const inFootnote = model.footnotes.some((f) => offset >= f.start && offset < f.end);
  let best: Citation | undefined;
  let fallback: Citation | undefined;
  for (const citation of model.citations) {
    if (citation.end > offset || citation.kind === 'document' || (citation.container === 'footnote') !== inFootnote) continue;
    if (citation.kind === kind && (!best || citation.start > best.start)) best = citation;
    if (!fallback || citation.start > fallback.start) fallback = citation;
  }
  return best ?? fallback;
}

/** Operative paragraph N: the one numbered N, else the N-th. Preambular paragraphs carry no number. */
export function operativeParagraph(model: ResolutionDocument, n: number): Paragraph | undefined {
  return model.operative.find((p) => p.number === n) ?? (model.operative.some((p) => p.number !== undefined) ? undefined : model.operative[n - 1]);
}

export function paragraphAt(model: ResolutionDocument, offset: number): Paragraph | undefined {
  const inPart = (paragraphs: Paragraph[]) => paragraphs.find((p) => offset >= p.start && offset < p.end);
  return inPart(model.operative) ?? inPart(model.preambular);
}

function findSub(subs: SubParagraph[], label: string): SubParagraph | undefined {
  for (const sub of subs) {
    if (sub.label === `(${label})` || sub.label === label) return sub;
  }
  for (const sub of subs) {
    const found = findSub(sub.subparagraphs, label);
    if (found) return found;
  }
  return undefined;
}

// ---- where a site stands ----------------------------------------------------------------------

export type SiteContainer =
  | { kind: 'footnote'; footnote: Footnote }
  | { kind: 'block'; block: Block; paragraph: Paragraph }
  | { kind: 'header'; field: HeaderField };

/** The footnote, paragraph or sub-paragraph (deepest), or header field holding an offset. */
export function containerAt(model: ResolutionDocument, offset: number): SiteContainer | undefined {
  const footnote = model.footnotes.find((f) => offset >= f.start && offset < f.end);
  if (footnote) return { kind: 'footnote', footnote };
  const paragraph = paragraphAt(model, offset);
  if (paragraph) {
    let block: Block = paragraph;
    for (let guard = 0; guard < 8; guard++) {
      const sub: SubParagraph | undefined = block.subparagraphs.find((s) => offset >= s.start && offset < s.end);
      if (!sub) break;
      block = sub;
    }
    return { kind: 'block', block, paragraph };
  }
  const field = model.header?.fields.find((f) => offset >= f.start && offset < f.end);
  return field ? { kind: 'header', field } : undefined;
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

export function fileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

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
