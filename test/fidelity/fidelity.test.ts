// The fidelity suite: the parser and the checks on real texts as PDF tools give them
// (test/fixtures/real). Every labelled text must come out as its hand labels say, but for the
// few named in known.json with the reason; every adopted resolution must draw no error or
// warning but those of the reviewed allowlist (allowlist.json, each with its reason) and, while
// they are being fixed, the false alarms counted in open.json, which may only shrink.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import type { CheckContext } from '../../server/src/services/rules';
import {
  bulkFiles, evaluateAdopted, evaluateLabelled, evaluatePdf, isAdopted, isAllowed, parsePdf, parseReal, parseShipped, readAllowlist, readLabels, readPdfCounts, shippedContext,
  unexpectedCounts, wholeCorpusContext, type AdoptedResult,
} from './fidelity';

const here = path.join(__dirname, '..', '..', '..', 'test', 'fidelity');
const known = JSON.parse(readFileSync(path.join(here, 'known.json'), 'utf8')) as { labelled: Record<string, string> };
const open = JSON.parse(readFileSync(path.join(here, 'open.json'), 'utf8')) as Record<string, Record<string, number>>;

describe('fidelity: labelled real texts', () => {
  for (const label of readLabels()) {
    const reason = known.labelled[label.file];
    it(`${label.file}${reason ? ' (known miss)' : ''}`, () => {
      const result = evaluateLabelled(label, parseReal('texts', label.file));
      if (reason) {
        assert.ok(!result.exact, `${label.file} now reads exactly as labelled: remove it from test/fidelity/known.json`);
        return;
      }
      assert.deepStrictEqual({ pp: result.pp.found, op: result.op.found }, { pp: label.pp, op: label.op }, 'preambular and operative counts');
      assert.deepStrictEqual(result.subparas, [], 'sub-paragraph labels as they appear');
      assert.ok(result.lastWords.ok, `last operative paragraph opens "${result.lastWords.expected}", found "${result.lastWords.found}"`);
      assert.deepStrictEqual(result.citations.missing, [], 'every labelled dated citation, with its date and source range');
    });
  }
});

describe('fidelity: adopted resolutions draw no false alarm', function () {
  this.timeout(120_000);
  let context: CheckContext;
  let whole: CheckContext | undefined;
  const allowlist = readAllowlist();
  before(async () => {
    context = await shippedContext();
  });

  const judge = (results: AdoptedResult[]) => {
    const worse: string[] = [];
    for (const [file, byCode] of unexpectedCounts(results, allowlist)) {
      for (const [code, n] of byCode) {
        const allowed = open[file]?.[code] ?? 0;
        if (n > allowed) {
          const first = results.find((r) => r.file === file)!.problems.find((p) => p.code === code && !isAllowed(allowlist, file, p))!;
          worse.push(`${file}: ${n} × ${code} (open.json allows ${allowed}), e.g. line ${first.line}: ${first.message}`);
        }
      }
    }
    return worse;
  };

  it('the adopted resolutions among the labelled texts', () => {
    const results = readLabels()
      .filter(isAdopted)
      .map((label) => evaluateAdopted(label.file, parseReal('texts', label.file), context));
    assert.deepStrictEqual(judge(results), []);
  });

  it('637 adopted resolutions of sessions 78 and 79', () => {
    const results = bulkFiles().map((file) => evaluateAdopted(file, parseReal('bulk', file), context));
    assert.strictEqual(results.length, 637);
    assert.deepStrictEqual(judge(results), []);
  });

  it('the 12 official PDFs read by the PDF reader: the hand counts, the shape of their text forms, no false alarm', async () => {
    const results: AdoptedResult[] = [];
    const parities = [];
    for (const [file, counts] of Object.entries(readPdfCounts())) {
      const { parity, document } = await evaluatePdf(file, counts);
      parities.push(parity);
      results.push(evaluateAdopted(file, document, context));
    }
    assert.strictEqual(parities.length, 12);
    for (const parity of parities) {
      assert.deepStrictEqual({ pp: parity.pdf.pp, op: parity.pdf.op }, parity.hand, `${parity.file}: the hand counts`);
      assert.deepStrictEqual(parity.pdf, parity.text, `${parity.file}: paragraphs, footnotes and dated citations of its PyMuPDF text form`);
    }
    assert.deepStrictEqual(judge(results), []);
  });

  // As a user has it: the shipped corpus on, which knows the dates of thousands of resolutions.
  it('with the whole shipped corpus: the 637 resolutions and the adopted labelled texts', async () => {
    whole ??= await wholeCorpusContext();
    const labelled = readLabels().filter(isAdopted).map((label) => evaluateAdopted(label.file, parseShipped('texts', label.file), whole!));
    const bulk = bulkFiles().map((file) => evaluateAdopted(file, parseShipped('bulk', file), whole!));
    assert.strictEqual(bulk.length, 637);
    assert.deepStrictEqual(judge([...labelled, ...bulk]), []);
  });

  it('every allowlisted problem still occurs, and says why it is deserved', async () => {
    for (const entry of allowlist) {
      assert.ok(entry.reason.length > 20, `${entry.file}:${entry.line} gives its reason`);
      const folder = readLabels().some((l) => l.file === entry.file) ? 'texts' : 'bulk';
      if (entry.context === 'whole corpus') {
        whole ??= await wholeCorpusContext();
        const result = evaluateAdopted(entry.file, parseShipped(folder, entry.file), whole);
        assert.ok(result.problems.some((p) => p.code === entry.code && p.line === entry.line), `${entry.file}:${entry.line} ${entry.code} no longer occurs: remove it from allowlist.json`);
        continue;
      }
      const document = entry.file.endsWith('.pdf') ? (await parsePdf(entry.file)).document : parseReal(folder, entry.file);
      const result = evaluateAdopted(entry.file, document, context);
      assert.ok(result.problems.some((p) => p.code === entry.code && p.line === entry.line), `${entry.file}:${entry.line} ${entry.code} no longer occurs: remove it from allowlist.json`);
    }
  });
});
