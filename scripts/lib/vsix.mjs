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

/** The names of the entries of a zip file (a .vsix), read from its central directory. */
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
  const names = [];
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    names.push(data.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The files of the extension inside a .vsix, relative to the extension's folder. */
export function vsixFiles(file) {
  return zipEntries(file)
    .filter((name) => name.startsWith('extension/'))
    .map((name) => name.slice('extension/'.length));
}
