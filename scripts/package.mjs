// `npm run package`: builds and writes unres-<version>.vsix in the project folder.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root, setUpOrExit } from './lib/setup.mjs';
import { packageVsix } from './lib/vsix.mjs';

setUpOrExit();
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, `${name}-${version}.vsix`);
const { ok, output } = packageVsix(out);
console.log(output);
if (!ok) process.exit(1);
console.log(`\nWrote ${path.relative(process.cwd(), out)}; install it with: code --install-extension ${path.basename(out)}`);
