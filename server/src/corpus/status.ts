// What a client is told of the corpus (unres/corpusStatus): the folders and catalogues it is read
// from, how many texts and symbols it holds, the problems of the last load, and whether a load or
// an index build is running (CorpusActivity). Paths, counts and the loader's problems only: a
// problem names a file and a row, never what the file holds.
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { CorpusCatalogueStatus, CorpusFolderStatus, CorpusProgress, CorpusState, CorpusStatus } from '../protocol';
import type { CorpusSources } from './corpusLoader';
import { describeProblem } from './corpusService';
import type { CorpusDocument, CorpusProblem } from './types';

export interface CorpusActivityEvents {
  /** Files read while loading, documents read while indexing, of the phase the state names. */
  progress?: (phase: 'loading' | 'indexing', done: number, total: number) => void;
  /** The state changed, or a newer load restarted 'loading'. */
  stateChanged?(state: CorpusState): void;
}

/**
 * Whether a load or an index build is running, told once per change. A newer load supersedes a
 * running one: 'loading' is told again, so that what was shown of the older load is put away.
 * An index build of an older corpus may go on while a newer corpus loads (it is stopped only
 * when that load ends): its numbers are no part of the loading shown.
 */
export class CorpusActivity {
  /** Nothing is known before the first load, and a Knowledge is configured as soon as it is made. */
  private loadRunning = true;
  private build: object | undefined;
  private announced: CorpusState = 'loading';
  private latest: CorpusProgress | undefined;

  constructor(private readonly events: CorpusActivityEvents) {}

  get state(): CorpusState {
    return this.loadRunning ? 'loading' : this.build ? 'indexing' : 'ready';
  }

  /** The latest numbers of the phase the state names. */
  get progress(): CorpusProgress | undefined {
    return this.latest;
  }

  loadStarted(): void {
    this.loadRunning = true;
    this.announce(true);
  }

  /** The latest load failed: the previous corpus stays. */
  loadFailed(): void {
    this.loadRunning = false;
    this.announce();
  }

  /** The latest load ended and the build of its index began (it supersedes any other). */
  indexing(build: object): void {
    this.loadRunning = false;
    this.build = build;
    this.announce();
  }

  /** A build ended, built or failed; one a newer build superseded changes nothing. */
  indexed(build: object): void {
    if (build !== this.build) return;
    this.build = undefined;
    this.announce();
  }

  /** `build`: the build whose documents these are (indexing); the numbers of any other are dropped. */
  progressed(phase: 'loading' | 'indexing', done: number, total: number, build?: object): void {
    if (phase !== this.state || (phase === 'indexing' && build !== this.build)) return;
    this.latest = { phase, done, total };
    this.events.progress?.(phase, done, total);
  }

  private announce(restart = false): void {
    const state = this.state;
    if (state === this.announced && !restart) return;
    this.announced = state;
    this.latest = undefined;
    this.events.stateChanged?.(state);
  }
}

/** A load of a broken catalogue can have a problem per row: a client lists the first ones. */
export const MAX_PROBLEMS_LISTED = 200;

export interface CorpusStatusInput {
  kb: { documents(): Iterable<CorpusDocument>; readonly size: number; readonly problems: readonly CorpusProblem[] };
  /** The sources of the latest load (the one running, if any). */
  sources: CorpusSources | undefined;
  /** Entries read from each catalogue by the last finished load, by the catalogue's URI. */
  catalogues: ReadonlyMap<string, number>;
  state: CorpusState;
  progress?: CorpusProgress;
}

export function corpusStatus({ kb, sources, catalogues, state, progress }: CorpusStatusInput): CorpusStatus {
  const folders = foldersOf(sources);
  let documents = 0;
  // URIs, not paths: the loader names each text by its folder's URI and the path below it, so a
  // prefix tells where it lies without a path operation per text.
  const byDepth = folders.map((folder) => ({ folder, prefix: pathToFileURL(folder.path).toString().replace(/\/?$/, '/') }));
  byDepth.sort((a, b) => b.prefix.length - a.prefix.length);
  for (const document of kb.documents()) {
    documents++;
    const home = byDepth.find(({ prefix }) => document.uri.startsWith(prefix));
    if (home) home.folder.documents++;
  }
  const problems = kb.problems.slice(0, MAX_PROBLEMS_LISTED).map((problem) => {
    const listed = { uri: problem.uri, message: describeProblem(problem) };
    return problem.line === undefined ? listed : { ...listed, line: problem.line };
  });
  const status: CorpusStatus = {
    state,
    documents,
    catalogueEntries: kb.size,
    folders,
    catalogues: cataloguesOf(sources, catalogues),
    problems,
    problemCount: kb.problems.length,
  };
  if (progress) status.progress = { ...progress };
  return status;
}

function foldersOf(sources: CorpusSources | undefined): CorpusFolderStatus[] {
  if (!sources) return [];
  const folders: CorpusFolderStatus[] = [];
  if (sources.shippedDir) folders.push({ path: path.resolve(sources.shippedDir), shipped: true, documents: 0 });
  for (const folder of sources.folders) {
    const resolved = path.resolve(folder);
    if (!folders.some((known) => known.path === resolved)) folders.push({ path: resolved, shipped: false, documents: 0 });
  }
  return folders;
}

/** The shipped manifest, then the catalogues the settings name (read or not), then those found in the folders. */
function cataloguesOf(sources: CorpusSources | undefined, read: ReadonlyMap<string, number>): CorpusCatalogueStatus[] {
  const listed = new Map<string, CorpusCatalogueStatus>();
  const shipped = sources?.shippedDir ? path.resolve(sources.shippedDir) + path.sep : undefined;
  const add = (file: string, entries: number) => {
    if (listed.has(file)) return;
    listed.set(file, { path: file, shipped: shipped !== undefined && file.startsWith(shipped), entries });
  };
  const found = [...read].map(([uri, entries]) => ({ file: pathOf(uri), entries }));
  for (const { file, entries } of found) if (shipped && file.startsWith(shipped)) add(file, entries);
  for (const named of sources?.catalogues ?? []) {
    const file = path.resolve(named);
    add(file, read.get(pathToFileURL(file).toString()) ?? 0);
  }
  for (const { file, entries } of found.sort((a, b) => a.file.localeCompare(b.file))) add(file, entries);
  return [...listed.values()];
}

function pathOf(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
