// Every check a document gets, in one place: the server publishes these, the bench times them.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { AgreedLanguageIndex } from '../agreed/types';
import type { KnowledgeBaseView } from '../corpus/types';
import { checkInput } from '../inputGuard';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import { getAgreedDiagnostics } from './agreedDeviation';
import { getCitationDiagnostics } from './citationDiagnostics';
import { getNumberingDiagnostics } from './structure/numbering';
import { getStyleDiagnostics, openingVocabulary } from './structure/style';

export interface DiagnosticContext {
  kb: KnowledgeBaseView;
  agreed: AgreedLanguageIndex;
}

/** Input that cannot be a resolution gets one clear message instead of checks. */
export function inputDiagnostics(text: string): Diagnostic[] | undefined {
  const problem = checkInput(text);
  if (!problem) return undefined;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [{ range, severity: DiagnosticSeverity.Information, source: 'unres', code: problem.code, message: problem.message }];
}

export function getDiagnostics(document: ParsedDocument, context: DiagnosticContext, token?: CancellationToken): Diagnostic[] {
  const { kb, agreed } = context;
  return [
    ...getNumberingDiagnostics(document, token),
    ...getStyleDiagnostics(document, openingVocabulary(agreed), token),
    ...getCitationDiagnostics(document, kb, token),
    ...getAgreedDiagnostics(document, agreed, (uri) => kb.document(uri)?.parsed, token),
  ];
}
