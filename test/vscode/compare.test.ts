// "Compare with…" in real VS Code: the commands open the comparison view (a webview that
// reports what it shows) and VS Code's diff editor on the normalised texts, with the summary the
// comparison engine gives for the same two texts.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DiffViewState } from '../../client/src/compare/commands';
import type { ComparisonViewState } from '../../client/src/compare/view';
import { compareDocuments } from '../../server/src/compare/compare';
import { changeAnchor, formatSummary } from '../../server/src/compare/render';
import type { Comparison } from '../../server/src/compare/types';
import { parseResolution } from '../../server/src/parser/parse';
import { openSeed, ourExtension, pollNonEmpty, SEED_000, SEED_004, seedUri } from './helpers';
import { askHarness } from './runner';

/** The engine's comparison of two seeds, computed here in the test's own process. */
async function engineComparison(oldSeed: string, newSeed: string): Promise<Comparison> {
  const read = async (seed: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(seedUri(seed)));
  return compareDocuments(parseResolution(await read(oldSeed)), parseResolution(await read(newSeed)));
}

/** Waits until the page in the view has loaded and reported what it shows. */
async function shownBy(state: ComparisonViewState, renders = state.renders): Promise<NonNullable<ComparisonViewState['shown']>> {
  const [shown] = await pollNonEmpty('the comparison view to report what it shows', async () =>
    state.shown && state.shown.renders >= renders ? [state.shown] : [],
  );
  return shown;
}

const allTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);

/** Closes every tab without unsaved changes (other suites leave untitled drafts open; closing those would ask to save them). */
async function closeCleanTabs(): Promise<void> {
  await vscode.window.tabGroups.close(allTabs().filter((tab) => !tab.isDirty));
}

suite('Compare with…', () => {
  suiteSetup(async () => {
    await ourExtension().activate();
    await closeCleanTabs();
  });

  test('Compare with Corpus Resolution opens the comparison view with the engine\'s summary (000 against A/RES/73/266)', async () => {
    const document = await openSeed(SEED_000);
    const state = await vscode.commands.executeCommand<ComparisonViewState>('unres.compareWithCorpus', { symbol: 'A/RES/73/266' });
    assert.ok(state, 'the command returned nothing (see the error message it showed)');
    assert.strictEqual(state.view, 'webview');
    assert.strictEqual(state.oldTitle, 'A/RES/73/266');
    assert.strictEqual(state.newTitle, SEED_000);
    assert.strictEqual(state.title, `A/RES/73/266 → ${SEED_000}`);

    const expected = await engineComparison(SEED_004, SEED_000);
    assert.deepStrictEqual(state.summary, expected.summary);
    assert.strictEqual(state.summaryText, formatSummary(expected.summary));
    // The two texts share most of their preamble; their operative parts differ.
    assert.ok(expected.summary.unchanged >= 10, JSON.stringify(expected.summary));
    assert.notStrictEqual(state.summaryText, 'No textual change');

    // The page itself: its summary line and one heading per change.
    const shown = await shownBy(state);
    assert.ok(shown.summary.startsWith(state.summaryText), `the view shows "${shown.summary}", expected "${state.summaryText} …"`);
    const listed = expected.changes.filter((c) => c.kind !== 'unchanged');
    assert.strictEqual(shown.headings.length, listed.length, shown.headings.join(' | '));
    assert.ok(shown.headings.some((h) => /^OP\d+.*: (added|changed)/.test(h)), shown.headings.join(' | '));

    const tab = allTabs().find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('unres.comparison'));
    assert.ok(tab, `no comparison view among the tabs: ${allTabs().map((t) => t.label).join(', ')}`);
    assert.strictEqual(tab.label, state.title);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString(), 'the draft keeps the focus');

  });

  test('Compare with Another File compares the draft with the file given (004 → 000)', async () => {
    await openSeed(SEED_000);
    const state = await vscode.commands.executeCommand<ComparisonViewState>('unres.compareWithFile', { with: seedUri(SEED_004) });
    assert.ok(state, 'the command returned nothing');
    assert.strictEqual(state.title, `${SEED_004} → ${SEED_000}`);
    assert.deepStrictEqual(state.summary, (await engineComparison(SEED_004, SEED_000)).summary);
    assert.ok((await shownBy(state)).summary.startsWith(state.summaryText));
  });

  test('a click on a change in the view shows that paragraph in the editor', async function () {
    if (process.env.UNRES_NO_SCREENSHOT === '1') this.skip(); // only the code-server harness can click in a webview
    // One comparison view on screen, so that the harness finds its page.
    await vscode.window.tabGroups.close(allTabs().filter((tab) => tab.input instanceof vscode.TabInputWebview));
    const document = await openSeed(SEED_000);
    const state = await vscode.commands.executeCommand<ComparisonViewState>('unres.compareWithCorpus', { symbol: 'A/RES/73/266' });
    await shownBy(state);
    // The harness clicks the heading of the last change in the page and says which one it was.
    const clicked = await askHarness('compare-click');
    if (clicked === undefined) this.skip();
    assert.ok(clicked && !clicked.startsWith('failed'), `the harness could not click: ${clicked}`);
    const change = (await engineComparison(SEED_004, SEED_000)).changes.find((c) => changeAnchor(c) === clicked);
    assert.ok(change && change.new.length > 0, `clicked "${clicked}", which is not a change of the new version`);
    const line = document.positionAt(Math.min(...change.new.map((u) => u.start))).line;
    await pollNonEmpty(`the editor to show line ${line + 1}`, async () => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.toString() === document.uri.toString() && editor.selection.active.line === line ? [editor] : [];
    });
  });

  test('the diff-editor variant opens VS Code\'s diff editor on the two normalised texts', async () => {
    await openSeed(SEED_000);
    const state = await vscode.commands.executeCommand<DiffViewState>('unres.compareWithCorpus', { symbol: 'A/RES/73/266', view: 'diff' });
    assert.ok(state, 'the command returned nothing');
    assert.strictEqual(state.view, 'diff');
    const tab = await pollNonEmpty('a diff tab', async () =>
      allTabs().filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === state.right.toString()),
    );
    const input = tab[0].input as vscode.TabInputTextDiff;
    assert.strictEqual(input.original.scheme, 'unres-compare');
    assert.strictEqual(tab[0].label, state.title);
    const [oldText, newText] = await Promise.all([input.original, input.modified].map(async (uri) => (await vscode.workspace.openTextDocument(uri)).getText()));
    assert.match(oldText, /^PP1 Recalling its resolutions 53\/70/);
    assert.match(newText, /\n\nOP5 /);
    assert.notStrictEqual(oldText, newText);
    // Plain text: the normalised "PP1 …" lines are not drafts to check.
    assert.notStrictEqual((await vscode.workspace.openTextDocument(input.modified)).languageId, 'unres');

    // The view's "Open in Diff Editor" button runs this command on the view's comparison.
    const fromView = await vscode.commands.executeCommand<DiffViewState>('unres.openComparisonInDiffEditor');
    assert.strictEqual(fromView?.view, 'diff');
    assert.strictEqual(fromView.summaryText, state.summaryText);
  });

  test('the view follows edits of the draft', async () => {
    // An untitled copy of A/RES/73/266 against the corpus text: no change, then one.
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(seedUri(SEED_004)));
    const document = await vscode.workspace.openTextDocument({ language: 'unres', content: text });
    await vscode.window.showTextDocument(document);
    const state = await vscode.commands.executeCommand<ComparisonViewState>('unres.compareWithCorpus', { symbol: 'A/RES/73/266' });
    assert.strictEqual(state.summaryText, 'No textual change');
    await shownBy(state);
    const renders = state.renders;
    const anchor = '*Invites* all Member States, taking';
    assert.ok(text.includes(anchor));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(text.indexOf(anchor) + anchor.length), ' fully');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const shown = await shownBy(state, renders + 1);
    assert.strictEqual(state.summaryText, '1 paragraph changed');
    assert.ok(shown.summary.startsWith('1 paragraph changed'), shown.summary);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Compare with Last Committed Version compares a committed seed with itself: no change', async function () {
    const seed = seedUri(SEED_000).fsPath;
    try {
      execFileSync('git', ['-C', path.dirname(seed), 'ls-files', '--error-unmatch', path.basename(seed)], { stdio: 'ignore' });
    } catch {
      this.skip(); // not a git checkout (or no git): the command says so instead
    }
    await openSeed(SEED_000);
    const state = await vscode.commands.executeCommand<ComparisonViewState>('unres.compareWithHead');
    assert.ok(state, 'the command returned nothing (see the warning it showed)');
    assert.strictEqual(state.oldTitle, `${SEED_000} (HEAD)`);
    assert.strictEqual(state.summaryText, 'No textual change');
    assert.ok((await shownBy(state)).summary.startsWith('No textual change'));
  });

  suiteTeardown(async () => {
    await closeCleanTabs();
  });
});
