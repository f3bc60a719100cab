import * as path from 'path';
import { commands, ExtensionContext, Uri, window, workspace } from 'vscode';
import {
  CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind,
} from 'vscode-languageclient/node';
import { PROCESS_ID_REQUEST, USER_SETTINGS_NOTIFICATION, type InitializationOptions } from '../../server/src/protocol';
import { registerAmendmentCommands } from './amendments';
import { registerCompareCommands } from './compare/commands';
import { registerCorpusStatus, type CorpusStatusView } from './corpusStatus';
import { registerIssuanceCommand } from './issuance';
import { registerDocumentView } from './documentView';

let client: LanguageClient | undefined;

/** Settings that name files to read; VS Code withholds their workspace values until the workspace is trusted. */
const RESTRICTED = ['corpus.paths', 'corpus.catalogues'];


/** Not in the Command Palette: the server's process id, for the test that kills the server. */
const PROCESS_ID_COMMAND = 'unres.serverProcessId';

/** What the extension gives other extensions (and its tests): the corpus's status bar item as shown. */
export interface UnresApi {
  corpusStatus: CorpusStatusView;
}

export async function activate(context: ExtensionContext): Promise<UnresApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'unres' }],
    outputChannelName: 'UN Resolutions Language Server',
    markdown: { isTrusted: false, supportHtml: false },
    // A function: a restarted server is told the values of the moment.
    initializationOptions: (): InitializationOptions => ({ userSettings: userCorpusSettings(), corpusStatusNotifications: true, cacheFolder: context.globalStorageUri.fsPath }),
    errorHandler: new RestartingErrorHandler((message) => client?.outputChannel.appendLine(message)),
  };
  client = new LanguageClient('unres', 'UN Resolutions', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(registerDocumentView(client));
  registerCompareCommands(context, client);
  registerAmendmentCommands(context, client);
  registerIssuanceCommand(context, client);
  const corpusStatus = registerCorpusStatus(context, client);
  context.subscriptions.push(
    commands.registerCommand(PROCESS_ID_COMMAND, () => client?.sendRequest<number>(PROCESS_ID_REQUEST)),
    workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('unres.corpus')) void client?.sendNotification(USER_SETTINGS_NOTIFICATION, userCorpusSettings());
    }),
  );

  void tellWhyWorkspaceCorpusIsNotRead();
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => {
      // The workspace's corpus settings are readable now: let the server read them again.
      void client?.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }),
  );
  return { corpusStatus };
}

/**
 * The corpus folders and catalogues of the user's own settings. The server reads a path that
 * only a workspace's settings name only inside the workspace folders and the home folder;
 * these it reads wherever they are.
 */
function userCorpusSettings(): { corpus: { paths: string[]; catalogues: string[] } } {
  const settings = workspace.getConfiguration('unres');
  const user = (key: string) => {
    const value = settings.inspect<unknown>(key)?.globalValue;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  };
  return { corpus: { paths: user('corpus.paths'), catalogues: user('corpus.catalogues') } };
}

const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * vscode-languageclient's default policy, chosen and written out: a server that stops is
 * restarted, at most 4 times in 3 minutes (a server that crashes more often than that would
 * only crash again: it is left stopped, and the user is told); a connection that errs goes
 * on for 3 errors in a row, then the server is shut down. Each restart is logged.
 */
class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];

  constructor(private readonly log: (message: string) => void) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((time) => now - time < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      return {
        action: CloseAction.DoNotRestart,
        message: `The UN Resolutions language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and is not restarted again. Its output (UN Resolutions Language Server) may say why; reload the window to start it.`,
      };
    }
    this.restarts.push(now);
    this.log(`The language server stopped unexpectedly; restarting it (restart ${this.restarts.length} of at most ${MAX_RESTARTS} in 3 minutes).`);
    return { action: CloseAction.Restart, handled: true };
  }
}

async function tellWhyWorkspaceCorpusIsNotRead(): Promise<void> {
  if (workspace.isTrusted) return;
  // In Restricted Mode VS Code withholds the workspace values of restricted settings from
  // extensions as well (inspect() has no workspaceValue), so look in the settings files.
  const named = new Set<string>();
  for (const settings of await workspaceSettings()) {
    for (const key of RESTRICTED) {
      const value = settings[`unres.${key}`];
      if (Array.isArray(value) && value.length > 0) named.add(`unres.${key}`);
    }
  }
  if (named.size === 0) return;
  void window.showInformationMessage(
    `UN Resolutions: this workspace's settings name corpus files (${[...named].join(', ')}), which are not read until you trust the workspace. Corpus folders and catalogues in your user settings are read.`,
  );
}

/** The settings of each folder's .vscode/settings.json and of the .code-workspace file, as written. */
async function workspaceSettings(): Promise<Record<string, unknown>[]> {
  const read = async (uri: Uri): Promise<Record<string, unknown> | undefined> => {
    try {
      const value = parseJsonc(new TextDecoder().decode(await workspace.fs.readFile(uri)));
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const found: Record<string, unknown>[] = [];
  for (const folder of workspace.workspaceFolders ?? []) {
    const settings = await read(Uri.joinPath(folder.uri, '.vscode', 'settings.json'));
    if (settings) found.push(settings);
  }
  const file = workspace.workspaceFile;
  if (file && file.scheme !== 'untitled') {
    const settings = (await read(file))?.settings;
    if (settings && typeof settings === 'object') found.push(settings as Record<string, unknown>);
  }
  return found;
}

/** JSON with comments and trailing commas, as VS Code writes settings; undefined when it is not. */
function parseJsonc(text: string): unknown {
  const json = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\/|,(?=\s*[}\]])/g, (_match, string: string | undefined) => string ?? '');
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
