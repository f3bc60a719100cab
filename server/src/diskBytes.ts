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

/**
 * Bytes read at a time when texts are read one after another (a rebuild reads them all): they
 * then come from one read. A text read on its own (a completion's, a hover's) reads its bytes only.
 */
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
  private buffer = Buffer.alloc(0);
  /** The bytes of the range last read, buffer[0 .. blockLength), start at blockStart in the range. */
  private blockStart = 0;
  private blockLength = 0;
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
    const blockEnd = this.blockStart + this.blockLength;
    if (start < this.blockStart || end > blockEnd) {
      const sequential = start >= blockEnd && start - blockEnd < BLOCK;
      const length = sequential ? Math.min(Math.max(BLOCK, end - start), this.byteLength - start) : end - start;
      if (this.buffer.length < length) this.buffer = Buffer.allocUnsafe(Math.max(length, BLOCK));
      this.blockStart = start;
      this.blockLength = this.readInto(this.buffer, start, length);
      if (end > start + this.blockLength) return '';
    }
    return this.buffer.toString('utf8', start - this.blockStart, end - this.blockStart);
  }

  /** The whole range in memory (read once, then kept): for a caller that needs all of it as bytes. */
  bytes(): Uint8Array {
    if (!this.whole) {
      const whole = Buffer.alloc(this.byteLength);
      this.whole = this.readInto(whole, 0, this.byteLength) === this.byteLength ? whole : Buffer.alloc(this.byteLength);
    }
    return this.whole;
  }

  /** Reads bytes [start, start + length) of the range into `target`; how many there were (fewer where the file ends first). */
  private readInto(target: Buffer, start: number, length: number): number {
    let done = 0;
    try {
      while (done < length) {
        const read = readSync(this.file.fd, target, done, length - done, this.position + start + done);
        if (read === 0) break;
        done += read;
      }
    } catch {
      // what was read before the error stands
    }
    return done;
  }
}
