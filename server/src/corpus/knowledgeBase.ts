// Facts about symbols merged from corpus texts, catalogues and the citations inside the texts.
// A fact keeps every source that states it; different values for one fact are kept apart so
// that a hover can show the conflict instead of silently picking one.
//
// A corpus of 20,000 texts cites some 30,000 symbols hundreds of thousands of times, and a lookup
// asks about one. The build only files each contribution (a catalogue row, a text's own symbol, a
// citation) under its symbol's key, as two numbers; an entry is merged from its contributions, in
// the order the corpus gave them, when it is first asked for. A merged entry is what an eager
// merge of the whole corpus would have made of it: the same facts, sources and order. Completing
// a symbol filters the keys by their kind and organ (`symbols`), read without merging, and merges
// only the entries it may show.
//
// Each source is checked against those a fact has by a key in a set, not by a scan (the keys of one
// file at a time: two sources can only be the same within one file). The base reads what the
// loader's one pass kept of each text (facts, citations), never a parse; a citation's record is
// made when its entry is merged, and is then a site of `citedBy`.
import type { LoadedCorpus } from './corpusLoader';
import { Pacer } from './pacer';
import { anotherBody, sessionMonths, sessionOf, type SessionMonths } from './symbols';
import type { CatalogueRow, CitationList, CorpusDocument, CorpusProblem, Fact, FactSource, KnowledgeBaseView, SymbolEntry, SymbolSummary } from './types';
import type { CitationKind } from '../parser/model';

// A contribution is two numbers (a, b). a >= 0 is a text (its number in the load): b >= 0 is its
// citation b, OWN its own symbol, ADOPTED the resolution it was adopted as. a < 0 is catalogue row
// -1 - a: b is ROW for the row's own symbol, ROW_ADOPTED for the resolution it says it became.
const OWN = -1;
const ADOPTED = -2;
const ROW = 0;
const ROW_ADOPTED = 1;

export class KnowledgeBase implements KnowledgeBaseView {
  private readonly byKey = new Map<string, SymbolEntry>();
  private readonly byUri = new Map<string, CorpusDocument>();
  /** The contributions of each key not merged yet, in the corpus's order. */
  private pending = new Map<string, number[]>();
  /** What the pending contributions name: the load's texts, their citations, the catalogue rows. */
  private texts: CorpusDocument[] = [];
  private textFacts: LoadedCorpus['documents'][number]['facts'][] = [];
  private citations: CitationList[] = [];
  private rows: LoadedCorpus['rows'] = [];
  private summaries: SymbolSummary[] | undefined;

  private constructor(readonly problems: readonly CorpusProblem[]) {}

  static empty(): KnowledgeBase {
    return new KnowledgeBase([]);
  }

  static build(corpus: LoadedCorpus): KnowledgeBase {
    const kb = new KnowledgeBase(corpus.problems);
    for (const _ of kb.fill(corpus)) {
      // No pauses: the command line and the tests want the whole at once.
    }
    return kb;
  }

  /** build, yielding to the event loop between slices of a few milliseconds; rejects once `signal` aborts. */
  static async buildAsync(corpus: LoadedCorpus, signal?: AbortSignal): Promise<KnowledgeBase> {
    const kb = new KnowledgeBase(corpus.problems);
    const pacer = new Pacer(signal);
    for (const _ of kb.fill(corpus)) await pacer.pace();
    return kb;
  }

  /** Files the corpus's contributions by key, pausing (a yield) after each text and every few rows. */
  private *fill(corpus: LoadedCorpus): Generator<void, void> {
    this.rows = corpus.rows;
    const file = (key: string, a: number, b: number) => {
      const list = this.pending.get(key);
      if (list) list.push(a, b);
      else this.pending.set(key, [a, b]);
    };
    for (let r = 0; r < corpus.rows.length; r++) {
      if ((r + 1) % 64 === 0) yield;
      const { row } = corpus.rows[r];
      file(row.symbol, -1 - r, ROW);
      if (row.adoptedAs) file(row.adoptedAs, -1 - r, ROW_ADOPTED);
    }
    // The session months of each key cited: a key is cited many times, its months read once.
    const months = new Map<string, SessionMonths | null>();
    for (const { document, facts, citations } of corpus.documents) {
      const t = this.texts.length;
      this.texts.push(document);
      this.textFacts.push(facts);
      this.citations.push(citations);
      this.byUri.set(document.uri, document);
      if (document.symbol) file(document.symbol, t, OWN);
      if (document.adoptedAs) file(document.adoptedAs, t, ADOPTED);
      for (let i = 0; i < citations.length; i++) {
        const key = citations.key(i);
        if (key === document.symbol || key === document.adoptedAs) continue;
        // Another body's resolution is neither a fact of the Assembly's nor a text that cites it.
        if (citations.kind(i) !== 'document') {
          let known = months.get(key);
          if (known === undefined) months.set(key, (known = sessionMonths(key) ?? null));
          if (anotherBody(key, citations.date(i), known)) continue;
        }
        file(key, t, i);
      }
      yield;
    }
  }

  get size(): number {
    return this.byKey.size + this.pending.size;
  }

  lookup(key: string): SymbolEntry | undefined {
    return this.byKey.get(key) ?? this.merge(key);
  }

  entries(): Iterable<SymbolEntry> {
    for (const key of [...this.pending.keys()]) this.merge(key);
    return this.byKey.values();
  }

  document(uri: string): CorpusDocument | undefined {
    return this.byUri.get(uri);
  }

  documents(): Iterable<CorpusDocument> {
    return this.byUri.values();
  }

  /**
   * Each key's kind and organ, without merging its entry: what a completion of symbols filters
   * thousands of keys by, before it merges the few hundred it may show.
   */
  symbols(): readonly SymbolSummary[] {
    if (!this.summaries) {
      const summaries: SymbolSummary[] = [];
      for (const entry of this.byKey.values()) summaries.push(summaryOf(entry.key, entry.kind, entry.organ));
      for (const [key, list] of this.pending) summaries.push(summaryOf(key, this.kindOf(list[0], list[1]), this.organOf(list)));
      this.summaries = summaries;
    }
    return this.summaries;
  }

  /** The organ an entry is given: its last citation's that names one. */
  private organOf(list: readonly number[]): string | undefined {
    for (let k = list.length - 2; k >= 0; k -= 2) {
      if (list[k] < 0 || list[k + 1] < 0) continue;
      const organ = this.citations[list[k]].organ(list[k + 1]);
      if (organ) return organ;
    }
    return undefined;
  }

  /** The entry of a key from its pending contributions; undefined when nothing names the key. */
  private merge(key: string): SymbolEntry | undefined {
    const list = this.pending.get(key);
    if (!list) return undefined;
    this.pending.delete(key);
    const entry = new EntryMerge(key, this.kindOf(list[0], list[1]));
    for (let k = 0; k < list.length; k += 2) {
      const a = list[k];
      const b = list[k + 1];
      if (a < 0) this.mergeRow(entry, this.rows[-1 - a], b);
      else if (b >= 0) this.mergeCitation(entry, a, b);
      else this.mergeText(entry, a, b);
    }
    this.byKey.set(key, entry.finish());
    if (this.pending.size === 0) {
      // Every entry is merged: what the contributions named can go.
      this.texts = [];
      this.textFacts = [];
      this.citations = [];
      this.rows = [];
    }
    return this.byKey.get(key);
  }

  /** An entry's kind is that of its first contribution. */
  private kindOf(a: number, b: number): CitationKind {
    if (a < 0) return b === ROW ? this.rows[-1 - a].row.kind : 'resolution';
    if (b >= 0) return this.citations[a].kind(b);
    if (b === ADOPTED) return 'resolution';
    const symbol = this.texts[a].symbol!;
    return /\//.test(symbol) && !/^\d|^ES-/.test(symbol) ? 'document' : 'resolution';
  }

  private mergeRow(entry: EntryMerge, { uri, row }: { uri: string; row: CatalogueRow }, b: number): void {
    const source: FactSource = { kind: 'catalogue', uri, line: row.line };
    if (b === ROW_ADOPTED) {
      entry.addAdoptedFrom(row.symbol);
      if (row.adoptionDate) entry.addFact(entry.value.dates, row.adoptionDate, source);
      return;
    }
    if (row.title) entry.addFact(entry.value.titles, row.title, source);
    if (row.date) entry.addFact(entry.value.dates, row.date, source);
    if (row.session !== undefined) entry.addFact(entry.value.sessions, row.session, source);
    if (row.adoptedAs) entry.value.adoptedAs = row.adoptedAs;
  }

  private mergeText(entry: EntryMerge, t: number, b: number): void {
    const document = this.texts[t];
    entry.value.texts.push(document);
    if (b === ADOPTED) {
      if (document.symbol) entry.addAdoptedFrom(document.symbol);
      return;
    }
    const facts = this.textFacts[t];
    const source: FactSource = { kind: 'document', uri: document.uri, symbol: document.symbol };
    if (facts.title) entry.addFact(entry.value.titles, facts.title, source);
    if (facts.adopted) entry.addFact(entry.value.dates, facts.adopted, source);
    if (facts.session !== undefined) entry.addFact(entry.value.sessions, facts.session, source);
  }

  private mergeCitation(entry: EntryMerge, t: number, i: number): void {
    const document = this.texts[t];
    const citation = this.citations[t].record(i);
    if (citation.organ) entry.value.organ = citation.organ;
    entry.value.citedBy.push(citation);
    if (!citation.date && !citation.title) return;
    const citing: FactSource = { kind: 'citation', uri: document.uri, offset: citation.start, citingSymbol: document.symbol };
    if (citation.date) entry.addFact(entry.value.dates, citation.date, citing);
    if (citation.title) entry.addFact(entry.value.titles, citation.title, citing);
  }
}

/** One entry being merged from its contributions. */
class EntryMerge {
  readonly value: SymbolEntry;
  /**
   * The keys of each fact's sources from the file being merged. Most facts have one source in a
   * file: its key alone, a set only from the second.
   */
  private readonly sourceKeys = new Map<Fact<unknown>, string | number | Set<string | number>>();
  private sourceScope: string | undefined;
  private adoptedFrom: Set<string> | undefined;

  constructor(key: string, kind: CitationKind) {
    this.value = { key, kind, titles: [], dates: [], sessions: [], texts: [], adoptedFrom: [], citedBy: [] };
  }

  addAdoptedFrom(symbol: string): void {
    this.adoptedFrom ??= new Set();
    if (this.adoptedFrom.has(symbol)) return;
    this.adoptedFrom.add(symbol);
    this.value.adoptedFrom.push(symbol);
  }

  addFact<T>(facts: Fact<T>[], value: T, source: FactSource): void {
    if (source.uri !== this.sourceScope) {
      this.sourceScope = source.uri;
      this.sourceKeys.clear();
    }
    const existing = facts.find((fact) => fact.value === value);
    const key = sourceKey(source);
    if (!existing) {
      const fact = { value, sources: [source] };
      facts.push(fact);
      this.sourceKeys.set(fact, key);
      return;
    }
    const keys = this.sourceKeys.get(existing);
    if (keys === undefined) this.sourceKeys.set(existing, key);
    else if (keys instanceof Set) {
      if (keys.has(key)) return;
      keys.add(key);
    } else {
      if (keys === key) return;
      this.sourceKeys.set(existing, new Set([keys, key]));
    }
    existing.sources.push(source);
  }

  finish(): SymbolEntry {
    const entry = this.value;
    const session = sessionOf(entry.key);
    if (session !== undefined && entry.kind !== 'document' && entry.sessions.length === 0) {
      // The symbol itself names the session: no source but the symbol is needed.
      entry.sessions.push({ value: session, sources: [] });
    }
    for (const facts of [entry.titles, entry.dates, entry.sessions] as Fact<unknown>[][]) facts.sort((a, b) => b.sources.length - a.sources.length);
    return entry;
  }
}

function summaryOf(key: string, kind: CitationKind, organ: string | undefined): SymbolSummary {
  return organ === undefined ? { key, kind } : { key, kind, organ };
}

/** Two sources of one file are the same when their keys are: a row by its line, a citation by its offset. */
function sourceKey(source: FactSource): string | number {
  return source.kind === 'catalogue' ? source.line : source.kind === 'citation' ? source.offset : source.kind;
}
