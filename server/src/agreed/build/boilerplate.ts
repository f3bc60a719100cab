// Build step 3, continued: which wordings are boilerplate. The rule is at isBoilerplate.
import { type Clock, inChunks } from '../arrays';
import { fmix, mix } from '../keys';
import type { AgreedIndexOptions } from '../types';
import type { CorpusParagraphs } from './paragraphs';
import type { WordingCounts } from './ranking';
import type { Wordings } from './wordings';

const ORDINAL =
  /^(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|(?:one|two)hundred\w*)$/;
const MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;
const CONNECTOR = new Set(['of', 'and', 'as', 'well', 'its', 'decision', 'decisions', 'resolution', 'resolutions']);
const ADVERB = new Set(['also', 'further', 'again', 'moreover', 'furthermore']);
const AGENDA = ['decides', 'to', 'include', 'in', 'the', 'provisional', 'agenda', 'of', 'its'];
const MASK = 1;
const CONNECT = 2;
const ADVERBIAL = 3;
const LETTER = 4;

/*
 * Boilerplate rule. A paragraph is boilerplate when
 *  (a) it is the closing "[Also|Further] decides to include in the provisional agenda of its …
 *      session the item entitled …" paragraph, whatever its ordinal and item; or
 *  (b) its family is used by at least max(3, 40 % of the corpus's documents) documents and has
 *      at least two distinct wordings. A family is the wording with numbers, symbols, dates,
 *      months and ordinals masked, a run of them with the words that join a citation list
 *      ("of", "and", "as well as its decision(s)", "resolution(s)", the letter of "43/78 H")
 *      folded into one mask, and an opening adverb (also, further, again, moreover) dropped:
 *      "Recalling its resolutions 53/70 of 4 December 1998, …, as well as its decision 72/512 …"
 *      and every longer or shorter list are one family.
 * A family with a single wording shared by many documents is agreed language, not boilerplate:
 * a departure from it is worth a diagnostic. Boilerplate families differ from draft to draft in
 * their numbers only, so every draft would otherwise get a deviation on them.
 */
function isBoilerplate(familyDocs: number, familyWordings: number, documents: number, options: AgreedIndexOptions): boolean {
  const share = options.boilerplateShare ?? 0.4;
  const least = options.boilerplateMinDocuments ?? 3;
  return familyWordings >= 2 && familyDocs >= Math.max(least, Math.ceil(share * documents));
}

/** 1 for each boilerplate wording, by wording (not yet by rank). */
export function* markBoilerplate(paragraphs: CorpusParagraphs, wordings: Wordings, counts: WordingCounts, options: AgreedIndexOptions, clock: Clock): Generator<void, Uint8Array> {
  const words = paragraphs.vocab.strings;
  const vocabSize = words.length;
  const P = wordings.count;
  const maskClass = new Uint8Array(vocabSize);
  yield* inChunks(vocabSize, 4096, clock, (from, to) => {
    for (let i = from; i < to; i++) {
      const w = words[i];
      if (/\d/.test(w) || ORDINAL.test(w) || MONTH.test(w)) maskClass[i] = MASK;
      else if (CONNECTOR.has(w)) maskClass[i] = CONNECT;
      else if (ADVERB.has(w)) maskClass[i] = ADVERBIAL;
      else if (w.length === 1) maskClass[i] = LETTER;
    }
  });
  const agendaIds = AGENDA.map((w) => paragraphs.vocab.idOf(w) ?? -1);
  const boilerplate = new Uint8Array(P);
  const { start, len, kind, tokWord } = wordings;
  const family = new Int32Array(P);
  const families = new Map<number, number>();
  const familyHash = (u: number): number => {
    const s = start[u];
    const n = len[u];
    let h = mix(0x3c6ef372, kind[u]);
    let inRun = false;
    let k = 0;
    while (k < n && k < 3 && maskClass[tokWord[s + k]] === ADVERBIAL) k++;
    // The provisional-agenda paragraph, whatever its ordinal and item.
    let agenda = agendaIds[0] >= 0 && n - k > AGENDA.length;
    for (let j = 0; agenda && j < AGENDA.length; j++) if (tokWord[s + k + j] !== agendaIds[j]) agenda = false;
    if (agenda) boilerplate[u] = 1;
    for (; k < n; k++) {
      const w = tokWord[s + k];
      const cls = maskClass[w];
      if (cls === MASK) {
        if (!inRun) h = mix(h, -1);
        inRun = true;
      } else if ((cls === CONNECT || cls === LETTER) && inRun) {
        continue;
      } else {
        h = mix(h, w);
        inRun = false;
      }
    }
    return fmix(h);
  };
  yield* inChunks(P, 1024, clock, (from, to) => {
    for (let u = from; u < to; u++) {
      const h = familyHash(u);
      let f = families.get(h);
      if (f === undefined) families.set(h, (f = families.size));
      family[u] = f;
    }
  });
  const F = families.size;
  families.clear();
  const familyDocs = new Int32Array(F);
  const familyWordings = new Int32Array(F);
  const lastKey = new Int32Array(F).fill(-1);
  yield* inChunks(P, 65536, clock, (from, to) => {
    for (let u = from; u < to; u++) familyWordings[family[u]]++;
  });
  // As in countDocuments: sources grouped by resolution, so that each counts once per family.
  const { byResolution: order, ofSource } = counts;
  const { docKey } = paragraphs;
  const sd = paragraphs.sources.doc;
  yield* inChunks(paragraphs.sources.count, 16384, clock, (from, to) => {
    for (let i = from; i < to; i++) {
      const s = order ? order[i] : i;
      const f = family[ofSource[s]];
      const key = docKey[sd[s]];
      if (lastKey[f] !== key) {
        lastKey[f] = key;
        familyDocs[f]++;
      }
    }
  });
  const documents = paragraphs.resolutionCount;
  yield* inChunks(P, 65536, clock, (from, to) => {
    for (let u = from; u < to; u++) {
      const f = family[u];
      if (isBoilerplate(familyDocs[f], familyWordings[f], documents, options)) boilerplate[u] = 1;
    }
  });
  return boilerplate;
}
