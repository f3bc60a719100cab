// The built index as a cache file's content and back (../cacheFile.ts): its typed arrays as they
// are, its strings as JSON lists and UTF-8 tables, each wording's opening phrase as an id among
// the distinct phrases, its wording-key map as two arrays. A restart with an unchanged corpus
// reads the index instead of building it (seconds instead of a minute at 20,000 documents).
//
// The paragraphs' texts are the largest part, and the same as those of the corpus records' file
// (both keep each distinct text once, in the order first met): then the index file names them by
// the digests of the records file's two arrays instead of holding them again, and the index
// reads them from the records read back (`SharedTexts`). What is read back is checked for shape
// and bounds where a query would index by it; a file that fails is not used.
import type { CacheContent, NumberArray, SharedTexts } from '../cacheFile';
import { Interner } from '../interner';
import { StringTable } from '../stringTable';
import { AgreedIndex } from './index';
import { SortedKeyMap, type IndexData, type OpeningCount } from './indexData';
import type { AgreedIndexOptions } from './types';

/** Bump when the index's layout or how it is built changes. */
export const INDEX_FILE_FORMAT = 3;

type ArrayKey = { [K in keyof IndexData]: IndexData[K] extends NumberArray ? K : never }[keyof IndexData];

const ARRAYS: Record<ArrayKey, NumberArray['constructor']> = {
  freq: Uint32Array,
  alpha: Uint8Array,
  sortedIds: Int32Array,
  sortRank: Int32Array,
  clause: Uint8Array,
  stripped: Uint8Array,
  start: Int32Array,
  len: Int32Array,
  before: Uint8Array,
  kind: Uint8Array,
  text: Int32Array,
  docCount: Int32Array,
  sourceCount: Int32Array,
  boilerplate: Uint8Array,
  tokWord: Uint32Array,
  tokAfter: Uint8Array,
  keyNext: Int32Array,
  srcOff: Int32Array,
  srcDoc: Int32Array,
  srcLabel: Int32Array,
  srcStart: Int32Array,
  srcEnd: Int32Array,
  postOff: Int32Array,
  postPara: Int32Array,
  postPos: Uint16Array,
  postNext: Uint32Array,
  firstWord: Int32Array,
  shDir: Int32Array,
  shHash: Uint32Array,
  shPara: Int32Array,
  selCount: Uint8Array,
};

interface IndexJson {
  /** What the index was built from (the caller's fingerprint of its documents). */
  fingerprint: string;
  documentCount: number;
  paragraphCount: number;
  words: string[];
  punctCodes: string[];
  /** The distinct opening phrases; each wording's is openingId[p] among them, -1 for none. */
  openingPhrases: string[];
  /** Where the texts are when this file does not hold them: the digests of the records file's arrays. */
  texts?: { bytes: string; offsets: string };
  labels: string[];
  docUri: string[];
  docSymbol: (string | null)[];
  openings: { preambular: OpeningCount[]; operative: OpeningCount[] };
}

/**
 * The index's data as a cache file's content, with the fingerprint of what it was built from;
 * without its texts when `textsIn` names where they are (the records file's arrays, whose digests
 * the caller found equal to those of the index's texts).
 */
export function indexContent(index: AgreedIndex, fingerprint: string, textsIn?: { bytes: string; offsets: string }): CacheContent {
  const d = index.indexData;
  const arrays: CacheContent['arrays'] = {};
  for (const key of Object.keys(ARRAYS) as ArrayKey[]) arrays[key] = d[key];
  if (!textsIn) {
    arrays.textBytes = d.texts.bytes;
    arrays.textOffsets = d.texts.offsets;
  }
  // The keys sorted, for a reader to search rather than build a Map. Plain loops into arrays of
  // known size: TypedArray.from over an iterator, or with a mapping function, took some 300 ms at
  // 20,000 texts in one block, which requests typed in the meantime (the index is written just
  // after a cold build) waited behind.
  const { keys, values } = d.keyMap instanceof SortedKeyMap ? d.keyMap.arrays() : SortedKeyMap.arrays(d.keyMap as Map<number, number>);
  arrays.keyMapKeys = keys;
  arrays.keyMapValues = values;
  const phrases = new Interner();
  const openingId = new Int32Array(d.opening.length);
  for (let p = 0; p < openingId.length; p++) {
    const phrase = d.opening[p];
    openingId[p] = phrase === undefined ? -1 : phrases.intern(phrase);
  }
  arrays.openingId = openingId;
  const json: IndexJson = {
    fingerprint,
    documentCount: d.documentCount,
    paragraphCount: d.paragraphCount,
    words: d.vocab.strings,
    punctCodes: d.punctCodes.strings,
    openingPhrases: phrases.strings,
    labels: [...d.labels],
    docUri: d.docUri,
    docSymbol: d.docSymbol.map((s) => s ?? null),
    openings: d.openings,
  };
  if (textsIn) json.texts = { bytes: textsIn.bytes, offsets: textsIn.offsets };
  return { json, arrays };
}

/** Whether the file's index reads its texts from the records file's (and so needs them to be read). */
export function indexTextsShared(content: CacheContent): boolean {
  return typeof content.json === 'object' && content.json !== null && (content.json as IndexJson).texts !== undefined;
}

/**
 * The index a cache file holds, when it was built from `fingerprint` and its content is whole;
 * `texts` are the records file's, for a file that names them rather than holding them.
 */
export function indexFromContent(content: CacheContent, fingerprint: string, options: AgreedIndexOptions = {}, shared?: SharedTexts): AgreedIndex | undefined {
  const json = content.json as IndexJson;
  if (typeof json !== 'object' || json === null || json.fingerprint !== fingerprint) return undefined;
  const strings = (list: unknown, nullable = false): list is string[] => Array.isArray(list) && list.every((s) => typeof s === 'string' || (nullable && s === null));
  if (!strings(json.words) || !strings(json.punctCodes) || !strings(json.openingPhrases)) return undefined;
  if (!strings(json.labels) || !strings(json.docUri) || !strings(json.docSymbol, true)) return undefined;
  if (!Number.isSafeInteger(json.documentCount) || !Number.isSafeInteger(json.paragraphCount)) return undefined;
  if (!json.openings || !Array.isArray(json.openings.preambular) || !Array.isArray(json.openings.operative)) return undefined;
  const arrays: Partial<Record<ArrayKey, NumberArray>> = {};
  for (const [key, type] of Object.entries(ARRAYS) as [ArrayKey, NumberArray['constructor']][]) {
    const array = content.arrays[key];
    if (!(array instanceof type)) return undefined;
    arrays[key] = array;
  }
  const { keyMapKeys, keyMapValues, openingId } = content.arrays;
  if (!(keyMapKeys instanceof Float64Array) || !(keyMapValues instanceof Int32Array) || keyMapKeys.length !== keyMapValues.length) return undefined;
  const texts = textsOf(content, json, shared);
  if (!texts || !(openingId instanceof Int32Array)) return undefined;
  const a = arrays as Record<ArrayKey, NumberArray>;
  const P = json.paragraphCount;
  // The lengths and ids the queries index by without checking.
  const perParagraph: ArrayKey[] = ['start', 'len', 'before', 'kind', 'text', 'docCount', 'sourceCount', 'boilerplate', 'keyNext', 'selCount'];
  if (perParagraph.some((key) => a[key].length !== P) || openingId.length !== P || a.srcOff.length !== P + 1) return undefined;
  if (!within(a.text as Int32Array, texts.length) || !within(a.srcDoc as Int32Array, json.docUri.length) || !within(a.srcLabel as Int32Array, json.labels.length)) return undefined;
  if (!wordsWithin(a.tokWord as Uint32Array, json.words.length) || !within(openingId, json.openingPhrases.length, -1)) return undefined;
  if (!within(a.postPara as Int32Array, P) || !within(a.shPara as Int32Array, P) || !within(keyMapValues, P)) return undefined;
  if (a.srcOff[P] !== a.srcDoc.length || a.postOff.length !== json.words.length + 1) return undefined;
  for (let p = 0; p < P; p++) if (a.start[p] < 0 || a.len[p] < 0 || a.start[p] + a.len[p] > a.tokWord.length) return undefined;
  const vocab = new Interner();
  for (const word of json.words) vocab.intern(word);
  const punctCodes = new Interner();
  for (const code of json.punctCodes) punctCodes.intern(code);
  if (vocab.size !== json.words.length || punctCodes.size !== json.punctCodes.length) return undefined;
  const keyMap = SortedKeyMap.over(keyMapKeys, keyMapValues);
  if (!keyMap) return undefined;
  const opening = new Array<string | undefined>(P);
  for (let p = 0; p < P; p++) opening[p] = openingId[p] < 0 ? undefined : json.openingPhrases[openingId[p]];
  const data = {
    ...(arrays as Pick<IndexData, ArrayKey>),
    documentCount: json.documentCount,
    paragraphCount: P,
    vocab,
    words: vocab.strings,
    punctCodes,
    texts,
    opening,
    keyMap,
    labels: json.labels,
    docUri: json.docUri,
    docSymbol: json.docSymbol.map((s) => s ?? undefined),
    openings: json.openings,
  } satisfies IndexData;
  return new AgreedIndex(data, options);
}

/** The file's texts, or the records file's that it names (when they are the ones read back). */
function textsOf(content: CacheContent, json: IndexJson, shared: SharedTexts | undefined): StringTable | undefined {
  if (json.texts !== undefined) {
    const named = json.texts;
    if (typeof named !== 'object' || named === null || !shared) return undefined;
    return named.bytes === shared.bytes && named.offsets === shared.offsets ? shared.table : undefined;
  }
  const { textBytes, textOffsets } = content.arrays;
  if (!(textBytes instanceof Uint8Array) || !(textOffsets instanceof Int32Array)) return undefined;
  return StringTable.over(textBytes, textOffsets);
}

// One checker per array type: a loop that reads arrays of several types runs several times slower.
function within(array: Int32Array, limit: number, min = 0): boolean {
  for (let i = 0; i < array.length; i++) if (array[i] >= limit || array[i] < min) return false;
  return true;
}

function wordsWithin(array: Uint32Array, limit: number): boolean {
  for (let i = 0; i < array.length; i++) if (array[i] >= limit) return false;
  return true;
}
