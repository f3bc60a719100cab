// Packaged-extension suite: scripts/vscode-test.mjs installs the .vsix built by
// `vsce package` into a fresh extensions folder and runs this suite against it; the
// project itself is not loaded as a development extension.
import { runSuite, testFilesIn } from '../runner';

export function run(): Promise<void> {
  return runSuite('packaged', testFilesIn(__dirname));
}
