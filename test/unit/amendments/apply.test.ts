// Applying amendments to a draft: each form on a small draft, renumbering and relettering with the
// references that follow them, and every mismatch reported with nothing applied.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { applyAmendments } from '../../../server/src/amendments/apply';
import { parseAmendments } from '../../../server/src/amendments/instructions';
import { parseResolution } from '../../../server/src/parser/parse';
import { repoRoot } from '../../helpers';

const real = (file: string) => readFileSync(path.join(repoRoot, 'test/fixtures/real', file), 'utf8');
/** The clean text of every paragraph and sub-paragraph, in order: what the parser reads of a text. */
const paragraphsOf = (text: string) => {
  const model = parseResolution(text);
  return [...model.preambular, ...model.operative].flatMap((p) => [p.content.text, ...p.subparagraphs.map((s) => `${s.label} ${s.content.text}`)]);
};

const DRAFT = `The General Assembly,

Recalling its resolution 73/266 of 22 December 2018,

Noting with concern the threats emerging in this field,

1. Calls upon Member States to cooperate;

2. Invites all Member States to inform the Secretary-General of their views on:

(a) Efforts taken at the national level;

(b) The content of the concepts;

3. Requests the Secretary-General to report on the views referred to in paragraph 2 (b) above;

4. Decides to remain seized of the matter, in the light of paragraph 3 above.
`;

function apply(amendments: string, draft = DRAFT): string {
  const read = parseAmendments(amendments);
  assert.deepStrictEqual(read.problems, []);
  const result = applyAmendments(parseResolution(draft), read.instructions);
  if ('problems' in result) assert.fail(JSON.stringify(result.problems));
  return result.text;
}

function problems(amendments: string, draft = DRAFT): string[] {
  const result = applyAmendments(parseResolution(draft), parseAmendments(amendments).instructions);
  assert.ok('problems' in result, 'expected problems, and nothing applied');
  return result.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe('amendments: applying them to a draft', () => {
  it('words replaced, inserted after and before, added at the end, deleted: the rest of the text as it was', () => {
    const text = apply(
      [
        'In the second preambular paragraph, replace the words “with concern” with the words “with grave concern”',
        'In operative paragraph 1, after the word “States”, insert the words “, in particular developing countries,”',
        'In operative paragraph 2 (a), before the word “Efforts”, insert the word “The”',
        'At the end of operative paragraph 2 (b), add the words “of the Group”',
        'In operative paragraph 2, delete the word “all”',
      ].join('\n'),
    );
    assert.strictEqual(
      text,
      DRAFT.replace('with concern', 'with grave concern')
        .replace('States to cooperate', 'States, in particular developing countries, to cooperate')
        .replace('(a) Efforts', '(a) The Efforts')
        .replace('the concepts;', 'the concepts of the Group;')
        .replace('Invites all Member', 'Invites Member'),
    );
  });

  it('a new operative paragraph: the ones after it numbered again, and the references to them follow', () => {
    const text = apply('Insert a new operative paragraph after operative paragraph 1, reading:\n“2. Encourages regional organizations to cooperate;”');
    assert.match(text, /1\. Calls upon Member States to cooperate;\n\n2\. Encourages regional organizations to cooperate;\n\n3\. Invites all/);
    assert.match(text, /\n4\. Requests the Secretary-General to report on the views referred to in paragraph 3 \(b\) above;/);
    assert.match(text, /\n5\. Decides to remain seized of the matter, in the light of paragraph 4 above\./);
  });

  it('a deleted operative paragraph: the ones after it numbered again, a reference to a paragraph that stays follows it', () => {
    const text = apply('Delete operative paragraph 1');
    assert.doesNotMatch(text, /Calls upon/);
    assert.match(text, /the light of paragraph 2 above\./);
    assert.match(text, /\n1\. Invites all Member States/);
    assert.match(text, /referred to in paragraph 1 \(b\) above/);
    assert.match(text, /concern the threats emerging in this field,\n\n1\. Invites/, 'no blank line left where it stood');
  });

  it('paragraphs deleted together: the ones after them numbered again; a range past the end is one problem', () => {
    const text = apply('Delete operative paragraphs 1 and 2\n\nDelete the first and second preambular paragraphs');
    assert.strictEqual(text, 'The General Assembly,\n\n1. Requests the Secretary-General to report on the views referred to in paragraph 2 (b) above;\n\n2. Decides to remain seized of the matter, in the light of paragraph 1 above.\n');
    assert.strictEqual(apply('Delete operative paragraphs 2 to 4'), DRAFT.replace(/\n\n2\. Invites[^]*$/, '\n'));
    assert.deepStrictEqual(problems('Delete operative paragraphs 3 to 9'), ['1:8 the draft has no operative paragraph 5']);
    assert.deepStrictEqual(problems('Delete operative paragraph 2\nDelete operative paragraphs 1 to 3'), ['2:8 operative paragraph 2 is deleted twice (also at line 1)']);
  });

  it('a new sub-paragraph: the ones after it lettered again, and a reference to one of them follows', () => {
    const text = apply('Insert a new subparagraph after operative paragraph 2 (a), reading:\n“(b) Efforts taken at the regional level;”');
    assert.match(text, /\(a\) Efforts taken at the national level;\n\n\(b\) Efforts taken at the regional level;\n\n\(c\) The content of the concepts;/);
    assert.match(text, /referred to in paragraph 2 \(c\) above/);
  });

  it('a new preambular paragraph before the first, and a paragraph replaced whole', () => {
    const text = apply(
      'Insert a new preambular paragraph before the first preambular paragraph, reading:\n“Guided by the Charter of the United Nations,”\n\n' +
        'Replace operative paragraph 1 with the following:\n“Calls upon all States to cooperate closely;”',
    );
    assert.match(text, /^The General Assembly,\n\nGuided by the Charter of the United Nations,\n\nRecalling its resolution/);
    assert.match(text, /\n1\. Calls upon all States to cooperate closely;\n/);
  });

  it('words that do not occur, or occur more than once, and paragraphs the draft does not have: every one reported, nothing applied', () => {
    const found = problems(
      [
        '1. In operative paragraph 1, after the word “States”, insert the word “concerned”',
        '2. In operative paragraph 3, delete the words “the Security Council”',
        '3. In operative paragraph 3, replace the word “the” with the word “a”',
        '4. Delete operative paragraph 9',
        '5. In the fourth preambular paragraph, delete the word “its”',
      ].join('\n'),
    );
    assert.deepStrictEqual(found, [
      '2:48 the words quoted do not occur in operative paragraph 3',
      '3:48 the words quoted occur twice in operative paragraph 3: quote more of the words around them',
      '4:11 the draft has no operative paragraph 9',
      '5:7 the draft has 2 preambular paragraphs, not 4',
    ]);
  });

  it('instructions that contradict each other: the same words changed twice, words of a paragraph deleted', () => {
    assert.deepStrictEqual(
      problems('In operative paragraph 1, delete the words “to cooperate”\nIn operative paragraph 1, replace the word “cooperate” with the word “act”\nDelete operative paragraph 4\nIn operative paragraph 4, delete the word “matter”'),
      ['2:45 the words it changes overlap those of the instruction at line 1', '4:4 operative paragraph 4 is deleted by the instruction at line 3'],
    );
  });

  it('in PDF text: quoted words found across a line break and a footnote marker; page furniture and footnotes stay', () => {
    const draft = readFileSync(path.join(repoRoot, 'test/fixtures/real/pairs/A_C.3_80_L.21.pymupdf.txt'), 'utf8');
    // "… regional \narrangements for the promotion …" is broken across two lines in the PDF text.
    const text = apply('In the first preambular paragraph, replace the words “regional arrangements” with the words “subregional and regional arrangements”', draft);
    assert.match(text, /concerning subregional and regional arrangements\s+for the promotion/);
    assert.strictEqual(text.replace(/concerning subregional and regional arrangements\s+/, ''), draft.replace(/concerning regional\s+arrangements\s+/, ''));
    const deleted = apply('Delete the sixth preambular paragraph', draft);
    assert.ok(deleted.includes('__________________') && deleted.includes('A/C.3/80/L.21 \n'), 'the page furniture stays');
    assert.match(deleted, /\n1 See A\/CONF\.157\/24 \(Part I\), chap\. III\./, 'the footnotes stay');
  });

  it('in PDF text: words deleted or replaced across a line break leave no line opening with a space, and no empty line', () => {
    // PyPDF text opens each paragraph with a space, and a blank line ends one: either would split
    // operative paragraph 8 (a) or 8 (d) (ii) in two.
    const draft = real('texts/A_RES_78_64.pypdf.txt');
    const before = paragraphsOf(draft);
    const [a, ii] = ['(a) To continue', '(ii) The open'];
    const cases: [string, string, string, string][] = [
      ['In operative paragraph 8 (a), delete the words “Experts on”', a, 'Governmental Experts on Emerging', 'Governmental Emerging'],
      ['In operative paragraph 8 (a), replace the words “Experts on” with the words “Experts in”', a, 'Governmental Experts on Emerging', 'Governmental Experts in Emerging'],
      ['In operative paragraph 8 (a), delete the word “on”', a, 'Governmental Experts on Emerging', 'Governmental Experts Emerging'],
      // A whole line of the PDF text.
      ['In operative paragraph 8 (d) (ii), delete the words “Technologies in the Area of Lethal Autonomous Weapons Systems, for a”', ii, 'merging Technologies in the Area of Lethal Autonomous Weapons Systems, for a duration', 'merging duration'],
    ];
    for (const [amendment, sub, from, to] of cases) {
      const text = apply(amendment, draft);
      assert.doesNotMatch(text, /\n[ \t]*\n[ \t]*(?:Emerging|duration)|\n[ \t]+(?:Emerging|duration)/, amendment);
      assert.deepStrictEqual(paragraphsOf(text), before.map((p) => (p.startsWith(sub) ? p.replace(from, to) : p)), amendment);
    }
  });

  it('in PDF text with a blank line between its lines: a line that edits shorten is joined to the rest of its paragraph', () => {
    // A short line before a blank line ends a paragraph there.
    const draft = readFileSync(path.join(repoRoot, 'corpus', '002_eef1e9d426f8333c.txt'), 'utf8');
    const text = apply('In operative paragraph 1.8, replace the words “to appropriate requests for” with the words “to for”', draft);
    assert.match(text, /\n 1\.8\. States should respond to for assistance by another State whose critical infrastructure is subject to malicious ICT acts\. States should \n\nalso respond/);
    const sub = (t: string) => parseResolution(t).operative[0].subparagraphs.map((s) => s.content.text);
    assert.deepStrictEqual(sub(text), sub(draft).map((s) => s.replace('to appropriate requests for', 'to for')));
    // A line that grows stays as it was.
    assert.match(apply('In operative paragraph 1.8, replace the words “appropriate requests for” with the words “all appropriate requests for”', draft), /respond to all appropriate requests for assistance by another \n\nState whose/);
  });

  it('new words in place of words that open with a mark stand a space apart, and new words that open with a mark take the space', () => {
    // “articles, prepared by” -> “articles since material prepared by”.
    const draft = real('pairs/A_C.6_80_L.18.pymupdf.txt');
    const text = apply('In the seventh preambular paragraph, replace the words “, prepared” with the words “since material prepared”', draft);
    assert.match(text, /referring to the articles since material prepared by the Secretary-/);
    const same = apply('In the seventh preambular paragraph, replace the words “, prepared” with the words “, as prepared”', draft);
    assert.match(same, /referring to the articles, as prepared by the Secretary-/);
    const back = apply('In the first preambular paragraph, replace the words “of 22 December 2018” with the words “, adopted on 22 December 2018”');
    assert.match(back, /Recalling its resolution 73\/266, adopted on 22 December 2018,/);
    assert.strictEqual(apply('In operative paragraph 2 (a), replace the words “taken at” with the words “(at”'), DRAFT.replace('Efforts taken at the', 'Efforts (at the'));
    const opened = apply('In operative paragraph 2 (a), replace the words “taken at” with the words “(at”\n\nIn operative paragraph 2 (b), replace the words “The content” with the words “The (content”');
    assert.strictEqual(apply('In operative paragraph 2 (a), replace the words “Efforts (” with the words “Efforts”', opened), DRAFT.replace('Efforts taken at the', 'Efforts at the').replace('The content', 'The (content'));
    assert.strictEqual(apply('In operative paragraph 2 (b), replace the words “The (” with the words “A (”', opened), opened.replace('The (content', 'A (content'));
  });

  it('in PDF text: a footnote marker after words that change stays a marker, glued to the new words', () => {
    // “Sustainable Development Goals 6 in Central Africa”: “the 6 in” would read as a number.
    const draft = real('pairs/A_RES_80_212.pymupdf.txt');
    const labels = (text: string) => parseResolution(text).markers.map((m) => m.label);
    for (const amendment of [
      'In operative paragraph 10, replace the word “Goals” with the words “Goals of the”',
      'In operative paragraph 10, after the word “Goals”, insert the words “and all the”',
      'In operative paragraph 10, delete the word “Goals”',
    ]) {
      const text = apply(amendment, draft);
      assert.deepStrictEqual(labels(text), labels(draft), amendment);
      assert.doesNotMatch(parseResolution(text).operative.find((p) => p.number === 10)!.content.text, /\b6\b/, amendment);
    }
    // The marker moves only when the words before it change, and one printed against the word
    // after it stays there.
    assert.match(apply('In operative paragraph 10, replace the words “in Central” with the words “across Central”', draft), /Development Goals 6 across Central/);
    const printedAfter = real('texts/A_RES_80_51.txt');
    const replaced = apply('In the sixth preambular paragraph, replace the words “nuclear weapons,” with the words “nuclear arms,”', printedAfter);
    assert.match(replaced, /use of nuclear arms, 7in which the Court/);
    assert.deepStrictEqual(labels(replaced), labels(printedAfter));
  });

  it('deleted or replaced words take the footnote markers among them; the footnotes stay', () => {
    // “Tlatelolco,5 Rarotonga,6 Bangkok[^7] and Pelindaba[^8]”: left behind, 6 would stand
    // against 5 (“Tlatelolco,56”) and read as text.
    const draft = real('texts/A_RES_80_31.txt');
    const text = apply('In the eighth preambular paragraph, delete the words “Rarotonga, Bangkok and”', draft);
    assert.match(text, /treaties of Tlatelolco,5 Pelindaba\[\^8\] establishing/);
    const model = parseResolution(text);
    assert.match(model.preambular[7].content.text, /^Stressing the importance of the treaties of Tlatelolco, Pelindaba establishing nuclear-weapon-free zones,/);
    assert.deepStrictEqual(model.footnotes.map((f) => f.label), parseResolution(draft).footnotes.map((f) => f.label));
    // Replaced words too; the marker after the last of them stays after the new ones.
    const replaced = apply('In the eighth preambular paragraph, replace the words “Rarotonga, Bangkok and Pelindaba” with the word “Pelindaba”', draft);
    assert.match(replaced, /treaties of Tlatelolco,5 Pelindaba\[\^8\] establishing/);
  });
});
