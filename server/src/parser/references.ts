// References to paragraphs, read from clean text: "paragraph 3 above", "paragraphs 2 and 5",
// "paragraph 4 (b)", "subparagraph (c)", "paragraphs 3 to 5 of resolution 73/266",
// "paragraph 3 of that resolution".
import { toSourceSpan } from './cleanText';
import type { CleanText, ParagraphReference, ReferenceScope, ReferenceTarget } from './model';
import { SUFFIX_PATTERN } from './negotiation';

// A paragraph ("3", "1.5", "2 (c)") or a sub-paragraph ("(b)"); never the start of a longer number ("2253").
// "2 bis" names a paragraph inserted during negotiation.
const ITEM = String.raw`(?:\d{1,3}(?:\s${SUFFIX_PATTERN}\b)?(?:\.\d{1,3})*(?![\d.]\d)(?:\s?\([a-z]{1,4}\))?|\([a-z]{1,4}\))`;
const REFERENCE = new RegExp(String.raw`\b(sub-?)?(paragraphs?)\s+(${ITEM}(?:(?:,\s*|,?\s+and\s+|\s+to\s+)${ITEM})*)`, 'g');
const ITEM_IN_LIST = new RegExp(String.raw`(\d{1,3}(?:\.\d{1,3})*)?(?:\s(${SUFFIX_PATTERN})\b)?(?:\s?\(([a-z]{1,4})\))?`, 'g');
/** What may stand between a reference and the words that say whose it is: "(35)", "(a) (ii)", ", subparagraphs (a) to (h),". */
const BETWEEN = /^(?:\s*\([a-z0-9]{1,5}\))*(?:,?\s+sub-?paragraphs?\s+\([a-z]{1,4}\)(?:\s+(?:to|and)\s+\([a-z]{1,4}\))*,?)?/;
/** "subparagraph (b) of paragraph 3": one reference. */
const OF_PARAGRAPH = /^\s+of\s+(?:operative\s+)?paragraph\s+(\d{1,3})(?!\d)/;
const AFTER_SELF = /^\s+(above|below)\b/;
const AFTER_CITED = /^,?\s+of\s+(?:its\s+|the\s+|General Assembly\s+)?(resolution|decision)\s+((?:A\/RES\/|A\/DEC\/)?(?:ES-\d{1,2}\/\d{1,4}|\d{1,3}\/\d{1,4}(?:\s[A-Z](?![\w/]))?|\d{1,4}\s\([IVXL]+\)))/;
const AFTER_PREVIOUS = /^,?\s+of\s+(?:that|the same|the said|the above-mentioned)\s+(resolution|decision)\b/;
const AFTER_PRESENT = /^,?\s+of\s+the\s+present\s+(resolution|decision)\b/;
const AFTER_OTHER = /^(?:,?\s+of\s+(?:the|its|their|his|her|this|that|these|those|such|each|annex|document|General Assembly|Security Council|[A-Z])|,?\s+(?:thereof|therein|thereto)\b)/;
/** "Article 32, paragraph 7", "section IV, paragraphs 22 and 26", "annex I, paragraph 3": another text's paragraph. */
const BEFORE_OTHER = /(?:\b(?:[Aa]rticles?|[Ss]ections?|[Cc]hapters?|chap\.|[Aa]nnex(?:es)?|[Rr]ules?|[Pp]arts?|[Pp]rinciples?|[Rr]egulations?|[Aa]ppendix|Statute|Charter|Convention|Covenant|Protocol|report|Agreement|Declaration)\s*(?:[\dIVXLC]+[a-z]?(?:\s*\([a-z0-9]+\))?)?,?\s*(?:and\s+)?|\b(?:its|their|his|her|whose)\s+|\bin particular\s+(?:in\s+)?)$/;

export function findReferences(clean: CleanText): ParagraphReference[] {
  const text = clean.text;
  const references: ParagraphReference[] = [];
  /** Where the last reference to another text's paragraphs ended, -1 before any. */
  let otherEnd = -1;
  REFERENCE.lastIndex = 0;
  for (let match = REFERENCE.exec(text); match; match = REFERENCE.exec(text)) {
    const sub = match[1] !== undefined;
    const listStart = match.index + match[0].length - match[3].length;
    const targets = readTargets(clean, match[3], listStart, sub);
    if (targets.length === 0) continue;
    let end = match.index + match[0].length;
    let rest = text.slice(end, end + 160);
    const of = sub && targets.every((t) => t.paragraph === undefined) ? OF_PARAGRAPH.exec(rest) : null;
    if (of) {
      for (const target of targets) target.paragraph = Number(of[1]);
      end += of[0].length;
      rest = rest.slice(of[0].length);
    }
    const between = BETWEEN.exec(rest)![0];
    rest = rest.slice(between.length);
    let scope: ReferenceScope;
    let found: RegExpExecArray | null;
    if ((found = AFTER_SELF.exec(rest))) {
      scope = { kind: 'self', direction: found[1] as 'above' | 'below' };
      end += between.length + found[0].length;
    } else if ((found = AFTER_CITED.exec(rest))) {
      const symbolStart = end + between.length + found[0].length - found[2].length;
      scope = {
        kind: 'cited',
        symbol: found[2],
        citationKind: found[1] as 'resolution' | 'decision',
        symbolSpan: toSourceSpan(clean, symbolStart, symbolStart + found[2].length),
      };
      end += between.length + found[0].length;
    } else if ((found = AFTER_PREVIOUS.exec(rest))) {
      scope = { kind: 'previous' };
      end += between.length + found[0].length;
    } else if ((found = AFTER_PRESENT.exec(rest))) {
      scope = { kind: 'self' };
      end += between.length + found[0].length;
    } else if (AFTER_OTHER.test(rest) || BEFORE_OTHER.test(text.slice(Math.max(0, match.index - 40), match.index))) {
      // "paragraph 3 of the report", "Article 32, paragraph 7": a text we cannot read.
      otherEnd = match.index + match[0].length;
      continue;
    } else if (otherEnd >= 0 && !/[;]|\.\s+\p{Lu}/u.test(text.slice(otherEnd, match.index))) {
      // "paragraphs 1 to 10 of the annex thereto …, as well as paragraphs 13 and 14": the same
      // sentence goes on naming paragraphs of that other text.
      otherEnd = match.index + match[0].length;
      continue;
    } else scope = { kind: 'self' };
    const span = toSourceSpan(clean, match.index, end);
    references.push({ start: span.start, end: span.end, targets, scope });
    // "subparagraph (b) of paragraph 3": the paragraph named inside is not a reference of its own.
    REFERENCE.lastIndex = Math.max(REFERENCE.lastIndex, end);
  }
  return references;
}

function readTargets(clean: CleanText, list: string, listStart: number, sub: boolean): ReferenceTarget[] {
  const targets: ReferenceTarget[] = [];
  let previousEnd = -1;
  let range = false;
  ITEM_IN_LIST.lastIndex = 0;
  for (let match = ITEM_IN_LIST.exec(list); match; match = ITEM_IN_LIST.exec(list)) {
    if (match[0] === '') {
      ITEM_IN_LIST.lastIndex++;
      continue;
    }
    const between = list.slice(previousEnd < 0 ? 0 : previousEnd, match.index);
    if (/\bto\b/.test(between)) range = true;
    previousEnd = match.index + match[0].length;
    const start = listStart + match.index;
    const span = toSourceSpan(clean, start, start + match[0].length);
    const target: ReferenceTarget = { start: span.start, end: span.end };
    if (match[1] !== undefined) {
      // "paragraph 1.5" is sub-paragraph 1.5 of paragraph 1.
      const [top, ...rest] = match[1].split('.');
      target.paragraph = Number(top);
      if (rest.length > 0) target.sub = match[1];
    }
    if (match[2] !== undefined && target.paragraph !== undefined && target.sub === undefined) target.suffix = match[2];
    if (match[3] !== undefined && target.sub === undefined) target.sub = match[3];
    if (sub && target.paragraph === undefined && target.sub === undefined) continue;
    const last = targets[targets.length - 1];
    const plain = last?.sub === undefined && target.sub === undefined && last?.suffix === undefined && target.suffix === undefined;
    if (range && plain && last?.paragraph !== undefined && target.paragraph !== undefined && target.paragraph > last.paragraph && target.paragraph - last.paragraph < 100) {
      // "paragraphs 3 to 5": the paragraphs between are named too, at the span of the range's end.
      for (let n = last.paragraph + 1; n < target.paragraph; n++) targets.push({ start: span.start, end: span.end, paragraph: n });
    }
    range = false;
    targets.push(target);
  }
  return targets;
}
