// Mutations of resolution texts, shared by the property tests (test/unit/property.test.ts) and
// the fuzzer (engine.ts): a seeded PRNG, garbage of every kind a pasted text can hold, and
// edits that keep most of a resolution's shape so that the parser gets past its first lines.
//
// Determinism is the point: the same seed gives the same case on every machine, so a failure
// printed by a run can be replayed from its seed alone. Changing what an existing mutation draws
// from the PRNG changes every later case of the property tests' seeds.
import { mulberry32 } from '../helpers';

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

export const COMBINING = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i));
export const RTL = ['שלום', 'الجمعية العامة', 'قرار ٧٣/٢٦٦', '\u202e', '\u202b', '\u200f', '\u061c', 'עברית (א)', '١٢٣'];
export const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u034f'];
export const NON_BMP = ['😀', '👍🏽', '👨‍👩‍👧', '🇺🇳', '𝐀', '𝟙', '𠀀', '\u{1F600}\u{FE0F}', '𐐀'];
export const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00'];
export const SPACES = [' ', '\t', '\u00a0', '\u2003', '\u3000', '\f', '\v', '\u2028', '\u2029', '\u0085'];
/** Fragments the parser gives meaning to: numbers, labels, markers, markup, furniture. */
export const STRUCTURAL = [
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

export type GarbageKind = 'ascii' | 'unicode' | 'combining' | 'rtl' | 'zeroWidth' | 'nonBmp' | 'loneSurrogate' | 'nul' | 'structural' | 'spaces' | 'latin1' | 'utf8';
export const GARBAGE_KINDS: GarbageKind[] = ['ascii', 'unicode', 'combining', 'rtl', 'zeroWidth', 'nonBmp', 'loneSurrogate', 'nul', 'structural', 'structural', 'spaces', 'latin1', 'utf8'];

export function garbage(r: Random, kind: GarbageKind): string {
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
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

export function offset(r: Random, text: string): number {
  return r.int(text.length + 1);
}

/** Start of a random line (structure lives at line starts) or a random offset. */
export function insertionPoint(r: Random, text: string): number {
  if (r.chance(0.5)) return offset(r, text);
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 10) || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return r.pick(starts);
}

export function insertAt(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at);
}

/** `room`: characters the text may still grow by (the fuzzer's --max-size); unbounded when absent. */
export type Mutation = (text: string, r: Random, seeds: string[], room?: number) => [string, string];

export const MUTATIONS: Record<string, Mutation> = {
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
export const WEIGHTED: string[] = Object.keys(MUTATIONS).flatMap((name) => {
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

// ---- the fuzzer's mutations ----------------------------------------------------------------
//
// Beyond the property tests' garbage: the tokens a drafter types (labels, markers, citations,
// references), odd characters exactly where offsets are most easily miscounted (inside a
// surrogate pair or a CRLF, next to a paragraph's final mark), whole documents spliced together,
// and repetitions large enough to find recursion depth limits and quadratic loops, yet bounded
// by `room` so that a document stays under the run's --max-size.

/** What a drafter types that the parser gives meaning to. */
export const DRAFTING_TOKENS = [
  '1.', '2. ', '10.', '3bis.', '0.', '(a)', '(b) ', '(iv)', '(ii) ', '(aa)', '1.1.1', '1.1 ', '2.3.4.5 ', 'bis', ' bis', 'ter',
  '[', ']', '[ ', ' ]', '[[', ']]', 'The General Assembly,', 'The General Assembly', 'The Security Council,',
  '¹', '²', '³⁴', '⁰', '[^3]', '[^1]: ', '[^99]', '<sup>2</sup>', '<sup>', '^4', '^',
  'resolution 73/266 of 22 December 2018', 'resolution 73/266 of 31 February 2018', 'resolutions 53/70 of 4 December 1998 and 54/49 of 1 December 1999',
  'resolution ', 'resolutions ', 'resolutions 73/27, ', 'resolutions 73/27 and ', 'decision 72/512', 'decisions ', 'A/RES/', 'A/RES/73/266', 'A/DEC/72/512',
  'A/C.1/74/L.49/Rev.1', 'A/HRC/RES/20/8', 'S/RES/2625 (2021)', 'ES-11/1', '2625 (XXV)', '43/78 H', '73/266 H of',
  'paragraph 3 above', 'paragraph 12 below', 'paragraphs 2 (b) and 4 of resolution 73/266', 'subparagraph (c) above', 'paragraph 3 of that resolution',
  'paragraph 1.2 above', 'paragraph', 'paragraph ', 'Recalling ', 'Recalling also', 'Decides', 'Decides to', 'Also decides ', 'Requests the Secretary-General to',
  'Decides to include in the provisional agenda of its seventy-fifth session the item entitled', 'Seventy-fourth session', 'seventy-fifth session',
  '65th plenary meeting\n22 December 2018', '__________________', '*', ',', ';', ':', '.', '“', '”',
];

/** Characters that make offsets and lengths disagree, or that lines and words are cut at. */
export const ODD_CHARACTERS = [
  '😀', '👍🏽', '👨‍👩‍👧', '🇺🇳', '𝐀', '\ud83d', '\ude00', '\ud800', '\udfff', '\u0301', '\u0327\u0308', '\u200f', '\u202e', '\u061c',
  '\u00a0', '\u202f', '\u200b', '\u2060', '\ufeff', '\u00ad', '\r\n', '\r', '\n\r', '\f', '\v', '\u2028', '\u0085', '\0', '\t',
];

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** Offsets just before each line break (where a paragraph's final mark stands). */
function lineEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 ? text.charCodeAt(i - 1) !== 13 : c === 13) ends.push(i);
  }
  ends.push(text.length);
  return ends;
}

/**
 * Where off-by-one errors hide: inside a CRLF, inside a surrogate pair, before or after the last
 * character of a line, at a line start, or anywhere.
 */
function trickyOffset(r: Random, text: string): [number, string] {
  const roll = r.int(6);
  if (roll === 0) {
    const inside = [...text.matchAll(/\r\n/g)].map((m) => m.index! + 1);
    if (inside.length) return [r.pick(inside), 'inCrlf'];
  }
  if (roll === 1) {
    const inside = [...text.matchAll(/[\ud800-\udbff][\udc00-\udfff]/g)].map((m) => m.index! + 1);
    if (inside.length) return [r.pick(inside), 'inPair'];
  }
  if (roll === 2 || roll === 3) {
    const end = r.pick(lineEnds(text));
    return roll === 2 ? [end, 'lineEnd'] : [Math.max(0, end - 1), 'beforeLastChar'];
  }
  if (roll === 4) return [r.pick(lineStarts(text)), 'lineStart'];
  return [r.int(text.length + 1), 'any'];
}

/** How many copies of a unit fit into `room` (at least one, at most `max`). */
function copies(r: Random, unitLength: number, room: number, max: number): number {
  const fit = Math.floor(Math.max(0, room) / Math.max(1, unitLength));
  return Math.max(1, Math.min(fit, r.length(max)));
}

const ROOM = 1_000_000;

export const FUZZ_MUTATIONS: Record<string, Mutation> = {
  insertTokens(text, r) {
    const count = r.length(4);
    let piece = '';
    for (let i = 0; i < count; i++) piece += r.pick(DRAFTING_TOKENS) + (r.chance(0.5) ? ' ' : '');
    const [at, where] = r.chance(0.6) ? [r.pick(lineStarts(text)), 'lineStart'] : trickyOffset(r, text);
    const before = r.chance(0.2) ? '\n' : '';
    const after = r.chance(0.3) ? r.pick(['\n', '\n\n', '\r\n']) : '';
    return [insertAt(text, at, before + piece + after), `insertTokens(${JSON.stringify(before + piece + after)} @${at} ${where})`];
  },
  relabel(text, r) {
    // A paragraph's number or label changed into another one: gaps, duplicates, mixed schemes.
    const labels = [...text.matchAll(/(^|[\n\r])[ \t]*(\d+(?:\.\d+)*\.?|\([a-z]{1,4}\)|\([ivxlc]+\))/g)];
    if (labels.length === 0) return [text, 'relabel(none)'];
    const m = r.pick(labels);
    const start = m.index! + m[1].length + m[0].slice(m[1].length).indexOf(m[2]);
    const replacement = r.pick(['1.', '7.', '3bis.', '(a)', '(c)', '(iv)', '(x)', '1.1', '1.1.1', '2.10', '', '(', '1)', 'a)', 'I.', 'A.', '99999999999999999999.']);
    return [text.slice(0, start) + replacement + text.slice(start + m[2].length), `relabel(${JSON.stringify(m[2])} -> ${JSON.stringify(replacement)} @${start})`];
  },
  oddCharacter(text, r) {
    const count = r.length(4);
    let piece = '';
    for (let i = 0; i < count; i++) piece += r.pick(ODD_CHARACTERS);
    const [at, where] = trickyOffset(r, text);
    return [insertAt(text, at, piece), `oddCharacter(${JSON.stringify(piece)} @${at} ${where})`];
  },
  replaceFinalMark(text, r) {
    // The punctuation checks read a paragraph's last character: make it half of a pair, an emoji, a mark.
    const ends = lineEnds(text).filter((end) => end > 0);
    if (ends.length === 0) return [text, 'replaceFinalMark(none)'];
    const end = r.pick(ends);
    const replacement = r.pick(['😀', '😀,', ',😀', ';👍🏽', '.\u0301', '\ud83d', '\ude00', ' ', '\u00a0', '\u200b', '', '”', '.”', ',¹', ';²', ':']);
    const cut = r.chance(0.5) ? 1 : 0;
    return [text.slice(0, end - cut) + replacement + text.slice(end), `replaceFinalMark(${cut ? 'replace' : 'append'} ${JSON.stringify(replacement)} @${end - cut})`];
  },
  duplicateSpan(text, r) {
    if (text.length === 0) return [text, 'duplicateSpan(none)'];
    const from = r.int(text.length);
    const end = Math.min(text.length, from + r.length(5000));
    const to = r.chance(0.5) ? end : r.int(text.length + 1);
    return [insertAt(text, to, text.slice(from, end)), `duplicateSpan(${from}..${end} -> ${to})`];
  },
  spliceDocuments(text, r, pool) {
    const other = r.pick(pool);
    const cutOwn = r.chance(0.5) ? r.pick(lineStarts(text)) : r.int(text.length + 1);
    const cutOther = r.chance(0.5) ? r.pick(lineStarts(other)) : r.int(other.length + 1);
    if (r.chance(0.5)) return [text.slice(0, cutOwn) + other.slice(cutOther), `spliceDocuments(own ..${cutOwn} + other ${cutOther}.. of ${other.length})`];
    return [insertAt(text, cutOwn, other), `spliceDocuments(whole other of ${other.length} @${cutOwn})`];
  },
  repeat(text, r, _pool, room = ROOM) {
    // A line, a span or a token many times over: the shape of a pasted table or a stuck key.
    const lines = splitLines(text);
    const roll = r.int(3);
    const unit = roll === 0 && lines.length ? r.pick(lines) : roll === 1 && text.length ? text.slice(r.int(text.length)).slice(0, r.length(200)) : r.pick(DRAFTING_TOKENS) + r.pick(['', ' ', '\n']);
    if (unit.length === 0) return [text, 'repeat(none)'];
    const n = copies(r, unit.length, room, 200_000);
    const at = r.pick(lineStarts(text));
    return [insertAt(text, at, unit.repeat(n)), `repeat(${JSON.stringify(unit.slice(0, 40))}${unit.length > 40 ? '…' : ''} x ${n} @${at})`];
  },
  veryLongLine(text, r, _pool, room = ROOM) {
    const unit = r.pick(['word ', 'x', '1. ', '(a) ', '¹ ', 'word¹ ', 'words² and ', '[^1] ', '<sup>3</sup> ', '😀', '\u0301', 'resolution 73/266, ', 'paragraph 3 above, ', ', ', '\t']);
    const n = copies(r, unit.length, room, 300_000);
    const at = r.pick(lineStarts(text));
    return [insertAt(text, at, unit.repeat(n) + (r.chance(0.7) ? '\n' : '')), `veryLongLine(${JSON.stringify(unit)} x ${n} @${at})`];
  },
  manyMarkers(text, r, _pool, room = ROOM) {
    // Markers by the hundred thousand on one line, or one per line, with or without their
    // footnotes: half the time as many as the room holds, since limits (an argument list, a
    // loop gone quadratic) show only past some count.
    const style = r.pick(['a¹', 'b¹ ', 'word¹ ', 'word1 ', 'text,2 ', 'x[^1]', 'y<sup>1</sup>', 'z^1']);
    const perLine = r.chance(0.3);
    const unit = perLine ? `${style.trim()}\n` : style;
    const n = r.chance(0.5) ? Math.max(1, Math.floor((room - 60) / unit.length)) : copies(r, unit.length, room - 60, 250_000);
    const notes = r.chance(0.5) ? '\n__________________\n¹ A footnote.\n[^1]: Another.\n' : '';
    const at = r.pick(lineStarts(text));
    return [insertAt(text, at, unit.repeat(n) + '\n' + notes), `manyMarkers(${JSON.stringify(unit)} x ${n}${notes ? ' + footnotes' : ''} @${at})`];
  },
  deepLabels(text, r, _pool, room = ROOM) {
    // "3. Decides:", "3.1", "3.1.1" … each on its line: a label tree as deep as the room allows
    // (half the time), or one label of thousands of parts. The text after a label is capitalised:
    // a lower-case word after "1.1" makes it running text, not a label.
    const nested = r.chance(0.7);
    const number = r.range(1, 30);
    const deepest = nested ? Math.floor(Math.sqrt(Math.max(0, room) / 1.05)) : Math.floor(room / 2.2);
    const depth = Math.max(1, Math.min(deepest, r.chance(0.5) ? 5000 : r.length(3000)));
    let block: string;
    if (nested) {
      block = `${number}. Decides:\n`;
      let label = `${number}.1`;
      for (let d = 0; d < depth; d++) {
        block += `${label} Item;\n`;
        label += '.1';
      }
    } else block = `${number}.${'1.'.repeat(depth)} Item;\n`;
    const at = r.pick(lineStarts(text));
    return [insertAt(text, at, block), `deepLabels(${nested ? 'staircase' : 'one label'} of ${depth} levels @${at})`];
  },
  manyParagraphs(text, r, _pool, room = ROOM) {
    // Paragraphs by the thousand: unnumbered, unpunctuated, misnumbered: a diagnostic on each.
    const form = r.pick(['Recalling its resolution 73/27', 'Decides to remain seized of the matter', 'x', 'Noting with concern that', '(a) item', '1. Decides']);
    const blank = r.chance(0.5) ? '\n' : '';
    const unit = `${form}\n${blank}`;
    const n = copies(r, unit.length, room, 50_000);
    const at = r.pick(lineStarts(text));
    return [insertAt(text, at, unit.repeat(n)), `manyParagraphs(${JSON.stringify(unit)} x ${n} @${at})`];
  },
};

/** The fuzzer draws from both tables; the costly repetitions less often, to keep cases per second up. */
export const FUZZ_WEIGHTED: string[] = [
  ...WEIGHTED,
  ...Object.keys(FUZZ_MUTATIONS).flatMap((name) => {
    const weight = ['repeat', 'manyParagraphs', 'veryLongLine'].includes(name) ? 2 : ['manyMarkers', 'deepLabels'].includes(name) ? 1 : 6;
    return Array<string>(weight).fill(name);
  }),
];

export function fuzzMutation(name: string): Mutation {
  return FUZZ_MUTATIONS[name] ?? MUTATIONS[name];
}

/**
 * One to six mutations of `base`; after each, a text longer than `maxSize` is cut to it, so that
 * the cut is part of the printed chain.
 */
export function fuzzMutate(base: string, r: Random, pool: string[], maxSize: number): { text: string; steps: string[] } {
  const count = r.chance(0.3) ? 1 : r.range(2, 6);
  let text = base.length > maxSize ? base.slice(0, maxSize) : base;
  const steps: string[] = base.length > maxSize ? [`cut(${maxSize})`] : [];
  for (let i = 0; i < count; i++) {
    const name = r.pick(FUZZ_WEIGHTED);
    const [next, step] = fuzzMutation(name)(text, r, pool, maxSize - text.length);
    text = next;
    steps.push(step);
    if (text.length > maxSize) {
      text = text.slice(0, maxSize);
      steps.push(`cut(${maxSize})`);
    }
  }
  return { text, steps };
}
