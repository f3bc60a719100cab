// Where a footnote marker stands: after the punctuation, as in the adopted texts; the form before
// it is flagged in markers written as markers, and moved by the quick fix and Fix all.
import * as assert from 'assert';
import { ParsedDocument } from '../../../../server/src/parsedDocument';
import { getDraftingCodeActions, getDraftingDiagnostics, getDraftingFixAll, MARKER_BEFORE_PUNCTUATION } from '../../../../server/src/services/drafting/drafting';
import { openingVocabulary } from '../../../../server/src/services/structure/openingPhrases';
import { applyEdits, editsFor, readSeed, SEEDS, withCursors } from '../../../helpers';

const DRAFT = 'file:///drafts/draft.unres';
const vocabulary = openingVocabulary();
const parse = (text: string) => ParsedDocument.parse({ uri: DRAFT, version: 1, getText: () => text });
const misplaced = (document: ParsedDocument) => getDraftingDiagnostics(document, vocabulary).filter((d) => d.code === MARKER_BEFORE_PUNCTUATION);
const FOOTNOTES = '\n____\n¹ Resolution 70/1.\n² A/78/123.\n';

describe('drafting: a footnote marker before its punctuation (unres.markerBeforePunctuation)', () => {
  it('flags "Agenda¹," and moves the marker after the comma', () => {
    // A/RES/78/10 writes "the 2030 Agenda for Sustainable Development,3 sport is".
    const { text, cursors } = withCursors(`The General Assembly,\n\nRecalling the 2030 Agenda for Sustainable Development|¹,| and the report,²\n\n1. Decides to act.\n${FOOTNOTES}`);
    const document = parse(text);
    const [diagnostic, ...more] = misplaced(document);
    assert.deepStrictEqual(more, []);
    assert.deepStrictEqual([document.lines.offsetAt(diagnostic.range.start), document.lines.offsetAt(diagnostic.range.end)], cursors);
    assert.match(String(diagnostic.message), /marker 1 stands before the "," it should follow/);
    const [action] = getDraftingCodeActions(document, diagnostic.range, [diagnostic], vocabulary);
    const fixed = applyEdits(document, editsFor(action, DRAFT));
    assert.match(fixed, /Development,¹ and the report,²/);
    assert.deepStrictEqual(misplaced(parse(fixed)), []);
  });

  it('moves every marker in Fix all, before semicolons, colons and full stops too, caret, HTML and Markdown markers alike', () => {
    const text = 'The General Assembly,\n\nRecalling the Agenda^1, and the report<sup>2</sup>,\n\n1. Takes note of the report[^3];\n\n2. Decides to act¹.\n\n[^3]: A/78/123.\n\n____\n¹ Resolution 70/1.\n² A/78/123.\n';
    const document = parse(text);
    assert.strictEqual(misplaced(document).length, 4);
    const fixed = applyEdits(document, getDraftingFixAll(document, vocabulary, () => true));
    assert.match(fixed, /Agenda,\^1 and the report,<sup>2<\/sup>\n/);
    assert.match(fixed, /the report;\[\^3\]\n/);
    assert.match(fixed, /to act\.¹\n/);
    assert.deepStrictEqual(misplaced(parse(fixed)), []);
    assert.deepStrictEqual(getDraftingFixAll(document, vocabulary, (code) => code !== MARKER_BEFORE_PUNCTUATION), []);
  });

  it('leaves markers after their mark, markers that lost their superscript, and the seeds alone', () => {
    // Seed 000: "the 2010,¹ 2013² and 2015³ reports".
    for (const seed of SEEDS) assert.deepStrictEqual(misplaced(parse(readSeed(seed.file))), [], seed.file);
    // A/RES/78/196 as PyMuPDF gives it: "48/8 of 8 October 20217, 51/11": the year, then marker 7 or not.
    const glued = 'The General Assembly,\n\nRecalling Human Rights Council resolutions 45/4 of 6 October 2020,6 48/8 of 8 October 20217, 51/11 of 6 October 20228 and 54/4 of 11 October 2023,9\n\n1. Decides to act.\n\n____\n6 A/75/53/Add.1.\n7 A/76/53/Add.1.\n8 A/77/53/Add.1.\n9 A/78/53/Add.1.\n';
    assert.deepStrictEqual(misplaced(parse(glued)), []);
  });
});
