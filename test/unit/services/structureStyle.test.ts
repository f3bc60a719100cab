// Structure style checks (punctuation, opening phrases, repeated verbs, the session ordinal,
// footnotes), their quick fixes and "Fix all": fixtures, the five seeds, mutated seeds.
import * as assert from 'assert';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { AgreedLanguageIndex } from '../../../server/src/agreed/types';
import { loadKnowledge } from '../../../server/src/knowledge';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import {
  editDistance, getStyleCodeActions, getStyleDiagnostics, getStyleFixAll, OpeningVocabulary, openingVocabulary, STYLE_CODES,
} from '../../../server/src/services/structure/style';
import { SEEDS, applyEdits, editsFor, readSeed, seedCorpusDir, withCursors } from '../../helpers';

const DRAFT = 'file:///work/drafts/draft.unres';
const parse = (text: string) => ParsedDocument.parse({ uri: DRAFT, version: 1, getText: () => text });
const HEADER = 'Seventy-fourth session\n\nAgenda item 93\n\nDevelopments in the field of information and telecommunications in the context of international security\n\nA title\n\n';
const builtIn = openingVocabulary();

/** [code, start offset, end offset, message] of each diagnostic. */
function summary(document: ParsedDocument, diagnostics: Diagnostic[]): [unknown, number, number, string][] {
  return diagnostics.map((d) => [d.code, document.lines.offsetAt(d.range.start), document.lines.offsetAt(d.range.end), String(d.message)]);
}

/** The diagnostics of a fixture whose expected range is marked `|…|`, with the marks' offsets. */
function check(marked: string, vocabulary: OpeningVocabulary = builtIn) {
  const { text, cursors } = withCursors(marked);
  const document = parse(text);
  const diagnostics = getStyleDiagnostics(document, vocabulary);
  return { text, cursors, document, diagnostics, summary: summary(document, diagnostics) };
}

const editsOf = (action: CodeAction): TextEdit[] => editsFor(action, DRAFT);

/** The quick fixes offered for one diagnostic, asked for at its range. */
function actionsFor(document: ParsedDocument, diagnostic: Diagnostic, vocabulary: OpeningVocabulary = builtIn): CodeAction[] {
  return getStyleCodeActions(document, diagnostic.range, [diagnostic], vocabulary);
}

/**
 * Applies the preferred (else the first) fix of the one diagnostic with `code`, re-parses, and
 * checks that the diagnostic is gone. Returns the new text.
 */
function fixOnce(text: string, code: string, vocabulary: OpeningVocabulary = builtIn, pick?: (actions: CodeAction[]) => CodeAction): string {
  const document = parse(text);
  const diagnostics = getStyleDiagnostics(document, vocabulary).filter((d) => d.code === code);
  assert.strictEqual(diagnostics.length, 1, `one ${code} in ${JSON.stringify(text)}`);
  const actions = actionsFor(document, diagnostics[0], vocabulary);
  assert.ok(actions.length > 0, `a fix for ${code}`);
  const action = pick ? pick(actions) : actions.find((a) => a.isPreferred) ?? actions[0];
  const edits = editsOf(action);
  const fixed = applyEdits(document, edits);
  const after = getStyleDiagnostics(parse(fixed), vocabulary).filter((d) => d.code === code);
  assert.deepStrictEqual(after.map((d) => d.message), [], `${code} gone after "${action.title}"`);
  return fixed;
}

function offsetOf(text: string, position: { line: number; character: number }): number {
  let at = 0;
  for (let line = 0; line < position.line; line++) at = text.indexOf('\n', at) + 1;
  return at + position.character;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

/** A fake agreed-language index that only knows opening phrases. */
function indexWithOpenings(preambular: string[], operative: string[]): AgreedLanguageIndex {
  const list = (phrases: string[]) => phrases.map((phrase) => ({ phrase, count: 2 }));
  return {
    paragraphCount: 0,
    documentCount: 0,
    searchParagraphs: () => [],
    continuations: () => [],
    openings: (kind) => list(kind === 'preambular' ? preambular : operative),
    nearest: () => undefined,
  };
}

describe('structure style checks', () => {
  let corpusVocabulary: OpeningVocabulary;
  let index: AgreedLanguageIndex;

  before(async () => {
    ({ agreed: index } = await loadKnowledge({ shippedDir: seedCorpusDir(), folders: [], catalogues: [] }, { agreed: true }));
    corpusVocabulary = openingVocabulary(index);
  });

  describe('the opening vocabulary', () => {
    it('knows the standard preambular and operative openings with their Also/Further/Strongly forms, no word in both parts', () => {
      for (const phrase of ['Recalling', 'Recalling also', 'Further recalling', 'Deeply concerned', 'Bearing in mind', 'Taking note of', 'Guided by', 'Having considered']) {
        assert.ok(builtIn.preambular.includes(phrase), phrase);
      }
      for (const phrase of ['Decides', 'Also decides', 'Further decides', 'Strongly condemns', 'Calls upon', 'Takes note of', 'Requests', 'Further requests']) {
        assert.ok(builtIn.operative.includes(phrase), phrase);
      }
      for (const word of ['recalling', 'concerned', 'mindful', 'bearing', 'cognizant']) assert.ok(builtIn.preambularWords.has(word), word);
      for (const word of ['decides', 'requests', 'calls', 'urges', 'welcomes']) assert.ok(builtIn.operativeWords.has(word), word);
      const both = [...builtIn.preambularWords].filter((w) => builtIn.operativeWords.has(w));
      assert.deepStrictEqual(both, []);
      for (const modifier of ['also', 'further', 'strongly', 'deeply']) {
        assert.ok(builtIn.modifiers.has(modifier) && !builtIn.preambularWords.has(modifier) && !builtIn.operativeWords.has(modifier), modifier);
      }
    });

    it('adds what the corpus uses, with counts, once per index', () => {
      assert.ok(corpusVocabulary.preambular.includes('Expressing concern also'), 'a corpus phrase the built-in list lacks');
      assert.strictEqual(corpusVocabulary.corpusWords.get('noting'), 14);
      assert.strictEqual(corpusVocabulary.corpusWords.get('decides'), 12, 'Decides, Also decides, Further decides');
      assert.strictEqual(openingVocabulary(index), corpusVocabulary, 'memoised');
      assert.strictEqual(openingVocabulary(), builtIn);
      const custom = openingVocabulary(indexWithOpenings(['Recognising'], ['Welcomes warmly']));
      assert.ok(custom.preambularWords.has('recognising'));
      assert.ok(!builtIn.preambularWords.has('recognising'));
    });

    it('measures edit distance with transpositions', () => {
      assert.strictEqual(editDistance('recaling', 'recalling'), 1);
      assert.strictEqual(editDistance('aslo', 'also'), 1);
      assert.strictEqual(editDistance('emphasising', 'emphasizing'), 1);
      assert.strictEqual(editDistance('stressing', 'noting'), 6);
      assert.ok(editDistance('acknowledging', 'noting', 2) > 2, 'stops early past the limit');
    });
  });

  describe('the seeds', () => {
    for (const seed of SEEDS) {
      it(`${seed.file}: no warning or error, with the built-in and the corpus vocabulary`, () => {
        const document = parse(readSeed(seed.file));
        for (const vocabulary of [builtIn, corpusVocabulary]) {
          const diagnostics = getStyleDiagnostics(document, vocabulary);
          const serious = diagnostics.filter((d) => d.severity === undefined || d.severity <= 2);
          assert.deepStrictEqual(summary(document, serious), []);
          assert.ok(diagnostics.every((d) => d.code === 'unres.repeatedVerb' && d.severity === 4 && d.source === 'unres'));
          assert.deepStrictEqual(getStyleFixAll(document, vocabulary), [], 'nothing for Fix all');
        }
      });
    }

    it('give only the repeated-verb hints of adopted practice: 003 OP4 "Decides", 004 OP4 and OP5 "Requests"', () => {
      const hints = SEEDS.flatMap((seed) => {
        const document = parse(readSeed(seed.file));
        return getStyleDiagnostics(document, builtIn).map((d) => `${seed.file.slice(0, 3)} line ${d.range.start.line + 1}: ${d.message}`);
      });
      assert.deepStrictEqual(hints, [
        '003 line 92: Expected "Also decides" or "Further decides" in OP4, found "Decides" again ("Decides" already opens OP1).',
        '004 line 74: Expected "Also requests" or "Further requests" in OP4, found "Requests" again ("Requests" already opens OP3).',
        '004 line 76: Expected "Also requests" or "Further requests" in OP5, found "Requests" again ("Requests" already opens OP3).',
      ]);
    });

    it('accept the norms 1.1 to 1.13 of seed 002, written as whole sentences, with their full stops', () => {
      const document = parse(readSeed(SEEDS[2].file));
      const norms = document.model.operative[0].subparagraphs;
      assert.strictEqual(norms.length, 13);
      assert.strictEqual(norms.filter((n) => n.content.text.endsWith('.')).length, 12);
      assert.deepStrictEqual(getStyleDiagnostics(document, builtIn), []);
    });
  });

  describe('punctuation', () => {
    it('reads the mark before a no-break space at the end of a PDF line, a quotation after a colon and a colon before a table', () => {
      const nbsp = check('The General Assembly,\n\nRecalling its resolution 73/266,\u202f \n\nNoting the report,\n\n1. Decides to act.\n');
      assert.deepStrictEqual(nbsp.summary, []);
      const quoted = check('The General Assembly,\n\nNoting the report,\n\n1. Decides that the theme will be:\n\n“Fostering a multilateral approach”\n\n2. Requests a report.\n');
      assert.deepStrictEqual(quoted.summary, []);
      const unquoted = check('The General Assembly,\n\nNoting the report,\n\n1. Decides that the theme is the approach|\n|\n2. Requests a report.\n');
      assert.deepStrictEqual(unquoted.summary.map((d) => d[0]), ['unres.punctuationOperative'], 'without the quotation the mark is missing');
      const table = check('The General Assembly,\n\nNoting the report,\n\n1. Approves the posts set out in the table below:\n\nD-2\nD-1\nP-5\nP-4\nP-3\nTotal\n\n2. Decides to act.\n');
      assert.deepStrictEqual(table.summary, []);
    });

    it('unres.punctuationPreambular: a preambular paragraph ends with a comma', () => {
      const result = check('The General Assembly,\n\nRecalling its resolution 73/266|;|\n\nNoting the report,\n\n1. Decides to act.\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.punctuationPreambular', result.cursors[0], result.cursors[1], 'Expected "," at the end of preambular paragraph PP1, found ";".'],
      ]);
      const [diagnostic] = result.diagnostics;
      assert.strictEqual(diagnostic.severity, 2);
      assert.strictEqual(diagnostic.source, 'unres');
      assert.deepStrictEqual(diagnostic.data, { kind: 'punctuation', expected: [','], found: ';' });
      assert.strictEqual(fixOnce(result.text, 'unres.punctuationPreambular'), result.text.replace('73/266;', '73/266,'));
    });

    it('a missing mark is reported on the last character and inserted after it, before a footnote marker', () => {
      const result = check('The General Assembly,\n\nRecalling its resolution 73/26|6|¹\n\n1. Decides to act.\n\n¹ A/73/505.\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.punctuationPreambular', result.cursors[0], result.cursors[1], 'Expected "," at the end of preambular paragraph PP1, found no punctuation mark.'],
      ]);
      assert.strictEqual(fixOnce(result.text, 'unres.punctuationPreambular'), result.text.replace('73/266¹', '73/266,¹'));
    });

    it('unres.punctuationOperative: an operative paragraph that is not the last ends with a semicolon', () => {
      const result = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Welcomes the report|.|\n\n2. Decides to act.\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.punctuationOperative', result.cursors[0], result.cursors[1], 'Expected ";" at the end of operative paragraph OP1 (only the last one ends with "."), found ".".'],
      ]);
      assert.strictEqual(fixOnce(result.text, 'unres.punctuationOperative'), result.text.replace('report.', 'report;'));
    });

    it('unres.punctuationLast: the last operative paragraph ends with a full stop, after a closing quote', () => {
      const result = check(`${HEADER}The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Welcomes the report;\n\n2. Decides to include in the provisional agenda of its seventy-fifth session the item entitled “Developments”|;|\n`);
      assert.deepStrictEqual(result.summary, [
        ['unres.punctuationLast', result.cursors[0], result.cursors[1], 'Expected "." at the end of the last operative paragraph OP2, found ";".'],
      ]);
      assert.strictEqual(fixOnce(result.text, 'unres.punctuationLast'), result.text.replace('”;', '”.'));
      const missing = check(`${HEADER}The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Decides to include in the provisional agenda of its seventy-fifth session the item entitled “Developments|”|\n`);
      assert.deepStrictEqual(missing.summary, [
        ['unres.punctuationLast', missing.cursors[0], missing.cursors[1], 'Expected "." at the end of the last operative paragraph OP1, found no punctuation mark.'],
      ]);
      assert.strictEqual(fixOnce(missing.text, 'unres.punctuationLast'), missing.text.replace('Developments”', 'Developments”.'), 'the mark goes after the closing quote');
    });

    it('accepts closing quotes and footnote markers after the mark, and a mark inside the quotes', () => {
      for (const ending of ['“Developments”.', '“Developments.”', 'Developments.²', 'Developments.^2', 'Developments.<sup>2</sup>']) {
        const text = `The General Assembly,\n\nRecalling its resolution 73/266,¹\n\nNoting the report,²\n\n1. Decides to act on ${ending}\n\n¹ A/1.\n\n² A/2.\n`;
        assert.deepStrictEqual(summary(parse(text), getStyleDiagnostics(parse(text), builtIn)), [], ending);
      }
    });

    it('unres.punctuationIntroducer: a paragraph that introduces sub-paragraphs ends with a colon', () => {
      const result = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Calls upon Member States|;|\n\n(a) To act;\n\n(b) To report;\n\n2. Decides to act.\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.punctuationIntroducer', result.cursors[0], result.cursors[1], 'Expected ":" at the end of OP1, which introduces sub-paragraphs, found ";".'],
      ]);
      assert.strictEqual(fixOnce(result.text, 'unres.punctuationIntroducer'), result.text.replace('States;', 'States:'));
    });

    it('unres.punctuationSubparagraph: sub-paragraphs end with ";", the very last of the last operative paragraph with "."', () => {
      const result = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Calls upon Member States:\n\n(a) To act|.|\n\n(b) To report;\n\n2. Requests the Secretary-General:\n\n(a) To act;\n\n(b) To report|;|\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.punctuationSubparagraph', result.cursors[0], result.cursors[1], 'Expected ";" at the end of sub-paragraph OP1 (a), found ".".'],
        ['unres.punctuationSubparagraph', result.cursors[2], result.cursors[3], 'Expected "." at the end of sub-paragraph OP2 (b), the last of the last operative paragraph, found ";".'],
      ]);
      const other = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Calls upon Member States:\n\n(a) To act;\n\n(b) To report|.|\n\n2. Decides to act.\n');
      assert.deepStrictEqual(other.summary, [
        ['unres.punctuationSubparagraph', other.cursors[0], other.cursors[1], 'Expected ";" at the end of sub-paragraph OP1 (b), which ends operative paragraph OP1, found ".".'],
      ]);
      assert.strictEqual(fixOnce(other.text, 'unres.punctuationSubparagraph'), other.text.replace('report.', 'report;'));
    });

    it('nests: (i), (ii) under (a) take the marks of (a), and (a) introducing them ends with a colon', () => {
      const result = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Decides:\n\n(a) That the group shall|;|\n\n(i) Meet;\n\n(ii) Report;\n\n(b) To act;\n\n(c) To report.\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.punctuationIntroducer', result.cursors[0], result.cursors[1], 'Expected ":" at the end of OP1 (a), which introduces sub-paragraphs, found ";".'],
      ]);
    });

    it('accepts "; and" / "; or" after a sub-paragraph that is not the last, and fixes ", and" before the conjunction', () => {
      assert.deepStrictEqual(check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Calls upon Member States:\n\n(a) To act; and\n\n(b) To report; or\n\n(c) To wait.\n').summary, []);
      const result = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Calls upon Member States:\n\n(a) To act|,| and\n\n(b) To report.\n');
      assert.deepStrictEqual(result.summary, [['unres.punctuationSubparagraph', result.cursors[0], result.cursors[1], 'Expected ";" at the end of sub-paragraph OP1 (a), found ",".']]);
      assert.strictEqual(fixOnce(result.text, 'unres.punctuationSubparagraph'), result.text.replace('act, and', 'act; and'));
      const bare = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Calls upon Member States:\n\n(a) To ac|t| and\n\n(b) To report.\n');
      assert.deepStrictEqual(bare.summary, [['unres.punctuationSubparagraph', bare.cursors[0], bare.cursors[1], 'Expected ";" at the end of sub-paragraph OP1 (a), found no punctuation mark.']]);
      assert.strictEqual(fixOnce(bare.text, 'unres.punctuationSubparagraph'), bare.text.replace('act and', 'act; and'));
    });

    it('sub-paragraphs written as whole sentences may end with full stops, the last still with its paragraph\'s mark', () => {
      // One item holds two sentences: the list is written as sentences.
      const sentences = '1. Welcomes the following norms:\n\n1.1. States should cooperate.\n\n1.2. States must meet their obligations. However, attribution is hard.\n\n1.3. States should report|.|\n\n2. Decides to act.\n';
      const result = check(`The General Assembly,\n\nRecalling its resolution 73/266,\n\n${sentences}`);
      assert.deepStrictEqual(result.summary, [
        ['unres.punctuationSubparagraph', result.cursors[0], result.cursors[1], 'Expected ";" at the end of sub-paragraph OP1 1.3, which ends operative paragraph OP1, found ".".'],
      ]);
      // The same list of one-sentence items: the first two should end with ";".
      const clauses = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Welcomes the following norms:\n\n1.1. States should cooperate|.|\n\n1.2. States must meet their obligations|.|\n\n1.3. States should report;\n\n2. Decides to act.\n');
      assert.deepStrictEqual(clauses.summary.map((s) => [s[0], s[1], s[2]]), [
        ['unres.punctuationSubparagraph', clauses.cursors[0], clauses.cursors[1]],
        ['unres.punctuationSubparagraph', clauses.cursors[2], clauses.cursors[3]],
      ]);
      // In a list of sentences, a comma is still wrong; an abbreviation is not a sentence break.
      const comma = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Welcomes the following norms:\n\n1.1. States should cooperate|,|\n\n1.2. States must meet their obligations. However, attribution is hard.\n\n1.3. States should report;\n\n2. Decides to act.\n');
      assert.deepStrictEqual(comma.summary, [
        ['unres.punctuationSubparagraph', comma.cursors[0], comma.cursors[1], 'Expected ";" or "." at the end of sub-paragraph OP1 1.1 (a list written as whole sentences), found ",".'],
      ]);
      const abbreviation = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Welcomes the following:\n\n(a) The report in No. 53 and chap. IV|.|\n\n(b) The annex;\n\n2. Decides to act.\n');
      assert.strictEqual(abbreviation.summary.length, 1);
      assert.strictEqual(abbreviation.summary[0][1], abbreviation.cursors[0]);
    });

    it('a preambular paragraph with sub-paragraphs: a colon, then ";" and "," for the last', () => {
      const result = check('The General Assembly,\n\nRecalling the principles:\n\n(a) Sovereign equality;\n\n(b) Peaceful settlement|;|\n\n1. Decides to act.\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.punctuationSubparagraph', result.cursors[0], result.cursors[1], 'Expected "," at the end of sub-paragraph PP1 (b), which ends preambular paragraph PP1, found ";".'],
      ]);
    });
  });

  describe('whole characters', () => {
    const splits = (text: string, offset: number) =>
      (/[\uD800-\uDBFF]/.test(text[offset - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[offset] ?? '')) || (text[offset - 1] === '\r' && text[offset] === '\n');

    it('a paragraph ending with an emoji: the missing mark is reported on the whole emoji, never half of it', () => {
      const result = check('The General Assembly,\n\nNoting the work |😀|\n\n1. Decides to act |😀|\n\n2. Calls upon Member States:\n\n(a) To act |😀| and\n\n(b) To report |😀|\n\n3. Requests the Secretary-General to report.\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.punctuationPreambular', result.cursors[0], result.cursors[1], 'Expected "," at the end of preambular paragraph PP1, found no punctuation mark.'],
        ['unres.punctuationOperative', result.cursors[2], result.cursors[3], 'Expected ";" at the end of operative paragraph OP1 (only the last one ends with "."), found no punctuation mark.'],
        ['unres.punctuationSubparagraph', result.cursors[4], result.cursors[5], 'Expected ";" at the end of sub-paragraph OP2 (a), found no punctuation mark.'],
        ['unres.punctuationSubparagraph', result.cursors[6], result.cursors[7], 'Expected ";" at the end of sub-paragraph OP2 (b), which ends operative paragraph OP2, found no punctuation mark.'],
      ]);
      for (const diagnostic of result.diagnostics) assert.strictEqual(diagnostic.range.end.character - diagnostic.range.start.character, 2, 'two UTF-16 units');
      assert.strictEqual(fixOnce(check('The General Assembly,\n\n1. Decides to act 😀\n\n2. Decides to remain seized of the matter.\n').text, 'unres.punctuationOperative'), 'The General Assembly,\n\n1. Decides to act 😀;\n\n2. Decides to remain seized of the matter.\n');
    });

    it('no diagnostic starts or ends between the halves of a surrogate pair or inside a CRLF', () => {
      const text = `${HEADER}The General Assembly,\n\nRecaling the work 😀\n\nNoting 𝒜 report 𝒜;\n\n1. Welcomes 😀 the report 😀.\n\n2. Calls upon Member States 😀\n\n(a) To act 😀, and\n\n(b) To report 😀.\n\n3. Requests the Secretary-General 😀\n`;
      for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
        const document = parse(variant);
        const diagnostics = getStyleDiagnostics(document, builtIn);
        assert.ok(diagnostics.length >= 6, summary(document, diagnostics).join('\n'));
        for (const d of diagnostics) {
          for (const offset of [document.lines.offsetAt(d.range.start), document.lines.offsetAt(d.range.end)]) {
            assert.ok(!splits(variant, offset), `${d.code} ${JSON.stringify(d.range)} splits a character`);
          }
        }
      }
    });
  });

  describe('opening phrases', () => {
    it('unres.openingInWrongPart: "Decides …," in the preamble', () => {
      const result = check('The General Assembly,\n\n|Decides| to keep the matter under review,\n\n1. Welcomes the report.\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.openingInWrongPart', result.cursors[0], result.cursors[1], 'Expected a preambular opening (a participle or adjective such as "Deciding") in PP1, found the operative verb "Decides".'],
      ]);
      assert.deepStrictEqual(result.diagnostics[0].data, { kind: 'opening', word: 'Decides', suggestions: ['Deciding'] });
      assert.strictEqual(fixOnce(result.text, 'unres.openingInWrongPart'), result.text.replace('Decides to keep', 'Deciding to keep'));
    });

    it('a section\'s own preamble may open with "Recalls …," before its "1.", as the Assembly writes it', () => {
      const result = check('The General Assembly,\n\nNoting the report,\n\nI\n\nProgramme budget\n\n1. Approves the budget;\n\nII\n\nContingency fund\n\nRecalls its resolution 77/263 A, in which it set the fund,\n\n1. Notes the balance;\n\n2. Decides to keep the fund.\n');
      assert.deepStrictEqual(result.document.model.preambular.map((p) => p.opening?.text), ['Noting', 'Recalls']);
      assert.deepStrictEqual(result.summary.filter((d) => d[0] === 'unres.openingInWrongPart'), []);
    });

    it('unres.openingInWrongPart: "Recalling …;" in the operative part, but not "Taking into account …, decides"', () => {
      const result = check('The General Assembly,\n\nNoting the report,\n\n1. |Recalling| its resolution 73/266;\n\n2. Taking into account the report, decides to act;\n\n3. Bearing in mind the report, also requests the Secretary-General to act.\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.openingInWrongPart', result.cursors[0], result.cursors[1], 'Expected an operative verb (such as "Recalls") in OP1, found the preambular opening "Recalling".'],
      ]);
      assert.strictEqual(fixOnce(result.text, 'unres.openingInWrongPart'), result.text.replace('1. Recalling', '1. Recalls'));
      const adjective = check('The General Assembly,\n\nNoting the report,\n\n1. |Concerned| by the report;\n\n2. Decides to act.\n');
      assert.deepStrictEqual(adjective.summary, [
        ['unres.openingInWrongPart', adjective.cursors[0], adjective.cursors[1], 'Expected an operative verb (such as "Decides" or "Requests") in OP1, found the preambular opening "Concerned".'],
      ]);
      assert.deepStrictEqual(actionsFor(adjective.document, adjective.diagnostics[0]), [], 'no fix without a counterpart');
    });

    it('a preambular paragraph read into the operative part gets the opening diagnostic, not a ";" for its ","', () => {
      // A stray "Decides …;" in the preamble starts the operative part for the parser.
      const result = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\nDecides to act;\n\n|Noting| the report,\n\n1. Welcomes the report;\n\n2. Requests the Secretary-General to report.\n');
      assert.deepStrictEqual(result.summary.map((s) => [s[0], s[1], s[2]]), [['unres.openingInWrongPart', result.cursors[0], result.cursors[1]]]);
    });

    it('unres.openingUnknown: "Recaling" -> "Recalling", with the suggestions in data', () => {
      const result = check('The General Assembly,\n\n|Recaling| its resolution 73/266,\n\n1. Decides to act.\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.openingUnknown', result.cursors[0], result.cursors[1], 'Expected a known preambular opening ("Recalling") in PP1, found "Recaling".'],
      ]);
      assert.deepStrictEqual(result.diagnostics[0].data, { kind: 'opening', word: 'Recaling', suggestions: ['Recalling'] });
      assert.strictEqual(result.diagnostics[0].severity, 2);
      assert.strictEqual(fixOnce(result.text, 'unres.openingUnknown'), result.text.replace('Recaling', 'Recalling'));
    });

    it('offers up to three suggestions, nearest and most used first, one action each, the first preferred', () => {
      const result = check('The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Reminds the States;\n\n2. |Recomends| the report;\n\n3. |Declores| the report;\n\n4. Decides to act.\n');
      assert.deepStrictEqual(result.summary.map((s) => [s[0], s[1], s[2]]), [
        ['unres.openingUnknown', result.cursors[0], result.cursors[1]],
        ['unres.openingUnknown', result.cursors[2], result.cursors[3]],
      ]);
      const suggestions = result.diagnostics.map((d) => (d.data as { suggestions: string[] }).suggestions);
      assert.deepStrictEqual(suggestions, [['Recommends'], ['Declares', 'Deplores']]);
      assert.strictEqual(result.summary[1][3], 'Expected a known operative opening ("Declares" or "Deplores") in OP3, found "Declores".');
      const actions = actionsFor(result.document, result.diagnostics[1]);
      assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred === true]), [['Change "Declores" to "Declares"', true], ['Change "Declores" to "Deplores"', false]]);
      assert.strictEqual(fixOnce(result.text.replace('Recomends', 'Recommends'), 'unres.openingUnknown', builtIn, (a) => a[1]), result.text.replace('Recomends', 'Recommends').replace('Declores', 'Deplores'));
      assert.deepStrictEqual(getStyleFixAll(result.document, builtIn).map((e) => e.newText), ['Recommends'], 'Fix all takes a single suggestion only');
    });

    it('checks the verb after Also/Further and a misspelt Also, keeping the case', () => {
      const result = check('The General Assembly,\n\nNoting the report,\n\n1. Also |requsts| the Secretary-General to act;\n\n2. |Aslo| decides to act;\n\n3. |STRONGY| condemns the attack.\n');
      assert.deepStrictEqual(result.summary.map((s) => [s[0], s[1], s[2]]), [
        ['unres.openingUnknown', result.cursors[0], result.cursors[1]],
        ['unres.openingUnknown', result.cursors[2], result.cursors[3]],
        ['unres.openingUnknown', result.cursors[4], result.cursors[5]],
      ]);
      assert.deepStrictEqual(result.diagnostics.map((d) => (d.data as { suggestions: string[] }).suggestions), [['requests'], ['Also'], ['STRONGLY']]);
    });

    it('stays silent on unusual but legitimate openings and on words the corpus uses', () => {
      const legit = [
        'Pursuant to its resolution 73/266,', 'Nothing in the present resolution shall prejudice,', 'Mindful of the report,',
        'Acting under Chapter VII,', 'Deeply concerned by the report,', 'Further to its resolution 73/266,', 'Reflecting on the report,',
        'Recalling further its resolution 73/266,', 'Having considered the report,', 'Emphasizing the need,', 'In this regard, noting the report,',
      ];
      for (const paragraph of legit) {
        const text = `The General Assembly,\n\n${paragraph}\n\n1. Decides to act.\n`;
        assert.deepStrictEqual(summary(parse(text), getStyleDiagnostics(parse(text), builtIn)), [], paragraph);
      }
      const british = 'The General Assembly,\n\nRecognising the report,\n\n1. Decides to act.\n';
      assert.strictEqual(getStyleDiagnostics(parse(british), builtIn)[0]?.message, 'Expected a known preambular opening ("Recognizing") in PP1, found "Recognising".');
      const corpus = openingVocabulary(indexWithOpenings(['Recognising'], []));
      assert.deepStrictEqual(getStyleDiagnostics(parse(british), corpus), [], 'the corpus opens paragraphs with it');
    });

    it('unres.repeatedVerb: a hint when an operative verb comes again without Also/Further', () => {
      const result = check('The General Assembly,\n\nNoting the report,\n\n1. Requests the Secretary-General to act;\n\n2. |Requests| the Office to act;\n\n3. Also requests the Chair to act;\n\n4. Calls upon States to act;\n\n5. Calls for action;\n\n6. Decides also to act;\n\n7. Decides to act.\n');
      assert.deepStrictEqual(result.summary.map((s) => [s[0], s[1], s[2], s[3]]), [
        ['unres.repeatedVerb', result.cursors[0], result.cursors[1], 'Expected "Also requests" or "Further requests" in OP2, found "Requests" again ("Requests" already opens OP1).'],
        ['unres.repeatedVerb', result.summary[1][1], result.summary[1][2], 'Expected "Also decides" or "Further decides" in OP7, found "Decides" again ("Decides" already opens OP6).'],
      ]);
      assert.ok(result.diagnostics.every((d) => d.severity === 4));
      const actions = actionsFor(result.document, result.diagnostics[0]);
      assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred === true]), [['Change "Requests" to "Also requests"', false], ['Change "Requests" to "Further requests"', false]]);
      const fixed = applyEdits(result.document, editsOf(actions[0]));
      assert.strictEqual(fixed, result.text.replace('2. Requests', '2. Also requests'));
      assert.deepStrictEqual(getStyleFixAll(result.document, builtIn), [], 'not part of Fix all');
    });
  });

  describe('unres.sessionOrdinal', () => {
    const closing = (ordinal: string) => `${HEADER}The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Decides to include in the provisional agenda of its ${ordinal} session the item entitled “Developments”.\n`;

    it('the provisional agenda names the session after the header\'s; the fix keeps the case', () => {
      assert.deepStrictEqual(check(closing('seventy-fifth')).summary, []);
      const result = check(closing('|seventy-fourth|'));
      assert.deepStrictEqual(result.summary, [
        ['unres.sessionOrdinal', result.cursors[0], result.cursors[1], 'Expected the seventy-fifth session in the provisional agenda, the session after the seventy-fourth named in the header, found "seventy-fourth".'],
      ]);
      assert.strictEqual(result.diagnostics[0].severity, 2);
      assert.deepStrictEqual(result.diagnostics[0].data, { kind: 'session', expected: 'seventy-fifth', found: 'seventy-fourth', headerSession: 74 });
      assert.strictEqual(fixOnce(result.text, 'unres.sessionOrdinal'), closing('seventy-fifth'));
      assert.strictEqual(fixOnce(closing('Seventy-Third'), 'unres.sessionOrdinal'), closing('Seventy-fifth'));
      assert.strictEqual(fixOnce(closing('SEVENTY-THIRD'), 'unres.sessionOrdinal'), closing('SEVENTY-FIFTH'));
      assert.strictEqual(fixOnce(closing('seventy-fith'), 'unres.sessionOrdinal'), closing('seventy-fifth'), 'a misspelt ordinal');
    });

    it('a later session (an item taken up every two to five years) is a hint, left out of Fix all', () => {
      const result = check(closing('|seventy-sixth|'));
      assert.strictEqual(result.diagnostics[0].severity, 4);
      assert.match(result.summary[0][3], /found "seventy-sixth" \(an item taken up every two to five years names a later session: then keep it\)\.$/);
      assert.strictEqual(check(closing('seventy-ninth')).diagnostics[0].severity, 4, 'five sessions on: a quinquennial review');
      assert.deepStrictEqual(getStyleFixAll(result.document, builtIn), []);
      assert.strictEqual(check(closing('eightieth')).diagnostics[0].severity, 2, 'six sessions on is a slip');
    });

    it('says nothing without a session in the header, or for words that are not an ordinal', () => {
      const text = 'The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Decides to include in the provisional agenda of its seventy-first session the item.\n';
      assert.deepStrictEqual(check(text).summary, []);
      assert.deepStrictEqual(check(closing('next')).summary, []);
    });

    it('keeps a line break inside the ordinal of PDF text', () => {
      const text = `${HEADER}The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Decides to include in the provisional agenda of its seventy-\nthird session the item.\n`;
      assert.strictEqual(fixOnce(text, 'unres.sessionOrdinal'), text.replace('seventy-\nthird', 'seventy-\nfifth'));
    });
  });

  describe('footnotes', () => {
    it('unres.footnoteMissing: a marker without a footnote; unres.footnoteUnused: a footnote never referenced', () => {
      const result = check('The General Assembly,\n\nRecalling its resolution 73/266,¹\n\nNoting the report,|²|\n\n1. Decides to act.\n\n¹ A/73/505.\n\n|³| A/74/1.\n');
      assert.deepStrictEqual(result.summary, [
        ['unres.footnoteMissing', result.cursors[0], result.cursors[1], 'Expected a footnote 2 for this marker, found footnotes 1 and 3 only.'],
        ['unres.footnoteUnused', result.cursors[2], result.cursors[3], 'Expected a marker referring to footnote 3 in the text, found none.'],
      ]);
      assert.deepStrictEqual(result.diagnostics.map((d) => [d.severity, d.data]), [
        [2, { kind: 'footnote', label: '2' }],
        [2, { kind: 'footnote', label: '3' }],
      ]);
      assert.deepStrictEqual(actionsFor(result.document, result.diagnostics[0]), []);
    });

    it('a footnote referred to from the header (agenda item, title) is used', () => {
      const text = `${HEADER.replace('Agenda item 93', 'Agenda item 93¹').replace('A title', 'A title²')}The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Decides to include in the provisional agenda of its seventy-fifth session the item.\n\n¹ A/74/150.\n\n² Reissued.\n`;
      assert.deepStrictEqual(check(text).summary, []);
    });

    it('reads every marker style, and a document without footnotes', () => {
      const markdown = check('The General Assembly,\n\nRecalling its resolution 73/266,|[^a]|\n\nNoting the report,<sup>1</sup>\n\n1. Decides to act.\n\n<sup>1</sup> A/73/505.\n');
      assert.deepStrictEqual(markdown.summary, [['unres.footnoteMissing', markdown.cursors[0], markdown.cursors[1], 'Expected a footnote a for this marker, found footnote 1 only.']]);
      const none = check('The General Assembly,\n\nRecalling its resolution 73/266,|^4|\n\n1. Decides to act.\n');
      assert.deepStrictEqual(none.summary, [['unres.footnoteMissing', none.cursors[0], none.cursors[1], 'Expected a footnote 4 for this marker, found no footnote in the document.']]);
    });
  });

  describe('code actions and Fix all', () => {
    it('a stale diagnostic (its text already changed) gets no action; a client that drops data still gets the fix', () => {
      const result = check('The General Assembly,\n\nRecalling its resolution 73/266|;|\n\n1. Decides to act.\n');
      const fixed = parse(result.text.replace('73/266;', '73/266,'));
      assert.deepStrictEqual(actionsFor(fixed, result.diagnostics[0]), []);
      const { data: _dropped, ...withoutData } = result.diagnostics[0];
      assert.strictEqual(actionsFor(result.document, withoutData).length, 1);
      assert.deepStrictEqual(getStyleCodeActions(result.document, result.diagnostics[0].range, [{ ...result.diagnostics[0], code: 'unres.citationDate' }], builtIn), [], 'other codes are not ours');
    });

    it('Fix all fixes punctuation, the session and a single-suggestion spelling, and leaves judgement calls alone', () => {
      const text = `${HEADER}The General Assembly,\n\nRecaling its resolution 73/266;\n\nDecides to act,\n\n1. Calls upon Member States;\n\n(a) To act.\n\n(b) To report\n\n2. Requests the Secretary-General to act.\n\n3. Requests the Office to act;\n\n4. Decides to include in the provisional agenda of its seventy-fourth session the item entitled “Developments”\n`;
      const document = parse(text);
      const fixed = applyEdits(document, getStyleFixAll(document, builtIn));
      const expected = text
        .replace('Recaling its resolution 73/266;', 'Recalling its resolution 73/266,')
        .replace('Member States;', 'Member States:')
        .replace('(a) To act.', '(a) To act;')
        .replace('(b) To report', '(b) To report;')
        .replace('to act.\n\n3.', 'to act;\n\n3.')
        .replace('seventy-fourth session', 'seventy-fifth session')
        .replace('“Developments”\n', '“Developments”.\n');
      assert.strictEqual(fixed, expected);
      const left = getStyleDiagnostics(parse(fixed), builtIn).map((d) => d.code);
      assert.deepStrictEqual(left, ['unres.openingInWrongPart', 'unres.repeatedVerb']);
      const onlySession = getStyleFixAll(document, builtIn, undefined, (code) => code === 'unres.sessionOrdinal');
      assert.deepStrictEqual(onlySession.map((e) => e.newText), ['seventy-fifth'], 'codes turned off are left out');
    });

    it('returns nothing when cancelled', () => {
      const text = 'The General Assembly,\n\nRecalling its resolution 73/266;\n\n1. Decides to act.\n';
      assert.deepStrictEqual(getStyleDiagnostics(parse(text), builtIn, { isCancellationRequested: true }), []);
    });

    it('answers for thousands of diagnostics at once: each its own fix, nothing for the others', () => {
      // A paragraph with thousands of markers without footnotes, and hundreds of paragraphs with the wrong mark.
      const markers = Array.from({ length: 3000 }, (_, i) => `word${'¹²³⁴⁵⁶⁷⁸⁹'[i % 9]}`).join(' ');
      const paragraphs = Array.from({ length: 400 }, (_, i) => `Noting report ${i + 1};`);
      const text = `The General Assembly,\n\n${paragraphs.join('\n\n')}\n\nRecalling the ${markers},\n\n1. Decides to act.\n`;
      const document = parse(text);
      const diagnostics = getStyleDiagnostics(document, builtIn);
      const punctuation = diagnostics.filter((d) => d.code === 'unres.punctuationPreambular');
      assert.strictEqual(punctuation.length, 400);
      assert.ok(diagnostics.filter((d) => d.code === 'unres.footnoteMissing').length >= 3000);
      const everything = { start: { line: 0, character: 0 }, end: document.lines.positionAt(text.length) };
      // In reverse, as a client may list them.
      const actions = getStyleCodeActions(document, everything, [...diagnostics].reverse(), builtIn);
      assert.strictEqual(actions.length, 400);
      for (const action of actions) {
        assert.strictEqual(action.diagnostics!.length, 1);
        assert.strictEqual(action.diagnostics![0].code, 'unres.punctuationPreambular');
        assert.deepStrictEqual(editsOf(action), [{ range: action.diagnostics![0].range, newText: ',' }]);
      }
      const fixed = applyEdits(document, actions.flatMap(editsOf));
      assert.strictEqual(fixed, text.replace(/(Noting report \d+);/g, '$1,'));
    });

    it('stops matching diagnostics once the request is cancelled', () => {
      const text = 'The General Assembly,\n\nRecalling its resolution 73/266;\n\nNoting the report;\n\n1. Decides to act.\n';
      const document = parse(text);
      const diagnostics = getStyleDiagnostics(document, builtIn);
      const everything = { start: { line: 0, character: 0 }, end: document.lines.positionAt(text.length) };
      assert.strictEqual(getStyleCodeActions(document, everything, diagnostics, builtIn).length, 2);
      // The reads the checks make, then one more: cancelled once the diagnostics are being matched.
      let reads = 0;
      getStyleDiagnostics(document, builtIn, { get isCancellationRequested() { reads++; return false; } });
      const limit = reads + 1;
      let seen = 0;
      const token = { get isCancellationRequested() { return ++seen > limit; } };
      assert.deepStrictEqual(getStyleCodeActions(document, everything, diagnostics, builtIn, token), []);
    });

    it('every code has a fixture above', () => {
      assert.deepStrictEqual([...STYLE_CODES].sort(), [
        'unres.footnoteMissing', 'unres.footnoteUnused', 'unres.openingInWrongPart', 'unres.openingUnknown', 'unres.punctuationIntroducer',
        'unres.punctuationLast', 'unres.punctuationOperative', 'unres.punctuationPreambular', 'unres.punctuationSubparagraph',
        'unres.repeatedVerb', 'unres.sessionOrdinal',
      ]);
    });
  });

  describe('mutated seeds', () => {
    interface Mutation {
      /** Replaced once; the diagnostic is expected on the line where the replacement starts. */
      from: string;
      to: string;
      code: string;
      severity?: number;
      /** The preferred fix restores the seed exactly (and so does Fix all unless false). */
      restores?: boolean;
      fixAll?: boolean;
    }
    const mutations: Record<string, Mutation[]> = {
      '000_3767520ad4361519.txt': [
        { from: 'means of telecommunication,\n', to: 'means of telecommunication\n', code: 'unres.punctuationPreambular', restores: true },
        { from: 'in the Context of International Security;\n\n5.', to: 'in the Context of International Security.\n\n5.', code: 'unres.punctuationOperative', restores: true },
        { from: 'international security".', to: 'international security"', code: 'unres.punctuationLast', restores: true },
        { from: 'free flow of information;\n\n2.', to: 'free flow of information\n\n2.', code: 'unres.punctuationSubparagraph', restores: true },
        { from: 'Calls upon Member States:', to: 'Calls upon Member States;', code: 'unres.punctuationIntroducer', restores: true },
        { from: 'Underscoring the need', to: 'Undrscoring the need', code: 'unres.openingUnknown', restores: true },
        { from: 'its seventy-fifth session', to: 'its seventy-fourth session', code: 'unres.sessionOrdinal', restores: true },
      ],
      '001_9248fafc50032362.txt': [
        { from: 'for criminal or terrorist purposes,', to: 'for criminal or terrorist purposes;', code: 'unres.punctuationPreambular', restores: true },
        { from: 'to share views on the programme of action;', to: 'to share views on the programme of action.', code: 'unres.punctuationOperative', restores: true },
        { from: 'international security".', to: 'international security";', code: 'unres.punctuationLast', restores: true },
        { from: 'relevant stakeholders where appropriate;', to: 'relevant stakeholders where appropriate', code: 'unres.punctuationSubparagraph', restores: true },
        { from: 'Highlighting the conclusions', to: 'Higlighting the conclusions', code: 'unres.openingUnknown', restores: true },
        { from: 'its seventy-ninth session', to: 'its seventy-eighth session', code: 'unres.sessionOrdinal', restores: true },
        { from: 'its seventy-ninth session', to: 'its eightieth session', code: 'unres.sessionOrdinal', severity: 4, restores: true, fixAll: false },
      ],
      '002_eef1e9d426f8333c.txt': [
        { from: 'legitimate and malicious purposes, ', to: 'legitimate and malicious purposes ', code: 'unres.punctuationPreambular', restores: true },
        { from: 'connected with the group;', to: 'connected with the group.', code: 'unres.punctuationOperative', restores: true },
        { from: 'international security”. ', to: 'international security”; ', code: 'unres.punctuationLast', restores: true },
        { from: 'at the global level;', to: 'at the global level.', code: 'unres.punctuationSubparagraph', restores: true },
        { from: 'security of ICT products. ', to: 'security of ICT products, ', code: 'unres.punctuationSubparagraph', restores: false },
        { from: 'on 5 December 2016:', to: 'on 5 December 2016;', code: 'unres.punctuationIntroducer', restores: true },
        { from: ' Reaffirming the right and duty', to: ' Reafirming the right and duty', code: 'unres.openingUnknown', restores: true },
        { from: 'seventy-fourth \n\nsession the item', to: 'seventy-third \n\nsession the item', code: 'unres.sessionOrdinal', restores: true },
      ],
      '003_300b75d26f4ff1a3.txt': [
        { from: 'for criminal or terrorist purposes,', to: 'for criminal or terrorist purposes.', code: 'unres.punctuationPreambular', restores: true },
        { from: 'may adopt a decision in this respect;', to: 'may adopt a decision in this respect', code: 'unres.punctuationOperative', restores: true },
        { from: 'international security”.', to: 'international security”', code: 'unres.punctuationLast', restores: true },
        { from: '*Reaffirming* the right', to: '*Reafirming* the right', code: 'unres.openingUnknown', restores: true },
        { from: '*Stressing* that, while States', to: '*Stresses* that, while States', code: 'unres.openingInWrongPart', restores: true, fixAll: false },
        { from: 'its seventy-sixth session', to: 'its seventy-fifth session', code: 'unres.sessionOrdinal', restores: true },
      ],
      '004_f1b1830bc3def63f.txt': [
        { from: 'misuse of information technologies,', to: 'misuse of information technologies;', code: 'unres.punctuationPreambular', restores: true },
        { from: 'in advance of its sessions;', to: 'in advance of its sessions:', code: 'unres.punctuationOperative', restores: true },
        { from: 'international security”.', to: 'international security”,', code: 'unres.punctuationLast', restores: true },
        { from: 'cooperation in this field;', to: 'cooperation in this field.', code: 'unres.punctuationSubparagraph', restores: true },
        { from: '*Calls upon* Member States:', to: '*Calls upon* Member States', code: 'unres.punctuationIntroducer', restores: true },
        { from: '*Invites* all Member States', to: '*Invtes* all Member States', code: 'unres.openingUnknown', restores: true },
        { from: 'its seventy-fourth session', to: 'its seventy-third session', code: 'unres.sessionOrdinal', restores: true },
      ],
    };

    for (const seed of SEEDS) {
      for (const mutation of mutations[seed.file]) {
        it(`${seed.file}: ${JSON.stringify(mutation.to.trim())} fires ${mutation.code} on its line${mutation.restores ? ', and its fix restores the seed' : ''}`, () => {
          const original = readSeed(seed.file);
          const at = original.indexOf(mutation.from);
          assert.ok(at >= 0 && original.indexOf(mutation.from, at + 1) < 0, `${JSON.stringify(mutation.from)} once in the seed`);
          const mutated = original.slice(0, at) + mutation.to + original.slice(at + mutation.from.length);
          const document = parse(mutated);
          const baseline = new Set(getStyleDiagnostics(parse(original), builtIn).map((d) => `${d.code}|${d.message}`));
          const found = getStyleDiagnostics(document, builtIn).filter((d) => !baseline.has(`${d.code}|${d.message}`));
          assert.deepStrictEqual(found.map((d) => [d.code, d.range.start.line, d.severity]), [[mutation.code, lineAt(mutated, at), mutation.severity ?? 2]], found.map((d) => d.message).join('\n'));
          if (!mutation.restores) {
            // Still fixable: the fix removes the diagnostic and touches only the mark.
            const fixed = fixOnce(mutated, mutation.code);
            assert.strictEqual(fixed.length, mutated.length);
            assert.strictEqual([...fixed].filter((ch, i) => ch !== mutated[i]).length, 1);
            return;
          }
          assert.strictEqual(fixOnce(mutated, mutation.code), original, 'the quick fix restores the seed byte for byte');
          const all = applyEdits(document, getStyleFixAll(document, builtIn));
          assert.strictEqual(all === original, mutation.fixAll !== false, 'Fix all');
        });
      }
    }

    const deletions: [file: string, body: string, markers: string[]][] = [
      ['000_3767520ad4361519.txt', '³ A/70/174.\n\n', ['and 2015³ reports', '2013^2 and 2015^3']],
      ['001_9248fafc50032362.txt', '² See A/78/265.\n\n', ['second²']],
      ['003_300b75d26f4ff1a3.txt', '<sup>2</sup> A/68/98.\n\n', ['2013<sup>2</sup>']],
      ['004_f1b1830bc3def63f.txt', '¹ A/65/201.\n\n', ['2010,¹ 2013² and 2015³ reports transmitted', '2010,¹ 2013² and 2015³ reports of']],
    ];
    for (const [file, body, markers] of deletions) {
      it(`${file}: deleting a footnote body fires unres.footnoteMissing on each of its markers`, () => {
        const original = readSeed(file);
        assert.ok(original.includes(body));
        const mutated = original.replace(body, '');
        const found = getStyleDiagnostics(parse(mutated), builtIn).filter((d) => d.severity! <= 2);
        assert.deepStrictEqual(found.map((d) => [d.code, d.range.start.line]), markers.map((m) => ['unres.footnoteMissing', lineAt(mutated, mutated.indexOf(m))]));
      });
    }

    it('004: a footnote nobody refers to fires unres.footnoteUnused on its label', () => {
      const original = readSeed(SEEDS[4].file);
      const mutated = original.replace('³ A/70/174.\n', '³ A/70/174.\n\n⁴ A/73/505.\n');
      const found = getStyleDiagnostics(parse(mutated), builtIn).filter((d) => d.severity! <= 2);
      assert.deepStrictEqual(found.map((d) => [d.code, d.range.start.line, d.message]), [['unres.footnoteUnused', lineAt(mutated, mutated.indexOf('⁴ A/73/505')), 'Expected a marker referring to footnote 4 in the text, found none.']]);
    });

    it('002 (PDF): removing the markers of footnote 1 fires unres.footnoteUnused; deleting a body leaves its glued marker to report', () => {
      const original = readSeed(SEEDS[2].file);
      const unmarked = original.replace('General,1', 'General,').replace('International Security,1', 'International Security,');
      const found = getStyleDiagnostics(parse(unmarked), builtIn);
      assert.deepStrictEqual(found.map((d) => [d.code, d.range.start.line]), [['unres.footnoteUnused', lineAt(unmarked, unmarked.indexOf(' 1  A/65/201'))]]);
      // PDF text loses superscripts: "20124" is 2012 with marker 4, between the markers of footnotes 3 and 5.
      const withoutBody = original.replace(/ 4 {2}See Official Records[^\n]*\n\ncorrigendum[^\n]*\n/, '');
      assert.notStrictEqual(withoutBody, original);
      const missing = getStyleDiagnostics(parse(withoutBody), builtIn);
      assert.deepStrictEqual(missing.map((d) => [d.code, withoutBody.slice(offsetOf(withoutBody, d.range.start) - 4, offsetOf(withoutBody, d.range.end))]), [['unres.footnoteMissing', '20124']]);
    });

    it('004: "Also requests" in OP4 takes away its hint and leaves the one of OP5', () => {
      const original = readSeed(SEEDS[4].file);
      const document = parse(original);
      const hint = getStyleDiagnostics(document, builtIn).find((d) => String(d.message).includes('in OP4'))!;
      const [also] = actionsFor(document, hint);
      const fixed = applyEdits(document, editsOf(also));
      assert.strictEqual(fixed, original.replace('*Requests* the Office', '*Also requests* the Office'));
      assert.deepStrictEqual(getStyleDiagnostics(parse(fixed), builtIn).map((d) => d.message), [
        'Expected "Also requests" or "Further requests" in OP5, found "Requests" again ("Requests" already opens OP3).',
      ]);
    });
  });

  describe('a long draft', () => {
    it('checks a 300-paragraph draft built from the seeds: no punctuation or footnote problem', () => {
      const models = SEEDS.map((seed) => parse(readSeed(seed.file)).model);
      const preambular = models.flatMap((m) => m.preambular.map((p) => p.content.text));
      const operative = models.flatMap((m) => m.operative.map((p) => ({ text: p.content.text, subs: p.subparagraphs.map((s) => s.content.text) })));
      const mark = (text: string, m: string) => text.replace(/[\s,;:.]+$/, '') + m;
      const lines = [HEADER, 'The General Assembly,', ''];
      for (let i = 0; i < 150; i++) lines.push(mark(preambular[(i * 7) % preambular.length], ',') + (i % 9 === 4 ? '¹' : ''), '');
      for (let i = 0; i < 150; i++) {
        const source = operative[(i * 5) % operative.length];
        const last = i === 149;
        const subs = i % 3 === 0 ? source.subs.slice(0, 3) : [];
        if (subs.length === 0) lines.push(`${i + 1}. ${mark(source.text, last ? '.' : ';')}`, '');
        else {
          lines.push(`${i + 1}. ${mark(source.text, ':')}`, '');
          subs.forEach((sub, k) => lines.push(`(${String.fromCharCode(97 + k)}) ${mark(sub, k === subs.length - 1 && last ? '.' : ';')}`, ''));
        }
      }
      lines.push('¹ A/73/505.', '');
      const document = parse(lines.join('\n'));
      assert.strictEqual(document.model.preambular.length + document.model.operative.length, 300);
      // Its time is a figure of `npm run bench` (diagnostics), never asserted here.
      // Seed paragraphs in new places repeat verbs and name other sessions; every mark is in place.
      const codes = getStyleDiagnostics(document, corpusVocabulary).map((d) => String(d.code));
      assert.ok(codes.length > 0 && codes.every((code) => code === 'unres.repeatedVerb' || code === 'unres.sessionOrdinal'), [...new Set(codes)].join(', '));
    });
  });
});
