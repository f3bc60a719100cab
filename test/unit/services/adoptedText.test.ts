// Drafts and the resolutions they became, from the UN Digital Library's MARCXML export of the
// Third Committee drafts of session 78, the library's voting records (adoption dates) and the
// text of A/RES/78/208 as the corpus would hold it: the hover on a draft symbol and the
// "Compare with the adopted text" lens.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { parseCatalogue } from '../../../server/src/corpus/catalogue';
import type { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { getAdoptedTextLenses } from '../../../server/src/services/adoptedText';
import { getHover } from '../../../server/src/services/hover';
import { COMPARE_WITH_CORPUS_COMMAND } from '../../../server/src/protocol';
import { repoRoot } from '../../helpers';
import { corpusText, cursorAt, knowledgeBaseOf, parseText, plain } from './lookupFixtures';

const catalogues = path.join(repoRoot, 'test', 'fixtures', 'catalogues');
const RES_78_208 = 'file:///corpus/A_RES_78_208.pymupdf.txt';

function knowledgeBase(withText: boolean): KnowledgeBase {
  const rows = ['undl-export-A_C.3_78_L.marcxml.xml', 'undl-ga-voting-records.csv'].flatMap((name) => {
    const uri = `file:///catalogues/${name}`;
    return parseCatalogue(readFileSync(path.join(catalogues, name), 'utf8'), uri).rows.map((row) => ({ uri, row }));
  });
  const text = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'real', 'bulk', 'A_RES_78_208.pymupdf.txt'), 'utf8');
  const documents = withText ? [corpusText(parseText(text, RES_78_208), { symbol: '78/208' })] : [];
  return knowledgeBaseOf(rows, documents);
}

const DRAFT = `United Nations A/C.3/78/L.51

General Assembly

Seventy-eighth session
Third Committee
Agenda item 71 (b)

Strengthening the role of the United Nations in the promotion of democratization

The General Assembly,

Recalling the text of draft resolution A/C.3/78/L.49/Rev.1 and of A/C.3/78/L.1,

1. Decides to continue its consideration of the question.
`;

function hoverText(kb: KnowledgeBase, marked: string): string {
  const document = parseText(DRAFT);
  const hover = getHover(document, cursorAt(document, marked), kb) as Hover;
  return plain((hover.contents as MarkupContent).value);
}

describe('services/adoptedText', () => {
  const kb = knowledgeBase(true);

  it('the hover on a draft names the resolution it became, with the day when the catalogues know it', () => {
    const l41 = parseText(DRAFT.replace('A/C.3/78/L.49/Rev.1', 'A/C.3/78/L.41'));
    const hover = getHover(l41, cursorAt(l41, 'A/C.3/78/L.4|1'), kb) as Hover;
    assert.match(plain((hover.contents as MarkupContent).value), /\*\*Adopted as:\*\* A\/RES\/78\/220 on 19 December 2023$/m);
    // 78/213 was adopted without a vote: no voting record, so no day.
    assert.match(hoverText(kb, 'A/C.3/78/L.49/R|ev.1'), /\*\*Adopted as:\*\* A\/RES\/78\/213$/m);
  });

  it('the hover on a draft: its title and issue date from its record', () => {
    const text = hoverText(kb, 'A/C.3/78/L.49/R|ev.1');
    assert.match(text, /^\*\*A\/C\.3\/78\/L\.49\/Rev\.1\*\* · draft$/m);
    assert.match(text, /\*\*Title:\*\* Promotion and protection of human rights in the context of digital technologies _\(undl-export-A_C.3_78_L.marcxml.xml row 4\)_/);
    assert.match(text, /\*\*Date:\*\* 8 November 2023/);
  });

  it('a lens on the draft\'s own symbol when the text of the resolution it became is in the corpus', () => {
    const document = parseText(DRAFT);
    const lenses = getAdoptedTextLenses(document, kb);
    assert.strictEqual(lenses.length, 1, JSON.stringify(lenses));
    const [lens] = lenses;
    assert.deepStrictEqual(lens.command, {
      title: 'Compare with the adopted text (A/RES/78/208)',
      command: COMPARE_WITH_CORPUS_COMMAND,
      arguments: [{ document: document.uri, with: RES_78_208 }],
    });
    assert.strictEqual(document.model.text.slice(document.lines.offsetAt(lens.range.start), document.lines.offsetAt(lens.range.end)).trim(), 'A/C.3/78/L.51');
  });

  it('a lens on a cited draft whose resolution\'s text is in the corpus; none for those whose text is not, nor for the text itself', () => {
    const citing = parseText(DRAFT.replace('United Nations A/C.3/78/L.51', 'United Nations A/C.3/78/L.99').replace('A/C.3/78/L.1,', 'A/C.3/78/L.51,'));
    assert.deepStrictEqual(getAdoptedTextLenses(citing, kb).map((lens) => lens.command?.title), ['Compare with the adopted text (A/RES/78/208)']);
    assert.deepStrictEqual(getAdoptedTextLenses(parseText(DRAFT), knowledgeBase(false)), []);
    assert.deepStrictEqual(getAdoptedTextLenses(parseText(DRAFT, RES_78_208), kb), [], 'the resolution open from the corpus is not compared with itself');
  });
});
