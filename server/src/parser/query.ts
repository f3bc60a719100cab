// The questions every feature asks of a parsed resolution, answered in one place and the same
// way for all: which paragraphs and sub-paragraphs there are, which holds an offset, which
// operative paragraph a number names (even one that lost its number or shares it), which
// sub-paragraph a label names, which resolution "that resolution" means, and what a reference
// ("paragraph 3 (b) above", "paragraph 1.5", "paragraph 2 of resolution 73/266") points at.
//
// A query is built once per model (`queryOf`), lazily: its parts cost nothing until asked for.
// Nothing here recurses to a depth the text decides.
import { partitionPoint } from '../arrays';
import { labelValue } from './labels';
import { SUFFIX_PATTERN } from './negotiation';
import type { Bracket, Citation, Footnote, NegotiationNote, HeaderField, Paragraph, ParagraphReference, ReferenceTarget, ResolutionDocument, Span, SubParagraph } from './model';
import { operativeOpeningLength, preambularOpeningLength } from './vocabulary';

/** A paragraph or a sub-paragraph at any depth. */
export type Block = Paragraph | SubParagraph;

/**
 * How an operative paragraph's written number departs from the one its position gives it, read
 * with an offset that a gap or an inserted paragraph shifts: one slip is one slip, not a slip of
 * every paragraph after it.
 */
export type NumberSlip =
  | { kind: 'missing'; expected: number }
  | { kind: 'duplicate'; expected: number; first: Paragraph }
  | { kind: 'order'; expected: number }
  | { kind: 'gap'; expected: number };

export type NegotiationState = 'agreed' | 'bracketed' | 'underNegotiation';

/** A reference's target as written in the source: "3", "4 (b)", "(c)", "1.5". */
export interface WrittenTarget {
  target: ReferenceTarget;
  /**
   * Whether the source spells this target out: "paragraphs 3 to 5" names 4 too, at the span of
   * "5". Fixes that move numbers edit only what is spelt out.
   */
  spelt: boolean;
  /** Source span of the paragraph number's digits. */
  digits?: Span;
  /** Source span of "bis", "ter" … after the number ("paragraph 2 bis"). */
  suffixSpan?: Span;
  /** Source span of the sub-paragraph's letters or of the decimal part (after "1."). */
  subSpan?: Span;
  /** "c", "ii", or "1.5" for a decimal. */
  sub?: string;
  decimal: boolean;
}

export interface ResolvedTarget {
  written: WrittenTarget;
  /** "paragraph 3", "paragraph 2 (c)", "subparagraph (b)", "paragraph 1.5". */
  name: string;
  /** The paragraphs the number names (several when they share it; none when there is none). */
  candidates: Paragraph[];
  /** The one the reference most likely means: the one before it for "above", after it for "below". */
  paragraph?: Paragraph;
  /** The block named: `paragraph` itself, or its sub-paragraph with the label. */
  block?: Block;
  /** For each candidate that has the sub-paragraph named, that sub-paragraph (the candidate for a paragraph). */
  blocks: Block[];
}

/** What a reference to another text names: "of resolution 73/266", or "of that resolution". */
export interface CitedTarget {
  /** The citation that names it ("previous" scope: the last one cited before the reference). */
  citation?: Citation;
  /** As written in the reference: "73/266" ("cited" scope). */
  symbol?: string;
  kind: 'resolution' | 'decision';
}

export type Container =
  | { kind: 'footnote'; footnote: Footnote }
  | { kind: 'block'; block: Block; paragraph: Paragraph }
  | { kind: 'header'; field: HeaderField };

const TARGET_TEXT = new RegExp(String.raw`^(\d{1,5})?(?:\s?(${SUFFIX_PATTERN}))?(?:\.(\d{1,3}))?(?:\s?\(([a-z]{1,4})\))?$`);

const cache = new WeakMap<ResolutionDocument, DocumentQuery>();

/** The query of a model, built once and kept as long as the model lives. */
export function queryOf(model: ResolutionDocument): DocumentQuery {
  let query = cache.get(model);
  if (!query) {
    query = new DocumentQuery(model);
    cache.set(model, query);
  }
  return query;
}

export class DocumentQuery {
  private structure?: Structure;
  private blockList?: Block[];
  private readonly subIndex = new Map<Paragraph, Map<string, SubParagraph>>();
  private holders?: Map<string, Paragraph[]>;
  private negotiating?: boolean;

  constructor(readonly model: ResolutionDocument) {}

  // ---- blocks --------------------------------------------------------------------------------

  /** Every paragraph and sub-paragraph, in the order of the text (parents before their children). */
  blocks(): readonly Block[] {
    if (this.blockList) return this.blockList;
    const list: Block[] = [];
    const pending: Block[] = [];
    const paragraphs = [...this.model.preambular, ...this.model.operative].sort((a, b) => a.start - b.start);
    for (let i = paragraphs.length - 1; i >= 0; i--) pending.push(paragraphs[i]);
    while (pending.length > 0) {
      const block = pending.pop()!;
      list.push(block);
      for (let i = block.subparagraphs.length - 1; i >= 0; i--) pending.push(block.subparagraphs[i]);
    }
    return (this.blockList = list);
  }

  /** The paragraph (preambular or operative, as the parser filed it) holding an offset. */
  paragraphAt(offset: number): Paragraph | undefined {
    return holding(this.model.operative, offset) ?? holding(this.model.preambular, offset);
  }

  /** The deepest block holding an offset, with its paragraph. */
  blockAt(offset: number): { block: Block; paragraph: Paragraph } | undefined {
    const paragraph = this.paragraphAt(offset);
    if (!paragraph) return undefined;
    let block: Block = paragraph;
    for (;;) {
      const sub: SubParagraph | undefined = holding(block.subparagraphs, offset);
      if (!sub) break;
      block = sub;
    }
    return { block, paragraph };
  }

  /** The footnote, block (deepest) or header field holding an offset. */
  containerAt(offset: number): Container | undefined {
    const footnote = holding(this.model.footnotes, offset);
    if (footnote) return { kind: 'footnote', footnote };
    const found = this.blockAt(offset);
    if (found) return { kind: 'block', ...found };
    const field = this.model.header?.fields.find((f) => offset >= f.start && offset < f.end);
    return field ? { kind: 'header', field } : undefined;
  }

  // ---- the operative part's numbering --------------------------------------------------------

  /** The operative part as numbered paragraphs (see `Structure`). */
  get numbering(): Structure {
    return (this.structure ??= readStructure(this.model));
  }

  /** The real operative paragraph holding an offset: an orphan's owner, not the orphan. */
  numberedParagraphAt(offset: number): Paragraph | undefined {
    const all = this.numbering.all;
    let low = 0;
    let high = all.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (all[mid].start <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found < 0 || offset >= all[found].end) return undefined;
    const paragraph = all[found];
    return this.numbering.owner.get(paragraph) ?? paragraph;
  }

  /**
   * The operative paragraphs number `n` names: those written with it, else the one that lost its
   * number where `n` was expected, else, in a text that numbers nothing, the n-th.
   */
  operativeCandidates(n: number, suffix?: string): Paragraph[] {
    const { byNumber, unnumbered, real, bySuffix } = this.numbering;
    if (suffix !== undefined) return bySuffix.get(suffixKey(n, suffix)) ?? [];
    const numbered = byNumber.get(n);
    if (numbered) return numbered;
    const lost = unnumbered.get(n);
    if (lost) return [lost];
    if (byNumber.size === 0 && n >= 1 && n <= real.length) return [real[n - 1]];
    return [];
  }

  /** Operative paragraph `n`; of several with that number, the one `near` most likely means. */
  operativeParagraph(n: number, near?: { offset: number; direction?: 'above' | 'below' }): Paragraph | undefined {
    return pick(this.operativeCandidates(n), near);
  }

  /** A sub-paragraph of a paragraph (its orphans' included) by label: "c", "(c)", "ii", "1.5". */
  subparagraph(paragraph: Paragraph, label: string): SubParagraph | undefined {
    const key = /^[\d(]/.test(label) ? label : `(${label})`;
    return this.subsByLabel(paragraph).get(key);
  }

  /** The labels of a paragraph's first level, its orphans' included, in order. */
  topLabels(paragraph: Paragraph): string[] {
    const orphans = this.numbering.orphans.get(paragraph) ?? [];
    return [...paragraph.subparagraphs, ...orphans.flatMap((o) => o.subparagraphs)].map((s) => s.label);
  }

  /**
   * A paragraph's sub-paragraphs by label: of several with one label, the first met looking
   * through a level before going down into each of its items in turn.
   */
  private subsByLabel(paragraph: Paragraph): Map<string, SubParagraph> {
    let index = this.subIndex.get(paragraph);
    if (index) return index;
    index = new Map<string, SubParagraph>();
    const top: SubParagraph[] = [...paragraph.subparagraphs];
    for (const orphan of this.numbering.orphans.get(paragraph) ?? []) for (const sub of orphan.subparagraphs) top.push(sub);
    const pending: SubParagraph[][] = [top];
    while (pending.length > 0) {
      const level = pending.pop()!;
      for (const node of level) if (!index.has(node.label)) index.set(node.label, node);
      for (let i = level.length - 1; i >= 0; i--) if (level[i].subparagraphs.length > 0) pending.push(level[i].subparagraphs);
    }
    this.subIndex.set(paragraph, index);
    return index;
  }

  /** The real paragraphs, in order, with a sub-paragraph labelled `label` ("1.5") somewhere below them. */
  holdersOf(label: string): Paragraph[] {
    if (!this.holders) {
      const holders = new Map<string, Paragraph[]>();
      for (const paragraph of this.numbering.real) {
        for (const held of this.subsByLabel(paragraph).keys()) {
          const list = holders.get(held);
          if (list) list.push(paragraph);
          else holders.set(held, [paragraph]);
        }
      }
      this.holders = holders;
    }
    return this.holders.get(label) ?? [];
  }

  // ---- negotiation ---------------------------------------------------------------------------

  /** Whether the text carries the marks of a negotiation: an inserted paragraph, a bracket, a status note or an attribution. */
  get underNegotiation(): boolean {
    if (this.negotiating === undefined) {
      const { brackets, unbalanced, notes, strayAlternatives } = this.model.negotiation;
      const marked = brackets.length > 0 || unbalanced.length > 0 || notes.length > 0 || strayAlternatives.length > 0;
      this.negotiating = marked || this.model.preambular.some((p) => p.suffix !== undefined) || this.model.operative.some((p) => p.suffix !== undefined);
    }
    return this.negotiating;
  }

  /** The brackets that start inside a span, outermost first where they nest. */
  bracketsIn(span: Span): Bracket[] {
    const brackets = this.model.negotiation.brackets;
    const found: Bracket[] = [];
    for (let i = lastStartingBefore(brackets, span.start) + 1; i < brackets.length && brackets[i].start < span.end; i++) found.push(brackets[i]);
    return found;
  }

  /** The brackets holding an offset, outermost first. */
  bracketsAt(offset: number): Bracket[] {
    const brackets = this.model.negotiation.brackets;
    const holding: Bracket[] = [];
    // An enclosing bracket starts before the offset; brackets are few next to the text's length.
    for (let i = lastStartingBefore(brackets, offset + 1); i >= 0; i--) if (brackets[i].end > offset) holding.push(brackets[i]);
    return holding.reverse();
  }

  /** The status notes and attributions inside a span. */
  notesIn(span: Span): NegotiationNote[] {
    const notes = this.model.negotiation.notes;
    const found: NegotiationNote[] = [];
    for (let i = lastStartingBefore(notes, span.start) + 1; i < notes.length && notes[i].start < span.end; i++) found.push(notes[i]);
    return found;
  }

  /**
   * Where a paragraph stands in the negotiation: agreed (a status note says so, or nothing in it
   * is bracketed), bracketed (all its words stand in brackets) or under negotiation (a part of it
   * is bracketed, a bracket is left open, or a note says it is pending).
   */
  negotiationState(paragraph: Paragraph): NegotiationState {
    const notes = this.notesIn(paragraph);
    if (notes.some((n) => n.kind === 'pending')) return 'underNegotiation';
    if (notes.some((n) => n.kind === 'agreed' || n.kind === 'agreedAdRef')) return 'agreed';
    const contentStart = paragraph.segments[0]?.start ?? paragraph.start;
    const enclosing = this.bracketsAt(contentStart)[0];
    if (enclosing && enclosing.end >= paragraph.end) return 'bracketed';
    const unbalanced = this.model.negotiation.unbalanced.some((u) => u.start >= paragraph.start && u.start < paragraph.end);
    const inside = this.bracketsIn(paragraph).filter((b) => b.depth === 1 || b.start < contentStart);
    if (inside.length === 0) return unbalanced ? 'underNegotiation' : 'agreed';
    // Bracketed when no word stands outside the brackets and the notes.
    const cover = [...inside, ...notes].sort((a, b) => a.start - b.start);
    const text = this.model.text;
    let at = contentStart;
    let outside = false;
    for (const span of [...cover, { start: paragraph.end, end: paragraph.end }]) {
      if (/[\p{L}\p{N}]/u.test(text.slice(at, Math.max(at, span.start)))) {
        outside = true;
        break;
      }
      at = Math.max(at, span.end);
    }
    return outside || unbalanced ? 'underNegotiation' : 'bracketed';
  }

  // ---- citations and references --------------------------------------------------------------

  /**
   * The resolution (or decision) cited last before an offset, in the same stream of text: a
   * footnote looks back within footnotes, a paragraph within paragraphs and the header. Another
   * kind of citation stands in when none of the kind asked for came before.
   */
  previousCitation(offset: number, kind: 'resolution' | 'decision'): Citation | undefined {
    const inFootnote = this.model.footnotes.some((f) => offset >= f.start && offset < f.end);
    const citations = this.model.citations;
    let fallback: Citation | undefined;
    for (let i = lastStartingBefore(citations, offset); i >= 0; i--) {
      const citation = citations[i];
      if (citation.end > offset || citation.kind === 'document' || (citation.container === 'footnote') !== inFootnote) continue;
      if (citation.kind === kind) return citation;
      fallback ??= citation;
    }
    return fallback;
  }

  /** What a reference to another text names; undefined for a reference to this one. */
  citedBy(reference: ParagraphReference): CitedTarget | undefined {
    const { scope } = reference;
    if (scope.kind === 'self') return undefined;
    if (scope.kind === 'cited') {
      const citation = this.model.citations.find((c) => c.start < scope.symbolSpan.end && scope.symbolSpan.start < c.end);
      return { citation, symbol: scope.symbol, kind: scope.citationKind };
    }
    const kind = /decision\W*$/i.test(this.model.text.slice(reference.start, reference.end)) ? 'decision' : 'resolution';
    return { citation: this.previousCitation(reference.start, kind), kind };
  }

  /**
   * The targets of a reference, each as written and as found in `within`: this document for a
   * reference to itself, or the query of the cited text for "paragraph 2 of resolution 73/266".
   */
  resolveReference(reference: ParagraphReference, within: DocumentQuery = this): ResolvedTarget[] {
    const self = within === this && reference.scope.kind === 'self';
    const near = self ? { offset: reference.start, direction: reference.scope.kind === 'self' ? reference.scope.direction : undefined } : undefined;
    const resolved: ResolvedTarget[] = [];
    for (const written of this.writtenTargets(reference)) {
      let candidates: Paragraph[];
      if (written.decimal) {
        // "paragraph 1.5": the paragraph that holds a 1.5, whatever its own number now says.
        const holders = within.holdersOf(written.sub!);
        candidates = holders.length ? holders : within.operativeCandidates(written.target.paragraph!);
      } else if (written.target.paragraph !== undefined) candidates = within.operativeCandidates(written.target.paragraph, written.target.suffix);
      else {
        // "subparagraph (b)" alone: of the paragraph it stands in.
        const here = self ? within.numberedParagraphAt(reference.start) : undefined;
        candidates = here ? [here] : [];
      }
      const blocks: Block[] = [];
      for (const candidate of candidates) {
        if (written.sub === undefined) blocks.push(candidate);
        else {
          const sub = within.subparagraph(candidate, written.sub);
          if (sub) blocks.push(sub);
        }
      }
      // Of paragraphs sharing a number, one that has the sub-paragraph named.
      const having = written.sub === undefined ? candidates : candidates.filter((p) => blocks.some((b) => b === p || within.holds(p, b)));
      const paragraph = pick(having.length ? having : candidates, near);
      const block = paragraph && written.sub !== undefined ? within.subparagraph(paragraph, written.sub) : paragraph;
      resolved.push({ written, name: targetName(written), candidates, paragraph, block, blocks });
    }
    return resolved;
  }

  /** Whether a block stands in a paragraph or in one of its orphans. */
  private holds(paragraph: Paragraph, block: Block): boolean {
    if (block.start >= paragraph.start && block.end <= paragraph.end) return true;
    return this.numbering.orphans.get(paragraph)?.some((o) => block.start >= o.start && block.end <= o.end) ?? false;
  }

  /** A reference's targets as the source writes them (see `WrittenTarget.spelt`). */
  writtenTargets(reference: ParagraphReference): WrittenTarget[] {
    const text = this.model.text;
    const result: WrittenTarget[] = [];
    for (const target of reference.targets) {
      const match = TARGET_TEXT.exec(text.slice(target.start, target.end));
      const number = match?.[1] === undefined ? undefined : Number(match[1]);
      const sub = match ? (match[3] !== undefined ? `${match[1]}.${match[3]}` : match[4]) : undefined;
      if (!match || (number !== undefined && number !== target.paragraph) || sub !== target.sub) {
        result.push({ target, spelt: false, decimal: target.sub !== undefined && /^\d/.test(target.sub), sub: target.sub });
        continue;
      }
      const written: WrittenTarget = { target, spelt: true, decimal: match[3] !== undefined };
      if (number !== undefined) written.digits = { start: target.start, end: target.start + match[1].length };
      if (match[2] !== undefined) {
        const at = target.start + match[0].indexOf(match[2], match[1]?.length ?? 0);
        written.suffixSpan = { start: at, end: at + match[2].length };
      }
      else if (target.paragraph !== undefined) {
        // "subparagraph (b) of paragraph 3": the number stands after the sub-paragraph.
        const tail = text.slice(target.end, reference.end);
        const of = new RegExp(String.raw`paragraph\s+(${target.paragraph})(?!\d)`).exec(tail);
        if (of) {
          const at = target.end + of.index + of[0].length - of[1].length;
          written.digits = { start: at, end: at + of[1].length };
        }
      }
      if (sub !== undefined) {
        const length = match[3] !== undefined ? match[3].length : match[4].length;
        const at = match[3] !== undefined ? target.start + match[1].length + 1 : target.end - 1 - length;
        written.subSpan = { start: at, end: at + length };
        written.sub = sub;
      }
      result.push(written);
    }
    return result;
  }
}

/** "paragraph 3", "paragraph 2 (c)", "subparagraph (b)", "paragraph 1.5", as UN texts write them. */
function targetName(written: WrittenTarget): string {
  if (written.decimal) return `paragraph ${written.sub}`;
  if (written.target.paragraph === undefined) return `subparagraph (${written.sub})`;
  const number = written.target.suffix ? `${written.target.paragraph} ${written.target.suffix}` : `${written.target.paragraph}`;
  return written.sub === undefined ? `paragraph ${number}` : `paragraph ${number} (${written.sub})`;
}

/** Of several paragraphs with one number, the one a reference most likely means. */
function pick(candidates: Paragraph[], near: { offset: number; direction?: 'above' | 'below' } | undefined): Paragraph | undefined {
  if (candidates.length <= 1 || !near) return candidates[0];
  if (near.direction === 'above') {
    const before = candidates.filter((p) => p.start < near.offset);
    if (before.length) return before[before.length - 1];
  } else if (near.direction === 'below') {
    const after = candidates.find((p) => p.start > near.offset);
    if (after) return after;
  }
  return candidates[0];
}

/** The span of a sorted list holding an offset (binary search). */
function holding<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  const i = lastStartingBefore(spans, offset + 1);
  return i >= 0 && offset < spans[i].end ? spans[i] : undefined;
}

/** Index of the last span starting before `offset` in a list sorted by start; -1 when none does. */
function lastStartingBefore(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start < offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

// ---- the operative part as numbered paragraphs ------------------------------------------------

export interface Structure {
  /** Paragraphs the parser filed as operative that read as preambular ones (leading run only), and numbered preambular ones. */
  leading: Paragraph[];
  /** The operative paragraphs that take a number, in order. */
  real: Paragraph[];
  /** Each real paragraph's position number; none for a lone unnumbered paragraph. */
  position: Map<Paragraph, number | undefined>;
  /** Unnumbered "paragraphs" that are sub-paragraphs whose label was lost, by owner. */
  orphans: Map<Paragraph, Paragraph[]>;
  owner: Map<Paragraph, Paragraph>;
  /** Every paragraph of the body in order (preambular, then operative, orphans included). */
  all: Paragraph[];
  /** Real paragraphs by written number. */
  byNumber: Map<number, Paragraph[]>;
  /**
   * Paragraphs without a number of their own (unnumbered, or repeating another's) by the number
   * they are expected to carry, when no paragraph is written with it: "paragraph 3 above" still
   * finds the paragraph 3 that lost its number.
   */
  unnumbered: Map<number, Paragraph>;
  /** How each real paragraph's written number departs from the expected one. */
  slips: Map<Paragraph, NumberSlip>;
  /**
   * Paragraphs inserted during negotiation ("2 bis", "OP5ter"), in order: no place in the
   * numbering until the text is prepared for issuance, each after the paragraph it follows.
   */
  inserted: Paragraph[];
  /** Inserted paragraphs by number and suffix: "2 bis". */
  bySuffix: Map<string, Paragraph[]>;
}

/** The key of an inserted paragraph in `Structure.bySuffix`: "2 bis". */
export function suffixKey(number: number, suffix: string): string {
  return `${number} ${suffix.toLowerCase() === 'nonies' ? 'novies' : suffix.toLowerCase()}`;
}

/** How delegates name a paragraph: "PP3", "OP2", "OP2 bis" (its place in its part, and its suffix). */
export function paragraphName(paragraph: Paragraph): string {
  const base = `${paragraph.kind === 'operative' ? 'OP' : 'PP'}${paragraph.index}`;
  return paragraph.suffix ? `${base} ${paragraph.suffix.text}` : base;
}

/**
 * A place in the text as a reader names it: "PP3", "OP2 bis", "OP5 (a) bis" — an operative
 * paragraph by its written number where it has one (a section of a resolution in parts numbers
 * from 1 again), with the suffix of an inserted paragraph or sub-paragraph.
 */
export function placeName(paragraph: Paragraph, block: Paragraph | SubParagraph = paragraph): string {
  const base = paragraph.kind === 'preambular' ? `PP${paragraph.index}` : `OP${paragraph.number ?? paragraph.index}`;
  const top = paragraph.suffix ? `${base} ${paragraph.suffix.text}` : base;
  return 'label' in block && block.label !== '' ? `${top} ${subLabel(block)}` : top;
}

/** A sub-paragraph's label with the suffix of an inserted one: "(a)", "(a) bis". */
export function subLabel(sub: SubParagraph): string {
  return sub.suffix ? `${sub.label} ${sub.suffix.text}` : sub.label;
}

function readStructure(model: ResolutionDocument): Structure {
  const ops = model.operative;
  const leading: Paragraph[] = [];
  const real: Paragraph[] = [];
  const orphans = new Map<Paragraph, Paragraph[]>();
  const owner = new Map<Paragraph, Paragraph>();
  const inserted: Paragraph[] = [];
  const bySuffix = new Map<string, Paragraph[]>();
  let i = 0;
  // The parser keeps a numbered paragraph that reads as preambular in the preamble; others it
  // could not tell apart lead the operative part.
  for (const p of model.preambular) if (p.number !== undefined) leading.push(p);
  while (i < ops.length && readsPreambular(ops[i])) leading.push(ops[i++]);
  let current: Paragraph | undefined;
  for (; i < ops.length; i++) {
    const paragraph = ops[i];
    // "Resolves that:" over the numbered paragraphs, and the one paragraph of a section, take no number of their own.
    if (paragraph.introduces === 'paragraphs' || paragraph.aloneInSection) continue;
    if (paragraph.suffix) {
      inserted.push(paragraph);
      if (paragraph.number !== undefined) {
        const key = suffixKey(paragraph.number, paragraph.suffix.text);
        const list = bySuffix.get(key);
        if (list) list.push(paragraph);
        else bySuffix.set(key, [paragraph]);
      }
      continue;
    }
    if (paragraph.number === undefined && current && isOrphan(current, paragraph, orphans.get(current))) {
      const list = orphans.get(current) ?? [];
      list.push(paragraph);
      orphans.set(current, list);
      owner.set(paragraph, current);
      continue;
    }
    real.push(paragraph);
    current = paragraph;
  }
  const position = new Map<Paragraph, number | undefined>();
  const lone = real.length === 1 && real[0].number === undefined;
  real.forEach((p, k) => position.set(p, lone ? undefined : k + 1));
  const byNumber = new Map<number, Paragraph[]>();
  for (const p of real) {
    if (p.number === undefined) continue;
    const list = byNumber.get(p.number);
    if (list) list.push(p);
    else byNumber.set(p.number, [p]);
  }
  const structure: Structure = {
    leading, real, position, orphans, owner, all: [...model.preambular, ...ops], byNumber, unnumbered: new Map(), slips: new Map(), inserted, bySuffix,
  };
  walkNumbers(structure);
  return structure;
}

/**
 * A paragraph that opens with a preambular phrase ("Stressing", "Deeply concerned") and no
 * operative verb, and ends with a comma (its own text, or its last sub-paragraph's after a colon).
 */
export function readsPreambular(paragraph: Paragraph): boolean {
  const text = paragraph.content.text;
  if (preambularOpeningLength(text) === 0 || operativeOpeningLength(text) > 0) return false;
  let last: Block = paragraph;
  while (last.subparagraphs.length > 0) last = last.subparagraphs[last.subparagraphs.length - 1];
  if (last !== paragraph && !/:\s*$/.test(text)) return false;
  return /,\s*$/.test(last.content.text);
}

/**
 * An unnumbered paragraph after `current` is a sub-paragraph without its label when `current`
 * ends with a colon and has no sub-paragraph yet, or when `current` already has sub-paragraphs
 * and the paragraph does not open with an operative verb or is followed by labels that go on
 * counting ("(c)" after it: it was the "(b)").
 */
function isOrphan(current: Paragraph, paragraph: Paragraph, earlier: Paragraph[] | undefined): boolean {
  const items = current.subparagraphs.length + (earlier?.length ?? 0);
  if (items === 0) return /:\s*$/.test(current.content.text);
  if (readsPreambular(paragraph)) return false;
  const next = paragraph.subparagraphs[0];
  if (next && next.depth === 1 && next.label !== '' && labelValue(next.label, next.scheme) > 1) return true;
  return operativeOpeningLength(paragraph.content.text) === 0;
}

/**
 * Walks the numbers against positions with an offset that a gap or an inserted paragraph may
 * shift, and records the number each unnumbered or duplicated paragraph is expected to carry.
 */
function walkNumbers(structure: Structure): void {
  const { real, slips, unnumbered } = structure;
  if (real.length === 1 && real[0].number === undefined) return;
  const written = new Set<number>();
  for (const p of real) if (p.number !== undefined) written.add(p.number);
  const writtenSorted = ascending(written);
  const following = nextNumbered(real);
  const firstAt = new Map<number, number>();
  let offset = 0;
  for (let k = 1; k <= real.length; k++) {
    const paragraph = real[k - 1];
    if (paragraph.restartsNumbering) {
      offset = 1 - k;
      firstAt.clear();
    }
    const expected = k + offset;
    const n = paragraph.number;
    if (n === undefined || !paragraph.numberSpan) {
      slips.set(paragraph, { kind: 'missing', expected });
      if (!written.has(expected) && !unnumbered.has(expected)) unnumbered.set(expected, paragraph);
      offset = nextOffset(real, following, k, offset, offset - 1, false);
      continue;
    }
    const seenAt = firstAt.get(n);
    if (seenAt === undefined) firstAt.set(n, k);
    if (n === expected) continue;
    if (seenAt !== undefined) {
      slips.set(paragraph, { kind: 'duplicate', expected, first: real[seenAt - 1] });
      if (!written.has(expected) && !unnumbered.has(expected)) unnumbered.set(expected, paragraph);
      offset = nextOffset(real, following, k, offset, n - k, false);
    } else if (n < expected || skippedElsewhere(writtenSorted, expected, n)) {
      // Out of order: the place is wrong, the offset stays (a moved paragraph flags the ones it displaced).
      slips.set(paragraph, { kind: 'order', expected });
    } else {
      slips.set(paragraph, { kind: 'gap', expected });
      offset = nextOffset(real, following, k, offset, n - k, true);
    }
  }
}

/** The numbers of a set in ascending order, NaN left out. */
export function ascending(numbers: Set<number>): number[] {
  return [...numbers].filter((n) => !Number.isNaN(n)).sort((a, b) => a - b);
}

/**
 * Whether a number between `from` and `to` (exclusive, at most 1000 on) is written somewhere
 * (`written` ascending): then `to` is out of order, not after a gap.
 */
export function skippedElsewhere(written: number[], from: number, to: number): boolean {
  const first = partitionPoint(written.length, (i) => written[i] < from);
  return first < written.length && written[first] < Math.min(to, from + 1000);
}

/**
 * For each position k (1-based) of a sequence, the position of the first item after it that has
 * a number, 0 when none has: every slip looks ahead, and a run of unnumbered items must not make
 * each look walk the whole run.
 */
export function nextNumbered(items: { number?: number }[]): Int32Array {
  const next = new Int32Array(items.length + 1);
  let ahead = 0;
  for (let j = items.length; j >= 1; j--) {
    next[j] = ahead;
    if (items[j - 1].number !== undefined) ahead = j;
  }
  return next;
}

/**
 * After a slip at position k, keep the offset or take the one the written number implies (`alt`),
 * whichever the next numbered paragraph agrees with (`following`, from `nextNumbered`). A gap
 * takes `alt` unless the next one agrees with the old offset.
 */
export function nextOffset(items: { number?: number }[], following: Int32Array, k: number, offset: number, alt: number, gap: boolean): number {
  const j = following[k];
  if (j === 0) return gap ? alt : offset;
  const n = items[j - 1].number!;
  const old = n === j + offset;
  if (gap) return old ? offset : alt;
  return n === j + alt && !old ? alt : offset;
}
