// Quick fixes for the citation diagnostics: "Change to 4 December 1998" on an
// `unres.citationDate` error replaces the date as written with the date the knowledge base holds.
// The edit touches the date only, and keeps the line breaks a wrapped date has in the source.
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { KnowledgeBaseView } from '../corpus/types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import type { CitationDate } from '../parser/model';
import { CITATION_DATE, CitationDateData, dateText, getCitationDiagnostics } from './citationDiagnostics';
import { overlaps, rangeKey } from '../text';

export function getCitationCodeActions(
  document: ParsedDocument,
  range: Range,
  diagnostics: Diagnostic[],
  kb: KnowledgeBaseView,
  token?: CancellationToken,
): CodeAction[] {
  const requested = diagnostics.filter((d) => d.code === CITATION_DATE && (d.source === undefined || d.source === 'unres') && overlaps(d.range, range));
  if (requested.length === 0) return [];

  // The dates written in the document as it is now, by range: a stale diagnostic finds none.
  const dates = new Map<string, CitationDate>();
  for (const citation of document.model.citations) {
    if (citation.date) dates.set(rangeKey(document.range(citation.date)), citation.date);
  }
  // By range, built once: a client that drops `data` on thousands of diagnostics must not make
  // each of them search all the others.
  let fresh: Map<string, Diagnostic[]> | undefined;

  // One action per (range, new date); a date shared by a run may carry a diagnostic per symbol.
  const actions = new Map<string, { date: CitationDate; range: Range; text: string; diagnostics: Diagnostic[]; choices: number }>();
  for (const diagnostic of requested) {
    if (token?.isCancellationRequested) return [];
    const date = dates.get(rangeKey(diagnostic.range));
    if (!date) continue;
    let data = readData(diagnostic.data);
    if (!data) {
      // A client that drops `data`: recompute the diagnostic for this range.
      fresh ??= dateDiagnosticsByRange(getCitationDiagnostics(document, kb, token));
      data = readData(fresh.get(rangeKey(diagnostic.range))?.find((d) => d.message === diagnostic.message)?.data);
    }
    if (!data || data.written !== date.iso) continue;
    for (const known of data.dates) {
      if (known.iso === date.iso) continue;
      const key = `${rangeKey(diagnostic.range)}|${known.iso}`;
      const action = actions.get(key);
      if (action) {
        if (!action.diagnostics.includes(diagnostic)) action.diagnostics.push(diagnostic);
        action.choices = Math.max(action.choices, data.dates.length);
      } else actions.set(key, { date, range: diagnostic.range, text: known.text || dateText(known.iso), diagnostics: [diagnostic], choices: data.dates.length });
    }
  }

  // Preferred only when it is the one fix for its date: one known date, and no other fix offered there.
  const perRange = new Map<string, number>();
  for (const action of actions.values()) perRange.set(rangeKey(action.range), (perRange.get(rangeKey(action.range)) ?? 0) + 1);
  const result: CodeAction[] = [];
  for (const action of actions.values()) {
    const newText = rewriteDate(document.model.text.slice(action.date.start, action.date.end), action.text);
    const edit: TextEdit = { range: document.range(action.date), newText };
    const codeAction: CodeAction = {
      title: `Change to ${action.text}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: action.diagnostics,
      edit: { changes: { [document.uri]: [edit] } },
    };
    if (action.choices === 1 && perRange.get(rangeKey(action.range)) === 1) codeAction.isPreferred = true;
    result.push(codeAction);
  }
  return result;
}

function dateDiagnosticsByRange(diagnostics: Diagnostic[]): Map<string, Diagnostic[]> {
  const byRange = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== CITATION_DATE) continue;
    const key = rangeKey(diagnostic.range);
    const list = byRange.get(key);
    if (list) list.push(diagnostic);
    else byRange.set(key, [diagnostic]);
  }
  return byRange;
}

/**
 * The new date in the shape of the old: "7 December \n\n1988" (a wrapped PDF line) becomes
 * "5 December \n\n1988", not one line. Anything else is replaced whole.
 */
function rewriteDate(written: string, replacement: string): string {
  const old = /^(\d{1,2})(\s+)(\p{L}+)(\s+)(\d{4})$/u.exec(written);
  const next = /^(\d{1,2}) (\p{L}+) (\d{4})$/u.exec(replacement);
  if (!old || !next) return replacement;
  return `${next[1]}${old[2]}${next[2]}${old[4]}${next[3]}`;
}

function readData(data: unknown): CitationDateData | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const candidate = data as Partial<CitationDateData>;
  if (typeof candidate.written !== 'string' || !Array.isArray(candidate.dates)) return undefined;
  const dates = candidate.dates.filter((d): d is { iso: string; text: string } => !!d && typeof d.iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.iso));
  if (dates.length === 0) return undefined;
  return { symbol: String(candidate.symbol ?? ''), written: candidate.written, dates: dates.map((d) => ({ iso: d.iso, text: typeof d.text === 'string' && /^\d{1,2} \p{L}+ \d{4}$/u.test(d.text) ? d.text : dateText(d.iso) })) };
}

