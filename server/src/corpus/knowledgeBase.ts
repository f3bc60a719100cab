// Facts about symbols merged from corpus texts, catalogues and the citations inside the texts.
// A fact keeps every source that states it; different values for one fact are kept apart so
// that a hover can show the conflict instead of silently picking one.
import type { LoadedCorpus } from './corpusLoader';
import { citationKey, sessionOf } from './symbols';
import type { CorpusDocument, CorpusProblem, Fact, FactSource, KnowledgeBaseView, SymbolEntry } from './types';
import type { CitationKind } from '../parser/model';
import { isoDate } from '../parser/vocabulary';

export class KnowledgeBase implements KnowledgeBaseView {
  private readonly byKey = new Map<string, SymbolEntry>();
  private readonly byUri = new Map<string, CorpusDocument>();

  private constructor(readonly problems: readonly CorpusProblem[]) {}

  static empty(): KnowledgeBase {
    return new KnowledgeBase([]);
  }

  static build(corpus: LoadedCorpus): KnowledgeBase {
    const kb = new KnowledgeBase(corpus.problems);
    for (const { uri, row } of corpus.rows) {
      const entry = kb.entry(row.symbol, row.kind);
      const source: FactSource = { kind: 'catalogue', uri, line: row.line };
      if (row.title) addFact(entry.titles, row.title, source);
      if (row.date) addFact(entry.dates, row.date, source);
      if (row.session !== undefined) addFact(entry.sessions, row.session, source);
      if (row.adoptedAs) {
        entry.adoptedAs = row.adoptedAs;
        const adopted = kb.entry(row.adoptedAs, 'resolution');
        if (!adopted.adoptedFrom.includes(row.symbol)) adopted.adoptedFrom.push(row.symbol);
        if (row.adoptionDate) addFact(adopted.dates, row.adoptionDate, source);
      }
    }
    for (const document of corpus.documents) kb.addDocument(document);
    for (const entry of kb.byKey.values()) {
      const session = sessionOf(entry.key);
      if (session !== undefined && entry.kind !== 'document' && entry.sessions.length === 0) {
        // The symbol itself names the session: no source but the symbol is needed.
        entry.sessions.push({ value: session, sources: [] });
      }
      for (const facts of [entry.titles, entry.dates, entry.sessions] as Fact<unknown>[][]) facts.sort((a, b) => b.sources.length - a.sources.length);
    }
    return kb;
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
      if (title) addFact(own.titles, title, source);
      const adoption = header.find((f) => f.kind === 'adoption');
      const adoptedOn = adoption ? /on (\d{1,2} \w+ \d{4})$/.exec(adoption.value)?.[1] : undefined;
      if (adoptedOn) {
        const iso = isoFromText(adoptedOn);
        if (iso) addFact(own.dates, iso, source);
      }
      if (model.header?.session !== undefined) addFact(own.sessions, model.header.session, source);
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
      if (citation.date) addFact(entry.dates, citation.date.iso, citing);
      if (citation.title) addFact(entry.titles, citation.title.text.replace(/\s+/g, ' '), citing);
    }
  }
}

function addFact<T>(facts: Fact<T>[], value: T, source: FactSource): void {
  const existing = facts.find((fact) => fact.value === value);
  if (!existing) facts.push({ value, sources: [source] });
  else if (!existing.sources.some((known) => sameSource(known, source))) existing.sources.push(source);
}

function sameSource(a: FactSource, b: FactSource): boolean {
  if (a.kind !== b.kind || a.uri !== b.uri) return false;
  if (a.kind === 'catalogue' && b.kind === 'catalogue') return a.line === b.line;
  if (a.kind === 'citation' && b.kind === 'citation') return a.offset === b.offset;
  return true;
}

function isoFromText(text: string): string | undefined {
  const match = /^(\d{1,2}) (\w+) (\d{4})$/.exec(text);
  return match ? isoDate(Number(match[1]), match[2], Number(match[3])) : undefined;
}
