// Hover on a bracket of a draft under negotiation: the options that stand side by side (the
// bracketed text and its alternatives, "[strengthen] [Alt: enhance (EU)]"), each with who
// proposed it ("[US: delete]", "(EU)") and the status notes of the paragraph. The draft's text
// is escaped Markdown.
import { Hover, MarkupKind, type Position } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import type { Bracket, NegotiationNote } from '../parser/model';
import { queryOf } from '../parser/query';
import { escapeMarkdown, shorten } from '../text';

const OPTION_CHARS = 300;
/** An attribution that names its proposal itself: "Facilitator's proposal", "Chair's text". */
const PROPOSAL_NAME = /\b(?:proposal|text)$/i;
/** How many brackets side by side a hover lists. */
const OPTIONS_SHOWN = 12;

export function getNegotiationHover(document: ParsedDocument, position: Position, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  const { model } = document;
  const offset = document.lines.offsetAt(position);
  const query = queryOf(model);
  const holding = query.bracketsAt(offset);
  const bracket = holding[holding.length - 1];
  if (!bracket) return null;
  const group = sideBySide(model.text, model.negotiation.brackets, model.negotiation.notes, bracket);
  const lines: string[] = [group.length > 1 ? `**Bracketed text: ${group.length} options**` : '**Bracketed text**', ''];
  group.slice(0, OPTIONS_SHOWN).forEach((option, i) => {
    const name = option.alternative ? escapeMarkdown(option.alternative.text) : i === 0 ? 'Text' : `Option ${i + 1}`;
    const proposers = proposersOf(option, model.negotiation.notes);
    // "Facilitator's proposal" says who proposed it; a delegation is "proposed by EU".
    const delegations = proposers.filter((p) => !PROPOSAL_NAME.test(p));
    const named = [...proposers.filter((p) => PROPOSAL_NAME.test(p)), ...(delegations.length ? [`proposed by ${delegations.join(', ')}`] : [])];
    const by = named.length ? ` — ${named.map(escapeMarkdown).join('; ')}` : '';
    const here = option === bracket ? ' (here)' : '';
    lines.push(`${i + 1}. ${name}${by}${here}: ${escapeMarkdown(shorten(contentOf(model.text, option), OPTION_CHARS)) || '*(nothing)*'}`);
  });
  if (group.length > OPTIONS_SHOWN) lines.push('', `… and ${group.length - OPTIONS_SHOWN} more`);
  const paragraph = query.paragraphAt(offset);
  const notes = paragraph ? query.notesIn(paragraph).filter((n) => n.kind !== 'attribution') : [];
  if (notes.length) lines.push('', `Status: ${notes.map((n) => escapeMarkdown(n.text)).join(', ')}`);
  if (holding.length > 1) lines.push('', `Nested ${holding.length} brackets deep.`);
  const span = { start: group[0].start, end: group[group.length - 1].end };
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: document.range(span) };
}

/**
 * The brackets at the depth of `bracket` that stand next to it with nothing but spaces and notes
 * between them: the options of one place in the text. Looks only at the brackets around it.
 */
function sideBySide(text: string, brackets: Bracket[], notes: NegotiationNote[], bracket: Bracket): Bracket[] {
  const at = brackets.indexOf(bracket);
  const joined = (left: Bracket, right: Bracket) => onlyNotesBetween(text, notes, left.end, right.start);
  const before: Bracket[] = [];
  let current = bracket;
  for (let j = at - 1; j >= 0; j--) {
    const other = brackets[j];
    if (other.depth > bracket.depth) continue;
    if (other.depth < bracket.depth || !joined(other, current)) break;
    before.push(other);
    current = other;
  }
  const after: Bracket[] = [];
  current = bracket;
  for (let j = at + 1; j < brackets.length; j++) {
    const other = brackets[j];
    if (other.depth > bracket.depth) continue;
    if (other.depth < bracket.depth || !joined(current, other)) break;
    after.push(other);
    current = other;
  }
  return [...before.reverse(), bracket, ...after];
}

/** Whether only white space and negotiation notes stand between two offsets. */
function onlyNotesBetween(text: string, notes: NegotiationNote[], from: number, to: number): boolean {
  if (to < from || to - from > 200) return false;
  let at = from;
  for (const note of notes) {
    if (note.end <= from || note.start >= to) continue;
    if (text.slice(at, note.start).trim() !== '') return false;
    at = note.end;
  }
  return text.slice(at, to).trim() === '';
}

/** Who proposed an option: the head of the bracket ("US: delete"), and attributions inside it or right after it. */
function proposersOf(bracket: Bracket, notes: NegotiationNote[]): string[] {
  const names: string[] = [];
  if (bracket.proposer) names.push(bracket.proposer.text);
  for (const note of notes) {
    if (note.kind !== 'attribution') continue;
    if (note.start > bracket.start && note.end <= bracket.end + 40 && (note.end <= bracket.end || note.start - bracket.end <= 2)) names.push(note.text);
  }
  return names;
}

/** What a bracket holds, without its head ("Alt 1:", "US:") and its brackets. */
function contentOf(text: string, bracket: Bracket): string {
  const head = bracket.alternative ?? bracket.proposer;
  let start = bracket.start + 1;
  if (head) {
    start = head.end;
    while (start < bracket.end && /[\s:]/.test(text[start])) start++;
  }
  return text.slice(start, bracket.end - 1).replace(/\s+/g, ' ').trim();
}
