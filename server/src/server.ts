// Wires the language service to an LSP connection. Runs in VS Code (IPC) and standalone over
// stdio (`unres-language-server --stdio`) for any LSP client.
import {
  createConnection, DiagnosticSeverity, InitializeResult, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkInput } from './inputGuard';
import {
  getDocumentSymbols, getFoldingRanges, getInlayHints, getSemanticTokens, ParsedDocument, ParsedDocuments, SEMANTIC_TOKENS_LEGEND,
} from './languageService';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const parsed = new ParsedDocuments();
let configurationPull = false;

connection.onInitialize((params): InitializeResult => {
  configurationPull = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'UN Resolution' },
      foldingRangeProvider: true,
      inlayHintProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    },
    serverInfo: { name: 'unres-language-server', version: '0.1.0' },
  };
});

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
  if (!doc || !(await setting(params.textDocument.uri, 'inlayHints.preambularNumbers', true))) return [];
  return getInlayHints(doc, params.range, token);
});

async function setting<T>(uri: string, key: string, fallback: T): Promise<T> {
  if (!configurationPull) return fallback;
  try {
    const value = await connection.workspace.getConfiguration({ scopeUri: uri, section: `unres.${key}` });
    return value === null || value === undefined ? fallback : (value as T);
  } catch {
    return fallback;
  }
}

connection.onDidChangeConfiguration(() => connection.languages.inlayHint.refresh().catch(() => undefined));

// Input that cannot be a resolution gets one clear message, and the server keeps serving.
documents.onDidChangeContent(({ document }) => {
  const problem = checkInput(document.getText());
  void connection.sendDiagnostics({
    uri: document.uri,
    version: document.version,
    diagnostics: problem
      ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'unres', code: problem.code, message: problem.message }]
      : [],
  });
});
documents.onDidClose(({ document }) => {
  parsed.delete(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error}`));
documents.listen(connection);
connection.listen();
