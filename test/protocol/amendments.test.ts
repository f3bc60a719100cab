// The custom requests behind "Write Amendments Against…" and "Apply Amendments…"
// (unres/amendments, unres/applyAmendments), against the real server over stdio.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { applyAmendments } from '../../server/src/amendments/apply';
import { parseAmendments, printAmendments } from '../../server/src/amendments/instructions';
import { writeAmendments } from '../../server/src/amendments/write';
import { parseResolution } from '../../server/src/parser/parse';
import type { AmendmentsResult, ApplyAmendmentsResult, CompareError } from '../../server/src/protocol';
import { corpusDir, readSeed, repoRoot, SEEDS } from '../helpers';
import { LspClient, SHIPPED_LOAD_MS } from './lspClient';

const uriOf = (file: string) => pathToFileURL(path.join(corpusDir, file)).toString();
const SEED_000 = SEEDS[0].file;
const SEED_004 = SEEDS[4].file;
const MISMATCHED = readFileSync(path.join(repoRoot, 'test/fixtures/amendments/000-mismatched.txt'), 'utf8');

describe('protocol: unres/amendments and unres/applyAmendments', function () {
  // A symbol is looked up once the shipped corpus has loaded: seconds on an idle machine, many more on a busy one.
  this.timeout(SHIPPED_LOAD_MS);
  let client: LspClient;
  const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T | CompareError>;
  const ok = <T extends object>(result: T | CompareError): T => {
    assert.ok(!('error' in result), 'error' in result ? result.error : '');
    return result as T;
  };

  before(async () => {
    client = await LspClient.start();
    await client.open(uriOf(SEED_000), readSeed(SEED_000));
  });
  after(() => client.stop());

  it('writes the amendments from a corpus resolution (by symbol) to an open draft: the engine\'s text', async () => {
    const result = ok(await request<AmendmentsResult>('unres/amendments', { old: { symbol: 'A/RES/73/266' }, new: { uri: uriOf(SEED_000) } }));
    const written = writeAmendments(parseResolution(readSeed(SEED_004)), parseResolution(readSeed(SEED_000)));
    assert.strictEqual(result.text, printAmendments(written.instructions));
    assert.strictEqual(result.count, written.instructions.length);
    assert.strictEqual(result.oldTitle, 'A/RES/73/266');
    assert.deepStrictEqual(result.warnings, []);
    const oral = ok(await request<AmendmentsResult>('unres/amendments', { old: { symbol: 'A/RES/73/266' }, new: { uri: uriOf(SEED_000) }, oral: true }));
    assert.strictEqual(oral.text, printAmendments(written.instructions, true));
  });

  it('applies amendments sent as text to the draft: the amended text and the edits that make it', async () => {
    const amendments = (await request<AmendmentsResult>('unres/amendments', { old: { uri: uriOf(SEED_004), text: readSeed(SEED_004) }, new: { uri: uriOf(SEED_000) } })) as AmendmentsResult;
    const result = ok(await request<ApplyAmendmentsResult>('unres/applyAmendments', { draft: { uri: uriOf(SEED_004), text: readSeed(SEED_004) }, amendments: { text: amendments.text } }));
    assert.ok('text' in result);
    const expected = applyAmendments(parseResolution(readSeed(SEED_004)), parseAmendments(amendments.text).instructions);
    assert.ok('text' in expected);
    assert.strictEqual(result.text, expected.text);
    assert.strictEqual(result.applied, amendments.count);
    // The edits, made on the draft, give the text.
    let text = readSeed(SEED_004);
    for (const edit of [...result.edits].reverse()) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    assert.strictEqual(text, result.text);
  });

  it('amendments that do not match: every one with its line and column, and no text', async () => {
    const result = ok(await request<ApplyAmendmentsResult>('unres/applyAmendments', { draft: { uri: uriOf(SEED_000) }, amendments: { uri: 'untitled:Amendments-1', text: MISMATCHED } }));
    assert.ok('problems' in result, JSON.stringify(result));
    assert.deepStrictEqual(
      result.problems.map((p) => `${p.line}:${p.column}`),
      ['7:11', '9:51'],
    );
    assert.ok(!('text' in result));
  });

  it('refuses what it cannot use with a message: no amendments in the text, missing params', async () => {
    const none = await request<ApplyAmendmentsResult>('unres/applyAmendments', { draft: { uri: uriOf(SEED_000) }, amendments: { text: 'Nothing to see here.' } });
    assert.ok('error' in none && /holds no amendment/.test(none.error), JSON.stringify(none));
    const missing = await request<AmendmentsResult>('unres/amendments', { old: { uri: uriOf(SEED_000) } });
    assert.ok('error' in missing && /new version is missing/.test(missing.error), JSON.stringify(missing));
  });
});
