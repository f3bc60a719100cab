// Reads the corpus: the shipped seeds with their manifest, user folders of resolution texts,
// and user catalogues. Bad input (missing folder, unreadable, binary or huge file, broken rows,
// what is no regular file, a folder too deep, a symbolic link that is not followed, a path a
// workspace's settings may not name) becomes a CorpusProblem naming the file and why it was
// skipped, never quoting what it holds; everything else loads. Only regular files are opened
// (files.ts).
import { promises as fs } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { documentFormatOf } from '../formats/documentFile';
import { checkInput } from '../inputGuard';
import { ParsedDocument } from '../parsedDocument';
import { parseCatalogue } from './catalogue';
import { readDocumentFile } from './documentFiles';
import { inspect, isInside, kindOf, readRegularFile } from './files';
import { normalizeSymbol } from './symbols';
import type { CatalogueRow, CorpusDocument, CorpusProblem } from './types';
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
  /** Files read of those to read, counted once the folders are walked; the loader reports 'loading' only. */
  progress?: (phase: 'loading' | 'indexing', done: number, total: number) => void;
}

/** What a catalogue says of a corpus file: its symbol, and what it was adopted as. */
export interface DocumentFact {
  uri: string;
  symbol?: string;
  adoptedAs?: string;
}

export interface LoadedCorpus {
  documents: CorpusDocument[];
  rows: { uri: string; row: CatalogueRow }[];
  problems: CorpusProblem[];
  /** The folders walked and the catalogues named in the sources, to watch for changes. */
  watched?: string[];
}

const TEXT_FILE = /\.(?:txt|md|markdown|unres)$/i;
/** Resolution texts: text files, and documents (PDF) read into text. */
const isCorpusText = (file: string) => TEXT_FILE.test(file) || documentFormatOf(file) !== undefined;
const CATALOGUE_FILE = /\.(?:csv|tsv|jsonl|ndjson|json)$/i;
const MAX_FILES = 20_000;
const MAX_DEPTH = 6;
const MAX_BYTES = 16 * 1024 * 1024;
const SHIPPED_MANIFEST = 'catalogue.json';

export async function loadCorpus(sources: CorpusSources, options: LoadOptions = {}): Promise<LoadedCorpus> {
  const loaded: LoadedCorpus = { documents: [], rows: [], problems: [], watched: [] };
  const facts = new Map<string, DocumentFact>();
  const texts: { file: string; shipped: boolean }[] = [];
  const catalogues: string[] = [];
  const pacer = new Pacer(options.signal);
  const guard = await Guard.of(sources.confined);
  const watched = (target: string) => {
    loaded.watched!.push(target);
    options.watch?.(target);
  };
  const walker = new Walker(loaded, guard, pacer, watched);

  if (sources.shippedDir) {
    const manifest = path.join(sources.shippedDir, SHIPPED_MANIFEST);
    await readShippedManifest(manifest, loaded, facts);
    for (const file of await walker.list(sources.shippedDir)) {
      if (TEXT_FILE.test(file) && path.basename(file) !== 'SEEDS.md') texts.push({ file, shipped: true });
    }
  }
  for (const folder of sources.folders) {
    for (const file of await walker.list(folder)) {
      if (isCorpusText(file)) texts.push({ file, shipped: false });
      else if (CATALOGUE_FILE.test(file)) catalogues.push(file);
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
    else catalogues.push(file);
  }
  const total = catalogues.length + texts.length;
  let done = 0;
  options.progress?.('loading', done, total);
  for (const file of catalogues) {
    await readUserCatalogue(file, loaded, facts);
    options.progress?.('loading', ++done, total);
    await pacer.pace();
  }

  for (const { file, shipped } of texts) {
    const text = await readText(file, loaded.problems);
    if (text !== undefined) {
      const uri = uriOf(file);
      const parsed = ParsedDocument.parse({ uri, version: 0, getText: () => text });
      const fact = facts.get(uri);
      const own = parsed.model.header?.fields.find((f) => f.kind === 'symbol');
      const symbol = fact?.symbol ?? (own ? normalizeSymbol(own.value)?.key : undefined);
      const document: CorpusDocument = { uri, parsed, shipped };
      if (symbol) document.symbol = symbol;
      if (fact?.adoptedAs) document.adoptedAs = fact.adoptedAs;
      loaded.documents.push(document);
    }
    options.progress?.('loading', ++done, total);
    // Parsing is synchronous: let requests through between documents.
    await pacer.pace();
  }
  return loaded;
}

const uriOf = (file: string) => pathToFileURL(file).toString();

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
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (files.length >= MAX_FILES) {
          full = true;
          return;
        }
        // Hidden entries (.git, .vscode) and node_modules are no part of a corpus.
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const file = path.join(dir, entry.name);
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

/** A file's text, or undefined with a problem when it cannot serve as corpus text. */
async function readText(file: string, problems: CorpusProblem[], what: 'text' | 'catalogue' = 'text'): Promise<string | undefined> {
  const uri = uriOf(file);
  const format = what === 'text' ? documentFormatOf(file) : undefined;
  if (format) {
    // A damaged, encrypted or textless document is one problem, and the load goes on.
    const document = await readDocumentFile(file, format);
    if (!document.ok) problems.push({ uri, message: `${document.problem.replace(/\.$/, '')}; skipped` });
    return document.ok ? document.text : undefined;
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
  return text;
}

async function readUserCatalogue(file: string, loaded: LoadedCorpus, facts: Map<string, DocumentFact>): Promise<void> {
  const text = await readText(file, loaded.problems, 'catalogue');
  if (text === undefined) return;
  const uri = uriOf(file);
  const catalogue = parseCatalogue(text, uri);
  loaded.problems.push(...catalogue.problems);
  for (const row of catalogue.rows) {
    loaded.rows.push({ uri, row });
    if (row.file) {
      const target = uriOf(path.resolve(path.dirname(file), row.file));
      facts.set(target, { uri: target, symbol: row.symbol, adoptedAs: row.adoptedAs });
    }
  }
}

interface ManifestEntry {
  file?: unknown;
  symbol?: unknown;
  session?: unknown;
  date?: unknown;
  title?: unknown;
  adoptedAs?: unknown;
  adoptionDate?: unknown;
}

/**
 * The shipped manifest describes each seed: its own symbol when known, its date, title and
 * session, and the resolution it was adopted as with the adoption date.
 */
async function readShippedManifest(file: string, loaded: LoadedCorpus, facts: Map<string, DocumentFact>): Promise<void> {
  const uri = uriOf(file);
  const read = await readRegularFile(file, MAX_BYTES);
  if (!('bytes' in read)) {
    loaded.problems.push({ uri, message: `${file} ${'refused' in read ? `${read.refused}; not read` : `cannot be read: ${reason(read.error)}`}` });
    return;
  }
  let entries: ManifestEntry[];
  try {
    entries = JSON.parse(read.bytes.toString('utf8')) as ManifestEntry[];
  } catch {
    // JSON.parse's message quotes the text: say where the file is, not what it holds.
    loaded.problems.push({ uri, message: `${file} cannot be read: it is not valid JSON` });
    return;
  }
  if (!Array.isArray(entries)) {
    loaded.problems.push({ uri, message: `${file} cannot be read: it does not hold a JSON array` });
    return;
  }
  entries.forEach((entry, index) => {
    const line = index + 1;
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
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
