// Inputs no drafter writes but an editor may open: a line of a hundred thousand markers, a
// paragraph of a hundred thousand citations, a line of three million characters. Each must parse
// whole, without `parseError`, and read what it holds. None of these tests is timed: work that
// grows with the square of the input shows as a suite timeout, a spread or a recursion that
// grows with it as a `parseError` (stack overflow). `node scripts/bench.mjs pathological` times
// the same shapes at four sizes.
import * as assert from 'assert';
import type { ResolutionDocument } from '../../../server/src/parser/model';
import { parseResolution } from '../../../server/src/parser/parse';

/** More arguments than a spread into a call takes on V8's default stack. */
const MANY = 130_000;

function parsed(text: string): ResolutionDocument {
  const doc = parseResolution(text);
  assert.strictEqual(doc.parseError, undefined, doc.parseError?.split('\n')[0]);
  return doc;
}

/** Every start once, in order. */
function assertDistinctInOrder(spans: { start: number }[]): void {
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].start < spans[i].start, `span ${i} at ${spans[i].start} after ${spans[i - 1].start}`);
}

describe('parser: pathological inputs', function () {
  // Megabytes of text each: how long they take depends on the machine and its load, which the
  // bench reports; a suite timeout here would only measure the machine.
  this.timeout(60_000);

  it(`a header line of ${MANY.toLocaleString('en')} superscript markers: each marker read once`, () => {
    const doc = parsed(`Draft resolution\n\n${'word¹ '.repeat(MANY)}`);
    assert.strictEqual(doc.markers.length, MANY);
    assertDistinctInOrder(doc.markers);
    assert.ok(doc.header, 'the text is all header');
  });

  it("a sponsors' list of 40,000 names with <sup> markers, merged with the line that ends it: each marker read once", () => {
    const count = 40_000;
    const doc = parsed(`Agenda item 5\n\n${'Albania<sup>2</sup>, '.repeat(count)}\n\nAndorra and Zimbabwe: draft resolution\n\nA title\n`);
    assert.strictEqual(doc.markers.length, count);
    assertDistinctInOrder(doc.markers);
    assert.strictEqual(doc.header?.fields.find((f) => f.kind === 'title')?.value, 'A title');
  });

  it(`a body line of ${MANY.toLocaleString('en')} superscript markers: one operative paragraph that holds them all`, () => {
    const doc = parsed(`The General Assembly,\n\n1. Decides ${'word¹ '.repeat(MANY)};\n\n¹ A footnote.\n`);
    assert.strictEqual(doc.operative.length, 1);
    assert.strictEqual(doc.markers.length, MANY);
    assertDistinctInOrder(doc.markers);
    assert.ok(doc.operative[0].content.text.startsWith('Decides word word '));
  });

  it(`a body line of ${MANY.toLocaleString('en')} markers printed as plain digits ("word,1") refers to its footnote each time`, () => {
    const doc = parsed(`The General Assembly,\n\n1. Decides ${'word,1 '.repeat(MANY)}and so on;\n\n____\n1 A footnote.\n`);
    assert.strictEqual(doc.operative.length, 1);
    assert.strictEqual(doc.footnotes.length, 1);
    assert.strictEqual(doc.markers.length, MANY);
    assert.ok(doc.markers.every((m) => m.label === '1' && m.style === 'glued'));
  });

  it('superscript and plain-digit markers mixed on one long line are each read once', () => {
    const count = 40_000;
    const doc = parsed(`The General Assembly,\n\n1. Decides ${'word¹ word,2 '.repeat(count)}and so on;\n\n____\n¹ A footnote.\n2 Another footnote.\n`);
    assert.strictEqual(doc.markers.length, 2 * count);
    assertDistinctInOrder(doc.markers);
    assert.strictEqual(doc.markers.filter((m) => m.style === 'glued').length, count);
  });

  it('a footnote numbered 1 again on each of 3,000 pages, among weak look-alikes: each takes one marker before it', () => {
    // "Convention 1 and" is a weak candidate for marker 1: every footnote's window holds thousands of them.
    const pages = 3_000;
    const page = (p: number) => `${p + 1}. Decides that the ${'Convention 1 and the '.repeat(10)}rest;\n____\n1 A footnote of page ${p + 1}.\n2/9 23-21227`;
    const doc = parsed(`The General Assembly,\n\n${Array.from({ length: pages }, (_, p) => page(p)).join('\n')}\n`);
    assert.strictEqual(doc.footnotes.length, pages);
    assert.ok(doc.footnotes.every((f) => f.label === '1'));
    assert.strictEqual(doc.markers.length, pages);
    for (let i = 0; i < pages; i++) assert.ok(doc.markers[i].start < doc.footnotes[i].start, `marker ${i} before its footnote`);
  });

  it(`${MANY.toLocaleString('en')} Markdown footnotes, each with its marker: every footnote and marker read`, () => {
    const body = Array.from({ length: MANY }, (_, i) => `w[^${i + 1}]`).join(' ');
    const notes = Array.from({ length: MANY }, (_, i) => `[^${i + 1}]: Note ${i + 1}.`).join('\n');
    const doc = parsed(`The General Assembly,\n\n1. Decides ${body};\n\n${notes}\n`);
    assert.strictEqual(doc.footnotes.length, MANY);
    assert.strictEqual(doc.markers.length, MANY);
    assert.strictEqual(doc.footnotes[MANY - 1].label, String(MANY));
    assert.strictEqual(doc.markers[MANY - 1].label, String(MANY));
  });

  it(`one paragraph of ${MANY.toLocaleString('en')} symbols and bare resolution numbers: every citation read`, () => {
    const doc = parsed(`The General Assembly,\n\n1. Recalls ${'A/70/174, resolution 70/1, '.repeat(MANY / 2)}and 71/1;\n`);
    assert.strictEqual(doc.citations.length, MANY + 1);
    assertDistinctInOrder(doc.citations);
    assert.deepStrictEqual(
      doc.citations.slice(0, 3).map((c) => [c.kind, c.symbol]),
      [['document', 'A/70/174'], ['resolution', '70/1'], ['document', 'A/70/174']],
    );
  });

  it(`one paragraph of ${MANY.toLocaleString('en')} references to another paragraph: every reference read`, () => {
    const doc = parsed(`The General Assembly,\n\n1. Decides;\n\n2. Recalls ${'paragraph 1 above, '.repeat(MANY)}and the rest;\n`);
    assert.strictEqual(doc.references.length, MANY);
    assert.ok(doc.references.every((r) => r.targets[0].paragraph === 1 && r.scope.kind === 'self'));
  });

  it('a line of 3,000,000 characters of words, citations and markers in the body is one paragraph', () => {
    const unit = 'the Assembly recalls resolution 70/1 of 25 September 2015,¹ ';
    const count = Math.ceil(3_000_000 / unit.length);
    const doc = parsed(`The General Assembly,\n\n1. Decides that ${unit.repeat(count)}and so on;\n\n¹ A footnote.\n`);
    assert.ok(doc.text.length > 3_000_000);
    assert.strictEqual(doc.operative.length, 1);
    assert.strictEqual(doc.markers.length, count);
    assert.strictEqual(doc.citations.filter((c) => c.container === 'paragraph').length, count);
    assert.ok(doc.citations.every((c) => c.date?.iso === '2015-09-25'));
  });

  it('a header line of 3,000,000 characters is the title', () => {
    const doc = parsed(`Draft resolution\n\nThe ${'word '.repeat(600_000)}`);
    const title = doc.header?.fields.find((f) => f.kind === 'title');
    assert.strictEqual(title?.value.length, 'The '.length + 'word '.length * 600_000 - 1);
  });

  it('a paragraph of 20,000 lines with a blank line after each, as some PDF tools give it, is one paragraph', () => {
    // Each line after a blank one asks whether the paragraph so far is long: a question of its first lines only.
    const count = 20_000;
    const doc = parsed(`The General Assembly,\n\n1. Decides that the draft shall be read with all the other words and the\n\n${'Words and\n\n'.repeat(count)}the rest;\n`);
    assert.strictEqual(doc.operative.length, 1);
    assert.ok(doc.operative[0].content.text.endsWith('Words and Words and the rest;'));
    assert.strictEqual(doc.operative[0].segments.length, count + 2);
  });

  it(`an item that names itself, ${MANY.toLocaleString('en')} lines long, joins the paragraph that announces it`, () => {
    const doc = parsed(`The General Assembly,\n\n1. Decides that the panels will address:\n\nPanel 1: ${'the theme\n'.repeat(MANY)}and the rest;\n`);
    assert.strictEqual(doc.operative.length, 1);
    assert.ok(doc.operative[0].content.text.startsWith('Decides that the panels will address: Panel 1: the theme the theme'));
  });

  it('20,000 report fields in the header each give their citation', () => {
    const count = 20_000;
    const header = Array.from({ length: count }, () => '[on the report of the Third Committee (A/79/4)]').join('\n\n');
    const doc = parsed(`${header}\n\nThe General Assembly,\n\n1. Decides;\n`);
    assert.strictEqual(doc.citations.filter((c) => c.container === 'header').length, count);
  });
});
