// The corpus in the status bar, beside a resolution: how many documents the server's corpus holds,
// a spinner while it is loaded or indexed, and on click what it is read from (folders,
// catalogues), the problems of the last load and "Reload corpus". The server says when its state
// changes (unres/corpusStatusChanged), so nothing polls; the numbers of a running load show in
// the work-done progress the server reports beside it.
import * as path from 'path';
import { commands, env, ExtensionContext, QuickPickItem, QuickPickItemKind, Range, StatusBarAlignment, UIKind, Uri, window, workspace } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CORPUS_STATUS_NOTIFICATION, CORPUS_STATUS_REQUEST, RELOAD_CORPUS_REQUEST, type CorpusStatus } from '../../server/src/protocol';

export const CORPUS_COMMANDS = {
  reload: 'unres.reloadCorpus',
  show: 'unres.showCorpus',
} as const;

/** What the status bar item shows, for the tests (the extension's exports). */
export interface CorpusStatusView {
  readonly text: string;
  readonly tooltip: string;
  readonly visible: boolean;
  readonly status: CorpusStatus | undefined;
}

interface CorpusItem extends QuickPickItem {
  run?: () => unknown;
}

export function registerCorpusStatus(context: ExtensionContext, client: LanguageClient): CorpusStatusView {
  const item = window.createStatusBarItem('unres.corpus', StatusBarAlignment.Right, 100);
  item.name = 'UN Resolutions Corpus';
  item.command = CORPUS_COMMANDS.show;
  let status: CorpusStatus | undefined;
  let serverStopped = false;
  let visible = false;

  const render = () => {
    item.text = statusText(status, serverStopped);
    item.tooltip = statusTooltip(status, serverStopped);
  };
  const show = (next: CorpusStatus | undefined) => {
    status = next;
    render();
  };
  const refresh = async () => {
    try {
      show(await client.sendRequest<CorpusStatus>(CORPUS_STATUS_REQUEST));
    } catch {
      // The server stopped meanwhile: its restart brings a new status.
    }
  };
  // Only beside a resolution: in other editors the corpus means nothing.
  const follow = () => {
    visible = window.activeTextEditor?.document.languageId === 'unres';
    if (visible) item.show();
    else item.hide();
  };

  const reload = async (): Promise<CorpusStatus | undefined> => {
    try {
      const started = await client.sendRequest<CorpusStatus>(RELOAD_CORPUS_REQUEST);
      show(started);
      return started;
    } catch (error) {
      void window.showErrorMessage(`UN Resolutions: the corpus could not be reloaded: ${(error as Error)?.message ?? error}`);
      return undefined;
    }
  };

  context.subscriptions.push(
    item,
    client.onNotification(CORPUS_STATUS_NOTIFICATION, (next: CorpusStatus) => show(next)),
    client.onDidChangeState(({ newState }) => {
      serverStopped = newState === State.Stopped;
      if (newState === State.Running) void refresh();
      else render();
    }),
    window.onDidChangeActiveTextEditor(follow),
    // Choosing another language for a file reopens its document; the editor stays.
    workspace.onDidOpenTextDocument((document) => {
      if (document === window.activeTextEditor?.document) follow();
    }),
    commands.registerCommand(CORPUS_COMMANDS.reload, reload),
    commands.registerCommand(CORPUS_COMMANDS.show, () => pickFromCorpus(status, { reload, showOutput: () => client.outputChannel.show(true) })),
  );
  render();
  follow();
  void refresh();

  return {
    get text() {
      return item.text;
    },
    get tooltip() {
      return typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
    },
    get visible() {
      return visible;
    },
    get status() {
      return status;
    },
  };
}

const grouped = (n: number) => n.toLocaleString('en-US');
const counted = (n: number, one: string, many = `${one}s`) => `${grouped(n)} ${n === 1 ? one : many}`;

/** "$(library) Corpus: 20,671 documents", with a spinner while the corpus is loaded or indexed. */
export function statusText(status: CorpusStatus | undefined, serverStopped = false): string {
  if (serverStopped) return '$(circle-slash) Corpus: server stopped';
  if (!status) return '$(sync~spin) Corpus: starting…';
  const busy = status.state !== 'ready';
  const icon = busy ? '$(sync~spin)' : '$(library)';
  // Before the first load ends there is nothing to count: say what is happening instead of "0".
  const size = busy && status.documents === 0 ? (status.state === 'loading' ? 'loading…' : 'indexing…') : counted(status.documents, 'document');
  const problems = status.problemCount > 0 ? ` $(warning) ${grouped(status.problemCount)}` : '';
  return `${icon} Corpus: ${size}${problems}`;
}

export function statusTooltip(status: CorpusStatus | undefined, serverStopped = false): string {
  if (serverStopped) return 'The UN Resolutions language server is not running.';
  if (!status) return 'The UN Resolutions language server is starting.';
  const lines = [
    `UN Resolutions corpus: ${counted(status.documents, 'document')} and ${counted(status.catalogueEntries, 'catalogue entry', 'catalogue entries')} (symbols known), ` +
      `from ${counted(status.folders.length, 'folder')} and ${counted(status.catalogues.length, 'catalogue')}.`,
  ];
  if (status.state === 'loading') lines.push('Loading the corpus; until it is loaded, the previous one answers.');
  if (status.state === 'indexing') lines.push('Indexing agreed language.');
  if (status.problemCount > 0) lines.push(`${counted(status.problemCount, 'problem')} in the last load.`);
  lines.push('Click for its folders, catalogues and problems, or to reload it.');
  return lines.join('\n');
}

/** The quick pick of the status bar item: reload, the folders, the catalogues, the problems. */
async function pickFromCorpus(status: CorpusStatus | undefined, actions: { reload: () => unknown; showOutput: () => void }): Promise<void> {
  const items: CorpusItem[] = [{ label: '$(refresh) Reload corpus', description: 'read the settings, folders and catalogues again', run: actions.reload }];
  if (status) items.push(...corpusItems(status, actions.showOutput));
  const state = status?.state === 'loading' ? ' (loading)' : status?.state === 'indexing' ? ' (indexing)' : '';
  const picked = await window.showQuickPick(items, {
    title: status
      ? `Corpus: ${counted(status.documents, 'document')}, ${grouped(status.catalogueEntries)} catalogue entries${state}`
      : 'Corpus',
    placeHolder: 'Reload the corpus, or open a folder, a catalogue or the file of a problem',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  await picked?.run?.();
}

function corpusItems(status: CorpusStatus, showOutput: () => void): CorpusItem[] {
  const items: CorpusItem[] = [];
  const separator = (label: string) => items.push({ label, kind: QuickPickItemKind.Separator });
  separator('Folders');
  for (const folder of status.folders) {
    const where = folder.shipped ? ' · shipped with the extension' : '';
    items.push({ label: `$(folder) ${folder.path}`, description: `${counted(folder.documents, 'document')}${where}`, run: () => reveal(Uri.file(folder.path)) });
  }
  if (status.catalogues.length > 0) {
    separator('Catalogues');
    for (const catalogue of status.catalogues) {
      const where = catalogue.shipped ? ' · shipped with the extension' : '';
      const read = catalogue.entries > 0 ? counted(catalogue.entries, 'entry', 'entries') : 'not read (see its problem)';
      items.push({ label: `$(book) ${catalogue.path}`, description: `${read}${where}`, run: () => openAt(Uri.file(catalogue.path)) });
    }
  }
  if (status.problemCount > 0) {
    separator(`Problems of the last load (${grouped(status.problemCount)})`);
    for (const problem of status.problems) {
      const uri = Uri.parse(problem.uri);
      const name = uri.scheme === 'file' ? path.basename(uri.fsPath) : problem.uri;
      // A problem with a row is in a catalogue that was read: a text file, safe to open there.
      // Another may be a FIFO or a device, which an editor must not open.
      items.push({
        label: `$(warning) ${name}${problem.line !== undefined ? `, row ${problem.line}` : ''}`,
        detail: problem.message,
        run: problem.line !== undefined ? () => openAt(uri, problem.line) : undefined,
      });
    }
    const more = status.problemCount - status.problems.length;
    if (more > 0) items.push({ label: `$(output) ${counted(more, 'more problem')}`, description: 'in the UN Resolutions Language Server output', run: showOutput });
  }
  return items;
}

async function openAt(uri: Uri, line?: number): Promise<void> {
  const at = line !== undefined ? Math.max(0, line - 1) : 0;
  try {
    await window.showTextDocument(uri, { selection: new Range(at, 0, at, 0), preview: true });
  } catch (error) {
    void window.showWarningMessage(`UN Resolutions: ${uri.fsPath} cannot be opened: ${(error as Error)?.message ?? error}`);
  }
}

/** In the Explorer when the folder is in the workspace, else in the system's file manager (desktop only). */
async function reveal(folder: Uri): Promise<void> {
  if (workspace.getWorkspaceFolder(folder)) await commands.executeCommand('revealInExplorer', folder);
  else if (env.uiKind === UIKind.Desktop && !env.remoteName) await commands.executeCommand('revealFileInOS', folder);
}
