// The real-VS-Code test suite: the extension in VS Code's own workbench and extension host:
// desktop VS Code through @vscode/test-electron where it can be downloaded, and code-server
// from npm, driven by Debian's Chromium through playwright-core, where it cannot.
//
//   node scripts/vscode-test.mjs --results FILE
//
// Run by scripts/test.mjs after `tsc -b` and the esbuild bundle. Three runs:
//   1. development mode: the project as extensionDevelopmentPath, the suite out/test/vscode/;
//   2. the packaged extension: `vsce package`, its file list checked here in Node, the .vsix
//      installed into a fresh extensions folder, and the suite out/test/vscode/packaged/ run
//      against the installed copy;
//   3. Restricted Mode (always in code-server): a fresh copy of test/fixtures/untrusted/ opened
//      with workspace trust enabled and nobody having trusted it, the project in development
//      mode, the suite out/test/vscode/untrusted/; the harness reads the notification toasts
//      and clicks "Trust" for it.
// Writes {"passes","failures","pending"} summed over the runs (and the Node-side package
// checks) to FILE; exits 0 only when everything passed.
//
// Environment:
//   UNRES_SCREENSHOT=1         also copy the workbench screenshots to docs/outline.png and docs/compare.png
//   UNRES_VSCODE_TIMEOUT=SECS  time limit of one run in code-server (default 300)
//   UNRES_VSCODE_HEADFUL=1     show the browser (needs a display)
//   UNRES_VSCODE_RUNNER=code-server|electron
//                              run 1 in code-server only, or in downloaded desktop VS Code only;
//                              by default desktop VS Code when it can be downloaded
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureCodeServer, root } from './install-code-server.mjs';
import { codeServerEnv, freePort, freshDir, remoteUri, startCodeServer, workbenchUrl, writeUserSettings } from './lib/code-server.mjs';
import { danglingSourceMaps, packageVsix, vsixEntries } from './lib/vsix.mjs';

const require = createRequire(import.meta.url);
const testRoot = path.join(root, '.vscode-test');
const resultsDir = path.join(testRoot, 'results'); // the extension-host runner writes here (test/vscode/runner.ts)
const logsDir = path.join(testRoot, 'logs');
const workspaceFolder = path.join(root, 'test', 'fixtures', 'workspace');
const runTimeoutMs = Number(process.env.UNRES_VSCODE_TIMEOUT ?? 300) * 1000;
/** The .vsix carries the shipped corpus (texts deflate about 4:1); past this it is too heavy to install. */
const VSIX_LIMIT = 15 * 1024 * 1024;

const args = process.argv.slice(2);
const resultsArg = args.indexOf('--results');
const resultsFile = resultsArg >= 0 ? path.resolve(args[resultsArg + 1] ?? '') : undefined;

const totals = { passes: 0, failures: 0, pending: 0 };
const add = (counts) => {
  totals.passes += counts.passes ?? 0;
  totals.failures += counts.failures ?? 0;
  totals.pending += counts.pending ?? 0;
};
const writeTotals = () => {
  if (!resultsFile) return;
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(totals) + '\n');
};

const cleanups = new Set();
let cleaning;
/** Stops whatever is still running (code-server, Chromium); once, however often it is called. */
function cleanupAll() {
  cleaning ??= (async () => {
    for (const cleanup of [...cleanups].reverse()) {
      cleanups.delete(cleanup);
      await cleanup().catch(() => undefined);
    }
  })();
  return cleaning;
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, async () => {
    interrupted = true;
    console.error(`\n[vscode-test] ${signal}: stopping code-server and Chromium…`);
    totals.failures++;
    writeTotals();
    await cleanupAll();
    process.exit(130);
  });
}

const log = (message) => console.log(`[vscode-test] ${message}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function check(condition, title, detail) {
  // A Node-side check, counted like a test.
  if (condition) {
    totals.passes++;
    console.log(`  ✔ ${title}`);
  } else {
    totals.failures++;
    console.log(`  ✘ ${title}${detail ? `\n      ${detail}` : ''}`);
  }
  return condition;
}

// ---------------------------------------------------------------------------------------------
// One run in code-server: open the workbench with an extension-test payload in Chromium, print
// the extension host's mocha output as it comes, and collect the exit code and the counts.

async function runInVSCode({ name, chromium, codeServer, suite, extensionDevelopmentPath, extensionTestsPath, folder = workspaceFolder, requests = {}, everyTick }) {
  const { chromium: playwright } = require('playwright-core');
  const suiteLog = path.join(resultsDir, `${suite}.log`);
  const suiteJson = path.join(resultsDir, `${suite}.json`);
  rmSync(suiteLog, { force: true });
  rmSync(suiteJson, { force: true });

  const browserLog = path.join(logsDir, `${name}-browser.log`);
  const browserLines = [];
  const browser = await playwright.launch({
    executablePath: chromium,
    headless: process.env.UNRES_VSCODE_HEADFUL !== '1',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    timeout: 60_000,
    // This script stops Chromium and code-server itself on Ctrl-C (Playwright's own handlers
    // would exit at once and leave code-server running).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium's crash reports and caches go under .vscode-test/, not into ~/.config and ~/.cache.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(testRoot, 'xdg', 'config'), XDG_CACHE_HOME: path.join(testRoot, 'xdg', 'cache') },
  });
  const closeBrowser = () => browser.close();
  cleanups.add(closeBrowser);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('console', (message) => browserLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => browserLines.push(`[pageerror] ${error.message}`));

    let resolveExit;
    const exited = new Promise((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => {
      resolveExit(Number(code));
    });

    const payload = [
      ['extensionDevelopmentPath', remoteUri(codeServer.port, extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(codeServer.port, extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    const url = workbenchUrl(codeServer.port, folder, payload);
    const started = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    // Print the spec reporter's lines as the extension host writes them; answer the suite's
    // requests (test/vscode/runner.ts: askHarness): <name>.request in, <name>.done out, with
    // what the handler returns.
    const handlers = {
      outline: async () => {
        await takeScreenshot(page, 'outline');
        return '';
      },
      compare: async () => {
        await takeScreenshot(page, 'compare');
        return '';
      },
      'compare-click': () => clickLastComparisonChange(page),
      'status-bar': () => statusBarText(page),
      'quick-pick': () => quickPickText(page),
      ...Object.fromEntries(Object.entries(requests).map(([request, handler]) => [request, () => handler(page)])),
    };
    let printed = 0;
    const printNew = () => {
      if (!existsSync(suiteLog)) return;
      const text = readFileSync(suiteLog, 'utf8');
      const end = text.lastIndexOf('\n') + 1;
      if (end > printed) {
        process.stdout.write(text.slice(printed, end).replace(/^(?=[^\n])/gm, '  '));
        printed = end;
      }
    };
    const deadline = started + runTimeoutMs;
    let exitCode;
    let timedOut = false;
    exited.then((code) => (exitCode = code));
    while (exitCode === undefined) {
      printNew();
      for (const [request, handler] of Object.entries(handlers)) {
        const file = path.join(resultsDir, `${request}.request`);
        if (existsSync(file)) {
          rmSync(file, { force: true });
          const answer = await handler().catch((error) => {
            log(`${request} failed: ${error.message}`);
            return `failed: ${error.message}`;
          });
          writeFileSync(path.join(resultsDir, `${request}.done`), String(answer ?? ''));
        }
      }
      await everyTick?.(page);
      if (Date.now() > deadline) {
        timedOut = true;
        break;
      }
      await Promise.race([exited, sleep(250)]);
    }
    printNew();
    if (timedOut) {
      log(`${name}: timed out after ${runTimeoutMs / 1000} s`);
      await page.screenshot({ path: path.join(logsDir, `${name}-timeout.png`) }).catch(() => undefined);
    }
    let counts = existsSync(suiteJson) ? JSON.parse(readFileSync(suiteJson, 'utf8')) : undefined;
    if (!counts) {
      log(`${name}: the extension host wrote no results (${path.relative(root, suiteJson)}); see ${path.relative(root, browserLog)}`);
      counts = { passes: 0, failures: 1, pending: 0 };
    } else if ((exitCode ?? 1) !== 0 && counts.failures === 0) {
      log(`${name}: VS Code reported exit code ${exitCode} although no test failed`);
      counts.failures = 1;
    }
    log(`${name}: exit code ${exitCode ?? 'none'}, ${counts.passes} passed, ${counts.failures} failed, ${counts.pending} skipped (${seconds(started)})`);
    return counts;
  } finally {
    writeFileSync(browserLog, browserLines.join('\n') + '\n');
    cleanups.delete(closeBrowser);
    await closeBrowser().catch(() => undefined);
  }
}

async function takeScreenshot(page, shot) {
  const file = path.join(testRoot, 'screenshots', `${shot}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  if (shot === 'outline') {
    // Collapse the folder tree of the Explorer so that the Outline gets the side bar's height.
    const folderPane = page.locator('.pane-header').filter({ hasText: /^\s*workspace\s*$/i }).first();
    if ((await folderPane.getAttribute('aria-expanded', { timeout: 3000 }).catch(() => null)) === 'true') {
      await folderPane.click({ timeout: 3000 }).catch(() => undefined);
    }
    // Widen the side bar (drag its edge) so that the symbols' details show, then give the
    // editor the focus back.
    const sideBar = await page.locator('.part.sidebar').first().boundingBox({ timeout: 3000 }).catch(() => null);
    if (sideBar) {
      const y = sideBar.y + sideBar.height / 2;
      await page.mouse.move(sideBar.x + sideBar.width - 1, y);
      await page.mouse.down();
      await page.mouse.move(sideBar.x + sideBar.width + 160, y, { steps: 8 });
      await page.mouse.up();
    }
    await page.locator('.monaco-editor .view-lines').first().click({ position: { x: 40, y: 10 }, timeout: 3000 }).catch(() => undefined);
    await sleep(800);
  }
  await page.screenshot({ path: file });
  log(`screenshot: ${path.relative(root, file)}`);
  if (process.env.UNRES_SCREENSHOT === '1' && (shot === 'outline' || shot === 'compare')) {
    const docs = path.join(root, 'docs', `${shot}.png`);
    mkdirSync(path.dirname(docs), { recursive: true });
    copyFileSync(file, docs);
    log(`screenshot copied to ${path.relative(root, docs)}`);
  }
}

/** The text of every item of the status bar, one a line (icons are drawn, not text). */
async function statusBarText(page) {
  const texts = await page.locator('.part.statusbar .statusbar-item').allInnerTexts();
  return texts.map((text) => text.trim()).filter(Boolean).join('\n');
}

/** The rows of the quick pick on screen, one a line, their parts joined by spaces. */
async function quickPickText(page) {
  const rows = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allInnerTexts();
  return rows.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
}

/**
 * Clicks the heading of the last change in the comparison view (a webview: an iframe holding the
 * page in #active-frame) and answers with that change's id, e.g. "OP5".
 */
async function clickLastComparisonChange(page) {
  const view = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  const heading = view.locator('section.change h2').last();
  await heading.click({ timeout: 10_000 });
  return (await view.locator('section.change').last().getAttribute('id', { timeout: 3000 })) ?? '';
}

async function withCodeServer(name, options, body) {
  const port = await freePort();
  const started = Date.now();
  const codeServer = await startCodeServer({ folder: workspaceFolder, ...options, port, logFile: path.join(logsDir, `${name}-code-server.log`) });
  cleanups.add(codeServer.stop);
  log(`${name}: code-server listening on ${codeServer.url} (${seconds(started)})`);
  try {
    return await body(codeServer);
  } finally {
    cleanups.delete(codeServer.stop);
    await codeServer.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Desktop VS Code through @vscode/test-electron, where VS Code can be downloaded.

async function runInDesktopVSCode(devDir) {
  const { downloadAndUnzipVSCode, runTests } = require('@vscode/test-electron');
  let executable;
  try {
    executable = await downloadAndUnzipVSCode({ version: 'stable', cachePath: path.join(testRoot, 'desktop'), timeout: 120_000 });
  } catch (error) {
    const reason = String(error?.message ?? error).split('\n')[0];
    if (process.env.UNRES_VSCODE_RUNNER === 'electron') throw new Error(`desktop VS Code could not be downloaded: ${reason}`);
    log(`desktop VS Code cannot be downloaded here (${reason}); running in code-server instead`);
    return undefined;
  }
  const display = await ensureDisplay();
  const started = Date.now();
  const suiteJson = path.join(resultsDir, 'development.json');
  rmSync(suiteJson, { force: true });
  let exitCode;
  try {
    exitCode = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'vscode', 'index'),
      extensionTestsEnv: { UNRES_NO_SCREENSHOT: '1', ...(display ? { DISPLAY: display } : {}) },
      launchArgs: [workspaceFolder, '--disable-workspace-trust', '--disable-extensions', '--user-data-dir', path.join(devDir, 'user-data')],
    });
  } catch (error) {
    exitCode = typeof error === 'number' ? error : 1;
    log(`desktop VS Code: ${error?.message ?? `exit code ${error}`}`);
  }
  const counts = existsSync(suiteJson) ? JSON.parse(readFileSync(suiteJson, 'utf8')) : { passes: 0, failures: 1, pending: 0 };
  if (exitCode !== 0 && counts.failures === 0) counts.failures = 1;
  log(`desktop VS Code: exit code ${exitCode}, ${counts.passes} passed, ${counts.failures} failed, ${counts.pending} skipped (${seconds(started)})`);
  return counts;
}

/** On Linux without a display, desktop VS Code needs a virtual one (Debian's xvfb). */
async function ensureDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY) return process.env.DISPLAY;
  const which = spawnSync('sh', ['-c', 'command -v Xvfb'], { encoding: 'utf8' });
  if (which.status !== 0) {
    log('no display and no Xvfb: desktop VS Code may fail to start (apt-get install xvfb)');
    return undefined;
  }
  const display = ':99';
  const xvfb = spawn('Xvfb', [display, '-screen', '0', '1440x900x24'], { stdio: 'ignore' });
  cleanups.add(async () => xvfb.kill());
  process.env.DISPLAY = display;
  await sleep(1000);
  return display;
}

// ---------------------------------------------------------------------------------------------
// The .vsix: build it, list it, check what it ships.

function buildVsix() {
  const vsix = path.join(testRoot, 'unres-test.vsix');
  const started = Date.now();
  const { ok, output } = packageVsix(vsix);
  if (!ok) {
    console.log(output.replace(/^(?=[^\n])/gm, '    '));
    return undefined;
  }
  log(`vsce package: ${path.relative(root, vsix)} (${Math.round(statSync(vsix).size / 1024)} KiB, ${seconds(started)})`);
  return vsix;
}

function checkVsixContents(vsix) {
  const entries = vsixEntries(vsix);
  const files = entries.map(({ name }) => name);
  const has = (file) => files.includes(file);
  const required = ['package.json', 'dist/client.js', 'dist/server.js', 'dist/pdf.js', 'dist/pdf.worker.js', 'syntaxes/unres.tmLanguage.json', 'language-configuration.json', 'server/bin/unres-language-server.js', 'corpus/catalogue.json'];
  const missing = required.filter((file) => !has(file));
  check(missing.length === 0, `the .vsix ships ${required.join(', ')}`, `missing: ${missing.join(', ')}; packed: ${files.join(', ')}`);

  const seeds = readdirTxt(path.join(root, 'corpus'));
  const missingSeeds = seeds.filter((seed) => !has(`corpus/${seed}`));
  check(seeds.length > 0 && missingSeeds.length === 0, `the .vsix ships the ${seeds.length} seed texts corpus/*.txt`, `missing: ${missingSeeds.join(', ')}`);

  // The shipped corpus is the whole corpus/ folder, and only it is new: texts, catalogues, manifest, SOURCES.md.
  const corpus = filesUnder(path.join(root, 'corpus')).map((file) => `corpus/${file}`);
  const missingCorpus = corpus.filter((file) => !has(file));
  const texts = corpus.filter((file) => /^corpus\/(?:texts|bulk)\/[^/]+\.txt$/.test(file)).length;
  const catalogues = corpus.filter((file) => /^corpus\/catalogues\/[^/]+\.csv$/.test(file)).length;
  check(
    missingCorpus.length === 0 && texts === 700 && catalogues === 2 && has('corpus/SOURCES.md'),
    `the .vsix ships corpus/catalogues/*.csv (${catalogues}), ${texts} texts of corpus/texts and corpus/bulk, the manifest and corpus/SOURCES.md`,
    `missing: ${missingCorpus.slice(0, 20).join(', ')}`,
  );
  const extra = files.filter((file) => file.startsWith('corpus/') && !corpus.includes(file));
  check(extra.length === 0, 'the .vsix ships nothing in corpus/ but the files of corpus/', `not in corpus/: ${extra.join(', ')}`);
  // Deflated, every file of it: the texts and catalogues are most of the .vsix.
  const corpusEntries = entries.filter(({ name }) => name.startsWith('corpus/'));
  const stored = corpusEntries.filter(({ method, size }) => method !== 8 && size > 0).map(({ name }) => name);
  const MB = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  const sum = (key) => corpusEntries.reduce((total, entry) => total + entry[key], 0);
  check(stored.length === 0, `the corpus is compressed in the .vsix: ${MB(sum('size'))} MB deflated to ${MB(sum('compressedSize'))} MB`, `stored uncompressed: ${stored.slice(0, 20).join(', ')}`);
  const size = statSync(vsix).size;
  check(size < VSIX_LIMIT, `the .vsix weighs ${MB(size)} MB, under ${VSIX_LIMIT / 1024 / 1024} MB`);

  // The command-line tool (dist/cli.js, server/bin/unres.js) belongs to the npm package, not the extension.
  const forbidden = ['node_modules/', 'out/', 'test/', 'client/src/', 'server/src/', '.vscode-test/', 'scripts/', '.git/', 'tsconfig.json', '.vscodeignore', 'dist/cli.js', 'server/bin/unres.js'];
  const shipped = files.filter((file) => forbidden.some((prefix) => file === prefix || file.startsWith(prefix)) || file.endsWith('.vsix') || file.endsWith('.ts'));
  check(shipped.length === 0, 'the .vsix ships no sources, tests, build output or node_modules', `should not ship: ${shipped.slice(0, 20).join(', ')}`);

  const dangling = danglingSourceMaps(vsix);
  check(dangling.length === 0, 'no script in the .vsix names a source map it does not ship', `dangling: ${dangling.join(', ')}`);
  return files;
}

/** The files of a folder, recursively, relative to it (hidden ones left out, as vsce leaves them). */
function filesUnder(dir, under = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${under}${entry.name}/`) : [`${under}${entry.name}`]));
}

function readdirTxt(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.txt')).sort() : [];
}

function installVsix({ node, codeServerBin }, vsix, extensionsDir, userDataDir) {
  const started = Date.now();
  const result = spawnSync(
    node,
    [codeServerBin, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--force', '--install-extension', vsix],
    { cwd: root, encoding: 'utf8', timeout: 120_000, env: codeServerEnv() },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const ok = result.status === 0 && /successfully installed/i.test(output);
  check(ok, `code-server --install-extension installs the .vsix (${seconds(started)})`, output.split('\n').slice(-10).join('\n      '));
  return ok;
}

// ---------------------------------------------------------------------------------------------
// Restricted Mode: a fresh copy of test/fixtures/untrusted/workspace, opened with workspace trust
// enabled in a fresh browser profile (so nobody trusted it), the project in development mode.
// The workspace's settings name a corpus folder (76/900), the user settings a catalogue outside
// the workspace (76/901). The suite test/vscode/untrusted/ asks the harness for what VS Code's
// API cannot give: the notification toasts' text, a screenshot, and a click on "Trust".

async function runUntrusted(tools) {
  const fixture = path.join(root, 'test', 'fixtures', 'untrusted');
  const runDir = freshDir(path.join(testRoot, 'run-untrusted'));
  const folder = path.join(runDir, 'workspace');
  cpSync(path.join(fixture, 'workspace'), folder, { recursive: true });
  cpSync(path.join(fixture, 'user'), path.join(runDir, 'user'), { recursive: true });
  const userDataDir = path.join(runDir, 'user-data');
  writeUserSettings(userDataDir, { 'unres.corpus.catalogues': [path.join(runDir, 'user', 'catalogue.csv')] }, { workspaceTrust: true });

  // Information toasts hide after a while: collect every one seen while the suite runs.
  const notifications = new Set();
  const readToasts = async (page) => {
    const texts = await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts().catch(() => []);
    for (const text of texts) if (text.trim()) notifications.add(text.trim());
  };
  const options = { ...tools, userDataDir, extensionsDir: path.join(runDir, 'extensions'), folder, workspaceTrust: true };
  return withCodeServer('untrusted', options, (codeServer) =>
    runInVSCode({
      name: 'untrusted',
      suite: 'untrusted',
      chromium: tools.chromium,
      codeServer,
      folder,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'vscode', 'untrusted', 'index'),
      everyTick: readToasts,
      requests: {
        notifications: async (page) => {
          await readToasts(page);
          return [...notifications].join('\n');
        },
        untrusted: async (page) => {
          await takeScreenshot(page, 'untrusted');
          return '';
        },
        'grant-trust': clickTrust,
      },
    }),
  );
}

/** Clicks "Trust" in the Workspace Trust editor (the suite opened it: workbench.trust.manage). */
async function clickTrust(page) {
  const button = page.locator('.workspace-trust-editor .workspace-trust-buttons [aria-label^="Trust,"] > .monaco-button').first();
  try {
    await button.click({ timeout: 10_000 });
    return 'clicked';
  } catch (error) {
    await page.screenshot({ path: path.join(logsDir, 'untrusted-grant-trust.png') }).catch(() => undefined);
    return `no Trust button (${error.message.split('\n')[0]}); see .vscode-test/logs/untrusted-grant-trust.png`;
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  for (const required of ['dist/client.js', 'dist/server.js', 'out/test/vscode/index.js', 'out/test/vscode/packaged/index.js', 'out/test/vscode/untrusted/index.js']) {
    if (!existsSync(path.join(root, required))) throw new Error(`${required} is missing: run \`npx tsc -b && node scripts/build.mjs\` first (npm test does).`);
  }
  const tools = await ensureCodeServer();
  freshDir(resultsDir);
  mkdirSync(logsDir, { recursive: true });

  // 1. Development mode: desktop VS Code through @vscode/test-electron where it can be
  // downloaded, VS Code in the browser (code-server) otherwise.
  log('Run 1: the extension in development mode (extensionDevelopmentPath = the project)');
  const devDir = path.join(testRoot, 'run-development');
  freshDir(devDir);
  writeUserSettings(path.join(devDir, 'user-data'));
  const desktop = process.env.UNRES_VSCODE_RUNNER === 'code-server' ? undefined : await runInDesktopVSCode(devDir);
  if (desktop) add(desktop);
  else add(
    await withCodeServer(
      'development',
      { ...tools, userDataDir: path.join(devDir, 'user-data'), extensionsDir: path.join(devDir, 'extensions') },
      (codeServer) =>
        runInVSCode({
          name: 'development',
          suite: 'development',
          chromium: tools.chromium,
          codeServer,
          extensionDevelopmentPath: root,
          extensionTestsPath: path.join(root, 'out', 'test', 'vscode', 'index'),
        }),
    ),
  );
  writeTotals();

  // 2. The packaged extension.
  log('Run 2: the packaged extension (.vsix installed into a fresh extensions folder)');
  const vsix = buildVsix();
  if (check(!!vsix, 'vsce package --no-dependencies builds a .vsix')) {
    checkVsixContents(vsix);
    const packDir = path.join(testRoot, 'run-packaged');
    freshDir(packDir);
    const userDataDir = path.join(packDir, 'user-data');
    const extensionsDir = path.join(packDir, 'extensions');
    writeUserSettings(userDataDir);
    if (installVsix(tools, vsix, extensionsDir, userDataDir)) {
      // VS Code runs extension tests only with an extensionDevelopmentPath; give it an empty
      // stand-in extension so that unres.unres comes from the extensions folder, as installed.
      const standIn = path.join(packDir, 'stand-in');
      mkdirSync(standIn, { recursive: true });
      writeFileSync(
        path.join(standIn, 'package.json'),
        JSON.stringify({ name: 'packaged-test-host', publisher: 'unres-tests', version: '0.0.0', engines: { vscode: '*' } }, null, 2) + '\n',
      );
      add(
        await withCodeServer('packaged', { ...tools, userDataDir, extensionsDir }, (codeServer) =>
          runInVSCode({
            name: 'packaged',
            suite: 'packaged',
            chromium: tools.chromium,
            codeServer,
            extensionDevelopmentPath: standIn,
            extensionTestsPath: path.join(root, 'out', 'test', 'vscode', 'packaged', 'index'),
          }),
        ),
      );
    }
  }
  writeTotals();

  // 3. Restricted Mode.
  log('Run 3: an untrusted workspace (Restricted Mode): corpus settings in the workspace are withheld, those in the user settings read');
  add(await runUntrusted(tools));
  writeTotals();
  log(`VS Code suite: ${totals.passes} passed, ${totals.failures} failed, ${totals.pending} skipped (${seconds(started)})`);
}

const watchdog = setTimeout(async () => {
  console.error(`[vscode-test] overall time limit reached (${(3 * runTimeoutMs + 240_000) / 1000} s)`);
  totals.failures++;
  writeTotals();
  await cleanupAll();
  process.exit(1);
}, 3 * runTimeoutMs + 240_000);
watchdog.unref();

try {
  await main();
} catch (error) {
  if (!interrupted) {
    console.error(`\n[vscode-test] ${error?.stack ?? error}`);
    totals.failures++;
  }
  writeTotals();
  await cleanupAll();
  process.exit(interrupted ? 130 : 1);
}
await cleanupAll();
clearTimeout(watchdog);
process.exit(interrupted ? 130 : totals.failures > 0 ? 1 : 0);
