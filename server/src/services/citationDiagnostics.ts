// Citation checks against the knowledge base and the symbol grammar:
//   unres.citationDate      (Error)    a citation's date contradicts what the corpus and catalogues say
//   unres.citationOrder     (Warning)  a list of resolutions that goes back in time
//   unres.malformedSymbol   (Warning)  something written as a symbol that is not one
//   unres.missingParagraph  (Warning)  "paragraph 9 of resolution 73/266" when the corpus text has none
// Reads the model only (citations, references and the clean text of paragraphs and footnotes).
import { partitionPoint } from '../arrays';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { anotherBody, citationKey, normalizeSymbol } from '../corpus/symbols';
import type { CorpusDocument, FactSource, KnowledgeBaseView } from '../corpus/types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import { toSourceSpan } from '../parser/cleanText';
import type { Citation, CleanText, ParagraphReference, ResolutionDocument, Span } from '../parser/model';
import { queryOf, type DocumentQuery, type ResolvedTarget } from '../parser/query';
import { MONTHS } from '../parser/vocabulary';
import { isSeparatorAt, toCleanOffset } from '../parser/cleanText';
import { fileName, listed } from '../text';

export const CITATION_DATE = 'unres.citationDate';
export const CITATION_ORDER = 'unres.citationOrder';
export const MALFORMED_SYMBOL = 'unres.malformedSymbol';
export const MISSING_PARAGRAPH = 'unres.missingParagraph';

/** What an `unres.citationDate` diagnostic carries for its quick fix. */
export interface CitationDateData {
  /** Knowledge-base key of the cited symbol. */
  symbol: string;
  /** The date as written in the draft (yyyy-mm-dd). */
  written: string;
  /** The dates the knowledge base holds (other documents only), most sources first. */
  dates: { iso: string; text: string }[];
}

export function getCitationDiagnostics(document: ParsedDocument, kb: KnowledgeBaseView, token?: CancellationToken): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { model } = document;
  const cancelled = () => token?.isCancellationRequested === true;

  checkDates(document, kb, diagnostics, cancelled);
  if (cancelled()) return [];
  const blocks = textBlocks(model);
  checkOrder(document, blocks, diagnostics, cancelled);
  if (cancelled()) return [];
  checkMalformed(document, blocks, diagnostics, cancelled);
  if (cancelled()) return [];
  checkParagraphs(document, kb, diagnostics, cancelled);
  if (cancelled()) return [];
  return diagnostics;
}

// ---- unres.citationDate ---------------------------------------------------------------------

function checkDates(document: ParsedDocument, kb: KnowledgeBaseView, out: Diagnostic[], cancelled: () => boolean): void {
  const citations = document.model.citations;
  const keys = new Map<string, ReturnType<typeof citationKey>>();
  const isOther = otherThan(document.uri);
  for (let i = 0; i < citations.length; i++) {
    if ((i & 63) === 0 && cancelled()) return;
    const citation = citations[i];
    if (!citation.date) continue;
    const cacheKey = `${citation.kind}|${citation.organ ?? ''}|${citation.symbol}`;
    let key = keys.get(cacheKey);
    if (!keys.has(cacheKey)) keys.set(cacheKey, (key = citationKey(citation)));
    const entry = key ? kb.lookup(key.key) : undefined;
    if (!key || !entry || entry.dates.length === 0) continue;
    const iso = citation.date.iso;
    // Other bodies number their resolutions by session too, and an adopted text cites them by the
    // hundred, often naming the body paragraphs before or after ("resolutions 5/1 and 5/6 of
    // 2 March 2022 of the United Nations Environment Assembly", the Commission for Asia and the
    // Pacific's 79/8 of May 2023). A date outside the session the symbol names is such a body's
    // resolution (or a slip `unres.citationSession` reports), never compared with the Assembly's
    // (nor does the knowledge base keep such dates as facts: both ask `anotherBody`).
    // "Resolution 5/6", of a session that never wrote that form, is another body's too.
    if (key.kind !== 'document' && anotherBody(key.key, iso)) continue;
    if (entry.dates.some((fact) => fact.value === iso && fact.sources.some((source) => isOther(source.uri)))) continue;
    // Only facts from other documents count: an open corpus text neither confirms nor contradicts itself.
    const known = entry.dates
      .map((fact) => ({ value: fact.value, sources: fact.sources.filter((source) => isOther(source.uri)) }))
      .filter((fact) => fact.sources.length > 0);
    if (known.length === 0) continue;
    const stated = known.map((fact) => `${dateText(fact.value)} (${describeSources(fact.sources)})`).join(' or ');
    const verb = key.kind === 'document' ? 'is dated' : 'was adopted on';
    const data: CitationDateData = { symbol: key.key, written: citation.date.iso, dates: known.map((fact) => ({ iso: fact.value, text: dateText(fact.value) })) };
    out.push({
      range: document.range(citation.date),
      // A date only one other citing text gives is hearsay: one text against another says nothing
      // of which is right (adopted texts disagree so on other bodies' resolutions), so it is told,
      // not flagged. The cited text itself, a catalogue or two citing texts are evidence.
      severity: known.some((fact) => fact.sources.some((source) => source.kind !== 'citation') || citingDocuments(fact.sources) >= 2) ? DiagnosticSeverity.Error : DiagnosticSeverity.Information,
      source: 'unres',
      code: CITATION_DATE,
      message: `${citedName(citation)} ${verb} ${stated}, not ${citation.date.text}.`,
      data,
    });
  }
}

/** How many documents a fact's citation sources come from. */
function citingDocuments(sources: FactSource[]): number {
  return new Set(sources.filter((source) => source.kind === 'citation').map((source) => source.uri)).size;
}

/**
 * Whether a source URI names another document than `uri`. The client and the corpus loader may
 * spell one file differently ("file:///c%3A/x.txt", "file:///C:/x.txt"), so compare decoded, with
 * the drive letter in lower case.
 */
function otherThan(uri: string): (candidate: string) => boolean {
  const canonical = (value: string) => {
    let decoded = value;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // keep it as it is
    }
    return decoded.replace(/^file:\/\/\/([A-Za-z]):/, (_, drive: string) => `file:///${drive.toLowerCase()}:`);
  };
  const own = canonical(uri);
  const seen = new Map<string, boolean>();
  return (candidate) => {
    if (candidate === uri) return false;
    let other = seen.get(candidate);
    if (other === undefined) seen.set(candidate, (other = canonical(candidate) !== own));
    return other;
  };
}

/** "Resolution 53/70", "Decision 72/512", "Human Rights Council resolution 20/8", "Document A/70/174". */
function citedName(citation: Citation): string {
  const symbol = citation.symbol.replace(/^S\/RES\//, '');
  if (citation.kind === 'document') return `Document ${symbol}`;
  if (citation.organ) return `${citation.organ} ${citation.kind} ${symbol}`;
  return `${citation.kind === 'decision' ? 'Decision' : 'Resolution'} ${symbol}`;
}

/** "2018-12-22" -> "22 December 2018". */
export function dateText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${Number(match[1])}`;
}

/** "corpus: its text (004_….txt), cited with this date in 4 documents; catalogue.json row 2". */
function describeSources(sources: FactSource[]): string {
  const texts: string[] = [];
  const citing = new Set<string>();
  const rows = new Map<string, number[]>();
  for (const source of sources) {
    if (source.kind === 'document') {
      const name = fileName(source.uri);
      if (!texts.includes(name)) texts.push(name);
    } else if (source.kind === 'citation') citing.add(source.uri);
    else {
      const name = fileName(source.uri);
      const lines = rows.get(name) ?? [];
      if (!lines.includes(source.line)) lines.push(source.line);
      rows.set(name, lines);
    }
  }
  const corpus: string[] = [];
  if (texts.length) corpus.push(`its text (${texts.join(', ')})`);
  if (citing.size) corpus.push(`cited with this date in ${citing.size} document${citing.size === 1 ? '' : 's'}`);
  const parts: string[] = [];
  if (corpus.length) parts.push(`corpus: ${corpus.join(', ')}`);
  for (const [name, lines] of rows) {
    const unit = /\.json$/i.test(name) ? 'row' : 'line';
    lines.sort((a, b) => a - b);
    parts.push(`${name} ${unit}${lines.length === 1 ? '' : 's'} ${lines.join(', ')}`);
  }
  return parts.join('; ');
}


// ---- blocks of clean text -------------------------------------------------------------------

/** A citation seen in the clean text of its block. */
interface Placed {
  citation: Citation;
  /** Clean offsets of the symbol's start and of the end of what belongs to it (own date, title). */
  start: number;
  end: number;
  /** Clean offset of the end of the symbol itself. */
  symbolEnd: number;
  /**
   * Whether it stands where a symbol is expected: right after "resolution(s)"/"decision(s)" or
   * written A/RES/…, or after a separator that follows such a citation ("53/70 of …, 54/49").
   */
  anchored: boolean;
}

/** A paragraph's, sub-paragraph's or footnote's own clean text and the citations in it. */
interface TextBlock {
  clean: CleanText;
  placed: Placed[];
  /** For each placed citation, the furthest end of it and those before it; made when first needed (see `anchoredAt`). */
  reach?: number[];
}

const SEPARATOR = /^(?:,\s*|,?\s+(?:and|as well as)\s+)$/;

/** Whether the clean text between two citations is only a list separator: ", ", " and ", ", as well as ". */
function isSeparator(text: string, from: number, to: number): boolean {
  return to > from && to - from <= 14 && SEPARATOR.test(text.slice(from, to));
}

/** "resolution", "decision" when the text before `at` ends with that word (or its plural) and a space. */
function keywordEndingAt(text: string, at: number): 'resolution' | 'decision' | undefined {
  if (text.charCodeAt(at - 1) !== 32) return undefined;
  let end = at - 1;
  if (text.charCodeAt(end - 1) === 115 /* s */) end--;
  for (const word of ['resolution', 'decision'] as const) {
    const start = end - word.length;
    if (start < 0 || text.slice(start, end).toLowerCase() !== word) continue;
    if (start > 0 && /[\p{L}\d]/u.test(text[start - 1])) continue;
    return word;
  }
  return undefined;
}

function textBlocks(model: ResolutionDocument): TextBlock[] {
  const cleans: CleanText[] = queryOf(model).blocks().map((block) => block.content);
  for (const footnote of model.footnotes) cleans.push(footnote.content);
  const citations: Citation[][] = cleans.map(() => []);

  // Every source run of every block, by source offset, to find the block a citation stands in.
  const runs: { start: number; end: number; block: number }[] = [];
  cleans.forEach((clean, index) => {
    const r = clean.runs;
    for (let i = 0; i < r.length; i += 3) runs.push({ start: r[i + 1], end: r[i + 1] + r[i + 2], block: index });
  });
  runs.sort((a, b) => a.start - b.start);
  for (const citation of model.citations) {
    if (citation.container === 'header') continue;
    let low = 0;
    let high = runs.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (runs[mid].start <= citation.start) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found >= 0 && citation.start < runs[found].end) citations[runs[found].block].push(citation);
  }

  return cleans.map((clean, index) => {
    const placed: Placed[] = [];
    for (const citation of citations[index]) {
      const start = toCleanOffset(clean, citation.start, 'start');
      const sourceEnd = Math.max(citation.end, citation.date && !citation.date.shared ? citation.date.end : 0, citation.title?.end ?? 0);
      const end = Math.max(start, toCleanOffset(clean, sourceEnd, 'end'));
      const previous = placed[placed.length - 1];
      const text = clean.text;
      const anchored =
        (text.charCodeAt(start + 1) === 47 /* / */ && (text.startsWith('A/RES/', start) || text.startsWith('A/DEC/', start) || text.startsWith('S/RES/', start))) ||
        keywordEndingAt(text, start) !== undefined ||
        (previous !== undefined && previous.anchored && previous.citation.kind !== 'document' && isSeparator(text, previous.end, start));
      placed.push({ citation, start, end, symbolEnd: Math.max(start, toCleanOffset(clean, citation.end, 'end')), anchored });
    }
    return { clean, placed };
  });
}

/** The keyword a malformed symbol at clean offset `at` stands after, if it stands where a symbol is expected. */
function anchoredAt(block: TextBlock, at: number): 'resolution' | 'decision' | undefined {
  const text = block.clean.text;
  const keyword = keywordEndingAt(text, at);
  if (keyword) return keyword;
  // The citation before the first that reaches past `at`: found by binary search over how far the
  // citations so far reach, since a long paragraph may hold thousands of both.
  if (!block.reach) {
    block.reach = [];
    let furthest = -Infinity;
    for (const placed of block.placed) block.reach.push((furthest = Math.max(furthest, placed.end)));
  }
  const reach = block.reach;
  const previous: Placed | undefined = block.placed[partitionPoint(reach.length, (i) => reach[i] <= at) - 1];
  if (!previous || !previous.anchored || previous.citation.kind === 'document') return undefined;
  return isSeparator(text, previous.end, at) ? previous.citation.kind : undefined;
}

// ---- unres.citationOrder --------------------------------------------------------------------

function checkOrder(document: ParsedDocument, blocks: TextBlock[], out: Diagnostic[], cancelled: () => boolean): void {
  for (let b = 0; b < blocks.length; b++) {
    if ((b & 31) === 0 && cancelled()) return;
    const { clean, placed } = blocks[b];
    const comparable = (i: number) => {
      const previous = placed[i - 1];
      const current = placed[i];
      const [a, c] = [previous.citation, current.citation];
      // The Assembly's own resolutions and decisions: other bodies' lists follow other habits.
      if (a.kind === 'document' || a.kind !== c.kind || a.organ !== undefined || c.organ !== undefined || !previous.anchored) return false;
      return isSeparator(clean.text, previous.end, current.start);
    };
    // A list written newest first (some adopted texts do) goes back at every step, on purpose.
    const backward = new Set<number>();
    for (let i = 1; i < placed.length; ) {
      if (!comparable(i)) {
        i++;
        continue;
      }
      let j = i;
      let back = 0;
      let forward = 0;
      for (; j < placed.length && comparable(j); j++) {
        if (goesBack(placed[j - 1].citation, placed[j].citation)) back++;
        else if (goesBack(placed[j].citation, placed[j - 1].citation)) forward++;
      }
      const newestFirst = forward === 0 && back >= 2;
      if (!newestFirst) for (let k = i; k < j; k++) if (goesBack(placed[k - 1].citation, placed[k].citation)) backward.add(k);
      i = j;
    }
    for (let i = 1; i < placed.length; i++) {
      if (!backward.has(i)) continue;
      const [a, c] = [placed[i - 1].citation, placed[i].citation];
      const end = c.date && !c.date.shared ? c.date.end : c.end;
      out.push({
        range: document.range({ start: c.start, end }),
        severity: DiagnosticSeverity.Warning,
        source: 'unres',
        code: CITATION_ORDER,
        message: `${asListed(c)} is listed after ${asListed(a)}; ${c.kind}s are cited in chronological order.`,
      });
    }
  }
}

function asListed(citation: Citation): string {
  return citation.date ? `${citation.symbol} of ${citation.date.text}` : citation.symbol;
}

/**
 * Whether `b`, listed after `a`, is older: within one session by its number and its date both
 * (lists follow either: "194 (III) of 11 December 1948, 212 (III) of 19 November 1948"), else by
 * dates when both have one, else by the symbols.
 */
function goesBack(a: Citation, b: Citation): boolean {
  const x = orderKey(a.symbol);
  const y = orderKey(b.symbol);
  if (x && y && x.family === y.family && x.session === y.session) {
    const byNumber = y.number !== x.number ? y.number < x.number : y.letter < x.letter;
    // Lists of one session follow the dates or the numbers: out of order only when both go back.
    return a.date && b.date && a.date.iso !== b.date.iso ? byNumber && b.date.iso < a.date.iso : byNumber;
  }
  if (a.date && b.date && a.date.iso !== b.date.iso) return b.date.iso < a.date.iso;
  if (!x || !y || x.family !== y.family) return false;
  if (x.session !== y.session) return y.session < x.session;
  if (x.number !== y.number) return y.number < x.number;
  return y.letter < x.letter;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** Sortable parts of a symbol: "73/266", "43/78 H", "2625 (XXV)", "ES-10/2", "S/RES/2341 (2017)". */
function orderKey(symbol: string): { family: string; session: number; number: number; letter: string } | undefined {
  let match = /^(\d{1,3})\/(\d{1,4})(?: ([A-Z]))?$/.exec(symbol);
  if (match) return { family: 'session', session: Number(match[1]), number: Number(match[2]), letter: match[3] ?? '' };
  match = /^(\d{1,4}) \(([IVXL]+)\)$/.exec(symbol);
  if (match) {
    // Before the thirty-first session resolutions were numbered straight through; the session is in Roman numerals.
    let session = 0;
    const digits = match[2];
    for (let i = 0; i < digits.length; i++) {
      const value = ROMAN[digits[i]];
      session += value < (ROMAN[digits[i + 1]] ?? 0) ? -value : value;
    }
    return { family: 'session', session, number: Number(match[1]), letter: '' };
  }
  match = /^((?:ES|S)-\d{1,2})\/(\d{1,4})$/.exec(symbol);
  if (match) return { family: match[1], session: 0, number: Number(match[2]), letter: '' };
  match = /^S\/RES\/(\d{1,5})/.exec(symbol);
  if (match) return { family: 'S/RES', session: 0, number: Number(match[1]), letter: '' };
  return undefined;
}

// ---- unres.malformedSymbol ------------------------------------------------------------------
//
// The rule, conservative on purpose (prose is full of slashes and numbers). A bare number pair is
// looked at only where a symbol is expected: right after "resolution(s)"/"decision(s)", or after a
// list separator (", ", " and ", ", as well as ") that follows such a citation and its date.
// 1. There, a symbol with spaces around its slash ("resolution 73 /266") or nothing after it
//    ("resolution 73/"). "24/7", "1/2" or "2021–2025" elsewhere are never symbols; a symbol that
//    a PDF line break cuts after its slash ("73/" + newline + "266") is a wrap, not an error.
// 2. There, a General Assembly resolution or decision with session 0 or number 0, or a session
//    later than the next one: sessions open each September (the 80th in 2025, the 81st in
//    September 2026), and a draft may cite at most one session ahead of the current one, so
//    "resolution 99/1" is flagged while "resolution 82/1" is not in the 81st session.
//    Numbers have no upper bound ("73/2666" is fine). Other organs' sessions are not checked.
// 3. Anywhere, a token shaped like a UN document symbol (A, S or E, a slash, a digit): an empty
//    part "A//70/174", a trailing slash "A/70/" (unless the line wraps there), lower case
//    "a/res/73/266" or "a/70/174" (two slashes at least), or "A/RES/73" without its number.

function checkMalformed(document: ParsedDocument, blocks: TextBlock[], out: Diagnostic[], cancelled: () => boolean): void {
  const found: { span: Span; message: string }[] = [];
  const current = currentSession(new Date());
  for (let b = 0; b < blocks.length; b++) {
    if ((b & 31) === 0 && cancelled()) return;
    const block = blocks[b];
    const { clean } = block;
    const text = clean.text;
    let slash = text.indexOf('/');
    if (slash < 0) continue;
    const add = (start: number, end: number, message: string) => found.push({ span: toSourceSpan(clean, start, end), message });
    // Every slash outside the resolutions and decisions the parser read, once per token around it.
    const symbols = block.placed.filter((p) => p.citation.kind !== 'document');
    let next = 0;
    let scanned = 0;
    for (; slash >= 0; slash = text.indexOf('/', slash + 1)) {
      while (next < symbols.length && symbols[next].symbolEnd <= slash) next++;
      if (next < symbols.length && symbols[next].start <= slash) continue;
      if (slash < scanned) continue;
      let start = slash;
      while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
      let end = slash + 1;
      while (end < text.length && isTokenChar(text.charCodeAt(end))) end++;
      scanned = end;
      const token = text.slice(start, end);
      const before = text.charAt(start - 1);
      const problem = /^[A-Za-z]/.test(token) ? (before === ':' || before === '@' ? undefined : documentSymbolProblem(token, text, start, clean)) : bareSymbolProblem(block, token, start, end);
      if (problem) add(problem.start, problem.end, problem.message);
    }
    for (const { citation, anchored } of block.placed) {
      if (!anchored || citation.organ || citation.kind === 'document') continue;
      const match = /^(\d{1,3})\/(\d{1,4})(?: [A-Z])?$/.exec(citation.symbol);
      if (!match) continue;
      const session = Number(match[1]);
      const number = Number(match[2]);
      const name = `${citation.kind === 'decision' ? 'Decision' : 'Resolution'} ${citation.symbol}`;
      if (session === 0 || number === 0) {
        found.push({ span: citation, message: `${name} is not a ${citation.kind} symbol: sessions and ${citation.kind}s are numbered from 1 (as in 73/266).` });
      } else if (session > current + 1) {
        found.push({
          span: citation,
          message: `${name} names the ${ordinal(session)} session, but the General Assembly is in its ${ordinal(current)}; check the session number before the slash (session/number, as in 73/266).`,
        });
      }
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);
  for (const { span, message } of found) {
    out.push({ range: document.range(span), severity: DiagnosticSeverity.Warning, source: 'unres', code: MALFORMED_SYMBOL, message });
  }
}

interface Problem {
  start: number;
  end: number;
  message: string;
}

/** Letters, digits and the . - / _ that a symbol is made of. */
function isTokenChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46 || code === 45 || code === 47 || code === 95;
}

/**
 * What is wrong with a bare number and slash where a resolution symbol is expected: "73/",
 * "73/ 266", "73 /266", "73 / 266". Elsewhere (no keyword, no list before it) nothing is.
 */
function bareSymbolProblem(block: TextBlock, token: string, start: number, end: number): Problem | undefined {
  const { clean } = block;
  const text = clean.text;
  let session: string;
  let number: string | undefined;
  let from = start;
  let to = end;
  const spaces: number[] = [];
  let match = /^(\d{1,3})\/$/.exec(token);
  if (match) {
    if (text.charAt(start - 1) === '–') return undefined; // "2021–25/"
    session = match[1];
    const after = /^ (\d{1,4})(?![\w/])/.exec(text.slice(end, end + 7));
    if (after) {
      number = after[1];
      spaces.push(end);
      to = end + after[0].length;
    }
  } else if ((match = /^\/(\d{1,4})?$/.exec(token))) {
    // "73 /266" or "73 / 266": the session stands before a space.
    const lead = /(\d{1,3}) $/.exec(text.slice(Math.max(0, start - 5), start));
    if (!lead) return undefined;
    from = start - lead[0].length;
    if (from > 0 && (isTokenChar(text.charCodeAt(from - 1)) || text.charAt(from - 1) === '–')) return undefined;
    session = lead[1];
    spaces.push(start - 1);
    if (match[1] !== undefined) number = match[1];
    else {
      const after = /^ (\d{1,4})(?![\w/])/.exec(text.slice(end, end + 7));
      if (!after) return undefined;
      number = after[1];
      spaces.push(end);
      to = end + after[0].length;
    }
  } else return undefined;
  const kind = anchoredAt(block, from);
  if (!kind) return undefined;
  if (number === undefined) {
    return { start: from, end: to, message: `“${kind} ${session}/” lacks the ${kind} number: a symbol is session/number, as in 73/266.` };
  }
  // "73/" at the end of a line and "266" on the next: a wrapped symbol, not a broken one.
  if (spaces.every((at) => isSeparatorAt(clean, at))) return undefined;
  const written = text.slice(from, to);
  return { start: from, end: to, message: `“${written}” is not a ${kind} symbol: a symbol has no spaces around its slash; write ${session}/${number}.` };
}

/** What is wrong with a token shaped like a document symbol, if anything. */
function documentSymbolProblem(raw: string, text: string, at: number, clean: CleanText): Problem | undefined {
  const prefix = /^([A-Za-z]{1,6})(?:\.\d+)?\//.exec(raw)?.[1];
  if (!prefix || !/^[ASE]$/i.test(prefix)) return undefined;
  let token = raw;
  // A full stop or hyphen that ends the sentence is not part of the symbol.
  while (/[.-]$/.test(token)) token = token.slice(0, -1);
  if (!/\d/.test(token)) return undefined;
  const upper = capitalised(token);
  if (token.includes('//')) {
    const fixed = capitalised(token.replace(/\/{2,}/g, '/').replace(/\/$/, ''));
    return { start: at, end: at + token.length, message: `“${token}” has an empty part between two slashes: each part of a symbol stands between single slashes (did you mean ${fixed}?).` };
  }
  if (token.endsWith('/')) {
    // "A/C.1/73/" at the end of a line and "L.27" on the next: a wrapped symbol, not a broken one.
    const after = text.slice(at + token.length, at + token.length + 2);
    if (/^ [A-Za-z0-9]/.test(after) && isSeparatorAt(clean, at + token.length)) return undefined;
    // "A/C.6/78/ SR.36": a PDF tool's stray space before the symbol's last part.
    if (/^ [A-Z][A-Za-z]{0,4}\.\d/.test(text.slice(at + token.length, at + token.length + 8))) return undefined;
    return { start: at, end: at + token.length, message: `“${token}” ends with a slash: the part after it is missing (a document symbol reads like A/70/174, a resolution like A/RES/73/266).` };
  }
  const resolution = /^A\/(RES|DEC)\/((?:ES-|S-)?\d{1,3})$/i.exec(token);
  if (resolution) {
    const kind = resolution[1].toUpperCase() === 'RES' ? 'resolution' : 'decision';
    return { start: at, end: at + token.length, message: `“${token}” lacks the ${kind} number: the form is A/${resolution[1].toUpperCase()}/session/number, as in A/${resolution[1].toUpperCase()}/73/266.` };
  }
  const lowerPrefix = /^[ase]$/.test(prefix);
  const lowerPart = /^[A-Za-z]\/(?:res|dec)\//i.test(token) && !/^[A-Za-z]\/(?:RES|DEC)\//.test(token);
  // Two slashes at least ("a/70/174", "a/res/73/266"): "a/2" may be anything.
  if ((lowerPrefix || lowerPart) && (token.match(/\//g) ?? []).length >= 2 && normalizeSymbol(upper)) {
    return { start: at, end: at + token.length, message: `“${token}” is written in lower case: UN symbols are written in capitals, ${upper}.` };
  }
  return undefined;
}

/** Upper case, except the Rev./Add./Corr. parts that symbols write with one capital. */
function capitalised(token: string): string {
  return token.toUpperCase().replace(/\/(REV|ADD|CORR|AMEND)\./g, (_, part: string) => `/${part[0]}${part.slice(1).toLowerCase()}.`);
}

/** The General Assembly session in progress: each opens in September, the 80th in 2025. */
export function currentSession(today: Date): number {
  return today.getUTCFullYear() - 1945 - (today.getUTCMonth() < 8 ? 1 : 0);
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

// ---- unres.missingParagraph -----------------------------------------------------------------

function checkParagraphs(document: ParsedDocument, kb: KnowledgeBaseView, out: Diagnostic[], cancelled: () => boolean): void {
  const { model } = document;
  const query = queryOf(model);
  const seen = new Set<string>();
  for (let i = 0; i < model.references.length; i++) {
    if ((i & 63) === 0 && cancelled()) return;
    const reference = model.references[i];
    const key = referencedKey(query, reference);
    if (!key) continue;
    const entry = kb.lookup(key.key);
    if (!entry || entry.texts.length === 0) continue;
    // Its own text first, then the drafts it was adopted from.
    const texts = [...entry.texts].sort((a, b) => Number(b.symbol === key.key) - Number(a.symbol === key.key));
    // A text we could not read (or that changed since the corpus loaded) says nothing.
    const parses = texts.map((text) => text.parsed());
    if (parses.some((parsed) => !parsed || parsed.model.operative.length === 0)) continue;
    // A resolution that adopts an annex (a declaration, a pact, a programme of action) is cited
    // by the annex's paragraphs as often as by its own ("action 21, paragraph 42, of resolution
    // 79/1"), and the annex is not read as paragraphs: nothing can be said of its numbers.
    if (parses.some((parsed) => parsed!.model.attachments.length > 0)) continue;
    const models = parses.map((parsed) => parsed!.model);
    const found = models.map((model) => query.resolveReference(reference, queryOf(model)));
    found[0].forEach((target, t) => {
      if (target.written.target.paragraph === undefined || found.some((inText) => inText[t]?.block !== undefined)) return;
      const problem = missingMessage(texts[0], models[0], key, target);
      const id = `${target.written.target.start}:${target.written.target.end}:${problem}`;
      if (seen.has(id)) return;
      seen.add(id);
      out.push({ range: document.range(target.written.target), severity: DiagnosticSeverity.Warning, source: 'unres', code: MISSING_PARAGRAPH, message: problem });
    });
  }
}

/** The symbol a reference names: "of resolution 73/266", or "of that resolution" (the last one cited before it). */
function referencedKey(query: DocumentQuery, reference: ParagraphReference): { key: string; display: string } | undefined {
  const cited = query.citedBy(reference);
  if (!cited) return undefined;
  if (reference.scope.kind === 'cited') {
    const symbol = normalizeSymbol(reference.scope.symbol, reference.scope.citationKind);
    if (!symbol || symbol.kind === 'document') return undefined;
    return { key: symbol.key, display: `${symbol.kind === 'decision' ? 'Decision' : 'Resolution'} ${symbol.key}` };
  }
  if (!cited.citation) return undefined;
  const symbol = citationKey(cited.citation);
  return symbol ? { key: symbol.key, display: citedName(cited.citation) } : undefined;
}

/** Why a target is not in a cited text (the first of its texts: its own, else its draft). */
function missingMessage(text: CorpusDocument, model: ResolutionDocument, key: { key: string; display: string }, target: ResolvedTarget): string {
  const n = target.written.target.paragraph!;
  const name = key.display;
  // A draft stands in for the resolution it was adopted as: say which text was counted.
  const via = text.symbol === key.key ? '' : ` (as in its draft ${text.symbol ?? fileName(text.uri)})`;
  const paragraph = target.paragraph;
  if (!paragraph) {
    const count = queryOf(model).numbering.real.length;
    return `${name}${via} has ${count} operative paragraph${count === 1 ? '' : 's'}; ${target.name} does not exist.`;
  }
  const labels = queryOf(model).topLabels(paragraph);
  const has = labels.length === 0 ? 'has no sub-paragraphs' : `has sub-paragraph${labels.length === 1 ? '' : 's'} ${listed(labels)}`;
  return `${name}${via} has no ${target.name}: its paragraph ${n} ${has}.`;
}

