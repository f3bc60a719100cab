// The corpus's status bar item beside a resolution, and "UN Resolutions: Reload Corpus".
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorpusStatus } from '../../server/src/protocol';
import { ourExtension, openSeed, SEED_004, sleep } from './helpers';
import { askHarness } from './runner';

/** What the extension exports of its status bar item (client/src/corpusStatus.ts). */
interface CorpusStatusView {
  readonly text: string;
  readonly tooltip: string;
  readonly visible: boolean;
  readonly status: CorpusStatus | undefined;
}

async function corpusItem(): Promise<CorpusStatusView> {
  const api = (await ourExtension().activate()) as { corpusStatus?: CorpusStatusView } | undefined;
  assert.ok(api?.corpusStatus, 'the extension exports no corpusStatus');
  return api.corpusStatus;
}

/** Polls until the item satisfies `holds`; fails with what it showed last. */
async function itemUntil(what: string, holds: (item: CorpusStatusView) => boolean, timeoutMs = 60_000): Promise<CorpusStatusView> {
  const item = await corpusItem();
  const deadline = Date.now() + timeoutMs;
  while (!holds(item)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; the item shows ${JSON.stringify({ text: item.text, visible: item.visible, state: item.status?.state })}`);
    await sleep(200);
  }
  return item;
}

// The test workspace names no corpus folder: the corpus is the five seeds shipped with the extension.
const FIVE_DOCUMENTS = /^\$\(library\) Corpus: 5 documents$/;

suite('Corpus in the status bar', () => {
  test('beside a unres file: the corpus size, its catalogue entries in the tooltip', async () => {
    await openSeed(SEED_004);
    const item = await itemUntil('the corpus size', (shown) => shown.visible && FIVE_DOCUMENTS.test(shown.text));
    assert.match(item.tooltip, /^UN Resolutions corpus: 5 documents and [\d,]+ catalogue entries \(symbols known\), from 1 folder and 1 catalogue\./);
    assert.strictEqual(item.status?.state, 'ready');
    // What VS Code draws, where the harness can look (code-server in Chromium). The workbench
    // draws the item a moment after the extension shows it.
    let drawn = await askHarness('status-bar', 10_000);
    for (let tries = 0; drawn !== undefined && !/Corpus: 5 documents/.test(drawn) && tries < 20; tries++) {
      await sleep(500);
      drawn = await askHarness('status-bar', 10_000);
    }
    if (drawn !== undefined) assert.match(drawn, /Corpus: 5 documents/, `the status bar shows: ${drawn}`);
  });

  test('hidden beside a file of another language', async () => {
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a resolution' });
    await vscode.window.showTextDocument(other);
    await itemUntil('the item to hide', (shown) => !shown.visible);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await openSeed(SEED_004);
    await itemUntil('the item to show again', (shown) => shown.visible);
  });

  test('a click on the item lists Reload corpus, the folders and the catalogues; Enter reloads', async () => {
    await openSeed(SEED_004);
    const item = await itemUntil('the first load to end', (shown) => shown.status?.state === 'ready');
    const before = item.status;
    // The item's command, as a click runs it: the quick pick stays open until an item is taken.
    const picked = vscode.commands.executeCommand('unres.showCorpus');
    await sleep(1000);
    const listed = await askHarness('quick-pick', 10_000);
    if (listed !== undefined) {
      // A row's label and description are drawn side by side: their texts may run together.
      const rows = listed.split('\n');
      assert.match(rows[0], /^Reload corpus/, listed);
      assert.ok(rows.some((row) => /[/\\]corpus ?5 documents · shipped with the extension/.test(row)), listed);
      assert.ok(rows.some((row) => /catalogue\.json ?5 entries · shipped with the extension/.test(row)), listed);
    }
    // Reload corpus comes first, and a quick pick starts on its first item.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picked;
    await itemUntil('the reload to end', (shown) => shown.status !== before && shown.status?.state === 'ready');
  });

  test('"UN Resolutions: Reload Corpus" is in the palette for unres files, and reloads', async () => {
    const contributed = (ourExtension().packageJSON?.contributes ?? {}) as {
      commands?: { command: string; title: string; category?: string }[];
      menus?: { commandPalette?: { command: string; when?: string }[] };
    };
    const command = contributed.commands?.find((c) => c.command === 'unres.reloadCorpus');
    assert.deepStrictEqual([command?.category, command?.title], ['UN Resolutions', 'Reload Corpus']);
    assert.strictEqual(contributed.menus?.commandPalette?.find((m) => m.command === 'unres.reloadCorpus')?.when, 'editorLangId == unres');

    await openSeed(SEED_004);
    await itemUntil('the first load to end', (shown) => shown.status?.state === 'ready');
    const started = await vscode.commands.executeCommand<CorpusStatus | undefined>('unres.reloadCorpus');
    assert.strictEqual(started?.state, 'loading', 'the reload answers as it starts');
    await itemUntil('the reload to end', (shown) => shown.status?.state === 'ready' && FIVE_DOCUMENTS.test(shown.text));
  });
});
