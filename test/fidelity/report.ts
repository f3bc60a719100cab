// `npm run fidelity`: a table per labelled text (expected vs found, and why a text misses) and
// the errors and warnings on every adopted resolution, with totals.
//   node scripts/fidelity.mjs [--problems] [--file NAME] [--write-open] [--seeds-only]
// --seeds-only leaves out the pass with the whole shipped corpus (half a minute of loading).
// --write-open rewrites test/fidelity/open.json, the false alarms not fixed yet that the fidelity
// suite tolerates: review the diff, it must only ever shrink.
import { writeFileSync } from 'fs';
import * as path from 'path';
import {
  bulkFiles, evaluateAdopted, evaluateLabelled, evaluatePdf, isAdopted, isAllowed, parseReal, parseShipped, readAllowlist, readLabels, readPdfCounts, shippedContext,
  unexpectedCounts, wholeCorpusContext, type AdoptedResult, type LabelledResult, type PdfParity, type Shape,
} from './fidelity';

function pad(text: string, width: number): string {
  return text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length);
}

function why(result: LabelledResult): string {
  const reasons: string[] = [];
  if (result.pp.expected !== result.pp.found) reasons.push(`PP ${result.pp.found} (expected ${result.pp.expected})`);
  if (result.op.expected !== result.op.found) reasons.push(`OP ${result.op.found} (expected ${result.op.expected})`);
  for (const sub of result.subparas) reasons.push(`OP${sub.op} labels [${sub.found.join(' ')}] expected [${sub.expected.join(' ')}]`);
  if (!result.lastWords.ok) reasons.push(`last OP "${result.lastWords.found}" expected "${result.lastWords.expected}"`);
  if (result.citations.missing.length) reasons.push(`citations missing: ${result.citations.missing.join('; ')}`);
  return reasons.join(' · ');
}

export async function main(argv: string[]): Promise<void> {
  const showProblems = argv.includes('--problems');
  const fileAt = argv.indexOf('--file');
  const only = fileAt >= 0 ? argv[fileAt + 1] : undefined;
  const context = await shippedContext();
  const allowlist = readAllowlist();

  const labels = readLabels().filter((l) => !only || l.file === only);
  const labelled: LabelledResult[] = [];
  const adopted: AdoptedResult[] = [];
  console.log(`\nLabelled texts (${labels.length})\n`);
  console.log(`${pad('file', 38)} ${pad('form', 17)} ${pad('PP', 7)} ${pad('OP', 7)} ${pad('cit', 7)} result`);
  for (const label of labels) {
    const document = parseReal('texts', label.file);
    const result = evaluateLabelled(label, document);
    labelled.push(result);
    const cell = (found: number, expected: number) => (found === expected ? `${found}` : `${found}/${expected}`);
    console.log(
      `${pad(label.file, 38)} ${pad(label.form.split(' ')[0], 17)} ${pad(cell(result.pp.found, result.pp.expected), 7)} ${pad(cell(result.op.found, result.op.expected), 7)} ${pad(cell(result.citations.found, result.citations.expected), 7)} ${result.exact ? 'exact' : why(result)}`,
    );
    if (isAdopted(label)) adopted.push(evaluateAdopted(label.file, document, context));
  }
  const bulk = only ? bulkFiles().filter((f) => f === only) : bulkFiles();
  for (const file of bulk) adopted.push(evaluateAdopted(file, parseReal('bulk', file), context));

  // The official PDFs, read by the PDF reader: hand counts, and parity with their text forms.
  const pdfs = Object.entries(readPdfCounts()).filter(([file]) => !only || file === only);
  const parities: PdfParity[] = [];
  if (pdfs.length) {
    console.log(`\nOfficial PDFs read by the PDF reader (${pdfs.length}): PP, OP, footnotes and dated citations from the PDF / from its PyMuPDF text form (hand counts of PP and OP)\n`);
    console.log(`${pad('file', 20)} ${pad('pages', 6)} ${pad('read', 9)} ${pad('PP', 12)} ${pad('OP', 12)} ${pad('notes', 8)} ${pad('cit', 8)} result`);
  }
  for (const [file, counts] of pdfs) {
    const { parity, document } = await evaluatePdf(file, counts);
    parities.push(parity);
    adopted.push(evaluateAdopted(file, document, context));
    const pair = (key: keyof Shape, hand?: number) => `${parity.pdf[key]}/${parity.text[key]}${hand === undefined ? '' : ` (${hand})`}`;
    const differs = (['pp', 'op', 'footnotes', 'citations'] as const).filter((key) => parity.pdf[key] !== parity.text[key]);
    const offHand = parity.pdf.pp !== parity.hand.pp || parity.pdf.op !== parity.hand.op;
    const result = offHand ? 'PDF off the hand counts' : differs.length ? `text form differs: ${differs.join(', ')}` : 'same';
    console.log(
      `${pad(file.replace(/\.pdf$/, ''), 20)} ${pad(String(parity.pages), 6)} ${pad(`${Math.round(parity.ms)} ms`, 9)} ${pad(pair('pp', parity.hand.pp), 12)} ${pad(pair('op', parity.hand.op), 12)} ${pad(pair('footnotes'), 8)} ${pad(pair('citations'), 8)} ${result}`,
    );
  }

  const byCode = new Map<string, number>();
  let total = 0;
  let allowed = 0;
  let clean = 0;
  for (const result of adopted) {
    const unexpected = result.problems.filter((p) => !isAllowed(allowlist, result.file, p));
    allowed += result.problems.length - unexpected.length;
    total += unexpected.length;
    if (unexpected.length === 0) clean++;
    for (const problem of unexpected) byCode.set(problem.code, (byCode.get(problem.code) ?? 0) + 1);
    if (showProblems) for (const p of unexpected) console.log(`${result.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.code}]`);
  }

  const counts = labelled.filter((r) => r.pp.found === r.pp.expected && r.op.found === r.op.expected).length;
  const exact = labelled.filter((r) => r.exact).length;
  const citationsExpected = labelled.reduce((n, r) => n + r.citations.expected, 0);
  const citationsFound = labelled.reduce((n, r) => n + r.citations.found, 0);
  const subOk = labelled.filter((r) => r.subparas.length === 0).length;
  const lastOk = labelled.filter((r) => r.lastWords.ok).length;
  console.log(`\nAdopted resolutions (${adopted.length}): errors and warnings by code, allowlisted ones apart\n`);
  for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) console.log(`  ${pad(code, 32)} ${n}`);
  console.log('\nTotals');
  console.log(`  exact PP and OP counts        ${counts} / ${labelled.length}`);
  console.log(`  sub-paragraph labels exact    ${subOk} / ${labelled.length}`);
  console.log(`  last operative words          ${lastOk} / ${labelled.length}`);
  console.log(`  dated citations found         ${citationsFound} / ${citationsExpected}`);
  console.log(`  texts exact on every measure  ${exact} / ${labelled.length}`);
  if (parities.length) {
    const handOk = parities.filter((p) => p.pdf.pp === p.hand.pp && p.pdf.op === p.hand.op).length;
    const textHandOk = parities.filter((p) => p.text.pp === p.hand.pp && p.text.op === p.hand.op).length;
    const same = parities.filter((p) => p.pdf.pp === p.text.pp && p.pdf.op === p.text.op).length;
    const sum = (shape: 'pdf' | 'text', key: keyof Shape) => parities.reduce((n, p) => n + p[shape][key], 0);
    console.log(`  PDFs with the hand PP and OP counts   ${handOk} / ${parities.length} (their PyMuPDF text forms: ${textHandOk} / ${parities.length})`);
    console.log(`  PDFs with the PP and OP of their text form  ${same} / ${parities.length}`);
    console.log(`  footnotes from the PDFs / text forms  ${sum('pdf', 'footnotes')} / ${sum('text', 'footnotes')}; dated citations ${sum('pdf', 'citations')} / ${sum('text', 'citations')}`);
  }
  console.log(`  adopted texts with no unexpected error or warning  ${clean} / ${adopted.length}`);
  console.log(`  unexpected errors and warnings ${total} (allowlisted: ${allowed}; budget ${Math.floor(adopted.length / 20)})`);
  // The same text forms again with what a fresh install knows: the whole shipped corpus.
  if (!argv.includes('--seeds-only')) {
    const whole = await wholeCorpusContext();
    const again = [
      ...labels.filter(isAdopted).map((label) => evaluateAdopted(label.file, parseShipped('texts', label.file), whole)),
      ...bulk.map((file) => evaluateAdopted(file, parseShipped('bulk', file), whole)),
    ];
    const unexpected = again.flatMap((result) => result.problems.filter((p) => !isAllowed(allowlist, result.file, p)).map((p) => ({ file: result.file, ...p })));
    const allowedWhole = again.reduce((n, result) => n + result.problems.length, 0) - unexpected.length;
    if (showProblems) for (const p of unexpected) console.log(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.code}] (whole corpus)`);
    console.log(`  with the whole shipped corpus: texts with no unexpected error or warning  ${again.length - new Set(unexpected.map((p) => p.file)).size} / ${again.length}; unexpected ${unexpected.length} (allowlisted: ${allowedWhole})`);
  }
  if (argv.includes('--write-open') && !only) {
    const open: Record<string, Record<string, number>> = {};
    for (const [file, byCode] of unexpectedCounts(adopted, allowlist)) open[file] = Object.fromEntries(byCode);
    const file = path.join(__dirname, '..', '..', '..', 'test', 'fidelity', 'open.json');
    writeFileSync(file, JSON.stringify(open, null, 1) + '\n');
    console.log(`  wrote ${path.relative(process.cwd(), file)} (${Object.keys(open).length} files)`);
  }
}
