// Growable typed arrays and the hashes the agreed-language index is built from.

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

/** One murmur3 mixing step. */
export function mix(h: number, value: number): number {
  let v = Math.imul(value, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  v = Math.imul(v, 0x1b873593);
  h ^= v;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3 finalizer: an unsigned 32-bit hash. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a word trigram (or of a shorter whole text, with its length as seed). */
export function shingleHash(a: number, b: number, c: number, seed = 3): number {
  return fmix(mix(mix(mix(seed * 0x9e3779b1, a), b), c));
}
