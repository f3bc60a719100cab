// Document links: every cited symbol opens its official text on undocs.org.
import type { DocumentLink } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import { citationKey, displaySymbol, undocsUrl } from '../corpus/symbols';

export function getDocumentLinks(document: ParsedDocument, token?: CancellationToken): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const citation of document.model.citations) {
    if (token?.isCancellationRequested) return [];
    const key = citationKey(citation);
    if (!key) continue;
    links.push({ range: document.range(citation), target: undocsUrl(key), tooltip: `Open ${displaySymbol(key)} on undocs.org` });
  }
  return links;
}
