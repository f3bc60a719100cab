// The on-disk cache's file format: plain data the server wrote itself and reads back without
// trusting it. A file is a line naming the format, a line with the length of a JSON header and the
// header's digest, the header (the version stamp, a JSON value and a table of named arrays of
// numbers, each with its own digest) and the arrays' bytes, each at an offset aligned to 8. Nothing
// in it is code or markup; strings are JSON strings or UTF-8 runs decoded by offsets. A file of
// another version, cut short, whose header or any array does not match its digest, or whose table
// points outside it is refused as a whole.
//
// The arrays are read into one block of memory, in slices between which requests are answered;
// each is checked against its own digest (on a worker thread where one can run: digestWorker.ts),
// which also names it: another file can say that it holds the same array as this one.
//
// Written atomically: to a temporary file beside it, then renamed over it, so that a reader (another
// window's server) sees the old file or the new one, never half of one.
import { createHash, type Hash } from 'crypto';
import { close as fsClose, fstat as fsFstat, open as fsOpen, promises as fs, read as fsRead } from 'fs';
import { endianness } from 'os';
import * as path from 'path';
import { promisify } from 'util';
import * as zlib from 'zlib';
import { DiskBytes, OpenFile } from './diskBytes';
import { crc32OfFileOffThread, crc32OffThread, offThreadDigests } from './digestWorker';
import type { StringTable } from './stringTable';

export type NumberArray = Int32Array | Uint32Array | Uint8Array | Uint16Array | Float64Array;

const CONSTRUCTORS = { Int32Array, Uint32Array, Uint8Array, Uint16Array, Float64Array } as const;
type ArrayType = keyof typeof CONSTRUCTORS;

export interface CacheContent {
  json: unknown;
  arrays: Record<string, NumberArray>;
}

/** A file as read back: its content, and the digest of each of its arrays. */
export interface CacheFileContent extends CacheContent {
  digests: Record<string, string>;
  /** The arrays of bytes asked to be left on disk (checked against their digests all the same), read when asked for. */
  onDisk: Record<string, DiskBytes>;
  /**
   * Settles once the arrays in memory are checked against their digests: undefined when they
   * match, else why the file is damaged. Settled already unless the read was asked to check later.
   */
  checked: Promise<string | undefined>;
}

export interface ReadOptions {
  /** Stops the read (resolving to a discarded read) and lets go of what was read. */
  signal?: AbortSignal;
  /** Arrays of bytes (Uint8Array) to leave on disk: each is checked, then read when asked for. */
  onDisk?: readonly string[];
  /**
   * Return the arrays in memory once read, checking them meanwhile (content.checked): for a reader
   * that builds from them while they are checked and uses nothing it built before the check says
   * they are whole.
   */
  checkLater?: boolean;
}

/**
 * A table of strings read from one cache file, with the digests of its two arrays (bytes and
 * offsets): another file that holds the same strings names them by these instead of holding them.
 */
export interface SharedTexts {
  table: StringTable;
  bytes: string;
  offsets: string;
}

const MAGIC = Buffer.from('unres cache file 2\n', 'latin1');
/** How files of the first format began (one digest for every array, none for the header). */
const FIRST_FORMAT = Buffer.from('unres cache file\n', 'latin1');
const ALIGN = 8;
/** Bytes digested, and read, at a time: requests are answered between two slices. */
const SLICE = 16 << 20;
/** An array's name in the table: plain, so that no name is a property every object has. */
const ARRAY_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

// CRC-32 where the runtime has it (Node 20.15 and 22.2 on; a few times faster than SHA-1 over the
// hundreds of megabytes of a large corpus's index), SHA-1 otherwise; a digest names its algorithm.
// It detects a file damaged or cut short; nothing in a file is trusted on the strength of it (the
// readers check every bound they index by).
type Crc32 = (data: Uint8Array, value?: number) => number;
const crc32 = (zlib as { crc32?: Crc32 }).crc32;
const ALGORITHM = crc32 ? 'crc32' : 'sha1';

/** How a CRC-32 is written as a digest: the algorithm's name and eight hex digits. */
const crcDigest = (value: number) => `crc32:${(value >>> 0).toString(16).padStart(8, '0')}`;

/** A digest of bytes given in pieces. */
export class Digest {
  private crc = 0;
  private hash: Hash | undefined;

  private constructor(private readonly algorithm: 'crc32' | 'sha1') {}

  /** The digest files are written with here. */
  static written(): Digest {
    return new Digest(ALGORITHM);
  }

  /** A digest of the algorithm `digest` names, if this runtime has it. */
  static like(digest: string): Digest | undefined {
    if (digest.startsWith('crc32:') && crc32) return new Digest('crc32');
    if (digest.startsWith('sha1:')) return new Digest('sha1');
    return undefined;
  }

  update(bytes: Uint8Array): this {
    // An empty piece adds nothing, and must not be passed on: zlib's CRC-32 of a view with no
    // memory behind it (an empty array's) is 0, whatever the running value, so one empty array
    // among full ones would start the sum over.
    if (bytes.byteLength === 0) return this;
    if (this.algorithm === 'crc32') this.crc = crc32!(bytes, this.crc);
    else (this.hash ??= createHash('sha1')).update(bytes);
    return this;
  }

  digest(): string {
    if (this.algorithm === 'crc32') return crcDigest(this.crc);
    return `sha1:${(this.hash ?? createHash('sha1')).digest('hex')}`;
  }
}

/** The digest of an array's bytes, in slices between which requests are answered. */
async function digestInSlices(bytes: Uint8Array, digest: Digest, signal?: AbortSignal): Promise<string> {
  for (let at = 0; at < bytes.byteLength; at += SLICE) {
    if (at > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    digest.update(bytes.subarray(at, Math.min(bytes.byteLength, at + SLICE)));
  }
  return digest.digest();
}

/** An array's bytes, as they are written and digested. */
export function bytesOf(array: NumberArray): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** The digest an array has in a file written here: what a file names an array it shares by. */
export function arrayDigest(array: NumberArray): Promise<string> {
  return digestInSlices(bytesOf(array), Digest.written());
}

interface TableEntry {
  name: string;
  type: ArrayType;
  offset: number;
  length: number;
  digest: string;
}

interface Header {
  version: string;
  endianness: string;
  json: unknown;
  arrays: TableEntry[];
}

/**
 * Writes `content` to `file` atomically, creating its folder; resolves to the digest of each
 * array. Digesting yields between slices; `signal` stops the write before the file is replaced.
 */
export async function writeCacheFile(file: string, version: string, content: CacheContent, signal?: AbortSignal): Promise<Record<string, string>> {
  const table: TableEntry[] = [];
  const chunks: Uint8Array[] = [];
  const digests: Record<string, string> = {};
  let offset = 0;
  for (const [name, array] of Object.entries(content.arrays)) {
    // A Buffer is written as the Uint8Array it is.
    const type = (Object.keys(CONSTRUCTORS) as ArrayType[]).find((t) => array instanceof CONSTRUCTORS[t]);
    if (!type) throw new TypeError(`cache array ${name} is not an array of numbers`);
    if (!ARRAY_NAME.test(name)) throw new TypeError(`cache array name ${name} is not a plain name`);
    const padding = (ALIGN - (offset % ALIGN)) % ALIGN;
    if (padding) chunks.push(new Uint8Array(padding));
    offset += padding;
    const bytes = bytesOf(array);
    const digest = (digests[name] = await digestInSlices(bytes, Digest.written(), signal));
    table.push({ name, type, offset, length: array.length, digest });
    chunks.push(bytes);
    offset += array.byteLength;
  }
  const header: Header = { version, endianness: endianness(), json: content.json, arrays: table };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerDigest = Digest.written().update(headerBytes).digest();
  const lead = Buffer.concat([MAGIC, Buffer.from(`${headerBytes.length} ${headerDigest}\n`, 'latin1'), headerBytes]);
  const padding = (ALIGN - (lead.length % ALIGN)) % ALIGN;
  signal?.throwIfAborted();
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await fs.open(temporary, 'w', 0o600);
  try {
    await handle.writev([lead, Buffer.alloc(padding), ...chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))]);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    signal?.throwIfAborted();
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  return digests;
}

export type CacheRead = { content: CacheFileContent } | { missing: true } | { discarded: string };

/** The digest of each range of `block`: on a worker thread when `offThread`, and on this one if that fails. */
async function digestsOf(block: Uint8Array, ranges: readonly { start: number; end: number; check: Digest }[], offThread: boolean, signal?: AbortSignal): Promise<string[]> {
  if (offThread) {
    try {
      const values = await crc32OffThread(block, ranges.map(({ start, end }) => [start, end] as const));
      signal?.throwIfAborted();
      return values.map(crcDigest);
    } catch (error) {
      if (signal?.aborted) throw error;
    }
  }
  const digests: string[] = [];
  for (const { start, end, check } of ranges) digests.push(await digestInSlices(block.subarray(start, end), check, signal));
  return digests;
}

/** The digest of each range left on disk: on a worker thread when `offThread`, and on this one if that fails. */
async function digestsOnDisk(ranges: readonly DiskBytes[], checks: readonly Digest[], offThread: boolean, signal?: AbortSignal): Promise<string[]> {
  if (ranges.length === 0) return [];
  if (offThread) {
    try {
      const values = await crc32OfFileOffThread(ranges[0].descriptor, ranges.map((range) => [range.position, range.byteLength] as const));
      signal?.throwIfAborted();
      return values.map((value) => (value === null ? 'cut short' : crcDigest(value)));
    } catch (error) {
      if (signal?.aborted) throw error;
    }
  }
  const digests: string[] = [];
  for (let i = 0; i < ranges.length; i++) digests.push(await digestOnDisk(ranges[i], checks[i], signal));
  return digests;
}


/**
 * Reads a cache file written by writeCacheFile with this version. The reason a file is discarded
 * says what was wrong with it, never what it holds.
 */
export async function readCacheFile(file: string, version: string, options: ReadOptions = {}): Promise<CacheRead> {
  const { signal } = options;
  let fd: number;
  try {
    // A FIFO would make open wait for a writer: only a regular file is opened.
    if (!(await fs.stat(file)).isFile()) return { discarded: 'is not a regular file' };
    fd = await openFile(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { discarded: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let kept = false;
  try {
    const file = new OpenFile(fd);
    const read = await readOpenFile(file, version, options);
    // Arrays left on disk read through this descriptor from now on: it closes when they are collected.
    kept = 'content' in read && Object.keys(read.content.onDisk).length > 0;
    if (kept) file.closeWhenUnused();
    return read;
  } catch (error) {
    if (signal?.aborted) return { discarded: 'was not read to the end (no longer needed)' };
    return { discarded: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    if (!kept) await closeFile(fd).catch(() => undefined);
  }
}

const openFile = promisify(fsOpen);
const closeFile = promisify(fsClose);
const statFile = promisify(fsFstat);
const readFile = (fd: number, target: Uint8Array, offset: number, length: number, position: number) =>
  new Promise<number>((resolve, reject) => fsRead(fd, target, offset, length, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))));

/** Reads `length` bytes at `position` into `target` (from its start); false when the file ends first. */
async function readFully(fd: number, target: Uint8Array, position: number, signal?: AbortSignal): Promise<boolean> {
  for (let done = 0; done < target.byteLength; ) {
    signal?.throwIfAborted();
    const bytesRead = await readFile(fd, target, done, Math.min(SLICE, target.byteLength - done), position + done);
    if (bytesRead === 0) return false;
    done += bytesRead;
  }
  return true;
}

/** The digest of a range of a file, read through one small buffer (no fresh memory to fault in). */
async function digestOnDisk(range: DiskBytes, digest: Digest, signal?: AbortSignal): Promise<string> {
  const chunk = Buffer.allocUnsafe(Math.min(range.byteLength, 1 << 20));
  for (let at = 0; at < range.byteLength; ) {
    signal?.throwIfAborted();
    const length = Math.min(chunk.length, range.byteLength - at);
    const bytesRead = await readFile(range.descriptor, chunk, 0, length, range.position + at);
    if (bytesRead === 0) return 'cut short';
    digest.update(chunk.subarray(0, bytesRead));
    at += bytesRead;
  }
  return digest.digest();
}

async function readOpenFile(file: OpenFile, version: string, { signal, onDisk = [], checkLater = false }: ReadOptions): Promise<CacheRead> {
  const { fd } = file;
  const stats = await statFile(fd);
  if (!stats.isFile()) return { discarded: 'is not a regular file' };
  const size = stats.size;
  const lead = Buffer.alloc(Math.min(size, 4096));
  if (!(await readFully(fd, lead, 0))) return { discarded: 'is damaged (cut short)' };
  if (lead.subarray(0, FIRST_FORMAT.length).equals(FIRST_FORMAT)) return { discarded: 'was written by another version' };
  if (lead.length < MAGIC.length || !lead.subarray(0, MAGIC.length).equals(MAGIC)) return { discarded: 'is not a cache file of this extension' };
  const newline = lead.indexOf(10, MAGIC.length);
  const line = newline > 0 ? /^(\d{1,12}) ([a-z0-9]{1,8}:[0-9a-f]{8,64})$/.exec(lead.toString('latin1', MAGIC.length, newline)) : null;
  const headerSize = line ? Number(line[1]) : NaN;
  const headerStart = newline + 1;
  if (!line || !Number.isSafeInteger(headerSize) || headerSize <= 0 || headerStart + headerSize > size) return { discarded: 'is damaged (its header is cut short)' };
  const digest = Digest.like(line[2]);
  if (!digest) return { discarded: 'has a digest this runtime cannot check' };
  let headerBytes: Buffer;
  if (headerStart + headerSize <= lead.length) headerBytes = lead.subarray(headerStart, headerStart + headerSize);
  else {
    headerBytes = Buffer.allocUnsafe(headerSize);
    if (!(await readFully(fd, headerBytes, headerStart))) return { discarded: 'is damaged (cut short)' };
  }
  if (digest.update(headerBytes).digest() !== line[2]) return { discarded: 'is damaged (its header does not match its digest)' };
  let header: Header;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as Header;
  } catch {
    return { discarded: 'is damaged (its header is not JSON)' };
  }
  if (typeof header !== 'object' || header === null || typeof header.version !== 'string') return { discarded: 'is damaged (no version)' };
  if (header.version !== version) return { discarded: 'was written by another version' };
  if (header.endianness !== endianness()) return { discarded: 'was written on a machine of another byte order' };
  if (!Array.isArray(header.arrays)) return { discarded: 'is damaged (its table is missing)' };
  const end = headerStart + headerSize;
  const payload = end + ((ALIGN - (end % ALIGN)) % ALIGN);
  const entries: { entry: TableEntry; make: (typeof CONSTRUCTORS)[ArrayType]; check: Digest }[] = [];
  let extent = 0;
  for (const entry of header.arrays) {
    const make = typeof entry?.type === 'string' && Object.hasOwn(CONSTRUCTORS, entry.type) ? CONSTRUCTORS[entry.type] : undefined;
    if (!make || typeof entry.name !== 'string' || !ARRAY_NAME.test(entry.name) || entries.some((e) => e.entry.name === entry.name) || typeof entry.digest !== 'string') {
      return { discarded: 'is damaged (a bad entry in its table)' };
    }
    const aligned = Number.isSafeInteger(entry.offset) && entry.offset % make.BYTES_PER_ELEMENT === 0;
    if (!aligned || !Number.isSafeInteger(entry.length) || entry.offset < 0 || entry.length < 0) return { discarded: 'is damaged (a bad entry in its table)' };
    if (payload + entry.offset + entry.length * make.BYTES_PER_ELEMENT > size) return { discarded: 'is damaged (cut short)' };
    const check = Digest.like(entry.digest);
    if (!check) return { discarded: 'has a digest this runtime cannot check' };
    entries.push({ entry, make, check });
    extent = Math.max(extent, entry.offset + entry.length * make.BYTES_PER_ELEMENT);
  }
  // The arrays in one block of memory: a few large blocks cost the garbage collector far less
  // than many (each tens of megabytes allocated outside the heap can start a full collection).
  // Arrays adjacent in the file are read at once. Shared memory when a worker thread can check it
  // while this one goes on.
  const leave = new Set(onDisk);
  const inMemory = entries.filter(({ entry, make }) => !(leave.has(entry.name) && make === Uint8Array)).sort((a, b) => a.entry.offset - b.entry.offset);
  const disk = entries.filter((e) => !inMemory.includes(e));
  const runs: { fileStart: number; fileEnd: number; blockStart: number }[] = [];
  const placed = new Map<TableEntry, number>();
  let blockSize = 0;
  for (const { entry, make } of inMemory) {
    const end = entry.offset + entry.length * make.BYTES_PER_ELEMENT;
    let run = runs[runs.length - 1];
    if (!run || entry.offset < run.fileEnd || entry.offset - run.fileEnd >= ALIGN) {
      run = { fileStart: entry.offset, fileEnd: entry.offset, blockStart: blockSize + ((ALIGN - (blockSize % ALIGN)) % ALIGN) };
      runs.push(run);
    }
    run.fileEnd = Math.max(run.fileEnd, end);
    placed.set(entry, run.blockStart + entry.offset - run.fileStart);
    blockSize = run.blockStart + run.fileEnd - run.fileStart;
  }
  const offThread = offThreadDigests && entries.every(({ entry }) => entry.digest.startsWith('crc32:'));
  const block = offThread ? new Uint8Array(new SharedArrayBuffer(blockSize)) : new Uint8Array(blockSize);
  for (const run of runs) {
    const target = block.subarray(run.blockStart, run.blockStart + run.fileEnd - run.fileStart);
    if (!(await readFully(fd, target, payload + run.fileStart, signal))) return { discarded: 'is damaged (cut short)' };
  }
  const ranges = disk.map(({ entry }) => new DiskBytes(file, payload + entry.offset, entry.length));
  const inBlock = inMemory.map(({ entry, make, check }) => ({ start: placed.get(entry)!, end: placed.get(entry)! + entry.length * make.BYTES_PER_ELEMENT, check }));
  const blockDigests = digestsOf(block, inBlock, offThread, signal);
  const diskDigests = await digestsOnDisk(ranges, disk.map(({ check }) => check), offThread, signal);
  const damaged = 'is damaged (its content does not match its digest)';
  const arrays: Record<string, NumberArray> = {};
  const digests: Record<string, string> = {};
  const kept: Record<string, DiskBytes> = {};
  for (let i = 0; i < inMemory.length; i++) {
    const { entry, make } = inMemory[i];
    arrays[entry.name] = new make(block.buffer as ArrayBuffer, placed.get(entry)!, entry.length);
    digests[entry.name] = entry.digest;
  }
  for (let i = 0; i < disk.length; i++) {
    if (diskDigests[i] !== disk[i].entry.digest) return { discarded: damaged };
    kept[disk[i].entry.name] = ranges[i];
    digests[disk[i].entry.name] = disk[i].entry.digest;
  }
  const checked = blockDigests.then(
    (actual) => (actual.every((digest, i) => digest === inMemory[i].entry.digest) ? undefined : damaged),
    () => 'was not read to the end (no longer needed)',
  );
  if (!checkLater && (await checked) !== undefined) return { discarded: (await checked)! };
  return { content: { json: header.json, arrays, digests, onDisk: kept, checked } };
}
