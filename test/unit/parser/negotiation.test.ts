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
