// Running page headers of PDF text: at each page break the document repeats its symbol and its
// title, or the first words of the title, sometimes wrapped over two lines and sometimes on one
// line with the symbol ("A/RES/79/128 Protection of persons in the event of disasters"). Railcar
// Markdown keeps some of them as lines of their own between, or inside, paragraphs. They are
// recognised by their words, compared with the titles the header gives, never by position alone.
import { SYMBOL_PATTERN } from './lineKinds';

const EDGE_SYMBOL = new RegExp(String.raw`^\s*${SYMBOL_PATTERN}\s+|\s+${SYMBOL_PATTERN}\s*$`, 'g');
const ENDS_SENTENCE = /[,;:.]\s*$/;
/** Fewer letters than this are too little evidence that a line repeats a title. */
const MIN_LETTERS = 10;

/** Letters and digits only, lower case: "Seventy -ninth  session" and "Seventy-ninth session" agree. */
export function lettersOf(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export type HeaderMatch = 'title' | 'titleStart' | 'titlePart';

/** Lower case, one space between words, none before a mark or around a hyphen. */
function spacingOf(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/ (?=[,;:.)])/g, '').replace(/ ?- ?/g, '-').trim();
}

export class RunningHeaderMatcher {
  private readonly titles: string[];
  private readonly spaced: string[];

  /** Lower-case words of the titles: a line whose first word is not one of them is not a header. */
  private readonly words: Set<string>;
  /** First words of the titles: a header that does not continue another begins like a title. */
  private readonly firstWords: Set<string>;
  private readonly longest: number;

  constructor(titles: string[]) {
    this.titles = [...new Set(titles.map(lettersOf).filter((t) => t.length >= MIN_LETTERS))];
    this.spaced = titles.map(spacingOf);
    this.words = new Set(titles.flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w !== ''));
    this.firstWords = new Set(titles.map((t) => /[\p{L}\p{N}]+/u.exec(t)?.[0].toLowerCase() ?? '').filter((w) => w !== ''));
    this.longest = Math.max(0, ...titles.map((t) => t.length));
  }

  get empty(): boolean {
    return this.titles.length === 0;
  }

  /**
   * How a line repeats a title: the whole title, its beginning (a wrapped or shortened running
   * header), or a later part of it (the second line of a wrapped header, `continuing`). A
   * symbol at either end of the line is set aside first.
   */
  match(line: string, continuing = false): { kind: HeaderMatch; letters: string } | undefined {
    // Cheap refusals first: this runs on every line of the body.
    if (line.length > this.longest * 2 + 40) return undefined;
    const stripped = line.replace(EDGE_SYMBOL, ' ').trim();
    const firstWord = /[\p{L}\p{N}]+/u.exec(stripped)?.[0].toLowerCase();
    if (firstWord === undefined || !(continuing ? this.words : this.firstWords).has(firstWord)) return undefined;
    if (stripped === '' || !/^[\p{L}\p{N}]/u.test(stripped)) return undefined;
    const letters = lettersOf(stripped);
    // The last line of a wrapped header may be short ("for 2024"); a header's first line may not.
    if (letters.length < MIN_LETTERS && !continuing && !this.titles.includes(letters)) return undefined;
    if (letters.length === 0) return undefined;
    // A line that ends a sentence part is text ("… in the Context of International Security;"),
    // unless the title has that mark there too ("… Highly Migratory Fish Stocks,").
    if (ENDS_SENTENCE.test(stripped)) {
      const spaced = spacingOf(stripped);
      if (!this.spaced.some((title) => title.includes(spaced))) return undefined;
    }
    for (const title of this.titles) {
      if (title === letters) return { kind: 'title', letters };
      if (title.startsWith(letters) && /^[\p{Lu}\p{N}]/u.test(stripped)) return { kind: 'titleStart', letters };
    }
    for (const title of this.titles) if (title.includes(letters)) return { kind: 'titlePart', letters };
    return undefined;
  }

  /** Whether two consecutive header lines together still read as one title. */
  continues(before: string, after: string): boolean {
    const joined = before + after;
    return this.titles.some((title) => title.includes(joined));
  }
}
