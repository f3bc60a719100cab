// The words of UN editorial practice that open paragraphs, and ordinal session names.

/** Adverbs that may open an operative paragraph before its verb ("Also decides", "Strongly condemns"). */
const OPERATIVE_PREFIXES = [
  'also', 'further', 'furthermore', 'moreover', 'strongly', 'again', 'once again', 'firmly', 'urgently',
  'hereby', 'finally', 'duly', 'solemnly', 'emphatically', 'unreservedly', 'categorically', 'vigorously',
  'resolutely', 'equally', 'likewise', 'similarly', 'in addition', 'additionally', 'therefore',
];

/** Adverbs that follow a verb or participle and belong to the phrase ("Decides also", "Recalling further"). */
const TRAILING_ADVERBS = ['also', 'further', 'moreover', 'furthermore', 'again', 'in particular', 'once again'];

/** Words after an operative verb that belong to it. */
const OPERATIVE_COMPLEMENTS: Record<string, string[]> = {
  calls: ['upon', 'on', 'for'],
  takes: ['note with appreciation of', 'note with satisfaction of', 'note with concern of', 'note with interest of', 'note of', 'note', 'into account', 'into consideration'],
  expresses: [
    'its deep appreciation', 'its appreciation', 'its gratitude', 'its deep concern', 'its grave concern', 'its serious concern',
    'its concern', 'its support', 'its full support', 'its regret', 'its hope', 'its condolences', 'its satisfaction', 'its solidarity',
    'deep appreciation', 'appreciation', 'gratitude', 'deep concern', 'grave concern', 'serious concern', 'concern', 'support',
    'regret', 'hope', 'condolences', 'satisfaction',
  ],
  bears: ['in mind'],
  looks: ['forward to', 'forward'],
  appeals: ['to'],
  pays: ['tribute to', 'tribute'],
  reiterates: ['its call', 'its request', 'its concern', 'its support', 'its commitment'],
  reaffirms: ['its commitment', 'its support', 'its determination'],
};

/** Words after a preambular participle or adjective that belong to it. */
const PREAMBULAR_COMPLEMENTS: Record<string, string[]> = {
  noting: ['with deep concern', 'with grave concern', 'with serious concern', 'with concern', 'with appreciation', 'with satisfaction', 'with regret', 'with interest'],
  taking: ['note with appreciation of', 'note with appreciation', 'note with concern', 'note with satisfaction', 'note of', 'note', 'into account', 'into consideration'],
  expressing: [
    'its deep appreciation', 'its appreciation', 'its gratitude', 'its deep concern', 'its grave concern', 'its concern', 'its support',
    'its satisfaction', 'its regret', 'deep concern', 'grave concern', 'serious concern', 'concern', 'appreciation', 'satisfaction', 'regret',
  ],
  bearing: ['in mind'],
  keeping: ['in mind'],
  calling: ['upon', 'on', 'for'],
  looking: ['forward to', 'forward'],
  guided: ['by'],
  encouraged: ['by'],
  inspired: ['by'],
  having: [], // "Having considered", handled by taking the next participle
};

/** Adjectives and past participles that open preambular paragraphs on their own. */
const PREAMBULAR_ADJECTIVES = new Set([
  'concerned', 'convinced', 'aware', 'mindful', 'conscious', 'cognizant', 'alarmed', 'determined', 'desirous', 'guided',
  'encouraged', 'disturbed', 'appalled', 'shocked', 'resolved', 'committed', 'inspired', 'confident', 'grateful', 'gratified',
  'satisfied', 'pleased', 'dismayed', 'outraged', 'saddened', 'troubled', 'worried', 'aware', 'persuaded', 'resolute',
]);

/** Adverbs that intensify a preambular adjective or participle ("Deeply concerned", "Further recalling"). */
const PREAMBULAR_INTENSIFIERS = new Set([
  'deeply', 'gravely', 'seriously', 'profoundly', 'greatly', 'fully', 'firmly', 'strongly', 'further', 'also', 'particularly',
  'extremely', 'increasingly', 'keenly', 'highly', 'most', 'again', 'equally', 'likewise',
]);

/** Capitalised -ing words that do not open a preambular paragraph. */
const NOT_PARTICIPLES = new Set([
  'during', 'notwithstanding', 'regarding', 'concerning', 'including', 'according', 'pending', 'nothing', 'something',
  'everything', 'anything', 'king', 'spring', 'string', 'thing', 'ring', 'bring', 'sing', 'wing', 'evening', 'morning',
  'building', 'meeting', 'funding', 'housing', 'training', 'planning', 'financing', 'peacekeeping', 'peacebuilding',
  'reporting', 'wellbeing', 'being',
]);

/** Capitalised -s words that are nouns, not operative verbs. */
const NOT_VERBS = new Set([
  'states', 'nations', 'members', 'parties', 'countries', 'governments', 'organizations', 'its', 'this', 'his', 'is', 'has',
  'was', 'as', 'thus', 'its', 'rights', 'resources', 'affairs', 'operations', 'measures', 'experts', 'ics', 'ictss', 'us',
  'ngos', 'sdgs', 'ldcs', 'sids', 'llds', 'icts', 'progress', 'access', 'business', 'address', 'process', 'success',
  'unless', 'less', 'across', 'various', 'serious', 'previous', 'numerous', 'whereas', 'towards', 'always', 'perhaps',
]);

const WORD = /^[\p{Lu}\p{Ll}][\p{L}'’-]*/u;

function wordsOf(text: string, max: number): { word: string; end: number }[] {
  const words: { word: string; end: number }[] = [];
  let at = 0;
  while (words.length < max) {
    while (at < text.length && text.charCodeAt(at) === 32) at++;
    const match = WORD.exec(text.slice(at, at + 40));
    if (!match) break;
    at += match[0].length;
    words.push({ word: match[0], end: at });
  }
  return words;
}

/** Length of the longest complement in `options` that follows at `from`, 0 when none does. */
function complementAt(text: string, from: number, options: string[] | undefined): number {
  if (!options) return 0;
  const rest = text.slice(from, from + 48).toLowerCase();
  for (const option of options) {
    if (rest.startsWith(' ' + option) && !/[\p{L}]/u.test(rest.charAt(option.length + 1))) return option.length + 1;
  }
  return 0;
}

function trailingAdverb(text: string, from: number): number {
  return complementAt(text, from, TRAILING_ADVERBS);
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Length of the preambular opening phrase at the start of `text`, 0 when it does not open like one. */
export function preambularOpeningLength(text: string): number {
  const words = wordsOf(text, 3);
  if (words.length === 0 || !isCapitalised(words[0].word)) return 0;
  let index = 0;
  let lower = words[0].word.toLowerCase();
  if (PREAMBULAR_INTENSIFIERS.has(lower) && words.length > 1) {
    const next = words[1].word.toLowerCase();
    if (isParticiple(next) || PREAMBULAR_ADJECTIVES.has(next)) {
      index = 1;
      lower = next;
    } else return 0;
  } else if (!isParticiple(lower) && !PREAMBULAR_ADJECTIVES.has(lower)) return 0;
  let end = words[index].end;
  if (lower === 'having' && words.length > index + 1 && /(ed|en|wn|ard|ught)$/.test(words[index + 1].word)) end = words[index + 1].end;
  end += complementAt(text, end, PREAMBULAR_COMPLEMENTS[lower]);
  end += trailingAdverb(text, end);
  return end;
}

function isParticiple(lower: string): boolean {
  return lower.length > 4 && lower.endsWith('ing') && !NOT_PARTICIPLES.has(lower);
}

/** Length of the operative opening phrase at the start of `text` (after the number), 0 when none. */
export function operativeOpeningLength(text: string): number {
  let at = 0;
  const lowerText = text.slice(0, 64).toLowerCase();
  for (let guard = 0; guard < 3; guard++) {
    const prefix = OPERATIVE_PREFIXES.find((p) => lowerText.startsWith(p + ' ', at));
    if (!prefix) break;
    at += prefix.length + 1;
  }
  const words = wordsOf(text.slice(at), 1);
  if (words.length === 0) return 0;
  const verb = words[0].word;
  const lower = verb.toLowerCase();
  if (!isVerbForm(lower)) return 0;
  if (at === 0 && !isCapitalised(verb)) return 0;
  let end = at + words[0].end;
  end += complementAt(text, end, OPERATIVE_COMPLEMENTS[lower]);
  end += trailingAdverb(text, end);
  return end;
}

function isVerbForm(lower: string): boolean {
  return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') && !lower.endsWith('ous') && !/['’]s$/.test(lower) && !NOT_VERBS.has(lower);
}

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** "22 December 2018" -> "2018-12-22", undefined for an impossible date. */
export function isoDate(day: number, month: string, year: number): string | undefined {
  const m = MONTHS.findIndex((name) => name.toLowerCase() === month.toLowerCase());
  if (m < 0 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, m, day));
  if (date.getUTCMonth() !== m) return undefined;
  return `${String(year).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TENS_ORDINAL = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** 75 -> "seventy-fifth"; 1..199. */
export function ordinalWord(n: number): string {
  if (n >= 100) return (n === 100 ? 'one hundredth' : 'one hundred and ' + ordinalWord(n - 100));
  if (n < 10) return UNITS[n];
  if (n < 20) return TEENS[n - 10];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return units === 0 ? TENS_ORDINAL[tens] : `${TENS[tens]}-${UNITS[units]}`;
}

/** "Seventy-fourth" -> 74, "eightieth" -> 80; undefined when not an ordinal word. */
export function parseOrdinalWord(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\s+/g, '-');
  for (let n = 1; n < 200; n++) if (ordinalWord(n).replace(/\s+/g, '-') === lower) return n;
  return undefined;
}

