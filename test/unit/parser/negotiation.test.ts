import * as assert from 'assert';
import type { ResolutionDocument } from '../../../server/src/parser/model';
import { endBeforeNegotiationMarks, readNegotiation, suffixRank } from '../../../server/src/parser/negotiation';
import { parseResolution } from '../../../server/src/parser/parse';
import { paragraphName, queryOf } from '../../../server/src/parser/query';
import { negotiationFixture } from '../../helpers';

const slice = (model: ResolutionDocument, span: { start: number; end: number }) => model.text.slice(span.start, span.end);

describe('parser: drafts under negotiation', () => {
  it('reads "2 bis." and "2 ter." as paragraphs inserted after paragraph 2, and "(a) bis" after (a)', () => {
    const model = parseResolution(negotiationFixture('bis.unres'));
    assert.deepStrictEqual(model.operative.map(paragraphName), ['OP1', 'OP2', 'OP2 bis', 'OP2 ter', 'OP3', 'OP4']);
    assert.deepStrictEqual(model.operative.map((p) => p.number), [1, 2, 2, 2, 3, 4]);
    const bis = model.operative[2];
    assert.strictEqual(slice(model, bis.numberSpan!), '2 bis.');
    assert.strictEqual(bis.suffix?.text, 'bis');
    assert.strictEqual(bis.opening?.text, 'Also requests');
    const subs = model.operative[4].subparagraphs;
    assert.deepStrictEqual(subs.map((s) => `${s.label}${s.suffix ? ` ${s.suffix.text}` : ''}`), ['(a)', '(a) bis', '(b)']);
    const structure = queryOf(model).numbering;
    assert.deepStrictEqual(structure.real.map((p) => p.number), [1, 2, 3, 4]);
    assert.deepStrictEqual(structure.inserted.map(paragraphName), ['OP2 bis', 'OP2 ter']);
  });

  it('resolves "paragraph 2 bis" and "paragraphs 2 bis and 2 ter" to the inserted paragraphs', () => {
    const model = parseResolution(negotiationFixture('bis.unres'));
    const query = queryOf(model);
    const named = model.references.map((reference) => query.resolveReference(reference).map((r) => (r.paragraph ? paragraphName(r.paragraph) : `none for ${r.name}`)).join(' + '));
    assert.deepStrictEqual(named, ['OP1', 'OP2', 'OP2 bis', 'OP2 bis + OP2 ter', 'OP2 ter + OP3']);
    const [written] = query.writtenTargets(model.references[2]);
    assert.strictEqual(slice(model, written.suffixSpan!), 'bis');
  });

  it('reads compilation names ("PP2 bis", "OP2 bis"), status notes and attributions', () => {
    const model = parseResolution(negotiationFixture('compilation.unres'));
    assert.deepStrictEqual(model.preambular.map(paragraphName), ['PP1', 'PP2', 'PP2 bis', 'PP3']);
    assert.deepStrictEqual(model.operative.map(paragraphName), ['OP1', 'OP2', 'OP2 bis', 'OP3']);
    assert.deepStrictEqual(model.operative.map((p) => p.number), [1, 2, 2, 3]);
    assert.strictEqual(model.preambular[2].number, undefined, 'a preambular paragraph takes no number');
    assert.strictEqual(slice(model, model.preambular[2].compilationName!), 'PP2 bis');
    assert.deepStrictEqual(
      model.negotiation.notes.map((n) => `${n.kind}: ${n.text}`),
      [
        'agreedAdRef: Agreed ad ref',
        'agreedAdRef: Agreed ad ref',
        'attribution: G77 and China',
        'pending: Pending',
        'agreedAdRef: Agreed ad ref',
        'attribution: EU',
        'pending: Pending',
        "attribution: Facilitator's proposal",
        'agreed: Agreed',
      ],
    );
    const proposals = model.negotiation.brackets.filter((b) => b.proposer).map((b) => b.proposer!.text);
    assert.deepStrictEqual(proposals, ['US']);
  });

  it('reads nested brackets, alternatives and proposals, outermost first', () => {
    const model = parseResolution(negotiationFixture('brackets.unres'));
    const { brackets, unbalanced, strayAlternatives } = model.negotiation;
    assert.deepStrictEqual(unbalanced, []);
    assert.deepStrictEqual(strayAlternatives, []);
    const shown = brackets.map((b) => `${b.depth}:${b.alternative?.text ?? b.proposer?.text ?? ''}:${slice(model, b).slice(0, 24)}`);
    assert.deepStrictEqual(shown, [
      '1::[Deeply concerned about ',
      '2::[growing]',
      '2::[persistent]',
      '1::[strengthen [regional an',
      '2::[regional and]',
      '1:Alt 1:[Alt 1: promote cooperat',
      '1:Alt 2:[Alt 2: enhance partners',
      '1::[Requests the Secretary-',
      '1:G77 and China:[G77 and China: retain]',
      '1:EU:[EU: delete]',
    ]);
  });

  it('records a bracket never closed and one never opened, and an "Alt:" outside brackets', () => {
    const model = parseResolution('The General Assembly,\n\n[Recalling its resolution 73/266,\n\n1. Welcomes the report];\n\n2. Decides to act] now; Alt: to wait.\n');
    assert.deepStrictEqual(model.negotiation.unbalanced.map((u) => u.mark), [']']);
    assert.strictEqual(model.negotiation.brackets.length, 1, 'the bracket opened in the preamble closes in OP1');
    assert.deepStrictEqual(model.negotiation.strayAlternatives.map((s) => slice(model, s)), ['Alt']);
    const open = parseResolution('The General Assembly,\n\n1. Welcomes [the report;\n\n2. Decides to act.\n');
    assert.deepStrictEqual(open.negotiation.unbalanced.map((u) => `${u.mark}@${u.start}`), [`[@${open.text.indexOf('[')}`]);
  });

  it('does not read Markdown footnote markers and links, or an acronym in parentheses, as negotiation marks', () => {
    const text = 'The General Assembly,\n\nRecalling the report of the Conference on Trade and Development (UNCTAD),[^1] and [document A/78/1](https://undocs.org/A/78/1),\n\n1. Decides to act.\n\n[^1]: A/78/15.\n';
    const model = parseResolution(text);
    assert.deepStrictEqual(model.negotiation, { brackets: [], unbalanced: [], notes: [], strayAlternatives: [] });
    assert.strictEqual(queryOf(model).underNegotiation, false);
  });

  it('never recurses on deep nesting and reads 100,000 nested brackets', () => {
    const depth = 100_000;
    const model = parseResolution(`The General Assembly,\n\n1. Decides ${'['.repeat(depth)}to act${']'.repeat(depth)};\n`);
    assert.strictEqual(model.parseError, undefined);
    assert.strictEqual(model.negotiation.brackets.length, depth);
    assert.strictEqual(model.negotiation.brackets[depth - 1].depth, depth);
    assert.strictEqual(queryOf(model).bracketsAt(model.text.indexOf('to act')).length, depth);
  });

  it('tells the state of each paragraph', () => {
    const model = parseResolution(negotiationFixture('compilation.unres'));
    const query = queryOf(model);
    assert.deepStrictEqual([...model.preambular, ...model.operative].map((p) => `${paragraphName(p)} ${query.negotiationState(p)}`), [
      'PP1 agreed',
      'PP2 agreed',
      'PP2 bis bracketed',
      'PP3 underNegotiation',
      'OP1 agreed',
      'OP2 underNegotiation',
      'OP2 bis bracketed',
      'OP3 agreed',
    ]);
  });

  it('attaches a status note on a line of its own to the paragraph above it, outside its text', () => {
    const model = parseResolution(negotiationFixture('status-lines.unres'));
    const query = queryOf(model);
    const paragraphs = [...model.preambular, ...model.operative];
    assert.deepStrictEqual(paragraphs.map((p) => `${paragraphName(p)} ${query.negotiationState(p)} ${query.notesIn(p).map((n) => n.text).join(' + ')}`), [
      'PP1 agreed Agreed ad ref',
      'PP2 agreed AGREED AD REF',
      'PP3 underNegotiation Pending',
      'PP3 bis bracketed G77 and China',
      'OP1 agreed Agreed ad ref',
      'OP2 underNegotiation EU + Pending',
      "OP2 bis bracketed Facilitator's proposal",
      'OP3 agreed Agreed',
    ]);
    // The note is no text of the paragraph: its own text ends with its final mark.
    assert.deepStrictEqual(paragraphs.filter((p) => /Agreed|AGREED|Pending|G77|Facilitator/.test(p.content.text)), []);
    assert.deepStrictEqual(paragraphs.map((p) => p.content.text.slice(-1)), [',', ',', ',', ']', ';', ';', ':', '.']);
    assert.ok(paragraphs.every((p) => p.ownEnd < p.end), 'each paragraph reaches over the note under it');
    assert.strictEqual(slice(model, { start: model.operative[0].ownEnd, end: model.operative[0].end }), '\nAgreed ad ref');
    // "(G77 and China)" under a bracketed paragraph is an attribution, and "[US: delete]" a proposal beside it.
    assert.deepStrictEqual(model.negotiation.brackets.filter((b) => b.proposer).map((b) => b.proposer!.text), ['US']);
    assert.deepStrictEqual(model.operative[2].subparagraphs.map((s) => s.label), ['(a)', '(b)']);
  });

  it('reads a note line under a sub-paragraph as the note of its paragraph, and a parenthesis on a line of its own only under the end of a paragraph or a proposal', () => {
    const model = parseResolution(negotiationFixture('proposed-paragraphs.unres'));
    const query = queryOf(model);
    const op5 = model.operative.find((p) => p.number === 5)!;
    assert.deepStrictEqual(query.notesIn(op5).map((n) => n.kind), ['agreed']);
    assert.strictEqual(op5.subparagraphs[2].content.text, 'Strengthening international cooperation on data governance;');
    // A wrapped line that ends with an acronym in parentheses, and a title's "(Bangkok Treaty)", are text.
    const wrapped = parseResolution('The General Assembly,\n\n1. Welcomes the training programme of the Division under the PROBLUE programme\n(World Bank);\n\n2. Decides to remain seized of the matter.\n');
    assert.deepStrictEqual(wrapped.negotiation.notes, []);
    assert.match(wrapped.operative[0].content.text, /\(World Bank\);$/);
    const title = parseResolution('The General Assembly,\n\n1. Welcomes the Treaty on the South-East Asia Nuclear-Weapon-Free Zone\n(Bangkok Treaty)\nand its Protocol;\n\n2. Decides to remain seized of the matter.\n');
    assert.deepStrictEqual(title.negotiation.notes, []);
    assert.match(title.operative[0].content.text, /Zone \(Bangkok Treaty\) and its Protocol;$/);
  });

  it('reads a paragraph proposed whole in brackets by the number inside them: "[2 bis. …]", "[PP3 bis …]", "[(a) bis …]"', () => {
    const model = parseResolution(negotiationFixture('proposed-paragraphs.unres'));
    const query = queryOf(model);
    assert.deepStrictEqual(model.operative.map(paragraphName), ['OP1', 'OP2', 'OP2 bis', 'OP3', 'OP4', 'OP5', 'OP6']);
    const bis = model.operative[2];
    assert.strictEqual(slice(model, bis.numberSpan!), '2 bis.');
    assert.strictEqual(bis.number, 2);
    assert.strictEqual(bis.opening?.text, 'Also requests');
    assert.strictEqual(model.text[bis.start], '[', 'the paragraph starts at its bracket');
    assert.strictEqual(query.negotiationState(bis), 'bracketed');
    assert.deepStrictEqual(queryOf(model).numbering.inserted.map(paragraphName), ['OP2 bis']);
    const subs = model.operative[5].subparagraphs;
    assert.deepStrictEqual(subs.map((s) => `${s.label}${s.suffix ? ` ${s.suffix.text}` : ''}`), ['(a)', '(a) bis', '(b)']);
    const compilation = parseResolution(negotiationFixture('status-lines.unres'));
    assert.strictEqual(slice(compilation, compilation.preambular[3].compilationName!), 'PP3 bis');
    assert.strictEqual(compilation.preambular[3].opening?.text, 'Recognizing');
  });

  it('splits a paragraph per line where a bracketed paragraph stands in the rows: "[Noting …,]", then a note line', () => {
    const model = parseResolution([
      'The General Assembly,',
      'Recalling its resolution 79/1 of 22 September 2024,',
      '[Noting the work of the Open-ended Working Group,]',
      'Welcoming the report of the Secretary-General,',
      '1. Decides to establish a group of experts;',
      '2. Requests the Secretary-General to support the group;',
      '[2 bis. Also requests a study on the matter;]',
      'Agreed ad ref',
      '3. Decides to remain seized of the matter.',
      '',
    ].join('\n'));
    const query = queryOf(model);
    assert.deepStrictEqual([...model.preambular, ...model.operative].map((p) => `${paragraphName(p)} ${query.negotiationState(p)}`), [
      'PP1 agreed', 'PP2 bracketed', 'PP3 agreed', 'OP1 agreed', 'OP2 agreed', 'OP2 bis agreed', 'OP3 agreed',
    ]);
  });

  it('reads one bracket opened in one paragraph and closed in a later one', () => {
    const model = parseResolution(negotiationFixture('proposed-paragraphs.unres'));
    const { brackets, unbalanced } = model.negotiation;
    assert.deepStrictEqual(unbalanced, []);
    const spanning = brackets.find((b) => slice(model, b).startsWith('[promote'))!;
    assert.ok(slice(model, spanning).endsWith('digital public goods]'));
    const query = queryOf(model);
    assert.deepStrictEqual([3, 4].map((n) => query.negotiationState(model.operative.find((p) => p.number === n)!)), ['underNegotiation', 'underNegotiation']);
  });

  it('reads the marks of each paragraph alone, whatever lies between paragraphs or in the spans left out', () => {
    const text = 'Recalling one,\n[heading]\nNoting two, (footnote [x])\nWelcoming [three],\n';
    const region = (from: string, to: string) => ({ start: text.indexOf(from), end: text.indexOf(to) + to.length });
    const regions = [region('Recalling', 'one,'), region('Noting', 'x])'), region('Welcoming', 'three],')];
    const excluded = [region('(footnote', 'x])')];
    const read = readNegotiation(text, regions, excluded, []);
    assert.deepStrictEqual(read.brackets.map((b) => text.slice(b.start, b.end)), ['[three]']);
    assert.deepStrictEqual(read.unbalanced, []);
    // Paragraphs without a mark before one with marks: its marks are all found.
    const later = 'One,\nTwo,\nThree [a] and [b [c]],\n';
    const regionsOf = later.split('\n').slice(0, 3).map((line) => ({ start: later.indexOf(line), end: later.indexOf(line) + line.length }));
    assert.deepStrictEqual(readNegotiation(later, regionsOf, [], []).brackets.map((b) => later.slice(b.start, b.end)), ['[a]', '[b [c]]', '[c]']);
  });

  it('orders the suffixes and finds where a paragraph\'s words end before the marks of the negotiation', () => {
    assert.deepStrictEqual(['bis', 'ter', 'quater', 'quinquies', 'sexies', 'nonies', 'decies'].map(suffixRank), [1, 2, 3, 4, 5, 8, 9]);
    const text = 'Also requests a report;] (EU) (Agreed ad ref)';
    assert.strictEqual(text.slice(0, endBeforeNegotiationMarks(text)), 'Also requests a report;');
    assert.strictEqual(endBeforeNegotiationMarks('Decides to act;'), 'Decides to act;'.length);
  });
});
