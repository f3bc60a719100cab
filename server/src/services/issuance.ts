// "Prepare for issuance": turns an agreed negotiation text into the text to issue, in one
// WorkspaceEdit. It refuses while brackets remain (listing each with its line and column);
// otherwise it removes the status notes and attributions, gives the inserted paragraphs ("2 bis",
// "OP5ter", "(a) bis") their final numbers and labels and moves every reference with its
// paragraph (the renumbering of the numbering checks, `issuanceNumberingEdits`), and drops the
// compilation names of preambular paragraphs ("PP3").
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import type { PrepareForIssuanceResult } from '../protocol';
import type { Paragraph, Span } from '../parser/model';
import { issuanceNumberingEdits } from './structure/numbering';

export const ISSUANCE_KIND = `${CodeActionKind.Source}.unres.prepareForIssuance`;
/** How many remaining brackets the refusal lists. */
const LISTED = 50;

export function prepareForIssuance(document: ParsedDocument, token?: CancellationToken): PrepareForIssuanceResult {
  const { negotiation, text } = document.model;
  const remaining = [
    ...negotiation.brackets.filter((b) => b.depth === 1).map((b) => ({ span: b as Span, kind: 'bracket' as const })),
    ...negotiation.unbalanced.map((u) => ({ span: u as Span, kind: u.mark === '[' ? ('unclosed' as const) : ('unopened' as const) })),
  ].sort((a, b) => a.span.start - b.span.start);
  if (remaining.length > 0) {
    const brackets = remaining.slice(0, LISTED).map(({ span, kind }) => {
      const range = document.range(span);
      return { range, kind, line: range.start.line + 1, column: range.start.character + 1 };
    });
    const places = brackets.slice(0, 5).map((b) => `line ${b.line}, column ${b.column}`).join('; ');
    const more = remaining.length > 5 ? `; and ${remaining.length - 5} more` : '';
    return { ok: false, message: `Not ready for issuance: ${remaining.length} bracket${remaining.length === 1 ? '' : 's'} remain (${places}${more}).`, brackets };
  }
  if (token?.isCancellationRequested) return { ok: false, message: 'Cancelled.', brackets: [] };
  const edits: TextEdit[] = [];
  const notes = negotiation.notes;
  for (let n = 0; n < notes.length; n++) {
    // A line of notes alone ("Agreed ad ref" under its paragraph) goes with its line break.
    const line = noteLine(text, notes, n);
    if (line) {
      edits.push({ range: document.range(line.span), newText: '' });
      n = line.last;
      continue;
    }
    const note = notes[n];
    // The note goes with the spaces before it: "…; (Agreed ad ref)" ends with "…;".
    let start = note.start;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    const lineStart = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
    let end = note.end;
    // A note alone at the start of a line takes the spaces after it instead.
    if (lineStart) while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    edits.push({ range: document.range({ start, end }), newText: '' });
  }
  for (const edit of issuanceNumberingEdits(document)) edits.push(edit);
  const changes = edits.length ? { [document.uri]: withoutOverlaps(document, edits) } : {};
  const count = notes.length;
  const removed = count ? `${count} note${count === 1 ? '' : 's'} and attribution${count === 1 ? '' : 's'} removed, ` : '';
  const message = edits.length ? `Prepared for issuance: ${removed}paragraphs numbered for issuance.` : 'Nothing to change: the text is ready for issuance.';
  return { ok: true, message, edit: { changes }, brackets: [] };
}

/** The "Prepare for issuance" action on the document: its edit, or disabled with the reason. */
export function getIssuanceCodeAction(document: ParsedDocument, token?: CancellationToken): CodeAction | undefined {
  const { negotiation } = document.model;
  const named = (p: Paragraph) => p.suffix !== undefined || p.compilationName !== undefined;
  const negotiated = negotiation.notes.length > 0 || negotiation.brackets.length > 0 || negotiation.unbalanced.length > 0;
  if (!negotiated && !document.model.preambular.some(named) && !document.model.operative.some(named)) return undefined;
  const result = prepareForIssuance(document, token);
  const action: CodeAction = { title: 'Prepare for issuance', kind: ISSUANCE_KIND };
  if (!result.ok) action.disabled = { reason: result.message };
  else if (result.edit) action.edit = result.edit;
  return action;
}

/**
 * The line of `notes[first]` when it holds nothing but notes, spaces and the separators between
 * them: the line with its line break, and the index of its last note.
 */
function noteLine(text: string, notes: readonly Span[], first: number): { span: Span; last: number } | undefined {
  let start = notes[first].start;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  if (text.slice(start, notes[first].start).trim() !== '') return undefined;
  let last = first;
  let at = notes[first].end;
  for (;;) {
    const gap = /^[ \t,;.–—-]*/.exec(text.slice(at, at + 20))![0];
    const next = notes[last + 1];
    if (next && next.start === at + gap.length) {
      last++;
      at = next.end;
      continue;
    }
    at += gap.length;
    break;
  }
  if (at < text.length && text[at] !== '\n' && text[at] !== '\r') return undefined;
  // The line break after it: a note line at the end of the text takes the one before it instead.
  if (at < text.length) at += text.startsWith('\r\n', at) ? 2 : 1;
  else if (start > 0) start -= text[start - 1] === '\n' && text[start - 2] === '\r' ? 2 : 1;
  return { span: { start, end: at }, last };
}

/** Edits in document order with any that overlaps one before it left out. */
function withoutOverlaps(document: ParsedDocument, edits: TextEdit[]): TextEdit[] {
  const offsets = edits.map((edit) => ({ edit, start: document.lines.offsetAt(edit.range.start), end: document.lines.offsetAt(edit.range.end) }));
  offsets.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let reached = -1;
  for (const { edit, start, end } of offsets) {
    if (start < reached) continue;
    kept.push(edit);
    reached = Math.max(reached, end);
  }
  return kept;
}
