// Long work on the server's one thread, in slices: between slices the event loop answers
// requests, so that none waits for a corpus load.

/** How long a slice of synchronous work may run before requests get their turn. */
export const SLICE_MS = 8;

export class Pacer {
  private sliceStart = performance.now();

  constructor(private readonly signal?: AbortSignal) {}

  /** Yields to the event loop once the current slice has run its time; throws once aborted. */
  async pace(): Promise<void> {
    this.signal?.throwIfAborted();
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    // setImmediate, not a resolved promise: pending I/O, requests among it, runs first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.signal?.throwIfAborted();
    this.sliceStart = performance.now();
  }
}
