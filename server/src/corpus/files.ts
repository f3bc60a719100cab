// Opening the files the corpus and the command line read. Only regular files are read: opening a
// FIFO waits for a writer (the libuv thread that waits never comes back, and the process can
// then not even exit), a device may never end, and a socket cannot be opened at all. Each file
// is checked with lstat/stat before it is opened, opened non-blocking so that a file swapped for a
// FIFO in between cannot block, and checked again on the open descriptor. A symbolic link is
// followed once: a link to a link is refused, so that a chain or a loop is never walked.
// Reasons name what a path is, never what it holds.
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, statSync, type Stats } from 'fs';
import * as path from 'path';

/**
 * O_NONBLOCK makes opening a FIFO return at once, with or without a writer; O_NOCTTY keeps a
 * terminal from becoming the process's own. Both are 0 where the platform lacks them (Windows).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What a path is when it is not a regular file, as a message names it (from its Stats or Dirent). */
export function kindOf(stats: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** A path that cannot be read, and why ("is a FIFO (named pipe), not a regular file"). */
export interface Refused {
  refused: string;
}

/** A system error (missing, permission denied), for the caller to word. */
export interface Failed {
  error: NodeJS.ErrnoException;
}

export interface Found {
  /** What the path leads to, a symbolic link followed once. */
  stats: Stats;
  /** Whether the path itself is a symbolic link. */
  link: boolean;
}

/**
 * What a path is, following a symbolic link once: a link to another link, a link to nothing
 * and a link loop are refused with the reason.
 */
export async function inspect(file: string): Promise<Found | Refused | Failed> {
  let own: Stats;
  try {
    own = await fs.lstat(file);
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
  if (!own.isSymbolicLink()) return { stats: own, link: false };
  try {
    // stat first: a loop fails it (ELOOP) and is named as one, not as a link to a link.
    const stats = await fs.stat(file);
    const target = path.resolve(path.dirname(file), await fs.readlink(file));
    if ((await fs.lstat(target)).isSymbolicLink()) return { refused: 'is a symbolic link to another symbolic link; only one link is followed' };
    return { stats, link: true };
  } catch (error) {
    return linkFailure(error);
  }
}

function linkFailure(error: unknown): Refused | Failed {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ELOOP') return { refused: 'is a symbolic link loop' };
  if (code === 'ENOENT' || code === 'ENOTDIR') return { refused: 'is a symbolic link to nothing (its target does not exist)' };
  return { error: error as NodeJS.ErrnoException };
}

/** Why a regular file's stats rule it out, or undefined. */
function notRegular(stats: Stats, maxBytes: number): Refused | undefined {
  if (!stats.isFile()) return { refused: stats.isDirectory() ? 'is a folder, not a file' : `is ${kindOf(stats)}, not a regular file` };
  if (stats.size > maxBytes) return { refused: `is ${megabytes(stats.size)}, too large` };
  return undefined;
}

const CHUNK = 64 * 1024;

function tooLarge(maxBytes: number): Refused {
  return { refused: `is more than ${megabytes(maxBytes)}, too large` };
}

function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024 / 1024))} MB`;
}

/**
 * The bytes of a regular file of at most `maxBytes`, never blocking on what is not one. The
 * caller has inspected the path; the descriptor is checked again, since the path may have
 * changed since.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<{ bytes: Buffer; stats: Stats } | Refused | Failed> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
  try {
    const stats = await handle.stat();
    const refusal = notRegular(stats, maxBytes);
    if (refusal) return refusal;
    // Read to the end, which may lie past the size the file had when it was opened, but never
    // past the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (let want = Math.min(stats.size, maxBytes) + 1; ; want = CHUNK) {
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) return tooLarge(maxBytes);
    }
    return { bytes: Buffer.concat(chunks, length), stats };
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * readRegularFile for the command line, which reads its few files in order, and for a corpus text
 * read again on demand (with the descriptor's stats, to tell whether it is still the text loaded).
 */
export function readRegularFileSync(file: string, maxBytes: number): { bytes: Buffer; stats: Stats } | Refused | Failed {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  }
  try {
    const stats = fstatSync(fd);
    const refusal = notRegular(stats, maxBytes);
    if (refusal) return refusal;
    const chunks: Buffer[] = [];
    let length = 0;
    for (let want = Math.min(stats.size, maxBytes) + 1; ; want = CHUNK) {
      const chunk = Buffer.allocUnsafe(want);
      const bytesRead = readSync(fd, chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) return tooLarge(maxBytes);
    }
    return { bytes: Buffer.concat(chunks, length), stats };
  } catch (error) {
    return { error: error as NodeJS.ErrnoException };
  } finally {
    closeSync(fd);
  }
}

/** Whether `file` (a resolved, real path) is `root` or lies inside it. */
export function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** A stat slower than this marks a slow file system (a network drive): the rest are stat'ed off the thread. */
const SLOW_STAT_MS = 20;

/**
 * Stats the files of a load, to look them up in the cache. On a local disk a stat is a few
 * microseconds, and the thread pool's round trip costs more than the call (some 0.5 s of CPU at
 * 20,000 files): they are stat'ed on this thread. Once one is slow (a network drive), the rest are
 * stat'ed off it, so that no request waits on the file system. A file that cannot be stat'ed is
 * undefined.
 */
export class StatReader {
  private slow = false;

  constructor(private readonly statOnThread: (file: string) => Stats | undefined = (file) => statSync(file, { throwIfNoEntry: false })) {}

  /** Whether a slow stat has sent the rest off the thread. */
  get offThread(): boolean {
    return this.slow;
  }

  async of(files: readonly string[]): Promise<(Stats | undefined)[]> {
    if (this.slow) return Promise.all(files.map((file) => fs.stat(file).catch(() => undefined)));
    const stats: (Stats | undefined)[] = [];
    for (const file of files) {
      const started = performance.now();
      try {
        stats.push(this.statOnThread(file));
      } catch {
        stats.push(undefined);
      }
      if (performance.now() - started > SLOW_STAT_MS) {
        this.slow = true;
        return [...stats, ...(await this.of(files.slice(stats.length)))];
      }
    }
    return stats;
  }
}
