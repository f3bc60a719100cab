// Numbering, labels and cross-references inside the draft:
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
// Reads the model through its query (parser/query.ts: which paragraph a number or a reference
// names); one linear pass over paragraphs and references.
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, Range, TextEdit } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../../parsedDocument';
import { bareLabel as bare, decimalPrefix, formatLabel, labelValue } from '../../parser/labels';
import type { LabelScheme, Paragraph, Span, SubParagraph } from '../../parser/model';
import { ascending, nextNumbered, nextOffset, paragraphName, queryOf, skippedElsewhere, type Block, type DocumentQuery, type ResolvedTarget, type Structure } from '../../parser/query';
import { overlaps } from '../../text';

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

/** One sub-paragraph at one level of a paragraph; `label` undefined when it lost its label. */
interface Item {
  node: Block;
  label?: string;
  scheme: LabelScheme;
  /** Where a diagnostic about it goes: its label, or its first word. */
  span: Span;
  /** Its own sub-paragraphs, one level down (those inserted with "bis" only when `withInserted`). */
  children: SubParagraph[];
  /** Whether sub-paragraphs inserted during negotiation ("(a) bis") count: only when the text is prepared for issuance. */
  withInserted: boolean;
}

/** A sub-paragraph that counts in its list: "(a) bis" does not until the text is prepared for issuance. */
const counted = (sub: SubParagraph) => sub.suffix === undefined;

/** The items at a paragraph's first level: its sub-paragraphs and its orphans with theirs. */
function topItems(document: ParsedDocument, paragraph: Paragraph, structure: Structure, withInserted = false): Item[] {
  const items: Item[] = (withInserted ? paragraph.subparagraphs : paragraph.subparagraphs.filter(counted)).map((sub) => subItem(sub, withInserted));
  const orphans = structure.orphans.get(paragraph);
  if (!orphans) return items;
  // The scheme of the first labelled item, kept as items come: a paragraph may have thousands of orphans.
  let labelledScheme = items.find((item) => item.label !== undefined)?.scheme;
  for (const orphan of orphans) {
    const scheme = labelledScheme ?? orphan.subparagraphs[0]?.scheme ?? 'alpha';
    const same: SubParagraph[] = [];
    const children: SubParagraph[] = [];
    for (const sub of orphan.subparagraphs) if (withInserted || counted(sub)) (sub.scheme === scheme && sub.depth === 1 ? same : children).push(sub);
    items.push({ node: orphan, scheme, span: firstWord(document, orphan), children, withInserted });
    for (const sub of same) {
      const item = subItem(sub, withInserted);
      if (labelledScheme === undefined && item.label !== undefined) labelledScheme = item.scheme;
      items.push(item);
    }
  }
  return items;
}

function subItem(sub: SubParagraph, withInserted: boolean): Item {
  const children = withInserted ? sub.subparagraphs : sub.subparagraphs.filter(counted);
  // A label the extraction lost: the item is reported at its first characters.
  if (sub.label === '') {
    const word = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(sub.content.text)?.[0].length ?? 1;
    return { node: sub, scheme: sub.scheme, span: { start: sub.labelSpan.start, end: Math.min(sub.ownEnd, sub.labelSpan.start + word) }, children, withInserted };
  }
  return { node: sub, label: sub.label, scheme: sub.scheme, span: sub.labelSpan, children, withInserted };
}

/** An item's own sub-paragraphs as items. */
function childItems(item: Item): Item[] {
  return item.children.map((child) => subItem(child, item.withInserted));
}

function valueOf(item: Item): number {
  return item.label === undefined ? NaN : labelValue(item.label, item.scheme);
}

/** The first word of a block's own text (after any markup), for a diagnostic with no number or label. */
function firstWord(document: ParsedDocument, node: Block): Span {
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
  const query = queryOf(document.model);
  const structure = query.numbering;
  const out: Diagnostic[] = [];
  const push: Push = (code, span, message, data) => {
    const diagnostic: Diagnostic = { range: document.range(span), severity: DiagnosticSeverity.Warning, source: 'unres', code, message };
    if (data) diagnostic.data = data;
    out.push(diagnostic);
  };

  checkNumbers(document, structure, push);
  if (cancelled()) return [];
  for (const paragraph of structure.all) {
    if (structure.owner.has(paragraph)) continue; // an orphan is checked with its owner
    checkLabels(document, structure, paragraph, push);
  }
  if (cancelled()) return [];
  checkReferences(document, query, push);
  if (cancelled()) return [];
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

type Push = (code: string, span: Span, message: string, data?: NumberingData) => void;

/**
 * The number diagnostics: one for each slip the query found walking the numbers against their
 * positions (a gap or an inserted paragraph shifts what is expected next, so one slip gives one
 * diagnostic, not one on every paragraph after it), and one for each numbered preambular paragraph.
 */
function checkNumbers(document: ParsedDocument, structure: Structure, push: Push): void {
  const renumber: NumberingData = { fix: 'renumber' };
  for (const paragraph of structure.leading) {
    if (paragraph.number === undefined || !paragraph.numberSpan) continue;
    const opening = paragraph.opening?.text ?? paragraph.content.text.split(' ')[0];
    push(NUMBERED_PREAMBULAR, paragraph.numberSpan, `Numbered preambular paragraph: it opens with "${opening}" and ends with a comma; expected no number, found "${paragraph.number}.".`, renumber);
  }
  const { real, slips } = structure;
  for (let k = 1; k <= real.length; k++) {
    const paragraph = real[k - 1];
    const slip = slips.get(paragraph);
    if (!slip) continue;
    const { expected } = slip;
    const n = paragraph.number;
    const previous = k > 1 ? real[k - 2].number : undefined;
    const after = k === 1 ? undefined : previous === undefined ? 'an unnumbered paragraph' : String(previous);
    const follows = after ? `follows ${after}` : 'is the first';
    if (slip.kind === 'missing' || n === undefined || !paragraph.numberSpan) {
      push(OP_NUMBER_MISSING, firstWord(document, paragraph), `Operative paragraph without a number${after ? ` after ${after}` : ''}: expected ${expected}.`, renumber);
    } else if (slip.kind === 'duplicate') {
      const line = document.lineOf(slip.first.numberSpan!.start) + 1;
      push(OP_NUMBER_DUPLICATE, paragraph.numberSpan, `Operative paragraph number ${n} is used twice (also on line ${line}): expected ${expected}.`, renumber);
    } else if (slip.kind === 'order') {
      push(OP_NUMBER_ORDER, paragraph.numberSpan, `Operative paragraph ${n} ${follows}, out of order: expected ${expected}.`, renumber);
    } else {
      const message = k === 1 ? `The first operative paragraph is numbered ${n}: expected ${expected}.` : `Operative paragraph ${n} ${follows}: expected ${expected}.`;
      push(OP_NUMBER_GAP, paragraph.numberSpan, message, renumber);
    }
  }
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
  const pending: Level[] = [{ items, context: { where, paragraph: where, parentName: paragraph.kind === 'operative' ? `operative paragraph ${paragraph.number ?? position ?? paragraph.index}${paragraph.suffix ? ` ${paragraph.suffix.text}` : ''}` : where, prefixes, fallbackPrefix: String(paragraph.number ?? position ?? '') } }];
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
    below.push({ items: childItems(item), context: { where, paragraph: context.paragraph, parentName: own, prefixes, fallbackPrefix: own } });
  });
  return below;
}

// ---- references -------------------------------------------------------------------------------

function describeSubs(query: DocumentQuery, paragraph: Paragraph): string {
  const labels = query.topLabels(paragraph);
  if (labels.length === 0) return 'it has none';
  if (labels.length === 1) return `it has ${labels[0]} only`;
  if (labels.length === 2) return `it has ${labels[0]} and ${labels[1]}`;
  return `it has ${labels[0]} to ${labels[labels.length - 1]}`;
}

function checkReferences(document: ParsedDocument, query: DocumentQuery, push: Push): void {
  const text = document.model.text;
  const structure = query.numbering;
  let lowest = Infinity;
  let highest = -Infinity;
  for (const n of structure.byNumber.keys()) {
    lowest = Math.min(lowest, n);
    highest = Math.max(highest, n);
  }
  const range = structure.byNumber.size ? `${lowest} to ${highest}` : structure.real.length ? `1 to ${structure.real.length}` : '';
  for (const reference of document.model.references) {
    if (reference.scope.kind !== 'self') continue;
    // Only what the text spells out is checked: "paragraphs 2 to 4" names 3 without writing it.
    const resolved = query.resolveReference(reference).filter((r) => r.written.spelt);
    if (resolved.length === 0) continue;
    let quoteEnd = reference.end;
    for (const r of resolved) if (r.written.decimal && r.written.subSpan) quoteEnd = Math.max(quoteEnd, r.written.subSpan.end);
    const quoted = `"${text.slice(reference.start, quoteEnd).replace(/\s+/g, ' ')}"`;
    const wrong: ResolvedTarget[] = [];
    let settled = 0;
    for (const entry of resolved) {
      const { written, candidates, blocks } = entry;
      const span = { start: written.target.start, end: written.subSpan ? Math.max(written.target.end, written.subSpan.end) : written.target.end };
      if (candidates.length === 0) {
        if (written.target.paragraph === undefined) continue;
        const has = range ? `the operative paragraphs are numbered ${range}` : 'the draft has no operative paragraph';
        const named = written.target.suffix ? `${written.target.paragraph} ${written.target.suffix}` : `${written.target.paragraph}`;
        push(REFERENCE_MISSING, span, `${quoted} names operative paragraph ${named}: there is none (${has}).`);
        continue;
      }
      if (blocks.length === 0) {
        const paragraph = candidates[0];
        const label = written.decimal ? written.sub! : `(${written.sub})`;
        const name = written.target.paragraph !== undefined || paragraph.start > reference.end || paragraph.end < reference.start ? `operative paragraph ${paragraph.number ?? structure.position.get(paragraph)}` : `this paragraph (${paragraphName(paragraph)})`;
        push(REFERENCE_SUB_MISSING, span, `${quoted} names ${label}, but ${name} has no such sub-paragraph (${describeSubs(query, paragraph)}).`);
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
    const names = wrong.map(({ name, blocks }) => `${name} stands ${other} it (line ${document.lineOf(blocks[0].start) + 1})`);
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
  /**
   * Prepare a negotiated text for issuance: the numbers run over the inserted paragraphs too
   * ("2 bis" becomes 3), which lose their suffix, as do the references to them; compilation
   * names ("OP5ter", "PP3 bis") give way to numbers, or to nothing in the preamble.
   */
  issuance?: boolean;
  /** Reletter the sub-paragraphs of these paragraphs (by "OP2"/"PP3"), or of all. */
  labels: Set<string> | 'all' | undefined;
}

/** The edits of a plan, in document order, none overlapping. */
function planEdits(document: ParsedDocument, query: DocumentQuery, plan: Plan): OffsetEdit[] {
  const text = document.model.text;
  const structure = query.numbering;
  const edits: OffsetEdit[] = [];
  const positions = plan.issuance ? issuancePositions(document, structure) : structure.position;
  const finalNumber = (p: Paragraph): number | undefined => (plan.numbers ? positions.get(p) : p.number);

  if (plan.issuance) {
    for (const paragraph of document.model.preambular) {
      if (!paragraph.compilationName) continue;
      const contentStart = paragraph.segments[0]?.start ?? paragraph.compilationName.end;
      edits.push({ start: paragraph.compilationName.start, end: Math.max(paragraph.compilationName.end, contentStart), text: '' });
    }
    for (const paragraph of structure.inserted) {
      const final = positions.get(paragraph);
      if (final !== undefined && paragraph.numberSpan) edits.push({ start: paragraph.numberSpan.start, end: paragraph.numberSpan.end, text: `${final}.` });
    }
  }
  if (plan.numbers) {
    for (const paragraph of structure.leading) {
      if (!paragraph.numberSpan) continue;
      const contentStart = paragraph.segments[0]?.start ?? paragraph.numberSpan.end;
      edits.push({ start: paragraph.numberSpan.start, end: Math.max(paragraph.numberSpan.end, contentStart), text: '' });
    }
    for (const paragraph of structure.real) {
      const final = positions.get(paragraph);
      if (final === undefined) continue;
      if (paragraph.number === undefined || !paragraph.numberSpan) {
        edits.push({ start: paragraph.start, end: paragraph.start, text: `${final}. ` });
      } else if (plan.issuance && paragraph.compilationName) {
        edits.push({ start: paragraph.numberSpan.start, end: paragraph.numberSpan.end, text: `${final}.` });
      } else if (paragraph.number !== final) {
        const digits = /^\d+/.exec(text.slice(paragraph.numberSpan.start, paragraph.numberSpan.end))?.[0] ?? '';
        edits.push({ start: paragraph.numberSpan.start, end: paragraph.numberSpan.start + digits.length, text: String(final) });
      }
    }
  }

  // New labels, by node, for the references.
  const relabelled = new Map<Block, string>();
  for (const paragraph of structure.all) {
    if (structure.owner.has(paragraph)) continue;
    const name = paragraphName(paragraph);
    const inserted = plan.issuance === true && hasInsertedSubparagraphs(paragraph);
    const reletter = inserted || plan.labels === 'all' || (plan.labels !== undefined && plan.labels.has(name));
    // Relettering one paragraph leaves the others alone: one action per paragraph must not read them all.
    if (!reletter && !plan.numbers) continue;
    const items = topItems(document, paragraph, structure, inserted);
    if (items.length === 0) continue;
    if (inserted) for (const item of allItems(items)) {
      const suffix = (item.node as SubParagraph).suffix;
      if (suffix && item.label !== undefined) edits.push({ start: item.span.start + item.label.length, end: suffix.end, text: '' });
    }
    const prefixes = new Set<string>();
    if (paragraph.number !== undefined) prefixes.add(String(paragraph.number));
    const position = positions.get(paragraph);
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
    if (reference.scope.kind !== 'self') continue;
    for (const { written, paragraph } of query.resolveReference(reference)) {
      if (!paragraph || !written.spelt) continue;
      let newNumber: number | undefined;
      if (written.digits && written.target.paragraph !== undefined && plan.numbers) {
        const final = positions.get(paragraph);
        if (final !== undefined && plan.issuance && written.suffixSpan) {
          // "paragraph 2 bis" becomes "paragraph 3": the suffix goes with the old number.
          newNumber = final;
          edits.push({ start: written.digits.start, end: written.suffixSpan.end, text: String(final) });
        } else if (final !== undefined && final !== written.target.paragraph) {
          newNumber = final;
          edits.push({ ...written.digits, text: String(final) });
        }
      }
      if (written.sub === undefined || !written.subSpan) continue;
      const sub = query.subparagraph(paragraph, written.sub);
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

/**
 * The numbers of the operative paragraphs once the text is issued: inserted paragraphs take
 * their place in the count, each section numbers from 1 again.
 */
function issuancePositions(document: ParsedDocument, structure: Structure): Map<Paragraph, number | undefined> {
  const numbered = new Set<Paragraph>([...structure.real, ...structure.inserted]);
  const positions = new Map<Paragraph, number | undefined>();
  let k = 0;
  for (const paragraph of document.model.operative) {
    if (!numbered.has(paragraph)) continue;
    if (paragraph.restartsNumbering) k = 0;
    positions.set(paragraph, ++k);
  }
  // A lone paragraph stands unnumbered, as before.
  if (numbered.size === 1 && structure.real.length === 1 && structure.position.get(structure.real[0]) === undefined) positions.set(structure.real[0], undefined);
  return positions;
}

/** Whether a paragraph holds a sub-paragraph inserted during negotiation ("(a) bis"), at any depth. */
function hasInsertedSubparagraphs(paragraph: Paragraph): boolean {
  const pending: SubParagraph[] = [...paragraph.subparagraphs];
  while (pending.length > 0) {
    const sub = pending.pop()!;
    if (sub.suffix) return true;
    for (const child of sub.subparagraphs) pending.push(child);
  }
  return false;
}

/** The edits that prepare a negotiated text for issuance: numbers over the inserted paragraphs, references moved with them. */
export function issuanceNumberingEdits(document: ParsedDocument): TextEdit[] {
  return toTextEdits(document, planEdits(document, queryOf(document.model), { numbers: true, labels: undefined, issuance: true }));
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
    for (let i = item.children.length - 1; i >= 0; i--) pending.push(subItem(item.children[i], item.withInserted));
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
function relabelLevel(text: string, items: Item[], context: RelabelContext, edits: OffsetEdit[], relabelled: Map<Block, string>): void {
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
      frames.push(relabelFrame(text, childItems(item), { prefixes: own, numberNow: undefined, fallback: label }));
    }
  }
}

/** Numbers-only plan: "3.1" under paragraph 3 becomes "2.1" when paragraph 3 becomes 2. */
function shiftDecimals(text: string, items: Item[], from: string, to: string, edits: OffsetEdit[], relabelled: Map<Block, string>): void {
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

/**
 * The "Fix all" edits of this module for the codes `include` accepts: renumbering when a
 * numbering code it accepts is reported, relettering each paragraph that has a label code it
 * accepts. A renumbering moves every number at once: it cannot fix a gap and leave a duplicate.
 */
export function getNumberingFixAll(document: ParsedDocument, include: (code: string) => boolean = () => true): TextEdit[] {
  const diagnostics = getNumberingDiagnostics(document).filter((d) => include(String(d.code)));
  const numbers = diagnostics.some((d) => NUMBERING_CODES.includes(String(d.code)));
  const labels = new Set<string>();
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as NumberingData | undefined;
    if (LABEL_CODES.includes(String(diagnostic.code)) && data?.fix === 'reletter') labels.add(data.paragraph);
  }
  if (!numbers && labels.size === 0) return [];
  return toTextEdits(document, planEdits(document, queryOf(document.model), { numbers, labels }));
}

export function getNumberingCodeActions(document: ParsedDocument, range: Range, diagnostics: Diagnostic[], token?: CancellationToken): CodeAction[] {
  const requested = diagnostics.filter(
    (d) => typeof d.code === 'string' && STRUCTURE_NUMBERING_CODES.includes(d.code) && (d.source === undefined || d.source === 'unres') && overlaps(d.range, range),
  );
  if (requested.length === 0) return [];
  const query = queryOf(document.model);
  const actions: CodeAction[] = [];

  const numbering = requested.filter((d) => NUMBERING_CODES.includes(d.code as string));
  if (numbering.length > 0) {
    const edits = planEdits(document, query, { numbers: true, labels: undefined });
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
    const name = paragraphOf(document, query, diagnostic);
    if (!name) continue;
    const list = byParagraph.get(name) ?? [];
    list.push(diagnostic);
    byParagraph.set(name, list);
  }
  for (const [name, list] of byParagraph) {
    if (token?.isCancellationRequested) return [];
    const edits = planEdits(document, query, { numbers: false, labels: new Set([name]) });
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
function paragraphOf(document: ParsedDocument, query: DocumentQuery, diagnostic: Diagnostic): string | undefined {
  const data = diagnostic.data as { fix?: string; paragraph?: unknown } | undefined;
  if (data?.fix === 'reletter' && typeof data.paragraph === 'string' && /^(?:OP|PP)\d+$/.test(data.paragraph)) return data.paragraph;
  const paragraph = query.numberedParagraphAt(document.lines.offsetAt(diagnostic.range.start));
  return paragraph ? paragraphName(paragraph) : undefined;
}


