// Every diagnostic the language service publishes, in one table: its stable code, what it means,
// its default level, the check family that finds it, the quick fix it offers and whether "Fix
// all" applies that fix. Diagnostics, Fix all, the severity setting, the command line's
// --severity and SARIF output, and the README's list all read this table; a test holds the
// checks to it (every code a check reports is here) and the README to it.
//
// Adding a diagnostic: a row here, the check in its family's module (or a new family in
// `CHECKS`), and its test.
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { AgreedLanguageIndex } from '../agreed/types';
import type { KnowledgeBaseView } from '../corpus/types';
import { checkInput } from '../inputGuard';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import { AGREED_LANGUAGE_CODE, getAgreedCodeActions, getAgreedDiagnostics } from './agreedDeviation';
import { getCitationCodeActions } from './citationCodeActions';
import * as drafting from './drafting/drafting';
import { CITATION_DATE, CITATION_ORDER, getCitationDiagnostics, MALFORMED_SYMBOL, MISSING_PARAGRAPH } from './citationDiagnostics';
import { ALTERNATIVE_OUTSIDE_BRACKETS, BRACKET_UNBALANCED, getNegotiationCodeActions, getNegotiationDiagnostics, SUFFIX_WITHOUT_PARAGRAPH } from './negotiationChecks';
import * as numbering from './structure/numbering';
import type { OpeningVocabulary } from './structure/openingPhrases';
import * as style from './structure/style';

export type Level = 'error' | 'warning' | 'information' | 'hint';

/** Which check finds a code: one module each, run together by the language service. */
export type RuleFamily = 'input' | 'numbering' | 'style' | 'citations' | 'drafting' | 'negotiation' | 'agreed';

export interface Rule {
  code: string;
  description: string;
  /** The level it is published at unless the user's `unres.diagnostics.severity` says otherwise. */
  level: Level;
  family: RuleFamily;
  /** The title of the quick fix it offers, when it offers one. */
  quickFix?: string;
  /** Whether "Fix all" applies that fix (only fixes that are certain). */
  fixAll: boolean;
}

export const RULES: readonly Rule[] = [
  { code: 'unres.binary', family: 'input', level: 'information', fixAll: false, description: 'The file is binary, not resolution text: every feature is off for it.' },
  { code: 'unres.tooLarge', family: 'input', level: 'information', fixAll: false, description: 'The file is too large to read as a resolution: every feature is off for it.' },
  { code: numbering.OP_NUMBER_GAP, family: 'numbering', level: 'warning', quickFix: 'Renumber operative paragraphs', fixAll: true, description: 'An operative paragraph number skips one or more numbers.' },
  { code: numbering.OP_NUMBER_DUPLICATE, family: 'numbering', level: 'warning', quickFix: 'Renumber operative paragraphs', fixAll: true, description: 'Two operative paragraphs carry the same number.' },
  { code: numbering.OP_NUMBER_ORDER, family: 'numbering', level: 'warning', quickFix: 'Renumber operative paragraphs', fixAll: true, description: 'Operative paragraph numbers go backwards.' },
  { code: numbering.OP_NUMBER_MISSING, family: 'numbering', level: 'warning', quickFix: 'Renumber operative paragraphs', fixAll: true, description: 'An operative paragraph has no number while the others have one.' },
  { code: numbering.NUMBERED_PREAMBULAR, family: 'numbering', level: 'warning', quickFix: 'Renumber operative paragraphs', fixAll: true, description: 'A preambular paragraph carries a number; preambular paragraphs are not numbered.' },
  { code: numbering.LABEL_GAP, family: 'numbering', level: 'warning', quickFix: 'Reletter sub-paragraphs', fixAll: true, description: 'A sub-paragraph label skips one or more letters or numbers.' },
  { code: numbering.LABEL_DUPLICATE, family: 'numbering', level: 'warning', quickFix: 'Reletter sub-paragraphs', fixAll: true, description: 'Two sub-paragraphs of one paragraph carry the same label.' },
  { code: numbering.LABEL_ORDER, family: 'numbering', level: 'warning', quickFix: 'Reletter sub-paragraphs', fixAll: true, description: 'Sub-paragraph labels go backwards.' },
  { code: numbering.LABEL_RESTART, family: 'numbering', level: 'warning', quickFix: 'Reletter sub-paragraphs', fixAll: true, description: 'The sub-paragraphs of a paragraph do not start at the first label; labels restart in each paragraph.' },
  { code: numbering.LABEL_MIXED, family: 'numbering', level: 'warning', quickFix: 'Reletter sub-paragraphs', fixAll: true, description: 'Sub-paragraphs of one level mix labelling schemes, as (a), (ii), 3.' },
  { code: numbering.LABEL_PARENT, family: 'numbering', level: 'warning', quickFix: 'Reletter sub-paragraphs', fixAll: true, description: 'A decimal sub-paragraph label does not match the paragraph it stands under (1.2 under paragraph 2).' },
  { code: numbering.LABEL_MISSING, family: 'numbering', level: 'warning', quickFix: 'Reletter sub-paragraphs', fixAll: true, description: 'A sub-paragraph has no label while its siblings have one.' },
  { code: numbering.REFERENCE_MISSING, family: 'numbering', level: 'warning', fixAll: false, description: 'A reference names a paragraph of this text that does not exist.' },
  { code: numbering.REFERENCE_SUB_MISSING, family: 'numbering', level: 'warning', fixAll: false, description: 'A reference names a sub-paragraph of this text that does not exist.' },
  { code: numbering.REFERENCE_DIRECTION, family: 'numbering', level: 'warning', quickFix: 'Change to "above" or "below"', fixAll: false, description: '"above" names a paragraph below, or "below" one above.' },
  { code: style.PUNCTUATION_PREAMBULAR, family: 'style', level: 'warning', quickFix: 'Add or change the final mark', fixAll: true, description: 'A preambular paragraph does not end with a comma.' },
  { code: style.PUNCTUATION_OPERATIVE, family: 'style', level: 'warning', quickFix: 'Add or change the final mark', fixAll: true, description: 'An operative paragraph does not end with a semicolon.' },
  { code: style.PUNCTUATION_LAST, family: 'style', level: 'warning', quickFix: 'Add or change the final mark', fixAll: true, description: 'The last operative paragraph does not end with a full stop.' },
  { code: style.PUNCTUATION_INTRODUCER, family: 'style', level: 'warning', quickFix: 'Add or change the final mark', fixAll: true, description: 'A paragraph that introduces sub-paragraphs does not end with a colon.' },
  { code: style.PUNCTUATION_SUBPARAGRAPH, family: 'style', level: 'warning', quickFix: 'Add or change the final mark', fixAll: true, description: 'A sub-paragraph does not end with the mark its position needs.' },
  { code: style.OPENING_IN_WRONG_PART, family: 'style', level: 'warning', quickFix: 'Change to an opening of its part', fixAll: false, description: 'A preambular opening phrase in the operative part, or the reverse.' },
  { code: style.OPENING_UNKNOWN, family: 'style', level: 'warning', quickFix: 'Change to the phrase it misspells', fixAll: true, description: 'A paragraph opens with a word that is not a known opening phrase (Fix all applies only a single suggestion).' },
  { code: style.REPEATED_VERB, family: 'style', level: 'hint', quickFix: 'Change to "Also …" or "Further …"', fixAll: false, description: 'An operative verb is repeated without "also" or "further".' },
  { code: style.SESSION_ORDINAL, family: 'style', level: 'warning', quickFix: 'Change to the next session', fixAll: true, description: 'The provisional agenda names another session than the one after the header\'s (a hint only for a session up to five years on, as items taken up every few years name).' },
  { code: style.FOOTNOTE_MISSING, family: 'style', level: 'warning', fixAll: false, description: 'A footnote marker has no footnote.' },
  { code: style.FOOTNOTE_UNUSED, family: 'style', level: 'warning', fixAll: false, description: 'A footnote has no marker in the text.' },
  { code: CITATION_DATE, family: 'citations', level: 'error', quickFix: 'Change to the known date', fixAll: false, description: 'A citation date contradicts the date the corpus holds for that symbol (at information level when only one other citing text gives that date; never for a date outside the session the symbol names, which is another body\'s resolution).' },
  { code: CITATION_ORDER, family: 'citations', level: 'warning', fixAll: false, description: 'Resolutions or decisions cited out of chronological order.' },
  { code: MALFORMED_SYMBOL, family: 'citations', level: 'warning', fixAll: false, description: 'A document symbol is written in a malformed way.' },
  { code: MISSING_PARAGRAPH, family: 'citations', level: 'warning', fixAll: false, description: 'A reference names a paragraph that the cited resolution does not have.' },
  { code: drafting.CITATION_SESSION, family: 'drafting', level: 'information', fixAll: false, description: 'A resolution or decision of the General Assembly is dated outside the session its symbol names (session N runs from September of 1945 + N to September of the year after).' },
  { code: drafting.SYMBOL_ERA, family: 'drafting', level: 'warning', fixAll: false, description: 'A General Assembly resolution symbol in the form of another era: 2625 (XXV) up to the 30th session, 31/16 from the 31st (special sessions S-8/1 from the 8th, emergency ES-6/1 from the 6th).' },
  { code: drafting.ALSO_FIRST, family: 'drafting', level: 'warning', quickFix: 'Drop "also" or "further"', fixAll: false, description: 'The first preambular or operative paragraph opens with "also" or "further" ("Also requests", "Recalling also"): nothing before it to add to.' },
  { code: drafting.MARKER_BEFORE_PUNCTUATION, family: 'drafting', level: 'warning', quickFix: 'Move the marker after the mark', fixAll: true, description: 'A footnote marker stands before the comma, semicolon, colon or full stop it should follow ("Agenda¹," for "Agenda,¹").' },
  // A draft under negotiation: brackets, inserted paragraphs ("2 bis"), alternatives.
  { code: BRACKET_UNBALANCED, family: 'negotiation', level: 'warning', quickFix: 'Remove the stray bracket, or close it at the end of its paragraph', fixAll: false, description: 'A square bracket of a draft under negotiation is never closed by the end of the text, or closes none (a bracket may span paragraphs).' },
  { code: SUFFIX_WITHOUT_PARAGRAPH, family: 'negotiation', level: 'warning', fixAll: false, description: 'A paragraph inserted with "bis", "ter" … names a paragraph (or sub-paragraph) the draft does not have.' },
  { code: ALTERNATIVE_OUTSIDE_BRACKETS, family: 'negotiation', level: 'warning', fixAll: false, description: 'An alternative ("Alt:", "Alt 1:") stands outside brackets.' },
  { code: AGREED_LANGUAGE_CODE, family: 'agreed', level: 'information', quickFix: 'Restore agreed language', fixAll: false, description: 'A paragraph departs from agreed language in the corpus.' },
];

const BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));

export function ruleFor(code: string): Rule | undefined {
  return BY_CODE.get(code);
}

/** "repeatedVerb" and "unres.repeatedVerb" both name unres.repeatedVerb; undefined for no rule. */
export function resolveCode(name: string): string | undefined {
  const code = name.startsWith('unres.') ? name : `unres.${name}`;
  return BY_CODE.has(code) ? code : RULES.find((rule) => rule.code.toLowerCase() === code.toLowerCase())?.code;
}

// ---- the checks of each family ----------------------------------------------------------------

/** What the checks read beyond the document. */
export interface CheckContext {
  kb: KnowledgeBaseView;
  agreed: AgreedLanguageIndex;
  vocabulary: OpeningVocabulary;
}

export interface Check {
  diagnostics(document: ParsedDocument, context: CheckContext, token?: CancellationToken): Diagnostic[];
  /** Quick fixes for the diagnostics of a request that are this family's. */
  codeActions(document: ParsedDocument, range: Range, diagnostics: Diagnostic[], context: CheckContext, token?: CancellationToken): CodeAction[];
  /** The certain fixes of the codes `include` accepts (see `Rule.fixAll`). */
  fixAll?(document: ParsedDocument, context: CheckContext, include: (code: string) => boolean, token?: CancellationToken): TextEdit[];
}

/** The families' checks, in the order their diagnostics and actions are listed. */
export const CHECKS: Readonly<Record<Exclude<RuleFamily, 'input'>, Check>> = {
  numbering: {
    diagnostics: (document, _context, token) => numbering.getNumberingDiagnostics(document, token),
    codeActions: (document, range, diagnostics, _context, token) => numbering.getNumberingCodeActions(document, range, diagnostics, token),
    fixAll: (document, _context, include) => numbering.getNumberingFixAll(document, include),
  },
  style: {
    diagnostics: (document, context, token) => style.getStyleDiagnostics(document, context.vocabulary, token),
    codeActions: (document, range, diagnostics, context, token) => style.getStyleCodeActions(document, range, diagnostics, context.vocabulary, token),
    fixAll: (document, context, include, token) => style.getStyleFixAll(document, context.vocabulary, token, include),
  },
  citations: {
    diagnostics: (document, context, token) => getCitationDiagnostics(document, context.kb, token),
    codeActions: (document, range, diagnostics, context, token) => getCitationCodeActions(document, range, diagnostics, context.kb, token),
  },
  drafting: {
    diagnostics: (document, context, token) => drafting.getDraftingDiagnostics(document, context.vocabulary, token),
    codeActions: (document, range, diagnostics, context, token) => drafting.getDraftingCodeActions(document, range, diagnostics, context.vocabulary, token),
    fixAll: (document, context, include, token) => drafting.getDraftingFixAll(document, context.vocabulary, include, token),
  },
  negotiation: {
    diagnostics: (document, _context, token) => getNegotiationDiagnostics(document, token),
    codeActions: (document, range, diagnostics, _context, token) => getNegotiationCodeActions(document, range, diagnostics, token),
  },
  agreed: {
    diagnostics: (document, context, token) => getAgreedDiagnostics(document, context.agreed, (uri, span) => context.kb.document(uri)?.range(span), token),
    codeActions: (document, _range, diagnostics, _context, token) => getAgreedCodeActions(document, diagnostics, token),
  },
};

/** Every check of every family on a document fit to parse, at the levels the checks set. */
export function runChecks(document: ParsedDocument, context: CheckContext, token?: CancellationToken): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const check of Object.values(CHECKS)) {
    if (token?.isCancellationRequested) return [];
    for (const diagnostic of check.diagnostics(document, context, token)) diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/** Input that cannot be a resolution (binary, too large): one clear message instead of checks. */
export function inputDiagnostics(text: string): Diagnostic[] | undefined {
  const problem = checkInput(text);
  if (!problem) return undefined;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [{ range, severity: DiagnosticSeverity.Information, source: 'unres', code: problem.code, message: problem.message }];
}

/** The rules as a Markdown table, for the README (a test holds the README to it). */
export function rulesMarkdown(): string {
  const rows = RULES.map((rule) => `| \`${rule.code}\` | ${rule.level} | ${rule.description.replace(/\|/g, '\\|')} | ${rule.quickFix ?? ''}${rule.fixAll ? ' (Fix all)' : ''} |`);
  return ['| code | level | what it reports | quick fix |', '|---|---|---|---|', ...rows].join('\n');
}
