// `unres compare OLD NEW`: what changed between two versions of a draft, paragraph by paragraph,
// as text, Markdown or a self-contained HTML page (the comparison engine in server/src/compare/).
// The versions are named as given on the command line, with their own symbol when the header
// has one. Exit status 0 whatever the differences; 2 when a file cannot be read.
import { compareDocuments } from '../compare/compare';
import { renderComparison, type ComparisonFormat } from '../compare/render';
import { ParsedDocument } from '../parsedDocument';
import type { CliOptions } from './args';
import type { Io } from './cli';
import { readDraft, type Draft } from './files';

export async function runCompare(options: CliOptions, io: Io): Promise<number> {
  const [oldDraft, newDraft] = [await readDraft(options.args[0]), await readDraft(options.args[1])];
  const oldDoc = parse(oldDraft);
  const newDoc = parse(newDraft);
  const comparison = compareDocuments(oldDoc.model, newDoc.model);
  const format = (options.format ?? 'text') as ComparisonFormat;
  io.stdout(renderComparison(comparison, format, { old: title(oldDraft, oldDoc), new: title(newDraft, newDoc) }));
  return 0;
}

function parse(draft: Draft): ParsedDocument {
  return ParsedDocument.parse({ uri: draft.uri, version: 0, getText: () => draft.text });
}

/** "drafts/L.27.txt (A/C.1/73/L.27)", or the path alone. */
function title(draft: Draft, document: ParsedDocument): string {
  const symbol = document.model.header?.fields.find((field) => field.kind === 'symbol')?.value.trim();
  return symbol ? `${draft.name} (${symbol})` : draft.name;
}
