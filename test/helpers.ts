// Shared by the unit and protocol suites. Compiled to out/test/helpers.js.
import * as assert from 'assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const corpusDir = path.join(repoRoot, 'corpus');

export interface SeedExpectation {
  file: string;
  form: 'plain' | 'markdown' | 'pdf';
  preambular: number;
  operative: number;
  /** Sub-paragraph labels by operative paragraph number, from the hand counts in corpus/SEEDS.md. */
  subparagraphs: Record<number, string[]>;
}

const decimals = Array.from({ length: 13 }, (_, i) => `1.${i + 1}`);

export const SEEDS: SeedExpectation[] = [
  { file: '000_3767520ad4361519.txt', form: 'plain', preambular: 15, operative: 5, subparagraphs: { 1: ['(a)', '(b)'], 2: ['(a)', '(b)'] } },
  { file: '001_9248fafc50032362.txt', form: 'plain', preambular: 21, operative: 5, subparagraphs: { 3: ['(a)', '(b)', '(c)'] } },
  { file: '002_eef1e9d426f8333c.txt', form: 'pdf', preambular: 21, operative: 7, subparagraphs: { 1: decimals, 4: ['(a)', '(b)', '(c)', '(d)'] } },
  { file: '003_300b75d26f4ff1a3.txt', form: 'markdown', preambular: 22, operative: 5, subparagraphs: {} },
  { file: '004_f1b1830bc3def63f.txt', form: 'markdown', preambular: 15, operative: 6, subparagraphs: { 1: ['(a)', '(b)'], 2: ['(a)', '(b)'] } },
];

export function readSeed(file: string): string {
  return readFileSync(path.join(corpusDir, file), 'utf8');
}

/** Removes each `|` from a fixture and returns the offsets where they stood. */
export function withCursors(marked: string): { text: string; cursors: number[] } {
  const cursors: number[] = [];
  let text = '';
  for (const ch of marked) {
    if (ch === '|') cursors.push(text.length);
    else text += ch;
  }
  return { text, cursors };
}

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
export function assertGolden(name: string, actual: string): void {
  const file = path.join(repoRoot, 'test', 'fixtures', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) assert.fail(`golden file ${name} is missing`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.strictEqual(actual, readFileSync(file, 'utf8'), `output differs from golden file test/fixtures/golden/${name}`);
}

interface EditableDocument {
  model: { text: string };
  lines: { offsetAt(position: { line: number; character: number }): number };
}

/** Applies a document's edits, last first, the way an editor does; edits must not overlap. */
type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };

export function applyEdits(document: EditableDocument, edits: Edit[]): string {
  const offsets = edits
    .map((edit) => ({ start: document.lines.offsetAt(edit.range.start), end: document.lines.offsetAt(edit.range.end), text: edit.newText }))
    .sort((a, b) => b.start - a.start);
  for (let i = 1; i < offsets.length; i++) assert.ok(offsets[i].end <= offsets[i - 1].start, 'edits do not overlap');
  let text = document.model.text;
  for (const { start, end, text: newText } of offsets) text = text.slice(0, start) + newText + text.slice(end);
  return text;
}

/** The edits a code action makes, asserting it edits `uri` only. */
export function editsFor<T>(action: { edit?: { changes?: Record<string, T[]> } }, uri: string): T[] {
  const changes = action.edit?.changes ?? {};
  assert.deepStrictEqual(Object.keys(changes), [uri], 'edits the document only');
  return changes[uri];
}

/** mulberry32: a small seeded PRNG, so that a failing random case can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes `count` corpus texts into `dir`, 100 a sub-folder: seed i % 5, each with a symbol of its
 * own (A/RES/<session>/<1000 + i>) on a first line, so that a load has hundreds of files to read
 * and parse, and its knowledge base as many documents.
 */
export function writeGeneratedCorpus(dir: string, count: number): void {
  const seeds = SEEDS.map((seed) => readSeed(seed.file));
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `part-${Math.floor(i / 100)}`);
    mkdirSync(folder, { recursive: true });
    const symbol = `A/RES/${50 + (i % 30)}/${1000 + i}`;
    writeFileSync(path.join(folder, `${String(i).padStart(5, '0')}.txt`), `${symbol}\n\n${seeds[i % seeds.length]}`);
  }
}
