// `unres lookup SYMBOL…`: what the knowledge base knows of a symbol, as plain text: its title,
// adoption date and session with every source (and each value apart when sources disagree),
// its texts in the corpus, the drafts it was adopted from, the places that cite it, and its
// address on undocs.org. Symbols are read however written: "73/266", "A/RES/73/266", "217 A (III)",
// "A/RES/181(II)[A]", "107 (S-1)" (see corpus/symbols.ts).
import { displaySymbol, normalizeSymbol, undocsUrl, type SymbolKey } from '../corpus/symbols';
import type { Fact, FactSource, KnowledgeBaseView, SymbolEntry } from '../corpus/types';
import type { CitationKind } from '../parser/model';
import { placeName } from '../parser/query';
import { ordinalWord } from '../parser/vocabulary';
import { containerAt, documentName, symbolOf, textsOf } from '../services/lookup';
import { formatDate } from '../text';
import type { FileNames } from './files';

const LABEL_WIDTH = 12;
const INDENT = ' '.repeat(LABEL_WIDTH + 2);
const MAX_SITES = 20;

export interface LookupQuery {
  /** As given: "73/266", "A/RES/73/266", "decision 72/512". */
  text: string;
  symbol?: SymbolKey;
}

/** Symbols from the command line; "resolution" or "decision" before one sets its kind. */
export function lookupQueries(args: string[]): LookupQuery[] {
  const queries: LookupQuery[] = [];
  let hint: { word: string; kind: CitationKind } | undefined;
  for (const arg of args) {
    const word = /^(resolution|decision)s?$/i.exec(arg.trim());
    if (word) {
      hint = { word: arg.trim(), kind: word[1].toLowerCase() as CitationKind };
      continue;
    }
    // "decision 72/512" as one argument.
    const inline = /^(resolution|decision)\s+(.+)$/i.exec(arg.trim());
    const kind = inline ? (inline[1].toLowerCase() as CitationKind) : hint?.kind;
    const raw = inline ? inline[2] : arg;
    const text = hint && !inline ? `${hint.word} ${arg}` : arg;
    queries.push({ text, symbol: normalizeSymbol(raw, kind) });
    hint = undefined;
  }
  if (hint) queries.push({ text: hint.word });
  return queries;
}

/**
 * The entries a query answers: the symbol's own; else, for a resolution the knowledge base knows
 * only by its parts (the voting records hold 217 A (III) to 217 E (III), never 217 (III)), each
 * part it knows.
 */
export function lookupEntries(symbol: SymbolKey, kb: KnowledgeBaseView): SymbolEntry[] {
  const entry = kb.lookup(symbol.key);
  if (entry) return [entry];
  if (symbol.kind !== 'resolution') return [];
  const match = /^(\d{1,4})( \(.+\))$/.exec(symbol.key) ?? /^((?:E?S-)?\d{1,3}\/\d{1,4})()$/.exec(symbol.key);
  if (!match) return [];
  const parts: SymbolEntry[] = [];
  for (let code = 65; code <= 90; code++) {
    const part = kb.lookup(`${match[1]} ${String.fromCharCode(code)}${match[2]}`);
    if (part) parts.push(part);
  }
  return parts;
}

export function formatLookup(entry: SymbolEntry, kb: KnowledgeBaseView, names: FileNames): string {
  const { symbol } = symbolOf({ key: entry.key, kind: entry.kind }, kb);
  const out: string[] = [displaySymbol(symbol), kindLabel(entry), ''];
  const row = (label: string, value: string) => out.push(`${(label ? label : '').padEnd(LABEL_WIDTH)}  ${value}`);
  const more = (value: string, depth = 0) => out.push(`${INDENT}${'  '.repeat(depth)}${value}`);

  const facts = <T>(label: string, list: Fact<T>[], render: (value: T) => string, what: string) => {
    if (list.length === 0) return;
    if (list.length === 1) {
      row(label, render(list[0].value));
      for (const line of sourceLines(list[0].sources, what, kb, names)) more(line);
      return;
    }
    row(label, `conflict: the sources give ${list.length} different ${what}s`);
    for (const fact of list) {
      more(render(fact.value));
      for (const line of sourceLines(fact.sources, what, kb, names)) more(line, 1);
    }
  };

  facts('Title', entry.titles, (title) => title, 'title');
  facts(entry.kind === 'document' ? 'Date' : 'Adopted', entry.dates, formatDate, 'date');
  if (entry.kind !== 'document' || entry.sessions.length > 0) {
    facts('Session', entry.sessions, (n) => `${ordinalWord(n)} session (${n})`, 'session');
  }
  if (entry.adoptedAs) row('Adopted as', displaySymbol({ key: entry.adoptedAs, kind: 'resolution' }));
  if (entry.adoptedFrom.length) row(entry.adoptedFrom.length === 1 ? 'Draft' : 'Drafts', entry.adoptedFrom.map((key) => displaySymbol({ key, kind: 'document' })).join(', '));

  const texts = textsOf(entry);
  if (texts.length === 0) row('Corpus text', 'none: the corpus holds no text of it');
  texts.forEach(({ document, draft }, i) => {
    const what = draft ? `text of ${document.symbol ? `draft ${documentName(kb, document.uri)}` : 'a draft'}, adopted as this resolution` : 'its own text';
    if (i === 0) row('Corpus text', `${names.name(document.uri)} (${what})`);
    else more(`${names.name(document.uri)} (${what})`);
  });

  citedBy(entry, kb, names, row, more);
  row('undocs.org', undocsUrl(symbol));
  return out.join('\n') + '\n';
}

function kindLabel(entry: SymbolEntry): string {
  if (entry.kind === 'document') return entry.adoptedAs ? 'Draft resolution' : 'Document';
  return `${entry.organ ?? 'General Assembly'} ${entry.kind}`;
}

/**
 * "from corpus/catalogue.json row 5", "from the text corpus/004_….txt", "cited with this date in
 * corpus/000_….txt:15" (several places one per line below, indented by two more spaces).
 */
function sourceLines(sources: FactSource[], what: string, kb: KnowledgeBaseView, names: FileNames): string[] {
  const lines: string[] = [];
  const cited: string[] = [];
  for (const source of sources) {
    if (source.kind === 'catalogue') lines.push(`from ${names.name(source.uri)} row ${source.line}`);
    else if (source.kind === 'document') lines.push(`from the text ${names.name(source.uri)}`);
    else cited.push(place(source.uri, source.offset, kb, names));
  }
  if (cited.length === 1) lines.push(`cited with this ${what} in ${cited[0]}`);
  else if (cited.length > 1) {
    lines.push(`cited with this ${what} in ${cited.length} places:`);
    const shown = cited.slice(0, MAX_SITES);
    lines.push(...shown.map((line) => `  ${line}`));
    if (cited.length > shown.length) lines.push(`  and ${cited.length - shown.length} more`);
  }
  return lines;
}

/** "corpus/000_….txt:15" (the line read from the text again, without a parse). */
function place(uri: string, offset: number, kb: KnowledgeBaseView, names: FileNames): string {
  const range = kb.document(uri)?.range({ start: offset, end: offset });
  return range ? `${names.name(uri)}:${range.start.line + 1}` : names.name(uri);
}

function citedBy(entry: SymbolEntry, kb: KnowledgeBaseView, names: FileNames, row: (label: string, value: string) => void, more: (value: string) => void): void {
  const documents = new Set(entry.citedBy.map((site) => site.uri));
  if (documents.size === 0) {
    row('Cited by', 'no corpus document');
    return;
  }
  const lines: string[] = [];
  const seen = new Set<string>();
  // Places are told apart by what holds them (each site records it); only those shown are parsed again.
  let places = 0;
  for (const site of entry.citedBy) {
    const key = `${site.uri}\n${site.container}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (++places > MAX_SITES) continue;
    const model = kb.document(site.uri)?.parsed()?.model;
    const where = model ? whereIn(model, site.start) : undefined;
    const what = [citingName(kb, site.uri), where].filter(Boolean).join(', ');
    lines.push(`${place(site.uri, site.start, kb, names)}${what ? `  ${what}` : ''}`);
  }
  row('Cited by', `${documents.size} corpus document${documents.size === 1 ? '' : 's'}`);
  for (const line of lines) more(line);
  if (places > MAX_SITES) more(`and ${places - MAX_SITES} more places`);
}

/** A citing text by its symbol, else as the draft of what it was adopted as; else by its path alone. */
function citingName(kb: KnowledgeBaseView, uri: string): string | undefined {
  const document = kb.document(uri);
  if (document?.symbol) return documentName(kb, uri);
  if (document?.adoptedAs) return `draft of ${displaySymbol({ key: document.adoptedAs, kind: 'resolution' })}`;
  return undefined;
}

/** "PP1", "OP2 (a)", "OP2 bis", "footnote 3", "header". */
function whereIn(model: Parameters<typeof containerAt>[0], offset: number): string | undefined {
  const container = containerAt(model, offset);
  if (!container) return undefined;
  if (container.kind === 'footnote') return `footnote ${container.footnote.label}`;
  if (container.kind === 'header') return 'header';
  return placeName(container.paragraph, container.block);
}
