// A range of a file read when asked for: any text of it, in any order, as the bytes hold it;
// nothing (an empty string, never an exception) where the file no longer holds the range.
import * as assert from 'assert';
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { DiskBytes, OpenFile } from '../../server/src/diskBytes';

describe('bytes left on disk', () => {
  let dir: string;
  let file: string;
  let fd: number;
  const texts = ['Recalling its resolution 73/266,', '', 'Notant avec préoccupation « le texte »', 'x'.repeat(200_000), 'Decides to remain seized of the matter.'];
  const lead = Buffer.from('header bytes before the range\n');
  const bytes = Buffer.from(texts.join(''), 'utf8');
  const offsets = [0];
  for (const text of texts) offsets.push(offsets[offsets.length - 1] + Buffer.byteLength(text, 'utf8'));

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unres-disk-bytes-'));
    file = path.join(dir, 'range');
    writeFileSync(file, Buffer.concat([lead, bytes, Buffer.from('trailing bytes')]));
    fd = openSync(file, 'r');
  });

  afterEach(() => {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads each text, in any order and one after another, as the bytes hold it', () => {
    const range = new DiskBytes(new OpenFile(fd), lead.length, bytes.length);
    const text = (i: number) => range.text(offsets[i], offsets[i + 1]);
    assert.deepStrictEqual([4, 2, 0, 3, 1].map(text), [4, 2, 0, 3, 1].map((i) => texts[i]));
    assert.deepStrictEqual([0, 1, 2, 3, 4].map(text), texts);
    assert.deepStrictEqual(Buffer.from(range.bytes()), bytes);
    assert.strictEqual(text(2), texts[2]);
  });

  it('gives an empty string where the file was cut short behind its back', () => {
    const range = new DiskBytes(new OpenFile(fd), lead.length, bytes.length);
    truncateSync(file, lead.length + offsets[3]);
    assert.strictEqual(range.text(offsets[2], offsets[3]), texts[2]);
    assert.strictEqual(range.text(offsets[4], offsets[5]), '');
  });
});
