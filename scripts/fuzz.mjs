// `npm run fuzz`: mutated resolution texts through the parser and every language feature,
// checked against the protocol's invariants (the engine: test/fuzz/engine.ts).
//   npm run fuzz -- [--cases N] [--seed S] [--max-size CHARS] [--slow-ms MS] [--stop-on-first]
//                   [--case N] [--out DIR] [--keep N] [--shrink-ms MS] [--quiet]
// Compiles first when out/ is missing or stale. Each failing case is printed with its seeds, its
// mutation chain and a shrunk input, which is also written to fuzz-failures/ (git-ignored); the
// run goes on, then prints the totals by kind. Exit status 1 when any case failed (a case slower
// than --slow-ms counts), 2 when the command line is wrong.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureCompiled } from './lib/compiled.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const require = createRequire(import.meta.url);

const USAGE = `usage: npm run fuzz -- [options]
  --cases N         cases to run (default 1000)
  --seed S          run seed, decimal or 0x… (default: a fresh one, printed)
  --max-size CHARS  largest mutated document (default 1000000)
  --slow-ms MS      a "slow" finding: a case whose parse and one call of each feature take
                    longer than this, or any single call that does (default 1000)
  --stop-on-first   stop after the first failing case
  --case N          replay case N of the seed alone
  --out DIR         folder for the minimal failing documents (default fuzz-failures)
  --keep N          cases of one kind shrunk and written (default 3); later ones are counted
  --shrink-ms MS    time to shrink one failing document (default 20000)
  --quiet           no progress lines`;

function fail(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { cases: 1000, seed: undefined, maxSize: 1_000_000, slowMs: 1000, stopOnFirst: false, firstCase: undefined, outDir: 'fuzz-failures', keepPerKind: 3, shrinkMs: 20_000, quiet: false };
  const number = (flag, value) => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || n < 0 || !Number.isInteger(n)) fail(`${flag} needs a whole number, not ${JSON.stringify(value)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--cases': options.cases = number(flag, argv[++i]); break;
      case '--seed': options.seed = number(flag, argv[++i]) >>> 0; break;
      case '--max-size': options.maxSize = Math.max(1, number(flag, argv[++i])); break;
      case '--slow-ms': options.slowMs = number(flag, argv[++i]); break;
      case '--stop-on-first': options.stopOnFirst = true; break;
      case '--case': options.firstCase = number(flag, argv[++i]); break;
      case '--out': options.outDir = argv[++i] ?? fail('--out needs a folder'); break;
      case '--keep': options.keepPerKind = number(flag, argv[++i]); break;
      case '--shrink-ms': options.shrinkMs = number(flag, argv[++i]); break;
      case '--quiet': options.quiet = true; break;
      case '-h': case '--help': console.log(USAGE); process.exit(0); break;
      default: fail(`unknown option ${JSON.stringify(flag)}`);
    }
  }
  if (options.firstCase !== undefined) options.cases = 1;
  // A fresh seed each run explores new cases; it is printed first so that any run can be repeated.
  options.seed ??= (Date.now() ^ (process.pid << 16)) >>> 0;
  return options;
}

const options = parseArgs(process.argv.slice(2));
ensureCompiled({ entry: 'out/test/fuzz/engine.js', sources: ['server/src', 'test/fuzz', 'test/unit/invariants.ts', 'test/helpers.ts'], purpose: 'fuzz' });
const { formatReport, hex, loadFuzzContext, runFuzz } = require(path.join(root, 'out/test/fuzz/engine.js'));

console.log(`Fuzzing with seed ${hex(options.seed)}: ${options.firstCase !== undefined ? `case ${options.firstCase} only` : `${options.cases.toLocaleString('en')} cases`}, documents up to ${options.maxSize.toLocaleString('en')} chars.`);
const loading = performance.now();
const context = await loadFuzzContext(root);
console.log(`Knowledge base, agreed-language index and ${context.poolTexts.length} documents loaded in ${((performance.now() - loading) / 1000).toFixed(1)} s.`);

// Ctrl+C ends the run after the current case, with the totals so far; a second one ends it at once.
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  console.log('\nStopping after this case (Ctrl+C again to quit at once)…');
});
const report = await runFuzz(context, {
  cases: options.cases,
  seed: options.seed,
  maxSize: options.maxSize,
  slowMs: options.slowMs,
  firstCase: options.firstCase,
  stopOnFirst: options.stopOnFirst,
  outDir: path.resolve(root, options.outDir),
  keepPerKind: options.keepPerKind,
  shrinkMs: options.shrinkMs,
  log: (line) => console.log(line),
  progressMs: options.quiet ? undefined : 30_000,
  stop: () => interrupted,
});
console.log(formatReport(report, options));
process.exit(report.violations > 0 ? 1 : 0);
