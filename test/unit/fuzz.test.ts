// A fixed fuzz run on every `npm test`: the engine of `npm run fuzz` (test/fuzz/engine.ts) on a
// fixed seed, so that a regression any of its cases reaches fails here, and the checkers the
// engine adds to invariants.ts, each shown to catch what it is for.
//
// Strict: no violation is allowed. Time is not asserted here (a unit test does not time code):
// slow cases are the business of `npm run fuzz` and the bench's pathological section. A failure
// prints each kind with its case's replay command (`npm run fuzz -- --seed … --case N --max-size …`), which also writes the
// shrunk document to fuzz-failures/.
import * as assert from 'assert';
import type { CodeAction, CompletionItem } from 'vscode-languageserver-types';
import { checkDocument, formatReport, hex, loadFuzzContext, makeCase, runFuzz, type FuzzContext } from '../fuzz/engine';
import { fuzzMutate, Random } from '../fuzz/mutations';
import { shrinkText } from '../fuzz/shrink';
import { checkCodeActions, checkCompletions, checkHover, checkRangeIn, lspText } from './invariants';

const SEED = 0x5eedf022;
const CASES = 200;
/** Small enough for 200 cases in about ten seconds; `npm run fuzz` goes to a megabyte. */
const MAX_SIZE = 40_000;
/** No case counts as slow in the unit suite. */
const SLOW_MS = Number.POSITIVE_INFINITY;

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('fuzz: the checkers', () => {
  it('a range may not split a surrogate pair or a CRLF', () => {
    const doc = lspText('a😀b\r\nc');
    assert.deepStrictEqual(codes(checkRangeIn(range(0, 1, 0, 3), doc, 'r')), []);
    assert.deepStrictEqual(codes(checkRangeIn(range(0, 2, 0, 3), doc, 'r')), ['position.splitsSurrogatePair']);
    assert.deepStrictEqual(codes(checkRangeIn(range(0, 0, 0, 5), doc, 'r')), ['position.splitsCrlf']);
    assert.deepStrictEqual(codes(checkRangeIn(range(0, 0, 0, 6), doc, 'r')), ['position.character']);
  });

  it('a completion edit is one line holding the cursor, read at the line end when the cursor is past it', () => {
    const doc = lspText('1. Decides\n2. Re');
    const item = (r: ReturnType<typeof range>, extra?: ReturnType<typeof range>): CompletionItem => ({
      label: 'Requests',
      textEdit: { range: r, newText: 'Requests' },
      additionalTextEdits: extra ? [{ range: extra, newText: '' }] : undefined,
    });
    assert.deepStrictEqual(codes(checkCompletions([item(range(1, 3, 1, 5))], { line: 1, character: 5 }, doc)), []);
    assert.deepStrictEqual(codes(checkCompletions([item(range(1, 3, 1, 5))], { line: 1, character: 9 }, doc)), []);
    assert.deepStrictEqual(codes(checkCompletions([item(range(0, 3, 1, 5))], { line: 1, character: 5 }, doc)), ['completion.multiline']);
    assert.deepStrictEqual(codes(checkCompletions([item(range(1, 3, 1, 4))], { line: 1, character: 5 }, doc)), ['completion.notAtCursor']);
    assert.deepStrictEqual(codes(checkCompletions([item(range(0, 0, 0, 1))], { line: 1, character: 5 }, doc)), ['completion.otherLine']);
    assert.deepStrictEqual(codes(checkCompletions([item(range(1, 3, 1, 5), range(1, 0, 1, 4))], { line: 1, character: 5 }, doc)), ['completion.additionalOverlaps']);
    assert.deepStrictEqual(codes(checkCompletions([item(range(1, 3, 1, 5), range(0, 0, 0, 2))], { line: 1, character: 5 }, doc)), []);
  });

  it('the edits of one code action do not overlap; insertions at one place do not count', () => {
    const doc = lspText('1. Decides;\n2. Requests.');
    const action = (...edits: ReturnType<typeof range>[]): CodeAction => ({ title: 'Fix', edit: { changes: { 'untitled:x': edits.map((r) => ({ range: r, newText: 'x' })) } } });
    assert.deepStrictEqual(codes(checkCodeActions([action(range(0, 0, 0, 2), range(1, 0, 1, 2))], 'untitled:x', doc)), []);
    assert.deepStrictEqual(codes(checkCodeActions([action(range(0, 0, 0, 0), range(0, 0, 0, 0))], 'untitled:x', doc)), []);
    assert.deepStrictEqual(codes(checkCodeActions([action(range(0, 0, 0, 5), range(0, 3, 0, 8))], 'untitled:x', doc)), ['action.overlap']);
    assert.deepStrictEqual(codes(checkCodeActions([action(range(0, 0, 0, 5), range(0, 3, 0, 3))], 'untitled:x', doc)), ['action.overlap']);
    assert.deepStrictEqual(codes(checkCodeActions([{ title: 'Fix', edit: { changes: { 'untitled:y': [] } } }], 'untitled:x', doc)), ['action.otherDocument']);
  });

  it('a hover range holds the cursor', () => {
    const doc = lspText('resolution 73/266\nnext');
    const hover = { contents: { kind: 'markdown' as const, value: 'x' }, range: range(1, 0, 1, 4) };
    assert.deepStrictEqual(codes(checkHover(hover, { line: 1, character: 2 }, doc)), []);
    assert.deepStrictEqual(codes(checkHover(hover, { line: 0, character: 30 }, doc)), ['hover.notAtCursor']);
  });

  it('shrinking keeps the failure and drops the rest', () => {
    const text = 'line one\nline two with 😀 inside\nline three\n';
    assert.strictEqual(shrinkText(text, (t) => t.includes('😀')), '😀');
  });
});

describe(`fuzz: ${CASES} cases of seed ${hex(SEED)} through every feature (documents up to ${MAX_SIZE.toLocaleString('en')} chars)`, function () {
  this.timeout(180_000);
  let context: FuzzContext;

  before(async () => {
    context = await loadFuzzContext();
  });

  it('a case is the same on every run, and mutations keep to the size limit', () => {
    const a = makeCase(context, SEED, 7, MAX_SIZE);
    const b = makeCase(context, SEED, 7, MAX_SIZE);
    assert.strictEqual(a.text, b.text);
    assert.deepStrictEqual(a.steps, b.steps);
    for (let i = 0; i < 50; i++) {
      const { text } = fuzzMutate(context.poolTexts[i % context.poolTexts.length], new Random(i), context.poolTexts, 5_000);
      assert.ok(text.length <= 5_000, `mutated text of ${text.length} chars`);
    }
  });

  it('the unmutated pool breaks no invariant (a failure here is no fuzzing artefact)', () => {
    const failures: string[] = [];
    for (const group of context.groups) {
      // A few of each group: every one of the 700 texts would take longer than the fuzz run itself.
      for (const base of group.filter((_, i) => i % Math.ceil(group.length / 5) === 0)) {
        const result = checkDocument(context, `untitled:${base.name}`, base.text, 1);
        const kinds = new Set<string>();
        for (const v of result.violations) {
          if (!kinds.has(v.kind)) failures.push(`${base.name}: [${v.kind}] ${v.message}`);
          kinds.add(v.kind);
        }
      }
    }
    assert.deepStrictEqual(failures, []);
  });

  it('breaks no invariant', async () => {
    const log: string[] = [];
    const report = await runFuzz(context, { cases: CASES, seed: SEED, maxSize: MAX_SIZE, slowMs: SLOW_MS, keepPerKind: 1, shrinkMs: 2_000, log: (line) => log.push(line) });
    if (report.violations > 0) {
      const details = log.join('\n');
      assert.fail(`${formatReport(report, { maxSize: MAX_SIZE, slowMs: SLOW_MS })}\n${details.length > 20_000 ? `${details.slice(0, 20_000)}\n…` : details}`);
    }
  });
});
