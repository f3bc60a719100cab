// Many strings as one block of UTF-8 and their offsets: what the on-disk cache stores them as, and
// how a large list of texts stays in memory at a byte a character (V8 keeps a string holding one
// curly quote at two bytes a character). A string is decoded when asked for; a table read back
// from the cache may leave its bytes on disk (diskBytes.ts) and read each string when asked for.
import { DiskBytes } from './diskBytes';

export class StringTable {
  private view: Buffer | undefined;

  private constructor(
    /** UTF-8 of every string, one after the other: in memory, or on disk (read when asked for). */
    private readonly source: Uint8Array | DiskBytes,
    /** String i is bytes[offsets[i] .. offsets[i + 1]]. */
    readonly offsets: Int32Array,
  ) {
    if (!(source instanceof DiskBytes)) this.view = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  }

  static of(strings: readonly string[]): StringTable {
    const offsets = new Int32Array(strings.length + 1);
    let size = 0;
    for (let i = 0; i < strings.length; i++) {
      size += Buffer.byteLength(strings[i], 'utf8');
      offsets[i + 1] = size;
    }
    const bytes = Buffer.allocUnsafe(size);
    for (let i = 0; i < strings.length; i++) bytes.write(strings[i], offsets[i], 'utf8');
    return new StringTable(bytes, offsets);
  }

  /** A table over stored bytes; undefined when the offsets do not describe them (a damaged file). */
  static over(bytes: Uint8Array | DiskBytes, offsets: Int32Array): StringTable | undefined {
    if (offsets.length === 0 || offsets[0] !== 0 || offsets[offsets.length - 1] !== bytes.byteLength) return undefined;
    for (let i = 1; i < offsets.length; i++) if (offsets[i] < offsets[i - 1]) return undefined;
    return new StringTable(bytes, offsets);
  }

  /** Every string's UTF-8, one after the other (a table on disk is read whole the first time). */
  get bytes(): Uint8Array {
    return this.view ?? (this.source as DiskBytes).bytes();
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  get(i: number): string {
    if (this.view) return this.view.toString('utf8', this.offsets[i], this.offsets[i + 1]);
    return (this.source as DiskBytes).text(this.offsets[i], this.offsets[i + 1]);
  }

  /** Every string, decoded. */
  toArray(): string[] {
    const strings = new Array<string>(this.length);
    for (let i = 0; i < strings.length; i++) strings[i] = this.get(i);
    return strings;
  }
}

/**
 * Builds a table of distinct strings without keeping them as strings: a Map keyed by strings would
 * hold every distinct paragraph of the corpus at two bytes a character, besides the table. Each
 * string is hashed from its characters and compared with the stored bytes of the strings of the
 * same hash.
 */
export class StringTableBuilder {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private size = 0;
  private offsets: Int32Array = new Int32Array(1024);
  private lengths: Int32Array = new Int32Array(1024);
  private next: Int32Array = new Int32Array(1024);
  private count = 0;
  /** Hash -> the last string with it; earlier ones chained in `next`. */
  private readonly buckets = new Map<number, number>();
  private scratch = Buffer.allocUnsafe(1024);

  get length(): number {
    return this.count;
  }

  /** The id of `value`, added the first time it is seen (ids run 0, 1, 2 … in order of first sight). */
  intern(value: string): number {
    const hash = hashString(value);
    const bytes = this.encode(value);
    for (let id = this.buckets.get(hash) ?? -1; id >= 0; id = this.next[id]) {
      const start = this.offsets[id];
      const end = id + 1 < this.count ? this.offsets[id + 1] : this.size;
      if (end - start === bytes && this.scratch.compare(this.bytes, start, end, 0, bytes) === 0) return id;
    }
    const id = this.append(bytes, value.length);
    this.next[id] = this.buckets.get(hash) ?? -1;
    this.buckets.set(hash, id);
    return id;
  }

  get(id: number): string {
    const end = id + 1 < this.count ? this.offsets[id + 1] : this.size;
    return this.bytes.toString('utf8', this.offsets[id], end);
  }

  /** The string's length in UTF-16 code units, as `get(id).length`. */
  utf16Length(id: number): number {
    return this.lengths[id];
  }

  /** The table as it stands, over the builder's own bytes (valid until the next string is added). */
  view(): StringTable {
    const offsets = new Int32Array(this.count + 1);
    offsets.set(this.offsets.subarray(0, this.count));
    offsets[this.count] = this.size;
    return StringTable.over(this.bytes.subarray(0, this.size), offsets)!;
  }

  /**
   * The table; the builder is of no use afterwards. Its bytes are copied to their exact size only
   * when growth left much unused: a copy of 100 MB costs more at the peak than a quarter unused.
   */
  finish(): StringTable {
    const offsets = new Int32Array(this.count + 1);
    offsets.set(this.offsets.subarray(0, this.count));
    offsets[this.count] = this.size;
    const bytes = this.size >= this.bytes.length * 0.75 ? this.bytes.subarray(0, this.size) : Uint8Array.prototype.slice.call(this.bytes, 0, this.size);
    this.bytes = Buffer.alloc(0);
    this.offsets = this.lengths = this.next = new Int32Array(0);
    this.buckets.clear();
    return StringTable.over(bytes, offsets)!;
  }

  private encode(value: string): number {
    const most = value.length * 3;
    if (this.scratch.length < most) this.scratch = Buffer.allocUnsafe(Math.max(most, this.scratch.length * 2));
    return this.scratch.write(value, 0, 'utf8');
  }

  private append(bytes: number, utf16Length: number): number {
    if (this.size + bytes > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < this.size + bytes) capacity *= 2;
      const grown = Buffer.allocUnsafe(capacity);
      this.bytes.copy(grown, 0, 0, this.size);
      this.bytes = grown;
    }
    this.scratch.copy(this.bytes, this.size, 0, bytes);
    if (this.count === this.offsets.length) {
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
      this.next = grow(this.next);
    }
    const id = this.count++;
    this.offsets[id] = this.size;
    this.lengths[id] = utf16Length;
    this.size += bytes;
    return id;
  }
}

function grow(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** FNV-1a over the UTF-16 code units, to 32 bits. */
function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
