// References to paragraphs, read from clean text: "paragraph 3 above", "paragraphs 2 and 5",
// "paragraph 4 (b)", "subparagraph (c)", "paragraphs 3 to 5 of resolution 73/266",
// "paragraph 3 of that resolution".
import { toSourceSpan } from './cleanText';
import type { CleanText, ParagraphReference, ReferenceScope, ReferenceTarget } from './model';

const ITEM = String.raw`(?:\d{1,3}(?:\s?\([a-z]{1,4}\))?|\([a-z]{1,4}\))`;
const REFERENCE = new RegExp(String.raw`\b(sub-?)?(paragraphs?)\s+(${ITEM}(?:(?:,\s*|,?\s+and\s+|\s+to\s+)${ITEM})*)`, 'g');
const ITEM_IN_LIST = /(\d{1,3})?(?:\s?\(([a-z]{1,4})\))?/g;
const AFTER_SELF = /^\s+(above|below)\b/;
const AFTER_CITED = /^,?\s+of\s+(?:its\s+|the\s+|General Assembly\s+)?(resolution|decision)\s+((?:A\/RES\/|A\/DEC\/)?(?:ES-\d{1,2}\/\d{1,4}|\d{1,3}\/\d{1,4}(?:\s[A-Z](?![\w/]))?|\d{1,4}\s\([IVXL]+\)))/;
const AFTER_PREVIOUS = /^,?\s+of\s+(?:that|the same|the said|the above-mentioned)\s+(resolution|decision)\b/;
const AFTER_PRESENT = /^,?\s+of\s+the\s+present\s+(resolution|decision)\b/;
const AFTER_OTHER = /^,?\s+of\s+(?:the|its|their|annex|document|General Assembly|Security Council|[A-Z])/;

export function findReferences(clean: CleanText): ParagraphReference[] {
  const text = clean.text;
  const references: ParagraphReference[] = [];
  REFERENCE.lastIndex = 0;
  for (let match = REFERENCE.exec(text); match; match = REFERENCE.exec(text)) {
    const sub = match[1] !== undefined;
    const listStart = match.index + match[0].length - match[3].length;
    const targets = readTargets(clean, match[3], listStart, sub);
    if (targets.length === 0) continue;
    const rest = text.slice(match.index + match[0].length, match.index + match[0].length + 120);
    let scope: ReferenceScope;
    let end = match.index + match[0].length;
    let found: RegExpExecArray | null;
    if ((found = AFTER_SELF.exec(rest))) {
      scope = { kind: 'self', direction: found[1] as 'above' | 'below' };
      end += found[0].length;
    } else if ((found = AFTER_CITED.exec(rest))) {
      const symbolStart = end + found[0].length - found[2].length;
      scope = {
        kind: 'cited',
        symbol: found[2],
        citationKind: found[1] as 'resolution' | 'decision',
        symbolSpan: toSourceSpan(clean, symbolStart, symbolStart + found[2].length),
      };
      end += found[0].length;
    } else if ((found = AFTER_PREVIOUS.exec(rest))) {
      scope = { kind: 'previous' };
      end += found[0].length;
    } else if ((found = AFTER_PRESENT.exec(rest))) {
      scope = { kind: 'self' };
      end += found[0].length;
    } else if (AFTER_OTHER.test(rest)) {
      continue; // "paragraph 3 of the report": a document we cannot read
    } else scope = { kind: 'self' };
    references.push({ ...toSourceSpan(clean, match.index, end), targets, scope });
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
    const target: ReferenceTarget = { ...span };
    if (match[1] !== undefined) target.paragraph = Number(match[1]);
    if (match[2] !== undefined) target.sub = match[2];
    if (sub && target.paragraph === undefined && target.sub === undefined) continue;
    const last = targets[targets.length - 1];
    if (range && last?.paragraph !== undefined && target.paragraph !== undefined && target.paragraph > last.paragraph && target.paragraph - last.paragraph < 100) {
      // "paragraphs 3 to 5": the paragraphs between are named too, at the span of the range's end.
      for (let n = last.paragraph + 1; n < target.paragraph; n++) targets.push({ ...span, paragraph: n });
    }
    range = false;
    targets.push(target);
  }
  return targets;
}
