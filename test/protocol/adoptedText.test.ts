// A draft and the resolution it became, through the real server: a corpus folder holding the UN
// Digital Library's MARCXML export of the Third Committee drafts of session 78, the library's
// voting records and the text of A/RES/78/208. The hover on a draft symbol names the resolution
// and its day; the draft's own symbol carries "Compare with the adopted text", whose arguments
// compare it with that text through unres/compare.
import * as assert from 'assert';
import { copyFileSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeLens, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/parser/lines';
import { COMPARE_REQUEST, COMPARE_WITH_CORPUS_COMMAND, type CompareResult, type CompareWithCorpusArguments } from '../../server/src/protocol';
import { repoRoot } from '../helpers';
import { LspClient } from './lspClient';

const fixtures = path.join(repoRoot, 'test', 'fixtures');

const DRAFT = `United Nations A/C.3/78/L.51

General Assembly

Seventy-eighth session
Third Committee
Agenda item 71 (b)

Strengthening the role of the United Nations in the promotion of democratization and enhancing periodic and genuine elections

The General Assembly,

Recalling its resolution 76/176 of 16 December 2021 and the draft resolution A/C.3/78/L.41,

1. Decides to continue its consideration of the question at its eightieth session.
`;

function positionOf(text: string, marked: string): Position {
  const at = text.indexOf(marked.replace('|', ''));
  assert.ok(at >= 0, marked);
  return new LineIndex(text).positionAt(at + marked.indexOf('|'));
}

describe('protocol: a draft and the resolution it became (MARCXML catalogue)', function () {
  this.timeout(30_000);
  let folder: string;
  let client: LspClient;
  let resolutionUri: string;
  const uri = 'untitled:A_C_3_78_L_51';

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'unres-adopted-'));
    copyFileSync(path.join(fixtures, 'catalogues', 'undl-export-A_C.3_78_L.marcxml.xml'), path.join(folder, 'undl-export-A_C.3_78_L.marcxml.xml'));
    copyFileSync(path.join(fixtures, 'catalogues', 'undl-ga-voting-records.csv'), path.join(folder, 'undl-ga-voting-records.csv'));
    copyFileSync(path.join(fixtures, 'real', 'bulk', 'A_RES_78_208.pymupdf.txt'), path.join(folder, 'A_RES_78_208.pymupdf.txt'));
    resolutionUri = pathToFileURL(path.join(folder, 'A_RES_78_208.pymupdf.txt')).toString();
    client = await LspClient.start(['--stdio'], { 'unres.corpus': { paths: [folder], catalogues: [] } }, folder);
    await client.open(uri, DRAFT);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('hover on a cited draft: "Adopted as: A/RES/78/220 on 19 December 2023"', async () => {
    const hover = await client.until(async () => {
      const answer = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(DRAFT, 'A/C.3/78/L.4|1') })) as Hover | null;
      const value = answer ? (answer.contents as MarkupContent).value : '';
      return /Adopted as/.test(value) ? value : undefined;
    }, 20_000);
    assert.match(hover.replace(/\\/g, ''), /\*\*Adopted as:\*\* A\/RES\/78\/220 on 19 December 2023$/m);
    assert.match(hover.replace(/\\/g, ''), /Situation of human rights in the Islamic Republic of Iran/);
  });

  it('the draft\'s own symbol carries "Compare with the adopted text (A/RES/78/208)", which compares the two', async () => {
    const lenses = await client.until(async () => {
      const answer = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
      return answer.length ? answer : undefined;
    }, 20_000);
    assert.strictEqual(lenses.length, 1);
    const [lens] = lenses;
    assert.deepStrictEqual(lens.range.start, positionOf(DRAFT, '|A/C.3/78/L.51'));
    assert.strictEqual(lens.command?.title, 'Compare with the adopted text (A/RES/78/208)');
    assert.strictEqual(lens.command?.command, COMPARE_WITH_CORPUS_COMMAND);
    const args = lens.command?.arguments?.[0] as CompareWithCorpusArguments;
    assert.deepStrictEqual(args, { document: uri, with: resolutionUri });

    // What the client's command sends with those arguments.
    const result = (await client.connection.sendRequest(COMPARE_REQUEST, { old: { uri: args.with }, new: { uri: args.document }, format: 'model' })) as CompareResult;
    assert.strictEqual(result.oldUri, resolutionUri);
    assert.strictEqual(result.newUri, uri);
    assert.match(result.summaryText, /changed|added|deleted/);
  });
});
