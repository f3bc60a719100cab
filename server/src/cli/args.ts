// The command line: `unres <command> [options] ARG…`. Options may stand before or after the
// command and its arguments; `--` ends them. Anything unknown is a UsageError (exit status 2).

export const COMMANDS = ['check', 'outline', 'lookup', 'compare', 'amendments', 'apply-amendments'] as const;
export type Command = (typeof COMMANDS)[number];

export const FORMATS: Record<Command, readonly string[]> = {
  check: ['text', 'json', 'sarif'],
  outline: ['text'],
  lookup: ['text'],
  compare: ['text', 'markdown', 'html'],
  amendments: ['text'],
  'apply-amendments': ['text'],
};

export interface CliOptions {
  command?: Command;
  /** Files (check, outline, compare) or symbols (lookup), as given. */
  args: string[];
  format?: string;
  corpus: string[];
  catalogues: string[];
  shippedCorpus: boolean;
  /** `amendments --oral`: an oral revision, in the past tense. */
  oral: boolean;
  /** `--cache-dir DIR`: where the corpus cache goes (else the platform's cache folder). */
  cacheDir?: string;
  /** false with `--no-cache`. */
  cache: boolean;
  /** `--severity CODE=level`, in the order given. */
  severities: { code: string; level: string }[];
  help: boolean;
  version: boolean;
}

/** A command line that does not parse: the message, then the usage. Exit status 2. */
export class UsageError extends Error {}

/** An argument that parses but names nothing usable ("lookup hello"): one line. Exit status 2. */
export class ArgumentError extends Error {}

export const USAGE = `Usage: unres <command> [options] ARG…

Commands:
  check FILE…           Check drafts; print each problem as file:line:col severity message [code]
                        (a FILE of - is standard input, named <stdin>; for every command that reads files)
  outline FILE          Print the outline: header, preamble (PP1 …), operative part (OP1 …), footnotes
  lookup SYMBOL…        Print what the corpus knows of a resolution, decision or document symbol
  compare OLD NEW       Print what changed between two versions, paragraph by paragraph
  amendments OLD NEW    Print the amendments that make NEW of OLD, as the UN writes them (--oral: as an oral revision)
  apply-amendments DRAFT AMENDMENTS
                        Print DRAFT with the AMENDMENTS made (an amendment document as issued, or unres amendments' text)

Options:
  -f, --format FORMAT   check: text (default), json or sarif; compare: text (default), markdown or html
  --corpus DIR          Add a folder of resolution texts and catalogues to the corpus (repeatable)
  --catalog FILE        Add a catalogue (CSV, TSV, JSON Lines, MARCXML) to the corpus (repeatable; also --catalogue)
  --no-shipped-corpus   Leave out the corpus shipped with unres (texts and catalogues)
  --cache-dir DIR       Keep what was read of the corpus in DIR for the next run (default: the platform's cache folder)
  --no-cache            Read the whole corpus and keep nothing
  --severity CODE=LEVEL Change the level of a check: error, warning, information, hint or off (repeatable)
  --oral                amendments: write an oral revision ("the words … were deleted")
  -h, --help            Print this help
  -V, --version         Print the version

Exit status: 0 success; 1 check found an error, lookup found no such symbol, or an amendment
does not match the draft (then nothing is applied); 2 a file could not be read (missing, a folder, binary) or the command line is wrong.
`;

const LEVELS = ['error', 'warning', 'information', 'info', 'hint', 'off'];

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { args: [], corpus: [], catalogues: [], shippedCorpus: true, oral: false, cache: true, severities: [], help: false, version: false };
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`option ${name} needs a value`);
      i++;
      return next;
    };
    const flag = (): true => {
      if (inline !== undefined) throw new UsageError(`option ${name} takes no value`);
      return true;
    };
    switch (name) {
      case '-h':
      case '--help':
        options.help = flag();
        break;
      case '-V':
      case '--version':
        options.version = flag();
        break;
      case '-f':
      case '--format':
        options.format = value();
        break;
      case '--corpus':
        options.corpus.push(value());
        break;
      case '--catalog':
      case '--catalogue':
        options.catalogues.push(value());
        break;
      case '--no-shipped-corpus':
        options.shippedCorpus = !flag();
        break;
      case '--cache-dir':
        options.cacheDir = value();
        break;
      case '--no-cache':
        options.cache = !flag();
        break;
      case '--severity':
        options.severities.push(severity(value()));
        break;
      case '--oral':
        options.oral = flag();
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  if (options.help || options.version) {
    const first = positionals[0];
    if (first && (COMMANDS as readonly string[]).includes(first)) options.command = first as Command;
    return options;
  }
  const command = positionals.shift();
  if (command === undefined) throw new UsageError('no command given');
  if (command === 'help') {
    options.help = true;
    if (positionals[0] && (COMMANDS as readonly string[]).includes(positionals[0])) options.command = positionals[0] as Command;
    return options;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"`);
  options.command = command as Command;
  options.args = positionals;

  const formats = FORMATS[options.command];
  if (options.format !== undefined && !formats.includes(options.format)) {
    throw new UsageError(formats.length === 1 ? `${command} has no --format option` : `${command} --format must be ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]}, not "${options.format}"`);
  }
  if (options.severities.length > 0 && options.command !== 'check') throw new UsageError(`--severity applies to check only`);
  if (options.oral && options.command !== 'amendments') throw new UsageError('--oral applies to amendments only');
  const count = positionals.length;
  if (options.command === 'check' && count === 0) throw new UsageError('check needs at least one FILE');
  if (options.command === 'outline' && count !== 1) throw new UsageError(`outline needs one FILE${count ? `, not ${count}` : ''}`);
  if (options.command === 'lookup' && count === 0) throw new UsageError('lookup needs a SYMBOL');
  if (options.command === 'compare' && count !== 2) throw new UsageError(`compare needs two files, OLD and NEW${count ? `, not ${count}` : ''}`);
  if (options.command !== 'lookup' && positionals.filter((arg) => arg === '-').length > 1) throw new UsageError('standard input (-) can be read once only');
  if (options.command === 'amendments' && count !== 2) throw new UsageError(`amendments needs two files, OLD and NEW${count ? `, not ${count}` : ''}`);
  if (options.command === 'apply-amendments' && count !== 2) throw new UsageError(`apply-amendments needs two files, DRAFT and AMENDMENTS${count ? `, not ${count}` : ''}`);
  return options;
}

function severity(text: string): { code: string; level: string } {
  const match = /^([^=]+)=(.*)$/.exec(text);
  if (!match) throw new UsageError(`--severity needs CODE=LEVEL (e.g. unres.repeatedVerb=off), not "${text}"`);
  const level = match[2].trim().toLowerCase();
  if (!LEVELS.includes(level)) throw new UsageError(`--severity level must be error, warning, information, hint or off, not "${match[2]}"`);
  return { code: match[1].trim(), level };
}
