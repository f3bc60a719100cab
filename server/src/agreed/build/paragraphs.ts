// Build step 1: the paragraphs of the corpus's documents (preambular, operative, sub-paragraphs
// at any depth), each where it stands (a source), and its text tokenized once per kind however
// many documents repeat it; the words and the opening phrases counted.
import { displaySymbol, normalizeSymbol } from '../../corpus/symbols';
import { Interner } from '../../interner';
import type { Paragraph, SubParagraph } from '../../parser/model';
import { type Clock, Grow, inChunks } from '../arrays';
import { KIND_OPERATIVE, KIND_PREAMBULAR, KIND_SUBPARAGRAPH, type OpeningCount } from '../indexData';
import { isAlphabetic } from '../keys';
import { clauseEnd, newTokens, stripTerminal, tokenize } from '../normalise';
import type { AgreedCorpusDocument } from '../types';

/**
 * The corpus's paragraphs as read. Arrays built by growing keep their slack: the ones that stay
 * in the index are copied to their exact size by the steps that order them.
 */
export interface CorpusParagraphs {
  vocab: Interner;
  /** Occurrences of each word in the distinct texts. */
  freq: Uint32Array;
  /** 1 for a word of letters only (the join rule's first test). */
  alpha: Uint8Array;
  punctCodes: Interner;
  /** The code of each mark without what a paragraph's end would add to it (see stripTerminal). */
  stripped: Uint8Array;
  /** 1 for a mark that ends a clause (see clauseEnd). */
  clause: Uint8Array;
  /** The distinct texts of each kind: their tokens are start .. start + len of tokWord and tokAfter. */
  texts: DistinctTexts;
  tokWord: Uint32Array;
  tokAfter: Uint8Array;
  sources: Sources;
  labels: Interner;
  docUri: string[];
  docSymbol: (string | undefined)[];
  /** Each document's resolution: a draft and the text it was adopted as are one. */
  docKey: number[];
  resolutionCount: number;
  /** Opening phrases by lower-cased phrase, preambular then operative. */
  openingCounts: Map<string, OpeningCount>[];
}

export interface DistinctTexts {
  count: number;
  text: string[];
  opening: (string | undefined)[];
  kind: Uint8Array;
  start: Int32Array;
  len: Int32Array;
  before: Uint8Array;
}

/** Every paragraph of every document, in document order: its text, document, label and offsets. */
export interface Sources {
  count: number;
  text: Int32Array;
  doc: Int32Array;
  label: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

export function* readParagraphs(documents: Iterable<AgreedCorpusDocument>, clock: Clock): Generator<void, CorpusParagraphs> {
  const reader = new ParagraphReader();
  for (const document of documents) {
    reader.addDocument(document);
    if (clock.due()) yield;
  }
  return yield* reader.finish(clock);
}

interface SourceBlock {
  content: { text: string; runs: number[] };
  start: number;
  ownEnd: number;
  subparagraphs: SubParagraph[];
}

class ParagraphReader {
  private readonly vocab = new Interner();
  private readonly freq = new Grow(Uint32Array, 4096);
  private readonly punctCodes = new Interner();
  private readonly textIds = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  private readonly text: string[] = [];
  private readonly opening: (string | undefined)[] = [];
  private readonly kind = new Grow(Uint8Array);
  private readonly start = new Grow(Int32Array);
  private readonly len = new Grow(Int32Array);
  private readonly before = new Grow(Uint8Array);
  private readonly tokWord = new Grow(Uint32Array, 1 << 16);
  private readonly tokAfter = new Grow(Uint8Array, 1 << 16);
  private readonly srcText = new Grow(Int32Array);
  private readonly srcDoc = new Grow(Int32Array);
  private readonly srcLabel = new Grow(Int32Array);
  private readonly srcStart = new Grow(Int32Array);
  private readonly srcEnd = new Grow(Int32Array);
  private readonly labels = new Interner();
  private readonly docUri: string[] = [];
  private readonly docSymbol: (string | undefined)[] = [];
  private readonly docKeys = new Interner();
  private readonly docKey: number[] = [];
  private readonly openingCounts = [new Map<string, OpeningCount>(), new Map<string, OpeningCount>()];
  private readonly scratch = newTokens();

  constructor() {
    this.punctCodes.intern('');
  }

  addDocument(document: AgreedCorpusDocument): void {
    const doc = this.docUri.length;
    this.docUri.push(document.uri);
    const shown = document.adoptedAs ?? document.symbol;
    const symbol = shown ? normalizeSymbol(shown) : undefined;
    this.docSymbol.push(symbol ? displaySymbol(symbol) : shown);
    this.docKey.push(this.docKeys.intern(shown ?? document.uri));
    const model = document.parsed.model;
    this.addParagraphs(model.preambular, KIND_PREAMBULAR, 'PP', doc);
    this.addParagraphs(model.operative, KIND_OPERATIVE, 'OP', doc);
  }

  /** What needs the whole vocabulary and punctuation, once the last document is read. */
  *finish(clock: Clock): Generator<void, CorpusParagraphs> {
    const words = this.vocab.strings;
    const alpha = new Uint8Array(words.length);
    yield* inChunks(words.length, 4096, clock, (from, to) => {
      for (let i = from; i < to; i++) alpha[i] = isAlphabetic(words[i]) ? 1 : 0;
    });
    // A mark without its terminal part may be a mark of its own, given a code here too: the loop
    // reads the list as it grows.
    const puncts = this.punctCodes.strings;
    const clause = new Uint8Array(256);
    const stripped = new Uint8Array(256);
    for (let c = 0; c < puncts.length; c++) stripped[c] = this.punctCode(stripTerminal(puncts[c]));
    for (let c = puncts.length; c < 256; c++) stripped[c] = c;
    for (let c = 0; c < puncts.length; c++) clause[c] = clauseEnd(puncts[c]);
    return {
      vocab: this.vocab,
      freq: this.freq.trimmed(),
      alpha,
      punctCodes: this.punctCodes,
      stripped,
      clause,
      texts: {
        count: this.text.length,
        text: this.text,
        opening: this.opening,
        kind: this.kind.data,
        start: this.start.data,
        len: this.len.data,
        before: this.before.data,
      },
      tokWord: this.tokWord.data,
      tokAfter: this.tokAfter.data,
      sources: {
        count: this.srcText.length,
        text: this.srcText.data,
        doc: this.srcDoc.data,
        label: this.srcLabel.data,
        start: this.srcStart.data,
        end: this.srcEnd.data,
      },
      labels: this.labels,
      docUri: this.docUri,
      docSymbol: this.docSymbol,
      docKey: this.docKey,
      resolutionCount: this.docKeys.size,
      openingCounts: this.openingCounts,
    };
  }

  private addParagraphs(paragraphs: Paragraph[], kind: number, prefix: string, doc: number): void {
    const openings = this.openingCounts[kind];
    for (const paragraph of paragraphs) {
      const label = `${prefix}${paragraph.index}`;
      const opening = paragraph.opening?.text;
      this.addSource(kind, label, paragraph, opening, doc);
      if (opening) {
        const key = opening.toLowerCase().replace(/\s+/g, ' ');
        const entry = openings.get(key);
        if (entry) entry.count++;
        else openings.set(key, { phrase: opening.replace(/\s+/g, ' '), count: 1 });
      }
      if (paragraph.subparagraphs.length > 0) this.addSubparagraphs(label, paragraph.subparagraphs, doc);
    }
  }

  // Each sub-paragraph before the ones below it, in text order; a stack, since the labels decide
  // the depth. A decimal label names its own place ("OP1 1.2.1"): with every level above it, the
  // labels of deep decimal lists would grow with the square of the depth.
  private addSubparagraphs(paragraphLabel: string, subs: SubParagraph[], doc: number): void {
    const pending: { sub: SubParagraph; parentLabel: string }[] = [];
    for (let i = subs.length - 1; i >= 0; i--) pending.push({ sub: subs[i], parentLabel: paragraphLabel });
    while (pending.length > 0) {
      const { sub, parentLabel } = pending.pop()!;
      const label = sub.scheme === 'decimal' && sub.label ? `${paragraphLabel} ${sub.label}` : `${parentLabel} ${sub.label}`;
      this.addSource(KIND_SUBPARAGRAPH, label, sub, undefined, doc);
      for (let i = sub.subparagraphs.length - 1; i >= 0; i--) pending.push({ sub: sub.subparagraphs[i], parentLabel: label });
    }
  }

  private addSource(kind: number, label: string, block: SourceBlock, opening: string | undefined, doc: number): void {
    const text = block.content.text;
    const ids = this.textIds[kind];
    let id = ids.get(text);
    if (id === undefined) {
      id = this.addText(kind, text, opening);
      // A paragraph without a word is nothing to reuse or compare with.
      if (id < 0) return;
      ids.set(text, id);
    }
    const runs = block.content.runs;
    let start = block.start;
    let end = block.ownEnd;
    if (runs.length >= 3) {
      start = runs[1];
      const last = runs.length - 3;
      end = runs[last + 1] + runs[last + 2];
    }
    this.srcText.push(id);
    this.srcDoc.push(doc);
    this.srcLabel.push(this.labels.intern(label));
    this.srcStart.push(start);
    this.srcEnd.push(end);
  }

  /** Tokenizes a text not seen before in its kind and counts its words; -1 when it has none. */
  private addText(kind: number, text: string, opening: string | undefined): number {
    const scratch = this.scratch;
    tokenize(text, scratch);
    const n = scratch.words.length;
    if (n === 0) return -1;
    const id = this.text.length;
    const { vocab, freq, tokWord, tokAfter } = this;
    this.text.push(text);
    this.opening.push(opening);
    this.kind.push(kind);
    this.start.push(tokWord.length);
    this.len.push(n);
    this.before.push(this.punctCode(scratch.before));
    tokWord.reserve(tokWord.length + n);
    tokAfter.reserve(tokAfter.length + n);
    for (let i = 0; i < n; i++) {
      const word = vocab.intern(scratch.words[i]);
      if (word === freq.length) freq.push(0);
      freq.data[word]++;
      tokWord.data[tokWord.length++] = word;
      tokAfter.data[tokAfter.length++] = this.punctCode(scratch.after[i]);
    }
    return id;
  }

  /** Codes fit a byte: past 254 marks, every further one shares code 255. */
  private punctCode(p: string): number {
    if (p === '') return 0;
    const code = this.punctCodes.idOf(p);
    if (code !== undefined) return code;
    if (this.punctCodes.size >= 255) return 255;
    return this.punctCodes.intern(p);
  }
}
