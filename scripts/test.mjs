// `npm test`: the one command that sets up and runs every suite on a clean clone.
//   node scripts/test.mjs [lint|unit|fidelity|protocol|vscode ...]
// Installs npm dependencies when missing, type-checks and compiles (tsc -b), bundles (esbuild),
// then runs eslint and the unit, fidelity (real texts), protocol and real-VS-Code suites and prints one closing line
// "N passed, N failed, N skipped" over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setUpOrExit } from './lib/setup.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const requested = process.argv.slice(2);
const suites = requested.length ? requested : ['lint', 'unit', 'fidelity', 'protocol', 'vscode'];

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

async function runMocha(dir, timeout) {
  const require = createRequire(import.meta.url);
  const mochaModule = require('mocha');
  const Mocha = mochaModule.Mocha ?? mochaModule;
  const mocha = new Mocha({ reporter: 'spec', timeout });
  for (const file of testFiles(dir)) mocha.addFile(file);
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      resolve({ passes, failures, pending });
    });
  });
}

setUpOrExit();

const totals = { passes: 0, failures: 0, pending: 0 };
const add = (r) => { totals.passes += r.passes; totals.failures += r.failures; totals.pending += r.pending; };

for (const suite of suites) {
  console.log(`\n=== ${suite} tests ===`);
  if (suite === 'lint') {
    // ESLint over the TypeScript sources and tests: each file with problems counts as a failure.
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'stylish', '.'], { cwd: root, encoding: 'utf8' });
    process.stdout.write(result.stdout || '');
    process.stderr.write(result.stderr || '');
    const files = (result.stdout.match(/^\//gm) ?? []).length;
    const failures = result.status === 0 ? 0 : Math.max(1, files);
    if (failures === 0) console.log('  eslint: no problems');
    add({ passes: failures === 0 ? 1 : 0, failures, pending: 0 });
  } else if (suite === 'unit') add(await runMocha('out/test/unit', 10_000));
  else if (suite === 'fidelity') add(await runMocha('out/test/fidelity', 60_000));
  else if (suite === 'protocol') add(await runMocha('out/test/protocol', 20_000));
  else if (suite === 'vscode') {
    const resultFile = path.join(root, 'out', 'vscode-test-results.json');
    rmSync(resultFile, { force: true });
    const result = spawnSync(process.execPath, ['scripts/vscode-test.mjs', '--results', resultFile], { stdio: 'inherit', cwd: root });
    const counts = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : { passes: 0, failures: 0, pending: 0 };
    // A harness that could not run its tests must not pass silently.
    if (result.status !== 0 && counts.failures === 0) counts.failures = 1;
    add(counts);
  } else {
    console.error(`unknown suite "${suite}" (expected lint, unit, fidelity, protocol or vscode)`);
    process.exit(2);
  }
}

console.log(`\n${totals.passes} passed, ${totals.failures} failed, ${totals.pending} skipped`);
process.exit(totals.failures > 0 ? 1 : 0);
