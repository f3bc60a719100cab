// Array helpers for lists whose length the input decides. `target.push(...items)` passes each
// item as an argument, and V8 throws a RangeError past about 120,000 of them: a line of markers
// or a paragraph of citations reaches that.

/** Appends every item of `items` to `target`, in order. */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}
