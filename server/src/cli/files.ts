// Reading the files named on the command line, and naming files in output: a file given on
// the command line is printed as given; a corpus file relative to the working folder when it
// lies inside it (so output does not change between machines), else in full. Only regular
// files are read (a FIFO would make unres wait for ever), and messages name files, never what
// they hold.
import { statSync } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { readDocumentFile } from '../corpus/documentFiles';
import { kindOf, readRegularFileSync } from '../corpus/files';
import { documentFormatOf, type DocumentSourceMap } from '../formats/documentFile';
import { checkInput, MAX_DOCUMENT_LENGTH } from '../inputGuard';

/** A file that cannot be read as a draft: the one-line message names it. Exit status 2. */
export class InputError extends Error {}

export interface Draft {
  /** The path as given on the command line. */
  name: string;
  /** A file URI of the absolute path: what the corpus would call the same file. */
  uri: string;
  text: string;
  /** For a document read into text (a PDF): where each offset of `text` was printed. */
  map?: DocumentSourceMap;
}

// UTF-8 takes at most 3 bytes per UTF-16 code unit: a larger file cannot be within the limit.
const MAX_DRAFT_BYTES = MAX_DOCUMENT_LENGTH * 3;

/**
 * Reads a draft, a text file or a document (a PDF) read into text, or throws an InputError
 * saying why it cannot be one.
 */
export async function readDraft(name: string): Promise<Draft> {
  if (documentFormatOf(name)) {
    const document = await readDocumentFile(name);
    if (!document.ok) throw new InputError(document.problem);
    return { name, uri: pathToFileURL(path.resolve(name)).toString(), text: document.text, map: document.map };
  }
  return readTextDraft(name);
}

function readTextDraft(name: string): Draft {
  let size: number;
  try {
    const stat = statSync(name);
    if (stat.isDirectory()) throw new InputError(`${name}: is a folder, not a file`);
    if (!stat.isFile()) throw new InputError(`${name}: is ${kindOf(stat)}, not a regular file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${name}: ${reason(error)}`);
  }
  if (size > MAX_DRAFT_BYTES) throw tooLarge(name, size);
  // Opened non-blocking and checked again: the file may have been swapped for a FIFO since.
  const read = readRegularFileSync(name, MAX_DRAFT_BYTES);
  if ('error' in read) throw new InputError(`${name}: ${reason(read.error)}`);
  if ('refused' in read) throw read.refused.endsWith('too large') ? tooLarge(name, MAX_DRAFT_BYTES + 1) : new InputError(`${name}: ${read.refused}`);
  return draftOf(name, pathToFileURL(path.resolve(name)).toString(), read.bytes);
}

/** How messages name standard input (`unres check -`). */
export const STDIN_NAME = '<stdin>';
const STDIN_URI = 'untitled:stdin';

/**
 * Reads a draft named on the command line: `-` is standard input, read to its end (at most the
 * size of the largest draft; more is refused without reading on), anything else a file.
 */
export async function readDraftArgument(name: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<Draft> {
  if (name !== '-') return readDraft(name);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > MAX_DRAFT_BYTES) {
      // Stop reading, so that a never-ending pipe cannot keep unres waiting.
      (stdin as NodeJS.ReadStream).destroy?.();
      throw tooLarge(STDIN_NAME, size);
    }
    chunks.push(bytes);
  }
  return draftOf(STDIN_NAME, STDIN_URI, Buffer.concat(chunks));
}

function tooLarge(name: string, bytes: number): InputError {
  return new InputError(`${name}: too large to read as resolution text (${Math.round(bytes / 1024 / 1024)} MB)`);
}

function draftOf(name: string, uri: string, bytes: Buffer): Draft {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const problem = checkInput(text);
  if (problem?.code === 'unres.binary') throw new InputError(`${name}: looks binary, not like resolution text`);
  if (problem) throw new InputError(`${name}: too large to read as resolution text (${text.length.toLocaleString('en')} characters; at most ${MAX_DOCUMENT_LENGTH.toLocaleString('en')})`);
  return { name, uri, text };
}

/**
 * Checks that a --corpus folder or --catalog file exists and is one before the corpus is
 * loaded: a FIFO or a device named as a catalogue is refused here, with exit status 2.
 */
export function checkCorpusPath(name: string, want: 'folder' | 'file', option: string): void {
  let stat;
  try {
    stat = statSync(name);
  } catch (error) {
    throw new InputError(`${option} ${name}: ${reason(error)}`);
  }
  if (want === 'folder' && !stat.isDirectory()) throw new InputError(`${option} ${name}: is ${stat.isFile() ? 'a file' : kindOf(stat)}, not a folder`);
  if (want === 'file' && stat.isDirectory()) throw new InputError(`${option} ${name}: is a folder, not a file (use --corpus for a folder)`);
  if (want === 'file' && !stat.isFile()) throw new InputError(`${option} ${name}: is ${kindOf(stat)}, not a regular file`);
}

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return error instanceof Error ? error.message : String(error);
}

/**
 * How output names a file known by URI. `given` maps the URIs of command-line files to their
 * names as given; anything else is relative to the working folder when inside it.
 */
export class FileNames {
  private readonly given = new Map<string, string>();

  constructor(private readonly cwd: string = process.cwd()) {}

  remember(draft: Draft): void {
    if (!this.given.has(draft.uri)) this.given.set(draft.uri, draft.name);
  }

  name(uri: string): string {
    const given = this.given.get(uri);
    if (given !== undefined) return given;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return uri;
    }
    return this.path(file);
  }

  /** A file path, relative to the working folder when inside it; '/' separated. */
  path(file: string): string {
    const absolute = path.resolve(this.cwd, file);
    const relative = path.relative(this.cwd, absolute);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
    return shown.split(path.sep).join('/');
  }
}
