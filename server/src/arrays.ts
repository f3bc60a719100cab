// Array helpers for lists whose length the input decides. `target.push(...items)` passes each
// item as an argument, and V8 throws a RangeError past about 120,000 of them: a line of markers
// or a paragraph of citations reaches that.

/** Appends every item of `items` to `target`, in order. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
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
