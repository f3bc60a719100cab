// Reading a Word draft (.docx) into the text the parser reads. Mammoth reads the document (runs,
// italics, footnotes, fields, tables, text boxes); what it leaves out is marked in the XML first
// (docxMarks.ts): the numbers of Word's automatic lists, counted as Word counts them
// (docxNumbering.ts), and the tracked changes, read as accepted and reported with their places
// in the text. docxText.ts writes the result.
//
// It never throws and never hangs: a file that is not a Word document, a damaged or encrypted
// one, or one too large gives one typed problem instead of a text.
import type JSZip from 'jszip';
import { markPart } from './docxMarks';
import { ListNumbering } from './docxNumbering';
import { writeDocument, type DocxDeletion, type DocxDocument, type DocxInsertion } from './docxText';
import { attribute, xmlTags } from './docxXml';

export type { DocxDeletion, DocxInsertion } from './docxText';

export type DocxProblemKind = 'notDocx' | 'damaged' | 'encrypted' | 'tooLarge' | 'timeout';

export type DocxReadResult =
  | {
      ok: true;
      text: string;
      /** Tracked changes, read as accepted: what was inserted and what was deleted, and where in `text`. */
      revisions: { insertions: DocxInsertion[]; deletions: DocxDeletion[] };
      /** How many paragraphs took their number or label from Word's automatic lists. */
      listLabels: number;
      footnotes: number;
      /** What was read only in part, in words naming no content. */
      problems: string[];
    }
  | { ok: false; kind: DocxProblemKind; problem: string };

export interface DocxReadOptions {
  /** Give up after this long (default 60 s). */
  timeoutMs?: number;
  /** Refuse larger files (default 100 MB). */
  maxBytes?: number;
  /** Refuse a document whose parts unpack to more than this (default 200 MB): a zip bomb. */
  maxUnpackedBytes?: number;
}

const DEFAULTS = { timeoutMs: 60_000, maxBytes: 100 * 1024 * 1024, maxUnpackedBytes: 200 * 1024 * 1024 };

const MAIN_DOCUMENT = /\/officeDocument$/;
const RELATIONSHIP_PARTS: Record<string, RegExp> = {
  footnotes: /\/footnotes$/,
  endnotes: /\/endnotes$/,
  numbering: /\/numbering$/,
  styles: /\/styles$/,
};

/**
 * The draft as it was before its tracked changes: `text` (the changes accepted) with each
 * insertion taken out and each deletion put back where it stood. Linear in the text.
 */
export function textBeforeRevisions(text: string, revisions: { insertions: readonly DocxInsertion[]; deletions: readonly DocxDeletion[] }): string {
  const insertions = [...revisions.insertions].sort((a, b) => a.start - b.start);
  const deletions = [...revisions.deletions].sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let pos = 0;
  let d = 0;
  const putBackUpTo = (limit: number) => {
    for (; d < deletions.length && deletions[d].at <= limit; d++) {
      const at = Math.max(pos, deletions[d].at);
      const { text: deleted, paragraph } = deletions[d];
      parts.push(text.slice(pos, at), paragraph ? (at === 0 ? `${deleted}\n\n` : `\n\n${deleted}`) : deleted);
      pos = at;
    }
  };
  for (const insertion of insertions) {
    if (insertion.start < pos) continue;
    putBackUpTo(insertion.start);
    parts.push(text.slice(pos, insertion.start));
    pos = insertion.end;
    // A deletion inside or right after the inserted stretch stood where the stretch was.
    putBackUpTo(insertion.end);
  }
  putBackUpTo(text.length);
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Reads a Word document's bytes into resolution text. Always resolves, within `timeoutMs` and a little. */
export async function readDocx(bytes: Uint8Array, options: DocxReadOptions = {}): Promise<DocxReadResult> {
  const settings = { ...DEFAULTS, ...options };
  const shape = checkShape(bytes, settings.maxBytes);
  if (shape) return shape;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DocxReadResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, kind: 'timeout', problem: `Reading the Word document took longer than ${Math.round(settings.timeoutMs / 1000)} s.` }), settings.timeoutMs);
  });
  try {
    return await Promise.race([read(bytes, settings.maxUnpackedBytes), timeout]);
  } catch (error) {
    return { ok: false, kind: 'damaged', problem: damageOf(error) };
  } finally {
    clearTimeout(timer);
  }
}

type Mammoth = typeof import('mammoth');

let libraries: Promise<{ JSZip: typeof JSZip; mammoth: Mammoth }> | undefined;

/** The zip and Word libraries, loaded on first use: a server that reads no Word file never pays for them. */
function loadLibraries(): Promise<{ JSZip: typeof JSZip; mammoth: Mammoth }> {
  libraries ??= Promise.all([import('jszip'), import('mammoth')]).then(([zip, mammoth]) => ({ JSZip: zip.default, mammoth: (mammoth as Mammoth & { default?: Mammoth }).default ?? mammoth }));
  // A failed load may succeed later (say, after an install): do not keep the failure.
  libraries.catch(() => (libraries = undefined));
  return libraries;
}

async function read(bytes: Uint8Array, maxUnpacked: number): Promise<DocxReadResult> {
  const { JSZip, mammoth } = await loadLibraries();
  const damagedZip: DocxReadResult = { ok: false, kind: 'damaged', problem: 'The Word document is damaged: its zip archive cannot be opened (cut short or corrupted); save or download it again.' };
  let zip: JSZip;
  try {
    // The directory first, which says what the entries unpack to; checking their CRCs inflates
    // them all, so only once the sizes are known to be sane.
    const directory = await JSZip.loadAsync(bytes);
    const unpacked = Object.values(directory.files).reduce((sum, file) => sum + unpackedSize(file), 0);
    if (unpacked > maxUnpacked) {
      return { ok: false, kind: 'tooLarge', problem: `The Word document unpacks to ${Math.round(unpacked / 1048576)} MB; at most ${Math.round(maxUnpacked / 1048576)} MB are read.` };
    }
    zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch {
    return damagedZip;
  }
  const mainPath = targetOf(await text(zip, '_rels/.rels'), MAIN_DOCUMENT, '');
  if (!mainPath || !zip.file(mainPath)) {
    return { ok: false, kind: 'notDocx', problem: 'The file is a zip archive but not a Word document (it has no main document part).' };
  }
  const relationships = await text(zip, relationshipsPathOf(mainPath));
  const folder = mainPath.slice(0, mainPath.lastIndexOf('/') + 1);
  const parts = Object.fromEntries(Object.entries(RELATIONSHIP_PARTS).map(([name, type]) => [name, targetOf(relationships, type, folder)]));
  const numbering = new ListNumbering(await text(zip, parts.numbering), await text(zip, parts.styles));

  const main = markPart((await text(zip, mainPath)) ?? '', numbering);
  zip.file(mainPath, main.xml);
  let revisions = main.revisions;
  for (const notes of [parts.footnotes, parts.endnotes]) {
    const xml = await text(zip, notes);
    if (xml === undefined || notes === undefined) continue;
    const marked = markPart(xml);
    revisions += marked.revisions;
    zip.file(notes, marked.xml);
  }
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  let document: DocxDocument | undefined;
  const result = await mammoth.convertToHtml(
    { buffer },
    {
      // The model is all this reader needs: mammoth is given an empty body to write as HTML.
      transformDocument: (model: DocxDocument) => {
        document = model;
        return { ...model, children: [] };
      },
    },
  );
  if (!document) return { ok: false, kind: 'damaged', problem: 'The Word document could not be read: its main document part is not a Word document body.' };
  const written = writeDocument(document);
  const problems: string[] = [];
  const errors = result.messages.filter((m) => m.type === 'error').length;
  if (errors > 0) problems.push(`${errors} part${errors === 1 ? '' : 's'} of the Word document could not be read and ${errors === 1 ? 'was' : 'were'} left out.`);
  if (revisions > 0 && written.insertions.length + written.deletions.length === 0) problems.push('The tracked changes of the Word document were read as accepted, but none changed its text.');
  return {
    ok: true,
    text: written.text,
    revisions: { insertions: written.insertions, deletions: written.deletions },
    listLabels: main.labels,
    footnotes: written.footnotes,
    problems,
  };
}

/** What the bytes alone say: too large, encrypted, an old binary .doc, or no zip at all. */
function checkShape(bytes: Uint8Array, maxBytes: number): DocxReadResult | undefined {
  if (bytes.length > maxBytes) {
    return { ok: false, kind: 'tooLarge', problem: `The Word document is ${Math.round(bytes.length / 1048576)} MB; at most ${Math.round(maxBytes / 1048576)} MB are read.` };
  }
  // An OLE compound file: Word's old binary format, or a .docx that Word encrypted with a password.
  if (bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b)) {
    if (holdsUtf16(bytes, 'EncryptedPackage')) {
      return { ok: false, kind: 'encrypted', problem: 'The Word document is protected with a password; open it in Word, remove the password (File > Info > Protect Document) and save it again.' };
    }
    return { ok: false, kind: 'notDocx', problem: 'The file is an old Word document (.doc) or another Office binary file; save it as a Word document (.docx) first.' };
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return { ok: false, kind: 'notDocx', problem: 'The file is not a Word document (.docx): it is not a zip archive.' };
  }
  return undefined;
}

function holdsUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = Buffer.from(word, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(pattern);
}

async function text(zip: JSZip, path: string | undefined): Promise<string | undefined> {
  const file = path === undefined ? null : zip.file(path);
  return file ? file.async('string') : undefined;
}

/** The size a zip entry unpacks to, as its header says (jszip keeps it before inflating). */
function unpackedSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' ? size : 0;
}

/** The part a relationship of this type points to, as a path inside the archive. */
function targetOf(relationships: string | undefined, type: RegExp, folder: string): string | undefined {
  if (!relationships) return undefined;
  for (const tag of xmlTags(relationships)) {
    if (tag.name !== 'Relationship' || tag.closing) continue;
    if (!type.test(attribute(tag, 'Type') ?? '') || attribute(tag, 'TargetMode') === 'External') continue;
    const target = attribute(tag, 'Target');
    if (target) return resolvePath(folder, target);
  }
  return undefined;
}

function relationshipsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function resolvePath(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '..') resolved.pop();
    else if (segment !== '.' && segment !== '') resolved.push(segment);
  }
  return resolved.join('/');
}

/** What went wrong, in words for the user: the readers' own messages quote the markup. */
function damageOf(error: unknown): string {
  if (error instanceof RangeError) return 'The Word document is damaged: its parts are nested too deeply to read.';
  const message = error instanceof Error ? error.message : String(error);
  if (/xmldom|xml|parse|unclosed|element/i.test(message)) return 'The Word document is damaged: one of its parts is not well-formed XML; open and save it again in Word.';
  return 'The Word document is damaged: one of its parts cannot be read; open and save it again in Word.';
}
