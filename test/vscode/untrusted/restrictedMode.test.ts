// The extension in Restricted Mode (package.json: capabilities.untrustedWorkspaces, "limited"):
// corpus folders and catalogues named in the workspace's settings are not read until the
// workspace is trusted; those in the user settings are. The fixture (test/fixtures/untrusted/):
// the workspace's settings name corpus/, whose catalogue knows 76/900; the user settings name a
// catalogue outside the workspace that knows 76/901; draft.txt cites both.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoversAt, hoverText, ourExtension, pollNonEmpty, sleep } from '../helpers';
import { askHarness } from '../runner';

const WORKSPACE_TITLE = /Conservation of lighthouses named in workspace settings/;
const USER_TITLE = /International day of the quokka named in user settings/;

function draftUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, 'draft.txt');
}

async function openDraft(): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(draftUri());
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

function positionOf(document: vscode.TextDocument, text: string): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is not in ${document.uri.path}`);
  return document.positionAt(offset + 2);
}

/** Polls the hover at `text` until it matches `wanted`; returns its text. */
async function hoverMatching(document: vscode.TextDocument, text: string, wanted: RegExp, timeoutMs = 30_000): Promise<string> {
  const position = positionOf(document, text);
  const hovers = await pollNonEmpty(`a hover on ${text} matching ${wanted}`, async () => {
    const result = await hoversAt(document.uri, position);
    return wanted.test(hoverText(result)) ? result : [];
  }, timeoutMs);
  return hoverText(hovers);
}

suite('Untrusted workspace (Restricted Mode)', () => {
  test('the workspace opens untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the workspace is trusted: the harness should open it in Restricted Mode');
  });

  test('the extension activates, and the draft opens as unres (files.associations is not restricted)', async () => {
    const document = await openDraft();
    assert.strictEqual(document.languageId, 'unres');
    const extension = ourExtension();
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  test('VS Code withholds the workspace values of unres.corpus.paths from extensions (restrictedConfigurations)', () => {
    const paths = vscode.workspace.getConfiguration('unres').inspect<string[]>('corpus.paths');
    assert.strictEqual(paths?.workspaceValue, undefined, 'unres.corpus.paths is not restricted: package.json capabilities.untrustedWorkspaces.restrictedConfigurations');
    // Settings that are not restricted still apply (the draft opened as unres through them).
    assert.deepStrictEqual(vscode.workspace.getConfiguration('files').inspect('associations')?.workspaceValue, { '*.txt': 'unres' });
  });

  test('a catalogue named in the user settings is read: the hover on 76/901 shows its title', async () => {
    const document = await openDraft();
    const text = await hoverMatching(document, '76/901', USER_TITLE);
    assert.match(text, /2 December 2021/);
  });

  test('a corpus folder named in the workspace settings is not read: the hover on 76/900 has no title', async () => {
    const document = await openDraft();
    // The previous test waited for the corpus to load (from the user catalogue, in the same load).
    const text = await hoverMatching(document, '76/900', /76\/900/);
    assert.doesNotMatch(text, WORKSPACE_TITLE, 'the workspace settings were read in Restricted Mode');
  });

  test('the user is told why: an information message names unres.corpus.paths', async () => {
    // VS Code has no API to read notifications: the harness reads the toasts in the page.
    const deadline = Date.now() + 15_000;
    let seen = '';
    while (Date.now() < deadline) {
      seen = (await askHarness('notifications', 5_000)) ?? '';
      if (/not read until you trust the workspace/.test(seen)) break;
      await sleep(500);
    }
    assert.match(seen, /UN Resolutions: this workspace's settings name corpus files \(unres\.corpus\.paths\), which are not read until you trust the workspace/,
      `notifications seen: ${JSON.stringify(seen)}`);
  });

  test('once the workspace is trusted, its corpus folder is read: the hover on 76/900 shows its title', async () => {
    await askHarness('untrusted', 10_000); // a screenshot of Restricted Mode, for the record
    let listener: vscode.Disposable | undefined;
    const granted = new Promise<void>((resolve) => (listener = vscode.workspace.onDidGrantWorkspaceTrust(() => resolve())));
    try {
      // No stable API grants trust (workspace.requestWorkspaceTrust is a proposed API, and it
      // shows a modal dialog): open the Workspace Trust editor, have the harness click "Trust".
      await vscode.commands.executeCommand('workbench.trust.manage');
      const answer = await askHarness('grant-trust', 15_000);
      assert.strictEqual(answer, 'clicked', `the harness could not click Trust: ${answer}`);
      await Promise.race([granted, sleep(10_000)]);
    } finally {
      listener?.dispose();
    }
    assert.strictEqual(vscode.workspace.isTrusted, true, 'the workspace is still untrusted');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const document = await openDraft();
    const text = await hoverMatching(document, '76/900', WORKSPACE_TITLE);
    assert.match(text, /1 December 2021/);
  });
});
