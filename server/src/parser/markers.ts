// Footnote markers that lost their superscript. PDF tools and copy-paste print a marker as a
// plain digit run glued to a word or a mark ("Women,5", "79/7;1", "bas is3"), after a space
// ("Rights, 1 the", "Saint Helena 2", "2015 –2030 3") or glued to a number ("20152" is 2015 with
// marker 2, "77/2285" is 77/228 with marker 5). A digit run alone cannot tell; the document can:
// a UN document refers to each footnote once, in the order of the footnotes, before the
// footnote's text. So every digit run that could be a marker becomes a candidate with a
// strength, and the footnotes, taken in order, each pick their candidate between the marker
// before and their own text.
import { partitionPoint } from '../arrays';
import { MONTHS } from './vocabulary';

export interface MarkerCandidate {
  /** Source offset of the marker's first character. */
  at: number;
  label: string;
  /**
   * 3: glued to a lower-case letter or a mark; 2: after a mark and a space, or glued to a number;
   * 1: after a word and a space; 0: after a word that may take a number ("session 47").
   */
  strength: number;
}

export interface PlacedFootnote {
  label: string;
  /** Where the footnote's own text stands: its marker comes before it. */
  at: number;
}

/** The glued markers of a document, by source offset (sorted). */
export interface GluedMarkers {
  offsets: number[];
  labels: string[];
}

const DIGITS_OR_STARS = /\d{1,7}|\*{1,3}/g;
/** About a page of text: a footnote's text stands on the page of its marker. */
const NEAR_FOOTNOTE = 6000;
const MONTH_AFTER = new RegExp(`^\\s?(?:${MONTHS.join('|')})\\b`);
/** Words that take a number after them: "Goal 2", "paragraph 3", "vol. 2", "December 2", "of 5". */
const TAKES_NUMBER = new RegExp(
  String.raw`(?:^|[\s(])(?:articles?|paragraphs?|subparagraphs?|resolutions?|decisions?|annex(?:es)?|chapters?|chap\.|sections?|sect\.|parts?|rules?|principles?|no\.|nos\.|vol\.|vols\.|para\.|paras\.|pages?|p\.|pp\.|appendix|tables?|figures?|box|boxes|steps?|schedules?|clauses?|volumes?|numbers?|years?|days?|weeks?|months?|version|rev\.|add\.|corr\.|supplement|of|and|to|or|from|between|by|with|under|in|on|at|the|a|an|over|than|about|nearly|some|least|most|only|first|last|all|every|each|per|covid|sdg|cop|g|${MONTHS.join('|')})$`,
  'i',
);
/** Words that may take a number or stand before a marker: "session 47", "Development Goals 6" (marker 6). */
const MAY_TAKE_NUMBER = /(?:^|[\s(])(?:goals?|targets?|sessions?|meetings?|items?|options?|recommendations?|groups?|levels?|phases?|stages?|tiers?|categor(?:y|ies)|clusters?|pillars?|regions?|zones?|protocols?|titles?)$/i;
/** Abbreviations after which a digit run is part of a reference ("Dec.8", "Res.9", "No.2"). */
const ABBREVIATION_BEFORE = /(?:^|[^\p{L}])(?:Corr|Rev|Add|No|Nos|para|paras|chap|sect|art|Art|vol|vols|p|pp|Suppl|Part|annex|Dec|Res|Sess|Ser|Vol|Doc|Inf|Conf|Rec|Decl|[A-Z])\.$/u;

/** Words after a number that make it a quantity: "2 million", "1 per cent", "3 years". */
const QUANTITY_AFTER = /^\s?(?:million|billion|trillion|per\b|percent|%|years?\b|days?\b|months?\b|weeks?\b|hours?\b|times\b|minutes?\b|members?\b|States\b|countries\b|persons?\b|people\b|seats?\b|votes?\b|abstentions?\b|km|kg|tons?\b|tonnes?\b|degrees?\b|°)/i;
/** Short words that a marker printed inside them cuts in two: "a 8 nd". */
const SPLIT_WORD = /^(?:and|the|of|to|in|for|on|or|as|at|by)$/;
/** A year and a full stop, before a glued marker: "June 2017.3", "2015–2030.14". */
const YEAR_THEN_STOP = /^[\d–-]*(?:19|20)\d\d\.$/;
const isLower = (ch: string) => ch !== '' && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const isUpper = (ch: string) => ch !== '' && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isYear = (digits: string) => digits.length === 4 && (digits.startsWith('19') || digits.startsWith('20'));

/** Candidates on one line's content, source[start, end). `labels` are the document's footnote labels. */
export function markerCandidates(source: string, start: number, end: number, labels: Set<string>, out: MarkerCandidate[]): void {
  const text = source.slice(start, end);
  DIGITS_OR_STARS.lastIndex = 0;
  for (let match = DIGITS_OR_STARS.exec(text); match; match = DIGITS_OR_STARS.exec(text)) {
    const run = match[0];
    const at = match.index;
    const before = text.charAt(at - 1);
    const after = text.charAt(at + run.length);
    const add = (offset: number, label: string, strength: number) => {
      if (labels.has(label) || (strength >= 2 && /^\d{1,2}$/.test(label))) out.push({ at: start + offset, label, strength });
    };
    if (run.startsWith('*')) {
      // "Uzbekistan:*", "Uzbekistan: *": the sponsors' footnote of a draft.
      const mark = before === ' ' ? text.charAt(at - 2) : before;
      // "A/RES/78/68*": a reissued document's star on its symbol.
      const onSymbol = before !== ' ' && /\/[\w.]*\d$/.test(text.slice(Math.max(0, at - 30), at));
      if (labels.has(run) && (isLower(mark) || isUpper(mark) || /[,;:.)”’"]/.test(mark) || onSymbol)) out.push({ at: start + at, label: run, strength: 3 });
      continue;
    }
    // "Agreement4and", "Weapons 6and": the extraction dropped the space after the marker; not "2nd", "4bis".
    const gluedAfter = isLower(after) && !/^(?:st|nd|rd|th|bis|ter|quater|km|kg|mm|cm|am|pm)(?!\p{L})/u.test(text.slice(at + run.length, at + run.length + 3));
    const endsWell = after === '' || /[\s,.;:)”’"]/.test(after) || gluedAfter;
    // Glued to a number: a year ("20152", "2024–203412", "beyond 2030116") or a resolution number too long for its session ("77/2285").
    if (run.length >= 5 && isYear(run.slice(0, 4)) && !/[\w/.-]/.test(before) && endsWell) {
      add(at + 4, run.slice(4), 2);
      continue;
    }
    if (before === '/' && (run.length === 4 || run.length === 5) && endsWell && /(?:^|[^\d])(?:[3-9]\d)\/$/.test(text.slice(Math.max(0, at - 4), at))) {
      // "55/2831" is 55/283 with marker 1 or 55/28 with marker 31: the footnotes' order decides.
      add(at + 3, run.slice(3), 2);
      if (run.length === 4) add(at + 2, run.slice(2), 2);
      continue;
    }
    if (endsWell && run.length >= 2 && run.length <= 4 && gluedToNumber(text, at, run, before, add)) continue;
    if (run.length > 3 || !endsWell || run === '0' || run.startsWith('0')) continue;
    if (isLower(before)) {
      add(at, run, 3);
      continue;
    }
    if (isUpper(before)) {
      // "G20", "SDG3", "COP28": a name with a number; a marker only when the order confirms it.
      add(at, run, 1);
      continue;
    }
    if (/[,;:)”’"]/.test(before) || (before === '.' && (isLower(text.charAt(at - 2)) || /(?:^|[^\d.])(?:19|20)\d\d\.$/.test(text.slice(Math.max(0, at - 6), at))))) {
      const word = text.slice(Math.max(0, at - 12), at);
      const token = /\S*$/.exec(text.slice(Math.max(0, at - 40), at))![0];
      // "Dec.8", "GC.18/Res.9", "E.86.IX.7": part of a reference.
      if (ABBREVIATION_BEFORE.test(word) || (before === '.' && /[\d/]/.test(token) && !YEAR_THEN_STOP.test(token))) continue;
      // "1,000": a thousands separator, not a marker; "2024,113" is a year and its marker.
      // "5/14,118": a symbol's number is no thousands group.
      if (before === ',' && run.length === 3 && /(?:^|[^\d/])\d{1,3}(?:,\d{3})*,$/.test(token)) continue;
      add(at, run, /\d/.test(text.charAt(at - 2)) && before !== ';' && before !== ',' && before !== ')' && before !== '.' ? 2 : 3);
      continue;
    }
    if (at === 0) {
      // A marker that the extraction put at the start of a line: "…, ⏎22  including its strategy".
      if (/^\s+\p{Ll}/u.test(text.slice(run.length, run.length + 3))) add(at, run, 1);
      continue;
    }
    if (before !== ' ' && before !== '\u00a0') continue;
    const rest = text.slice(at + run.length, at + run.length + 16);
    if (MONTH_AFTER.test(rest) || QUANTITY_AFTER.test(rest) || /^[.,]\d/.test(rest)) continue;
    const head = text.slice(Math.max(0, at - 40), at).trimEnd();
    const lastToken = /\S+$/.exec(head)?.[0] ?? '';
    if (lastToken === '') continue;
    if (/^ {2}\S/.test(rest) || gluedAfter) {
      // PyMuPDF and pypdf print a lost superscript with two spaces after it ("the decision 20  on
      // funding"), or with none ("Weapons 6and"); a number in running text has one.
      add(at, run, 2);
    } else if (YEAR_THEN_STOP.test(lastToken) && /^(?:\s+\p{Lu}|\s*$)/u.test(rest)) {
      add(at, run, 2); // "Disaster Risk Reduction 2015–2030. 14⏎"
    } else if (/[\p{Ll}”’")]\.$/u.test(lastToken) && !ABBREVIATION_BEFORE.test(lastToken) && /^(?:\s+(?:\d{1,3}\.\s+)?\p{Lu}|\s*$)/u.test(rest)) {
      add(at, run, 2); // "Right to Development. 5 We recognize", "the Future. 16 9. We note", "guidelines. 27⏎"
    } else if (/\d\/\d{1,4}$/.test(lastToken)) {
      add(at, run, 2); // "resolutions 5/7 27 and 5/8 28 of"
    } else if (/[,;:)”’"]$/.test(lastToken)) {
      // "Rights, 1 the", "2023, 4 as well", "Agenda 21, 8"; not "paragraphs 3, 4 and 5".
      // A list goes on with a number ("3, 4 and 5"); "children under 5, 2 and that" does not.
      const list = /^\d{1,3}[,;:]$/.test(lastToken) && TAKES_NUMBER.test(head.slice(0, head.length - lastToken.length).trimEnd()) && /^(?:\s*[,;–-]|\s+(?:and|or|to)\s+\d|\s*$)/.test(rest);
      if (!list) add(at, run, 2);
    } else if (/(?:^|[^\d])(?:19|20)\d\d$/.test(lastToken)) {
      add(at, run, 2); // "2013 3 and", "2015 –2030 3"
    } else if (/\p{L}$/u.test(lastToken) && !TAKES_NUMBER.test(head)) {
      add(at, run, MAY_TAKE_NUMBER.test(head) ? 0 : 1); // "Saint Helena 2", "Convention 1 and"; "session 47"
    } else if (/(?:^|\s)the \p{L}+$/u.test(head) && /^ (?:to|and|of|on|in|for|which|that)\b/.test(rest)) {
      add(at, run, 0); // "reiterates the decision 21 to provide": a decision is cited by its symbol, "decision 2/CP.27"
    } else if (/(?:^|\s)\p{Ll}$/u.test(head) && SPLIT_WORD.test(`${lastToken}${/^ (\p{Ll}{1,3})\b/u.exec(rest)?.[1] ?? '#'}`)) {
      add(at, run, 1); // "2030, a 8 nd other": the marker printed inside "and"
    }
  }
}

/**
 * A marker glued to the number of a name or a symbol that is not a GA resolution's: "COVID-1918",
 * "decision 1/CP.2731", "resolutions 5/64" (UNEA 5/6), "decision CBD/CP/MOP/VIII/1914", "Agenda
 * 216". Which digits are the marker only the footnotes' order can say, so these are weak
 * candidates, taken only when nothing better stands in a footnote's window.
 */
function gluedToNumber(text: string, at: number, run: string, before: string, add: (offset: number, label: string, strength: number) => void): boolean {
  const head = text.slice(Math.max(0, at - 24), at);
  const split = (keep: number, strength: number) => {
    for (let k = keep; k < run.length && k <= keep + 1; k++) if (run[k] !== '0' && run.length - k <= 2) add(at + k, run.slice(k), strength);
  };
  if (before === '-' && /COVID-$/.test(head) && run.startsWith('19') && run.length > 2) {
    split(2, 2);
    return true;
  }
  if (before === '/' && /(?:^|[\s(,/])(?:\d|[IVXL]+)\/$/.test(head)) {
    split(1, 1);
    return true;
  }
  if (before === '.' && /\d\/[A-Z]{2,5}\.$/.test(head) && run.length > 2) {
    split(1, 1);
    return true;
  }
  if (before === ' ' && run.length === 3 && /(?:^|\s)Agenda $/.test(head)) {
    split(2, 1);
    return true;
  }
  return false;
}

/**
 * Picks each footnote's marker among the candidates (sorted by offset): the strongest in the
 * window between the marker before and the footnote's own text, the earliest of equal strength.
 * Footnotes that already have an explicit marker (superscript, `[^1]`) keep it. Later strong
 * candidates for a footnote already placed refer to it again. A strong
 * candidate that names a footnote missing from a run (1, 2, 4) is a marker without a footnote.
 */
export function chooseMarkers(candidates: MarkerCandidate[], footnotes: PlacedFootnote[], explicit: { at: number; label: string }[]): GluedMarkers {
  const chosen: { at: number; label: string }[] = [];
  let previous = -1;
  const byLabel = new Map<string, LabelCandidates>();
  for (const candidate of candidates) {
    let entry = byLabel.get(candidate.label);
    if (!entry) byLabel.set(candidate.label, (entry = { list: [], byStrength: [[], [], [], []] }));
    entry.byStrength[candidate.strength].push(entry.list.length);
    entry.list.push(candidate);
  }
  const placed: { at: number; label: string }[] = [];
  const firstAfter = (label: string | undefined, from: number) => {
    const entry = label === undefined ? undefined : byLabel.get(label);
    if (!entry) return Infinity;
    const found = earliest(entry, 2, firstAbove(entry.list, from), entry.list.length);
    return found < 0 ? Infinity : entry.list[found].at;
  };
  // The first explicit marker of each label, in source order: the only one that can stand before its footnote if any does.
  const firstExplicit = new Map<string, { at: number; label: string }>();
  for (const marker of explicit) if (!firstExplicit.has(marker.label)) firstExplicit.set(marker.label, marker);
  for (let f = 0; f < footnotes.length; f++) {
    const footnote = footnotes[f];
    // An explicit marker is certain, but copy-paste tools move some of them ("[^5]" after "[^13]"):
    // it does not move the window of the plain-digit markers.
    const own = firstExplicit.get(footnote.label);
    if (own && own.at < footnote.at) {
      placed.push(own);
      continue;
    }
    const entry = byLabel.get(footnote.label);
    // The strongest candidate between the marker before and `end`, the earliest of equal strength.
    const pick = (end: number, bounded: boolean): MarkerCandidate | undefined => {
      if (!entry) return undefined;
      const { list } = entry;
      const low = firstAbove(list, previous);
      const high = firstAbove(list, end - 1);
      for (let strength = 3; strength >= 1; strength--) {
        const found = earliest(entry, strength, low, high, strength);
        if (found >= 0) return list[found];
      }
      // A weakest candidate ("session 47") only when it stands near the footnote's text, on its
      // page, or between the markers of the footnotes around it (Markdown keeps footnotes at the end).
      const near = bounded ? low : Math.max(low, firstAbove(list, footnote.at - NEAR_FOOTNOTE - 1));
      const found = earliest(entry, 0, near, high, 0);
      return found < 0 ? undefined : list[found];
    };
    // The marker comes before the next footnote's: a later strong look-alike ("Dec.8") must not
    // take the place of the marker and push every later marker out of reach.
    const bound = Math.min(footnote.at, firstAfter(footnotes[f + 1]?.label, previous));
    const best = pick(bound, bound < footnote.at && previous >= 0) ?? pick(footnote.at, false);
    if (best) {
      chosen.push(best);
      placed.push(best);
      previous = best.at;
    }
  }
  // A footnote referred to again later ("the reports of the Group,2"): strong candidates after its first marker.
  const first = new Map<string, number>();
  for (const marker of placed) if (!first.has(marker.label)) first.set(marker.label, marker.at);
  const taken = new Set(chosen.map((c) => c.at));
  for (const candidate of candidates) {
    const since = first.get(candidate.label);
    if (since !== undefined && candidate.at > since && candidate.strength >= 2 && !taken.has(candidate.at)) chosen.push(candidate);
  }
  // Markers whose footnote is missing: strong candidates for the numbers a run of footnotes skips.
  const numbers = footnotes.map((f) => Number(f.label));
  if (numbers.every((n) => Number.isInteger(n) && n > 0)) {
    const have = new Set(footnotes.map((f) => f.label));
    placed.sort((a, b) => a.at - b.at);
    // The numbers that have candidates but no footnote, ascending: a run of footnotes may skip a
    // million numbers ("[^1]" then "[^1000000]"), but only these can be found.
    const unplaced: number[] = [];
    for (const label of byLabel.keys()) if (!have.has(label) && String(Number(label)) === label) unplaced.push(Number(label));
    unplaced.sort((a, b) => a - b);
    // Inside a run (1, 2, 4) a marker glued to a number will do; past the last footnote only a
    // marker glued to a word ("Women,5").
    const missing = (from: number, to: number, low: number, high: number, strength = 2) => {
      for (let u = firstAtLeast(unplaced, low); u < unplaced.length && unplaced[u] <= high; u++) {
        const entry = byLabel.get(String(unplaced[u]))!;
        const index = earliest(entry, strength, firstAbove(entry.list, from), to === Infinity ? entry.list.length : firstAbove(entry.list, to - 1));
        if (index >= 0) {
          chosen.push(entry.list[index]);
          from = entry.list[index].at;
        }
      }
    };
    for (let i = 0; i < placed.length; i++) {
      const here = Number(placed[i].label);
      const next = i + 1 < placed.length ? placed[i + 1] : undefined;
      if (next) missing(placed[i].at, next.at, here + 1, Number(next.label) - 1);
      else missing(placed[i].at, Infinity, here + 1, here + 1, 3);
    }
    if (placed.length > 0) missing(-1, placed[0].at, 1, Number(placed[0].label) - 1);
  }
  chosen.sort((a, b) => a.at - b.at);
  return { offsets: chosen.map((c) => c.at), labels: chosen.map((c) => c.label) };
}

/**
 * The candidates of one label, by offset, and for each strength (0 to 3) the indices in `list` of
 * those that have it: the strongest candidate in a window is then found by binary search, not by
 * walking the window, which a footnote numbering restarted on every page would walk again and again.
 */
interface LabelCandidates {
  list: MarkerCandidate[];
  byStrength: number[][];
}

/**
 * The index of the earliest candidate in list[low, high) whose strength is at least `weakest`
 * (and at most `strongest`); -1 when none is.
 */
function earliest(entry: LabelCandidates, weakest: number, low: number, high: number, strongest = 3): number {
  let best = -1;
  for (let strength = weakest; strength <= strongest; strength++) {
    const indices = entry.byStrength[strength];
    let a = 0;
    let b = indices.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (indices[mid] < low) a = mid + 1;
      else b = mid;
    }
    if (a < indices.length && indices[a] < high && (best < 0 || indices[a] < best)) best = indices[a];
  }
  return best;
}

/** Index of the first candidate after offset `from` in a list sorted by offset; the length when none is. */
function firstAbove(list: MarkerCandidate[], from: number): number {
  return partitionPoint(list.length, (i) => list[i].at <= from);
}

/** Index of the first number at least `value` in an ascending list; the length when none is. */
function firstAtLeast(sorted: number[], value: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i] < value);
}

/** The glued markers in source[start, end), by binary search. */
export function gluedMarkersIn(glued: GluedMarkers, start: number, end: number): { at: number; label: string }[] {
  const { offsets, labels } = glued;
  const found: { at: number; label: string }[] = [];
  for (let i = partitionPoint(offsets.length, (k) => offsets[k] < start); i < offsets.length && offsets[i] < end; i++) found.push({ at: offsets[i], label: labels[i] });
  return found;
}
