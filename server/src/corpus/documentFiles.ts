// Reading a document file (a PDF) by its path into resolution text, for the corpus, the command
// line and the editor's resolution view (`unres/documentText`) alike: opened as a regular file
// only (files.ts), read by its format's reader (formats/documentFile.ts), and refused with one
// message that names the file and never quotes it.
import { fileURLToPath } from 'url';
import { DOCUMENT_FORMATS, documentFormatOf, readDocumentBytes, type DocumentFormat, type DocumentReadResult } from '../formats/documentFile';
import { checkInput } from '../inputGuard';
import type { DocumentTextError, DocumentTextParams, DocumentTextResult } from '../protocol';
import { readRegularFile } from './files';

export type DocumentFileResult = (Extract<DocumentReadResult, { ok: true }> & { format: string }) | { ok: false; problem: string };

/**
 * The text of the document at `file` (a path, named in messages as given). `format` defaults to
 * what the name says; a file of no known format is refused.
 */
export async function readDocumentFile(file: string, format: DocumentFormat | undefined = documentFormatOf(file)): Promise<DocumentFileResult> {
  if (!format) return { ok: false, problem: noFormat(file) };
  const read = await readRegularFile(file, format.maxBytes);
  if ('refused' in read) return { ok: false, problem: `${file} ${read.refused}` };
  if ('error' in read) return { ok: false, problem: `${file} cannot be read: ${reason(read.error)}` };
  const result = await readDocumentBytes(format, read.bytes);
  if (!result.ok) return { ok: false, problem: `${file}: ${result.problem}` };
  // What the reader wrote is held to the limits of any text.
  const problem = checkInput(result.text);
  if (problem) return { ok: false, problem: `${file}: the text read from the ${format.name} file is ${problem.code === 'unres.binary' ? 'not text' : 'too large'}` };
  return { ...result, format: format.name };
}

/**
 * `unres/documentText`: the file a client names by URI, read. Only file URIs are read; a file of
 * no document format is answered with `notDocument`, so that the client opens it as text.
 */
export async function readDocumentText(params: DocumentTextParams): Promise<DocumentTextResult | DocumentTextError> {
  let file: string;
  try {
    file = fileURLToPath(typeof params?.uri === 'string' ? params.uri : '');
  } catch {
    return { error: 'Only files on disk (file: URIs) are read as documents.' };
  }
  const format = documentFormatOf(file);
  if (!format) return { error: noFormat(file), notDocument: true };
  const read = await readDocumentFile(file, format);
  if (!read.ok) return { error: read.problem };
  return { text: read.text, format: read.format, ...(read.pages !== undefined ? { pages: read.pages } : {}), ...(read.before !== undefined ? { before: read.before } : {}) };
}

function noFormat(file: string): string {
  return `${file}: not a document format unres reads (${DOCUMENT_FORMATS.map((known) => known.name).join(', ')})`;
}

function reason(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'it does not exist';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  if (error.code === 'EISDIR') return 'it is a folder';
  return error.code ?? 'unexpected error';
}
