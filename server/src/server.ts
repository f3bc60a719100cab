// Wires the language service to an LSP connection: each handler is one line that hands the
// open document to the service. Runs in VS Code (IPC) and standalone over stdio
// (`unres-language-server --stdio`) for any LSP client.
import * as path from 'path';
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, InitializeResult, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cacheFolderOf } from './corpus/corpusCache';
import type { CorpusSources } from './corpus/corpusLoader';
import { clientCorpusSettings, corpusSourcesOf, folderPath, userCorpusSettings, type ClientCorpusSettings } from './corpus/corpusSettings';
import { CorpusProgressReporter } from './corpus/progress';
import { Knowledge } from './knowledge';
import { createLanguageService, FIX_ALL_KIND, ISSUANCE_KIND, SEMANTIC_TOKENS_LEGEND } from './languageService';
import { clampChange } from './positions';
import {
  AMENDMENTS_REQUEST, APPLY_AMENDMENTS_REQUEST, COMPARE_REQUEST, CORPUS_DOCUMENTS_REQUEST, CORPUS_STATUS_NOTIFICATION, CORPUS_STATUS_REQUEST,
  DOCUMENT_TEXT_REQUEST, PREPARE_FOR_ISSUANCE_REQUEST, PROCESS_ID_REQUEST, RELOAD_CORPUS_REQUEST, USER_SETTINGS_NOTIFICATION, type AmendmentsParams,
  type ApplyAmendmentsParams, type CompareParams, type DocumentTextParams, type InitializationOptions, type PrepareForIssuanceParams,
} from './protocol';

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
/** The bundle runs from <extension>/dist/server.js; the shipped corpus is <extension>/corpus. */
const shippedCorpus = path.resolve(__dirname, '..', 'corpus');
let configurationPull = false;
let dynamicConfiguration = false;
let definitionLinks = false;
let workDoneProgress = false;
let corpusStatusNotifications = false;
let workspaceFolders: WorkspaceFolder[] = [];
let clientSettings: ClientCorpusSettings = { initial: { paths: [], catalogues: [] } };

// Loading and indexing as work-done progress, for clients that can show it (VS Code: the status bar).
const corpusProgress = new CorpusProgressReporter(() => (workDoneProgress ? connection.window.createWorkDoneProgress() : undefined));

const knowledge = new Knowledge({
  corpusLoaded(kb, elapsedMs, newProblems) {
    connection.console.info(`Corpus loaded in ${elapsedMs} ms: ${[...kb.documents()].length} texts, ${kb.size} symbols.`);
    for (const problem of kb.problems) {
      if (problem.quiet) connection.console.info(`Corpus: ${problem.message}`);
      else connection.console.warn(`Corpus: ${problem.message}`);
    }
    // Citation checks depend on what the corpus knows; agreed language follows once indexed.
    republishDiagnostics();
    if (newProblems.length > 0) {
      const more = newProblems.length > 1 ? ` (and ${newProblems.length - 1} more problem${newProblems.length > 2 ? 's' : ''}: see the UN Resolutions output)` : '';
      void connection.window.showWarningMessage(`UN Resolutions corpus: ${newProblems[0]}${more}. Everything else loaded.`);
    }
  },
  agreedIndexed(index, elapsedMs) {
    connection.console.info(`Agreed language indexed in ${elapsedMs} ms: ${index.paragraphCount} wordings from ${index.documentCount} documents.`);
    republishDiagnostics();
  },
  indexCached: (file) => connection.console.info(`Agreed-language index written to the cache ${file}.`),
  progress: (phase, done, total) => corpusProgress.progress(phase, done, total),
  stateChanged(state) {
    corpusProgress.stateChanged(state);
    if (corpusStatusNotifications) void connection.sendNotification(CORPUS_STATUS_NOTIFICATION, knowledge.status());
  },
  log: (message) => connection.console.error(message),
});

const service = createLanguageService({
  knowledge,
  workspace: documents,
  settings: {
    severities: (uri) => readSetting<Record<string, unknown>>(uri, 'diagnostics.severity', {}),
    inlayHints: (uri) => readSetting(uri, 'inlayHints.preambularNumbers', true),
  },
  onParseError: (uri, error) => connection.console.error(`Parser error in ${uri}: ${error}`),
});

connection.onInitialize((params): InitializeResult => {
  configurationPull = params.capabilities.workspace?.configuration === true;
  dynamicConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  definitionLinks = params.capabilities.textDocument?.definition?.linkSupport === true;
  workDoneProgress = params.capabilities.window?.workDoneProgress === true;
  corpusStatusNotifications = (params.initializationOptions as InitializationOptions | undefined)?.corpusStatusNotifications === true;
  workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  // The corpus settings the client configures the server with, and which of the values it
  // pulls are the user's own rather than a workspace's (corpus/corpusSettings.ts).
  clientSettings = clientCorpusSettings(params.initializationOptions);
  knowledge.useCacheFolder(cacheFolderOf(process.argv, params.initializationOptions, (message) => connection.console.warn(message)));
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
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: [' ', '/', ','] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, ISSUANCE_KIND] },
    },
    serverInfo: { name: 'unres-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (dynamicConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'unres' }).catch(() => undefined);
  knowledge.configure(await corpusSources());
});

connection.onDidChangeConfiguration(async () => {
  knowledge.configure(await corpusSources());
  connection.languages.inlayHint.refresh().catch(() => undefined);
});

// VS Code's client says when the user's own corpus settings change.
connection.onNotification(USER_SETTINGS_NOTIFICATION, async (params: unknown) => {
  clientSettings = { ...clientSettings, user: userCorpusSettings(params) };
  knowledge.configure(await corpusSources());
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

const open = (uri: string) => documents.get(uri);

connection.onDocumentSymbol((params, token) => service.getDocumentSymbols(open(params.textDocument.uri), token));
connection.onFoldingRanges((params, token) => service.getFoldingRanges(open(params.textDocument.uri), token));
connection.languages.semanticTokens.on((params, token) => service.getSemanticTokens(open(params.textDocument.uri), token));
connection.languages.inlayHint.on((params, token) => service.getInlayHints(open(params.textDocument.uri), params.range, token));
connection.onHover((params, token) => service.getHover(open(params.textDocument.uri), params.position, token));
connection.onDocumentLinks((params, token) => service.getDocumentLinks(open(params.textDocument.uri), token));
connection.onCodeLens((params, token) => service.getCodeLenses(open(params.textDocument.uri), token));
connection.onCompletion((params, token) => service.getCompletions(open(params.textDocument.uri), params.position, token));
connection.onReferences((params, token) => service.getReferences(open(params.textDocument.uri), params.position, params.context.includeDeclaration, token));
connection.onDefinition((params, token) => service.getDefinition(open(params.textDocument.uri), params.position, definitionLinks, token));
connection.onCodeAction((params, token) => service.getCodeActions(open(params.textDocument.uri), params.range, params.context, token));
// "Compare with…" (the VS Code extension's commands): two versions -> the comparison engine's model and HTML.
connection.onRequest(COMPARE_REQUEST, (params: CompareParams, token) => service.compare(params, token));
connection.onRequest(CORPUS_DOCUMENTS_REQUEST, () => service.corpusDocuments());
// "Write Amendments Against…" and "Apply Amendments…": amendments from two versions, and a draft with amendments made.
connection.onRequest(AMENDMENTS_REQUEST, (params: AmendmentsParams, token) => service.amendments(params, token));
connection.onRequest(APPLY_AMENDMENTS_REQUEST, (params: ApplyAmendmentsParams, token) => service.applyAmendments(params, token));
connection.onRequest(PREPARE_FOR_ISSUANCE_REQUEST, (params: PrepareForIssuanceParams, token) => service.prepareForIssuance(open(String(params?.uri)), token));
// "Open as Resolution": a PDF read into resolution text for a read-only view.
connection.onRequest(DOCUMENT_TEXT_REQUEST, (params: DocumentTextParams) => service.documentText(params));
connection.onRequest(CORPUS_STATUS_REQUEST, () => knowledge.status());
// The settings are read again too: a reload is what a user asks for when the corpus looks stale.
connection.onRequest(RELOAD_CORPUS_REQUEST, async () => {
  knowledge.reload(await corpusSources());
  return knowledge.status();
});
// For the VS Code test that kills the server and waits for the client to restart it.
connection.onRequest(PROCESS_ID_REQUEST, () => process.pid);

// Diagnostics follow typing after a pause; a newer version cancels an older one's publication.
// A document just opened has no typing to wait for: its diagnostics go at once.
const DIAGNOSTICS_DELAY_MS = 150;
const diagnosticTimers = new Map<string, NodeJS.Timeout>();
const justOpened = new Set<string>();

function scheduleDiagnostics(document: TextDocument, delay = DIAGNOSTICS_DELAY_MS): void {
  clearTimeout(diagnosticTimers.get(document.uri));
  diagnosticTimers.set(document.uri, setTimeout(() => void publishDiagnostics(document.uri, document.version), delay));
}

async function publishDiagnostics(uri: string, version: number): Promise<void> {
  diagnosticTimers.delete(uri);
  const diagnostics = await service.getDiagnostics(open(uri));
  // A newer version is on its way: its own publication follows.
  if (open(uri)?.version !== version) return;
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

function republishDiagnostics(): void {
  for (const document of documents.all()) scheduleDiagnostics(document, 0);
}

// The library fires onDidOpen, then onDidChangeContent, for an opened document.
documents.onDidOpen(({ document }) => justOpened.add(document.uri));
documents.onDidChangeContent(({ document }) => scheduleDiagnostics(document, justOpened.delete(document.uri) ? 0 : DIAGNOSTICS_DELAY_MS));
documents.onDidClose(({ document }) => {
  justOpened.delete(document.uri);
  clearTimeout(diagnosticTimers.get(document.uri));
  diagnosticTimers.delete(document.uri);
  service.release(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onShutdown(async () => {
  corpusProgress.dispose();
  // An index half written would be discarded at the next start: let the write end.
  await knowledge.whenCacheWritten();
  knowledge.dispose();
});
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error}`));
documents.listen(connection);
connection.listen();
