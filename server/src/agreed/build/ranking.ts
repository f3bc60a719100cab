// Build step 3: how many resolutions and sources use each wording, then the ranking that makes
// paragraph ids: documentCount descending, then the shorter text, then the first seen. Every
// array of the index is written in rank order, so a scan in id order meets the most used
// wordings first and can stop early. Boilerplate, which the counts decide, is in boilerplate.ts.
import { type Clock, countingSort, inChunks } from '../arrays';
import type { CorpusParagraphs, Sources } from './paragraphs';
import type { Wordings } from './wordings';

export interface WordingCounts {
  /** The wording of each source. */
  ofSource: Int32Array;
  /** Resolutions that use each wording (a draft and its adopted text count once). */
  docCount: Int32Array;
  sourceCount: Int32Array;
  /**
   * Sources grouped by resolution, when some resolution has more than one document (a draft and
   * its adopted text); undefined when document order already groups them.
   */
  byResolution: Int32Array | undefined;
}

export function* countDocuments(paragraphs: CorpusParagraphs, wordings: Wordings, clock: Clock): Generator<void, WordingCounts> {
  const { sources, docKey } = paragraphs;
  const S = sources.count;
  const P = wordings.count;
  const sd = sources.doc;
  const ofSource = new Int32Array(S);
  const docCount = new Int32Array(P);
  const sourceCount = new Int32Array(P);
  let byResolution: Int32Array | undefined;
  if (paragraphs.resolutionCount !== paragraphs.docUri.length) {
    const ids = new Int32Array(S);
    for (let s = 0; s < S; s++) ids[s] = s;
    byResolution = yield* countingSort(ids, (s) => docKey[sd[s]], paragraphs.resolutionCount, clock);
  }
  const order = byResolution;
  // Sources of one resolution come in a row, so a wording counts a resolution when it differs from the last one seen.
  const lastDoc = new Int32Array(P).fill(-1);
  const st = sources.text;
  const ofText = wordings.ofText;
  yield* inChunks(S, 16384, clock, (from, to) => {
    for (let i = from; i < to; i++) {
      const s = order ? order[i] : i;
      const u = ofText[st[s]];
      ofSource[s] = u;
      sourceCount[u]++;
      const key = docKey[sd[s]];
      if (lastDoc[u] !== key) {
        lastDoc[u] = key;
        docCount[u]++;
      }
    }
  });
  return { ofSource, docCount, sourceCount, byResolution };
}

/** The wordings in rank order: paragraph id r is wording order[r]. */
export interface RankedParagraphs {
  count: number;
  order: Int32Array;
  /** The paragraph id of each wording. */
  rankOf: Int32Array;
  start: Int32Array;
  len: Int32Array;
  before: Uint8Array;
  kind: Uint8Array;
  text: string[];
  opening: (string | undefined)[];
  docCount: Int32Array;
  sourceCount: Int32Array;
  boilerplate: Uint8Array;
}

/** Ranks the wordings (stable counting sorts, least significant key first) and writes their arrays in rank order. */
export function* rankParagraphs(wordings: Wordings, counts: WordingCounts, boilerplate: Uint8Array, clock: Clock): Generator<void, RankedParagraphs> {
  const P = wordings.count;
  const uText = wordings.text;
  const { docCount, sourceCount } = counts;
  let order: Int32Array = new Int32Array(P);
  for (let u = 0; u < P; u++) order[u] = u;
  order = yield* countingSort(order, (u) => Math.min(uText[u].length, 0xffff), 0x10000, clock);
  let maxDocs = 0;
  for (let u = 0; u < P; u++) if (docCount[u] > maxDocs) maxDocs = docCount[u];
  order = yield* countingSort(order, (u) => maxDocs - docCount[u], maxDocs + 1, clock);
  const rankOf = new Int32Array(P);
  for (let r = 0; r < P; r++) rankOf[order[r]] = r;
  if (clock.due()) yield;

  const ranked: RankedParagraphs = {
    count: P,
    order,
    rankOf,
    start: new Int32Array(P),
    len: new Int32Array(P),
    before: new Uint8Array(P),
    kind: new Uint8Array(P),
    text: new Array(P),
    opening: new Array(P),
    docCount: new Int32Array(P),
    sourceCount: new Int32Array(P),
    boilerplate: new Uint8Array(P),
  };
  const { start, len, before, kind, text, opening, docCount: docCountR, sourceCount: sourceCountR, boilerplate: boilerplateR } = ranked;
  yield* inChunks(P, 8192, clock, (from, to) => {
    for (let r = from; r < to; r++) {
      const u = order[r];
      start[r] = wordings.start[u];
      len[r] = wordings.len[u];
      before[r] = wordings.before[u];
      kind[r] = wordings.kind[u];
      text[r] = uText[u];
      opening[r] = wordings.opening[u];
      docCountR[r] = docCount[u];
      sourceCountR[r] = sourceCount[u];
      boilerplateR[r] = boilerplate[u];
    }
  });
  return ranked;
}

/** The sources grouped by paragraph (paragraph r's are srcOff[r] .. srcOff[r + 1]), in document order within each. */
export interface GroupedSources {
  srcOff: Int32Array;
  srcDoc: Int32Array;
  srcLabel: Int32Array;
  srcStart: Int32Array;
  srcEnd: Int32Array;
}

export function* groupSources(sources: Sources, counts: WordingCounts, ranked: RankedParagraphs, clock: Clock): Generator<void, GroupedSources> {
  const P = ranked.count;
  const S = sources.count;
  const srcOff = new Int32Array(P + 1);
  for (let r = 0; r < P; r++) srcOff[r + 1] = srcOff[r] + ranked.sourceCount[r];
  const fill = srcOff.slice(0, P);
  const srcDoc = new Int32Array(S);
  const srcLabel = new Int32Array(S);
  const srcStart = new Int32Array(S);
  const srcEnd = new Int32Array(S);
  const { rankOf } = ranked;
  const { ofSource } = counts;
  yield* inChunks(S, 16384, clock, (from, to) => {
    for (let s = from; s < to; s++) {
      const at = fill[rankOf[ofSource[s]]]++;
      srcDoc[at] = sources.doc[s];
      srcLabel[at] = sources.label[s];
      srcStart[at] = sources.start[s];
      srcEnd[at] = sources.end[s];
    }
  });
  return { srcOff, srcDoc, srcLabel, srcStart, srcEnd };
}
