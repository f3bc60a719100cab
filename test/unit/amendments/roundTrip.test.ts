// The round trip: for a draft A and a version B of it, applying to A the amendments written from A
// to B gives B's wording (`wordingDifferences` in synthetic.ts says what "the same wording" is).
// Pairs: the seeds (A/RES/73/266 as 004 -> 000), the five session-80 drafts and the resolutions
// they became (raw PyMuPDF text), and seeded synthetic edits of real texts.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { readSeed, repoRoot, SEEDS } from '../../helpers';
import { readReal, roundTrip, sweepSeed, sweepTexts, syntheticRoundTrip } from './sweep';
import { syntheticEdit, wordingDifferences } from './synthetic';

const pairs = path.join(repoRoot, 'test', 'fixtures', 'real', 'pairs');
const readPair = (name: string) => readFileSync(path.join(pairs, `${name}.pymupdf.txt`), 'utf8');
const seed = (prefix: string) => readSeed(SEEDS.find((s) => s.file.startsWith(prefix))!.file);

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

  it('paragraphs deleted that follow each other: one instruction, as the UN writes it', () => {
    const paragraph = (k: number) => `Recalling its resolution ${k}/1 of 1 January 2020,`;
    const operative = (k: number) => `${k}. Requests the Secretary-General to report on item ${k} at its next session;`;
    const draft = (pps: number[], ops: number[]) => ['The General Assembly,', ...pps.map(paragraph), ...ops.map(operative)].join('\n\n') + '\n';
    const a = draft([1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7]);
    // B numbered as A would be once amended: the wording is compared, numbers aside.
    const b = draft([1, 4, 5], [1, 5, 7]).replace(/^5\. (.*item 5)/m, '2. $1').replace(/^7\. (.*item 7)/m, '3. $1');
    const { amended, amendments } = roundTrip(a, b);
    assert.strictEqual(amendments, '1. Delete the second and third preambular paragraphs\n\n2. Delete operative paragraphs 2 to 4\n\n3. Delete operative paragraph 6\n');
    assertSameWording(amended, b, amendments);
    assert.strictEqual(amended, b);
  });

  it('the reverse of each pair: the resolution amended back into its draft', () => {
    for (const [draft, resolution] of PAIRS) {
      const [a, b] = [readPair(resolution), readPair(draft)];
      const { amended, amendments } = roundTrip(a, b);
      assertSameWording(amended, b, `${resolution} -> ${draft}\n${amendments}`);
    }
  });

  // Replayed synthetic cases that once failed (file, generator seed, edits; the seed of the sweep
  // of `npm run roundtrip` in brackets), and one that holds a rule made for them to its kind.
  const REPLAYED: [string, number, number, string][] = [
    // Quoted words that open a quotation without closing it (“16 entitled “Strengthening the”)
    // swallowed the instructions after them when read back.
    ['texts/A_RES_80_7.txt', 7 * 7919 + 14, 8, 'an unclosed quotation in quoted words'],
    // PDF text: words deleted across a line break left the next line opening with a space, which
    // opens a new paragraph in PyPDF text (sweep seed 6).
    ['texts/A_RES_78_64.pypdf.txt', 6 * 7919 + 21, 7, 'a deletion across a line break'],
    // “articles, prepared” replaced by “since material prepared”: the new words lost the space
    // before them (sweep seed 10).
    ['pairs/A_C.6_80_L.18.pymupdf.txt', 10 * 7919 + 25, 3, 'words replaced after a mark'],
    // “Development Goals 6 in”: after “Goals” was replaced by words ending in “the”, the plain-digit
    // footnote marker read as a number (sweep seed 5).
    ['pairs/A_RES_80_212.pymupdf.txt', 5 * 7919 + 24, 6, 'a footnote marker after replaced words'],
    // “Tlatelolco,5 Rarotonga,6 Bangkok[^7] and”: the markers of deleted words, left behind, stood
    // against the marker before them (“Tlatelolco,56”) (sweep seed 22).
    ['texts/A_RES_80_31.txt', 22 * 7919 + 15, 7, 'footnote markers among deleted words'],
    // Holds the rule made for the marker after replaced words to its kind: “nuclear weapons, 7in which”, a marker printed
    // against the word after it, stays there when the words before it are replaced (sweep seed 22).
    ['texts/A_RES_80_51.txt', 22 * 7919 + 15, 7, 'a footnote marker glued to the word after it'],
    // A new paragraph that opens a quotation it does not close (“entitled “General and complete
    // initiatives”): read back, its own closing quote was taken for one of its words (sweep seed 52).
    ['texts/A_RES_80_51.txt', 52 * 7919 + 15, 5, 'a new paragraph with an unclosed quotation'],
    // PDF text with a blank line between its lines: a line shortened by deleted words read as the
    // end of its paragraph (sweep seed 50).
    ['002_eef1e9d426f8333c.txt', 50 * 7919 + 24, 3, 'a line shortened before a blank line'],
  ];
  for (const [file, seedNumber, count, what] of REPLAYED) {
    it(`synthetic edit of ${file} (seed ${seedNumber}, ${count} edits): ${what}`, () => {
      assert.strictEqual(syntheticRoundTrip(file.includes('/') ? readReal(file) : readSeed(file), seedNumber, count), undefined);
    });
  }

  // A share of the sweep of `npm run roundtrip` (every real text, seeds 1 to 12, under a minute
  // alone on a busy machine): two seeds of each real text, a different pair for each text.
  it('synthetic edits of every real text (two seeds of the sweep each)', () => {
    const failures: string[] = [];
    sweepTexts()
      .filter((t) => !SEEDS.some((s) => s.file === t.file))
      .forEach((t, i) => {
        for (const k of [1 + (i % 12), 1 + ((i + 6) % 12)]) {
          const { seedNumber, count } = sweepSeed(t.name, k);
          const failure = syntheticRoundTrip(t.text, seedNumber, count);
          if (failure) failures.push(`${t.file} seed ${k} (${seedNumber}, ${count} edits): ${failure}`);
        }
      });
    assert.deepStrictEqual(failures, []);
  });

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
