// Words as amendments quote them: a text read as its words and marks, whitespace aside, quote
// and dash styles folded, so that quoted words are found whatever the line breaks and spacing of
// either text. A word keeps its inner hyphens, apostrophes, full stops and slashes ("Secretary-
// General", "A/RES/73/266", "1.5"); every other mark is a token of its own.

export interface Words {
  /** Folded tokens, for comparing. */
  keys: string[];
  /** Offsets of each token in the text (end exclusive). */
  starts: number[];
  ends: number[];
}

const TOKEN = /[\p{L}\p{N}\p{M}]+(?:[-\u2010\u2011\u00ad'\u2019./][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

const FOLD: Record<string, string> = {};
for (const c of '\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033') FOLD[c] = '"';
for (const c of '\u2018\u2019\u02bc\u2032\u201b') FOLD[c] = "'";
for (const c of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212') FOLD[c] = '-';
const FOLDABLE = /[\u201c-\u201f\u00ab\u00bb\u2033\u2018\u2019\u02bc\u2032\u201b\u2010-\u2015\u2212\u00ad]/g;

export function foldStyles(text: string): string {
  return text.replace(FOLDABLE, (c) => (c === '\u00ad' ? '-' : FOLD[c]));
}

export function wordsOf(text: string): Words {
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(TOKEN)) {
    keys.push(foldStyles(match[0]));
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  return { keys, starts, ends };
}

/** Whether a token is a word (not a mark). */
export const isWord = (key: string) => /[\p{L}\p{N}]/u.test(key);

/** Where the token sequence `needle` occurs in `hay` (token indexes), at most `limit`. */
export function occurrences(hay: string[], needle: string[], limit = Infinity): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  const first = needle[0];
  for (let i = 0; i + needle.length <= hay.length && found.length < limit; i++) {
    if (hay[i] !== first) continue;
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) found.push(i);
  }
  return found;
}

/** A final , ; : or . is the paragraph's place, not its wording: how many tokens before it. */
export function wordingLength(words: Words): number {
  const n = words.keys.length;
  return n > 0 && /^[,;:.]$/.test(words.keys[n - 1]) ? n - 1 : n;
}
