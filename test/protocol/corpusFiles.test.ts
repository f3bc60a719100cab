// The corpus settings through the real server: what it refuses to read, and that it says so
// and keeps serving. A FIFO named as a catalogue used to block the load for ever (and the
// server's exit with it); a workspace's settings could make it read any file on the machine.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { corpusDir, readSeed, SEEDS } from '../helpers';
import { LspClient } from './lspClient';

const posix = process.platform !== 'win32';
const seedUri = pathToFileURL(path.join(corpusDir, SEEDS[4].file)).toString();
const DRAFT = 'The General Assembly,\n\nRecalling its resolution 79/501 of 2 December 2024,\n';
/** The position of "79/501" in DRAFT. */
const ON_SYMBOL = { line: 2, character: 28 };

const hoverText = (hover: Hover | null) => (hover ? (hover.contents as MarkupContent).value : '');

(posix ? describe : describe.skip)('protocol: a FIFO named as a catalogue', function () {
  this.timeout(30_000);
  let folder: string;
  let fifo: string;
  let client: LspClient;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'unres-fifo-'));
    fifo = path.join(folder, 'catalogue.csv');
    spawnSync('mkfifo', [fifo]);
    client = await LspClient.start(['--stdio'], { 'unres.corpus': { paths: [], catalogues: [fifo] } }, folder);
  });
  after(async () => {
    // Let a reader stuck in open() go (the old behaviour), so that the server can be killed.
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // nobody waits on it
    }
    if (client.process.exitCode === null) client.process.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('is reported, naming it; the load finishes', async () => {
    const message = await client.until(async () => client.messages.find((m) => /FIFO/.test(m.message)));
    assert.match(message.message, new RegExp(`catalogue ${fifo.replace(/[.\\]/g, '\\$&')} is a FIFO \\(named pipe\\), not a regular file`));
    await client.until(async () => (client.logs.some((line) => /^Corpus loaded/.test(line)) ? true : undefined));
  });

  it('the server keeps answering', async () => {
    await client.open(seedUri, readSeed(SEEDS[4].file));
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: seedUri } })) as DocumentSymbol[];
    assert.ok(symbols.some((s) => s.name === 'Preamble'));
  });

  it('and exits on shutdown and exit', async () => {
    assert.strictEqual(await client.stop(), 0, `stderr: ${client.stderr}`);
  });
});

describe('protocol: corpus paths that only a workspace\'s settings name', function () {
  this.timeout(30_000);
  let workspace: string;
  let home: string;
  let outside: string;
  let catalogue: string;

  before(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'unres-ws-'));
    home = mkdtempSync(path.join(tmpdir(), 'unres-home-'));
    outside = mkdtempSync(path.join(tmpdir(), 'unres-elsewhere-'));
    catalogue = path.join(outside, 'secret.csv');
    writeFileSync(catalogue, 'Symbol,Title,Date\nA/RES/79/501,Title from outside the workspace,2024-12-02\n');
    mkdirSync(path.join(workspace, 'data'));
    writeFileSync(path.join(workspace, 'data', 'inside.csv'), 'Symbol,Title,Date\nA/RES/79/502,Title from inside the workspace,2024-12-03\n');
    writeFileSync(path.join(home, 'mine.csv'), 'Symbol,Title,Date\nA/RES/79/503,Title from the home folder,2024-12-04\n');
  });
  after(() => {
    for (const dir of [workspace, home, outside]) rmSync(dir, { recursive: true, force: true });
  });

  const settings = () => ({ 'unres.corpus': { paths: [], catalogues: [catalogue, 'data/inside.csv', '~/mine.csv'] } });
  const hoverOn = async (client: LspClient, symbol: string) => {
    const uri = `untitled:draft-${Math.random()}`;
    const text = DRAFT.replace('79/501', symbol);
    await client.open(uri, text);
    return hoverText((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: ON_SYMBOL })) as Hover | null);
  };
  const loaded = (client: LspClient, count = 1) => client.until(async () => (client.logs.filter((line) => /^Corpus loaded/.test(line)).length >= count ? true : undefined));

  it('a path outside the workspace folders and home is refused, naming the setting and the path; inside and home are read', async () => {
    const client = await LspClient.start(['--stdio'], settings(), workspace, { env: { HOME: home } });
    try {
      await loaded(client);
      const message = await client.until(async () => client.messages.find((m) => /corpus/.test(m.message)));
      assert.match(message.message, new RegExp(`${catalogue.replace(/[.\\]/g, '\\$&')} is outside the workspace folders and your home folder, and only the workspace's settings name it \\(unres\\.corpus\\.catalogues\\): not read`));
      assert.ok(!client.logs.join('\n').includes('Title from outside'));
      assert.doesNotMatch(await hoverOn(client, '79/501'), /Title from outside/);
      assert.match(await hoverOn(client, '79/502'), /Title from inside the workspace/);
      assert.match(await hoverOn(client, '79/503'), /Title from the home folder/);
    } finally {
      await client.stop();
    }
  });

  it('the same path is read when initializationOptions list it as the user\'s own setting', async () => {
    const client = await LspClient.start(['--stdio'], settings(), workspace, {
      env: { HOME: home },
      initializationOptions: { userSettings: { corpus: { paths: [], catalogues: [catalogue] } } },
    });
    try {
      await loaded(client);
      assert.match(await hoverOn(client, '79/501'), /Title from outside the workspace/);
    } finally {
      await client.stop();
    }
  });

  it('and once unres/didChangeUserSettings lists it', async () => {
    const client = await LspClient.start(['--stdio'], settings(), workspace, { env: { HOME: home } });
    try {
      await loaded(client);
      assert.doesNotMatch(await hoverOn(client, '79/501'), /Title from outside/);
      await client.connection.sendNotification('unres/didChangeUserSettings', { corpus: { paths: [], catalogues: [catalogue] } });
      await loaded(client, 2);
      assert.match(await hoverOn(client, '79/501'), /Title from outside the workspace/);
    } finally {
      await client.stop();
    }
  });

  it('initializationOptions.corpus (the editor\'s own configuration of the server) is the user\'s: read wherever it points', async () => {
    const client = await LspClient.start(['--stdio'], {}, workspace, { env: { HOME: home }, initializationOptions: { corpus: { paths: [], catalogues: [catalogue] } } });
    try {
      await loaded(client);
      assert.match(await hoverOn(client, '79/501'), /Title from outside the workspace/);
    } finally {
      await client.stop();
    }
  });
});
