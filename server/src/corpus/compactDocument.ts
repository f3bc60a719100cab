// A corpus text as the server keeps it, and the one pass over its parse that takes what every
// feature needs: the header's facts, each citation with its site (offsets, LSP range, the start
// of what holds it) and each paragraph as the agreed-language index reads it. The parse is then
// dropped; a feature that needs more of the text parses it again on demand (parseCache.ts).
//
// Strings kept from a parse are copied: V8 keeps a substring as a slice of the string it was cut
// from, and one title kept would keep its whole text alive. A pool shares the copies across a
// load (resolution 70/1 is cited thousands of times; "PP1" labels every first paragraph).
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../parsedDocument';
import type { Paragraph, ResolutionDocument, Span, SubParagraph } from '../parser/model';
import { queryOf, subLabel } from '../parser/query';
import { isoDate } from '../parser/vocabulary';
import { corpusParses, MemoryText, type CorpusText, type ParseCache } from './parseCache';
import { citationKey, normalizeSymbol } from './symbols';
import type { CitationList, CitationRecord, CorpusDocument, DocumentExtract, DocumentFacts, LoadedDocument, ParagraphKind, ParagraphRecord, ParagraphSource } from './types';

/** Copies of strings, one per value: none keeps the text it was cut from alive. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  get(value: string): string;
  get(value: string | undefined): string | undefined;
  get(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    let kept = this.strings.get(value);
    if (kept === undefined) {
      kept = fresh(value);
      this.strings.set(kept, kept);
    }
    return kept;
  }
}

/** A flat copy of a string, sharing nothing with the string it may be a slice of. */
export function fresh(value: string): string {
  return value.length < 13 ? value : Buffer.from(value, 'utf8').toString('utf8');
}

/**
 * The one pass: facts, citations and paragraphs of a parse. A document is known by the symbol a
 * catalogue gives it (`symbol`), else by its header's: each citation's site names it.
 */
export function extractDocument(parsed: ParsedDocument, symbol: string | undefined, pool = new StringPool()): DocumentExtract {
  const { model } = parsed;
  const facts = factsOf(model, pool);
  return { facts, citations: citationsOf(parsed, symbol ?? facts.ownSymbol, pool), paragraphs: paragraphsOf(model, pool) };
}

export function factsOf(model: ResolutionDocument, pool = new StringPool()): DocumentFacts {
  const facts: DocumentFacts = {};
  const fields = model.header?.fields ?? [];
  const own = fields.find((f) => f.kind === 'symbol');
  const symbol = own ? normalizeSymbol(own.value)?.key : undefined;
  if (symbol) facts.ownSymbol = pool.get(symbol);
  const title = fields.find((f) => f.kind === 'title')?.value;
  if (title) facts.title = pool.get(title);
  const adoption = fields.find((f) => f.kind === 'adoption');
  const adoptedOn = adoption ? /on (\d{1,2} \w+ \d{4})$/.exec(adoption.value)?.[1] : undefined;
  const iso = adoptedOn ? isoFromText(adoptedOn) : undefined;
  if (iso) facts.adopted = pool.get(iso);
  if (model.header?.session !== undefined) facts.session = model.header.session;
  return facts;
}

function citationsOf(parsed: ParsedDocument, citing: string | undefined, pool: StringPool): CitationRecord[] {
  const { model } = parsed;
  const query = queryOf(model);
  const uri = pool.get(parsed.uri);
  const records: CitationRecord[] = [];
  for (const citation of model.citations) {
    const symbol = citationKey(citation);
    if (!symbol) continue;
    const range = parsed.range(citation);
    const container = query.containerAt(citation.start);
    const record: CitationRecord = {
      uri,
      start: citation.start,
      end: citation.end,
      citingSymbol: citing,
      line: range.start.line,
      character: range.start.character,
      endLine: range.end.line,
      endCharacter: range.end.character,
      container: !container ? citation.start : container.kind === 'footnote' ? container.footnote.start : container.kind === 'block' ? container.block.start : container.field.start,
      key: pool.get(symbol.key),
      kind: symbol.kind,
    };
    if (citation.organ) record.organ = pool.get(citation.organ);
    if (citation.date) record.date = pool.get(citation.date.iso);
    if (citation.title) record.title = pool.get(citation.title.text.replace(/\s+/g, ' '));
    records.push(record);
  }
  return records;
}

/**
 * Preambular and operative paragraphs, each followed by its sub-paragraphs at any depth in text
 * order (a stack, since the labels decide the depth). A decimal label names its own place ("OP1
 * 1.2.1"): with every level above it, the labels of deep decimal lists would grow with the square
 * of the depth.
 */
export function paragraphsOf(model: Pick<ResolutionDocument, 'preambular' | 'operative'>, pool = new StringPool()): ParagraphRecord[] {
  const records: ParagraphRecord[] = [];
  const add = (kind: ParagraphKind, label: string, block: Paragraph | SubParagraph, opening: string | undefined) => {
    const { text, runs } = block.content;
    let start = block.start;
    let end = block.ownEnd;
    if (runs.length >= 3) {
      start = runs[1];
      const last = runs.length - 3;
      end = runs[last + 1] + runs[last + 2];
    }
    // The text is not pooled: the paragraph store keeps it as UTF-8, and a pool of strings would
    // keep every distinct paragraph of the corpus until the load ends.
    const record: ParagraphRecord = { kind, label: pool.get(label), text, start, end };
    if (opening !== undefined) record.opening = pool.get(opening);
    records.push(record);
  };
  const part = (paragraphs: Paragraph[], kind: ParagraphKind, prefix: string) => {
    for (const paragraph of paragraphs) {
      const label = paragraph.suffix ? `${prefix}${paragraph.index} ${paragraph.suffix.text}` : `${prefix}${paragraph.index}`;
      add(kind, label, paragraph, paragraph.opening?.text);
      const pending: { sub: SubParagraph; parentLabel: string }[] = [];
      for (let i = paragraph.subparagraphs.length - 1; i >= 0; i--) pending.push({ sub: paragraph.subparagraphs[i], parentLabel: label });
      while (pending.length > 0) {
        const { sub, parentLabel } = pending.pop()!;
        const childLabel = sub.scheme === 'decimal' && sub.label ? `${label} ${sub.label}` : `${parentLabel} ${subLabel(sub)}`;
        add('subparagraph', childLabel, sub, undefined);
        for (let i = sub.subparagraphs.length - 1; i >= 0; i--) pending.push({ sub: sub.subparagraphs[i], parentLabel: childLabel });
      }
    }
  };
  part(model.preambular, 'preambular', 'PP');
  part(model.operative, 'operative', 'OP');
  return records;
}

function isoFromText(text: string): string | undefined {
  const match = /^(\d{1,2}) (\w+) (\d{4})$/.exec(text);
  return match ? isoDate(Number(match[1]), match[2], Number(match[3])) : undefined;
}

/** A corpus text: its names, and its text and parse on demand through a shared, bounded cache. */
export class CompactDocument implements CorpusDocument {
  symbol?: string;
  adoptedAs?: string;
  title?: string;

  constructor(
    readonly uri: string,
    readonly shipped: boolean,
    readonly source: CorpusText,
    private readonly parses: ParseCache = corpusParses,
  ) {}

  parsed(): ParsedDocument | undefined {
    return this.parses.parsed(this.uri, this.source);
  }

  range(span: Span): Range | undefined {
    return this.parses.range(this.source, span);
  }
}

/** Paragraphs held as they are, per document (texts given whole: tests, the command line's own). */
export class ParagraphList implements ParagraphSource {
  private readonly lists: ParagraphRecord[][] = [];

  add(paragraphs: ParagraphRecord[]): number {
    this.lists.push(paragraphs);
    return this.lists.length - 1;
  }

  paragraphs(doc: number): ParagraphRecord[] {
    return this.lists[doc] ?? [];
  }
}

/** A corpus text held in memory, loaded as the loader loads a file: for tests, and for texts given whole. */
export function memoryDocument(parsed: ParsedDocument, names: { symbol?: string; adoptedAs?: string; shipped?: boolean } = {}, parses: ParseCache = corpusParses): LoadedDocument {
  const pool = new StringPool();
  const facts = factsOf(parsed.model, pool);
  const symbol = names.symbol ?? facts.ownSymbol;
  const document = new CompactDocument(parsed.uri, names.shipped ?? false, new MemoryText(parsed.model.text), parses);
  if (symbol) document.symbol = symbol;
  if (names.adoptedAs) document.adoptedAs = names.adoptedAs;
  if (facts.title) document.title = facts.title;
  const list = new ParagraphList();
  return {
    document,
    facts,
    citations: citationList(citationsOf(parsed, symbol, pool)),
    paragraphs: { source: list, doc: list.add(paragraphsOf(parsed.model, pool)) },
  };
}

/** Citation records as the list the knowledge base files them from. */
export function citationList(records: readonly CitationRecord[]): CitationList {
  return {
    length: records.length,
    key: (i) => records[i].key,
    kind: (i) => records[i].kind,
    date: (i) => records[i].date,
    organ: (i) => records[i].organ,
    record: (i) => records[i],
  };
}
