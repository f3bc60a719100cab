// The built agreed-language index as the queries read it: compact typed arrays, and the
// constants of their layout that the build writes by and the queries read by.
import { partitionPoint } from '../arrays';
import type { Interner } from '../interner';
import type { StringTable } from '../stringTable';

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
  /**
   * The paragraphs' texts as UTF-8 (decoded when a paragraph is shown or compared): paragraph p's is
   * texts.get(text[p]). A few distinct texts the wordings folded away stay in the table unused.
   */
  texts: StringTable;
  text: Int32Array;
  opening: (string | undefined)[];
  docCount: Int32Array;
  sourceCount: Int32Array;
  boilerplate: Uint8Array;
  tokWord: Uint32Array;
  tokAfter: Uint8Array;
  /** Wording key (see keys.ts) -> first paragraph id; further ones chained in keyNext. */
  keyMap: KeyMap;
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

/** Wording keys to paragraph ids: a Map as built, or the sorted keys of a cache file, searched. */
export interface KeyMap {
  get(key: number): number | undefined;
  readonly size: number;
}

/**
 * The keys of a cache file, ascending, with their values: looked up by binary search, so that a
 * start from the cache builds no Map of a few hundred thousand entries.
 */
export class SortedKeyMap implements KeyMap {
  private constructor(
    private readonly keys: Float64Array,
    private readonly values: Int32Array,
  ) {}

  /** The map, or undefined unless the keys rise strictly and each has a value. */
  static over(keys: Float64Array, values: Int32Array): SortedKeyMap | undefined {
    if (keys.length !== values.length) return undefined;
    for (let i = 1; i < keys.length; i++) if (!(keys[i] > keys[i - 1])) return undefined;
    return new SortedKeyMap(keys, values);
  }

  /** The keys of a map, ascending, with their values. */
  static arrays(map: KeyMap & Iterable<[number, number]>): { keys: Float64Array; values: Int32Array } {
    const keys = new Float64Array(map.size);
    let i = 0;
    for (const [key] of map) keys[i++] = key;
    keys.sort();
    const values = new Int32Array(keys.length);
    for (let k = 0; k < keys.length; k++) values[k] = map.get(keys[k])!;
    return { keys, values };
  }

  get size(): number {
    return this.keys.length;
  }

  /** The keys and values, as a cache file holds them. */
  arrays(): { keys: Float64Array; values: Int32Array } {
    return { keys: this.keys, values: this.values };
  }

  get(key: number): number | undefined {
    const { keys } = this;
    const at = partitionPoint(keys.length, (i) => keys[i] < key);
    return at < keys.length && keys[at] === key ? this.values[at] : undefined;
  }
}
