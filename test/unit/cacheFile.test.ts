// The cache's file format: what is written is read back whole, each array in memory of its own
// with its digest; a file damaged anywhere (header or arrays), cut short, of the first format, of
// another version, or whose table points past its end is refused with a reason that never
// quotes it.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { arrayDigest, Digest, readCacheFile, writeCacheFile, type CacheRead } from '../../server/src/cacheFile';
import { crc32OffThread, crc32OfFileOffThread, offThreadDigests, stopDigestWorker } from '../../server/src/digestWorker';
import { StringTable } from '../../server/src/stringTable';

/** The file with its header edited, and the header's digest made right again. */
function rewriteHeader(file: string, edit: (header: string) => string): void {
  const bytes = readFileSync(file);
  const first = bytes.indexOf(10);
  const second = bytes.indexOf(10, first + 1);
  const [size] = bytes.toString('latin1', first + 1, second).split(' ');
  const headerEnd = second + 1 + Number(size);
  const header = Buffer.from(edit(bytes.toString('utf8', second + 1, headerEnd)), 'utf8');
  const pad = (at: number) => (8 - (at % 8)) % 8;
  const lead = Buffer.concat([bytes.subarray(0, first + 1), Buffer.from(`${header.length} ${Digest.written().update(header).digest()}\n`, 'latin1'), header]);
  writeFileSync(file, Buffer.concat([lead, Buffer.alloc(pad(lead.length)), bytes.subarray(headerEnd + pad(headerEnd))]));
}

function discarded(read: CacheRead): string {
  assert.ok('discarded' in read, 'the file is refused');
  return read.discarded;
}

describe('cache file', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unres-cache-file-'));
    file = path.join(dir, 'x.cache');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what was written, with the digests the write gave', async () => {
    const arrays = { n: Int32Array.of(1, -2, 3), b: Uint8Array.of(7), w: Uint16Array.of(65535), f: Float64Array.of(0.5) };
    const written = await writeCacheFile(file, 'v', { json: { a: [1, 'é'] }, arrays });
    const read = await readCacheFile(file, 'v');
    assert.ok('content' in read);
    assert.deepStrictEqual(read.content.json, { a: [1, 'é'] });
    for (const [name, array] of Object.entries(arrays)) assert.deepStrictEqual([...read.content.arrays[name]], [...array], name);
    assert.deepStrictEqual(read.content.digests, written);
    assert.strictEqual(written.n, await arrayDigest(arrays.n));
  });

  it('reads back empty arrays among full ones (an empty array adds nothing to a digest)', async () => {
    // Empty arrays with no memory behind them, as an empty corpus's records have.
    const arrays = { a: Int32Array.of(1, 2), none: new Int32Array(new ArrayBuffer(0)), c: Uint8Array.of(7), empty: new Uint8Array(Buffer.alloc(0)), d: Int32Array.of(9) };
    await writeCacheFile(file, 'v', { json: null, arrays });
    const read = await readCacheFile(file, 'v');
    assert.ok('content' in read, 'discarded' in read ? read.discarded : '');
    assert.deepStrictEqual(Object.fromEntries(Object.entries(read.content.arrays).map(([k, v]) => [k, [...v]])), { a: [1, 2], none: [], c: [7], empty: [], d: [9] });
    await writeCacheFile(file, 'v', { json: {}, arrays: {} });
    assert.ok('content' in (await readCacheFile(file, 'v')));
  });

  it('digests bytes given in pieces, empty ones among them, as the same bytes given at once', () => {
    const whole = Digest.written().update(Uint8Array.of(1, 2, 3, 4)).digest();
    // An empty view with no memory behind it: zlib's CRC-32 of it is 0, whatever came before.
    const pieces = Digest.written().update(Uint8Array.of(1, 2)).update(new Uint8Array(new ArrayBuffer(0))).update(Uint8Array.of(3, 4)).digest();
    assert.strictEqual(pieces, whole);
  });

  it('refuses a changed byte in any array, and in the header', async () => {
    await writeCacheFile(file, 'v', { json: { title: 'hunter2' }, arrays: { a: Int32Array.of(1, 2, 3), b: Uint8Array.of(4, 5) } });
    const bytes = readFileSync(file);
    // The last byte of b, then of a (before the padding that aligns b).
    for (const at of [bytes.length - 1, bytes.length - 7]) {
      const changed = Buffer.from(bytes);
      changed[at] ^= 1;
      writeFileSync(file, changed);
      assert.match(discarded(await readCacheFile(file, 'v')), /does not match its digest/);
    }
    writeFileSync(file, bytes.toString('latin1').replace('hunter2', 'hunter3'), 'latin1');
    const reason = discarded(await readCacheFile(file, 'v'));
    assert.match(reason, /header does not match its digest/);
    assert.ok(!/hunter/.test(reason));
  });

  it('refuses a file whose table points past its end, whatever its digests', async () => {
    await writeCacheFile(file, 'v', { json: { a: 1 }, arrays: { n: Int32Array.of(1, 2, 3) } });
    rewriteHeader(file, (header) => header.replace('"length":3', '"length":9'));
    assert.match(discarded(await readCacheFile(file, 'v')), /cut short/);
  });

  it('refuses an array named as every object has a property', async () => {
    await writeCacheFile(file, 'v', { json: {}, arrays: { n: Int32Array.of(1) } });
    rewriteHeader(file, (header) => header.replace('"name":"n"', '"name":"__proto__"'));
    assert.match(discarded(await readCacheFile(file, 'v')), /bad entry/);
  });

  it('refuses a file cut short, one of another version, of the first format, or of another kind', async () => {
    await writeCacheFile(file, 'v', { json: { a: 1 }, arrays: { n: new Int32Array(1000) } });
    assert.match(discarded(await readCacheFile(file, 'w')), /another version/);
    writeFileSync(file, readFileSync(file).subarray(0, 300));
    assert.match(discarded(await readCacheFile(file, 'v')), /cut short/);
    writeFileSync(file, 'unres cache file\n12\n{"version":1}');
    assert.match(discarded(await readCacheFile(file, 'v')), /another version/);
    writeFileSync(file, '{"hunter2": "secret"}');
    assert.match(discarded(await readCacheFile(file, 'v')), /not a cache file/);
    assert.deepStrictEqual(await readCacheFile(path.join(dir, 'none.cache'), 'v'), { missing: true });
  });

  it('refuses a FIFO without waiting for a writer', async function () {
    if (process.platform === 'win32') this.skip(); // no FIFOs in the file system
    execFileSync('mkfifo', [file]);
    assert.match(discarded(await readCacheFile(file, 'v')), /not a regular file/);
  });

  it('leaves the arrays asked for on disk, checked all the same, and reads each string from them when asked', async () => {
    const strings = StringTable.of(['Recalling its resolution 73/266,', '', 'Notant avec préoccupation « le texte »', 'x'.repeat(100_000)]);
    const arrays = { before: Int32Array.of(1, 2, 3), textBytes: strings.bytes, after: Int32Array.of(4, 5), textOffsets: strings.offsets };
    await writeCacheFile(file, 'v', { json: {}, arrays });
    const read = await readCacheFile(file, 'v', { onDisk: ['textBytes', 'after'] });
    assert.ok('content' in read);
    // Only arrays of bytes stay on disk; the rest, on either side of them, are read as ever.
    assert.deepStrictEqual(Object.keys(read.content.onDisk), ['textBytes']);
    assert.deepStrictEqual({ before: [...read.content.arrays.before], after: [...read.content.arrays.after] }, { before: [1, 2, 3], after: [4, 5] });
    assert.strictEqual(read.content.arrays.textBytes, undefined);
    const table = StringTable.over(read.content.onDisk.textBytes, read.content.arrays.textOffsets as Int32Array)!;
    assert.deepStrictEqual([3, 0, 2, 1].map((i) => table.get(i)), [3, 0, 2, 1].map((i) => strings.get(i)));
    assert.deepStrictEqual([...table.bytes], [...strings.bytes]);
    // A byte changed in the array left on disk refuses the file.
    const bytes = readFileSync(file);
    const changed = Buffer.from(bytes);
    changed[bytes.indexOf('préoccupation')] ^= 1;
    writeFileSync(file, changed);
    assert.match(discarded(await readCacheFile(file, 'v', { onDisk: ['textBytes'] })), /does not match its digest/);
  });

  it('checks later when asked: the arrays come at once, and whether they are whole follows', async () => {
    await writeCacheFile(file, 'v', { json: {}, arrays: { a: Int32Array.of(1, 2, 3), b: new Uint8Array(1 << 20).fill(7) } });
    const whole = await readCacheFile(file, 'v', { checkLater: true });
    assert.ok('content' in whole);
    assert.strictEqual(await whole.content.checked, undefined);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(file, bytes);
    const damaged = await readCacheFile(file, 'v', { checkLater: true });
    assert.ok('content' in damaged, 'the arrays are given before they are checked');
    assert.deepStrictEqual([...damaged.content.arrays.a], [1, 2, 3]);
    assert.match((await damaged.content.checked)!, /does not match its digest/);
    assert.match(discarded(await readCacheFile(file, 'v')), /does not match its digest/);
  });

  it('stops a read when asked, keeping nothing', async () => {
    await writeCacheFile(file, 'v', { json: {}, arrays: { a: new Int32Array(1 << 20), b: new Int32Array(1 << 20) } });
    const stop = new AbortController();
    const reading = readCacheFile(file, 'v', { signal: stop.signal });
    stop.abort();
    assert.ok('discarded' in (await reading));
  });
});

describe('digests on a worker thread', () => {
  before(function () {
    if (!offThreadDigests) this.skip(); // this Node has no zlib.crc32: digests are SHA-1, on the server's thread
  });

  after(() => stopDigestWorker());

  it('gives the CRC-32 of ranges of shared memory, and of an open file, as Digest does', async () => {
    const bytes = new Uint8Array(new SharedArrayBuffer(3 << 20));
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
    const ranges: [number, number][] = [[0, 10], [5, 5], [1000, 3 << 20]];
    const crc = (at: [number, number]) => Digest.written().update(bytes.subarray(at[0], at[1])).digest();
    const values = await crc32OffThread(bytes, ranges);
    assert.deepStrictEqual(values.map((v) => `crc32:${v.toString(16).padStart(8, '0')}`), ranges.map(crc));
    const dir = mkdtempSync(path.join(tmpdir(), 'unres-digest-'));
    const file = path.join(dir, 'bytes');
    writeFileSync(file, bytes);
    const fd = openSync(file, 'r');
    try {
      const onDisk = await crc32OfFileOffThread(fd, [[1000, (3 << 20) - 1000], [3 << 20, 1]]);
      assert.deepStrictEqual(onDisk, [values[2], null], 'a range past the end of the file is null');
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses memory that is not shared, and a stopped worker fails what it was asked, not the next job', async () => {
    await assert.rejects(crc32OffThread(new Uint8Array(8), [[0, 8]]));
    const bytes = new Uint8Array(new SharedArrayBuffer(64 << 20));
    const pending = crc32OffThread(bytes, [[0, bytes.length]]);
    stopDigestWorker();
    await assert.rejects(pending);
    assert.deepStrictEqual(await crc32OffThread(bytes, [[0, 4]]), [(zlib as unknown as { crc32(data: Uint8Array): number }).crc32(bytes.subarray(0, 4))]);
  });
});

