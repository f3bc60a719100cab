// UN document symbols: one key per resolution, decision or document, whatever the spelling
// ("A/RES/71/28" = "71/28", "A/RES/43/78H" = "43/78 H", "2625(XXV)" = "2625 (XXV)").
//
// Resolutions before the thirty-first session were numbered straight through, with the session
// in brackets: regular sessions in Roman numerals ("2625 (XXV)"), the first two special sessions
// in Arabic ("107 (S-1)"), later special and the old emergency special sessions in Roman
// ("1874 (S-IV)", "1000 (ES-I)"). A part letter stands before the session, as the UN writes it
// in text: "217 A (III)". The UN Digital Library writes the same resolutions as "A/RES/217(III)[A]",
// and records votes on less than a resolution or a part: "A/RES/63(I)[PARA.1]" (paragraph 1),
// "A/RES/17(I)[RULE-33]" (a rule of procedure it amends), "A/RES/50/38[B-IX]" (section IX of
// part B), "A/RES/36/235XIII" (section XIII). Those read as the resolution or part they belong
// to, with the `portion` voted on; a vote on a range of parts ("A/RES/75/254A-C") reads as the
// whole resolution (see partsFrom).
import type { CitationKind } from '../parser/model';
import { formatLabel, labelValue } from '../parser/labels';

export interface SymbolKey {
  /**
   * The key the knowledge base files facts under: "71/28", "43/78 H", "ES-11/1", "S-10/2",
   * "2625 (XXV)", "217 A (III)", "107 (S-1)", "1000 (ES-I)", "A/70/174".
   */
  key: string;
  kind: CitationKind;
  /** What a library record of a vote names below the resolution or part of `key`. */
  portion?: SymbolPortion;
}

export interface SymbolPortion {
  kind: 'paragraph' | 'rule' | 'section' | 'annex';
  /** As the symbol numbers it: paragraphs "1" or "1-2", rule "33A", section "IX" or "A". */
  label: string;
}

// "71/28", "S-10/2", "ES-11/1", then whatever follows (a part letter, a library suffix).
const RESOLUTION_HEAD = /^((?:ES|S)-\d{1,2}\/\d{1,4}|\d{1,3}\/\d{1,4})(?![\d/])(.*)$/;
// "2625 (XXV)", "217 A (III)", "107 (S-1)", "1000 (ES-I)", "996(ES-IandII)", then the rest.
const OLD_RESOLUTION_HEAD = /^(\d{1,4}) ?(?:([A-Z]) ?)?\( ?((?:E?S-)?[IVXL]{1,7}|E?S-\d{1,2}|ES-I ?AND ?II) ?\)(.*)$/;
// After the number: " A", "A", " [A]", "[PARA.1]", "XIII", "C-II", "A-C"; parts listed, " A and B",
// " A, B and C", " A to C" (upper case by then).
const SUFFIX = /^(?: ?\[([^[\]]{1,20})\]| ?([A-Z](?:-(?:[A-Z]|[IVXL]{1,7}))?|[IVXL]{2,7}(?:-[IVXL]{1,7})?)|( [A-Z](?:, ?[A-Z])*,? (?:AND|TO) [A-Z]))?$/;
const DECISION = /^A\/DEC\/(\d{1,3}\/\d{1,4})$/;
const DOCUMENT = /^[A-Z]{1,6}(?:\.\d+)?(?:\/[A-Z0-9][A-Za-z0-9.-]*)+(?:\s?\((?:19|20)\d\d\))?$/;
// A number the catalogue does not know yet: "A/RES/79/XX".
const PLACEHOLDER = /^A\/RES\/\d{1,3}\/(?:X{1,4}|_+|\?+|\.{3}|…)$/i;

/** Normalises a symbol as written anywhere (text, catalogue, hover); undefined if it is none. */
export function normalizeSymbol(raw: string, kindHint?: CitationKind): SymbolKey | undefined {
  const text = unwrap(raw.trim().replace(/\s+/g, ' '));
  if (!text) return undefined;
  const upper = text.toUpperCase();
  const prefixed = upper.startsWith('A/RES/');
  // The library once wrote "A/RES/36//235IX".
  const bare = prefixed ? upper.slice('A/RES/'.length).replace(/^(\d{1,3})\/\//, '$1/') : upper;
  const resolution = readResolution(bare);
  if (resolution) {
    const kind = kindHint === 'decision' && !prefixed && !resolution.key.includes('(') ? 'decision' : 'resolution';
    return { ...resolution, kind };
  }
  // What follows A/RES/ is a resolution or nothing; but a corrigendum of one is a document.
  if (prefixed && !/^(?:(?:ES|S)-\d{1,2}\/\d{1,4}|\d{1,3}\/\d{1,4})\//.test(bare)) return undefined;
  const decision = DECISION.exec(upper);
  if (decision) return { key: decision[1], kind: 'decision' };
  // Symbols are upper case but for their revision parts: A/C.1/73/L.27/Rev.1, A/67/53/Corr.1.
  const document = upper.replace(/\/(REV|ADD|CORR|AMEND)\.(\d+)/g, (_, part: string, n: string) => `/${part[0]}${part.slice(1).toLowerCase()}.${n}`);
  if (DOCUMENT.test(document) && /\d/.test(document)) {
    if (/^S\/RES\/\d/.test(document)) return { key: document.replace(/\s?\((\d{4})\)$/, ' ($1)'), kind: 'resolution' };
    return { key: document, kind: 'document' };
  }
  return undefined;
}

/** "[A/RES/71/28]" and a stray bracket at either end, but not the library's "[A]" after a symbol. */
function unwrap(text: string): string {
  const open = text.startsWith('[');
  const close = text.endsWith(']');
  if (open && close) return text.slice(1, -1).trim();
  if (open && !text.includes(']')) return text.slice(1).trim();
  if (close && !text.includes('[')) return text.slice(0, -1).trim();
  return text;
}

/** A resolution without its "A/RES/", upper case: its key and the portion its suffix names. */
function readResolution(text: string): Omit<SymbolKey, 'kind'> | undefined {
  let number: string;
  let letter: string | undefined;
  let session: string | undefined;
  let rest: string;
  let match = RESOLUTION_HEAD.exec(text);
  if (match) {
    [, number, rest] = match;
  } else {
    match = OLD_RESOLUTION_HEAD.exec(text);
    if (!match) return undefined;
    session = sessionLabel(match[3]);
    if (!session) return undefined;
    [, number, letter, , rest] = match;
  }
  const suffix = SUFFIX.exec(rest);
  if (!suffix) return undefined;
  const written = suffix[1]?.trim() ?? suffix[2];
  const read = suffix[3] ? partsFrom(suffix[3].trim()[0]) : written === undefined ? {} : readSuffix(written, suffix[1] !== undefined);
  if (!read) return undefined;
  // A letter both before the session and after it must be the same part.
  if (letter && read.letter && read.letter !== letter) return undefined;
  if (read.whole) letter = undefined;
  else letter = letter ?? read.letter;
  const key = resolutionKey(number, letter, session);
  return read.portion ? { key, portion: read.portion } : { key };
}

function resolutionKey(number: string, letter: string | undefined, session: string | undefined): string {
  if (session) return letter ? `${number} ${letter} (${session})` : `${number} (${session})`;
  return letter ? `${number} ${letter}` : number;
}

interface Suffix {
  letter?: string;
  portion?: SymbolPortion;
  /** A range of parts ("A-C", "I-II"): the vote was on the resolution as a whole. */
  whole?: boolean;
}

/**
 * Parts listed or in a range ("A and B", "A-C", "I-II"): from the first part on, the resolution
 * as a whole; from a later one ("78/528 B, C and D" beside a row of 78/528 A), the first part
 * named, as a citation of "75/254 B to D" names 75/254 B.
 */
function partsFrom(first: string): Suffix {
  return first === 'A' || first === 'I' ? { whole: true } : { letter: first };
}

/** What the library writes after a resolution's number, in brackets (`bracketed`) or not. */
function readSuffix(written: string, bracketed: boolean): Suffix | undefined {
  let match = /^PARA\.? ?(\d{1,3}(?: ?- ?\d{1,3})?)$/.exec(written);
  if (match) return { portion: { kind: 'paragraph', label: match[1].replace(/ /g, '') } };
  match = /^RULE ?-? ?([0-9A-Z]{1,6})$/.exec(written);
  if (match) return { portion: { kind: 'rule', label: match[1] } };
  match = /^SECTION ?([IVXL]{1,7})$/.exec(written);
  if (match && romanNumber(match[1])) return { portion: { kind: 'section', label: match[1] } };
  match = /^([A-Z]) ?ANNEX$/.exec(written);
  if (match) return { letter: match[1], portion: { kind: 'annex', label: '' } };
  if (/^[A-Z]$/.test(written)) return { letter: written };
  // A Roman numeral of two letters or more is a section; one letter alone is a part (see sectionReading).
  if (romanNumber(written)) return { portion: { kind: 'section', label: written } };
  match = /^([IVXL]{1,7})-([IVXL]{1,7})$/.exec(written);
  if (match && (romanNumber(match[1]) ?? Infinity) < (romanNumber(match[2]) ?? 0)) {
    return match[1] === 'I' ? { whole: true } : { portion: { kind: 'section', label: written } };
  }
  match = /^([A-Z])-([A-Z]{1,7})$/.exec(written);
  if (match) {
    // "B-IX": section IX of part B; "A-C": parts A to C. "A-I" could be either: the library
    // writes sections of a part (33/116 A-I, A-IV, A-VI) far more often than ranges ending at I.
    if (romanNumber(match[2])) return { letter: match[1], portion: { kind: 'section', label: match[2] } };
    return match[2].length === 1 && match[2] > match[1] ? partsFrom(match[1]) : undefined;
  }
  // "AA": section A of part A (the library's "A/RES/289(IV)[AA]").
  match = bracketed ? /^([A-Z])([A-Z])$/.exec(written) : null;
  if (match) return { letter: match[1], portion: { kind: 'section', label: match[2] } };
  return undefined;
}

/** The session in brackets, as the key writes it: "XXV", "S-1", "S-IV", "ES-I", "ES-I and II". */
function sessionLabel(written: string): string | undefined {
  if (/^ES-I ?AND ?II$/.test(written)) return 'ES-I and II';
  const match = /^(E?S-)?([IVXL]{1,7}|\d{1,2})$/.exec(written);
  if (!match) return undefined;
  const [, prefix, numeral] = match;
  const n = /\d/.test(numeral) ? Number(numeral) : romanNumber(numeral);
  // Regular sessions only ever in Roman numerals; a numeral that is no number is kept as written.
  if (!prefix) return /\d/.test(numeral) ? undefined : numeral;
  if (!n) return /\d/.test(numeral) ? undefined : `${prefix}${numeral}`;
  if (prefix === 'S-' && n <= 2) return `S-${n}`;
  return `${prefix}${romanNumeral(n)}`;
}

/** The value of a Roman numeral of I, V, X and L, as sessions and sections use; undefined for any other. */
function romanNumber(numeral: string): number | undefined {
  if (!/^[IVXL]{1,7}$/.test(numeral)) return undefined;
  const value = labelValue(numeral.toLowerCase(), 'roman');
  return Number.isNaN(value) ? undefined : value;
}

function romanNumeral(n: number): string {
  return formatLabel('roman', n, undefined).slice(1, -1).toUpperCase();
}

/**
 * A final part letter I, V or X read as a section instead ("A/RES/41/209[V]": section V of
 * 41/209, where "A/RES/55/33[V]" is part V of 55/33): the key without it and the section.
 * Only a catalogue knows which: one that lists other sections of the same resolution.
 */
export function sectionReading(symbol: SymbolKey): SymbolKey | undefined {
  if (symbol.kind !== 'resolution' || symbol.portion) return undefined;
  const match = /^(\d{1,4}|(?:E?S-)?\d{1,3}\/\d{1,4}) ([IVX])( \(.+\))?$/.exec(symbol.key);
  if (!match) return undefined;
  return { key: match[1] + (match[3] ?? ''), kind: 'resolution', portion: { kind: 'section', label: match[2] } };
}

/** Whether a symbol is a resolution's that has no number yet ("A/RES/79/XX"). */
export function isUnnumberedResolution(raw: string): boolean {
  return PLACEHOLDER.test(raw.trim());
}

/** The address of a symbol's official text on undocs.org. */
export function undocsUrl(symbol: SymbolKey): string {
  const { key, kind } = symbol;
  let path: string;
  if (kind === 'document' || /^(?:S|A\/HRC|E|E\/CN\.4)\/RES\//.test(key)) path = key.replace(/\s/g, '');
  else if (kind === 'decision') path = `A/DEC/${key}`;
  else path = `A/RES/${documentOf(key)}`;
  return `https://undocs.org/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The document symbol of an old resolution: "217(III)" for 217 A (III), since the parts of one
 * resolution were issued as one document; "996(ES-IandII)" as the Digital Library writes it.
 */
function documentOf(key: string): string {
  const old = /^(\d{1,4})(?: [A-Z])? \((.+)\)$/.exec(key);
  if (old) return `${old[1]}(${old[2].replace(/ and /, 'and')})`;
  return key.replace(/\s/g, '');
}

/**
 * The symbol as a drafter writes it in full: "A/RES/73/266", "decision 72/512", "A/70/174";
 * an old resolution as the UN writes it in text, "resolution 217 A (III)", since it had no
 * "A/RES/" symbol of its own.
 */
export function displaySymbol(symbol: SymbolKey): string {
  if (symbol.kind === 'document' || symbol.key.includes('/RES/')) return symbol.key;
  if (symbol.kind === 'decision') return `decision ${symbol.key}`;
  if (/^\d{1,4}(?: [A-Z])? \(/.test(symbol.key)) return `resolution ${symbol.key}`;
  return /^\d/.test(symbol.key) || /^E?S-/.test(symbol.key) ? `A/RES/${symbol.key}` : symbol.key;
}

/**
 * General Assembly regular session of a resolution or decision key ("73/266" -> 73,
 * "2625 (XXV)" -> 25); undefined for special and emergency special sessions, which are not numbered with them.
 */
export function sessionOf(key: string): number | undefined {
  const match = /^(\d{1,3})\/\d/.exec(key);
  if (match) return Number(match[1]);
  const old = /^\d{1,4}(?: [A-Z])? \(([IVXL]{1,7})\)$/.exec(key);
  return old ? romanNumber(old[1]) : undefined;
}

/** The months (yyyy-mm, inclusive) a General Assembly session's resolutions and decisions may be dated in. */
export interface SessionMonths {
  /** The session's number: 73 for 73/266, 25 for 2625 (XXV), 10 for ES-10/2. */
  session: number;
  emergency: boolean;
  from: string;
  /** Undefined for an emergency special session still resumed. */
  to?: string;
  /** Whole years rather than the months a session ran: the old form's sessions (see below). */
  widened: boolean;
}

/**
 * The months a session's resolutions may be dated in, from the symbol or key of one of them. A
 * numbered session N opens in September of 1945 + N and ends when the next opens, resumed parts
 * included. The old form's sessions are given whole years, 1945 + N to 1946 + N: the first met in
 * January 1946, others opened in October or November (the sixth in Paris in November 1951) and
 * resumed in the spring, and only a certain impossibility may be judged. The emergency special
 * sessions still resumed have a beginning only (the tenth opened in April 1997, the eleventh in
 * February 2022); the special sessions, each a few days of its own year, have none. Undefined too
 * for "5/6" or "52/13" read as another form than their era's: the numbering by session began with
 * the thirty-first, and other bodies (the Human Rights Council, the Environment Assembly) number
 * theirs by session too.
 */
export function sessionMonths(symbol: string): SessionMonths | undefined {
  let match = /^(\d{1,3})\/\d{1,4}(?: [A-Z])?$/.exec(symbol);
  if (match) {
    const n = Number(match[1]);
    if (n < 31) return undefined;
    return { session: n, emergency: false, from: `${1945 + n}-09`, to: `${1946 + n}-09`, widened: false };
  }
  match = /^\d{1,4}(?: [A-Z])? \(([IVXL]+)\)$/.exec(symbol);
  if (match) {
    const n = romanNumber(match[1]);
    if (n === undefined || n > 30) return undefined;
    return { session: n, emergency: false, from: `${1945 + n}-01`, to: `${1946 + n}-12`, widened: true };
  }
  match = /^ES-(10|11)\//.exec(symbol);
  if (match) return { session: Number(match[1]), emergency: true, from: match[1] === '10' ? '1997-04' : '2022-02', widened: false };
  return undefined;
}

/**
 * Why a resolution or decision read as the General Assembly's is another body's: other bodies
 * (the Human Rights Council, the Environment Assembly, commissions, conferences of the parties)
 * number theirs by session too, and a text often names the body a paragraph away. "form": a
 * session/number symbol of a session that never wrote that form ("5/1"); "date": a date
 * (yyyy-mm-dd) written with it that falls outside the session its symbol names. Undefined when
 * nothing says so. `months`: the key's session months when the caller has them (null: it has none).
 */
export function anotherBody(key: string, iso?: string, months: SessionMonths | null = sessionMonths(key) ?? null): 'form' | 'date' | undefined {
  if (!months) return /^\d{1,3}\/\d/.test(key) ? 'form' : undefined;
  return iso !== undefined && !withinSession(months, iso) ? 'date' : undefined;
}

/** Whether a date (yyyy-mm-dd) falls within a session's months. */
export function withinSession(months: { from: string; to?: string }, iso: string): boolean {
  const month = iso.slice(0, 7);
  return month >= months.from && (months.to === undefined || month <= months.to);
}

const ORGAN_PREFIXES: Record<string, string> = {
  'Human Rights Council': 'A/HRC/RES/',
  'Economic and Social Council': 'E/RES/',
  'Commission on Human Rights': 'E/CN.4/RES/',
};

/** The knowledge-base key of a citation, so that HRC resolution 20/8 is not GA resolution 20/8. */
export function citationKey(citation: { symbol: string; kind: CitationKind; organ?: string }): SymbolKey | undefined {
  const prefix = citation.organ ? ORGAN_PREFIXES[citation.organ] : undefined;
  if (prefix && /^\d{1,3}\/\d{1,4}/.test(citation.symbol)) return { key: prefix + citation.symbol.replace(/\s/g, ''), kind: 'resolution' };
  return normalizeSymbol(citation.symbol, citation.kind);
}
