// The "Compare with…" commands. The comparison runs in the language server (request
// unres/compare); this module only picks the two versions, shows the result in the comparison
// view or VS Code's diff editor, and keeps the view current while the drafts are edited.
//
// Every command takes optional arguments, so that menus, keybindings, other extensions and
// tests can skip the pickers:
//   (uri?: Uri)                     from the editor title or the Explorer: the version to compare
//   (options?: CompareCommandOptions)
// and returns what it opened (ComparisonViewState or DiffViewState), undefined when cancelled.
import * as path from 'path';
import { commands, Disposable, ExtensionContext, QuickPickItem, TextDocument, Uri, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMPARE_REQUEST, COMPARE_WITH_CORPUS_COMMAND, CORPUS_DOCUMENTS_REQUEST, type CompareError, type CompareParams, type CompareResult, type CompareSide, type CorpusDocumentItem } from '../../../server/src/protocol';
import { openAsResolution, readDocument } from '../documentView';
import { committedVersion } from './git';
import { ComparisonPanel, ComparisonViewState } from './view';
import { registerVirtualTexts, virtualTexts } from './texts';

export const COMMANDS = {
  withFile: 'unres.compareWithFile',
  withCorpus: COMPARE_WITH_CORPUS_COMMAND,
  withHead: 'unres.compareWithHead',
  inDiffEditor: 'unres.openComparisonInDiffEditor',
  trackedChanges: 'unres.compareTrackedChanges',
} as const;

export interface CompareCommandOptions {
  /** The version to compare (the newer one); by default the active editor's document. */
  document?: Uri | string;
  /** unres.compareWithFile: the other (older) version; unres.compareWithCorpus: a corpus text's URI. */
  with?: Uri | string;
  /** unres.compareWithCorpus: the corpus text by symbol ("A/RES/73/266") or by title. */
  symbol?: string;
  title?: string;
  /** 'diff': VS Code's diff editor on the two normalised texts instead of the comparison view. */
  view?: 'webview' | 'diff';
}

export interface DiffViewState {
  view: 'diff';
  title: string;
  left: Uri;
  right: Uri;
  summaryText: string;
}

/** How to get each version's text again when the comparison is refreshed. */
export interface ComparisonSources {
  old: () => CompareSide;
  new: () => CompareSide;
  /** Open documents whose edits refresh the comparison. */
  live: Uri[];
  /** Identifies the pair, so that comparing it again reuses its view. */
  key: string;
}

export function registerCompareCommands(context: ExtensionContext, client: LanguageClient): void {
  /** Runs the comparison in the server; says why when it cannot (unless quiet: a refresh while typing). */
  const compare = async (params: CompareParams, quiet = false): Promise<CompareResult | undefined> => {
    let result: CompareResult | CompareError;
    try {
      result = await client.sendRequest<CompareResult | CompareError>(COMPARE_REQUEST, { ...params, format: 'html' });
    } catch (error) {
      result = { error: `the comparison failed (${(error as Error)?.message ?? error})` };
    }
    if ('error' in result) {
      if (!quiet) void window.showErrorMessage(`UN Resolutions: ${result.error}`);
      return undefined;
    }
    return result;
  };
  const show = async (sources: ComparisonSources, view: CompareCommandOptions['view']): Promise<ComparisonViewState | DiffViewState | undefined> => {
    const result = await compare({ old: sources.old(), new: sources.new() });
    if (!result) return undefined;
    if (view === 'diff') return openInDiffEditor(result);
    return ComparisonPanel.show(sources, result, compare, openInDiffEditor);
  };

  context.subscriptions.push(
    registerVirtualTexts(),
    commands.registerCommand(COMMANDS.withFile, async (arg?: Uri | CompareCommandOptions, selected?: Uri[]) => {
      const options = optionsOf(arg);
      // Two files selected in the Explorer: the first is the older version.
      if (Array.isArray(selected) && selected.length === 2 && selected.every((u) => u instanceof Uri)) {
        const [older, newer] = await Promise.all(selected.map((u) => openAsResolution(u)));
        if (!older || !newer) return undefined;
        return show(documentSources(older, newer), options.view);
      }
      const document = await documentToCompare(options);
      if (!document) return undefined;
      let other = uriOf(options.with);
      if (!other) {
        const picked = await window.showOpenDialog({
          canSelectMany: false,
          defaultUri: document.uri.scheme === 'file' ? Uri.file(path.dirname(document.uri.fsPath)) : workspace.workspaceFolders?.[0]?.uri,
          openLabel: 'Compare',
          title: `Compare ${nameOf(document)} with…`,
          filters: { 'Resolutions and drafts': ['unres', 'txt', 'md', 'pdf', 'docx'], 'All files': ['*'] },
        });
        other = picked?.[0];
      }
      if (!other) return undefined;
      const older = await openAsResolution(other);
      if (!older) return undefined;
      return show(documentSources(older, document), options.view);
    }),
    commands.registerCommand(COMMANDS.withCorpus, async (arg?: Uri | CompareCommandOptions) => {
      const options = optionsOf(arg);
      const document = await documentToCompare(options);
      if (!document) return undefined;
      let old: CompareSide | undefined =
        options.symbol ? { symbol: options.symbol } : options.title ? { title: options.title } : options.with ? { uri: String(options.with) } : undefined;
      if (!old) {
        const picked = await pickCorpusDocument(client, document);
        if (!picked) return undefined;
        old = { uri: picked.uri, title: picked.symbol ?? picked.fileName };
      }
      const side = old;
      return show({ old: () => side, new: () => sideOf(document), live: [document.uri], key: `${JSON.stringify(side)}→${document.uri}` }, options.view);
    }),
    commands.registerCommand(COMMANDS.withHead, async (arg?: Uri | CompareCommandOptions) => {
      const options = optionsOf(arg);
      const document = await documentToCompare(options);
      if (!document) return undefined;
      const head = await committedVersion(document.uri, nameOf(document));
      if ('problem' in head) {
        void window.showWarningMessage(`UN Resolutions: ${head.problem}`);
        return undefined;
      }
      // The committed text as a read-only document, so that its paragraphs can be opened too.
      const title = `${nameOf(document)} (HEAD)`;
      const committed = virtualTexts.add(title, head.text);
      const side: CompareSide = { uri: committed.toString(), text: head.text, title };
      return show({ old: () => side, new: () => sideOf(document), live: [document.uri], key: `HEAD→${document.uri}` }, options.view);
    }),
    commands.registerCommand(COMMANDS.trackedChanges, async (arg?: Uri | CompareCommandOptions) => {
      const options = optionsOf(arg);
      // From the Explorer (the file) or the resolution view of a Word draft (its path under the view's scheme).
      const given = uriOf(options.document) ?? window.activeTextEditor?.document.uri;
      if (!given) return undefined;
      const file = given.with({ scheme: 'file' });
      const answer = await readDocument(client, file);
      if ('error' in answer) {
        void window.showErrorMessage(`UN Resolutions: ${answer.error}`);
        return undefined;
      }
      const name = path.basename(file.fsPath);
      if (answer.before === undefined) {
        void window.showInformationMessage(`UN Resolutions: No tracked changes in ${name}`);
        return undefined;
      }
      const accepted = await openAsResolution(file, answer);
      if (!accepted) return undefined;
      // The draft before its tracked changes as a read-only document, so that its paragraphs can be opened too.
      const title = `${name} (before tracked changes)`;
      const original = virtualTexts.add(title, answer.before);
      const side: CompareSide = { uri: original.toString(), text: answer.before, title };
      return show({ old: () => side, new: () => sideOf(accepted), live: [], key: `tracked→${accepted.uri}` }, options.view);
    }),
    commands.registerCommand(COMMANDS.inDiffEditor, async () => {
      const panel = ComparisonPanel.current();
      if (!panel) {
        void window.showInformationMessage('UN Resolutions: compare two versions first (Compare with Another File, Corpus Resolution or Last Committed Version).');
        return undefined;
      }
      return openInDiffEditor(panel.result);
    }),
  );
}

/** Opens VS Code's diff editor on the two normalised texts of a comparison. */
export async function openInDiffEditor(result: CompareResult): Promise<DiffViewState> {
  const left = virtualTexts.add(`${result.oldTitle} (normalised)`, result.normalized.old);
  const right = virtualTexts.add(`${result.newTitle} (normalised)`, result.normalized.new);
  const title = `${result.oldTitle} ↔ ${result.newTitle} (normalised)`;
  await commands.executeCommand('vscode.diff', left, right, title, { preview: false });
  return { view: 'diff', title, left, right, summaryText: result.summaryText };
}

function documentSources(older: TextDocument, newer: TextDocument): ComparisonSources {
  return { old: () => sideOf(older), new: () => sideOf(newer), live: [older.uri, newer.uri], key: `${older.uri}→${newer.uri}` };
}

/** A version held by an editor document: its current text goes with it (the server may not have it open). */
export function sideOf(document: TextDocument): CompareSide {
  return { uri: document.uri.toString(), text: document.getText(), title: nameOf(document) };
}

export function nameOf(document: TextDocument): string {
  return document.isUntitled ? document.uri.path : path.posix.basename(document.uri.path);
}

function optionsOf(arg: unknown): CompareCommandOptions {
  if (arg instanceof Uri) return { document: arg };
  return arg && typeof arg === 'object' ? (arg as CompareCommandOptions) : {};
}

export function uriOf(value: Uri | string | undefined): Uri | undefined {
  if (!value) return undefined;
  return value instanceof Uri ? value : /^[a-z][a-z0-9+.-]*:/i.test(value) ? Uri.parse(value) : Uri.file(value);
}

/** The document named by the options, or the active editor's. */
export async function documentToCompare(options: CompareCommandOptions): Promise<TextDocument | undefined> {
  const uri = uriOf(options.document);
  // A PDF opens as its resolution view.
  if (uri) return openAsResolution(uri);
  const active = window.activeTextEditor?.document;
  if (active) return active;
  // From the comparison view itself: the newer version it shows.
  const shown = ComparisonPanel.current()?.result.newUri;
  if (shown) return workspace.openTextDocument(Uri.parse(shown));
  void window.showInformationMessage('UN Resolutions: open a draft first, then compare it.');
  return undefined;
}

interface CorpusPick extends QuickPickItem {
  item: CorpusDocumentItem;
}

async function pickCorpusDocument(client: LanguageClient, document: TextDocument): Promise<CorpusDocumentItem | undefined> {
  const quickPick = window.createQuickPick<CorpusPick>();
  quickPick.title = `Compare ${nameOf(document)} with a corpus text`;
  quickPick.placeholder = 'Type a symbol (A/RES/73/266) or words of the title';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.busy = true;
  quickPick.show();
  const disposables: Disposable[] = [];
  try {
    const load = client.sendRequest<CorpusDocumentItem[]>(CORPUS_DOCUMENTS_REQUEST).then((items) => {
      const own = document.uri.toString();
      quickPick.items = items
        .filter((item) => item.uri !== own)
        .map((item) => ({
          label: item.symbol ?? item.fileName,
          description: item.title,
          detail: [item.adoptedAs ? `adopted as ${item.adoptedAs}` : undefined, item.date, item.fileName].filter(Boolean).join(' · '),
          item,
        }));
      quickPick.busy = false;
      if (quickPick.items.length === 0) quickPick.placeholder = 'The corpus holds no texts (see the UN Resolutions output)';
    });
    return await new Promise<CorpusDocumentItem | undefined>((resolve) => {
      disposables.push(
        quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.item)),
        quickPick.onDidHide(() => resolve(undefined)),
      );
      load.catch((error) => {
        void window.showErrorMessage(`UN Resolutions: the corpus list is not available (${(error as Error)?.message ?? error}).`);
        resolve(undefined);
      });
    });
  } finally {
    for (const disposable of disposables) disposable.dispose();
    quickPick.dispose();
  }
}
