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
const MONTH_INDEX = new Map(MONTHS.map((name, i) => [name.toLowerCase(), i]));
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isoDate(day: number, month: string, year: number): string | undefined {
  const m = MONTH_INDEX.get(month.toLowerCase());
  if (m === undefined || !Number.isInteger(day) || day < 1 || day > DAYS_IN_MONTH[m]) return undefined;
  if (m === 1 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  return `${String(year).padStart(4, '0')}-${m < 9 ? '0' : ''}${m + 1}-${day < 10 ? '0' : ''}${day}`;
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

/**
 * Participles and adjectives that open preambular paragraphs, roughly most used first (the order
 * ranks suggestions). UN spelling: -ize, "cognizant", "endeavouring".
 */
export const PREAMBULAR_HEADS = [
  'recalling', 'noting', 'reaffirming', 'recognizing', 'stressing', 'welcoming', 'expressing', 'emphasizing', 'taking',
  'bearing', 'concerned', 'underlining', 'acknowledging', 'considering', 'convinced', 'reiterating', 'mindful', 'affirming',
  'aware', 'underscoring', 'encouraged', 'highlighting', 'guided', 'determined', 'conscious', 'alarmed',
  'confirming', 'noting', 'having', 'commending', 'appreciating', 'deploring', 'condemning', 'desiring', 'cognizant',
  'supporting', 'acting', 'keeping', 'looking', 'calling', 'observing', 'realizing', 'believing', 'seeking', 'urging',
  'regretting', 'declaring', 'endorsing', 'encouraging', 'referring', 'reminding', 'respecting', 'resolved', 'committed',
  'inspired', 'confident', 'disturbed', 'desirous', 'paying', 'pointing', 'drawing', 'reasserting', 'reconfirming',
  're-emphasizing', 'recommending', 'requesting', 'rejecting', 'renewing', 'upholding', 'valuing', 'viewing', 'wishing',
  'worried', 'troubled', 'shocked', 'saddened', 'outraged', 'dismayed', 'appalled', 'distressed', 'grateful', 'gratified',
  'pleased', 'satisfied', 'persuaded', 'motivated', 'dedicated', 'anxious', 'appreciative', 'hopeful', 'resolute',
  'seized', 'adhering', 'aiming', 'anticipating', 'applauding', 'approving', 'aspiring', 'asserting', 'attaching',
  'building', 'congratulating', 'contemplating', 'deciding', 'determining', 'endeavouring', 'envisaging', 'expecting',
  'fulfilling', 'hoping', 'insisting', 'intending', 'invoking', 'pledging', 'praising', 'promoting', 'remaining',
  'sharing', 'striving', 'thanking', 'trusting', 'agreeing', 'appealing', 'concluding', 'continuing', 'reviewing',
  'examining', 'receiving', 'adopting', 'reflecting', 'welcoming',
];

/** Verbs that open operative paragraphs, roughly most used first. */
export const OPERATIVE_HEADS = [
  'decides', 'requests', 'calls', 'encourages', 'invites', 'urges', 'welcomes', 'notes', 'takes', 'reaffirms', 'recognizes',
  'stresses', 'emphasizes', 'expresses', 'underlines', 'recalls', 'reiterates', 'acknowledges', 'condemns', 'affirms',
  'recommends', 'supports', 'invites', 'commends', 'endorses', 'approves', 'adopts', 'authorizes', 'appeals', 'considers',
  'confirms', 'declares', 'deplores', 'demands', 'designates', 'determines', 'directs', 'draws', 'elects', 'appoints',
  'establishes', 'extends', 'highlights', 'looks', 'proclaims', 'regrets', 'rejects', 'reminds', 'renews', 'resolves',
  'underscores', 'agrees', 'accepts', 'applauds', 'appreciates', 'asks', 'bears', 'believes', 'cautions', 'commits',
  'concludes', 'concurs', 'congratulates', 'deems', 'denounces', 'entrusts', 'exhorts', 'expects', 'hopes', 'insists',
  'instructs', 'intends', 'launches', 'mandates', 'observes', 'pays', 'pledges', 'reconfirms', 're-emphasizes',
  'requires', 'salutes', 'suggests', 'terminates', 'thanks', 'transmits', 'trusts', 'undertakes', 'warns', 'wishes',
];

/** Adverbs before or after a head word, in either part. */
export const MODIFIERS = [
  'also', 'further', 'furthermore', 'moreover', 'again', 'once', 'strongly', 'deeply', 'gravely', 'seriously', 'profoundly',
  'greatly', 'fully', 'firmly', 'particularly', 'extremely', 'increasingly', 'keenly', 'highly', 'most', 'equally', 'likewise',
  'similarly', 'additionally', 'urgently', 'hereby', 'finally', 'duly', 'solemnly', 'emphatically', 'unreservedly',
  'categorically', 'unequivocally', 'vigorously', 'resolutely', 'warmly', 'sincerely', 'earnestly', 'therefore', 'still',
];

const HEADS = new Set([...PREAMBULAR_HEADS, ...OPERATIVE_HEADS]);
const MODIFIER_SET = new Set(MODIFIERS);

/**
 * Whether a text opens with a phrase of the vocabulary ("Recalling", "Also decides", "Deeply
 * concerned"), not merely with a word shaped like one ("Games", "Stockpiling").
 */
export function opensWithKnownPhrase(text: string): boolean {
  const words = wordsOf(text, 3).map((w) => w.word.toLowerCase());
  let i = 0;
  while (i < words.length - 1 && MODIFIER_SET.has(words[i])) i++;
  return i < words.length && HEADS.has(words[i]) && /^\p{Lu}/u.test(text);
}

/** Every word an opening phrase is made of: heads, modifiers, adjectives and the words that complete them. */
const OPENING_WORDS = new Set<string>([
  ...HEADS,
  ...MODIFIER_SET,
  ...PREAMBULAR_ADJECTIVES,
  ...PREAMBULAR_INTENSIFIERS,
  ...[...OPERATIVE_PREFIXES, ...TRAILING_ADVERBS, ...Object.values(OPERATIVE_COMPLEMENTS).flat(), ...Object.values(PREAMBULAR_COMPLEMENTS).flat()]
    .flatMap((phrase) => phrase.split(' ')),
]);

/** End of the run of letters at `at` (only lower-case ones when `lower`); `at` when there is none. */
function lettersEnd(text: string, at: number, lower: boolean): number {
  let end = at;
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end);
    if (code >= 97 && code <= 122) continue;
    if (!lower && code >= 65 && code <= 90) continue;
    if (code > 127 && (lower ? /\p{Ll}/u : /\p{L}/u).test(text.charAt(end))) continue;
    break;
  }
  return end;
}

/**
 * Clean offsets of the stray spaces a PDF tool put inside the words of a paragraph's opening
 * phrase ("Reaffi rms", "Encour ages", "Noting w ith concern"). A space is dropped only where the
 * word before it is not a word of the vocabulary and the pieces, the later ones in lower case,
 * join into one that is; so "Decides that" or "Urges States" never join.
 */
export function openingSplitSpaces(text: string): number[] {
  const spaces: number[] = [];
  let at = 0;
  for (let words = 0; words < 6; words++) {
    let end = lettersEnd(text, at, false);
    if (end === at) break;
    if (!OPENING_WORDS.has(text.slice(at, end).toLowerCase())) {
      let joined = text.slice(at, end);
      const pending: number[] = [];
      let known = false;
      // A word split twice ("Encour ag es") joins from up to three pieces.
      for (let piece = 0; piece < 2 && !known && text.charCodeAt(end) === 32; piece++) {
        const next = lettersEnd(text, end + 1, true);
        if (next === end + 1 || lettersEnd(text, next, false) !== next) break;
        pending.push(end);
        joined += text.slice(end + 1, next);
        end = next;
        known = OPENING_WORDS.has(joined.toLowerCase());
      }
      if (!known) break;
      spaces.push(...pending);
    }
    if (text.charCodeAt(end) !== 32) break;
    at = end + 1;
  }
  return spaces;
}
