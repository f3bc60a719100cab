import * as assert from 'assert';
import type { Location } from 'vscode-languageserver-types';
import type { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { findCitationReferences } from '../../../server/src/services/citationReferences';
import { cursorAt, parseSeed, parseText, seedKnowledgeBase, seedUri } from './lookupFixtures';

const files = (locations: Location[]) => locations.map((l) => l.uri.slice(l.uri.lastIndexOf('/') + 1).slice(0, 3));

describe('citation references', () => {
  let kb: KnowledgeBase;
  before(async () => {
    kb = await seedKnowledgeBase();
  });

  it('lists every citation of 73/266 in the open draft and the corpus, each once', () => {
    const doc = parseSeed(0);
    const locations = findCitationReferences(doc, cursorAt(doc, 'and 73/2|66 of 22'), kb, [doc], false);
    // 000 cites it twice (PP1 and OP3), 001 once; 004 is its own text and does not cite itself.
    assert.deepStrictEqual(files(locations), ['000', '000', '001']);
    const texts = locations.map((l) => {
      const target = l.uri === doc.uri ? doc : kb.document(l.uri)!.parsed()!;
      return target.model.text.slice(target.lines.offsetAt(l.range.start), target.lines.offsetAt(l.range.end));
    });
    assert.deepStrictEqual(texts, ['73/266', '73/266', '73/266']);
    assert.strictEqual(new Set(locations.map((l) => `${l.uri}#${l.range.start.line}:${l.range.start.character}`)).size, locations.length);
  });

  it('adds the corpus text of the symbol when the declaration is included', () => {
    const doc = parseSeed(0);
    const locations = findCitationReferences(doc, cursorAt(doc, 'and 73/2|66 of 22'), kb, [], true);
    assert.deepStrictEqual(files(locations), ['004', '000', '000', '001']);
    assert.strictEqual(locations[0].range.start.line, 17, 'the title line of 004');
  });

  it('prefers the open (edited) version of a corpus document to its corpus version', () => {
    const edited = parseText('The General Assembly,\n\nRecalling its resolution 73/266 of 22 December 2018,\n', seedUri(1));
    const doc = parseSeed(0);
    const locations = findCitationReferences(doc, cursorAt(doc, 'and 73/2|66 of 22'), kb, [doc, edited], false);
    const in001 = locations.filter((l) => l.uri === seedUri(1));
    assert.strictEqual(in001.length, 1);
    assert.deepStrictEqual(in001[0].range.start, { line: 2, character: 25 });
  });

  it('finds the citations of a symbol named by "paragraph 3 of that resolution"', () => {
    const doc = parseSeed(0);
    const locations = findCitationReferences(doc, cursorAt(doc, 'paragraph |3 of that resolution'), kb, [doc], false);
    assert.deepStrictEqual(files(locations), ['000', '000', '001']);
  });

  it('finds a document symbol in footnotes across the corpus: A/70/174', () => {
    const doc = parseText('The General Assembly,\n\nRecalling the report A/70/174,\n', 'untitled:Untitled-1');
    const locations = findCitationReferences(doc, cursorAt(doc, 'A/70/1|74'), kb, [], false);
    assert.deepStrictEqual(files(locations), ['unt', '000', '002', '002', '003', '004']);
  });

  it('answers nothing away from a citation', () => {
    const doc = parseSeed(0);
    assert.deepStrictEqual(findCitationReferences(doc, cursorAt(doc, 'Noting that consider|able'), kb, [doc], true), []);
  });
});
