// Reads the corpus: the shipped texts and catalogues with their manifest, user folders of
// resolution texts, and user catalogues. Bad input (missing folder, unreadable, binary or huge file, broken rows,
// what is no regular file, a folder too deep, a symbolic link that is not followed, a path a
// workspace's settings may not name) becomes a CorpusProblem naming the file and why it was
// skipped, never quoting what it holds; everything else loads. Only regular files are opened
// (files.ts).
//
// Each text is parsed once, and one pass over the parse keeps what the features need
// (compactDocument.ts); the parse is dropped. A text the on-disk cache read before, of the same
// size and modification time, is not read at all: its record comes from the cache.
import { promises as fs, type Stats } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { documentFormatOf } from '../formats/documentFile';
import { checkInput } from '../inputGuard';
import { ParsedDocument } from '../parsedDocument';
import { parseCatalogueInSlices } from './catalogue';
import { citationList, CompactDocument, extractDocument, StringPool } from './compactDocument';
import { readDocumentFile } from './documentFiles';
import { inspect, isInside, kindOf, readRegularFile, StatReader } from './files';
import { ParagraphStore } from './paragraphStore';
import { FileText, MAX_TEXT_BYTES, MemoryText, type ParseCache } from './parseCache';
import { normalizeSymbol } from './symbols';
import type { CatalogueRow, CitationList, CorpusProblem, DocumentFacts, LoadedDocument, ParagraphRef } from './types';
import { Pacer } from './pacer';

export interface CorpusSources {
  /** The corpus folder shipped with the extension (its manifest is catalogue.json). */
  shippedDir?: string;
  folders: string[];
  catalogues: string[];
  /**
   * Folders and catalogues that only a workspace's settings name (path -> the setting, for
   * messages): each, and every file read through it (a symbolic link's target too), must lie
   * inside one of `roots` (the workspace folders and the home folder), or it is refused.
   */
  confined?: { roots: string[]; settings: Record<string, string> };
}

export interface LoadOptions {
  /** Stops a load that a newer one supersedes. */
  signal?: AbortSignal;
  /** Each folder as it is walked and each catalogue named, to be watched from then on. */
  watch?: (target: string) => void;
  /**
   * What an earlier load kept of each file (the on-disk cache): a file of the same size and
   * modification time is not read again. Awaited only once the catalogues are read, so that the
   * cache file is read meanwhile.
   */
  cached?: CachedDocuments | Promise<CachedDocuments | undefined>;
  /** Files read of those to read, counted once the folders are walked; the loader reports 'loading' only. */
  progress?: LoadProgress;
  /** Where the documents' parses are kept on demand (the server's one cache unless a test gives its own). */
  parses?: ParseCache;
}

export type LoadProgress = (phase: 'loading' | 'indexing', done: number, total: number) => void;

/** The records of an earlier load, by file. */
export interface CachedDocuments {
  get(file: string, size: number, mtimeMs: number): CachedDocument | undefined;
}

export interface CachedDocument {
  facts: DocumentFacts;
  /** The citations, written into sites of this URI cited by this symbol. */
  citations(uri: string, citingSymbol: string | undefined, pool: StringPool): CitationList;
  paragraphs: ParagraphRef;
}

/** What a catalogue says of a corpus file: its symbol, and what it was adopted as. */
export interface DocumentFact {
  uri: string;
  symbol?: string;
  adoptedAs?: string;
}

export interface LoadedCorpus {
  documents: LoadedDocument[];
  rows: { uri: string; row: CatalogueRow }[];
  problems: CorpusProblem[];
  /** The folders walked and the catalogues named in the sources, to watch for changes. */
  watched?: string[];
  /** How many texts came from the on-disk cache, unread. */
  fromCache?: number;
}

const TEXT_FILE = /\.(?:txt|md|markdown|unres)$/i;
const SHIPPED_TEXT_FILE = /\.txt$/i;
/** Resolution texts: text files, and documents (PDF) read into text. */
const isCorpusText = (file: string) => TEXT_FILE.test(file) || documentFormatOf(file) !== undefined;
const CATALOGUE_FILE = /\.(?:csv|tsv|jsonl|ndjson|json|xml)$/i;
const MAX_FILES = 20_000;
const MAX_DEPTH = 6;
const MAX_BYTES = MAX_TEXT_BYTES;
/** Files stat'ed at a time to look them up in the cache. */
const STAT_BATCH = 64;
const SHIPPED_MANIFEST = 'catalogue.json';

export async function loadCorpus(sources: CorpusSources, options: LoadOptions = {}): Promise<LoadedCorpus> {
  const loaded: LoadedCorpus = { documents: [], rows: [], problems: [], watched: [] };
  const facts = new Map<string, DocumentFact>();
  const texts: { file: string; shipped: boolean }[] = [];
  const catalogues: { file: string; shipped: boolean }[] = [];
  const pacer = new Pacer(options.signal);
  const guard = await Guard.of(sources.confined);
  const watched = (target: string) => {
    loaded.watched!.push(target);
    options.watch?.(target);
  };
  const walker = new Walker(loaded, guard, pacer, watched);

  if (sources.shippedDir) {
    const manifest = path.join(sources.shippedDir, SHIPPED_MANIFEST);
    for (const file of await readShippedManifest(manifest, loaded, facts)) catalogues.push({ file, shipped: true });
    for (const file of await walker.list(sources.shippedDir)) {
      // The shipped texts are plain text; its Markdown files (SEEDS.md, SOURCES.md) describe them.
      if (SHIPPED_TEXT_FILE.test(file)) texts.push({ file, shipped: true });
    }
  }
  for (const folder of sources.folders) {
    for (const file of await walker.list(folder)) {
      if (isCorpusText(file)) texts.push({ file, shipped: false });
      else if (CATALOGUE_FILE.test(file)) catalogues.push({ file, shipped: false });
    }
  }
  for (const file of sources.catalogues) {
    const problem = await guard.refusal(file);
    if (problem) {
      loaded.problems.push(problem);
      continue;
    }
    watched(file);
    const found = await inspect(file);
    if ('refused' in found) loaded.problems.push({ uri: uriOf(file), message: `catalogue ${file} ${found.refused}; not read` });
    else if ('error' in found) loaded.problems.push({ uri: uriOf(file), message: `${file} cannot be read: ${reason(found.error)}` });
    else if (found.stats.isDirectory()) loaded.problems.push({ uri: uriOf(file), message: `catalogue ${file} is a folder; not read (a folder of texts and catalogues belongs in unres.corpus.paths)` });
    else if (!found.stats.isFile()) loaded.problems.push({ uri: uriOf(file), message: `catalogue ${file} is ${kindOf(found.stats)}, not a regular file; not read` });
    else catalogues.push({ file, shipped: false });
  }
  const total = catalogues.length + texts.length;
  let done = 0;
  options.progress?.('loading', done, total);
  for (const { file, shipped } of catalogues) {
    await readCatalogue(file, loaded, facts, pacer, shipped);
    options.progress?.('loading', ++done, total);
    await pacer.pace();
  }

  const store = new ParagraphStore();
  const pool = new StringPool();
  const cached = await options.cached;
  const stats = new StatReader();
  for (let from = 0; from < texts.length; from += STAT_BATCH) {
    const batch = texts.slice(from, from + STAT_BATCH);
    const batchStats = cached ? await stats.of(batch.map(({ file }) => file)) : [];
    for (let k = 0; k < batch.length; k++) {
      const { file, shipped } = batch[k];
      const uri = pool.get(uriOf(file));
      const fact = facts.get(uri);
      const stat = batchStats[k];
      // A document read into text (a PDF) is read again at every load: its text lives in memory only.
      const hit = stat && !documentFormatOf(file) ? cached?.get(file, stat.size, stat.mtimeMs) : undefined;
      if (hit && stat) {
        const symbol = fact?.symbol ?? hit.facts.ownSymbol;
        const document = compactDocument(uri, shipped, file, stat, symbol, fact?.adoptedAs, hit.facts.title, options.parses);
        const stamp = { path: file, size: stat.size, mtimeMs: stat.mtimeMs };
        loaded.documents.push({ document, facts: hit.facts, citations: hit.citations(uri, symbol, pool), paragraphs: hit.paragraphs, file: stamp });
        loaded.fromCache = (loaded.fromCache ?? 0) + 1;
      } else {
        const read = await readText(file, loaded.problems);
        if (read !== undefined) {
          const parsed = ParsedDocument.parse({ uri, version: 0, getText: () => read.text });
          const extract = extractDocument(parsed, fact?.symbol, pool);
          const symbol = fact?.symbol ?? extract.facts.ownSymbol;
          const document = compactDocument(uri, shipped, file, read.stats, symbol, fact?.adoptedAs, extract.facts.title, options.parses, read.text);
          const paragraphs = { source: store, doc: store.add(extract.paragraphs) };
          const stamp = { path: file, size: read.stats.size, mtimeMs: read.stats.mtimeMs };
          loaded.documents.push({ document, facts: extract.facts, citations: citationList(extract.citations), paragraphs, file: stamp });
        }
      }
      options.progress?.('loading', ++done, total);
      // Parsing is synchronous: let requests through between documents.
      await pacer.pace();
    }
  }
  return loaded;
}

const uriOf = (file: string) => pathToFileURL(file).toString();

function compactDocument(uri: string, shipped: boolean, file: string, stats: Pick<Stats, 'size' | 'mtimeMs'>, symbol: string | undefined, adoptedAs: string | undefined, title: string | undefined, parses: ParseCache | undefined, text?: string): CompactDocument {
  // A document read into text (a PDF) keeps that text: reading it again takes its reader, which
  // the parse cache's synchronous re-read cannot run.
  const source = text !== undefined && documentFormatOf(file) ? new MemoryText(text) : new FileText(file, stats.size, stats.mtimeMs);
  const document = new CompactDocument(uri, shipped, source, parses);
  if (symbol) document.symbol = symbol;
  if (adoptedAs) document.adoptedAs = adoptedAs;
  if (title) document.title = title;
  return document;
}

/** Keeps the paths that only a workspace's settings name inside the workspace folders and home. */
class Guard {
  private constructor(
    private readonly settings: Record<string, string>,
    /** The roots as given and as real paths (a workspace folder may be reached through a link). */
    private readonly roots: string[],
  ) {}

  static async of(confined: CorpusSources['confined']): Promise<Guard> {
    if (!confined) return new Guard({}, []);
    const roots = new Set<string>();
    for (const root of confined.roots) {
      roots.add(path.resolve(root));
      roots.add(await fs.realpath(root).catch(() => path.resolve(root)));
    }
    return new Guard(confined.settings, [...roots]);
  }

  /** The workspace setting that alone names this path, or undefined when the user names it. */
  settingOf(named: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.settings, named) ? this.settings[named] : undefined;
  }

  /** A problem when `named` is confined and lies, or leads, outside the roots. */
  async refusal(named: string): Promise<CorpusProblem | undefined> {
    const setting = this.settingOf(named);
    if (setting === undefined || (await this.allows(named))) return undefined;
    return {
      uri: uriOf(named),
      message: `${named} is outside the workspace folders and your home folder, and only the workspace's settings name it (${setting}): not read. Name it in your user settings to read it.`,
    };
  }

  /** Whether a path leads inside the roots: its real path when it exists, else the path as written. */
  async allows(file: string): Promise<boolean> {
    const real = await fs.realpath(file).catch(() => path.resolve(file));
    return this.roots.some((root) => isInside(real, root));
  }
}

/** Lists the corpus files of folders, reporting every entry it skips and why. */
class Walker {
  /** Real paths of the folders walked, so that no folder is read twice through a link. */
  private readonly visited = new Set<string>();

  constructor(
    private readonly loaded: LoadedCorpus,
    private readonly guard: Guard,
    private readonly pacer: Pacer,
    private readonly watch: (folder: string) => void,
  ) {}

  private skip(file: string, message: string): void {
    this.loaded.problems.push({ uri: uriOf(file), message });
  }

  async list(folder: string): Promise<string[]> {
    const files: string[] = [];
    const refusal = await this.guard.refusal(folder);
    if (refusal) {
      this.loaded.problems.push(refusal);
      return files;
    }
    const setting = this.guard.settingOf(folder);
    const found = await inspect(folder);
    if ('refused' in found) {
      this.skip(folder, `corpus folder ${folder} ${found.refused}; not read`);
      return files;
    }
    if ('error' in found) {
      this.skip(folder, `corpus folder ${folder} cannot be read: ${reason(found.error)}`);
      return files;
    }
    if (!found.stats.isDirectory()) {
      this.skip(folder, `corpus folder ${folder} is ${found.stats.isFile() ? 'a file' : kindOf(found.stats)}, not a folder; not read`);
      return files;
    }
    const real = await fs.realpath(folder).catch(() => path.resolve(folder));
    if (this.visited.has(real)) return files;
    let full = false;
    const walk = async (dir: string, depth: number, ancestors: Set<string>): Promise<void> => {
      this.watch(dir);
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (error) {
        this.skip(dir, `${depth === 0 ? 'corpus folder' : 'folder'} ${dir} cannot be read: ${reason(error)}`);
        return;
      }
      await this.pacer.pace();
      // path.join(dir, name) for every entry, normalising `dir` once: a name from the listing holds
      // no separator and is never "." or "..", so joining adds nothing but the name.
      const prefix = path.join(dir, 'x').slice(0, -1);
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (files.length >= MAX_FILES) {
          full = true;
          return;
        }
        // Hidden entries (.git, .vscode) and node_modules are no part of a corpus.
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const file = prefix + entry.name;
        const wanted = isCorpusText(entry.name) || CATALOGUE_FILE.test(entry.name);
        if (entry.isFile()) {
          if (wanted) files.push(file);
        } else if (entry.isDirectory()) {
          await this.enter(file, { depth: depth + 1, root: folder, ancestors, link: false }, walk);
        } else if (entry.isSymbolicLink()) {
          const target = await inspect(file);
          if ('refused' in target) this.skip(file, `${file} ${target.refused}; skipped`);
          else if ('error' in target) this.skip(file, `${file} cannot be read: ${reason(target.error)}`);
          else if (setting !== undefined && !(await this.guard.allows(file))) {
            this.skip(file, `${file} is a symbolic link to outside the workspace folders and your home folder, in a corpus folder that only the workspace's settings name (${setting}); skipped`);
          } else if (target.stats.isDirectory()) await this.enter(file, { depth: depth + 1, root: folder, ancestors, link: true }, walk);
          else if (!wanted) continue;
          else if (target.stats.isFile()) files.push(file);
          else this.skip(file, `${file} is a symbolic link to ${kindOf(target.stats)}, not to a regular file; skipped`);
        } else if (wanted) {
          // A FIFO, socket or device: opening it could wait for ever.
          this.skip(file, `${file} is ${kindOf(entry)}, not a regular file; skipped`);
        }
      }
    };
    this.visited.add(real);
    await walk(folder, 0, new Set([real]));
    if (full) this.skip(folder, `corpus folder ${folder} holds more than ${MAX_FILES} files; only the first ${MAX_FILES} are read`);
    return files;
  }

  /**
   * Walks a sub-folder (or a link to a folder) unless it is too deep, a loop, or read already: a
   * folder also named in the settings is read once, without a word; a link to a folder read
   * already is named.
   */
  private async enter(
    dir: string,
    at: { depth: number; root: string; ancestors: Set<string>; link: boolean },
    walk: (dir: string, depth: number, ancestors: Set<string>) => Promise<void>,
  ): Promise<void> {
    const { depth, root, ancestors, link } = at;
    if (depth > MAX_DEPTH) {
      this.skip(dir, `folder ${dir} is more than ${MAX_DEPTH} levels deep in corpus folder ${root}; not read`);
      return;
    }
    const real = await fs.realpath(dir).catch(() => path.resolve(dir));
    if (ancestors.has(real)) {
      this.skip(dir, `${dir} links back to a folder that holds it (a loop); skipped`);
      return;
    }
    if (this.visited.has(real)) {
      if (link) this.skip(dir, `${dir} links to folder ${real}, which is read already; skipped`);
      return;
    }
    this.visited.add(real);
    await walk(dir, depth, new Set([...ancestors, real]));
  }
}

/** A file's text and stats, or undefined with a problem when it cannot serve as corpus text. */
async function readText(file: string, problems: CorpusProblem[], what: 'text' | 'catalogue' = 'text'): Promise<{ text: string; stats: Stats } | undefined> {
  const uri = uriOf(file);
  const format = what === 'text' ? documentFormatOf(file) : undefined;
  if (format) {
    // A damaged, encrypted or textless document is one problem, and the load goes on.
    const [document, stats] = await Promise.all([readDocumentFile(file, format), fs.stat(file).catch(() => undefined)]);
    if (!document.ok) problems.push({ uri, message: `${document.problem.replace(/\.$/, '')}; skipped` });
    return document.ok && stats ? { text: document.text, stats } : undefined;
  }
  const read = await readRegularFile(file, MAX_BYTES);
  if ('refused' in read) {
    const forWhat = read.refused.endsWith('too large') ? (what === 'text' ? ' for the corpus' : ' for a catalogue') : '';
    problems.push({ uri, message: `${file} ${read.refused}${forWhat}; skipped` });
    return undefined;
  }
  if ('error' in read) {
    problems.push({ uri, message: `${file} cannot be read: ${reason(read.error)}` });
    return undefined;
  }
  const text = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const problem = checkInput(text);
  if (problem) {
    const kind = what === 'text' ? 'resolution text' : 'a catalogue';
    problems.push({ uri, message: `${file}: ${problem.code === 'unres.binary' ? `looks binary, not like ${kind}` : `too large to read as ${kind}`}; skipped` });
    return undefined;
  }
  return { text, stats: read.stats };
}

/**
 * Reads a catalogue's rows. The rows a shipped catalogue cannot give (a symbol without its
 * number yet) are summed up in one line for the log: they are no fault of the user's, and a pop-up on
 * every start would teach them to ignore pop-ups. A shipped file that cannot be read at all is
 * a broken install, and is reported as any other file. The parse runs in slices: the shipped
 * catalogue alone has thousands of rows, read while the drafter's first requests come in.
 */
async function readCatalogue(file: string, loaded: LoadedCorpus, facts: Map<string, DocumentFact>, pacer: Pacer, shipped = false): Promise<void> {
  const read = await readText(file, loaded.problems, 'catalogue');
  if (read === undefined) return;
  const uri = uriOf(file);
  const catalogue = await parseCatalogueInSlices(read.text, uri, () => pacer.pace());
  if (!shipped) loaded.problems.push(...catalogue.problems);
  else if (catalogue.problems.length > 0) {
    const count = catalogue.problemCount ?? catalogue.problems.length;
    // The first problem's own words (a row and a column, never the content) say what kind it is.
    const first = `${catalogue.problems[0].message}${count > 1 ? `, and ${(count - 1).toLocaleString('en')} more` : ''}`;
    loaded.problems.push({
      uri,
      quiet: true,
      message: `${file}: ${catalogue.rows.length.toLocaleString('en')} rows read; ${count.toLocaleString('en')} row${count === 1 ? '' : 's'} skipped or read in part (${first})`,
    });
  }
  for (const row of catalogue.rows) {
    await pacer.pace();
    loaded.rows.push({ uri, row });
    if (row.file) {
      const target = uriOf(path.resolve(path.dirname(file), row.file));
      facts.set(target, { uri: target, symbol: row.symbol, adoptedAs: row.adoptedAs });
    }
  }
}

interface ManifestEntry {
  file?: unknown;
  catalogue?: unknown;
  symbol?: unknown;
  session?: unknown;
  date?: unknown;
  title?: unknown;
  adoptedAs?: unknown;
  adoptionDate?: unknown;
}

/**
 * The shipped manifest describes the texts whose headers do not say all: a text's own symbol
 * when known, its date, title and session, and the resolution it was adopted as with the
 * adoption date. Texts it does not name are read for their own header. It also names the
 * shipped catalogues (`{ "catalogue": "catalogues/….csv" }`), returned here to be read.
 */
async function readShippedManifest(file: string, loaded: LoadedCorpus, facts: Map<string, DocumentFact>): Promise<string[]> {
  const uri = uriOf(file);
  const catalogues: string[] = [];
  const read = await readRegularFile(file, MAX_BYTES);
  if (!('bytes' in read)) {
    loaded.problems.push({ uri, message: `${file} ${'refused' in read ? `${read.refused}; not read` : `cannot be read: ${reason(read.error)}`}` });
    return catalogues;
  }
  let entries: ManifestEntry[];
  try {
    entries = JSON.parse(read.bytes.toString('utf8')) as ManifestEntry[];
  } catch {
    // JSON.parse's message quotes the text: say where the file is, not what it holds.
    loaded.problems.push({ uri, message: `${file} cannot be read: it is not valid JSON` });
    return catalogues;
  }
  if (!Array.isArray(entries)) {
    loaded.problems.push({ uri, message: `${file} cannot be read: it does not hold a JSON array` });
    return catalogues;
  }
  entries.forEach((entry, index) => {
    const line = index + 1;
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
    const catalogue = text(entry.catalogue);
    if (catalogue) {
      catalogues.push(path.join(path.dirname(file), catalogue));
      return;
    }
    const own = text(entry.symbol) ? normalizeSymbol(text(entry.symbol)!) : undefined;
    const adopted = text(entry.adoptedAs) ? normalizeSymbol(text(entry.adoptedAs)!) : undefined;
    const title = text(entry.title);
    const session = typeof entry.session === 'number' ? entry.session : undefined;
    if (own) {
      const row = { symbol: own.key, kind: own.kind, title, date: text(entry.date), session, adoptedAs: adopted?.key, adoptionDate: text(entry.adoptionDate), line };
      loaded.rows.push({ uri, row });
    }
    if (adopted) {
      loaded.rows.push({ uri, row: { symbol: adopted.key, kind: adopted.kind, title, date: text(entry.adoptionDate), session, line } });
    }
    const name = text(entry.file);
    if (name) {
      const target = uriOf(path.join(path.dirname(file), name));
      facts.set(target, { uri: target, symbol: own?.key, adoptedAs: adopted?.key });
    }
  });
  return catalogues;
}

/** Why a system call failed, in words; never the file's content (a system error holds none). */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOTDIR') return 'a part of its path is not a folder';
  if (code === 'ELOOP') return 'too many symbolic links';
  return code ?? (error instanceof Error ? error.message : String(error));
}
