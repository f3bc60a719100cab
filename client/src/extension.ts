import * as path from 'path';
import { ExtensionContext, window, workspace } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Settings that name files to read; VS Code withholds their workspace values until the workspace is trusted. */
const RESTRICTED = ['corpus.paths', 'corpus.catalogues'];

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'unres' }],
    outputChannelName: 'UN Resolutions Language Server',
    markdown: { isTrusted: false, supportHtml: false },
  };
  client = new LanguageClient('unres', 'UN Resolutions', serverOptions, clientOptions);
  await client.start();

  tellWhyWorkspaceCorpusIsNotRead();
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => {
      // The workspace's corpus settings are readable now: let the server read them again.
      void client?.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }),
  );
}

function tellWhyWorkspaceCorpusIsNotRead(): void {
  if (workspace.isTrusted) return;
  const configuration = workspace.getConfiguration('unres');
  const named = RESTRICTED.filter((key) => {
    const values = configuration.inspect<string[]>(key);
    return (values?.workspaceValue?.length ?? 0) > 0 || (values?.workspaceFolderValue?.length ?? 0) > 0;
  });
  if (named.length === 0) return;
  void window.showInformationMessage(
    `UN Resolutions: this workspace's settings name corpus files (${named.map((k) => `unres.${k}`).join(', ')}), which are not read until you trust the workspace. Corpus folders and catalogues in your user settings are read.`,
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
