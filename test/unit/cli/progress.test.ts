// The command line's progress line, on a fake terminal: drawn in place with \r, throttled, wiped
// at the end, and never drawn on a stream that is not a terminal.
import * as assert from 'assert';
import { CLI_PROGRESS_INTERVAL_MS, progressPrinter, type ProgressStream } from '../../../server/src/cli/progress';

function fakeStream(isTTY: boolean, columns = 80): ProgressStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns, written, write: (text: string) => written.push(text) };
}

describe('cli: the progress line', () => {
  it('is not drawn on a pipe or a file: nothing is written', () => {
    const stream = fakeStream(false);
    let time = 0;
    const printer = progressPrinter(stream, () => time);
    assert.strictEqual(printer, undefined);
    assert.strictEqual(progressPrinter(undefined), undefined);
    time += 1000;
    assert.deepStrictEqual(stream.written, []);
  });

  it('on a terminal: nothing within the first interval (a quick load prints nothing), then the line in place', () => {
    const stream = fakeStream(true);
    let time = 0;
    const printer = progressPrinter(stream, () => time)!;
    printer.progress('loading', 0, 705);
    time += CLI_PROGRESS_INTERVAL_MS / 2;
    printer.progress('loading', 10, 705);
    assert.deepStrictEqual(stream.written, []);
    time += CLI_PROGRESS_INTERVAL_MS;
    printer.progress('loading', 312, 705);
    assert.deepStrictEqual(stream.written, ['\rLoading corpus: 312 of 705 files']);
  });

  it('throttles: one write an interval, however many files are read', () => {
    const stream = fakeStream(true);
    let time = 0;
    const printer = progressPrinter(stream, () => time)!;
    for (let done = 1; done <= 10_000; done++) {
      time += 0.1;
      printer.progress('loading', done, 10_000);
    }
    // 1,000 ms of files at one write each 100 ms.
    assert.ok(stream.written.length >= 9 && stream.written.length <= 10, `${stream.written.length} writes`);
    assert.ok(stream.written.every((text) => text.startsWith('\r') && !text.includes('\n')));
  });

  it('rubs out a longer line before it with spaces, and wipes the line at the end', () => {
    const stream = fakeStream(true);
    let time = 0;
    const printer = progressPrinter(stream, () => time)!;
    time += 200;
    printer.progress('indexing', 4210, 20000);
    time += 200;
    printer.progress('loading', 1, 2);
    const long = 'Indexing corpus: 4,210 of 20,000 documents';
    const short = 'Loading corpus: 1 of 2 files';
    assert.strictEqual(stream.written[1], `\r${short}${' '.repeat(long.length - short.length)}`);
    printer.clear();
    assert.strictEqual(stream.written[2], `\r${' '.repeat(short.length)}\r`);
    printer.clear();
    assert.strictEqual(stream.written.length, 3, 'a second clear writes nothing');
  });

  it('a clear with nothing drawn writes nothing', () => {
    const stream = fakeStream(true);
    progressPrinter(stream, () => 0)!.clear();
    assert.deepStrictEqual(stream.written, []);
  });

  it('never wider than the terminal: a wrapped line would not be rewritten in place', () => {
    const stream = fakeStream(true, 30);
    let time = 0;
    const printer = progressPrinter(stream, () => time)!;
    time += 200;
    printer.progress('indexing', 4210, 20000);
    assert.strictEqual(stream.written[0], '\rIndexing corpus: 4,210 of 20,');
    assert.ok(stream.written[0].length - 1 < 30);
  });

  it('a terminal that says it has 0 columns (an unsized pty) is taken for 80', () => {
    const stream = fakeStream(true, 0);
    let time = 0;
    const printer = progressPrinter(stream, () => time)!;
    time += 200;
    printer.progress('indexing', 4210, 20000);
    assert.strictEqual(stream.written[0], '\rIndexing corpus: 4,210 of 20,000 documents');
  });
});
