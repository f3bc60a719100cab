// Wires the language service to an LSP connection. Runs in VS Code (IPC) and standalone over
// stdio (`unres-language-server --stdio`) for any LSP client.
import * as path from 'path';
import {
  CodeAction, CodeActionKind, createConnection, DidChangeConfigurationNotification, InitializeResult, ProposedFeatures, TextDocuments,
  TextDocumentSyncKind, WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EMPTY_AGREED_INDEX } from './agreed/empty';
import { buildAgreedIndexAsync } from './agreed/index';
import type { AgreedLanguageIndex } from './agreed/types';
import type { CorpusSources } from './corpus/corpusLoader';
import type { KnowledgeBase } from './corpus/knowledgeBase';
import { CorpusService } from './corpus/corpusService';
import { clientCorpusSettings, corpusSourcesOf, folderPath, userCorpusSettings, type ClientCorpusSettings } from './corpus/corpusSettings';
import { checkInput } from './inputGuard';
import { clampChange, clampPosition, clampRange } from './positions';
import { getDiagnostics, inputDiagnostics } from './services/diagnostics';
import { FIX_ALL_KIND, getFixAllAction, wantsKind } from './services/fixAll';
import { getNumberingCodeActions, getNumberingFixAll } from './services/structure/numbering';
import { getStyleCodeActions, getStyleFixAll, openingVocabulary } from './services/structure/style';
import { applySeverities } from './services/severity';
import { COMPARE_REQUEST, CORPUS_DOCUMENTS_REQUEST, PROCESS_ID_REQUEST, USER_SETTINGS_NOTIFICATION, type CompareParams } from './protocol';
import { compareRequest, corpusDocuments } from './services/compareRequest';
import {
  findCitationReferences, getAgreedCodeActions, getAgreedCompletions, getAgreedHover, getCitationCodeActions, getCitationCompletions, getDefinition, getDocumentLinks, getDocumentSymbols, getFoldingRanges, getHover,
  getInlayHints, getSemanticTokens, ParsedDocument, ParsedDocuments, SEMANTIC_TOKENS_LEGEND,
} from './languageService';

const connection = createConnection(ProposedFeatures.all);
// Each edit clamped to the text it applies to (the next edit of a notification sees the text the
// previous one left): an edit past the end would otherwise derail every later one.
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update: (document, changes, version) => {
    let updated = TextDocument.update(document, [], version);
    for (const change of changes) updated = TextDocument.update(updated, [clampChange(updated, change)], version);
    return updated;
  },
});
const parsed = new ParsedDocuments();
/** The bundle runs from <extension>/dist/server.js; the seeds ship in <extension>/corpus. */
const shippedCorpus = path.resolve(__dirname, '..', 'corpus');
let configurationPull = false;
let dynamicConfiguration = false;
let definitionLinks = false;
let workspaceFolders: WorkspaceFolder[] = [];
let clientSettings: ClientCorpusSettings = { initial: { paths: [], catalogues: [] } };

const corpus = new CorpusService({
  loaded(kb, elapsedMs, newProblems) {
    connection.console.info(`Corpus loaded in ${elapsedMs} ms: ${[...kb.documents()].length} texts, ${kb.size} symbols.`);
    for (const problem of kb.problems) connection.console.warn(`Corpus: ${problem.message}`);
    // Citation checks depend on what the corpus knows; agreed language follows once indexed.
    for (const document of documents.all()) scheduleDiagnostics(document, 0);
    void indexAgreedLanguage(kb);
    if (newProblems.length > 0) {
      const more = newProblems.length > 1 ? ` (and ${newProblems.length - 1} more problem${newProblems.length > 2 ? 's' : ''}: see the UN Resolutions output)` : '';
      void connection.window.showWarningMessage(`UN Resolutions corpus: ${newProblems[0]}${more}. Everything else loaded.`);
    }
  },
  log: (message) => connection.console.error(message),
});

let agreed: AgreedLanguageIndex = EMPTY_AGREED_INDEX;
let agreedBuild: AbortController | undefined;

/** Indexes the corpus paragraphs in the background; a newer corpus stops an older build. */
async function indexAgreedLanguage(kb: KnowledgeBase): Promise<void> {
  agreedBuild?.abort();
  const build = (agreedBuild = new AbortController());
  const started = Date.now();
  try {
    const index = await buildAgreedIndexAsync([...kb.documents()], { signal: build.signal });
    if (build.signal.aborted) return;
    agreed = index;
    connection.console.info(`Agreed language indexed in ${Date.now() - started} ms: ${index.paragraphCount} wordings from ${index.documentCount} documents.`);
    for (const document of documents.all()) scheduleDiagnostics(document, 0);
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') return;
    connection.console.error(`Indexing agreed language failed: ${error instanceof Error ? error.stack : error}`);
  }
}

connection.onInitialize((params): InitializeResult => {
  configurationPull = params.capabilities.workspace?.configuration === true;
  dynamicConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  definitionLinks = params.capabilities.textDocument?.definition?.linkSupport === true;
  workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  // The corpus settings the client configures the server with, and which of the values it
  // pulls are the user's own rather than a workspace's (corpus/corpusSettings.ts).
  clientSettings = clientCorpusSettings(params.initializationOptions);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'UN Resolution' },
      foldingRangeProvider: true,
      inlayHintProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: [' ', '/', ','] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    },
    serverInfo: { name: 'unres-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (dynamicConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'unres' }).catch(() => undefined);
  corpus.configure(await corpusSources());
});

connection.onDidChangeConfiguration(async () => {
  corpus.configure(await corpusSources());
  connection.languages.inlayHint.refresh().catch(() => undefined);
});

// VS Code's client says when the user's own corpus settings change.
connection.onNotification(USER_SETTINGS_NOTIFICATION, async (params: unknown) => {
  clientSettings = { ...clientSettings, user: userCorpusSettings(params) };
  corpus.configure(await corpusSources());
});

/** The corpus folders and catalogues of every workspace folder's settings, resolved to absolute paths. */
async function corpusSources(): Promise<CorpusSources> {
  const scopes: (string | undefined)[] = workspaceFolders.length ? workspaceFolders.map((f) => f.uri) : [undefined];
  const pulled = [];
  for (const scope of scopes) {
    const settings = configurationPull ? await readSetting<unknown>(scope, 'corpus', {}) : undefined;
    pulled.push({ folder: (scope && folderPath(scope)) ?? process.cwd(), settings });
  }
  // Whose values are whose is read after the pulls: a change of the user's settings may have come meanwhile.
  const roots = workspaceFolders.map((f) => folderPath(f.uri)).filter((folder): folder is string => folder !== undefined);
  return corpusSourcesOf(pulled, clientSettings, roots, shippedCorpus);
}

async function readSetting<T>(scopeUri: string | undefined, key: string, fallback: T): Promise<T> {
  if (!configurationPull) return fallback;
  try {
    const value = await connection.workspace.getConfiguration({ scopeUri, section: `unres.${key}` });
    return value === null || value === undefined ? fallback : (value as T);
  } catch {
    return fallback;
  }
}

/** The parse of an open document, or undefined when the input is not fit to parse (binary, huge). */
function modelOf(uri: string): ParsedDocument | undefined {
  const document = documents.get(uri);
  if (!document || checkInput(document.getText()) !== undefined) return undefined;
  const result = parsed.get(document);
  if (result.model.parseError) connection.console.error(`Parser error in ${uri}: ${result.model.parseError}`);
  return result;
}

connection.onDocumentSymbol((params, token) => { const doc = modelOf(params.textDocument.uri); return doc ? getDocumentSymbols(doc, token) : []; });
connection.onFoldingRanges((params, token) => { const doc = modelOf(params.textDocument.uri); return doc ? getFoldingRanges(doc, token) : []; });
connection.languages.semanticTokens.on((params, token) => { const doc = modelOf(params.textDocument.uri); return doc ? getSemanticTokens(doc, token) : { data: [] }; });
connection.languages.inlayHint.on(async (params, token) => {
  const doc = modelOf(params.textDocument.uri);
  if (!doc || !(await readSetting(params.textDocument.uri, 'inlayHints.preambularNumbers', true))) return [];
  return getInlayHints(doc, clampRange(doc, params.range), token);
});

connection.onHover((params, token) => {
  const doc = modelOf(params.textDocument.uri);
  if (!doc) return null;
  const position = clampPosition(doc, params.position);
  return getHover(doc, position, corpus.current, token) ?? getAgreedHover(doc, position, agreed);
});
connection.onDocumentLinks((params, token) => { const doc = modelOf(params.textDocument.uri); return doc ? getDocumentLinks(doc, token) : []; });
connection.onCompletion((params, token) => {
  const doc = modelOf(params.textDocument.uri);
  if (!doc) return null;
  const position = clampPosition(doc, params.position);
  return getCitationCompletions(doc, position, corpus.current, token) ?? getAgreedCompletions(doc, position, agreed, token);
});
connection.onReferences((params, token) => {
  const doc = modelOf(params.textDocument.uri);
  const open = documents.all().map((d) => modelOf(d.uri)).filter((d): d is ParsedDocument => d !== undefined);
  return doc ? findCitationReferences(doc, clampPosition(doc, params.position), corpus.current, open, params.context.includeDeclaration, token) : [];
});
connection.onDefinition((params, token) => {
  const doc = modelOf(params.textDocument.uri);
  const links = doc ? getDefinition(doc, clampPosition(doc, params.position), corpus.current, token) : null;
  // Clients without LocationLink support get plain locations.
  return links && !definitionLinks ? links.map((l) => ({ uri: l.targetUri, range: l.targetSelectionRange })) : links;
});

connection.onCodeAction(async (params, token) => {
  const doc = modelOf(params.textDocument.uri);
  if (!doc) return [];
  const { diagnostics, only } = params.context;
  const range = clampRange(doc, params.range);
  const vocabulary = openingVocabulary(agreed);
  const actions: CodeAction[] = [];
  if (wantsKind(only, CodeActionKind.QuickFix)) {
    // A request about thousands of diagnostics must not keep a hover waiting: between providers
    // the handler lets the messages that came meanwhile through (a cancellation only reaches the
    // token then, the providers being synchronous), and stops once cancelled or once the text it
    // would edit has changed.
    const providers = [
      () => getNumberingCodeActions(doc, range, diagnostics, token),
      () => getStyleCodeActions(doc, range, diagnostics, vocabulary, token),
      () => getCitationCodeActions(doc, range, diagnostics, corpus.current, token),
      () => getAgreedCodeActions(doc, diagnostics, token),
    ];
    for (const provide of providers) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested || documents.get(doc.uri)?.version !== doc.version) return [];
      actions.push(...provide());
    }
  }
  if (token.isCancellationRequested) return [];
  let fixAll;
  if (wantsKind(only, FIX_ALL_KIND)) {
    // Codes the user turned off are not fixed either.
    const severities = await readSetting<Record<string, unknown>>(params.textDocument.uri, 'diagnostics.severity', {});
    const on = (code: string) => String(severities?.[code] ?? '').toLowerCase() !== 'off';
    fixAll = getFixAllAction(doc, [on('unres.opNumberGap') ? getNumberingFixAll(doc) : [], getStyleFixAll(doc, vocabulary, token, on)]);
  }
  return fixAll ? [...actions, fixAll] : actions;
});

// "Compare with…" (the VS Code extension's commands): two versions → the comparison engine's model and HTML.
connection.onRequest(COMPARE_REQUEST, (params: CompareParams, token) => compareRequest(params, { corpus, documents, parsed }, token));
connection.onRequest(CORPUS_DOCUMENTS_REQUEST, () => corpusDocuments({ corpus, documents, parsed }));

// Diagnostics follow typing after a pause; a newer version cancels an older one's publication.
const DIAGNOSTICS_DELAY_MS = 150;
const diagnosticTimers = new Map<string, NodeJS.Timeout>();

function scheduleDiagnostics(document: TextDocument, delay = DIAGNOSTICS_DELAY_MS): void {
  clearTimeout(diagnosticTimers.get(document.uri));
  diagnosticTimers.set(document.uri, setTimeout(() => void publishDiagnostics(document.uri, document.version), delay));
}

async function publishDiagnostics(uri: string, version: number): Promise<void> {
  diagnosticTimers.delete(uri);
  const severities = await readSetting<unknown>(uri, 'diagnostics.severity', {});
  const document = documents.get(uri);
  if (!document || document.version !== version) return;
  // Input that cannot be a resolution gets one clear message, and the server keeps serving.
  const diagnostics = inputDiagnostics(document.getText()) ?? getDiagnostics(parsed.get(document), { kb: corpus.current, agreed });
  void connection.sendDiagnostics({ uri, version, diagnostics: applySeverities(diagnostics, severities) });
}

documents.onDidChangeContent(({ document }) => scheduleDiagnostics(document));
documents.onDidClose(({ document }) => {
  clearTimeout(diagnosticTimers.get(document.uri));
  diagnosticTimers.delete(document.uri);
  parsed.delete(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

// For the VS Code test that kills the server and waits for the client to restart it.
connection.onRequest(PROCESS_ID_REQUEST, () => process.pid);

connection.onShutdown(() => {
  agreedBuild?.abort();
  corpus.dispose();
});
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error}`));
documents.listen(connection);
connection.listen();
