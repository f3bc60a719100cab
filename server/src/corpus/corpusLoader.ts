// Reads the corpus: the shipped seeds with their manifest, user folders of resolution texts,
// and user catalogues. Bad input (missing folder, unreadable, binary or huge file, broken rows)
// becomes a CorpusProblem naming the file; everything else loads.
import { promises as fs } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { checkInput } from '../inputGuard';
import { ParsedDocument } from '../parsedDocument';
import { parseCatalogue } from './catalogue';
import { normalizeSymbol } from './symbols';
import type { CatalogueRow, CorpusDocument, CorpusProblem } from './types';

export interface CorpusSources {
  /** The corpus folder shipped with the extension (its manifest is catalogue.json). */
  shippedDir?: string;
  folders: string[];
  catalogues: string[];
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
}

const TEXT_FILE = /\.(?:txt|md|markdown|unres)$/i;
const CATALOGUE_FILE = /\.(?:csv|tsv|jsonl|ndjson|json)$/i;
const MAX_FILES = 20_000;
const MAX_DEPTH = 6;
const SHIPPED_MANIFEST = 'catalogue.json';

export async function loadCorpus(sources: CorpusSources): Promise<LoadedCorpus> {
  const loaded: LoadedCorpus = { documents: [], rows: [], problems: [] };
  const facts = new Map<string, DocumentFact>();
  const texts: { file: string; shipped: boolean }[] = [];
  const catalogues: string[] = [...sources.catalogues];

  if (sources.shippedDir) {
    const manifest = path.join(sources.shippedDir, SHIPPED_MANIFEST);
    await readShippedManifest(manifest, loaded, facts);
    for (const file of await listFiles(sources.shippedDir, loaded.problems)) {
      if (TEXT_FILE.test(file) && path.basename(file) !== 'SEEDS.md') texts.push({ file, shipped: true });
    }
  }
  for (const folder of sources.folders) {
    for (const file of await listFiles(folder, loaded.problems)) {
      if (TEXT_FILE.test(file)) texts.push({ file, shipped: false });
      else if (CATALOGUE_FILE.test(file)) catalogues.push(file);
    }
  }
  for (const file of catalogues) await readUserCatalogue(file, loaded, facts);

  let lastYield = Date.now();
  for (const { file, shipped } of texts) {
    const text = await readText(file, loaded.problems);
    if (text === undefined) continue;
    const uri = pathToFileURL(file).toString();
    const parsed = ParsedDocument.parse({ uri, version: 0, getText: () => text });
    const fact = facts.get(uri);
    const own = parsed.model.header?.fields.find((f) => f.kind === 'symbol');
    const symbol = fact?.symbol ?? (own ? normalizeSymbol(own.value)?.key : undefined);
    const document: CorpusDocument = { uri, parsed, shipped };
    if (symbol) document.symbol = symbol;
    if (fact?.adoptedAs) document.adoptedAs = fact.adoptedAs;
    loaded.documents.push(document);
    // Parsing is synchronous: let requests through between documents.
    if (Date.now() - lastYield > 8) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
  }
  return loaded;
}

async function listFiles(folder: string, problems: CorpusProblem[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (depth === 0) problems.push({ uri: pathToFileURL(dir).toString(), message: `corpus folder ${dir} cannot be read: ${reason(error)}` });
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (files.length >= MAX_FILES) return;
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) await walk(full, depth + 1);
      else if (entry.isFile()) files.push(full);
    }
  };
  await walk(folder, 0);
  if (files.length >= MAX_FILES) {
    problems.push({ uri: pathToFileURL(folder).toString(), message: `corpus folder ${folder} holds more than ${MAX_FILES} files; only the first ${MAX_FILES} are read` });
  }
  return files;
}

/** A file's text, or undefined with a problem when it cannot serve as corpus text. */
async function readText(file: string, problems: CorpusProblem[]): Promise<string | undefined> {
  const uri = pathToFileURL(file).toString();
  try {
    const stat = await fs.stat(file);
    if (stat.size > 16 * 1024 * 1024) {
      problems.push({ uri, message: `${file} is ${Math.round(stat.size / 1024 / 1024)} MB, too large for the corpus; skipped` });
      return undefined;
    }
    const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    const problem = checkInput(text);
    if (problem) {
      problems.push({ uri, message: `${file}: ${problem.code === 'unres.binary' ? 'looks binary, not like resolution text' : 'too large to read as resolution text'}; skipped` });
      return undefined;
    }
    return text;
  } catch (error) {
    problems.push({ uri, message: `${file} cannot be read: ${reason(error)}` });
    return undefined;
  }
}

async function readUserCatalogue(file: string, loaded: LoadedCorpus, facts: Map<string, DocumentFact>): Promise<void> {
  const text = await readText(file, loaded.problems);
  if (text === undefined) return;
  const uri = pathToFileURL(file).toString();
  const catalogue = parseCatalogue(text, uri);
  loaded.problems.push(...catalogue.problems);
  for (const row of catalogue.rows) {
    loaded.rows.push({ uri, row });
    if (row.file) {
      const target = pathToFileURL(path.resolve(path.dirname(file), row.file)).toString();
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
  const uri = pathToFileURL(file).toString();
  let entries: ManifestEntry[];
  try {
    entries = JSON.parse(await fs.readFile(file, 'utf8')) as ManifestEntry[];
    if (!Array.isArray(entries)) throw new Error('not a JSON array');
  } catch (error) {
    loaded.problems.push({ uri, message: `${file} cannot be read: ${reason(error)}` });
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
      loaded.rows.push({ uri, row: { symbol: own.key, kind: own.kind, title, date: text(entry.date), session, adoptedAs: adopted?.key, adoptionDate: text(entry.adoptionDate), line } });
    }
    if (adopted) {
      loaded.rows.push({ uri, row: { symbol: adopted.key, kind: adopted.kind, title, date: text(entry.adoptionDate), session, line } });
    }
    const name = text(entry.file);
    if (name) {
      const target = pathToFileURL(path.join(path.dirname(file), name)).toString();
      facts.set(target, { uri: target, symbol: own?.key, adoptedAs: adopted?.key });
    }
  });
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
