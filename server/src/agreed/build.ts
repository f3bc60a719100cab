// Builds the agreed-language index: every paragraph of the corpus, deduplicated by normalised
// wording, in compact typed arrays. The build is a generator that yields between chunks of
// work, so that buildAgreedIndexAsync can hand the event loop back every few milliseconds
// (see index.ts); buildAgreedIndex runs the same steps without yielding.
//
// Steps:
//  1. documents -> paragraphs (preambular, operative, sub-paragraphs at any depth), tokenized
//     once per distinct text (identical texts share their tokens); word frequencies counted.
//  2. extraction artifacts repaired (a word split by a stray space joined back, see joinedId),
//     then paragraphs deduplicated by normalised wording: one AgreedParagraph per wording, with
//     all its sources.
//  3. document counts, boilerplate families, ranking (documentCount desc, shorter first), then
//     the search structures: word postings (paragraph, position), the rare-shingle index for
//     nearest(), the sorted vocabulary for prefix completion, the opening phrases.
import type { CancellationToken } from '../parsedDocument';
import type { Paragraph, ResolutionDocument, SubParagraph } from '../parser/model';
import { displaySymbol, normalizeSymbol } from '../corpus/symbols';
import { fmix, Grow, mix, shingleHash } from './arrays';
import { clauseEnd, newTokens, stripTerminal, tokenize } from './normalise';

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
   * and the least number of documents (default 3). See `isBoilerplate` below.
   */
  boilerplateShare?: number;
  boilerplateMinDocuments?: number;
  /** Least similarity for nearest() to name a paragraph (default NEAREST_THRESHOLD, 0.6). */
  nearestThreshold?: number;
}

export const KIND_PREAMBULAR = 0;
export const KIND_OPERATIVE = 1;
export const KIND_SUBPARAGRAPH = 2;
export const KINDS = ['preambular', 'operative', 'subparagraph'] as const;

/** Shingles kept per paragraph for nearest(): its rarest word trigrams. */
export const SELECTED_SHINGLES = 12;
/** Bits of the shingle directory (hash >>> (32 - bits) picks a bucket). */
const SHINGLE_DIR_BITS = 18;
/** postNext at a paragraph's last word. */
export const NO_WORD = 0xffffffff;
/** A word occurring at most this often, or a one-letter word, may be a fragment of a split word. */
export const JOIN_RARE = 8;

/** Everything the queries read. Paragraph ids are ranks: 0 is the most used wording. */
export interface IndexData {
  documentCount: number;
  // vocabulary
  words: string[];
  vocab: Map<string, number>;
  /** Occurrences of each word in the distinct texts, before repairs (what joinedId weighs). */
  freq: Uint32Array;
  alpha: Uint8Array;
  /** Word ids in alphabetical order, and each id's place in it (prefix completion). */
  sortedIds: Int32Array;
  sortRank: Int32Array;
  // punctuation codes: 0 is none
  puncts: string[];
  punctCodes: Map<string, number>;
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
  /** Normalised wording hash -> first paragraph id; further ones chained in keyNext. */
  keyMap: Map<number, number>;
  keyNext: Int32Array;
  // sources, grouped by paragraph
  srcOff: Int32Array;
  srcDoc: Int32Array;
  srcLabel: Int32Array;
  srcStart: Int32Array;
  srcEnd: Int32Array;
  labels: string[];
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
  openings: { preambular: { phrase: string; count: number }[]; operative: { phrase: string; count: number }[] };
}

/** Says when a slice of work has run long enough; the async driver then yields. */
export interface Clock {
  due(): boolean;
}

export class AgreedIndexCancelled extends Error {
  constructor() {
    super('agreed-language index build cancelled');
    this.name = 'AbortError';
  }
}

export type CancelSignal = { aborted: boolean } | CancellationToken;

// ---- the join rule (shared with queries) -----------------------------------------------------

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
export function joinedId(data: Pick<IndexData, 'vocab' | 'freq'>, a: string, fa: number, b: string, fb: number): number {
  const rarer = fa < fb ? fa : fb;
  if (!(a.length === 1 || b.length === 1 || rarer <= JOIN_RARE)) return -1;
  if (!isAlphabetic(a) || !isAlphabetic(b)) return -1;
  const joined = data.vocab.get(a + b);
  if (joined === undefined) return -1;
  return rarer <= Math.max(2, data.freq[joined] / 4) ? joined : -1;
}

const ALPHA = /^\p{L}+$/u;
const ASCII_ALPHA = /^[a-z]+$/;
/** Letters only; most words are plain ASCII after normalisation, which is the cheap test. */
function isAlphabetic(word: string): boolean {
  return ASCII_ALPHA.test(word) || ALPHA.test(word);
}

// ---- boilerplate ---------------------------------------------------------------------------

const ORDINAL =
  /^(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|(?:one|two)hundred\w*)$/;
const MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;
const CONNECTOR = new Set(['of', 'and', 'as', 'well', 'its', 'decision', 'decisions', 'resolution', 'resolutions']);
const ADVERB = new Set(['also', 'further', 'again', 'moreover', 'furthermore']);
const AGENDA = ['decides', 'to', 'include', 'in', 'the', 'provisional', 'agenda', 'of', 'its'];
const MASK = 1;
const CONNECT = 2;
const ADVERBIAL = 3;
const LETTER = 4;

/*
 * Boilerplate rule. A paragraph is boilerplate when
 *  (a) it is the closing "[Also|Further] decides to include in the provisional agenda of its …
 *      session the item entitled …" paragraph, whatever its ordinal and item; or
 *  (b) its family is used by at least max(3, 40 % of the corpus's documents) documents and has
 *      at least two distinct wordings. A family is the wording with numbers, symbols, dates,
 *      months and ordinals masked, a run of them with the words that join a citation list
 *      ("of", "and", "as well as its decision(s)", "resolution(s)", the letter of "43/78 H")
 *      folded into one mask, and an opening adverb (also, further, again, moreover) dropped:
 *      "Recalling its resolutions 53/70 of 4 December 1998, …, as well as its decision 72/512 …"
 *      and every longer or shorter list are one family.
 * A family with a single wording shared by many documents is agreed language, not boilerplate:
 * a departure from it is worth a diagnostic. Boilerplate families differ from draft to draft in
 * their numbers only, so every draft would otherwise get a deviation on them.
 */
function isBoilerplate(familyDocs: number, familyWordings: number, documents: number, options: AgreedIndexOptions): boolean {
  const share = options.boilerplateShare ?? 0.4;
  const least = options.boilerplateMinDocuments ?? 3;
  return familyWordings >= 2 && familyDocs >= Math.max(least, Math.ceil(share * documents));
}

// ---- the build -------------------------------------------------------------------------------

interface SourceBlock {
  content: { text: string; runs: number[] };
  start: number;
  ownEnd: number;
  subparagraphs: SubParagraph[];
}

export function* buildSteps(documents: Iterable<AgreedCorpusDocument>, options: AgreedIndexOptions, clock: Clock): Generator<void, IndexData> {
  // Vocabulary and punctuation.
  const vocab = new Map<string, number>();
  const words: string[] = [];
  const freq = new Grow(Uint32Array, 4096);
  const punctCodes = new Map<string, number>([['', 0]]);
  const puncts: string[] = [''];
  const punctCode = (p: string): number => {
    if (p === '') return 0;
    let code = punctCodes.get(p);
    if (code === undefined) {
      if (puncts.length >= 255) return 255;
      code = puncts.length;
      puncts.push(p);
      punctCodes.set(p, code);
    }
    return code;
  };
  const wordId = (w: string): number => {
    let id = vocab.get(w);
    if (id === undefined) {
      id = words.length;
      words.push(w);
      vocab.set(w, id);
      freq.push(0);
    }
    return id;
  };

  // Distinct texts ("raw" paragraphs) and their tokens.
  const rawMaps = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const rawText: string[] = [];
  const rawOpening: (string | undefined)[] = [];
  const rawKind = new Grow(Uint8Array);
  const rawStart = new Grow(Int32Array);
  const rawLen = new Grow(Int32Array);
  const rawBefore = new Grow(Uint8Array);
  const tokWord = new Grow(Uint32Array, 1 << 16);
  const tokAfter = new Grow(Uint8Array, 1 << 16);

  // Sources.
  const srcRaw = new Grow(Int32Array);
  const srcDoc = new Grow(Int32Array);
  const srcLabel = new Grow(Int32Array);
  const srcStart = new Grow(Int32Array);
  const srcEnd = new Grow(Int32Array);
  const labelIds = new Map<string, number>();
  const labels: string[] = [];
  const docUri: string[] = [];
  const docSymbol: (string | undefined)[] = [];
  /** Documents are counted once per resolution: a draft and its adopted text are one. */
  const docKeyIds = new Map<string, number>();
  const docKey: number[] = [];

  const openingCounts = [new Map<string, { phrase: string; count: number }>(), new Map<string, { phrase: string; count: number }>()];
  const scratch = newTokens();

  const labelId = (label: string): number => {
    let id = labelIds.get(label);
    if (id === undefined) {
      id = labels.length;
      labels.push(label);
      labelIds.set(label, id);
    }
    return id;
  };

  const addSource = (kind: number, label: string, block: SourceBlock, opening: string | undefined, doc: number): void => {
    const text = block.content.text;
    const map = rawMaps[kind];
    let raw = map.get(text);
    if (raw === undefined) {
      tokenize(text, scratch);
      if (scratch.words.length === 0) return;
      raw = rawText.length;
      map.set(text, raw);
      rawText.push(text);
      rawOpening.push(opening);
      rawKind.push(kind);
      rawStart.push(tokWord.length);
      rawLen.push(scratch.words.length);
      rawBefore.push(punctCode(scratch.before));
      const n = scratch.words.length;
      tokWord.reserve(tokWord.length + n);
      tokAfter.reserve(tokAfter.length + n);
      for (let i = 0; i < n; i++) {
        const id = wordId(scratch.words[i]);
        freq.data[id]++;
        tokWord.data[tokWord.length++] = id;
        tokAfter.data[tokAfter.length++] = punctCode(scratch.after[i]);
      }
    }
    const runs = block.content.runs;
    let start = block.start;
    let end = block.ownEnd;
    if (runs.length >= 3) {
      start = runs[1];
      const last = runs.length - 3;
      end = runs[last + 1] + runs[last + 2];
    }
    srcRaw.push(raw);
    srcDoc.push(doc);
    srcLabel.push(labelId(label));
    srcStart.push(start);
    srcEnd.push(end);
  };

  // Each sub-paragraph before the ones below it, in text order; a stack, since the labels decide
  // the depth. A decimal label names its own place ("OP1 1.2.1"): with every level above it, the
  // labels of deep decimal lists would grow with the square of the depth.
  const addSubparagraphs = (paragraphLabel: string, subs: SubParagraph[], doc: number): void => {
    const pending: { sub: SubParagraph; parentLabel: string }[] = [];
    for (let i = subs.length - 1; i >= 0; i--) pending.push({ sub: subs[i], parentLabel: paragraphLabel });
    while (pending.length > 0) {
      const { sub, parentLabel } = pending.pop()!;
      const label = sub.scheme === 'decimal' && sub.label ? `${paragraphLabel} ${sub.label}` : `${parentLabel} ${sub.label}`;
      addSource(KIND_SUBPARAGRAPH, label, sub, undefined, doc);
      for (let i = sub.subparagraphs.length - 1; i >= 0; i--) pending.push({ sub: sub.subparagraphs[i], parentLabel: label });
    }
  };

  const addParagraphs = (paragraphs: Paragraph[], kind: number, prefix: string, doc: number): void => {
    const openings = openingCounts[kind];
    for (const paragraph of paragraphs) {
      const label = `${prefix}${paragraph.index}`;
      const opening = paragraph.opening?.text;
      addSource(kind, label, paragraph, opening, doc);
      if (opening) {
        const key = opening.toLowerCase().replace(/\s+/g, ' ');
        const entry = openings.get(key);
        if (entry) entry.count++;
        else openings.set(key, { phrase: opening.replace(/\s+/g, ' '), count: 1 });
      }
      if (paragraph.subparagraphs.length > 0) addSubparagraphs(label, paragraph.subparagraphs, doc);
    }
  };

  // ---- 1. documents ----
  for (const document of documents) {
    const doc = docUri.length;
    docUri.push(document.uri);
    const shown = document.adoptedAs ?? document.symbol;
    const symbol = shown ? normalizeSymbol(shown) : undefined;
    docSymbol.push(symbol ? displaySymbol(symbol) : shown);
    const key = shown ?? document.uri;
    let keyId = docKeyIds.get(key);
    if (keyId === undefined) docKeyIds.set(key, (keyId = docKeyIds.size));
    docKey.push(keyId);
    const model = document.parsed.model;
    addParagraphs(model.preambular, KIND_PREAMBULAR, 'PP', doc);
    addParagraphs(model.operative, KIND_OPERATIVE, 'OP', doc);
    if (clock.due()) yield;
  }

  const vocabSize = words.length;
  const freqs = freq.trimmed();
  const alpha = new Uint8Array(vocabSize);
  yield* inChunks(vocabSize, 4096, clock, (from, to) => {
    for (let i = from; i < to; i++) alpha[i] = ALPHA.test(words[i]) ? 1 : 0;
  });
  const clause = new Uint8Array(256);
  const stripped = new Uint8Array(256);
  for (let c = 0; c < puncts.length; c++) stripped[c] = punctCode(stripTerminal(puncts[c]));
  for (let c = puncts.length; c < 256; c++) stripped[c] = c;
  for (let c = 0; c < puncts.length; c++) clause[c] = clauseEnd(puncts[c]);

  // ---- 2. repairs and deduplication ----
  const joinData = { vocab, freq: freqs };
  const pairCache = new Map<number, number>();
  const join = (a: number, b: number): number => {
    const fa = freqs[a];
    const fb = freqs[b];
    if (!((fa <= JOIN_RARE || fb <= JOIN_RARE || words[a].length === 1 || words[b].length === 1) && alpha[a] && alpha[b])) return -1;
    const cacheable = a < 0x400000 && b < 0x400000;
    const key = a * 0x400000 + b;
    if (cacheable) {
      const cached = pairCache.get(key);
      if (cached !== undefined) return cached;
    }
    const joined = joinedId(joinData, words[a], fa, words[b], fb);
    if (cacheable) pairCache.set(key, joined);
    return joined;
  };

  const rawCount = rawText.length;
  const rawToUnique = new Int32Array(rawCount);
  const uStart = new Grow(Int32Array);
  const uLen = new Grow(Int32Array);
  const uBefore = new Grow(Uint8Array);
  const uKind = new Grow(Uint8Array);
  const uHash = new Grow(Uint32Array);
  const uHash2 = new Grow(Uint32Array);
  const uText: string[] = [];
  const uOpening: (string | undefined)[] = [];
  const seen = new Map<number, number>();
  const chain = new Grow(Int32Array);
  const tw = tokWord.data;
  const ta = tokAfter.data;
  let wc = 0;

  const sameTokens = (u: number, start: number, len: number, kind: number, before: number): boolean => {
    if (uLen.data[u] !== len || uKind.data[u] !== kind || uBefore.data[u] !== before) return false;
    const s = uStart.data[u];
    for (let k = 0; k < len; k++) if (tw[s + k] !== tw[start + k] || ta[s + k] !== ta[start + k]) return false;
    return true;
  };

  yield* inChunks(rawCount, 128, clock, (from, to) => {
    for (let r = from; r < to; r++) {
      // Repair split words in place (the write cursor never passes the read cursor).
      const s = rawStart.data[r];
      const len = rawLen.data[r];
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
      const kind = rawKind.data[r];
      const before = rawBefore.data[r];
      const h1 = keyHash(KEY_SEED_1, kind, before, tw, ta, w0, n);
      const h2 = keyHash(KEY_SEED_2, kind, before, tw, ta, w0, n);
      const key = wordingKey(h1, h2);
      let u = seen.get(key);
      while (u !== undefined && u >= 0 && !sameTokens(u, w0, n, kind, before)) u = chain.data[u];
      if (u !== undefined && u >= 0) {
        rawToUnique[r] = u;
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
      uText.push(rawText[r]);
      uOpening.push(rawOpening[r]);
      rawToUnique[r] = u;
    }
  });
  pairCache.clear();
  seen.clear();
  const P = uText.length;
  const tokWordFinal = yield* copyOf(tw, wc, Uint32Array, clock);
  const tokAfterFinal = yield* copyOf(ta, wc, Uint8Array, clock);

  // ---- 3. counts, boilerplate, ranking ----
  const S = srcRaw.length;
  const sd = srcDoc.data;
  const srcUnique = new Int32Array(S);
  const docCount = new Int32Array(P);
  const sourceCount = new Int32Array(P);
  // Sources arrive document by document; when a draft and its adopted resolution are both in
  // the corpus (one document key), visit sources grouped by key so that each counts once.
  let srcOrder: Int32Array | undefined;
  if (docKeyIds.size !== docUri.length) {
    const ids = new Int32Array(S);
    for (let s = 0; s < S; s++) ids[s] = s;
    srcOrder = yield* countingSort(ids, (s) => docKey[sd[s]], docKeyIds.size, clock);
  }
  {
    const lastDoc = new Int32Array(P).fill(-1);
    const sr = srcRaw.data;
    yield* inChunks(S, 16384, clock, (from, to) => {
      for (let i = from; i < to; i++) {
        const s = srcOrder ? srcOrder[i] : i;
        const u = rawToUnique[sr[s]];
        srcUnique[s] = u;
        sourceCount[u]++;
        const key = docKey[sd[s]];
        if (lastDoc[u] !== key) {
          lastDoc[u] = key;
          docCount[u]++;
        }
      }
    });
  }

  const maskClass = new Uint8Array(vocabSize);
  yield* inChunks(vocabSize, 4096, clock, (from, to) => {
    for (let i = from; i < to; i++) {
      const w = words[i];
      if (/\d/.test(w) || ORDINAL.test(w) || MONTH.test(w)) maskClass[i] = MASK;
      else if (CONNECTOR.has(w)) maskClass[i] = CONNECT;
      else if (ADVERB.has(w)) maskClass[i] = ADVERBIAL;
      else if (w.length === 1) maskClass[i] = LETTER;
    }
  });
  const agendaIds = AGENDA.map((w) => vocab.get(w) ?? -1);
  const boilerplate = new Uint8Array(P);
  {
    const family = new Int32Array(P);
    const families = new Map<number, number>();
    const familyHash = (u: number): number => {
      const s = uStart.data[u];
      const n = uLen.data[u];
      let h = mix(0x3c6ef372, uKind.data[u]);
      let inRun = false;
      let k = 0;
      while (k < n && k < 3 && maskClass[tokWordFinal[s + k]] === ADVERBIAL) k++;
      // The provisional-agenda paragraph, whatever its ordinal and item.
      let agenda = agendaIds[0] >= 0 && n - k > AGENDA.length;
      for (let j = 0; agenda && j < AGENDA.length; j++) if (tokWordFinal[s + k + j] !== agendaIds[j]) agenda = false;
      if (agenda) boilerplate[u] = 1;
      for (; k < n; k++) {
        const w = tokWordFinal[s + k];
        const cls = maskClass[w];
        if (cls === MASK) {
          if (!inRun) h = mix(h, -1);
          inRun = true;
        } else if ((cls === CONNECT || cls === LETTER) && inRun) {
          continue;
        } else {
          h = mix(h, w);
          inRun = false;
        }
      }
      return fmix(h);
    };
    yield* inChunks(P, 1024, clock, (from, to) => {
      for (let u = from; u < to; u++) {
        const h = familyHash(u);
        let f = families.get(h);
        if (f === undefined) families.set(h, (f = families.size));
        family[u] = f;
      }
    });
    const F = families.size;
    families.clear();
    const familyDocs = new Int32Array(F);
    const familyWordings = new Int32Array(F);
    const lastKey = new Int32Array(F).fill(-1);
    yield* inChunks(P, 65536, clock, (from, to) => {
      for (let u = from; u < to; u++) familyWordings[family[u]]++;
    });
    yield* inChunks(S, 16384, clock, (from, to) => {
      for (let i = from; i < to; i++) {
        const s = srcOrder ? srcOrder[i] : i;
        const f = family[srcUnique[s]];
        const key = docKey[sd[s]];
        if (lastKey[f] !== key) {
          lastKey[f] = key;
          familyDocs[f]++;
        }
      }
    });
    const documents = docKeyIds.size;
    yield* inChunks(P, 65536, clock, (from, to) => {
      for (let u = from; u < to; u++) {
        const f = family[u];
        if (isBoilerplate(familyDocs[f], familyWordings[f], documents, options)) boilerplate[u] = 1;
      }
    });
  }

  // Rank: documentCount descending, then shorter text, then first seen (stable counting sorts).
  let order: Int32Array = new Int32Array(P);
  for (let u = 0; u < P; u++) order[u] = u;
  order = yield* countingSort(order, (u) => Math.min(uText[u].length, 0xffff), 0x10000, clock);
  let maxDocs = 0;
  for (let u = 0; u < P; u++) if (docCount[u] > maxDocs) maxDocs = docCount[u];
  order = yield* countingSort(order, (u) => maxDocs - docCount[u], maxDocs + 1, clock);
  const rankOf = new Int32Array(P);
  for (let r = 0; r < P; r++) rankOf[order[r]] = r;
  if (clock.due()) yield;

  const start = new Int32Array(P);
  const len = new Int32Array(P);
  const before = new Uint8Array(P);
  const kind = new Uint8Array(P);
  const text: string[] = new Array(P);
  const opening: (string | undefined)[] = new Array(P);
  const docCountR = new Int32Array(P);
  const sourceCountR = new Int32Array(P);
  const boilerplateR = new Uint8Array(P);
  yield* inChunks(P, 8192, clock, (from, to) => {
    for (let r = from; r < to; r++) {
      const u = order[r];
      start[r] = uStart.data[u];
      len[r] = uLen.data[u];
      before[r] = uBefore.data[u];
      kind[r] = uKind.data[u];
      text[r] = uText[u];
      opening[r] = uOpening[u];
      docCountR[r] = docCount[u];
      sourceCountR[r] = sourceCount[u];
      boilerplateR[r] = boilerplate[u];
    }
  });
  // Wording keys, chained so that the lowest id comes first.
  const keyMap = new Map<number, number>();
  const keyNext = new Int32Array(P).fill(-1);
  yield* inChunks(P, 4096, clock, (from, to) => {
    for (let i = from; i < to; i++) {
      const r = P - 1 - i;
      const u = order[r];
      const key = wordingKey(uHash.data[u], uHash2.data[u]);
      const head = keyMap.get(key);
      if (head !== undefined) keyNext[r] = head;
      keyMap.set(key, r);
    }
  });

  // Sources grouped by paragraph, in document order within each.
  const srcOff = new Int32Array(P + 1);
  for (let r = 0; r < P; r++) srcOff[r + 1] = srcOff[r] + sourceCountR[r];
  const fill = srcOff.slice(0, P);
  const sDoc = new Int32Array(S);
  const sLabel = new Int32Array(S);
  const sStart = new Int32Array(S);
  const sEnd = new Int32Array(S);
  yield* inChunks(S, 16384, clock, (from, to) => {
    for (let s = from; s < to; s++) {
      const at = fill[rankOf[srcUnique[s]]]++;
      sDoc[at] = sd[s];
      sLabel[at] = srcLabel.data[s];
      sStart[at] = srcStart.data[s];
      sEnd[at] = srcEnd.data[s];
    }
  });

  // Word postings, with the following word of each occurrence.
  const T = tokWordFinal.length;
  const postOff = new Int32Array(vocabSize + 1);
  yield* inChunks(T, 1 << 18, clock, (from, to) => {
    for (let i = from; i < to; i++) postOff[tokWordFinal[i] + 1]++;
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
      firstWord[r] = tokWordFinal[s];
      for (let k = 0; k < n; k++) {
        const at = cursor[tokWordFinal[s + k]]++;
        postPara[at] = r;
        postPos[at] = k;
        postNext[at] = k + 1 < len[r] ? tokWordFinal[s + k + 1] : NO_WORD;
      }
    }
  });

  // Rare shingles: frequencies in a count-min sketch, then each paragraph's SELECTED_SHINGLES
  // rarest trigrams, then (hash, paragraph) pairs sorted by hash.
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
    for (let r = from; r < to; r++) forEachShingle(tokWordFinal, start[r], len[r], countShingle);
  });
  const K = SELECTED_SHINGLES;
  const selHash = yield* fresh(Uint32Array, P * K, clock);
  const selCount = new Uint8Array(P);
  {
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
        forEachShingle(tokWordFinal, start[r], len[r], consider);
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

  // Vocabulary in alphabetical order.
  const ids = new Int32Array(vocabSize);
  for (let i = 0; i < vocabSize; i++) ids[i] = i;
  const alphabetical = yield* mergeSort(ids, (a, b) => (words[a] < words[b] ? -1 : words[a] > words[b] ? 1 : 0), clock);
  const sortRank = new Int32Array(vocabSize);
  for (let i = 0; i < vocabSize; i++) sortRank[alphabetical[i]] = i;

  const rankOpenings = (map: Map<string, { phrase: string; count: number }>) =>
    [...map.values()].sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));

  return {
    documentCount: docUri.length,
    words,
    vocab,
    freq: freqs,
    alpha,
    sortedIds: alphabetical,
    sortRank,
    puncts,
    punctCodes,
    clause,
    stripped,
    paragraphCount: P,
    start,
    len,
    before,
    kind,
    text,
    opening,
    docCount: docCountR,
    sourceCount: sourceCountR,
    boilerplate: boilerplateR,
    tokWord: tokWordFinal,
    tokAfter: tokAfterFinal,
    keyMap,
    keyNext,
    srcOff,
    srcDoc: sDoc,
    srcLabel: sLabel,
    srcStart: sStart,
    srcEnd: sEnd,
    labels,
    docUri,
    docSymbol,
    postOff,
    postPara,
    postPos,
    postNext,
    firstWord,
    shDir,
    shHash: sorted.hash,
    shPara: sorted.para,
    selCount,
    openings: { preambular: rankOpenings(openingCounts[0]), operative: rankOpenings(openingCounts[1]) },
  };
}

export const KEY_SEED_1 = 0x2545f491;
export const KEY_SEED_2 = 0x5bd1e995;

/** The 53-bit map key of a wording from its two 32-bit hashes. */
export function wordingKey(h1: number, h2: number): number {
  return h1 * 0x200000 + (h2 >>> 11);
}

/**
 * Runs `work` over [0, n) in chunks, yielding when the clock says so. Chunks start small and
 * grow up to `size` while they take under a millisecond; one that takes over two halves the
 * next: the cost of an element varies (first touches of fresh memory, a collector at work).
 */
function* inChunks(n: number, size: number, clock: Clock, work: (from: number, to: number) => void): Generator<void, void> {
  let chunk = Math.min(size, 256);
  for (let i = 0; i < n; ) {
    const end = Math.min(n, i + chunk);
    const started = performance.now();
    work(i, end);
    const spent = performance.now() - started;
    if (spent > 2 && chunk > 16) chunk >>= 1;
    else if (spent < 1 && chunk < size) chunk = Math.min(size, chunk * 2);
    i = end;
    if (clock.due()) yield;
  }
}

/**
 * A zeroed typed array whose pages are touched in chunks now: its first writes elsewhere (the
 * scattered writes of the postings) then cost no page faults in a slice meant to be short.
 */
function* fresh<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array>(make: new (n: number) => T, n: number, clock: Clock): Generator<void, T> {
  const array = new make(n);
  yield* inChunks(n, 1 << 16, clock, (from, to) => array.fill(0, from, to));
  return array;
}

/** An exact-size copy of the first n elements, made in chunks. */
function* copyOf<T extends Uint32Array | Uint8Array>(array: T, n: number, make: new (n: number) => T, clock: Clock): Generator<void, T> {
  const copy = yield* fresh(make, n, clock);
  yield* inChunks(n, 1 << 18, clock, (from, to) => copy.set(array.subarray(from, to) as never, from));
  return copy;
}

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

/** Word trigram hashes of a token run; a run shorter than three words is one shingle. */
export function forEachShingle(words: ArrayLike<number>, from: number, n: number, visit: (hash: number) => void): void {
  if (n <= 0) return;
  if (n < 3) {
    visit(shingleHash(words[from], n > 1 ? words[from + 1] : -1, -1, 7 + n));
    return;
  }
  for (let k = 0; k + 2 < n; k++) visit(shingleHash(words[from + k], words[from + k + 1], words[from + k + 2]));
}

/** Stable counting sort of ids by an integer key in [0, range). */
function* countingSort(ids: Int32Array, key: (id: number) => number, range: number, clock: Clock): Generator<void, Int32Array> {
  const counts = new Int32Array(range + 1);
  const keys = new Int32Array(ids.length);
  yield* inChunks(ids.length, 16384, clock, (from, to) => {
    for (let i = from; i < to; i++) {
      const k = key(ids[i]);
      keys[i] = k;
      counts[k + 1]++;
    }
  });
  for (let k = 0; k < range; k++) counts[k + 1] += counts[k];
  const out = new Int32Array(ids.length);
  yield* inChunks(ids.length, 65536, clock, (from, to) => {
    for (let i = from; i < to; i++) out[counts[keys[i]]++] = ids[i];
  });
  return out;
}

/** Stable LSD radix sort of (hash, paragraph) pairs by hash, two 16-bit passes. */
function* radixSortPairs(hash: Uint32Array, para: Int32Array, clock: Clock): Generator<void, { hash: Uint32Array; para: Int32Array }> {
  const n = hash.length;
  const tmpHash = yield* fresh(Uint32Array, n, clock);
  const tmpPara = yield* fresh(Int32Array, n, clock);
  yield* radixPass(hash, para, tmpHash, tmpPara, 0, clock);
  yield* radixPass(tmpHash, tmpPara, hash, para, 16, clock);
  return { hash, para };
}

function* radixPass(srcH: Uint32Array, srcP: Int32Array, dstH: Uint32Array, dstP: Int32Array, shift: number, clock: Clock): Generator<void, void> {
  const counts = new Int32Array(0x10001);
  yield* inChunks(srcH.length, 1 << 18, clock, (from, to) => {
    for (let i = from; i < to; i++) counts[((srcH[i] >>> shift) & 0xffff) + 1]++;
  });
  for (let k = 0; k < 0x10000; k++) counts[k + 1] += counts[k];
  yield* inChunks(srcH.length, 1 << 16, clock, (from, to) => {
    for (let i = from; i < to; i++) {
      const at = counts[(srcH[i] >>> shift) & 0xffff]++;
      dstH[at] = srcH[i];
      dstP[at] = srcP[i];
    }
  });
}

/** Bottom-up merge sort of ids, yielding between runs of merges. */
function* mergeSort(ids: Int32Array, compare: (a: number, b: number) => number, clock: Clock): Generator<void, Int32Array> {
  const n = ids.length;
  let src: Int32Array = ids;
  let dst: Int32Array = new Int32Array(n);
  for (let width = 1; width < n; width *= 2) {
    const pairsOfRuns = Math.ceil(n / (2 * width));
    const from = src;
    const into = dst;
    // Merge a few runs per chunk: about 8 k elements each.
    yield* inChunks(pairsOfRuns, Math.max(1, Math.floor(8192 / (2 * width))), clock, (first, last) => {
      for (let run = first; run < last; run++) mergeRuns(from, into, run * 2 * width, width, n, compare);
    });
    src = into;
    dst = from;
  }
  return src;
}

function mergeRuns(src: Int32Array, dst: Int32Array, lo: number, width: number, n: number, compare: (a: number, b: number) => number): void {
  const mid = Math.min(lo + width, n);
  const hi = Math.min(lo + 2 * width, n);
  let i = lo;
  let j = mid;
  let k = lo;
  while (i < mid && j < hi) dst[k++] = compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
  while (i < mid) dst[k++] = src[i++];
  while (j < hi) dst[k++] = src[j++];
}
