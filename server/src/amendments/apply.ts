// Applying amendments to a draft: every instruction is resolved against the draft as it stands
// (paragraphs named by their place in it, quoted words found in the paragraph named), and only
// when every one of them holds are the edits made, all at once: an instruction that does not
// match is reported with its line and column, and then nothing is applied.
//
// Edits are made in the draft's own text, so that its layout, header, footnotes and furniture stay
// as they were: quoted words are found in a paragraph's clean text and mapped back to the source
// (a replacement takes the place of the words' source characters, and a line break or markup
// between them stays; the footnote markers among them go, not their footnotes); a deleted
// paragraph leaves the footnotes and page furniture inside it; new
// paragraphs go after (or before) the paragraph named, separated as that paragraph is from the one
// before it. Then, as the product's "Renumber operative paragraphs" does, the operative paragraphs
// are numbered again in order (unless the draft numbers its sections from 1 each), the
// sub-paragraphs of a paragraph that gained or lost some are lettered again, and the references
// of the draft to its own paragraphs ("paragraph 7 above") follow the paragraph they name.
import { partitionPoint } from '../arrays';
import { toSourceOffset } from '../parser/cleanText';
import { bareLabel, formatLabel, labelValue } from '../parser/labels';
import type { CleanText, LabelScheme, ResolutionDocument, SubParagraph } from '../parser/model';
import { queryOf } from '../parser/query';
import type { AmendmentProblem, Instruction, ReadInstruction } from './instructions';
import { targetName } from './instructions';
import { resolveTarget, treeOf, type Node, type Tree } from './tree';
import { occurrences, wordingLength, wordsOf } from './words';

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export type ApplyResult = { text: string; edits: OffsetEdit[]; applied: number } | { problems: AmendmentProblem[] };

interface Insertion {
  /** The node the new paragraphs stand after, before, or at the end of; none: at the beginning. */
  anchor?: Node;
  where: 'after' | 'before' | 'end' | 'start';
  lines: NewLine[];
  order: number;
}

interface NewLine {
  /** 'top': a paragraph (operative when numbered); 'first': a first-level sub-paragraph of the group; 'deeper'. */
  level: 'top' | 'first' | 'deeper';
  operative: boolean;
  label?: string;
  text: string;
}

interface Located {
  edit: OffsetEdit[];
  /** Clean span in the node, for overlaps. */
  node: Node;
  from: number;
  to: number;
  read: ReadInstruction;
}

export function applyAmendments(model: ResolutionDocument, read: ReadInstruction[]): ApplyResult {
  const tree = treeOf(model);
  const problems: AmendmentProblem[] = [];
  const fail = (r: ReadInstruction, message: string, place = r.named ?? r.at) => problems.push({ ...place, message });
  const located: Located[] = [];
  const deleted = new Map<Node, ReadInstruction>();
  const insertions: Insertion[] = [];

  for (let k = 0; k < read.length; k++) {
    const r = read[k];
    const instruction = r.instruction;
    if (instruction.kind === 'deleteParagraph' || instruction.kind === 'deleteParagraphs') {
      for (const target of instruction.kind === 'deleteParagraph' ? [instruction.target] : instruction.targets) {
        const found = resolveTarget(model, tree, target);
        // One problem for an instruction: "paragraphs 3 to 9" of a text with 5 is one mistake.
        if (typeof found === 'string') fail(r, found);
        else if (deleted.has(found)) fail(r, `${targetName(target)} is deleted twice (also at line ${deleted.get(found)!.at.line})`);
        else {
          deleted.set(found, r);
          continue;
        }
        break;
      }
      continue;
    }
    const anchorTarget = 'target' in instruction ? instruction.target : instruction.anchor;
    let node: Node | undefined;
    if (anchorTarget) {
      const found = resolveTarget(model, tree, anchorTarget);
      if (typeof found === 'string') {
        fail(r, found);
        continue;
      }
      node = found;
    }
    switch (instruction.kind) {
      case 'insertParagraphs':
        insertions.push({ anchor: node, where: instruction.where, lines: newLines(instruction), order: k });
        break;
      default: {
        const result = locate(model, node!, instruction, r);
        if (typeof result === 'string') fail(r, result, r.quoted ?? r.named ?? r.at);
        else located.push(result);
      }
    }
  }

  // Instructions that contradict each other.
  const byNode = new Map<Node, Located[]>();
  for (const l of located) byNode.set(l.node, [...(byNode.get(l.node) ?? []), l]);
  for (const list of byNode.values()) {
    list.sort((a, b) => a.from - b.from || a.to - b.to);
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      if (b.from < a.to || (b.from === a.to && a.from === a.to && b.from === b.to)) {
        fail(b.read, `the words it changes overlap those of the instruction at line ${a.read.at.line}`, b.read.quoted ?? b.read.at);
      }
    }
  }
  const gone = (node: Node | undefined): ReadInstruction | undefined => {
    for (let n = node; n; n = n.parent) if (deleted.has(n)) return deleted.get(n);
    return undefined;
  };
  for (const l of located) {
    const d = gone(l.node);
    if (d) fail(l.read, `${targetName(l.node.target)} is deleted by the instruction at line ${d.at.line}`);
  }
  for (const insertion of insertions) {
    const d = gone(insertion.anchor);
    if (d) fail(read[insertion.order], `${targetName(insertion.anchor!.target)} is deleted by the instruction at line ${d.at.line}`);
  }
  if (problems.length > 0) return { problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };

  const text = model.text;
  const edits: OffsetEdit[] = located.flatMap((l) => l.edit);
  // A footnote whose markers all stood in deleted paragraphs stays: removing it would leave the
  // others misnumbered, and which marker is whose is the drafter's call.
  for (const node of deleted.keys()) if (!gone(node.parent)) edits.push(...deletionEdits(model, node));

  const numbering = planNumbering(model, tree, deleted, insertions, gone);
  edits.push(...numbering.edits);
  for (const insertion of insertions) edits.push(insertionEdit(model, tree, insertion, numbering));
  edits.push(...referenceEdits(model, tree, numbering, edits));

  const byPlace = (a: OffsetEdit, b: OffsetEdit) => a.start - b.start || a.end - b.end;
  const sorted = edits.filter((e) => e.start !== e.end || e.text !== '').sort(byPlace);
  sorted.push(...markerGlueEdits(model, sorted), ...shortLineJoins(text, located, sorted));
  sorted.sort(byPlace);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue; // never overlap: contradictions were refused above
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  out += text.slice(at);
  return { text: out, edits: sorted, applied: read.length };
}

/**
 * A footnote marker printed as plain digits a space after a word is told from a number by that
 * word ("Development Goals 6 in" holds marker 6, "the 6 in" a number): when the words before it
 * change and the new ones end in a lower-case letter or a closing mark, it is glued to them, the
 * form read as a marker whatever the word.
 */
function markerGlueEdits(model: ResolutionDocument, sorted: OffsetEdit[]): OffsetEdit[] {
  const text = model.text;
  // The edit that ends last at each offset: after a replacement, the words inserted behind it.
  const endingAt = new Map<number, OffsetEdit>();
  for (const edit of sorted) endingAt.set(edit.end, edit);
  const lastCharBefore = (edit: OffsetEdit): string => {
    let e = edit;
    while (e.text === '') {
      const previous = endingAt.get(e.start);
      if (!previous) return text.charAt(e.start - 1);
      e = previous;
    }
    return e.text.charAt(e.text.length - 1);
  };
  const out: OffsetEdit[] = [];
  for (const marker of model.markers) {
    if (marker.style !== 'glued') continue;
    let gap = marker.start;
    while (gap > 0 && /[ \t\u00a0]/.test(text[gap - 1])) gap--;
    const edit = endingAt.get(gap);
    // Not a marker printed against the word after it ("weapons, 7in which"), nor one that goes.
    if (gap === marker.start || !edit || !/^(?:[\s,.;:)”’"]|$)/.test(text.slice(marker.end, marker.end + 1))) continue;
    if (sorted.some((e) => e.start < marker.end && e.end > gap)) continue;
    const last = lastCharBefore(edit);
    if (/[\p{Ll},;:)”’"]/u.test(last)) out.push({ start: gap, end: marker.start, text: '' });
  }
  return out;
}

/**
 * In PDF text whose lines stand between blank lines, a short line before a blank line ends a
 * paragraph: a line of a paragraph that its edits shorten is joined to the rest of the paragraph
 * after the blank line.
 */
function shortLineJoins(text: string, located: Located[], sorted: OffsetEdit[]): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  const seen = new Set<number>();
  for (const l of located) {
    const last = Math.max(...l.edit.map((e) => e.end));
    const lineStart = text.lastIndexOf('\n', last - 1) + 1;
    const eol = text.indexOf('\n', last);
    if (eol < 0 || seen.has(eol)) continue;
    seen.add(eol);
    const onLine = sorted.filter((e) => e.end > lineStart && e.start <= eol);
    if (onLine.reduce((sum, e) => sum + e.text.length - (e.end - e.start), 0) >= 0) continue;
    let end = eol;
    while (end > lineStart && /[ \t\r]/.test(text[end - 1])) end--;
    let next = eol;
    let breaks = 0;
    while (next < text.length && /\s/.test(text[next])) if (text[next++] === '\n') breaks++;
    // The paragraph goes on after the blank line: its own text (a run of its clean text) stands there.
    const runs = l.node.block.content.runs;
    let goesOn = false;
    for (let k = 1; k < runs.length && !goesOn; k += 3) goesOn = runs[k] === next;
    if (breaks < 2 || !goesOn || sorted.some((e) => e.start < next && e.end > end)) continue;
    out.push({ start: end, end: next, text: ' ' });
  }
  return out;
}

// ---- words -----------------------------------------------------------------------------------------

const OPENING = /[([“‘"']$/;
const CLOSING_START = /^[,;:.)\]”’!?]/;
const WORD_START = /^[\p{L}\p{N}([“‘"]/u;

function locate(model: ResolutionDocument, node: Node, instruction: Instruction, r: ReadInstruction): Located | string {
  const content = node.block.content;
  const clean = content.text;
  const words = wordsOf(clean);
  const name = targetName(node.target);
  const find = (quoted: string, what: string): [number, number] | string => {
    const keys = wordsOf(quoted).keys;
    if (keys.length === 0) return `the ${what} quoted are empty`;
    const found = occurrences(words.keys, keys, 3);
    if (found.length === 0) return `the ${what} quoted do not occur in ${name}`;
    if (found.length > 1) return `the ${what} quoted occur ${found.length > 2 ? 'three times or more' : 'twice'} in ${name}: quote more of the words around them`;
    return [found[0], found[0] + keys.length];
  };
  const span = (tokens: [number, number]): [number, number] => [words.starts[tokens[0]], words.ends[tokens[1] - 1]];
  const result = (edit: OffsetEdit[], from: number, to: number): Located => ({ edit, node, from, to, read: r });

  switch (instruction.kind) {
    case 'replaceWords': {
      const tokens = find(instruction.old, 'words');
      if (typeof tokens === 'string') return tokens;
      const [from, to] = span(tokens);
      if (!instruction.new.trim()) return result(wordEdits(model, content, ...deletionSpan(clean, from, to), ''), from, to);
      return result(wordEdits(model, content, ...replacementSpan(clean, from, to, instruction.new.trim())), from, to);
    }
    case 'deleteWords': {
      const tokens = find(instruction.old, 'words');
      if (typeof tokens === 'string') return tokens;
      const [from, to] = span(tokens);
      return result(wordEdits(model, content, ...deletionSpan(clean, from, to), ''), from, to);
    }
    case 'insertWords': {
      const added = instruction.new.trim();
      if (!added) return 'the words to insert are empty';
      let at: number;
      if (instruction.where === 'end') {
        const n = wordingLength(words);
        at = n > 0 ? words.ends[n - 1] : 0;
      } else {
        const tokens = find(instruction.anchor, 'words');
        if (typeof tokens === 'string') return tokens;
        at = instruction.where === 'after' ? span(tokens)[1] : span(tokens)[0];
      }
      const before = clean.slice(0, at);
      const after = clean.slice(at);
      let spaced: string;
      let source: number;
      if (instruction.where === 'before') {
        // Before the words after it: a space after it, and one before it when the text before has none.
        const lead = before === '' || /\s$/.test(before) || OPENING.test(before) ? '' : ' ';
        spaced = `${lead}${added}${OPENING.test(added) ? '' : ' '}`;
        source = toSourceOffset(content, at, 'start');
      } else {
        // After the words before it (a footnote marker after them moves behind the new words).
        const lead = before.trim() === '' || CLOSING_START.test(added) || OPENING.test(before) ? '' : ' ';
        const trail = after === '' || /^\s/.test(after) || !WORD_START.test(after) || OPENING.test(added) ? '' : ' ';
        spaced = `${lead}${added}${trail}`;
        source = toSourceOffset(content, at, 'end');
      }
      return result([{ start: source, end: source, text: spaced }], at, at);
    }
    case 'replaceParagraph': {
      const n = clean.length;
      return result(wordEdits(model, content, 0, n, instruction.text.trim()), 0, n);
    }
    default:
      return 'not an instruction on words';
  }
}

/** A deletion takes a space with it: the one before the words, or after them at the start. */
function deletionSpan(clean: string, from: number, to: number): [number, number] {
  const spaceBefore = from > 0 && clean[from - 1] === ' ';
  const spaceAfter = to < clean.length && clean[to] === ' ';
  if (spaceBefore && (spaceAfter || to === clean.length || CLOSING_START.test(clean.slice(to)))) return [from - 1, to];
  if (spaceAfter && (from === 0 || OPENING.test(clean.slice(0, from)))) return [from, to + 1];
  return [from, to];
}

/**
 * Edits that replace clean text [from, to) with `text` (deleted when empty). The footnote markers
 * among the words go with them, and the one after the last of them when they are deleted (a
 * marker after replaced words stays after the new ones): the footnotes stay, as for a deleted
 * paragraph. Left behind, a marker would stand against the text or the marker before it
 * ("Tlatelolco,5 Rarotonga,6 and" would become "Tlatelolco,56 and").
 */
function wordEdits(model: ResolutionDocument, content: CleanText, from: number, to: number, text: string): OffsetEdit[] {
  const edits = cleanEdits(model.text, content, from, to, text);
  if (from === to) return edits;
  const first = toSourceOffset(content, from, 'start');
  const last = toSourceOffset(content, to, 'end');
  // The parser sorts the markers by offset.
  const markers = model.markers;
  for (let k = partitionPoint(markers.length, (i) => markers[i].start < first); k < markers.length && (markers[k].start < last || (text === '' && markers[k].start === last)); k++) edits.push({ start: markers[k].start, end: markers[k].end, text: '' });
  return edits;
}

/**
 * Words that replace others are spaced as the words they replace are not always: old words that
 * open with a mark hold on to the word before them (“, prepared”), old words that close with an
 * opening mark to the word after them; new words that do not, stand a space apart, and new words
 * that do, take the space.
 */
function replacementSpan(clean: string, from: number, to: number, text: string): [number, number, string] {
  const old = clean.slice(from, to);
  const before = clean.slice(0, from);
  const after = clean.slice(to);
  let lead = '';
  let trail = '';
  const [closes, closed] = [CLOSING_START.test(text), CLOSING_START.test(old)];
  if (closes && !closed && before.endsWith(' ')) from--;
  else if (closed && !closes && before.trim() !== '' && !/\s$/.test(before) && !OPENING.test(before)) lead = ' ';
  const [opens, opened] = [OPENING.test(text), OPENING.test(old)];
  if (opens && !opened && after.startsWith(' ')) to++;
  else if (opened && !opens && WORD_START.test(after)) trail = ' ';
  return [from, to, `${lead}${text}${trail}`];
}

/**
 * Edits of the source that replace clean text [from, to): the text takes the place of the first
 * source piece and the other pieces go; markup, markers, footnotes, furniture and line breaks
 * between them stay. A piece that goes from the start of a line takes the spaces after it with
 * it (in PDF text a line that opens with a space opens a paragraph), and the line itself when
 * nothing is left on it (a blank line ends a paragraph).
 */
function cleanEdits(source: string, content: CleanText, from: number, to: number, text: string): OffsetEdit[] {
  const runs = content.runs;
  const pieces: { start: number; end: number }[] = [];
  for (let k = 0; k + 2 < runs.length; k += 3) {
    const [c0, s0, length] = [runs[k], runs[k + 1], runs[k + 2]];
    const a = Math.max(from, c0);
    const b = Math.min(to, c0 + length);
    if (a < b) pieces.push({ start: s0 + (a - c0), end: s0 + (b - c0) });
  }
  if (pieces.length === 0) {
    const at = toSourceOffset(content, from, 'end');
    return [{ start: at, end: at, text }];
  }
  return pieces.map((piece, i) => (i === 0 && text !== '' ? { ...piece, text } : { ...removedFromLine(source, piece), text: '' }));
}

function removedFromLine(source: string, piece: { start: number; end: number }): { start: number; end: number } {
  let lineStart = piece.start;
  while (lineStart > 0 && (source[lineStart - 1] === ' ' || source[lineStart - 1] === '\t')) lineStart--;
  if (lineStart > 0 && source[lineStart - 1] !== '\n') return piece;
  let end = piece.end;
  while (end < source.length && (source[end] === ' ' || source[end] === '\t')) end++;
  if (end < source.length && source[end] !== '\n' && source[end] !== '\r') return { start: piece.start, end };
  if (lineStart === 0) return piece;
  return { start: lineStart - (source[lineStart - 2] === '\r' ? 2 : 1), end };
}

// ---- paragraphs ------------------------------------------------------------------------------------

const NUMBERED = /^(\d{1,4})\.\s+/;
const LABELLED = /^(\((?:[a-z]{1,4}|[ivxlc]{1,6})\)|\d{1,3}(?:\.\d{1,3})+\.?)\s+/i;

function newLines(instruction: Extract<Instruction, { kind: 'insertParagraphs' }>): NewLine[] {
  const out: NewLine[] = [];
  let firstScheme: LabelScheme | undefined;
  let lastFirst = 0;
  for (const line of instruction.lines) {
    const numbered = NUMBERED.exec(line);
    const labelled = numbered ? null : LABELLED.exec(line);
    if (instruction.what !== 'subparagraph' && (numbered || !labelled)) {
      const operative = numbered !== null || instruction.what === 'operative';
      out.push({ level: 'top', operative, text: numbered ? line.slice(numbered[0].length) : line });
      firstScheme = undefined;
      continue;
    }
    if (!labelled) {
      out.push({ level: instruction.what === 'subparagraph' && out.length === 0 ? 'first' : 'deeper', operative: false, text: line });
      continue;
    }
    const label = labelled[1];
    const bare = bareLabel(label);
    // The first-level items of a group follow each other: (c) after (b); "(i)" after "(c)" is a level down.
    const scheme: LabelScheme = label.startsWith('(') ? (/^[ivxlc]+$/.test(bare) && firstScheme !== 'alpha' ? 'roman' : 'alpha') : 'decimal';
    const value = labelValue(label, scheme);
    const first = instruction.what === 'subparagraph' && (firstScheme === undefined || (scheme === firstScheme && value === lastFirst + 1));
    if (first) {
      firstScheme ??= scheme;
      lastFirst = value;
    }
    out.push({ level: first ? 'first' : 'deeper', operative: false, label, text: line.slice(labelled[0].length) });
  }
  return out;
}

interface Numbering {
  edits: OffsetEdit[];
  /** The final number of each operative paragraph that keeps its place, old node -> number. */
  numbers: Map<Node, number>;
  /** Final labels of sub-paragraphs relettered. */
  labels: Map<Node, string>;
  /** Numbers (or labels) of the new paragraphs of each insertion, line by line. */
  inserted: Map<Insertion, (string | undefined)[]>;
}

/**
 * The final order of the paragraphs, and their numbers and labels. Operative paragraphs are
 * numbered 1..n when the draft numbers them and does not number sections from 1 each; the
 * first-level sub-paragraphs of each parent that gains or loses some are lettered in order, in
 * the scheme of its other sub-paragraphs (decimal labels are left as written).
 */
function planNumbering(
  model: ResolutionDocument,
  tree: Tree,
  deleted: Map<Node, ReadInstruction>,
  insertions: Insertion[],
  gone: (node: Node | undefined) => ReadInstruction | undefined,
): Numbering {
  const result: Numbering = { edits: [], numbers: new Map(), labels: new Map(), inserted: new Map() };
  type Item = { node: Node } | { insertion: Insertion; line: number };
  const sequence = (siblings: Node[], parent: Node | undefined): Item[] => {
    const items: Item[] = [];
    const add = (insertion: Insertion) => insertion.lines.forEach((l, line) => (parent ? l.level === 'first' : l.level === 'top') && items.push({ insertion, line }));
    const at = (anchor: Node | undefined, where: Insertion['where']) => insertions.filter((i) => i.anchor === anchor && i.where === where).sort((a, b) => a.order - b.order);
    if (!parent) at(undefined, 'start').forEach(add);
    for (const node of siblings) {
      at(node, 'before').forEach(add);
      if (!deleted.has(node)) items.push({ node });
      at(node, 'after').forEach(add);
    }
    if (parent) at(parent, 'end').forEach(add);
    return items;
  };

  // Operative paragraphs.
  const numbered = model.operative.some((p) => p.numberSpan) && !model.operative.some((p) => p.restartsNumbering);
  const top = sequence(tree.top, undefined);
  let n = 0;
  for (const item of top) {
    if ('node' in item) {
      const p = item.node.paragraph;
      if (p.kind !== 'operative' || p.aloneInSection) continue;
      n++;
      result.numbers.set(item.node, numbered ? n : (p.number ?? n));
      if (numbered && p.numberSpan && p.number !== n) {
        const digits = /^\d+/.exec(model.text.slice(p.numberSpan.start, p.numberSpan.end))?.[0] ?? '';
        result.edits.push({ start: p.numberSpan.start, end: p.numberSpan.start + digits.length, text: String(n) });
      }
    } else if (item.insertion.lines[item.line].operative) {
      n++;
      slot(result, item.insertion)[item.line] = `${n}.`;
    }
  }

  // Sub-paragraphs of parents that gain or lose some.
  const parents = new Set<Node>();
  for (const node of deleted.keys()) if (node.parent && !gone(node.parent)) parents.add(node.parent);
  for (const insertion of insertions) {
    if (insertion.where === 'end' && insertion.anchor) parents.add(insertion.anchor);
    else if (insertion.anchor?.parent && insertion.lines.some((l) => l.level === 'first')) parents.add(insertion.anchor.parent);
  }
  for (const parent of parents) {
    const labelled = parent.children.find((c) => (c.block as SubParagraph).label);
    const scheme = (labelled?.block as SubParagraph | undefined)?.scheme;
    const items = sequence(parent.children, parent);
    if (scheme !== 'alpha' && scheme !== 'roman') {
      for (const item of items) if (!('node' in item)) slot(result, item.insertion)[item.line] = item.insertion.lines[item.line].label;
      continue;
    }
    items.forEach((item, k) => {
      const label = formatLabel(scheme, k + 1, undefined);
      if ('node' in item) {
        const sub = item.node.block as SubParagraph;
        result.labels.set(item.node, label);
        if (sub.label && sub.label !== label && sub.label.startsWith('(')) result.edits.push({ start: sub.labelSpan.start + 1, end: sub.labelSpan.start + sub.label.length - 1, text: bareLabel(label) });
      } else slot(result, item.insertion)[item.line] = label;
    });
  }
  return result;
}

const slot = (numbering: Numbering, insertion: Insertion) => {
  let list = numbering.inserted.get(insertion);
  if (!list) numbering.inserted.set(insertion, (list = []));
  return list;
};

/** How paragraphs are separated where a node stands: the whitespace before it (a blank line by default). */
function separatorBefore(text: string, at: number): string {
  let k = at;
  while (k > 0 && /[ \t\r\n\f]/.test(text[k - 1])) k--;
  const space = text.slice(k, at).replace(/\f/g, '');
  return space.includes('\n') ? space : '\n\n';
}

function insertionEdit(model: ResolutionDocument, tree: Tree, insertion: Insertion, numbering: Numbering): OffsetEdit {
  const text = model.text;
  const numbers = numbering.inserted.get(insertion) ?? [];
  const rendered = insertion.lines.map((line, k) => {
    const label = numbers[k] ?? (line.level === 'top' ? undefined : line.label);
    return label ? `${label} ${line.text}` : line.text;
  });
  const anchor = insertion.anchor;
  if (insertion.where === 'before' && anchor) {
    const separator = separatorBefore(text, anchor.block.start);
    return { start: anchor.block.start, end: anchor.block.start, text: rendered.join(separator) + separator };
  }
  if (insertion.where === 'start' || !anchor) {
    const first = tree.top[0];
    const at = model.organ?.end ?? first?.block.start ?? text.length;
    const separator = first ? separatorBefore(text, first.block.start) : '\n\n';
    return { start: at, end: at, text: separator + rendered.join(separator) };
  }
  // After the node and everything below it; at the end of a parent, after its last sub-paragraph.
  const like = insertion.where === 'end' ? (anchor.children[anchor.children.length - 1] ?? anchor) : anchor;
  const separator = separatorBefore(text, like.block.start);
  return { start: anchor.block.end, end: anchor.block.end, text: separator + rendered.join(separator) };
}

/** A deleted paragraph's own lines, keeping the footnotes and page furniture that stand inside it. */
function deletionEdits(model: ResolutionDocument, node: Node): OffsetEdit[] {
  const text = model.text;
  let start = node.block.start;
  const end = node.block.end;
  // With what opens its line (indent, a Markdown bullet or quote) and the line break before it,
  // so that no empty item or blank line is left where it stood.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^[ \t\-*+>]*$/.test(text.slice(lineStart, start))) start = lineStart;
  while (start > 0 && /[\r\n]/.test(text[start - 1])) start--;
  const kept = [...model.footnoteBlocks, ...model.furniture, ...model.tables]
    .filter((s) => s.start >= node.block.start && s.end <= end)
    .sort((a, b) => a.start - b.start);
  const edits: OffsetEdit[] = [];
  let at = start;
  for (const span of kept) {
    if (span.start < at) continue;
    // The line breaks before what stays, stay: a footnote glued to the text before would be text.
    let to = span.start;
    while (to > at && /\s/.test(text[to - 1])) to--;
    edits.push({ start: at, end: to, text: '' });
    at = span.end;
  }
  edits.push({ start: at, end, text: '' });
  return edits;
}

/** References to the draft's own paragraphs follow them to their new numbers and labels. */
function referenceEdits(model: ResolutionDocument, tree: Tree, numbering: Numbering, others: OffsetEdit[]): OffsetEdit[] {
  const query = queryOf(model);
  const nodeOf = new Map(tree.all.map((n) => [n.block, n] as const));
  const out: OffsetEdit[] = [];
  const free = (span: { start: number; end: number }) => !others.some((e) => e.start < span.end && span.start < e.end);
  for (const reference of model.references) {
    if (reference.scope.kind !== 'self') continue;
    for (const { written, paragraph, block } of query.resolveReference(reference)) {
      if (!paragraph || !written.spelt) continue;
      const node = nodeOf.get(paragraph);
      const number = node ? numbering.numbers.get(node) : undefined;
      if (written.digits && number !== undefined && written.target.paragraph !== undefined && number !== written.target.paragraph && free(written.digits)) {
        out.push({ ...written.digits, text: String(number) });
      }
      const sub = block && block !== paragraph ? nodeOf.get(block) : undefined;
      const label = sub ? numbering.labels.get(sub) : undefined;
      if (label && written.subSpan && !written.decimal && bareLabel(label) !== written.sub && free(written.subSpan)) out.push({ ...written.subSpan, text: bareLabel(label) });
    }
  }
  return out;
}
