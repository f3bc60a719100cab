// The header: symbol, distribution, date, session, committee, agenda item, sponsors, title.
// Converted texts merge header lines ("Seventy-fourth session First Committee Agenda item 93 …")
// and PDF text wraps them, so fields are found by pattern inside blocks of lines.
import { appendAll } from '../arrays';
import { toSourceSpan } from './cleanText';
import { buildCleanText, InlineContext, scanInline, Segment } from './inline';
import type { ClassifiedLine } from './lineKinds';
import type { CleanText, FootnoteMarker, Header, HeaderField, HeaderFieldKind, Span } from './model';
import { MONTHS, parseOrdinalWord } from './vocabulary';

interface HeaderBlock {
  lines: ClassifiedLine[];
  heading: boolean;
  clean: CleanText;
  consumed: boolean;
}

const DATE = new RegExp(`\\b\\d{1,2} (?:${MONTHS.join('|')}) \\d{4}\\b`);
const DISTRIBUTION = /\bDistr\.?:\s*(General|Limited|Restricted)\b/i;
const ORIGINAL = /\bOriginal:\s*([A-Z][a-z]+(?:(?:,| and) [A-Z][a-z]+)*)/;
const LANGUAGE_ONLY = /^(?:English|French|Spanish|Russian|Arabic|Chinese)$/;
const SESSION = /\b((?:[A-Z][a-z]+(?:-[a-z]+)?\s+)?(?:(?:emergency\s+)?special\s+)?session)\b/i;
const COMMITTEE = /\b((?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Special Political and Decolonization Committee)\b/;
const AGENDA = /\bAgenda items?\s+(\d+(?:\s*\([a-z]\))?(?:(?:,|\s+and)\s+\d+(?:\s*\([a-z]\))?)*)/i;
const ADOPTION = /^Resolution adopted by the ([A-Z][\w ]+?) on (\d{1,2} [A-Z][a-z]+ \d{4})/;
const REPORT = /^\[?on the report of the ([^[\]()]+?)\s*\(([^()]*)\)\]?$/i;
const SPONSORS = /:\s*((?:a\s+)?(?:revised\s+)?draft\s+(?:resolutions?|decisions?)(?:\s+[IVX]+)?)\s*$/i;
const SYMBOL_TITLE = /^((?:ES-\d{1,2}|S-\d{1,2}|\d{1,3})\/\d{1,4}(?:\s?[A-Z])?)\.\s+(\S.*)$/;
const ORGANIZATION = /^(?:United Nations\s+)?(General Assembly|Security Council|Economic and Social Council|Human Rights Council)\b/;

/** Reads the header; footnote markers found in it ("Agenda item 93¹") are added to `markers`. */
export function parseHeader(source: string, lines: ClassifiedLine[], context: InlineContext, markers: FootnoteMarker[] = []): Header | undefined {
  const found: FootnoteMarker[] = [];
  const blocks = groupBlocks(source, lines, context, found);
  if (blocks.length === 0) return undefined;
  const fields: HeaderField[] = [];
  const field = (kind: HeaderFieldKind, block: HeaderBlock, from: number, to: number) => {
    let start = from;
    let end = to;
    const text = block.clean.text;
    while (start < end && /[\s[]/.test(text.charAt(start))) start++;
    while (end > start && /[\s*\]]/.test(text.charAt(end - 1))) end--;
    if (end <= start) return;
    fields.push({ kind, value: text.slice(start, end), ...toSourceSpan(block.clean, start, end) });
    block.consumed = true;
  };

  mergeSponsorBlocks(source, blocks, context, found);
  // Merged blocks scan their lines again: keep each marker once.
  const seen = new Set<number>();
  for (const marker of markers) seen.add(marker.start);
  for (const marker of found) {
    if (seen.has(marker.start)) continue;
    seen.add(marker.start);
    markers.push(marker);
  }

  let symbolFromTitle: { value: string; span: Span } | undefined;
  let agendaBlock = -1;
  let dateTaken = false;
  blocks.forEach((block, index) => {
    const text = block.clean.text;
    const symbolLine = block.lines.length === 1 ? block.lines[0].symbolOnly : undefined;
    if (symbolLine) {
      const at = text.indexOf(symbolLine);
      field('symbol', block, at, at + symbolLine.length);
      return;
    }
    let match: RegExpExecArray | null;
    if ((match = ADOPTION.exec(text))) {
      field('adoption', block, 0, match[0].length);
      return;
    }
    if (REPORT.test(text)) {
      field('report', block, 0, text.length);
      return;
    }
    if ((match = SPONSORS.exec(text))) {
      field('sponsors', block, 0, match.index);
      field('documentType', block, match.index + match[0].indexOf(match[1]), match.index + match[0].indexOf(match[1]) + match[1].length);
      return;
    }
    if ((match = SYMBOL_TITLE.exec(text))) {
      const titleStart = match[0].length - match[2].length;
      symbolFromTitle = { value: match[1], span: toSourceSpan(block.clean, 0, match[1].length) };
      field('title', block, titleStart, text.length);
      return;
    }
    if (LANGUAGE_ONLY.test(text)) {
      field('language', block, 0, text.length);
      return;
    }
    if ((match = ORGANIZATION.exec(text))) field('organization', block, match.index, match.index + match[0].length);
    if ((match = DISTRIBUTION.exec(text))) field('distribution', block, match.index, match.index + match[0].length);
    if (!dateTaken && (match = DATE.exec(text))) {
      field('date', block, match.index, match.index + match[0].length);
      dateTaken = true;
    }
    if ((match = ORIGINAL.exec(text))) field('language', block, match.index, match.index + match[0].length);
    const session = SESSION.exec(text);
    if (session && /^[A-Z]/.test(session[1])) field('session', block, session.index, session.index + session[1].length);
    if ((match = COMMITTEE.exec(text))) field('committee', block, match.index, match.index + match[1].length);
    if ((match = AGENDA.exec(text))) {
      field('agendaItem', block, match.index, match.index + match[0].length);
      agendaBlock = index;
      const rest = match.index + match[0].length;
      if (text.slice(rest).trim().length > 0) field('agendaTitle', block, rest, text.length);
    }
  });

  // The title is the last free block; the agenda item's title, when not on its own line, is the
  // free block right after the agenda item.
  const free = blocks.map((block, index) => ({ block, index })).filter(({ block }) => !block.consumed);
  const hasTitle = fields.some((f) => f.kind === 'title');
  if (!hasTitle && free.length > 0) {
    const last = free.pop()!;
    field('title', last.block, 0, last.block.clean.text.length);
  }
  const hasAgendaTitle = fields.some((f) => f.kind === 'agendaTitle');
  if (!hasAgendaTitle && agendaBlock >= 0) {
    const next = free.find(({ index }) => index > agendaBlock);
    // A block holds a field exactly when `field` consumed it.
    if (next && blocks.slice(agendaBlock + 1, next.index).every((b) => !b.consumed)) {
      field('agendaTitle', next.block, 0, next.block.clean.text.length);
    }
  }
  if (symbolFromTitle && !fields.some((f) => f.kind === 'symbol')) {
    fields.push({ kind: 'symbol', value: `A/RES/${symbolFromTitle.value}`, ...symbolFromTitle.span });
  }
  fields.sort((a, b) => a.start - b.start);

  const first = blocks[0].lines[0];
  const lastBlock = blocks[blocks.length - 1];
  const header: Header = { start: first.contentStart, end: lastBlock.lines[lastBlock.lines.length - 1].contentEnd, fields };
  const session = fields.find((f) => f.kind === 'session');
  if (session) {
    const ordinal = parseOrdinalWord(session.value.split(/\s+/)[0]);
    if (ordinal !== undefined) header.session = ordinal;
  }
  return header;
}

function groupBlocks(source: string, lines: ClassifiedLine[], context: InlineContext, markers: FootnoteMarker[]): HeaderBlock[] {
  const groups: { lines: ClassifiedLine[]; heading: boolean }[] = [];
  let current: { lines: ClassifiedLine[]; heading: boolean } | undefined;
  let gap = true;
  for (const line of lines) {
    if (line.kind === 'blank' || line.kind === 'furniture') {
      gap = true;
      continue;
    }
    const heading = line.headingLevel > 0;
    const text = source.slice(line.contentStart, line.contentEnd);
    const previous = current?.lines[current.lines.length - 1];
    const continues =
      current !== undefined &&
      !current.heading &&
      !heading &&
      !line.symbolOnly &&
      !previous?.symbolOnly &&
      (!gap || (/^[\p{Ll}(]/u.test(text) && !/[.;:]\**$/.test(source.slice(previous!.contentStart, previous!.contentEnd))));
    if (continues) current!.lines.push(line);
    else {
      current = { lines: [line], heading };
      groups.push(current);
    }
    gap = false;
  }
  return groups.map((group) => ({ ...group, clean: cleanOf(source, group.lines, context, markers), consumed: false }));
}

function cleanOf(source: string, lines: ClassifiedLine[], context: InlineContext, markers: FootnoteMarker[]): CleanText {
  const segments: Segment[] = lines.map((line) => {
    const scan = scanInline(source, line.contentStart, line.contentEnd, context);
    appendAll(markers, scan.markers);
    return { start: line.contentStart, end: line.contentEnd, skips: scan.skips };
  });
  return buildCleanText(source, segments);
}

/** PDF text wraps a sponsor list over many lines; join the lines that lead to ": draft resolution". */
function mergeSponsorBlocks(source: string, blocks: HeaderBlock[], context: InlineContext, markers: FootnoteMarker[]): void {
  const end = blocks.findIndex((block) => SPONSORS.test(block.clean.text));
  if (end <= 0) return;
  let start = end;
  while (start > 0) {
    const before = blocks[start - 1];
    const text = before.clean.text;
    const looksLikeList = /,\s*$/.test(text) || (/,/.test(text) && !/[.;:]$/.test(text)) || /\band$/.test(text);
    const isField = DISTRIBUTION.test(text) || AGENDA.test(text) || COMMITTEE.test(text) || DATE.test(text) || before.heading || before.lines.some((l) => l.symbolOnly);
    if (!looksLikeList || isField) break;
    start--;
  }
  if (start === end) return;
  const lines = blocks.slice(start, end + 1).flatMap((block) => block.lines);
  blocks.splice(start, end - start + 1, { lines, heading: false, clean: cleanOf(source, lines, context, markers), consumed: false });
}
