// The server keeps no parse of a corpus text: hovers, definitions and references parse the texts
// they show again, through a bounded cache. Once a text has been pushed out of that cache by more
// texts than it keeps, each feature answers on it exactly as before.
import * as assert from 'assert';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Hover, Location, LocationLink, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { PARSES_KEPT } from '../../server/src/corpus/parseCache';
import { ParsedDocument } from '../../server/src/parsedDocument';
import { LineIndex } from '../../server/src/parser/lines';
import { repoRoot, withCursors } from '../helpers';
import { LspClient } from './lspClient';

const BULK = path.join(repoRoot, 'test', 'fixtures', 'real', 'bulk');

describe('protocol: corpus texts after the parse cache let them go', () => {
  let folder: string;
  let client: LspClient;
  const parse = (file: string) => ParsedDocument.parse({ uri: file, version: 0, getText: () => readFileSync(path.join(BULK, file), 'utf8') });
  const resolutions = readdirSync(BULK)
    .filter((f) => /^A_RES_78_\d+\.pymupdf\.txt$/.test(f))
    .sort((a, b) => Number(/_(\d+)\./.exec(a)![1]) - Number(/_(\d+)\./.exec(b)![1]));
  // The text whose paragraph 2 is shown: one with a paragraph 2, then others to push it out.
  const shown = resolutions.find((file) => parse(file).model.operative.length >= 2)!;
  const files = [shown, ...resolutions.filter((file) => file !== shown).slice(0, PARSES_KEPT + 8)];
  const numbers = files.map((f) => /_(\d+)\./.exec(f)![1]);
  const draftUri = 'untitled:draft-citing-the-corpus';
  const { text: draft, cursors } = withCursors(
    [
      'The General Assembly,',
      '',
      `Recalling its resolutions ${numbers.map((n) => `78/${n}`).join(', ')},`,
      '',
      `1. Recalls para|graph 2 of resolution 78/|${numbers[0]};`,
      '',
    ].join('\n'),
  );
  const lines = new LineIndex(draft);
  const [onParagraph, onSymbol] = cursors.map((c) => lines.positionAt(c));
  const target = () => pathToFileURL(path.join(folder, files[0])).toString();
  const op2 = parse(shown).model.operative[1].content.text;

  before(async () => {
    assert.ok(files.length > PARSES_KEPT, 'more corpus texts than the cache keeps');
    folder = mkdtempSync(path.join(tmpdir(), 'unres-evict-'));
    for (const file of files) copyFileSync(path.join(BULK, file), path.join(folder, file));
    client = await LspClient.start(['--stdio', '--no-cache'], { 'unres.corpus': { paths: [folder], catalogues: [], shipped: false } }, folder);
    await client.open(draftUri, draft);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const hover = async (position: Position) => {
    const result = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: draftUri }, position })) as Hover | null;
    return result ? (result.contents as MarkupContent).value : '';
  };
  const definition = (position: Position) => client.connection.sendRequest('textDocument/definition', { textDocument: { uri: draftUri }, position }) as Promise<LocationLink[]>;
  const references = (position: Position) =>
    client.connection.sendRequest('textDocument/references', { textDocument: { uri: draftUri }, position, context: { includeDeclaration: true } }) as Promise<Location[]>;

  async function answers() {
    return { paragraph: await hover(onParagraph), symbol: await hover(onSymbol), definition: await definition(onSymbol), references: await references(onSymbol) };
  }

  it('answers hover, definition and references on a corpus text as before it was let go', async () => {
    const opening = op2.split(/\s+/).slice(0, 4).join(' ');
    const first = await client.until(async () => {
      const found = await answers();
      return found.paragraph.replace(/[\\*]/g, '').includes(opening) && found.definition?.length ? found : undefined;
    }, 60_000);
    assert.strictEqual(first.definition[0].targetUri, target());
    assert.ok(first.references.some((location) => location.uri === target()), 'the corpus text is among the references');
    // Every other corpus text parsed once: more than the cache keeps.
    const recalled = draft.indexOf('Recalling its resolutions ') + 'Recalling its resolutions '.length;
    for (const n of numbers.slice(1)) {
      const at = draft.indexOf(`78/${n},`, recalled);
      const links = await definition(lines.positionAt(at + 3));
      assert.ok(links?.length, `78/${n} has its corpus text`);
    }
    assert.deepStrictEqual(await answers(), first);
  });
});
