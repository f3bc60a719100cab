// `npm run roundtrip`: the whole sweep of the amendments' round trip (test/unit/amendments/sweep.ts):
// for every real text of test/fixtures/real and every seed, apply(A, amendments(A, B)) must give
// B's wording, B being the text's seeded synthetic edit. The unit suite runs two seeds of each text.
//   npm run roundtrip -- [--seeds N] [--from S] [--only PREFIX]
// Compiles first when out/ is missing or stale. Prints each case that does not hold (file, sweep
// seed, generator seed and edits, the differences and the amendments), then "N/M round trips
// hold". Exit status 1 when any does not hold, 2 when the command line is wrong.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureCompiled } from './lib/compiled.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const require = createRequire(import.meta.url);

const USAGE = `usage: npm run roundtrip -- [options]
  --seeds N        last sweep seed (default 12)
  --from S         first sweep seed (default 1)
  --only PREFIX    only the texts whose file name starts with PREFIX`;

function fail(message) {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const options = { from: 1, seeds: 12, only: '' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const flag = argv[i];
  const number = () => {
    const n = Number(argv[++i]);
    if (!Number.isInteger(n) || n < 1) fail(`${flag} needs a whole number from 1`);
    return n;
  };
  if (flag === '--seeds') options.seeds = number();
  else if (flag === '--from') options.from = number();
  else if (flag === '--only') options.only = argv[++i] ?? fail('--only needs a file name prefix');
  else if (flag === '-h' || flag === '--help') {
    console.log(USAGE);
    process.exit(0);
  } else fail(`unknown option ${JSON.stringify(flag)}`);
}

ensureCompiled({ entry: 'out/test/unit/amendments/sweep.js', sources: ['server/src', 'test/unit/amendments', 'test/helpers.ts'], purpose: 'run the round trip' });
const { sweepSeed, sweepTexts, syntheticRoundTrip } = require(path.join(root, 'out/test/unit/amendments/sweep.js'));

const texts = sweepTexts().filter((t) => t.name.startsWith(options.only));
let held = 0;
let total = 0;
const started = performance.now();
for (const t of texts) {
  for (let seed = options.from; seed <= options.seeds; seed++) {
    const { seedNumber, count } = sweepSeed(t.name, seed);
    total++;
    const failure = syntheticRoundTrip(t.text, seedNumber, count);
    if (failure === undefined) held++;
    else console.log(`✗ ${t.file} seed ${seed} (generator seed ${seedNumber}, ${count} edits): ${failure}\n`);
  }
}
console.log(`${held}/${total} round trips hold (${texts.length} texts, seeds ${options.from} to ${options.seeds}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
process.exit(held === total ? 0 : 1);
