// What the server knows beyond the open document: corpus texts, catalogues, and the facts
// merged from them. Every fact keeps its sources; conflicting values are kept side by side.
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../parsedDocument';
import type { CitationKind, Span } from '../parser/model';

/** One row of a user or shipped catalogue (CSV or JSON Lines), already normalised. */
export interface CatalogueRow {
  /** Normalised symbol key ("71/28", "A/C.1/73/L.27/Rev.1"). */
  symbol: string;
  kind: CitationKind;
  title?: string;
  /** Adoption date for a resolution or decision, issue date for a document (yyyy-mm-dd). */
  date?: string;
  session?: number;
  /** The resolution this document was adopted as (a draft's catalogue row), normalised. */
  adoptedAs?: string;
  adoptionDate?: string;
  /** A text of this symbol, relative to the catalogue's folder. */
  file?: string;
  /** 1-based line of the row in its file (for messages). */
  line: number;
}

export interface Catalogue {
  uri: string;
  rows: CatalogueRow[];
  problems: CorpusProblem[];
  /** How many problems there were, those summed up in "and N more" included. */
  problemCount?: number;
}

/** Something in the corpus the user should hear about once: unreadable file, broken row. */
export interface CorpusProblem {
  uri: string;
  /** 1-based line (a catalogue row), when the problem has one. */
  line?: number;
  message: string;
  /** For the log only, never a pop-up: what the user can do nothing about (a shipped file's quirks). */
  quiet?: boolean;
}

export type FactSource =
  | { kind: 'document'; uri: string; symbol?: string }
  | { kind: 'catalogue'; uri: string; line: number }
  | { kind: 'citation'; uri: string; offset: number; citingSymbol?: string };

export interface Fact<T> {
  value: T;
  sources: FactSource[];
}

/** A place in the corpus that cites a symbol. */
export interface CitationSite {
  uri: string;
  start: number;
  end: number;
  citingSymbol?: string;
  /** The citation's range in its text (LSP positions, whole characters): listing references needs no parse. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  /**
   * Where the footnote, paragraph or header field that holds the citation starts (the citation's
   * own start when nothing holds it): places are told apart without parsing the text again.
   */
  container: number;
}

/** A citation as one pass over a corpus text keeps it: its site and what it says of the symbol. */
export interface CitationRecord extends CitationSite {
  /** The knowledge-base key of the cited symbol (citationKey). */
  key: string;
  kind: CitationKind;
  organ?: string;
  /** The date written with it (yyyy-mm-dd). */
  date?: string;
  /** The title it quotes, its spaces folded. */
  title?: string;
}

/**
 * A text's citations as the knowledge base files them: the fields it files a citation by, read
 * without making the citation's record, and each record when its entry is merged. A text read from
 * the on-disk cache keeps its citations as columns, so that a start does not make hundreds of
 * thousands of records before a lookup needs one.
 */
export interface CitationList {
  readonly length: number;
  key(i: number): string;
  kind(i: number): CitationKind;
  date(i: number): string | undefined;
  organ(i: number): string | undefined;
  record(i: number): CitationRecord;
}

export type ParagraphKind = 'preambular' | 'operative' | 'subparagraph';

/** A paragraph or sub-paragraph as the agreed-language index reads it. */
export interface ParagraphRecord {
  kind: ParagraphKind;
  /** "PP9", "OP3", "OP1 (a)". */
  label: string;
  /** The opening phrase of a preambular or operative paragraph, when it has one. */
  opening?: string;
  /** Clean text, without number or label. */
  text: string;
  /** Offsets of the paragraph's own text in its document (after its number or label). */
  start: number;
  end: number;
}

/** What a corpus text's header says of it. */
export interface DocumentFacts {
  /** The symbol the header gives, normalised. */
  ownSymbol?: string;
  title?: string;
  /** The adoption date the header gives (yyyy-mm-dd). */
  adopted?: string;
  session?: number;
}

/** What one pass over a corpus text's parse keeps (compactDocument.ts): facts, citations, paragraphs. */
export interface DocumentExtract {
  facts: DocumentFacts;
  citations: CitationRecord[];
  paragraphs: ParagraphRecord[];
}

/**
 * A corpus text as the server keeps it: what lookups name it by, and its parse on demand. The
 * parse is not kept: it is made again from the text when a feature needs it (a paragraph of a
 * cited resolution, a definition's range, a comparison), and a bounded cache keeps the last few
 * (parseCache.ts).
 */
export interface CorpusDocument {
  uri: string;
  /** Own symbol (from the header or a catalogue), normalised. */
  symbol?: string;
  /** The resolution the text was adopted as, when it is a draft whose adoption is known. */
  adoptedAs?: string;
  shipped: boolean;
  /** The title its header gives. */
  title?: string;
  /** The text's parse; undefined when the text can no longer be read as it was loaded (changed, gone). */
  parsed(): ParsedDocument | undefined;
  /** The LSP range of a span of the text, without parsing it; undefined as for parsed(). */
  range(span: Span): Range | undefined;
}

/** A file as the cache keys what was read from it. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/** A corpus text as loaded: the document kept, and what the knowledge base and the cache take from it. */
export interface LoadedDocument {
  document: CorpusDocument;
  facts: DocumentFacts;
  citations: CitationList;
  /** Where its paragraphs are kept until the agreed-language index and the cache have read them. */
  paragraphs: ParagraphRef;
  /** The file it was read from; undefined for a text held in memory. */
  file?: FileStamp;
}

/** Paragraphs of many documents, kept compactly (paragraphStore.ts) or in the cache file. */
export interface ParagraphSource {
  paragraphs(doc: number): Iterable<ParagraphRecord>;
}

export interface ParagraphRef {
  source: ParagraphSource;
  doc: number;
}

export interface SymbolEntry {
  key: string;
  kind: CitationKind;
  organ?: string;
  /** Distinct values, most sources first. More than one value is a conflict to show. */
  titles: Fact<string>[];
  /** Adoption date (resolution, decision) or issue date (document), yyyy-mm-dd. */
  dates: Fact<string>[];
  sessions: Fact<number>[];
  /** Corpus texts of this symbol: its own text, or the draft it was adopted from. */
  texts: CorpusDocument[];
  /** Drafts adopted as this resolution, and the resolution a draft was adopted as. */
  adoptedFrom: string[];
  adoptedAs?: string;
  citedBy: CitationSite[];
}

/** A key with what its entry's kind and organ are, read without merging the entry. */
export interface SymbolSummary {
  key: string;
  kind: CitationKind;
  organ?: string;
}

export interface KnowledgeBaseView {
  lookup(key: string): SymbolEntry | undefined;
  /** Every entry (each merged: for tests and tools; a completion reads `symbols`). */
  entries(): Iterable<SymbolEntry>;
  /** Every key with its kind and organ, for completion. */
  symbols(): readonly SymbolSummary[];
  /** The corpus text at a URI, for go to definition and paragraph lookups. */
  document(uri: string): CorpusDocument | undefined;
  readonly problems: readonly CorpusProblem[];
}
