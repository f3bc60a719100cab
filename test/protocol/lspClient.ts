// A minimal LSP client over stdio for the protocol suite: spawns the real server binary.
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection, InitializeRequest, ProtocolConnection, PublishDiagnosticsNotification, PublishDiagnosticsParams,
  StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { CORPUS_STATUS_NOTIFICATION, type CorpusStatus } from '../../server/src/protocol';
import { repoRoot } from '../helpers';

export const serverBin = path.join(repoRoot, 'server', 'bin', 'unres-language-server.js');

export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  stderr = '';

  /** Settings the client answers with, by section: { 'unres.corpus': { paths: [...] } }. */
  settings: Record<string, unknown> = {};
  readonly messages: { type: number; message: string }[] = [];
  /** What the server wrote to the client's log (window/logMessage). */
  readonly logs: string[] = [];
  /**
   * Work-done progress as it came, in order, with the time it came: the creation of each token
   * (window/workDoneProgress/create) and each $/progress.
   */
  readonly progress: { token: string; at: number; kind: 'create' | 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number }[] = [];
  /** unres/corpusStatusChanged notifications, in order. */
  readonly corpusStatuses: CorpusStatus[] = [];

  private constructor(readonly process: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    // The server asks for settings by section ("unres.corpus"); answer from `settings`.
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section && item.section in this.settings ? this.settings[item.section] : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
    });
    this.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.messages.push(params);
      return null;
    });
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.onRequest('window/workDoneProgress/create', (params: { token: string }) => {
      this.progress.push({ token: String(params.token), at: Date.now(), kind: 'create' });
      return null;
    });
    this.connection.onNotification('$/progress', (params: { token: string; value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number } }) => {
      this.progress.push({ token: String(params.token), at: Date.now(), ...params.value });
    });
    this.connection.onNotification(CORPUS_STATUS_NOTIFICATION, (status: CorpusStatus) => {
      this.corpusStatuses.push(status);
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.listen();
  }

  /**
   * `options`: initializationOptions to send, environment variables for the server (HOME, say),
   * and whether the client can show work-done progress (window.workDoneProgress).
   */
  static async start(
    args: string[] = ['--stdio'],
    settings: Record<string, unknown> = {},
    workspaceFolder?: string,
    options: { initializationOptions?: unknown; env?: Record<string, string>; workDoneProgress?: boolean } = {},
  ): Promise<LspClient> {
    const child = spawn(process.execPath, [serverBin, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const client = new LspClient(child);
    client.settings = settings;
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      initializationOptions: options.initializationOptions,
      rootUri: pathToFileURL(workspaceFolder ?? repoRoot).toString(),
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, definition: { linkSupport: true } },
        ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
      },
      workspaceFolders: workspaceFolder ? [{ uri: pathToFileURL(workspaceFolder).toString(), name: 'workspace' }] : null,
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'unres', version, text } });
  }

  /** The versions of a document whose diagnostics were published, in order. */
  publishedVersions(uri: string): number[] {
    return (this.diagnostics.get(uri) ?? []).map((d) => d.version ?? -1);
  }

  /** Waits until `check` holds, polling (for effects of background work such as the corpus load). */
  async until<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error('timed out waiting for the server');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Waits for the diagnostics of a document version (published after every change). */
  async diagnosticsFor(uri: string, version: number, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const list = this.diagnostics.get(uri) ?? [];
      // The latest publication for that version: a corpus reload publishes again.
      const found = [...list].reverse().find((d) => d.version === version);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000))]);
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
    return code;
  }
}
