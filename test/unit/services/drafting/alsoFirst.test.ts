// "Also" or "further" in the first paragraph of a part: fixtures built from real openings, the
// adopted texts that open with "Encourages further" or put "Further encourages" first among its
// kind, and the quick fix's round trip.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { ParsedDocument } from '../../../../server/src/parsedDocument';
import { ALSO_FIRST, getDraftingCodeActions, getDraftingDiagnostics, getDraftingFixAll } from '../../../../server/src/services/drafting/drafting';
import { openingVocabulary } from '../../../../server/src/services/structure/openingPhrases';
import { applyEdits, editsFor, readSeed, repoRoot, SEEDS, withCursors } from '../../../helpers';

const DRAFT = 'file:///drafts/draft.unres';
const vocabulary = openingVocabulary();
const parse = (text: string) => ParsedDocument.parse({ uri: DRAFT, version: 1, getText: () => text });
const alsoFirst = (document: ParsedDocument) => getDraftingDiagnostics(document, vocabulary).filter((d) => d.code === ALSO_FIRST);
const readBulk = (file: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', 'real', 'bulk', file), 'utf8');

/** The range of the one diagnostic as source offsets, and the text its quick fix leaves. */
function fixOf(marked: string): { range: number[]; cursors: number[]; fixed: string; message: string } {
  const { text, cursors } = withCursors(marked);
  const document = parse(text);
  const [diagnostic, ...more] = alsoFirst(document);
  assert.ok(diagnostic, 'one diagnostic');
  assert.deepStrictEqual(more, []);
  const [action] = getDraftingCodeActions(document, diagnostic.range, [diagnostic], vocabulary);
  const fixed = applyEdits(document, editsFor(action, DRAFT));
  assert.deepStrictEqual(alsoFirst(parse(fixed)), [], 'gone after the fix');
  return { range: [document.lines.offsetAt(diagnostic.range.start), document.lines.offsetAt(diagnostic.range.end)], cursors, fixed, message: String(diagnostic.message) };
}

describe('drafting: "also" in the first paragraph of a part (unres.alsoFirst)', () => {
  it('flags "Also requests" as the first operative paragraph and drops "Also"', () => {
    // The first operative paragraph of A/RES/78/111, with "Also" put before it.
    const { range, cursors, fixed, message } = fixOf(
      'The General Assembly,\n\nRecalling its resolution 77/110 of 7 December 2022,\n\n1. |Also| requests the Secretary-General to continue the publication;\n\n2. Decides to include the item;\n',
    );
    assert.deepStrictEqual(range, cursors);
    assert.match(message, /"Also" in the first operative paragraph adds to nothing: no paragraph before it opens with "Requests"/);
    assert.match(fixed, /\n1\. Requests the Secretary-General/);
  });

  it('flags "Recalling also" as the first preambular paragraph and drops " also"', () => {
    const { range, cursors, fixed } = fixOf('The General Assembly,\n\nRecalling |also| its resolution 77/110 of 7 December 2022,\n\n1. Decides to include the item;\n');
    assert.deepStrictEqual(range, cursors);
    assert.match(fixed, /\nRecalling its resolution 77\/110/);
    assert.deepStrictEqual(getDraftingFixAll(parse(fixed.replace('Recalling', 'Recalling also')), vocabulary, () => true), [], 'not in Fix all: the drafter may have lost the paragraph it adds to');
  });

  it('leaves "also" and "further" after the first paragraph alone, even with nothing of the kind before (adopted texts do that)', () => {
    // A/RES/78/111: paragraph 13 "Further encourages", no "Encourages" before it.
    assert.deepStrictEqual(alsoFirst(parse(readBulk('A_RES_78_111.pymupdf.txt'))), []);
    // A/RES/78/208: "Acknowledging also" before any "Acknowledging".
    assert.deepStrictEqual(alsoFirst(parse(readBulk('A_RES_78_208.pymupdf.txt'))), []);
  });

  it('leaves "Encourages further cooperation", "Once again urges", "Further to" and sub-paragraphs alone', () => {
    // A/RES/78/240 opens its operative part with "Encourages further international cooperation".
    assert.deepStrictEqual(alsoFirst(parse(readBulk('A_RES_78_240.pymupdf.txt'))), []);
    for (const first of ['1. Once again urges all States to act;', '1. Further to its resolution 77/110, decides to act;', '1. Decides:\n\n(a) Also to act;\n\n(b) To report;']) {
      assert.deepStrictEqual(alsoFirst(parse(`The General Assembly,\n\nRecalling its resolution 77/110,\n\n${first}\n\n2. Requests a report.\n`)), [], first);
    }
  });

  it('is silent on the seeds', () => {
    for (const seed of SEEDS) assert.deepStrictEqual(alsoFirst(parse(readSeed(seed.file))), [], seed.file);
  });
});
