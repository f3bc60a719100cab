// The `unres` command line, run as a user runs it: `node server/bin/unres.js …` from the repo
// root, after the bundle is built (npm test builds it). Outputs against golden files in
// test/fixtures/golden/cli/ (UPDATE_GOLDEN=1 rewrites them); exit statuses 0, 1 and 2.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { assertGolden, repoRoot, SEEDS, writeGeneratedCorpus } from '../helpers';

const bin = path.join(repoRoot, 'server', 'bin', 'unres.js');
/** The command line's default cache folder for this run: never the user's own. */
const cacheHome = mkdtempSync(path.join(tmpdir(), 'unres-cli-cache-'));
after(() => rmSync(cacheHome, { recursive: true, force: true }));
const PROBLEMS = 'test/fixtures/cli/problems.unres';
const seedPath = (i: number) => `corpus/${SEEDS[i].file}`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function unres(...args: string[]): Run {
  return unresWithInput(undefined, ...args);
}

/** unres with `input` on its standard input (none: an empty one). */
function unresWithInput(input: string | Buffer | undefined, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 90_000, input: input ?? '', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exit status and streams, with both streams in the message when the status is not the one expected. */
function expectStatus(run: Run, status: number): Run {
  assert.strictEqual(run.status, status, `exit status ${run.status}, expected ${status}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
  return run;
}

describe('cli: unres', function () {
  // Every run that reads the shipped corpus parses its 700 texts: seconds, more on a busy machine.
  this.timeout(120_000);

  let temp: string;
  /**
   * The seed texts alone, as a --corpus folder, with --no-shipped-corpus: for the tests whose
   * subject is an option, a format or a message rather than the shipped corpus (the goldens and
   * a few others read that), so that they run in a fraction of a second.
   */
  let seedTexts: string[];
  before(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'unres-cli-'));
    const folder = path.join(temp, 'seeds');
    mkdirSync(folder);
    for (const seed of SEEDS) copyFileSync(path.join(repoRoot, 'corpus', seed.file), path.join(folder, seed.file));
    seedTexts = ['--no-shipped-corpus', '--corpus', folder];
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  describe('check', () => {
    it('the five seeds, with the shipped corpus: no warnings or errors (golden)', () => {
      const run = expectStatus(unres('check', ...SEEDS.map((_, i) => seedPath(i))), 0);
      assert.strictEqual(run.stderr, '');
      assert.doesNotMatch(run.stdout, / (?:error|warning) /);
      assert.match(run.stdout, /\n5 files checked: \d+ hints\.\n$/);
      assertGolden('cli/check-seeds.txt', run.stdout);
    });

    it('a draft with problems, with the shipped corpus: text, one line per problem, sorted, exit status 1 (golden)', () => {
      const run = expectStatus(unres('check', PROBLEMS), 1);
      assert.strictEqual(run.stderr, '');
      const lines = run.stdout.trimEnd().split('\n').filter((line) => line.startsWith(PROBLEMS));
      assert.ok(lines.length >= 8, run.stdout);
      for (const line of lines) assert.match(line, /^test\/fixtures\/cli\/problems\.unres:\d+:\d+ (?:error|warning|information|hint) .+ \[unres\.[A-Za-z]+\]$/);
      const positions = lines.map((line) => line.split(' ')[0].split(':').slice(1).map(Number));
      const sorted = [...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      assert.deepStrictEqual(positions, sorted);
      assert.match(run.stdout, /:8:37 error Resolution 73\/266 was adopted on 22 December 2018 .*\[unres\.citationDate\]/);
      assert.match(run.stdout, /\n1 file checked: 1 error, 8 warnings, 2 information\.\n$/);
      assertGolden('cli/check-problems.txt', run.stdout);
    });

    it('a draft with problems: JSON (golden)', () => {
      const run = expectStatus(unres('check', '--format', 'json', PROBLEMS), 1);
      type Problem = { line: number; column: number; severity: string; code: string };
      const json = JSON.parse(run.stdout) as { files: { file: string; problems: Problem[] }[]; summary: Record<string, number> };
      assert.strictEqual(json.files[0].file, PROBLEMS);
      assert.deepStrictEqual(json.summary, { files: 1, error: 1, warning: 8, information: 2, hint: 0 });
      assert.ok(json.files[0].problems.some((p) => p.code === 'unres.citationDate' && p.severity === 'error' && p.line === 8 && p.column === 37));
      assertGolden('cli/check-problems.json', run.stdout);
    });

    it('a draft with problems: SARIF 2.1.0 with a rule for each code (golden)', () => {
      const run = expectStatus(unres('check', '-f', 'sarif', PROBLEMS), 1);
      const sarif = JSON.parse(run.stdout);
      assert.strictEqual(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif-2\.1\.0/);
      const [only] = sarif.runs;
      const rules = only.tool.driver.rules as { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
      assert.strictEqual(only.tool.driver.name, 'unres');
      const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
      assert.strictEqual(only.tool.driver.version, manifest.version);
      assert.strictEqual(only.tool.driver.informationUri, manifest.repository.url.replace(/\.git$/, ''));
      assert.ok(rules.length >= 30);
      assert.strictEqual(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
      for (const rule of rules) {
        assert.match(rule.id, /^unres\./);
        assert.ok(rule.shortDescription.text.length > 10, rule.id);
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
      }
      assert.strictEqual(only.results.length, 11);
      for (const result of only.results) {
        assert.strictEqual(rules[result.ruleIndex].id, result.ruleId);
        assert.ok(['error', 'warning', 'note'].includes(result.level));
        const location = result.locations[0].physicalLocation;
        assert.strictEqual(location.artifactLocation.uri, PROBLEMS);
        assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
      }
      const date = only.results.find((r: { ruleId: string }) => r.ruleId === 'unres.citationDate');
      assert.strictEqual(date.level, 'error');
      assert.deepStrictEqual(date.locations[0].physicalLocation.region.startLine, 8);
      assert.strictEqual(only.invocations[0].executionSuccessful, true);
      assertGolden('cli/check-problems.sarif', run.stdout);
    });

    it('--severity changes a level or turns a check off', () => {
      const lowered = expectStatus(unres('check', ...seedTexts, '--severity', 'unres.citationDate=warning', PROBLEMS), 0);
      assert.match(lowered.stdout, /:8:37 warning Resolution 73\/266/);
      const off = expectStatus(unres('check', ...seedTexts, '--severity', 'citationDate=off', '--severity=unres.agreedLanguage=off', PROBLEMS), 0);
      assert.doesNotMatch(off.stdout, /citationDate|agreedLanguage/);
      assert.match(off.stdout, /1 file checked: 8 warnings\.\n$/);
      const raised = expectStatus(unres('check', ...seedTexts, '--severity', 'unres.repeatedVerb=error', seedPath(4)), 1);
      assert.match(raised.stdout, /:74:5 error Expected "Also requests"/);
    });

    it('several files: each named as given, in the order given', () => {
      const run = expectStatus(unres('check', ...seedTexts, `./${seedPath(4)}`, PROBLEMS), 1);
      const files = [...new Set(run.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => l.split(':')[0]))];
      assert.deepStrictEqual(files, [`./${seedPath(4)}`, PROBLEMS]);
      assert.match(run.stdout, /2 files checked: 1 error, 8 warnings, 1 information, 2 hints\.\n$/);
    });

    it('- reads standard input, named <stdin>: the same problems as the file', () => {
      const fromFile = expectStatus(unres('check', PROBLEMS), 1).stdout;
      const run = expectStatus(unresWithInput(readFileSync(path.join(repoRoot, PROBLEMS)), 'check', '-'), 1);
      assert.strictEqual(run.stderr, '');
      assert.match(run.stdout, /^<stdin>:8:37 error Resolution 73\/266 was adopted on 22 December 2018 /);
      assert.strictEqual(run.stdout, fromFile.split(`${PROBLEMS}:`).join('<stdin>:'));
      const json = JSON.parse(expectStatus(unresWithInput(readFileSync(path.join(repoRoot, PROBLEMS)), 'check', '-f', 'json', seedPath(0), '-'), 1).stdout);
      assert.deepStrictEqual(json.files.map((file: { file: string }) => file.file), [seedPath(0), '<stdin>']);
    });

    it('- twice: a usage error; binary standard input: exit status 2 naming <stdin>', () => {
      assert.match(expectStatus(unres('check', '-', '-'), 2).stderr, /standard input \(-\) can be read once only/);
      const binary = expectStatus(unresWithInput(Buffer.from([0, 1, 2, 0, 0, 255, 0, 7]), 'check', '-'), 2);
      assert.match(binary.stderr, /^unres: <stdin>: looks binary/);
    });

    it('a missing file among others: a message naming it, the others checked, exit status 2', () => {
      const run = expectStatus(unres('check', ...seedTexts, seedPath(0), 'no/such/draft.unres'), 2);
      assert.strictEqual(run.stderr, 'unres: no/such/draft.unres: no such file or folder\n');
      assert.match(run.stdout, /^1 file checked \(1 could not be read\): no problems\.\n$/);
      const json = JSON.parse(expectStatus(unres('check', '--no-shipped-corpus', '--format', 'json', 'no/such/draft.unres'), 2).stdout);
      assert.deepStrictEqual(json.files, [{ file: 'no/such/draft.unres', error: 'no/such/draft.unres: no such file or folder', problems: [] }]);
      const sarif = JSON.parse(expectStatus(unres('check', '--no-shipped-corpus', '--format', 'sarif', 'no/such/draft.unres'), 2).stdout);
      assert.strictEqual(sarif.runs[0].invocations[0].executionSuccessful, false);
    });
  });

  describe('outline', () => {
    it(`${SEEDS[4].file}: PP and OP names, sub-paragraphs, line numbers (golden)`, () => {
      const run = expectStatus(unres('outline', seedPath(4)), 0);
      assert.strictEqual(run.stderr, '');
      assert.match(run.stdout, /^ {3}22 {4}PP1 Recalling its resolutions 53\/70/m);
      assert.match(run.stdout, /^54-64 {4}OP1 Calls upon Member States:$/m);
      assert.match(run.stdout, /^ {3}56 {6}\(a\) To be guided/m);
      assertGolden('cli/outline-004.txt', run.stdout);
    });
  });

  describe('outline and compare of standard input', () => {
    it('outline - prints what outline FILE prints', () => {
      const fromFile = expectStatus(unres('outline', seedPath(4)), 0).stdout;
      assert.strictEqual(expectStatus(unresWithInput(readFileSync(path.join(repoRoot, seedPath(4))), 'outline', '-'), 0).stdout, fromFile);
    });

    it('compare OLD -: standard input is the new version, named <stdin>', () => {
      const run = expectStatus(unresWithInput(readFileSync(path.join(repoRoot, seedPath(4))), 'compare', seedPath(0), '-'), 0);
      const fromFile = expectStatus(unres('compare', seedPath(0), seedPath(4)), 0).stdout;
      assert.strictEqual(run.stdout, fromFile.split(seedPath(4)).join('<stdin>'));
    });
  });

  describe('lookup', () => {
    it('73/266, in the shipped corpus: title, date, session, text, citing documents, sources, undocs link (golden)', () => {
      const run = expectStatus(unres('lookup', '73/266'), 0);
      assert.strictEqual(run.stderr, '');
      assert.match(run.stdout, /^A\/RES\/73\/266\nGeneral Assembly resolution\n/);
      assert.match(run.stdout, /^Title {9}Advancing responsible State behaviour in cyberspace in the context of international security$/m);
      assert.match(run.stdout, /^Adopted {7}22 December 2018$/m);
      assert.match(run.stdout, /from corpus\/catalogue\.json row 5/);
      assert.match(run.stdout, /^Corpus text {3}corpus\/004_f1b1830bc3def63f\.txt/m);
      assert.match(run.stdout, /corpus\/000_3767520ad4361519\.txt:15 {2}A\/C\.1\/74\/L\.49\/Rev\.1, PP1/);
      assert.match(run.stdout, /^undocs\.org {4}https:\/\/undocs\.org\/A\/RES\/73\/266$/m);
      assertGolden('cli/lookup-73-266.txt', run.stdout);
    });

    it('A/RES/73/266 prints the same', () => {
      assert.strictEqual(expectStatus(unres('lookup', 'A/RES/73/266'), 0).stdout, readFileSync(path.join(repoRoot, 'test/fixtures/golden/cli/lookup-73-266.txt'), 'utf8'));
    });

    it('decision 72/512 (two words or one)', () => {
      const two = expectStatus(unres('lookup', ...seedTexts, 'decision', '72/512'), 0);
      assert.match(two.stdout, /^decision 72\/512\nGeneral Assembly decision\n/);
      assert.strictEqual(expectStatus(unres('lookup', ...seedTexts, 'decision 72/512'), 0).stdout, two.stdout);
    });

    it('99/999: not known, a message and exit status 1', () => {
      const run = expectStatus(unres('lookup', ...seedTexts, '99/999'), 1);
      assert.strictEqual(run.stdout, '');
      assert.match(run.stderr, /^unres: 99\/999 \(A\/RES\/99\/999\) is not in the corpus or its catalogues; .*https:\/\/undocs\.org\/A\/RES\/99\/999\n$/);
    });

    it('5/1: no General Assembly resolution was ever numbered so (another body\'s): a message and exit status 1', () => {
      const run = expectStatus(unres('lookup', ...seedTexts, '5/1'), 1);
      assert.strictEqual(run.stdout, '');
      assert.match(run.stderr, /^unres: 5\/1 is no General Assembly resolution: the Assembly numbered them session\/number from its 31st session \(1976\); the fifth session's are written number \(session\)/);
      assert.doesNotMatch(run.stderr, /undocs\.org/);
    });

    it('not a symbol: a message and exit status 2', () => {
      const run = expectStatus(unres('lookup', 'hello'), 2);
      assert.match(run.stderr, /^unres: "hello" is not a symbol/);
    });

    it('--no-shipped-corpus leaves the shipped corpus out', () => {
      expectStatus(unres('lookup', '--no-shipped-corpus', '73/266'), 1);
    });

    // The fixture alone, without the shipped corpus: it ships the same catalogue, and its texts cite 2625 (XXV).
    describe('old symbols, against the voting records of the UN Digital Library', () => {
      const VOTES = 'test/fixtures/catalogues/undl-ga-voting-records.csv';
      // The one row the catalogue skips, a resolution without a number yet, is a warning every time.
      const SKIPPED = `unres: warning: ${VOTES}: row 7199: column 2 (symbol) is a resolution symbol without a number yet; row skipped\n`;

      it('"217 A (III)": as the UN writes it, with its title, date and session from the catalogue (golden)', () => {
        const run = expectStatus(unres('lookup', '--no-shipped-corpus', '--catalog', VOTES, '217 A (III)'), 0);
        assert.strictEqual(run.stderr, SKIPPED);
        assert.match(run.stdout, /^resolution 217 A \(III\)\nGeneral Assembly resolution\n/);
        assert.match(run.stdout, /^Title {9}International Bill of Human Rights : Universal Declaration of Human Rights\n {14}from test\/fixtures\/catalogues\/undl-ga-voting-records\.csv row 205$/m);
        assert.match(run.stdout, /^Adopted {7}10 December 1948$/m);
        assert.match(run.stdout, /^Session {7}third session \(3\)$/m);
        assert.match(run.stdout, /^undocs\.org {4}https:\/\/undocs\.org\/A\/RES\/217\(III\)$/m);
        assertGolden('cli/lookup-217-A-III.txt', run.stdout);
      });

      it('"A/RES/181(II)[A]" as the library writes it, and "107 (S-1)" of the first special session', () => {
        const run = expectStatus(unres('lookup', '--no-shipped-corpus', '--catalog', VOTES, 'A/RES/181(II)[A]', '107 (S-1)'), 0);
        const [partA, special] = run.stdout.split('\n\n' + 'resolution 107');
        assert.match(partA, /^resolution 181 A \(II\)\n/);
        assert.match(partA, /^Title {9}Future government of Palestine$/m);
        assert.match(partA, /^Adopted {7}29 November 1947$/m);
        assert.match(partA, /undocs\.org\/A\/RES\/181\(II\)$/m);
        assert.match(special, /^ \(S-1\)\nGeneral Assembly resolution\n/);
        assert.match(special, /^Title {9}Threat of use of force$/m);
        assert.match(special, /^Adopted {7}15 May 1947$/m);
        assert.doesNotMatch(special, /^Session/m, 'a special session is not a numbered session');
        assert.match(special, /undocs\.org\/A\/RES\/107\(S-1\)$/m);
      });

      it('"217 (III)", known only by its parts: each part', () => {
        const run = expectStatus(unres('lookup', '--no-shipped-corpus', '--catalog', VOTES, '217 (III)'), 0);
        assert.deepStrictEqual(run.stdout.match(/^resolution .+$/gm), ['A', 'B', 'C', 'D', 'E'].map((part) => `resolution 217 ${part} (III)`));
      });

      it('"2625 (XXV)": adopted without a vote, so not in the voting records: exit status 1 and its address', () => {
        const run = expectStatus(unres('lookup', '--no-shipped-corpus', '--catalog', VOTES, '2625 (XXV)'), 1);
        assert.strictEqual(run.stdout, '');
        assert.ok(run.stderr.endsWith('unres: 2625 (XXV) (resolution 2625 (XXV)) is not in the corpus or its catalogues; its official text may be at https://undocs.org/A/RES/2625(XXV)\n'), run.stderr);
      });
    });
  });

  describe('compare', () => {
    it('000 against 004, text: summary, then each change with its words (golden)', () => {
      const run = expectStatus(unres('compare', seedPath(0), seedPath(4)), 0);
      assert.strictEqual(run.stderr, '');
      assert.match(run.stdout, /^Old: corpus\/000_3767520ad4361519\.txt\nNew: corpus\/004_f1b1830bc3def63f\.txt \(A\/RES\/73\/266\)\n/);
      assert.match(run.stdout, /\bunchanged\)\.\n/);
      assert.match(run.stdout, /\[-fifth-\]\{\+fourth\+\}/);
      assertGolden('cli/compare-000-004.txt', run.stdout);
    });

    it('000 against 004, Markdown (golden)', () => {
      const run = expectStatus(unres('compare', '--format', 'markdown', seedPath(0), seedPath(4)), 0);
      assert.match(run.stdout, /~~fifth~~\*\*fourth\*\*/);
      assertGolden('cli/compare-000-004.md', run.stdout);
    });

    it('HTML is a whole page with insertions and deletions marked', () => {
      const run = expectStatus(unres('compare', '-f', 'html', seedPath(0), seedPath(4)), 0);
      assert.match(run.stdout, /^<!DOCTYPE html>/);
      assert.match(run.stdout, /<del>fifth<\/del><ins>fourth<\/ins>/);
    });

    it('a file against itself: no textual change', () => {
      assert.match(expectStatus(unres('compare', seedPath(2), seedPath(2)), 0).stdout, /^No textual change \(/m);
    });

    it('a missing version: exit status 2 naming it', () => {
      const run = expectStatus(unres('compare', seedPath(0), 'no/such/new.unres'), 2);
      assert.strictEqual(run.stderr, 'unres: no/such/new.unres: no such file or folder\n');
      assert.strictEqual(run.stdout, '');
    });
  });

  describe('amendments and apply-amendments', () => {
    const PAIR = 'test/fixtures/real/pairs';

    it('004 -> 000: numbered instructions as the UN writes them (golden)', () => {
      const run = expectStatus(unres('amendments', seedPath(4), seedPath(0)), 0);
      assert.strictEqual(run.stderr, '');
      assert.match(run.stdout, /^1\. In the first preambular paragraph, /);
      assert.match(run.stdout, /^\d+\. In operative paragraph 6, replace the word “seventy-fourth” with the word “seventy-fifth”$/m);
      assertGolden('cli/amendments-004-000.txt', run.stdout);
    });

    it('--oral: the same changes as an oral revision, in the past tense (golden)', () => {
      const run = expectStatus(unres('amendments', '--oral', seedPath(4), seedPath(0)), 0);
      assert.match(run.stdout, /^\d+\. Operative paragraphs 3 to 5 were deleted$/m);
      assertGolden('cli/amendments-004-000-oral.txt', run.stdout);
    });

    it('a draft and the resolution it became: A/C.2/80/L.26 -> A/RES/80/130 (golden)', () => {
      const run = expectStatus(unres('amendments', `${PAIR}/A_C.2_80_L.26.pymupdf.txt`, `${PAIR}/A_RES_80_130.pymupdf.txt`), 0);
      assertGolden('cli/amendments-L26-RES-80-130.txt', run.stdout);
    });

    it('a draft adopted as it stood: no amendments', () => {
      const run = expectStatus(unres('amendments', `${PAIR}/A_C.3_80_L.21.pymupdf.txt`, `${PAIR}/A_RES_80_212.pymupdf.txt`), 0);
      assert.strictEqual(run.stdout, `No amendments: the paragraphs of ${PAIR}/A_RES_80_212.pymupdf.txt read as those of ${PAIR}/A_C.3_80_L.21.pymupdf.txt.\n`);
    });

    it('apply-amendments reads an amendment document as issued (header, page furniture, wrapped lines) and prints the amended draft (golden)', () => {
      const run = expectStatus(unres('apply-amendments', seedPath(0), 'test/fixtures/amendments/000-issued.txt'), 0);
      assert.strictEqual(run.stderr, '');
      assert.match(run.stdout, /^4\. Requests the Secretary-General to report/m);
      assert.doesNotMatch(run.stdout, /Also welcomes/);
      assertGolden('cli/amendments-applied-000.txt', run.stdout);
    });

    it('what amendments writes, apply-amendments applies: 004 amended into 000 compares with 000 as no textual change', () => {
      const amendments = path.join(temp, 'amendments-004-000.txt');
      writeFileSync(amendments, expectStatus(unres('amendments', seedPath(4), seedPath(0)), 0).stdout);
      const amended = path.join(temp, 'amended-004.txt');
      writeFileSync(amended, expectStatus(unres('apply-amendments', seedPath(4), amendments), 0).stdout);
      const summary = expectStatus(unres('compare', amended, seedPath(0)), 0).stdout.split('\n')[2];
      assert.match(summary, /^No textual change \(\d+ paragraphs unchanged\)\.$/, summary);
    });

    it('amendments that do not match: each one on stderr with its line and column, nothing applied, exit status 1', () => {
      const run = expectStatus(unres('apply-amendments', seedPath(0), 'test/fixtures/amendments/000-mismatched.txt'), 1);
      assert.strictEqual(run.stdout, '');
      assert.strictEqual(
        run.stderr,
        'test/fixtures/amendments/000-mismatched.txt:7:11: the draft has no operative paragraph 9\n' +
          'test/fixtures/amendments/000-mismatched.txt:9:51: the words quoted occur three times or more in operative paragraph 1 (b): quote more of the words around them\n' +
          'unres: 2 amendments could not be applied; nothing was applied\n',
      );
    });

    it('a file without amendments: exit status 1, said on stderr', () => {
      const run = expectStatus(unres('apply-amendments', seedPath(0), seedPath(4)), 1);
      assert.match(run.stderr, /^unres: corpus\/004_f1b1830bc3def63f\.txt: no amendment found/);
    });

    it('usage: two files each, --oral for amendments only', () => {
      assert.match(expectStatus(unres('amendments', seedPath(0)), 2).stderr, /^unres: amendments needs two files, OLD and NEW, not 1\n/);
      assert.match(expectStatus(unres('compare', '--oral', seedPath(0), seedPath(4)), 2).stderr, /^unres: --oral applies to amendments only\n/);
    });
  });

  describe('corpus options', () => {
    it('--cache-dir keeps what was read for the next run, which answers the same; --no-cache keeps nothing', function () {
      // Three runs that each read the shipped corpus, the first parsing all of it.
      this.timeout(300_000);
      const cache = path.join(temp, 'cache');
      const first = expectStatus(unres('check', '--cache-dir', cache, seedPath(0)), 0);
      const files = readdirSync(cache).sort();
      assert.deepStrictEqual(
        files.map((name) => name.replace(/-[0-9a-f]+\.cache$/, '')),
        ['corpus', 'index'],
      );
      const second = expectStatus(unres('check', '--cache-dir', cache, seedPath(0)), 0);
      assert.strictEqual(second.stdout, first.stdout);
      assert.strictEqual(second.stderr, first.stderr);
      // A damaged cache: said on stderr, the corpus read again, the output the same.
      const corpusFile = path.join(cache, files[0]);
      writeFileSync(corpusFile, readFileSync(corpusFile).subarray(0, 100));
      const third = expectStatus(unres('check', '--cache-dir', cache, seedPath(0)), 0);
      assert.strictEqual(third.stdout, first.stdout);
      assert.match(third.stderr, /Corpus cache .* is damaged .*; discarded, the corpus is read again/);
      const none = path.join(temp, 'no-cache');
      expectStatus(unres('check', '--no-cache', '--cache-dir', none, seedPath(0)), 0);
      assert.ok(!existsSync(none));
    });

    it('--corpus adds a folder of texts: a new symbol, and who cites what', () => {
      const folder = path.join(temp, 'texts');
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        path.join(folder, 'draft.txt'),
        [
          'A/C.1/80/L.99',
          '',
          'Eightieth session',
          '',
          'A test draft on cyberspace',
          '',
          'The General Assembly,',
          '',
          'Recalling its resolution 73/266 of 22 December 2018,',
          '',
          '1. Decides to remain seized of the matter.',
          '',
        ].join('\n'),
      );
      const own = expectStatus(unres('lookup', ...seedTexts, '--corpus', folder, 'A/C.1/80/L.99'), 0);
      assert.match(own.stdout, /^A\/C\.1\/80\/L\.99\n/);
      assert.match(own.stdout, /draft\.txt \(its own text\)/);
      const cited = expectStatus(unres('lookup', ...seedTexts, '--corpus', folder, '73/266'), 0);
      assert.match(cited.stdout, /^Cited by {6}3 corpus documents$/m);
      assert.match(cited.stdout, /draft\.txt:9 {2}A\/C\.1\/80\/L\.99, PP1$/m);
      expectStatus(unres('lookup', ...seedTexts, 'A/C.1/80/L.99'), 1);
    });

    it('--catalog adds a CSV catalogue; a broken row is a warning that leaves the exit status alone', () => {
      const catalogue = path.join(temp, 'extra.csv');
      writeFileSync(catalogue, ['Symbol,Title,Date', 'A/RES/79/500,A resolution only this catalogue knows,2024-12-02', 'A/RES/79/,Broken symbol,2024-12-03', ''].join('\n'));
      const run = expectStatus(unres('lookup', ...seedTexts, '--catalog', catalogue, '79/500'), 0);
      assert.match(run.stdout, /^Title {9}A resolution only this catalogue knows\n {14}from .*extra\.csv row 2$/m);
      assert.match(run.stdout, /^Adopted {7}2 December 2024$/m);
      assert.match(run.stderr, /^unres: warning: .*extra\.csv: row 3: column 1 \(symbol\) is not a resolution or document symbol; row skipped\n$/);
      // --catalogue is the same option; a catalogue date that contradicts a draft is an error.
      const draft = path.join(temp, 'cites.unres');
      writeFileSync(draft, 'The General Assembly,\n\nRecalling its resolution 79/500 of 5 December 2024,\n\n1. Decides to remain seized of the matter.\n');
      expectStatus(unres('check', ...seedTexts, draft), 0);
      // Read beside a folder of texts too.
      const checked = expectStatus(unres('check', ...seedTexts, '--catalogue', catalogue, draft), 1);
      assert.match(checked.stdout, /^\S+cites\.unres:3:36 error Resolution 79\/500 was adopted on 2 December 2024 \(extra\.csv line 2\), not 5 December 2024\. \[unres\.citationDate\]$/m);
      assert.match(checked.stderr, /warning: .*row 3/);
    });

    (process.platform === 'win32' ? it.skip : it)('a FIFO as --catalog or as a draft: refused at once with exit status 2; one in a --corpus folder is a warning', () => {
      const fifo = path.join(temp, 'fifo.csv');
      spawnSync('mkfifo', [fifo]);
      const asCatalogue = expectStatus(unres('lookup', '--catalog', fifo, '73/266'), 2);
      assert.strictEqual(asCatalogue.stderr, `unres: --catalog ${fifo}: is a FIFO (named pipe), not a regular file\n`);
      const asDraft = expectStatus(unres('check', ...seedTexts, fifo), 2);
      assert.match(asDraft.stderr, new RegExp(`^unres: ${fifo.replace(/[.\\]/g, '\\$&')}: is a FIFO \\(named pipe\\), not a regular file\n`));
      const folder = path.join(temp, 'with-fifo');
      mkdirSync(folder, { recursive: true });
      spawnSync('mkfifo', [path.join(folder, 'catalogue.csv')]);
      const inFolder = expectStatus(unres('lookup', ...seedTexts, '--corpus', folder, '73/266'), 0);
      assert.match(inFolder.stderr, /^unres: warning: .*with-fifo\/catalogue\.csv is a FIFO \(named pipe\), not a regular file; skipped\n$/);
    });

    it('a catalogue whose first line looks like a password hash: the warning names the file and row, not the line', () => {
      const shadow = path.join(temp, 'shadow');
      writeFileSync(shadow, 'root:$6$S3CR3Tsalt$S3CR3Thash:19700:0:99999:7:::\n');
      const run = expectStatus(unres('lookup', ...seedTexts, '--catalog', shadow, '73/266'), 0);
      assert.match(run.stderr, /^unres: warning: .*shadow: no symbol column: the header \(row 1\) has 1 column, not named /);
      assert.ok(!/S3CR3T|\$6\$/.test(run.stderr), run.stderr);
    });

    it('a --corpus folder or --catalog file that does not exist: exit status 2', () => {
      assert.match(expectStatus(unres('lookup', '--corpus', 'no/such/folder', '73/266'), 2).stderr, /^unres: --corpus no\/such\/folder: no such file or folder\n$/);
      assert.match(expectStatus(unres('lookup', '--catalog', 'no/such.csv', '73/266'), 2).stderr, /^unres: --catalog no\/such\.csv: no such file or folder\n$/);
      assert.match(expectStatus(unres('lookup', '--catalog', 'corpus', '73/266'), 2).stderr, /is a folder, not a file/);
    });
  });

  describe('progress of a corpus load', () => {
    let generated: string;
    before(() => {
      generated = path.join(temp, 'generated');
      writeGeneratedCorpus(generated, 300);
    });

    it('piped: not a word of progress, not a carriage return, on either stream', () => {
      const run = expectStatus(unres('check', '--no-shipped-corpus', '--corpus', generated, seedPath(0)), 0);
      assert.strictEqual(run.stderr, '');
      assert.ok(!/Loading corpus|Indexing corpus|\r/.test(run.stdout), run.stdout);
    });

    // `script` gives the command a terminal (util-linux's, as on Debian and Ubuntu; elsewhere the
    // unit test of the printer on a fake terminal stands in).
    const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
    (script.status === 0 && /util-linux/.test(script.stdout) ? it : it.skip)('on a terminal: the line is drawn in place with \\r and wiped before the output', () => {
      const command = [process.execPath, bin, 'check', '--no-shipped-corpus', '--no-cache', '--corpus', generated, seedPath(0)].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
      const run = spawnSync('script', ['--quiet', '--return', '--command', command, '/dev/null'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
      assert.strictEqual(run.status, 0, run.stdout + run.stderr);
      // The terminal turns each \n into \r\n: what is left of \r is the command's own.
      const shown = run.stdout.replace(/\r\n/g, '\n');
      assert.match(shown, /^\rLoading corpus: [\d,]+ of 300 files/);
      // The report starts on a clean line: the progress line was wiped with spaces and \r.
      const wiped = shown.lastIndexOf('\r');
      assert.match(shown.slice(0, wiped + 1), /[^ ] +\r$/);
      assert.match(shown.slice(wiped + 1), /^[^\r]*\n1 file checked: [^\r]*\n$|^1 file checked: [^\r]*\n$/);
    });
  });

  describe('exit statuses and messages', () => {
    it('a missing file: 2, one line naming it', () => {
      const run = expectStatus(unres('outline', 'missing.unres'), 2);
      assert.strictEqual(run.stderr, 'unres: missing.unres: no such file or folder\n');
      assert.strictEqual(run.stdout, '');
    });

    it('a folder given as a file: 2', () => {
      const run = expectStatus(unres('check', '--no-shipped-corpus', 'corpus'), 2);
      assert.strictEqual(run.stderr, 'unres: corpus: is a folder, not a file\n');
    });

    it('a binary file: 2', () => {
      const file = path.join(temp, 'image.png');
      writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
      const run = expectStatus(unres('outline', file), 2);
      assert.strictEqual(run.stderr, `unres: ${file}: looks binary, not like resolution text\n`);
    });

    it('an unknown option or command, or none: usage on stderr, 2', () => {
      for (const args of [['check', '--frobnicate', PROBLEMS], ['frobnicate'], [], ['outline'], ['compare', PROBLEMS], ['check', '--format', 'xml', PROBLEMS], ['compare', '--format', 'sarif', PROBLEMS, PROBLEMS], ['check', '--corpus']]) {
        const run = expectStatus(unres(...args), 2);
        assert.strictEqual(run.stdout, '', args.join(' '));
        assert.match(run.stderr, /^unres: .+\n\nUsage: unres <command>/, args.join(' '));
      }
    });

    it('--help prints the usage on stdout, 0; check --help lists the checks', () => {
      const run = expectStatus(unres('--help'), 0);
      assert.match(run.stdout, /^Usage: unres <command> \[options\] ARG…/);
      for (const word of ['check FILE…', 'outline FILE', 'lookup SYMBOL', 'compare OLD NEW', '--corpus DIR', '--catalog FILE', 'Exit status']) assert.ok(run.stdout.includes(word), word);
      assert.match(expectStatus(unres('check', '--help'), 0).stdout, /unres\.citationDate +error +/);
    });

    it('--version prints the package version, 0', () => {
      const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
      assert.strictEqual(expectStatus(unres('--version'), 0).stdout, `unres ${version}\n`);
    });
  });
});
