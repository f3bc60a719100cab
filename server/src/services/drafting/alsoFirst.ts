// unres.alsoFirst: the first paragraph of its part opens with "also" or "further" ("Also
// requests" as the first operative paragraph, "Recalling also" as the first preambular one): the
// word adds to a paragraph of the same opening before it, and there is none.
//
// Only the first paragraph of each part: adopted texts do open with "Further encourages" or
// "Acknowledging also" with no "Encourages" or "Acknowledging" before (a paragraph dropped in
// negotiation), so "no plain form earlier" is not a rule the Assembly holds to; a first
// paragraph has nothing at all before it. "Once again", "again" and "Reiterates" repeat what
// the Assembly said in earlier resolutions and are not judged; nor is a trailing "further" in
// the operative part ("Encourages further efforts": the object's adjective), nor "Further to".
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Paragraph } from '../../parser/model';
import type { ParsedDocument } from '../../parsedDocument';
import type { OpeningVocabulary } from '../structure/openingPhrases';
import type { DraftingFinding } from './finding';

export const ALSO_FIRST = 'unres.alsoFirst';

export function checkAlsoFirst(document: ParsedDocument, vocabulary: OpeningVocabulary, out: DraftingFinding[]): void {
  const { model } = document;
  for (const paragraph of [model.preambular[0], model.operative[0]]) {
    if (paragraph?.opening) checkFirst(document, paragraph, vocabulary, out);
  }
}

function checkFirst(document: ParsedDocument, paragraph: Paragraph, vocabulary: OpeningVocabulary, out: DraftingFinding[]): void {
  const opening = paragraph.opening!;
  const heads = paragraph.kind === 'preambular' ? vocabulary.preambularWords : vocabulary.operativeWords;
  const source = document.model.text.slice(opening.start, opening.end);
  // "Also requests", "Further recalling": the adverb first, the head word after it.
  const before = /^(Also|Further)(\s+)(\p{Ll})(\p{L}*)/u.exec(source);
  // "Recalling also", "Requests also", "Expressing also its appreciation".
  const after = /^(\p{Lu}\p{L}*)(\s+)(also|further)(?![\p{L}])/u.exec(source);
  let adverb: string;
  let head: string;
  let edit: { start: number; end: number; newText: string };
  if (before) {
    adverb = before[1];
    head = before[3] + before[4];
    edit = { start: opening.start, end: opening.start + before[1].length + before[2].length + 1, newText: before[3].toUpperCase() };
  } else if (after) {
    if (paragraph.kind === 'operative' && after[3] === 'further') return;
    adverb = after[3];
    head = after[1];
    edit = { start: opening.start + after[1].length, end: opening.start + after[0].length, newText: '' };
  } else return;
  if (!heads.has(head.toLowerCase())) return;
  const part = paragraph.kind === 'preambular' ? 'preambular' : 'operative';
  const plain = before ? before[3].toUpperCase() + before[4] : head;
  const span = before ? { start: opening.start, end: opening.start + adverb.length } : { start: edit.start + after![2].length, end: edit.end };
  out.push({
    code: ALSO_FIRST,
    severity: DiagnosticSeverity.Warning,
    span,
    message: `"${adverb}" in the first ${part} paragraph adds to nothing: no paragraph before it opens with "${plain}"; expected "${plain}".`,
    fix: { title: `Change to "${plain}"`, ...edit, fixAll: false },
  });
}
