// The files drafters have besides text, by the ending of their name: each format's reader turns
// the file's bytes into the text the parser reads, with a map back to where each character was
// printed when the format has pages. Everything that takes such files (the corpus, the command
// line, the editor's resolution view) asks this table, so a new format is one entry.
import { readDocx, textBeforeRevisions } from './docx';
import { readPdf } from './pdf';

/** Where a character of the text read from a document stands in the document. */
export interface DocumentLocation {
  /** 1-based. */
  page: number;
}

export interface DocumentSourceMap {
  locate(offset: number): DocumentLocation | undefined;
}

export type DocumentReadResult =
  | {
      ok: true;
      text: string;
      /** The number of pages read, for formats that have pages. */
      pages?: number;
      map?: DocumentSourceMap;
      /** For a format with tracked changes, when the document has some: its text before them (`text` has them accepted). */
      before?: string;
    }
  /** `problem` is one sentence for the user that never quotes the file. */
  | { ok: false; problem: string };

export interface DocumentFormat {
  /** As messages name it ("PDF"). */
  name: string;
  /** Lower-case name endings with their dot. */
  extensions: readonly string[];
  /** Larger files are refused before they are read. */
  maxBytes: number;
  read(bytes: Uint8Array): Promise<DocumentReadResult>;
}

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = [
  // An official resolution is well under a megabyte; a 100 MB cap leaves room for scans and
  // annexes and still keeps memory bounded (PDF.js holds the whole file).
  { name: 'PDF', extensions: ['.pdf'], maxBytes: 100 * 1024 * 1024, read: (bytes) => readPdf(bytes) },
  // Word drafts (tracked changes read as accepted); the reader also refuses a zip that unpacks
  // past its own cap, whatever the file's size.
  { name: 'Word', extensions: ['.docx'], maxBytes: 100 * 1024 * 1024, read: readWord },
];

/** The format a file name says, or undefined for a text file (or anything else). */
export function documentFormatOf(file: string): DocumentFormat | undefined {
  const name = file.toLowerCase();
  return DOCUMENT_FORMATS.find((format) => format.extensions.some((extension) => name.endsWith(extension)));
}

/**
 * Reads a document's bytes with its format's reader. Never throws: a reader that fails
 * unexpectedly gives a problem like any other.
 */
export async function readDocumentBytes(format: DocumentFormat, bytes: Uint8Array): Promise<DocumentReadResult> {
  try {
    return await format.read(bytes);
  } catch {
    return { ok: false, problem: `The ${format.name} file could not be read.` };
  }
}

async function readWord(bytes: Uint8Array): Promise<DocumentReadResult> {
  const read = await readDocx(bytes);
  if (!read.ok) return read;
  const { insertions, deletions } = read.revisions;
  if (insertions.length + deletions.length === 0) return { ok: true, text: read.text };
  return { ok: true, text: read.text, before: textBeforeRevisions(read.text, read.revisions) };
}
