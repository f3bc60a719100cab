// Development-mode suite: scripts/vscode-test.mjs opens code-server with this file as
// extensionTestsPath and the project as extensionDevelopmentPath.
import * as vscode from 'vscode';
import { openSeed, SEED_004, sleep } from './helpers';
import { requestScreenshot, runSuite, testFilesIn } from './runner';

export function run(): Promise<void> {
  return runSuite('development', testFilesIn(__dirname), showOutlineForScreenshot);
}

/** Leaves a seed open with the Outline view expanded, and has the harness take a screenshot. */
async function showOutlineForScreenshot(): Promise<void> {
  const quietly = (command: string) => vscode.commands.executeCommand(command).then(undefined, () => undefined);
  await openSeed(SEED_004);
  await quietly('workbench.action.closeOtherEditors');
  await quietly('workbench.view.explorer');
  // Give the Outline more of the side bar: hide the timeline (the harness collapses the
  // folder tree before it takes the picture).
  await quietly('timeline.removeView');
  await quietly('outline.focus');
  await sleep(1500);
  await quietly('outline.expand');
  // Collapse the header (the first symbol) so the preamble and the operative part show.
  await quietly('list.focusFirst');
  await quietly('list.collapse');
  await quietly('workbench.action.focusActiveEditorGroup');
  await sleep(1000);
  await requestScreenshot('outline');
}
