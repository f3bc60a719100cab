// The words of a load's progress, and the server's work-done progress on a fake clock: one
// progress per phase of each load, reports throttled to the latest numbers, every progress ended.
import * as assert from 'assert';
import {
  CorpusProgressReporter, progressLine, progressMessage, progressPercentage, type ProgressClock, type WorkDoneProgress,
} from '../../../server/src/corpus/progress';

describe('corpus progress: the words', () => {
  it('counts files while loading and documents while indexing, grouped by thousands', () => {
    assert.strictEqual(progressLine('loading', 312, 705), 'Loading corpus: 312 of 705 files');
    assert.strictEqual(progressLine('indexing', 4210, 20000), 'Indexing corpus: 4,210 of 20,000 documents');
    assert.strictEqual(progressMessage('loading', 0, 1_234_567), '0 of 1,234,567 files');
  });

  it('says what follows the last file or document rather than standing still at "N of N"', () => {
    assert.strictEqual(progressLine('loading', 705, 705), 'Loading corpus: 705 files read, merging');
    assert.strictEqual(progressLine('indexing', 20000, 20000), 'Indexing corpus: 20,000 documents read, building the index');
  });

  it('has no numbers before the files are counted', () => {
    assert.strictEqual(progressMessage('loading', 0, 0), undefined);
    assert.strictEqual(progressLine('loading', 0, 0), 'Loading corpus');
  });

  it('rises to 99% at most: the progress ends at 100', () => {
    assert.deepStrictEqual([0, 1, 50, 99, 100].map((done) => progressPercentage(done, 100)), [0, 1, 50, 99, 99]);
    assert.strictEqual(progressPercentage(0, 0), 0);
  });
});

/** A clock whose time moves only when the test says, with the timers it runs then. */
class FakeClock implements ProgressClock {
  time = 0;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private next = 0;

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): { unref?(): void } {
    const id = ++this.next;
    this.timers.push({ at: this.time + ms, run, id });
    return { id } as { unref?(): void };
  }

  clearTimeout(timer: unknown): void {
    const id = (timer as { id: number }).id;
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  advance(ms: number): void {
    this.time += ms;
    for (const due of this.timers.filter((t) => t.at <= this.time)) {
      this.timers = this.timers.filter((t) => t !== due);
      due.run();
    }
  }

  get pending(): number {
    return this.timers.length;
  }
}

type Sent = { token: number; kind: 'begin' | 'report' | 'end'; title?: string; percentage?: number; message?: string };

/** A client that creates tokens at once (or when `hold` is released) and records what it is sent. */
function fakeClient() {
  const sent: Sent[] = [];
  let tokens = 0;
  const held: (() => void)[] = [];
  let hold = false;
  const create = (): Promise<WorkDoneProgress> => {
    const token = ++tokens;
    const reporter: WorkDoneProgress = {
      begin: (title, percentage, message) => sent.push({ token, kind: 'begin', title, percentage, message }),
      report: (percentage, message) => sent.push({ token, kind: 'report', percentage, message }),
      done: () => sent.push({ token, kind: 'end' }),
    };
    if (!hold) return Promise.resolve(reporter);
    return new Promise((resolve) => held.push(() => resolve(reporter)));
  };
  return {
    sent,
    create,
    holdCreation: () => (hold = true),
    release: () => held.splice(0).forEach((go) => go()),
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('corpus progress: work-done progress', () => {
  it('a load and its index build: one progress each, begun, reported, ended', async () => {
    const clock = new FakeClock();
    const client = fakeClient();
    const reporter = new CorpusProgressReporter(client.create, 150, clock);
    reporter.stateChanged('loading');
    await settle();
    clock.advance(200);
    reporter.progress('loading', 10, 20);
    reporter.stateChanged('indexing');
    await settle();
    clock.advance(200);
    reporter.progress('indexing', 5, 5);
    reporter.stateChanged('ready');
    assert.deepStrictEqual(client.sent, [
      { token: 1, kind: 'begin', title: 'Loading corpus', percentage: 0, message: undefined },
      { token: 1, kind: 'report', percentage: 50, message: '10 of 20 files' },
      { token: 1, kind: 'end' },
      { token: 2, kind: 'begin', title: 'Indexing corpus', percentage: 0, message: undefined },
      { token: 2, kind: 'report', percentage: 99, message: '5 documents read, building the index' },
      { token: 2, kind: 'end' },
    ]);
  });

  it('reports at most once an interval, the latest numbers, and nothing after the end', async () => {
    const clock = new FakeClock();
    const client = fakeClient();
    const reporter = new CorpusProgressReporter(client.create, 150, clock);
    reporter.stateChanged('loading');
    await settle();
    for (let done = 1; done <= 1000; done++) {
      reporter.progress('loading', done, 1000);
      clock.advance(1);
    }
    const reports = client.sent.filter((s) => s.kind === 'report');
    // 1,000 ms of files: a report each 150 ms, never one per file.
    assert.ok(reports.length >= 5 && reports.length <= 7, `${reports.length} reports`);
    const numbers = reports.map((r) => Number(/^(\d+) of/.exec(r.message ?? '')?.[1]));
    assert.deepStrictEqual(numbers, [...numbers].sort((a, b) => a - b));
    reporter.stateChanged('ready');
    assert.strictEqual(clock.pending, 0, 'no report left waiting after the end');
    clock.advance(1000);
    assert.strictEqual(client.sent[client.sent.length - 1].kind, 'end');
  });

  it('a newer load ends the progress of the one it supersedes and begins its own', async () => {
    const clock = new FakeClock();
    const client = fakeClient();
    const reporter = new CorpusProgressReporter(client.create, 150, clock);
    reporter.stateChanged('loading');
    await settle();
    clock.advance(200);
    reporter.progress('loading', 300, 700);
    reporter.stateChanged('loading');
    await settle();
    clock.advance(200);
    reporter.progress('loading', 2, 700);
    reporter.dispose();
    assert.deepStrictEqual(
      client.sent.map((s) => `${s.token} ${s.kind} ${s.message ?? ''}`.trim()),
      ['1 begin', '1 report 300 of 700 files', '1 end', '2 begin', '2 report 2 of 700 files', '2 end'],
    );
  });

  it('numbers of another phase than the one shown are not reported', async () => {
    const clock = new FakeClock();
    const client = fakeClient();
    const reporter = new CorpusProgressReporter(client.create, 150, clock);
    reporter.stateChanged('loading');
    await settle();
    clock.advance(200);
    reporter.progress('indexing', 3, 10);
    assert.deepStrictEqual(client.sent.map((s) => s.kind), ['begin']);
  });

  it('a phase that ends before the client answers the creation is begun and ended at once', async () => {
    const clock = new FakeClock();
    const client = fakeClient();
    client.holdCreation();
    const reporter = new CorpusProgressReporter(client.create, 150, clock);
    reporter.stateChanged('loading');
    reporter.progress('loading', 1, 2);
    reporter.stateChanged('ready');
    client.release();
    await settle();
    assert.deepStrictEqual(client.sent.map((s) => s.kind), ['begin', 'end']);
  });

  it('a client that cannot show progress is sent nothing', async () => {
    const clock = new FakeClock();
    let asked = 0;
    const reporter = new CorpusProgressReporter(() => {
      asked++;
      return undefined;
    }, 150, clock);
    reporter.stateChanged('loading');
    reporter.progress('loading', 1, 2);
    reporter.stateChanged('ready');
    await settle();
    assert.strictEqual(asked, 1);
    assert.strictEqual(clock.pending, 0);
  });

  it('a client that refuses the token: that phase shows nothing, the next is asked again', async () => {
    const clock = new FakeClock();
    const client = fakeClient();
    let refuse = true;
    const reporter = new CorpusProgressReporter(() => (refuse ? Promise.reject(new Error('no')) : client.create()), 150, clock);
    reporter.stateChanged('loading');
    await settle();
    reporter.progress('loading', 1, 2);
    refuse = false;
    reporter.stateChanged('indexing');
    await settle();
    reporter.stateChanged('ready');
    assert.deepStrictEqual(client.sent.map((s) => `${s.kind} ${s.title ?? ''}`.trim()), ['begin Indexing corpus', 'end']);
  });
});
