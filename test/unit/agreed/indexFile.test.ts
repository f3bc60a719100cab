// The index as the on-disk cache holds it: read back, it answers every query as the index built
// from the corpus does; built from other documents, or damaged, it is not used.
import * as assert from 'assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { agreedDocument, buildAgreedIndex, type AgreedIndex } from '../../../server/src/agreed/index';
import { indexContent, indexFromContent, indexTextsShared } from '../../../server/src/agreed/indexFile';
import { arrayDigest, readCacheFile, writeCacheFile, type CacheContent, type SharedTexts } from '../../../server/src/cacheFile';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { StringTable } from '../../../server/src/stringTable';
import { repoRoot } from '../../helpers';

const BULK = path.join(repoRoot, 'test', 'fixtures', 'real', 'bulk');

function answers(index: AgreedIndex, probe: string) {
  return {
    stats: index.stats(),
    search: index.searchParagraphs('Reaffirming', { limit: 5 }),
    continuations: index.continuations('Recalling its resolution', 5),
    openings: index.openings('operative').slice(0, 5),
    nearest: index.nearest(probe),
    first: index.paragraph(0),
  };
}

describe('agreed-language index file', () => {
  let dir: string;
  let built: AgreedIndex;
  let probe: string;

  before(() => {
    const files = readdirSync(BULK).filter((f) => f.endsWith('.txt')).sort().slice(0, 12);
    const parses = files.map((file) => ParsedDocument.parse({ uri: `file:///bulk/${file}`, version: 0, getText: () => readFileSync(path.join(BULK, file), 'utf8') }));
    built = buildAgreedIndex(parses.map((parsed) => agreedDocument(parsed)));
    // A real paragraph with one word changed: the nearest query has work to do.
    probe = parses[3].model.operative[0].content.text.replace(/\b(\w{6,})\b/, 'different');
    dir = mkdtempSync(path.join(tmpdir(), 'unres-index-'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  async function roundTrip(fingerprint: string, textsIn?: { bytes: string; offsets: string }, index = built): Promise<CacheContent> {
    const file = path.join(dir, 'index.cache');
    await writeCacheFile(file, 'v1', indexContent(index, fingerprint, textsIn));
    const read = await readCacheFile(file, 'v1');
    assert.ok('content' in read);
    return read.content;
  }

  it('answers as the index it was written from', async () => {
    const read = indexFromContent(await roundTrip('abc'), 'abc');
    assert.ok(read);
    assert.deepStrictEqual(answers(read, probe), answers(built, probe));
    assert.ok(answers(built, probe).nearest, 'the probe finds its paragraph');
  });

  it('keeps the opening phrase of every wording and every key of the key map', async () => {
    const read = indexFromContent(await roundTrip('abc'), 'abc');
    assert.ok(read);
    assert.ok(built.indexData.opening.some((o) => o === undefined) && built.indexData.opening.some((o) => o !== undefined), 'wordings with and without an opening phrase');
    assert.deepStrictEqual(read.indexData.opening, built.indexData.opening);
    const keys = built.indexData.keyMap as Map<number, number>;
    assert.ok(keys.size > 0);
    assert.strictEqual(read.indexData.keyMap.size, keys.size);
    for (const [key, value] of keys) assert.strictEqual(read.indexData.keyMap.get(key), value);
    assert.strictEqual(read.indexData.keyMap.get(0.5), undefined);
  });

  it('is not used when its wording keys do not rise', async () => {
    const content = await roundTrip('abc');
    const keys = content.arrays.keyMapKeys as Float64Array;
    assert.ok(keys.length > 1);
    [keys[0], keys[1]] = [keys[1], keys[0]];
    assert.strictEqual(indexFromContent(content, 'abc'), undefined);
  });

  it('is not used for other documents', async () => {
    assert.strictEqual(indexFromContent(await roundTrip('abc'), 'abd'), undefined);
  });

  it('is not used when an array does not fit the rest', async () => {
    const content = await roundTrip('abc');
    content.arrays.srcDoc = Int32Array.of(...(content.arrays.srcDoc as Int32Array).slice(0, -1), 1_000_000);
    assert.strictEqual(indexFromContent(content, 'abc'), undefined);
    const short = await roundTrip('abc');
    short.arrays.len = (short.arrays.len as Int32Array).slice(1);
    assert.strictEqual(indexFromContent(short, 'abc'), undefined);
  });

  it('names the texts of another file instead of holding them, and reads them from it', async () => {
    const { texts } = built.indexData;
    // The texts as the records file read back holds them: a table of their own, with the digests.
    const table = StringTable.over(Uint8Array.from(texts.bytes), Int32Array.from(texts.offsets))!;
    const shared: SharedTexts = { table, bytes: await arrayDigest(texts.bytes), offsets: await arrayDigest(texts.offsets) };
    const content = await roundTrip('abc', shared);
    assert.ok(indexTextsShared(content));
    assert.strictEqual(content.arrays.textBytes, undefined);
    const read = indexFromContent(content, 'abc', {}, shared);
    assert.ok(read);
    assert.strictEqual(read.indexData.texts, shared.table);
    assert.deepStrictEqual(answers(read, probe), answers(built, probe));
    // Without them, or with other texts, it is not used.
    assert.strictEqual(indexFromContent(content, 'abc'), undefined);
    assert.strictEqual(indexFromContent(content, 'abc', {}, { ...shared, bytes: 'crc32:00000000' }), undefined);
    assert.ok(!indexTextsShared(await roundTrip('abc')));
  });

  it('reads back the index of no documents', async () => {
    const empty = buildAgreedIndex([]);
    const read = indexFromContent(await roundTrip('none', undefined, empty), 'none');
    assert.ok(read);
    assert.deepStrictEqual(read.stats(), empty.stats());
    assert.deepStrictEqual(read.searchParagraphs('Reaffirming', { limit: 5 }), []);
  });
});
