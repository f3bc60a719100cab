// Find references: every citation of the same knowledge-base key in the open documents (from
// their models) and in the corpus (the knowledge base's citation sites, which carry their ranges:
// a symbol cited by thousands of texts parses none of them). An open document that is also a
// corpus text counts once, in its open (possibly edited) version.
import type { Location, Position, Range } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import { citationKey } from '../corpus/symbols';
import type { KnowledgeBaseView } from '../corpus/types';
import { citationAt, referenceAt, resolveReference, symbolOf, textsOf, uriKey } from './lookup';

export function findCitationReferences(
  document: ParsedDocument,
  position: Position,
  kb: KnowledgeBaseView,
  openDocuments: readonly ParsedDocument[],
  includeDeclaration: boolean,
  token?: CancellationToken,
): Location[] {
  if (token?.isCancellationRequested) return [];
  const offset = document.lines.offsetAt(position);
  const citation = citationAt(document.model, offset);
  let key = citation ? citationKey(citation)?.key : undefined;
  if (!key) {
    const reference = referenceAt(document.model, offset);
    if (reference && reference.scope.kind !== 'self') key = resolveReference(document, reference, kb).symbol?.key;
  }
  if (!key) return [];

  const locations: Location[] = [];
  const seen = new Set<string>();
  const add = (uri: string, start: number, end: number, range: () => Range) => {
    const id = `${uriKey(uri)}#${start}:${end}`;
    if (seen.has(id)) return;
    seen.add(id);
    locations.push({ uri, range: range() });
  };

  const open = new Map<string, ParsedDocument>();
  for (const doc of [document, ...openDocuments]) if (!open.has(uriKey(doc.uri))) open.set(uriKey(doc.uri), doc);

  const { entry } = symbolOf({ key, kind: 'resolution' }, kb);
  if (includeDeclaration) {
    for (const { document: corpus } of textsOf(entry)) {
      const parsed = open.get(uriKey(corpus.uri)) ?? corpus.parsed();
      if (!parsed) continue;
      const title = parsed.model.header?.fields.find((field) => field.kind === 'title');
      const span = title ?? parsed.model.preambular[0] ?? parsed.model.operative[0] ?? { start: 0, end: 0 };
      add(corpus.uri, span.start, span.end, () => parsed.range(span));
    }
  }

  for (const doc of open.values()) {
    if (token?.isCancellationRequested) return [];
    for (const other of doc.model.citations) {
      if (citationKey(other)?.key === key) add(doc.uri, other.start, other.end, () => doc.range(other));
    }
  }

  for (const site of entry?.citedBy ?? []) {
    if (open.has(uriKey(site.uri))) continue;
    if (!kb.document(site.uri)) continue;
    add(site.uri, site.start, site.end, () => ({ start: { line: site.line, character: site.character }, end: { line: site.endLine, character: site.endCharacter } }));
  }
  return locations;
}
