// `npm run fidelity`: how the parser and the checks read the real texts of test/fixtures/real.
//   node scripts/fidelity.mjs [--problems] [--file NAME] [--write-open] [--seeds-only]
// Builds first (tsc -b), then prints the report of out/test/fidelity/report.js.
import { createRequire } from 'node:module';
import path from 'node:path';
import { root, setUpOrExit } from './lib/setup.mjs';

setUpOrExit();
const require = createRequire(import.meta.url);
await require(path.join(root, 'out', 'test', 'fidelity', 'report.js')).main(process.argv.slice(2));
