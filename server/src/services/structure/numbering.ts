// Numbering, labels and cross-references inside the draft (issue 5, first half):
//   unres.opNumberGap          "Operative paragraph 4 follows 2: expected 3."
//   unres.opNumberDuplicate    a number written twice
//   unres.opNumberOrder        numbers out of order (a swap, a moved paragraph)
//   unres.opNumberMissing      an operative paragraph without a number (a lone one may stand unnumbered)
//   unres.numberedPreambular   a number on a paragraph that opens like a preambular one and ends with a comma
//   unres.labelGap, unres.labelDuplicate, unres.labelOrder, unres.labelRestart, unres.labelMixed,
//   unres.labelParent          sub-paragraph labels: (a), (b) … per paragraph, (i), (ii) … one level down,
//                              1.1, 1.2 … under paragraph 1
//   unres.labelMissing         a sub-paragraph that lost its label (the parser reads it as an unnumbered paragraph)
//   unres.referenceMissing     "paragraph 7 above" with no paragraph 7
//   unres.referenceSubMissing  "paragraph 2 (c)" when paragraph 2 has no (c)
//   unres.referenceDirection   "paragraph 7 above" when paragraph 7 is below, or the reverse
// All Warning. Fixes: "Renumber operative paragraphs" (every numbering code), "Reletter
// sub-paragraphs of OP2" (every label code), "Change to "below"" (direction); each moves the
// draft's own references ("paragraph 3 above", "paragraphs 2 and 5", "paragraph 4 (b)") with the
// paragraph they named, and edits nothing but numbers, labels and the numbers inside references.
// Reads the model only; one linear pass over paragraphs and references.
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, Range, TextEdit } from 'vscode-languageserver-types';
import { appendAll } from '../../arrays';
import type { CancellationToken, ParsedDocument } from '../../parsedDocument';
import type { LabelScheme, Paragraph, ParagraphReference, ReferenceTarget, Span, SubParagraph } from '../../parser/model';
import { operativeOpeningLength, preambularOpeningLength } from '../../parser/vocabulary';

export const OP_NUMBER_GAP = 'unres.opNumberGap';
export const OP_NUMBER_DUPLICATE = 'unres.opNumberDuplicate';
export const OP_NUMBER_ORDER = 'unres.opNumberOrder';
export const OP_NUMBER_MISSING = 'unres.opNumberMissing';
export const NUMBERED_PREAMBULAR = 'unres.numberedPreambular';
export const LABEL_GAP = 'unres.labelGap';
export const LABEL_DUPLICATE = 'unres.labelDuplicate';
export const LABEL_ORDER = 'unres.labelOrder';
export const LABEL_RESTART = 'unres.labelRestart';
export const LABEL_MIXED = 'unres.labelMixed';
export const LABEL_PARENT = 'unres.labelParent';
export const LABEL_MISSING = 'unres.labelMissing';
export const REFERENCE_MISSING = 'unres.referenceMissing';
export const REFERENCE_SUB_MISSING = 'unres.referenceSubMissing';
export const REFERENCE_DIRECTION = 'unres.referenceDirection';

export const NUMBERING_CODES: readonly string[] = [OP_NUMBER_GAP, OP_NUMBER_DUPLICATE, OP_NUMBER_ORDER, OP_NUMBER_MISSING, NUMBERED_PREAMBULAR];
export const LABEL_CODES: readonly string[] = [LABEL_GAP, LABEL_DUPLICATE, LABEL_ORDER, LABEL_RESTART, LABEL_MIXED, LABEL_PARENT, LABEL_MISSING];
export const REFERENCE_CODES: readonly string[] = [REFERENCE_MISSING, REFERENCE_SUB_MISSING, REFERENCE_DIRECTION];
/** Every code this module publishes. */
export const STRUCTURE_NUMBERING_CODES: readonly string[] = [...NUMBERING_CODES, ...LABEL_CODES, ...REFERENCE_CODES];

/** What a diagnostic of this module carries for its fix. */
export type NumberingData =
  | { fix: 'renumber' }
  /** `paragraph`: "OP2", "PP3", the paragraph whose labels the fix rewrites. */
  | { fix: 'reletter'; paragraph: string }
  | { fix: 'direction'; replacement?: 'above' | 'below' };

// ---- reading the structure ------------------------------------------------------------------

type Node = Paragraph | SubParagraph;

/** One sub-paragraph at one level of a paragraph; `label` undefined when it lost its label. */
interface Item {
  node: Node;
  label?: string;
  scheme: LabelScheme;
  /** Where a diagnostic about it goes: its label, or its first word. */
  span: Span;
  /** Its own sub-paragraphs, one level down. */
  children: SubParagraph[];
}

interface Structure {
  /** Paragraphs the parser filed as operative that read as preambular ones (leading run only). */
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
  numberFindings: Finding[];
  /** Each paragraph's sub-paragraphs by label (see `subsByLabel`), built when first asked for. */
  subIndex: Map<Paragraph, Map<string, SubParagraph>>;
  /** The real paragraphs that hold each label somewhere below them, built when first asked for. */
  holders?: Map<string, Paragraph[]>;
}

function readStructure(document: ParsedDocument): Structure {
  const { model } = document;
  const ops = model.operative;
  const leading: Paragraph[] = [];
  const real: Paragraph[] = [];
  const orphans = new Map<Paragraph, Paragraph[]>();
  const owner = new Map<Paragraph, Paragraph>();
  let i = 0;
  // The parser keeps a numbered paragraph that reads as preambular in the preamble; others it
  // could not tell apart lead the operative part.
  appendAll(leading, model.preambular.filter((p) => p.number !== undefined));
  while (i < ops.length && readsPreambular(ops[i])) leading.push(ops[i++]);
  let current: Paragraph | undefined;
  for (; i < ops.length; i++) {
    const paragraph = ops[i];
    // "Resolves that:" over the numbered paragraphs, and the one paragraph of a section, take no number of their own.
    if (paragraph.introduces === 'paragraphs' || paragraph.aloneInSection) continue;
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
  const structure: Structure = { leading, real, position, orphans, owner, all: [...model.preambular, ...ops], byNumber, unnumbered: new Map(), numberFindings: [], subIndex: new Map() };
  walkNumbers(document, structure);
  return structure;
}

/**
 * A paragraph that opens with a preambular phrase ("Stressing", "Deeply concerned") and no
 * operative verb, and ends with a comma (its own text, or its last sub-paragraph's after a colon).
 */
function readsPreambular(paragraph: Paragraph): boolean {
  const text = paragraph.content.text;
  if (preambularOpeningLength(text) === 0 || operativeOpeningLength(text) > 0) return false;
  let last: Node = paragraph;
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
  if (next && next.depth === 1 && valueOf(subItem(next)) > 1) return true;
  return operativeOpeningLength(paragraph.content.text) === 0;
}

/** The items at a paragraph's first level: its sub-paragraphs and its orphans with theirs. */
function topItems(document: ParsedDocument, paragraph: Paragraph, structure: Structure): Item[] {
  const items: Item[] = paragraph.subparagraphs.map(subItem);
  const orphans = structure.orphans.get(paragraph);
  if (!orphans) return items;
  // The scheme of the first labelled item, kept as items come: a paragraph may have thousands of orphans.
  let labelledScheme = items.find((item) => item.label !== undefined)?.scheme;
  for (const orphan of orphans) {
    const scheme = labelledScheme ?? orphan.subparagraphs[0]?.scheme ?? 'alpha';
    const same: SubParagraph[] = [];
    const children: SubParagraph[] = [];
    for (const sub of orphan.subparagraphs) (sub.scheme === scheme && sub.depth === 1 ? same : children).push(sub);
    items.push({ node: orphan, scheme, span: firstWord(document, orphan), children });
    for (const sub of same) {
      const item = subItem(sub);
      if (labelledScheme === undefined && item.label !== undefined) labelledScheme = item.scheme;
      items.push(item);
    }
  }
  return items;
}

function subItem(sub: SubParagraph): Item {
  // A label the extraction lost: the item is reported at its first characters.
  if (sub.label === '') {
    const word = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(sub.content.text)?.[0].length ?? 1;
    return { node: sub, scheme: sub.scheme, span: { start: sub.labelSpan.start, end: Math.min(sub.ownEnd, sub.labelSpan.start + word) }, children: sub.subparagraphs };
  }
  return { node: sub, label: sub.label, scheme: sub.scheme, span: sub.labelSpan, children: sub.subparagraphs };
}

/** "a" for "(a)", "1.3" for "1.3". */
function bare(label: string): string {
  return label.startsWith('(') ? label.slice(1, -1) : label;
}

function valueOf(item: Item): number {
  if (item.label === undefined) return NaN;
  const label = bare(item.label);
  if (item.scheme === 'decimal') return Number(label.slice(label.lastIndexOf('.') + 1));
  return item.scheme === 'roman' ? romanValue(label) : alphaValue(label);
}

function decimalPrefix(label: string): string {
  return label.slice(0, label.lastIndexOf('.'));
}

/** a = 1 … z = 26, aa = 27, bb = 28 … (UN practice doubles letters after z). */
function alphaValue(label: string): number {
  if (!/^([a-z])\1{0,3}$/.test(label)) return NaN;
  return (label.length - 1) * 26 + label.charCodeAt(0) - 96;
}

function alphaLabel(value: number): string {
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(label: string): number {
  if (!/^[ivxlc]+$/.test(label)) return NaN;
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const value = ROMAN_DIGITS[label[i]];
    const next = ROMAN_DIGITS[label[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return romanLabel(total) === label ? total : NaN;
}

function romanLabel(value: number): string {
  const table: [number, string][] = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [n, s] of table) {
    while (value >= n) {
      out += s;
      value -= n;
    }
  }
  return out;
}

/** "(b)", "(ii)", "1.2" */
function formatLabel(scheme: LabelScheme, value: number, prefix: string | undefined): string {
  if (scheme === 'decimal') return `${prefix ?? '?'}.${value}`;
  return `(${scheme === 'roman' ? romanLabel(value) : alphaLabel(value)})`;
}

function paragraphName(paragraph: Paragraph): string {
  return `${paragraph.kind === 'operative' ? 'OP' : 'PP'}${paragraph.index}`;
}

/** The first word of a block's own text (after any markup), for a diagnostic with no number or label. */
function firstWord(document: ParsedDocument, node: Node): Span {
  if ('opening' in node && node.opening) return { start: node.opening.start, end: node.opening.end };
  const text = document.model.text;
  const from = node.segments[0]?.start ?? node.start;
  const match = /^[\s*_>#-]*([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u.exec(text.slice(from, Math.min(text.length, from + 80)));
  if (!match) return { start: from, end: Math.min(node.ownEnd, from + 1) };
  const start = from + match[0].length - match[1].length;
  return { start, end: start + match[1].length };
}

// ---- diagnostics ------------------------------------------------------------------------------

export function getNumberingDiagnostics(document: ParsedDocument, token?: CancellationToken): Diagnostic[] {
  const cancelled = () => token?.isCancellationRequested === true;
  const structure = readStructure(document);
  const out: Diagnostic[] = [];
  const push: Push = (code, span, message, data) => {
    const diagnostic: Diagnostic = { range: document.range(span), severity: DiagnosticSeverity.Warning, source: 'unres', code, message };
    if (data) diagnostic.data = data;
    out.push(diagnostic);
  };

  checkNumbers(structure, push);
  if (cancelled()) return [];
  for (const paragraph of structure.all) {
    if (structure.owner.has(paragraph)) continue; // an orphan is checked with its owner
    checkLabels(document, structure, paragraph, push);
  }
  if (cancelled()) return [];
  checkReferences(document, structure, push);
  if (cancelled()) return [];
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

type Push = (code: string, span: Span, message: string, data?: NumberingData) => void;

/** The number diagnostics, found once per structure (see `walkNumbers`). */
function checkNumbers(structure: Structure, push: Push): void {
  for (const finding of structure.numberFindings) push(finding.code, finding.span, finding.message, { fix: 'renumber' });
}

interface Finding {
  code: string;
  span: Span;
  message: string;
}

/**
 * Walks the numbers against positions with an offset that a gap or an inserted paragraph may
 * shift: one slip gives one diagnostic, not one on every paragraph after it. Also records the
 * number each unnumbered paragraph is expected to carry, so that "paragraph 3 above" still finds
 * the paragraph 3 that lost its number.
 */
function walkNumbers(document: ParsedDocument, structure: Structure): void {
  const findings = structure.numberFindings;
  for (const paragraph of structure.leading) {
    if (paragraph.number === undefined || !paragraph.numberSpan) continue;
    const opening = paragraph.opening?.text ?? paragraph.content.text.split(' ')[0];
    findings.push({
      code: NUMBERED_PREAMBULAR,
      span: paragraph.numberSpan,
      message: `Numbered preambular paragraph: it opens with "${opening}" and ends with a comma; expected no number, found "${paragraph.number}.".`,
    });
  }
  const { real } = structure;
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
    const previous = k > 1 ? real[k - 2].number : undefined;
    const after = k === 1 ? undefined : previous === undefined ? 'an unnumbered paragraph' : String(previous);
    if (n === undefined || !paragraph.numberSpan) {
      findings.push({ code: OP_NUMBER_MISSING, span: firstWord(document, paragraph), message: `Operative paragraph without a number${after ? ` after ${after}` : ''}: expected ${expected}.` });
      if (!written.has(expected) && !structure.unnumbered.has(expected)) structure.unnumbered.set(expected, paragraph);
      offset = nextOffset(real, following, k, offset, offset - 1, false);
      continue;
    }
    const seenAt = firstAt.get(n);
    if (seenAt === undefined) firstAt.set(n, k);
    if (n === expected) continue;
    const follows = after ? `follows ${after}` : 'is the first';
    if (seenAt !== undefined) {
      const line = document.lineOf(real[seenAt - 1].numberSpan!.start) + 1;
      findings.push({ code: OP_NUMBER_DUPLICATE, span: paragraph.numberSpan, message: `Operative paragraph number ${n} is used twice (also on line ${line}): expected ${expected}.` });
      if (!written.has(expected) && !structure.unnumbered.has(expected)) structure.unnumbered.set(expected, paragraph);
      offset = nextOffset(real, following, k, offset, n - k, false);
    } else if (n < expected || skippedElsewhere(writtenSorted, expected, n)) {
      // Out of order: the place is wrong, the offset stays (a moved paragraph flags the ones it displaced).
      findings.push({ code: OP_NUMBER_ORDER, span: paragraph.numberSpan, message: `Operative paragraph ${n} ${follows}, out of order: expected ${expected}.` });
    } else {
      const message = k === 1 ? `The first operative paragraph is numbered ${n}: expected ${expected}.` : `Operative paragraph ${n} ${follows}: expected ${expected}.`;
      findings.push({ code: OP_NUMBER_GAP, span: paragraph.numberSpan, message });
      offset = nextOffset(real, following, k, offset, n - k, true);
    }
  }
}

/** The numbers of a set in ascending order, NaN left out. */
function ascending(numbers: Set<number>): number[] {
  return [...numbers].filter((n) => !Number.isNaN(n)).sort((a, b) => a - b);
}

/**
 * Whether a number between `from` and `to` (exclusive, at most 1000 on) is written somewhere
 * (`written` ascending): then `to` is out of order, not after a gap.
 */
function skippedElsewhere(written: number[], from: number, to: number): boolean {
  let low = 0;
  let high = written.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (written[mid] < from) low = mid + 1;
    else high = mid;
  }
  return low < written.length && written[low] < Math.min(to, from + 1000);
}

/**
 * For each position k (1-based) of a sequence, the position of the first item after it that has
 * a number, 0 when none has: every slip looks ahead, and a run of unnumbered items must not make
 * each look walk the whole run.
 */
function nextNumbered(items: { number?: number }[]): Int32Array {
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
function nextOffset(items: { number?: number }[], following: Int32Array, k: number, offset: number, alt: number, gap: boolean): number {
  const j = following[k];
  if (j === 0) return gap ? alt : offset;
  const n = items[j - 1].number!;
  const old = n === j + offset;
  if (gap) return old ? offset : alt;
  return n === j + alt && !old ? alt : offset;
}

const SCHEME_NAMES: Record<LabelScheme, string> = { alpha: 'letters', roman: 'roman numerals', decimal: 'decimal numbers' };

function checkLabels(document: ParsedDocument, structure: Structure, paragraph: Paragraph, push: Push): void {
  const items = topItems(document, paragraph, structure);
  if (items.length === 0) return;
  const data: NumberingData = { fix: 'reletter', paragraph: paragraphName(paragraph) };
  const prefixes = new Set<string>();
  if (paragraph.number !== undefined) prefixes.add(String(paragraph.number));
  const position = structure.position.get(paragraph);
  if (position !== undefined) prefixes.add(String(position));
  const where = paragraphName(paragraph);
  // Parents before children, in the order of the text; the labels decide how deep the levels go,
  // so the levels still to check wait on a stack of their own rather than on the call stack.
  const pending: Level[] = [{ items, context: { where, paragraph: where, parentName: paragraph.kind === 'operative' ? `operative paragraph ${paragraph.number ?? position ?? paragraph.index}` : where, prefixes, fallbackPrefix: String(paragraph.number ?? position ?? '') } }];
  while (pending.length > 0) {
    const { items: level, context } = pending.pop()!;
    const below = checkLevel(document, level, context, data, push);
    for (let i = below.length - 1; i >= 0; i--) pending.push(below[i]);
  }
}

interface Level {
  items: Item[];
  context: LevelContext;
}

interface LevelContext {
  /** "OP2", "(b) of OP2", "1.2.1 of OP2" (a decimal label names its own place) */
  where: string;
  /** "OP2" */
  paragraph: string;
  /** What a decimal label must start with, for the message: "operative paragraph 1", "1.3". */
  parentName: string;
  /** Accepted decimal prefixes (the parent's written number and the number it will get). */
  prefixes: Set<string>;
  fallbackPrefix: string;
}

/** Checks the labels of one level; returns the levels below it, in order. */
function checkLevel(document: ParsedDocument, items: Item[], context: LevelContext, data: NumberingData, push: Push): Level[] {
  const labelled = items.find((item) => item.label !== undefined);
  const scheme = labelled?.scheme ?? items[0].scheme;
  // The prefix of expected decimal labels: the one the labels use when it is accepted.
  let prefix = context.fallbackPrefix;
  if (scheme === 'decimal' && labelled?.label && context.prefixes.has(decimalPrefix(labelled.label))) prefix = decimalPrefix(labelled.label);
  const expectedLabel = (value: number) => formatLabel(scheme, value, prefix);

  // Parent check first: a decimal label under another paragraph's number.
  if (scheme === 'decimal' && context.prefixes.size > 0) {
    for (const item of items) {
      if (item.label === undefined || item.scheme !== 'decimal') continue;
      const own = decimalPrefix(item.label);
      if (context.prefixes.has(own)) continue;
      push(LABEL_PARENT, item.span, `${item.label} stands under ${context.parentName}: expected ${prefix}.${item.label.slice(own.length + 1)}.`, data);
    }
  }

  const values = new Set<number>();
  for (const item of items) if (item.scheme === scheme) values.add(valueOf(item));
  const valuesSorted = ascending(values);
  const seen = new Map<number, Item>();
  const sequence = items.map((item) => ({ number: item.scheme === scheme && item.label !== undefined ? valueOf(item) : undefined }));
  const following = nextNumbered(sequence);
  let offset = 0;
  for (let k = 1; k <= items.length; k++) {
    const item = items[k - 1];
    const expected = k + offset;
    const previous = k > 1 ? items[k - 2].label : undefined;
    if (item.label === undefined) {
      // A run of items without labels (an extraction that lost them all) is one slip: one diagnostic.
      let last = k;
      while (last < items.length && items[last].label === undefined) last++;
      const message =
        last === k
          ? `Sub-paragraph of ${context.where} without a label: expected ${expectedLabel(expected)}.`
          : `${last - k + 1} sub-paragraphs of ${context.where} without labels: expected ${expectedLabel(expected)} to ${expectedLabel(expected + last - k)}.`;
      push(LABEL_MISSING, item.span, message, data);
      for (; k <= last; k++) offset = nextOffset(sequence, following, k, offset, offset - 1, false);
      k = last;
      continue;
    }
    if (item.scheme !== scheme) {
      push(LABEL_MIXED, item.span, `Mixed labels in ${context.where}: ${item.label} among ${SCHEME_NAMES[scheme]}: expected ${expectedLabel(expected)}.`, data);
      continue;
    }
    const value = valueOf(item);
    const earlier = seen.get(value);
    if (earlier === undefined && !Number.isNaN(value)) seen.set(value, item);
    if (value === expected) continue;
    if (k === 1) {
      push(LABEL_RESTART, item.span, `The sub-paragraphs of ${context.where} start at ${item.label}: expected ${expectedLabel(expected)}; labels restart in each paragraph.`, data);
      offset = nextOffset(sequence, following, k, offset, Number.isNaN(value) ? offset : value - k, false);
    } else if (earlier !== undefined) {
      const line = document.lineOf(earlier.span.start) + 1;
      push(LABEL_DUPLICATE, item.span, `${item.label} is used twice in ${context.where} (also on line ${line}): expected ${expectedLabel(expected)}.`, data);
      offset = nextOffset(sequence, following, k, offset, value - k, false);
    } else if (value < expected || (!Number.isNaN(value) && skippedElsewhere(valuesSorted, expected, value))) {
      push(LABEL_ORDER, item.span, `${item.label} follows ${previous ?? 'a sub-paragraph without a label'}, out of order: expected ${expectedLabel(expected)}.`, data);
    } else {
      push(LABEL_GAP, item.span, `${item.label} follows ${previous ?? 'a sub-paragraph without a label'}: expected ${expectedLabel(expected)}.`, data);
      offset = Number.isNaN(value) ? offset : nextOffset(sequence, following, k, offset, value - k, true);
    }
  }

  // One level down.
  const below: Level[] = [];
  items.forEach((item, k) => {
    if (item.children.length === 0) return;
    const own = item.label ?? expectedLabel(k + 1);
    const expectedOwn = expectedLabel(k + 1);
    const prefixes = new Set<string>();
    if (item.scheme === 'decimal') {
      if (item.label !== undefined) prefixes.add(item.label);
      if (scheme === 'decimal') prefixes.add(expectedOwn);
    }
    // "1.2.1 of OP2", not "1.2.1 of 1.2 of OP2": naming every level above would make the
    // messages of deep decimal labels grow with the square of the depth.
    const where = item.scheme === 'decimal' ? `${own} of ${context.paragraph}` : `${own} of ${context.where}`;
    below.push({ items: item.children.map(subItem), context: { where, paragraph: context.paragraph, parentName: own, prefixes, fallbackPrefix: own } });
  });
  return below;
}

// ---- references -------------------------------------------------------------------------------

/** A target as written in the source: "3", "4 (b)", "(c)", "1.5" (a decimal sub-paragraph). */
interface WrittenTarget {
  target: ReferenceTarget;
  /** Source span of the paragraph number's digits. */
  digits?: Span;
  /** Source span of the sub-paragraph's letters or of the decimal part (after "1."). */
  subSpan?: Span;
  /** "c", "ii", or "1.5" for a decimal. */
  sub?: string;
  decimal: boolean;
}

const TARGET_TEXT = /^(\d{1,3})?(?:\.(\d{1,3}))?(?:\s?\(([a-z]{1,4})\))?$/;

function writtenTargets(document: ParsedDocument, reference: ParagraphReference): WrittenTarget[] {
  const text = document.model.text;
  const result: WrittenTarget[] = [];
  for (const target of reference.targets) {
    const match = TARGET_TEXT.exec(text.slice(target.start, target.end));
    if (!match) continue;
    const number = match[1] === undefined ? undefined : Number(match[1]);
    const sub = match[2] !== undefined ? `${match[1]}.${match[2]}` : match[3];
    // "paragraphs 3 to 5" names 4 at the span of "5": only what is written counts.
    if ((number !== undefined && number !== target.paragraph) || sub !== target.sub) continue;
    const written: WrittenTarget = { target, decimal: match[2] !== undefined };
    if (number !== undefined) written.digits = { start: target.start, end: target.start + match[1].length };
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
      const length = match[2] !== undefined ? match[2].length : match[3].length;
      const at = match[2] !== undefined ? target.start + match[1].length + 1 : target.end - 1 - length;
      written.subSpan = { start: at, end: at + length };
      written.sub = sub;
    }
    result.push(written);
  }
  return result;
}

/** The top-level paragraph (owner of an orphan) holding an offset. */
function paragraphAt(structure: Structure, offset: number): Paragraph | undefined {
  const all = structure.all;
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
  return structure.owner.get(paragraph) ?? paragraph;
}

/** The real paragraphs a written number names: by written number, or by position when nothing is numbered. */
function candidatesFor(structure: Structure, n: number): Paragraph[] {
  const numbered = structure.byNumber.get(n);
  if (numbered) return numbered;
  const unnumbered = structure.unnumbered.get(n);
  if (unnumbered) return [unnumbered];
  if (structure.byNumber.size === 0 && n >= 1 && n <= structure.real.length) return [structure.real[n - 1]];
  return [];
}

/** A sub-paragraph of a paragraph (its orphans' included) by label: "c", "ii", "1.5". */
function findSub(structure: Structure, paragraph: Paragraph, label: string): SubParagraph | undefined {
  return subsByLabel(structure, paragraph).get(/^\d/.test(label) ? label : `(${label})`);
}

/**
 * A paragraph's sub-paragraphs (its orphans' included) by label: of several with one label, the
 * first one meets looking through a level before going down into each of its items in turn.
 * Built once per paragraph, since every reference to it looks up a label, and without recursion,
 * since the labels decide the depth.
 */
function subsByLabel(structure: Structure, paragraph: Paragraph): Map<string, SubParagraph> {
  let index = structure.subIndex.get(paragraph);
  if (index) return index;
  index = new Map<string, SubParagraph>();
  const top: SubParagraph[] = [...paragraph.subparagraphs];
  for (const orphan of structure.orphans.get(paragraph) ?? []) appendAll(top, orphan.subparagraphs);
  const pending: SubParagraph[][] = [top];
  while (pending.length > 0) {
    const level = pending.pop()!;
    for (const node of level) if (!index.has(node.label)) index.set(node.label, node);
    for (let i = level.length - 1; i >= 0; i--) if (level[i].subparagraphs.length > 0) pending.push(level[i].subparagraphs);
  }
  structure.subIndex.set(paragraph, index);
  return index;
}

/** The real paragraphs, in order, with a sub-paragraph labelled `label` ("1.5") somewhere below them. */
function holdersOf(structure: Structure, label: string): Paragraph[] {
  if (!structure.holders) {
    const holders = new Map<string, Paragraph[]>();
    for (const paragraph of structure.real) {
      for (const held of subsByLabel(structure, paragraph).keys()) {
        const list = holders.get(held);
        if (list) list.push(paragraph);
        else holders.set(held, [paragraph]);
      }
    }
    structure.holders = holders;
  }
  return structure.holders.get(label) ?? [];
}

/** Of several paragraphs with one number, the one a reference most likely means. */
function pick(candidates: Paragraph[], reference: ParagraphReference): Paragraph | undefined {
  if (candidates.length <= 1) return candidates[0];
  const direction = reference.scope.kind === 'self' ? reference.scope.direction : undefined;
  if (direction === 'above') {
    const before = candidates.filter((p) => p.start < reference.start);
    if (before.length) return before[before.length - 1];
  } else if (direction === 'below') {
    const after = candidates.find((p) => p.start > reference.start);
    if (after) return after;
  }
  return candidates[0];
}

interface Resolved {
  written: WrittenTarget;
  candidates: Paragraph[];
  /** The sub-paragraph named, for each candidate that has it. */
  blocks: Node[];
}

function resolveTargets(document: ParsedDocument, structure: Structure, reference: ParagraphReference): Resolved[] | undefined {
  if (reference.scope.kind !== 'self') return undefined;
  const resolved: Resolved[] = [];
  for (const written of writtenTargets(document, reference)) {
    let candidates: Paragraph[];
    if (written.decimal) {
      // "paragraph 1.5": the paragraph that holds a 1.5, whatever its own number now says.
      const holders = holdersOf(structure, written.sub!);
      candidates = holders.length ? holders : candidatesFor(structure, written.target.paragraph!);
    } else if (written.target.paragraph !== undefined) candidates = candidatesFor(structure, written.target.paragraph);
    else {
      const here = paragraphAt(structure, reference.start);
      candidates = here ? [here] : [];
    }
    const blocks: Node[] = [];
    for (const candidate of candidates) {
      if (written.sub === undefined) blocks.push(candidate);
      else {
        const sub = findSub(structure, candidate, written.sub);
        if (sub) blocks.push(sub);
      }
    }
    resolved.push({ written, candidates, blocks });
  }
  return resolved;
}

/** "paragraph 3", "paragraph 2 (c)", "sub-paragraph (b)", "paragraph 1.5". */
function targetName(written: WrittenTarget): string {
  if (written.decimal) return `paragraph ${written.sub}`;
  if (written.target.paragraph === undefined) return `sub-paragraph (${written.sub})`;
  return written.sub === undefined ? `paragraph ${written.target.paragraph}` : `paragraph ${written.target.paragraph} (${written.sub})`;
}

function describeSubs(structure: Structure, paragraph: Paragraph): string {
  const labels = [...paragraph.subparagraphs, ...(structure.orphans.get(paragraph) ?? []).flatMap((o) => o.subparagraphs)].map((s) => s.label);
  if (labels.length === 0) return 'it has none';
  if (labels.length === 1) return `it has ${labels[0]} only`;
  if (labels.length === 2) return `it has ${labels[0]} and ${labels[1]}`;
  return `it has ${labels[0]} to ${labels[labels.length - 1]}`;
}

function checkReferences(document: ParsedDocument, structure: Structure, push: Push): void {
  const text = document.model.text;
  let lowest = Infinity;
  let highest = -Infinity;
  for (const n of structure.byNumber.keys()) {
    lowest = Math.min(lowest, n);
    highest = Math.max(highest, n);
  }
  const range = structure.byNumber.size ? `${lowest} to ${highest}` : structure.real.length ? `1 to ${structure.real.length}` : '';
  for (const reference of document.model.references) {
    const resolved = resolveTargets(document, structure, reference);
    if (!resolved || resolved.length === 0) continue;
    let quoteEnd = reference.end;
    for (const r of resolved) if (r.written.decimal && r.written.subSpan) quoteEnd = Math.max(quoteEnd, r.written.subSpan.end);
    const quoted = `"${text.slice(reference.start, quoteEnd).replace(/\s+/g, ' ')}"`;
    const wrong: Resolved[] = [];
    let settled = 0;
    for (const entry of resolved) {
      const { written, candidates, blocks } = entry;
      const span = { start: written.target.start, end: written.subSpan ? Math.max(written.target.end, written.subSpan.end) : written.target.end };
      if (candidates.length === 0) {
        if (written.target.paragraph === undefined) continue;
        const has = range ? `the operative paragraphs are numbered ${range}` : 'the draft has no operative paragraph';
        push(REFERENCE_MISSING, span, `${quoted} names operative paragraph ${written.target.paragraph}: there is none (${has}).`);
        continue;
      }
      if (blocks.length === 0) {
        const paragraph = candidates[0];
        const label = written.decimal ? written.sub! : `(${written.sub})`;
        const name = written.target.paragraph !== undefined || paragraph.start > reference.end || paragraph.end < reference.start ? `operative paragraph ${paragraph.number ?? structure.position.get(paragraph)}` : `this paragraph (${paragraphName(paragraph)})`;
        push(REFERENCE_SUB_MISSING, span, `${quoted} names ${label}, but ${name} has no such sub-paragraph (${describeSubs(structure, paragraph)}).`);
        continue;
      }
      const direction = reference.scope.kind === 'self' ? reference.scope.direction : undefined;
      if (!direction) continue;
      settled++;
      const fits = blocks.some((block) => (block.start <= reference.start && reference.start < block.end) || (direction === 'above' ? block.start < reference.start : block.start > reference.start));
      if (!fits) wrong.push(entry);
    }
    if (wrong.length === 0 || reference.scope.kind !== 'self' || !reference.scope.direction) continue;
    const direction = reference.scope.direction;
    const other = direction === 'above' ? 'below' : 'above';
    const wordSpan = { start: reference.end - direction.length, end: reference.end };
    if (text.slice(wordSpan.start, wordSpan.end) !== direction) continue;
    const names = wrong.map(({ written, blocks }) => `${targetName(written)} stands ${other} it (line ${document.lineOf(blocks[0].start) + 1})`);
    const data: NumberingData = wrong.length === settled ? { fix: 'direction', replacement: other } : { fix: 'direction' };
    push(REFERENCE_DIRECTION, wordSpan, `${quoted}: ${names.join(', ')}; expected "${other}", found "${direction}".`, data);
  }
}

// ---- fixes --------------------------------------------------------------------------------------

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

interface Plan {
  /** Renumber the operative paragraphs 1..n. */
  numbers: boolean;
  /** Reletter the sub-paragraphs of these paragraphs (by "OP2"/"PP3"), or of all. */
  labels: Set<string> | 'all' | undefined;
}

/** The edits of a plan, in document order, none overlapping. */
function planEdits(document: ParsedDocument, structure: Structure, plan: Plan): OffsetEdit[] {
  const text = document.model.text;
  const edits: OffsetEdit[] = [];
  const finalNumber = (p: Paragraph): number | undefined => (plan.numbers ? structure.position.get(p) : p.number);

  if (plan.numbers) {
    for (const paragraph of structure.leading) {
      if (!paragraph.numberSpan) continue;
      const contentStart = paragraph.segments[0]?.start ?? paragraph.numberSpan.end;
      edits.push({ start: paragraph.numberSpan.start, end: Math.max(paragraph.numberSpan.end, contentStart), text: '' });
    }
    for (const paragraph of structure.real) {
      const final = structure.position.get(paragraph);
      if (final === undefined) continue;
      if (paragraph.number === undefined || !paragraph.numberSpan) {
        edits.push({ start: paragraph.start, end: paragraph.start, text: `${final}. ` });
      } else if (paragraph.number !== final) {
        const digits = /^\d+/.exec(text.slice(paragraph.numberSpan.start, paragraph.numberSpan.end))?.[0] ?? '';
        edits.push({ start: paragraph.numberSpan.start, end: paragraph.numberSpan.start + digits.length, text: String(final) });
      }
    }
  }

  // New labels, by node, for the references.
  const relabelled = new Map<Node, string>();
  for (const paragraph of structure.all) {
    if (structure.owner.has(paragraph)) continue;
    const name = paragraphName(paragraph);
    const reletter = plan.labels === 'all' || (plan.labels !== undefined && plan.labels.has(name));
    // Relettering one paragraph leaves the others alone: one action per paragraph must not read them all.
    if (!reletter && !plan.numbers) continue;
    const items = topItems(document, paragraph, structure);
    if (items.length === 0) continue;
    const prefixes = new Set<string>();
    if (paragraph.number !== undefined) prefixes.add(String(paragraph.number));
    const position = structure.position.get(paragraph);
    if (position !== undefined) prefixes.add(String(position));
    const final = paragraph.kind === 'operative' ? finalNumber(paragraph) : undefined;
    if (reletter) {
      relabelLevel(text, items, { prefixes, numberNow: plan.numbers ? final : undefined, fallback: String(final ?? paragraph.number ?? position ?? '') }, edits, relabelled);
    } else if (plan.numbers && paragraph.number !== undefined && final !== undefined && final !== paragraph.number) {
      // Decimal labels that follow their paragraph's number follow it to the new one.
      shiftDecimals(text, allItems(items), String(paragraph.number), String(final), edits, relabelled);
    }
  }

  // References follow their paragraph and sub-paragraph.
  for (const reference of document.model.references) {
    const resolved = resolveTargets(document, structure, reference);
    if (!resolved) continue;
    for (const { written, candidates, blocks } of resolved) {
      // Of paragraphs sharing a number, one that has the sub-paragraph named.
      const having = written.sub === undefined ? candidates : candidates.filter((p) => blocks.some((b) => b === p || (b.start >= p.start && b.end <= p.end) || structure.orphans.get(p)?.some((o) => b.start >= o.start && b.end <= o.end)));
      const paragraph = pick(having.length ? having : candidates, reference);
      if (!paragraph) continue;
      let newNumber: number | undefined;
      if (written.digits && written.target.paragraph !== undefined && plan.numbers) {
        const final = structure.position.get(paragraph);
        if (final !== undefined && final !== written.target.paragraph) {
          newNumber = final;
          edits.push({ ...written.digits, text: String(final) });
        }
      }
      if (written.sub === undefined || !written.subSpan) continue;
      const sub = findSub(structure, paragraph, written.sub);
      const label = sub ? relabelled.get(sub) : undefined;
      if (written.decimal) {
        // "paragraph 1.5": the reference's own number already moved with the paragraph.
        const current = label ?? written.sub;
        const ownNumber = String(newNumber ?? written.target.paragraph);
        const [head, ...rest] = current.split('.');
        if (rest.length === 1 && head === ownNumber && rest[0] !== written.sub.split('.')[1]) edits.push({ ...written.subSpan, text: rest[0] });
      } else if (label !== undefined && bare(label) !== written.sub) {
        edits.push({ ...written.subSpan, text: bare(label) });
      }
    }
  }

  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const result: OffsetEdit[] = [];
  for (const edit of edits) {
    const last = result[result.length - 1];
    if (last && edit.start < last.end) continue; // never overlap (should not happen)
    if (last && edit.start === last.start && edit.end === last.end && edit.start === edit.end) continue;
    result.push(edit);
  }
  return result;
}

interface RelabelContext {
  prefixes: Set<string>;
  /** The paragraph's number after renumbering, when the plan renumbers. */
  numberNow: number | undefined;
  fallback: string;
}

/** Every item of a level and of the levels below it, each before the items below it, in text order. */
function allItems(items: Item[]): Item[] {
  const all: Item[] = [];
  const pending: Item[] = [];
  for (let i = items.length - 1; i >= 0; i--) pending.push(items[i]);
  while (pending.length > 0) {
    const item = pending.pop()!;
    all.push(item);
    for (let i = item.children.length - 1; i >= 0; i--) pending.push(subItem(item.children[i]));
  }
  return all;
}

/** A level being relabelled: its items, how their labels are written, and the next item to do. */
interface RelabelFrame {
  items: Item[];
  scheme: LabelScheme;
  prefix: string;
  dotted: boolean;
  next: number;
}

function relabelFrame(text: string, items: Item[], context: RelabelContext): RelabelFrame {
  const labelled = items.find((item) => item.label !== undefined);
  const scheme = labelled?.scheme ?? items[0].scheme;
  let prefix = context.fallback;
  if (scheme === 'decimal') {
    if (context.numberNow !== undefined) prefix = String(context.numberNow);
    else if (labelled?.label && context.prefixes.has(decimalPrefix(labelled.label))) prefix = decimalPrefix(labelled.label);
  }
  const dotted = scheme === 'decimal' && items.some((item) => item.label !== undefined && item.scheme === 'decimal' && text[item.span.start + item.label.length] === '.');
  return { items, scheme, prefix, dotted, next: 0 };
}

/**
 * Rewrites every label at a level to its position (and the levels below), inserting missing ones.
 * Each item's levels below are done right after it, as the text reads; the levels wait on a stack
 * of their own, since the labels decide how deep they go.
 */
function relabelLevel(text: string, items: Item[], context: RelabelContext, edits: OffsetEdit[], relabelled: Map<Node, string>): void {
  const frames: RelabelFrame[] = [relabelFrame(text, items, context)];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    if (frame.next >= frame.items.length) {
      frames.pop();
      continue;
    }
    const k = frame.next++;
    const item = frame.items[k];
    const { scheme, dotted } = frame;
    const label = formatLabel(scheme, k + 1, frame.prefix);
    relabelled.set(item.node, label);
    if (item.label === undefined) {
      edits.push({ start: item.node.start, end: item.node.start, text: scheme === 'decimal' ? `${label}${dotted ? '.' : ''} ` : `${label} ` });
    } else if (item.label !== label) {
      if (item.label.startsWith('(')) edits.push({ start: item.span.start + 1, end: item.span.start + item.label.length - 1, text: bare(label) });
      else edits.push({ start: item.span.start, end: item.span.start + item.label.length, text: label });
    }
    if (item.children.length > 0) {
      const own = new Set<string>([label]);
      frames.push(relabelFrame(text, item.children.map(subItem), { prefixes: own, numberNow: undefined, fallback: label }));
    }
  }
}

/** Numbers-only plan: "3.1" under paragraph 3 becomes "2.1" when paragraph 3 becomes 2. */
function shiftDecimals(text: string, items: Item[], from: string, to: string, edits: OffsetEdit[], relabelled: Map<Node, string>): void {
  for (const item of items) {
    if (item.scheme !== 'decimal' || item.label === undefined || !item.label.startsWith(`${from}.`)) continue;
    if (text.slice(item.span.start, item.span.start + from.length) !== from) continue;
    edits.push({ start: item.span.start, end: item.span.start + from.length, text: to });
    relabelled.set(item.node, to + item.label.slice(from.length));
  }
}

function toTextEdits(document: ParsedDocument, edits: OffsetEdit[]): TextEdit[] {
  return edits.map((edit) => ({ range: document.range(edit), newText: edit.text }));
}

/** Every numbering and label fix at once: the "Fix all" edits of this module. */
export function getNumberingFixAll(document: ParsedDocument): TextEdit[] {
  const structure = readStructure(document);
  return toTextEdits(document, planEdits(document, structure, { numbers: true, labels: 'all' }));
}

export function getNumberingCodeActions(document: ParsedDocument, range: Range, diagnostics: Diagnostic[], token?: CancellationToken): CodeAction[] {
  const requested = diagnostics.filter(
    (d) => typeof d.code === 'string' && STRUCTURE_NUMBERING_CODES.includes(d.code) && (d.source === undefined || d.source === 'unres') && overlaps(d.range, range),
  );
  if (requested.length === 0) return [];
  const structure = readStructure(document);
  const actions: CodeAction[] = [];

  const numbering = requested.filter((d) => NUMBERING_CODES.includes(d.code as string));
  if (numbering.length > 0) {
    const edits = planEdits(document, structure, { numbers: true, labels: undefined });
    if (edits.length > 0) {
      actions.push({
        title: 'Renumber operative paragraphs',
        kind: CodeActionKind.QuickFix,
        diagnostics: numbering,
        isPreferred: true,
        edit: { changes: { [document.uri]: toTextEdits(document, edits) } },
      });
    }
  }
  if (token?.isCancellationRequested) return [];

  const byParagraph = new Map<string, Diagnostic[]>();
  for (const diagnostic of requested) {
    if (token?.isCancellationRequested) return [];
    if (!LABEL_CODES.includes(diagnostic.code as string)) continue;
    const name = paragraphOf(document, structure, diagnostic);
    if (!name) continue;
    const list = byParagraph.get(name) ?? [];
    list.push(diagnostic);
    byParagraph.set(name, list);
  }
  for (const [name, list] of byParagraph) {
    if (token?.isCancellationRequested) return [];
    const edits = planEdits(document, structure, { numbers: false, labels: new Set([name]) });
    if (edits.length === 0) continue;
    actions.push({
      title: `Reletter sub-paragraphs of ${name}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: list,
      isPreferred: true,
      edit: { changes: { [document.uri]: toTextEdits(document, edits) } },
    });
  }

  for (const diagnostic of requested) {
    if (token?.isCancellationRequested) return [];
    if (diagnostic.code !== REFERENCE_DIRECTION) continue;
    const data = diagnostic.data as Partial<Extract<NumberingData, { fix: 'direction' }>> | undefined;
    const replacement = data?.replacement;
    if (replacement !== 'above' && replacement !== 'below') continue;
    const start = document.lines.offsetAt(diagnostic.range.start);
    const end = document.lines.offsetAt(diagnostic.range.end);
    const written = document.model.text.slice(start, end);
    if (written !== (replacement === 'above' ? 'below' : 'above')) continue; // stale
    actions.push({
      title: `Change to "${replacement}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [{ range: document.range({ start, end }), newText: replacement }] } },
    });
  }
  return actions;
}

/** The paragraph ("OP2") a label diagnostic is about: from its data, else from where it stands. */
function paragraphOf(document: ParsedDocument, structure: Structure, diagnostic: Diagnostic): string | undefined {
  const data = diagnostic.data as { fix?: string; paragraph?: unknown } | undefined;
  if (data?.fix === 'reletter' && typeof data.paragraph === 'string' && /^(?:OP|PP)\d+$/.test(data.paragraph)) return data.paragraph;
  const paragraph = paragraphAt(structure, document.lines.offsetAt(diagnostic.range.start));
  return paragraph ? paragraphName(paragraph) : undefined;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
