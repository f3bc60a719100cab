// The round trip: for a draft A and a version B of it, applying to A the amendments written from A
// to B gives B's wording (`wordingDifferences` in synthetic.ts says what "the same wording" is).
// Pairs: the seeds (A/RES/73/266 as 004 -> 000), the five session-80 drafts and the resolutions
// they became (raw PyMuPDF text), and seeded synthetic edits of real texts.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { applyAmendments } from '../../../server/src/amendments/apply';
import { parseAmendments, printAmendments } from '../../../server/src/amendments/instructions';
import { writeAmendments } from '../../../server/src/amendments/write';
import { parseResolution } from '../../../server/src/parser/parse';
import { readSeed, repoRoot, SEEDS } from '../../helpers';
import { syntheticEdit, wordingDifferences } from './synthetic';

const pairs = path.join(repoRoot, 'test', 'fixtures', 'real', 'pairs');
const readPair = (name: string) => readFileSync(path.join(pairs, `${name}.pymupdf.txt`), 'utf8');
const seed = (prefix: string) => readSeed(SEEDS.find((s) => s.file.startsWith(prefix))!.file);

/** A's text amended by the amendments from A to B (printed, then read back), or the problems. */
export function roundTrip(a: string, b: string, oral = false): { amended: string; amendments: string; count: number } {
  const written = writeAmendments(parseResolution(a), parseResolution(b));
  const amendments = printAmendments(written.instructions, oral);
  const read = parseAmendments(amendments);
  assert.deepStrictEqual(read.problems, [], amendments);
  assert.strictEqual(read.instructions.length, written.instructions.length, amendments);
  const applied = applyAmendments(parseResolution(a), read.instructions);
  if ('problems' in applied) assert.fail(`${JSON.stringify(applied.problems)}\n${amendments}`);
  return { amended: applied.text, amendments, count: written.instructions.length };
}

function assertSameWording(amended: string, b: string, context: string): void {
  const differences = wordingDifferences(amended, b);
  assert.deepStrictEqual(differences, [], `${context}\n--- amended:\n${amended.slice(0, 4000)}`);
}

const PAIRS: [string, string, number][] = [
  ['A_C.3_80_L.21', 'A_RES_80_212', 0],
  ['A_C.2_80_L.26', 'A_RES_80_130', 2],
  ['A_C.4_80_L.5', 'A_RES_80_106', 0],
  ['A_C.6_80_L.18', 'A_RES_80_159', 0],
  ['A_80_L.24', 'A_RES_80_115', 0],
];

describe('amendments: the round trip apply(A, amendments(A, B)) = B in wording', function () {
  // Each case parses and compares whole drafts several times: slow on a busy machine, never timed.
  this.timeout(60_000);
  it('the seeds: A/RES/73/266 (004) amended into the draft 000', () => {
    const [a, b] = [seed('004'), seed('000')];
    assert.ok(wordingDifferences(a, b).length > 3, 'the two seeds differ');
    const { amended, amendments, count } = roundTrip(a, b);
    assert.ok(count >= 5, amendments);
    assertSameWording(amended, b, amendments);
    // And as an oral revision.
    assertSameWording(roundTrip(a, b, true).amended, b, 'oral');
  });

  for (const [draft, resolution, expected] of PAIRS) {
    it(`${draft} -> ${resolution}: ${expected} instructions, and the resolution's wording`, () => {
      const [a, b] = [readPair(draft), readPair(resolution)];
      const { amended, amendments, count } = roundTrip(a, b);
      assert.strictEqual(count, expected, amendments);
      assertSameWording(amended, b, amendments);
    });
  }

  it('the reverse of each pair: the resolution amended back into its draft', () => {
    for (const [draft, resolution] of PAIRS) {
      const [a, b] = [readPair(resolution), readPair(draft)];
      const { amended, amendments } = roundTrip(a, b);
      assertSameWording(amended, b, `${resolution} -> ${draft}\n${amendments}`);
    }
  });

  // Replayed synthetic cases that once failed: quoted words that open a quotation without closing
  // it (“16 entitled “Strengthening the”) swallowed the instructions after them when read back.
  const texts = path.join(repoRoot, 'test', 'fixtures', 'real', 'texts');
  const REPLAYED: [string, number, number][] = [['A_RES_80_7.txt', 7 * 7919 + 14, 8]];
  for (const [file, seedNumber, count] of REPLAYED) {
    it(`synthetic edit of ${file} (seed ${seedNumber}, ${count} edits)`, () => {
      const text = readFileSync(path.join(texts, file), 'utf8');
      const edit = syntheticEdit(text, seedNumber, count);
      const { amended, amendments } = roundTrip(text, edit.text);
      assertSameWording(amended, edit.text, `${edit.done.join(', ')}\n${amendments}`);
    });
  }

  const drafts: [string, string][] = [
    ...SEEDS.map((s): [string, string] => [s.file, readSeed(s.file)]),
    ...PAIRS.map(([draft]): [string, string] => [draft, readPair(draft)]),
  ];
  for (const [name, text] of drafts) {
    it(`synthetic edits of ${name} (12 seeded versions, 1 to 8 edits each)`, () => {
      for (let seedNumber = 1; seedNumber <= 12; seedNumber++) {
        const edit = syntheticEdit(text, seedNumber * 7919 + name.length, 1 + (seedNumber % 8));
        const { amended, amendments } = roundTrip(text, edit.text);
        assertSameWording(amended, edit.text, `seed ${seedNumber}: ${edit.done.join(', ')}\n${amendments}`);
      }
    });
  }
});
