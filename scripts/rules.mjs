// Rewrites the README's list of checks from the rule table (server/src/services/rules.ts).
//   node scripts/rules.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCompiled } from './lib/compiled.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureCompiled({ purpose: 'rule list' });
const { rulesMarkdown } = createRequire(import.meta.url)(path.join(root, 'out/server/src/services/rules.js'));
const readme = path.join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const updated = text.replace(/(<!-- rules:start -->\n)[\s\S]*?(\n<!-- rules:end -->)/, `$1${rulesMarkdown()}$2`);
if (updated === text) console.log('README.md: the list of checks is current');
else {
  writeFileSync(readme, updated);
  console.log('README.md: the list of checks rewritten from the rule table');
}
