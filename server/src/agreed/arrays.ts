// Typed arrays for the build: growable arrays for what the corpus decides the size of, and fills,
// copies and sorts of large arrays done in chunks that yield when the clock says so, so that the
// server answers requests while a large corpus is indexed.

type TypedArray = Int32Array | Uint32Array | Uint8Array | Uint16Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

/** A typed array that grows by doubling; `data` is valid up to `length`. */
export class Grow<T extends TypedArray> {
  data: T;
  length = 0;
  constructor(
    private readonly make: TypedArrayConstructor<T>,
    capacity = 1024,
  ) {
    this.data = new make(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < capacity) size *= 2;
    const next = new this.make(size);
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }

  /** An exact-size copy (the growth slack is released). */
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Says when a slice of work has run long enough; the async driver then yields. */
export interface Clock {
  due(): boolean;
}

/**
 * Runs `work` over [0, n) in chunks, yielding when the clock says so. Chunks start small and
 * grow up to `size` while they take under a millisecond; one that takes over two halves the
 * next: the cost of an element varies (first touches of fresh memory, a collector at work).
 */
export function* inChunks(n: number, size: number, clock: Clock, work: (from: number, to: number) => void): Generator<void, void> {
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
export function* fresh<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array>(make: new (n: number) => T, n: number, clock: Clock): Generator<void, T> {
  const array = new make(n);
  yield* inChunks(n, 1 << 16, clock, (from, to) => array.fill(0, from, to));
  return array;
}

/** An exact-size copy of the first n elements, made in chunks. */
export function* copyOf<T extends Uint32Array | Uint8Array>(array: T, n: number, make: new (n: number) => T, clock: Clock): Generator<void, T> {
  const copy = yield* fresh(make, n, clock);
  yield* inChunks(n, 1 << 18, clock, (from, to) => copy.set(array.subarray(from, to) as never, from));
  return copy;
}

/** Stable counting sort of ids by an integer key in [0, range). */
export function* countingSort(ids: Int32Array, key: (id: number) => number, range: number, clock: Clock): Generator<void, Int32Array> {
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
export function* radixSortPairs(hash: Uint32Array, para: Int32Array, clock: Clock): Generator<void, { hash: Uint32Array; para: Int32Array }> {
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
export function* mergeSort(ids: Int32Array, compare: (a: number, b: number) => number, clock: Clock): Generator<void, Int32Array> {
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
