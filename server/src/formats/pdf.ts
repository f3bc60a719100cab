// Reading a PDF (the official files of the UN's Official Document System, undocs.org) into the
// text the parser reads: page furniture dropped by position and repetition, footnotes taken from
// the footnote area and tied to their markers, one paragraph per line, the opening phrase in
// italics as printed, and a map from every character back to its place on the page.
//
// It never throws and never hangs: a damaged, encrypted or scanned (textless) PDF, one too large,
// or one that takes too long gives one typed problem instead of a text.
import { extractPages } from './pdfExtract';
import { loadPdfJs } from './pdfjs';
import type { PdfSourceMap } from './pdfSourceMap';
import { composeText } from './pdfText';

export type { PdfLocation, PdfPageSize, PdfSourceMap } from './pdfSourceMap';

export type PdfProblemKind = 'notPdf' | 'damaged' | 'encrypted' | 'noText' | 'tooLarge' | 'timeout' | 'unavailable';

export type PdfReadResult =
  | {
      ok: true;
      text: string;
      /** The number of pages read. */
      pages: number;
      /** Where each character of `text` was printed: `map.locate(offset)`. */
      map: PdfSourceMap;
    }
  | { ok: false; kind: PdfProblemKind; problem: string };

export interface PdfReadOptions {
  /** Give up after this long (default 60 s). */
  timeoutMs?: number;
  /** Refuse documents with more pages (default 1,000). */
  maxPages?: number;
  /** Refuse larger files (default 100 MB). */
  maxBytes?: number;
}

const DEFAULTS = { timeoutMs: 60_000, maxPages: 1_000, maxBytes: 100 * 1024 * 1024 };

/** Reads a PDF's bytes into resolution text. Always resolves, within `timeoutMs` and a little. */
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfReadResult> {
  const { timeoutMs, maxPages, maxBytes } = { ...DEFAULTS, ...options };
  try {
    const shape = checkShape(bytes, maxBytes);
    if (shape) return shape;
    let pdfjs;
    try {
      pdfjs = await loadPdfJs();
    } catch (error) {
      return { ok: false, kind: 'unavailable', problem: `The PDF reader (pdfjs-dist) could not be loaded (${nameOf(error)}).` };
    }
    let timedOut = false;
    let task: { destroy(): Promise<void> } | undefined;
    let timer: NodeJS.Timeout | undefined;
    // The time cap holds even while PDF.js waits inside one page: destroying its task makes the
    // pending call fail, and the race answers at once.
    const timeout = new Promise<PdfReadResult>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        task?.destroy().catch(() => undefined);
        resolve({ ok: false, kind: 'timeout', problem: `Reading the PDF took longer than ${Math.round(timeoutMs / 1000)} s.` });
      }, timeoutMs);
    });
    const work = (async (): Promise<PdfReadResult> => {
      const extracted = await extractPages(pdfjs, bytes, { maxPages, deadline: Date.now() + timeoutMs, cancelled: () => timedOut }, (t) => (task = t));
      if (!extracted.ok) return extracted;
      const pages = extracted.pages;
      if (pages.length === 0) return { ok: false, kind: 'noText', problem: 'The PDF has no pages.' };
      const letters = pages.reduce((sum, page) => sum + page.runs.reduce((n, run) => n + (run.text.match(/\p{L}/gu)?.length ?? 0), 0), 0);
      // A scan carries its text as pictures; what little text it has is a stamp or a page number.
      if (letters < 16 * pages.length) {
        return { ok: false, kind: 'noText', problem: 'The PDF has no text to read: it is a scan without a text layer (run text recognition, OCR, on it first), or its pages are empty.' };
      }
      const composed = composeText(pages);
      return { ok: true, text: composed.text, pages: pages.length, map: composed.map };
    })();
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    return { ok: false, kind: 'damaged', problem: `The PDF could not be read (${nameOf(error)}).` };
  }
}

/** What the bytes alone say: not a PDF, cut short, or too large. */
function checkShape(bytes: Uint8Array, maxBytes: number): PdfReadResult | undefined {
  if (bytes.length > maxBytes) return { ok: false, kind: 'tooLarge', problem: `The PDF is ${Math.round(bytes.length / 1048576)} MB; at most ${Math.round(maxBytes / 1048576)} MB are read.` };
  const head = latin1(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) return { ok: false, kind: 'notPdf', problem: 'The file is not a PDF (it does not start with "%PDF-").' };
  // PDF.js rebuilds a file cut short from what is left and reads part of it without a word; a
  // PDF always ends with "%%EOF", so a missing one means the download or copy was cut.
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) return { ok: false, kind: 'damaged', problem: 'The PDF is damaged: it is cut short (no end-of-file marker); download it again.' };
  // The last "startxref" gives where the table of objects begins. When bytes went missing or
  // were added inside the file, it points elsewhere: PDF.js would rebuild the table from what it
  // finds and quietly read whatever is left.
  const at = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail.slice(tail.lastIndexOf('startxref')));
  const offset = at ? Number(at[1]) : -1;
  const target = offset >= 0 && offset < bytes.length ? latin1(bytes.subarray(Math.max(0, offset - 32), offset + 64)) : '';
  if (!/xref|\d+\s+\d+\s+obj/.test(target)) {
    return { ok: false, kind: 'damaged', problem: 'The PDF is damaged: its table of objects is not where the file says (bytes missing or added); download it again.' };
  }
  return undefined;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** The kind of an error, never its message: a message may quote the file. */
function nameOf(error: unknown): string {
  const name = (error as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && /^\w+$/.test(name) ? name : 'unexpected error';
}
