// Untrusted-workspace suite: scripts/vscode-test.mjs opens a fresh copy of
// test/fixtures/untrusted/workspace in code-server with workspace trust enabled, so that it opens
// in Restricted Mode, with the project as extensionDevelopmentPath.
import { runSuite, testFilesIn } from '../runner';

export function run(): Promise<void> {
  return runSuite('untrusted', testFilesIn(__dirname));
}
