// Compiling before a script that runs the compiled out/ code (`npm run bench`, `npm run fuzz`):
// only when out/ is missing or older than the sources the script uses. Only Node built-ins, so it
// runs before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(command, args) {
  console.log(`$ ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' && command === 'npm' });
  return result.status === 0;
}

function filesUnder(dir, ext) {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return dir.endsWith(ext) ? [dir] : [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, ext));
    else if (entry.name.endsWith(ext) && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

/**
 * Stale when the entry's .js is missing, or a source .ts is newer than what tsc -b made of it.
 * tsc -b re-emits only the files whose content changed (and then just rewrites out/.tsbuildinfo),
 * so each source is compared with its own .js and with the build info, never with the entry
 * alone, which would recompile on every run after any edit elsewhere.
 */
function staleReason(entry, sources) {
  const entryJs = path.join(root, entry);
  if (!existsSync(entryJs)) return `${entry} is missing`;
  const buildInfo = path.join(root, 'out/.tsbuildinfo');
  const built = existsSync(buildInfo) ? statSync(buildInfo).mtimeMs : 0;
  for (const ts of sources.flatMap((source) => filesUnder(path.join(root, source), '.ts'))) {
    const js = path.join(root, 'out', path.relative(root, ts)).replace(/\.ts$/, '.js');
    const compiled = existsSync(js) ? js : entryJs;
    if (statSync(ts).mtimeMs > Math.max(statSync(compiled).mtimeMs, built)) return `${path.relative(root, ts)} is newer than ${path.relative(root, compiled)}`;
  }
  return undefined;
}

/**
 * Runs tsc -b when `entry` (a path under out/) is missing or older than `sources` (folders or
 * files); exits with a message when there is still nothing to run. `purpose` completes "cannot …".
 */
export function ensureCompiled({ entry = 'out/server/src/parser/parse.js', sources = ['server/src'], purpose = 'run' } = {}) {
  const reason = staleReason(entry, sources);
  if (!reason) return;
  console.log(`Compiling first: ${reason}.`);
  if (!existsSync(path.join(root, 'node_modules'))) {
    console.log('node_modules is missing: installing dependencies.');
    if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
      console.error(`npm ci failed; cannot ${purpose}.`);
      process.exit(1);
    }
  }
  let ok = run(process.execPath, ['node_modules/typescript/bin/tsc', '-b']);
  if (!existsSync(path.join(root, entry))) {
    // out/.tsbuildinfo says "up to date" even when outputs were deleted: rebuild everything.
    console.log(`tsc -b left ${entry} missing (out/.tsbuildinfo thinks it is up to date): forcing a full build.`);
    ok = run(process.execPath, ['node_modules/typescript/bin/tsc', '-b', '--force']);
  }
  if (!existsSync(path.join(root, entry))) {
    console.error(`tsc -b produced no ${entry}; cannot ${purpose}.`);
    process.exit(1);
  }
  if (!ok) console.warn(`\n*** tsc -b reported errors: going on to ${purpose} with the JavaScript it emitted anyway. ***\n`);
  const still = staleReason(entry, sources);
  if (still) console.warn(`*** out/ may still be stale: ${still}. ***`);
}
