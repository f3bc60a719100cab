// The real server process (dist/server.js) over stdio, as an editor starts it, for the bench:
// settings answered from a table, the log and the diagnostics collected, the process's peak
// resident memory read from /proc (Linux).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

/**
 * Starts the server with the corpus folders named by the user and the given arguments
 * (--cache-dir, --no-cache): { connection, child, logs, waitForLog, diagnostics, peakMB, stop }.
 * Times are in ms since the process was spawned.
 */
export async function startServer({ root, folders, args = [], initializationOptions, workspace = root, execArgv = [] }) {
  const bundle = path.join(root, 'dist', 'server.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run "node scripts/build.mjs" first.`);
  const started = performance.now();
  const child = spawn(process.execPath, [...execArgv, bundle, '--stdio', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // The folders as the user's own (initializationOptions.corpus): a bench corpus lies outside the workspace.
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('$/progress', () => undefined);
  const logs = [];
  const logWaiters = [];
  connection.onNotification('window/logMessage', ({ message }) => {
    const entry = { at: performance.now() - started, message };
    logs.push(entry);
    for (const waiter of [...logWaiters]) {
      if (waiter.pattern.test(message)) {
        logWaiters.splice(logWaiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  });
  const diagnostics = new Map();
  const diagnosticWaiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const entry = { at: performance.now() - started, params };
    diagnostics.set(params.uri, [...(diagnostics.get(params.uri) ?? []), entry]);
    for (const waiter of [...diagnosticWaiters]) {
      if (waiter.uri === params.uri && waiter.accept(params)) {
        diagnosticWaiters.splice(diagnosticWaiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  });
  connection.listen();
  const folderUri = pathToFileURL(workspace).toString();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    initializationOptions: { ...initializationOptions, corpus: { paths: folders, catalogues: [] } },
    workspaceFolders: [{ uri: folderUri, name: 'workspace' }],
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
  });
  await connection.sendNotification('initialized', {});
  return {
    child,
    connection,
    started,
    logs,
    stderr: () => stderr,
    /** The first log line (already written or to come) that matches. */
    waitForLog(pattern, timeoutMs = 30 * 60_000) {
      const found = logs.find((entry) => pattern.test(entry.message));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { pattern, resolve };
        logWaiters.push(waiter);
        setTimeout(() => reject(new Error(`no log line ${pattern} within ${timeoutMs} ms; stderr: ${stderr.slice(-2000)}`)), timeoutMs).unref();
      });
    },
    /** The next publication of diagnostics for `uri` that `accept` takes. */
    waitForDiagnostics(uri, accept = () => true, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        diagnosticWaiters.push({ uri, accept, resolve });
        setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs).unref();
      });
    },
    /** Peak resident memory of the server process so far (VmHWM), in MB; undefined off Linux. */
    peakMB() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const match = /VmHWM:\s+(\d+) kB/.exec(status);
        return match ? Number(match[1]) / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000))]);
        await connection.sendNotification('exit');
      } catch {
        // the process may be gone already
      }
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        setTimeout(resolve, 5000);
      });
      if (child.exitCode === null) child.kill('SIGKILL');
      connection.dispose();
    },
  };
}
