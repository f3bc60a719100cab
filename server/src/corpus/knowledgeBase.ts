// Facts about symbols merged from corpus texts, catalogues and the citations inside the texts.
// A fact keeps every source that states it; different values for one fact are kept apart so
// that a hover can show the conflict instead of silently picking one.
//
// A corpus of 10,000 texts cites some resolutions thousands of times: each source is checked
// against those a fact has by a key in a set, not by a scan, and the server builds the base in
// slices (buildAsync) so that requests are answered meanwhile.
import type { LoadedCorpus } from './corpusLoader';
import { Pacer } from './pacer';
import { citationKey, sessionOf } from './symbols';
import type { CorpusDocument, CorpusProblem, Fact, FactSource, KnowledgeBaseView, SymbolEntry } from './types';
import type { CitationKind } from '../parser/model';
import { isoDate } from '../parser/vocabulary';

export class KnowledgeBase implements KnowledgeBaseView {
  private readonly byKey = new Map<string, SymbolEntry>();
  private readonly byUri = new Map<string, CorpusDocument>();
  /** While building: the keys of each fact's sources (emptied once built). */
  private readonly sourceKeys = new Map<Fact<unknown>, Set<string>>();

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

  /** Merges the corpus in, pausing (a yield) after each document and every few rows. */
  private *fill(corpus: LoadedCorpus): Generator<void, void> {
    let count = 0;
    for (const { uri, row } of corpus.rows) {
      if (++count % 64 === 0) yield;
      const entry = this.entry(row.symbol, row.kind);
      const source: FactSource = { kind: 'catalogue', uri, line: row.line };
      if (row.title) this.addFact(entry.titles, row.title, source);
      if (row.date) this.addFact(entry.dates, row.date, source);
      if (row.session !== undefined) this.addFact(entry.sessions, row.session, source);
      if (row.adoptedAs) {
        entry.adoptedAs = row.adoptedAs;
        const adopted = this.entry(row.adoptedAs, 'resolution');
        if (!adopted.adoptedFrom.includes(row.symbol)) adopted.adoptedFrom.push(row.symbol);
        if (row.adoptionDate) this.addFact(adopted.dates, row.adoptionDate, source);
      }
    }
    for (const document of corpus.documents) {
      this.addDocument(document);
      yield;
    }
    this.sourceKeys.clear();
    for (const entry of this.byKey.values()) {
      if (++count % 256 === 0) yield;
      const session = sessionOf(entry.key);
      if (session !== undefined && entry.kind !== 'document' && entry.sessions.length === 0) {
        // The symbol itself names the session: no source but the symbol is needed.
        entry.sessions.push({ value: session, sources: [] });
      }
      for (const facts of [entry.titles, entry.dates, entry.sessions] as Fact<unknown>[][]) facts.sort((a, b) => b.sources.length - a.sources.length);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  lookup(key: string): SymbolEntry | undefined {
    return this.byKey.get(key);
  }

  entries(): Iterable<SymbolEntry> {
    return this.byKey.values();
  }

  document(uri: string): CorpusDocument | undefined {
    return this.byUri.get(uri);
  }

  documents(): Iterable<CorpusDocument> {
    return this.byUri.values();
  }

  private entry(key: string, kind: CitationKind): SymbolEntry {
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { key, kind, titles: [], dates: [], sessions: [], texts: [], adoptedFrom: [], citedBy: [] };
      this.byKey.set(key, entry);
    }
    return entry;
  }

  private addFact<T>(facts: Fact<T>[], value: T, source: FactSource): void {
    const existing = facts.find((fact) => fact.value === value);
    if (!existing) {
      const fact = { value, sources: [source] };
      facts.push(fact);
      this.sourceKeys.set(fact, new Set([sourceKey(source)]));
      return;
    }
    const keys = this.sourceKeys.get(existing);
    const key = sourceKey(source);
    if (keys && !keys.has(key)) {
      keys.add(key);
      existing.sources.push(source);
    }
  }

  private addDocument(document: CorpusDocument): void {
    this.byUri.set(document.uri, document);
    const { model } = document.parsed;
    const header = model.header?.fields ?? [];
    const source: FactSource = { kind: 'document', uri: document.uri, symbol: document.symbol };
    if (document.symbol) {
      const kind = /\//.test(document.symbol) && !/^\d|^ES-/.test(document.symbol) ? 'document' : 'resolution';
      const own = this.entry(document.symbol, this.byKey.get(document.symbol)?.kind ?? kind);
      own.texts.push(document);
      const title = header.find((f) => f.kind === 'title')?.value;
      if (title) this.addFact(own.titles, title, source);
      const adoption = header.find((f) => f.kind === 'adoption');
      const adoptedOn = adoption ? /on (\d{1,2} \w+ \d{4})$/.exec(adoption.value)?.[1] : undefined;
      if (adoptedOn) {
        const iso = isoFromText(adoptedOn);
        if (iso) this.addFact(own.dates, iso, source);
      }
      if (model.header?.session !== undefined) this.addFact(own.sessions, model.header.session, source);
    }
    if (document.adoptedAs) {
      const adopted = this.entry(document.adoptedAs, 'resolution');
      adopted.texts.push(document);
      if (document.symbol && !adopted.adoptedFrom.includes(document.symbol)) adopted.adoptedFrom.push(document.symbol);
    }
    for (const citation of model.citations) {
      const symbol = citationKey(citation);
      if (!symbol || symbol.key === document.symbol || symbol.key === document.adoptedAs) continue;
      const entry = this.entry(symbol.key, symbol.kind);
      if (citation.organ) entry.organ = citation.organ;
      entry.citedBy.push({ uri: document.uri, start: citation.start, end: citation.end, citingSymbol: document.symbol });
      const citing: FactSource = { kind: 'citation', uri: document.uri, offset: citation.start, citingSymbol: document.symbol };
      if (citation.date) this.addFact(entry.dates, citation.date.iso, citing);
      if (citation.title) this.addFact(entry.titles, citation.title.text.replace(/\s+/g, ' '), citing);
    }
  }
}

/** Two sources are the same when their keys are: a document by its URI, a row by its line, a citation by its offset. */
function sourceKey(source: FactSource): string {
  const place = source.kind === 'catalogue' ? source.line : source.kind === 'citation' ? source.offset : '';
  return `${source.kind}\u0000${source.uri}\u0000${place}`;
}

function isoFromText(text: string): string | undefined {
  const match = /^(\d{1,2}) (\w+) (\d{4})$/.exec(text);
  return match ? isoDate(Number(match[1]), match[2], Number(match[3])) : undefined;
}
