// Shared by the lookup service tests (hover, definition, references, links, completion): the
// knowledge base built from the seeds and their manifest, seeds parsed under their corpus URIs, cursors.
import * as assert from 'assert';
import { loadCorpus, type LoadedCorpus } from '../../../server/src/corpus/corpusLoader';
import { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { memoryDocument } from '../../../server/src/corpus/compactDocument';
import type { CatalogueRow, LoadedDocument } from '../../../server/src/corpus/types';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { readSeed, SEEDS, seedCorpusDir, seedCorpusUri, withCursors } from '../../helpers';

let shipped: Promise<KnowledgeBase> | undefined;

/** The knowledge base of the seeds and their manifest (seedCorpusDir), built once for all suites. */
export function seedKnowledgeBase(): Promise<KnowledgeBase> {
  shipped ??= loadCorpus({ shippedDir: seedCorpusDir(), folders: [], catalogues: [] }).then((loaded) => KnowledgeBase.build(loaded));
  return shipped;
}

export const seedUri = (index: number) => seedCorpusUri(SEEDS[index].file);

/** Seed N parsed under its corpus URI, as when the user opens it from the corpus folder. */
export function parseSeed(index: number, uri = seedUri(index)): ParsedDocument {
  const text = readSeed(SEEDS[index].file);
  return ParsedDocument.parse({ uri, version: 1, getText: () => text });
}

export function parseText(text: string, uri = 'file:///drafts/draft.unres'): ParsedDocument {
  return ParsedDocument.parse({ uri, version: 1, getText: () => text });
}

/** The position of the `|` in `marked`, found in the document's text by the text around it. */
export function cursorAt(document: ParsedDocument, marked: string) {
  const { text: needle, cursors } = withCursors(marked);
  assert.strictEqual(cursors.length, 1, `one | in ${JSON.stringify(marked)}`);
  const at = document.model.text.indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} is in ${document.uri}`);
  return document.lines.positionAt(at + cursors[0]);
}

/** A corpus text assembled in the test, loaded as the loader loads a file (held in memory). */
export function corpusText(parsed: ParsedDocument, names: { symbol?: string; adoptedAs?: string; shipped?: boolean } = {}): LoadedDocument {
  return memoryDocument(parsed, names);
}

/** A knowledge base from rows and texts assembled in the test. */
export function knowledgeBaseOf(rows: { uri: string; row: CatalogueRow }[], documents: LoadedDocument[] = []): KnowledgeBase {
  const corpus: LoadedCorpus = { documents, rows, problems: [] };
  return KnowledgeBase.build(corpus);
}

/** Markdown with its backslash escapes removed: the text a reader sees. */
export function plain(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
