// Build step 2: split words repaired (see joinedId), then the distinct texts deduplicated by
// normalised wording: texts that differ only in what normalisation folds, or in a word a stray
// space split, are one wording.
import { type Clock, copyOf, Grow, inChunks } from '../arrays';
import { JOIN_RARE, joinedId, KEY_SEED_1, KEY_SEED_2, keyHash, wordingKey } from '../keys';
import type { CorpusParagraphs } from './paragraphs';

/** The distinct wordings, in order of first sight; their tokens are start .. start + len of tokWord and tokAfter. */
export interface Wordings {
  count: number;
  /** The wording of each distinct text. */
  ofText: Int32Array;
  start: Int32Array;
  len: Int32Array;
  before: Uint8Array;
  kind: Uint8Array;
  /** The two hashes of the wording key (see keyHash). */
  hash1: Uint32Array;
  hash2: Uint32Array;
  /** The first text of each wording, as written, and its opening phrase. */
  text: string[];
  opening: (string | undefined)[];
  /** Repaired, the final punctuation stripped, exact size. */
  tokWord: Uint32Array;
  tokAfter: Uint8Array;
}

/** Repairs the tokens of `paragraphs` in place, so they are of no use afterwards; the result holds the repaired ones. */
export function* repairAndDeduplicate(paragraphs: CorpusParagraphs, clock: Clock): Generator<void, Wordings> {
  const { vocab, freq, alpha, stripped, texts } = paragraphs;
  const words = vocab.strings;
  // The same pairs recur in text after text, and the rule builds and looks up the joined word.
  const pairCache = new Map<number, number>();
  const join = (a: number, b: number): number => {
    const fa = freq[a];
    const fb = freq[b];
    if (!((fa <= JOIN_RARE || fb <= JOIN_RARE || words[a].length === 1 || words[b].length === 1) && alpha[a] && alpha[b])) return -1;
    const cacheable = a < 0x400000 && b < 0x400000;
    const key = a * 0x400000 + b;
    if (cacheable) {
      const cached = pairCache.get(key);
      if (cached !== undefined) return cached;
    }
    const joined = joinedId(paragraphs, words[a], fa, words[b], fb);
    if (cacheable) pairCache.set(key, joined);
    return joined;
  };

  const textCount = texts.count;
  const ofText = new Int32Array(textCount);
  const uStart = new Grow(Int32Array);
  const uLen = new Grow(Int32Array);
  const uBefore = new Grow(Uint8Array);
  const uKind = new Grow(Uint8Array);
  const uHash = new Grow(Uint32Array);
  const uHash2 = new Grow(Uint32Array);
  const uText: string[] = [];
  const uOpening: (string | undefined)[] = [];
  // Wording key -> the last wording with it; earlier ones chained.
  const seen = new Map<number, number>();
  const chain = new Grow(Int32Array);
  const tw = paragraphs.tokWord;
  const ta = paragraphs.tokAfter;
  let wc = 0;

  const sameTokens = (u: number, start: number, len: number, kind: number, before: number): boolean => {
    if (uLen.data[u] !== len || uKind.data[u] !== kind || uBefore.data[u] !== before) return false;
    const s = uStart.data[u];
    for (let k = 0; k < len; k++) if (tw[s + k] !== tw[start + k] || ta[s + k] !== ta[start + k]) return false;
    return true;
  };

  yield* inChunks(textCount, 128, clock, (from, to) => {
    for (let r = from; r < to; r++) {
      // Repair split words in place (the write cursor never passes the read cursor).
      const s = texts.start[r];
      const len = texts.len[r];
      const w0 = wc;
      for (let k = 0; k < len; k++) {
        const id = tw[s + k];
        const after = ta[s + k];
        if (wc > w0 && ta[wc - 1] === 0) {
          const joined = join(tw[wc - 1], id);
          if (joined >= 0) {
            tw[wc - 1] = joined;
            ta[wc - 1] = after;
            continue;
          }
        }
        tw[wc] = id;
        ta[wc] = after;
        wc++;
      }
      const n = wc - w0;
      ta[wc - 1] = stripped[ta[wc - 1]];
      const kind = texts.kind[r];
      const before = texts.before[r];
      const h1 = keyHash(KEY_SEED_1, kind, before, tw, ta, w0, n);
      const h2 = keyHash(KEY_SEED_2, kind, before, tw, ta, w0, n);
      const key = wordingKey(h1, h2);
      let u = seen.get(key);
      while (u !== undefined && u >= 0 && !sameTokens(u, w0, n, kind, before)) u = chain.data[u];
      if (u !== undefined && u >= 0) {
        // A wording seen before keeps its first tokens only.
        ofText[r] = u;
        wc = w0;
        continue;
      }
      u = uText.length;
      chain.push(seen.get(key) ?? -1);
      seen.set(key, u);
      uStart.push(w0);
      uLen.push(n);
      uBefore.push(before);
      uKind.push(kind);
      uHash.push(h1);
      uHash2.push(h2);
      uText.push(texts.text[r]);
      uOpening.push(texts.opening[r]);
      ofText[r] = u;
    }
  });
  pairCache.clear();
  seen.clear();
  const tokWord = yield* copyOf(tw, wc, Uint32Array, clock);
  const tokAfter = yield* copyOf(ta, wc, Uint8Array, clock);
  return {
    count: uText.length,
    ofText,
    start: uStart.data,
    len: uLen.data,
    before: uBefore.data,
    kind: uKind.data,
    hash1: uHash.data,
    hash2: uHash2.data,
    text: uText,
    opening: uOpening,
    tokWord,
    tokAfter,
  };
}
