// Agreed language: every paragraph of the corpus, indexed so that a drafter can reuse adopted
// wording while typing and see at once where a paragraph departs from it.
import type { ResolutionDocument } from '../parser/model';

/** What the index reads of a corpus document; a CorpusDocument is one. */
export interface AgreedCorpusDocument {
  uri: string;
  symbol?: string;
  adoptedAs?: string;
  parsed: { model: Pick<ResolutionDocument, 'preambular' | 'operative'> };
}

export interface AgreedIndexOptions {
  /**
   * Boilerplate: share of the corpus's documents a family of wordings must reach (default 0.4)
   * and the least number of documents (default 3). See `isBoilerplate` in build/boilerplate.ts.
   */
  boilerplateShare?: number;
  boilerplateMinDocuments?: number;
  /** Least similarity for nearest() to name a paragraph (default NEAREST_THRESHOLD, 0.6). */
  nearestThreshold?: number;
}

/** Where a corpus paragraph stands. */
export interface AgreedSource {
  uri: string;
  /** The corpus document's symbol (or the resolution it was adopted as), when known. */
  symbol?: string;
  /** "PP9", "OP3", "OP1 (a)" */
  label: string;
  /** Offsets of the paragraph's own text in that document (after its number or label). */
  start: number;
  end: number;
}

export type AgreedKind = 'preambular' | 'operative' | 'subparagraph';

/** One wording, however many documents use it. */
export interface AgreedParagraph {
  id: number;
  /** Clean text as adopted, without number or label, with its final punctuation. */
  text: string;
  kind: AgreedKind;
  /** Opening phrase (participle or operative verb), when the paragraph has one. */
  opening?: string;
  sources: AgreedSource[];
  /** Distinct documents that use this wording. */
  documentCount: number;
  /**
   * Wording nearly every resolution shares (the closing "provisional agenda" paragraph, the
   * standard "Recalling its resolutions …" list): not offered as a deviation source.
   */
  boilerplate: boolean;
}

export interface ParagraphMatch {
  paragraph: AgreedParagraph;
  /** The typed words begin the paragraph, or stand inside it. */
  match: 'prefix' | 'contains';
  /** Where in the paragraph text the typed words start (for 'contains'). */
  at: number;
  score: number;
}

export interface Continuation {
  /** The words that follow the typed ones in corpus paragraphs, up to a clause end. */
  text: string;
  /** How many paragraphs continue this way. */
  count: number;
  example: AgreedParagraph;
}

export interface NearestParagraph {
  paragraph: AgreedParagraph;
  /** 0..1, 1 for identical after normalisation. */
  similarity: number;
  identical: boolean;
}

export interface AgreedLanguageIndex {
  readonly paragraphCount: number;
  readonly documentCount: number;
  /** Paragraphs that begin with the typed words (first) or contain them, best first. */
  searchParagraphs(typed: string, options: { kind?: AgreedKind; limit: number }): ParagraphMatch[];
  /** How agreed paragraphs go on after the last words typed. */
  continuations(lastWords: string, limit: number): Continuation[];
  /** Opening phrases used in a part, with how many paragraphs use each, most used first. */
  openings(kind: 'preambular' | 'operative'): { phrase: string; count: number }[];
  /** The corpus paragraph closest to a draft paragraph, when any is close enough to matter. */
  nearest(text: string, kind?: AgreedKind): NearestParagraph | undefined;
}
