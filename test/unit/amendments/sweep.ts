// The round trip of amendments, and its sweep over every real text: apply(A, amendments(A, B))
// must give B's wording for each text A of test/fixtures/real (the hand-labelled texts, the
// session-80 drafts and resolutions) and of the seeds, and for B each of its seeded synthetic
// edits (`synthetic.ts`). The unit suite runs a share of the sweep; `npm run roundtrip` runs all
// of it and prints every case that does not hold, with its seed, so that it can be replayed.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { applyAmendments } from '../../../server/src/amendments/apply';
import { parseAmendments, printAmendments } from '../../../server/src/amendments/instructions';
import { writeAmendments } from '../../../server/src/amendments/write';
import { parseResolution } from '../../../server/src/parser/parse';
import { readSeed, repoRoot, SEEDS } from '../../helpers';
import { syntheticEdit, wordingDifferences } from './synthetic';

const realDir = path.join(repoRoot, 'test', 'fixtures', 'real');

/** A text of the sweep: `file` is relative to test/fixtures/real, or a seed's file name. */
export interface SweepText {
  name: string;
  file: string;
  text: string;
}

/** Every text of the sweep, in a fixed order: the hand-labelled texts, the pairs, the seeds. */
export function sweepTexts(): SweepText[] {
  const folder = (sub: string): SweepText[] =>
    readdirSync(path.join(realDir, sub))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => ({ name, file: `${sub}/${name}`, text: readFileSync(path.join(realDir, sub, name), 'utf8') }));
  return [...folder('texts'), ...folder('pairs'), ...SEEDS.map((s) => ({ name: s.file, file: s.file, text: readSeed(s.file) }))];
}

/** A fixture of test/fixtures/real by its relative path. */
export const readReal = (file: string) => readFileSync(path.join(realDir, file), 'utf8');

/** The synthetic edit of a text for a sweep seed (1, 2, …): its generator seed and number of edits. */
export const sweepSeed = (name: string, seed: number) => ({ seedNumber: seed * 7919 + name.length, count: 1 + (seed % 8) });

/** A's text amended by the amendments from A to B (printed, then read back); fails on any problem. */
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

/** The round trip of one synthetic edit: undefined when it holds, else what went wrong and the amendments. */
export function syntheticRoundTrip(text: string, seedNumber: number, count: number): string | undefined {
  const edit = syntheticEdit(text, seedNumber, count);
  try {
    const { amended, amendments } = roundTrip(text, edit.text);
    const differences = wordingDifferences(amended, edit.text);
    return differences.length === 0 ? undefined : `${edit.done.join(', ')}\n${differences.join('\n')}\n${amendments}`;
  } catch (error) {
    return `${edit.done.join(', ')}\n${error instanceof Error ? error.message : String(error)}`;
  }
}
