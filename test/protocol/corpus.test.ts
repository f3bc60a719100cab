import * as assert from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CompletionItem, CompletionList, DocumentLink, Hover, Location, LocationLink, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/parser/lines';
import { corpusDir, readSeed, SEEDS } from '../helpers';
import { LspClient, SHIPPED_LOAD_MS } from './lspClient';

const uriOf = (file: string) => pathToFileURL(path.join(corpusDir, file)).toString();

/** The position of the `|` in `marked`, which must occur once in text (without the bar). */
function positionOf(text: string, marked: string): Position {
  const bar = marked.indexOf('|');
  const needle = marked.replace('|', '');
  const at = text.indexOf(needle);
  assert.ok(at >= 0 && text.indexOf(needle, at + 1) < 0, `"${needle}" must occur once`);
  return new LineIndex(text).positionAt(at + bar);
}

const hoverText = (hover: Hover | null) => (hover ? (hover.contents as MarkupContent).value : '');

describe('protocol: corpus lookups in the shipped corpus', function () {
  this.timeout(SHIPPED_LOAD_MS + 30_000);
  let client: LspClient;
  const seed000 = readSeed(SEEDS[0].file);

  before(async () => {
    client = await LspClient.start();
    await client.open(uriOf(SEEDS[0].file), seed000);
  });
  after(() => client.stop());

  /** Hover, retried until the background corpus load has finished. */
  const hoverWhenLoaded = (uri: string, position: Position, expect: RegExp) =>
    client.until(async () => {
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
      return expect.test(hoverText(hover)) ? hover : undefined;
    }, SHIPPED_LOAD_MS);

  it('hover on 73/266 gives its title, adoption date, corpus text and undocs link', async () => {
    const hover = await hoverWhenLoaded(uriOf(SEEDS[0].file), positionOf(seed000, '2016 and 73/2|66 of 22 December 2018'), /Advancing/);
    const text = hoverText(hover);
    assert.match(text, /Advancing responsible State behaviour in cyberspace in the context of international security/);
    assert.match(text, /22 December 2018/);
    assert.match(text, /Corpus text:\*\* full text/);
    assert.match(text, /\(https:\/\/undocs\.org\/A\/RES\/73\/266\)/);
  });

  it('hover on a resolution only the voting-record catalogue knows, and on a decision of the decisions catalogue', async () => {
    const uri = 'untitled:catalogues';
    const text = 'The General Assembly,\n\nRecalling its resolution 2758 (XXVI) of 25 October 1971 and its decision 79/512 of 2 December 2024,\n';
    await client.open(uri, text);
    const resolution = hoverText(await hoverWhenLoaded(uri, positionOf(text, 'resolution 27|58'), /lawful rights/));
    assert.match(resolution, /Restoration of the lawful rights of the People\\'s Republic of China in the United Nations/);
    assert.match(resolution, /25 October 1971 _\(undl\\-ga\\-voting\\-records\\\.csv row 1973\)_/);
    const decision = hoverText(await hoverWhenLoaded(uri, positionOf(text, 'decision 79/5|12'), /Open\\-ended working group/));
    assert.match(decision, /arms race in outer space in all its aspects _\(ga\\-decisions\\-71\\-80\\\.csv row \d+/);
    assert.match(decision, /2 December 2024/);
  });

  it('hover on "paragraph 3 of that resolution" gives OP3 of 73/266', async () => {
    const hover = await hoverWhenLoaded(uriOf(SEEDS[0].file), positionOf(seed000, 'set out in para|graph 3 of that resolution'), /Requests/);
    assert.match(hoverText(hover), /Requests\*? the Secretary\\-General, with the assistance of a group of governmental experts/);
  });

  it('definition on 73/266 opens the corpus text of 73/266', async () => {
    const links = (await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uriOf(SEEDS[0].file) },
      position: positionOf(seed000, '2016 and 73/2|66 of 22 December 2018'),
    })) as LocationLink[];
    assert.strictEqual(links[0].targetUri, uriOf(SEEDS[4].file));
  });

  it('references of 73/266 include the corpus texts that cite it', async () => {
    const locations = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uriOf(SEEDS[0].file) },
      position: positionOf(seed000, '2016 and 73/2|66 of 22 December 2018'),
      context: { includeDeclaration: true },
    })) as Location[];
    const files = new Set(locations.map((l) => path.basename(new URL(l.uri).pathname)));
    assert.ok(files.has(SEEDS[0].file) && files.has(SEEDS[1].file), [...files].join(', '));
    assert.ok(locations.length >= 3);
  });

  it('document links point every citation at undocs.org', async () => {
    const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: uriOf(SEEDS[0].file) } })) as DocumentLink[];
    assert.ok(links.length >= 20);
    assert.ok(links.some((l) => l.target === 'https://undocs.org/A/RES/73/266'));
    assert.ok(links.every((l) => l.target!.startsWith('https://undocs.org/')));
  });

  it('completion after "resolution 73/" offers 73/266 with its date', async () => {
    const uri = 'untitled:completion';
    const text = 'The General Assembly,\n\nRecalling its resolution 73/';
    await client.open(uri, text);
    const result = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: new LineIndex(text).positionAt(text.length),
    })) as CompletionList | CompletionItem[] | null;
    const items = Array.isArray(result) ? result : result?.items ?? [];
    const item = items.find((i) => i.label === '73/266');
    assert.ok(item, items.map((i) => i.label).join(', '));
    assert.match(JSON.stringify(item.textEdit ?? item.insertText), /73\/266 of 22 December 2018/);
  });
});

describe('protocol: agreed-language completion', function () {
  this.timeout(SHIPPED_LOAD_MS + 30_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.stop());

  /** The completion at the end of a new draft `text` whose edit inserts what `wording` matches, once the index is built. */
  async function agreedItem(uri: string, text: string, wording: RegExp): Promise<CompletionItem> {
    await client.open(uri, text);
    const position = new LineIndex(text).positionAt(text.length);
    // The index is built in the background after the corpus loads.
    return client.until(async () => {
      const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList | CompletionItem[] | null;
      const items = Array.isArray(result) ? result : result?.items ?? [];
      return items.find((i) => wording.test((i.textEdit as { newText: string } | undefined)?.newText ?? ''));
    }, SHIPPED_LOAD_MS);
  }

  it('offers the agreed human-rights paragraph to a drafter typing its first words', async () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 73/266,\n\nUnderlining the importance of respect';
    const item = await agreedItem('untitled:agreed', text, /for human rights and fundamental freedoms in the use of information and communications technologies,$/);
    assert.match(item.detail ?? '', /used in 3 documents/);
  });

  it('offers a paragraph of the shipped resolutions of sessions 78 and 79 (bulk/), on a subject the seeds do not treat', async () => {
    const text = 'The General Assembly,\n\nWelcoming the inclusion of small arms';
    const item = await agreedItem('untitled:agreed-bulk', text, /^Welcoming the inclusion of small arms and light weapons in the scope of the Arms Trade Treaty,$/);
    assert.match(item.detail ?? '', /^Agreed paragraph · A\/RES\/78\/46, PP22 · used in 3 documents$/);
  });
});

describe('protocol: citation diagnostics and their quick fix', function () {
  this.timeout(SHIPPED_LOAD_MS + 30_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.stop());

  it('flags a date that contradicts the corpus and fixes it in one action', async () => {
    const uri = 'untitled:wrong-date';
    const text = readSeed(SEEDS[0].file).replace('53/70 of 4 December 1998', '53/70 of 5 December 1998');
    await client.open(uri, text, 1);
    // The first publication may come before the corpus has loaded; wait for the citation check.
    const diagnostic = await client.until(async () => {
      const published = await client.diagnosticsFor(uri, 1);
      return published.diagnostics.find((d) => d.code === 'unres.citationDate');
    }, SHIPPED_LOAD_MS);
    assert.match(diagnostic.message as string, /53\/70 was adopted on 4 December 1998 .*not 5 December 1998/);
    assert.deepStrictEqual(diagnostic.range.start, positionOf(text, '53/70 of |5 December 1998'));
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[];
    assert.strictEqual(actions[0].title, 'Change to 4 December 1998');
    assert.deepStrictEqual(actions[0].edit.changes[uri].map((e) => e.newText), ['4 December 1998']);
  });

  it('applies the severity the user set for a code', async () => {
    const configured = await LspClient.start(['--stdio'], { 'unres.diagnostics.severity': { 'unres.citationDate': 'warning', 'unres.citationOrder': 'off' } });
    try {
      const uri = 'untitled:severity';
      const text = readSeed(SEEDS[0].file)
        .replace('53/70 of 4 December 1998', '53/70 of 5 December 1998')
        .replace('54/49 of 1 December 1999, 55/28 of 20 November 2000', '55/28 of 20 November 2000, 54/49 of 1 December 1999');
      await configured.open(uri, text, 1);
      const diagnostic = await configured.until(async () => (await configured.diagnosticsFor(uri, 1)).diagnostics.find((d) => d.code === 'unres.citationDate'), SHIPPED_LOAD_MS);
      assert.strictEqual(diagnostic.severity, 2);
      const codes = (await configured.diagnosticsFor(uri, 1)).diagnostics.map((d) => d.code);
      assert.ok(!codes.includes('unres.citationOrder'), codes.join(', '));
    } finally {
      await configured.stop();
    }
  });

  it('publishes no warning or error for the seeds (repeated-verb hints only)', async () => {
    for (const seed of SEEDS) {
      const uri = uriOf(seed.file);
      await client.open(uri, readSeed(seed.file), 7);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const published = await client.diagnosticsFor(uri, 7);
      const serious = published.diagnostics.filter((d) => d.severity === 1 || d.severity === 2);
      assert.deepStrictEqual(serious.map((d) => `${d.code}: ${d.message}`), [], seed.file);
      assert.ok(published.diagnostics.every((d) => d.code === 'unres.repeatedVerb'), seed.file);
    }
  });
});

describe('protocol: user corpus folders and catalogues through settings', () => {
  let folder: string;
  let client: LspClient;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'unres-corpus-'));
    writeFileSync(
      path.join(folder, 'a-res-76-19.txt'),
      'General Assembly\n\nDistr.: General\n\nA/RES/76/19\n\nDevelopments in the field of information and telecommunications in the context of international security\n\nThe General Assembly,\n\nRecalling its resolution 73/27 of 5 December 2018,\n\n1. Decides to remain seized of the matter.\n',
    );
    writeFileSync(path.join(folder, 'broken.bin'), Buffer.from([0, 1, 2, 3, 0, 255]));
    writeFileSync(path.join(folder, 'binary.txt'), Buffer.from([80, 75, 3, 4, 0, 0, 0, 0, 20, 0]));
    writeFileSync(
      path.join(folder, 'undl-export.csv'),
      'Resolution,Title,Vote date\r\nA/RES/77/37,"Developments in the field of information and telecommunications in the context of international security",2022-12-07\r\nA/RES/73/,"Broken symbol",2018-12-05\r\nA/RES/76/19,"Developments in the field, revised",2021-12-06\r\n',
    );
    // The shipped corpus off: what these tests read is the user's folder alone (and it loads at once).
    client = await LspClient.start(['--stdio'], { 'unres.corpus': { paths: [folder, path.join(folder, 'missing-subfolder')], catalogues: [], shipped: false } }, folder);
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const hoverOn = async (text: string, marked: string) => {
    const uri = `untitled:draft-${Math.random()}`;
    await client.open(uri, text);
    return hoverText((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(text, marked) })) as Hover | null);
  };

  it('loads a catalogue row from a folder in settings', async () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 77/37 of 7 December 2022,\n';
    const hover = await client.until(async () => {
      const value = await hoverOn(text, 'resolution 77/3|7');
      return /Developments in the field of information/.test(value) ? value : undefined;
    });
    assert.match(hover, /undl\\-export\\\.csv/);
  });

  it('loads a text from a folder in settings', async () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 76/19 of 6 December 2021,\n';
    const hover = await hoverOn(text, 'resolution 76/1|9');
    // Its text, named by its symbol: the hover says the corpus holds it, not which file.
    assert.match(hover, /Corpus text:\*\* full text/);
  });

  it('tells the user once about a broken row, a binary file and a missing folder, naming them', async () => {
    const message = await client.until(async () => client.messages.find((m) => /corpus/.test(m.message)));
    assert.match(message.message, /broken|binary|missing-subfolder|row/);
    assert.match(message.message, /more problem/);
    assert.strictEqual(client.messages.filter((m) => /corpus/.test(m.message)).length, 1);
  });

  it('reloads when a file is added to a watched folder', async () => {
    writeFileSync(path.join(folder, 'extra.csv'), 'symbol,title,date\n75/32,"Advancing responsible State behaviour in cyberspace",2020-12-07\n');
    const text = 'The General Assembly,\n\nRecalling its resolution 75/32 of 7 December 2020,\n';
    const hover = await client.until(async () => {
      const value = await hoverOn(text, 'resolution 75/3|2');
      return /Advancing responsible/.test(value) ? value : undefined;
    });
    assert.match(hover, /extra\\\.csv/);
  });
});

describe('protocol: unres.corpus.shipped', function () {
  this.timeout(SHIPPED_LOAD_MS + 30_000);
  const seed000 = readSeed(SEEDS[0].file);
  const on73266 = positionOf(seed000, '2016 and 73/2|66 of 22 December 2018');
  const loaded = (client: LspClient) => client.until(async () => client.logs.find((line) => /^Corpus loaded/.test(line)), SHIPPED_LOAD_MS);
  const hoverOn = async (client: LspClient) => {
    await client.open('untitled:seed-000', seed000);
    return hoverText((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:seed-000' }, position: on73266 })) as Hover | null);
  };

  it('false in the settings: no shipped text is loaded, and a hover on 73/266 has no corpus text', async () => {
    const client = await LspClient.start(['--stdio'], { 'unres.corpus': { shipped: false } });
    try {
      assert.match(await loaded(client), /^Corpus loaded in \d+ ms: 0 texts, /);
      const hover = await hoverOn(client);
      assert.match(hover, /\*\*Corpus text:\*\* not in the corpus/);
      assert.doesNotMatch(hover, /Advancing responsible State behaviour/);
      assert.ok(!client.logs.some((line) => /catalogues/.test(line)), 'no shipped catalogue is read');
    } finally {
      await client.stop();
    }
  });

  it('false in initializationOptions.corpus (another editor\'s configuration of the server): the same', async () => {
    const client = await LspClient.start(['--stdio'], {}, undefined, { initializationOptions: { corpus: { shipped: false } } });
    try {
      assert.match(await loaded(client), /: 0 texts, /);
      assert.match(await hoverOn(client), /not in the corpus/);
    } finally {
      await client.stop();
    }
  });

  it('by default the shipped texts load, and the summary of the catalogues\' skipped rows goes to the log, never to a pop-up', async () => {
    const client = await LspClient.start();
    try {
      assert.match(await loaded(client), /: 705 texts, /);
      assert.deepStrictEqual(client.messages.filter((m) => /corpus/i.test(m.message)), []);
      const summaries = client.logs.filter((line) => /^Corpus: .*catalogues.*rows read/.test(line));
      assert.ok(summaries.length <= 2 && client.logs.filter((line) => /^Corpus: /.test(line)).length === summaries.length, client.logs.join('\n'));
    } finally {
      await client.stop();
    }
  });
});
