// The checks of a draft under negotiation:
//   unres.bracketUnbalanced       "[" never closed, or "]" never opened (a bracket may span
//                                 paragraphs: "[" in OP2 closed in OP4 is one bracket)
//   unres.suffixWithoutParagraph  "7 bis" where the draft has no paragraph 7 ("PP9 bis", "(d) bis" alike)
//   unres.alternativeOutsideBrackets  "Alt:" or "Alt 1:" that no bracket holds
// A reference to an inserted paragraph ("paragraph 2 bis") is resolved through parser/query.ts
// and checked with the other references (unres.referenceMissing). Reads the negotiation marks the
// parser found (`model.negotiation`) and the structure of the query; linear in both.
import { CodeActionKind, Diagnostic, DiagnosticSeverity, type CodeAction, type Range } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import type { Paragraph, Span, SubParagraph } from '../parser/model';
import { endBeforeNegotiationMarks } from '../parser/negotiation';
import { paragraphName, placeName, queryOf } from '../parser/query';
import { overlaps } from '../text';

export const BRACKET_UNBALANCED = 'unres.bracketUnbalanced';
export const SUFFIX_WITHOUT_PARAGRAPH = 'unres.suffixWithoutParagraph';
export const ALTERNATIVE_OUTSIDE_BRACKETS = 'unres.alternativeOutsideBrackets';
/** Every code this module publishes. */
export const NEGOTIATION_CODES: readonly string[] = [BRACKET_UNBALANCED, SUFFIX_WITHOUT_PARAGRAPH, ALTERNATIVE_OUTSIDE_BRACKETS];

export function getNegotiationDiagnostics(document: ParsedDocument, token?: CancellationToken): Diagnostic[] {
  const { model } = document;
  const out: Diagnostic[] = [];
  const push = (code: string, span: Span, message: string) => out.push({ range: document.range(span), severity: DiagnosticSeverity.Warning, source: 'unres', code, message });
  const place = (offset: number) => {
    const { line, character } = document.range({ start: offset, end: offset }).start;
    return `line ${line + 1}, column ${character + 1}`;
  };

  const query = queryOf(model);
  for (const mark of model.negotiation.unbalanced) {
    const found = query.blockAt(mark.start);
    const where = `${found ? ` in ${placeName(found.paragraph, found.block)}` : ''} at ${place(mark.start)}`;
    const message = mark.mark === '['
      ? `Opening bracket${where} is never closed: no "]" closes it by the end of the text (a bracket may span paragraphs). Expected a "]" after the text it brackets.`
      : `Closing bracket${where} closes no bracket: no "[" before it is left open. Expected a "[" before the text it brackets, or no "]".`;
    push(BRACKET_UNBALANCED, mark, message);
  }
  if (token?.isCancellationRequested) return [];
  for (const stray of model.negotiation.strayAlternatives) {
    push(ALTERNATIVE_OUTSIDE_BRACKETS, stray, `An alternative stands outside brackets: expected "[${document.model.text.slice(stray.start, stray.end).replace(/\s+/g, ' ')}: …]", since an alternative is not agreed text.`);
  }
  if (token?.isCancellationRequested) return [];
  checkSuffixes(document, push);
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** "7 bis" names its place after paragraph 7: there must be one, and "(d) bis" needs a (d). */
function checkSuffixes(document: ParsedDocument, push: (code: string, span: Span, message: string) => void): void {
  const { model } = document;
  const query = queryOf(model);
  const structure = query.numbering;
  for (const paragraph of structure.inserted) {
    if (!paragraph.suffix || paragraph.number === undefined || structure.byNumber.has(paragraph.number)) continue;
    let lowest = Infinity;
    let highest = -Infinity;
    for (const n of structure.byNumber.keys()) {
      lowest = Math.min(lowest, n);
      highest = Math.max(highest, n);
    }
    const has = structure.byNumber.size ? `the operative paragraphs are numbered ${lowest} to ${highest}` : 'the draft has no numbered operative paragraph';
    push(SUFFIX_WITHOUT_PARAGRAPH, paragraph.numberSpan ?? paragraph.suffix, `Paragraph ${paragraph.number} ${paragraph.suffix.text} follows no paragraph ${paragraph.number} (${has}): expected the number of the paragraph it comes after.`);
  }
  const preambular = model.preambular.filter((p) => !p.suffix).length;
  for (const paragraph of model.preambular) {
    const name = paragraph.compilationName;
    if (!paragraph.suffix || !name || (name.number >= 1 && name.number <= preambular)) continue;
    push(SUFFIX_WITHOUT_PARAGRAPH, name, `PP${name.number} ${paragraph.suffix.text} follows no PP${name.number} (the preamble has ${preambular} paragraphs besides inserted ones): expected the number of the paragraph it comes after.`);
  }
  for (const paragraph of [...model.preambular, ...model.operative]) checkSubSuffixes(paragraph, push);
}

/** Each "(d) bis" among the sub-paragraphs of a paragraph, at any depth, after a "(d)" of its own list. */
function checkSubSuffixes(paragraph: Paragraph, push: (code: string, span: Span, message: string) => void): void {
  const lists: SubParagraph[][] = [paragraph.subparagraphs];
  while (lists.length > 0) {
    const list = lists.pop()!;
    const labels = new Set(list.filter((s) => !s.suffix).map((s) => s.label));
    for (const sub of list) {
      if (sub.suffix && !labels.has(sub.label)) {
        push(SUFFIX_WITHOUT_PARAGRAPH, { start: sub.labelSpan.start, end: sub.suffix.end }, `Sub-paragraph ${sub.label} ${sub.suffix.text} of ${paragraphName(paragraph)} follows no ${sub.label} in its list: expected the label of the sub-paragraph it comes after.`);
      }
      if (sub.subparagraphs.length > 0) lists.push(sub.subparagraphs);
    }
  }
}

/**
 * Quick fixes of a stray bracket: remove it, or close an opening one at the end of the text of
 * the paragraph (or sub-paragraph) it stands in, before the notes after that text. Never in
 * Fix all: only the drafter knows where the bracketed text ends.
 */
export function getNegotiationCodeActions(document: ParsedDocument, range: Range, diagnostics: Diagnostic[], token?: CancellationToken): CodeAction[] {
  const requested = diagnostics.filter((d) => d.code === BRACKET_UNBALANCED && (d.source === undefined || d.source === 'unres') && overlaps(d.range, range));
  if (requested.length === 0 || token?.isCancellationRequested) return [];
  const { model } = document;
  const byPlace = new Map(model.negotiation.unbalanced.map((mark) => [document.lines.offsetAt(document.range(mark).start), mark]));
  const query = queryOf(model);
  const actions: CodeAction[] = [];
  for (const diagnostic of requested) {
    const mark = byPlace.get(document.lines.offsetAt(diagnostic.range.start));
    if (!mark) continue;
    const change = (title: string, span: Span, newText: string) => {
      const edit = { changes: { [document.uri]: [{ range: document.range(span), newText }] } };
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
    };
    const found = mark.mark === '[' ? query.blockAt(mark.start) : undefined;
    if (found) {
      const { block, paragraph } = found;
      const textStart = Math.max(mark.end, block.segments[0]?.start ?? block.start);
      const own = model.text.slice(textStart, block.ownEnd);
      const at = textStart + own.slice(0, endBeforeNegotiationMarks(own.trimEnd())).trimEnd().length;
      if (at > mark.end) change(`Close the bracket at the end of ${placeName(paragraph, block)}`, { start: at, end: at }, ']');
    }
    change('Remove the stray bracket', mark, '');
  }
  return actions;
}
