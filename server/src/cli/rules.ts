// Every diagnostic code the checks report, with a one-line description and its default level:
// the rule list of SARIF output, and the codes `--severity` accepts. (unres.binary and
// unres.tooLarge are not here: the command line refuses such files with exit status 2.)
import { AGREED_LANGUAGE_CODE } from '../services/agreedDeviation';
import { CITATION_DATE, CITATION_ORDER, MALFORMED_SYMBOL, MISSING_PARAGRAPH } from '../services/citationDiagnostics';
import * as numbering from '../services/structure/numbering';
import * as style from '../services/structure/style';

export type Level = 'error' | 'warning' | 'information' | 'hint';

export interface Rule {
  code: string;
  description: string;
  level: Level;
}

export const RULES: readonly Rule[] = [
  { code: numbering.OP_NUMBER_GAP, level: 'warning', description: 'An operative paragraph number skips one or more numbers.' },
  { code: numbering.OP_NUMBER_DUPLICATE, level: 'warning', description: 'Two operative paragraphs carry the same number.' },
  { code: numbering.OP_NUMBER_ORDER, level: 'warning', description: 'Operative paragraph numbers go backwards.' },
  { code: numbering.OP_NUMBER_MISSING, level: 'warning', description: 'An operative paragraph has no number while the others have one.' },
  { code: numbering.NUMBERED_PREAMBULAR, level: 'warning', description: 'A preambular paragraph carries a number; preambular paragraphs are not numbered.' },
  { code: numbering.LABEL_GAP, level: 'warning', description: 'A sub-paragraph label skips one or more letters or numbers.' },
  { code: numbering.LABEL_DUPLICATE, level: 'warning', description: 'Two sub-paragraphs of one paragraph carry the same label.' },
  { code: numbering.LABEL_ORDER, level: 'warning', description: 'Sub-paragraph labels go backwards.' },
  { code: numbering.LABEL_RESTART, level: 'warning', description: 'The sub-paragraphs of a paragraph do not start at the first label; labels restart in each paragraph.' },
  { code: numbering.LABEL_MIXED, level: 'warning', description: 'Sub-paragraphs of one level mix labelling schemes, as (a), (ii), 3.' },
  { code: numbering.LABEL_PARENT, level: 'warning', description: 'A decimal sub-paragraph label does not match the paragraph it stands under (1.2 under paragraph 2).' },
  { code: numbering.LABEL_MISSING, level: 'warning', description: 'A sub-paragraph has no label while its siblings have one.' },
  { code: numbering.REFERENCE_MISSING, level: 'warning', description: 'A reference names a paragraph of this text that does not exist.' },
  { code: numbering.REFERENCE_SUB_MISSING, level: 'warning', description: 'A reference names a sub-paragraph of this text that does not exist.' },
  { code: numbering.REFERENCE_DIRECTION, level: 'warning', description: '"above" names a paragraph below, or "below" one above.' },
  { code: style.PUNCTUATION_PREAMBULAR, level: 'warning', description: 'A preambular paragraph does not end with a comma.' },
  { code: style.PUNCTUATION_OPERATIVE, level: 'warning', description: 'An operative paragraph does not end with a semicolon.' },
  { code: style.PUNCTUATION_LAST, level: 'warning', description: 'The last operative paragraph does not end with a full stop.' },
  { code: style.PUNCTUATION_INTRODUCER, level: 'warning', description: 'A paragraph that introduces sub-paragraphs does not end with a colon.' },
  { code: style.PUNCTUATION_SUBPARAGRAPH, level: 'warning', description: 'A sub-paragraph does not end with the mark its position needs.' },
  { code: style.OPENING_IN_WRONG_PART, level: 'warning', description: 'A preambular opening phrase in the operative part, or the reverse.' },
  { code: style.OPENING_UNKNOWN, level: 'warning', description: 'A paragraph opens with a word that is not a known opening phrase.' },
  { code: style.REPEATED_VERB, level: 'information', description: 'An operative verb is repeated without "also" or "further".' },
  { code: style.SESSION_ORDINAL, level: 'warning', description: 'The provisional agenda names another session than the one after the header\'s.' },
  { code: style.FOOTNOTE_MISSING, level: 'warning', description: 'A footnote marker has no footnote.' },
  { code: style.FOOTNOTE_UNUSED, level: 'warning', description: 'A footnote has no marker in the text.' },
  { code: CITATION_DATE, level: 'error', description: 'A citation date contradicts the date the corpus holds for that symbol.' },
  { code: CITATION_ORDER, level: 'warning', description: 'Resolutions or decisions cited out of chronological order.' },
  { code: MALFORMED_SYMBOL, level: 'warning', description: 'A document symbol is written in a malformed way.' },
  { code: MISSING_PARAGRAPH, level: 'warning', description: 'A reference names a paragraph that the cited resolution does not have.' },
  { code: AGREED_LANGUAGE_CODE, level: 'information', description: 'A paragraph departs from agreed language in the corpus.' },
];

const BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));

export function ruleFor(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

/** "repeatedVerb" and "unres.repeatedVerb" both name unres.repeatedVerb. */
export function resolveCode(name: string): string | undefined {
  const code = name.startsWith('unres.') ? name : `unres.${name}`;
  return BY_CODE.has(code) ? code : RULES.find((rule) => rule.code.toLowerCase() === code.toLowerCase())?.code;
}
