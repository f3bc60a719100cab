// "PP3" beside each preambular paragraph: preambular paragraphs carry no number in the text,
// but negotiators refer to them by one.
import { InlayHint, Range } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import { paragraphName } from '../parser/query';

export function getInlayHints(document: ParsedDocument, range: Range, token?: CancellationToken): InlayHint[] {
  const from = document.lines.offsetAt(range.start);
  const to = document.lines.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const paragraph of document.model.preambular) {
    if (token?.isCancellationRequested) return [];
    if (paragraph.start < from || paragraph.start > to) continue;
    hints.push({
      position: document.lines.positionAt(paragraph.start),
      label: paragraphName(paragraph),
      paddingRight: true,
      tooltip: `Preambular paragraph ${paragraph.index}${paragraph.suffix ? ` ${paragraph.suffix.text}, inserted after ${paragraph.index}` : ''}`,
    });
  }
  return hints;
}
