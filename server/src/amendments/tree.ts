// The paragraphs of a text as amendments see them: a tree of paragraphs and sub-paragraphs, each
// with the name an amendment gives it in that text ("operative paragraph 2 (b)"), and the way back
// from a name to the node (through the query layer, the way references are resolved). Walks use
// explicit stacks: the labels decide the depth.
import { bareLabel } from '../parser/labels';
import type { Paragraph, ResolutionDocument, SubParagraph } from '../parser/model';
import { queryOf } from '../parser/query';
import type { SubStep, Target } from './instructions';

export interface Node {
  block: Paragraph | SubParagraph;
  paragraph: Paragraph;
  parent?: Node;
  children: Node[];
  /** Its name in this text. */
  target: Target;
  /** Position in the text: paragraphs and sub-paragraphs in reading order. */
  order: number;
}

export interface Tree {
  /** Preambular and operative paragraphs, in text order. */
  top: Node[];
  /** Every node, parents before children, in text order. */
  all: Node[];
}

export function treeOf(model: ResolutionDocument): Tree {
  const top: Node[] = [];
  const all: Node[] = [];
  const paragraphs = [...model.preambular, ...model.operative].sort((a, b) => a.start - b.start);
  const pending: Node[] = [];
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const p = paragraphs[i];
    const target: Target = { part: p.kind, paragraph: p.kind === 'operative' ? (p.number ?? p.index) : p.index, subs: [] };
    pending.push({ block: p, paragraph: p, children: [], target, order: 0 });
  }
  top.push(...[...pending].reverse());
  while (pending.length > 0) {
    const node = pending.pop()!;
    node.order = all.length;
    all.push(node);
    const subs = node.block.subparagraphs;
    const children: Node[] = subs.map((sub, k) => {
      const step: SubStep = sub.label ? { label: bareLabel(sub.label) } : { ordinal: k + 1 };
      return { block: sub, paragraph: node.paragraph, parent: node, children: [], target: { ...node.target, subs: [...node.target.subs, step] }, order: 0 };
    });
    node.children = children;
    for (let k = children.length - 1; k >= 0; k--) pending.push(children[k]);
  }
  return { top, all };
}

/** The node a name names in this text; a message saying why when none or several. */
export function resolveTarget(model: ResolutionDocument, tree: Tree, target: Target): Node | string {
  let paragraph: Paragraph | undefined;
  if (target.part === 'preambular') {
    paragraph = model.preambular[target.paragraph - 1];
    if (!paragraph) return `the draft has ${model.preambular.length} preambular paragraphs, not ${target.paragraph}`;
  } else {
    const candidates = queryOf(model).operativeCandidates(target.paragraph);
    if (candidates.length === 0) return `the draft has no operative paragraph ${target.paragraph}`;
    if (candidates.length > 1) return `${candidates.length} operative paragraphs of the draft carry the number ${target.paragraph}`;
    paragraph = candidates[0];
  }
  let node = tree.top.find((n) => n.block === paragraph);
  if (!node) return 'the paragraph named is not in the draft';
  for (const step of target.subs) {
    const child: Node | undefined = 'ordinal' in step ? node.children[step.ordinal - 1] : findChild(model, node, step.label);
    if (!child) return `the draft has no ${'ordinal' in step ? `subparagraph ${step.ordinal}` : `subparagraph ${step.label.includes('.') ? step.label : `(${step.label})`}`} there`;
    node = child;
  }
  return node;
}

function findChild(model: ResolutionDocument, node: Node, label: string): Node | undefined {
  const direct = node.children.find((c) => bareLabel((c.block as SubParagraph).label) === label);
  if (direct) return direct;
  // A decimal label names its own place at any depth ("operative paragraph 1.5.2").
  if (!label.includes('.') || node.parent) return undefined;
  const sub = queryOf(model).subparagraph(node.paragraph, label);
  if (!sub) return undefined;
  const pending = [...node.children];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.block === sub) return next;
    pending.push(...next.children);
  }
  return undefined;
}

/** Where a unit of the comparison engine starts: its clean text's first source offset. */
export function unitStart(block: Paragraph | SubParagraph): number | undefined {
  const runs = block.content.runs;
  return runs.length >= 3 ? runs[1] : undefined;
}
