// The checks of a draft under negotiation:
//   unres.bracketUnbalanced       "[" never closed, or "]" never opened
//   unres.suffixWithoutParagraph  "7 bis" where the draft has no paragraph 7 ("PP9 bis", "(d) bis" alike)
//   unres.alternativeOutsideBrackets  "Alt:" or "Alt 1:" that no bracket holds
// A reference to an inserted paragraph ("paragraph 2 bis") is resolved through parser/query.ts
// and checked with the other references (unres.referenceMissing). Reads the negotiation marks the
// parser found (`model.negotiation`) and the structure of the query; linear in both.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import type { Paragraph, Span, SubParagraph } from '../parser/model';
import { paragraphName, queryOf } from '../parser/query';

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

  for (const mark of model.negotiation.unbalanced) {
    const message = mark.mark === '['
      ? `Opening bracket at ${place(mark.start)} is never closed: expected a "]" after the text it brackets.`
      : `Closing bracket at ${place(mark.start)} closes no bracket: expected a "[" before it, or no "]".`;
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
