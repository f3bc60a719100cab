// Text -> words and punctuation, tolerant of what differs between copies of the same agreed
// wording without changing it:
//
// - case ("Recalling" = "recalling"), diacritics and ligatures (NFKD, marks dropped: "ﬁ" = "fi");
// - quotes: “ ” „ « » = "; ‘ ’ ʼ ′ ` = ';
// - dashes and hyphens: inside a word every hyphen or dash is dropped, so "consensus-driven",
//   "consensus–driven" and the lost-hyphen "consensusdriven" are one word, and "2021–2025" =
//   "2021-2025"; a dash between spaces is punctuation "-"; soft hyphens vanish;
// - whitespace and line breaks (words only), footnote markers (superscript digits, <sup>1</sup>,
//   [^1], ^1 are skipped; corpus text arrives without them);
// - extraction artifacts: a word split by a stray space ("o f", "consul tative") is joined back
//   by the index when the joined form is a word of the corpus (see joinedId in keys.ts); the
//   tokenizer itself only splits.
//
// Punctuation between words is kept (a comma is part of agreed language) but apart from the
// words, so that search can ignore it while the identity of a wording and the deviation check
// see it. Only , ; : . ( ) " ' ! ? / & % and a spaced dash count; markup characters (* _ # [ ]
// < > `) are ignored.

/** Words of one text with the punctuation after each, and optionally their offsets. */
export interface Tokens {
  /** Normalised words: lower case, hyphens dropped, apostrophes straight. */
  words: string[];
  /** Significant punctuation after each word ("" for none), normalised. */
  after: string[];
  /** Punctuation before the first word (an opening quote or bracket). */
  before: string;
  /** Offsets of each word in the text, when asked for (UTF-16, end exclusive). */
  starts: number[];
  ends: number[];
  /** True when the text ends inside a word (no whitespace or punctuation after the last one). */
  openEnd: boolean;
}

const enum C {
  Other = 0,
  Word = 1,
  Hyphen = 2,
  Apostrophe = 3,
  Joiner = 4, // '/' or '.' or ',' between word characters
  Quote = 5,
  Punct = 6,
  Space = 7,
  Skip = 8, // superscript digits, soft hyphen, zero-width characters
}

// Classes of the 64 k BMP code units, filled lazily (0 = not yet known).
const classes = new Uint8Array(65536);
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

// Hyphen-minus and the dashes; the apostrophes and primes; the quotes; the punctuation that counts;
// the spaces and line breaks; what vanishes (soft hyphen, zero-width characters, superscript digits).
const HYPHENS = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);
const APOSTROPHES = new Set([0x27, 0x2018, 0x2019, 0x02bc, 0x2032, 0x60, 0x201b]);
const QUOTES = new Set([0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0xab, 0xbb, 0x2033]);
const PUNCTUATION = new Set([0x2c, 0x3b, 0x3a, 0x28, 0x29, 0x21, 0x3f, 0x26, 0x25]);
const SPACES = new Set([0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x2007, 0x202f, 0x3000, 0x2028, 0x2029, 0x0c, 0x0b]);
const SKIPPED = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xb9, 0xb2, 0xb3]);

function classify(code: number): number {
  const known = classes[code];
  if (known !== 0) return known - 1;
  let cls: number;
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) cls = C.Word;
  else if (HYPHENS.has(code)) cls = C.Hyphen;
  else if (APOSTROPHES.has(code)) cls = C.Apostrophe;
  else if (code === 0x2f || code === 0x2e) cls = C.Joiner;
  else if (QUOTES.has(code)) cls = C.Quote;
  else if (PUNCTUATION.has(code)) cls = C.Punct;
  else if (SPACES.has(code) || (code >= 0x2000 && code <= 0x200a)) cls = C.Space;
  else if (SKIPPED.has(code) || (code >= 0x2070 && code <= 0x209f)) cls = C.Skip;
  else if (code >= 0xd800 && code <= 0xdfff) cls = C.Other;
  else cls = WORD_CHAR.test(String.fromCharCode(code)) ? C.Word : C.Other;
  classes[code] = cls + 1;
  return cls;
}

/** The normalised form of one punctuation character (quotes and dashes folded), or "". */
function punctOf(code: number, cls: number): string {
  if (cls === C.Quote) return '"';
  if (cls === C.Apostrophe) return "'";
  if (cls === C.Hyphen) return '-';
  if (cls === C.Joiner) return code === 0x2f ? '/' : '.';
  if (cls === C.Punct) return String.fromCharCode(code);
  return '';
}

const MARKUP = /<sup>[^<]{0,12}<\/sup>|\[\^[^\]\s]{1,12}\]|\^\d{1,3}|\]\([^)\s]*\)/gi;

/** Removes footnote markers and link targets a drafter may have typed; keeps offsets when nothing matches. */
export function stripMarkers(text: string): string {
  if (text.indexOf('<') < 0 && text.indexOf('^') < 0 && text.indexOf('](') < 0) return text;
  // Same length, so offsets stay valid: markers become spaces.
  return text.replace(MARKUP, (m) => (m.startsWith('](') ? ']' + ' '.repeat(m.length - 1) : ' '.repeat(m.length)));
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;

function foldWord(raw: string): string {
  let word = raw.toLowerCase();
  if (NON_ASCII.test(word)) {
    word = word.normalize('NFKD').replace(MARKS, '');
    if (NON_ASCII.test(word)) word = word.normalize('NFC');
  }
  return word;
}

/** A reusable token buffer (the index tokenizes hundreds of thousands of paragraphs). */
export function newTokens(): Tokens {
  return { words: [], after: [], before: '', starts: [], ends: [], openEnd: false };
}

/**
 * Splits text into normalised words and the punctuation between them. `out` is reused and
 * returned; offsets are filled only when `offsets` is true.
 */
export function tokenize(text: string, out: Tokens = newTokens(), offsets = false): Tokens {
  const { words, after, starts, ends } = out;
  words.length = 0;
  after.length = 0;
  starts.length = 0;
  ends.length = 0;
  out.before = '';
  out.openEnd = false;
  const n = text.length;
  let punct = '';
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = classify(code);
    if (cls !== C.Word) {
      // Punctuation: a dash between spaces counts, a hyphen glued to a word's end (a line-end
      // hyphen the parser left) does not.
      if (cls === C.Hyphen) {
        const prevSpace = i === 0 || classify(text.charCodeAt(i - 1)) === C.Space;
        const nextSpace = i + 1 >= n || classify(text.charCodeAt(i + 1)) === C.Space;
        if (prevSpace || nextSpace) punct += '-';
      } else if (cls !== C.Space && cls !== C.Skip && cls !== C.Other) {
        punct += punctOf(code, cls);
      }
      i++;
      continue;
    }
    // A word: word characters, joined by hyphens (dropped), internal apostrophes, and / . ,
    // between word characters ("73/266", "A/C.1/74", "1.3", "1,000").
    if (words.length === 0) out.before = punct;
    else after[words.length - 1] = punct;
    punct = '';
    const start = i;
    let plain = true; // ASCII word characters only, nothing to drop or fold
    let j = i + 1;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      const k = classify(c);
      if (k === C.Word) {
        if (c > 127) plain = false;
        continue;
      }
      if (k === C.Skip) {
        // Soft hyphen or zero-width inside a word; a superscript digit ends it (a glued marker).
        if (c === 0xad || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) {
          if (j + 1 < n && classify(text.charCodeAt(j + 1)) === C.Word) {
            plain = false;
            continue;
          }
        }
        break;
      }
      if ((k === C.Hyphen || k === C.Apostrophe || k === C.Joiner || (c === 0x2c && isDigit(text.charCodeAt(j - 1)))) && j + 1 < n) {
        const next = text.charCodeAt(j + 1);
        if (classify(next) === C.Word && (c !== 0x2c || isDigit(next))) {
          if (k === C.Hyphen || (k === C.Apostrophe && c !== 0x27)) plain = false;
          j++;
          continue;
        }
      }
      break;
    }
    const end = j;
    const raw = text.slice(start, end);
    let word: string;
    if (plain) word = raw.toLowerCase();
    else {
      let built = '';
      for (let k = 0; k < raw.length; k++) {
        const c = raw.charCodeAt(k);
        const cls2 = classify(c);
        if (cls2 === C.Hyphen || cls2 === C.Skip) continue;
        built += cls2 === C.Apostrophe ? "'" : raw[k];
      }
      word = foldWord(built);
    }
    words.push(word);
    after.push('');
    if (offsets) {
      starts.push(start);
      ends.push(end);
    }
    i = end;
  }
  if (words.length > 0) {
    after[words.length - 1] = punct;
    const last = text.charCodeAt(n - 1);
    out.openEnd = classify(last) === C.Word;
  } else {
    out.before = punct;
  }
  return out;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const TERMINAL = /[\s,;:.]+$/;

/** Punctuation after a paragraph's last word without the final , ; : or . its position gives it. */
export function stripTerminal(punct: string): string {
  return punct.replace(TERMINAL, '');
}

/** True when punctuation ends a clause for continuations: 1 for a comma, 2 for ; : . ! ?, else 0. */
export function clauseEnd(punct: string): number {
  if (/[;:.!?]/.test(punct)) return 2;
  return punct.includes(',') ? 1 : 0;
}
