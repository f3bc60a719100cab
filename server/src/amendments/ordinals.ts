// Numbers in words as amendments spell them: the ordinal that names a preambular paragraph ("the
// twenty-first preambular paragraph", the parser's vocabulary spells 1 to 199 as the UN does) and
// the count of paragraphs inserted together ("Insert two new operative paragraphs").
import { ordinalWord, parseOrdinalWord } from '../parser/vocabulary';

export { ordinalWord, parseOrdinalWord };

const CARDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** 2 -> "two"; past twelve, digits (as UN editorial practice writes them). */
export function cardinalWord(n: number): string {
  return n >= 0 && n < CARDINALS.length ? CARDINALS[n] : String(n);
}

/** "two" -> 2, "14" -> 14; undefined otherwise. */
export function parseCardinalWord(word: string): number | undefined {
  if (/^\d{1,4}$/.test(word)) return Number(word);
  const at = CARDINALS.indexOf(word.toLowerCase());
  return at >= 0 ? at : undefined;
}
