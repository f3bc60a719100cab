// Style checks of a draft's structure: terminal punctuation, opening phrases, the closing
// paragraph's session and footnotes, with their quick fixes and a "fix all".
//   unres.punctuationPreambular  (Warning)      a preambular paragraph ends with a comma
//   unres.punctuationOperative   (Warning)      an operative paragraph ends with a semicolon
//   unres.punctuationLast        (Warning)      the last operative paragraph ends with a full stop
//   unres.punctuationIntroducer  (Warning)      a paragraph that introduces sub-paragraphs ends with a colon
//   unres.punctuationSubparagraph (Warning)     sub-paragraphs end with ";", the last one with its paragraph's mark
//   unres.openingInWrongPart     (Warning)      "Decides …," in the preamble, "Recalling …;" in the operative part
//   unres.openingUnknown         (Warning)      "Recaling": an unknown word a letter or two from a known opening
//   unres.repeatedVerb           (Information)  "Requests" again without "Also"/"Further"
//   unres.sessionOrdinal         (Warning)      the provisional agenda names the session after the header's
//   unres.footnoteMissing        (Warning)      a marker without a footnote
//   unres.footnoteUnused         (Warning)      a footnote that no marker refers to
// Reads the model only (clean text of paragraphs, sub-paragraphs, footnotes and markers).
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, Range, TextEdit } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../../parsedDocument';
import { toSourceOffset, toSourceSpan } from '../../parser/cleanText';
import type { CleanText, Paragraph, Span, SubParagraph } from '../../parser/model';
import { endBeforeNegotiationMarks } from '../../parser/negotiation';
import { paragraphName, queryOf, subLabel } from '../../parser/query';
import { ordinalWord, parseOrdinalWord } from '../../parser/vocabulary';
import type { OpeningVocabulary } from './openingPhrases';
import { overlaps, rangeKey } from '../../text';

export { openingVocabulary } from './openingPhrases';
export type { OpeningVocabulary } from './openingPhrases';

export const PUNCTUATION_PREAMBULAR = 'unres.punctuationPreambular';
export const PUNCTUATION_OPERATIVE = 'unres.punctuationOperative';
export const PUNCTUATION_LAST = 'unres.punctuationLast';
export const PUNCTUATION_INTRODUCER = 'unres.punctuationIntroducer';
export const PUNCTUATION_SUBPARAGRAPH = 'unres.punctuationSubparagraph';
export const OPENING_IN_WRONG_PART = 'unres.openingInWrongPart';
export const OPENING_UNKNOWN = 'unres.openingUnknown';
export const REPEATED_VERB = 'unres.repeatedVerb';
export const SESSION_ORDINAL = 'unres.sessionOrdinal';
export const FOOTNOTE_MISSING = 'unres.footnoteMissing';
export const FOOTNOTE_UNUSED = 'unres.footnoteUnused';

/** Every code this module reports. */
export const STYLE_CODES: readonly string[] = [
  PUNCTUATION_PREAMBULAR, PUNCTUATION_OPERATIVE, PUNCTUATION_LAST, PUNCTUATION_INTRODUCER, PUNCTUATION_SUBPARAGRAPH,
  OPENING_IN_WRONG_PART, OPENING_UNKNOWN, REPEATED_VERB, SESSION_ORDINAL, FOOTNOTE_MISSING, FOOTNOTE_UNUSED,
];

/** What a style diagnostic carries in `data`. */
export type StyleDiagnosticData =
  /** Punctuation: the mark expected (one of them), the mark found ('' when none). */
  | { kind: 'punctuation'; expected: string[]; found: string }
  /** Opening phrases and repeated verbs: the word as written and what may replace it, best first (up to 3). */
  | { kind: 'opening'; word: string; suggestions: string[] }
  /** The closing paragraph's session: the ordinal expected, the one written, the header's session. */
  | { kind: 'session'; expected: string; found: string; headerSession: number }
  /** Footnotes: the label concerned. */
  | { kind: 'footnote'; label: string };

interface Fix {
  title: string;
  span: Span;
  newText: string;
  preferred: boolean;
  /** Safe to apply without a look: part of "Fix all". */
  fixAll: boolean;
}

interface Finding {
  diagnostic: Diagnostic;
  fixes: Fix[];
}

export function getStyleDiagnostics(document: ParsedDocument, vocabulary: OpeningVocabulary, token?: CancellationToken): Diagnostic[] {
  return findings(document, vocabulary, token).map((f) => f.diagnostic);
}

/**
 * Quick fixes for the style diagnostics in `diagnostics` that touch `range`: the diagnostics are
 * recomputed on the document as it is now, so a stale one (its text already changed) gets none.
 */
export function getStyleCodeActions(
  document: ParsedDocument,
  range: Range,
  diagnostics: Diagnostic[],
  vocabulary: OpeningVocabulary,
  token?: CancellationToken,
): CodeAction[] {
  const requested = diagnostics.filter(
    (d) => typeof d.code === 'string' && STYLE_CODES.includes(d.code) && (d.source === undefined || d.source === 'unres') && overlaps(d.range, range),
  );
  if (requested.length === 0) return [];
  const fresh = findings(document, vocabulary, token);
  if (token?.isCancellationRequested) return [];
  // By code and range, so that each requested diagnostic finds its own in one look-up: a paragraph
  // with thousands of markers asks about thousands of diagnostics at once.
  const byPlace = new Map<string, Finding[]>();
  for (const finding of fresh) {
    const key = `${finding.diagnostic.code}@${rangeKey(finding.diagnostic.range)}`;
    const list = byPlace.get(key);
    if (list) list.push(finding);
    else byPlace.set(key, [finding]);
  }
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of requested) {
    if (token?.isCancellationRequested) return [];
    const candidates = byPlace.get(`${diagnostic.code}@${rangeKey(diagnostic.range)}`) ?? [];
    const finding = candidates.find((f) => f.diagnostic.message === diagnostic.message) ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!finding) continue;
    for (const fix of finding.fixes) {
      const id = `${fix.span.start}:${fix.span.end}:${fix.newText}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const edit: TextEdit = { range: document.range(fix.span), newText: fix.newText };
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [document.uri]: [edit] } },
      };
      if (fix.preferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}

/**
 * The edits of "Fix all" for this module: terminal punctuation, the session ordinal (when it is
 * not a later session an item taken up every few years may name) and an unknown opening word
 * with a single suggestion. Sorted by position, never overlapping. `include` leaves out codes
 * (those the user turned off).
 */
export function getStyleFixAll(
  document: ParsedDocument,
  vocabulary: OpeningVocabulary,
  token?: CancellationToken,
  include: (code: string) => boolean = () => true,
): TextEdit[] {
  const fixes = findings(document, vocabulary, token)
    .filter((f) => include(String(f.diagnostic.code)))
    .map((f) => f.fixes.find((fix) => fix.fixAll))
    .filter((fix): fix is Fix => fix !== undefined)
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const edits: TextEdit[] = [];
  let previous: Span | undefined;
  for (const fix of fixes) {
    // Overlapping edits, or two at one point (their order would be ambiguous), keep the first.
    if (previous && (fix.span.start < previous.end || (fix.span.start === previous.start && fix.span.start === previous.end))) continue;
    edits.push({ range: document.range(fix.span), newText: fix.newText });
    previous = fix.span;
  }
  return edits;
}

// ---- the checks -----------------------------------------------------------------------------

function findings(document: ParsedDocument, vocabulary: OpeningVocabulary, token?: CancellationToken): Finding[] {
  const out: Finding[] = [];
  const cancelled = () => token?.isCancellationRequested === true;
  checkPunctuation(document, vocabulary, out, cancelled);
  if (cancelled()) return [];
  checkOpenings(document, vocabulary, out, cancelled);
  if (cancelled()) return [];
  checkSession(document, out);
  checkFootnotes(document, out);
  if (cancelled()) return [];
  // In document order (a stable sort keeps the order of findings at one place).
  return out.sort((a, b) => a.diagnostic.range.start.line - b.diagnostic.range.start.line || a.diagnostic.range.start.character - b.diagnostic.range.start.character);
}

function push(
  out: Finding[], document: ParsedDocument, span: Span, severity: DiagnosticSeverity, code: string, message: string, data: StyleDiagnosticData, fixes: Fix[] = [],
): void {
  out.push({ diagnostic: { range: document.range(span), severity, source: 'unres', code, message, data }, fixes });
}

// ---- punctuation ----------------------------------------------------------------------------

const MARKS = ',;:.!?';
const CLOSING_QUOTES = '”’"\'»';

/** The end of a block's own clean text: the mark it ends with, if any, and where a mark goes. */
interface Terminal {
  /** The mark ('' when the text ends with something else). */
  mark: string;
  /** Clean offset of the mark, or of the last character when there is none. */
  at: number;
  /** Clean offset where a missing mark is inserted (after any closing quote). */
  insertAt: number;
}

function terminal(text: string, allowConjunction: boolean): Terminal | undefined {
  let end = text.length;
  // Any white space: PDF text ends lines with no-break and narrow no-break spaces too.
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (end === 0) return undefined;
  // "…; and" / "…; or" before the next sub-paragraph: the mark is the one before the conjunction.
  if (allowConjunction) {
    const conjunction = /(\S)\s+(?:and|or)$/.exec(text.slice(Math.max(0, end - 8), end));
    if (conjunction) {
      const before = end - conjunction[0].length + 1; // just after the character before the space
      const ch = text[before - 1];
      if (MARKS.includes(ch)) return { mark: ch, at: before - 1, insertAt: before };
      return { mark: '', at: characterStart(text, before - 1), insertAt: before };
    }
  }
  let j = end;
  while (j > 0 && CLOSING_QUOTES.includes(text[j - 1])) j--;
  if (j > 0 && MARKS.includes(text[j - 1])) return { mark: text[j - 1], at: j - 1, insertAt: end };
  return { mark: '', at: characterStart(text, end - 1), insertAt: end };
}

/** The start of the character whose last code unit is at `offset`: an emoji is two. */
function characterStart(text: string, offset: number): number {
  return offset > 0 && /[\uDC00-\uDFFF]/.test(text[offset]) && /[\uD800-\uDBFF]/.test(text[offset - 1]) ? offset - 1 : offset;
}

const ABBREVIATION = /(?:^|[\s(])(?:No|Nos|para|paras|chap|sect|art|arts|Art|vol|p|pp|Corr|Rev|Add|Suppl|Mr|Mrs|Ms|Dr|St|Inc|Ltd|Co|Jr|Sr|etc|viz|cf|e\.g|i\.e|ibid|Ibid|op|cit|[A-Z])$/;
const SENTENCE_BREAK = /[.!?][”’"')]*\s+[“‘"(]?\p{Lu}/gu;

/** Whether a clean text holds two sentences or more: a full stop followed by a capital, not after an abbreviation. */
function hasInnerSentenceBreak(text: string): boolean {
  SENTENCE_BREAK.lastIndex = 0;
  for (let match = SENTENCE_BREAK.exec(text); match; match = SENTENCE_BREAK.exec(text)) {
    if (!ABBREVIATION.test(text.slice(Math.max(0, match.index - 8), match.index))) return true;
  }
  return false;
}

type Block = Paragraph | SubParagraph;

function checkPunctuation(document: ParsedDocument, vocabulary: OpeningVocabulary, out: Finding[], cancelled: () => boolean): void {
  const { preambular, operative } = document.model;
  for (const paragraph of preambular) {
    checkParagraph(document, paragraph, paragraphName(paragraph), ',', out);
  }
  if (cancelled()) return;
  operative.forEach((paragraph, i) => {
    // "Noting …," read into the operative part (after a stray "Decides …;" in the preamble) is a
    // preambular paragraph out of place: unres.openingInWrongPart says so, a ";" would not help.
    if (paragraph.subparagraphs.length === 0 && terminal(paragraph.content.text, false)?.mark === ',' && opensLikePreamble(paragraph, vocabulary)) return;
    checkParagraph(document, paragraph, paragraphName(paragraph), i === operative.length - 1 ? '.' : ';', out);
  });
}

/** An operative paragraph that opens with a preambular phrase and has no operative verb after it. */
function opensLikePreamble(paragraph: Paragraph, vocabulary: OpeningVocabulary): boolean {
  const opening = readOpening(paragraph, vocabulary);
  if (opening.head < 0) return false;
  const head = opening.words[opening.head].lower;
  return vocabulary.preambularWords.has(head) && !vocabulary.operativeWords.has(head) && !verbAfterComma(paragraph.content.text, vocabulary);
}

function checkParagraph(document: ParsedDocument, paragraph: Paragraph, label: string, end: string, out: Finding[]): void {
  if (paragraph.subparagraphs.length > 0) {
    expectMark(document, paragraph, [':'], false, PUNCTUATION_INTRODUCER, `at the end of ${label}, which introduces sub-paragraphs`, out);
    checkList(document, paragraph.subparagraphs, label, paragraph.kind, end, label, out);
    return;
  }
  if (paragraph.introduces) {
    // It introduces the text it adopts, the numbered paragraphs after it or a table: its colon is right.
    expectMark(document, paragraph, [':'], false, PUNCTUATION_INTRODUCER, `at the end of ${label}, which introduces the text after it`, out);
  } else if (paragraph.kind === 'preambular') {
    expectMark(document, paragraph, [','], false, PUNCTUATION_PREAMBULAR, `at the end of preambular paragraph ${label}`, out);
  } else if (end === '.') {
    expectMark(document, paragraph, ['.'], false, PUNCTUATION_LAST, `at the end of the last operative paragraph ${label}`, out);
  } else {
    expectMark(document, paragraph, [';'], false, PUNCTUATION_OPERATIVE, `at the end of operative paragraph ${label} (only the last one ends with ".")`, out);
  }
}

/**
 * A list of sub-paragraphs ending a block whose mark is `end`: each item ends with ";", the last
 * with `end`. A list written as whole sentences (one of its items holds two sentences or more,
 * like the norms 1.1 to 1.13 of seed 002) may end its items with full stops; its last item still
 * carries `end`. "; and" / "; or" after an item that is not the last is fine.
 */
function checkList(document: ParsedDocument, items: SubParagraph[], parentLabel: string, kind: Paragraph['kind'], end: string, paragraphLabel: string, out: Finding[]): void {
  // Each item's list below is checked right after it, as the text reads; the lists wait on a
  // stack of their own, since the labels decide how deep they go.
  const lists: ListFrame[] = [listFrame(items, parentLabel, end)];
  while (lists.length > 0) {
    const list = lists[lists.length - 1];
    if (list.next >= list.items.length) {
      lists.pop();
      continue;
    }
    const k = list.next++;
    const below = checkItem(document, list, k, kind, paragraphLabel, out);
    if (below) lists.push(below);
  }
}

/** A list of sub-paragraphs being checked, and the next item to check. */
interface ListFrame {
  items: SubParagraph[];
  parentLabel: string;
  end: string;
  sentences: boolean;
  consistent: string | undefined;
  next: number;
}

function listFrame(items: SubParagraph[], parentLabel: string, end: string): ListFrame {
  const sentences = items.some((item) => hasInnerSentenceBreak(item.content.text));
  // A list that ends every item with the same mark is written so on purpose: adopted texts end
  // the items of a preambular list with commas, and some lists with full stops.
  const marks = items.filter((item) => item.subparagraphs.length === 0).map((item) => terminal(item.content.text, true)?.mark ?? '');
  const consistent = marks.length >= 2 && (marks[0] === ',' || marks[0] === '.') && marks.every((m) => m === marks[0]) ? marks[0] : undefined;
  return { items, parentLabel, end, sentences, consistent, next: 0 };
}

/** Checks item `k` of a list; returns the list below it, if it has one. */
function checkItem(document: ParsedDocument, list: ListFrame, k: number, kind: Paragraph['kind'], paragraphLabel: string, out: Finding[]): ListFrame | undefined {
  const { items, parentLabel, end, sentences, consistent } = list;
  const item = items[k];
  const last = k === items.length - 1;
  const itemEnd = last ? end : ';';
  // A decimal label names its own place ("OP1 1.2.1"): with every level above it, the labels of
  // deep decimal lists would grow with the square of the depth.
  const label = item.scheme === 'decimal' && item.label ? `${paragraphLabel} ${item.label}` : `${parentLabel} ${item.label ? subLabel(item) : `item ${k + 1}`}`;
  if (item.subparagraphs.length > 0) {
    expectMark(document, item, [':'], false, PUNCTUATION_INTRODUCER, `at the end of ${label}, which introduces sub-paragraphs`, out);
    return listFrame(item.subparagraphs, label, itemEnd);
  }
  const accepted = [itemEnd];
  if (!last && sentences) accepted.push('.');
  if (consistent && !last) accepted.push(consistent);
  if (!last && kind === 'preambular') accepted.push(',');
  let where = `at the end of sub-paragraph ${label}`;
  if (!last && sentences) where += ' (a list written as whole sentences)';
  else if (last && end === '.') where += ', the last of the last operative paragraph';
  else if (last) where += `, which ends ${kind === 'preambular' ? 'preambular' : 'operative'} paragraph ${paragraphLabel}`;
  expectMark(document, item, accepted, !last, PUNCTUATION_SUBPARAGRAPH, where, out);
  return undefined;
}

function expectMark(document: ParsedDocument, block: Block, accepted: string[], allowConjunction: boolean, code: string, where: string, out: Finding[]): void {
  const clean = block.content;
  // In a draft under negotiation the mark stands before the closing bracket and the notes.
  const text = queryOf(document.model).underNegotiation ? clean.text.slice(0, endBeforeNegotiationMarks(clean.text)) : clean.text;
  const end = terminal(text, allowConjunction);
  if (!end || accepted.includes(end.mark)) return;
  // A quoted question ends the text with its own mark: "… of Israel …?”".
  if ((end.mark === '?' || end.mark === '!') && accepted.includes('.')) return;
  // A quotation after a colon closes the text without a mark of its own: "… will be: “Fostering …”".
  if (end.mark === '' && /:\s*“[^“”]*”$/.test(text.trimEnd())) return;
  const expected = accepted.map((m) => `"${m}"`).join(' or ');
  const found = end.mark ? `"${end.mark}"` : 'no punctuation mark';
  const message = `Expected ${expected} ${where}, found ${found}.`;
  const markSpan = sourceChar(document.model.text, clean, end.at);
  const mark = accepted[0];
  let fix: Fix;
  if (end.mark) {
    fix = { title: `Change "${end.mark}" to "${mark}"`, span: markSpan, newText: mark, preferred: true, fixAll: true };
  } else {
    const at = toSourceOffset(clean, end.insertAt, 'end');
    fix = { title: `Add "${mark}"`, span: { start: at, end: at }, newText: mark, preferred: true, fixAll: true };
  }
  push(out, document, markSpan, DiagnosticSeverity.Warning, code, message, { kind: 'punctuation', expected: accepted, found: end.mark }, [fix]);
}

/** The source span of the clean character at `offset`, both halves of a surrogate pair. */
function sourceChar(source: string, clean: CleanText, offset: number): Span {
  const start = toSourceOffset(clean, offset, 'start');
  return { start, end: start + ((source.codePointAt(start) ?? 0) > 0xffff ? 2 : 1) };
}

// ---- opening phrases ------------------------------------------------------------------------

interface Word {
  text: string;
  lower: string;
  /** Clean offsets. */
  start: number;
  end: number;
}

const WORD = /[\p{L}][\p{L}'’-]*/uy;

/** The first words of a clean text, separated by spaces only (a comma or a digit stops them). */
function leadingWords(text: string, max: number): Word[] {
  const words: Word[] = [];
  // "[Also requests …]": a paragraph in brackets opens with the words inside them.
  let at = /^(?:\[\s*)*/.exec(text)![0].length;
  while (words.length < max && at < text.length) {
    WORD.lastIndex = at;
    const match = WORD.exec(text);
    if (!match) break;
    const word = match[0].replace(/['’-]+$/, '');
    words.push({ text: word, lower: word.toLowerCase(), start: at, end: at + word.length });
    at += match[0].length;
    if (text.charCodeAt(at) !== 32) break;
    at++;
  }
  return words;
}

/** Words that show an operative verb is used again on purpose. */
const REPEAT_MARKERS = new Set(['also', 'further', 'furthermore', 'moreover', 'again', 'additionally', 'likewise', 'similarly', 'equally']);
/** Modifiers that a misspelt first word may be meant as. */
const SUGGESTED_MODIFIERS = ['also', 'further', 'strongly', 'deeply'];

interface Opening {
  words: Word[];
  /** Index in `words` of the head word (participle, adjective or verb), -1 when none. */
  head: number;
}

function readOpening(paragraph: Paragraph, vocabulary: OpeningVocabulary): Opening {
  const words = leadingWords(paragraph.content.text, 5);
  let head = -1;
  for (let i = 0; i < words.length; i++) {
    if (!vocabulary.modifiers.has(words[i].lower)) {
      head = i;
      break;
    }
  }
  // A paragraph that starts in lower case has no opening phrase.
  if (head === 0 && !/^\p{Lu}/u.test(words[0].text)) head = -1;
  return { words, head };
}

function checkOpenings(document: ParsedDocument, vocabulary: OpeningVocabulary, out: Finding[], cancelled: () => boolean): void {
  const { preambular, operative } = document.model;
  for (const paragraph of [...preambular, ...operative]) {
    const opening = readOpening(paragraph, vocabulary);
    if (opening.head < 0) continue;
    const head = opening.words[opening.head];
    if (!wrongPart(document, paragraph, head, vocabulary, out)) unknown(document, paragraph, opening, vocabulary, out);
  }
  if (cancelled()) return;
  repeatedVerbs(document, operative, vocabulary, out);
}

function label(paragraph: Paragraph): string {
  return paragraphName(paragraph);
}

/** An operative verb opening a preambular paragraph, or a preambular opening an operative one. */
function wrongPart(document: ParsedDocument, paragraph: Paragraph, head: Word, vocabulary: OpeningVocabulary, out: Finding[]): boolean {
  const own = paragraph.kind === 'preambular' ? vocabulary.preambularWords : vocabulary.operativeWords;
  const other = paragraph.kind === 'preambular' ? vocabulary.operativeWords : vocabulary.preambularWords;
  if (own.has(head.lower) || !other.has(head.lower)) return false;
  const text = paragraph.content.text;
  // A section's own preamble in a resolution in parts: "Recalls its resolution 77/263 A, …," before
  // the section's "1." is how the Assembly writes it.
  const firstOperative = document.model.operative[0];
  if (paragraph.kind === 'preambular' && firstOperative && paragraph.start > firstOperative.start) return false;
  // "Taking into account …, decides …": a participle phrase before the operative verb.
  if (paragraph.kind === 'operative' && verbAfterComma(text, vocabulary)) return false;
  const suggestions = counterparts(head.lower, paragraph.kind, vocabulary).map((s) => withCaseOf(head.text, s));
  const span = toSourceSpan(paragraph.content, head.start, head.end);
  const id = label(paragraph);
  const message =
    paragraph.kind === 'preambular'
      ? `Expected a preambular opening (a participle or adjective such as ${quoteList(suggestions.length ? suggestions : ['Recalling', 'Concerned'])}) in ${id}, found the operative verb "${head.text}".`
      : `Expected an operative verb (such as ${quoteList(suggestions.length ? suggestions : ['Decides', 'Requests'])}) in ${id}, found the preambular opening "${head.text}".`;
  const fixes = suggestions.map((s, i): Fix => ({ title: `Change "${head.text}" to "${s}"`, span, newText: s, preferred: i === 0, fixAll: false }));
  push(out, document, span, DiagnosticSeverity.Warning, OPENING_IN_WRONG_PART, message, { kind: 'opening', word: head.text, suggestions }, fixes);
  return true;
}

function verbAfterComma(text: string, vocabulary: OpeningVocabulary): boolean {
  for (let at = text.indexOf(', '); at >= 0; at = text.indexOf(', ', at + 2)) {
    const words = leadingWords(text.slice(at + 2, at + 80), 4);
    const verb = words.find((w) => w.lower !== 'and' && !vocabulary.modifiers.has(w.lower));
    if (verb && verb.text === verb.lower && vocabulary.operativeWords.has(verb.lower)) return true;
  }
  return false;
}

/** "decides" -> "deciding", "recalling" -> "recalls": the word's form in the other part, when the vocabulary knows it. */
function counterparts(lower: string, kind: Paragraph['kind'], vocabulary: OpeningVocabulary): string[] {
  const candidates: string[] = [];
  if (kind === 'preambular') {
    // An operative verb in the preamble: its participle.
    const stems = [lower.replace(/s$/, ''), lower.replace(/es$/, ''), lower.replace(/ies$/, 'y')];
    for (const stem of stems) candidates.push(`${stem}ing`, `${stem.replace(/e$/, '')}ing`, `${stem}${stem.slice(-1)}ing`);
    return unique(candidates.filter((c) => vocabulary.preambularWords.has(c)));
  }
  if (!lower.endsWith('ing')) return [];
  const stem = lower.slice(0, -3);
  for (const base of [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')]) candidates.push(`${base}s`, `${base}es`, base.endsWith('y') ? `${base.slice(0, -1)}ies` : '');
  return unique(candidates.filter((c) => c && vocabulary.operativeWords.has(c)));
}

/** An unknown opening word a letter or two from a known one. */
function unknown(document: ParsedDocument, paragraph: Paragraph, opening: Opening, vocabulary: OpeningVocabulary, out: Finding[]): void {
  const word = opening.words[opening.head];
  const lower = word.lower;
  if (
    lower.length < 4 ||
    !(opening.head === 0 ? /^\p{Lu}[\p{L}'’-]*$/u : /^\p{Ll}[\p{L}'’-]*$/u).test(word.text) ||
    vocabulary.preambularWords.has(lower) ||
    vocabulary.operativeWords.has(lower) ||
    vocabulary.modifiers.has(lower) ||
    vocabulary.corpusWords.has(lower) ||
    vocabulary.otherWords.has(lower)
  ) {
    return;
  }
  const own = paragraph.kind === 'preambular' ? vocabulary.preambularWords : vocabulary.operativeWords;
  const other = paragraph.kind === 'preambular' ? vocabulary.operativeWords : vocabulary.preambularWords;
  const extra = opening.head === 0 ? SUGGESTED_MODIFIERS : [];
  let near = nearWords(lower, [...own, ...extra], vocabulary);
  if (near.length === 0) near = nearWords(lower, other, vocabulary);
  if (near.length === 0) return;
  const suggestions = near.slice(0, 3).map((s) => withCaseOf(word.text, s));
  const span = toSourceSpan(paragraph.content, word.start, word.end);
  const part = paragraph.kind === 'preambular' ? 'preambular' : 'operative';
  const message = `Expected a known ${part} opening (${quoteList(suggestions)}) in ${label(paragraph)}, found "${word.text}".`;
  const fixes = suggestions.map((s, i): Fix => ({ title: `Change "${word.text}" to "${s}"`, span, newText: s, preferred: i === 0, fixAll: suggestions.length === 1 }));
  push(out, document, span, DiagnosticSeverity.Warning, OPENING_UNKNOWN, message, { kind: 'opening', word: word.text, suggestions }, fixes);
}

/**
 * Known words within a small edit distance (optimal string alignment: insertions, deletions,
 * substitutions, transpositions): 1 up to ten letters, 2 from eleven. The first letter must
 * match, unless the first two are swapped. Nearest first, then the most used.
 */
function nearWords(word: string, known: Iterable<string>, vocabulary: OpeningVocabulary): string[] {
  const limit = word.length >= 11 ? 2 : 1;
  const found: { word: string; distance: number; weight: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of known) {
    if (seen.has(candidate) || Math.abs(candidate.length - word.length) > limit) continue;
    seen.add(candidate);
    const swapped = candidate[0] === word[1] && candidate[1] === word[0];
    if (candidate[0] !== word[0] && !swapped) continue;
    const distance = editDistance(word, candidate, limit);
    if (distance > limit || (candidate[0] !== word[0] && distance > 1)) continue;
    found.push({ word: candidate, distance, weight: (vocabulary.corpusWords.get(candidate) ?? 0) * 1000 + (vocabulary.rank.get(candidate) ?? 0) });
  }
  found.sort((a, b) => a.distance - b.distance || b.weight - a.weight || (a.word < b.word ? -1 : 1));
  return found.map((f) => f.word);
}

/** Optimal string alignment distance, stopping early once every path exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const n = a.length;
  const m = b.length;
  let previous2 = new Array<number>(m + 1).fill(0);
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let best = current[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return best;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[m];
}

/**
 * An operative verb used again without "Also"/"Further": a hint only, for the editors' preference
 * is not a rule. Four adopted resolutions in five open two operative paragraphs with one verb
 * ("Requests" in OP2 and OP6), fourteen times a text on average.
 */
function repeatedVerbs(document: ParsedDocument, operative: Paragraph[], vocabulary: OpeningVocabulary, out: Finding[]): void {
  const used = new Map<string, Paragraph>();
  for (const paragraph of operative) {
    const opening = readOpening(paragraph, vocabulary);
    if (opening.head < 0) continue;
    const head = opening.words[opening.head];
    if (!vocabulary.operativeWords.has(head.lower)) continue;
    // The phrase without its modifiers: "Calls upon" and "Calls for" are different phrases.
    const phraseWords = (paragraph.opening?.text ?? head.text).toLowerCase().split(/\s+/);
    const key = phraseWords.filter((w) => !vocabulary.modifiers.has(w)).join(' ') || head.lower;
    const marked =
      opening.words.slice(0, opening.head + 2).some((w) => REPEAT_MARKERS.has(w.lower)) || phraseWords.some((w) => REPEAT_MARKERS.has(w));
    const earlier = used.get(key);
    if (!earlier) used.set(key, paragraph);
    if (!earlier || marked) continue;
    const verb = head.text;
    const lowerVerb = verb.charAt(0).toLowerCase() + verb.slice(1);
    const suggestions = opening.head === 0 && /^\p{Lu}/u.test(verb) ? [`Also ${lowerVerb}`, `Further ${lowerVerb}`] : [];
    const span = toSourceSpan(paragraph.content, head.start, head.end);
    const message = `Expected "Also ${lowerVerb}" or "Further ${lowerVerb}" in ${label(paragraph)}, found "${verb}" again ("${verb}" already opens ${label(earlier)}).`;
    const fixes = suggestions.map((s): Fix => ({ title: `Change "${verb}" to "${s}"`, span, newText: s, preferred: false, fixAll: false }));
    push(out, document, span, DiagnosticSeverity.Hint, REPEATED_VERB, message, { kind: 'opening', word: verb, suggestions }, fixes);
  }
}

// ---- session ordinal ------------------------------------------------------------------------

const AGENDA = /\bprovisional agenda of (?:its|the) ((?:[\p{L}]+[- ]){0,4}?[\p{L}]+) session\b/giu;

function checkSession(document: ParsedDocument, out: Finding[]): void {
  const session = document.model.header?.session;
  if (session === undefined) return;
  const expectedNumber = session + 1;
  const expected = ordinalWord(expectedNumber);
  for (const paragraph of document.model.operative) {
    const text = paragraph.content.text;
    if (!/provisional agenda/i.test(text)) continue;
    AGENDA.lastIndex = 0;
    for (let match = AGENDA.exec(text); match; match = AGENDA.exec(text)) {
      const written = match[1];
      const start = match.index + match[0].length - ' session'.length - written.length;
      const found = parseOrdinalWord(written);
      if (found === expectedNumber) continue;
      // Words that are not an attempt at an ordinal ("its next session", "its resumed session").
      if (found === undefined && !/(?:-|first|second|third|th)$/i.test(written) && !/-/.test(written)) continue;
      // Items taken up every two to five years name a later session ("the eighty-second" in a text of the seventy-eighth).
      const later = found !== undefined && found > expectedNumber && found <= expectedNumber + 4;
      // A hint then: one adopted text in nine names such a later session.
      const severity = later ? DiagnosticSeverity.Hint : DiagnosticSeverity.Warning;
      const note = later ? ' (an item taken up every two to five years names a later session: then keep it)' : '';
      const message = `Expected the ${expected} session in the provisional agenda, the session after the ${ordinalWord(session)} named in the header, found "${written}"${note}.`;
      const span = toSourceSpan(paragraph.content, start, start + written.length);
      const sourceText = document.model.text.slice(span.start, span.end);
      const replacement = withCaseOf(written, expected);
      const fix: Fix = { title: `Change "${written}" to "${replacement}"`, ...minimalEdit(span, sourceText, replacement), preferred: true, fixAll: !later };
      push(out, document, span, severity, SESSION_ORDINAL, message, { kind: 'session', expected, found: written, headerSession: session }, [fix]);
    }
  }
}

/**
 * The edit that turns `sourceText` (at `span`) into `replacement`: the whole span when the source
 * reads as the clean text does; otherwise (a line break inside "seventy-\nfourth") only the
 * letters that differ, so the line break stays.
 */
function minimalEdit(span: Span, sourceText: string, replacement: string): { span: Span; newText: string } {
  if (!/\s/.test(sourceText)) return { span, newText: replacement };
  // Compare the source without its white space to the replacement, then map back.
  const positions: number[] = [];
  for (let i = 0; i < sourceText.length; i++) if (!/\s/.test(sourceText[i])) positions.push(i);
  const compact = positions.map((i) => sourceText[i]).join('');
  let prefix = 0;
  while (prefix < compact.length && prefix < replacement.length && compact[prefix] === replacement[prefix]) prefix++;
  let suffix = 0;
  const room = Math.min(compact.length, replacement.length) - prefix;
  while (suffix < room && compact[compact.length - 1 - suffix] === replacement[replacement.length - 1 - suffix]) suffix++;
  if (prefix === compact.length && prefix === replacement.length) return { span: { start: span.start, end: span.start }, newText: '' };
  const start = prefix < positions.length ? positions[prefix] : sourceText.length;
  const end = compact.length - suffix > 0 ? positions[compact.length - suffix - 1] + 1 : 0;
  if (end < start) return { span: { start: span.start + start, end: span.start + start }, newText: replacement.slice(prefix, replacement.length - suffix) };
  if (/\s/.test(sourceText.slice(start, end))) return { span, newText: replacement };
  return { span: { start: span.start + start, end: span.start + end }, newText: replacement.slice(prefix, replacement.length - suffix) };
}

// ---- footnotes ------------------------------------------------------------------------------

/** Footnotes named one by one in the message of a marker without its footnote; more are named by the first and the last. */
const FOOTNOTES_LISTED = 10;

function checkFootnotes(document: ParsedDocument, out: Finding[]): void {
  const { footnotes, markers } = document.model;
  const bodies = new Set(footnotes.map((f) => f.label));
  const referenced = new Set(markers.map((m) => m.label));
  const labels = unique(footnotes.map((f) => f.label));
  // One text for every marker: each message lists the footnotes, a long list only by its ends.
  const listed = labels.length <= FOOTNOTES_LISTED ? andList(labels) : `${labels.slice(0, 3).join(', ')} … ${labels[labels.length - 1]} (${labels.length} footnotes)`;
  const found = labels.length === 0 ? 'no footnote in the document' : `footnote${labels.length === 1 ? '' : 's'} ${listed} only`;
  for (const marker of markers) {
    if (bodies.has(marker.label)) continue;
    const message = `Expected a footnote ${marker.label} for this marker, found ${found}.`;
    push(out, document, marker, DiagnosticSeverity.Warning, FOOTNOTE_MISSING, message, { kind: 'footnote', label: marker.label });
  }
  for (const footnote of footnotes) {
    if (referenced.has(footnote.label)) continue;
    const message = `Expected a marker referring to footnote ${footnote.label} in the text, found none.`;
    push(out, document, footnote.labelSpan, DiagnosticSeverity.Warning, FOOTNOTE_UNUSED, message, { kind: 'footnote', label: footnote.label });
  }
}

// ---- helpers --------------------------------------------------------------------------------

/** `word` written with the case of `model`: "RECALING" -> "RECALLING", "Recaling" -> "Recalling". */
function withCaseOf(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  if (/^\p{Lu}/u.test(model)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word.toLowerCase();
}

function quoteList(items: string[]): string {
  const quoted = items.map((s) => `"${s}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function andList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

