// The pieces of the `unres` command line that need no process: argument parsing, how SARIF
// names files, how lookup reads its symbols. The commands themselves are run as a user runs
// them in test/protocol/cli.test.ts.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ArgumentError, parseArgs, UsageError } from '../../../server/src/cli/args';
import { artifactLocation } from '../../../server/src/cli/check';
import { FileNames } from '../../../server/src/cli/files';
import { lookupQueries } from '../../../server/src/cli/lookup';

describe('cli: arguments', () => {
  it('reads options before or after the command and its files, and --name=value', () => {
    const options = parseArgs(['--corpus', 'a', 'check', 'x.unres', '--format=json', '--catalogue', 'c.csv', 'y.unres', '--catalog=d.csv', '--corpus=b', '--no-shipped-corpus']);
    assert.strictEqual(options.command, 'check');
    assert.deepStrictEqual(options.args, ['x.unres', 'y.unres']);
    assert.strictEqual(options.format, 'json');
    assert.deepStrictEqual(options.corpus, ['a', 'b']);
    assert.deepStrictEqual(options.catalogues, ['c.csv', 'd.csv']);
    assert.strictEqual(options.shippedCorpus, false);
  });

  it('-- ends the options: a file may start with a dash', () => {
    assert.deepStrictEqual(parseArgs(['outline', '--', '-draft.unres']).args, ['-draft.unres']);
  });

  it('--severity CODE=LEVEL, repeatable, levels checked', () => {
    const options = parseArgs(['check', '--severity', 'unres.repeatedVerb=off', '--severity=citationDate=Warning', 'x']);
    assert.deepStrictEqual(options.severities, [
      { code: 'unres.repeatedVerb', level: 'off' },
      { code: 'citationDate', level: 'warning' },
    ]);
    assert.throws(() => parseArgs(['check', '--severity', 'unres.repeatedVerb', 'x']), UsageError);
    assert.throws(() => parseArgs(['check', '--severity', 'unres.repeatedVerb=loud', 'x']), UsageError);
    assert.throws(() => parseArgs(['outline', '--severity', 'unres.repeatedVerb=off', 'x']), UsageError);
  });

  it('refuses what it does not know, and wrong counts of files', () => {
    const refused: string[][] = [
      [],
      ['frob'],
      ['check'],
      ['check', '--frob', 'x'],
      ['check', '--format'],
      ['check', '--format', 'markdown', 'x'],
      ['compare', 'a'],
      ['compare', 'a', 'b', 'c'],
      ['compare', '--format', 'sarif', 'a', 'b'],
      ['outline', 'a', 'b'],
      ['outline', '--format', 'text', 'a', 'b'],
      ['lookup'],
      ['check', '--help=yes'],
    ];
    for (const argv of refused) assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
  });

  it('--help and --version win over everything else; help COMMAND', () => {
    assert.strictEqual(parseArgs(['frob', '--help']).help, true);
    assert.strictEqual(parseArgs(['-V']).version, true);
    const help = parseArgs(['help', 'check']);
    assert.strictEqual(help.help, true);
    assert.strictEqual(help.command, 'check');
  });

  it('ArgumentError is not a UsageError (no usage after the message)', () => {
    assert.ok(!(new ArgumentError('x') instanceof UsageError));
  });
});

describe('cli: symbols for lookup', () => {
  it('reads each spelling of a symbol, and "decision" before one', () => {
    const queries = lookupQueries(['73/266', 'A/RES/73/266', 'decision', '72/512', 'decision 72/512', 'a/c.1/73/l.27/rev.1', 'hello']);
    assert.deepStrictEqual(
      queries.map((q) => [q.text, q.symbol?.key, q.symbol?.kind]),
      [
        ['73/266', '73/266', 'resolution'],
        ['A/RES/73/266', '73/266', 'resolution'],
        ['decision 72/512', '72/512', 'decision'],
        ['decision 72/512', '72/512', 'decision'],
        ['a/c.1/73/l.27/rev.1', 'A/C.1/73/L.27/Rev.1', 'document'],
        ['hello', undefined, undefined],
      ],
    );
  });
});

describe('cli: file names', () => {
  it('SARIF: a relative path stays relative to %SRCROOT%; an absolute one is a file URI', () => {
    assert.deepStrictEqual(artifactLocation('drafts/L 27.unres'), { uri: 'drafts/L%2027.unres', uriBaseId: '%SRCROOT%' });
    assert.deepStrictEqual(artifactLocation('./draft.unres'), { uri: 'draft.unres', uriBaseId: '%SRCROOT%' });
    assert.deepStrictEqual(artifactLocation('/tmp/a b/draft.unres'), { uri: 'file:///tmp/a%20b/draft.unres' });
    assert.deepStrictEqual(artifactLocation('C:\\drafts\\draft.unres'), { uri: 'file:///C:/drafts/draft.unres' });
  });

  it('names files as given, and others relative to the working folder when inside it', () => {
    const cwd = path.resolve('/work/here');
    const names = new FileNames(cwd);
    const given = path.join(cwd, 'x.unres');
    names.remember({ name: './x.unres', uri: pathToFileURL(given).toString(), text: '' });
    assert.strictEqual(names.name(pathToFileURL(given).toString()), './x.unres');
    assert.strictEqual(names.name(pathToFileURL(path.join(cwd, 'corpus', 'a.txt')).toString()), 'corpus/a.txt');
    assert.strictEqual(names.name(pathToFileURL(path.resolve('/elsewhere/b.txt')).toString()), path.resolve('/elsewhere/b.txt').split(path.sep).join('/'));
  });
});
