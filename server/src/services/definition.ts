// Go to definition: from a citation to the corpus text of the symbol (its own text first, then
// the draft it was adopted from), from a paragraph reference to that paragraph (in the draft or
// in the cited resolution's corpus text), from a footnote marker to the footnote.
import type { LocationLink, Position } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import { citationKey } from '../corpus/symbols';
import type { KnowledgeBaseView } from '../corpus/types';
import type { Span } from '../parser/model';
import { citationAt, citationSpan, footnoteFor, markerAt, referenceAt, resolveReference, symbolOf, textsOf, uriKey, type Block } from './lookup';

export function getDefinition(document: ParsedDocument, position: Position, kb: KnowledgeBaseView, token?: CancellationToken): LocationLink[] | null {
  if (token?.isCancellationRequested) return null;
  const { model } = document;
  const offset = document.lines.offsetAt(position);

  const reference = referenceAt(model, offset);
  if (reference) {
    const resolved = resolveReference(document, reference, kb);
    const source = resolved.source;
    const links: LocationLink[] = [];
    if (source) {
      for (const target of resolved.targets) {
        if (!target.block) continue;
        links.push(link(document, reference, source.document, target.block, selectionOf(target.block)));
      }
    }
    if (links.length > 0) return links;
  }

  const citation = citationAt(model, offset);
  if (citation) {
    const key = citationKey(citation);
    if (!key) return null;
    const { entry } = symbolOf(key, kb);
    const links = textsOf(entry).map(({ document: corpus }) => {
      // A corpus text open in the editor is read as it stands there, not as it was loaded.
      const target = uriKey(corpus.uri) === uriKey(document.uri) ? document : corpus.parsed;
      const title = target.model.header?.fields.find((field) => field.kind === 'title');
      const first = target.model.preambular[0] ?? target.model.operative[0];
      const span: Span = title ?? first ?? { start: 0, end: 0 };
      const selection: Span = title ?? (first ? selectionOf(first) : span);
      return link(document, citationSpan(citation), target, span, selection);
    });
    return links.length > 0 ? links : null;
  }

  const marker = markerAt(model, offset);
  if (marker) {
    const footnote = footnoteFor(model, marker);
    return footnote ? [link(document, marker, document, footnote, footnote.labelSpan)] : null;
  }
  return null;
}

/** The part of a paragraph to select: its number or label, else its opening phrase. */
function selectionOf(block: Block): Span {
  if ('labelSpan' in block) return block.labelSpan;
  return block.numberSpan ?? block.opening ?? { start: block.start, end: block.start };
}

function link(origin: ParsedDocument, originSpan: Span, target: ParsedDocument, span: Span, selection: Span): LocationLink {
  return {
    originSelectionRange: origin.range(originSpan),
    targetUri: target.uri,
    targetRange: target.range(span),
    targetSelectionRange: target.range(selection),
  };
}
