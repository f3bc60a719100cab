// `unres amendments OLD NEW`: the amendments that make NEW of OLD, numbered, as the UN issues them
// (`--oral`: as an oral revision); `unres apply-amendments DRAFT AMENDMENTS`: DRAFT with the
// amendments made, on stdout. Amendments that do not match the draft are reported on stderr as
// AMENDMENTS:line:column: message, each of them, and then nothing is applied (exit status 1).
// The engine is server/src/amendments/.
import { applyAmendments } from '../amendments/apply';
import { parseAmendments, printAmendments, type AmendmentProblem } from '../amendments/instructions';
import { writeAmendments } from '../amendments/write';
import type { CliOptions } from './args';
import type { Io } from './cli';
import { parseDraft } from './compare';
import { readDraftArgument } from './files';

export async function runAmendments(options: CliOptions, io: Io): Promise<number> {
  const oldDraft = await readDraftArgument(options.args[0]);
  const newDraft = await readDraftArgument(options.args[1]);
  const written = writeAmendments(parseDraft(oldDraft).model, parseDraft(newDraft).model);
  for (const warning of written.warnings) io.stderr(`unres: warning: ${oldDraft.name}: ${warning}\n`);
  io.stdout(written.instructions.length ? printAmendments(written.instructions, options.oral) : `No amendments: the paragraphs of ${newDraft.name} read as those of ${oldDraft.name}.\n`);
  return 0;
}

export async function runApplyAmendments(options: CliOptions, io: Io): Promise<number> {
  const draft = await readDraftArgument(options.args[0]);
  const amendments = await readDraftArgument(options.args[1]);
  const report = (problems: AmendmentProblem[]) => {
    for (const p of problems) io.stderr(`${amendments.name}:${p.line}:${p.column}: ${p.message}\n`);
    io.stderr(`unres: ${problems.length} amendment${problems.length === 1 ? '' : 's'} could not be applied; nothing was applied\n`);
    return 1;
  };
  const read = parseAmendments(amendments.text);
  if (read.problems.length) return report(read.problems);
  if (read.instructions.length === 0) {
    io.stderr(`unres: ${amendments.name}: no amendment found (expected e.g. "In operative paragraph 2, replace the words “…” with the words “…”")\n`);
    return 1;
  }
  const applied = applyAmendments(parseDraft(draft).model, read.instructions);
  if ('problems' in applied) return report(applied.problems);
  io.stdout(applied.text);
  return 0;
}
