// The built agreed-language index as the queries read it: compact typed arrays, and the
// constants of their layout that the build writes by and the queries read by.
import type { Interner } from '../interner';

export const KIND_PREAMBULAR = 0;
export const KIND_OPERATIVE = 1;
export const KIND_SUBPARAGRAPH = 2;
export const KINDS = ['preambular', 'operative', 'subparagraph'] as const;

/** Shingles kept per paragraph for nearest(): its rarest word trigrams. */
export const SELECTED_SHINGLES = 12;
/** Bits of the shingle directory (hash >>> (32 - bits) picks a bucket). */
export const SHINGLE_DIR_BITS = 18;
/** postNext at a paragraph's last word. */
export const NO_WORD = 0xffffffff;

/** Everything the queries read. Paragraph ids are ranks: 0 is the most used wording. */
export interface IndexData {
  documentCount: number;
  // vocabulary
  vocab: Interner;
  /** vocab.strings: a word by its id. */
  words: readonly string[];
  /** Occurrences of each word in the distinct texts, before repairs (what joinedId weighs). */
  freq: Uint32Array;
  alpha: Uint8Array;
  /** Word ids in alphabetical order, and each id's place in it (prefix completion). */
  sortedIds: Int32Array;
  sortRank: Int32Array;
  /** Punctuation codes: 0 is none, 255 any mark past the 254 the corpus gave codes to. */
  punctCodes: Interner;
  clause: Uint8Array;
  stripped: Uint8Array;
  // paragraphs
  paragraphCount: number;
  start: Int32Array;
  len: Int32Array;
  before: Uint8Array;
  kind: Uint8Array;
  text: string[];
  opening: (string | undefined)[];
  docCount: Int32Array;
  sourceCount: Int32Array;
  boilerplate: Uint8Array;
  tokWord: Uint32Array;
  tokAfter: Uint8Array;
  /** Wording key (see keys.ts) -> first paragraph id; further ones chained in keyNext. */
  keyMap: Map<number, number>;
  keyNext: Int32Array;
  // sources, grouped by paragraph
  srcOff: Int32Array;
  srcDoc: Int32Array;
  srcLabel: Int32Array;
  srcStart: Int32Array;
  srcEnd: Int32Array;
  labels: readonly string[];
  docUri: string[];
  docSymbol: (string | undefined)[];
  // word postings: for word w, entries postOff[w] .. postOff[w+1], sorted by paragraph id
  postOff: Int32Array;
  postPara: Int32Array;
  postPos: Uint16Array;
  /** The word after each posting's occurrence (NO_WORD at the paragraph's end): a bigram filter read in sequence. */
  postNext: Uint32Array;
  firstWord: Int32Array;
  // rare shingles: pairs (hash, paragraph) sorted by hash then paragraph, with a directory
  shDir: Int32Array;
  shHash: Uint32Array;
  shPara: Int32Array;
  selCount: Uint8Array;
  openings: { preambular: OpeningCount[]; operative: OpeningCount[] };
}

export interface OpeningCount {
  phrase: string;
  count: number;
}
