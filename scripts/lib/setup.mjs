// Setting up a checkout: npm dependencies and the build. Shared by scripts/start.mjs (and
// meant for scripts/test.mjs too). Only Node built-ins, so it runs before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export class SetupError extends Error {}

/** Runs a command in the project folder with the output shown; throws SetupError on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw new SetupError(`${command} could not be started: ${result.error.message}`);
  if (result.status !== 0) throw new SetupError(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const lock = path.join(root, 'package-lock.json');
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    console.log('Installing npm dependencies (npm ci)…');
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
}

/** Type-checks and compiles (tsc -b, into out/), then bundles the client and server (dist/). */
export function build() {
  console.log('Type-checking and compiling (tsc -b)…');
  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
  console.log('Bundling (esbuild)…');
  run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
}

/** Dependencies and the build, for a script that cannot go on without them: a clear message and exit 1 if they fail. */
export function setUpOrExit() {
  try {
    ensureDependencies();
    build();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`\n${error.message}`);
    process.exit(1);
  }
}
