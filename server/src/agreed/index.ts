// The agreed-language index: every paragraph of the corpus, searchable while the drafter types
// and comparable with a draft paragraph. Built from CorpusDocuments by buildAgreedIndex (sync,
// for a few documents and tests) or buildAgreedIndexAsync (yields to the event loop every few
// milliseconds: the server keeps answering while a 10,000-document corpus is indexed).
//
// Rules (see also normalise.ts for matching and build/boilerplate.ts for boilerplate):
// - One AgreedParagraph per normalised wording and kind (preambular, operative, subparagraph):
//   identical after case, quotes, dashes, whitespace, markers and split words are folded, and
//   ignoring the final , ; : or . that a paragraph's position gives it. Its `text` is the first
//   source's clean text as written, final punctuation included.
// - Paragraph ids are ranks: 0 is the wording used by the most documents; among equals the
//   shorter text first, then the first seen. Every list this index returns follows that order
//   unless it says otherwise.
// - documentCount counts resolutions: a draft and the resolution it was adopted as, when both
//   are in the corpus, count once.
// - AgreedSource.symbol is the resolution a draft was adopted as when known, else the
//   document's own symbol, written in full as a drafter cites it: seed 000
//   (A/C.1/74/L.49/Rev.1, adopted as 74/28) shows "A/RES/74/28"; a document symbol stays as it
//   is ("A/C.1/73/L.27/Rev.1"); undefined when the corpus knows neither.
// - nearest(): similarity is 2·LCS / (|a| + |b|) over the two token sequences (words and
//   punctuation marks, final punctuation ignored), found among candidates that share the corpus
//   paragraph's rarest word trigrams; below NEAREST_THRESHOLD (0.6, or the nearestThreshold
//   option) there is no nearest. On the seeds, leave-one-out, related wordings score 0.63 to
//   0.9 and one unrelated pair sharing a long body name ("Open-ended Working Group on
//   Developments in the Field of …") 0.69: a higher threshold trades such pairs for edits
//   that add a whole clause (000 PP9 against 001 PP7 scores 0.69). Boilerplate paragraphs are returned like any other (with boilerplate: true): the deviation
//   check skips them, and so never reports a lesser match in their place.
import { paragraphsOf } from '../corpus/compactDocument';
import type { CancellationToken } from '../parsedDocument';
import type { ResolutionDocument } from '../parser/model';
import type { Clock } from './arrays';
import { buildSteps } from './build';
import { KINDS, NO_WORD, SHINGLE_DIR_BITS, type IndexData } from './indexData';
import { forEachShingle, joinedId, KEY_SEED_1, KEY_SEED_2, keyHash, mix, wordingKey } from './keys';
import { newTokens, stripMarkers, tokenize, type Tokens } from './normalise';
import type {
  AgreedCorpusDocument,
  AgreedIndexOptions,
  AgreedKind,
  AgreedLanguageIndex,
  AgreedParagraph,
  AgreedSource,
  Continuation,
  NearestParagraph,
  ParagraphMatch,
} from './types';

export type { AgreedCorpusDocument, AgreedIndexOptions } from './types';

/** Least similarity for nearest() to name a paragraph. */
export const NEAREST_THRESHOLD = 0.6;
/** Continuations: at most this many words, and a comma ends one only after this many. */
export const CONTINUATION_MAX_WORDS = 12;
export const CONTINUATION_MIN_WORDS_BEFORE_COMMA = 3;
/** Continuations: corpus occurrences examined at most (the most used paragraphs first). */
const CONTINUATION_MAX_OCCURRENCES = 4000;
/** nearest(): entries read at most from one shingle's list, and candidates compared exactly. */
const SHINGLE_MAX_SCAN = 2000;
const NEAREST_CANDIDATES = 10;
const SHINGLE_DIR_SHIFT = 32 - SHINGLE_DIR_BITS;

export class AgreedIndexCancelled extends Error {
  constructor() {
    super('agreed-language index build cancelled');
    this.name = 'AbortError';
  }
}

export type CancelSignal = { aborted: boolean } | CancellationToken;

export interface AsyncAgreedIndexOptions extends AgreedIndexOptions {
  /** Longest run of work between two yields to the event loop, in ms (default 5). */
  yieldEveryMs?: number;
  /** Stops the build: the promise rejects with AgreedIndexCancelled (name "AbortError"). */
  signal?: AbortSignal;
  token?: CancelSignal;
  /** Told as documents are read: how many so far. */
  progress?: (done: number) => void;
}

/** A document for the index from a parse (tests, and texts indexed without a corpus load). */
export function agreedDocument(parsed: { uri: string; model: Pick<ResolutionDocument, 'preambular' | 'operative'> }, names: { symbol?: string; adoptedAs?: string } = {}): AgreedCorpusDocument {
  return { uri: parsed.uri, ...names, paragraphs: paragraphsOf(parsed.model) };
}

/** Builds the index at once. Fine for the shipped seeds; use the async builder for a corpus. */
export function buildAgreedIndex(documents: Iterable<AgreedCorpusDocument>, options: AgreedIndexOptions = {}): AgreedIndex {
  const steps = buildSteps(documents, options, { due: () => false });
  // The steps read the documents once; held here, they would outlive that.
  // eslint-disable-next-line no-useless-assignment -- drops this frame's reference for the collector
  documents = [];
  for (;;) {
    const step = steps.next();
    if (step.done) return new AgreedIndex(step.value, options);
  }
}

/**
 * Builds the index in slices of about `yieldEveryMs` (default 5 ms), awaiting setImmediate
 * between them, so that requests are answered during the build. It starts after one turn of
 * the event loop, never inside the caller's own handler. `documents` is read lazily during
 * the build and must not change meanwhile.
 */
export async function buildAgreedIndexAsync(documents: Iterable<AgreedCorpusDocument>, options: AsyncAgreedIndexOptions = {}): Promise<AgreedIndex> {
  const budget = Math.max(0, options.yieldEveryMs ?? 5);
  let sliceStart = 0;
  const clock: Clock = { due: () => performance.now() - sliceStart >= budget };
  const cancelled = () => options.signal?.aborted === true || (options.token !== undefined && ('aborted' in options.token ? options.token.aborted : options.token.isCancellationRequested));
  const steps = buildSteps(documents, options, clock, options.progress);
  // The steps read the documents once; held here, they would outlive that.
  // eslint-disable-next-line no-useless-assignment -- drops this frame's reference for the collector
  documents = [];
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (cancelled()) {
      steps.return(undefined as never);
      throw new AgreedIndexCancelled();
    }
    sliceStart = performance.now();
    const step = steps.next();
    if (step.done) return new AgreedIndex(step.value, options);
  }
}

/** A typed text as the index reads it: word ids (-1 unknown), punctuation codes, offsets. */
interface Query {
  ids: number[];
  words: string[];
  after: number[];
  before: number;
  starts: number[];
  ends: number[];
  openEnd: boolean;
}

export class AgreedIndex implements AgreedLanguageIndex {
  readonly paragraphCount: number;
  readonly documentCount: number;
  private readonly cache = new Map<number, AgreedParagraph>();
  private readonly scratch: Tokens = newTokens();
  private hits: Int32Array;
  private touched: Int32Array;
  private rowA = new Int32Array(256);
  private rowB = new Int32Array(256);
  private readonly threshold: number;

  constructor(
    private readonly data: IndexData,
    options: AgreedIndexOptions = {},
  ) {
    this.threshold = options.nearestThreshold ?? NEAREST_THRESHOLD;
    this.paragraphCount = data.paragraphCount;
    this.documentCount = data.documentCount;
    this.hits = new Int32Array(data.paragraphCount);
    this.touched = new Int32Array(1024);
  }

  /** What the queries read (written to the on-disk cache as it is). */
  get indexData(): IndexData {
    return this.data;
  }

  /** The paragraph with this id (ids run from 0, the most used wording, to paragraphCount - 1). */
  paragraph(id: number): AgreedParagraph {
    let paragraph = this.cache.get(id);
    if (paragraph) return paragraph;
    const d = this.data;
    if (!(id >= 0 && id < d.paragraphCount) || !Number.isInteger(id)) throw new RangeError(`no agreed paragraph ${id}`);
    const sources: AgreedSource[] = [];
    for (let s = d.srcOff[id]; s < d.srcOff[id + 1]; s++) {
      const doc = d.srcDoc[s];
      const source: AgreedSource = { uri: d.docUri[doc], label: d.labels[d.srcLabel[s]], start: d.srcStart[s], end: d.srcEnd[s] };
      const symbol = d.docSymbol[doc];
      if (symbol !== undefined) source.symbol = symbol;
      sources.push(source);
    }
    paragraph = {
      id,
      text: d.texts.get(d.text[id]),
      kind: KINDS[d.kind[id]],
      sources,
      documentCount: d.docCount[id],
      boilerplate: d.boilerplate[id] === 1,
    };
    const opening = d.opening[id];
    if (opening !== undefined) paragraph.opening = opening;
    this.cache.set(id, paragraph);
    return paragraph;
  }

  /** Sizes, for the bench and the log. */
  stats(): { paragraphs: number; documents: number; sources: number; words: number; vocabulary: number; shingles: number } {
    const d = this.data;
    return { paragraphs: d.paragraphCount, documents: d.documentCount, sources: d.srcDoc.length, words: d.tokWord.length, vocabulary: d.words.length, shingles: d.shHash.length };
  }

  // ---- completion ----

  /**
   * Paragraphs that begin with the typed words (match 'prefix', at the first word), then
   * paragraphs that contain them (match 'contains', at where they start), each group in rank
   * order (documentCount, then shorter). The last word is a prefix unless `typed` ends with a
   * space or punctuation; punctuation between typed words is ignored. 'contains' needs at least
   * one complete word. score: 1 + documentCount / the first match's documentCount for a prefix
   * match, documentCount / the first contains match's for the others (higher is better).
   */
  searchParagraphs(typed: string, options: { kind?: AgreedKind; limit: number }): ParagraphMatch[] {
    const limit = Math.floor(options.limit);
    if (!(limit > 0)) return [];
    const d = this.data;
    const query = this.read(typed, true);
    if (query.ids.length === 0) return [];
    const prefix = query.openEnd ? query.words[query.words.length - 1] : undefined;
    const complete = prefix === undefined ? query.ids : query.ids.slice(0, -1);
    if (complete.some((id) => id < 0)) return [];
    let lo = 0;
    let hi = 0;
    if (prefix !== undefined) {
      [lo, hi] = this.prefixRange(prefix);
      if (lo >= hi) return [];
    }
    const n = complete.length + (prefix !== undefined ? 1 : 0);
    const kindFilter = options.kind === undefined ? -1 : KINDS.indexOf(options.kind);
    const { tokWord, start, len, kind, sortRank, postOff, postPara, postPos } = d;
    const matchesAt = (p: number, at: number): boolean => {
      if (at + n > len[p]) return false;
      const s = start[p] + at;
      for (let j = 0; j < complete.length; j++) if (tokWord[s + j] !== complete[j]) return false;
      if (prefix !== undefined) {
        const rank = sortRank[tokWord[s + complete.length]];
        if (rank < lo || rank >= hi) return false;
      }
      return true;
    };

    const prefixIds: number[] = [];
    const containsIds: number[] = [];
    const containsAt: number[] = [];
    if (complete.length === 0) {
      // One word being typed: paragraphs that begin with it (a scan in rank order).
      const { firstWord } = d;
      for (let p = 0; p < d.paragraphCount && prefixIds.length < limit; p++) {
        if (kindFilter >= 0 && kind[p] !== kindFilter) continue;
        const rank = sortRank[firstWord[p]];
        if (rank >= lo && rank < hi) prefixIds.push(p);
      }
    } else {
      // Driven by the postings of the rarest complete word (in rank order), filtered in
      // sequence by the word that follows it, then verified.
      const { postNext } = d;
      let driver = -1;
      const size = (j: number) => postOff[complete[j] + 1] - postOff[complete[j]];
      for (let j = 0; j < complete.length; j++) {
        const followed = j + 1 < complete.length || prefix !== undefined;
        if (!followed && complete.length + (prefix !== undefined ? 1 : 0) > 1) continue;
        if (driver < 0 || size(j) < size(driver)) driver = j;
      }
      const nextWord = driver + 1 < complete.length ? complete[driver + 1] : -1;
      const nextIsPrefix = nextWord < 0 && prefix !== undefined;
      const followsWell = (e: number): boolean => {
        if (nextWord >= 0) return postNext[e] === nextWord;
        if (nextIsPrefix) {
          const next = postNext[e];
          if (next === NO_WORD) return false;
          const rank = sortRank[next];
          return rank >= lo && rank < hi;
        }
        return true;
      };
      const from = postOff[complete[driver]];
      const to = postOff[complete[driver] + 1];
      if (driver === 0 && to - from > d.paragraphCount) {
        // A word as common as "the" first: its postings outnumber the paragraphs, and the
        // paragraphs' first words, in the same rank order, are the shorter list to read.
        const { firstWord } = d;
        for (let p = 0; p < d.paragraphCount && prefixIds.length < limit; p++) {
          if (firstWord[p] !== complete[0] || (kindFilter >= 0 && kind[p] !== kindFilter)) continue;
          if (matchesAt(p, 0)) prefixIds.push(p);
        }
      } else {
        for (let e = from; e < to && prefixIds.length < limit; e++) {
          if (postPos[e] !== driver || !followsWell(e)) continue;
          const p = postPara[e];
          if (kindFilter >= 0 && kind[p] !== kindFilter) continue;
          if (matchesAt(p, 0)) prefixIds.push(p);
        }
      }
      if (prefixIds.length < limit) {
        const wanted = limit - prefixIds.length;
        let last = -1;
        for (let e = from; e < to && containsIds.length < wanted; e++) {
          if (!followsWell(e)) continue;
          const p = postPara[e];
          if (p === last) continue;
          const at = postPos[e] - driver;
          if (at <= 0) continue;
          if (kindFilter >= 0 && kind[p] !== kindFilter) continue;
          if (matchesAt(p, at) && !prefixIds.includes(p)) {
            containsIds.push(p);
            containsAt.push(at);
            last = p;
          }
        }
      }
    }
    const top = prefixIds.length > 0 ? d.docCount[prefixIds[0]] : containsIds.length > 0 ? d.docCount[containsIds[0]] : 1;
    const results: ParagraphMatch[] = [];
    for (const p of prefixIds) results.push(this.match(p, 'prefix', 0, 1 + d.docCount[p] / Math.max(top, 1)));
    containsIds.forEach((p, i) => results.push(this.match(p, 'contains', containsAt[i], d.docCount[p] / Math.max(d.docCount[containsIds[0]], 1))));
    return results;
  }

  /**
   * A match whose `at` is found when read: finding it reads the paragraph's text again, and
   * completion, which asks on every keystroke, never reads it.
   */
  private match(p: number, match: ParagraphMatch['match'], word: number, score: number): ParagraphMatch {
    const offset = () => this.wordOffset(p, word);
    let at: number | undefined;
    return {
      paragraph: this.paragraph(p),
      match,
      get at() {
        at ??= offset();
        return at;
      },
      score,
    };
  }

  /**
   * How corpus paragraphs go on after the last 2 to 6 words of `lastWords` (all taken as
   * complete words; punctuation between them is ignored). The longest run of last words found
   * in the corpus is used. A continuation runs to the next semicolon, colon or full stop, or
   * to a comma once it has CONTINUATION_MIN_WORDS_BEFORE_COMMA words, or for at most
   * CONTINUATION_MAX_WORDS words. Its text is the corpus text as written from just after the
   * last typed word, without leading spaces; it starts with the corpus's punctuation (", secure,
   * stable") unless `lastWords` already ends with punctuation. count is the number of corpus
   * paragraphs (sources) that continue that way; the most used paragraphs are examined first
   * and at most CONTINUATION_MAX_OCCURRENCES occurrences are.
   */
  continuations(lastWords: string, limit: number): Continuation[] {
    if (!(limit > 0)) return [];
    const d = this.data;
    const query = this.read(lastWords, false);
    const total = query.ids.length;
    if (total < 2) return [];
    const typedEndsWithPunct = /[,;:.!?]\s*$/.test(lastWords);
    const { tokWord, tokAfter, start, len, postOff, postPara, postPos, postNext, clause, sourceCount } = d;
    for (let n = Math.min(6, total); n >= 2; n--) {
      const seq = query.ids.slice(total - n);
      if (seq.some((id) => id < 0)) continue;
      // The rarest word that has a successor in seq drives; its postings are filtered in
      // sequence by that successor.
      let driver = 0;
      for (let j = 1; j < n - 1; j++) if (postOff[seq[j] + 1] - postOff[seq[j]] < postOff[seq[driver] + 1] - postOff[seq[driver]]) driver = j;
      const successor = seq[driver + 1];
      const groups = new Map<number, { count: number; example: number; from: number; to: number; order: number }>();
      let examined = 0;
      const to = postOff[seq[driver] + 1];
      for (let e = postOff[seq[driver]]; e < to && examined < CONTINUATION_MAX_OCCURRENCES; e++) {
        if (postNext[e] !== successor) continue;
        const p = postPara[e];
        const at = postPos[e] - driver;
        if (at < 0) continue;
        const length = len[p];
        const end = at + n;
        if (end >= length) continue;
        const s = start[p];
        let ok = true;
        for (let j = 0; j < n; j++) {
          if (tokWord[s + at + j] !== seq[j]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        examined++;
        // Grouped by words and the punctuation between them; the mark that ends the
        // continuation (or the paragraph) is not part of it.
        let key = mix(0x1234567, tokAfter[s + end - 1]);
        let k = end;
        let words = 0;
        let between = 0;
        while (k < length && words < CONTINUATION_MAX_WORDS) {
          const after = tokAfter[s + k];
          key = mix(mix(key, between), tokWord[s + k]);
          between = after;
          k++;
          words++;
          const c = clause[after];
          if (c === 2 || (c === 1 && words >= CONTINUATION_MIN_WORDS_BEFORE_COMMA)) break;
        }
        key = mix(key, words);
        const group = groups.get(key);
        if (group) group.count += sourceCount[p];
        else groups.set(key, { count: sourceCount[p], example: p, from: end, to: k, order: groups.size });
      }
      if (groups.size === 0) continue;
      const ranked = [...groups.values()].sort((a, b) => b.count - a.count || a.example - b.example || a.order - b.order).slice(0, limit);
      return ranked.map((group) => {
        const example = this.paragraph(group.example);
        return { text: this.continuationText(group.example, group.from, group.to, typedEndsWithPunct), count: group.count, example };
      });
    }
    return [];
  }

  openings(kind: 'preambular' | 'operative'): { phrase: string; count: number }[] {
    return this.data.openings[kind].map((o) => ({ ...o }));
  }

  // ---- deviation ----

  /**
   * The corpus paragraph closest to `text` (of `kind` when given): identical (similarity 1)
   * when the wordings are equal after normalisation, else the best of the candidates that share
   * its rarest word trigrams by 2·LCS / (|a| + |b|) over words and punctuation marks, if at least
   * the threshold (0.6 unless nearestThreshold was given). Boilerplate paragraphs are returned
   * like any other, with boilerplate: true.
   */
  nearest(text: string, kind?: AgreedKind): NearestParagraph | undefined {
    const d = this.data;
    const query = this.read(text, false);
    const n = query.ids.length;
    if (n === 0) return undefined;
    const kindFilter = kind === undefined ? -1 : KINDS.indexOf(kind);
    const after = query.after.slice();
    after[n - 1] = d.stripped[after[n - 1]];

    // Identical after normalisation: the wording key.
    if (!query.ids.some((id) => id < 0)) {
      const kinds = kindFilter >= 0 ? [kindFilter] : [0, 1, 2];
      for (const k of kinds) {
        const h1 = keyHash(KEY_SEED_1, k, query.before, query.ids, after, 0, n);
        const h2 = keyHash(KEY_SEED_2, k, query.before, query.ids, after, 0, n);
        for (let p = d.keyMap.get(wordingKey(h1, h2)) ?? -1; p >= 0; p = d.keyNext[p]) {
          if (this.sameWording(p, k, query.before, query.ids, after)) return { paragraph: this.paragraph(p), similarity: 1, identical: true };
        }
      }
    }

    // Candidates: corpus paragraphs whose rarest trigrams the text shares.
    const { hits } = this;
    let touchedCount = 0;
    const ids = query.ids.map((id, i) => (id >= 0 ? id : -1000 - i));
    const seen = new Set<number>();
    forEachShingle(ids, 0, n, (h) => {
      if (seen.has(h)) return;
      seen.add(h);
      const bucket = h >>> SHINGLE_DIR_SHIFT;
      let e = d.shDir[bucket];
      const end = d.shDir[bucket + 1];
      while (e < end && d.shHash[e] < h) e++;
      let scanned = 0;
      for (; e < end && d.shHash[e] === h && scanned < SHINGLE_MAX_SCAN; e++, scanned++) {
        const p = d.shPara[e];
        if (kindFilter >= 0 && d.kind[p] !== kindFilter) continue;
        if (hits[p] === 0) {
          if (touchedCount === this.touched.length) {
            const grown = new Int32Array(this.touched.length * 2);
            grown.set(this.touched);
            this.touched = grown;
          }
          this.touched[touchedCount++] = p;
        }
        hits[p]++;
      }
    });
    // The best NEAREST_CANDIDATES by share of their selected trigrams found (ties: more hits, lower id).
    const top: number[] = [];
    const topScore: number[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const p = this.touched[i];
      const score = hits[p] / Math.max(1, d.selCount[p]) + hits[p] * 1e-6;
      hits[p] = 0;
      if (top.length === NEAREST_CANDIDATES && !(score > topScore[top.length - 1] || (score === topScore[top.length - 1] && p < top[top.length - 1]))) continue;
      let at = top.length < NEAREST_CANDIDATES ? top.length : NEAREST_CANDIDATES - 1;
      if (top.length < NEAREST_CANDIDATES) {
        top.push(p);
        topScore.push(score);
      }
      while (at > 0 && (topScore[at - 1] < score || (topScore[at - 1] === score && top[at - 1] > p))) {
        top[at] = top[at - 1];
        topScore[at] = topScore[at - 1];
        at--;
      }
      top[at] = p;
      topScore[at] = score;
    }
    if (top.length === 0) return undefined;

    const mine = this.sequence(query.before, ids, after);
    let best = -1;
    let bestSimilarity = 0;
    for (const p of top) {
      const theirs = this.paragraphSequence(p);
      const bound = (2 * Math.min(mine.length, theirs.length)) / (mine.length + theirs.length);
      if (bound < this.threshold || bound < bestSimilarity) continue;
      const similarity = (2 * this.lcs(mine, theirs)) / (mine.length + theirs.length);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && p < best)) {
        best = p;
        bestSimilarity = similarity;
      }
    }
    if (best < 0 || bestSimilarity < this.threshold) return undefined;
    // Equal sequences that the key missed cannot happen; never claim 1 for a different text.
    return { paragraph: this.paragraph(best), similarity: Math.min(bestSimilarity, 0.9999), identical: false };
  }

  // ---- internals ----

  /** Tokenizes and repairs text as the build did: word ids (-1 unknown), punctuation codes. */
  private read(text: string, lastMayBePrefix: boolean, offsets = false): Query {
    const d = this.data;
    const tokens = tokenize(stripMarkers(text), this.scratch, offsets);
    const query: Query = { ids: [], words: [], after: [], before: this.code(tokens.before), starts: [], ends: [], openEnd: tokens.openEnd };
    const count = tokens.words.length;
    for (let k = 0; k < count; k++) {
      const word = tokens.words[k];
      const id = d.vocab.idOf(word) ?? -1;
      const last = query.ids.length - 1;
      const isTypedPrefix = lastMayBePrefix && tokens.openEnd && k === count - 1;
      if (last >= 0 && query.after[last] === 0 && !isTypedPrefix) {
        const prevId = query.ids[last];
        const joined = joinedId(d, query.words[last], prevId >= 0 ? d.freq[prevId] : 0, word, id >= 0 ? d.freq[id] : 0);
        if (joined >= 0) {
          query.ids[last] = joined;
          query.words[last] = d.words[joined];
          query.after[last] = this.code(tokens.after[k]);
          if (offsets) query.ends[last] = tokens.ends[k];
          continue;
        }
      }
      query.ids.push(id);
      query.words.push(word);
      query.after.push(this.code(tokens.after[k]));
      if (offsets) {
        query.starts.push(tokens.starts[k]);
        query.ends.push(tokens.ends[k]);
      }
    }
    return query;
  }

  private code(punct: string): number {
    if (punct === '') return 0;
    return this.data.punctCodes.idOf(punct) ?? 255;
  }

  /** [lo, hi) of the words that begin with `prefix` in alphabetical order. */
  private prefixRange(prefix: string): [number, number] {
    const { sortedIds, words } = this.data;
    let lo = 0;
    let hi = sortedIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[sortedIds[mid]] < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = sortedIds.length;
    while (end < hi) {
      const mid = (end + hi) >>> 1;
      if (words[sortedIds[mid]].startsWith(prefix)) end = mid + 1;
      else hi = mid;
    }
    return [lo, end];
  }

  private textOf(p: number): string {
    // A paragraph already shown has its text decoded (the texts may be read from disk).
    return this.cache.get(p)?.text ?? this.data.texts.get(this.data.text[p]);
  }

  /** Offset in a paragraph's text of its word number `word` (after repairs). */
  private wordOffset(p: number, word: number): number {
    const query = this.read(this.textOf(p), false, true);
    return query.starts[Math.min(word, query.starts.length - 1)] ?? 0;
  }

  private continuationText(p: number, from: number, to: number, typedEndsWithPunct: boolean): string {
    const text = this.textOf(p);
    const query = this.read(text, false, true);
    if (query.ends.length !== this.data.len[p] || to < 1) return '';
    let slice = text.slice(query.ends[from - 1], query.ends[to - 1]).replace(/^\s+/, '');
    if (typedEndsWithPunct) slice = slice.replace(/^[\s,;:.]+/, '');
    return slice;
  }

  private sameWording(p: number, kind: number, before: number, ids: number[], after: number[]): boolean {
    const d = this.data;
    if (d.kind[p] !== kind || d.before[p] !== before || d.len[p] !== ids.length) return false;
    const s = d.start[p];
    for (let k = 0; k < ids.length; k++) if (d.tokWord[s + k] !== ids[k] || d.tokAfter[s + k] !== after[k]) return false;
    return true;
  }

  /** Words and punctuation marks as one sequence: word ids >= 0 (or unknown < -999), marks -1..-255. */
  private sequence(before: number, ids: ArrayLike<number>, after: ArrayLike<number>, from = 0, n = ids.length - from): Int32Array {
    let size = n + (before ? 1 : 0);
    for (let k = 0; k < n; k++) if (after[from + k]) size++;
    const out = new Int32Array(size);
    let at = 0;
    if (before) out[at++] = -before;
    for (let k = 0; k < n; k++) {
      out[at++] = ids[from + k];
      const a = after[from + k];
      if (a) out[at++] = -a;
    }
    return out;
  }

  private paragraphSequence(p: number): Int32Array {
    const d = this.data;
    return this.sequence(d.before[p], d.tokWord, d.tokAfter, d.start[p], d.len[p]);
  }

  /** Length of the longest common subsequence (two-row dynamic programming). */
  private lcs(a: Int32Array, b: Int32Array): number {
    const m = b.length;
    if (this.rowA.length <= m) {
      this.rowA = new Int32Array(m + 1);
      this.rowB = new Int32Array(m + 1);
    }
    let prev = this.rowA;
    let cur = this.rowB;
    prev.fill(0, 0, m + 1);
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      cur[0] = 0;
      for (let j = 0; j < m; j++) {
        if (x === b[j]) cur[j + 1] = prev[j] + 1;
        else cur[j + 1] = prev[j + 1] > cur[j] ? prev[j + 1] : cur[j];
      }
      const swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[m];
  }
}
