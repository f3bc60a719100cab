// Writing amendments: the instructions that turn one version of a draft (OLD, the text being
// amended) into another (NEW), in the form the United Nations issues them.
//
// The comparison engine (compare/compare.ts) aligns the paragraphs. A pair it calls unchanged or
// changed is kept when both stand at the same level (a preambular paragraph for a preambular
// paragraph, a sub-paragraph under the counterpart of its parent); every other unit of OLD is
// deleted and every other unit of NEW inserted, with its sub-paragraphs (a moved, split or merged
// paragraph is deleted where it stood and inserted where it goes).
//   - Deleted: "Delete operative paragraph 7" for the highest deleted node; paragraphs of one part
//     that follow each other together ("Delete operative paragraphs 3 to 5", "Delete the third and
//     fourth preambular paragraphs").
//   - Inserted: consecutive new siblings together, after the nearest kept sibling before them
//     ("after operative paragraph 5"), else before the nearest kept one after them, else at the
//     end of their kept parent, else at the beginning of the text; quoted as they stand in NEW,
//     with their numbers and labels.
//   - Changed: the smallest word instructions. The own texts are compared as words and marks
//     (`words.ts`; the final , ; : or . is the paragraph's place, not its wording); differences
//     two tokens apart or closer make one instruction; quoted words that occur more than once in
//     the paragraph are widened by the words around them until they occur once; an insertion is
//     anchored after the words before it ("after the word “States”"), or before the words after
//     it when that takes fewer words, or at the end of the paragraph. A paragraph without
//     sub-paragraphs whose words mostly change is replaced whole.
// Every paragraph is named by its place in OLD, and instructions follow OLD's order.
import { diffArrays } from 'diff';
import { compareDocuments } from '../compare/compare';
import type { ResolutionDocument, SubParagraph } from '../parser/model';
import type { Instruction, InsertKind, Target } from './instructions';
import { targetName } from './instructions';
import { resolveTarget, treeOf, unitStart, type Node, type Tree } from './tree';
import { isWord, occurrences, wordingLength, wordsOf, type Words } from './words';

export interface WriteOptions {
  /** Time limit of each paragraph's word diff, ms (default 200). */
  timeoutMs?: number;
}

export interface WrittenAmendments {
  instructions: Instruction[];
  /** Names that do not name one paragraph of OLD (a numbering that repeats): the amendments may mislead. */
  warnings: string[];
}

/** Differences this close (in tokens) make one instruction. */
const MERGE_GAP = 2;
/** Share of a paragraph's tokens changed beyond which it is replaced whole. */
const REWRITE_SHARE = 0.6;

export function writeAmendments(oldDoc: ResolutionDocument, newDoc: ResolutionDocument, options: WriteOptions = {}): WrittenAmendments {
  const comparison = compareDocuments(oldDoc, newDoc);
  const oldTree = treeOf(oldDoc);
  const newTree = treeOf(newDoc);
  const oldByStart = byStart(oldTree);
  const newByStart = byStart(newTree);

  // Pairs the engine found, kept when both stand at the same level under paired parents.
  const pairOld = new Map<Node, Node>();
  const pairNew = new Map<Node, Node>();
  const changed = new Set<Node>();
  for (const change of comparison.changes) {
    if ((change.kind !== 'unchanged' && change.kind !== 'changed') || change.old.length !== 1 || change.new.length !== 1) continue;
    if (change.old[0].kind === 'footnote') continue;
    const o = oldByStart.get(change.old[0].start);
    const n = newByStart.get(change.new[0].start);
    if (!o || !n) continue;
    pairOld.set(o, n);
    pairNew.set(n, o);
    if (change.kind === 'changed') changed.add(o);
  }
  for (const o of oldTree.all) {
    const n = pairOld.get(o);
    if (!n) continue;
    const sameLevel = o.parent ? n.parent !== undefined && pairOld.get(o.parent) === n.parent : !n.parent && o.block === o.paragraph && n.paragraph.kind === o.paragraph.kind;
    if (!sameLevel) {
      pairOld.delete(o);
      pairNew.delete(n);
    }
  }
  // A node without text of its own (a chapeau-less paragraph) is no unit of the engine: it is
  // kept when its children are kept under one counterpart.
  for (const o of oldTree.all) {
    if (pairOld.has(o) || unitStart(o.block) !== undefined) continue;
    const counterpart = o.children.map((c) => pairOld.get(c)?.parent).find((p) => p !== undefined);
    if (counterpart && !pairNew.has(counterpart) && unitStart(counterpart.block) === undefined && (o.parent ? pairOld.get(o.parent) === counterpart.parent : !counterpart.parent)) {
      pairOld.set(o, counterpart);
      pairNew.set(counterpart, o);
    }
  }

  const out: { instruction: Instruction; at: number; rank: number }[] = [];
  const push = (instruction: Instruction, at: number, rank: number) => out.push({ instruction, at, rank });

  // Deletions: the highest node deleted; paragraphs of one part that follow each other in the
  // text and in their numbering, together ("Delete operative paragraphs 3 to 5").
  let run: Node[] = [];
  const deleteRun = () => {
    if (run.length > 0) push(run.length === 1 ? { kind: 'deleteParagraph', target: run[0].target } : { kind: 'deleteParagraphs', targets: run.map((n) => n.target) }, run[0].block.start, 1);
    run = [];
  };
  for (const o of oldTree.top) {
    const last = run[run.length - 1];
    if (last && (pairOld.has(o) || o.target.part !== last.target.part || o.target.paragraph !== last.target.paragraph + 1)) deleteRun();
    if (!pairOld.has(o)) run.push(o);
  }
  deleteRun();
  for (const o of oldTree.all) if (o.parent && !pairOld.has(o) && pairOld.has(o.parent)) push({ kind: 'deleteParagraph', target: o.target }, o.block.start, 1);

  // Word changes inside kept nodes.
  for (const o of oldTree.all) {
    const n = pairOld.get(o);
    if (!n || !changed.has(o)) continue;
    for (const { instruction, at } of wordInstructions(o, n, options.timeoutMs ?? 200)) push(instruction, at, 1);
  }

  // Insertions: runs of new siblings, in each kept parent and at the top.
  const siblingLists: { parent?: Node; siblings: Node[] }[] = [{ siblings: newTree.top }];
  for (const n of newTree.all) if (pairNew.has(n) && n.children.length) siblingLists.push({ parent: pairNew.get(n), siblings: n.children });
  for (const { parent, siblings } of siblingLists) {
    let k = 0;
    while (k < siblings.length) {
      if (pairNew.has(siblings[k])) {
        k++;
        continue;
      }
      const from = k;
      while (k < siblings.length && !pairNew.has(siblings[k])) k++;
      const run = siblings.slice(from, k);
      const before = from > 0 ? pairNew.get(siblings[from - 1]) : undefined;
      const after = k < siblings.length ? pairNew.get(siblings[k]) : undefined;
      const what: InsertKind = parent ? 'subparagraph' : run.every((r) => r.paragraph.kind === run[0].paragraph.kind) ? run[0].paragraph.kind : 'paragraph';
      const lines = run.flatMap(linesOf);
      const base = { kind: 'insertParagraphs' as const, what, count: run.length, lines };
      if (before) push({ ...base, where: 'after', anchor: before.target }, before.block.end, 2);
      else if (after) push({ ...base, where: 'before', anchor: after.target }, after.block.start, 0);
      else if (parent) push({ ...base, where: 'end', anchor: parent.target } as Instruction, parent.block.end, 2);
      else push({ ...base, where: 'start' }, -1, 0);
    }
  }

  out.sort((a, b) => a.at - b.at || a.rank - b.rank);
  const instructions = out.map((o) => o.instruction);
  return { instructions, warnings: ambiguousNames(oldDoc, oldTree, instructions) };
}

function byStart(tree: Tree): Map<number, Node> {
  const map = new Map<number, Node>();
  for (const node of tree.all) {
    const start = unitStart(node.block);
    if (start !== undefined && !map.has(start)) map.set(start, node);
  }
  return map;
}

/** A new node and its sub-paragraphs as lines of the amended text: "6. Requests …", "(a) …". */
function linesOf(node: Node): string[] {
  const lines: string[] = [];
  const pending = [node];
  while (pending.length > 0) {
    const n = pending.pop()!;
    const text = n.block.content.text.trim();
    if (n.block === n.paragraph) {
      const p = n.paragraph;
      lines.push(p.kind === 'operative' && !p.aloneInSection ? `${p.number ?? p.index}. ${text}` : text);
    } else {
      const label = (n.block as SubParagraph).label;
      lines.push(label ? `${label} ${text}` : text);
    }
    for (let k = n.children.length - 1; k >= 0; k--) pending.push(n.children[k]);
  }
  return lines;
}

interface Hunk {
  /** Old tokens [i0, i1) become new tokens [j0, j1). */
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

function wordInstructions(o: Node, n: Node, timeout: number): { instruction: Instruction; at: number }[] {
  const oldText = o.block.content.text;
  const newText = n.block.content.text;
  const ow = wordsOf(oldText);
  const nw = wordsOf(newText);
  const oldLength = wordingLength(ow);
  const newLength = wordingLength(nw);
  const oldKeys = ow.keys.slice(0, oldLength);
  const newKeys = nw.keys.slice(0, newLength);
  const whole = (): { instruction: Instruction; at: number }[] => {
    const target = o.target;
    if (o.children.length === 0 && n.children.length === 0) return [{ instruction: { kind: 'replaceParagraph', target, text: newText.trim() }, at: o.block.start }];
    if (oldLength === 0) return [{ instruction: { kind: 'insertWords', target, where: 'end', anchor: '', new: slice(newText, nw, 0, newLength) }, at: o.block.start }];
    return [{ instruction: { kind: 'replaceWords', target, old: slice(oldText, ow, 0, oldLength), new: slice(newText, nw, 0, newLength) }, at: o.block.start }];
  };
  const changes = diffArrays(oldKeys, newKeys, { timeout });
  if (!changes) return whole();
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      i += count;
      j += count;
      continue;
    }
    let last = hunks[hunks.length - 1];
    if (!last || i - last.i1 > MERGE_GAP) {
      last = { i0: i, i1: i, j0: j, j1: j };
      hunks.push(last);
    } else {
      // The same tokens stand between the two on both sides: one instruction takes them in.
      last.i1 = i;
      last.j1 = j;
    }
    if (change.removed) last.i1 = i += count;
    else last.j1 = j += count;
  }
  if (hunks.length === 0) return [];
  const changedTokens = hunks.reduce((sum, h) => sum + Math.max(h.i1 - h.i0, h.j1 - h.j0), 0);
  if (changedTokens > REWRITE_SHARE * Math.max(oldLength, newLength, 1)) return whole();

  const out: { instruction: Instruction; at: number }[] = [];
  for (const hunk of hunks) {
    const at = o.block.start + (ow.starts[hunk.i0] ?? oldText.length) / 1e6;
    const instruction = hunkInstruction(o.target, hunk, { text: oldText, words: ow, keys: oldKeys }, { text: newText, words: nw, keys: newKeys });
    if (!instruction) return whole();
    out.push({ instruction, at });
  }
  return out;
}

interface Side {
  text: string;
  words: Words;
  keys: string[];
}

/** The text of tokens [from, to) as written. */
function slice(text: string, words: Words, from: number, to: number): string {
  if (to <= from) return '';
  return text.slice(words.starts[from], words.ends[to - 1]);
}

/** Whether old tokens [from, to) occur once in the whole paragraph, its final mark included. */
const unique = (side: Side, from: number, to: number) => occurrences(side.words.keys, side.keys.slice(from, to), 2).length === 1;
const hasWord = (keys: string[], from: number, to: number) => keys.slice(from, to).some(isWord);

function hunkInstruction(target: Target, hunk: Hunk, o: Side, n: Side): Instruction | undefined {
  let { i0, i1, j0, j1 } = hunk;
  if (i1 > i0) {
    // Widen until the quoted old words occur once (and hold a word): the words around are the same in both.
    // Marks alone read badly ("replace the word “and” with the words “,”"): the new words hold a word too.
    while (!(unique(o, i0, i1) && hasWord(o.keys, i0, i1) && (j1 === j0 || hasWord(n.keys, j0, j1)))) {
      if (i0 > 0 && (i1 >= o.keys.length || (i1 - i0) % 2 === 0)) {
        i0--;
        j0--;
      } else if (i1 < o.keys.length) {
        i1++;
        j1++;
      } else return undefined;
    }
    const old = slice(o.text, o.words, i0, i1);
    if (j1 === j0) return { kind: 'deleteWords', target, old };
    return { kind: 'replaceWords', target, old, new: slice(n.text, n.words, j0, j1) };
  }
  const inserted = slice(n.text, n.words, j0, j1);
  if (i0 >= o.keys.length) return { kind: 'insertWords', target, where: 'end', anchor: '', new: inserted };
  // Anchored after the words before the insertion, or before the words after it.
  let afterFrom = i0 - 1;
  while (afterFrom >= 0 && !(unique(o, afterFrom, i0) && hasWord(o.keys, afterFrom, i0))) afterFrom--;
  let beforeTo = i0 + 1;
  while (beforeTo <= o.keys.length && !(unique(o, i0, beforeTo) && hasWord(o.keys, i0, beforeTo))) beforeTo++;
  const afterCost = afterFrom >= 0 ? i0 - afterFrom : Infinity;
  const beforeCost = beforeTo <= o.keys.length ? beforeTo - i0 : Infinity;
  if (afterCost === Infinity && beforeCost === Infinity) return undefined;
  if (afterCost <= beforeCost) return { kind: 'insertWords', target, where: 'after', anchor: slice(o.text, o.words, afterFrom, i0), new: inserted };
  return { kind: 'insertWords', target, where: 'before', anchor: slice(o.text, o.words, i0, beforeTo), new: inserted };
}

/** Names of OLD that do not lead back to one paragraph (a numbering that repeats or restarts). */
function ambiguousNames(doc: ResolutionDocument, tree: Tree, instructions: Instruction[]): string[] {
  const warnings = new Set<string>();
  for (const instruction of instructions) {
    const targets = 'targets' in instruction ? instruction.targets : ['target' in instruction ? instruction.target : instruction.anchor];
    for (const target of targets) {
      if (!target) continue;
      const found = resolveTarget(doc, tree, target);
      if (typeof found === 'string') warnings.add(`${targetName(target)}: ${found}`);
    }
  }
  return [...warnings];
}
