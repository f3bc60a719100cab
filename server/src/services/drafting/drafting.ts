// The drafting family: what the Assembly's drafting rules say of a text without any corpus: the
// session and era of a cited symbol (`sessions.ts`), "also" in the first paragraph of a part
// (`alsoFirst.ts`), and where a footnote marker stands (`markerPlacement.ts`).
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../../parsedDocument';
import { overlaps } from '../../text';
import type { OpeningVocabulary } from '../structure/openingPhrases';
import { ALSO_FIRST, checkAlsoFirst } from './alsoFirst';
import type { DraftingFinding } from './finding';
import { checkMarkerPlacement, MARKER_BEFORE_PUNCTUATION } from './markerPlacement';
import { checkSessions, CITATION_SESSION, SYMBOL_ERA } from './sessions';

export { ALSO_FIRST, CITATION_SESSION, MARKER_BEFORE_PUNCTUATION, SYMBOL_ERA };

/** Every code this family reports. */
export const DRAFTING_CODES: readonly string[] = [CITATION_SESSION, SYMBOL_ERA, ALSO_FIRST, MARKER_BEFORE_PUNCTUATION];

function findings(document: ParsedDocument, vocabulary: OpeningVocabulary, token?: CancellationToken): DraftingFinding[] {
  const out: DraftingFinding[] = [];
  checkSessions(document, out, token);
  if (token?.isCancellationRequested) return [];
  checkAlsoFirst(document, vocabulary, out);
  checkMarkerPlacement(document, out);
  return out.sort((a, b) => a.span.start - b.span.start);
}

function toDiagnostic(document: ParsedDocument, finding: DraftingFinding): Diagnostic {
  return { range: document.range(finding.span), severity: finding.severity, source: 'unres', code: finding.code, message: finding.message };
}

export function getDraftingDiagnostics(document: ParsedDocument, vocabulary: OpeningVocabulary, token?: CancellationToken): Diagnostic[] {
  return findings(document, vocabulary, token).map((finding) => toDiagnostic(document, finding));
}

/** Quick fixes for the family's diagnostics that touch `range`, from the document as it is now (a stale diagnostic gets none). */
export function getDraftingCodeActions(document: ParsedDocument, range: Range, diagnostics: Diagnostic[], vocabulary: OpeningVocabulary, token?: CancellationToken): CodeAction[] {
  const requested = diagnostics.filter((d) => typeof d.code === 'string' && DRAFTING_CODES.includes(d.code) && (d.source === undefined || d.source === 'unres') && overlaps(d.range, range));
  if (requested.length === 0) return [];
  const byPlace = new Map<string, DraftingFinding>();
  for (const finding of findings(document, vocabulary, token)) {
    if (!finding.fix) continue;
    const { start } = document.range(finding.span);
    byPlace.set(`${finding.code}@${start.line}:${start.character}`, finding);
  }
  const actions: CodeAction[] = [];
  for (const diagnostic of requested) {
    const finding = byPlace.get(`${diagnostic.code}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`);
    if (!finding?.fix) continue;
    const edit: TextEdit = { range: document.range(finding.fix), newText: finding.fix.newText };
    actions.push({ title: finding.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri]: [edit] } } });
  }
  return actions;
}

/** The certain fixes (a marker moved after its mark) of the codes `include` accepts, never overlapping. */
export function getDraftingFixAll(document: ParsedDocument, vocabulary: OpeningVocabulary, include: (code: string) => boolean, token?: CancellationToken): TextEdit[] {
  const edits: TextEdit[] = [];
  let previousEnd = -1;
  for (const finding of findings(document, vocabulary, token)) {
    if (!finding.fix?.fixAll || !include(finding.code) || finding.fix.start < previousEnd) continue;
    edits.push({ range: document.range(finding.fix), newText: finding.fix.newText });
    previousEnd = finding.fix.end;
  }
  return edits;
}
