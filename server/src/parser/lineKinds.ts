// What each raw line is: blank, page furniture, a footnote body, or text. Real documents mix
// these (PDF page headers, undocs link lines, Markdown rules, footnote blocks).
import type { FurnitureKind, Span } from './model';
import type { Line } from './lines';

export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function superscriptToDigits(text: string): string {
  let digits = '';
  for (const ch of text) {
    const index = SUPERSCRIPT_DIGITS.indexOf(ch);
    digits += index >= 0 ? String(index) : ch;
  }
  return digits;
}

/** A document symbol such as A/70/174, A/C.1/73/L.27/Rev.1, S/RES/2240 (2015). */
export const SYMBOL_PATTERN = String.raw`[A-Z]{1,6}(?:\.\d+)?(?:\/[A-Za-z0-9][A-Za-z0-9.\-]*)+`;

const LINK = /^<?https?:\/\/\S+>?$/;
const RULE = /^(?:-{3,}|\*{3,}|={3,}|(?:- ){2,}-)$/;
const SEPARATOR = /^_{3,}$/;
const JOB_NUMBER = /^\d{2}-\d{4,6}(?:\s*\(E\))?(?:\s+\d{6,8})?$/;
// Page numbers and job numbers, alone or together, sometimes glued to the running symbol
// ("24-24344 2/4", "3/3 24-23499", "2/9 23-21227A/C.3/78/L.41").
const JOB = String.raw`\d{2}-\d{4,6}[A-Z]?(?:\s*\(E\))?`;
const PAGE = String.raw`\d{1,3}\s?\/\s?\d{1,3}`;
const PAGE_FOOTER = new RegExp(
  String.raw`^(?:${SYMBOL_PATTERN}\s+)?(?:${JOB}\s+${PAGE}|${PAGE}\s+${JOB}|${PAGE})(?:\s*${SYMBOL_PATTERN})?$`,
);
const BARCODE = /^\*\d{5,}\*$/;
// A symbol that ends a sentence ("A/70/174.") is text, not a running header.
const SYMBOL_LINE = new RegExp(String.raw`^(?:United Nations\s+)?(${SYMBOL_PATTERN})(?<![.\-])$`);

export type LineKind = 'blank' | 'furniture' | 'footnote' | 'text';

export interface FootnoteStart {
  label: string;
  labelSpan: Span;
  /** Offset where the footnote's text begins. */
  textStart: number;
  style: 'superscript' | 'html' | 'caret' | 'markdown' | 'bare';
  /** The label's digits belong to the text (a Markdown conversion made "7 February" into "[^7]: February"). */
  keepsLabel?: boolean;
}

export interface ClassifiedLine extends Line {
  kind: LineKind;
  /** Trimmed content span, markup prefixes (>, #, list dash) removed. */
  contentStart: number;
  contentEnd: number;
  indent: number;
  headingLevel: number;
  furniture?: FurnitureKind;
  footnote?: FootnoteStart;
  /** A line that holds only a document symbol: header symbol or running page header. */
  symbolOnly?: string;
  /** Cache of the parser's markup-free reading of the line. */
  plain?: string;
}

const FOOTNOTE_SUP = new RegExp(`^([${SUPERSCRIPT_DIGITS}]+)\\s*(?=\\S)`);
const FOOTNOTE_HTML = /^<sup>\s*(\d{1,3})\s*<\/sup>\s*(?=\S)/;
const FOOTNOTE_CARET = /^\^(\d{1,3})\s+(?=\S)/;
const FOOTNOTE_MARKDOWN = /^\[\^(\w{1,8})\]:\s*/;
// Not a date that wraps onto the line ("7 February 1984."), nor a quantity.
const FOOTNOTE_BARE = /^(?:(\d{1,3})\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|per cent\b|million\b|billion\b)|(\*{1,3})\s*)(?=[^\s.)\d/*]|(?:19|20)\d\d\b)/;
const FOOTNOTE_STAR = /^(\*{1,3})\s+(?=\p{Lu})/u;
/** A footnote number alone on its line, its text on the next (pdftotext -layout). */
const FOOTNOTE_NUMBER_ALONE = /^(\d{1,3})$/;

export function classifyLine(line: Line, bareFootnotesAllowed: boolean): ClassifiedLine {
  const raw = line.text;
  let start = 0;
  let end = raw.length;
  while (start < end && isSpace(raw.charCodeAt(start))) start++;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  const indent = start;
  // Every field is written here, in one shape: this runs once per line of every document.
  const classified: ClassifiedLine = {
    start: line.start,
    end: line.end,
    next: line.next,
    text: line.text,
    kind: 'text',
    contentStart: line.start + start,
    contentEnd: line.start + end,
    indent,
    headingLevel: 0,
    furniture: undefined,
    footnote: undefined,
    symbolOnly: undefined,
    plain: undefined,
  };
  if (start === end) {
    classified.kind = 'blank';
    return classified;
  }
  const trimmed = raw.slice(start, end);
  const furniture = furnitureKind(trimmed);
  if (furniture) {
    classified.kind = 'furniture';
    classified.furniture = furniture;
    return classified;
  }
  const symbol = SYMBOL_LINE.exec(trimmed);
  if (symbol) classified.symbolOnly = symbol[1];

  // Markup that prefixes the whole line.
  let prefix = 0;
  const heading = /^(#{1,6})\s+/.exec(trimmed);
  if (heading) {
    classified.headingLevel = heading[1].length;
    prefix = heading[0].length;
  } else {
    const quote = /^(?:>\s?)+/.exec(trimmed);
    if (quote) prefix = quote[0].length;
    const listDash = /^[-*+]\s+(?=\(|\d)/.exec(trimmed.slice(prefix));
    if (listDash) prefix += listDash[0].length;
  }
  classified.contentStart = line.start + start + prefix;

  const rest = trimmed.slice(prefix);
  const footnote = footnoteStart(rest, bareFootnotesAllowed);
  if (footnote) {
    const base = classified.contentStart;
    classified.kind = 'footnote';
    classified.footnote = {
      label: footnote.label,
      labelSpan: { start: base + footnote.labelStart, end: base + footnote.labelEnd },
      textStart: base + footnote.textStart,
      style: footnote.style,
    };
  }
  return classified;
}

function footnoteStart(text: string, bare: boolean) {
  let match = FOOTNOTE_SUP.exec(text);
  if (match) return { label: superscriptToDigits(match[1]), labelStart: 0, labelEnd: match[1].length, textStart: match[0].length, style: 'superscript' as const };
  match = FOOTNOTE_HTML.exec(text);
  if (match) return { label: match[1], labelStart: 0, labelEnd: text.indexOf('</sup>') + 6, textStart: match[0].length, style: 'html' as const };
  match = FOOTNOTE_CARET.exec(text);
  if (match) return { label: match[1], labelStart: 0, labelEnd: match[1].length + 1, textStart: match[0].length, style: 'caret' as const };
  match = FOOTNOTE_MARKDOWN.exec(text);
  if (match) return { label: match[1], labelStart: 0, labelEnd: match[0].trimEnd().length, textStart: match[0].length, style: 'markdown' as const };
  // "* Any changes to the list of sponsors …": the asterisk footnote of a draft, separator or not.
  match = FOOTNOTE_STAR.exec(text);
  if (match) return { label: match[1], labelStart: 0, labelEnd: match[1].length, textStart: match[0].length, style: 'bare' as const };
  if (bare) {
    match = FOOTNOTE_BARE.exec(text) ?? FOOTNOTE_NUMBER_ALONE.exec(text);
    if (match) {
      const label = match[1] ?? match[2];
      return { label, labelStart: 0, labelEnd: label.length, textStart: match[0].length, style: 'bare' as const };
    }
  }
  return undefined;
}

function furnitureKind(trimmed: string): FurnitureKind | undefined {
  if (LINK.test(trimmed)) return 'link';
  if (SEPARATOR.test(trimmed)) return 'separator';
  if (RULE.test(trimmed)) return 'rule';
  if (BARCODE.test(trimmed)) return 'barcode';
  if (PAGE_FOOTER.test(trimmed) || JOB_NUMBER.test(trimmed)) return 'pageFooter';
  return undefined;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff || code === 0x200b || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}
