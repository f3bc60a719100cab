import * as assert from 'assert';
import { compareDocuments } from '../../../server/src/compare/compare';
import type { Comparison, ParagraphChange } from '../../../server/src/compare/types';
import type { ResolutionDocument } from '../../../server/src/parser/model';
import { parseResolution } from '../../../server/src/parser/parse';
import { readSeed, SEEDS } from '../../helpers';
import { deeplyNestedModel } from '../deepModel';

const seed = (prefix: string) => readSeed(SEEDS.find((s) => s.file.startsWith(prefix))!.file);

function compareTexts(oldText: string, newText: string, options?: { timeoutMs?: number; maxEditLength?: number }): Comparison {
  return compareDocuments(parseResolution(oldText), parseResolution(newText), options);
}

/** "kind OLD -> NEW" per change, labels joined with "+", "-" for none. */
function listing(comparison: Comparison, withUnchanged = true): string[] {
  return comparison.changes
    .filter((c) => withUnchanged || c.kind !== 'unchanged')
    .map((c) => `${c.kind} ${c.old.map((u) => u.label).join('+') || '-'} -> ${c.new.map((u) => u.label).join('+') || '-'}`);
}

/** The word changes of a change as "-removed" / "+added", trimmed. */
function edits(change: ParagraphChange): string[] {
  return (change.words ?? []).filter((w) => w.added || w.removed).map((w) => `${w.added ? '+' : '-'}${w.value.replace(/\s+/g, ' ').trim()}`);
}

function byNewLabel(comparison: Comparison, label: string): ParagraphChange {
  const found = comparison.changes.find((c) => c.new.some((u) => u.label === label));
  assert.ok(found, `no change has ${label} in the new version`);
  return found;
}

const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

/** Moves the paragraph that starts with `start` (a whole line and its blank line) before the line that starts with `before`. */
function moveParagraph(text: string, start: string, before: string): string {
  const at = text.indexOf(start);
  const end = text.indexOf('\n\n', at) + 2;
  const paragraph = text.slice(at, end);
  const without = text.slice(0, at) + text.slice(end);
  const target = without.indexOf(before);
  return without.slice(0, target) + paragraph + without.slice(target);
}

/** 000 with its OP3 and OP4 written as one paragraph ("…; also welcomes …"), OP5 renumbered 4. */
function joinedOp3(s000: string): string {
  const joined = s000.replace('paragraph 3 of that resolution;\n\n4. *Also welcomes*', 'paragraph 3 of that resolution; also welcomes').replace('5. *Decides*', '4. *Decides*');
  assert.notStrictEqual(joined, s000);
  return joined;
}

describe('compare: seeds 004 (A/RES/73/266) and 000 (A/C.1/74/L.49/Rev.1)', () => {
  // 000 is the next year's draft that rolls 73/266 over: old 004, new 000.
  const comparison = compareTexts(seed('004'), seed('000'));

  it('aligns the shared preamble: PP1 changed (73/266 added to the list), PP2 to PP15 unchanged', () => {
    const pre = comparison.changes.filter((c) => c.new[0]?.kind === 'preambular' || c.old[0]?.kind === 'preambular');
    assert.deepStrictEqual(listing({ ...comparison, changes: pre }), [
      'changed PP1 -> PP1',
      ...range('PP', 2, 15).map((pp) => `unchanged ${pp} -> ${pp}`),
    ]);
    const pp1 = byNewLabel(comparison, 'PP1');
    assert.deepStrictEqual(edits(pp1), ['-and', '+,', '+and 73/266 of 22 December 2018']);
    assert.ok(pp1.similarity > 0.9 && pp1.similarity < 1, `PP1 similarity ${pp1.similarity}`);
    for (const change of pre.slice(1)) assert.strictEqual(change.similarity, 1);
  });

  it('reads the operative part as a reader would: OP1, OP2 and their sub-paragraphs unchanged; the three "Requests" deleted, the two "Welcomes" added; the closing paragraph changed', () => {
    const op = comparison.changes.filter((c) => ![...c.old, ...c.new].some((u) => u.kind === 'preambular' || u.kind === 'footnote'));
    assert.deepStrictEqual(listing({ ...comparison, changes: op }), [
      'unchanged OP1 -> OP1',
      'unchanged OP1 (a) -> OP1 (a)',
      'unchanged OP1 (b) -> OP1 (b)',
      'unchanged OP2 -> OP2',
      'unchanged OP2 (a) -> OP2 (a)',
      'unchanged OP2 (b) -> OP2 (b)',
      // 73/266 requested a group of experts, consultations and meetings; the 2019 draft
      // welcomes the work of the group and of the Open-ended Working Group: new paragraphs,
      // not rewordings (their word bigrams share at most 12 %).
      'deleted OP3 -> -',
      'deleted OP4 -> -',
      'deleted OP5 -> -',
      'added - -> OP3',
      'added - -> OP4',
      'changed OP6 -> OP5',
    ]);
    const deleted = op.filter((c) => c.kind === 'deleted');
    assert.ok(deleted.every((c) => /^Requests /.test(c.old[0].text)));
    assert.match(byNewLabel(comparison, 'OP3').new[0].text, /^Welcomes the commencement/);
    assert.match(byNewLabel(comparison, 'OP4').new[0].text, /^Also welcomes the commencement/);
    // The provisional agenda moves on a session; the quotes' style (curly, straight) is no change.
    assert.deepStrictEqual(edits(byNewLabel(comparison, 'OP5')), ['-fourth', '+fifth']);
  });

  it('compares the footnotes as units: all three unchanged', () => {
    const notes = comparison.changes.filter((c) => [...c.old, ...c.new].some((u) => u.kind === 'footnote'));
    assert.deepStrictEqual(listing({ ...comparison, changes: notes }), ['unchanged footnote 1 -> footnote 1', 'unchanged footnote 2 -> footnote 2', 'unchanged footnote 3 -> footnote 3']);
  });

  it('counts every kind in the summary', () => {
    assert.deepStrictEqual(comparison.summary, { unchanged: 23, changed: 2, added: 2, deleted: 3, moved: 0, split: 0, merged: 0 });
  });

  it('gives the units their clean text and source offsets', () => {
    const oldText = seed('004');
    const newText = seed('000');
    for (const change of comparison.changes) {
      for (const unit of change.old) assert.ok(oldText.slice(unit.start, unit.end).replace(/[*_]/g, '').startsWith(unit.text.slice(0, 12)), `${unit.label}: ${oldText.slice(unit.start, unit.start + 20)}`);
      for (const unit of change.new) assert.ok(newText.slice(unit.start, unit.end).replace(/[*_]/g, '').startsWith(unit.text.slice(0, 12)), `${unit.label}: ${newText.slice(unit.start, unit.start + 20)}`);
    }
  });

  it('reads the other way round as the mirror image', () => {
    const back = compareTexts(seed('000'), seed('004'));
    assert.deepStrictEqual(listing(back, false), ['changed PP1 -> PP1', 'deleted OP3 -> -', 'deleted OP4 -> -', 'added - -> OP3', 'added - -> OP4', 'added - -> OP5', 'changed OP5 -> OP6']);
    assert.deepStrictEqual(back.summary, { unchanged: 23, changed: 2, added: 3, deleted: 2, moved: 0, split: 0, merged: 0 });
  });
});

describe('compare: renumbering, moves, splits and merges', () => {
  const s000 = seed('000');

  it('a seed against itself is all unchanged', () => {
    for (const s of SEEDS) {
      const text = readSeed(s.file);
      const comparison = compareTexts(text, text);
      assert.ok(comparison.changes.every((c) => c.kind === 'unchanged' && c.similarity === 1), s.file);
      assert.strictEqual(comparison.summary.unchanged, comparison.changes.length);
    }
  });

  it('renumbering the operative paragraphs 1..5 to 2..6 is no textual change', () => {
    const renumbered = s000.replace(/^(\d+)\. /gm, (_, n: string) => `${Number(n) + 1}. `);
    assert.match(renumbered, /^6\. \*Decides\*/m);
    const comparison = compareTexts(s000, renumbered);
    assert.deepStrictEqual(listing(comparison, false), []);
    assert.strictEqual(comparison.summary.unchanged, 27);
  });

  it('relettering sub-paragraphs (a), (b) as (i), (ii) is no textual change; the labels are those of each version', () => {
    const roman = s000.replace(/^\(a\) /gm, '(i) ').replace(/^\(b\) /gm, '(ii) ');
    const comparison = compareTexts(s000, roman);
    assert.deepStrictEqual(listing(comparison, false), []);
    const subs = comparison.changes.filter((c) => c.new[0].kind === 'subparagraph');
    assert.deepStrictEqual(
      subs.map((c) => `${c.old[0].label} = ${c.new[0].label}`),
      ['OP1 (a) = OP1 (i)', 'OP1 (b) = OP1 (ii)', 'OP2 (a) = OP2 (i)', 'OP2 (b) = OP2 (ii)'],
    );
  });

  it('an inserted paragraph is added and the paragraphs after it are renumbered, not changed', () => {
    const inserted = s000.replace('3. *Welcomes*', '3. *Notes* the work of the Open-ended Working Group;\n\n4. *Welcomes*').replace('4. *Also welcomes*', '5. *Also welcomes*').replace('5. *Decides*', '6. *Decides*');
    const comparison = compareTexts(s000, inserted);
    assert.deepStrictEqual(listing(comparison, false), ['added - -> OP3']);
    assert.deepStrictEqual(
      comparison.changes.filter((c) => c.kind === 'unchanged' && c.old[0].label !== c.new[0].label).map((c) => `${c.old[0].label} -> ${c.new[0].label}`),
      ['OP3 -> OP4', 'OP4 -> OP5', 'OP5 -> OP6'],
    );
  });

  it('reports a moved paragraph as moved, the others as unchanged', () => {
    const moved = moveParagraph(s000, 'Expressing concern that', 'Confirming also the conclusions');
    const comparison = compareTexts(s000, moved);
    assert.deepStrictEqual(listing(comparison, false), ['moved PP7 -> PP12']);
    const change = byNewLabel(comparison, 'PP12');
    assert.strictEqual(change.textChanged, false);
    assert.strictEqual(change.similarity, 1);
    assert.strictEqual(change.words, undefined);
    assert.deepStrictEqual(comparison.summary, { unchanged: 26, changed: 0, added: 0, deleted: 0, moved: 1, split: 0, merged: 0 });
  });

  it('reports an operative paragraph moved with its sub-paragraphs as moved, not the paragraphs it jumped over', () => {
    // OP2 "Invites …" with (a) and (b) moved after OP4, the operative paragraphs renumbered.
    const at = s000.indexOf('2. *Invites*');
    const block = s000.slice(at, s000.indexOf('3. *Welcomes*'));
    let moved = s000.replace(block, '');
    moved = moved.replace('5. *Decides*', block + '5. *Decides*');
    moved = moved.replace('3. *Welcomes*', '2. *Welcomes*').replace('4. *Also welcomes*', '3. *Also welcomes*').replace('2. *Invites*', '4. *Invites*');
    const comparison = compareTexts(s000, moved);
    assert.deepStrictEqual(listing(comparison, false), ['moved OP2 -> OP4', 'moved OP2 (a) -> OP4 (a)', 'moved OP2 (b) -> OP4 (b)']);
    assert.deepStrictEqual(
      comparison.changes.filter((c) => c.kind === 'unchanged' && c.old[0].label !== c.new[0].label).map((c) => `${c.old[0].label} -> ${c.new[0].label}`),
      ['OP3 -> OP2', 'OP4 -> OP3'],
    );
  });

  it('reports a moved and reworded paragraph as moved, with its word changes', () => {
    const moved = moveParagraph(s000, 'Expressing concern that', 'Confirming also the conclusions').replace('concern that these technologies', 'concern that such technologies');
    const comparison = compareTexts(s000, moved);
    assert.deepStrictEqual(listing(comparison, false), ['moved PP7 -> PP12']);
    const change = byNewLabel(comparison, 'PP12');
    assert.strictEqual(change.textChanged, true);
    assert.deepStrictEqual(edits(change), ['-these', '+such']);
  });

  it('reports an operative paragraph cut in two at a semicolon as split', () => {
    const comparison = compareTexts(joinedOp3(s000), s000);
    assert.deepStrictEqual(listing(comparison, false), ['split OP3 -> OP3+OP4']);
    const change = byNewLabel(comparison, 'OP4');
    assert.deepStrictEqual(edits(change), ['-also', '+Also']);
    assert.ok(change.similarity >= 0.9);
    // The paragraph after it is renumbered only.
    assert.strictEqual(byNewLabel(comparison, 'OP5').kind, 'unchanged');
    assert.strictEqual(byNewLabel(comparison, 'OP5').old[0].label, 'OP4');
    assert.deepStrictEqual(comparison.summary, { unchanged: 25, changed: 0, added: 0, deleted: 0, moved: 0, split: 1, merged: 0 });
  });

  it('reports two operative paragraphs written as one as merged', () => {
    const comparison = compareTexts(s000, joinedOp3(s000));
    assert.deepStrictEqual(listing(comparison, false), ['merged OP3+OP4 -> OP3']);
    assert.deepStrictEqual(edits(byNewLabel(comparison, 'OP3')), ['-Also', '+also']);
  });

  it('reports a split whose second part is short and restates its verb', () => {
    const s004 = seed('004');
    const op3 = /^3\. \*Requests\* the Secretary-General.*$/m.exec(s004)![0];
    const whole = op3.replace(/, and to submit a report on the results of the study.*$/, ', and to report thereon to the General Assembly at its seventy-sixth session;');
    const before = s004.replace(op3, whole);
    const after = s004
      .replace(op3, whole.replace(', and to report thereon', ';\n\n4. *Also requests* the Secretary-General to report thereon'))
      .replace('4. *Requests* the Office', '5. *Requests* the Office')
      .replace('5. *Requests* the Chair', '6. *Requests* the Chair')
      .replace('6. *Decides*', '7. *Decides*');
    const comparison = compareTexts(before, after);
    assert.deepStrictEqual(listing(comparison, false), ['split OP3 -> OP3+OP4']);
    assert.deepStrictEqual(edits(byNewLabel(comparison, 'OP3')), ['-, and', '+; Also requests the Secretary-General']);
  });

  it('reports a paragraph rewritten in place as changed, and an unrelated replacement as deleted and added', () => {
    const rewritten = s000.replace(
      'Underscoring the need for enhanced coordination and cooperation among States in combating the criminal misuse of information technologies,',
      'Underscoring the need for coordination among States and with the private sector in countering the misuse of information technologies for criminal purposes,',
    );
    assert.deepStrictEqual(listing(compareTexts(s000, rewritten), false), ['changed PP8 -> PP8']);
    const replaced = s000.replace(
      'Underscoring the need for enhanced coordination and cooperation among States in combating the criminal misuse of information technologies,',
      'Welcoming the adoption by consensus of the report of the Open-ended Working Group on its third substantive session,',
    );
    assert.deepStrictEqual(listing(compareTexts(s000, replaced), false), ['deleted PP8 -> -', 'added - -> PP8']);
  });

  it('does not count case-folded identity as unchanged: a change of case is shown', () => {
    const recased = s000.replace('Group of Governmental Experts established by', 'group of governmental experts established by');
    const comparison = compareTexts(s000, recased);
    assert.deepStrictEqual(listing(comparison, false), ['changed OP3 -> OP3']);
    assert.deepStrictEqual(edits(byNewLabel(comparison, 'OP3')), ['-Group', '+group', '-Governmental Experts', '+governmental experts']);
    assert.ok(byNewLabel(comparison, 'OP3').similarity < 1);
  });
});

describe('compare: footnotes and forms', () => {
  const s000 = seed('000');

  it('compares footnotes as units, among footnotes only', () => {
    const edited = s000.replace('² A/68/98.', '² A/68/98 and Corr.1.');
    const comparison = compareTexts(s000, edited);
    assert.deepStrictEqual(listing(comparison, false), ['changed footnote 2 -> footnote 2']);
    assert.deepStrictEqual(edits(byNewLabel(comparison, 'footnote 2')), ['+and Corr.1']);
    for (const change of compareTexts(seed('004'), seed('002')).changes) {
      const kinds = new Set([...change.old, ...change.new].map((u) => u.kind === 'footnote'));
      assert.strictEqual(kinds.size, 1, `${change.kind} mixes footnotes and paragraphs`);
    }
  });

  it('a deleted footnote is deleted, not aligned with a paragraph', () => {
    const edited = s000.replace('2013^2 and 2015^3', '2013 and 2015^2').replace('² A/68/98.\n\n³ A/70/174.', '² A/70/174.');
    const comparison = compareTexts(s000, edited);
    assert.deepStrictEqual(listing(comparison, false), ['deleted footnote 2 -> -']);
    assert.strictEqual(byNewLabel(comparison, 'footnote 2').old[0].label, 'footnote 3');
  });

  it('the PDF-form seed 002 against itself with CRLF line endings is all unchanged', () => {
    const s002 = seed('002');
    const comparison = compareTexts(s002, s002.replace(/\n/g, '\r\n'));
    assert.deepStrictEqual(listing(comparison, false), []);
    assert.deepStrictEqual(comparison.summary, { unchanged: 50, changed: 0, added: 0, deleted: 0, moved: 0, split: 0, merged: 0 });
  });

  it('joins words the PDF split ("o f", "consul tative") so that their repair is no change', () => {
    const s002 = seed('002');
    const repaired = s002.replace(/\bo f\b/g, 'of').replace('consul tative', 'consultative');
    assert.notStrictEqual(repaired, s002);
    assert.deepStrictEqual(listing(compareTexts(s002, repaired), false), []);
  });

  it('shows a word change in a PDF paragraph with its split words repaired', () => {
    const s002 = seed('002');
    const edited = s002.replace('area o f', 'field o f');
    const comparison = compareTexts(s002, edited);
    assert.deepStrictEqual(listing(comparison, false), ['changed PP6 -> PP6']);
    const change = byNewLabel(comparison, 'PP6');
    assert.deepStrictEqual(edits(change), ['-area', '+field']);
    assert.match(change.new[0].text, /in the field of ICT security/);
  });
});

describe('compare: bounded cost', () => {
  /** Deterministic words from a vocabulary (mulberry32). */
  function words(seedValue: number, count: number, vocabulary: string[]): string {
    let a = seedValue >>> 0;
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out.push(vocabulary[(((t ^ (t >>> 14)) >>> 0) % vocabulary.length)]);
    }
    return out.join(' ');
  }
  const vocabulary = [...new Set(SEEDS.flatMap((s) => readSeed(s.file).match(/\b[a-z]{3,}\b/g) ?? []))].sort();
  const draft = (paragraphs: string[]) => `The General Assembly,\n\n${paragraphs.map((p, i) => `${i + 1}. Decides ${p};`).join('\n\n')}\n`;
  // These must finish (the suite's timeout guards against a runaway); their times are figures of
  // `npm run bench` (compare), never asserted here.

  it('entirely different drafts (300 paragraphs each) finish, all deleted and added', function () {
    this.timeout(10000);
    const a = parseResolution(draft(Array.from({ length: 300 }, (_, i) => words(i + 1, 40, vocabulary))));
    const b = parseResolution(draft(Array.from({ length: 300 }, (_, i) => words(i + 1001, 40, vocabulary))));
    const value = compareDocuments(a, b);
    assert.strictEqual(value.summary.deleted, 300);
    assert.strictEqual(value.summary.added, 300);
  });

  it('one 50,000-word paragraph against a different one finishes with a paragraph-level change', function () {
    this.timeout(20000);
    const a = parseResolution(draft([words(7, 50000, vocabulary)]));
    const b = parseResolution(draft([words(8, 50000, vocabulary)]));
    const value = compareDocuments(a, b);
    assert.deepStrictEqual(listing(value), ['deleted OP1 -> -', 'added - -> OP1']);
    assert.ok(value.changes.every((c) => c.words === undefined));
  });

  it('one 50,000-word paragraph against a reworded copy: the word diff gives up, the change stays paragraph-level', function () {
    this.timeout(20000);
    const text = words(7, 50000, vocabulary);
    const reworded = text.split(' ').map((w, i) => (i % 25 === 0 ? `${w}s` : w)).join(' ');
    const a = parseResolution(draft([text]));
    const b = parseResolution(draft([reworded]));
    const value = compareDocuments(a, b);
    assert.deepStrictEqual(listing(value), ['changed OP1 -> OP1']);
    assert.strictEqual(value.changes[0].gaveUp, true);
    assert.strictEqual(value.changes[0].words, undefined);
  });

  it('names a nested decimal sub-paragraph by its own label, which names its parents: report size grows with the text, not with the cube of the depth', () => {
    let stairs = '1. Decides:\n';
    let label = '1.1';
    for (let depth = 0; depth < 300; depth++) {
      stairs += `${label} Item;\n`;
      label += '.1';
    }
    const text = `The General Assembly,\n\nRecalling its resolution 73/266,\n\n${stairs}`;
    const comparison = compareTexts('The General Assembly,\n\nRecalling its resolution 73/266,\n', text);
    const labels = comparison.changes.flatMap((c) => c.new.map((u) => u.label));
    assert.deepStrictEqual(labels.slice(0, 4), ['PP1', 'OP1', 'OP1 1.1', 'OP1 1.1.1']);
    const total = labels.reduce((sum, l) => sum + l.length, 0);
    assert.ok(total < 2 * text.length, `${total} characters of labels for a text of ${text.length}`);
  });

  it('keeps the labels of lettered and roman sub-paragraphs after their parents', () => {
    const text = 'The General Assembly,\n\n1. Decides:\n\n(a) To act;\n\n(i) Soon;\n\n(b) To report.\n';
    const labels = compareTexts('The General Assembly,\n', text).changes.flatMap((c) => c.new.map((u) => u.label));
    assert.deepStrictEqual(labels, ['OP1', 'OP1 (a)', 'OP1 (a) (i)', 'OP1 (b)']);
  });

  it('honours maxEditLength: a diff longer than it gives up', () => {
    const comparison = compareTexts(seed('004'), seed('000'), { maxEditLength: 1 });
    const pp1 = comparison.changes[0];
    assert.strictEqual(pp1.kind, 'changed');
    assert.strictEqual(pp1.gaveUp, true);
    assert.strictEqual(pp1.words, undefined);
  });
});

describe('compare: deep nesting', () => {
  it('a paragraph nested 20,000 levels deep against an edited copy: one change, at the deepest level', function () {
    this.timeout(60_000);
    const depth = 20_000;
    // Decimal labels name their own place, so the label of each level stays short.
    const before = deeplyNestedModel(depth, { label: '1.1' });
    const edited = deeplyNestedModel(depth, { label: '1.1' });
    const deepest = (model: ResolutionDocument) => {
      let node = model.operative[0].subparagraphs[0];
      while (node.subparagraphs.length > 0) node = node.subparagraphs[0];
      return node;
    };
    deepest(edited).content = { ...deepest(edited).content, text: `Level ${depth} and more.` };
    const comparison = compareDocuments(before, edited);
    assert.strictEqual(comparison.summary.unchanged, depth);
    assert.strictEqual(comparison.summary.changed, 1);
    assert.strictEqual(comparison.changes.find((c) => c.kind === 'changed')?.new[0].label, 'OP1 1.1');
  });
});
