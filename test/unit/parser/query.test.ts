// The query over the model, on the cases where the hover, the numbering checks and the
// cited-paragraph check used to answer "which paragraph does this name" each their own way.
import * as assert from 'assert';
import type { ParagraphReference } from '../../../server/src/parser/model';
import { parseResolution } from '../../../server/src/parser/parse';
import { queryOf } from '../../../server/src/parser/query';
import { getCitationDiagnostics, MISSING_PARAGRAPH } from '../../../server/src/services/citationDiagnostics';
import { getHover } from '../../../server/src/services/hover';
import { resolveReference } from '../../../server/src/services/lookup';
import { getNumberingDiagnostics, REFERENCE_MISSING, REFERENCE_SUB_MISSING } from '../../../server/src/services/structure/numbering';
import { cursorAt, knowledgeBaseOf, parseText, plain } from '../services/lookupFixtures';

const lines = (...parts: string[]) => parts.join('\n\n') + '\n';
const referenceWith = (text: string, words: string): ParagraphReference => {
  const doc = parseResolution(text);
  const at = text.indexOf(words);
  const reference = doc.references.find((r) => r.start >= at && r.start < at + words.length);
  assert.ok(reference, `a reference in ${JSON.stringify(words)}`);
  return reference;
};
const emptyKb = knowledgeBaseOf([]);

describe('query: blocks and offsets', () => {
  const text = lines('The General Assembly,', 'Recalling its resolution 73/266 of 22 December 2018,', '1. Decides:', '(a) To act;', '(i) nationally;', '(b) To report;', '2. Requests a report.');
  const doc = parseResolution(text);
  const query = queryOf(doc);

  it('lists every paragraph and sub-paragraph in text order, parents first', () => {
    assert.deepStrictEqual(query.blocks().map((b) => b.content.text.split(' ')[0]), ['Recalling', 'Decides:', 'To', 'nationally;', 'To', 'Requests']);
  });
  it('finds the deepest block at an offset, with its paragraph', () => {
    const found = query.blockAt(text.indexOf('nationally'))!;
    assert.strictEqual(found.block.content.text, 'nationally;');
    assert.strictEqual(found.paragraph, doc.operative[0]);
    assert.strictEqual(query.blockAt(text.indexOf('The General')), undefined);
  });
  it('is built once per model', () => assert.strictEqual(queryOf(doc), query));
});

describe('query: which paragraph a reference names, the same for every feature', () => {
  it('"paragraph 3 above" finds the paragraph 3 that lost its number: the hover and the check agree', () => {
    const text = lines('The General Assembly,', '1. Decides to act;', '2. Requests a report;', 'Invites States to help;', '4. Recalls paragraph 3 above.');
    const document = parseText(text);
    const [target] = resolveReference(document, referenceWith(text, 'paragraph 3 above'), emptyKb).targets;
    assert.strictEqual(target.paragraph, document.model.operative[2]);
    assert.ok(!getNumberingDiagnostics(document).some((d) => d.code === REFERENCE_MISSING));
    const hover = getHover(document, cursorAt(document, 'paragraph |3 above'), emptyKb);
    assert.match(plain(String((hover?.contents as { value: string }).value)), /\*\*OP3\*\* \*Invites\* States to help/);
  });

  it('of two paragraphs numbered 2, "paragraph 2 above" is the one above it, and "below" the one below', () => {
    const text = lines('The General Assembly,', '1. Decides to act;', '2. Requests a report;', '3. Recalls paragraph 2 above and paragraph 2 below;', '2. Invites States to help.');
    const document = parseText(text);
    const [above] = resolveReference(document, referenceWith(text, 'paragraph 2 above'), emptyKb).targets;
    const [below] = resolveReference(document, referenceWith(text, 'paragraph 2 below'), emptyKb).targets;
    assert.match(above.paragraph!.content.text, /^Requests/);
    assert.match(below.paragraph!.content.text, /^Invites/);
  });

  it('"paragraph 1.5" names the paragraph that holds 1.5, whatever its own number now says', () => {
    const text = lines('The General Assembly,', '1. Decides to act;', '2. Adopts the norms:', '1.5 States should cooperate.', '3. Recalls paragraph 1.5 above.');
    const document = parseText(text);
    const [target] = resolveReference(document, referenceWith(text, 'paragraph 1.5'), emptyKb).targets;
    assert.strictEqual(target.block?.content.text, 'States should cooperate.');
    assert.match(target.paragraph!.content.text, /^Adopts/);
  });

  it('a sub-paragraph after one that lost its label is found under its real paragraph', () => {
    const text = lines('The General Assembly,', '1. Decides:', '(a) To act;', 'To consult;', '(c) To report;', '2. Recalls paragraph 1 (c) above.');
    const document = parseText(text);
    const [target] = resolveReference(document, referenceWith(text, 'paragraph 1 (c)'), emptyKb).targets;
    assert.strictEqual(target.block?.content.text, 'To report;');
    assert.ok(!getNumberingDiagnostics(document).some((d) => d.code === REFERENCE_SUB_MISSING));
  });

  it('"paragraphs 2 to 4" names 3 too for a reader, while the fixes edit only what is spelt out', () => {
    const text = lines('The General Assembly,', '1. Decides to act;', '2. Requests a report;', '3. Invites States;', '4. Urges States;', '5. Recalls paragraphs 2 to 4 above.');
    const document = parseText(text);
    const targets = resolveReference(document, referenceWith(text, 'paragraphs 2 to 4'), emptyKb).targets;
    assert.deepStrictEqual(targets.map((t) => [t.name, t.written.spelt]), [['paragraph 2', true], ['paragraph 3', false], ['paragraph 4', true]]);
    assert.ok(targets.every((t) => t.paragraph !== undefined));
  });

  it('"that decision" looks back to the last decision, not the resolution cited after it; a footnote looks back among footnotes', () => {
    const text = lines(
      'The General Assembly,',
      'Recalling its decision 77/555 of 1 March 2023 and its resolution 77/1 of 1 January 2023,¹',
      '1. Recalls paragraph 2 of that decision.',
      '__________________',
      '¹ See resolution 76/300 of 28 July 2022, and paragraph 1 of that resolution.',
    );
    const doc = parseResolution(text);
    const query = queryOf(doc);
    const decision = query.citedBy(referenceWith(text, 'paragraph 2 of that decision'))!;
    assert.strictEqual(decision.citation?.symbol, '77/555');
    const inFootnote = text.indexOf('paragraph 1 of that resolution');
    assert.strictEqual(query.previousCitation(inFootnote, 'resolution')?.symbol, '76/300');
    assert.strictEqual(query.previousCitation(text.indexOf('1. Recalls'), 'resolution')?.symbol, '77/1');
  });

  it('"paragraph 1.5 of resolution 73/1" is found among that resolution\'s decimal labels: no false "missing paragraph"', () => {
    const cited = parseText(lines('A/RES/73/1', 'The General Assembly,', '1. Adopts the norms:', '1.5 States should cooperate.', '2. Decides to act.'), 'file:///corpus/73_1.txt');
    const kb = knowledgeBaseOf([], [{ uri: cited.uri, parsed: cited, symbol: '73/1', shipped: false }]);
    const draft = parseText(lines('The General Assembly,', '1. Recalls paragraph 1.5 of resolution 73/1 of 1 January 2018;', '2. Recalls paragraph 3 of resolution 73/1 of 1 January 2018.'));
    const missing = getCitationDiagnostics(draft, kb).filter((d) => d.code === MISSING_PARAGRAPH);
    assert.deepStrictEqual(missing.map((d) => d.message), ['Resolution 73/1 has 2 operative paragraphs; paragraph 3 does not exist.']);
  });
});
