// The `unres` command line on the language service: check, outline, lookup, compare,
// amendments, apply-amendments.
// Exit status: 0 success; 1 `check` found an error-level problem, `lookup` found no such
// symbol, or `apply-amendments` found an instruction that does not match the draft; 2 a file could not be read (missing, unreadable, a folder, binary, too large) or the
// command line is wrong. Corpus problems are warnings on stderr and change nothing.
import { ArgumentError, parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { checkDraft, formatJson, formatSarif, formatText, hasErrors, type FileResult } from './check';
import { runAmendments, runApplyAmendments } from './amendments';
import { runCompare } from './compare';
import { checkCorpusOptions, loadKnowledge, packageInfo } from './corpus';
import { FileNames, InputError, readDraftArgument } from './files';
import { formatLookup, lookupEntries, lookupQueries } from './lookup';
import { formatOutline } from './outline';
import type { ProgressStream } from './progress';
import { createLanguageService } from '../languageService';
import { resolveCode, RULES } from '../services/rules';
import { anotherBody, displaySymbol, sessionOf, undocsUrl } from '../corpus/symbols';
import { ordinalWord } from '../parser/vocabulary';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The stream behind `stderr`, for the progress line of a corpus load when it is a terminal. */
  terminal?: ProgressStream;
}

export const EXIT_OK = 0;
export const EXIT_FOUND = 1;
export const EXIT_TROUBLE = 2;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`unres: ${error.message}\n\n${USAGE}`);
    return EXIT_TROUBLE;
  }
  if (options.help) {
    io.stdout(options.command === 'check' ? `${USAGE}\n${checkList()}` : USAGE);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout(`unres ${packageInfo().version}\n`);
    return EXIT_OK;
  }
  try {
    switch (options.command) {
      case 'check':
        return await check(options, io);
      case 'outline':
        return await outline(options, io);
      case 'lookup':
        return await lookup(options, io);
      case 'compare':
        return await runCompare(options, io);
      case 'amendments':
        return await runAmendments(options, io);
      case 'apply-amendments':
        return await runApplyAmendments(options, io);
      default:
        io.stderr(`unres: no command given\n\n${USAGE}`);
        return EXIT_TROUBLE;
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof ArgumentError) {
      io.stderr(`unres: ${error.message}\n`);
      return EXIT_TROUBLE;
    }
    if (error instanceof UsageError) {
      io.stderr(`unres: ${error.message}\n\n${USAGE}`);
      return EXIT_TROUBLE;
    }
    throw error;
  }
}

function warn(io: Io, warnings: string[]): void {
  for (const warning of warnings) io.stderr(`unres: warning: ${warning}\n`);
}

async function check(options: CliOptions, io: Io): Promise<number> {
  const severities: Record<string, string> = {};
  for (const { code, level } of options.severities) {
    const known = resolveCode(code);
    if (!known) throw new ArgumentError(`--severity: unknown check "${code}" (unres check --help lists them)`);
    severities[known] = level;
  }
  checkCorpusOptions(options);
  const names = new FileNames();
  const knowledge = await loadKnowledge(options, names, true, io.terminal);
  warn(io, knowledge.warnings);
  const service = createLanguageService({ knowledge, settings: { severities: () => severities } });
  const results: FileResult[] = [];
  let unreadable = false;
  for (const file of options.args) {
    try {
      const draft = await readDraftArgument(file);
      names.remember(draft);
      results.push(await checkDraft(draft, { service, kb: knowledge.kb, names }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stderr(`unres: ${error.message}\n`);
      unreadable = true;
      results.push({ file, problems: [], error: error.message });
    }
  }
  const format = options.format ?? 'text';
  io.stdout(format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, packageInfo()) : formatText(results));
  if (unreadable) return EXIT_TROUBLE;
  return hasErrors(results) ? EXIT_FOUND : EXIT_OK;
}

async function outline(options: CliOptions, io: Io): Promise<number> {
  const draft = await readDraftArgument(options.args[0]);
  io.stdout(formatOutline(draft));
  return EXIT_OK;
}

async function lookup(options: CliOptions, io: Io): Promise<number> {
  const queries = lookupQueries(options.args);
  const invalid = queries.find((query) => !query.symbol);
  if (invalid) {
    throw new ArgumentError(`"${invalid.text}" is not a symbol (expected e.g. 73/266, A/RES/73/266, 217 A (III), decision 72/512 or A/C.1/73/L.27/Rev.1)`);
  }
  checkCorpusOptions(options);
  const names = new FileNames();
  const knowledge = await loadKnowledge(options, names, false, io.terminal);
  warn(io, knowledge.warnings);
  const found: string[] = [];
  let status = EXIT_OK;
  for (const query of queries) {
    const entries = lookupEntries(query.symbol!, knowledge.kb);
    if (entries.length === 0) {
      const symbol = query.symbol!;
      const session = symbol.kind === 'document' ? undefined : sessionOf(symbol.key);
      if (session !== undefined && anotherBody(symbol.key) === 'form') {
        // "5/1": the form session/number began with the 31st session; other bodies number theirs so.
        io.stderr(`unres: ${query.text} is no General Assembly ${symbol.kind}: the Assembly numbered them session/number from its 31st session (1976); the ${ordinalWord(session)} session's are written number (session), as 2625 (XXV). Bodies such as the Human Rights Council number theirs ${query.text}.\n`);
        status = EXIT_FOUND;
        continue;
      }
      const name = displaySymbol(symbol);
      const spelled = name === query.text ? name : `${query.text} (${name})`;
      io.stderr(`unres: ${spelled} is not in the corpus or its catalogues; its official text may be at ${undocsUrl(symbol)}\n`);
      status = EXIT_FOUND;
      continue;
    }
    for (const entry of entries) found.push(formatLookup(entry, knowledge.kb, names));
  }
  if (found.length) io.stdout(found.join('\n'));
  return status;
}

/** The checks and their default levels, for `unres check --help`. */
function checkList(): string {
  // Binary and oversized files are refused (exit status 2), never checked.
  const rules = RULES.filter((rule) => rule.family !== 'input');
  const width = Math.max(...rules.map((rule) => rule.code.length));
  const lines = rules.map((rule) => `  ${rule.code.padEnd(width)}  ${rule.level.padEnd(11)}  ${rule.description}`);
  return `Checks (codes for --severity, with their default level):\n${lines.join('\n')}\n`;
}
