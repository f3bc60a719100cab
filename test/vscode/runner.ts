// Runs mocha inside VS Code's extension host, for the suites that scripts/vscode-test.mjs
// starts in code-server (index.ts: development mode; packaged/index.ts: the installed .vsix).
//
// Environment variables do not reliably reach the extension host in code-server, so the
// results go to files the harness knows: .vscode-test/results/<suite>.json holds
// {"passes","failures","pending"}, and <suite>.log the spec reporter's output, written line
// by line so the harness can print it as the tests run.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { format } from 'util';

/** The project's root folder (this file is compiled to out/test/vscode/runner.js). */
export const projectRoot = path.resolve(__dirname, '..', '..', '..');
export const resultsDir = path.join(projectRoot, '.vscode-test', 'results');

export function testFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

export interface Counts {
  passes: number;
  failures: number;
  pending: number;
}

/**
 * Runs the given compiled test files with mocha (TDD interface: suite/test), writes the
 * counts and the spec output under .vscode-test/results/, and rejects when a test failed,
 * so VS Code reports a non-zero exit code to the harness.
 */
export async function runSuite(suiteName: string, files: string[], afterTests?: () => Promise<void>): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, `${suiteName}.json`);
  const logFile = path.join(resultsDir, `${suiteName}.log`);
  rmSync(resultsFile, { force: true });
  writeFileSync(logFile, '');

  const Base = Mocha.reporters.Base as unknown as { consoleLog: (...data: unknown[]) => void; useColors: boolean };
  const originalLog = Base.consoleLog;
  Base.useColors = false;
  Base.consoleLog = (...data: unknown[]) => {
    appendFileSync(logFile, format(...data) + '\n');
    originalLog(...data);
  };

  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false });
  for (const file of files) mocha.addFile(file);

  let counts: Counts;
  try {
    counts = await new Promise<Counts>((resolve, reject) => {
      try {
        const runner = mocha.run(() => {
          const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
          resolve({ passes, failures, pending });
        });
      } catch (error) {
        reject(error);
      }
    });
  } catch (error) {
    appendFileSync(logFile, `mocha could not run: ${(error as Error)?.stack ?? error}\n`);
    counts = { passes: 0, failures: 1, pending: 0 };
  } finally {
    Base.consoleLog = originalLog;
  }
  writeFileSync(resultsFile, JSON.stringify(counts) + '\n');

  if (afterTests) {
    try {
      await afterTests();
    } catch (error) {
      appendFileSync(logFile, `(after the tests: ${(error as Error)?.message ?? error})\n`);
    }
  }
  if (counts.failures > 0) throw new Error(`${counts.failures} test(s) failed in ${suiteName}`);
}

/**
 * Asks the harness (which drives the browser) to do something only it can, outside VS Code's
 * API, and waits for it: writes <name>.request, waits for <name>.done and returns what the
 * harness wrote there (undefined when it did not answer in time). scripts/vscode-test.mjs
 * knows the names: "outline" and "compare" (screenshots), "compare-click" (click the last change
 * in the comparison view; answers its id), "status-bar" (the text of the status bar's items, one
 * a line), "quick-pick" (the rows of the quick pick on screen, one a line), and in the untrusted run "notifications" (the
 * text of the notification toasts seen so far), "untrusted" (a screenshot) and "grant-trust"
 * (click Trust in the Workspace Trust editor).
 */
export async function askHarness(name: string, timeoutMs = 20_000): Promise<string | undefined> {
  const request = path.join(resultsDir, `${name}.request`);
  const done = path.join(resultsDir, `${name}.done`);
  rmSync(done, { force: true });
  writeFileSync(request, String(Date.now()));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(done)) {
      const answer = readFileSync(done, 'utf8');
      rmSync(done, { force: true });
      return answer;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  rmSync(request, { force: true });
  return undefined;
}

/**
 * Asks the harness to take a screenshot of the workbench as it is now, and waits for it.
 * Gives up quietly.
 */
export async function requestScreenshot(name: string, timeoutMs = 20_000): Promise<boolean> {
  // Only the code-server harness takes screenshots (of the browser page).
  if (process.env.UNRES_NO_SCREENSHOT === '1') return false;
  return (await askHarness(name, timeoutMs)) !== undefined;
}
