// The table of document formats: which files it claims by name, and that reading through it
// answers with text and a page map, or with one problem, whatever the reader does.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { DOCUMENT_FORMATS, documentFormatOf, readDocumentBytes, type DocumentFormat } from '../../../server/src/formats/documentFile';
import { parseResolution } from '../../../server/src/parser/parse';
import { repoRoot } from '../../helpers';
import { imageOnlyPdf } from './minimalPdf';

const pdfDir = path.join(repoRoot, 'test', 'fixtures', 'real', 'pdf');

describe('document formats: the table', function () {
  this.timeout(60_000);

  it('claims PDFs by their name ending, in any case, and leaves text files to the text readers', () => {
    assert.strictEqual(documentFormatOf('drafts/A_RES_78_37.pdf')?.name, 'PDF');
    assert.strictEqual(documentFormatOf('C:\\Drafts\\L.27.PDF')?.name, 'PDF');
    for (const file of ['draft.txt', 'draft.md', 'draft.unres', 'draft.pdf.txt', 'pdf', 'notes.pdfx']) assert.strictEqual(documentFormatOf(file), undefined, file);
  });

  it('claims Word drafts (.docx) and reads one through the table into the text of the draft it was made from', async () => {
    assert.strictEqual(documentFormatOf('Drafts/L.27 rev.DOCX')?.name, 'Word');
    assert.strictEqual(documentFormatOf('draft.doc'), undefined);
    const result = await readDocumentBytes(documentFormatOf('x.docx')!, readFileSync(path.join(repoRoot, 'test', 'fixtures', 'docx', 'seed-004.lists.docx')));
    if (!result.ok) assert.fail(result.problem);
    const fromWord = parseResolution(result.text);
    const fromText = parseResolution(readFileSync(path.join(repoRoot, 'corpus', '004_f1b1830bc3def63f.txt'), 'utf8'));
    assert.deepStrictEqual([fromWord.preambular.length, fromWord.operative.length], [fromText.preambular.length, fromText.operative.length]);
    assert.ok(fromWord.operative.length > 0);
  });

  it('gives each format a name, lower-case endings with their dot, and a size cap', () => {
    const endings = DOCUMENT_FORMATS.flatMap((format) => format.extensions);
    assert.strictEqual(new Set(endings).size, endings.length);
    for (const format of DOCUMENT_FORMATS) {
      assert.ok(format.name && format.maxBytes > 0);
      for (const extension of format.extensions) assert.match(extension, /^\.[a-z0-9]+$/);
    }
  });

  it('reads an official PDF (as a Node Buffer) into resolution text with the page of every offset', async () => {
    const result = await readDocumentBytes(documentFormatOf('x.pdf')!, readFileSync(path.join(pdfDir, 'A_RES_78_37.pdf')));
    if (!result.ok) assert.fail(result.problem);
    assert.strictEqual(result.pages, 2);
    assert.match(result.text, /^The General Assembly,$/m);
    const pages = new Set<number>();
    for (let offset = 0; offset < result.text.length; offset++) pages.add(result.map!.locate(offset)!.page);
    assert.deepStrictEqual([...pages].sort(), [1, 2]);
    assert.strictEqual(result.map!.locate(result.text.length), undefined);
  });

  it('answers a scan without a text layer with one problem', async () => {
    const result = await readDocumentBytes(documentFormatOf('scan.pdf')!, imageOnlyPdf(2));
    assert.ok(!result.ok);
    assert.match(result.problem, /no text to read/);
  });

  it('turns a reader that throws into a problem naming the format', async () => {
    const broken: DocumentFormat = { name: 'Broken', extensions: ['.broken'], maxBytes: 10, read: () => Promise.reject(new Error('secret words')) };
    const result = await readDocumentBytes(broken, new Uint8Array(1));
    assert.deepStrictEqual(result, { ok: false, problem: 'The Broken file could not be read.' });
  });
});
