// Delta debugging of a failing text, for the property tests and the fuzzer: the smallest text a
// reader can study is worth more than the mutated megabyte that found the bug.
import { splitLines } from './mutations';

export interface ShrinkBudget {
  /** Most calls of `fails` (each may parse the text and run features). */
  calls?: number;
  /** Wall-clock limit in ms: a text of a megabyte costs far more per call than a seed. */
  ms?: number;
}

/**
 * Removes chunks of lines, then of characters (halving the chunk each time), while `fails` still
 * holds; up to three rounds, since a removed character can make whole lines removable again.
 */
export function shrinkText(text: string, fails: (candidate: string) => boolean, budget: ShrinkBudget = {}): string {
  const maxCalls = budget.calls ?? 4000;
  const deadline = budget.ms === undefined ? Infinity : Date.now() + budget.ms;
  let calls = 0;
  const spent = () => calls >= maxCalls || Date.now() > deadline;
  const test = (candidate: string) => {
    calls++;
    return fails(candidate);
  };
  const pass = (units: string[]): string[] => {
    for (let size = Math.max(1, units.length >> 1); size >= 1 && !spent(); size = size === 1 ? 0 : Math.max(1, size >> 1)) {
      for (let at = 0; at < units.length && !spent(); ) {
        const candidate = units.slice(0, at).concat(units.slice(at + size));
        if (test(candidate.join(''))) units = candidate;
        else at += size;
      }
    }
    return units;
  };
  let current = text;
  for (let round = 0; round < 3 && !spent(); round++) {
    const before = current;
    current = pass(splitLines(current)).join('');
    current = pass(current.split('')).join('');
    if (current === before) break;
  }
  return current;
}
