// The marks of a draft under negotiation, read from the source of its paragraphs: square
// brackets around text not agreed yet (nested, holding alternatives "[Alt 1: …]" and proposals
// "[US: delete]"), status notes ("(Agreed ad ref)", "[Pending]") and attributions ("(EU)",
// "Facilitator's proposal"). One pass with an explicit stack: nesting depth never becomes call
// depth, and brackets that never close (or never opened) are recorded, not thrown over.
//
// Adopted texts use square brackets too: Markdown footnote markers ("[^1]") and links
// ("[A/78/1](https://…)") are not brackets; an editorial "[To be determined]" is one (the text
// still holds a placeholder), but balanced, so nothing warns about it.
import { appendAll } from '../arrays';
import type { Bracket, Negotiation, NegotiationNote, NegotiationNoteKind, Span } from './model';

/** The Latin ordinals of inserted paragraphs, in order: "2 bis" comes after 2, "2 ter" after "2 bis". */
export const SUFFIX_WORDS = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'] as const;
/** A suffix as a regular-expression alternative ("nonies" is written for "novies" too). */
export const SUFFIX_PATTERN = '(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)';

/** 1 for "bis", 2 for "ter" …: the order of inserted paragraphs after the same number. */
export function suffixRank(suffix: string): number {
  const word = suffix.toLowerCase() === 'nonies' ? 'novies' : suffix.toLowerCase();
  return SUFFIX_WORDS.indexOf(word as (typeof SUFFIX_WORDS)[number]) + 1;
}

const STATUS = String.raw`Agreed\s+ad\s+ref(?:erendum)?|AGREED\s+AD\s+REF|Agreed|AGREED|Pending|PENDING`;
const PROPOSAL = String.raw`(?:Co-)?(?:[Ff]acilitators?|[Cc]hair|[Pp]resident|[Bb]ureau)(?:['’]s|s['’])?\s+(?:proposal|text)`;
/** A proposer: a delegation or group ("US", "EU", "G77 and China", "Russian Federation"), a few capitalised words. */
const PROPOSER = String.raw`(?:[A-Z][\p{L}\d.'’&-]*|G77)(?:\s+(?:and|of|the|[A-Z][\p{L}\d.'’&-]*|\+|\/|,)){0,5}`;
/** "[Agreed ad ref]", "(Pending)", "(Facilitator's proposal)": a note in brackets or parentheses. */
const WRAPPED_NOTE = new RegExp(String.raw`[(\[]\s*(${STATUS}|${PROPOSAL})\s*[)\]]`, 'uy');
/** The delegations of an attribution in parentheses: "EU", "US, EU", "G77 and China", "Norway". */
const ATTRIBUTED = String.raw`(?:[A-Z]{2,6}|G77(?:\s+and\s+China)?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s*(?:,|\/|\+|and)\s*(?:[A-Z]{2,6}|G77(?:\s+and\s+China)?|[A-Z][a-z]+))*`;
/** "(EU)", "(US, EU)", "(G77 and China)": an attribution in parentheses, read only after a bracket or a final mark. */
const PAREN_ATTRIBUTION = new RegExp(String.raw`\(\s*(${ATTRIBUTED})\s*\)`, 'y');
/** What a delegation's bracketed proposal asks of a paragraph: "[US: delete]", "[G77 and China: retain]". */
const PROPOSED_ACTION = String.raw`(?:delete|retain|keep|reserve|reservation|oppose|support|add)`;
/** One mark of a line that holds nothing else: a status, a proposal, an attribution, a delegation's proposal. */
const LINE_MARK = String.raw`(?:[(\[]\s*(?:${STATUS}|${PROPOSAL})\s*[)\]]|${STATUS}|${PROPOSAL}|\(\s*${ATTRIBUTED}\s*\)|\[\s*${PROPOSER}\s*:\s*${PROPOSED_ACTION}[^[\]]{0,40}\])`;
/**
 * A line of a compilation text that holds only the marks of the negotiation ("Agreed ad ref",
 * "[Pending]", "(Facilitator's proposal)", "(EU) [US: delete]"): it annotates the paragraph above
 * it, as compilation texts set a paragraph's status under it.
 */
const NOTE_LINE = new RegExp(String.raw`^${LINE_MARK}(?:[\s,;–—-]*${LINE_MARK}){0,5}[\s.]*$`, 'u');
/** A status, a proposal or a delegation's bracketed proposal: a line of attributions alone may be a title's "(Bangkok Treaty)". */
const STATUS_OR_PROPOSAL = new RegExp(String.raw`${STATUS}|${PROPOSAL}|\[\s*${PROPOSER}\s*:`, 'u');
/** A status or a proposal written bare on a note line, or an attribution opening it. */
const BARE_NOTE = new RegExp(String.raw`(${STATUS}|${PROPOSAL})|\(\s*(${ATTRIBUTED})\s*\)`, 'gu');

/**
 * Whether a line's text (markup left out) is a note line (see NOTE_LINE): 'status' when it holds
 * a status or a proposal, 'attribution' when it holds only attributions in parentheses ("(EU)"),
 * which the caller takes for a note only under the end of a paragraph or a proposal (a line
 * ending with a final mark, "]" or ")"), since a title's "(Bangkok Treaty)" looks the same.
 */
export function noteLineKind(plain: string): 'status' | 'attribution' | undefined {
  if (plain.length > 200 || !NOTE_LINE.test(plain)) return undefined;
  return STATUS_OR_PROPOSAL.test(plain) ? 'status' : 'attribution';
}
/** A status after the final mark of a paragraph: "…; Agreed ad ref". */
const TRAILING_STATUS = new RegExp(String.raw`(?<=[;,.:\])])[ \t]*(${STATUS}|${PROPOSAL})[ \t]*$`, 'u');
/** The head of a bracket: an alternative, or who proposed what it holds. */
const ALTERNATIVE_HEAD = /\s*(Alt(?:ernative)?(?:\s*\d{1,2})?)\s*:/y;
const PROPOSER_HEAD = new RegExp(String.raw`\s*(${PROPOSER})\s*:`, 'uy');
/** A Markdown footnote marker or link: not a bracket. */
const MARKDOWN_BRACKETS = /\[\^[^\]\s]{1,12}\]|!?\[[^[\]\n]{0,300}\]\([^()\s]{0,500}\)/y;
/** What the reader stops at: a bracket, a parenthesis, or the "!" of a Markdown image. */
const MARK = /[[\]()!]/g;
const ALT_WORD = /\bAlt(?:ernative)?(?:\s*\d{1,2})?\s*:/g;

/**
 * Reads the negotiation marks in `regions` of `text` (the paragraphs, in order) leaving out
 * `excluded` spans inside them (footnote bodies, page furniture, tables), sorted by start.
 * `ends`: where each block's own text ends, for status notes written after its final mark;
 * `noteLines`: the note lines (see `isNoteLine`), sorted, whose bare statuses are notes too.
 */
export function readNegotiation(text: string, regions: Span[], excluded: Span[], ends: number[], noteLines: Span[] = []): Negotiation {
  const brackets: Bracket[] = [];
  const unbalanced: Negotiation['unbalanced'] = [];
  const notes: NegotiationNote[] = [];
  const open: number[] = [];
  let skip = 0;
  // The first mark at or after where the last search started: a region without one must not
  // send the next region's search over the same stretch of text again.
  let searchedFrom = -1;
  let nextMark = -1;
  for (const region of regions) {
    let i = region.start;
    while (i < region.end) {
      while (skip < excluded.length && excluded[skip].end <= i) skip++;
      if (skip < excluded.length && excluded[skip].start <= i) {
        i = excluded[skip].end;
        continue;
      }
      // Straight to the next bracket, parenthesis or "!": most of a text has none.
      if (i < searchedFrom || i > nextMark) {
        searchedFrom = i;
        MARK.lastIndex = i;
        nextMark = MARK.exec(text)?.index ?? text.length;
      }
      const next = nextMark;
      if (next >= region.end) break;
      if (skip < excluded.length && excluded[skip].start < next) {
        i = excluded[skip].start;
        continue;
      }
      i = next;
      const c = text.charCodeAt(i);
      if (c === 0x5b /* [ */ || c === 0x28 /* ( */ || c === 0x21 /* ! */) {
        const note = noteAt(text, i, region.end);
        if (note) {
          notes.push(note);
          i = note.end;
          continue;
        }
        if (c !== 0x28) {
          MARKDOWN_BRACKETS.lastIndex = i;
          const markdown = MARKDOWN_BRACKETS.exec(text);
          if (markdown && i + markdown[0].length <= region.end) {
            i += markdown[0].length;
            continue;
          }
        }
        if (c === 0x5b) open.push(i);
      } else if (c === 0x5d /* ] */) {
        const start = open.pop();
        if (start === undefined) unbalanced.push({ start: i, end: i + 1, mark: ']' });
        else brackets.push(bracket(text, start, i + 1, open.length + 1));
      }
      i++;
    }
  }
  for (const start of open) unbalanced.push({ start, end: start + 1, mark: '[' });
  brackets.sort((a, b) => a.start - b.start);
  for (const end of ends) {
    const from = Math.max(0, end - 60);
    const match = TRAILING_STATUS.exec(text.slice(from, end));
    if (!match) continue;
    const start = from + match.index + match[0].indexOf(match[1]);
    if (notes.some((n) => n.start <= start && start < n.end)) continue;
    notes.push({ start, end: start + match[1].length, kind: noteKind(match[1]), text: match[1] });
  }
  notes.sort((a, b) => a.start - b.start);
  const bare = bareNotes(text, noteLines, notes);
  if (bare.length > 0) {
    appendAll(notes, bare);
    notes.sort((a, b) => a.start - b.start);
  }
  return { brackets, unbalanced: unbalanced.sort((a, b) => a.start - b.start), notes, strayAlternatives: strayAlternatives(text, regions, brackets) };
}

/** The statuses, proposals and attributions of note lines that no note read so far covers ("Agreed ad ref" bare). */
function bareNotes(text: string, lines: Span[], notes: NegotiationNote[]): NegotiationNote[] {
  const found: NegotiationNote[] = [];
  // Notes and lines are both sorted: one pointer walks the notes with the lines.
  let n = 0;
  for (const { match, at: start } of matchesIn(text, lines, BARE_NOTE)) {
    const end = start + match[0].length;
    while (n < notes.length && notes[n].end <= start) n++;
    if (n < notes.length && notes[n].start < end) continue;
    if (match[1] !== undefined) found.push({ start, end, kind: noteKind(match[1]), text: match[1] });
    else found.push({ start, end, kind: 'attribution', text: match[2] });
  }
  return found;
}

/** Every match of a global `pattern` in the spans of `text`, in order, with its offset in `text`. */
function* matchesIn(text: string, spans: Span[], pattern: RegExp): Generator<{ match: RegExpExecArray; at: number }> {
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) yield { match, at: span.start + match.index };
  }
}

function bracket(text: string, start: number, end: number, depth: number): Bracket {
  const found: Bracket = { start, end, depth };
  const alternative = headOf(ALTERNATIVE_HEAD, text, start, end);
  if (alternative) found.alternative = alternative;
  else {
    const proposer = headOf(PROPOSER_HEAD, text, start, end);
    if (proposer) found.proposer = proposer;
  }
  return found;
}

/** What a sticky head pattern ("Alt 1:", "US:") names right inside the bracket at `start`, its first group. */
function headOf(pattern: RegExp, text: string, start: number, end: number): (Span & { text: string }) | undefined {
  pattern.lastIndex = start + 1;
  const head = pattern.exec(text);
  if (!head || head.index + head[0].length >= end) return undefined;
  const at = start + 1 + head[0].indexOf(head[1]);
  return { start: at, end: at + head[1].length, text: head[1] };
}

/** A status note or an attribution opening at `i` (on "[" or "("), if one does. */
function noteAt(text: string, i: number, limit: number): NegotiationNote | undefined {
  WRAPPED_NOTE.lastIndex = i;
  const wrapped = WRAPPED_NOTE.exec(text);
  if (wrapped && i + wrapped[0].length <= limit) return { start: i, end: i + wrapped[0].length, kind: noteKind(wrapped[1]), text: wrapped[1] };
  if (text.charCodeAt(i) !== 0x28) return undefined;
  // "(EU)" names a proposer only where a proposal ends: after a bracket or a final mark, …;
  // "Trade and Development (UNCTAD)" defines an acronym.
  let before = i - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  PAREN_ATTRIBUTION.lastIndex = i;
  const attribution = PAREN_ATTRIBUTION.exec(text);
  if (!attribution || i + attribution[0].length > limit) return undefined;
  // … or where a bracketed proposal closes: "[Alt: enhance (EU)]".
  const after = /^\s*\]/.test(text.slice(i + attribution[0].length, i + attribution[0].length + 4));
  if (!after && (before < 0 || !/[\];,.:]/.test(text[before]))) return undefined;
  return { start: i, end: i + attribution[0].length, kind: 'attribution', text: attribution[1] };
}

function noteKind(text: string): NegotiationNoteKind {
  const lower = text.toLowerCase();
  if (lower.startsWith('agreed')) return /ad\s+ref/.test(lower) ? 'agreedAdRef' : 'agreed';
  if (lower === 'pending') return 'pending';
  return 'attribution';
}

/** "Alt:" or "Alt 1:" that no bracket holds. */
function strayAlternatives(text: string, regions: Span[], brackets: Bracket[]): Span[] {
  const stray: Span[] = [];
  // Outermost brackets are sorted and never overlap: one pointer walks them with the matches.
  const outer = brackets.filter((b) => b.depth === 1);
  let b = 0;
  for (const { match, at } of matchesIn(text, regions, ALT_WORD)) {
    while (b < outer.length && outer[b].end <= at) b++;
    if (b < outer.length && outer[b].start < at) continue;
    stray.push({ start: at, end: at + match[0].replace(/\s*:$/, '').length });
  }
  return stray;
}

/** An empty reading, for a model the parser could not finish. */
export function noNegotiation(): Negotiation {
  return { brackets: [], unbalanced: [], notes: [], strayAlternatives: [] };
}

/** A note or a bare proposal at the end of a paragraph's clean text: "(Agreed ad ref)", "(EU)", "[US: delete]". */
const TRAILING_MARK = new RegExp(
  String.raw`(?:[(\[]\s*(?:${STATUS}|${PROPOSAL})\s*[)\]]|\(\s*(?:[A-Z]{2,6}|G77(?:\s+and\s+China)?)(?:\s*(?:,|\/|\+|and)\s*(?:[A-Z]{2,6}|G77(?:\s+and\s+China)?))*\s*\)|\[\s*${PROPOSER}\s*:\s*${PROPOSED_ACTION}[^[\]]{0,40}\]|${STATUS}|${PROPOSAL}|\])\s*$`,
  'u',
);

/**
 * Where a paragraph's own words end once the marks of the negotiation after them are left out:
 * closing brackets, status notes, attributions. "… the group;] (EU)" ends after the ";", which
 * is the mark the paragraph will carry once agreed. At most `limit` marks are left out.
 */
export function endBeforeNegotiationMarks(text: string, limit = 8): number {
  let end = text.length;
  for (let n = 0; n < limit; n++) {
    const match = TRAILING_MARK.exec(text.slice(Math.max(0, end - 120), end));
    if (!match || match[0].length === 0) break;
    end -= match[0].length;
  }
  return end;
}
