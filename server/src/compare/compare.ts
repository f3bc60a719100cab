// The comparison engine: two versions of a draft, paragraph by paragraph.
//
// Units. Every preambular paragraph, operative paragraph (its own text, before its
// sub-paragraphs), sub-paragraph (at any depth) and footnote of each version, named as
// negotiators name them in that version ("PP3", "OP5", "OP1 (a)", "OP1 1.3", "footnote 2").
// Paragraphs and sub-paragraphs are aligned together (a sub-paragraph may become a paragraph);
// footnotes among footnotes only. Numbers and labels are not part of a unit's text, so pure
// renumbering is no change; the parser leaves page furniture and footnote markers out.
//
// Normalisation (server/src/agreed/normalise.ts, reused). Words compare without case,
// diacritics, quote and dash styles, hyphens inside words (PDF text loses them) or footnote
// markers; a word split by a stray space in PDF text ("o f", "consul tative") is joined back
// when the joined word occurs in either version (the agreed-language index's join rule). The
// final , ; : or . of a unit is not part of its text: the unit's position decides it.
//   - Identity ("unchanged") is the same words, with their case, and the same punctuation
//     (quote and dash styles folded).
//   Thresholds were set on the seeds: unrelated paragraphs of the five seeds stay below 0.5
//   (000 vs 004: the "Requests" and "Welcomes" paragraphs share at most 0.12), amended ones
//   (a list extended, a word or clause changed, "information and communications technologies"
//   shortened to "ICTs") reach 0.5 to 0.97.
//   - Similarity is the Dice coefficient of the two units' word bigrams (multisets, case
//     folded): 2 |A ∩ B| / (|A| + |B|).
//
// Alignment, cheapest evidence first; each unit takes part in at most one alignment.
//   1. Identical texts, in order of occurrence.
//   2. Split and merged units: one old unit whose text is the concatenation of two or more
//      consecutive new units (split), or the reverse (merged). The concatenation must reach a
//      similarity of SPLIT_MIN, beat the best one-to-one similarity of the single unit by
//      SPLIT_GAIN, and every part must bring words of its own (PART_MIN of its bigrams found in
//      the single unit and not already taken by the parts before it).
//   3. Best one-to-one matches at similarity >= MATCH_MIN, best first (ties: same kind, then
//      nearer in relative position).
//   4. Rewritten in place: between two aligned neighbours that kept their order, one old and one
//      new unit of the same kind left over are the same unit rewritten when their similarity
//      reaches GAP_MIN.
//   Candidates come from an inverted index of bigrams, rarest first (at most CANDIDATE_SHINGLES
//   bigrams per unit, postings longer than LONG_POSTING skipped once a unit has candidates, the
//   best CANDIDATES units by shared bigrams kept): the similarity of two units is only computed
//   for candidate pairs, never for every pair of a large draft.
// Moves. The aligned pairs in the order of the new version, by their position in the old: the
// heaviest increasing subsequence stays in place (a paragraph or footnote weighs TOP_WEIGHT, a
// sub-paragraph 1, so a paragraph that moves with its sub-paragraphs is the one reported moved),
// every other one-to-one pair is moved. Split and merged units are never "moved".
// Order. Changes follow the new version; a deleted unit stands after the new place of the
// nearest old unit before it that kept its order; footnotes come after the body.
// Words. Inside aligned units that differ, jsdiff's diffWords (maxEditLength; quote and dash
// styles folded) gives the word-level changes; when it gives up, the change stays paragraph-level
// (gaveUp). All word diffs of one comparison share a budget of work counted from their sizes and
// edit lengths, not from the clock, so that the same two texts compare the same way on a busy
// machine as on an idle one; past the budget the remaining changes are paragraph-level too. The
// clock is only a safety net (SAFETY_TIMEOUT_MS per diff) that the work budget keeps out of reach.
import { diffWords } from 'diff';
import { JOIN_RARE } from '../agreed/keys';
import { newTokens, stripTerminal, tokenize, type Tokens } from '../agreed/normalise';
import { Interner } from '../interner';
import type { CleanText, Paragraph, ResolutionDocument, SubParagraph } from '../parser/model';
import { paragraphName, subLabel } from '../parser/query';
import type { ChangeKind, Comparison, ComparedUnit, ComparisonSummary, ParagraphChange, UnitKind, WordChange } from './types';

export interface CompareOptions {
  /** Longest word diff (insertions + deletions, in jsdiff tokens) before giving up (default 1000). */
  maxEditLength?: number;
}

export const DEFAULT_MAX_EDIT_LENGTH = 1000;
/** Wall-clock limit of one word diff: a safety net only, far above what the work budget allows. */
const SAFETY_TIMEOUT_MS = 2000;

/** Least similarity of a one-to-one match anywhere in the document. */
export const MATCH_MIN = 0.5;
/** Least similarity of a unit rewritten in place (one old, one new between aligned neighbours). */
export const GAP_MIN = 0.3;
/** Least similarity of a unit to the concatenation of its split (merged) parts. */
export const SPLIT_MIN = 0.7;
/** How much better the concatenation must be than the best single counterpart. */
export const SPLIT_GAIN = 0.02;
/** Share of a part's bigrams that must come from the single unit (not already taken). */
export const PART_MIN = 0.5;

const CANDIDATE_SHINGLES = 48;
const LONG_POSTING = 64;
const CANDIDATES = 8;
const MAX_RUN = 12;
/**
 * Work of all word diffs of one comparison: as much as four diffs at the longest edit length.
 * A diff's work is its length in characters plus the square of its edit length (Myers' search
 * grows with both); a diff is allowed only the edit length that the rest of the budget pays for.
 */
const WORD_DIFF_BUDGET = 4 * DEFAULT_MAX_EDIT_LENGTH * DEFAULT_MAX_EDIT_LENGTH;
/** Characters per jsdiff token, roughly (a word or the space after it). */
const CHARS_PER_TOKEN = 4;
/**
 * Work of one diff's search at worst: its length in tokens times its edit length (each step of the
 * search may follow a diagonal the whole length). A long paragraph gets a shorter edit length.
 */
const ONE_DIFF_WORK = 20_000_000;

// ---- units -----------------------------------------------------------------------------------

interface Unit {
  public: ComparedUnit;
  /** Position in its stream (body or footnotes) of its version. */
  seq: number;
  /** Identity: words with their case and punctuation, final mark dropped. */
  key: string;
  /** The clean text, split words joined back: what the word diff and the reader see. */
  display: string;
  /** Interned case-folded words. */
  ids: number[];
  shingles?: Map<number, number>;
  shingleCount: number;
}

interface RawUnit {
  kind: UnitKind;
  label: string;
  content: CleanText;
}

function rawUnits(doc: ResolutionDocument): { body: RawUnit[]; footnotes: RawUnit[] } {
  const body: RawUnit[] = [];
  // Each sub-paragraph before the ones below it, in text order; a stack, since the labels decide
  // the depth. A decimal label names its own place ("OP1 1.2.1"): with every level above it, the
  // labels of deep decimal lists would grow with the square of the depth.
  const addSubs = (paragraphLabel: string, subs: SubParagraph[]) => {
    const pending: { sub: SubParagraph; prefix: string; i: number }[] = [];
    for (let i = subs.length - 1; i >= 0; i--) pending.push({ sub: subs[i], prefix: paragraphLabel, i });
    while (pending.length > 0) {
      const { sub, prefix, i } = pending.pop()!;
      const label = sub.scheme === 'decimal' && sub.label ? `${paragraphLabel} ${sub.label}` : `${prefix} ${sub.label ? subLabel(sub) : `item ${i + 1}`}`;
      body.push({ kind: 'subparagraph', label, content: sub.content });
      for (let k = sub.subparagraphs.length - 1; k >= 0; k--) pending.push({ sub: sub.subparagraphs[k], prefix: label, i: k });
    }
  };
  const addParagraph = (p: Paragraph) => {
    const label = paragraphName(p);
    body.push({ kind: p.kind, label, content: p.content });
    addSubs(label, p.subparagraphs);
  };
  for (const p of doc.preambular ?? []) addParagraph(p);
  for (const p of doc.operative ?? []) addParagraph(p);
  const footnotes = (doc.footnotes ?? []).map((f): RawUnit => ({ kind: 'footnote', label: `footnote ${f.label}`, content: f.content }));
  return { body, footnotes };
}

/** Source offsets of a clean text: from its first run to the end of its last. */
function sourceSpan(content: CleanText): { start: number; end: number } {
  const runs = content.runs;
  if (runs.length < 3) return { start: 0, end: 0 };
  const last = runs.length - 3;
  return { start: runs[1], end: runs[last + 1] + runs[last + 2] };
}

const HYPHENS = /[\u002d\u00ad\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u200b-\u200d\u2060\ufeff]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032\u0060\u201b]/g;
const MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const NON_ASCII = /[^\x00-\x7f]/;
const ALPHA = /^\p{L}+$/u;

const PLAIN_WORD = /^[A-Za-z0-9]*$/;

/** A word as the identity sees it: the normaliser's folding without the lower case. */
function caseWord(raw: string): string {
  if (PLAIN_WORD.test(raw)) return raw;
  let word = raw.replace(HYPHENS, '').replace(APOSTROPHES, "'");
  if (NON_ASCII.test(word)) word = word.normalize('NFKD').replace(MARKS, '').normalize('NFC');
  return word;
}

/** The tokens of one text; units with the same text (in either version) share them. */
interface Tokenized {
  text: string;
  words: string[];
  after: string[];
  before: string;
  starts: number[];
  ends: number[];
  /** What buildUnit made of it: the same for every unit with this text. */
  built?: { key: string; display: string; ids: number[] };
}

interface Entry {
  raw: RawUnit;
  tokens: Tokenized;
}

function tokenizeText(text: string, buffer: Tokens): Tokenized {
  const t = tokenize(text, buffer, true);
  return { text, words: t.words.slice(), after: t.after.slice(), before: t.before, starts: t.starts.slice(), ends: t.ends.slice() };
}

function onlySpaces(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) return false;
  }
  return true;
}

/** Joins "o f" -> "of" when the joined word is a word of either version (the index's rule). */
function shouldJoin(a: string, b: string, freq: Map<string, number>): boolean {
  const fa = freq.get(a) ?? 0;
  const fb = freq.get(b) ?? 0;
  const rarer = fa < fb ? fa : fb;
  if (!(a.length === 1 || b.length === 1 || rarer <= JOIN_RARE)) return false;
  if (!ALPHA.test(a) || !ALPHA.test(b)) return false;
  const joined = freq.get(a + b);
  if (joined === undefined) return false;
  return rarer <= Math.max(2, joined / 4);
}

function buildUnit(entry: Entry, seq: number, freq: Map<string, number>, interner: Interner): Unit {
  const t = entry.tokens;
  t.built ??= buildText(t, freq, interner);
  const { key, display, ids } = t.built;
  const span = sourceSpan(entry.raw.content);
  return {
    public: { kind: entry.raw.kind, label: entry.raw.label, text: display, start: span.start, end: span.end },
    seq,
    key,
    display,
    ids,
    shingleCount: Math.max(ids.length, 1),
  };
}

function buildText(t: Tokenized, freq: Map<string, number>, interner: Interner): { key: string; display: string; ids: number[] } {
  const { text, words, after, starts, ends } = t;
  const keyParts: string[] = [t.before];
  const ids: number[] = [];
  let display = '';
  let copied = 0;
  const n = words.length;
  for (let i = 0; i < n; i++) {
    let word = words[i];
    let keyWord = caseWord(text.slice(starts[i], ends[i]));
    let last = i;
    // A PDF word split by a stray space: nothing but whitespace between the two pieces.
    while (last + 1 < n && after[last] === '' && shouldJoin(word, words[last + 1], freq) && onlySpaces(text, ends[last], starts[last + 1])) {
      display += text.slice(copied, ends[last]);
      copied = starts[last + 1];
      word += words[last + 1];
      keyWord += caseWord(text.slice(starts[last + 1], ends[last + 1]));
      last++;
    }
    // Ids start at 1: 0 is START, the bigram before a text's first word.
    ids.push(interner.intern(word) + 1);
    const punct = last === n - 1 ? stripTerminal(after[last]) : after[last];
    keyParts.push(keyWord, punct);
    i = last;
  }
  display += text.slice(copied);
  return { key: keyParts.join(' '), display, ids };
}

// ---- similarity ------------------------------------------------------------------------------

const START = 0;
/**
 * A bigram of interned ids hashed to 30 bits, a small integer V8 keeps unboxed in Maps (a rare
 * collision only nudges a similarity).
 */
const bigram = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) + Math.imul(b ^ 0x5bd1e995, 0x85ebca6b)) >>> 2;

function shinglesOf(unit: Unit): Map<number, number> {
  if (unit.shingles) return unit.shingles;
  const map = new Map<number, number>();
  let prev = START;
  for (const id of unit.ids) {
    const key = bigram(prev, id);
    map.set(key, (map.get(key) ?? 0) + 1);
    prev = id;
  }
  unit.shingles = map;
  return map;
}

function intersection(a: Map<number, number>, b: Map<number, number>): number {
  if (a.size > b.size) [a, b] = [b, a];
  let shared = 0;
  for (const [key, count] of a) {
    const other = b.get(key);
    if (other !== undefined) shared += count < other ? count : other;
  }
  return shared;
}

function dice(a: Unit, b: Unit): number {
  if (a.ids.length === 0 || b.ids.length === 0) return a.ids.length === b.ids.length ? 1 : 0;
  return (2 * intersection(shinglesOf(a), shinglesOf(b))) / (a.shingleCount + b.shingleCount);
}

/** Bigrams of consecutive units read as one text (the seam between them counts). */
function concatShingles(units: Unit[]): { map: Map<number, number>; count: number } {
  const map = new Map<number, number>();
  let prev = START;
  let count = 0;
  for (const unit of units) {
    for (const id of unit.ids) {
      const key = bigram(prev, id);
      map.set(key, (map.get(key) ?? 0) + 1);
      prev = id;
      count++;
    }
  }
  return { map, count: Math.max(count, 1) };
}

/** Inverted index of one version's units by bigram. */
class ShingleIndex {
  private readonly postings = new Map<number, number[]>();
  /** Indexes the units `include` accepts (those still to align). */
  constructor(units: Unit[], include: (i: number) => boolean) {
    for (let i = 0; i < units.length; i++) {
      if (!include(i)) continue;
      for (const key of shinglesOf(units[i]).keys()) {
        const list = this.postings.get(key);
        if (list) list.push(i);
        else this.postings.set(key, [i]);
      }
    }
  }

  /** Units of the indexed version sharing the rarest bigrams of `unit`, most shared first. */
  candidates(unit: Unit, usable: (i: number) => boolean): number[] {
    const lists: number[][] = [];
    for (const key of shinglesOf(unit).keys()) {
      const list = this.postings.get(key);
      if (list) lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    const hits = new Map<number, number>();
    let used = 0;
    for (const list of lists) {
      if (used >= CANDIDATE_SHINGLES) break;
      if (list.length > LONG_POSTING && hits.size > 0) break;
      used++;
      for (const i of list) if (usable(i)) hits.set(i, (hits.get(i) ?? 0) + 1);
    }
    return [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES)
      .map(([i]) => i);
  }
}

// ---- alignment -------------------------------------------------------------------------------

type Alignment =
  | { type: 'one'; old: number; new: number; similarity: number; identical: boolean }
  | { type: 'split'; old: number; new: number[]; similarity: number }
  | { type: 'merged'; old: number[]; new: number; similarity: number };

interface Pair {
  old: number;
  new: number;
  similarity: number;
}

interface StreamResult {
  changes: { change: ParagraphChange; key: [number, number, number] }[];
}

/** Aligns one stream (body or footnotes) and returns its changes with their sort keys. */
function alignStream(oldUnits: Unit[], newUnits: Unit[], differ: WordDiffer, splits: boolean): StreamResult {
  const oldMatch = new Int32Array(oldUnits.length).fill(-1); // index into alignments
  const newMatch = new Int32Array(newUnits.length).fill(-1);
  const alignments: Alignment[] = [];
  const add = (a: Alignment) => {
    const at = alignments.length;
    alignments.push(a);
    for (const o of a.type === 'merged' ? a.old : [a.old]) oldMatch[o] = at;
    for (const n of a.type === 'split' ? a.new : [a.new]) newMatch[n] = at;
  };

  // 1. Identical texts, in order of occurrence.
  const byKey = new Map<string, number[]>();
  for (let i = oldUnits.length - 1; i >= 0; i--) {
    const list = byKey.get(oldUnits[i].key);
    if (list) list.push(i);
    else byKey.set(oldUnits[i].key, [i]);
  }
  for (let j = 0; j < newUnits.length; j++) {
    const list = byKey.get(newUnits[j].key);
    const i = list?.pop();
    if (i !== undefined) add({ type: 'one', old: i, new: j, similarity: 1, identical: true });
  }

  // Candidate pairs among what is left, found from both sides, with their similarity.
  const oldIndex = new ShingleIndex(oldUnits, (i) => oldMatch[i] < 0);
  const newIndex = new ShingleIndex(newUnits, (j) => newMatch[j] < 0);
  const pairs = new Map<number, Pair>();
  const pairKey = (o: number, n: number) => o * 1048576 + n;
  const consider = (o: number, n: number) => {
    const key = pairKey(o, n);
    if (!pairs.has(key)) pairs.set(key, { old: o, new: n, similarity: dice(oldUnits[o], newUnits[n]) });
  };
  for (let j = 0; j < newUnits.length; j++) {
    if (newMatch[j] >= 0) continue;
    for (const i of oldIndex.candidates(newUnits[j], (i) => oldMatch[i] < 0)) consider(i, j);
  }
  for (let i = 0; i < oldUnits.length; i++) {
    if (oldMatch[i] >= 0) continue;
    for (const j of newIndex.candidates(oldUnits[i], (j) => newMatch[j] < 0)) consider(i, j);
  }
  const oldPairs = new Map<number, Pair[]>();
  const newPairs = new Map<number, Pair[]>();
  for (const pair of pairs.values()) {
    (oldPairs.get(pair.old) ?? oldPairs.set(pair.old, []).get(pair.old)!).push(pair);
    (newPairs.get(pair.new) ?? newPairs.set(pair.new, []).get(pair.new)!).push(pair);
  }

  // 2. Split and merged units.
  if (splits) {
    const found: { single: number; parts: number[]; similarity: number; gain: number; split: boolean }[] = [];
    const look = (split: boolean) => {
      const singles = split ? oldUnits : newUnits;
      const others = split ? newUnits : oldUnits;
      const singleMatch = split ? oldMatch : newMatch;
      const otherMatch = split ? newMatch : oldMatch;
      const pairsOf = split ? oldPairs : newPairs;
      for (let s = 0; s < singles.length; s++) {
        if (singleMatch[s] >= 0) continue;
        const candidates = pairsOf.get(s) ?? [];
        if (candidates.length < 2) continue;
        const single = singles[s];
        const singleShingles = shinglesOf(single);
        let best = 0;
        const inside = new Set<number>();
        for (const pair of candidates) {
          const o = split ? pair.new : pair.old;
          best = Math.max(best, pair.similarity);
          if (otherMatch[o] >= 0) continue;
          const part = others[o];
          // Most of the part's bigrams are in the single unit.
          if (intersection(shinglesOf(part), singleShingles) / part.shingleCount >= PART_MIN) inside.add(o);
        }
        let bestRun: number[] | undefined;
        let bestSimilarity = 0;
        for (const first of inside) {
          if (inside.has(first - 1)) continue; // start runs at their first unit
          let end = first;
          while (inside.has(end + 1) && end + 1 - first < MAX_RUN) end++;
          for (let a = first; a < end; a++) {
            for (let b = a + 1; b <= end; b++) {
              const parts: number[] = [];
              for (let k = a; k <= b; k++) parts.push(k);
              const similarity = runSimilarity(single, parts.map((k) => others[k]));
              if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                bestRun = parts;
              }
            }
          }
        }
        if (bestRun && bestSimilarity >= SPLIT_MIN && bestSimilarity >= best + SPLIT_GAIN) {
          found.push({ single: s, parts: bestRun, similarity: bestSimilarity, gain: bestSimilarity - best, split });
        }
      }
    };
    look(true);
    look(false);
    found.sort((a, b) => b.similarity - a.similarity || b.gain - a.gain);
    for (const f of found) {
      const singleMatch = f.split ? oldMatch : newMatch;
      const otherMatch = f.split ? newMatch : oldMatch;
      if (singleMatch[f.single] >= 0 || f.parts.some((p) => otherMatch[p] >= 0)) continue;
      if (f.split) add({ type: 'split', old: f.single, new: f.parts, similarity: f.similarity });
      else add({ type: 'merged', old: f.parts, new: f.single, similarity: f.similarity });
    }
  }

  // 3. Best one-to-one matches.
  const oldCount = Math.max(oldUnits.length, 1);
  const newCount = Math.max(newUnits.length, 1);
  const distance = (p: Pair) => Math.abs(p.old / oldCount - p.new / newCount);
  const ranked = [...pairs.values()]
    .filter((p) => p.similarity >= MATCH_MIN)
    .sort((a, b) => {
      if (b.similarity !== a.similarity) return b.similarity - a.similarity;
      const sameA = oldUnits[a.old].public.kind === newUnits[a.new].public.kind ? 0 : 1;
      const sameB = oldUnits[b.old].public.kind === newUnits[b.new].public.kind ? 0 : 1;
      return sameA - sameB || distance(a) - distance(b) || a.new - b.new;
    });
  for (const p of ranked) {
    if (oldMatch[p.old] >= 0 || newMatch[p.new] >= 0) continue;
    add({ type: 'one', old: p.old, new: p.new, similarity: p.similarity, identical: false });
  }

  // 4. Rewritten in place: a lone old and a lone new unit between two in-order neighbours.
  const weightOf = (a: Alignment) => (newUnits[firstNew(a)].public.kind === 'subparagraph' ? 1 : TOP_WEIGHT);
  let inOrder = stableAlignments(alignments, weightOf);
  const anchors = [...inOrder].sort((a, b) => firstNew(alignments[a]) - firstNew(alignments[b]));
  let rewritten = false;
  for (let k = 0; k <= anchors.length; k++) {
    const before = k > 0 ? alignments[anchors[k - 1]] : undefined;
    const after = k < anchors.length ? alignments[anchors[k]] : undefined;
    const oldFrom = before ? lastOld(before) + 1 : 0;
    const oldTo = after ? firstOld(after) : oldUnits.length;
    const newFrom = before ? lastNew(before) + 1 : 0;
    const newTo = after ? firstNew(after) : newUnits.length;
    const lonelyOld = unmatchedIn(oldMatch, oldFrom, oldTo);
    const lonelyNew = unmatchedIn(newMatch, newFrom, newTo);
    if (lonelyOld.length !== 1 || lonelyNew.length !== 1) continue;
    const [o] = lonelyOld;
    const [n] = lonelyNew;
    if (oldUnits[o].public.kind !== newUnits[n].public.kind) continue;
    const similarity = pairs.get(pairKey(o, n))?.similarity ?? dice(oldUnits[o], newUnits[n]);
    if (similarity < GAP_MIN) continue;
    add({ type: 'one', old: o, new: n, similarity, identical: false });
    rewritten = true;
  }
  if (rewritten) inOrder = stableAlignments(alignments, weightOf);

  // Changes, with keys that put them in the order of the new version.
  const changes: StreamResult['changes'] = [];
  for (let a = 0; a < alignments.length; a++) {
    const alignment = alignments[a];
    const moved = alignment.type === 'one' && !inOrder.has(a);
    changes.push({ change: makeChange(alignment, oldUnits, newUnits, moved, differ), key: [firstNew(alignment), 0, 0] });
  }
  for (let j = 0; j < newUnits.length; j++) {
    if (newMatch[j] >= 0) continue;
    changes.push({ change: { kind: 'added', old: [], new: [newUnits[j].public], similarity: 0 }, key: [j, 0, 0] });
  }
  // A deleted unit stands after the new place of the nearest old unit before it that kept its order.
  let anchorNew = -1;
  for (let i = 0; i < oldUnits.length; i++) {
    const at = oldMatch[i];
    if (at >= 0) {
      if (inOrder.has(at)) anchorNew = lastNew(alignments[at]);
      continue;
    }
    changes.push({ change: { kind: 'deleted', old: [oldUnits[i].public], new: [], similarity: 0 }, key: [anchorNew, 1, i] });
  }
  return { changes };
}

const firstNew = (a: Alignment) => (a.type === 'split' ? a.new[0] : a.new);
const lastNew = (a: Alignment) => (a.type === 'split' ? a.new[a.new.length - 1] : a.new);
const firstOld = (a: Alignment) => (a.type === 'merged' ? a.old[0] : a.old);
const lastOld = (a: Alignment) => (a.type === 'merged' ? a.old[a.old.length - 1] : a.old);

function unmatchedIn(match: Int32Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to && out.length < 2; i++) if (match[i] < 0) out.push(i);
  return out;
}

/** Weight of an alignment in the order that stays: paragraphs and footnotes 1024, sub-paragraphs 1. */
const TOP_WEIGHT = 1024;

/**
 * The alignments that keep their relative order: the heaviest increasing subsequence of their
 * old positions taken in new order (a Fenwick tree of prefix maxima, n log n). A paragraph weighs
 * far more than a sub-paragraph, so a paragraph that moves with its sub-paragraphs is "moved"
 * rather than the two paragraphs it jumped over; ties keep more sub-paragraphs in place.
 */
function stableAlignments(alignments: Alignment[], weightOf: (a: Alignment) => number): Set<number> {
  const order = alignments.map((_, i) => i).sort((a, b) => firstNew(alignments[a]) - firstNew(alignments[b]));
  const size = alignments.reduce((max, a) => Math.max(max, lastOld(a) + 1), 0);
  const treeScore = new Float64Array(size + 1);
  const treeAt = new Int32Array(size + 1).fill(-1);
  const score = new Float64Array(order.length);
  const previous = new Int32Array(order.length).fill(-1);
  let best = -1;
  for (let k = 0; k < order.length; k++) {
    const a = alignments[order[k]];
    const value = firstOld(a);
    // Best chain ending at an old position below this one.
    let bestBefore = 0;
    let bestAt = -1;
    for (let i = value; i > 0; i -= i & -i) {
      if (treeScore[i] > bestBefore) {
        bestBefore = treeScore[i];
        bestAt = treeAt[i];
      }
    }
    score[k] = bestBefore + weightOf(a);
    previous[k] = bestAt;
    for (let i = value + 1; i <= size; i += i & -i) {
      if (score[k] > treeScore[i]) {
        treeScore[i] = score[k];
        treeAt[i] = k;
      }
    }
    if (best < 0 || score[k] > score[best]) best = k;
  }
  const stable = new Set<number>();
  for (let k = best; k >= 0; k = previous[k]) stable.add(order[k]);
  return stable;
}

/**
 * Similarity of one unit to consecutive units read together, if every part brings words of its
 * own (bigrams of the single unit not already taken by the parts before it). Costs the size of
 * the parts, never of the single unit (which may be a 50,000-word paragraph).
 */
function runSimilarity(single: Unit, parts: Unit[]): number {
  const singleShingles = shinglesOf(single);
  const taken = new Map<number, number>();
  for (const part of parts) {
    let own = 0;
    let prevId = START;
    for (const id of part.ids) {
      const key = bigram(prevId, id);
      prevId = id;
      const have = singleShingles.get(key);
      if (have === undefined) continue;
      const used = taken.get(key) ?? 0;
      if (used < have) {
        own++;
        taken.set(key, used + 1);
      }
    }
    if (own / part.shingleCount < PART_MIN) return 0;
  }
  const whole = concatShingles(parts);
  return (2 * intersection(whole.map, singleShingles)) / (whole.count + single.shingleCount);
}

// ---- changes ---------------------------------------------------------------------------------

function makeChange(a: Alignment, oldUnits: Unit[], newUnits: Unit[], moved: boolean, differ: WordDiffer): ParagraphChange {
  if (a.type === 'one') {
    const o = oldUnits[a.old];
    const n = newUnits[a.new];
    const kind: ChangeKind = moved ? 'moved' : a.identical ? 'unchanged' : 'changed';
    const change: ParagraphChange = { kind, old: [o.public], new: [n.public], similarity: a.identical ? 1 : Math.min(a.similarity, 0.99) };
    if (moved) change.textChanged = !a.identical;
    if (!a.identical) differ.fill(change, o.display, n.display);
    return change;
  }
  if (a.type === 'split') {
    const o = oldUnits[a.old];
    const parts = a.new.map((j) => newUnits[j]);
    const change: ParagraphChange = { kind: 'split', old: [o.public], new: parts.map((p) => p.public), similarity: Math.min(a.similarity, 1) };
    differ.fill(change, o.display, parts.map((p) => p.display).join('\n'));
    return change;
  }
  const parts = a.old.map((i) => oldUnits[i]);
  const n = newUnits[a.new];
  const change: ParagraphChange = { kind: 'merged', old: parts.map((p) => p.public), new: [n.public], similarity: Math.min(a.similarity, 1) };
  differ.fill(change, parts.map((p) => p.display).join('\n'), n.display);
  return change;
}

/** Quote, apostrophe, dash and space styles folded, one character for one (offsets stay valid). */
const FOLD: Record<string, string> = {};
for (const c of '\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033') FOLD[c] = '"';
for (const c of '\u2018\u2019\u02bc\u2032\u201b') FOLD[c] = "'";
for (const c of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d') FOLD[c] = '-';
for (const c of '\u00a0\u2007\u202f') FOLD[c] = ' ';
const FOLDABLE = /[\u201c-\u201f\u00ab\u00bb\u2033\u2018\u2019\u02bc\u2032\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u00a0\u2007\u202f]/g;
const foldStyles = (text: string) => text.replace(FOLDABLE, (c) => FOLD[c] ?? c);

/** Word diffs under an edit-length cap and a work budget for the whole comparison. */
class WordDiffer {
  private spent = 0;
  constructor(private readonly maxEditLength: number) {}

  fill(change: ParagraphChange, oldText: string, newText: string): void {
    const words = this.diff(oldText, newText);
    if (words) change.words = words;
    else change.gaveUp = true;
  }

  diff(oldText: string, newText: string): WordChange[] | undefined {
    const size = (oldText.length + newText.length) / CHARS_PER_TOKEN;
    const left = WORD_DIFF_BUDGET - this.spent - size;
    const cap = Math.min(this.maxEditLength, Math.floor(ONE_DIFF_WORK / Math.max(1, size)), Math.floor(Math.sqrt(Math.max(0, left))));
    if (cap < 1) return undefined;
    const oldFolded = foldStyles(oldText);
    const newFolded = foldStyles(newText);
    const changes = diffWords(oldFolded, newFolded, { timeout: SAFETY_TIMEOUT_MS, maxEditLength: cap });
    let edits = cap;
    if (changes) {
      edits = 0;
      for (const change of changes) if (change.added || change.removed) edits += change.count ?? 1;
    }
    this.spent += size + edits * edits;
    if (!changes) return undefined;
    // Back to the texts as written: each value is found at its place in the folded text.
    let oldAt = 0;
    let newAt = 0;
    const out: WordChange[] = [];
    for (const change of changes) {
      const value = change.value;
      if (change.removed) {
        const found = locate(oldFolded, oldText, value, oldAt);
        oldAt = found.end;
        out.push({ value: found.text, removed: true });
      } else if (change.added) {
        const found = locate(newFolded, newText, value, newAt);
        newAt = found.end;
        out.push({ value: found.text, added: true });
      } else {
        const found = locate(newFolded, newText, value, newAt);
        newAt = found.end;
        oldAt = locate(oldFolded, oldText, value, oldAt).end;
        out.push({ value: found.text });
      }
    }
    return slide(out);
  }
}

/**
 * Joins two insertions (or two deletions) split by a kept piece that the second one ends with:
 * "A/68/98{+ and Corr+}.{+1.+}" reads "A/68/98{+ and Corr.1+}." (the same texts either way).
 */
function slide(changes: WordChange[]): WordChange[] {
  const out: WordChange[] = [];
  for (const change of changes) {
    out.push({ ...change });
    const n = out.length;
    if (n < 3) continue;
    const [x, kept, y] = [out[n - 3], out[n - 2], out[n - 1]];
    const same = (x.added && y.added) || (x.removed && y.removed);
    if (!same || kept.added || kept.removed || !kept.value || y.value === kept.value || !y.value.endsWith(kept.value)) continue;
    // X K YK -> (X K Y) K
    x.value += kept.value + y.value.slice(0, y.value.length - kept.value.length);
    out.pop();
  }
  // Adjacent kept pieces left by a slide become one.
  const merged: WordChange[] = [];
  for (const change of out) {
    const last = merged[merged.length - 1];
    if (last && !last.added && !last.removed && !change.added && !change.removed) last.value += change.value;
    else merged.push(change);
  }
  return merged;
}

/** Where `value` (from the folded text, whitespace possibly trimmed) stands from `from` on. */
function locate(folded: string, original: string, value: string, from: number): { text: string; end: number } {
  if (folded.startsWith(value, from)) return { text: original.slice(from, from + value.length), end: from + value.length };
  const core = value.trim();
  const at = core ? folded.indexOf(core, from) : -1;
  if (at < 0) return { text: value, end: from };
  const lead = value.slice(0, value.length - value.trimStart().length);
  const tail = value.slice(value.trimEnd().length);
  return { text: lead + original.slice(at, at + core.length) + tail, end: at + core.length };
}

// ---- entry -----------------------------------------------------------------------------------

/** Compares two versions of a draft paragraph by paragraph; see the head of this file. */
export function compareDocuments(oldDoc: ResolutionDocument, newDoc: ResolutionDocument, options: CompareOptions = {}): Comparison {
  const differ = new WordDiffer(options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH);
  const oldRaw = rawUnits(oldDoc);
  const newRaw = rawUnits(newDoc);
  const buffer = newTokens();
  const byText = new Map<string, Tokenized>();
  const tokenizeAll = (units: RawUnit[]): Entry[] => {
    const entries: Entry[] = [];
    for (const raw of units) {
      const text = raw.content.text;
      let tokens = byText.get(text);
      if (!tokens) byText.set(text, (tokens = tokenizeText(text, buffer)));
      if (tokens.words.length > 0 || tokens.before !== '' || (tokens.after[0] ?? '') !== '') entries.push({ raw, tokens });
    }
    return entries;
  };
  const streams = {
    oldBody: tokenizeAll(oldRaw.body),
    newBody: tokenizeAll(newRaw.body),
    oldNotes: tokenizeAll(oldRaw.footnotes),
    newNotes: tokenizeAll(newRaw.footnotes),
  };
  // Word frequencies over both versions, for the join rule of split PDF words.
  const freq = new Map<string, number>();
  for (const list of Object.values(streams)) for (const e of list) for (const w of e.tokens.words) freq.set(w, (freq.get(w) ?? 0) + 1);
  const interner = new Interner();
  const build = (list: Entry[]) => list.map((entry, seq) => buildUnit(entry, seq, freq, interner));

  const body = alignStream(build(streams.oldBody), build(streams.newBody), differ, true);
  const notes = alignStream(build(streams.oldNotes), build(streams.newNotes), differ, false);
  const ordered = (result: StreamResult) =>
    result.changes.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]).map((c) => c.change);
  const changes = [...ordered(body), ...ordered(notes)];
  return { changes, summary: summarize(changes) };
}

function summarize(changes: ParagraphChange[]): ComparisonSummary {
  const summary: ComparisonSummary = { unchanged: 0, changed: 0, added: 0, deleted: 0, moved: 0, split: 0, merged: 0 };
  for (const change of changes) summary[change.kind]++;
  return summary;
}
