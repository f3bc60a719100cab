// The corpus's records on disk, so that a restart with an unchanged corpus reads no text again:
// for each file read, its path, size and modification time, its header's facts, its citations
// (sites and what they say) and its paragraphs (as paragraphStore.ts keeps them). A file whose
// size or modification time changed is read again; the rest come from here. One cache file per
// set of corpus sources (the folders and catalogues named), in the cache folder.
//
// What the file holds is data only (cacheFile.ts): JSON values and arrays of numbers, the texts as
// UTF-8. A record read back is no more trusted than the text it came from: hovers escape it as
// they escape any corpus text.
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readCacheFile, writeCacheFile, type CacheContent, type CacheFileContent, type SharedTexts } from '../cacheFile';
import { Grow } from '../arrays';
import { DiskBytes } from '../diskBytes';
import { Interner } from '../interner';
import type { CitationKind } from '../parser/model';
import { StringTable } from '../stringTable';
import type { StringPool } from './compactDocument';
import type { CachedDocument, CachedDocuments, CorpusSources, LoadedCorpus } from './corpusLoader';
import { Pacer } from './pacer';
import { ParagraphStore, StoredParagraphs, type ParagraphColumns } from './paragraphStore';
import type { CitationList, CitationRecord, DocumentFacts, LoadedDocument } from './types';

/** Bump when what a record holds, or how a text is read into one, changes. */
export const CORPUS_CACHE_FORMAT = 1;

const KINDS: readonly CitationKind[] = ['resolution', 'decision', 'document'];

interface DocumentEntry {
  path: string;
  size: number;
  mtimeMs: number;
  facts: DocumentFacts;
}

interface RecordsJson {
  documents: DocumentEntry[];
  /** Citation keys, organs, dates and titles. */
  strings: string[];
  labels: string[];
  openings: string[];
}

/** The cache file of a set of sources in `folder`: one per corpus configuration. */
export function corpusCacheFile(folder: string, sources: CorpusSources, name: 'corpus' | 'index'): string {
  const key = createHash('sha1').update(JSON.stringify(sources)).digest('hex').slice(0, 16);
  return path.join(folder, `${name}-${key}.cache`);
}

/** Records read back: each file's, while its size and modification time are those it was read with. */
export class CachedRecords implements CachedDocuments {
  private readonly byPath = new Map<string, number>();
  private readonly paragraphSource: StoredParagraphs;

  private constructor(
    private readonly json: RecordsJson,
    private readonly arrays: Record<string, Int32Array>,
    paragraphs: ParagraphColumns,
    /** The paragraphs' texts with their digests: the index file names them rather than holding them again. */
    readonly texts: SharedTexts,
  ) {
    json.documents.forEach((entry, i) => this.byPath.set(entry.path, i));
    this.paragraphSource = new StoredParagraphs(paragraphs);
  }

  get size(): number {
    return this.json.documents.length;
  }

  get(file: string, size: number, mtimeMs: number): CachedDocument | undefined {
    const i = this.byPath.get(file);
    if (i === undefined) return undefined;
    const entry = this.json.documents[i];
    if (entry.size !== size || entry.mtimeMs !== mtimeMs) return undefined;
    return {
      facts: entry.facts,
      citations: (uri, citingSymbol, pool) => this.citations(i, uri, citingSymbol, pool),
      paragraphs: { source: this.paragraphSource, doc: i },
    };
  }

  /** The records' strings as kept in a load's pool: each looked up once, not once for each citation. */
  private pooled: { pool: StringPool; strings: string[] } | undefined;

  private citations(doc: number, uri: string, citingSymbol: string | undefined, pool: StringPool): CitationList {
    if (this.pooled?.pool !== pool) this.pooled = { pool, strings: this.json.strings.map((value) => pool.get(value)!) };
    return new CachedCitations(this.arrays, this.pooled.strings, this.arrays.citationFirst[doc], this.arrays.citationFirst[doc + 1], uri, citingSymbol);
  }

  /** Records from a cache file's content; undefined when it does not hold what a records file holds. */
  static from(content: CacheFileContent): CachedRecords | undefined {
    const json = content.json as RecordsJson;
    if (!isRecordsJson(json)) return undefined;
    const n = json.documents.length;
    const int = (name: string, length?: number) => {
      const array = content.arrays[name];
      return array instanceof Int32Array && (length === undefined || array.length === length) ? array : undefined;
    };
    const citationFirst = int('citationFirst', n + 1);
    const citations = citationFirst ? citationFirst[n] : -1;
    const arrays: Record<string, Int32Array> = {};
    for (const name of CITATION_COLUMNS) {
      const array = int(name, citations);
      if (!array) return undefined;
      arrays[name] = array;
    }
    arrays.citationFirst = citationFirst!;
    if (!ascending(citationFirst!, citations)) return undefined;
    for (const name of ['citationKey', 'citationOrgan', 'citationDate', 'citationTitle']) if (!within(arrays[name], name === 'citationKey' ? 0 : -1, json.strings.length)) return undefined;
    const first = int('paragraphFirst', n + 1);
    const kind = content.arrays.paragraphKind;
    const rows = first ? first[n] : -1;
    const columns = { text: int('paragraphText', rows), label: int('paragraphLabel', rows), opening: int('paragraphOpening', rows), start: int('paragraphStart', rows), end: int('paragraphEnd', rows) };
    const bytes = content.onDisk.textBytes ?? content.arrays.textBytes;
    const offsets = int('textOffsets');
    if (!first || !(kind instanceof Uint8Array) || kind.length !== rows || !ascending(first, rows) || !offsets) return undefined;
    if (!(bytes instanceof Uint8Array || bytes instanceof DiskBytes)) return undefined;
    if (!columns.text || !columns.label || !columns.opening || !columns.start || !columns.end) return undefined;
    const texts = StringTable.over(bytes, offsets);
    if (!texts || !within(columns.text, 0, texts.length) || !within(columns.label, 0, json.labels.length) || !within(columns.opening, -1, json.openings.length)) return undefined;
    const { text, label, opening, start, end } = columns;
    const paragraphs: ParagraphColumns = { first, kind, text, label, opening, start, end, texts, labels: json.labels, openings: json.openings };
    return new CachedRecords(json, arrays, paragraphs, { table: texts, bytes: content.digests.textBytes, offsets: content.digests.textOffsets });
  }
}

const CITATION_COLUMNS = [
  'citationStart',
  'citationEnd',
  'citationLine',
  'citationCharacter',
  'citationEndLine',
  'citationEndCharacter',
  'citationContainer',
  'citationKey',
  'citationKind',
  'citationOrgan',
  'citationDate',
  'citationTitle',
] as const;

function isRecordsJson(json: unknown): json is RecordsJson {
  if (typeof json !== 'object' || json === null) return false;
  const { documents, strings, labels, openings } = json as RecordsJson;
  const allStrings = (list: unknown) => Array.isArray(list) && list.every((s) => typeof s === 'string');
  if (!Array.isArray(documents) || !allStrings(strings) || !allStrings(labels) || !allStrings(openings)) return false;
  return documents.every(
    (d) => typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.size === 'number' && typeof d.mtimeMs === 'number' && typeof d.facts === 'object' && d.facts !== null && isFacts(d.facts),
  );
}

function isFacts(facts: DocumentFacts): boolean {
  const optional = (value: unknown, type: string) => value === undefined || typeof value === type;
  return optional(facts.ownSymbol, 'string') && optional(facts.title, 'string') && optional(facts.adopted, 'string') && optional(facts.session, 'number');
}

function within(array: Int32Array, min: number, limit: number): boolean {
  for (let i = 0; i < array.length; i++) if (array[i] < min || array[i] >= limit) return false;
  return true;
}

function ascending(first: Int32Array, total: number): boolean {
  if (first[0] !== 0 || first[first.length - 1] !== total) return false;
  for (let i = 1; i < first.length; i++) if (first[i] < first[i - 1]) return false;
  return true;
}

/** A text's citations read from the cache: columns, a record made when one is asked for. */
class CachedCitations implements CitationList {
  constructor(
    private readonly columns: Record<string, Int32Array>,
    private readonly strings: readonly string[],
    private readonly first: number,
    private readonly end: number,
    private readonly uri: string,
    private readonly citingSymbol: string | undefined,
  ) {}

  get length(): number {
    return this.end - this.first;
  }

  key(i: number): string {
    return this.strings[this.columns.citationKey[this.first + i]];
  }

  kind(i: number): CitationKind {
    return KINDS[this.columns.citationKind[this.first + i]] ?? 'document';
  }

  date(i: number): string | undefined {
    const date = this.columns.citationDate[this.first + i];
    return date >= 0 ? this.strings[date] : undefined;
  }

  organ(i: number): string | undefined {
    const organ = this.columns.citationOrgan[this.first + i];
    return organ >= 0 ? this.strings[organ] : undefined;
  }

  record(i: number): CitationRecord {
    const a = this.columns;
    const c = this.first + i;
    const record: CitationRecord = {
      uri: this.uri,
      start: a.citationStart[c],
      end: a.citationEnd[c],
      citingSymbol: this.citingSymbol,
      line: a.citationLine[c],
      character: a.citationCharacter[c],
      endLine: a.citationEndLine[c],
      endCharacter: a.citationEndCharacter[c],
      container: a.citationContainer[c],
      key: this.key(i),
      kind: this.kind(i),
    };
    const organ = this.organ(i);
    if (organ !== undefined) record.organ = organ;
    const date = this.date(i);
    if (date !== undefined) record.date = date;
    if (a.citationTitle[c] >= 0) record.title = this.strings[a.citationTitle[c]];
    return record;
  }
}

/** The records of a load's documents read from files, as a cache file's content. */
export async function recordsContent(documents: readonly LoadedDocument[], pacer = new Pacer()): Promise<CacheContent> {
  const files = documents.filter((d) => d.file !== undefined);
  const strings = new Interner();
  const id = (value: string | undefined) => (value === undefined ? -1 : strings.intern(value));
  const citationColumns = Object.fromEntries(CITATION_COLUMNS.map((name) => [name, new Grow(Int32Array, 4096)])) as Record<(typeof CITATION_COLUMNS)[number], Grow<Int32Array>>;
  const citationFirst = new Int32Array(files.length + 1);
  // A first load's paragraphs are all in one store, in the order of the files: written as they are.
  // Otherwise (some came from the cache) they are gathered into a new one.
  const loadedStore = files[0]?.paragraphs.source;
  const whole =
    loadedStore instanceof ParagraphStore && loadedStore.documentCount === files.length && files.every((d, i) => d.paragraphs.source === loadedStore && d.paragraphs.doc === i);
  const store = whole ? loadedStore : new ParagraphStore();
  for (let i = 0; i < files.length; i++) {
    const loaded = files[i];
    for (let k = 0; k < loaded.citations.length; k++) {
      const c = loaded.citations.record(k);
      citationColumns.citationStart.push(c.start);
      citationColumns.citationEnd.push(c.end);
      citationColumns.citationLine.push(c.line);
      citationColumns.citationCharacter.push(c.character);
      citationColumns.citationEndLine.push(c.endLine);
      citationColumns.citationEndCharacter.push(c.endCharacter);
      citationColumns.citationContainer.push(c.container);
      citationColumns.citationKey.push(id(c.key));
      citationColumns.citationKind.push(Math.max(0, KINDS.indexOf(c.kind)));
      citationColumns.citationOrgan.push(id(c.organ));
      citationColumns.citationDate.push(id(c.date));
      citationColumns.citationTitle.push(id(c.title));
    }
    citationFirst[i + 1] = citationColumns.citationStart.length;
    if (!whole) store.add(loaded.paragraphs.source.paragraphs(loaded.paragraphs.doc));
    await pacer.pace();
  }
  const paragraphs = store.columns();
  const texts = paragraphs.texts as StringTable;
  const json: RecordsJson = {
    documents: files.map(({ file, facts }) => ({ path: file!.path, size: file!.size, mtimeMs: file!.mtimeMs, facts })),
    strings: strings.strings,
    labels: [...(paragraphs.labels as readonly string[])],
    openings: [...(paragraphs.openings as readonly string[])],
  };
  const arrays: CacheContent['arrays'] = { citationFirst };
  for (const name of CITATION_COLUMNS) arrays[name] = citationColumns[name].trimmed();
  Object.assign(arrays, {
    paragraphFirst: paragraphs.first,
    paragraphKind: paragraphs.kind,
    paragraphText: paragraphs.text,
    paragraphLabel: paragraphs.label,
    paragraphOpening: paragraphs.opening,
    paragraphStart: paragraphs.start,
    paragraphEnd: paragraphs.end,
    textBytes: texts.bytes,
    textOffsets: texts.offsets,
  });
  return { json, arrays };
}

/** Whether a load read any file the cache did not hold, or left out one it held: the file is then written again. */
export function recordsChanged(loaded: LoadedCorpus, cached: CachedRecords | undefined): boolean {
  const files = loaded.documents.filter((d) => d.file !== undefined).length;
  return !cached || loaded.fromCache !== files || cached.size !== files;
}

/**
 * Where the cache goes when the client names no folder: the platform's cache folder
 * ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows).
 */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'unres', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'unres');
  return path.join(env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache'), 'unres');
}

/**
 * The server's cache folder: `--no-cache` keeps none, `--cache-dir DIR` names one; else the
 * client's (initializationOptions.cacheFolder: a path, or null for none); else the platform's.
 */
export function cacheFolderOf(argv: readonly string[], initializationOptions: unknown, warn: (message: string) => void): string | undefined {
  if (argv.includes('--no-cache')) return undefined;
  const at = argv.indexOf('--cache-dir');
  if (at >= 0 && argv[at + 1] && path.isAbsolute(argv[at + 1])) return argv[at + 1];
  if (at >= 0) warn('--cache-dir needs an absolute folder; the default cache folder is used.');
  const options = typeof initializationOptions === 'object' && initializationOptions !== null ? (initializationOptions as { cacheFolder?: unknown }) : {};
  if (options.cacheFolder === null) return undefined;
  if (typeof options.cacheFolder === 'string' && path.isAbsolute(options.cacheFolder)) return options.cacheFolder;
  if (options.cacheFolder !== undefined) warn('initializationOptions.cacheFolder is not an absolute path; the default cache folder is used.');
  return defaultCacheFolder();
}

/**
 * The build of the server reading the cache, by a digest of its code file's content (the bundle
 * holds all of its code): a cache written by any other build is discarded, since what a text is
 * read into may have changed; the same build built again keeps it. Read once, when first asked.
 */
export function buildStamp(file = __filename): string {
  let stamp = stamps.get(file);
  if (stamp === undefined) {
    try {
      stamp = createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 20);
    } catch {
      stamp = 'unknown';
    }
    stamps.set(file, stamp);
  }
  return stamp;
}

const stamps = new Map<string, string>();

export interface CorpusCacheEvents {
  log(message: string): void;
}

/**
 * The paragraphs' texts stay on disk, read when a completion or a lookup shows one: the file stays
 * open meanwhile. Not on Windows, where a file held open cannot be replaced by a rename, and the
 * next records file (this server's, or another window's) could then not be written.
 */
const TEXTS_ON_DISK = process.platform === 'win32' ? [] : ['textBytes'];

/** The corpus records of one cache folder. */
export class CorpusCache {
  /** The digests of the texts of each records file, as last read or written here. */
  private readonly textDigests = new Map<string, { bytes: string; offsets: string }>();

  constructor(
    readonly folder: string,
    readonly version: string,
    private readonly events: CorpusCacheEvents,
  ) {}

  /** The records cached for these sources; undefined (with a logged reason when one was discarded) when there are none to use. */
  async read(sources: CorpusSources): Promise<CachedRecords | undefined> {
    const file = corpusCacheFile(this.folder, sources, 'corpus');
    this.textDigests.delete(file);
    const read = await readCacheFile(file, this.version, { onDisk: TEXTS_ON_DISK });
    if ('missing' in read) return undefined;
    let records: CachedRecords | undefined;
    try {
      records = 'content' in read ? CachedRecords.from(read.content) : undefined;
    } catch {
      // Checked as it is, a file of a shape no check foresaw is not used either.
    }
    if (!records) this.events.log(`Corpus cache ${file} ${'discarded' in read ? read.discarded : 'does not hold corpus records'}; discarded, the corpus is read again.`);
    if (records) this.textDigests.set(file, { bytes: records.texts.bytes, offsets: records.texts.offsets });
    return records;
  }

  /** The digests of the paragraphs' texts in the records file of these sources, as last read or written here. */
  textsDigests(sources: CorpusSources): { bytes: string; offsets: string } | undefined {
    return this.textDigests.get(corpusCacheFile(this.folder, sources, 'corpus'));
  }

  /** Writes the records of a load (in slices that let requests through); a failure is logged, never thrown. */
  async write(sources: CorpusSources, documents: readonly LoadedDocument[], signal?: AbortSignal): Promise<void> {
    const file = corpusCacheFile(this.folder, sources, 'corpus');
    try {
      this.textDigests.delete(file);
      const digests = await writeCacheFile(file, this.version, await recordsContent(documents, new Pacer(signal)), signal);
      this.textDigests.set(file, { bytes: digests.textBytes, offsets: digests.textOffsets });
    } catch (error) {
      if (signal?.aborted) return;
      this.events.log(`Corpus cache ${file} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next start reads the corpus again.`);
    }
  }
}
