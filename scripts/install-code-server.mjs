// Installs what `npm start` and the real-VS-Code tests (scripts/vscode-test.mjs) need on a
// fresh Debian machine, idempotently:
//   - Debian packages: ripgrep and the headers code-server's native modules build against
//     (libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev); for the tests only, chromium
//     (some 500 MB with its libraries), which drives the workbench: `npm start` leaves it out;
//   - code-server (VS Code's own server and workbench, from npm) into the project's cache
//     folder .vscode-test/code-server/, not as a dependency of the project.
// Desktop VS Code cannot be downloaded on these machines; code-server can, from npm.
//
//   node scripts/install-code-server.mjs        installs (or checks) and prints the paths
//   import { ensureCodeServer } from './install-code-server.mjs'
//
// Only Node built-ins are used, so this runs before `npm ci`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; the newest release that accepts Node 20
const RIPGREP_NPM_VERSION = '1.15.11'; // @vscode/ripgrep, a dependency of code-server's VS Code
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const CODE_SERVER_APT_PACKAGES = ['ripgrep', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev'];
const BROWSER_APT_PACKAGES = ['chromium'];
const aptPackages = (browser) => (browser ? [...BROWSER_APT_PACKAGES, ...CODE_SERVER_APT_PACKAGES] : CODE_SERVER_APT_PACKAGES);

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = path.join(root, '.vscode-test', 'code-server');
export const codeServerBin = path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const markerFile = path.join(cacheDir, '.installed');

const log = (message) => console.log(`[install-code-server] ${message}`);

class InstallError extends Error {}
const fail = (message) => {
  throw new InstallError(message);
};

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const full = path.join(dir, command);
    if (dir && existsSync(full)) return full;
  }
  return undefined;
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`${command} could not be started: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  return result;
}

function missingAptPackages(wanted) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...wanted], { encoding: 'utf8' });
  if (result.error) fail('dpkg-query not found: this script expects a Debian (or Debian-based) machine.');
  const installed = new Set(
    result.stdout
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]),
  );
  return wanted.filter((name) => !installed.has(name));
}

function ensureAptPackages(wanted) {
  const missing = missingAptPackages(wanted);
  if (missing.length === 0) {
    log(`Debian packages present: ${wanted.join(' ')}`);
    return;
  }
  log(`Installing Debian packages: ${missing.join(' ')}`);
  let prefix = [];
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    if (!which('sudo')) {
      fail(
        `Debian packages missing (${missing.join(' ')}), and this is not root and sudo is not available.\n` +
          `Install them as root: apt-get update && apt-get install -y ${missing.join(' ')}`,
      );
    }
    prefix = ['sudo', 'DEBIAN_FRONTEND=noninteractive'];
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => (prefix.length ? run(prefix[0], [...prefix.slice(1), 'apt-get', ...args], { env }) : run('apt-get', args, { env }));
  apt(['update']);
  apt(['install', '-y', ...missing]);
  const still = missingAptPackages(wanted);
  if (still.length) fail(`apt-get did not install: ${still.join(' ')}`);
}

// @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here. It first
// looks for the tarball in this cache folder, so put Debian's rg there.
function ensureRipgrepCache() {
  const rg = which('rg') ?? '/usr/bin/rg';
  if (!existsSync(rg)) fail('rg (Debian package ripgrep) not found after installing it.');
  const dir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_NPM_VERSION}`);
  const tarball = path.join(dir, RIPGREP_TARBALL);
  if (existsSync(tarball)) return;
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(path.join(os.tmpdir(), 'unres-rg-'));
  try {
    copyFileSync(rg, path.join(staging, 'rg'));
    run('tar', ['-czf', tarball, '-C', staging, 'rg']);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`ripgrep offline cache: ${tarball}`);
}

function codeServerVersion() {
  if (!existsSync(codeServerBin)) return undefined;
  // code-server writes a default config file on first run: keep it under .vscode-test/, not in ~/.config.
  const xdg = path.join(cacheDir, '..', 'xdg');
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_DATA_HOME: path.join(xdg, 'data') };
  const result = spawnSync(process.execPath, [codeServerBin, '--version'], { encoding: 'utf8', timeout: 60_000, env });
  if (result.status !== 0) return undefined;
  // e.g. "4.100.3 409c64e… with Code 1.100.3" (other lines are log messages)
  return result.stdout.split('\n').find((line) => /^\d+\.\d+\.\d+ /.test(line))?.trim();
}

function installedCodeServerOk() {
  if (!existsSync(markerFile) || readFileSync(markerFile, 'utf8').trim() !== CODE_SERVER_VERSION) return false;
  const version = codeServerVersion();
  return !!version && version.startsWith(CODE_SERVER_VERSION);
}

function installCodeServer() {
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(root, cacheDir)}/ (about 2 minutes, 300 MB)…`);
  rmSync(markerFile, { force: true });
  rmSync(path.join(cacheDir, 'node_modules'), { recursive: true, force: true });
  rmSync(path.join(cacheDir, 'package-lock.json'), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  // An isolated npm project of its own, so the install neither touches the project's
  // package.json nor picks up its settings. npm 11's install-script policy (allowScripts)
  // must let code-server's postinstall (it installs and builds VS Code's own modules) and
  // its dependencies' scripts run: allow them here, and bypass the policy for this one
  // install in case a newer npm turns unreviewed scripts off by default.
  writeFileSync(
    path.join(cacheDir, 'package.json'),
    JSON.stringify(
      {
        name: 'unres-code-server-cache',
        version: '0.0.0',
        private: true,
        description: 'code-server for the unres extension tests; installed by scripts/install-code-server.mjs',
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: { 'code-server': true, '@vscode/ripgrep': true, 'argon2': true },
      },
      null,
      2,
    ) + '\n',
  );
  const env = {
    ...process.env,
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses root otherwise
    npm_config_yes: 'true', // it calls `npx node-gyp`
    npm_config_ignore_scripts: 'false',
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_foreground_scripts: 'true', // show the postinstall's progress
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // node-gyp must build against the running Node's own headers (it cannot download them here).
  const nodePrefix = path.resolve(path.dirname(process.execPath), '..');
  if (!env.npm_config_nodedir && existsSync(path.join(nodePrefix, 'include', 'node', 'node_version.h'))) {
    env.npm_config_nodedir = nodePrefix;
  }
  const started = Date.now();
  run('npm', ['install', '--no-save', '--no-package-lock', '--omit=dev'], { cwd: cacheDir, env });
  log(`npm install took ${Math.round((Date.now() - started) / 1000)} s`);
  // code-server's postinstall installs VS Code's node_modules; check it really ran.
  const vscodeModules = path.join(cacheDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  if (!existsSync(vscodeModules)) {
    fail(
      `code-server's postinstall did not run (${path.relative(root, vscodeModules)} is missing).\n` +
        'npm may be skipping install scripts: check `npm config get ignore-scripts` and the allowScripts policy.',
    );
  }
  const version = codeServerVersion();
  if (!version) fail(`code-server was installed but \`code-server --version\` failed. Run: node ${codeServerBin} --version`);
  log(`code-server --version: ${version}`);
  writeFileSync(markerFile, `${CODE_SERVER_VERSION}\n`);
}

function findChromium() {
  for (const candidate of ['/usr/bin/chromium', which('chromium'), which('chromium-browser')]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return fail('chromium not found after installing the Debian package chromium.');
}

/**
 * What ensureCodeServer({ browser }) would install on this machine: the Debian packages
 * missing, and whether code-server itself is missing (or another version).
 * @returns {{ aptPackages: string[], codeServer: boolean, version: string, cacheDir: string }}
 */
export function installPlan({ browser = true } = {}) {
  if (process.platform !== 'linux') fail('This installer supports Debian Linux only.');
  return { aptPackages: missingAptPackages(aptPackages(browser)), codeServer: !installedCodeServerOk(), version: CODE_SERVER_VERSION, cacheDir };
}

/**
 * Makes sure ripgrep, the native build headers and code-server are installed, and Chromium
 * unless `browser` is false (`npm start` opens the workbench in the user's own browser).
 * @returns {Promise<{ codeServerBin: string, chromium?: string, node: string }>} codeServerBin is
 *   code-server's JavaScript entry point: run it with `node` (the `node` returned); chromium
 *   only when `browser`.
 */
export async function ensureCodeServer({ browser = true } = {}) {
  const plan = installPlan({ browser });
  const tools = () => ({ codeServerBin, ...(browser ? { chromium: findChromium() } : {}), node: process.execPath });
  if (!plan.codeServer && plan.aptPackages.length === 0) return tools();
  ensureAptPackages(aptPackages(browser));
  if (plan.codeServer) {
    if (!which('npm')) fail('npm not found on PATH.');
    ensureRipgrepCache();
    installCodeServer();
  } else {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${path.relative(root, cacheDir)}/`);
  }
  return tools();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const started = Date.now();
    const result = await ensureCodeServer();
    log(`Ready in ${Math.round((Date.now() - started) / 1000)} s`);
    log(`code-server: ${process.execPath} ${result.codeServerBin}`);
    log(`chromium:    ${result.chromium}`);
  } catch (error) {
    console.error(`\n[install-code-server] FAILED: ${error instanceof InstallError ? error.message : error?.stack ?? error}`);
    process.exit(1);
  }
}
