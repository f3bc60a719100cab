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
  const addSubs = (subs: SubParagraph[]) => {
    for (const sub of subs) {
      add(sub);
      addSubs(sub.subparagraphs);
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
