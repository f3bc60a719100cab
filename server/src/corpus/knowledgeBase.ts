// Facts about symbols merged from corpus texts, catalogues and the citations inside the texts.
// A fact keeps every source that states it; different values for one fact are kept apart so
// that a hover can show the conflict instead of silently picking one.
//
// A corpus of 20,000 texts cites some resolutions thousands of times: each source is checked
// against those a fact has by a key in a set, not by a scan (the sets of one document or
// catalogue at a time: two sources can only be the same within one file), and the server builds
// the base in slices (buildAsync) so that requests are answered meanwhile.
//
// The base reads what the loader's one pass kept of each text (facts, citations), never a parse:
// the citation records themselves are the sites of `citedBy`.
import type { LoadedCorpus } from './corpusLoader';
import { Pacer } from './pacer';
import { anotherBody, sessionOf } from './symbols';
import type { CorpusDocument, CorpusProblem, Fact, FactSource, KnowledgeBaseView, LoadedDocument, SymbolEntry } from './types';
import type { CitationKind } from '../parser/model';

export class KnowledgeBase implements KnowledgeBaseView {
  private readonly byKey = new Map<string, SymbolEntry>();
  private readonly byUri = new Map<string, CorpusDocument>();
  /**
   * While building: the keys of each fact's sources from the file being merged. Most facts have
   * one source in a file: its key alone, a set only from the second (a set per fact is most of
   * the garbage of a build).
   */
  private readonly sourceKeys = new Map<Fact<unknown>, string | number | Set<string | number>>();
  private sourceScope: string | undefined;
  /** While building: each entry's adoptedFrom as a set (a resolution adopted from many drafts is looked up, not scanned). */
  private readonly adoptedFromSets = new Map<SymbolEntry, Set<string>>();

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
        this.addAdoptedFrom(adopted, row.symbol);
        if (row.adoptionDate) this.addFact(adopted.dates, row.adoptionDate, source);
      }
    }
    for (const document of corpus.documents) {
      this.addDocument(document);
      yield;
    }
    this.sourceKeys.clear();
    this.adoptedFromSets.clear();
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

  private addAdoptedFrom(adopted: SymbolEntry, symbol: string): void {
    let symbols = this.adoptedFromSets.get(adopted);
    if (!symbols) this.adoptedFromSets.set(adopted, (symbols = new Set(adopted.adoptedFrom)));
    if (symbols.has(symbol)) return;
    symbols.add(symbol);
    adopted.adoptedFrom.push(symbol);
  }

  private addFact<T>(facts: Fact<T>[], value: T, source: FactSource): void {
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

  private addDocument({ document, facts, citations }: LoadedDocument): void {
    this.byUri.set(document.uri, document);
    const source: FactSource = { kind: 'document', uri: document.uri, symbol: document.symbol };
    if (document.symbol) {
      const kind = /\//.test(document.symbol) && !/^\d|^ES-/.test(document.symbol) ? 'document' : 'resolution';
      const own = this.entry(document.symbol, this.byKey.get(document.symbol)?.kind ?? kind);
      own.texts.push(document);
      if (facts.title) this.addFact(own.titles, facts.title, source);
      if (facts.adopted) this.addFact(own.dates, facts.adopted, source);
      if (facts.session !== undefined) this.addFact(own.sessions, facts.session, source);
    }
    if (document.adoptedAs) {
      const adopted = this.entry(document.adoptedAs, 'resolution');
      adopted.texts.push(document);
      if (document.symbol) this.addAdoptedFrom(adopted, document.symbol);
    }
    for (const citation of citations) {
      if (citation.key === document.symbol || citation.key === document.adoptedAs) continue;
      // Another body's resolution is neither a fact of the Assembly's nor a text that cites it.
      if (citation.kind !== 'document' && anotherBody(citation.key, citation.date)) continue;
      const entry = this.entry(citation.key, citation.kind);
      if (citation.organ) entry.organ = citation.organ;
      entry.citedBy.push(citation);
      if (!citation.date && !citation.title) continue;
      const citing: FactSource = { kind: 'citation', uri: document.uri, offset: citation.start, citingSymbol: document.symbol };
      if (citation.date) this.addFact(entry.dates, citation.date, citing);
      if (citation.title) this.addFact(entry.titles, citation.title, citing);
    }
  }
}

/** Two sources of one file are the same when their keys are: a row by its line, a citation by its offset. */
function sourceKey(source: FactSource): string | number {
  return source.kind === 'catalogue' ? source.line : source.kind === 'citation' ? source.offset : source.kind;
}
