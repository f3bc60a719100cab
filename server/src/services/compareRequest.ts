// The custom requests behind the "Compare with…" commands of the VS Code extension:
//   unres/compare          two versions of a draft → the comparison engine's model, its HTML
//                          rendering for the comparison view and the two normalised texts
//                          for VS Code's diff editor;
//   unres/corpusDocuments  the corpus texts a draft can be compared with.
// The comparison itself is server/src/compare; this module only finds the two texts (an open
// document, text the client sends, or a corpus text by symbol, title or URI) and shapes the
// answer. Like every service it imports LSP types only, never a connection.
import { compareDocuments } from '../compare/compare';
import { COMPARISON_CSS, formatSummary, renderComparisonHtmlBody } from '../compare/render';
import type { ComparedUnit, ParagraphChange } from '../compare/types';
import { displaySymbol, normalizeSymbol } from '../corpus/symbols';
import type { CorpusDocument, SymbolEntry } from '../corpus/types';
import { checkInput } from '../inputGuard';
import { CancellationToken, ParsedDocument, TextSource } from '../parsedDocument';
import type { CompareError, CompareParams, CompareResult, CompareSide, CorpusDocumentItem } from '../protocol';
import { fileName } from '../text';

interface KnowledgeBaseLike {
  lookup(key: string): SymbolEntry | undefined;
  document(uri: string): CorpusDocument | undefined;
  documents(): Iterable<CorpusDocument>;
}

/** What the handlers need of the server: the corpus, the open documents and their parses. */
export interface CompareContext {
  corpus: { readonly current: KnowledgeBaseLike; whenLoaded(): Promise<void> };
  documents: { get(uri: string): TextSource | undefined };
  parsed: { get(source: TextSource): ParsedDocument };
}

/** How long a comparison waits for the corpus's first load (the shipped texts) before it answers without. */
const CORPUS_WAIT_MS = 10_000;

export interface Version {
  parsed: ParsedDocument;
  title: string;
  uri?: string;
}

export async function compareRequest(params: CompareParams, context: CompareContext, token?: CancellationToken): Promise<CompareResult | CompareError> {
  if (!params || typeof params !== 'object') return { error: 'The comparison needs two versions: { old, new }.' };
  const versions = await resolveVersions(params, context);
  if ('error' in versions) return versions;
  const { oldVersion, newVersion } = versions;
  if (token?.isCancellationRequested) return { error: 'The comparison was cancelled.' };

  const comparison = compareDocuments(oldVersion.parsed.model, newVersion.parsed.model);
  const titles = { old: oldVersion.title, new: newVersion.title };
  const result: CompareResult = {
    comparison,
    oldTitle: oldVersion.title,
    newTitle: newVersion.title,
    oldUri: oldVersion.uri,
    newUri: newVersion.uri,
    summaryText: formatSummary(comparison.summary),
    normalized: { old: normalizedText(comparison.changes, 'old'), new: normalizedText(comparison.changes, 'new') },
  };
  if (params.format !== 'model') {
    result.html = renderComparisonHtmlBody(comparison, titles);
    result.css = COMPARISON_CSS;
  }
  return result;
}

/** Every corpus text, drafts and resolutions, with what a picker shows of it. */
export async function corpusDocuments(context: CompareContext): Promise<CorpusDocumentItem[]> {
  await corpusReady(context);
  const kb = context.corpus.current;
  const items: CorpusDocumentItem[] = [];
  for (const document of kb.documents()) {
    const entry = document.symbol ? kb.lookup(document.symbol) : document.adoptedAs ? kb.lookup(document.adoptedAs) : undefined;
    items.push({
      uri: document.uri,
      symbol: document.symbol ? display(document.symbol) : undefined,
      title: titleOf(document) ?? entry?.titles[0]?.value,
      adoptedAs: document.adoptedAs ? display(document.adoptedAs) : undefined,
      date: entry?.dates[0]?.value,
      fileName: fileName(document.uri),
    });
  }
  return items.sort((a, b) => (a.symbol ?? a.fileName).localeCompare(b.symbol ?? b.fileName, 'en', { numeric: true }));
}

/** The corpus loads in the background: until the shipped texts are in, wait for them (a while). */
export async function corpusReady(context: CompareContext): Promise<void> {
  const deadline = Date.now() + CORPUS_WAIT_MS;
  await context.corpus.whenLoaded();
  while (isEmpty(context.corpus.current) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await context.corpus.whenLoaded();
  }
}

const isEmpty = (kb: KnowledgeBaseLike) => kb.documents()[Symbol.iterator]().next().done === true;

/** The two versions a request names, each open, given whole or from the corpus (waiting for it when one is named there). */
export async function resolveVersions(
  params: { old?: CompareSide; new?: CompareSide },
  context: CompareContext,
): Promise<{ oldVersion: Version; newVersion: Version } | CompareError> {
  if (needsCorpus(params.old, context) || needsCorpus(params.new, context)) await corpusReady(context);
  const kb = context.corpus.current;
  const oldVersion = resolveSide(params.old, context, kb, 'old');
  if ('error' in oldVersion) return oldVersion;
  const newVersion = resolveSide(params.new, context, kb, 'new');
  if ('error' in newVersion) return newVersion;
  return { oldVersion, newVersion };
}

export function needsCorpus(side: CompareSide | undefined, context: CompareContext): boolean {
  if (!side || typeof side !== 'object') return false;
  if ('uri' in side && typeof side.uri === 'string') return typeof side.text !== 'string' && !context.documents.get(side.uri);
  return true;
}

export function resolveSide(side: CompareSide | undefined, context: CompareContext, kb: KnowledgeBaseLike, which: 'old' | 'new' | 'draft'): Version | CompareError {
  if (!side || typeof side !== 'object') return { error: `The ${which} version is missing.` };
  if ('uri' in side && typeof side.uri === 'string') {
    const open = context.documents.get(side.uri);
    const corpus = kb.document(side.uri);
    const text = open?.getText() ?? (typeof side.text === 'string' ? side.text : undefined);
    if (text !== undefined) {
      const problem = checkInput(text);
      if (problem) return { error: `${side.title ?? fileName(side.uri)}: ${problem.message}` };
      const parsed = open ? context.parsed.get(open) : ParsedDocument.parse({ uri: side.uri, version: 0, getText: () => text });
      return { parsed, uri: side.uri, title: side.title ?? (corpus ? corpusTitle(corpus) : fileName(side.uri)) };
    }
    if (corpus) return corpusVersion(corpus, side.title ?? corpusTitle(corpus));
    return { error: `${fileName(side.uri)} is neither open nor in the corpus, and no text came with it.` };
  }
  if ('symbol' in side && typeof side.symbol === 'string') {
    const key = normalizeSymbol(side.symbol);
    const entry = key ? kb.lookup(key.key) : undefined;
    const document = entry?.texts[0] ?? findBySymbolText(side.symbol, kb);
    if (!document) return { error: key ? `The corpus has no text of ${side.symbol}.` : `"${side.symbol}" is not a document symbol.` };
    return corpusVersion(document, side.title ?? corpusTitle(document, key ? displaySymbol(key) : undefined));
  }
  if ('title' in side && typeof side.title === 'string') {
    const document = findByTitle(side.title, kb);
    if (!document) return { error: `No corpus text is titled "${side.title}".` };
    return corpusVersion(document, corpusTitle(document));
  }
  return { error: `The ${which} version needs a uri, a symbol or a title.` };
}

/** A corpus text, parsed again on demand: one changed or removed since the corpus loaded cannot be compared until it is loaded again. */
function corpusVersion(document: CorpusDocument, title: string): Version | CompareError {
  const parsed = document.parsed();
  if (!parsed) return { error: `${title}: the corpus text cannot be read as it was loaded (it changed or was removed since); try again once the corpus has reloaded.` };
  return { parsed, uri: document.uri, title };
}

/** A symbol the normaliser does not read (a user's own numbering): match it as written. */
function findBySymbolText(symbol: string, kb: KnowledgeBaseLike): CorpusDocument | undefined {
  const wanted = symbol.trim().toLowerCase();
  for (const document of kb.documents()) if (document.symbol?.toLowerCase() === wanted) return document;
  return undefined;
}

/** The corpus text with this title: the same words first, else the only text whose title contains them. */
function findByTitle(title: string, kb: KnowledgeBaseLike): CorpusDocument | undefined {
  const wanted = simplify(title);
  if (!wanted) return undefined;
  const documents = [...kb.documents()];
  const titled = documents.map((document) => ({ document, title: simplify(titleOf(document) ?? '') }));
  const exact = titled.filter((t) => t.title === wanted);
  if (exact.length > 0) return preferResolution(exact.map((t) => t.document));
  const containing = titled.filter((t) => t.title.includes(wanted));
  return containing.length > 0 ? preferResolution(containing.map((t) => t.document)) : undefined;
}

/** Among texts of one title, the adopted resolution rather than a draft of it. */
function preferResolution(documents: CorpusDocument[]): CorpusDocument {
  return documents.find((d) => d.symbol && !d.adoptedAs) ?? documents[0];
}

const simplify = (text: string) => text.toLowerCase().replace(/[\u2018\u2019\u201c\u201d"']/g, '').replace(/\s+/g, ' ').trim();

function titleOf(document: CorpusDocument): string | undefined {
  return document.title;
}

/** "A/RES/73/266", or the file name of a text without a symbol. */
function corpusTitle(document: CorpusDocument, symbol?: string): string {
  return symbol ?? (document.symbol ? display(document.symbol) : fileName(document.uri));
}

function display(key: string): string {
  const symbol = normalizeSymbol(key);
  return symbol ? displaySymbol(symbol) : key;
}


/** One version's units in their own order, "LABEL text" with a blank line between them. */
function normalizedText(changes: ParagraphChange[], side: 'old' | 'new'): string {
  const units = new Map<number, ComparedUnit>();
  for (const change of changes) for (const unit of change[side]) units.set(unit.start, unit);
  return [...units.values()]
    .sort((a, b) => a.start - b.start)
    .map((unit) => `${unit.label} ${unit.text.replace(/\s+/g, ' ').trim()}`)
    .join('\n\n') + '\n';
}
