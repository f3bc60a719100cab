// The parser on the artifacts of real texts, each shown on a real file of test/fixtures/real
// (read as it comes, never cleaned) or, where a case is rare, on a minimal text that has it.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Paragraph, ResolutionDocument } from '../../../server/src/parser/model';
import { parseResolution } from '../../../server/src/parser/parse';
import { repoRoot } from '../../helpers';

const real = (folder: 'texts' | 'bulk', file: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', 'real', folder, file), 'utf8');
const lines = (...parts: string[]) => parts.join('\n');
const sourceOf = (doc: ResolutionDocument, span: { start: number; end: number }) => doc.text.slice(span.start, span.end);
const markersOf = (doc: ResolutionDocument) => doc.markers.map((m) => `${doc.text.slice(Math.max(0, m.start - 8), m.start)}[${m.label}]`);
const paragraphWith = (doc: ResolutionDocument, words: string): Paragraph => [...doc.preambular, ...doc.operative].find((p) => p.content.text.includes(words))!;

describe('real forms: paragraph numbers and labels alone on their line (PyMuPDF)', () => {
  const doc = parseResolution(real('bulk', 'A_RES_78_100.pymupdf.txt'));
  it('joins "1. ⏎Approves …" into one numbered paragraph with its opening', () => {
    assert.deepStrictEqual(doc.operative.slice(0, 3).map((p) => [p.number, p.opening?.text]), [[1, 'Approves'], [2, 'Considers'], [3, 'Requests']]);
    assert.ok(doc.operative.every((p) => p.content.text.length > 20), 'no empty paragraph');
  });
  it('joins "(a) ⏎To develop …" into a sub-paragraph', () => {
    const op5 = doc.operative.find((p) => p.number === 5)!;
    assert.deepStrictEqual(op5.subparagraphs.slice(0, 2).map((s) => [s.label, s.content.text.slice(0, 10)]), [['(a)', 'To develop'], ['(b)', 'To seek th']]);
  });
  it('reads "The General Assembly" without its comma and one unnumbered paragraph (78/251)', () => {
    const budget = parseResolution(real('bulk', 'A_RES_78_251.pymupdf.txt'));
    assert.strictEqual(budget.organ?.text.trim(), 'The General Assembly');
    assert.strictEqual(budget.preambular.length, 0);
    assert.strictEqual(budget.operative[0].number, 1);
  });
});

describe('real forms: running headers', () => {
  it('drops a title wrapped over five lines at each page break, whatever side the symbol is on (78/68)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_78_68.pymupdf.txt'));
    const headers = doc.furniture.filter((f) => f.kind === 'pageHeader').map((f) => sourceOf(doc, f).trim());
    assert.ok(headers.filter((h) => h === 'Sustainable fisheries, including through the 1995 Agreement for the').length > 20);
    assert.ok(headers.includes('and related instruments'));
    assert.ok(!paragraphWith(doc, 'improve their management regimes').content.text.includes('related instruments towards'), 'the paragraph goes on across the header');
  });
  it('drops a short title standing between paragraphs of Markdown (80/27) and a title prefix (80/23)', () => {
    for (const [file, pp] of [['A_RES_80_27.txt', 9], ['A_RES_80_23.txt', 9]] as const) {
      const doc = parseResolution(real('texts', file));
      assert.strictEqual(doc.preambular.length, pp, file);
    }
  });
  it('keeps a line of a paragraph that repeats the agenda title when every line stands between blank lines (seed 002)', () => {
    const doc = parseResolution(readFileSync(path.join(repoRoot, 'corpus', '002_eef1e9d426f8333c.txt'), 'utf8'));
    assert.match(doc.preambular[14].content.text, /Experts on Developments in the Field of Information and Telecommunications in the Context of International Security and/);
  });
  it('reads a symbol line as the symbol, never as a page number ("A/RES/76/19" holds "76/19")', () => {
    const doc = parseResolution(lines('General Assembly', '', 'A/RES/76/19', '', 'A title', '', 'The General Assembly,', '', '1. Decides to act.'));
    assert.strictEqual(doc.header!.fields.find((f) => f.kind === 'symbol')?.value, 'A/RES/76/19');
    assert.deepStrictEqual(doc.furniture, []);
  });
  it('keeps a line that repeats a title but ends a sentence part (seed 000 style)', () => {
    const doc = parseResolution(lines('Agenda item 9 Developments in the field of information', '', 'A title', '', 'The General Assembly,', '', '1. Calls upon Member States:', '', '(a) To be guided by the Group on', '', '¹ A/65/201.', '', 'Developments in the Field of Information;', '', '2. Decides to act.'));
    assert.strictEqual(doc.operative[0].subparagraphs[0].content.text, 'To be guided by the Group on Developments in the Field of Information;');
  });
});

describe('real forms: hard-wrapped and laid-out PDF text', () => {
  it('reads pypdf text by its first-line indents, with a spaced organ line (79/128)', () => {
    const doc = parseResolution(real('texts', 'A_RES_79_128.pypdf.txt'));
    assert.strictEqual(sourceOf(doc, doc.organ!).trim(), 'The General Assembly ,');
    assert.deepStrictEqual([doc.preambular.length, doc.operative.length], [12, 7]);
    const sendai = paragraphWith(doc, 'Sendai Framework').content.text;
    assert.ok(sendai.startsWith('Recalling also its resolutions 46/182'), 'the split plural "resolution s" is joined');
    assert.ok(!sendai.includes('Recalling further'), 'the next paragraph starts at its first-line indent');
  });
  it('reads pdftotext -layout text by the indents of each page, whose margin moves (A/C.3/80/L.21)', () => {
    const doc = parseResolution(real('texts', 'A_C_3_80_L_21.pdftotext-layout.txt'));
    assert.deepStrictEqual([doc.preambular.length, doc.operative.length], [13, 12]);
    assert.ok(paragraphWith(doc, '58/176').content.text.includes('78/235 of 22 December 2023'), 'a list wrapped at the margin stays one paragraph');
  });
  it('keeps a paragraph whole across a blank line at a page break and a hard newline after a comma (80/22, 80/8)', () => {
    const split = parseResolution(real('texts', 'A_RES_80_22.txt'));
    assert.ok(paragraphWith(split, 'Development, Production and Stockpiling of Bacteriological'));
    const comma = parseResolution(real('texts', 'A_RES_80_8.txt'));
    assert.ok(paragraphWith(comma, 'Los Angeles, United States'));
    assert.strictEqual(comma.preambular.length, 32);
  });
});

describe('real forms: footnote markers printed as plain digits', () => {
  it('finds markers glued, spaced, after a year and at a line end, each in its footnote order (79/128)', () => {
    const doc = parseResolution(real('texts', 'A_RES_79_128.pypdf.txt'));
    const found = markersOf(doc);
    assert.ok(found.includes('ession, [1]'), found.join(' | '));
    assert.ok(found.includes('asters, [2]'), found.join(' | '));
    assert.deepStrictEqual(doc.footnotes.map((f) => f.label), doc.footnotes.map((_, i) => String(i + 1)));
    assert.ok(doc.footnotes.every((f) => doc.markers.some((m) => m.label === f.label)), 'every footnote has its marker');
  });
  it('reads a resolution number with a marker glued to it, when that footnote exists', () => {
    const doc = parseResolution(lines('The General Assembly,', '', 'Recalling its resolution 77/2285 of 7 December 2022,', '', '1. Decides to act.', '__________________', '5 A/77/1.'));
    assert.deepStrictEqual(doc.citations.filter((c) => c.kind === 'resolution').map((c) => [c.symbol, c.date?.iso]), [['77/228', '2022-12-07']]);
    assert.deepStrictEqual(doc.markers.map((m) => m.label), ['5']);
  });
  it('finds a marker glued to the next word, or printed with two spaces after it (80/51, 78/152)', () => {
    const glued = parseResolution(real('texts', 'A_RES_80_51.txt'));
    assert.ok(markersOf(glued).includes('Weapons [6]'), markersOf(glued).join(' | '));
    const spaced = parseResolution(real('bulk', 'A_RES_78_152.pymupdf.txt'));
    assert.ok(markersOf(spaced).includes('ecision [20]'), markersOf(spaced).join(' | '));
    assert.ok(!markersOf(parseResolution(lines('The General Assembly,', '', 'Recalling its 2nd and 4bis meetings,', '', '1. Decides to act.', '__________________', '2 A/1.', '4 A/2.'))).length);
  });
  it('finds a marker after a year and a full stop, glued or spaced (79/314, 79/323)', () => {
    for (const [file, label] of [['A_RES_79_314.pymupdf.txt', '3'], ['A_RES_79_323.pymupdf.txt', '14']]) {
      const doc = parseResolution(real('bulk', file));
      assert.ok(doc.markers.some((m) => m.label === label), `${file}: ${markersOf(doc).join(' | ')}`);
    }
  });
  it('finds a marker glued to the number of a name or of a symbol not the Assembly\'s', () => {
    const cases: [string, string, string][] = [
      ['A_RES_79_218.pymupdf.txt', '18', 'COVID-19[18]'],
      ['A_RES_78_153.pymupdf.txt', '31', '1/CP.27[31]'],
      ['A_RES_79_313.pymupdf.txt', '4', 'and 5/6[4]'],
      ['A_RES_78_157.pymupdf.txt', '6', 'genda 21[6]'],
    ];
    for (const [file, , expected] of cases) {
      const doc = parseResolution(real('bulk', file));
      assert.ok(markersOf(doc).some((m) => m.endsWith(expected)), `${file}: ${markersOf(doc).join(' | ')}`);
    }
  });
  it('finds a marker glued to a year with three digits, after a symbol\'s number, before a paragraph number, and the star on a reissued symbol', () => {
    const cases: [string, 'bulk' | 'texts', string][] = [
      ['A_RES_78_69.pymupdf.txt', 'bulk', 'ond 2030[116]'],
      ['A_RES_79_144.pymupdf.txt', 'bulk', 'on 5/14,[118]'],
      ['A_RES_80_3.txt', 'texts', 'Future. [16]'],
      ['A_RES_78_68.pymupdf.txt', 'bulk', 'ES/78/68[*]'],
    ];
    for (const [file, folder, expected] of cases) {
      const doc = parseResolution(real(folder, file));
      assert.ok(markersOf(doc).some((m) => m.endsWith(expected)), `${file}: ${markersOf(doc).join(' | ')}`);
    }
  });
  it('finds a marker after a number that no list goes on from, after "the decision", and printed inside a short word (79/2, 79/218, 79/263)', () => {
    const cases: [string, string][] = [
      ['A_RES_79_2.pymupdf.txt', 'nder 5, [2]'],
      ['A_RES_79_218.pymupdf.txt', 'ecision [21]'],
      ['A_RES_79_263.pymupdf.txt', '2030, a [8]'],
    ];
    for (const [file, expected] of cases) {
      const doc = parseResolution(real('bulk', file));
      assert.ok(markersOf(doc).some((m) => m.endsWith(expected)), `${file}: ${markersOf(doc).join(' | ')}`);
    }
    const list = parseResolution(lines('The General Assembly,', '', 'Recalling paragraphs 3, 4 and 5 of its resolution 73/266,', '', '1. Decides to act.', '__________________', '4 A/1.'));
    assert.deepStrictEqual(list.markers, [], 'a list of paragraphs holds no marker');
  });
  it('takes a weak marker between the markers of the footnotes around it, when Markdown keeps the footnotes at the end (80/28)', () => {
    const doc = parseResolution(real('texts', 'A_RES_80_28.txt'));
    assert.ok(markersOf(doc).some((m) => m.endsWith(' Group [6]')), markersOf(doc).join(' | '));
  });
  it('does not read a reference in a symbol ("Dec.8") as a marker that pushes later markers out of reach (79/222)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_79_222.pymupdf.txt'));
    assert.ok(doc.footnotes.every((f) => doc.markers.some((m) => m.label === f.label)), markersOf(doc).join(' | '));
  });
});

describe('real forms: no text reads worse than before the real forms were taught', () => {
  it('finds the marker after "Development Goals" and the spaced asterisk of a draft\'s sponsors (A/C.3/80/L.21, A/80/L.24)', () => {
    const layout = parseResolution(real('texts', 'A_C_3_80_L_21.pdftotext-layout.txt'));
    assert.ok(markersOf(layout).includes('t Goals [6]'), markersOf(layout).join(' | '));
    const draft = parseResolution(real('texts', 'A_80_L_24.pypdf.txt'));
    assert.ok(draft.markers.some((m) => m.label === '*'));
  });
  it('reads a heading after a page break as a heading, not the end of the paragraph before (78/148)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_78_148.pymupdf.txt'));
    assert.ok(doc.headings.some((h) => h.text === 'Social aspects'));
    assert.match(paragraphWith(doc, 'aviation, and road transport').content.text, /road transport,$/);
  });
  it('reads a paragraph that PyMuPDF broke into a word per line as a paragraph, not a table (78/129)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_78_129.pymupdf.txt'));
    assert.match(paragraphWith(doc, 'acknowledging that the 2030 Agenda includes').content.text, /^Reaffirming the 2030 Agenda for Sustainable Development, and acknowledging/);
    assert.deepStrictEqual(doc.tables, []);
    // "Inviting" is no phrase of the vocabulary, but the block opens and ends like a paragraph.
    const inviting = parseResolution(real('bulk', 'A_RES_78_125.pymupdf.txt'));
    assert.ok(paragraphWith(inviting, 'Inviting the international community to provide continued support in strengthening macroeconomic'));
  });
  it('reads a number at the start of a line that a lower-case word follows as text, not a decimal label (78/174)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_78_174.pymupdf.txt'));
    const op60 = doc.operative.find((p) => p.number === 60)!;
    assert.deepStrictEqual(op60.subparagraphs, []);
    assert.match(op60.content.text, /to provide at least 0\.20 per cent of gross national income/);
  });
  it('drops a running header whose title starts with a number (78/128)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_78_128.pymupdf.txt'));
    assert.ok(doc.operative.every((p) => p.number !== undefined), doc.operative.filter((p) => p.number === undefined).map((p) => p.content.text.slice(0, 40)).join(' | '));
    assert.match(doc.operative.find((p) => p.number === 10)!.content.text, /held as follows: Monday, 9 June: from 9 a\.m\./);
  });
  it('continues a footnote whose line ends without its mark, even when the next line opens like a paragraph (79/222)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_79_222.pymupdf.txt'));
    assert.match(doc.footnotes.find((f) => f.label === '18')!.content.text, /Report 2024: Turning Challenges into Sustainable Solutions/);
    assert.ok(!doc.preambular.some((p) => p.content.text.startsWith('Turning Challenges')));
  });
  it('reads a table after "as set out in the table below:" as what the paragraph introduces (79/253)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_79_253.pymupdf.txt'));
    assert.strictEqual(doc.operative.find((p) => p.number === 19)!.introduces, 'table');
  });
  it('reads a table whose cells are short lines as a table (79/250)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_79_250.pymupdf.txt'));
    assert.deepStrictEqual(doc.operative.find((p) => p.number === 11)!.subparagraphs, []);
    assert.ok(doc.tables.length > 0);
  });
});

describe('real forms: footnote blocks', () => {
  it('continues a footnote on a line that starts with a date, out of the footnotes\' sequence (79/17)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_79_17.pymupdf.txt'));
    assert.deepStrictEqual(doc.footnotes.map((f) => f.label), ['1', '2', '3', '4', '5', '6', '7']);
    assert.match(doc.footnotes[1].content.text, /as from 7 February 1984\.$/);
  });
  it('mends a Markdown footnote block broken at a number (80/18) and one whose label became a year', () => {
    const doc = parseResolution(real('texts', 'A_RES_80_18.txt'));
    assert.match(doc.footnotes.find((f) => f.label === '2')!.content.text, /as from 7 February 1984\.$/);
    assert.strictEqual(doc.footnotes.filter((f) => f.label === '7').length, 1);
    const year = parseResolution(lines('The General Assembly,', '', 'Recalling the Conference,[^1] and the Review[^2]', '', '[^1]: A/1.', '', '[^1995]: Review Conference, Final Document.'));
    assert.deepStrictEqual(year.footnotes.map((f) => [f.label, f.content.text]), [['1', 'A/1.'], ['2', '1995 Review Conference, Final Document.']]);
  });
  it('reads the asterisk footnote of a draft without a separator (A/80/L.24)', () => {
    const doc = parseResolution(real('texts', 'A_80_L_24.pypdf.txt'));
    assert.ok(doc.footnotes.some((f) => f.label === '*'));
    assert.strictEqual(doc.preambular.length, 11);
  });
});

describe('real forms: structure around the paragraphs', () => {
  it('reads section headings and a resolution in parts, each numbered from 1 with its own preamble (78/253)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_78_253.pymupdf.txt'));
    assert.ok(doc.headings.some((h) => h.text.startsWith('II Financial performance report')));
    const restarts = doc.operative.filter((p) => p.restartsNumbering);
    assert.ok(restarts.length >= 5 && restarts.every((p) => p.number === 1));
    assert.ok(doc.preambular.some((p) => p.start > doc.operative[0].start && p.opening?.text === 'Having considered'));
    assert.ok(doc.tables.length > 0, 'the staffing table is a table');
  });
  it('reads the text a resolution adopts as attached, and a numbered list of it up to the next paragraph (73/3, 78/223)', () => {
    const declaration = parseResolution(real('texts', 'A_RES_73_3.pypdf.txt'));
    assert.deepStrictEqual([declaration.operative.length, declaration.operative[0].introduces, declaration.attachments.length], [1, 'attachment', 1]);
    const agenda = parseResolution(real('bulk', 'A_RES_78_223.pymupdf.txt'));
    assert.ok(agenda.operative.some((p) => p.number === 12 && p.opening?.text === 'Decides'), 'the paragraphs resume after the agenda');
  });
  it('reads "Resolves that:" as the chapeau of the numbered paragraphs (78/256)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_78_256.pymupdf.txt'));
    assert.strictEqual(doc.operative[0].introduces, 'paragraphs');
    assert.deepStrictEqual(doc.operative.slice(1, 3).map((p) => p.number), [1, 2]);
  });
  it('ends the resolution at its closing line, "resumed" meetings too (79/233)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_79_233.pymupdf.txt'));
    assert.strictEqual(doc.closing?.meeting, '55th (resumed) plenary meeting');
    assert.strictEqual(doc.operative.length, 1);
    assert.ok(doc.attachments.length === 1 && doc.attachments[0].start > doc.closing!.end);
  });
  it('reads the one unnumbered paragraph of a section, and a section\'s "Recalls …," before its "1." (78/253)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_78_253.pymupdf.txt'));
    const alone = doc.operative.filter((p) => p.aloneInSection);
    assert.ok(alone.some((p) => p.content.text.startsWith('Approves resources in the amount of 21,723,500 dollars')));
    assert.ok(alone.every((p) => p.number === undefined));
    const recalls = doc.preambular.find((p) => p.content.text.startsWith('Recalls its resolution 77/263 A'))!;
    assert.ok(recalls && recalls.start > doc.operative[0].start);
    assert.ok(doc.operative.some((p) => p.restartsNumbering && p.start > recalls.end && p.content.text.startsWith('Notes that, after a charge')));
  });
  it('reads items that name themselves ("Panel 1: …") as part of the text that announces them (79/273)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_79_273.pymupdf.txt'));
    const themes = doc.operative.find((p) => p.number === 4)!.subparagraphs;
    assert.deepStrictEqual(themes.map((s) => s.label).slice(0, 4), ['(a)', '(b)', '(c)', '(d)']);
    assert.match(themes[1].content.text, /following themes: Panel 1: Tackling .* Panel 2: Reshaping/);
  });
  it('reads items with verbs of their own between "2. … in this regard:" and "3." as lost-label items (80/11)', () => {
    const doc = parseResolution(real('texts', 'A_RES_80_11.txt'));
    const op2 = doc.operative.find((p) => p.number === 2)!;
    assert.deepStrictEqual(op2.subparagraphs.map((s) => [s.label, s.content.text.split(' ')[0]]), [['', 'Decides,'], ['', 'May'], ['', 'Requests'], ['', 'Takes']]);
    const op1 = doc.operative.find((p) => p.number === 1)!;
    assert.strictEqual(op1.subparagraphs[1].subparagraphs[0]?.content.text.split(' ')[0], 'Assisting', 'the item after "(b) … by:" is its first item');
  });
  it('reads gerunds after a chapeau ending "contribution to:" as its items once their labels are lost (80/34)', () => {
    const doc = parseResolution(real('texts', 'A_RES_80_34.txt'));
    const chapeau = paragraphWith(doc, 'a major contribution to:');
    assert.deepStrictEqual(chapeau.subparagraphs.map((s) => s.content.text.split(' ')[0]), ['International', 'Eliminating', 'The', 'Excluding', 'Promoting']);
  });
  it('keeps a new preambular paragraph after labelled items of a chapeau ending with a preposition', () => {
    const doc = parseResolution(lines('The General Assembly,', '', 'Recalling its resolution in which it called for:', '', '(a) Action,', '', '(b) Support,', '', 'Noting the report,', '', '1. Decides to act.'));
    assert.strictEqual(doc.preambular.length, 2);
  });
  it('reads a paragraph number that lost its full stop, alone on its line, when it is the next number (79/160)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_79_160.pymupdf.txt'));
    assert.deepStrictEqual(doc.operative.filter((p) => p.number === 26 || p.number === 27).map((p) => p.opening?.text), ['Condemns', 'Affirms']);
    const table = parseResolution(lines('The General Assembly,', '', '1. Decides to act;', '', '7', 'Decides to remain seized of the matter.'));
    assert.strictEqual(table.operative[1].number, undefined, 'not the next number');
  });
  it('reads the question put to the Court and a theme quoted on its own line as the text of their paragraph (79/232, 79/333)', () => {
    const question = parseResolution(real('bulk', 'A_RES_79_232.pymupdf.txt'));
    const op10 = question.operative.find((p) => p.number === 10)!;
    assert.deepStrictEqual(op10.subparagraphs, []);
    assert.match(op10.content.text, /occupation: What are the obligations of Israel/);
    const theme = parseResolution(real('bulk', 'A_RES_79_333.pymupdf.txt'));
    assert.match(theme.operative.find((p) => p.number === 2)!.content.text, /will be: “Fostering a multilateral/);
  });
  it('reads unlabelled items after a colon as sub-paragraphs whose label was lost', () => {
    const doc = parseResolution(lines('The General Assembly,', '', '1. Requests the Secretary-General:', '', 'To report on the matter;', '', 'To consult Member States;', '', '2. Decides to remain seized of the matter.'));
    assert.strictEqual(doc.operative.length, 2);
    assert.deepStrictEqual(doc.operative[0].subparagraphs.map((s) => [s.label, s.content.text]), [['', 'To report on the matter;'], ['', 'To consult Member States;']]);
  });
});

describe('real forms: references and citations', () => {
  const refs = (text: string) => parseResolution(lines('The General Assembly,', '', text, '', '1. Decides to act;', '', '2. Also decides to act.')).references;
  it('never reads another text\'s paragraphs as this draft\'s', () => {
    for (const text of [
      'Recalling paragraphs 1 to 10 of the annex thereto, as well as paragraphs 13 and 14, in which it is stated,',
      'Recalling the Statute, Article 32, paragraph 7,',
      'Noting the decision, in particular its paragraph 4.1,',
      'Recalling resolutions 2199 (2015), in particular paragraphs 15 to 17, and 2253 (2015),',
      'Recalling the modalities outlined in paragraphs 102 to 106 of his report,',
      'Recalling section IV, paragraphs 22 and 26, thereof,',
    ]) assert.deepStrictEqual(refs(text).filter((r) => r.scope.kind === 'self'), [], text);
  });
  it('reads "paragraph 1.5 above" as sub-paragraph 1.5, and "subparagraph (b) of paragraph 3" as one reference', () => {
    const [decimal] = refs('Recalling paragraph 1.5 above,');
    assert.deepStrictEqual(decimal.targets.map((t) => [t.paragraph, t.sub]), [[1, '1.5']]);
    assert.deepStrictEqual(decimal.scope, { kind: 'self', direction: 'above' });
    const joined = refs('Recalling subparagraph (b) of paragraph 3 below,');
    assert.strictEqual(joined.length, 1);
    assert.deepStrictEqual(joined[0].targets.map((t) => [t.paragraph, t.sub]), [[3, 'b']]);
  });
  it('reads the parts of a resolution, a part with a roman session, "adopted on" and a split year', () => {
    const doc = parseResolution(lines(
      'The General Assembly,',
      '',
      'Recalling its resolutions 75/254 A to C of 31 December 2020 and 2602 C (XXIV) of 16 December 1969, its resolution 1 (I), adopted by the General Assembly on 24 January 1946, and 70/119 of 14 December 2 015,',
    ));
    assert.deepStrictEqual(doc.citations.map((c) => [sourceOf(doc, c), c.date?.iso]), [
      ['75/254 A to C', '2020-12-31'],
      ['2602 C (XXIV)', '1969-12-16'],
      ['1 (I)', '1946-01-24'],
      ['70/119', '2015-12-14'],
    ]);
  });
});

describe('real forms: words split by stray spaces and hyphens', () => {
  const doc = parseResolution(lines(
    'The General As sembly ,',
    '',
    'Noting w ith concern the report of the Secretary -General on nuclear- weapon-free zones and small- and medium-sized enterprises,',
    '',
    'Recalling its resolution s 46/182 of 19 December 1991 and country-owned and -driven strategies,',
    '',
    '1. Reaffi rms its determination to act by 2025 ;',
    '',
    '2. Encour ages States to act, and calls for :',
    '',
    '(a) Business-',
    'as-usual and small-',
    'and medium-sized enterprises;',
    '',
    '3. Decides , taking into account the above, to remain seized of the matter.',
  ));
  const [pp1, pp2] = doc.preambular;
  const [op1, op2, op3] = doc.operative;
  it('names the organ line without its stray spaces', () => {
    assert.strictEqual(doc.organ?.text, 'The General Assembly,');
    assert.strictEqual(sourceOf(doc, doc.organ!), 'The General As sembly ,');
  });
  it('joins the words of an opening phrase, whose span covers the pieces', () => {
    assert.deepStrictEqual([pp1, op1, op2].map((p) => p.opening?.text), ['Noting with concern', 'Reaffirms its determination', 'Encourages']);
    assert.strictEqual(sourceOf(doc, op1.opening!), 'Reaffi rms its determination');
    assert.strictEqual(sourceOf(doc, pp1.opening!), 'Noting w ith concern');
  });
  it('drops spaces around a word hyphen, before a mark and before a plural s, but keeps suspended hyphens', () => {
    assert.ok(pp1.content.text.includes('the Secretary-General on nuclear-weapon-free zones and small- and medium-sized'), pp1.content.text);
    assert.ok(pp2.content.text.startsWith('Recalling its resolutions 46/182 of 19 December 1991 and country-owned and -driven'), pp2.content.text);
    assert.ok(op1.content.text.endsWith('by 2025;'), op1.content.text);
    assert.ok(op2.content.text.endsWith('calls for:'), op2.content.text);
    assert.strictEqual(op2.subparagraphs[0].content.text, 'Business-as-usual and small- and medium-sized enterprises;');
    assert.ok(op3.content.text.startsWith('Decides, taking'), op3.content.text);
  });
  it('keeps exact source ranges for citations in joined text', () => {
    const citation = doc.citations.find((c) => c.symbol === '46/182')!;
    assert.strictEqual(sourceOf(doc, citation), '46/182');
    assert.strictEqual(sourceOf(doc, citation.date!), '19 December 1991');
  });
  it('never joins two words of the vocabulary or a word with a capitalised one', () => {
    const plain = parseResolution(lines('The General Assembly,', '', '1. Decides that the matter stays;', '', '2. Urges States to act;', '', '3. Pursuant to the rules, decides to act.'));
    assert.deepStrictEqual(plain.operative.map((p) => p.content.text.split(' ').slice(0, 3).join(' ')), ['Decides that the', 'Urges States to', 'Pursuant to the']);
  });
  it('reads the real spaced forms: "Decides , taking", "Calls for :" (pypdf)', () => {
    const texts = ['A_RES_78_113.pypdf.txt', 'A_RES_79_81.pypdf.txt'].map((f) => parseResolution(real('texts', f)));
    for (const text of texts) {
      for (const p of [...text.preambular, ...text.operative]) assert.ok(!/\w [,;:](\s|$)/.test(p.content.text), p.content.text.slice(0, 80));
    }
  });
});

describe('real forms: paragraphs between blank lines, and a lost organ line (PyMuPDF)', () => {
  it('reads blank lines as paragraph breaks when a few lines keep a stray leading space (78/319)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_78_319.pymupdf.txt'));
    assert.deepStrictEqual([doc.preambular.length, doc.operative.length], [15, 16]);
    assert.deepStrictEqual(doc.preambular.slice(0, 3).map((p) => p.opening?.text), ['Recalling', 'Recalling also', 'Reaffirming']);
  });
  it('finds the preamble of a text whose organ line the extraction lost (78/225)', () => {
    const doc = parseResolution(real('bulk', 'A_RES_78_225.pymupdf.txt'));
    assert.strictEqual(doc.organ, undefined);
    assert.deepStrictEqual([doc.preambular.length, doc.operative.length], [8, 15]);
    assert.ok(doc.preambular[0].content.text.startsWith('Reaffirming its resolution 70/1 of 25 September 2015'));
    assert.ok(doc.header?.fields.some((f) => f.kind === 'title' && f.value.startsWith('Enhancing the contributions')));
  });
});
