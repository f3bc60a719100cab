// Synthetic amended versions of real texts, for the round trip of amendments: a seeded generator of
// the edits negotiators make (words inserted, deleted or replaced; paragraphs and sub-paragraphs
// inserted, deleted or moved) on a real draft, giving the amended version as plain text: the header
// as the draft has it, then a paragraph per line with its number or label, blank lines between
// paragraphs. The draft itself stays raw (PDF text with furniture and markers); only the amended
// version is written clean, as a delegation would type it.
import { compareDocuments } from '../../../server/src/compare/compare';
import type { ResolutionDocument, SubParagraph } from '../../../server/src/parser/model';
import { parseResolution } from '../../../server/src/parser/parse';
import { mulberry32 } from '../../helpers';

interface Sub {
  label: string;
  text: string;
  subs: Sub[];
}

interface Para {
  kind: 'preambular' | 'operative';
  text: string;
  subs: Sub[];
  /** Holds a footnote marker in the draft: never deleted or moved (see `syntheticEdit`). */
  marked?: boolean;
}

function subsOf(list: SubParagraph[]): Sub[] {
  // Deep lists are rare; a stack keeps the walk flat.
  const out: Sub[] = list.map((s) => ({ label: s.label, text: s.content.text, subs: [] }));
  const pending: { from: SubParagraph; to: Sub }[] = list.map((s, k) => ({ from: s, to: out[k] }));
  while (pending.length > 0) {
    const { from, to } = pending.pop()!;
    to.subs = from.subparagraphs.map((s) => ({ label: s.label, text: s.content.text, subs: [] }));
    from.subparagraphs.forEach((s, k) => pending.push({ from: s, to: to.subs[k] }));
  }
  return out;
}

const ALPHA = 'abcdefghijklmnopqrstuvwxyz';

function render(header: string, paragraphs: Para[]): string {
  const lines: string[] = [];
  let n = 0;
  const addSubs = (subs: Sub[], depth: number) => {
    subs.forEach((s, k) => {
      // A lettered list is lettered again in order; other labels stay as written.
      const lettered = depth === 0 && /^\([a-z]+\)$/.test(s.label) && !/^\([ivx]+\)$/.test(s.label);
      const label = lettered ? `(${ALPHA[k % 26].repeat(Math.floor(k / 26) + 1)})` : s.label;
      lines.push(label ? `${label} ${s.text}` : s.text);
      addSubs(s.subs, depth + 1);
    });
  };
  for (const p of paragraphs) {
    lines.push(p.kind === 'operative' ? `${++n}. ${p.text}` : p.text);
    addSubs(p.subs, 0);
  }
  return `${header}\n\n${lines.join('\n\n')}\n`;
}

export interface SyntheticEdit {
  /** The amended version as plain text. */
  text: string;
  /** What was done, for a failing test's message. */
  done: string[];
}

const wordsIn = (text: string) => text.split(' ');

/**
 * `count` random edits of a draft. Words are taken from the draft itself and never touch a
 * paragraph's opening word (which tells the parser what the paragraph is) or its final mark.
 * Two edits are left out because the amended draft would rightly differ from this clean version:
 * a paragraph that holds a footnote marker is never deleted or moved (the marker would go, and
 * in PDF text the parser reads the other markers from the footnotes around them), and a text that
 * refers to its own operative paragraphs ("paragraph 2 above") keeps their order (applying
 * amendments moves such references with the renumbering, which this version does not do; that is
 * tested on its own).
 */
export function syntheticEdit(draft: string, seed: number, count: number): SyntheticEdit {
  const model: ResolutionDocument = parseResolution(draft);
  const next = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const header = model.organ ? draft.slice(0, model.organ.end) : 'The General Assembly,';
  const paragraphs: Para[] = [...model.preambular, ...model.operative]
    .sort((a, b) => a.start - b.start)
    .map((p): Para => ({ kind: p.kind, text: p.content.text, subs: subsOf(p.subparagraphs), marked: model.markers.some((m) => m.start >= p.start && m.start < p.end) }));
  const selfReferences = model.references.some((r) => r.scope.kind === 'self');
  const fixedOrder = (kind: Para['kind']) => kind === 'operative' && selfReferences;
  const vocabulary = paragraphs.flatMap((p) => wordsIn(p.text)).filter((w) => /^[a-z]{3,}$/.test(w));
  const done: string[] = [];
  const texts = (): { get: () => string; set: (t: string) => void; name: string }[] =>
    paragraphs.flatMap((p, i) => [
      { get: () => p.text, set: (t: string) => (p.text = t), name: `paragraph ${i + 1}` },
      ...p.subs.map((s, k) => ({ get: () => s.text, set: (t: string) => (s.text = t), name: `paragraph ${i + 1} sub ${k + 1}` })),
    ]);
  for (let e = 0; e < count && paragraphs.length > 2 && vocabulary.length > 0; e++) {
    const kind = pick(['insertWords', 'insertWords', 'deleteWords', 'replaceWords', 'replaceWords', 'insertParagraph', 'deleteParagraph', 'moveParagraph', 'insertSub', 'deleteSub']);
    const someWords = () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(vocabulary)).join(' ');
    if (kind === 'insertWords' || kind === 'deleteWords' || kind === 'replaceWords') {
      const place = pick(texts());
      const words = wordsIn(place.get());
      if (words.length < 4) continue;
      // Between the opening word and the last word.
      const at = 1 + Math.floor(next() * (words.length - 2));
      if (kind === 'insertWords') words.splice(at, 0, someWords());
      else if (kind === 'deleteWords') words.splice(at, Math.min(1 + Math.floor(next() * 3), words.length - 1 - at));
      else words.splice(at, 1, someWords());
      if (words.length < 2) continue;
      place.set(words.join(' '));
      done.push(`${kind} in ${place.name}`);
    } else if (kind === 'insertParagraph') {
      const like = pick(paragraphs);
      const words = wordsIn(like.text);
      words.splice(1 + Math.floor(next() * Math.max(1, words.length - 2)), 0, someWords());
      const at = paragraphs.indexOf(like) + (next() < 0.5 ? 0 : 1);
      // Kept in its part: a preambular paragraph among preambular ones.
      const neighbours = [paragraphs[at - 1], paragraphs[at]].filter(Boolean).map((p) => p.kind);
      if (!neighbours.includes(like.kind) || fixedOrder(like.kind)) continue;
      paragraphs.splice(at, 0, { kind: like.kind, text: words.join(' '), subs: [] });
      done.push(`insertParagraph at ${at + 1}`);
    } else if (kind === 'deleteParagraph') {
      const i = Math.floor(next() * paragraphs.length);
      if (paragraphs.filter((p) => p.kind === paragraphs[i].kind).length < 2 || paragraphs[i].marked || fixedOrder(paragraphs[i].kind)) continue;
      paragraphs.splice(i, 1);
      done.push(`deleteParagraph ${i + 1}`);
    } else if (kind === 'moveParagraph') {
      const i = Math.floor(next() * paragraphs.length);
      const same = paragraphs.map((p, k) => (p.kind === paragraphs[i].kind && k !== i ? k : -1)).filter((k) => k >= 0);
      if (same.length === 0 || paragraphs[i].marked || fixedOrder(paragraphs[i].kind)) continue;
      const to = pick(same);
      const [moved] = paragraphs.splice(i, 1);
      paragraphs.splice(to, 0, moved);
      done.push(`moveParagraph ${i + 1} -> ${to + 1}`);
    } else {
      const withSubs = paragraphs.filter((p) => p.subs.length > 1 && p.subs.every((s) => /^\([a-z]\)$/.test(s.label)));
      if (withSubs.length === 0) continue;
      const p = pick(withSubs);
      const k = Math.floor(next() * p.subs.length);
      if (kind === 'deleteSub') p.subs.splice(k, 1);
      else p.subs.splice(k + 1, 0, { label: '(z)', text: `${someWords()} ${pick(vocabulary)};`, subs: [] });
      done.push(`${kind} in paragraph ${paragraphs.indexOf(p) + 1} at ${k + 1}`);
    }
  }
  return { text: render(header, paragraphs), done };
}

/**
 * Whether two texts say the same in their paragraphs: the comparison engine finds every
 * preambular paragraph, operative paragraph and sub-paragraph of one unchanged in the other, in
 * the same order. That is: the same words with their case and punctuation, whatever the layout
 * (line breaks, page furniture, running headers), the footnote markers, the numbers and labels
 * (renumbering is not rewording), quote and dash styles, and the final , ; : or . of a paragraph
 * (its place decides it). Footnotes and the header are not compared. Returns the differences, as
 * "kind OLD -> NEW" lines: none when the wording is the same.
 */
export function wordingDifferences(a: string, b: string): string[] {
  const comparison = compareDocuments(parseResolution(a), parseResolution(b));
  return comparison.changes
    .filter((c) => c.kind !== 'unchanged' && [...c.old, ...c.new].every((u) => u.kind !== 'footnote'))
    .map((c) => `${c.kind} ${c.old.map((u) => `${u.label} “${u.text}”`).join('+') || '-'} -> ${c.new.map((u) => `${u.label} “${u.text}”`).join('+') || '-'}`);
}
