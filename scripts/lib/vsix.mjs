// Building the .vsix with @vscode/vsce, and reading the file list of one. Shared by
// scripts/vscode-test.mjs and scripts/start.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root } from './setup.mjs';

/**
 * The flags `vsce package` needs here, so that it never stops to ask a question:
 * --no-dependencies: the bundles in dist/ hold the npm dependencies;
 * --no-rewrite-relative-links: the repository URL is not a GitHub/GitLab one, so vsce cannot
 *   turn README.md's relative links (docs/outline.png) into absolute ones and would fail;
 * --allow-missing-repository, --skip-license: never prompt (both are present anyway).
 */
export const VSCE_FLAGS = ['--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--skip-license'];

/**
 * Runs `vsce package` into outFile. Returns { ok, output } (the output of vsce, for a message).
 */
export function packageVsix(outFile) {
  mkdirSync(path.dirname(outFile), { recursive: true });
  rmSync(outFile, { force: true });
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', ...VSCE_FLAGS, '--out', outFile], {
    cwd: root,
    encoding: 'utf8',
    input: '', // never wait for an answer to a prompt
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}`.trim();
  return { ok: result.status === 0 && existsSync(outFile), output };
}

/**
 * The entries of a zip file (a .vsix), read from its central directory: name, compression
 * method (0 stored, 8 deflated) and the sizes packed and unpacked.
 */
export function zipEntries(file) {
  const data = readFileSync(file);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    entries.push({
      name: data.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: data.readUInt16LE(offset + 10),
      packed: data.readUInt32LE(offset + 20),
      size: data.readUInt32LE(offset + 24),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The files of the extension inside a .vsix, relative to the extension's folder. */
export function vsixFiles(file) {
  return vsixEntries(file).map(({ name }) => name);
}

/** The entries of the extension inside a .vsix (zipEntries), named relative to the extension's folder. */
export function vsixEntries(file) {
  return zipEntries(file)
    .filter(({ name }) => name.startsWith('extension/'))
    .map((entry) => ({ ...entry, name: entry.name.slice('extension/'.length) }));
}
