// `npm run fidelity`: how the parser and the checks read the real texts of test/fixtures/real.
//   node scripts/fidelity.mjs [--problems] [--file NAME]
// Builds first (tsc -b), then prints the report of out/test/fidelity/report.js.
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, ensureDependencies, root, SetupError } from './lib/setup.mjs';

try {
  ensureDependencies();
  build();
} catch (error) {
  if (!(error instanceof SetupError)) throw error;
  console.error(`\n${error.message}`);
  process.exit(1);
}
const require = createRequire(import.meta.url);
await require(path.join(root, 'out', 'test', 'fidelity', 'report.js')).main(process.argv.slice(2));
