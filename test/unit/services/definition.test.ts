import * as assert from 'assert';
import type { LocationLink } from 'vscode-languageserver-types';
import type { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import type { ParsedDocument } from '../../../server/src/parsedDocument';
import { getDefinition } from '../../../server/src/services/definition';
import { cursorAt, parseSeed, parseText, seedKnowledgeBase, seedUri } from './lookupFixtures';

/** The text a range covers in a document. */
function textOf(document: ParsedDocument, range: LocationLink['targetRange']): string {
  return document.model.text.slice(document.lines.offsetAt(range.start), document.lines.offsetAt(range.end));
}

describe('definition', () => {
  let kb: KnowledgeBase;
  before(async () => {
    kb = await seedKnowledgeBase();
  });

  it('goes from 73/266 in seed 000 to its text, corpus/004, at its title', () => {
    const doc = parseSeed(0);
    const links = getDefinition(doc, cursorAt(doc, '71/28 of 5 December 2016 and 73/2|66'), kb);
    assert.ok(links);
    assert.strictEqual(links.length, 1);
    const [link] = links;
    assert.strictEqual(link.targetUri, seedUri(4));
    const target = kb.document(seedUri(4))!.parsed;
    assert.strictEqual(textOf(target, link.targetRange), 'Advancing responsible State behaviour in cyberspace in the context of international security');
    assert.deepStrictEqual(link.targetSelectionRange, link.targetRange);
    assert.strictEqual(textOf(doc, link.originSelectionRange!), '73/266 of 22 December 2018');
  });

  it('goes from a resolution to the draft it was adopted from when that is the text the corpus has', () => {
    const doc = parseSeed(1);
    const links = getDefinition(doc, cursorAt(doc, '|73/27 of 5 December 2018'), kb);
    assert.ok(links);
    assert.deepStrictEqual(links.map((l) => l.targetUri), [seedUri(2)]);
  });

  it('answers null for a symbol the corpus has no text of', () => {
    const doc = parseSeed(0);
    assert.strictEqual(getDefinition(doc, cursorAt(doc, '|53/70 of'), kb), null);
  });

  it('goes from "paragraph 3 of that resolution" to operative paragraph 3 of 73/266', () => {
    const doc = parseSeed(0);
    const links = getDefinition(doc, cursorAt(doc, 'paragraph 3 of that reso|lution'), kb);
    assert.ok(links);
    assert.strictEqual(links.length, 1);
    assert.strictEqual(links[0].targetUri, seedUri(4));
    const target = kb.document(seedUri(4))!.parsed;
    assert.match(textOf(target, links[0].targetRange), /^3\. \*Requests\* the Secretary-General, with the assistance of a group of governmental experts,[^]*seventy-sixth session;$/);
    assert.strictEqual(textOf(target, links[0].targetSelectionRange), '3.');
    assert.strictEqual(textOf(doc, links[0].originSelectionRange!), 'paragraph 3 of that resolution');
  });

  it('goes from "paragraphs 3 and 5 of resolution 73/266" to both paragraphs', () => {
    const doc = parseText('The General Assembly,\n\nRecalling paragraphs 3 and 5 of resolution 73/266,\n');
    const links = getDefinition(doc, cursorAt(doc, 'paragraphs |3 and 5'), kb);
    assert.ok(links);
    const target = kb.document(seedUri(4))!.parsed;
    assert.deepStrictEqual(links.map((l) => textOf(target, l.targetRange).slice(0, 14)), ['3. *Requests* ', '5. *Requests* ']);
  });

  it('goes from "paragraph 3 above" to operative paragraph 3 of the draft itself', () => {
    const doc = parseSeed(2);
    const links = getDefinition(doc, cursorAt(doc, 'mentioned in paragraph |3 above'), kb);
    assert.ok(links);
    assert.strictEqual(links[0].targetUri, doc.uri);
    assert.match(textOf(doc, links[0].targetRange), /^3\. Considers that the purpose of such measures/);
  });

  it('goes from a sub-paragraph reference to the sub-paragraph, selecting its label', () => {
    const doc = parseText('The General Assembly,\n\n1. Decides as in paragraph 2 (b);\n\n2. Requests:\n\n(a) To report;\n\n(b) To consult;\n');
    const links = getDefinition(doc, cursorAt(doc, 'paragraph 2 (|b)'), kb);
    assert.ok(links);
    assert.strictEqual(textOf(doc, links[0].targetRange), '(b) To consult;');
    assert.strictEqual(textOf(doc, links[0].targetSelectionRange), '(b)');
  });

  it('goes from a footnote marker to its footnote', () => {
    const doc = parseSeed(1);
    const links = getDefinition(doc, cursorAt(doc, 'resolution 77/37,|⁴'), kb);
    assert.ok(links);
    assert.strictEqual(links[0].targetUri, doc.uri);
    assert.strictEqual(textOf(doc, links[0].targetRange), '⁴ A/78/76.');
    assert.strictEqual(textOf(doc, links[0].targetSelectionRange), '⁴');
  });

  describe('in a corpus text open in the editor and changed there', () => {
    // Corpus/004 is A/RES/73/266 itself: opened from the corpus folder and cut down, what the
    // corpus loaded no longer matches what the editor holds.
    const edited = [
      'The General Assembly,',
      '',
      'Recalling its resolution 73/266 of 22 December 2018,',
      '',
      '1. Decides to keep paragraph 2 of resolution 73/266 under review;',
      '',
      '2. Requests the Secretary-General to report.',
      '',
    ].join('\n');

    it('goes from its own symbol to itself as it stands in the editor', () => {
      const doc = parseText(edited, seedUri(4));
      const links = getDefinition(doc, cursorAt(doc, 'resolution 73/2|66 of'), kb);
      assert.ok(links);
      assert.strictEqual(links.length, 1);
      assert.strictEqual(links[0].targetUri, seedUri(4));
      assert.strictEqual(textOf(doc, links[0].targetRange), 'Recalling its resolution 73/266 of 22 December 2018,');
      assert.strictEqual(textOf(doc, links[0].targetSelectionRange), 'Recalling');
    });

    it('goes from "paragraph 2 of resolution 73/266" to its own paragraph 2 as it stands in the editor', () => {
      const doc = parseText(edited, seedUri(4));
      const links = getDefinition(doc, cursorAt(doc, 'paragraph |2 of resolution'), kb);
      assert.ok(links);
      assert.strictEqual(links.length, 1);
      assert.strictEqual(textOf(doc, links[0].targetRange), '2. Requests the Secretary-General to report.');
      assert.strictEqual(textOf(doc, links[0].targetSelectionRange), '2.');
    });
  });

  it('answers null elsewhere', () => {
    const doc = parseSeed(0);
    assert.strictEqual(getDefinition(doc, cursorAt(doc, 'Noting that consider|able'), kb), null);
  });
});
