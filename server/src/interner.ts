// Strings to dense ids and back. Dense ids index typed arrays and serve as cheap keys for hashes
// and comparisons where the strings themselves would cost a hash lookup or a character compare
// each time. The agreed-language index and the comparison both intern their words here; neither
// depends on the other's layers, so this module depends on nothing.

export class Interner {
  private readonly ids = new Map<string, number>();
  /** The strings, each at its id. */
  readonly strings: string[] = [];

  /** The id of `value`; the first time it is seen, the next one (ids run 0, 1, 2 … in order of first sight). */
  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The id of `value`, or undefined when it was never interned. */
  idOf(value: string): number | undefined {
    return this.ids.get(value);
  }

  get size(): number {
    return this.strings.length;
  }
}
