// The keys and hashes that the build and the queries must compute alike: the key of a wording
// (found again when a draft paragraph is identical), the word trigrams nearest() gathers its
// candidates by, and the repair of a word split by a stray space. The build stores what they
// give and a query looks it up, so a change to either side alone would make every lookup miss.
import type { Interner } from '../interner';

/** One murmur3 mixing step. */
export function mix(h: number, value: number): number {
  let v = Math.imul(value, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  v = Math.imul(v, 0x1b873593);
  h ^= v;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3 finalizer: an unsigned 32-bit hash. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// ---- wording keys ------------------------------------------------------------------------------

// Two independent 32-bit hashes: one alone would make colliding wordings common in a corpus of
// a million paragraphs, and each collision costs a token-by-token comparison.
export const KEY_SEED_1 = 0x2545f491;
export const KEY_SEED_2 = 0x5bd1e995;

/** The wording key of a token run: kind, leading punctuation, words and the punctuation after each. */
export function keyHash(seed: number, kind: number, before: number, words: ArrayLike<number>, after: ArrayLike<number>, from: number, n: number): number {
  let h = mix(seed, kind);
  h = mix(h, before);
  h = mix(h, n);
  for (let k = 0; k < n; k++) {
    h = mix(h, words[from + k]);
    h = mix(h, after[from + k]);
  }
  return fmix(h);
}

/** The 53-bit map key of a wording from its two 32-bit hashes (a safe integer: a Map key without boxing). */
export function wordingKey(h1: number, h2: number): number {
  return h1 * 0x200000 + (h2 >>> 11);
}

// ---- shingles ----------------------------------------------------------------------------------

/** Hash of a word trigram (or of a shorter whole text, with its length as seed). */
export function shingleHash(a: number, b: number, c: number, seed = 3): number {
  return fmix(mix(mix(mix(seed * 0x9e3779b1, a), b), c));
}

/** Word trigram hashes of a token run; a run shorter than three words is one shingle. */
export function forEachShingle(words: ArrayLike<number>, from: number, n: number, visit: (hash: number) => void): void {
  if (n <= 0) return;
  if (n < 3) {
    visit(shingleHash(words[from], n > 1 ? words[from + 1] : -1, -1, 7 + n));
    return;
  }
  for (let k = 0; k + 2 < n; k++) visit(shingleHash(words[from + k], words[from + k + 1], words[from + k + 2]));
}

// ---- the join rule -----------------------------------------------------------------------------

/** A word occurring at most this often, or a one-letter word, may be a fragment of a split word. */
export const JOIN_RARE = 8;

/** What the join rule reads of the corpus: its words, and how often each occurs in its distinct texts. */
export interface JoinVocabulary {
  vocab: Pick<Interner, 'idOf'>;
  freq: ArrayLike<number>;
}

/**
 * The repair of a word split by a stray space ("o f", "consul tative"), applied alike to the
 * corpus and to what is typed: words a and b with nothing between them are joined when
 *  - both are alphabetic, and one is a single letter or occurs at most JOIN_RARE times in the
 *    corpus's distinct texts (a split fragment is rare), and
 *  - a+b is a word of the corpus, and
 *  - the rarer part is no more frequent than max(2, a quarter of a+b's frequency): "o f" -> "of",
 *    "consul tative" -> "consultative", but never "in to" -> "into" or "can not" -> "cannot",
 *    whose parts are common words.
 * Returns the joined word's id, or -1.
 */
export function joinedId(corpus: JoinVocabulary, a: string, fa: number, b: string, fb: number): number {
  const rarer = fa < fb ? fa : fb;
  if (!(a.length === 1 || b.length === 1 || rarer <= JOIN_RARE)) return -1;
  if (!isAlphabetic(a) || !isAlphabetic(b)) return -1;
  const joined = corpus.vocab.idOf(a + b);
  if (joined === undefined) return -1;
  return rarer <= Math.max(2, corpus.freq[joined] / 4) ? joined : -1;
}

const ALPHA = /^\p{L}+$/u;
const ASCII_ALPHA = /^[a-z]+$/;
/** Letters only; most words are plain ASCII after normalisation, which is the cheap test. */
export function isAlphabetic(word: string): boolean {
  return ASCII_ALPHA.test(word) || ALPHA.test(word);
}
