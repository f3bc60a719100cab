// `npm start`: opens the extension in real VS Code on a sample draft (samples/draft.unres).
//
//   node scripts/start.mjs [--port N]
//
// Installs the npm dependencies when missing and builds. Then:
//   - with desktop VS Code (`code` on PATH): opens it in development mode on samples/;
//   - otherwise: says what it is about to install and how to do without it, then installs
//     code-server (VS Code in the browser; scripts/install-code-server.mjs) with the few Debian
//     packages it builds against (not Chromium: only the tests drive a browser), installs a
//     freshly packaged .vsix of this checkout into a project-local extensions
//     folder, serves VS Code on 127.0.0.1:8080 (or the next free port) and prints the address
//     to open in a browser. Runs until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { CODE_SERVER_VERSION, ensureCodeServer, installPlan } from './install-code-server.mjs';
import { codeServerEnv, freePort, HOST, remoteUri, startCodeServer, workbenchUrl, writeUserSettings } from './lib/code-server.mjs';
import { build, ensureDependencies, root, SetupError } from './lib/setup.mjs';
import { packageVsix } from './lib/vsix.mjs';

const samples = path.join(root, 'samples');
const draft = path.join(samples, 'draft.unres');
const startDir = path.join(root, '.vscode-test', 'start');
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const preferredPort = (portArg >= 0 && Number(args[portArg + 1])) || 8080;

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, command))) return path.join(dir, command);
  }
  return undefined;
}

/** True for desktop VS Code's `code`; not code-server's or a remote terminal's helper script. */
function isDesktopCode(code) {
  if (process.env.VSCODE_IPC_HOOK_CLI || /code-server|remote-cli/.test(code)) return false;
  const result = spawnSync(code, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 && /^\d+\.\d+\.\d+/.test(result.stdout ?? '');
}

function buildVsix() {
  const vsix = path.join(startDir, 'unres.vsix');
  console.log('Packaging the extension (vsce package)…');
  const { ok, output } = packageVsix(vsix);
  if (!ok) throw new SetupError(`vsce package failed:\n${output}`);
  return vsix;
}

/**
 * Says what the browser route is about to install, and how to avoid it, before anything is
 * installed; on a terminal, waits for a yes (Enter) or a no.
 */
async function announceInstall() {
  const plan = installPlan({ browser: false });
  if (!plan.codeServer && plan.aptPackages.length === 0) return;
  const what = [];
  if (plan.aptPackages.length) what.push(`  - Debian packages, with apt-get (as root or through sudo): ${plan.aptPackages.join(' ')}`);
  if (plan.codeServer) what.push(`  - code-server ${plan.version} (VS Code in the browser) from npm into ${path.relative(root, plan.cacheDir)}/: about 300 MB, about 2 minutes`);
  console.log(`
VS Code is not on your PATH (no \`code\` command), so npm start runs VS Code in your browser
instead. For that it installs:
${what.join('\n')}
Nothing else: no browser is installed (you open the address it prints in your own).

To avoid this, install VS Code (https://code.visualstudio.com/) and put \`code\` on your PATH
(in VS Code: "Shell Command: Install 'code' command in PATH"); npm start then opens it.
`);
  if (!process.stdin.isTTY || !process.stdout.isTTY) return;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = (await prompt.question('Install them now? [Y/n] ')).trim().toLowerCase();
  prompt.close();
  if (answer && !['y', 'yes'].includes(answer)) throw new SetupError('nothing installed.');
}

async function startInBrowser() {
  await announceInstall();
  const tools = await ensureCodeServer({ browser: false });
  mkdirSync(startDir, { recursive: true });
  const userDataDir = path.join(startDir, 'user-data');
  const extensionsDir = path.join(startDir, 'extensions');
  if (!existsSync(path.join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir);

  const vsix = buildVsix();
  console.log(`Installing ${path.relative(root, vsix)} into ${path.relative(root, extensionsDir)}/…`);
  const install = spawnSync(
    tools.node,
    [tools.codeServerBin, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--force', '--install-extension', vsix],
    { cwd: root, encoding: 'utf8', timeout: 120_000, env: codeServerEnv() },
  );
  if (install.status !== 0) throw new SetupError(`code-server --install-extension failed:\n${install.stdout}${install.stderr}`);

  const port = await freePort(preferredPort);
  const logFile = path.join(root, '.vscode-test', 'logs', 'start-code-server.log');
  const codeServer = await startCodeServer({ ...tools, port, userDataDir, extensionsDir, folder: samples, logFile });

  const openDraft = ['openFile', remoteUri(port, draft)];
  const url = workbenchUrl(port, samples, [openDraft]);
  const devUrl = workbenchUrl(port, samples, [openDraft, ['extensionDevelopmentPath', remoteUri(port, root)]]);
  console.log(`
VS Code (code-server ${CODE_SERVER_VERSION}) is serving the samples folder with the extension installed.
Open this address in a browser on this machine (the draft opens with it):

  ${url}

Development mode (loads the extension from this checkout rather than the installed copy;
after \`npm run build\` or with \`npm run watch\`, run "Developer: Reload Window"):

  ${devUrl}

Listening on ${HOST}:${port} only. Log: ${path.relative(root, logFile)}. Press Ctrl-C to stop.
`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping code-server…`);
    await codeServer.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
  const exitCode = await codeServer.exited;
  if (!stopping) {
    console.error(`code-server exited (${exitCode}); see ${path.relative(root, logFile)}`);
    process.exit(1);
  }
}

function startDesktop(code) {
  console.log(`Opening VS Code (${code}) in development mode on ${path.relative(root, draft)}…`);
  const child = spawn(code, [`--extensionDevelopmentPath=${root}`, samples, draft], { stdio: 'inherit' });
  child.on('exit', (status) => process.exit(status ?? 0));
}

try {
  ensureDependencies();
  build();
  const code = which('code');
  if (code && isDesktopCode(code)) startDesktop(code);
  else await startInBrowser();
} catch (error) {
  console.error(`\nnpm start failed: ${error instanceof SetupError ? error.message : error?.stack ?? error}`);
  process.exit(1);
}
