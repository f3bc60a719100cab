// "Compare with the adopted text": a code lens on the symbol of a draft whose adoption the
// knowledge base knows (from a catalogue: a UN Digital Library record's 993 field, a CSV's
// "adopted as" column) and whose resolution's own text is in the corpus. It stands on the
// document's own symbol in its header, and on each draft the document cites. Its command is
// the client's "Compare with Corpus Resolution…" with the two versions given, so the
// comparison runs through the same request and view as every other.
import type { CodeLens } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import { citationKey, displaySymbol, normalizeSymbol } from '../corpus/symbols';
import type { CorpusDocument, KnowledgeBaseView } from '../corpus/types';
import type { Span } from '../parser/model';
import { COMPARE_WITH_CORPUS_COMMAND, type CompareWithCorpusArguments } from '../protocol';
import { uriKey } from './lookup';

export function getAdoptedTextLenses(document: ParsedDocument, kb: KnowledgeBaseView, token?: CancellationToken): CodeLens[] {
  const lenses: CodeLens[] = [];
  const seen = new Set<string>();
  const offer = (key: string | undefined, span: Span) => {
    if (!key || seen.has(key)) return;
    seen.add(key);
    const draft = kb.lookup(key);
    if (!draft?.adoptedAs || draft.kind !== 'document') return;
    const text = adoptedText(draft.adoptedAs, kb, document.uri);
    if (!text) return;
    const resolution = displaySymbol({ key: draft.adoptedAs, kind: 'resolution' });
    const args: CompareWithCorpusArguments = { document: document.uri, with: text.uri };
    lenses.push({
      range: document.range(span),
      command: { title: `Compare with the adopted text (${resolution})`, command: COMPARE_WITH_CORPUS_COMMAND, arguments: [args] },
    });
  };
  const own = document.model.header?.fields.find((field) => field.kind === 'symbol');
  if (own) offer(normalizeSymbol(own.value.trim())?.key, own);
  for (const citation of document.model.citations) {
    if (token?.isCancellationRequested) return [];
    if (citation.kind === 'document') offer(citationKey(citation)?.key, citation);
  }
  return lenses;
}

/** The resolution's own text in the corpus (not a draft adopted as it), unless it is the document itself. */
function adoptedText(resolution: string, kb: KnowledgeBaseView, uri: string): CorpusDocument | undefined {
  const here = uriKey(uri);
  return kb.lookup(resolution)?.texts.find((text) => text.symbol === resolution && uriKey(text.uri) !== here);
}
