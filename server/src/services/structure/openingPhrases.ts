// The opening phrases of UN editorial practice (General Assembly style): the participles and
// adjectives that open preambular paragraphs, the verbs that open operative paragraphs, and the
// adverbs that stand before or after them ("Also decides", "Recalling further", "Deeply
// concerned"). `openingVocabulary` merges them with the phrases the corpus uses.
import type { AgreedLanguageIndex } from '../../agreed/types';
import { MODIFIERS, OPERATIVE_HEADS, PREAMBULAR_HEADS } from '../../parser/vocabulary';

export interface OpeningVocabulary {
  /** Known preambular opening phrases as written ("Recalling", "Deeply concerned", "Recalling also"): built-in, then the corpus's. */
  readonly preambular: readonly string[];
  /** Known operative opening phrases as written ("Decides", "Also decides", "Strongly condemns"): built-in, then the corpus's. */
  readonly operative: readonly string[];
  /** Head words (participle or adjective, lower case) of the preambular phrases: "recalling", "concerned". */
  readonly preambularWords: ReadonlySet<string>;
  /** Head words (verb, lower case) of the operative phrases: "decides", "calls". */
  readonly operativeWords: ReadonlySet<string>;
  /** Adverbs that stand before or after a head word ("also", "further", "deeply", "strongly"). */
  readonly modifiers: ReadonlySet<string>;
  /**
   * Words the corpus opens paragraphs with (head words and their modifiers, lower case), with the
   * number of paragraphs that use them. Never reported as unknown.
   */
  readonly corpusWords: ReadonlyMap<string, number>;
  /** Words that open paragraphs without being opening phrases ("Nothing in the present resolution …"). */
  readonly otherWords: ReadonlySet<string>;
  /** How common each head word is, for ordering suggestions (higher first). */
  readonly rank: ReadonlyMap<string, number>;
}

/**
 * Capitalised words that open paragraphs without being opening phrases, some a letter or two
 * from one ("Nothing" / "Noting"): never reported as misspelt openings.
 */
const OTHER_OPENING_WORDS = [
  'nothing', 'notwithstanding', 'pursuant', 'consistent', 'without', 'within', 'where', 'whereas', 'while', 'whilst', 'with',
  'this', 'these', 'those', 'that', 'there', 'such', 'states', 'member', 'members', 'parties', 'each', 'every', 'all',
  'any', 'nations', 'united', 'general', 'secretary', 'security', 'council', 'committee', 'commission', 'governments',
  'according', 'regarding', 'concerning', 'including', 'following', 'during', 'after', 'before', 'under', 'upon',
  'towards', 'through', 'between', 'among', 'against', 'experts', 'particular', 'additional', 'full', 'increasing',
];

/** Phrases built from the heads, the forms delegates write. */
const PREAMBULAR_PHRASES = [
  'Recalling', 'Recalling also', 'Recalling further', 'Further recalling', 'Noting', 'Noting also', 'Noting further',
  'Noting with concern', 'Noting with deep concern', 'Noting with appreciation', 'Noting with satisfaction', 'Noting with regret',
  'Reaffirming', 'Reaffirming also', 'Recognizing', 'Recognizing also', 'Recognizing further', 'Stressing', 'Stressing also',
  'Welcoming', 'Welcoming also', 'Welcoming further', 'Expressing concern', 'Expressing deep concern', 'Expressing grave concern',
  'Expressing its appreciation', 'Expressing its satisfaction', 'Emphasizing', 'Emphasizing also', 'Taking note of',
  'Taking note with appreciation of', 'Taking into account', 'Taking into consideration', 'Bearing in mind', 'Keeping in mind',
  'Concerned', 'Deeply concerned', 'Gravely concerned', 'Seriously concerned', 'Underlining', 'Acknowledging', 'Considering',
  'Convinced', 'Firmly convinced', 'Deeply convinced', 'Reiterating', 'Mindful', 'Affirming', 'Aware', 'Fully aware',
  'Underscoring', 'Encouraged', 'Highlighting', 'Guided by', 'Determined', 'Conscious', 'Deeply conscious', 'Alarmed',
  'Deeply alarmed', 'Confirming', 'Having considered', 'Having examined', 'Having heard', 'Having received', 'Having reviewed',
  'Commending', 'Appreciating', 'Deploring', 'Strongly deploring', 'Condemning', 'Strongly condemning', 'Desiring', 'Cognizant',
  'Supporting', 'Acting', 'Looking forward to', 'Calling upon', 'Observing', 'Realizing', 'Believing', 'Seeking', 'Urging',
  'Regretting', 'Deeply regretting', 'Declaring', 'Endorsing', 'Encouraging', 'Referring', 'Reminding', 'Respecting',
  'Resolved', 'Committed', 'Inspired by', 'Confident', 'Disturbed', 'Deeply disturbed', 'Desirous', 'Paying tribute to',
  'Pointing out', 'Drawing attention to', 'Reasserting', 'Reconfirming', 'Re-emphasizing', 'Recommending', 'Rejecting',
  'Renewing', 'Upholding', 'Valuing', 'Viewing with appreciation', 'Wishing', 'Worried', 'Troubled', 'Shocked', 'Saddened',
  'Outraged', 'Dismayed', 'Appalled', 'Distressed', 'Grateful', 'Gratified', 'Pleased', 'Satisfied', 'Persuaded', 'Motivated by',
  'Dedicated', 'Anxious', 'Deeply appreciative', 'Hopeful', 'Seized', 'Adhering', 'Aiming', 'Anticipating', 'Applauding',
  'Approving', 'Aspiring', 'Asserting', 'Attaching great importance to', 'Building on', 'Congratulating', 'Contemplating',
  'Deciding', 'Determining', 'Endeavouring', 'Envisaging', 'Expecting', 'Fulfilling', 'Hoping', 'Insisting', 'Intending',
  'Invoking', 'Pledging', 'Praising', 'Promoting', 'Remaining', 'Sharing', 'Striving', 'Thanking', 'Trusting',
];

const OPERATIVE_PHRASES = [
  'Decides', 'Also decides', 'Further decides', 'Requests', 'Also requests', 'Further requests', 'Calls upon', 'Also calls upon',
  'Further calls upon', 'Strongly calls upon', 'Calls for', 'Encourages', 'Also encourages', 'Further encourages',
  'Strongly encourages', 'Invites', 'Also invites', 'Further invites', 'Urges', 'Also urges', 'Further urges', 'Strongly urges',
  'Welcomes', 'Also welcomes', 'Further welcomes', 'Notes', 'Also notes', 'Further notes', 'Notes with appreciation',
  'Notes with concern', 'Takes note of', 'Also takes note of', 'Takes note with appreciation of', 'Reaffirms', 'Also reaffirms',
  'Recognizes', 'Also recognizes', 'Further recognizes', 'Stresses', 'Also stresses', 'Further stresses', 'Emphasizes',
  'Also emphasizes', 'Expresses its appreciation', 'Expresses concern', 'Expresses its deep concern', 'Underlines',
  'Recalls', 'Also recalls', 'Reiterates', 'Also reiterates', 'Acknowledges', 'Also acknowledges', 'Condemns',
  'Strongly condemns', 'Affirms', 'Recommends', 'Also recommends', 'Supports', 'Strongly supports', 'Commends',
  'Endorses', 'Approves', 'Adopts', 'Authorizes', 'Appeals to', 'Considers', 'Confirms', 'Declares', 'Deplores',
  'Strongly deplores', 'Demands', 'Designates', 'Determines', 'Directs', 'Draws attention to', 'Elects', 'Appoints',
  'Establishes', 'Extends', 'Highlights', 'Looks forward to', 'Proclaims', 'Regrets', 'Rejects', 'Reminds', 'Renews',
  'Resolves', 'Underscores', 'Agrees', 'Accepts', 'Applauds', 'Appreciates', 'Asks', 'Bears in mind', 'Believes',
  'Cautions', 'Commits', 'Concludes', 'Concurs', 'Congratulates', 'Deems', 'Denounces', 'Entrusts', 'Exhorts', 'Expects',
  'Hopes', 'Insists', 'Instructs', 'Intends', 'Launches', 'Mandates', 'Observes', 'Pays tribute to', 'Pledges',
  'Reconfirms', 'Re-emphasizes', 'Requires', 'Salutes', 'Suggests', 'Terminates', 'Thanks', 'Transmits', 'Trusts',
  'Undertakes', 'Warns', 'Wishes',
];

const WORD = /[\p{L}][\p{L}'’-]*/gu;

let builtIn: OpeningVocabulary | undefined;
const merged = new WeakMap<AgreedLanguageIndex, OpeningVocabulary>();

/**
 * The vocabulary of UN editorial practice, merged with the opening phrases the corpus uses when
 * an agreed-language index is given (memoised per index).
 */
export function openingVocabulary(index?: AgreedLanguageIndex): OpeningVocabulary {
  if (!index) return (builtIn ??= build([], []));
  let vocabulary = merged.get(index);
  if (!vocabulary) {
    vocabulary = build(index.openings('preambular'), index.openings('operative'));
    merged.set(index, vocabulary);
  }
  return vocabulary;
}

type CorpusOpening = { phrase: string; count: number };

function build(corpusPreambular: CorpusOpening[], corpusOperative: CorpusOpening[]): OpeningVocabulary {
  const modifiers = new Set(MODIFIERS);
  const preambularWords = new Set(PREAMBULAR_HEADS.filter((w) => !modifiers.has(w)));
  const operativeWords = new Set(OPERATIVE_HEADS.filter((w) => !modifiers.has(w)));
  const rank = new Map<string, number>();
  const heads = [...PREAMBULAR_HEADS, ...OPERATIVE_HEADS];
  heads.forEach((word, i) => {
    if (!rank.has(word)) rank.set(word, heads.length - i);
  });
  const corpusWords = new Map<string, number>();
  const preambular = [...PREAMBULAR_PHRASES];
  const operative = [...OPERATIVE_PHRASES];
  const add = (openings: CorpusOpening[], phrases: string[], words: Set<string>) => {
    const known = new Set(phrases.map((p) => p.toLowerCase()));
    for (const { phrase, count } of openings) {
      const clean = phrase.trim();
      if (!/^\p{Lu}/u.test(clean)) continue;
      if (!known.has(clean.toLowerCase())) {
        known.add(clean.toLowerCase());
        phrases.push(clean);
      }
      // Every word of the corpus phrase up to its head is a word the corpus opens with.
      for (const word of clean.match(WORD) ?? []) {
        const lower = word.toLowerCase();
        corpusWords.set(lower, (corpusWords.get(lower) ?? 0) + count);
        if (!modifiers.has(lower)) {
          words.add(lower);
          break;
        }
      }
    }
  };
  add(corpusPreambular, preambular, preambularWords);
  add(corpusOperative, operative, operativeWords);
  return {
    preambular,
    operative,
    preambularWords,
    operativeWords,
    modifiers,
    corpusWords,
    otherWords: new Set(OTHER_OPENING_WORDS),
    rank,
  };
}
