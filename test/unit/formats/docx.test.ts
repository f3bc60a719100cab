// Word drafts read into resolution text: each document of test/fixtures/docx/ (built from a seed
// or a real text by scripts/fixtures/docx.mjs) parses to the structure of the text it was made
// from; Word's list numbers, footnotes and tracked changes come through; broken files give one
// typed problem.
import * as assert from 'assert';
import { AlignmentType, BuilderElement, DeletedTextRun, Document, FootnoteReferenceRun, InsertedTextRun, LevelFormat, Packer, Paragraph, SimpleField, TextRun } from 'docx';
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { readDocx, textBeforeRevisions, type DocxReadResult } from '../../../server/src/formats/docx';
import type { ResolutionDocument } from '../../../server/src/parser/model';
import { parseResolution } from '../../../server/src/parser/parse';
import { queryOf } from '../../../server/src/parser/query';
import { repoRoot } from '../../helpers';

interface ManifestEntry {
  file: string;
  source?: string;
  form: 'typed' | 'lists' | 'footnotes' | 'tracked' | 'damaged' | 'notDocx';
  footnotes?: number;
  insertions?: string[];
  deletions?: { text: string; before?: string }[];
}

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'docx');
const manifest = JSON.parse(readFileSync(path.join(fixtures, 'manifest.json'), 'utf8')) as ManifestEntry[];

/** What the tests compare: the structure a reader of the resolution sees. */
function structure(doc: ResolutionDocument) {
  const query = queryOf(doc);
  return {
    preambular: doc.preambular.length,
    operative: doc.operative.map((p) => p.number),
    subparagraphs: doc.operative.map((p) => p.subparagraphs.map((s) => s.label)),
    citations: doc.citations.map((c) => `${c.symbol} ${c.date?.text ?? ''} ${c.container}`),
    footnotes: doc.footnotes.map((f) => f.content.text.replace(/\s+/g, ' ')),
    // Which paragraph each footnote marker stands in.
    markers: doc.markers.map((m) => {
      const p = query.paragraphAt(m.start);
      return p ? `${p.kind}${p.index}` : 'outside';
    }),
  };
}

async function readFixture(file: string): Promise<DocxReadResult> {
  return readDocx(readFileSync(path.join(fixtures, file)));
}

function accepted(result: DocxReadResult): Extract<DocxReadResult, { ok: true }> {
  if (!result.ok) assert.fail(`not read: ${result.kind}: ${result.problem}`);
  return result;
}

describe('formats/docx: Word drafts read as resolution text', () => {
  for (const entry of manifest.filter((e) => e.source !== undefined)) {
    describe(`${entry.file} (${entry.form}, from ${entry.source})`, () => {
      let result: Extract<DocxReadResult, { ok: true }>;
      let source: ResolutionDocument;
      let read: ResolutionDocument;
      before(async () => {
        result = accepted(await readFixture(entry.file));
        source = parseResolution(readFileSync(path.join(repoRoot, entry.source!), 'utf8'));
        read = parseResolution(result.text);
      });

      it('parses without an internal error', () => assert.strictEqual(read.parseError, undefined));
      it('has the paragraphs, numbers, sub-paragraph labels, citations and footnotes of its source', () => {
        assert.ok(source.operative.length > 0, 'the source has operative paragraphs');
        assert.deepStrictEqual(structure(read), structure(source));
      });
      it('keeps the opening phrases of its source', () => {
        const openings = (doc: ResolutionDocument) => [...doc.preambular, ...doc.operative].map((p) => p.opening?.text);
        assert.deepStrictEqual(openings(read), openings(source));
      });

      if (entry.form === 'lists') {
        it('takes every paragraph number and sub-paragraph label from Word\'s automatic list numbering', () => {
          const labelled = source.operative.reduce((n, p) => n + 1 + p.subparagraphs.length, 0);
          assert.strictEqual(result.listLabels, labelled);
        });
      }
      if (entry.form === 'typed') {
        it('reports no list numbers and no tracked changes', () => {
          assert.strictEqual(result.listLabels, 0);
          assert.deepStrictEqual(result.revisions, { insertions: [], deletions: [] });
        });
      }
      if (entry.form === 'footnotes') {
        it('writes the Word footnotes as Markdown footnotes tied to their markers', () => {
          assert.strictEqual(result.footnotes, entry.footnotes);
          assert.ok(entry.footnotes! > 0);
          for (let n = 1; n <= entry.footnotes!; n++) {
            assert.ok(result.text.includes(`[^${n}]`) && result.text.includes(`\n[^${n}]: `), `footnote ${n}`);
          }
          assert.strictEqual(read.markers.length, source.markers.length);
          for (const marker of read.markers) assert.strictEqual(marker.style, 'markdown');
        });
      }
      if (entry.form === 'tracked') {
        it('reads the tracked changes as accepted and reports each with its place', () => {
          assert.deepStrictEqual(result.revisions.insertions.map((i) => i.text), entry.insertions);
          for (const insertion of result.revisions.insertions) assert.strictEqual(result.text.slice(insertion.start, insertion.end), insertion.text);
          assert.deepStrictEqual(result.revisions.deletions.map((d) => d.text), entry.deletions!.map((d) => d.text));
          for (const [i, deletion] of result.revisions.deletions.entries()) {
            assert.ok(!result.text.includes(deletion.text), `deleted "${deletion.text}" is not in the text`);
            const before = entry.deletions![i].before;
            if (before) assert.ok(result.text.startsWith(before, deletion.at), `"${deletion.text}" stood before "${before}"`);
            else assert.strictEqual(deletion.at, result.text.trimEnd().length, 'the deleted last paragraph stood at the end');
          }
        });
      }
    });
  }
});

describe('formats/docx: Word list numbering', () => {
  const UN = [
    { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
    { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.LEFT },
    { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)', alignment: AlignmentType.LEFT },
  ];
  const item = (text: string, level: number, instance = 1) => new Paragraph({ numbering: { reference: 'un', level, instance }, children: [new TextRun(text)] });

  async function readList(paragraphs: Paragraph[], levels = UN): Promise<string[]> {
    const doc = new Document({ numbering: { config: [{ reference: 'un', levels }] }, sections: [{ children: paragraphs }] });
    const result = accepted(await readDocx(await Packer.toBuffer(doc)));
    return result.text.trimEnd().split('\n\n');
  }

  it('numbers three levels 1., (a), (i), restarting each level under the one above', async () => {
    const lines = await readList([
      new Paragraph('The General Assembly,'),
      item('Decides:', 0),
      item('To establish:', 1),
      item('A group;', 2),
      item('A fund;', 2),
      item('To report;', 1),
      item('To stay:', 1),
      item('Seized;', 2),
      item('Requests a report.', 0),
      item('To this end.', 1),
    ]);
    assert.deepStrictEqual(lines, ['The General Assembly,', '1. Decides:', '(a) To establish:', '(i) A group;', '(ii) A fund;', '(b) To report;', '(c) To stay:', '(i) Seized;', '2. Requests a report.', '(a) To this end.']);
  });

  it('gives Word\'s default list labels (a. i.) in the form of resolutions', async () => {
    const levels = [
      { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
      { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2.', alignment: AlignmentType.LEFT },
      { level: 2, format: LevelFormat.LOWER_ROMAN, text: '%3.', alignment: AlignmentType.LEFT },
    ];
    const lines = await readList([item('Decides:', 0), item('To act;', 1), item('Now;', 2)], levels);
    assert.deepStrictEqual(lines, ['1. Decides:', '(a) To act;', '(i) Now;']);
  });

  it('counts a list started anew (an annex) from 1 again, and goes on with the first list after it', async () => {
    const lines = await readList([item('Decides;', 0), item('Requests;', 0), new Paragraph('Annex'), item('We gather;', 0, 2), item('We resolve.', 0, 2)]);
    assert.deepStrictEqual(lines, ['1. Decides;', '2. Requests;', 'Annex', '1. We gather;', '2. We resolve.']);
  });

  it('numbers paragraphs whose style carries the list, through the style they are based on', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'un', levels: UN }] },
      styles: {
        paragraphStyles: [
          { id: 'Operative', name: 'Operative Paragraph', paragraph: { numbering: { reference: 'un', level: 0 } } },
          { id: 'OperativeLast', name: 'Last Operative Paragraph', basedOn: 'Operative' },
          { id: 'Sub', name: 'Sub-paragraph', paragraph: { numbering: { reference: 'un', level: 1 } } },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('The General Assembly,'),
            new Paragraph({ style: 'Operative', text: 'Decides:' }),
            new Paragraph({ style: 'Sub', text: 'To act;' }),
            new Paragraph({ style: 'Sub', text: 'To report;' }),
            new Paragraph({ style: 'OperativeLast', text: 'Decides to remain seized of the matter.' }),
          ],
        },
      ],
    });
    const result = accepted(await readDocx(await Packer.toBuffer(doc)));
    assert.deepStrictEqual(result.text.trimEnd().split('\n\n'), ['The General Assembly,', '1. Decides:', '(a) To act;', '(b) To report;', '2. Decides to remain seized of the matter.']);
    assert.strictEqual(result.listLabels, 4);
  });

  it('writes the italic opening phrase as emphasis after the list number', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'un', levels: UN }] },
      sections: [{ children: [new Paragraph({ numbering: { reference: 'un', level: 0 }, children: [new TextRun({ text: 'Decides ', italics: true }), new TextRun('to act.')] })] }],
    });
    const result = accepted(await readDocx(await Packer.toBuffer(doc)));
    assert.strictEqual(result.text, '1. *Decides* to act.\n');
  });
});

describe('formats/docx: Word footnotes', () => {
  it('keeps Word\'s numbers for numbered footnotes and labels one with a mark of its own ("*") after them', async () => {
    const customMark = new TextRun({
      superScript: true,
      children: [new BuilderElement({ name: 'w:footnoteReference', attributes: { custom: { key: 'w:customMarkFollows', value: 1 }, id: { key: 'w:id', value: 1 } } }), '*'],
    });
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('Reissued for technical reasons.')] }, 2: { children: [new Paragraph('A/73/27.')] } },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Draft resolution'), customMark] }),
            new Paragraph('The General Assembly,'),
            new Paragraph({ children: [new TextRun('Recalling its resolution 73/27,'), new FootnoteReferenceRun(2)] }),
          ],
        },
      ],
    });
    const result = accepted(await readDocx(await Packer.toBuffer(doc)));
    assert.strictEqual(result.text, 'Draft resolution[^2]\n\nThe General Assembly,\n\nRecalling its resolution 73/27,[^1]\n\n[^1]: A/73/27.\n\n[^2]: Reissued for technical reasons.\n');
    assert.strictEqual(result.footnotes, 2);
  });
});

describe('formats/docx: tracked changes and fields', () => {
  const change = (id: number) => ({ id, author: 'Drafter', date: '2025-01-01T00:00:00Z' });

  it('drops a footnote whose reference was deleted and keeps one whose reference was inserted', async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('A/73/27.')] }, 2: { children: [new Paragraph('A/74/28.')] } },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Recalling its resolution 73/27,'), new DeletedTextRun({ ...change(1), children: [new FootnoteReferenceRun(1)] })] }),
            new Paragraph({ children: [new TextRun('Recalling also its resolution 74/28,'), new InsertedTextRun({ ...change(2), children: [new FootnoteReferenceRun(2)] })] }),
          ],
        },
      ],
    });
    const result = accepted(await readDocx(await Packer.toBuffer(doc)));
    assert.strictEqual(result.text, 'Recalling its resolution 73/27,\n\nRecalling also its resolution 74/28,[^1]\n\n[^1]: A/74/28.\n');
    assert.deepStrictEqual(result.revisions.insertions.map((i) => result.text.slice(i.start, i.end)), ['[^1]']);
    assert.strictEqual(result.footnotes, 1);
  });

  it('reads the result of a simple field as text', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Recalling its resolution '), new SimpleField('REF resolution', '73/27'), new TextRun(',')] })] }] });
    const result = accepted(await readDocx(await Packer.toBuffer(doc)));
    assert.strictEqual(result.text, 'Recalling its resolution 73/27,\n');
  });
});

describe('formats/docx: files that are not Word documents, or are broken', () => {
  const problem = async (bytes: Uint8Array, kind: string, options = {}) => {
    const result = await readDocx(bytes, options);
    assert.strictEqual(result.ok, false);
    if (result.ok) return;
    assert.strictEqual(result.kind, kind, result.problem);
    assert.match(result.problem, /^The /);
  };
  const seed004 = () => readFileSync(path.join(fixtures, 'seed-004.docx'));

  it('says a document cut short is damaged', async () => {
    await problem(readFileSync(path.join(fixtures, 'damaged.docx')), 'damaged');
  });
  it('says a text file named .docx is not a Word document, without quoting it', async () => {
    const result = await readFixture('not-a-docx.docx');
    assert.ok(!result.ok && result.kind === 'notDocx');
    assert.ok(!result.ok && !result.problem.includes('Assembly'));
  });
  it('says so of an empty file and of random bytes', async () => {
    await problem(new Uint8Array(0), 'notDocx');
    await problem(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), 'notDocx');
  });
  it('says a zip archive without a Word document in it is not one', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    await problem(await zip.generateAsync({ type: 'uint8array' }), 'notDocx');
  });
  it('tells an encrypted document from an old binary .doc by the compound file\'s stream names', async () => {
    const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const ole = (name: string) => Uint8Array.from([...header, ...new Uint8Array(504), ...Buffer.from(name, 'utf16le')]);
    await problem(ole('EncryptedPackage'), 'encrypted');
    await problem(ole('WordDocument'), 'notDocx');
  });
  it('refuses a file or an unpacked document over the limits', async () => {
    await problem(seed004(), 'tooLarge', { maxBytes: 1000 });
    await problem(seed004(), 'tooLarge', { maxUnpackedBytes: 1000 });
  });
  it('answers for a document nested deeper than the reader can follow, without throwing', async function () {
    // Unwinding a stack overflow takes a second or so on a busy machine.
    this.timeout(30_000);
    const zip = await JSZip.loadAsync(seed004());
    const xml = await zip.file('word/document.xml')!.async('string');
    const depth = 5_000;
    zip.file('word/document.xml', xml.replace('<w:body>', `<w:body>${'<w:sdt><w:sdtContent>'.repeat(depth)}`).replace('</w:body>', `${'</w:sdtContent></w:sdt>'.repeat(depth)}</w:body>`));
    const result = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    if (result.ok) assert.ok(result.text.includes('The General Assembly,'));
    else assert.deepStrictEqual([result.kind, result.problem], ['damaged', 'The Word document is damaged: its parts are nested too deeply to read.']);
  });
  it('says a document whose main part is not well-formed XML is damaged, without quoting it', async () => {
    const zip = await JSZip.loadAsync(seed004());
    zip.file('word/document.xml', '<w:document><w:body><w:p>');
    await problem(await zip.generateAsync({ type: 'uint8array' }), 'damaged');
    const result = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    assert.ok(!result.ok && /well-formed XML/.test(result.problem) && !result.problem.includes('<'));
  });
});

describe('formats/docx: the text before tracked changes', () => {
  // The edits scripts/fixtures/docx.mjs made to seed 004 for seed-004.tracked.docx.
  const edits = [
    { paragraph: 'Noting that the dissemination', inserted: 'entire ' },
    { paragraph: '3. *Requests*', before: 'to continue', deleted: 'urgently ' },
    { paragraph: '4. *Requests*', inserted: 'through existing resources and ' },
  ];
  const deletedParagraph = '7. *Decides* to remain seized of the matter.';

  it('takes out what seed-004.tracked.docx inserted and puts back what it deleted, where the generator put them', async () => {
    const result = accepted(await readFixture('seed-004.tracked.docx'));
    const lines = result.text.split('\n').map((line) => {
      const edit = edits.find((e) => line.trimStart().startsWith(e.paragraph));
      if (!edit) return line;
      assert.ok(line.includes(edit.inserted ?? edit.before!), edit.paragraph);
      return edit.inserted ? line.replace(edit.inserted, '') : line.replace(edit.before!, edit.deleted! + edit.before!);
    });
    const trimmed = lines.join('\n').trimEnd();
    const expected = `${trimmed}\n\n${deletedParagraph}` + lines.join('\n').slice(trimmed.length);
    assert.strictEqual(textBeforeRevisions(result.text, result.revisions), expected);
  });

  it('is the text itself when nothing was tracked; a deletion right after an insertion stands where the insertion was', () => {
    assert.strictEqual(textBeforeRevisions('abc\n', { insertions: [], deletions: [] }), 'abc\n');
    const revisions = { insertions: [{ text: 'new', start: 4, end: 7 }], deletions: [{ text: 'Once ', at: 0 }, { text: 'old', at: 7 }] };
    assert.strictEqual(textBeforeRevisions('The new words here.\n', revisions), 'Once The old words here.\n');
  });
});
