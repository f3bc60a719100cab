#!/usr/bin/env node
// The `unres` command line: check, outline, lookup and compare drafts without an editor.
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write(`unres: ${bundle} is missing; run "npm run build" in ${path.join(__dirname, '..', '..')} first.\n`);
  process.exit(2);
}
require(bundle);
