import * as assert from 'assert';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import type { Paragraph, SubParagraph } from '../../../server/src/parser/model';
import {
  getNumberingCodeActions,
  getNumberingDiagnostics,
  getNumberingFixAll,
  LABEL_CODES,
  NUMBERING_CODES,
  STRUCTURE_NUMBERING_CODES,
} from '../../../server/src/services/structure/numbering';
import { SEEDS, applyEdits, editsFor, readSeed, withCursors } from '../../helpers';
import { decimalLevels } from '../deepModel';

const DRAFT = 'file:///work/drafts/draft.unres';
const parse = (text: string) => ParsedDocument.parse({ uri: DRAFT, version: 1, getText: () => text });

/** A draft: the organ line, one preambular paragraph, then the given operative paragraphs and sub-paragraphs, a blank line apart. */
const draft = (...lines: string[]) => `The General Assembly,\n\nRecalling its resolution 73/27 of 5 December 2018,\n\n${lines.join('\n\n')}\n`;

/** [code, start offset, end offset, message] of each diagnostic. */
function summary(document: ParsedDocument, diagnostics: Diagnostic[]): [unknown, number, number, string][] {
  return diagnostics.map((d) => [d.code, document.lines.offsetAt(d.range.start), document.lines.offsetAt(d.range.end), String(d.message)]);
}

/** [code, 0-based line] of each diagnostic. */
function lines(diagnostics: Diagnostic[]): [unknown, number][] {
  return diagnostics.map((d) => [d.code, d.range.start.line]);
}

function check(text: string): { document: ParsedDocument; diagnostics: Diagnostic[] } {
  const document = parse(text);
  return { document, diagnostics: getNumberingDiagnostics(document) };
}

/** Expects exactly one diagnostic, on the range between the fixture's two cursors. */
function expectOne(marked: string, code: string, message: string): { document: ParsedDocument; diagnostics: Diagnostic[] } {
  const { text, cursors } = withCursors(marked);
  const result = check(text);
  assert.deepStrictEqual(summary(result.document, result.diagnostics), [[code, cursors[0], cursors[1], message]]);
  assert.strictEqual(result.diagnostics[0].severity, 2, 'Warning');
  assert.strictEqual(result.diagnostics[0].source, 'unres');
  return result;
}

const editsOf = (action: CodeAction): TextEdit[] => editsFor(action, DRAFT);

/**
 * A fix changes only what it says: each edit replaces a number with a number, a label's letters
 * with letters (inside their parentheses), inserts a missing number or label, or removes the
 * number of a preambular paragraph.
 */
function assertOnlyNumbersAndLabels(document: ParsedDocument, edits: TextEdit[]): void {
  const text = document.model.text;
  for (const edit of edits) {
    const start = document.lines.offsetAt(edit.range.start);
    const end = document.lines.offsetAt(edit.range.end);
    const old = text.slice(start, end);
    const ok =
      (/^\d{1,3}(?:\.\d{1,3})*$/.test(old) && /^\d{1,3}(?:\.\d{1,3})*$/.test(edit.newText)) ||
      (/^[a-z]{1,4}$/.test(old) && /^[a-z]{1,4}$/.test(edit.newText) && text[start - 1] === '(' && text[end] === ')') ||
      (old === '' && /^(?:\d{1,3}\. |\([a-z]{1,4}\) |\d{1,3}(?:\.\d{1,3})+\.? )$/.test(edit.newText)) ||
      (/^\d{1,3}\.\s+$/.test(old) && edit.newText === '');
    assert.ok(ok, `edit ${JSON.stringify(old)} -> ${JSON.stringify(edit.newText)} at ${start} touches more than a number or a label`);
  }
}

/** The quick fixes offered on a diagnostic, with the context the editor sends (the diagnostics at the cursor). */
function actionsFor(document: ParsedDocument, diagnostic: Diagnostic, all: Diagnostic[]): CodeAction[] {
  return getNumberingCodeActions(document, diagnostic.range, all);
}

/** Applies the one action of a title for a diagnostic, checks its edits, re-parses. */
function applyAction(document: ParsedDocument, diagnostics: Diagnostic[], title: string, at = 0): string {
  const actions = actionsFor(document, diagnostics[at], diagnostics);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
  const edits = editsOf(action);
  assertOnlyNumbersAndLabels(document, edits);
  return applyEdits(document, edits);
}

function codesOf(diagnostics: Diagnostic[], codes: readonly string[]): Diagnostic[] {
  return diagnostics.filter((d) => codes.includes(String(d.code)));
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `text lacks ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

describe('structure: numbering, labels and references', () => {
  describe('the seeds', () => {
    for (const seed of SEEDS) {
      it(`${seed.file}: no diagnostic and nothing to fix`, () => {
        const document = parse(readSeed(seed.file));
        assert.deepStrictEqual(summary(document, getNumberingDiagnostics(document)), []);
        assert.deepStrictEqual(getNumberingFixAll(document), []);
      });
    }

    it('are checked for real: seed 002 has three references to its own paragraphs, resolved', () => {
      const document = parse(readSeed(SEEDS[2].file));
      const own = document.model.references.filter((r) => r.scope.kind === 'self');
      assert.strictEqual(own.length, 3);
      // Each names a paragraph that exists and stands above it: move one and the check fires.
      const moved = replaceOnce(readSeed(SEEDS[2].file), 'paragraph 3 above;', 'paragraph 6 above;');
      assert.deepStrictEqual(lines(getNumberingDiagnostics(parse(moved))).map(([code]) => code), ['unres.referenceDirection']);
    });
  });

  describe('operative numbering', () => {
    it('unres.opNumberGap: a number skipped, on the number, once', () => {
      const { document, diagnostics } = expectOne(
        draft('1. Decides to act;', '2. Requests a report;', '|4.| Invites Member States to act;', '5. Decides to remain seized of the matter.'),
        'unres.opNumberGap',
        'Operative paragraph 4 follows 2: expected 3.',
      );
      const fixed = applyAction(document, diagnostics, 'Renumber operative paragraphs');
      assert.strictEqual(fixed, draft('1. Decides to act;', '2. Requests a report;', '3. Invites Member States to act;', '4. Decides to remain seized of the matter.'));
      assert.deepStrictEqual(getNumberingDiagnostics(parse(fixed)), []);
    });

    it('unres.opNumberGap: a first paragraph numbered other than 1', () => {
      expectOne(draft('|2.| Decides to act;', '3. Decides to remain seized of the matter.'), 'unres.opNumberGap', 'The first operative paragraph is numbered 2: expected 1.');
    });

    it('unres.opNumberDuplicate: a number written twice, on the second, naming the first line', () => {
      const { document, diagnostics } = expectOne(
        draft('1. Decides to act;', '2. Requests a report;', '|2.| Invites Member States to act;', '3. Decides to remain seized of the matter.'),
        'unres.opNumberDuplicate',
        'Operative paragraph number 2 is used twice (also on line 7): expected 3.',
      );
      const fixed = applyAction(document, diagnostics, 'Renumber operative paragraphs');
      assert.strictEqual(fixed, draft('1. Decides to act;', '2. Requests a report;', '3. Invites Member States to act;', '4. Decides to remain seized of the matter.'));
    });

    it('unres.opNumberDuplicate: a typo (2 for 3) is one diagnostic, not two', () => {
      const { diagnostics } = check(draft('1. Decides to act;', '2. Requests a report;', '2. Invites Member States to act;', '4. Decides to remain seized of the matter.'));
      assert.deepStrictEqual(diagnostics.map((d) => d.message), ['Operative paragraph number 2 is used twice (also on line 7): expected 3.']);
    });

    it('unres.opNumberOrder: two numbers swapped, both flagged', () => {
      const marked = draft('1. Decides to act;', '|3.| Requests a report;', '|2.| Invites Member States to act;', '4. Decides to remain seized of the matter.');
      const { text, cursors } = withCursors(marked);
      const { document, diagnostics } = check(text);
      assert.deepStrictEqual(summary(document, diagnostics), [
        ['unres.opNumberOrder', cursors[0], cursors[1], 'Operative paragraph 3 follows 1, out of order: expected 2.'],
        ['unres.opNumberOrder', cursors[2], cursors[3], 'Operative paragraph 2 follows 3, out of order: expected 3.'],
      ]);
      const fixed = applyAction(document, diagnostics, 'Renumber operative paragraphs', 1);
      assert.deepStrictEqual(getNumberingDiagnostics(parse(fixed)), []);
    });

    it('unres.opNumberOrder: a paragraph moved up flags the paragraphs whose place changed, not the ones after', () => {
      const { diagnostics } = check(draft('1. Decides to act;', '2. Requests a report;', '5. Notes the report;', '3. Invites Member States to act;', '4. Encourages States;', '6. Decides to remain seized of the matter.'));
      assert.deepStrictEqual(diagnostics.map((d) => [d.range.start.line, d.message]), [
        [8, 'Operative paragraph 5 follows 2, out of order: expected 3.'],
        [10, 'Operative paragraph 3 follows 5, out of order: expected 4.'],
        [12, 'Operative paragraph 4 follows 3, out of order: expected 5.'],
      ]);
    });

    it('unres.opNumberMissing: an unnumbered operative paragraph, on its first word', () => {
      const { document, diagnostics } = expectOne(
        draft('1. Decides to act;', '|Requests| a report;', '3. Decides to remain seized of the matter.'),
        'unres.opNumberMissing',
        'Operative paragraph without a number after 1: expected 2.',
      );
      const fixed = applyAction(document, diagnostics, 'Renumber operative paragraphs');
      assert.strictEqual(fixed, draft('1. Decides to act;', '2. Requests a report;', '3. Decides to remain seized of the matter.'));
    });

    it('unres.opNumberMissing: a paragraph inserted without a number is the one slip; the fix renumbers those after it', () => {
      const { document, diagnostics } = check(draft('1. Decides to act;', 'Requests a report;', '2. Decides to remain seized of the matter.'));
      assert.deepStrictEqual(diagnostics.map((d) => d.message), ['Operative paragraph without a number after 1: expected 2.']);
      const fixed = applyAction(document, diagnostics, 'Renumber operative paragraphs');
      assert.strictEqual(fixed, draft('1. Decides to act;', '2. Requests a report;', '3. Decides to remain seized of the matter.'));
    });

    it('the one paragraph of a section takes no number; the next section numbers from 1 again', () => {
      const text = draft(
        'I', 'Programme budget', '1. Approves the budget;', '2. Decides to review it;',
        'II', 'International Trade Centre', 'Approves resources for the Centre;',
        'III', 'Contingency fund', 'Recalls its resolution 77/263 A, in which it set the fund,', '1. Notes the balance of the fund;', '2. Decides to keep the fund.',
      );
      assert.deepStrictEqual(check(text).diagnostics.map((d) => d.message), []);
      // Two unnumbered paragraphs in a section are a slip.
      const two = draft('I', 'Programme budget', '1. Approves the budget;', 'II', 'International Trade Centre', 'Approves resources for the Centre;', 'Requests a report.');
      assert.strictEqual(check(two).diagnostics.filter((d) => d.code === 'unres.opNumberMissing').length, 2);
    });

    it('a lone operative paragraph may stand unnumbered; numbered, it is 1', () => {
      assert.deepStrictEqual(check(draft('Decides to remain seized of the matter.')).diagnostics, []);
      assert.deepStrictEqual(check(draft('1. Decides to remain seized of the matter.')).diagnostics, []);
      assert.deepStrictEqual(getNumberingFixAll(parse(draft('Decides to remain seized of the matter.'))), []);
    });

    it('unres.numberedPreambular: a numbered paragraph that opens with a participle and ends with a comma, before the operative part', () => {
      const text = `The General Assembly,\n\nRecalling its resolution 73/27,\n\n|1.| Noting the report of the Secretary-General,\n\nStressing the need for cooperation,\n\n1. Decides to act;\n\n2. Decides to remain seized of the matter.\n`;
      const { document, diagnostics } = expectOne(
        text,
        'unres.numberedPreambular',
        'Numbered preambular paragraph: it opens with "Noting" and ends with a comma; expected no number, found "1.".',
      );
      const fixed = applyAction(document, diagnostics, 'Renumber operative paragraphs');
      assert.strictEqual(fixed, withCursors(text).text.replace('1. Noting', 'Noting'));
      const reparsed = parse(fixed);
      assert.strictEqual(reparsed.model.preambular.length, 3, 'back in the preamble');
      assert.deepStrictEqual(getNumberingDiagnostics(reparsed), []);
    });

    it('a numbered paragraph with a participle that ends with a semicolon is operative (its opening is another check)', () => {
      assert.deepStrictEqual(check(draft('1. Noting the report;', '2. Decides to remain seized of the matter.')).diagnostics, []);
    });
  });

  describe('sub-paragraph labels', () => {
    const op = (...subs: string[]) => draft('1. Decides to act;', '2. Invites Member States to consider:', ...subs, '3. Decides to remain seized of the matter.');

    it('unres.labelGap: "(c) follows (a): expected (b)."', () => {
      const { document, diagnostics } = expectOne(op('(a) Measures;', '|(c)| Steps;', '(d) Action.'), 'unres.labelGap', '(c) follows (a): expected (b).');
      const fixed = applyAction(document, diagnostics, 'Reletter sub-paragraphs of OP2');
      assert.strictEqual(fixed, op('(a) Measures;', '(b) Steps;', '(c) Action.'));
      assert.deepStrictEqual(getNumberingDiagnostics(parse(fixed)), []);
    });

    it('unres.labelDuplicate: a label written twice', () => {
      expectOne(op('(a) Measures;', '(b) Steps;', '|(b)| Action.'), 'unres.labelDuplicate', '(b) is used twice in OP2 (also on line 11): expected (c).');
    });

    it('unres.labelOrder: two labels swapped', () => {
      const { text, cursors } = withCursors(op('(a) Measures;', '|(c)| Steps;', '|(b)| Action.'));
      const { document, diagnostics } = check(text);
      assert.deepStrictEqual(summary(document, diagnostics), [
        ['unres.labelOrder', cursors[0], cursors[1], '(c) follows (a), out of order: expected (b).'],
        ['unres.labelOrder', cursors[2], cursors[3], '(b) follows (c), out of order: expected (c).'],
      ]);
    });

    it('unres.labelRestart: labels restart in each paragraph', () => {
      const text = draft('1. Invites Member States to consider:', '(a) Measures;', '(b) Steps;', '2. Requests the Secretary-General:', '|(c)| To report;', '(d) To consult.', '3. Decides to remain seized of the matter.');
      const { document, diagnostics } = expectOne(text, 'unres.labelRestart', 'The sub-paragraphs of OP2 start at (c): expected (a); labels restart in each paragraph.');
      const fixed = applyAction(document, diagnostics, 'Reletter sub-paragraphs of OP2');
      assert.strictEqual(fixed, withCursors(text).text.replace('(c) To report', '(a) To report').replace('(d) To consult', '(b) To consult'));
    });

    it('unres.labelRestart: a decimal list one level down starts at .1', () => {
      expectOne(
        draft('1. Welcomes the norms:', '1.1. One.', '1.2. Two:', '|1.2.2.| Two a.', '1.2.3. Two b.', '2. Decides to remain seized of the matter.'),
        'unres.labelRestart',
        'The sub-paragraphs of 1.2 of OP1 start at 1.2.2: expected 1.2.1; labels restart in each paragraph.',
      );
    });

    it('unres.labelMixed: a letter among roman numerals at one level', () => {
      const { document, diagnostics } = expectOne(op('(i) Measures;', '(ii) Steps;', '|(c)| Action.'), 'unres.labelMixed', 'Mixed labels in OP2: (c) among roman numerals: expected (iii).');
      const fixed = applyAction(document, diagnostics, 'Reletter sub-paragraphs of OP2');
      assert.strictEqual(fixed, op('(i) Measures;', '(ii) Steps;', '(iii) Action.'));
    });

    it('unres.labelParent: "2.1" under operative paragraph 1', () => {
      const text = draft('1. Welcomes the following norms:', '|2.1.| States should cooperate.', '1.2. States should consult.', '2. Decides to remain seized of the matter.');
      const { document, diagnostics } = expectOne(text, 'unres.labelParent', '2.1 stands under operative paragraph 1: expected 1.1.');
      const fixed = applyAction(document, diagnostics, 'Reletter sub-paragraphs of OP1');
      assert.strictEqual(fixed, withCursors(text).text.replace('2.1.', '1.1.'));
    });

    it('unres.labelMissing: a sub-paragraph that lost its label (read as an unnumbered paragraph)', () => {
      const { document, diagnostics } = expectOne(op('(a) Measures;', '|Practical| steps;', '(c) Action.'), 'unres.labelMissing', 'Sub-paragraph of OP2 without a label: expected (b).');
      const fixed = applyAction(document, diagnostics, 'Reletter sub-paragraphs of OP2');
      assert.strictEqual(fixed, op('(a) Measures;', '(b) Practical steps;', '(c) Action.'));
      // A first word that reads like an operative verb ("Efforts"), but the labels after it go on counting.
      expectOne(op('(a) Measures;', '|Efforts| taken;', '(c) Action.'), 'unres.labelMissing', 'Sub-paragraph of OP2 without a label: expected (b).');
      // After a colon, even a first sub-paragraph without a label is one.
      expectOne(op('|Measures| to take;', '(b) Action.'), 'unres.labelMissing', 'Sub-paragraph of OP2 without a label: expected (a).');
    });

    it('"(i)" after "(h)" is a letter; elsewhere it opens a roman list one level down', () => {
      const letters = 'abcdefghij'.split('').map((l) => `(${l}) Item ${l};`);
      assert.deepStrictEqual(check(op(...letters)).diagnostics, []);
      assert.deepStrictEqual(check(op('(a) Measures:', '(i) national;', '(ii) regional;', '(b) Steps:', '(i) first;', '(ii) second.')).diagnostics, []);
      expectOne(op('(a) Measures:', '(i) national;', '|(iii)| regional;', '(b) Steps.'), 'unres.labelGap', '(iii) follows (i): expected (ii).');
    });

    it('decimal labels nest: 1.2.1 under 1.2', () => {
      assert.deepStrictEqual(check(draft('1. Welcomes the norms:', '1.1. One.', '1.2. Two:', '1.2.1. Two a.', '1.2.2. Two b.', '2. Decides to remain seized of the matter.')).diagnostics, []);
      expectOne(draft('1. Welcomes the norms:', '1.1. One.', '1.2. Two:', '1.2.1. Two a.', '|1.2.3.| Two b.', '2. Decides to remain seized of the matter.'), 'unres.labelGap', '1.2.3 follows 1.2.1: expected 1.2.2.');
    });
  });

  describe('references inside the draft', () => {
    it('unres.referenceMissing: "paragraph 7 above" with no paragraph 7', () => {
      expectOne(
        draft('1. Decides to act;', '2. Requests a report on the measures referred to in paragraph |7| above;', '3. Decides to remain seized of the matter.'),
        'unres.referenceMissing',
        '"paragraph 7 above" names operative paragraph 7: there is none (the operative paragraphs are numbered 1 to 3).',
      );
    });

    it('unres.referenceSubMissing: "paragraph 2 (c)" when paragraph 2 has (a) and (b)', () => {
      expectOne(
        draft('1. Decides to act;', '2. Invites Member States:', '(a) To act;', '(b) To report;', '3. Requests a report on the measures in paragraph |2 (c)| above;', '4. Decides to remain seized of the matter.'),
        'unres.referenceSubMissing',
        '"paragraph 2 (c) above" names (c), but operative paragraph 2 has no such sub-paragraph (it has (a) and (b)).',
      );
    });

    it('unres.referenceSubMissing: "subparagraph (d) above" inside a paragraph without a (d)', () => {
      expectOne(
        draft('1. Invites Member States:', '(a) To act;', '(b) To report on subparagraph |(d)| above;', '2. Decides to remain seized of the matter.'),
        'unres.referenceSubMissing',
        '"subparagraph (d) above" names (d), but this paragraph (OP1) has no such sub-paragraph (it has (a) and (b)).',
      );
    });

    it('unres.referenceSubMissing: "subparagraph (e) of paragraph 2" looks in paragraph 2', () => {
      expectOne(
        draft('1. Decides to act;', '2. Invites Member States:', '(a) To act;', '(b) To report;', '3. Requests a report on subparagraph |(e)| of paragraph 2 and subparagraph (b) of paragraph 2;', '4. Decides to remain seized of the matter.'),
        'unres.referenceSubMissing',
        '"subparagraph (e) of paragraph 2" names (e), but operative paragraph 2 has no such sub-paragraph (it has (a) and (b)).',
      );
    });

    it('unres.referenceSubMissing: a decimal "paragraph 1.14" when paragraph 1 stops at 1.13 (seed 002)', () => {
      const text = replaceOnce(readSeed(SEEDS[2].file), 'paragraph 3 above;', 'paragraph 1.14 above;');
      const { diagnostics } = check(text);
      assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.message]), [
        ['unres.referenceSubMissing', '"paragraph 1.14 above" names 1.14, but operative paragraph 1 has no such sub-paragraph (it has 1.1 to 1.13).'],
      ]);
    });

    it('unres.referenceDirection: "above" for a paragraph below, and "below" for one above, on the direction word', () => {
      const { document, diagnostics } = expectOne(
        draft('1. Decides to act as set out in paragraph 3 |above|;', '2. Requests a report;', '3. Decides to remain seized of the matter.'),
        'unres.referenceDirection',
        '"paragraph 3 above": paragraph 3 stands below it (line 9); expected "below", found "above".',
      );
      const actions = actionsFor(document, diagnostics[0], diagnostics);
      assert.deepStrictEqual(actions.map((a) => a.title), ['Change to "below"']);
      const fixed = applyEdits(document, editsOf(actions[0]));
      assert.strictEqual(fixed, draft('1. Decides to act as set out in paragraph 3 below;', '2. Requests a report;', '3. Decides to remain seized of the matter.'));
      assert.deepStrictEqual(getNumberingDiagnostics(parse(fixed)), []);
      expectOne(
        draft('1. Decides to act;', '2. Requests a report;', '3. Recalls paragraph 1 |below|;', '4. Decides to remain seized of the matter.'),
        'unres.referenceDirection',
        '"paragraph 1 below": paragraph 1 stands above it (line 5); expected "above", found "below".',
      );
    });

    it('a reference inside the paragraph it names, a sub-paragraph above in the same paragraph, and cited resolutions are not checked here', () => {
      const text = draft(
        '1. Invites Member States:',
        '(a) To act;',
        '(b) To report on paragraph 1 (a) above and on paragraph 1 above;',
        '2. Recalls paragraph 9 of resolution 73/266 and paragraph 4 of that resolution;',
        '3. Decides to remain seized of the matter.',
      );
      assert.deepStrictEqual(check(text).diagnostics, []);
    });
  });

  describe('renumbering moves the references with their paragraphs', () => {
    it('OP3 deleted: OP4 becomes 3 and "paragraph 4 below" reads "paragraph 3 below"', () => {
      const text = draft('1. Decides to act;', '2. Requests a report on the measures in paragraph 4 below;', '4. Invites Member States to act;', '5. Decides to remain seized of the matter.');
      const { document, diagnostics } = check(text);
      assert.deepStrictEqual(diagnostics.map((d) => d.message), ['Operative paragraph 4 follows 2: expected 3.']);
      const fixed = applyAction(document, diagnostics, 'Renumber operative paragraphs');
      assert.strictEqual(fixed, draft('1. Decides to act;', '2. Requests a report on the measures in paragraph 3 below;', '3. Invites Member States to act;', '4. Decides to remain seized of the matter.'));
      assert.deepStrictEqual(getNumberingDiagnostics(parse(fixed)), []);
    });

    it('"paragraphs 2 and 5", "paragraphs 3 to 5" and "paragraph 4 (b)" follow; a missing paragraph and direction words are left alone', () => {
      const before = draft(
        '1. Recalls paragraphs 3 and 6 below, paragraphs 3 to 6 below, paragraph 5 (b) below and paragraph 9 above;',
        '3. Decides to act;',
        '4. Requests a report;',
        '5. Invites Member States:',
        '(a) To act;',
        '(b) To report;',
        '6. Decides to remain seized of the matter as set out in paragraph 3 below.',
      );
      const { document, diagnostics } = check(before);
      assert.deepStrictEqual(diagnostics.map((d) => d.code), ['unres.referenceMissing', 'unres.opNumberGap', 'unres.referenceDirection']);
      const fixed = applyAction(document, diagnostics, 'Renumber operative paragraphs', 1);
      assert.strictEqual(
        fixed,
        draft(
          '1. Recalls paragraphs 2 and 5 below, paragraphs 2 to 5 below, paragraph 4 (b) below and paragraph 9 above;',
          '2. Decides to act;',
          '3. Requests a report;',
          '4. Invites Member States:',
          '(a) To act;',
          '(b) To report;',
          '5. Decides to remain seized of the matter as set out in paragraph 2 below.',
        ),
      );
      const after = getNumberingDiagnostics(parse(fixed));
      assert.deepStrictEqual(after.map((d) => d.code), ['unres.referenceMissing', 'unres.referenceDirection'], 'only the reference problems remain');
    });

    it('seed 002: a new paragraph inserted before OP3 moves "paragraph 3 above" (twice) to 4 and leaves "paragraph 1 above"', () => {
      const original = readSeed(SEEDS[2].file);
      for (const inserted of [' Requests the Secretary-General to report thereon;\n', ' 3. Requests the Secretary-General to report thereon;\n']) {
        const mutated = replaceOnce(original, ' 3. Considers', `${inserted} 3. Considers`);
        const { document, diagnostics } = check(mutated);
        assert.deepStrictEqual(codesOf(diagnostics, NUMBERING_CODES).length, 1, inserted);
        assert.strictEqual(diagnostics.length, 1, 'the references still resolve');
        const fixed = applyAction(document, diagnostics, 'Renumber operative paragraphs');
        assert.deepStrictEqual(getNumberingDiagnostics(parse(fixed)), []);
        assert.strictEqual((fixed.match(/paragraph 4 above/g) ?? []).length, 2);
        assert.strictEqual((fixed.match(/paragraph 3 above/g) ?? []).length, 0);
        assert.ok(/paragraph 1 \n\nabove/.test(fixed));
        const expected = original
          .replace(' 3. Considers', ' 3. Requests the Secretary-General to report thereon;\n 4. Considers')
          .replace(' 4. Invites', ' 5. Invites')
          .replace(' 5. Decides', ' 6. Decides')
          .replace(' 6. Also decides', ' 7. Also decides')
          .replace(' 7. Further decides', ' 8. Further decides')
          .replaceAll('paragraph 3 above', 'paragraph 4 above');
        assert.strictEqual(fixed, expected);
      }
    });

    it('seed 002: a paragraph inserted before OP1 moves its norms 1.1 to 1.13 to 2.1 to 2.13, and "paragraph 1.5" with them', () => {
      const original = replaceOnce(readSeed(SEEDS[2].file), 'paragraph 3 above;', 'paragraph 1.5 above;');
      const mutated = replaceOnce(original, ' 1. Welcomes', ' Takes note of the report;\n 1. Welcomes');
      const { document, diagnostics } = check(mutated);
      assert.deepStrictEqual(diagnostics.map((d) => d.code), ['unres.opNumberMissing']);
      const fixed = applyAction(document, diagnostics, 'Renumber operative paragraphs');
      assert.deepStrictEqual(getNumberingDiagnostics(parse(fixed)), []);
      assert.ok(fixed.includes(' 2.5. States, in ensuring'));
      assert.ok(fixed.includes('paragraph 2.5 above;'));
      assert.ok(fixed.includes('paragraph 2 \n\nabove'));
      assert.ok(!/ 1\.\d+\. /.test(fixed.slice(fixed.indexOf('1. Takes note') + 20)), 'no 1.x label left');
    });

    it('reletter moves "paragraph 2 (c)" with its sub-paragraph', () => {
      const text = draft('1. Decides to act;', '2. Invites Member States:', '(a) To act;', '(c) To report;', '(d) To consult;', '3. Requests a report on paragraph 2 (d) above and subparagraph (c) of paragraph 2;', '4. Decides to remain seized of the matter.');
      const { document, diagnostics } = check(text);
      assert.deepStrictEqual(diagnostics.map((d) => d.message), ['(c) follows (a): expected (b).']);
      const fixed = applyAction(document, diagnostics, 'Reletter sub-paragraphs of OP2');
      assert.strictEqual(
        fixed,
        draft('1. Decides to act;', '2. Invites Member States:', '(a) To act;', '(b) To report;', '(c) To consult;', '3. Requests a report on paragraph 2 (c) above and subparagraph (b) of paragraph 2;', '4. Decides to remain seized of the matter.'),
      );
    });
  });

  describe('mutated seeds fire the right code on the right line, and the fix round-trips', () => {
    interface Mutation {
      name: string;
      text: string;
      expected: [string, number][];
      title: string;
      /** The fix restores the seed byte for byte. */
      restores: boolean;
    }

    const labelsOf = (p: Paragraph): SubParagraph[] => p.subparagraphs;

    function mutations(file: string): Mutation[] {
      const original = readSeed(file);
      const document = parse(original);
      const ops = document.model.operative;
      const line = (offset: number) => document.lineOf(offset);
      const out: Mutation[] = [];
      const [, op2, op3] = ops;
      const s2 = op2.numberSpan!;
      const s3 = op3.numberSpan!;
      out.push({
        name: 'swap the numbers of OP2 and OP3',
        text: splice(splice(original, s3.start, s3.end, `${op2.number}.`), s2.start, s2.end, `${op3.number}.`),
        expected: [['unres.opNumberOrder', line(s2.start)], ['unres.opNumberOrder', line(s3.start)]],
        title: 'Renumber operative paragraphs',
        restores: false,
      });
      const contentStart = op3.segments[0].start;
      out.push({
        name: 'delete the number of OP3',
        text: splice(original, s3.start, contentStart, ''),
        expected: [['unres.opNumberMissing', line(s3.start)]],
        title: 'Renumber operative paragraphs',
        restores: true,
      });
      out.push({
        name: 'duplicate the number of OP2 on OP3',
        text: splice(original, s3.start, s3.end, `${op2.number}.`),
        expected: [['unres.opNumberDuplicate', line(s3.start)]],
        title: 'Renumber operative paragraphs',
        restores: true,
      });
      const withSubs = ops.find((p) => labelsOf(p).length >= 2);
      if (withSubs) {
        const second = labelsOf(withSubs)[1];
        const name = `OP${withSubs.index}`;
        const changed = second.scheme === 'decimal' ? `${withSubs.number}.3` : `(${String.fromCharCode(second.label.charCodeAt(1) + 1)})`;
        out.push({
          name: `change the label ${second.label} of ${name} to ${changed}`,
          text: splice(original, second.labelSpan.start, second.labelSpan.start + second.label.length, changed),
          expected: [['unres.labelGap', line(second.labelSpan.start)]],
          title: `Reletter sub-paragraphs of ${name}`,
          restores: true,
        });
        const after = second.segments[0].start;
        out.push({
          name: `delete the label ${second.label} of ${name}`,
          text: splice(original, second.labelSpan.start, after, ''),
          expected: [['unres.labelMissing', line(second.labelSpan.start)]],
          title: `Reletter sub-paragraphs of ${name}`,
          restores: true,
        });
      }
      return out;
    }

    for (const seed of SEEDS) {
      it(`${seed.file}`, () => {
        const original = readSeed(seed.file);
        const list = mutations(seed.file);
        assert.ok(list.length >= 3);
        for (const mutation of list) {
          const { document, diagnostics } = check(mutation.text);
          assert.deepStrictEqual(lines(diagnostics), mutation.expected, mutation.name);
          const fixed = applyAction(document, diagnostics, mutation.title);
          const reparsed = parse(fixed);
          assert.deepStrictEqual(summary(reparsed, getNumberingDiagnostics(reparsed)), [], `${mutation.name}: fixed`);
          if (mutation.restores) assert.strictEqual(fixed, original, `${mutation.name}: the fix restores the seed`);
          else {
            // Only digits changed: the texts agree once numbers are masked.
            assert.strictEqual(fixed.replace(/\d+/g, '#'), original.replace(/\d+/g, '#'), mutation.name);
          }
          // Fix all does the same here.
          const all = getNumberingFixAll(document);
          assertOnlyNumbersAndLabels(document, all);
          assert.strictEqual(applyEdits(document, all), fixed, `${mutation.name}: fix all`);
        }
      });
    }
  });

  describe('code actions', () => {
    it('offer nothing for a range without one of these diagnostics, or for other codes', () => {
      const document = parse(draft('1. Decides to act;', '3. Decides to remain seized of the matter.'));
      const diagnostics = getNumberingDiagnostics(document);
      assert.strictEqual(diagnostics.length, 1);
      const elsewhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
      assert.deepStrictEqual(getNumberingCodeActions(document, elsewhere, diagnostics), []);
      const other = [{ ...diagnostics[0], code: 'unres.citationDate' }];
      assert.deepStrictEqual(getNumberingCodeActions(document, diagnostics[0].range, other), []);
    });

    it('renumber is a preferred quick fix carrying its diagnostics', () => {
      const document = parse(draft('1. Decides to act;', '3. Decides to remain seized of the matter.'));
      const diagnostics = getNumberingDiagnostics(document);
      const [action] = getNumberingCodeActions(document, diagnostics[0].range, diagnostics);
      assert.strictEqual(action.title, 'Renumber operative paragraphs');
      assert.strictEqual(action.kind, 'quickfix');
      assert.strictEqual(action.isPreferred, true);
      assert.deepStrictEqual(action.diagnostics, diagnostics);
    });

    it('a stale diagnostic (the document already fixed) yields no action', () => {
      const stale = getNumberingDiagnostics(parse(draft('1. Decides to act;', '3. Decides to remain seized of the matter.')));
      const current = parse(draft('1. Decides to act;', '2. Decides to remain seized of the matter.'));
      assert.deepStrictEqual(getNumberingCodeActions(current, stale[0].range, stale), []);
    });

    it('reletter finds its paragraph when a client drops `data`', () => {
      const document = parse(draft('1. Invites Member States:', '(a) To act;', '(c) To report;', '2. Decides to remain seized of the matter.'));
      const diagnostics = getNumberingDiagnostics(document).map(({ data: _data, ...rest }) => rest);
      assert.deepStrictEqual(getNumberingCodeActions(document, diagnostics[0].range, diagnostics).map((a) => a.title), ['Reletter sub-paragraphs of OP1']);
    });

    it('hundreds of paragraphs with label gaps: each gets its own reletter action, touching its own labels only', () => {
      const paragraphs = Array.from({ length: 300 }, (_, i) => [`${i + 1}. Requests the Secretary-General:`, '(a) To act;', `(c) To report;`]).flat();
      const document = parse(draft(...paragraphs.slice(0, -1), '(c) To report.'));
      const diagnostics = getNumberingDiagnostics(document);
      assert.strictEqual(diagnostics.length, 300);
      const everything = { start: { line: 0, character: 0 }, end: document.lines.positionAt(document.model.text.length) };
      const actions = getNumberingCodeActions(document, everything, diagnostics);
      assert.deepStrictEqual(actions.map((a) => a.title), Array.from({ length: 300 }, (_, i) => `Reletter sub-paragraphs of OP${i + 1}`));
      for (const action of actions) {
        const edits = editsOf(action);
        assert.deepStrictEqual(edits.map((e) => e.newText), ['b']);
        assert.strictEqual(edits[0].range.start.line, action.diagnostics![0].range.start.line);
      }
      assert.deepStrictEqual(getNumberingDiagnostics(parse(applyEdits(document, actions.flatMap(editsOf)))), []);
    });

    it('every code is listed once', () => {
      assert.strictEqual(new Set(STRUCTURE_NUMBERING_CODES).size, STRUCTURE_NUMBERING_CODES.length);
      assert.ok(LABEL_CODES.every((code) => code.startsWith('unres.label')));
    });
  });

  describe('a long draft', () => {
    it('checks a 300-paragraph draft with sub-paragraphs and references and finds nothing wrong', () => {
      const parts = ['The General Assembly,', ''];
      for (let i = 1; i <= 150; i++) parts.push(`Recalling its resolution ${i}/1 of 5 December 2018,`, '');
      for (let i = 1; i <= 150; i++) {
        if (i % 3 === 0) {
          parts.push(`${i}. Invites Member States, as set out in paragraph ${Math.max(1, i - 2)} above, to consider:`, '');
          parts.push('(a) Measures;', '', '(b) Steps:', '', '(i) national;', '', '(ii) regional;', '', `(c) Action under paragraph ${i} (b) above;`, '');
        } else parts.push(`${i}. Requests the Secretary-General to report on paragraphs ${Math.max(1, i - 1)} and ${i} above;`, '');
      }
      const text = parts.join('\n');
      const document = parse(text);
      assert.strictEqual(document.model.operative.length, 150);
      assert.strictEqual(document.model.preambular.length, 150);
      // Times are figures of `npm run bench` (diagnostics), never asserted here.
      assert.deepStrictEqual(getNumberingDiagnostics(document), []);
      const slipped = parse(text.replace('\n2. Requests', '\nRequests'));
      assert.strictEqual(getNumberingFixAll(slipped).length, 1);
    });
  });

  describe('large and deep drafts', function () {
    // Tens of thousands of paragraphs each: the bench times them, a timeout here would measure the machine.
    this.timeout(60_000);

    /** "1. Decides;" … up to `count`, a blank line apart, the last ending with a full stop. */
    const numbered = (count: number, numberOf = (i: number) => i) => {
      const parts = ['The General Assembly,', ''];
      for (let i = 1; i <= count; i++) parts.push(`${numberOf(i)}. Decides${i === count ? '.' : ';'}`, '');
      return parts.join('\n');
    };

    it('operative paragraph 1000 is read as number 1000, and numbers go on to five digits', () => {
      const { document, diagnostics } = check(numbered(10_001));
      const operative = document.model.operative;
      assert.strictEqual(operative.length, 10_001);
      assert.deepStrictEqual([operative[998], operative[999], operative[9_999], operative[10_000]].map((p) => p.number), [999, 1000, 10_000, 10_001]);
      const span = operative[999].numberSpan!;
      assert.strictEqual(document.model.text.slice(span.start, span.end), '1000.');
      assert.deepStrictEqual(diagnostics, []);
    });

    it('a number of four digits that skips one is a gap, not running text', () => {
      const { document, diagnostics } = check(numbered(1_001, (i) => (i < 1000 ? i : i + 1)));
      assert.strictEqual(document.model.operative.length, 1_001);
      assert.deepStrictEqual(summary(document, diagnostics).map(([code, , , message]) => [code, message]), [['unres.opNumberGap', 'Operative paragraph 1001 follows 999: expected 1000.']]);
    });

    it('a year at a line start stays running text: "2030 Agenda", "2030." after paragraph 1, and after paragraph 1000', () => {
      const agenda = parse('The General Assembly,\n\n1. Reaffirms its commitment to the\n2030 Agenda for Sustainable Development;\n\n2. Decides to review progress by\n2030. Also decides to remain seized of the matter.\n');
      assert.deepStrictEqual(agenda.model.operative.map((p) => p.number), [1, 2]);
      assert.ok(agenda.model.operative[1].content.text.endsWith('by 2030. Also decides to remain seized of the matter.'));
      const late = parse(`${numbered(999)}\n\n1000. Decides to review progress by\n2030. Also decides to remain seized of the matter.\n`);
      assert.strictEqual(late.model.operative.length, 1000);
      assert.ok(late.model.operative[999].content.text.endsWith('by 2030. Also decides to remain seized of the matter.'));
    });

    it('50,000 unnumbered operative paragraphs: each is missing its number, the expected numbers run 1 to 50,000', () => {
      const count = 50_000;
      const parts = ['The General Assembly,', ''];
      for (let i = 1; i <= count; i++) parts.push(`Decides${i === count ? '.' : ';'}`, '');
      const { document, diagnostics } = check(parts.join('\n'));
      assert.strictEqual(document.model.operative.length, count);
      assert.strictEqual(diagnostics.length, count);
      assert.ok(diagnostics.every((d) => d.code === 'unres.opNumberMissing'));
      assert.strictEqual(diagnostics[0].message, 'Operative paragraph without a number: expected 1.');
      assert.strictEqual(diagnostics[count - 1].message, 'Operative paragraph without a number after an unnumbered paragraph: expected 50000.');
    });

    it('100,000 sub-paragraphs that all lost their labels are one labelMissing diagnostic', () => {
      const count = 100_000;
      const parts = ['The General Assembly,', '', '1. Decides:', ''];
      for (let i = 1; i <= count; i++) parts.push(`To act${i === count ? '.' : ';'}`, '');
      const { document, diagnostics } = check(parts.join('\n'));
      assert.strictEqual(document.model.operative[0].subparagraphs.length, count);
      assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.message]), [['unres.labelMissing', `${count} sub-paragraphs of OP1 without labels: expected (a) to ${'(' + 'abcdefghijklmnopqrstuvwxyz'[(count - 1) % 26].repeat(Math.floor((count - 1) / 26) + 1) + ')'}.`]]);
    });

    it('1,500 levels of decimal labels give diagnostics without throwing, and the fixes are computed', () => {
      // The deepest label is ".2" where ".1" is expected: one finding, at the bottom.
      const { document, diagnostics } = check(decimalLevels(1_500, '2'));
      let depth = 0;
      for (let node = document.model.operative[0].subparagraphs[0]; node; node = node.subparagraphs[0]) depth++;
      assert.strictEqual(depth, 1_500);
      assert.deepStrictEqual(diagnostics.map((d) => d.code), ['unres.labelRestart']);
      assert.strictEqual(diagnostics[0].range.start.line, document.model.text.split('\n').length - 2);
      assert.ok(String(diagnostics[0].message).length < 20_000, 'the message names the level, not every level above it');
      const edits = getNumberingFixAll(document);
      assert.strictEqual(edits.length, 1);
      assert.strictEqual(edits[0].newText, `1${'.1'.repeat(1_500)}`);
      assert.strictEqual(getNumberingCodeActions(document, diagnostics[0].range, diagnostics).length, 1);
    });
  });
});
