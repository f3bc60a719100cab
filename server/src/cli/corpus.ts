// The corpus for the command line: the shipped seeds (unless --no-shipped-corpus), --corpus
// folders and --catalog files, loaded once. Problems inside them (a broken catalogue row, an
// unreadable text) become warnings; they do not change the exit status.
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { appendAll } from '../arrays';
import type { CorpusProblem } from '../corpus/types';
import { loadKnowledge as loadSharedKnowledge, type LoadedKnowledge } from '../knowledge';
import type { CliOptions } from './args';
import { checkCorpusPath, type FileNames } from './files';
import { progressPrinter, type ProgressStream } from './progress';

/** The knowledge the language service reads, with the corpus's problems as warning lines. */
export interface Knowledge extends LoadedKnowledge {
  /** One line per corpus problem, naming the file (and row). */
  warnings: string[];
}

/**
 * The folder unres was installed in: the nearest folder above this module (dist/cli.js, or the
 * compiled out/server/src/cli/) holding the package.json of unres.
 */
export function packageRoot(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'unres') return dir;
      } catch {
        // not ours: keep looking
      }
    }
    dir = path.dirname(dir);
  }
  return undefined;
}

export function packageVersion(): string {
  const root = packageRoot();
  if (!root) return 'unknown';
  try {
    return String((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/** Checks the --corpus and --catalog paths exist (InputError otherwise): call before loading. */
export function checkCorpusOptions(options: CliOptions): void {
  for (const folder of options.corpus) checkCorpusPath(folder, 'folder', '--corpus');
  for (const file of options.catalogues) checkCorpusPath(file, 'file', '--catalog');
}

/** `terminal`: where the load may draw its progress line (stderr, drawn on only when it is a terminal). */
export async function loadKnowledge(options: CliOptions, names: FileNames, withAgreed: boolean, terminal?: ProgressStream): Promise<Knowledge> {
  const warnings: string[] = [];
  let shippedDir: string | undefined;
  if (options.shippedCorpus) {
    const root = packageRoot();
    shippedDir = root ? path.join(root, 'corpus') : undefined;
    if (!shippedDir || !existsSync(path.join(shippedDir, 'catalogue.json'))) {
      warnings.push('the shipped corpus was not found next to unres; only --corpus and --catalog are read');
      shippedDir = undefined;
    }
  }
  const printer = progressPrinter(terminal);
  let loaded: LoadedKnowledge;
  try {
    loaded = await loadSharedKnowledge({ shippedDir, folders: options.corpus, catalogues: options.catalogues }, { agreed: withAgreed, progress: printer?.progress });
  } finally {
    printer?.clear();
  }
  appendAll(warnings, loaded.problems.map((problem) => describe(problem, names)));
  return { ...loaded, warnings };
}

/** "data/catalogue.csv: row 4: …", the file named as the rest of the output names files. */
function describe(problem: CorpusProblem, names: FileNames): string {
  let file: string | undefined;
  try {
    file = fileURLToPath(problem.uri);
  } catch {
    return `${problem.uri}: ${problem.message}`;
  }
  const shown = names.path(file);
  // Loader messages name the file themselves, in full or as the folder was given.
  for (const spelling of [file, path.relative(process.cwd(), file)]) {
    if (spelling && problem.message.includes(spelling)) return problem.message.split(spelling).join(shown);
  }
  return `${shown}: ${problem.message}`;
}
