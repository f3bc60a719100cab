// The on-disk cache's file format: plain data the server wrote itself and reads back without
// trusting it. A file is a line naming the format, the length of a JSON header, the header (the
// version stamp, a digest of the payload, a JSON value and a table of named arrays of numbers) and
// the arrays' bytes, each at an offset aligned to 8. Nothing in it is code or markup; strings are
// JSON strings or UTF-8 runs decoded by offsets. A file of another version, cut short, whose digest
// does not match or whose table points outside it is refused as a whole.
//
// Written atomically: to a temporary file beside it, then renamed over it, so that a reader (another
// window's server) sees the old file or the new one, never half of one.
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import { endianness } from 'os';
import * as path from 'path';

export type NumberArray = Int32Array | Uint32Array | Uint8Array | Uint16Array | Float64Array;

const CONSTRUCTORS = { Int32Array, Uint32Array, Uint8Array, Uint16Array, Float64Array } as const;
type ArrayType = keyof typeof CONSTRUCTORS;

export interface CacheContent {
  json: unknown;
  arrays: Record<string, NumberArray>;
}

const MAGIC = Buffer.from('unres cache file\n', 'latin1');
const ALIGN = 8;

interface Header {
  version: string;
  endianness: string;
  digest: string;
  json: unknown;
  arrays: { name: string; type: ArrayType; offset: number; length: number }[];
}

/** Writes `content` to `file` atomically, creating its folder. */
export async function writeCacheFile(file: string, version: string, content: CacheContent): Promise<void> {
  const table: Header['arrays'] = [];
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(content.arrays)) {
    // A Buffer is written as the Uint8Array it is.
    const type = (Object.keys(CONSTRUCTORS) as ArrayType[]).find((t) => array instanceof CONSTRUCTORS[t]);
    if (!type) throw new TypeError(`cache array ${name} is not an array of numbers`);
    const padding = (ALIGN - (offset % ALIGN)) % ALIGN;
    if (padding) chunks.push(new Uint8Array(padding));
    offset += padding;
    table.push({ name, type, offset, length: array.length });
    chunks.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    offset += array.byteLength;
  }
  const digest = createHash('sha1');
  for (const chunk of chunks) digest.update(chunk);
  const header: Header = { version, endianness: endianness(), digest: digest.digest('hex'), json: content.json, arrays: table };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const lead = Buffer.concat([MAGIC, Buffer.from(`${headerBytes.length}\n`, 'latin1'), headerBytes]);
  const padding = (ALIGN - (lead.length % ALIGN)) % ALIGN;
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
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

export type CacheRead = { content: CacheContent } | { missing: true } | { discarded: string };

/**
 * Reads a cache file written by writeCacheFile with this version. The reason a file is discarded
 * says what was wrong with it, never what it holds.
 */
export async function readCacheFile(file: string, version: string): Promise<CacheRead> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { discarded: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  return decodeCacheFile(bytes, version, await digestInSlices(bytes));
}

/** The digest of a file's payload, in slices between which requests are answered. */
async function digestInSlices(bytes: Buffer): Promise<(from: number) => string> {
  const slice = 16 << 20;
  let hashed: { from: number; digest: string } | undefined;
  const digest = async (from: number) => {
    const hash = createHash('sha1');
    for (let at = from; at < bytes.length; at += slice) {
      hash.update(bytes.subarray(at, Math.min(bytes.length, at + slice)));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return hash.digest('hex');
  };
  // The payload starts after the header, which only decoding finds: hash from each plausible start lazily.
  const payload = payloadStart(bytes);
  if (payload !== undefined) hashed = { from: payload, digest: await digest(payload) };
  return (from) => (hashed && hashed.from === from ? hashed.digest : createHash('sha1').update(bytes.subarray(from)).digest('hex'));
}

function payloadStart(bytes: Buffer): number | undefined {
  const newline = bytes.indexOf(10, MAGIC.length);
  const size = newline > 0 && newline - MAGIC.length <= 12 ? Number(bytes.toString('latin1', MAGIC.length, newline)) : NaN;
  if (!Number.isSafeInteger(size) || size <= 0) return undefined;
  const end = newline + 1 + size;
  return end + ((ALIGN - (end % ALIGN)) % ALIGN);
}

export function decodeCacheFile(bytes: Buffer, version: string, digestFrom = (from: number) => createHash('sha1').update(bytes.subarray(from)).digest('hex')): CacheRead {
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { discarded: 'is not a cache file of this extension' };
  const newline = bytes.indexOf(10, MAGIC.length);
  const size = newline > 0 && newline - MAGIC.length <= 12 ? Number(bytes.toString('latin1', MAGIC.length, newline)) : NaN;
  const headerStart = newline + 1;
  if (!Number.isSafeInteger(size) || size <= 0 || headerStart + size > bytes.length) return { discarded: 'is damaged (its header is cut short)' };
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + size)) as Header;
  } catch {
    return { discarded: 'is damaged (its header is not JSON)' };
  }
  if (typeof header !== 'object' || header === null || typeof header.version !== 'string') return { discarded: 'is damaged (no version)' };
  if (header.version !== version) return { discarded: 'was written by another version' };
  if (header.endianness !== endianness()) return { discarded: 'was written on a machine of another byte order' };
  const end = headerStart + size;
  const payload = end + ((ALIGN - (end % ALIGN)) % ALIGN);
  if (payload > bytes.length || !Array.isArray(header.arrays) || typeof header.digest !== 'string') return { discarded: 'is damaged (its table is missing)' };
  if (digestFrom(payload) !== header.digest) return { discarded: 'is damaged (its content does not match its digest)' };
  const arrays: Record<string, NumberArray> = {};
  for (const entry of header.arrays) {
    const make = typeof entry?.type === 'string' && Object.hasOwn(CONSTRUCTORS, entry.type) ? CONSTRUCTORS[entry.type] : undefined;
    if (!make || typeof entry.name !== 'string' || !Number.isSafeInteger(entry.offset) || !Number.isSafeInteger(entry.length) || entry.offset < 0 || entry.length < 0) {
      return { discarded: 'is damaged (a bad entry in its table)' };
    }
    const from = payload + entry.offset;
    const byteLength = entry.length * make.BYTES_PER_ELEMENT;
    if (from + byteLength > bytes.length) return { discarded: 'is damaged (cut short)' };
    const at = bytes.byteOffset + from;
    // A view where the file's bytes are aligned for the type (read whole, they are); a copy otherwise.
    const aligned = at % make.BYTES_PER_ELEMENT === 0;
    arrays[entry.name] = aligned ? new make(bytes.buffer as ArrayBuffer, at, entry.length) : new make(Uint8Array.prototype.slice.call(bytes, from, from + byteLength).buffer);
  }
  return { content: { json: header.json, arrays } };
}
