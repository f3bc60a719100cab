// A range of a file's bytes read when asked for, not held in memory: the paragraph texts of a
// large corpus's cache (some 100 MB at 20,000 documents), of which a session reads the few that
// completions and lookups show. Bringing bytes into a process's memory costs far more than reading
// them (every page of fresh memory is faulted in; several milliseconds a megabyte on some
// machines), so a start that leaves them on disk is ready that much sooner, and holds that much less.
//
// The file stays open while the range is in use, and is closed when the range is collected: a
// cache file is only ever replaced by a rename, never written over, so the bytes read through the
// open file are those its digest was checked against, even after a newer file takes its name.
import { closeSync, readSync } from 'fs';

/** Bytes read at a time: texts read one after another (a rebuild reads them all) come from one read. */
const BLOCK = 64 * 1024;

const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // closed already
  }
});

/** A file left open for ranges of it: closed once it, and so every range of it, is collected. */
export class OpenFile {
  constructor(readonly fd: number) {}

  /** From now on the file closes itself when no range reads it any more. */
  closeWhenUnused(): void {
    closer.register(this, this.fd);
  }
}

export class DiskBytes {
  private block = Buffer.alloc(0);
  /** Where the block starts in the range. */
  private blockStart = 0;
  private whole: Buffer | undefined;

  constructor(
    private readonly file: OpenFile,
    /** Where the range starts in the file. */
    readonly position: number,
    readonly byteLength: number,
  ) {}

  /** The file descriptor, for a worker thread that checks the range (it reads; it never closes). */
  get descriptor(): number {
    return this.file.fd;
  }

  /**
   * Bytes [start, end) of the range, decoded as UTF-8. A read that fails (the disk, or a file cut
   * short behind the server's back) gives an empty string: a text missing from a hover is better
   * than a request that fails.
   */
  text(start: number, end: number): string {
    if (this.whole) return this.whole.toString('utf8', start, end);
    if (start < this.blockStart || end > this.blockStart + this.block.length) {
      const length = Math.min(Math.max(BLOCK, end - start), this.byteLength - start);
      if (this.block.length < length) this.block = Buffer.allocUnsafe(Math.max(length, BLOCK));
      if (!this.readInto(this.block, start, length)) {
        this.block = Buffer.alloc(0);
        return '';
      }
      this.blockStart = start;
      this.block = this.block.subarray(0, length);
    }
    return this.block.toString('utf8', start - this.blockStart, end - this.blockStart);
  }

  /** The whole range in memory (read once, then kept): for a caller that needs all of it as bytes. */
  bytes(): Uint8Array {
    if (!this.whole) {
      const whole = Buffer.alloc(this.byteLength);
      this.whole = this.readInto(whole, 0, this.byteLength) ? whole : Buffer.alloc(this.byteLength);
    }
    return this.whole;
  }

  private readInto(target: Buffer, start: number, length: number): boolean {
    try {
      for (let done = 0; done < length; ) {
        const read = readSync(this.file.fd, target, done, length - done, this.position + start + done);
        if (read === 0) return false;
        done += read;
      }
      return true;
    } catch {
      return false;
    }
  }
}
