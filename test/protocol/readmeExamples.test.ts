// The command-line examples of README.md, run as printed from the root of a clone: every
// `$ unres …` of a ```console block prints exactly the lines under it (and `$ echo $?` the exit
// status of the command before), and every `unres` command of a ```sh block runs (exit status 0
// or 1, never 2: the files it names exist and the command line parses).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { repoRoot } from '../helpers';

const bin = path.join(repoRoot, 'server', 'bin', 'unres.js');

interface Step {
  command: string;
  expected: string;
  line: number;
}

interface Block {
  language: string;
  line: number;
  lines: string[];
}

function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  markdown.split('\n').forEach((text, index) => {
    const fence = /^```(\S*)\s*$/.exec(text);
    if (fence && !open) open = { language: fence[1], line: index + 1, lines: [] };
    else if (fence && open) {
      blocks.push(open);
      open = undefined;
    } else open?.lines.push(text);
  });
  return blocks;
}

/** A console block as commands, each with the output printed under it. */
function steps(block: Block): Step[] {
  const result: Step[] = [];
  block.lines.forEach((text, index) => {
    if (text.startsWith('$ ')) result.push({ command: text.slice(2), expected: '', line: block.line + 1 + index });
    else if (result.length) result[result.length - 1].expected += `${text}\n`;
  });
  return result;
}

/** The words of a command line: spaces split, single and double quotes group; no other shell syntax. */
function words(command: string): string[] {
  assert.doesNotMatch(command, /[|<>;&`*?]|\$\(/, `the test runs no shell syntax: ${command}`);
  const result: string[] = [];
  for (const match of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) result.push(match[1] ?? match[2] ?? match[3]);
  return result;
}

/** The command line's default cache folder for this run: never the user's own. */
const cacheHome = mkdtempSync(path.join(tmpdir(), 'unres-readme-cache-'));
after(() => rmSync(cacheHome, { recursive: true, force: true }));
const env = { ...process.env, XDG_CACHE_HOME: cacheHome };

function unres(args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 90_000, input: '', env });
  if (run.error) throw run.error;
  return run;
}

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const blocks = codeBlocks(readme);

describe('README.md: the command-line examples, as printed', function () {
  // Each run reads the shipped corpus: seconds, more on a busy machine.
  this.timeout(240_000);

  const consoleBlocks = blocks.filter((block) => block.language === 'console');
  it('has console examples to run', () => {
    assert.ok(consoleBlocks.some((block) => steps(block).some((step) => step.command.startsWith('unres '))));
  });

  for (const block of consoleBlocks) {
    it(`the console block at line ${block.line} prints what it shows`, () => {
      let status: number | null = null;
      for (const step of steps(block)) {
        if (step.command === 'echo $?') {
          assert.strictEqual(`${status}\n`, step.expected, `README.md:${step.line}: the exit status`);
          continue;
        }
        const [program, ...args] = words(step.command);
        assert.strictEqual(program, 'unres', `README.md:${step.line}: the test runs unres and echo $? only, not "${step.command}"`);
        const run = unres(args);
        status = run.status;
        assert.strictEqual(run.stderr, '', `README.md:${step.line}: ${step.command} writes nothing to stderr`);
        assert.strictEqual(run.stdout, step.expected, `README.md:${step.line}: ${step.command} prints what the README shows`);
      }
    });
  }

  const shellCommands = blocks
    .filter((block) => block.language === 'sh')
    .flatMap((block) => block.lines.map((text, index) => ({ text: text.replace(/\s+#.*$/, '').trim(), line: block.line + 1 + index })))
    .filter(({ text }) => /^(?:unres|node server\/bin\/unres\.js) /.test(text));
  it('has shell examples of unres', () => {
    assert.ok(shellCommands.length > 0);
  });

  for (const { text, line } of shellCommands) {
    it(`README.md:${line}: ${text} runs`, () => {
      // The one shell syntax these examples use is a glob of files: expanded here by the shell.
      const command = text.replace(/^(?:unres|node server\/bin\/unres\.js) /, '');
      const run = spawnSync('/bin/sh', ['-c', `"$0" "$1" ${command}`, process.execPath, bin], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000, input: '', env });
      if (run.error) throw run.error;
      assert.ok(run.status === 0 || run.status === 1, `exit status ${run.status}\n${run.stdout}${run.stderr}`);
      assert.strictEqual(run.stderr, '');
    });
  }
});
