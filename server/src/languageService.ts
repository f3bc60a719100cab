// The language service: pure functions from a parsed document to LSP results, usable without a
// connection (server, tests, command line).
export { ParsedDocument, ParsedDocuments } from './parsedDocument';
export type { TextSource } from './parsedDocument';
export { getDocumentSymbols } from './services/outline';
export { getFoldingRanges } from './services/folding';
export { getInlayHints } from './services/inlayHints';
export { getSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './services/semanticTokens';
export { parseResolution } from './parser/parse';
export { getHover } from './services/hover';
export { getDefinition } from './services/definition';
export { findCitationReferences } from './services/citationReferences';
export { getDocumentLinks } from './services/documentLinks';
export { getCitationCompletions } from './services/citationCompletion';
export { getCitationDiagnostics } from './services/citationDiagnostics';
export { getCitationCodeActions } from './services/citationCodeActions';
export { getAgreedCompletions } from './services/agreedCompletion';
export { getAgreedCodeActions, getAgreedDiagnostics, getAgreedHover } from './services/agreedDeviation';
