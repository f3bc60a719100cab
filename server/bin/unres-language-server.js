#!/usr/bin/env node
// Standalone entry point: `unres-language-server --stdio` serves any LSP client.
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', '..', 'dist', 'server.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write(`unres-language-server: ${bundle} is missing; run "npm run build" in ${path.join(__dirname, '..', '..')} first.\n`);
  process.exit(2);
}
if (!process.argv.some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}
require(bundle);
