// Development-mode suite: scripts/vscode-test.mjs opens code-server with this file as
// extensionTestsPath and the project as extensionDevelopmentPath.
import * as vscode from 'vscode';
import { openSeed, SEED_004, sleep } from './helpers';
import { requestScreenshot, runSuite, testFilesIn } from './runner';

export function run(): Promise<void> {
  return runSuite('development', testFilesIn(__dirname), showOutlineForScreenshot);
}

/** Leaves a seed open with the Outline view expanded, and has the harness take docs/outline.png. */
async function showOutlineForScreenshot(): Promise<void> {
  await openSeed(SEED_004);
  await vscode.commands.executeCommand('workbench.view.explorer');
  await vscode.commands.executeCommand('outline.focus');
  await sleep(1500);
  await vscode.commands.executeCommand('outline.expand').then(undefined, () => undefined);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await sleep(1000);
  await requestScreenshot('outline');
}
