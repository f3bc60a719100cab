// Document files (PDFs) read by path, as the corpus, the command line and the editor's
// resolution view read them: one message naming the file, never quoting it, for what cannot be
// read; the corpus load goes on past it.
import * as assert from 'assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { readDocumentFile, readDocumentText } from '../../../server/src/corpus/documentFiles';
import { loadCorpus } from '../../../server/src/corpus/corpusLoader';
import { repoRoot } from '../../helpers';
import { imageOnlyPdf } from '../formats/minimalPdf';

const pdfDir = path.join(repoRoot, 'test', 'fixtures', 'real', 'pdf');
const madeDir = path.join(repoRoot, 'test', 'fixtures', 'pdf');

describe('document files: PDFs read by path', function () {
  this.timeout(120_000);
  let root: string;
  let corpus: string;
  const official = path.join(pdfDir, 'A_RES_78_37.pdf');

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'unres-documents-'));
    corpus = path.join(root, 'corpus');
    mkdirSync(corpus);
    copyFileSync(official, path.join(corpus, 'A_RES_78_37.PDF'));
    copyFileSync(path.join(pdfDir, 'A_RES_78_295.pdf'), path.join(corpus, 'A_RES_78_295.pdf'));
    const bytes = readFileSync(official);
    writeFileSync(path.join(corpus, 'cut.pdf'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    copyFileSync(path.join(madeDir, 'encrypted-aes256.pdf'), path.join(corpus, 'locked.pdf'));
    writeFileSync(path.join(corpus, 'scan.pdf'), imageOnlyPdf(2));
    writeFileSync(path.join(corpus, 'words.pdf'), 'The General Assembly, Recalling its resolution 70/1, not a PDF at all');
    mkdirSync(path.join(corpus, 'folder.pdf'));
    writeFileSync(path.join(corpus, 'draft.txt'), 'A/RES/76/19\n\nThe General Assembly,\n\nRecalling its resolution 73/27 of 5 December 2018,\n\n1. Decides to remain seized of the matter.\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads a PDF into text with its format, pages and map', async () => {
    const read = await readDocumentFile(official);
    if (!read.ok) assert.fail(read.problem);
    assert.strictEqual(read.format, 'PDF');
    assert.strictEqual(read.pages, 2);
    assert.strictEqual(read.map?.locate(0)?.page, 1);
  });

  it('names the file and says why, never quoting it, for a PDF cut short, encrypted, scanned, not a PDF, a folder or missing', async () => {
    const expected: Record<string, RegExp> = {
      'cut.pdf': /cut short/,
      'locked.pdf': /encrypted with a password/,
      'scan.pdf': /scan without a text layer/,
      'words.pdf': /not a PDF/,
      'folder.pdf': /is a folder/,
      'missing.pdf': /does not exist/,
    };
    for (const [name, reason] of Object.entries(expected)) {
      const file = path.join(corpus, name);
      const read = await readDocumentFile(file);
      assert.ok(!read.ok, name);
      assert.ok(read.problem.startsWith(file), read.problem);
      assert.match(read.problem, reason);
      assert.doesNotMatch(read.problem, /General Assembly|Recalling/);
    }
  });

  it('loads the PDFs of a corpus folder beside its texts, with the symbol their header gives, and one problem for each it cannot read', async () => {
    const loaded = await loadCorpus({ folders: [corpus], catalogues: [] });
    assert.deepStrictEqual(loaded.documents.map(({ document }) => document.symbol).sort(), ['76/19', '78/295', '78/37']);
    const pdf = loaded.documents.find(({ document }) => document.uri.endsWith('A_RES_78_295.pdf'))!.document;
    // Parsed again on demand from the text it was read into, never from the PDF's bytes as text.
    const model = pdf.parsed()!.model;
    assert.deepStrictEqual([model.preambular.length, model.operative.length], [5, 7]);
    const problems = loaded.problems.map((p) => p.message).sort();
    // folder.pdf is a folder, walked like any other.
    assert.strictEqual(problems.length, 4, problems.join('\n'));
    for (const name of ['cut.pdf', 'locked.pdf', 'scan.pdf', 'words.pdf']) {
      assert.strictEqual(problems.filter((m) => m.includes(path.join(corpus, name))).length, 1, `${name}: ${problems.join('\n')}`);
    }
    for (const message of problems) {
      assert.doesNotMatch(message, /General Assembly|Recalling/);
      assert.match(message, /[^.]; skipped$/);
    }
  });

  it('answers unres/documentText for a file URI, says notDocument for a text file, and refuses other schemes', async () => {
    const answer = await readDocumentText({ uri: pathToFileURL(official).toString() });
    assert.ok('text' in answer, JSON.stringify(answer));
    assert.deepStrictEqual([answer.format, answer.pages], ['PDF', 2]);
    const text = await readDocumentText({ uri: pathToFileURL(path.join(corpus, 'draft.txt')).toString() });
    assert.ok('error' in text && text.notDocument === true);
    const remote = await readDocumentText({ uri: 'https://undocs.org/A/RES/78/37.pdf' });
    assert.ok('error' in remote && !remote.notDocument);
    const bad = await readDocumentText(undefined as never);
    assert.ok('error' in bad);
    const cut = await readDocumentText({ uri: pathToFileURL(path.join(corpus, 'cut.pdf')).toString() });
    assert.ok('error' in cut && /cut short/.test(cut.error));
  });
});
