// The PDF reader on the official PDFs of test/fixtures/real/pdf (hand counts in counts.json,
// PyMuPDF text forms in ../bulk), on a small resolution laid out by hand, and on bad files.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { readPdf, type PdfReadResult } from '../../../server/src/formats/pdf';
import { extractPages, type PdfPage } from '../../../server/src/formats/pdfExtract';
import { loadPdfJs } from '../../../server/src/formats/pdfjs';
import { composeText } from '../../../server/src/formats/pdfText';
import type { Paragraph, ResolutionDocument } from '../../../server/src/parser/model';
import { parseResolution } from '../../../server/src/parser/parse';
import { repoRoot } from '../../helpers';
import { imageOnlyPdf, placedPdf, textPdf, type Placed } from './minimalPdf';

const realDir = path.join(repoRoot, 'test', 'fixtures', 'real');
const madeDir = path.join(repoRoot, 'test', 'fixtures', 'pdf');
const counts: Record<string, { symbol: string; pages: number; pp: number; op: number }> = JSON.parse(readFileSync(path.join(realDir, 'pdf', 'counts.json'), 'utf8')).files;

const bytesOf = (file: string) => new Uint8Array(readFileSync(file));
const paragraphsOf = (doc: ResolutionDocument): Paragraph[] => [...doc.preambular, ...doc.operative];
const citationKeys = (doc: ResolutionDocument) => new Set(doc.citations.filter((c) => c.date).map((c) => `${c.kind} ${c.symbol} ${c.date!.iso}`));

function expectOk(result: PdfReadResult): Extract<PdfReadResult, { ok: true }> {
  if (!result.ok) assert.fail(`${result.kind}: ${result.problem}`);
  return result;
}

/** The page each position of a PyMuPDF text is on: its page-number lines ("2/5") open pages 2 to n. */
function pyMuPdfPages(text: string, pages: number): { text: string; pageAt: (offset: number) => number } {
  const starts: number[] = [];
  let flat = '';
  for (const line of text.split('\n')) {
    const page = new RegExp(String.raw`^\s*(\d{1,3})\/${pages}\s*$`).exec(line);
    if (page && Number(page[1]) === starts.length + 2) starts.push(flat.length);
    const words = line.replace(/\s+/g, ' ').trim();
    if (words) flat += words + ' ';
  }
  return { text: flat, pageAt: (offset) => 1 + starts.filter((start) => start < offset).length };
}

interface Reading {
  result: Extract<PdfReadResult, { ok: true }>;
  doc: ResolutionDocument;
  textForm: ResolutionDocument;
  textFormSource: string;
  pages: PdfPage[];
}

describe('PDF reader: the official PDFs', function () {
  const readings = new Map<string, Reading>();
  before(async function () {
    // Twelve files of 2 to 13 pages, read twice (the reader, and the runs for the italic checks).
    this.timeout(300_000);
    const pdfjs = await loadPdfJs();
    for (const file of Object.keys(counts)) {
      const bytes = bytesOf(path.join(realDir, 'pdf', file));
      const result = expectOk(await readPdf(bytes));
      const textFormSource = readFileSync(path.join(realDir, 'bulk', file.replace(/\.pdf$/, '.pymupdf.txt')), 'utf8');
      const extracted = await extractPages(pdfjs, bytes, { maxPages: 100, deadline: Date.now() + 120_000, cancelled: () => false }, () => undefined);
      assert.ok(extracted.ok);
      readings.set(file, { result, doc: parseResolution(result.text), textForm: parseResolution(textFormSource), textFormSource, pages: extracted.pages });
    }
  });

  for (const [file, expected] of Object.entries(counts)) {
    describe(expected.symbol, () => {
      it('reads every page, with the hand counts of preambular and operative paragraphs', () => {
        const { result, doc } = readings.get(file)!;
        assert.strictEqual(result.pages, expected.pages);
        assert.strictEqual(doc.parseError, undefined);
        assert.deepStrictEqual([doc.preambular.length, doc.operative.length], [expected.pp, expected.op]);
        assert.deepStrictEqual(
          doc.operative.map((p) => p.number),
          doc.operative.map((_, i) => i + 1),
        );
        assert.strictEqual(doc.header?.fields.find((f) => f.kind === 'symbol')?.value, expected.symbol);
      });

      it('reads as many paragraphs and footnotes as the PyMuPDF text form, where that is read right', () => {
        const { doc, textForm } = readings.get(file)!;
        assert.strictEqual(doc.preambular.length, textForm.preambular.length);
        assert.strictEqual(doc.operative.length, textForm.operative.length);
        assert.strictEqual(doc.footnotes.length, textForm.footnotes.length);
      });

      it('leaves page furniture out of every paragraph and footnote', () => {
        const { doc } = readings.get(file)!;
        const pageNumber = new RegExp(String.raw`(?<![\w/.-])\d{1,2}\/${expected.pages}(?![\w/])`);
        for (const text of [...paragraphsOf(doc).map((p) => p.content.text), ...doc.footnotes.map((f) => f.content.text)]) {
          assert.ok(!text.includes(expected.symbol), `the symbol in: ${text.slice(0, 80)}`);
          assert.doesNotMatch(text, /\b\d{2}-\d{5}\b/, 'a job number');
          assert.doesNotMatch(text, /\*\d{5,}\*/, 'a barcode');
          assert.doesNotMatch(text, /please recycle/i);
          assert.doesNotMatch(text, pageNumber, 'a page number');
        }
      });

      it('drops the running header, page and job numbers by position and repetition', () => {
        const { pages } = readings.get(file)!;
        const furniture = composeText(pages).furniture;
        const on = (page: number) => furniture.filter((line) => line.page === page).map((line) => line.text).join(' | ');
        assert.match(on(1), /\*\d{7}\*/, 'the barcode of the first page');
        for (let page = 2; page <= expected.pages; page++) {
          assert.ok(on(page).includes(expected.symbol), `the running symbol on page ${page}: ${on(page)}`);
          assert.ok(on(page).includes(`${page}/${expected.pages}`), `the page number on page ${page}: ${on(page)}`);
          assert.match(on(page), /\b\d{2}-\d{5}\b/, `the job number on page ${page}`);
        }
      });

      it('ties every footnote to its marker, as Markdown footnotes', () => {
        const { doc } = readings.get(file)!;
        const markers = new Set(doc.markers.map((m) => m.label));
        for (const footnote of doc.footnotes) assert.ok(markers.has(footnote.label), `footnote ${footnote.label} has no marker`);
        assert.ok(doc.markers.every((m) => m.style === 'markdown'));
        assert.deepStrictEqual(
          doc.footnotes.map((f) => f.label),
          doc.footnotes.map((_, i) => String(i + 1)),
        );
      });

      it('finds every dated citation the text form has', () => {
        const { doc, textForm } = readings.get(file)!;
        const found = citationKeys(doc);
        const missing = [...citationKeys(textForm)].filter((key) => !found.has(key));
        assert.deepStrictEqual(missing, []);
      });

      it('takes each opening phrase from the italics the PDF prints', () => {
        const { doc, result, pages } = readings.get(file)!;
        const runAt = (offset: number) => {
          const at = result.map.locate(offset)!;
          return pages[at.page - 1].runs.find((r) => r.x === at.x && Math.abs(r.baseline - r.ascent - at.y) < 1e-6)!;
        };
        for (const paragraph of paragraphsOf(doc)) {
          const opening = paragraph.opening!;
          assert.ok(opening, `${paragraph.kind} ${paragraph.index} has an opening phrase`);
          assert.strictEqual(doc.text.slice(opening.start - 1, opening.end + 1), `*${opening.text}*`);
          for (const word of opening.text.matchAll(/\S+/g)) assert.ok(runAt(opening.start + word.index).italic, `"${word[0]}" of "${opening.text}" is italic`);
          const after = doc.text.slice(opening.end + 1).search(/\p{L}/u) + opening.end + 1;
          assert.ok(!runAt(after).italic, `the words after "${opening.text}" are not italic`);
        }
      });

      it('maps every node (header field, paragraph, sub-paragraph, footnote, marker, citation) to boxes on the pages of the PDF', () => {
        const { doc, result } = readings.get(file)!;
        const spans: { what: string; start: number; end: number }[] = [
          ...(doc.header?.fields ?? []).map((f) => ({ what: `header ${f.kind}`, start: f.start, end: f.end })),
          ...doc.footnotes.map((f) => ({ what: `footnote ${f.label}`, start: f.start, end: f.end })),
          ...doc.markers.map((m) => ({ what: `marker ${m.label}`, start: m.start, end: m.end })),
          ...doc.citations.map((c) => ({ what: `citation ${c.symbol}`, start: c.start, end: c.end })),
        ];
        const pending: (Paragraph | Paragraph['subparagraphs'][number])[] = [...paragraphsOf(doc)];
        while (pending.length > 0) {
          const block = pending.pop()!;
          spans.push({ what: 'kind' in block ? `${block.kind} ${block.index}` : `sub-paragraph ${block.label}`, start: block.start, end: block.end });
          pending.push(...block.subparagraphs);
        }
        assert.ok(spans.length > 10);
        for (const { what, start, end } of spans) {
          const boxes = result.map.locateRange(start, end);
          assert.ok(boxes.length > 0, `${what} has no box`);
          for (const box of boxes) {
            const size = result.map.pages[box.page - 1];
            assert.ok(size && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 1 && box.y + box.height <= size.height + 1, `${what}: ${JSON.stringify(box)} on page ${box.page}`);
          }
        }
      });

      it("points each paragraph's first character at the page it is printed on", () => {
        const { doc, result, textFormSource } = readings.get(file)!;
        const textForm = pyMuPdfPages(textFormSource, expected.pages);
        let cursor = 0;
        for (const paragraph of paragraphsOf(doc)) {
          // The first words, found in order in the PyMuPDF text, whose page-number lines say the page.
          const words = paragraph.content.text.split(' ').slice(0, 4).join(' ');
          const at = textForm.text.indexOf(words, cursor);
          assert.ok(at >= 0, `"${words}" in the text form`);
          cursor = at + words.length;
          assert.strictEqual(result.map.locate(paragraph.start)?.page, textForm.pageAt(at), `${paragraph.kind} ${paragraph.index}: ${words}`);
        }
      });
    });
  }
});

describe('PDF reader: A/RES/78/319 against its hand labels (labels.json, its pypdf form)', () => {
  it('reads its sub-paragraphs, its last operative paragraph and its dated citations as labelled', async function () {
    this.timeout(60_000);
    const labels: { file: string; subparas: Record<string, string[]>; last_op_first_words: string; citations: { symbol: string; date: string }[] }[] = JSON.parse(
      readFileSync(path.join(realDir, 'labels.json'), 'utf8'),
    );
    const label = labels.find((l) => l.file === 'A_RES_78_319.pypdf.txt')!;
    const doc = parseResolution(expectOk(await readPdf(bytesOf(path.join(realDir, 'pdf', 'A_RES_78_319.pdf')))).text);
    const labelsOf = (subs: Paragraph['subparagraphs']): string[] => subs.flatMap((s) => [s.label, ...labelsOf(s.subparagraphs)]);
    const subparas = Object.fromEntries(doc.operative.filter((p) => p.subparagraphs.length > 0).map((p) => [String(p.number), labelsOf(p.subparagraphs)]));
    assert.deepStrictEqual(subparas, label.subparas);
    assert.strictEqual(doc.operative.at(-1)!.content.text.split(' ').slice(0, 6).join(' '), label.last_op_first_words);
    assert.deepStrictEqual(
      doc.citations.filter((c) => c.date && c.container === 'paragraph').map((c) => ({ symbol: c.symbol, date: c.date!.text })),
      label.citations,
    );
  });
});

describe('PDF reader: a resolution laid out by hand', () => {
  // Three pages set in Times: a two-column masthead, running headers and footers, a footnote on
  // each of the first two pages, a word hyphen and a suspended hyphen at line ends, a paragraph
  // that runs over a page break, and italic openings.
  const header = (left: string, right: string, swap = false): Placed[] => [
    { text: left, x: 72, y: 40, size: 8.5, font: 'bold' },
    { text: right, x: swap ? 480 : 400, y: 40, size: 8.5, font: 'bold' },
  ];
  const pages: Placed[][] = [
    [
      { text: 'United Nations', x: 72, y: 60, size: 14 },
      { text: 'A/RES/99/1', x: 430, y: 60 },
      { text: 'General Assembly', x: 72, y: 90, size: 20, font: 'bold' },
      { text: 'Distr.: General', x: 330, y: 90 },
      { text: '1 January 2030', x: 330, y: 102 },
      { text: 'Ninety-ninth session', x: 72, y: 200, font: 'bold' },
      { text: 'Agenda item 1', x: 72, y: 212 },
      { text: 'Resolution adopted by the General Assembly', x: 72, y: 250, size: 14, font: 'bold' },
      { text: 'on 1 January 2030', x: 72, y: 265, size: 14, font: 'bold' },
      { text: '99/1. Reading resolutions from their PDF', x: 72, y: 300, size: 12, font: 'bold' },
      { text: 'The General Assembly,', x: 96, y: 330, font: 'italic' },
      { text: 'Recalling ', x: 96, y: 348, font: 'italic' },
      { text: 'its resolution 70/1 of 25 September 2015 on the high-', x: 145, y: 348 },
      { text: 'level meeting on the financing of small-', x: 72, y: 360 },
      { text: 'and medium-sized enterprises,', x: 72, y: 372 },
      { text: '1', x: 190, y: 368.5, size: 6.5 },
      { text: 'Noting with concern ', x: 96, y: 390, font: 'italic' },
      { text: 'that the report', x: 190, y: 390 },
      { text: 'of the Secretary-General on the question remains', x: 72, y: 402 },
      { text: '__________________', x: 72, y: 700, size: 8 },
      { text: '1', x: 66, y: 712, size: 6.5 },
      { text: 'Resolution 70/2, annex.', x: 72, y: 715, size: 8 },
      { text: '30-00001 (E)', x: 72, y: 748 },
      { text: '*3000001*', x: 72, y: 762, size: 12 },
    ],
    [
      ...header('A/RES/99/1', 'Reading resolutions from their PDF'),
      { text: 'under consideration,', x: 72, y: 82 },
      { text: '1.', x: 96, y: 100 },
      { text: 'Decides ', x: 114, y: 100, font: 'italic' },
      { text: 'to remain seized of the matter;', x: 160, y: 100 },
      { text: '2.', x: 96, y: 118 },
      { text: 'Requests ', x: 114, y: 118, font: 'italic' },
      { text: 'the Secretary-General to report on it;', x: 165, y: 118 },
      { text: '2', x: 320, y: 114.5, size: 6.5 },
      { text: '__________________', x: 72, y: 700, size: 8 },
      { text: '2', x: 66, y: 712, size: 6.5 },
      { text: 'A/99/100.', x: 72, y: 715, size: 8 },
      { text: '30-00001', x: 72, y: 760, size: 7 },
      { text: '2/3', x: 540, y: 760, size: 8.5, font: 'bold' },
    ],
    [
      ...header('Reading resolutions from their PDF', 'A/RES/99/1', true),
      { text: '3.', x: 96, y: 82 },
      { text: 'Decides also ', x: 114, y: 82, font: 'italic' },
      { text: 'to continue the consideration of the question at its hundredth session.', x: 175, y: 82 },
      { text: '1st plenary meeting', x: 400, y: 110, font: 'italic' },
      { text: '1 January 2030', x: 420, y: 122, font: 'italic' },
      { text: '3/3', x: 72, y: 760, size: 8.5, font: 'bold' },
      { text: '30-00001', x: 520, y: 760, size: 7 },
    ],
  ];
  let result: Extract<PdfReadResult, { ok: true }>;
  before(async function () {
    this.timeout(60_000);
    result = expectOk(await readPdf(placedPdf(pages)));
  });

  it('writes the header by columns, then a paragraph per line, then the footnotes', () => {
    assert.strictEqual(
      result.text,
      [
        'United Nations',
        '',
        'General Assembly',
        '',
        'A/RES/99/1',
        '',
        'Distr.: General',
        '1 January 2030',
        '',
        'Ninety-ninth session',
        'Agenda item 1',
        '',
        'Resolution adopted by the General Assembly',
        'on 1 January 2030',
        '',
        '99/1. Reading resolutions from their PDF',
        '',
        'The General Assembly,',
        '',
        '*Recalling* its resolution 70/1 of 25 September 2015 on the high-level meeting on the financing of small- and medium-sized enterprises,[^1]',
        '',
        '*Noting with concern* that the report of the Secretary-General on the question remains under consideration,',
        '',
        '1. *Decides* to remain seized of the matter;',
        '',
        '2. *Requests* the Secretary-General to report on it;[^2]',
        '',
        '3. *Decides also* to continue the consideration of the question at its hundredth session.',
        '',
        '1st plenary meeting 1 January 2030',
        '',
        '[^1]: Resolution 70/2, annex.',
        '',
        '[^2]: A/99/100.',
        '',
      ].join('\n'),
    );
  });

  it('is read by the parser as printed', () => {
    const doc = parseResolution(result.text);
    assert.deepStrictEqual(
      paragraphsOf(doc).map((p) => p.opening?.text),
      ['Recalling', 'Noting with concern', 'Decides', 'Requests', 'Decides also'],
    );
    assert.deepStrictEqual(
      doc.footnotes.map((f) => [f.label, f.content.text]),
      [
        ['1', 'Resolution 70/2, annex.'],
        ['2', 'A/99/100.'],
      ],
    );
    assert.strictEqual(doc.closing?.date?.iso, '2030-01-01');
    assert.strictEqual(doc.header?.fields.find((f) => f.kind === 'symbol')?.value, 'A/RES/99/1');
  });

  it('maps every character to a box on its page', () => {
    const { map, text } = result;
    assert.deepStrictEqual(map.pages, [
      { width: 612, height: 792 },
      { width: 612, height: 792 },
      { width: 612, height: 792 },
    ]);
    for (let offset = 0; offset < text.length; offset++) assert.ok(map.locate(offset), `offset ${offset}`);
    assert.strictEqual(map.locate(text.length), undefined);
    assert.strictEqual(map.locate(-1), undefined);
    const recalling = map.locate(text.indexOf('*Recalling*'))!;
    assert.strictEqual(recalling.page, 1);
    assert.strictEqual(recalling.x, 96);
    // The box holds the baseline (348 from the top).
    assert.ok(recalling.y < 348 && recalling.y + recalling.height > 348, JSON.stringify(recalling));
    assert.strictEqual(map.locate(text.indexOf('under consideration'))!.page, 2, 'the paragraph goes on on page 2');
    assert.strictEqual(map.locate(text.indexOf('3. *Decides also*'))!.page, 3);
    assert.strictEqual(map.locate(text.indexOf('[^2]: A/99/100.'))!.page, 2, 'a footnote is where it is printed');
    const range = map.locateRange(text.indexOf('*Noting'), text.indexOf('consideration,') + 10);
    assert.deepStrictEqual([...new Set(range.map((box) => box.page))], [1, 2]);
  });
});

describe('PDF reader: furniture without a shape, and a footnote over two pages', () => {
  // Four pages of a draft: a top line that is no symbol and no number but comes back on every
  // page, "Page n" at the foot, and a footnote that runs on from page 1 to page 2.
  const page = (n: number, body: Placed[]): Placed[] => [
    { text: 'Informal draft for consultations', x: 72, y: 40, size: 8 },
    ...body,
    { text: `Page ${n}`, x: 290, y: 770, size: 8 },
  ];
  const line = (text: string, x: number, y: number): Placed => ({ text, x, y });
  const pdf = placedPdf([
    page(1, [
      { text: 'The General Assembly,', x: 96, y: 80, font: 'italic' },
      { text: 'Recalling ', x: 96, y: 98, font: 'italic' },
      line('the outcome of the Conference on the matter, held in Geneva', 145, 98),
      line('from 1 to 5 May 2029,', 72, 110),
      { text: '1', x: 160, y: 106.5, size: 6.5 },
      line('Noting the report of the Secretary-General on the matter and the', 96, 128),
      line('recommendations contained therein,', 72, 140),
      { text: '__________________', x: 72, y: 690, size: 8 },
      { text: '1', x: 66, y: 702, size: 6.5 },
      { text: 'See the Official Records of the Conference, held in Geneva from 1 to 5 May 2029, as', x: 72, y: 705, size: 8 },
      { text: 'corrected in the second edition of the records', x: 72, y: 715, size: 8 },
    ]),
    page(2, [
      line('1. Decides to remain seized of the matter and to consider it again at', 96, 80),
      line('its next session;', 72, 92),
      { text: '__________________', x: 72, y: 700, size: 8 },
      { text: '(United Nations publication, Sales No. E.29.I.1).', x: 72, y: 712, size: 8 },
    ]),
    page(3, [line('2. Requests the Secretary-General to report on the matter to the', 96, 80), line('Assembly at its next session;', 72, 92)]),
    page(4, [line('3. Decides to continue its consideration of the matter at its next', 96, 80), line('session.', 72, 92)]),
  ]);
  let text = '';
  before(async function () {
    this.timeout(60_000);
    text = expectOk(await readPdf(pdf)).text;
  });

  it('drops the line that comes back at the top of every page, and the page numbers', () => {
    assert.ok(!text.includes('Informal draft'), text);
    assert.doesNotMatch(text, /Page \d/);
  });

  it('joins the lines of a footnote that runs on over the page break', () => {
    assert.match(text, /\n\[\^1\]: See the Official Records of the Conference, held in Geneva from 1 to 5 May 2029, as corrected in the second edition of the records \(United Nations publication, Sales No\. E\.29\.I\.1\)\.\n/);
    const doc = parseResolution(text);
    assert.deepStrictEqual([doc.preambular.length, doc.operative.length, doc.footnotes.length], [2, 3, 1]);
    assert.ok(doc.markers.some((m) => m.label === '1'));
  });
});

describe('PDF reader: files it cannot read', function () {
  // Reading loads PDF.js the first time.
  this.timeout(60_000);
  const official = () => bytesOf(path.join(realDir, 'pdf', 'A_RES_78_37.pdf'));
  const problem = async (bytes: Uint8Array, options?: Parameters<typeof readPdf>[1]) => {
    const result = await readPdf(bytes, options);
    assert.ok(!result.ok, 'read');
    assert.ok(result.problem.length > 20, result.problem);
    return result.kind;
  };

  it('calls a file cut short damaged', async () => {
    const bytes = official();
    assert.strictEqual(await problem(bytes.subarray(0, Math.floor(bytes.length * 0.6))), 'damaged');
    assert.strictEqual(await problem(bytes.subarray(0, bytes.length - 200)), 'damaged');
  });

  it('calls a file with bytes missing inside damaged, not a partial text', async () => {
    const bytes = official();
    const holed = new Uint8Array([...bytes.subarray(0, Math.floor(bytes.length * 0.3)), ...bytes.subarray(Math.floor(bytes.length * 0.6))]);
    assert.strictEqual(await problem(holed), 'damaged');
  });

  it('says that a file is not a PDF', async () => {
    assert.strictEqual(await problem(new Uint8Array(0)), 'notPdf');
    assert.strictEqual(await problem(new Uint8Array(Buffer.from('The General Assembly,\n\nRecalling its resolution 70/1,\n'))), 'notPdf');
  });

  it('refuses an encrypted PDF that needs a password, and reads one that does not', async () => {
    assert.strictEqual(await problem(bytesOf(path.join(madeDir, 'encrypted-aes256.pdf'))), 'encrypted');
    const open = expectOk(await readPdf(bytesOf(path.join(madeDir, 'owner-only-aes128.pdf'))));
    assert.match(open.text, /Recalling its resolution 70\/1 of 25 September 2015,/);
  });

  it('says that a scan without a text layer has no text', async () => {
    assert.strictEqual(await problem(imageOnlyPdf(3)), 'noText');
  });

  it('stops at the page cap and at the time cap', async () => {
    assert.strictEqual(await problem(official(), { maxPages: 1 }), 'tooLarge');
    assert.strictEqual(await problem(official(), { maxBytes: 1000 }), 'tooLarge');
    assert.strictEqual(await problem(bytesOf(path.join(realDir, 'pdf', 'A_RES_78_198.pdf')), { timeoutMs: 1 }), 'timeout');
  });

  it('leaves the bytes it was given as they were', async () => {
    const bytes = textPdf([['The General Assembly,', 'Recalling everything,']]);
    const copy = bytes.slice();
    expectOk(await readPdf(bytes));
    assert.deepStrictEqual(bytes, copy);
  });
});
