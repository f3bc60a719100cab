// Development-mode suite: scripts/vscode-test.mjs opens code-server with this file as
// extensionTestsPath and the project as extensionDevelopmentPath.
import * as vscode from 'vscode';
import { openSeed, SEED_000, SEED_004, sleep } from './helpers';
import { requestScreenshot, runSuite, testFilesIn } from './runner';

export function run(): Promise<void> {
  return runSuite('development', testFilesIn(__dirname), async () => {
    await showOutlineForScreenshot();
    await showComparisonForScreenshot();
  });
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

/** Seed 000 beside its comparison with A/RES/73/266 (the view of "Compare with Corpus Resolution…"), for a screenshot. */
async function showComparisonForScreenshot(): Promise<void> {
  const quietly = (command: string, ...args: unknown[]) => vscode.commands.executeCommand(command, ...args).then(undefined, () => undefined);
  await openSeed(SEED_000);
  await quietly('workbench.action.closeOtherEditors');
  await quietly('workbench.action.closeSidebar');
  const state = (await quietly('unres.compareWithCorpus', { symbol: 'A/RES/73/266' })) as { shown?: unknown } | undefined;
  for (let i = 0; i < 40 && state && !state.shown; i++) await sleep(250);
  await sleep(1000);
  await requestScreenshot('compare');
}
