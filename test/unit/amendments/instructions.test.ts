// Each form of instruction, printed (imperative and oral) and read back; paragraph names; an
// amendment document as issued.
import * as assert from 'assert';
import { parseAmendments, parseTarget, printAmendments, printInstruction, targetName, type Instruction, type Target } from '../../../server/src/amendments/instructions';

const op = (paragraph: number, ...labels: string[]): Target => ({ part: 'operative', paragraph, subs: labels.map((label) => ({ label })) });
const pp = (paragraph: number, ...labels: string[]): Target => ({ part: 'preambular', paragraph, subs: labels.map((label) => ({ label })) });

/** Each instruction with its imperative and oral text. */
const FORMS: [Instruction, string, string][] = [
  [
    { kind: 'replaceWords', target: pp(3), old: 'welcomes', new: 'takes note of' },
    'In the third preambular paragraph, replace the word “welcomes” with the words “takes note of”',
    'In the third preambular paragraph, the word “welcomes” was replaced with the words “takes note of”',
  ],
  [
    { kind: 'insertWords', target: op(2, 'b'), where: 'after', anchor: 'States', new: ', in particular developing countries,' },
    'In operative paragraph 2 (b), after the word “States”, insert the words “, in particular developing countries,”',
    'In operative paragraph 2 (b), after the word “States”, the words “, in particular developing countries,” were inserted',
  ],
  [
    { kind: 'insertWords', target: op(4), where: 'before', anchor: 'the Secretary-General', new: 'all Member States and' },
    'In operative paragraph 4, before the words “the Secretary-General”, insert the words “all Member States and”',
    'In operative paragraph 4, before the words “the Secretary-General”, the words “all Member States and” were inserted',
  ],
  [
    { kind: 'insertWords', target: op(4), where: 'end', anchor: '', new: 'and to report thereon' },
    'At the end of operative paragraph 4, add the words “and to report thereon”',
    'At the end of operative paragraph 4, the words “and to report thereon” were added',
  ],
  [
    { kind: 'deleteWords', target: op(5), old: 'as a matter of priority' },
    'In operative paragraph 5, delete the words “as a matter of priority”',
    'In operative paragraph 5, the words “as a matter of priority” were deleted',
  ],
  [{ kind: 'deleteParagraph', target: op(7) }, 'Delete operative paragraph 7', 'Operative paragraph 7 was deleted'],
  [{ kind: 'deleteParagraph', target: pp(21) }, 'Delete the twenty-first preambular paragraph', 'The twenty-first preambular paragraph was deleted'],
  [{ kind: 'deleteParagraphs', targets: [op(3), op(4), op(5)] }, 'Delete operative paragraphs 3 to 5', 'Operative paragraphs 3 to 5 were deleted'],
  [{ kind: 'deleteParagraphs', targets: [op(3), op(4)] }, 'Delete operative paragraphs 3 and 4', 'Operative paragraphs 3 and 4 were deleted'],
  [{ kind: 'deleteParagraphs', targets: [op(2), op(4), op(7)] }, 'Delete operative paragraphs 2, 4 and 7', 'Operative paragraphs 2, 4 and 7 were deleted'],
  [{ kind: 'deleteParagraphs', targets: [pp(3), pp(4)] }, 'Delete the third and fourth preambular paragraphs', 'The third and fourth preambular paragraphs were deleted'],
  [{ kind: 'deleteParagraphs', targets: [pp(20), pp(21), pp(22)] }, 'Delete the twentieth to twenty-second preambular paragraphs', 'The twentieth to twenty-second preambular paragraphs were deleted'],
  [
    { kind: 'insertParagraphs', what: 'operative', count: 1, where: 'after', anchor: op(5), lines: ['6. Requests the Secretary-General to report thereon;'] },
    'Insert a new operative paragraph after operative paragraph 5, reading:\n“6. Requests the Secretary-General to report thereon;”',
    'A new operative paragraph was inserted after operative paragraph 5, reading:\n“6. Requests the Secretary-General to report thereon;”',
  ],
  [
    { kind: 'insertParagraphs', what: 'subparagraph', count: 2, where: 'after', anchor: op(2, 'b'), lines: ['(c) To cooperate;', '(d) To report;'] },
    'Insert two new subparagraphs after operative paragraph 2 (b), reading:\n“(c) To cooperate;”\n“(d) To report;”',
    'Two new subparagraphs were inserted after operative paragraph 2 (b), reading:\n“(c) To cooperate;”\n“(d) To report;”',
  ],
  [
    { kind: 'insertParagraphs', what: 'subparagraph', count: 1, where: 'end', anchor: op(3), lines: ['(a) To cooperate;'] },
    'Insert a new subparagraph at the end of operative paragraph 3, reading:\n“(a) To cooperate;”',
    'A new subparagraph was inserted at the end of operative paragraph 3, reading:\n“(a) To cooperate;”',
  ],
  [
    { kind: 'insertParagraphs', what: 'preambular', count: 1, where: 'before', anchor: pp(1), lines: ['Guided by the Charter of the United Nations,'] },
    'Insert a new preambular paragraph before the first preambular paragraph, reading:\n“Guided by the Charter of the United Nations,”',
    'A new preambular paragraph was inserted before the first preambular paragraph, reading:\n“Guided by the Charter of the United Nations,”',
  ],
  [
    { kind: 'replaceParagraph', target: pp(4), text: 'Recalling its resolution 73/266 entitled “Advancing responsible State behaviour”,' },
    'Replace the fourth preambular paragraph with the following:\n“Recalling its resolution 73/266 entitled “Advancing responsible State behaviour”,”',
    'The fourth preambular paragraph was replaced with the following:\n“Recalling its resolution 73/266 entitled “Advancing responsible State behaviour”,”',
  ],
];

describe('amendments: instructions printed and read back', () => {
  for (const [instruction, imperative, oral] of FORMS) {
    it(imperative.split('\n')[0], () => {
      assert.strictEqual(printInstruction(instruction), imperative);
      assert.strictEqual(printInstruction(instruction, true), oral);
      for (const text of [imperative, oral]) {
        const read = parseAmendments(text);
        assert.deepStrictEqual(read.problems, [], text);
        assert.deepStrictEqual(read.instructions.map((r) => r.instruction), [instruction], text);
      }
    });
  }

  it('names paragraphs by their place: ordinals for the preamble, numbers and labels for the operative part', () => {
    const names: [Target, string][] = [
      [pp(4), 'the fourth preambular paragraph'],
      [pp(3, 'a'), 'subparagraph (a) of the third preambular paragraph'],
      [op(2, 'b', 'ii'), 'operative paragraph 2 (b) (ii)'],
      [op(1, '1.5'), 'operative paragraph 1.5'],
      [{ part: 'operative', paragraph: 3, subs: [{ ordinal: 2 }] }, 'the second subparagraph of operative paragraph 3'],
    ];
    for (const [target, name] of names) {
      assert.strictEqual(targetName(target), name);
      assert.deepStrictEqual(parseTarget(name), target);
    }
    assert.strictEqual(parseTarget('paragraph 3'), undefined);
    assert.strictEqual(parseTarget('the umpteenth preambular paragraph'), undefined);
  });

  it('reads an amendment document as issued: header, symbols and page furniture skipped, numbered and wrapped instructions joined', () => {
    const text = [
      'United Nations A/C.3/80/L.60',
      'General Assembly Distr.: Limited',
      '25-18000 (E) 101125',
      '*2518000*',
      'Eightieth session',
      'Third Committee',
      'Ruritania: amendments to draft resolution A/C.3/80/L.21',
      'Subregional Centre for Human Rights and Democracy in Central Africa',
      '',
      '1. In operative paragraph 2, after the word “States”, insert the words “, in',
      'particular developing countries,”',
      '',
      '2/3 25-18000',
      '',
      '2. Insert a new operative paragraph after operative paragraph 5, reading:',
      '',
      '“6. Requests the Secretary-General to submit to the General Assembly at its eighty-',
      'second session a report on the implementation of the present resolution;”',
      '',
      '3. Delete operative paragraph 7',
    ].join('\n');
    const read = parseAmendments(text);
    assert.deepStrictEqual(read.problems, []);
    assert.deepStrictEqual(read.instructions.map((r) => r.instruction), [
      { kind: 'insertWords', target: op(2), where: 'after', anchor: 'States', new: ', in particular developing countries,' },
      {
        kind: 'insertParagraphs', what: 'operative', count: 1, where: 'after', anchor: op(5),
        lines: ['6. Requests the Secretary-General to submit to the General Assembly at its eighty-second session a report on the implementation of the present resolution;'],
      },
      { kind: 'deleteParagraph', target: op(7) },
    ]);
    // Where each instruction and its quoted words stand, for messages.
    assert.deepStrictEqual(read.instructions.map((r) => [r.at.line, r.at.column]), [[10, 4], [15, 4], [20, 4]]);
    assert.deepStrictEqual(read.instructions[0].quoted, { line: 10, column: 46 });
  });

  it('reads straight quotes typed by hand, and several paragraphs in one pair of quotes', () => {
    const read = parseAmendments('In operative paragraph 3, replace the words "Member States" with the words "all States"\n\nInsert two new subparagraphs after operative paragraph 2 (b), reading:\n“(c) To cooperate;\n(d) To report;”');
    assert.deepStrictEqual(read.problems, []);
    assert.deepStrictEqual(read.instructions.map((r) => r.instruction), [
      { kind: 'replaceWords', target: op(3), old: 'Member States', new: 'all States' },
      { kind: 'insertParagraphs', what: 'subparagraph', count: 2, where: 'after', anchor: op(2, 'b'), lines: ['(c) To cooperate;', '(d) To report;'] },
    ]);
  });

  it('reads a paragraph in its own quotes that opens a quotation it does not close', () => {
    const unclosed = '4. Decides to include the item entitled “General and complete the sub-item entitled “Ethical imperatives for a nuclear-weapon-free world”.';
    const other = '5. Decides to remain seized of the matter.';
    for (const lines of [[unclosed], [unclosed, other], [other, unclosed]]) {
      const instruction: Instruction = { kind: 'insertParagraphs', what: 'operative', count: lines.length, where: 'after', anchor: op(3), lines };
      const read = parseAmendments(printInstruction(instruction));
      assert.deepStrictEqual(read.problems, []);
      assert.deepStrictEqual(read.instructions.map((r) => r.instruction), [instruction]);
    }
  });

  it('says where it cannot read an instruction, without quoting it', () => {
    const read = parseAmendments('Amendments\n\n1. In operative paragraph 2, swap the words “a” and “b”\n2. Delete the umpteenth preambular paragraph');
    assert.deepStrictEqual(read.instructions, []);
    assert.deepStrictEqual(read.problems.map((p) => `${p.line}:${p.column}`), ['3:4', '4:4']);
    assert.ok(read.problems.every((p) => !p.message.includes('swap') && !p.message.includes('umpteenth')), JSON.stringify(read.problems));
  });

  it('numbers the instructions, a blank line between them', () => {
    const instructions = FORMS.slice(0, 2).map(([instruction]) => instruction);
    assert.strictEqual(printAmendments(instructions), `1. ${FORMS[0][1]}\n\n2. ${FORMS[1][1]}\n`);
    assert.strictEqual(printAmendments([]), '');
  });
});
