// The custom requests behind "Write Amendments Against…" and "Apply Amendments…" of the VS Code
// extension:
//   unres/amendments       two versions -> the amendments that make the new one of the old, as
//                          the UN writes them (or as an oral revision);
//   unres/applyAmendments  a draft and amendments -> the amended draft, or every amendment that
//                          does not match it (and nothing applied).
// The engine is server/src/amendments; the versions are found as for unres/compare (an open
// document, text the client sends, or a corpus text). Like every service it imports LSP types
// only, never a connection.
import { applyAmendments } from '../amendments/apply';
import { parseAmendments, printAmendments } from '../amendments/instructions';
import { writeAmendments } from '../amendments/write';
import { checkInput } from '../inputGuard';
import type { CancellationToken } from '../parsedDocument';
import type { AmendmentsParams, AmendmentsResult, ApplyAmendmentsParams, ApplyAmendmentsResult, CompareError } from '../protocol';
import { fileName } from '../text';
import { corpusReady, needsCorpus, resolveSide, resolveVersions, type CompareContext } from './compareRequest';

export async function amendmentsRequest(params: AmendmentsParams, context: CompareContext, token?: CancellationToken): Promise<AmendmentsResult | CompareError> {
  if (!params || typeof params !== 'object') return { error: 'Amendments need two versions: { old, new }.' };
  const versions = await resolveVersions(params, context);
  if ('error' in versions) return versions;
  const { oldVersion, newVersion } = versions;
  if (token?.isCancellationRequested) return { error: 'Writing the amendments was cancelled.' };
  const written = writeAmendments(oldVersion.parsed.model, newVersion.parsed.model);
  const text = written.instructions.length
    ? printAmendments(written.instructions, params.oral === true)
    : `No amendments: the paragraphs of ${newVersion.title} read as those of ${oldVersion.title}.\n`;
  return { text, count: written.instructions.length, oldTitle: oldVersion.title, newTitle: newVersion.title, warnings: written.warnings };
}

export async function applyAmendmentsRequest(params: ApplyAmendmentsParams, context: CompareContext, token?: CancellationToken): Promise<ApplyAmendmentsResult | CompareError> {
  if (!params || typeof params !== 'object' || !params.amendments || typeof params.amendments !== 'object') return { error: 'Applying amendments needs { draft, amendments }.' };
  if (needsCorpus(params.draft, context)) await corpusReady(context);
  const draft = resolveSide(params.draft, context, context.corpus.current, 'draft');
  if ('error' in draft) return draft;
  const { uri } = params.amendments;
  const open = typeof uri === 'string' ? context.documents.get(uri) : undefined;
  const text = open?.getText() ?? (typeof params.amendments.text === 'string' ? params.amendments.text : undefined);
  const name = typeof uri === 'string' ? fileName(uri) : 'the amendments';
  if (text === undefined) return { error: `${name} is not open and no text came with it.` };
  const problem = checkInput(text);
  if (problem) return { error: `${name}: ${problem.message}` };
  if (token?.isCancellationRequested) return { error: 'Applying the amendments was cancelled.' };
  const read = parseAmendments(text);
  if (read.problems.length) return { problems: read.problems, title: draft.title };
  if (read.instructions.length === 0) return { error: `${name} holds no amendment (expected e.g. "In operative paragraph 2, replace the words “…” with the words “…”").` };
  const applied = applyAmendments(draft.parsed.model, read.instructions);
  if ('problems' in applied) return { problems: applied.problems, title: draft.title };
  return { text: applied.text, applied: applied.applied, edits: applied.edits, title: draft.title };
}
