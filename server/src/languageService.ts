// The language service: one object with a method per feature, answering from the document
// (parsed once per version) and the knowledge it is given. It decides what no single feature
// module can: which feature answers first (a citation's hover before agreed language's, symbol
// completion before agreed completion), how code actions are assembled and when Fix all applies,
// the severities the user chose, clamping what clients send, and input that cannot be a
// resolution. The LSP server wires each handler to it in one line; the command line and the
// bench call the same object. It holds no connection and imports LSP types only.
import type {
  CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, LocationLink, Position, Range,
  SemanticTokens,
} from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import { checkInput } from './inputGuard';
import type { KnowledgeView } from './knowledge';
import { ParsedDocument, ParsedDocuments, type CancellationToken, type TextSource } from './parsedDocument';
import { clampPosition, clampRange } from './positions';
import { readDocumentText } from './corpus/documentFiles';
import type { AmendmentsParams, AmendmentsResult, ApplyAmendmentsParams, ApplyAmendmentsResult, CompareParams, CompareResult, CompareError, CorpusDocumentItem, DocumentTextError, DocumentTextParams, DocumentTextResult, PrepareForIssuanceResult } from './protocol';
import { getAgreedCompletions } from './services/agreedCompletion';
import { getAgreedHover } from './services/agreedDeviation';
import { getCitationCompletions } from './services/citationCompletion';
import { findCitationReferences } from './services/citationReferences';
import { amendmentsRequest, applyAmendmentsRequest } from './services/amendmentsRequest';
import { compareRequest, corpusDocuments } from './services/compareRequest';
import { getDefinition } from './services/definition';
import { getDocumentLinks } from './services/documentLinks';
import { getAdoptedTextLenses } from './services/adoptedText';
import { FIX_ALL_KIND, getFixAllAction, wantsKind } from './services/fixAll';
import { getFoldingRanges } from './services/folding';
import { getHover } from './services/hover';
import { getInlayHints } from './services/inlayHints';
import { getIssuanceCodeAction, ISSUANCE_KIND, prepareForIssuance } from './services/issuance';
import { getNegotiationHover } from './services/negotiationHover';
import { getDocumentSymbols } from './services/outline';
import { CHECKS, inputDiagnostics, ruleFor, type CheckContext } from './services/rules';
import { applySeverities, type SeveritySettings } from './services/severity';
import { getSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './services/semanticTokens';
import { openingVocabulary } from './services/structure/openingPhrases';

export { ParsedDocument, ParsedDocuments, SEMANTIC_TOKENS_LEGEND, FIX_ALL_KIND, ISSUANCE_KIND };
export type { CancellationToken, TextSource };

/** The user's settings, asked for each document when a feature needs them. */
export interface LanguageServiceSettings {
  /** `unres.diagnostics.severity`: a level or "off" by code. */
  severities?(uri: string): SeveritySettings | Promise<SeveritySettings>;
  /** `unres.inlayHints.preambularNumbers`. */
  inlayHints?(uri: string): boolean | Promise<boolean>;
}

/** The documents open in the editor, whose text wins over the corpus's copy. */
export interface OpenDocuments {
  get(uri: string): TextSource | undefined;
  all(): TextSource[];
}

export interface LanguageServiceOptions {
  /** A `Knowledge` (the server), or knowledge loaded once (the command line). */
  knowledge: KnowledgeView & { whenLoaded?(): Promise<void> };
  settings?: LanguageServiceSettings;
  workspace?: OpenDocuments;
  /** Told when the parser meets an internal error (the model is then partial). */
  onParseError?(uri: string, error: string): void;
}

export interface LanguageService {
  /** The parse of a version of a document; undefined when it is not fit to parse (binary, huge). */
  parse(source: TextSource | undefined): ParsedDocument | undefined;
  /** Forgets a document's parse (it was closed). */
  release(uri: string): void;
  getDocumentSymbols(source: TextSource | undefined, token?: CancellationToken): DocumentSymbol[];
  getFoldingRanges(source: TextSource | undefined, token?: CancellationToken): FoldingRange[];
  getSemanticTokens(source: TextSource | undefined, token?: CancellationToken): SemanticTokens;
  getInlayHints(source: TextSource | undefined, range: Range, token?: CancellationToken): Promise<InlayHint[]>;
  getHover(source: TextSource | undefined, position: Position, token?: CancellationToken): Hover | null;
  getDocumentLinks(source: TextSource | undefined, token?: CancellationToken): DocumentLink[];
  /** "Compare with the adopted text" on drafts whose resolution's text is in the corpus. */
  getCodeLenses(source: TextSource | undefined, token?: CancellationToken): CodeLens[];
  getCompletions(source: TextSource | undefined, position: Position, token?: CancellationToken): CompletionItem[] | null;
  getReferences(source: TextSource | undefined, position: Position, includeDeclaration: boolean, token?: CancellationToken): Location[];
  /** Location links, or plain locations for a client that cannot take links. */
  getDefinition(source: TextSource | undefined, position: Position, linkSupport: boolean, token?: CancellationToken): LocationLink[] | Location[] | null;
  /** Every check, at the levels the user chose; one message for input that is not a resolution. */
  getDiagnostics(source: TextSource | undefined, token?: CancellationToken): Promise<Diagnostic[]>;
  /** Quick fixes for the diagnostics of a request, and "Fix all" when asked for. */
  getCodeActions(source: TextSource | undefined, range: Range, context: { diagnostics: Diagnostic[]; only?: string[] }, token?: CancellationToken): Promise<CodeAction[]>;
  /** The edit that prepares a negotiated draft for issuance, or why it cannot be prepared yet. */
  prepareForIssuance(source: TextSource | undefined, token?: CancellationToken): PrepareForIssuanceResult;
  compare(params: CompareParams, token?: CancellationToken): Promise<CompareResult | CompareError>;
  /** The amendments that make one version of the other (unres/amendments). */
  amendments(params: AmendmentsParams, token?: CancellationToken): Promise<AmendmentsResult | CompareError>;
  /** A draft with amendments made, or the amendments that do not match it (unres/applyAmendments). */
  applyAmendments(params: ApplyAmendmentsParams, token?: CancellationToken): Promise<ApplyAmendmentsResult | CompareError>;
  corpusDocuments(): Promise<CorpusDocumentItem[]>;
  /** A document file (a PDF) read into resolution text, for a read-only view of it. */
  documentText(params: DocumentTextParams): Promise<DocumentTextResult | DocumentTextError>;
}

const NEVER: CancellationToken = { isCancellationRequested: false };
const NO_DOCUMENTS: OpenDocuments = { get: () => undefined, all: () => [] };

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const { knowledge } = options;
  const settings = options.settings ?? {};
  const workspace = options.workspace ?? NO_DOCUMENTS;
  const parsed = new ParsedDocuments();

  const parse = (source: TextSource | undefined): ParsedDocument | undefined => {
    if (!source || checkInput(source.getText()) !== undefined) return undefined;
    const document = parsed.get(source);
    if (document.model.parseError) options.onParseError?.(source.uri, document.model.parseError);
    return document;
  };
  const checkContext = (): CheckContext => ({ kb: knowledge.kb, agreed: knowledge.agreed, vocabulary: openingVocabulary(knowledge.agreed) });
  const severities = async (uri: string): Promise<SeveritySettings> => (await settings.severities?.(uri)) ?? {};
  const compareContext = {
    corpus: { get current() { return knowledge.kb; }, whenLoaded: () => knowledge.whenLoaded?.() ?? Promise.resolve() },
    documents: workspace,
    parsed,
  };

  return {
    parse,
    release: (uri) => parsed.delete(uri),

    getDocumentSymbols: (source, token) => withDocument(parse(source), [], (document) => getDocumentSymbols(document, token)),
    getFoldingRanges: (source, token) => withDocument(parse(source), [], (document) => getFoldingRanges(document, token)),
    getSemanticTokens: (source, token) => withDocument(parse(source), { data: [] }, (document) => getSemanticTokens(document, token)),
    getDocumentLinks: (source, token) => withDocument(parse(source), [], (document) => getDocumentLinks(document, token)),
    getCodeLenses: (source, token) => withDocument(parse(source), [], (document) => getAdoptedTextLenses(document, knowledge.kb, token)),

    async getInlayHints(source, range, token) {
      const document = parse(source);
      if (!document || (await settings.inlayHints?.(document.uri)) === false) return [];
      return getInlayHints(document, clampRange(document, range), token);
    },

    getHover(source, position, token) {
      const document = parse(source);
      if (!document) return null;
      const at = clampPosition(document, position);
      // What the cursor names (a citation, a reference, a footnote marker), then the bracket it
      // stands in, before how the paragraph departs from agreed language.
      return getHover(document, at, knowledge.kb, token) ?? getNegotiationHover(document, at, token) ?? getAgreedHover(document, at, knowledge.agreed);
    },

    getCompletions(source, position, token) {
      const document = parse(source);
      if (!document) return null;
      const at = clampPosition(document, position);
      // A symbol being typed after "resolution " is the more specific question.
      return getCitationCompletions(document, at, knowledge.kb, token) ?? getAgreedCompletions(document, at, knowledge.agreed, token);
    },

    getReferences(source, position, includeDeclaration, token) {
      const document = parse(source);
      if (!document) return [];
      const open = workspace.all().map(parse).filter((d): d is ParsedDocument => d !== undefined);
      return findCitationReferences(document, clampPosition(document, position), knowledge.kb, open, includeDeclaration, token);
    },

    getDefinition(source, position, linkSupport, token) {
      const document = parse(source);
      const links = document ? getDefinition(document, clampPosition(document, position), knowledge.kb, token) : null;
      return links && !linkSupport ? links.map((l) => ({ uri: l.targetUri, range: l.targetSelectionRange })) : links;
    },

    async getDiagnostics(source, token = NEVER) {
      if (!source) return [];
      const levels = await severities(source.uri);
      // Input that cannot be a resolution gets one clear message, and every other feature is off.
      const refused = inputDiagnostics(source.getText());
      if (refused) return applySeverities(refused, levels);
      const document = parse(source)!;
      const context = checkContext();
      const diagnostics: Diagnostic[] = [];
      for (const check of Object.values(CHECKS)) {
        // Diagnostics follow typing; a completion or hover must not wait behind every check of
        // a long draft: between families the requests that came meanwhile are answered, and the
        // run is dropped once cancelled or once the text changed (a newer run follows).
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (token.isCancellationRequested || isStale(document, workspace)) return [];
        for (const diagnostic of check.diagnostics(document, context, token)) diagnostics.push(diagnostic);
      }
      return applySeverities(diagnostics, levels);
    },

    async getCodeActions(source, range, request, token = NEVER) {
      const document = parse(source);
      if (!document) return [];
      const clamped = clampRange(document, range);
      const context = checkContext();
      const actions: CodeAction[] = [];
      if (wantsKind(request.only, CodeActionKind.QuickFix)) {
        for (const check of Object.values(CHECKS)) {
          // A request about thousands of diagnostics must not keep a hover waiting: between
          // families the messages that came meanwhile get through (a cancellation reaches the
          // token only then), and the answer is dropped once cancelled or once the text changed.
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (token.isCancellationRequested || isStale(document, workspace)) return [];
          for (const action of check.codeActions(document, clamped, request.diagnostics, context, token)) actions.push(action);
        }
      }
      if (token.isCancellationRequested) return [];
      if (wantsKind(request.only, FIX_ALL_KIND)) {
        // Only certain fixes, and none of a code the user turned off.
        const levels = await severities(document.uri);
        const include = (code: string) => ruleFor(code)?.fixAll === true && String(levels[code] ?? '').toLowerCase() !== 'off';
        const edits = Object.values(CHECKS).map((check) => check.fixAll?.(document, context, include, token) ?? []);
        const fixAll = getFixAllAction(document, edits);
        if (fixAll) actions.push(fixAll);
      }
      // Asked for by kind only: the edit of a long draft is not worth building for every cursor move.
      if (request.only && wantsKind(request.only, ISSUANCE_KIND)) {
        const issuance = getIssuanceCodeAction(document, token);
        if (issuance) actions.push(issuance);
      }
      return actions;
    },

    prepareForIssuance(source, token) {
      const document = parse(source);
      if (!document) return { ok: false, message: source ? 'Not a resolution text: nothing to prepare.' : 'The document is not open.', brackets: [] };
      return prepareForIssuance(document, token);
    },

    compare: (params, token) => compareRequest(params, compareContext, token),
    amendments: (params, token) => amendmentsRequest(params, compareContext, token),
    applyAmendments: (params, token) => applyAmendmentsRequest(params, compareContext, token),
    corpusDocuments: () => corpusDocuments(compareContext),
    documentText: (params) => readDocumentText(params),
  };
}

function withDocument<T>(document: ParsedDocument | undefined, none: T, answer: (document: ParsedDocument) => T): T {
  return document ? answer(document) : none;
}

/** Whether the editor's copy of a document moved on from the version a request parsed. */
function isStale(document: ParsedDocument, workspace: OpenDocuments): boolean {
  const open = workspace.get(document.uri);
  return open !== undefined && open.version !== document.version;
}
