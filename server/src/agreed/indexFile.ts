// The built index as a cache file's content and back (../cacheFile.ts): its typed arrays as they
// are, its strings as JSON lists and UTF-8 tables, its wording-key map as two arrays. A restart
// with an unchanged corpus reads the index instead of building it (seconds instead of a minute at
// 20,000 documents). What is read back is checked for shape and bounds where a query would index
// by it; a file that fails is not used.
import type { CacheContent, NumberArray } from '../cacheFile';
import { Interner } from '../interner';
import { StringTable } from '../stringTable';
import { AgreedIndex } from './index';
import type { IndexData, OpeningCount } from './indexData';
import type { AgreedIndexOptions } from './types';

/** Bump when the index's layout or how it is built changes. */
export const INDEX_FILE_FORMAT = 1;

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
  opening: (string | null)[];
  labels: string[];
  docUri: string[];
  docSymbol: (string | null)[];
  openings: { preambular: OpeningCount[]; operative: OpeningCount[] };
}

/** The index's data as a cache file's content, with the fingerprint of what it was built from. */
export function indexContent(index: AgreedIndex, fingerprint: string): CacheContent {
  const d = index.indexData;
  const arrays: CacheContent['arrays'] = {};
  for (const key of Object.keys(ARRAYS) as ArrayKey[]) arrays[key] = d[key];
  arrays.textBytes = d.texts.bytes;
  arrays.textOffsets = d.texts.offsets;
  arrays.keyMapKeys = Float64Array.from(d.keyMap.keys());
  arrays.keyMapValues = Int32Array.from(d.keyMap.values());
  const json: IndexJson = {
    fingerprint,
    documentCount: d.documentCount,
    paragraphCount: d.paragraphCount,
    words: d.vocab.strings,
    punctCodes: d.punctCodes.strings,
    opening: d.opening.map((o) => o ?? null),
    labels: [...d.labels],
    docUri: d.docUri,
    docSymbol: d.docSymbol.map((s) => s ?? null),
    openings: d.openings,
  };
  return { json, arrays };
}

/** The index a cache file holds, when it was built from `fingerprint` and its content is whole. */
export function indexFromContent(content: CacheContent, fingerprint: string, options: AgreedIndexOptions = {}): AgreedIndex | undefined {
  const json = content.json as IndexJson;
  if (typeof json !== 'object' || json === null || json.fingerprint !== fingerprint) return undefined;
  const strings = (list: unknown, nullable = false): list is string[] => Array.isArray(list) && list.every((s) => typeof s === 'string' || (nullable && s === null));
  if (!strings(json.words) || !strings(json.punctCodes) || !strings(json.opening, true)) return undefined;
  if (!strings(json.labels) || !strings(json.docUri) || !strings(json.docSymbol, true)) return undefined;
  if (!Number.isSafeInteger(json.documentCount) || !Number.isSafeInteger(json.paragraphCount)) return undefined;
  if (!json.openings || !Array.isArray(json.openings.preambular) || !Array.isArray(json.openings.operative)) return undefined;
  const arrays: Partial<Record<ArrayKey, NumberArray>> = {};
  for (const [key, type] of Object.entries(ARRAYS) as [ArrayKey, NumberArray['constructor']][]) {
    const array = content.arrays[key];
    if (!(array instanceof type)) return undefined;
    arrays[key] = array;
  }
  const { textBytes, textOffsets, keyMapKeys, keyMapValues } = content.arrays;
  if (!(textBytes instanceof Uint8Array) || !(textOffsets instanceof Int32Array)) return undefined;
  if (!(keyMapKeys instanceof Float64Array) || !(keyMapValues instanceof Int32Array) || keyMapKeys.length !== keyMapValues.length) return undefined;
  const texts = StringTable.over(textBytes, textOffsets);
  if (!texts) return undefined;
  const a = arrays as Record<ArrayKey, NumberArray>;
  const P = json.paragraphCount;
  // The lengths and ids the queries index by without checking.
  const perParagraph: ArrayKey[] = ['start', 'len', 'before', 'kind', 'text', 'docCount', 'sourceCount', 'boilerplate', 'keyNext', 'selCount'];
  if (perParagraph.some((key) => a[key].length !== P) || json.opening.length !== P || a.srcOff.length !== P + 1) return undefined;
  if (!below(a.text, texts.length) || !below(a.srcDoc, json.docUri.length) || !below(a.srcLabel, json.labels.length) || !below(a.tokWord, json.words.length)) return undefined;
  if (!below(a.postPara, P) || !below(a.shPara, P) || !below(keyMapValues, P) || a.srcOff[P] !== a.srcDoc.length || a.postOff.length !== json.words.length + 1) return undefined;
  for (let p = 0; p < P; p++) if (a.start[p] < 0 || a.len[p] < 0 || a.start[p] + a.len[p] > a.tokWord.length) return undefined;
  const vocab = new Interner();
  for (const word of json.words) vocab.intern(word);
  const punctCodes = new Interner();
  for (const code of json.punctCodes) punctCodes.intern(code);
  if (vocab.size !== json.words.length || punctCodes.size !== json.punctCodes.length) return undefined;
  const keyMap = new Map<number, number>();
  for (let i = 0; i < keyMapKeys.length; i++) keyMap.set(keyMapKeys[i], keyMapValues[i]);
  const data = {
    ...(arrays as Pick<IndexData, ArrayKey>),
    documentCount: json.documentCount,
    paragraphCount: P,
    vocab,
    words: vocab.strings,
    punctCodes,
    texts,
    opening: json.opening.map((o) => o ?? undefined),
    keyMap,
    labels: json.labels,
    docUri: json.docUri,
    docSymbol: json.docSymbol.map((s) => s ?? undefined),
    openings: json.openings,
  } satisfies IndexData;
  return new AgreedIndex(data, options);
}

function below(array: NumberArray, limit: number): boolean {
  for (let i = 0; i < array.length; i++) if (array[i] >= limit || array[i] < 0) return false;
  return true;
}
