// Starting and stopping code-server (VS Code's own server and workbench, installed by
// scripts/install-code-server.mjs) for the real-VS-Code tests and `npm start`.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { cacheDir, root } from '../install-code-server.mjs';

export const HOST = '127.0.0.1';

/** A port that is free on 127.0.0.1 now, starting the search at `preferred` (0: any). */
export async function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.unref();
      server.once('error', () => resolve(undefined));
      server.listen(port, HOST, () => {
        const { port: got } = server.address();
        server.close(() => resolve(got));
      });
    });
  if (preferred) {
    for (let port = preferred; port < preferred + 100; port++) {
      const got = await tryPort(port);
      if (got) return got;
    }
  }
  const got = await tryPort(0);
  if (!got) throw new Error('no free TCP port on 127.0.0.1');
  return got;
}

/**
 * Settings for a fresh user data folder: no welcome page, tips, telemetry or update checks,
 * so the workbench shows only what the extension does. Workspace trust is off unless
 * `workspaceTrust` is true; then a folder nobody trusted opens in Restricted Mode, without the
 * modal "Do you trust the authors…?" dialog at start (startupPrompt "never": the Restricted
 * Mode banner and status bar item show instead), so extension tests are not held up by it.
 * Pair it with startCodeServer({ workspaceTrust: true }).
 */
export function writeUserSettings(userDataDir, extra = {}, { workspaceTrust = false } = {}) {
  const trust = workspaceTrust
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
    : { 'security.workspace.trust.enabled': false };
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    ...trust,
    'chat.commandCenter.enabled': false,
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    ...extra,
  };
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

/**
 * The environment for code-server: its own config, data and session files go under
 * .vscode-test/ rather than ~/.config/code-server and ~/.local/share/code-server.
 */
export function codeServerEnv() {
  const xdg = path.join(cacheDir, '..', 'xdg');
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_DATA_HOME: path.join(xdg, 'data') };
  // The language server and tests run in code-server's Node extension host: no Electron here.
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

export function configFile() {
  const file = path.join(cacheDir, '..', 'code-server-config.yaml');
  writeFileSync(file, `# written by scripts/lib/code-server.mjs\nauth: none\ncert: false\nbind-addr: ${HOST}:8080\n`);
  return file;
}

function httpOk(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group (so that stop() ends it and
 * everything it started: extension hosts, language servers) and waits until it answers.
 * Its output goes to logFile. Returns { child, url, stop() }. Workspace trust is disabled
 * (--disable-workspace-trust) unless `workspaceTrust` is true; the user settings decide
 * then (writeUserSettings(…, { workspaceTrust: true })).
 */
export async function startCodeServer({ node, codeServerBin, port, userDataDir, extensionsDir, folder, logFile, extraArgs = [], inheritOutput = false, timeoutMs = 60_000, workspaceTrust = false }) {
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(userDataDir, { recursive: true });
  const args = [
    codeServerBin,
    '--config', configFile(),
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extraArgs,
  ];
  if (folder) args.push(folder);
  let output = 'inherit';
  let logStream;
  if (!inheritOutput) {
    mkdirSync(path.dirname(logFile), { recursive: true });
    logStream = createWriteStream(logFile);
    output = 'pipe';
  }
  const child = spawn(node, args, { cwd: root, env: codeServerEnv(), detached: true, stdio: ['ignore', output, output] });
  if (logStream) {
    child.stdout.pipe(logStream, { end: false });
    child.stderr.pipe(logStream, { end: false });
  }
  let exited = false;
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = true; resolve(code ?? signal); }));

  const stop = async () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exitPromise;
      clearTimeout(timer);
    }
    // Children that outlived code-server in its group (an orphaned language server, say).
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
    logStream?.end();
  };
  const url = `http://${HOST}:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (!(await httpOk(`${url}/healthz`))) {
    if (exited) throw new Error(`code-server exited early (${await exitPromise}); see ${logFile ?? 'its output above'}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { child, url, port, stop, exited: exitPromise };
}

/** A fresh, empty folder (removed first when present). */
export function freshDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** `http://127.0.0.1:PORT/?folder=…&payload=…`, as VS Code's web workbench reads it. */
export function workbenchUrl(port, folder, payload) {
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  if (payload && payload.length) query.set('payload', JSON.stringify(payload));
  return `http://${HOST}:${port}/?${query.toString()}`;
}

/** A path on the code-server machine as a vscode-remote URI of the workbench at that port. */
export function remoteUri(port, absolutePath) {
  return `vscode-remote://${HOST}:${port}${absolutePath.split(path.sep).map(encodeURIComponent).join('/')}`;
}
