// Folding: the header, the preamble, the operative part, each paragraph with its
// sub-paragraphs, and footnote blocks.
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import type { Span, SubParagraph } from '../parser/model';

export function getFoldingRanges(document: ParsedDocument, token?: CancellationToken): FoldingRange[] {
  const { model } = document;
  const ranges: FoldingRange[] = [];
  const add = (span: Span | undefined, kind?: FoldingRangeKind) => {
    if (!span) return;
    const startLine = document.lineOf(span.start);
    const endLine = document.lineOf(span.end);
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  add(model.header, FoldingRangeKind.Imports);
  add(model.preamble, FoldingRangeKind.Region);
  add(model.operativePart, FoldingRangeKind.Region);
  // Each sub-paragraph before the ones below it, in text order; a stack, since the labels decide the depth.
  const addSubs = (subs: SubParagraph[]) => {
    const pending: SubParagraph[] = [];
    for (let i = subs.length - 1; i >= 0; i--) pending.push(subs[i]);
    while (pending.length > 0) {
      const sub = pending.pop()!;
      add(sub);
      for (let i = sub.subparagraphs.length - 1; i >= 0; i--) pending.push(sub.subparagraphs[i]);
    }
  };
  for (const paragraph of [...model.preambular, ...model.operative]) {
    if (token?.isCancellationRequested) return [];
    add(paragraph);
    addSubs(paragraph.subparagraphs);
  }
  for (const block of model.footnoteBlocks) add(block, FoldingRangeKind.Comment);
  return ranges;
}
