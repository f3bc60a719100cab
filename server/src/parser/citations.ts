// Citations of resolutions, decisions and documents, read from clean text (so a list or a date
// broken across lines, links and footnote markers do not get in the way), mapped back to source.
import { partitionPoint } from '../arrays';
import { toSourceSpan } from './cleanText';
import { SYMBOL_PATTERN } from './lineKinds';
import type { Citation, CitationKind, CleanText } from './model';
import { isoDate, MONTHS } from './vocabulary';

const DOCUMENT_SYMBOL = new RegExp(String.raw`(?<![\w\/.-])${SYMBOL_PATTERN}(?:\s\((?:19|20)\d\d\))?`, 'g');
// "73/266", "43/78 H", "75/254 A to C" (the parts of one resolution: the citation names the first).
const BARE_SYMBOL = /(?<![\w/.\-–])((?:ES|S)-\d{1,2}\/\d{1,4}|\d{1,3}\/\d{1,4})(?:\s([A-Z])(?:\s(?:to|and)\s[A-Z])?(?![\w/]))?(?![\w/])/g;
// "2625 (XXV)", "2602 C (XXIV)", "1874 (S-IV)", "1000 (ES-I)"; the first two special sessions
// in Arabic numerals, "107 (S-1)".
const SESSION_IN_BRACKETS = String.raw`\(((?:ES-|S-)?[IVXL]{1,7}|S-[12])\)`;
const ROMAN_SESSION = new RegExp(String.raw`(?<![\w/])(\d{1,4})(?:\s([A-Z]))?\s${SESSION_IN_BRACKETS}`, 'g');
// After "A/RES/217" (a symbol pattern stops at the bracket): "(III)", " (XXV)", "(II)[A]" as the
// UN Digital Library writes a part.
const SESSION_AFTER_SYMBOL = new RegExp(String.raw`^\s?${SESSION_IN_BRACKETS}(?:\[([A-Z])\])?`);
const KEYWORD = /\b(resolutions?|decisions?)\b/gi;
// "of 14 December 2015", "of 14 December 2 015" (a year split by the extraction), "adopted by the
// General Assembly on 24 January 1946".
const DATE_AFTER = new RegExp(
  String.raw`^,?\s+(?:of|adopted\s+(?:by\s+the\s+General\s+Assembly\s+)?on)\s+(\d{1,2})\s+(${MONTHS.join('|')})\s+((?:1\s?9|2\s?0)\s?\d\s?\d)(?!\d)`,

);
const TITLE_AFTER = /^,?\s+entitled\s+[“"‘]([^”"’]{1,400})[”"’]/;
const ORGANS: [RegExp, string][] = [
  [/Human Rights Council(?:\s+in\s+its)?\s*$/, 'Human Rights Council'],
  [/Security Council(?:\s+in\s+its)?\s*$/, 'Security Council'],
  [/Economic and Social Council(?:\s+in\s+its)?\s*$/, 'Economic and Social Council'],
  [/Trusteeship Council(?:\s+in\s+its)?\s*$/, 'Trusteeship Council'],
  [/Commission on Human Rights(?:\s+in\s+its)?\s*$/, 'Commission on Human Rights'],
];

interface Found {
  start: number;
  end: number;
  kind: CitationKind;
  symbol: string;
  organ?: string;
}

/** Finds the citations in a block of clean text. */
export function findCitations(clean: CleanText, container: Citation['container']): Citation[] {
  const text = clean.text;
  const found: Found[] = [];
  // Found spans, in order of search; bare symbols never overlap one another, so each later
  // search need only look at the spans the earlier searches found. They never overlap each other
  // either: sorted by start, their ends are sorted too, and one binary search answers.
  let taken: Found[] = [];
  const occupied = (start: number, end: number) => {
    const after = partitionPoint(taken.length, (i) => taken[i].start < end);
    return after > 0 && taken[after - 1].end > start;
  };

  // Every symbol but a session in brackets has a slash: most paragraphs have none.
  const slash = text.includes('/');
  for (const match of slash ? text.matchAll(DOCUMENT_SYMBOL) : []) {
    let raw = match[0];
    while (/[.-]$/.test(raw)) raw = raw.slice(0, -1);
    if (!/\d/.test(raw)) continue;
    const start = match.index;
    const old = /^A\/RES\/(\d{1,4})$/.test(raw) ? SESSION_AFTER_SYMBOL.exec(text.slice(start + raw.length, start + raw.length + 24)) : null;
    if (old) {
      const number = raw.slice('A/RES/'.length);
      const symbol = old[2] ? `${number} ${old[2]} (${old[1]})` : `${number} (${old[1]})`;
      found.push({ start, end: start + raw.length + old[0].length, kind: 'resolution', symbol });
      continue;
    }
    // "A/RES/43/78H": the library's part letter, glued.
    const resolution = /^A\/RES\/((?:ES|S)-\d{1,2}\/\d{1,4}|\d{1,3}\/\d{1,4})([A-Z])?$/.exec(raw);
    const decision = /^A\/DEC\/(\d{1,3}\/\d{1,4})$/.exec(raw);
    const council = /^S\/RES\/\d{1,5}\s\((?:19|20)\d\d\)$/.test(raw) || /^S\/RES\/\d{1,5}$/.test(raw);
    if (resolution) found.push({ start, end: start + raw.length, kind: 'resolution', symbol: resolution[2] ? `${resolution[1]} ${resolution[2]}` : resolution[1] });
    else if (decision) found.push({ start, end: start + raw.length, kind: 'decision', symbol: decision[1] });
    else if (council) found.push({ start, end: start + raw.length, kind: 'resolution', symbol: raw, organ: 'Security Council' });
    else found.push({ start, end: start + raw.length, kind: 'document', symbol: raw });
  }

  taken = found.slice();
  for (const match of slash ? text.matchAll(BARE_SYMBOL) : []) {
    const start = match.index;
    const end = start + match[0].length;
    if (occupied(start, end)) continue;
    const context = keywordBefore(text, start);
    if (!context && !match[1].startsWith('ES-')) continue;
    const symbol = match[2] ? `${match[1]} ${match[2]}` : match[1];
    found.push({ start, end, kind: context?.kind ?? 'resolution', symbol, organ: context?.organ });
  }

  const roman = text.includes('(');
  if (roman) taken = found.slice().sort((a, b) => a.start - b.start);
  for (const match of roman ? text.matchAll(ROMAN_SESSION) : []) {
    const start = match.index;
    const end = start + match[0].length;
    if (occupied(start, end)) continue;
    const context = keywordBefore(text, start);
    if (!context) continue;
    found.push({ start, end, kind: context.kind, symbol: match[2] ? `${match[1]} ${match[2]} (${match[3]})` : `${match[1]} (${match[3]})`, organ: context.organ });
  }

  found.sort((a, b) => a.start - b.start);
  const citations: Citation[] = found.map((f) => {
    const span = toSourceSpan(clean, f.start, f.end);
    const citation: Citation = { start: span.start, end: span.end, kind: f.kind, symbol: f.symbol, container };
    if (f.organ) citation.organ = f.organ;
    let after = f.end;
    // Most symbols are followed by neither a date nor a title: a glance before the full patterns.
    const date = mayFollow(text, after, 'of', 'adopted') ? DATE_AFTER.exec(text.slice(after, after + 80)) : null;
    if (date) {
      const iso = isoDate(Number(date[1]), date[2], Number(date[3].replace(/\s/g, '')));
      // The day is the first digit: "of" and "adopted … on" have none.
      const dateStart = after + date[0].search(/\d/);
      const dateEnd = after + date[0].length;
      if (iso) {
        const dateSpan = toSourceSpan(clean, dateStart, dateEnd);
        citation.date = { start: dateSpan.start, end: dateSpan.end, text: text.slice(dateStart, dateEnd), iso, shared: false };
      }
      after = dateEnd;
    }
    const title = mayFollow(text, after, 'entitled') ? TITLE_AFTER.exec(text.slice(after, after + 420)) : null;
    if (title) {
      const titleStart = after + title[0].indexOf(title[1]);
      const titleSpan = toSourceSpan(clean, titleStart, titleStart + title[1].length);
      citation.title = { start: titleSpan.start, end: titleSpan.end, text: title[1] };
    }
    return citation;
  });
  shareDates(text, found, citations);
  return citations;
}

/**
 * "74/28 and 74/29 of 12 December 2019": the date written once belongs to each symbol of the run,
 * when they are of one session ("3379 (XXX) and 36/87 A and B of 9 December 1981" are not: one
 * day never saw both adopted).
 */
function shareDates(text: string, found: Found[], citations: Citation[]): void {
  for (let i = citations.length - 2; i >= 0; i--) {
    const next = citations[i + 1];
    if (citations[i].date || !next.date || citations[i].kind === 'document') continue;
    const [session, nextSession] = [sessionOf(found[i].symbol), sessionOf(found[i + 1].symbol)];
    if (session && nextSession && session !== nextSession) continue;
    const between = text.slice(found[i].end, found[i + 1].start);
    if (/^(?:,\s*|\s+and\s+|,\s+and\s+)$/.test(between)) citations[i].date = { ...next.date, shared: true };
  }
}

/**
 * The session a General Assembly symbol names, as text: "73" for 73/266 and 43/78 H, "XXV" for
 * 2625 (XXV), "ES-10" for ES-10/2, "S-VI" for 3201 (S-VI); undefined for other symbols. Numbered
 * and Roman sessions never meet: the numbering by session began with the thirty-first.
 */
function sessionOf(symbol: string): string | undefined {
  return /^((?:ES-|S-)?\d{1,3})\/\d/.exec(symbol)?.[1] ?? /^\d{1,4}(?: [A-Z])? \(([^)]+)\)$/.exec(symbol)?.[1];
}

/** The keyword ("resolution", "decisions") that governs a bare symbol, within the same clause. */
function keywordBefore(text: string, at: number): { kind: CitationKind; organ?: string } | undefined {
  const from = Math.max(0, at - 2400);
  const window = text.slice(from, at);
  let last: RegExpExecArray | undefined;
  KEYWORD.lastIndex = 0;
  for (let match = KEYWORD.exec(window); match; match = KEYWORD.exec(window)) last = match;
  if (!last) return undefined;
  const between = window.slice(last.index + last[0].length);
  // A clause break between the keyword and the symbol ends its reach.
  if (/;|\.\s+[A-Z]|\bentitled\b/.test(between)) return undefined;
  const kind: CitationKind = last[0].toLowerCase().startsWith('decision') ? 'decision' : 'resolution';
  const before = window.slice(0, last.index);
  // The organ stands right before its keyword ("Human Rights Council in its resolution"): the
  // patterns, anchored at the end, need only the last words.
  const near = before.slice(-100);
  let named = ORGANS.find(([pattern]) => pattern.test(near))?.[1];
  // "Human Rights Council resolutions on …, including resolutions 19/11 …": the same body's.
  const lead = /\b(?:including|in particular|notably|especially)\s*$/.exec(before);
  if (!named && lead) {
    const clause = before.slice(0, lead.index);
    const start = Math.max(clause.lastIndexOf(';'), clause.search(/\.\s+[A-Z][^.]*$/));
    const earlier = clause.slice(start + 1);
    KEYWORD.lastIndex = 0;
    for (let match = KEYWORD.exec(earlier); match; match = KEYWORD.exec(earlier)) {
      const organ = ORGANS.find(([pattern]) => pattern.test(earlier.slice(Math.max(0, match!.index - 60), match!.index)))?.[1];
      if (organ) named = organ;
    }
  }
  return named ? { kind, organ: named } : { kind };
}

/** Whether one of `words` opens the text at `at`, after an optional comma and spaces. */
function mayFollow(text: string, at: number, ...words: string[]): boolean {
  let i = at;
  if (text.charCodeAt(i) === 44 /* , */) i++;
  const spaces = i;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i > spaces && words.some((word) => text.startsWith(word, i));
}
