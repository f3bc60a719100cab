// CRC-32 of large byte ranges on a worker thread. A start from the on-disk cache checks some
// 400 MB of arrays against their digests: on the server's own thread that is most of a second in
// which the corpus waits and requests queue. The bytes lie in shared memory, so nothing is copied
// and the worker only reads them; the caller keeps them whatever becomes of the worker. Where no
// worker can run (or one fails), the caller digests on its own thread, as before.
import { Worker } from 'worker_threads';
import * as zlib from 'zlib';

type Crc32 = (data: Uint8Array, value?: number) => number;
const crc32 = (zlib as { crc32?: Crc32 }).crc32;

// The worker's whole program: plain JavaScript, so that it runs the same from the bundle and from
// the compiled sources. A message is a job: its number, and either the shared bytes with
// [start, end) pairs, or an open file with [position, length] pairs, read through one small
// buffer (null: the file ends first).
const PROGRAM = `
const { parentPort } = require('worker_threads');
const { readSync } = require('fs');
const { crc32 } = require('zlib');
let chunk;
function ofFile(fd, position, length) {
  chunk ??= Buffer.allocUnsafe(1 << 20);
  let value = 0;
  for (let at = 0; at < length; ) {
    const read = readSync(fd, chunk, 0, Math.min(chunk.length, length - at), position + at);
    if (read === 0) return null;
    value = crc32(chunk.subarray(0, read), value);
    at += read;
  }
  return value;
}
parentPort.on('message', ({ id, buffer, fd, ranges }) => {
  const values = [];
  try {
    const bytes = buffer ? new Uint8Array(buffer) : undefined;
    for (let i = 0; i < ranges.length; i += 2) {
      if (bytes) values.push(ranges[i + 1] > ranges[i] ? crc32(bytes.subarray(ranges[i], ranges[i + 1])) : 0);
      else values.push(ofFile(fd, ranges[i], ranges[i + 1]));
    }
    parentPort.postMessage({ id, values });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.code || error) });
  }
});
`;

/** How long an idle worker is kept: the two cache files of a start are checked within moments of each other. */
const IDLE_MS = 5_000;

interface Job {
  resolve(values: (number | null)[]): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
const jobs = new Map<number, Job>();
let nextJob = 0;
let idle: NodeJS.Timeout | undefined;

function failAll(error: Error): void {
  worker = undefined;
  for (const job of jobs.values()) job.reject(error);
  jobs.clear();
}

function started(): Worker {
  if (worker) return worker;
  const created = new Worker(PROGRAM, { eval: true });
  // A worker must never keep the server (or the command line) alive once its work is done.
  created.unref();
  created.on('message', ({ id, values, error }: { id: number; values: (number | null)[]; error?: string }) => {
    const job = jobs.get(id);
    jobs.delete(id);
    if (error !== undefined) job?.reject(new Error(`the digest worker could not read (${error})`));
    else job?.resolve(values);
    if (jobs.size === 0) {
      clearTimeout(idle);
      idle = setTimeout(() => stopDigestWorker(), IDLE_MS);
      idle.unref();
    }
  });
  created.on('error', (error) => failAll(error));
  created.on('exit', () => {
    if (worker === created) failAll(new Error('the digest worker stopped'));
  });
  return (worker = created);
}

/** Whether crc32OffThread can check bytes: the runtime has CRC-32 and worker threads. */
export const offThreadDigests = crc32 !== undefined && typeof SharedArrayBuffer === 'function';

/**
 * The CRC-32 of each [start, end) range of `bytes` (a view of shared memory), computed on a
 * worker thread; an empty range's is 0, as Digest gives it. Rejects when the worker cannot start
 * or fails: the caller then digests the bytes itself.
 */
export function crc32OffThread(bytes: Uint8Array, ranges: readonly (readonly [number, number])[]): Promise<number[]> {
  if (!offThreadDigests || !(bytes.buffer instanceof SharedArrayBuffer)) return Promise.reject(new Error('no shared memory to check off the thread'));
  const flat = ranges.flatMap(([start, end]) => [bytes.byteOffset + start, bytes.byteOffset + end]);
  return post({ buffer: bytes.buffer, ranges: flat }) as Promise<number[]>;
}

/**
 * The CRC-32 of each [position, length] range of an open file, read on a worker thread through
 * one small buffer; null for a range the file ends before. The file must stay open until this settles.
 */
export function crc32OfFileOffThread(fd: number, ranges: readonly (readonly [number, number])[]): Promise<(number | null)[]> {
  if (!offThreadDigests) return Promise.reject(new Error('no CRC-32 in this runtime'));
  return post({ fd, ranges: ranges.flat() });
}

function post(job: { buffer?: SharedArrayBuffer; fd?: number; ranges: number[] }): Promise<(number | null)[]> {
  return new Promise((resolve, reject) => {
    try {
      const id = nextJob++;
      clearTimeout(idle);
      const target = started();
      jobs.set(id, { resolve, reject });
      target.postMessage({ id, ...job });
    } catch (error) {
      reject(error as Error);
    }
  });
}

/** Stops the worker (it starts again when next asked); pending checks reject. */
export function stopDigestWorker(): void {
  clearTimeout(idle);
  const stopping = worker;
  failAll(new Error('the digest worker was stopped'));
  void stopping?.terminate();
}
