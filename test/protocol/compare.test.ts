// The custom requests behind "Compare with…" (unres/compare, unres/corpusDocuments), against
// the real server over stdio.
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { compareDocuments } from '../../server/src/compare/compare';
import { parseResolution } from '../../server/src/parser/parse';
import type { CompareError, CompareResult, CorpusDocumentItem } from '../../server/src/protocol';
import { corpusDir, readSeed, SEEDS } from '../helpers';
import { LspClient } from './lspClient';

const uriOf = (file: string) => pathToFileURL(path.join(corpusDir, file)).toString();
const SEED_000 = SEEDS[0].file;
const SEED_004 = SEEDS[4].file;

describe('protocol: unres/compare and unres/corpusDocuments', () => {
  let client: LspClient;
  const compare = (params: unknown) => client.connection.sendRequest('unres/compare', params) as Promise<CompareResult | CompareError>;
  const ok = (result: CompareResult | CompareError): CompareResult => {
    assert.ok(!('error' in result), 'error' in result ? result.error : '');
    return result;
  };

  before(async () => {
    client = await LspClient.start();
    await client.open(uriOf(SEED_000), readSeed(SEED_000));
  });
  after(() => client.stop());

  it('lists the corpus texts with their symbols and titles (waiting for the first load)', async () => {
    const items = (await client.connection.sendRequest('unres/corpusDocuments')) as CorpusDocumentItem[];
    assert.strictEqual(items.length, SEEDS.length);
    const resolution = items.find((item) => item.uri === uriOf(SEED_004));
    assert.deepStrictEqual(
      { symbol: resolution?.symbol, title: resolution?.title, date: resolution?.date },
      { symbol: 'A/RES/73/266', title: 'Advancing responsible State behaviour in cyberspace in the context of international security', date: '2018-12-22' },
    );
    assert.strictEqual(items.find((item) => item.uri === uriOf(SEED_000))?.adoptedAs, 'A/RES/74/28');
  });

  it('compares an open draft with a corpus resolution by symbol: the engine\'s model, HTML and normalised texts', async () => {
    const result = ok(await compare({ old: { symbol: '73/266' }, new: { uri: uriOf(SEED_000) } }));
    const expected = compareDocuments(parseResolution(readSeed(SEED_004)), parseResolution(readSeed(SEED_000)));
    assert.deepStrictEqual(result.comparison.summary, expected.summary);
    assert.strictEqual(result.oldTitle, 'A/RES/73/266');
    assert.strictEqual(result.newTitle, 'A/C.1/74/L.49/Rev.1', 'a corpus text is named by its symbol');
    assert.strictEqual(result.oldUri, uriOf(SEED_004));
    assert.strictEqual(result.newUri, uriOf(SEED_000));
    assert.match(result.html ?? '', /<section class="change [^"]*" id="OP\d+"[^>]* data-new-start="\d+"/);
    assert.match(result.css ?? '', /\.unres-comparison/);
    assert.match(result.normalized.old, /^PP1 Recalling its resolutions 53\/70 /);
    assert.match(result.normalized.new, /\n\nOP1 \(a\) /);
    // Without format "html", the model alone.
    const model = ok(await compare({ old: { symbol: '73/266' }, new: { uri: uriOf(SEED_000) }, format: 'model' }));
    assert.strictEqual(model.html, undefined);
  });

  it('finds a corpus text by title, and by the URI of a corpus text that is not open', async () => {
    const byTitle = ok(await compare({ old: { title: 'advancing responsible state behaviour in cyberspace' }, new: { uri: uriOf(SEED_000) } }));
    assert.strictEqual(byTitle.oldUri, uriOf(SEED_004), 'the adopted resolution rather than a draft of the same title');
    const byUri = ok(await compare({ old: { uri: uriOf(SEED_004) }, new: { uri: uriOf(SEED_004) } }));
    assert.strictEqual(byUri.summaryText, 'No textual change');
  });

  it('reads the text the client sends for a document that is not open, and the open text of one that is', async () => {
    const text = readSeed(SEED_004).replace('*Invites* all Member States, taking', '*Invites* all Member States, taking fully');
    const sent = ok(await compare({ old: { symbol: 'A/RES/73/266' }, new: { uri: 'file:///drafts/next.unres', text } }));
    assert.strictEqual(sent.summaryText, '1 paragraph changed');
    assert.strictEqual(sent.newTitle, 'next.unres');
    // For an open document the server's copy wins over a stale text.
    const open = ok(await compare({ old: { symbol: 'A/RES/73/266' }, new: { uri: uriOf(SEED_000), text: 'stale', title: 'draft' } }));
    assert.strictEqual(open.newTitle, 'draft');
    assert.notStrictEqual(open.summaryText, 'No textual change');
    assert.ok(open.comparison.summary.unchanged >= 10);
  });

  it('says what is missing instead of failing', async () => {
    const unknown = await compare({ old: { symbol: 'A/RES/99/999' }, new: { uri: uriOf(SEED_000) } });
    assert.deepStrictEqual(unknown, { error: 'The corpus has no text of A/RES/99/999.' });
    const nowhere = await compare({ old: { uri: 'file:///nowhere/draft.unres' }, new: { uri: uriOf(SEED_000) } });
    assert.match((nowhere as CompareError).error, /draft\.unres is neither open nor in the corpus/);
    const binary = await compare({ old: { uri: 'file:///x.bin', text: '\u0000\u0001binary' }, new: { uri: uriOf(SEED_000) } });
    assert.match((binary as CompareError).error, /x\.bin: This file looks binary/);
  });
});
