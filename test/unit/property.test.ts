// Property tests: random mutations of the five seed resolutions must never crash the parser nor
// produce a span, a clean-text run or an LSP position outside the document.
//
// Deterministic: a seeded PRNG (mulberry32) drives every mutation. The base seed and the case
// number are printed in each test name and failure message; replay one case with
//   UNRES_PROPERTY_SEED=0x5eed0001 UNRES_PROPERTY_CASE=<file>:<case> npx mocha out/test/unit/property.test.js
// Explore more inputs with UNRES_PROPERTY_SEED=<other seed> and UNRES_PROPERTY_RUNS=<cases per seed>.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  getDocumentSymbols, getFoldingRanges, getInlayHints, getSemanticTokens, ParsedDocument, SEMANTIC_TOKENS_LEGEND,
} from '../../server/src/languageService';
import { parseResolution } from '../../server/src/parser/parse';
import { mulberry32 } from '../helpers';
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

// ---- PRNG ----------------------------------------------------------------------------------


/** Seed of one case, derived from the base seed, the seed file and the case number. */
export function caseSeed(base: number, file: number, index: number): number {
  let h = base ^ Math.imul(file + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** A length skewed towards small values, up to max. */
  length(max: number): number {
    return Math.max(1, Math.floor(max ** this.next()));
  }
}

// ---- garbage -------------------------------------------------------------------------------

const COMBINING = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i));
const RTL = ['שלום', 'الجمعية العامة', 'قرار ٧٣/٢٦٦', '\u202e', '\u202b', '\u200f', '\u061c', 'עברית (א)', '١٢٣'];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u034f'];
const NON_BMP = ['😀', '👍🏽', '👨‍👩‍👧', '🇺🇳', '𝐀', '𝟙', '𠀀', '\u{1F600}\u{FE0F}', '𐐀'];
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00'];
const SPACES = [' ', '\t', '\u00a0', '\u2003', '\u3000', '\f', '\v', '\u2028', '\u2029', '\u0085'];
/** Fragments the parser gives meaning to: numbers, labels, markers, markup, furniture. */
const STRUCTURAL = [
  '1. ', '12.', '999. ', '0.', '1.1 ', '1.2.3. ', '(a) ', '(i) ', '(ii)', '(z)', '(aa) ', '(iv) ', '- (a) ', '> ', '# ', '###### ',
  '¹', '²³', '⁰', '^2', '^', '<sup>1</sup>', '<sup>', '</sup>', '[^1]', '[^', '[73/27](#)', '[', '](', '*', '**', '***', '_', '__',
  '---', '__________________', '***', 'https://undocs.org/A/RES/73/266', 'A/C.1/74/L.49/Rev.1', '19-18817 (E)', '*1918817*',
  'The General Assembly,', 'Security Council,', 'Recalling', 'Recalling its resolution 73/27 of 5 December 2018,', 'Decides ',
  'Also decides', 'Requests the Secretary-General', 'Taking note with appreciation of', 'Expressing concern also',
  '65th plenary meeting', '65th plenary meeting\n22 December 2018', 'Annex', 'Annex II', 'of 31 February 2019', 'of 4 December',
  'resolution 2625 (XXV)', 'decision 72/512', 'ES-11/1', '43/78 H', 'Seventy-fourth session', 'Agenda item 93', 'Distr.: General',
  'Original: English', ',', ';', ':', '.', '“', '”', '’', '"', '\\', '<', '>', '&nbsp;', '<br>', '</p>', '<!--', '```', '|', '\t',
];

function randomAscii(r: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(r.chance(0.1) ? r.int(32) : r.range(32, 126));
  return s;
}

function randomUnicode(r: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const roll = r.int(8);
    if (roll === 0) s += r.pick(COMBINING);
    else if (roll === 1) s += String.fromCodePoint(r.range(0x10000, 0x10ffff));
    else if (roll === 2) s += r.pick(LONE_SURROGATES);
    else {
      let c = r.range(0x80, 0xfffd);
      if (c >= 0xd800 && c <= 0xdfff) c -= 0x800;
      s += String.fromCharCode(c);
    }
  }
  return s;
}

function randomBytes(r: Random, n: number): Buffer {
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = r.int(256);
  return bytes;
}

type GarbageKind = 'ascii' | 'unicode' | 'combining' | 'rtl' | 'zeroWidth' | 'nonBmp' | 'loneSurrogate' | 'nul' | 'structural' | 'spaces' | 'latin1' | 'utf8';
const GARBAGE_KINDS: GarbageKind[] = ['ascii', 'unicode', 'combining', 'rtl', 'zeroWidth', 'nonBmp', 'loneSurrogate', 'nul', 'structural', 'structural', 'spaces', 'latin1', 'utf8'];

function garbage(r: Random, kind: GarbageKind): string {
  const repeat = (f: () => string, n: number) => Array.from({ length: n }, f).join('');
  switch (kind) {
    case 'ascii': return randomAscii(r, r.length(80));
    case 'unicode': return randomUnicode(r, r.length(40));
    case 'combining': return (r.chance(0.5) ? r.pick(['a', 'e', '1', '(', ' ', '']) : '') + repeat(() => r.pick(COMBINING), r.length(30));
    case 'rtl': return repeat(() => r.pick(RTL) + (r.chance(0.5) ? ' ' : ''), r.length(6));
    case 'zeroWidth': return repeat(() => r.pick(ZERO_WIDTH), r.length(8));
    case 'nonBmp': return repeat(() => r.pick(NON_BMP), r.length(8));
    case 'loneSurrogate': return repeat(() => r.pick(LONE_SURROGATES), r.length(3));
    case 'nul': return '\0'.repeat(r.length(8));
    case 'structural': return repeat(() => r.pick(STRUCTURAL) + (r.chance(0.3) ? ' ' : ''), r.length(5));
    case 'spaces': return repeat(() => r.pick(SPACES), r.length(12));
    case 'latin1': return randomBytes(r, r.length(64)).toString('latin1');
    case 'utf8': return randomBytes(r, r.length(64)).toString('utf8');
  }
}

// ---- mutations -----------------------------------------------------------------------------

/** Lines with their line breaks, so that joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function offset(r: Random, text: string): number {
  return r.int(text.length + 1);
}

/** Start of a random line (structure lives at line starts) or a random offset. */
function insertionPoint(r: Random, text: string): number {
  if (r.chance(0.5)) return offset(r, text);
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 10) || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return r.pick(starts);
}

function insertAt(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at);
}

type Mutation = (text: string, r: Random, seeds: string[]) => [string, string];

const MUTATIONS: Record<string, Mutation> = {
  deleteLines(text, r) {
    const lines = splitLines(text);
    if (lines.length === 0) return [text, 'deleteLines(none)'];
    const at = r.int(lines.length);
    const count = Math.min(r.length(6), lines.length - at);
    lines.splice(at, count);
    return [lines.join(''), `deleteLines(${at}, ${count})`];
  },
  duplicateLines(text, r) {
    const lines = splitLines(text);
    if (lines.length === 0) return [text, 'duplicateLines(none)'];
    const at = r.int(lines.length);
    const count = Math.min(r.length(4), lines.length - at);
    const to = r.chance(0.5) ? at + count : r.int(lines.length + 1);
    lines.splice(to, 0, ...lines.slice(at, at + count));
    return [lines.join(''), `duplicateLines(${at}, ${count} -> ${to})`];
  },
  swapLines(text, r) {
    const lines = splitLines(text);
    if (lines.length < 2) return [text, 'swapLines(none)'];
    const a = r.int(lines.length);
    const b = r.chance(0.5) ? Math.min(a + 1, lines.length - 1) : r.int(lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return [lines.join(''), `swapLines(${a}, ${b})`];
  },
  insertGarbage(text, r) {
    const kind = r.pick(GARBAGE_KINDS);
    const at = insertionPoint(r, text);
    return [insertAt(text, at, garbage(r, kind)), `insertGarbage(${kind} @${at})`];
  },
  replaceWithGarbage(text, r) {
    const kind = r.pick(GARBAGE_KINDS);
    const at = offset(r, text);
    const end = Math.min(text.length, at + r.length(40));
    return [text.slice(0, at) + garbage(r, kind) + text.slice(end), `replaceWithGarbage(${kind} @${at}..${end})`];
  },
  replaceChars(text, r) {
    const chars = text.split('');
    const n = r.length(30);
    const pool = '0123456789.()[],;:*_^#<>-—–/ \t\n\r\u00a0abcivxAZ¹²“”'.split('');
    for (let i = 0; i < n && chars.length; i++) chars[r.int(chars.length)] = r.pick(pool);
    return [chars.join(''), `replaceChars(${n})`];
  },
  truncate(text, r) {
    const at = offset(r, text);
    return [text.slice(0, at), `truncate(@${at})`];
  },
  truncateInsideSurrogatePair(text, r) {
    // Put a non-BMP character somewhere (the seeds have none), then cut between its two halves.
    const at = insertionPoint(r, text);
    const withPair = insertAt(text, at, r.pick(NON_BMP));
    const keepTail = r.chance(0.3); // or drop the head: text that starts with a lone low surrogate
    return keepTail ? [withPair.slice(at + 1), `cutHeadInsideSurrogatePair(@${at + 1})`] : [withPair.slice(0, at + 1), `truncateInsideSurrogatePair(@${at + 1})`];
  },
  latin1Mojibake(text, r) {
    if (r.chance(0.5)) return [Buffer.from(text, 'utf8').toString('latin1'), 'utf8AsLatin1(all)'];
    const at = offset(r, text);
    const end = Math.min(text.length, at + r.length(400));
    return [text.slice(0, at) + Buffer.from(text.slice(at, end), 'utf8').toString('latin1') + text.slice(end), `utf8AsLatin1(@${at}..${end})`];
  },
  corruptUtf8(text, r) {
    const bytes = Buffer.from(text, 'utf8');
    const n = r.length(40);
    for (let i = 0; i < n && bytes.length; i++) bytes[r.int(bytes.length)] = r.int(256);
    return [bytes.toString('utf8'), `corruptUtf8Bytes(${n})`];
  },
  lineEndings(text, r) {
    const style = r.pick(['crlf', 'cr', 'mixed', 'none', 'doubled']);
    const lines = text.split(/\r\n|\r|\n/);
    switch (style) {
      case 'crlf': return [lines.join('\r\n'), 'lineEndings(CRLF)'];
      case 'cr': return [lines.join('\r'), 'lineEndings(CR)'];
      case 'none': return [lines.join(' '), 'lineEndings(none: one long line)'];
      case 'doubled': return [lines.join('\n\n'), 'lineEndings(blank line between all)'];
      default: return [lines.map((l, i) => (i === lines.length - 1 ? l : l + r.pick(['\n', '\r\n', '\r', '\n\r']))).join(''), 'lineEndings(mixed)'];
    }
  },
  bom(text, r) {
    if (r.chance(0.7)) return ['\ufeff' + text, 'bom(prepend)'];
    const at = insertionPoint(r, text);
    return [insertAt(text, at, '\ufeff'), `bom(@${at})`];
  },
  nulBytes(text, r) {
    const chars = text.split('');
    const n = r.length(20);
    for (let i = 0; i < n; i++) {
      const at = r.int(chars.length + 1);
      if (r.chance(0.5) && at < chars.length) chars[at] = '\0';
      else chars.splice(at, 0, '\0');
    }
    return [chars.join(''), `nulBytes(${n})`];
  },
  longLine(text, r) {
    const length = r.range(2_000, 60_000);
    const unit = r.pick(['x', ' ', 'word ', '1. ', '(a) ', '¹', '*', '_', ',', 'Recalling ', '53/70 of 4 December 1998, ', '\u0301', '😀', '\t', '<sup>1</sup>']);
    const line = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const at = insertionPoint(r, text);
    return [insertAt(text, at, line + (r.chance(0.5) ? '\n' : '')), `longLine(${JSON.stringify(unit)} x ${length} @${at})`];
  },
  indentLines(text, r) {
    const lines = splitLines(text);
    const n = r.length(20);
    for (let i = 0; i < n && lines.length; i++) {
      const at = r.int(lines.length);
      lines[at] = r.pick(['  ', '    ', '\t', ' ', '\u00a0']) + lines[at];
    }
    return [lines.join(''), `indentLines(${n})`];
  },
  changeCase(text, r) {
    const lines = splitLines(text);
    if (lines.length === 0) return [text, 'changeCase(none)'];
    const at = r.int(lines.length);
    lines[at] = r.chance(0.5) ? lines[at].toUpperCase() : lines[at].toLowerCase();
    return [lines.join(''), `changeCase(line ${at})`];
  },
  spliceOtherSeed(text, r, seeds) {
    const other = r.pick(seeds);
    const from = r.int(other.length);
    const piece = other.slice(from, from + r.length(2000));
    const at = insertionPoint(r, text);
    return [insertAt(text, at, piece), `spliceOtherSeed(${piece.length} chars @${at})`];
  },
  sliceOfText(text, r) {
    const from = r.int(text.length + 1);
    const to = from + r.int(text.length - from + 1);
    return [text.slice(from, to), `slice(${from}..${to})`];
  },
  emptyOrWhitespace(_text, r) {
    if (r.chance(0.3)) return ['', 'empty'];
    const ws = garbage(r, 'spaces') + r.pick(['', '\n', '\r\n', '\r', '\n\n\n']) + garbage(r, 'spaces');
    return [ws, 'whitespaceOnly'];
  },
};

/** Weights: rarer for the mutations that throw most of the text away. */
const WEIGHTED: string[] = Object.keys(MUTATIONS).flatMap((name) => {
  const weight = name === 'emptyOrWhitespace' ? 1 : name === 'sliceOfText' || name === 'truncate' || name === 'longLine' ? 3 : 6;
  return Array<string>(weight).fill(name);
});

export function mutate(seedText: string, r: Random, seeds: string[]): { text: string; steps: string[] } {
  const count = r.chance(0.4) ? 1 : r.range(2, 5);
  let text = seedText;
  const steps: string[] = [];
  for (let i = 0; i < count; i++) {
    const [next, step] = MUTATIONS[r.pick(WEIGHTED)](text, r, seeds);
    text = next;
    steps.push(step);
  }
  return { text, steps };
}

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

/**
 * Delta debugging: removes chunks of lines, then of characters, while the text still fails with
 * the same problem code. Bounded so a failing run stays quick.
 */
export function shrink(text: string, code: string, budget = 4000): string {
  let calls = 0;
  const fails = (candidate: string) => {
    calls++;
    return checkText(candidate).some((p) => p.code === code);
  };
  const pass = (units: string[]): string[] => {
    for (let size = Math.max(1, units.length >> 1); size >= 1 && calls < budget; size = size === 1 ? 0 : Math.max(1, size >> 1)) {
      for (let at = 0; at < units.length && calls < budget; ) {
        const candidate = units.slice(0, at).concat(units.slice(at + size));
        if (fails(candidate.join(''))) units = candidate;
        else at += size;
      }
    }
    return units;
  };
  let current = text;
  for (let round = 0; round < 3 && calls < budget; round++) {
    const before = current;
    current = pass(splitLines(current)).join('');
    current = pass(current.split('')).join('');
    if (current === before) break;
  }
  return current;
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
