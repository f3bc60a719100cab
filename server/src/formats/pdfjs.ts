// Loading Mozilla PDF.js (pdfjs-dist) once, for reading text in plain Node: the server and the
// command line both run it, with no browser, no canvas and no worker thread.
//
// Why PDF.js: it is pure JavaScript (no native build, so it bundles with esbuild and runs
// wherever Node 20 runs), it is maintained by Mozilla as Firefox's PDF viewer and so reads the
// PDFs people actually have, and its text content keeps each run's position, size and font,
// which the reader needs to tell page furniture, footnotes and paragraphs apart.
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs' with { 'resolution-mode': 'import' };

export type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | undefined;

/** PDF.js, loaded on first use (it is large: nothing pays for it until a PDF is read). */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= load();
  // A failed load may succeed later (say, after an install): do not keep the failure.
  loading.catch(() => (loading = undefined));
  return loading;
}

async function load(): Promise<PdfJs> {
  const global = globalThis as Record<string, unknown>;
  // The display layer builds one DOMMatrix when it loads, for drawing; text extraction never
  // uses it. Without a canvas package there is none in Node, so a stand-in lets the module load.
  global.DOMMatrix ??= class DOMMatrixStandIn {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
  };
  // The parsing side ("worker") runs on this thread: PDF.js uses a module set on
  // `globalThis.pdfjsWorker` instead of starting a worker, which a bundle could not locate.
  const warn = console.warn;
  // Loading warns on stderr that it cannot draw (no canvas): true and irrelevant to reading text.
  console.warn = (...args: unknown[]) => {
    if (!/^Warning: Cannot (?:load|access|polyfill)/.test(String(args[0]))) warn(...args);
  };
  try {
    global.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    console.warn = warn;
  }
}
