// Property tests: random mutations of the five seed resolutions must never crash the parser nor
// produce a span, a clean-text run or an LSP position outside the document.
//
// Deterministic: a seeded PRNG (mulberry32) drives every mutation (test/fuzz/mutations.ts, shared
// with `npm run fuzz`, which runs every language feature on such texts). The base seed and the case
// number are printed in each test name and failure message; replay one case with
//   UNRES_PROPERTY_SEED=0x5eed0001 UNRES_PROPERTY_CASE=<file>:<case> npx mocha out/test/unit/property.test.js
// Explore more inputs with UNRES_PROPERTY_SEED=<other seed> and UNRES_PROPERTY_RUNS=<cases per seed>.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ParsedDocument } from '../../server/src/parsedDocument';
import { getFoldingRanges } from '../../server/src/services/folding';
import { getInlayHints } from '../../server/src/services/inlayHints';
import { getDocumentSymbols } from '../../server/src/services/outline';
import { getSemanticTokens, SEMANTIC_TOKENS_LEGEND } from '../../server/src/services/semanticTokens';
import { parseResolution } from '../../server/src/parser/parse';
import { caseSeed, mutate, Random } from '../fuzz/mutations';
import { shrinkText } from '../fuzz/shrink';
import {
  checkDocumentSymbols, checkFoldingRanges, checkInlayHints, checkModel, checkSemanticTokens, lspLines, Problem, wholeDocumentRange,
} from './invariants';

const CORPUS = path.resolve(__dirname, '../../../corpus');
const BASE_SEED = parseSeed(process.env.UNRES_PROPERTY_SEED) ?? 0x5eed0001;
const RUNS = Number(process.env.UNRES_PROPERTY_RUNS) || 300;
const ONLY_CASE = process.env.UNRES_PROPERTY_CASE; // "<file>:<case>"

function parseSeed(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n >>> 0 : undefined;
}

const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

// ---- the checks ----------------------------------------------------------------------------

/** Parses the text, runs every feature and collects every broken invariant. */
export function checkText(text: string): Problem[] {
  let model;
  try {
    model = parseResolution(text);
  } catch (error) {
    return [{ code: 'parse.threw', message: `parseResolution threw: ${error instanceof Error ? error.stack : String(error)}` }];
  }
  const problems: Problem[] = [];
  if (model.parseError) problems.push({ code: 'parse.error', message: `parseError: ${model.parseError.split('\n').slice(0, 4).join('\n    ')}` });
  problems.push(...checkModel(model, text));
  const lines = lspLines(text);
  const document = new ParsedDocument('file:///property.unres', 1, model);
  const run = <T>(name: string, feature: () => T, check: (result: T) => Problem[]) => {
    let result: T;
    try {
      result = feature();
    } catch (error) {
      problems.push({ code: `${name}.threw`, message: `${name} threw: ${error instanceof Error ? error.stack : String(error)}` });
      return;
    }
    problems.push(...check(result).map((p) => ({ code: p.code, message: `${name}: ${p.message}` })));
  };
  run('getDocumentSymbols', () => getDocumentSymbols(document), (symbols) => checkDocumentSymbols(symbols, lines));
  run('getFoldingRanges', () => getFoldingRanges(document), (ranges) => checkFoldingRanges(ranges, lines));
  const whole = wholeDocumentRange(lines);
  run('getInlayHints', () => getInlayHints(document, whole), (hints) => checkInlayHints(hints, lines, whole));
  run('getSemanticTokens', () => getSemanticTokens(document), (tokens) => checkSemanticTokens(tokens, lines, SEMANTIC_TOKENS_LEGEND));
  return problems;
}

// ---- shrinking -----------------------------------------------------------------------------

/** The smallest text that still fails with the same problem code (bounded so a failing run stays quick). */
export function shrink(text: string, code: string, budget = 4000): string {
  return shrinkText(text, (candidate) => checkText(candidate).some((p) => p.code === code), { calls: budget });
}

// ---- reporting -----------------------------------------------------------------------------

interface Failure {
  file: string;
  index: number;
  seed: number;
  steps: string[];
  text: string;
  problems: Problem[];
}

function describeFailures(failures: Failure[]): string {
  const byCode = new Map<string, Failure>();
  for (const failure of failures) for (const p of failure.problems) if (!byCode.has(p.code)) byCode.set(p.code, failure);
  const parts = [`${failures.length} failing case(s), ${byCode.size} kind(s) of problem (base seed ${hex(BASE_SEED)}):`];
  for (const [code, failure] of byCode) {
    const minimal = shrink(failure.text, code);
    const first = checkText(minimal).find((p) => p.code === code) ?? failure.problems.find((p) => p.code === code)!;
    parts.push(
      [
        `\n[${code}] ${failure.file} case ${failure.index} (case seed ${hex(failure.seed)}), mutations: ${failure.steps.join(' + ')}`,
        `  replay: UNRES_PROPERTY_SEED=${hex(BASE_SEED)} UNRES_PROPERTY_CASE=${failure.file}:${failure.index}`,
        `  ${first.message}`,
        `  minimal input (${minimal.length} chars): ${JSON.stringify(minimal.length > 1500 ? minimal.slice(0, 1500) + '…' : minimal)}`,
      ].join('\n'),
    );
  }
  return parts.join('\n');
}

function assertNoProblems(label: string, text: string): void {
  const problems = checkText(text);
  if (problems.length === 0) return;
  const minimal = shrink(text, problems[0].code);
  assert.fail(`${label}: ${problems.length} problem(s)\n  ${problems.slice(0, 5).map((p) => p.message).join('\n  ')}\n  minimal input for [${problems[0].code}]: ${JSON.stringify(minimal)}`);
}

// ---- the suite -----------------------------------------------------------------------------

const seedFiles = fs.readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).sort();
const seeds = seedFiles.map((name) => fs.readFileSync(path.join(CORPUS, name), 'utf8'));

describe(`property: random mutations of the seeds (base seed ${hex(BASE_SEED)}, ${RUNS} cases per seed)`, function () {
  this.timeout(60_000);

  it('finds the five seeds', () => {
    assert.strictEqual(seedFiles.length, 5, `expected 5 seeds in ${CORPUS}, found ${seedFiles.join(', ')}`);
  });

  it('edge-case texts: empty, whitespace, BOM, NUL, lone surrogates, line endings', () => {
    const fixed = [
      '', ' ', '\t', '\n', '\r', '\r\n', '\n\r', '\r\r\n\n', ' \t\u00a0\f\v', '\u2028\u2029\u0085', '\ufeff', '\ufeff\n', '\ufeff\ufeff',
      '\0', '\0\n\0', '\ud800', '\udc00', 'a\ud800', '\udc00a', '\ud83d\ude00', '😀\n😀', '\u0301', '\u202e1. x', '1.', '1. ', '(a)', '(a)\n(i)',
      '¹', '^1', '<sup>1</sup>', '[^1]', '*', '**', '_', '---', '__________________', 'The General Assembly,', 'The General Assembly,\n',
      'The General Assembly,\n\n1.', 'The General Assembly,\n\n(a) x', 'Recalling', 'Recalling,', '65th plenary meeting', '1. Decides\n(a)\n(i)\n1.1',
      ' '.repeat(100_000), '\n'.repeat(5_000), '\r\n'.repeat(5_000), '\r'.repeat(5_000), ' \n'.repeat(5_000), 'x'.repeat(200_000), '1. '.repeat(30_000), '(a)\n'.repeat(5_000),
    ];
    fixed.forEach((text, i) => assertNoProblems(`edge case ${i} ${JSON.stringify(text.slice(0, 40))}`, text));
  });

  seedFiles.forEach((file, fileIndex) => {
    it(`${file} as is, with CRLF, lone CR, a BOM and cut at line ends`, () => {
      const seed = seeds[fileIndex];
      const variants: [string, string][] = [
        ['as is', seed],
        ['CRLF', seed.replace(/\r\n|\r|\n/g, '\r\n')],
        ['CR', seed.replace(/\r\n|\r|\n/g, '\r')],
        ['BOM', '\ufeff' + seed],
        ['BOM + CRLF', '\ufeff' + seed.replace(/\r\n|\r|\n/g, '\r\n')],
      ];
      for (const [label, text] of variants) assertNoProblems(`${file} ${label}`, text);
      // Prefixes that end at a line end (a document typed top to bottom): 40 spread over the text.
      const lineEnds = [...seed.matchAll(/\n/g)].map((m) => m.index!);
      const step = Math.max(1, Math.ceil(lineEnds.length / 40));
      for (let i = 0; i < lineEnds.length; i += step) assertNoProblems(`${file} cut at ${lineEnds[i]}`, seed.slice(0, lineEnds[i]));
    });

    it(`${file}: ${RUNS} random mutations (base seed ${hex(BASE_SEED)})`, () => {
      const failures: Failure[] = [];
      let only: number | undefined;
      if (ONLY_CASE) {
        const [onlyFile, onlyIndex] = ONLY_CASE.split(':');
        if (onlyFile !== file) return;
        only = Number(onlyIndex);
      }
      for (let index = only ?? 0; index < (only !== undefined ? only + 1 : RUNS); index++) {
        const seed = caseSeed(BASE_SEED, fileIndex, index);
        const { text, steps } = mutate(seeds[fileIndex], new Random(seed), seeds);
        const problems = checkText(text);
        if (problems.length > 0) failures.push({ file, index, seed, steps, text, problems });
      }
      if (failures.length > 0) assert.fail(describeFailures(failures));
    });
  });
});
