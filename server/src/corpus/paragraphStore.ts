// The paragraphs of a corpus's texts, kept compactly between the pass that reads them and the
// agreed-language index and the cache that take them: a row of numbers per paragraph, each
// distinct text once (as UTF-8: most texts hold a curly quote, which makes V8 keep a string at
// two bytes a character), each label and opening phrase once. A 20,000-text corpus holds some
// 900,000 paragraphs and 300,000 distinct texts: about 140 MB here, twice that as objects and
// strings, and a hundred times that as parses.
import { Grow } from '../arrays';
import { Interner } from '../interner';
import { StringTableBuilder, type StringTable } from '../stringTable';
import type { ParagraphKind, ParagraphRecord, ParagraphSource } from './types';

export const PARAGRAPH_KINDS: readonly ParagraphKind[] = ['preambular', 'operative', 'subparagraph'];
const KIND_CODE: Record<ParagraphKind, number> = { preambular: 0, operative: 1, subparagraph: 2 };

/** The store as numbers and string lists, as the cache writes and reads it. */
export interface ParagraphColumns {
  /** Document d's paragraphs are rows first[d] .. first[d + 1]. */
  first: Int32Array;
  kind: Uint8Array;
  text: Int32Array;
  label: Int32Array;
  /** -1 for none. */
  opening: Int32Array;
  start: Int32Array;
  end: Int32Array;
  texts: StringList;
  labels: StringList;
  openings: StringList;
}

/** Strings by id: an array, or a table decoded on demand. */
export type StringList = readonly string[] | StringTable;

const at = (list: StringList, i: number): string => ('get' in list ? list.get(i) : list[i]);

/** Paragraphs added document by document. */
export class ParagraphStore implements ParagraphSource {
  private readonly texts = new StringTableBuilder();
  private readonly labels = new Interner();
  private readonly openings = new Interner();
  private readonly first = new Grow(Int32Array, 256);
  private readonly kind = new Grow(Uint8Array, 4096);
  private readonly text = new Grow(Int32Array, 4096);
  private readonly label = new Grow(Int32Array, 4096);
  private readonly opening = new Grow(Int32Array, 4096);
  private readonly start = new Grow(Int32Array, 4096);
  private readonly end = new Grow(Int32Array, 4096);

  /** Adds a document's paragraphs; returns its number in the store. */
  add(paragraphs: Iterable<ParagraphRecord>): number {
    this.first.push(this.kind.length);
    for (const p of paragraphs) {
      this.kind.push(KIND_CODE[p.kind]);
      this.text.push(this.texts.intern(p.text));
      this.label.push(this.labels.intern(p.label));
      this.opening.push(p.opening === undefined ? -1 : this.openings.intern(p.opening));
      this.start.push(p.start);
      this.end.push(p.end);
    }
    return this.first.length - 1;
  }

  get documentCount(): number {
    return this.first.length;
  }

  paragraphs(doc: number): Iterable<ParagraphRecord> {
    if (doc < 0 || doc >= this.first.length) return [];
    const to = doc + 1 < this.first.length ? this.first.data[doc + 1] : this.kind.length;
    const columns = { kind: this.kind.data, text: this.text.data, label: this.label.data, opening: this.opening.data, start: this.start.data, end: this.end.data };
    const strings = { text: (i: number) => this.texts.get(i), labels: this.labels.strings, openings: this.openings.strings };
    return rerun(() => rows(columns, strings, this.first.data[doc], to));
  }

  columns(): ParagraphColumns {
    const first = new Int32Array(this.first.length + 1);
    first.set(this.first.data.subarray(0, this.first.length));
    first[this.first.length] = this.kind.length;
    return {
      first,
      kind: this.kind.trimmed(),
      text: this.text.trimmed(),
      label: this.label.trimmed(),
      opening: this.opening.trimmed(),
      start: this.start.trimmed(),
      end: this.end.trimmed(),
      texts: this.texts.view(),
      labels: this.labels.strings,
      openings: this.openings.strings,
    };
  }
}

/** Paragraphs read back from columns (the cache's), each text decoded when read. */
export class StoredParagraphs implements ParagraphSource {
  constructor(private readonly columns: ParagraphColumns) {}

  get documentCount(): number {
    return this.columns.first.length - 1;
  }

  paragraphs(doc: number): Iterable<ParagraphRecord> {
    const { first, texts, labels, openings } = this.columns;
    if (doc < 0 || doc + 1 >= first.length) return [];
    const text = (i: number) => at(texts, i);
    return rerun(() => rows(this.columns, { text, labels, openings }, first[doc], first[doc + 1]));
  }
}

/** An iterable that can be read more than once (each build of an index reads it again). */
function rerun<T>(make: () => Iterator<T>): Iterable<T> {
  return { [Symbol.iterator]: make };
}

type Rows = Pick<ParagraphColumns, 'kind' | 'text' | 'label' | 'opening' | 'start' | 'end'>;

interface RowStrings {
  text(i: number): string;
  labels: StringList;
  openings: StringList;
}

function* rows(columns: Rows, strings: RowStrings, from: number, to: number): Generator<ParagraphRecord> {
  for (let r = from; r < to; r++) {
    const record: ParagraphRecord = {
      kind: PARAGRAPH_KINDS[columns.kind[r]] ?? 'preambular',
      label: at(strings.labels, columns.label[r]),
      text: strings.text(columns.text[r]),
      start: columns.start[r],
      end: columns.end[r],
    };
    const opening = columns.opening[r];
    if (opening >= 0) record.opening = at(strings.openings, opening);
    yield record;
  }
}
