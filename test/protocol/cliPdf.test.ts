// The `unres` command line on the official PDFs of test/fixtures/real/pdf, run as a user runs it
// (the bundle, so PDF.js as shipped): outline and check say the page, compare reads a PDF against
// its text form, a --corpus folder of PDFs answers lookup, a damaged PDF is exit status 2.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { assertGolden, repoRoot } from '../helpers';

const bin = path.join(repoRoot, 'server', 'bin', 'unres.js');
const PDF_150 = 'test/fixtures/real/pdf/A_RES_78_150.pdf';
const TEXT_150 = 'test/fixtures/real/bulk/A_RES_78_150.pymupdf.txt';
const PDF_37 = 'test/fixtures/real/pdf/A_RES_78_37.pdf';

const SEED_004 = 'corpus/004_f1b1830bc3def63f.txt';
const WORD_004 = 'test/fixtures/docx/seed-004.lists.docx';
const WORD_TRACKED = 'test/fixtures/docx/seed-004.tracked.docx';

/** The command line's default cache folder for this run: never the user's own. */
const cacheHome = mkdtempSync(path.join(tmpdir(), 'unres-cli-pdf-cache-'));
after(() => rmSync(cacheHome, { recursive: true, force: true }));

function unres(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: unres on PDFs', function () {
  this.timeout(60_000);
  let temp: string;
  before(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'unres-cli-pdf-'));
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('outline: the hand counts, each row with the page it starts on (golden)', () => {
    const run = unres('outline', PDF_150);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.strictEqual(run.stderr, '');
    assert.match(run.stdout, / {2}p\. 1 {6}Symbol: A\/RES\/78\/150\n/);
    assert.match(run.stdout, /Preamble \(11 paragraphs\)/);
    assert.match(run.stdout, /Operative part \(9 paragraphs\)/);
    assert.match(run.stdout, / {2}p\. 2 {6}PP6 Reaffirming also /);
    assert.match(run.stdout, / {2}p\. 3 {6}OP9 Requests the Secretary-General /);
    assertGolden('cli/outline-pdf.txt', run.stdout);
  });

  it('check: every problem with its page, in text and JSON', () => {
    const text = unres('check', PDF_37);
    assert.strictEqual(text.status, 0, text.stderr);
    const lines = text.stdout.trimEnd().split('\n');
    assert.match(lines.at(-1)!, /^1 file checked: /);
    assert.ok(lines.length > 1);
    for (const line of lines.slice(0, -1)) assert.match(line, /^test\/fixtures\/real\/pdf\/A_RES_78_37\.pdf:\d+:\d+ \w+ .+ \[unres\.\w+\] \(page [12]\)$/);
    const json = JSON.parse(unres('check', '--format', 'json', PDF_37).stdout) as { files: { problems: { page?: number }[] }[] };
    assert.ok(json.files[0].problems.length > 0 && json.files[0].problems.every((p) => p.page === 1 || p.page === 2));
  });

  it('compare: the PDF against its PyMuPDF text form, no textual change', () => {
    const run = unres('compare', TEXT_150, PDF_150);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Old: .*A_RES_78_150\.pymupdf\.txt \(A\/RES\/78\/150\)\nNew: .*A_RES_78_150\.pdf \(A\/RES\/78\/150\)\nNo textual change \(23 paragraphs unchanged\)\.\n/);
  });

  it('compare: a Word draft whose numbers and labels come from Word automatic lists against the text it was made from, no textual change', () => {
    const run = unres('compare', SEED_004, WORD_004);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /\nNo textual change \(\d+ paragraphs unchanged\)\.\n/);
  });

  it('outline: a Word draft with tracked changes reads as accepted, with the operative paragraphs of its text', () => {
    const word = unres('outline', WORD_TRACKED);
    const text = unres('outline', SEED_004);
    assert.strictEqual(word.status, 0, word.stderr);
    const operative = (out: string) => out.split('\n').filter((line) => /\sOP\d+ /.test(line)).length;
    assert.ok(operative(text.stdout) > 0);
    assert.strictEqual(operative(word.stdout), operative(text.stdout));
  });

  it('lookup: a --corpus folder of PDFs, with a damaged one that is a warning naming it', () => {
    const folder = mkdtempSync(path.join(temp, 'corpus-'));
    copyFileSync(path.join(repoRoot, PDF_150), path.join(folder, 'A_RES_78_150.pdf'));
    const bytes = readFileSync(path.join(repoRoot, PDF_37));
    writeFileSync(path.join(folder, 'cut.pdf'), bytes.subarray(0, bytes.length >> 1));
    const run = unres('lookup', '--no-shipped-corpus', '--corpus', folder, '78/150');
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Title +Achieving gender equality and empowering all women and girls/m);
    assert.match(run.stdout, /^Corpus text +.*A_RES_78_150\.pdf \(its own text\)$/m);
    assert.strictEqual(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /^unres: warning: .*cut\.pdf: The PDF is damaged: it is cut short .*; skipped\n$/);
  });

  it('a damaged or textless PDF: exit status 2, one line naming it', () => {
    const bytes = readFileSync(path.join(repoRoot, PDF_37));
    const cut = path.join(temp, 'cut.pdf');
    writeFileSync(cut, bytes.subarray(0, bytes.length >> 1));
    for (const command of [['outline', cut], ['check', cut], ['compare', cut, PDF_37]]) {
      const run = unres(...command);
      assert.strictEqual(run.status, 2, command.join(' '));
      assert.match(run.stderr, new RegExp(`^unres: ${cut.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: The PDF is damaged: it is cut short`));
    }
  });
});
