// Build step 4: the structures the queries search, over the paragraphs in rank order: wording
// keys (identical paragraphs), word postings (completion and continuations), the rare-shingle
// index (nearest()), the vocabulary in alphabetical order (a typed word as a prefix) and the
// opening phrases.
import { type Clock, fresh, inChunks, mergeSort, radixSortPairs } from '../arrays';
import { NO_WORD, type OpeningCount, SELECTED_SHINGLES, SHINGLE_DIR_BITS } from '../indexData';
import { fmix, forEachShingle, wordingKey } from '../keys';
import type { RankedParagraphs } from './ranking';
import type { Wordings } from './wordings';

/** Wording key -> the lowest paragraph id with it; the others chained in keyNext. */
export function* chainWordingKeys(wordings: Wordings, ranked: RankedParagraphs, clock: Clock): Generator<void, { keyMap: Map<number, number>; keyNext: Int32Array }> {
  const P = ranked.count;
  const { order } = ranked;
  const keyMap = new Map<number, number>();
  const keyNext = new Int32Array(P).fill(-1);
  // From the last id down, so that the lowest comes first.
  yield* inChunks(P, 4096, clock, (from, to) => {
    for (let i = from; i < to; i++) {
      const r = P - 1 - i;
      const u = order[r];
      const key = wordingKey(wordings.hash1[u], wordings.hash2[u]);
      const head = keyMap.get(key);
      if (head !== undefined) keyNext[r] = head;
      keyMap.set(key, r);
    }
  });
  return { keyMap, keyNext };
}

export interface Postings {
  /** Word w's entries are postOff[w] .. postOff[w + 1], in paragraph id order. */
  postOff: Int32Array;
  postPara: Int32Array;
  postPos: Uint16Array;
  postNext: Uint32Array;
  firstWord: Int32Array;
}

/** Every word's occurrences, with the word after each; positions are 16-bit, so a paragraph's words past the 65,535th are not posted. */
export function* postWords(tokWord: Uint32Array, ranked: RankedParagraphs, vocabSize: number, clock: Clock): Generator<void, Postings> {
  const P = ranked.count;
  const { start, len } = ranked;
  const T = tokWord.length;
  const postOff = new Int32Array(vocabSize + 1);
  yield* inChunks(T, 1 << 18, clock, (from, to) => {
    for (let i = from; i < to; i++) postOff[tokWord[i] + 1]++;
  });
  for (let w = 0; w < vocabSize; w++) postOff[w + 1] += postOff[w];
  const postPara = yield* fresh(Int32Array, T, clock);
  const postPos = yield* fresh(Uint16Array, T, clock);
  const postNext = yield* fresh(Uint32Array, T, clock);
  const cursor = postOff.slice(0, vocabSize);
  const firstWord = new Int32Array(P);
  yield* inChunks(P, 2048, clock, (from, to) => {
    for (let r = from; r < to; r++) {
      const s = start[r];
      const n = Math.min(len[r], 0xffff);
      firstWord[r] = tokWord[s];
      for (let k = 0; k < n; k++) {
        const at = cursor[tokWord[s + k]]++;
        postPara[at] = r;
        postPos[at] = k;
        postNext[at] = k + 1 < len[r] ? tokWord[s + k + 1] : NO_WORD;
      }
    }
  });
  return { postOff, postPara, postPos, postNext, firstWord };
}

export interface RareShingles {
  /** Bucket b (the top SHINGLE_DIR_BITS bits of a hash) is shDir[b] .. shDir[b + 1] of shHash and shPara. */
  shDir: Int32Array;
  shHash: Uint32Array;
  shPara: Int32Array;
  /** How many shingles each paragraph has in the index. */
  selCount: Uint8Array;
}

/**
 * Each paragraph's SELECTED_SHINGLES rarest trigrams, as (hash, paragraph) pairs sorted by hash.
 * Rarity is read from a count-min sketch of the trigrams' frequencies, two rows of 16-bit
 * counters: an overcount only makes a trigram look commoner than it is.
 */
export function* indexRareShingles(tokWord: Uint32Array, ranked: RankedParagraphs, clock: Clock): Generator<void, RareShingles> {
  const P = ranked.count;
  const { start, len } = ranked;
  const T = tokWord.length;
  const sketchBits = T > 1 << 22 ? 23 : T > 1 << 18 ? 21 : 16;
  const sketchMask = (1 << sketchBits) - 1;
  const rowA = yield* fresh(Uint16Array, 1 << sketchBits, clock);
  const rowB = yield* fresh(Uint16Array, 1 << sketchBits, clock);
  const sketchIndex = (h: number) => fmix(h ^ 0x9e3779b9) & sketchMask;
  const countShingle = (h: number): void => {
    const a = h & sketchMask;
    const b = sketchIndex(h);
    if (rowA[a] < 0xffff) rowA[a]++;
    if (rowB[b] < 0xffff) rowB[b]++;
  };
  yield* inChunks(P, 2048, clock, (from, to) => {
    for (let r = from; r < to; r++) forEachShingle(tokWord, start[r], len[r], countShingle);
  });
  const K = SELECTED_SHINGLES;
  const selHash = yield* fresh(Uint32Array, P * K, clock);
  const selCount = new Uint8Array(P);
  {
    // The best K so far, rarest first (ties: lower hash), kept sorted by insertion.
    const bestHash = new Uint32Array(K);
    const bestFreq = new Int32Array(K);
    let n = 0;
    const consider = (h: number): void => {
      const a = rowA[h & sketchMask];
      const b = rowB[sketchIndex(h)];
      const f = a < b ? a : b;
      for (let i = 0; i < n; i++) if (bestHash[i] === h) return;
      if (n === K && (f > bestFreq[K - 1] || (f === bestFreq[K - 1] && h >= bestHash[K - 1]))) return;
      let i = n < K ? n++ : K - 1;
      while (i > 0 && (bestFreq[i - 1] > f || (bestFreq[i - 1] === f && bestHash[i - 1] > h))) {
        bestFreq[i] = bestFreq[i - 1];
        bestHash[i] = bestHash[i - 1];
        i--;
      }
      bestFreq[i] = f;
      bestHash[i] = h;
    };
    yield* inChunks(P, 1024, clock, (from, to) => {
      for (let r = from; r < to; r++) {
        n = 0;
        forEachShingle(tokWord, start[r], len[r], consider);
        selCount[r] = n;
        selHash.set(bestHash.subarray(0, n), r * K);
      }
    });
  }
  let pairs = 0;
  for (let r = 0; r < P; r++) pairs += selCount[r];
  const pairHash = yield* fresh(Uint32Array, pairs, clock);
  const pairPara = yield* fresh(Int32Array, pairs, clock);
  {
    let at = 0;
    yield* inChunks(P, 16384, clock, (from, to) => {
      for (let r = from; r < to; r++) {
        const n = selCount[r];
        for (let i = 0; i < n; i++) {
          pairHash[at] = selHash[r * K + i];
          pairPara[at++] = r;
        }
      }
    });
  }
  const sorted = yield* radixSortPairs(pairHash, pairPara, clock);
  const shDir = new Int32Array((1 << SHINGLE_DIR_BITS) + 1);
  const shift = 32 - SHINGLE_DIR_BITS;
  yield* inChunks(pairs, 1 << 18, clock, (from, to) => {
    for (let i = from; i < to; i++) shDir[(sorted.hash[i] >>> shift) + 1]++;
  });
  for (let b = 0; b < 1 << SHINGLE_DIR_BITS; b++) shDir[b + 1] += shDir[b];
  if (clock.due()) yield;
  return { shDir, shHash: sorted.hash, shPara: sorted.para, selCount };
}

/** Word ids in alphabetical order, and each id's place in it. */
export function* sortVocabulary(words: readonly string[], clock: Clock): Generator<void, { sortedIds: Int32Array; sortRank: Int32Array }> {
  const vocabSize = words.length;
  const ids = new Int32Array(vocabSize);
  for (let i = 0; i < vocabSize; i++) ids[i] = i;
  const sortedIds = yield* mergeSort(ids, (a, b) => (words[a] < words[b] ? -1 : words[a] > words[b] ? 1 : 0), clock);
  const sortRank = new Int32Array(vocabSize);
  for (let i = 0; i < vocabSize; i++) sortRank[sortedIds[i]] = i;
  return { sortedIds, sortRank };
}

/** Most used first; among equals, alphabetical. */
export function rankOpenings(counts: Map<string, OpeningCount>): OpeningCount[] {
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
}
