// One fixture per quirk of the raw forms real users have on disk, and the shapes of text a
// drafter leaves while typing.
import * as assert from 'assert';
import type { ResolutionDocument, SubParagraph } from '../../../server/src/parser/model';
import { parseResolution } from '../../../server/src/parser/parse';

const lines = (...parts: string[]) => parts.join('\n');
const texts = (doc: ResolutionDocument) => [...doc.preambular, ...doc.operative].map((p) => p.content.text);
const tree = (subs: SubParagraph[]): unknown[] => subs.map((s) => (s.subparagraphs.length ? [s.label, tree(s.subparagraphs)] : s.label));

describe('quirks: plain text', () => {
  it('reads a sponsor line quoted with ">"', () => {
    const doc = parseResolution(lines('Agenda item 93', '', '> Albania and Zimbabwe: draft resolution', '', 'A title', '', 'The General Assembly,', '', 'Recalling all,'));
    assert.strictEqual(doc.header!.fields.find((f) => f.kind === 'sponsors')!.value, 'Albania and Zimbabwe');
    assert.strictEqual(doc.header!.fields.find((f) => f.kind === 'title')!.value, 'A title');
  });

  it('reads ^2 and superscript markers and keeps them out of the text', () => {
    const doc = parseResolution(lines('The General Assembly,', '', 'Welcoming the 2010,¹ 2013^2 and 2015³ reports,', '', '¹ A/65/201.', '', '² A/68/98.', '', '³ A/70/174.'));
    assert.deepStrictEqual(doc.markers.map((m) => [m.label, m.style]), [['1', 'superscript'], ['2', 'caret'], ['3', 'superscript']]);
    assert.deepStrictEqual(texts(doc), ['Welcoming the 2010, 2013 and 2015 reports,']);
    assert.deepStrictEqual(doc.footnotes.map((f) => f.content.text), ['A/65/201.', 'A/68/98.', 'A/70/174.']);
  });

  it('keeps a sub-paragraph whole across a footnote block, even when it resumes with a capital', () => {
    const doc = parseResolution(
      lines('The General Assembly,', '', '1. Calls upon Member States:', '', '(a) To be guided by the reports¹ of the Group on', '', '¹ A/65/201.', '', 'Developments in the Field;', '', '(b) To support cooperation;'),
    );
    const [a, b] = doc.operative[0].subparagraphs;
    assert.strictEqual(a.content.text, 'To be guided by the reports of the Group on Developments in the Field;');
    assert.strictEqual(b.label, '(b)');
    assert.strictEqual(doc.footnoteBlocks.length, 1);
  });

  it('keeps a preambular paragraph whole across a footnote block in mid-sentence', () => {
    const doc = parseResolution(lines('The General Assembly,', '', 'Supporting the group, and reaffirming that the programme', '', '¹ See A/77/275.', '', '² See A/78/265.', '', 'of action is to take into account the outcomes,', '', 'Reaffirming that any mechanism,'));
    assert.deepStrictEqual(texts(doc), ['Supporting the group, and reaffirming that the programme of action is to take into account the outcomes,', 'Reaffirming that any mechanism,']);
  });

  it('reads CRLF and a BOM like LF', () => {
    const lf = lines('The General Assembly,', '', 'Recalling its resolution 73/266,', '', '1. Decides to act;', '', '2. Requests a report.');
    const crlf = parseResolution('\uFEFF' + lf.replace(/\n/g, '\r\n'));
    const plain = parseResolution(lf);
    assert.deepStrictEqual(texts(crlf), texts(plain));
    assert.strictEqual(crlf.citations[0].symbol, '73/266');
    assert.strictEqual(crlf.operative.length, 2);
  });
});

describe('quirks: Markdown', () => {
  const markdown = lines(
    '# General Assembly',
    '',
    '## Seventy-fifth session',
    '',
    '**Cuba: draft resolution**',
    '',
    '#### A title',
    '',
    '*The General Assembly,*',
    '',
    '*Recalling* its resolution [73/27](#) of 5 December 2018,',
    '',
    '*Noting also* the report,<sup>1</sup> and its',
    '',
    '---',
    '',
    '<sup>1</sup> [A/70/174](#).',
    '',
    'conclusions,',
    '',
    '1. *Also decides* that the group shall meet;',
    '',
    '- (a) In New York;',
    '',
    '---',
  );
  const doc = parseResolution(markdown);

  it('takes the italic words as the opening phrase', () => {
    assert.deepStrictEqual([...doc.preambular, ...doc.operative].map((p) => p.opening?.text), ['Recalling', 'Noting also', 'Also decides']);
  });
  it('reads headings and bold lines as header fields', () => {
    assert.strictEqual(doc.header!.session, 75);
    assert.strictEqual(doc.header!.fields.find((f) => f.kind === 'sponsors')!.value, 'Cuba');
    assert.strictEqual(doc.header!.fields.find((f) => f.kind === 'title')!.value, 'A title');
    assert.strictEqual(doc.organ!.text, 'The General Assembly,');
  });
  it('reads a link as a citation and <sup> as a marker', () => {
    assert.deepStrictEqual(doc.citations.map((c) => [c.symbol, c.container]), [['73/27', 'paragraph'], ['A/70/174', 'footnote']]);
    assert.deepStrictEqual(doc.markers.map((m) => [m.label, m.style]), [['1', 'html']]);
  });
  it('joins a paragraph split by a rule and a footnote; rules are never paragraphs', () => {
    assert.deepStrictEqual(texts(doc), [
      'Recalling its resolution 73/27 of 5 December 2018,',
      'Noting also the report, and its conclusions,',
      'Also decides that the group shall meet;',
    ]);
    assert.deepStrictEqual(doc.furniture.map((f) => f.kind), ['rule', 'rule']);
  });
  it('reads "- (a)" list items as labelled sub-paragraphs', () => {
    assert.deepStrictEqual(tree(doc.operative[0].subparagraphs), ['(a)']);
    assert.strictEqual(doc.operative[0].subparagraphs[0].content.text, 'In New York;');
  });
});

describe('quirks: PDF-extracted text', () => {
  const pdf = lines(
    ' United Nations  A/C.1/73/L.1 ',
    '',
    'General Assembly  Distr.: Limited ',
    '1 October 2018 ',
    '',
    ' The General Assembly, ',
    '',
    ' Recalling that providing assistance in the area o f ',
    '',
    'ICT security is essential, as noted by the Secretary -',
    '',
    'General,1  ',
    '',
    ' Confirming the conclusions of the Group, in its 2013 2 ',
    '',
    'and 20151 reports, that the Charter  of the United ',
    '',
    '__________________ ',
    '',
    ' 1  A/65/201, A/68/98 and ',
    '',
    'A/70/174. ',
    '',
    ' 2  A/68/98. ',
    '',
    'https://undocs.org/A/65/201',
    '',
    '',
    'A/C.1/73/L.1 ',
    '',
    '18-17859 2/5 ',
    '',
    '*1817859* ',
    '',
    'Nations applies, ',
    '',
    ' 1. Welcomes the following norms: ',
    '',
    '  1.1. States should cooperate. ',
    '',
    '  1.2. States must meet their ',
    '',
    'obligations; ',
    '',
    ' 2. Decides to remain seized of the matter. ',
  );
  const doc = parseResolution(pdf);

  it('is recognised as PDF text', () => assert.strictEqual(doc.form, 'pdf'));
  it('joins wrapped lines separated by blank lines into paragraphs', () => {
    assert.strictEqual(doc.preambular.length, 2);
    assert.strictEqual(doc.operative.length, 2);
  });
  it('joins a word split with a stray hyphen space and collapses doubled spaces; keeps "o f" as written', () => {
    assert.strictEqual(doc.preambular[0].content.text, 'Recalling that providing assistance in the area o f ICT security is essential, as noted by the Secretary-General,');
  });
  it('reads page headers, footers, barcodes and link lines as furniture that never hides text', () => {
    assert.deepStrictEqual(doc.furniture.map((f) => f.kind), ['separator', 'link', 'pageHeader', 'pageFooter', 'barcode']);
    assert.strictEqual(doc.preambular[1].content.text, 'Confirming the conclusions of the Group, in its 2013 and 2015 reports, that the Charter of the United Nations applies,');
  });
  it('reads footnotes after a separator, with a body that wraps', () => {
    assert.deepStrictEqual(doc.footnotes.map((f) => [f.label, f.content.text]), [['1', 'A/65/201, A/68/98 and A/70/174.'], ['2', 'A/68/98.']]);
  });
  it('finds digits glued to words and years as footnote markers', () => {
    assert.deepStrictEqual(doc.markers.map((m) => [pdf.slice(m.start - 4, m.end), m.style]), [['ral,1', 'glued'], ['013 2', 'glued'], ['20151', 'glued']]);
  });
  it('nests decimal norms under their operative paragraph', () => {
    assert.deepStrictEqual(tree(doc.operative[0].subparagraphs), ['1.1', '1.2']);
    assert.strictEqual(doc.operative[0].subparagraphs[1].content.text, 'States must meet their obligations;');
  });
  it('finds the header symbol once and the running header on later pages', () => {
    assert.strictEqual(doc.header!.fields.find((f) => f.kind === 'symbol')!.value, 'A/C.1/73/L.1');
  });
});

describe('quirks: labels and nesting', () => {
  const op = (...subs: string[]) => parseResolution(lines('The General Assembly,', '', '1. Decides:', '', ...subs.flatMap((s) => [s, '']))).operative[0];

  it('"(i)" after "(h)" is a letter', () => {
    const labels = 'abcdefghij'.split('').map((l) => `(${l}) Item;`);
    assert.deepStrictEqual(tree(op(...labels).subparagraphs), 'abcdefghij'.split('').map((l) => `(${l})`));
  });
  it('"(i)" after "(a)" opens a roman list one level down', () => {
    assert.deepStrictEqual(tree(op('(a) To act:', '(i) Now;', '(ii) Later;', '(b) To report.').subparagraphs), [['(a)', ['(i)', '(ii)']], '(b)']);
    const roman = op('(a) To act:', '(i) Now;', '(ii) Later;').subparagraphs[0].subparagraphs;
    assert.deepStrictEqual(roman.map((s) => [s.scheme, s.depth]), [['roman', 2], ['roman', 2]]);
  });
  it('a roman list that starts at "(ii)" is still roman, one level down', () => {
    assert.deepStrictEqual(tree(op('(a) To act:', '(ii) Now;', '(iii) Later;', '(b) To report.').subparagraphs), [['(a)', ['(ii)', '(iii)']], '(b)']);
    assert.deepStrictEqual(op('(a) To act:', '(ii) Now;').subparagraphs[0].subparagraphs.map((s) => s.scheme), ['roman']);
  });
  it('a roman list without letters stands at the first level', () => {
    assert.deepStrictEqual(tree(op('(i) Now;', '(ii) Later.').subparagraphs), ['(i)', '(ii)']);
  });
  it('decimal labels nest by their parts', () => {
    assert.deepStrictEqual(tree(op('1.1 First;', '1.1.1 Detail;', '1.2 Second.').subparagraphs), [['1.1', ['1.1.1']], '1.2']);
  });
  it('an operative paragraph reaches to the end of its last sub-paragraph', () => {
    const p = op('(a) To act;', '(b) To report.');
    assert.strictEqual(p.end, p.subparagraphs[1].end);
    assert.ok(p.ownEnd < p.end);
  });
});

describe('quirks: half-typed and foreign text', () => {
  it('a paragraph still being typed does not swallow the next one', () => {
    const doc = parseResolution(lines('The General Assembly,', '', 'Recalling its resolution 73/266', '', 'Noting that', '', '3.', '', '(b)'));
    assert.deepStrictEqual(doc.preambular.map((p) => p.opening?.text), ['Recalling', 'Noting']);
    assert.strictEqual(doc.operative[0].number, 3);
    assert.deepStrictEqual(tree(doc.operative[0].subparagraphs), ['(b)']);
  });
  it('a number put on a preambular paragraph keeps it, and the rest, in the preamble', () => {
    const doc = parseResolution(lines('The General Assembly,', '', 'Recalling its resolution 73/266,', '', '2. Stressing the need for cooperation,', '', 'Noting the report,', '', '1. Decides to act.'));
    assert.deepStrictEqual(doc.preambular.map((p) => [p.opening?.text, p.number]), [['Recalling', undefined], ['Stressing', 2], ['Noting', undefined]]);
    assert.deepStrictEqual(doc.operative.map((p) => p.number), [1]);
  });
  it('a lone unnumbered operative paragraph is read as operative', () => {
    const doc = parseResolution(lines('The General Assembly,', '', 'Recalling its resolution 73/266,', '', 'Decides to remain seized of the matter.'));
    assert.strictEqual(doc.preambular.length, 1);
    assert.deepStrictEqual(doc.operative.map((p) => [p.number, p.opening?.text]), [[undefined, 'Decides']]);
  });
  it('text that is not a resolution gives an empty model', () => {
    for (const text of ['', '\n\n', 'Shopping list\n\nmilk, eggs\n', '{"json": true}', '\u0000\u0001binary\u0002']) {
      const doc = parseResolution(text);
      assert.strictEqual(doc.parseError, undefined);
      assert.strictEqual(doc.preambular.length + doc.operative.length, 0, JSON.stringify(text));
    }
  });
  it('without an organ line, the body starts at the first paragraph', () => {
    const doc = parseResolution(lines('Advancing responsible State behaviour', '', 'Recalling its resolution 73/266,', '', '1. Decides to act.'));
    assert.strictEqual(doc.organ, undefined);
    assert.strictEqual(doc.preambular.length, 1);
    assert.strictEqual(doc.header!.fields.find((f) => f.kind === 'title')!.value, 'Advancing responsible State behaviour');
  });
});
