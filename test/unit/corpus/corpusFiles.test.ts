// What the corpus loader opens and what it says when it does not: regular files only (a FIFO
// would block it for ever), a symbolic link followed once, every skipped file named with the
// reason, no message quoting a file, and paths that only a workspace's settings name kept
// inside the workspace folders and the home folder.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, rmSync, statSync, symlinkSync, writeFileSync, type Stats } from 'fs';
import * as net from 'net';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { loadCorpus, type CorpusSources, type LoadedCorpus } from '../../../server/src/corpus/corpusLoader';
import { StatReader } from '../../../server/src/corpus/files';
import { CATALOGUES_SETTING, clientCorpusSettings, corpusSourcesOf, PATHS_SETTING, userCorpusSettings } from '../../../server/src/corpus/corpusSettings';

const posix = process.platform !== 'win32';

const TEXT = (symbol: string) => `${symbol}\n\nA title\n\nThe General Assembly,\n\nRecalling its resolution 73/27 of 5 December 2018,\n\n1. Decides to remain seized of the matter.\n`;
const SECRET_LINE = 'root:$6$S3CR3TsaltS3CR3T$hashhashhashhash:19700:0:99999:7:::';

function names(loaded: LoadedCorpus): string[] {
  return loaded.documents.map((d) => path.basename(new URL(d.document.uri).pathname)).sort();
}

function messages(loaded: LoadedCorpus): string {
  return loaded.problems.map((p) => p.message).join('\n');
}

/** A FIFO made with mkfifo(1). */
function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/**
 * Opens each FIFO for writing, without blocking: a reader stuck in open() (the bug these tests
 * guard against) is let go, so that a failing test cannot keep the test process from exiting.
 */
function releaseFifos(fifos: string[]): void {
  for (const fifo of fifos) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting (ENXIO) or already removed
    }
  }
}

(posix ? describe : describe.skip)('corpus files: regular files only, every skip named', () => {
  let root: string;
  const fifos: string[] = [];
  let socket: net.Server | undefined;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'unres-files-'));
    const corpus = path.join(root, 'corpus');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'a.txt'), TEXT('A/RES/76/19'));
    for (const name of ['pipe.txt', 'pipe.csv']) {
      fifos.push(path.join(corpus, name));
      mkfifo(path.join(corpus, name));
    }
    fifos.push(path.join(root, 'catalogue-fifo.csv'));
    mkfifo(path.join(root, 'catalogue-fifo.csv'));
    socket = net.createServer();
    await new Promise<void>((resolve) => socket!.listen(path.join(corpus, 'socket.txt'), resolve));

    // A link to a valid file is read; a link to a link, a link to nothing and a loop are not.
    writeFileSync(path.join(root, 'outside.txt'), TEXT('A/RES/76/20'));
    symlinkSync(path.join(root, 'outside.txt'), path.join(corpus, 'linked.txt'));
    symlinkSync(path.join(corpus, 'linked.txt'), path.join(corpus, 'link-to-link.txt'));
    symlinkSync(path.join(root, 'nothing.txt'), path.join(corpus, 'dangling.txt'));
    symlinkSync(path.join(corpus, 'self.txt'), path.join(corpus, 'self.txt'));
    mkdirSync(path.join(corpus, 'sub'));
    writeFileSync(path.join(corpus, 'sub', 'b.txt'), TEXT('A/RES/76/21'));
    symlinkSync(corpus, path.join(corpus, 'sub', 'back-up'));

    // Seven levels of folders: the seventh is not read, and says so.
    let deep = corpus;
    for (let level = 1; level <= 7; level++) {
      deep = path.join(deep, `level${level}`);
      mkdirSync(deep, { recursive: true });
      writeFileSync(path.join(deep, `at-${level}.txt`), TEXT(`A/RES/77/${level}`));
    }
  });

  after(() => {
    releaseFifos(fifos);
    socket?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('a FIFO named as a catalogue is refused with a message naming it, and the load finishes', async () => {
    const fifo = path.join(root, 'catalogue-fifo.csv');
    const loaded = await loadCorpus({ folders: [], catalogues: [fifo] });
    assert.match(messages(loaded), new RegExp(`catalogue ${escape(fifo)} is a FIFO \\(named pipe\\), not a regular file`));
  });

  it('FIFOs and sockets in a corpus folder are skipped, each named with what it is', async () => {
    const loaded = await loadCorpus({ folders: [path.join(root, 'corpus')], catalogues: [] });
    const text = messages(loaded);
    assert.match(text, /pipe\.txt is a FIFO \(named pipe\), not a regular file; skipped/);
    assert.match(text, /pipe\.csv is a FIFO \(named pipe\), not a regular file; skipped/);
    assert.match(text, /socket\.txt is a socket, not a regular file; skipped/);
  });

  it('a device named as a catalogue is refused', async () => {
    const loaded = await loadCorpus({ folders: [], catalogues: ['/dev/zero'] });
    assert.match(messages(loaded), /\/dev\/zero is a character device, not a regular file/);
  });

  it('a symbolic link to a file is followed once; a link to a link, to nothing, or to itself is skipped with the reason', async () => {
    const loaded = await loadCorpus({ folders: [path.join(root, 'corpus')], catalogues: [] });
    assert.ok(names(loaded).includes('linked.txt'), names(loaded).join(', '));
    const text = messages(loaded);
    assert.match(text, /link-to-link\.txt is a symbolic link to another symbolic link; only one link is followed; skipped/);
    assert.match(text, /dangling\.txt is a symbolic link to nothing \(its target does not exist\); skipped/);
    assert.match(text, /self\.txt is a symbolic link loop; skipped/);
    assert.ok(!names(loaded).includes('link-to-link.txt'));
  });

  it('a link to a folder that holds it (a loop) is skipped, and no text is read twice', async () => {
    const loaded = await loadCorpus({ folders: [path.join(root, 'corpus')], catalogues: [] });
    assert.match(messages(loaded), /back-up links back to a folder that holds it \(a loop\); skipped/);
    const uris = loaded.documents.map((d) => d.document.uri);
    assert.strictEqual(new Set(uris).size, uris.length);
    assert.strictEqual(uris.filter((uri) => uri.endsWith('/b.txt')).length, 1);
  });

  it('a folder named in the settings and also inside another named folder is read once, without a word', async () => {
    const loaded = await loadCorpus({ folders: [path.join(root, 'corpus', 'sub'), path.join(root, 'corpus')], catalogues: [] });
    assert.strictEqual(loaded.documents.filter((d) => d.document.uri.endsWith('/b.txt')).length, 1);
    assert.doesNotMatch(messages(loaded), /read already/);
  });

  it('a folder more than 6 levels deep is not read, and says so', async () => {
    const loaded = await loadCorpus({ folders: [path.join(root, 'corpus')], catalogues: [] });
    assert.deepStrictEqual(names(loaded).filter((n) => n.startsWith('at-')), ['at-1.txt', 'at-2.txt', 'at-3.txt', 'at-4.txt', 'at-5.txt', 'at-6.txt']);
    assert.match(messages(loaded), /folder .*level7 is more than 6 levels deep in corpus folder .*corpus; not read/);
  });

  it('a folder that cannot be read is named, at any depth', async function () {
    if (process.getuid?.() === 0) this.skip(); // permissions do not stop root
    const locked = path.join(root, 'locked-corpus');
    mkdirSync(path.join(locked, 'inner'), { recursive: true });
    execFileSync('chmod', ['000', path.join(locked, 'inner')]);
    try {
      const loaded = await loadCorpus({ folders: [locked], catalogues: [] });
      assert.match(messages(loaded), /folder .*inner cannot be read: permission denied/);
    } finally {
      execFileSync('chmod', ['755', path.join(locked, 'inner')]);
    }
  });
});

describe('corpus files: no message quotes a file', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'unres-quotes-'));
    writeFileSync(path.join(root, 'shadow'), `${SECRET_LINE}\ndaemon:*:19700:0:99999:7:::\n`);
    writeFileSync(path.join(root, 'shadow.csv'), `${SECRET_LINE}\n`);
    writeFileSync(path.join(root, 'shadow.jsonl'), `${SECRET_LINE}\n`);
    mkdirSync(path.join(root, 'shipped'));
    writeFileSync(path.join(root, 'shipped', 'catalogue.json'), `${SECRET_LINE}\n`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('a catalogue whose first line looks like a password hash: the file and row are named, the line is not', async () => {
    const files = ['shadow', 'shadow.csv', 'shadow.jsonl'].map((name) => path.join(root, name));
    const loaded = await loadCorpus({ shippedDir: path.join(root, 'shipped'), folders: [], catalogues: files });
    assert.ok(loaded.problems.length >= 4, messages(loaded));
    for (const problem of loaded.problems) {
      for (const fragment of ['S3CR3T', '$6$', 'root:', 'daemon', '19700']) assert.ok(!problem.message.includes(fragment), problem.message);
    }
    assert.ok(loaded.problems.some((p) => p.uri === pathToFileURL(files[0]).toString() && p.line === 1), 'the row is named');
    assert.match(messages(loaded), /shipped\/catalogue\.json cannot be read: it is not valid JSON/);
  });
});

(posix ? describe : describe.skip)('corpus files: paths that only a workspace names stay in the workspace and home', () => {
  let workspace: string;
  let outside: string;
  let sources: (named: Partial<CorpusSources>, settings: Record<string, string>) => CorpusSources;

  before(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'unres-workspace-'));
    outside = mkdtempSync(path.join(tmpdir(), 'unres-outside-'));
    writeFileSync(path.join(outside, 'secret.csv'), 'Symbol,Title\nA/RES/1/1,Outside title\n');
    writeFileSync(path.join(outside, 'text.txt'), TEXT('A/RES/76/30'));
    mkdirSync(path.join(workspace, 'corpus'));
    writeFileSync(path.join(workspace, 'corpus', 'inside.txt'), TEXT('A/RES/76/31'));
    symlinkSync(path.join(outside, 'text.txt'), path.join(workspace, 'corpus', 'escape.txt'));
    symlinkSync(outside, path.join(workspace, 'corpus', 'escape-folder'));
    sources = (named, settings) => ({ folders: [], catalogues: [], ...named, confined: { roots: [workspace], settings } });
  });
  after(() => {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('a catalogue or folder outside, named only by the workspace, is refused with the setting and the path', async () => {
    const catalogue = path.join(outside, 'secret.csv');
    const loaded = await loadCorpus(sources({ catalogues: [catalogue], folders: [outside] }, { [catalogue]: CATALOGUES_SETTING, [outside]: PATHS_SETTING }));
    assert.deepStrictEqual([loaded.rows, loaded.documents], [[], []]);
    const text = messages(loaded);
    assert.match(text, new RegExp(`${escape(catalogue)} is outside the workspace folders and your home folder, and only the workspace's settings name it \\(unres\\.corpus\\.catalogues\\): not read`));
    assert.match(text, new RegExp(`${escape(outside)} is outside .*\\(unres\\.corpus\\.paths\\): not read`));
    assert.ok(!text.includes('Outside title'));
    assert.deepStrictEqual(loaded.watched, [], 'what is refused is not watched either');
  });

  it('the same paths named by the user are read', async () => {
    const catalogue = path.join(outside, 'secret.csv');
    const loaded = await loadCorpus(sources({ catalogues: [catalogue], folders: [outside] }, {}));
    assert.deepStrictEqual(loaded.rows.map((r) => r.row.title), ['Outside title', 'Outside title']);
    assert.ok(names(loaded).includes('text.txt'));
  });

  it('inside a folder that only the workspace names, a link to outside is skipped; the rest is read', async () => {
    const folder = path.join(workspace, 'corpus');
    const loaded = await loadCorpus(sources({ folders: [folder] }, { [folder]: PATHS_SETTING }));
    assert.deepStrictEqual(names(loaded), ['inside.txt']);
    const text = messages(loaded);
    assert.match(text, /escape\.txt is a symbolic link to outside the workspace folders and your home folder, in a corpus folder that only the workspace's settings name \(unres\.corpus\.paths\); skipped/);
    assert.match(text, /escape-folder is a symbolic link to outside/);
  });
});

describe('corpus settings: whose word a path is on', () => {
  const home = path.resolve('/home/drafter');
  const folder = path.resolve('/work/project');

  it('pulled values are the workspace\'s: confined to the workspace folders and home, with the setting that names them', () => {
    const sources = corpusSourcesOf([{ folder, settings: { paths: ['texts', '/srv/corpus'], catalogues: ['~/undl.csv'] } }], clientCorpusSettings(undefined), [folder], '/ext/corpus', home);
    assert.deepStrictEqual(sources.folders, [path.join(folder, 'texts'), path.resolve('/srv/corpus')]);
    assert.deepStrictEqual(sources.catalogues, [path.join(home, 'undl.csv')]);
    assert.deepStrictEqual(sources.confined, {
      roots: [folder, home],
      settings: { [path.join(folder, 'texts')]: PATHS_SETTING, [path.resolve('/srv/corpus')]: PATHS_SETTING, [path.join(home, 'undl.csv')]: CATALOGUES_SETTING },
    });
    assert.strictEqual(sources.shippedDir, '/ext/corpus');
  });

  it('a pulled value the client lists as the user\'s is read anywhere', () => {
    const client = clientCorpusSettings({ userSettings: { corpus: { paths: ['/srv/corpus'], catalogues: [] } } });
    const sources = corpusSourcesOf([{ folder, settings: { paths: ['texts', '/srv/corpus'] } }], client, [folder], undefined, home);
    assert.deepStrictEqual(sources.confined?.settings, { [path.join(folder, 'texts')]: PATHS_SETTING });
  });

  it('initializationOptions.corpus is the user\'s, read with what is pulled; unres/didChangeUserSettings is read the same way', () => {
    const client = clientCorpusSettings({ corpus: { paths: ['/srv/corpus'], catalogues: ['/srv/undl.csv'] } });
    const sources = corpusSourcesOf([{ folder, settings: undefined }], client, [folder], undefined, home);
    assert.deepStrictEqual([sources.folders, sources.catalogues, sources.confined], [[path.resolve('/srv/corpus')], [path.resolve('/srv/undl.csv')], undefined]);
    assert.deepStrictEqual(userCorpusSettings({ corpus: { paths: ['a', 7], catalogues: 'b' } }), { paths: ['a'], catalogues: [] });
    assert.strictEqual(userCorpusSettings({ paths: ['a'] }), undefined);
  });

  it('unres.corpus.shipped: false leaves the shipped corpus out, from the client or any folder\'s settings; true or nothing keeps it', () => {
    const shippedOf = (pulled: unknown[], options?: unknown) =>
      corpusSourcesOf(pulled.map((settings) => ({ folder, settings })), clientCorpusSettings(options), [folder], '/ext/corpus', home).shippedDir;
    assert.strictEqual(shippedOf([{ shipped: false, paths: [] }]), undefined);
    assert.strictEqual(shippedOf([{ shipped: true }, { shipped: false }]), undefined, 'one folder that turns it off turns it off');
    assert.strictEqual(shippedOf([undefined], { corpus: { shipped: false } }), undefined, 'initializationOptions.corpus.shipped');
    assert.strictEqual(shippedOf([{ shipped: true }], { corpus: { shipped: false } }), undefined, 'the default VS Code fills in does not turn it back on');
    assert.strictEqual(shippedOf([{ shipped: true }]), '/ext/corpus');
    assert.strictEqual(shippedOf([{}, undefined], { corpus: { shipped: 'no' } }), '/ext/corpus', 'only false turns it off');
  });

  it('a home folder at the root of the file system confines nothing, so it is no root', () => {
    const sources = corpusSourcesOf([{ folder, settings: { paths: ['/srv/corpus'] } }], clientCorpusSettings(undefined), [folder], undefined, path.parse(folder).root);
    assert.deepStrictEqual(sources.confined?.roots, [folder]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('corpus files: stats to look files up in the cache', () => {
  let dir: string;
  let files: string[];

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'unres-stats-'));
    files = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((name, i) => {
      const file = path.join(dir, name);
      writeFileSync(file, 'x'.repeat(i + 1));
      return file;
    });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stats on the thread while stats are quick; once one is slow, the rest off it, with the same answers', async () => {
    const quick = new StatReader();
    const sizes = (stats: (Stats | undefined)[]) => stats.map((s) => s?.size);
    assert.deepStrictEqual(sizes(await quick.of([...files, path.join(dir, 'none.txt')])), [1, 2, 3, 4, undefined]);
    assert.strictEqual(quick.offThread, false);
    const onThread: string[] = [];
    // A file system whose second stat takes 30 ms, as a network drive's may.
    const slow = new StatReader((file) => {
      onThread.push(file);
      if (onThread.length === 2) for (const until = performance.now() + 30; performance.now() < until; );
      return statSync(file);
    });
    assert.deepStrictEqual(sizes(await slow.of(files)), [1, 2, 3, 4]);
    assert.strictEqual(slow.offThread, true);
    assert.deepStrictEqual(onThread, files.slice(0, 2), 'after the slow stat, none on the thread');
    assert.deepStrictEqual(sizes(await slow.of(files)), [1, 2, 3, 4]);
    assert.strictEqual(onThread.length, 2);
  });
});
