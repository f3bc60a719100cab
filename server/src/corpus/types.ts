// What the server knows beyond the open document: corpus texts, catalogues, and the facts
// merged from them. Every fact keeps its sources; conflicting values are kept side by side.
import type { ParsedDocument } from '../parsedDocument';
import type { CitationKind } from '../parser/model';

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
}

/** A corpus text, parsed once when loaded. */
export interface CorpusDocument {
  uri: string;
  parsed: ParsedDocument;
  /** Own symbol (from the header or a catalogue), normalised. */
  symbol?: string;
  /** The resolution the text was adopted as, when it is a draft whose adoption is known. */
  adoptedAs?: string;
  shipped: boolean;
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

export interface KnowledgeBaseView {
  lookup(key: string): SymbolEntry | undefined;
  /** Every entry, for completion. */
  entries(): Iterable<SymbolEntry>;
  /** The corpus text at a URI, for go to definition and paragraph lookups. */
  document(uri: string): CorpusDocument | undefined;
  readonly problems: readonly CorpusProblem[];
}
