// Array helpers for lists whose length the input decides. `target.push(...items)` passes each
// item as an argument, and V8 throws a RangeError past about 120,000 of them: a line of markers
// or a paragraph of citations reaches that. Typed arrays that grow, for columns of numbers whose
// count the corpus decides (the agreed-language index, the corpus's paragraphs).

/** Appends every item of `items` to `target`, in order. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}

export type TypedArray = Int32Array | Uint32Array | Uint8Array | Uint16Array | Float64Array;
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

/** The largest of `f` over `items` (-Infinity for none), without spreading them into a call. */
export function maxOf<T>(items: Iterable<T>, f: (item: T) => number): number {
  let most = -Infinity;
  for (const item of items) most = Math.max(most, f(item));
  return most;
}

/** The smallest of `f` over `items` (Infinity for none), without spreading them into a call. */
export function minOf<T>(items: Iterable<T>, f: (item: T) => number): number {
  let least = Infinity;
  for (const item of items) least = Math.min(least, f(item));
  return least;
}

/**
 * The first index in [0, length) at which `before` is false, `before` holding for a prefix of the
 * indices and for none after (a sorted list's lower bound: "before the value sought"); `length`
 * when it holds for every index. A binary search.
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
