// Builds the agreed-language index: every paragraph of the corpus, deduplicated by normalised
// wording, in compact typed arrays (indexData.ts). The build is a generator that yields between
// chunks of work, so that buildAgreedIndexAsync can hand the event loop back every few
// milliseconds (see index.ts); buildAgreedIndex runs the same steps without yielding. Each step
// is in build/ and hands its result to the next.
import type { Clock } from './arrays';
import type { IndexData } from './indexData';
import type { AgreedCorpusDocument, AgreedIndexOptions } from './types';
import { markBoilerplate } from './build/boilerplate';
import { readParagraphs } from './build/paragraphs';
import { countDocuments, groupSources, rankParagraphs } from './build/ranking';
import { chainWordingKeys, indexRareShingles, postWords, rankOpenings, sortVocabulary } from './build/search';
import { repairAndDeduplicate } from './build/wordings';

export function* buildSteps(documents: Iterable<AgreedCorpusDocument>, options: AgreedIndexOptions, clock: Clock): Generator<void, IndexData> {
  // 1. The documents' paragraphs, tokenized once per distinct text; words counted.
  const paragraphs = yield* readParagraphs(documents, clock);
  // 2. Split words repaired, paragraphs deduplicated by wording.
  const wordings = yield* repairAndDeduplicate(paragraphs, clock);
  // 3. Document counts, boilerplate families, ranking.
  const counts = yield* countDocuments(paragraphs, wordings, clock);
  const boilerplate = yield* markBoilerplate(paragraphs, wordings, counts, options, clock);
  const ranked = yield* rankParagraphs(wordings, counts, boilerplate, clock);
  const keys = yield* chainWordingKeys(wordings, ranked, clock);
  const sources = yield* groupSources(paragraphs.sources, counts, ranked, clock);
  // 4. The search structures.
  const postings = yield* postWords(wordings.tokWord, ranked, paragraphs.vocab.size, clock);
  const shingles = yield* indexRareShingles(wordings.tokWord, ranked, clock);
  const vocabulary = yield* sortVocabulary(paragraphs.vocab.strings, clock);

  return {
    documentCount: paragraphs.docUri.length,
    vocab: paragraphs.vocab,
    words: paragraphs.vocab.strings,
    freq: paragraphs.freq,
    alpha: paragraphs.alpha,
    ...vocabulary,
    punctCodes: paragraphs.punctCodes,
    clause: paragraphs.clause,
    stripped: paragraphs.stripped,
    paragraphCount: ranked.count,
    start: ranked.start,
    len: ranked.len,
    before: ranked.before,
    kind: ranked.kind,
    text: ranked.text,
    opening: ranked.opening,
    docCount: ranked.docCount,
    sourceCount: ranked.sourceCount,
    boilerplate: ranked.boilerplate,
    tokWord: wordings.tokWord,
    tokAfter: wordings.tokAfter,
    ...keys,
    ...sources,
    labels: paragraphs.labels.strings,
    docUri: paragraphs.docUri,
    docSymbol: paragraphs.docSymbol,
    ...postings,
    ...shingles,
    openings: { preambular: rankOpenings(paragraphs.openingCounts[0]), operative: rankOpenings(paragraphs.openingCounts[1]) },
  };
}
