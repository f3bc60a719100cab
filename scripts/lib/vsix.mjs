// Building the .vsix with @vscode/vsce, and reading the file list of one. Shared by
// scripts/vscode-test.mjs and scripts/start.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
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

/** The entries of a zip file (a .vsix), read from its central directory: name, method, sizes, where. */
function zipDirectory(data, file) {
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
      compressedSize: data.readUInt32LE(offset + 20),
      localHeader: data.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The names of the entries of a zip file (a .vsix). */
export function zipEntries(file) {
  return zipDirectory(readFileSync(file), file).map((entry) => entry.name);
}

/** The text of one entry of a zip file (stored or deflated), or undefined when it has none of that name. */
export function zipEntryText(file, name) {
  const data = readFileSync(file);
  const entry = zipDirectory(data, file).find((candidate) => candidate.name === name);
  if (!entry) return undefined;
  const local = entry.localHeader;
  if (data.readUInt32LE(local) !== 0x04034b50) throw new Error(`${file}: bad local header for ${name}`);
  const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
  const raw = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw.toString('utf8');
  if (entry.method === 8) return inflateRawSync(raw).toString('utf8');
  throw new Error(`${file}: ${name} uses zip method ${entry.method}`);
}

/**
 * The `sourceMappingURL` comments of the scripts in a .vsix that name a file the .vsix does not
 * hold: "dist/server.js → dist/server.js.map". A debugger or `--enable-source-maps` would look
 * for the missing map (and VS Code's extension host warns of it).
 */
export function danglingSourceMaps(file) {
  const files = vsixFiles(file);
  const dangling = [];
  for (const script of files.filter((name) => /\.[cm]?js$/.test(name))) {
    const text = zipEntryText(file, `extension/${script}`) ?? '';
    for (const match of text.matchAll(/[#@] sourceMappingURL=(\S+)/g)) {
      const url = match[1];
      if (url.startsWith('data:')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(script), decodeURIComponent(url)));
      if (!files.includes(target)) dangling.push(`${script} → ${target}`);
    }
  }
  return dangling;
}

/** The files of the extension inside a .vsix, relative to the extension's folder. */
export function vsixFiles(file) {
  return zipEntries(file)
    .filter((name) => name.startsWith('extension/'))
    .map((name) => name.slice('extension/'.length));
}
