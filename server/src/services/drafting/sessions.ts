// What the General Assembly's calendar says of a citation, without any corpus:
//   unres.citationSession  a resolution or decision dated outside the session its symbol names
//                          ("resolution 73/266 of 22 December 2017": the 73rd session opened in
//                          September 2018)
//   unres.symbolEra        a symbol in the form of another era ("resolution 25/2625": the 25th
//                          session wrote 2625 (XXV); "resolution 45 (XL)": the 40th wrote 40/45)
//
// Only citations certainly of the Assembly's own resolutions are judged: other bodies number
// their resolutions by session too (the Human Rights Council's 52/13 of 2023, the Environment
// Assembly's 5/14, the Commission for Asia and the Pacific's 79/8 of May 2023), and an adopted
// text cites them by the hundred, often naming the body paragraphs before ("Taking note of
// resolution 5/12"). A citation is the Assembly's when it is written A/RES/… or A/DEC/…, when
// "General Assembly" stands right before its keyword, when the keyword follows "its" right after
// the paragraph's opening phrase ("Recalling also its resolutions", "Recalls, in particular, its
// resolution"), when it is an emergency special session's (ES-10/…, the Assembly's alone), or
// when it follows such a citation in a list (", ", " and ", ", as well as its decision"). Not a footnote that opens with
// "Resolution": "Resolution 10/1, entitled …" may be a conference's.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { sessionMonths, withinSession } from '../../corpus/symbols';
import type { CancellationToken, ParsedDocument } from '../../parsedDocument';
import { toCleanOffset } from '../../parser/cleanText';
import type { Citation, CleanText, Paragraph } from '../../parser/model';
import { queryOf } from '../../parser/query';
import { dateText, ordinal } from '../citationDiagnostics';
import type { DraftingFinding } from './finding';

export const CITATION_SESSION = 'unres.citationSession';
export const SYMBOL_ERA = 'unres.symbolEra';

export function checkSessions(document: ParsedDocument, out: DraftingFinding[], token?: CancellationToken): void {
  const own = assemblyCitations(document, token);
  for (const citation of own) {
    const era = eraProblem(citation);
    if (era) {
      out.push({ span: { start: citation.start, end: citation.end }, severity: DiagnosticSeverity.Warning, code: SYMBOL_ERA, message: era });
      continue;
    }
    const date = citation.date;
    if (!date || date.shared) continue;
    const window = sessionWindow(citation.symbol);
    if (!window) continue;
    if (withinSession(window, date.iso)) continue;
    const span = window.to === undefined ? `opened in ${monthText(window.from)}` : `ran from ${monthText(window.from)} to ${monthText(window.to)}${window.widened ? ' at the widest' : ''}`;
    out.push({
      span: { start: date.start, end: date.end },
      severity: DiagnosticSeverity.Information,
      code: CITATION_SESSION,
      message: `${name(citation)} is of the ${window.session}, which ${span}: it cannot be dated ${date.text}; check the date or the session before the slash.`,
    });
  }
}

// ---- which citations are the Assembly's ------------------------------------------------------

const KEYWORD_BEFORE = /(?<![\p{L}\d])([Rr]esolutions?|[Dd]ecisions?) $/u;
const LIST_SEPARATOR = /^(?:,\s*|,?\s+(?:and|as well as)\s+)$/;
// "its" is needed: "…, as well as resolutions 10/6 … of the Conference of the Parties to …" names
// the body after the list.
const LIST_THEN_ITS = /^(?:,\s*|,?\s+(?:and|as well as)\s+)its $/;
// What may stand between the opening phrase and "its": anything more ("Takes note, in this regard,
// that through its resolution 54/18", of the Human Rights Council) may give "its" another body.
const THEN_ITS = /^(?:,?\s+(?:also|further|again|once again|in particular|in this regard|in this context))*,?\s+its $/;

/** The Assembly's own resolutions and decisions among the citations outside the header, in order. */
export function assemblyCitations(document: ParsedDocument, token?: CancellationToken): Citation[] {
  const { model } = document;
  const query = queryOf(model);
  const own: Citation[] = [];
  // The citations of each block (paragraph, sub-paragraph, footnote), in the order of the text.
  const byBlock = new Map<CleanText, { citations: Citation[]; paragraph?: Paragraph }>();
  for (let i = 0; i < model.citations.length; i++) {
    if ((i & 63) === 0 && token?.isCancellationRequested) return [];
    const citation = model.citations[i];
    if (citation.container === 'header' || citation.kind === 'document' || citation.organ) continue;
    const container = query.containerAt(citation.start);
    if (!container || container.kind === 'header') continue;
    const clean = container.kind === 'footnote' ? container.footnote.content : container.block.content;
    let entry = byBlock.get(clean);
    if (!entry) {
      const paragraph = container.kind === 'block' && container.block === container.paragraph ? container.paragraph : undefined;
      byBlock.set(clean, (entry = { citations: [], paragraph }));
    }
    entry.citations.push(citation);
  }
  for (const [clean, { citations, paragraph }] of byBlock) {
    const text = clean.text;
    const openingText = paragraph?.opening?.text;
    let previous: { end: number; own: boolean } | undefined;
    for (const citation of citations) {
      const start = toCleanOffset(clean, citation.start, 'start');
      const sourceEnd = Math.max(citation.end, citation.date && !citation.date.shared ? citation.date.end : 0, citation.title?.end ?? 0);
      const end = Math.max(start, toCleanOffset(clean, sourceEnd, 'end'));
      let isOwn = false;
      const keyword = KEYWORD_BEFORE.exec(text.slice(Math.max(0, start - 13), start));
      if (/^A\/(?:RES|DEC)\//.test(model.text.slice(citation.start, citation.start + 6)) || citation.symbol.startsWith('ES-')) isOwn = true;
      else if (keyword) {
        const lead = text.slice(0, start - keyword[0].length);
        isOwn =
          /(?<![\p{L}])General Assembly $/u.test(lead) ||
          // "…, 73/266 of 22 December 2018, as well as its decision 72/512": the list goes on.
          (previous !== undefined && previous.own && lead.length > previous.end && LIST_THEN_ITS.test(lead.slice(previous.end))) ||
          (openingText !== undefined && keyword[1].charCodeAt(0) >= 97 && text.startsWith(openingText) && THEN_ITS.test(lead.slice(openingText.length)));
      } else if (previous && start > previous.end && start - previous.end <= 14 && LIST_SEPARATOR.test(text.slice(previous.end, start))) isOwn = previous.own;
      if (isOwn) own.push(citation);
      previous = { end, own: isOwn };
    }
  }
  return own.sort((a, b) => a.start - b.start);
}

// ---- the sessions and their forms --------------------------------------------------------------

/** The months a session's resolutions may be dated in (see `sessionMonths`), and the session's name. */
export function sessionWindow(symbol: string): { session: string; from: string; to?: string; widened: boolean } | undefined {
  const months = sessionMonths(symbol);
  if (!months) return undefined;
  const session = months.emergency ? `${months.session === 10 ? 'tenth' : 'eleventh'} emergency special session` : `${ordinal(months.session)} session`;
  return { session, from: months.from, to: months.to, widened: months.widened };
}

/**
 * Why a symbol cannot be of its era, if it cannot. Up to the thirtieth session (1975) the
 * Assembly numbered its resolutions straight through, 1 to 3541, with the session in Roman
 * numerals after them (2625 (XXV)); from the thirty-first, session/number (31/16). Special
 * sessions wrote 3201 (S-VI) up to the seventh and S-8/2 from the eighth; emergency special
 * sessions 1000 (ES-I) up to the fifth and ES-6/2 from the sixth. Decisions are left alone.
 */
export function eraProblem(citation: Citation): string | undefined {
  if (citation.kind !== 'resolution') return undefined;
  const symbol = citation.symbol;
  let match = /^(\d{1,3})\/(\d{1,4})(?: ([A-Z]))?$/.exec(symbol);
  if (match) {
    const n = Number(match[1]);
    if (n === 0 || n > 30) return undefined;
    return `Resolution ${symbol} names the ${ordinal(n)} session in the form session/number, which began with the 31st (1976): resolutions of the ${ordinal(n)} session are written number (${roman(n)}), as 2625 (XXV).`;
  }
  match = /^(\d{1,4})(?: [A-Z])? \(((ES-|S-)?([IVXL]+|\d))\)$/.exec(symbol);
  if (!match) {
    match = /^(ES-|S-)(\d{1,2})\/\d{1,4}$/.exec(symbol);
    if (!match) return undefined;
    const n = Number(match[2]);
    const emergency = match[1] === 'ES-';
    if (n > (emergency ? 5 : 7)) return undefined;
    const kind = emergency ? 'emergency special' : 'special';
    return `Resolution ${symbol} names the ${ordinal(n)} ${kind} session in the form ${match[1]}session/number, which began with the ${emergency ? '6th (1980)' : '8th (1978)'}: resolutions of the ${ordinal(n)} ${kind} session are written number (${match[1]}${roman(n)}).`;
  }
  const number = Number(match[1]);
  const prefix = match[3] ?? '';
  const n = /^\d$/.test(match[4]) ? Number(match[4]) : romanValue(match[4]);
  if (n === undefined || n === 0) return undefined;
  const last = prefix === 'ES-' ? 5 : prefix === 'S-' ? 7 : 30;
  if (n > last) {
    const kind = prefix === 'ES-' ? 'emergency special session' : prefix === 'S-' ? 'special session' : 'session';
    const began = prefix === 'ES-' ? '6th (1980)' : prefix === 'S-' ? '8th (1978)' : '31st (1976)';
    return `Resolution ${symbol} writes the ${ordinal(n)} ${kind} in Roman numerals, the form that ended with the ${ordinal(last)}: from the ${began} resolutions are written ${prefix}session/number, as ${prefix}${n}/${number}.`;
  }
  if (number > 3541) return `Resolution ${symbol} has a number the old form never reached: resolutions numbered straight through ran from 1 to 3541, ending with the 30th session (1975).`;
  return undefined;
}

const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

function romanValue(digits: string): number | undefined {
  let value = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = ROMAN_DIGITS[digits[i]];
    if (digit === undefined) return undefined;
    value += digit < (ROMAN_DIGITS[digits[i + 1]] ?? 0) ? -digit : digit;
  }
  // "IIII", "VX": not numerals at all, and nothing to judge.
  return roman(value) === digits ? value : undefined;
}

function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, digits] of [[50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']] as const) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return rest > 0 ? '' : out;
}


/** "2018-09" -> "September 2018". */
function monthText(month: string): string {
  return dateText(`${month}-01`).replace(/^1 /, '');
}

function name(citation: Citation): string {
  return `${citation.kind === 'decision' ? 'Decision' : 'Resolution'} ${citation.symbol}`;
}
