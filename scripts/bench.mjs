// `npm run bench`: performance report of the parser and the language service.
//   node scripts/bench.mjs [--runs N] [--warmup N] [--sizes 5,1000,10000] [section ...]
// The agreed-language section (`agreed`) builds synthetic corpora of each --sizes size (default
// 5, 1,000 and 10,000 documents; about 1.5 minutes on 2 cores) and re-runs this script with
// --expose-gc to measure the heap.
// Compiles first when out/ is missing or stale, then runs each section and prints a table with
// the targets beside the figures. Always exits 0 when it could measure: it is a report, but a
// missed target is printed loudly.
//
// Adding a benchmark (hover latency, corpus load, completions, diagnostics …): write a function
// `async function mySection(context)` that returns rows (see `row()`), add it to SECTIONS below.
// Time with the shared `measure(fn, { runs, warmup })` helper.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCompiled } from './lib/compiled.mjs';
import { ensureRecordCorpus, mulberry32 } from './lib/recordCorpus.mjs';
import { startServer } from './lib/serverProcess.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const require = createRequire(import.meta.url);

// ---- options --------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  argv.splice(at, 2);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const RUNS = option('--runs', 200);
const WARMUP = option('--warmup', 20);
const listOption = (name, fallback) => {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const values = String(argv[at + 1] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  argv.splice(at, 2);
  return values.length ? values : fallback;
};
const SIZES = listOption('--sizes', [5, 1000, 10000]);
const RECORD_SIZE = option('--record-size', 20000);
const onlySections = argv.filter((a) => !a.startsWith('--'));

// The agreed-language section measures the heap after a collection: it needs --expose-gc.
if ((onlySections.length === 0 || onlySections.includes('agreed')) && typeof globalThis.gc !== 'function' && !process.env.UNRES_BENCH_CHILD) {
  const child = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, UNRES_BENCH_CHILD: '1' },
  });
  process.exit(child.status ?? 1);
}

// ---- measuring ------------------------------------------------------------------------------

let sink; // keeps results alive so the work cannot be optimised away

/** Times fn: `warmup` untimed calls, then `runs` timed calls. Milliseconds. */
export function measure(fn, { runs = RUNS, warmup = WARMUP } = {}) {
  for (let i = 0; i < warmup; i++) sink = fn();
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sink = fn();
    times[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return summarize(times);
}

/** The same for an async operation (corpus load): one run at a time. */
export async function measureAsync(fn, { runs = RUNS, warmup = WARMUP } = {}) {
  for (let i = 0; i < warmup; i++) sink = await fn();
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sink = await fn();
    times[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return summarize(times);
}

function summarize(times) {
  times.sort();
  const runs = times.length;
  const mid = runs >> 1;
  return {
    median: runs % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2,
    p95: times[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)],
    p99: times[Math.min(runs - 1, Math.ceil(runs * 0.99) - 1)],
    min: times[0],
    max: times[runs - 1],
    runs,
  };
}

/**
 * One line of a section's table. `target` is a maximum in ms for `metric` (the median unless a
 * target is stated for the p95 or p99), or undefined for information. `unit` is 'ms' or 'MB'.
 */
function row(label, stats, target, metric = 'median', unit = 'ms') {
  return { label, stats, target, metric, unit };
}

/** Stats of a single measurement (a build time, a heap size). */
function single(value) {
  return { median: value, p95: value, p99: value, min: value, max: value, runs: 1 };
}

// ---- shared context -------------------------------------------------------------------------

function loadContext() {
  const { parseResolution } = require(path.join(root, 'out/server/src/parser/parse.js'));
  // The language service the server and the command line use; each section makes its own with the knowledge it needs.
  const service = require(path.join(root, 'out/server/src/languageService.js'));
  const corpus = path.join(root, 'corpus');
  const seeds = readdirSync(corpus)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(corpus, name), 'utf8') }));
  return { parseResolution, service, seeds };
}

// ---- sections -------------------------------------------------------------------------------

/** Parse time of each seed resolution. */
function parseSeeds({ parseResolution, seeds }) {
  return seeds.map(({ name, text }) => {
    const model = parseResolution(text);
    const stats = measure(() => parseResolution(text));
    const label = `parse ${name} (${(text.length / 1024).toFixed(1)} k chars, ${model.form}, ${model.preambular.length} PP + ${model.operative.length} OP)`;
    return row(label, stats, 2);
  });
}

/**
 * Every adopted resolution of test/fixtures/real/bulk (sessions 78 and 79, raw PyMuPDF text):
 * each parsed 5 times after a warm-up, the median of each file taken; the figures are the median
 * and p99 of those per-file times, and the largest file's.
 */
function parseBulk({ parseResolution }) {
  const dir = path.join(root, 'test', 'fixtures', 'real', 'bulk');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const perFile = [];
  let largest = { size: 0, name: '', stats: undefined };
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const stats = measure(() => parseResolution(text), { runs: 5, warmup: 1 });
    perFile.push(stats.median);
    if (text.length > largest.size) largest = { size: text.length, name: file, stats };
  }
  const total = perFile.reduce((a, b) => a + b, 0);
  return [
    row(`parse each of ${files.length} adopted resolutions (columns: median, p95, p99 … over files)`, summarize(Float64Array.from(perFile)), undefined),
    row(`  the largest, ${largest.name} (${(largest.size / 1024).toFixed(0)} k chars)`, largest.stats, undefined),
    row(`  all ${files.length} one after another`, single(total), undefined),
  ];
}

/** A 300-paragraph draft, then the features an editor asks for on every change. */
function syntheticDraft({ parseResolution, service, seeds }) {
  const draft = buildDraft(parseResolution, seeds);
  const model = parseResolution(draft.text);
  const subs = model.operative.reduce((n, p) => n + p.subparagraphs.length, 0);
  const note = `${model.preambular.length} PP + ${model.operative.length} OP, ${subs} sub-paragraphs, ${model.footnotes.length} footnotes, ${(draft.text.length / 1024).toFixed(0)} k chars`;
  if (model.preambular.length !== draft.preambular || model.operative.length !== draft.operative) {
    console.warn(`*** synthetic draft: generated ${draft.preambular} PP + ${draft.operative} OP but the parser read ${model.preambular.length} + ${model.operative.length} ***`);
  }
  const { KnowledgeBase } = require(path.join(root, 'out/server/src/corpus/knowledgeBase.js'));
  const { EMPTY_AGREED_INDEX } = require(path.join(root, 'out/server/src/agreed/empty.js'));
  const ls = service.createLanguageService({ knowledge: { kb: KnowledgeBase.empty(), agreed: EMPTY_AGREED_INDEX } });
  const uri = 'file:///bench/synthetic.unres';
  const source = { uri, version: 1, getText: () => draft.text };
  ls.parse(source);
  const parse = measure(() => parseResolution(draft.text));
  // The parse is cached by version: the features alone.
  const features = measure(() => [ls.getDocumentSymbols(source), ls.getFoldingRanges(source), ls.getSemanticTokens(source)]);
  let version = 1;
  const whole = measure(() => {
    const edited = { uri, version: ++version, getText: () => draft.text };
    return [ls.getDocumentSymbols(edited), ls.getFoldingRanges(edited), ls.getSemanticTokens(edited)];
  });
  return [
    row(`parse 300-paragraph draft (${note})`, parse, 10),
    row('document symbols + folding + semantic tokens (300 paragraphs)', features, 10),
    row('parse + symbols + folding + semantic tokens, one edit (300 paragraphs)', whole, undefined),
  ];
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (n) => String(n).split('').map((d) => SUPERSCRIPT[Number(d)]).join('');

/**
 * Deterministic plain-text draft recombined from the seeds' own paragraphs: the header of the
 * first seed, the organ line, 150 preambular and 150 numbered operative paragraphs, (a)/(b)…
 * (a)/(b)… sub-paragraphs on every third operative paragraph whose source had some, a footnote marker on every seventh
 * paragraph and the footnote bodies at the foot of each "page" of 20 paragraphs.
 */
function buildDraft(parseResolution, seeds) {
  const models = seeds.map(({ text }) => parseResolution(text));
  const preambular = models.flatMap((m) => m.preambular.map((p) => p.content.text));
  const operative = models.flatMap((m) => m.operative.map((p) => ({ text: p.content.text, subs: p.subparagraphs.map((s) => s.content.text) })));
  const footnoteTexts = models.flatMap((m) => m.footnotes.map((f) => f.content.text));
  const first = seeds[0].text;
  const organ = models[0].organ;
  const out = [first.slice(0, organ ? organ.start : 0).trimEnd(), '', 'The General Assembly,', ''];
  let footnote = 0;
  let pending = [];
  const withPunctuation = (text, mark) => text.replace(/[\s,;:.]+$/, '') + mark;
  const marker = (i) => {
    if (i % 7 !== 3) return '';
    footnote += 1;
    pending.push(`${superscript(footnote)} ${footnoteTexts[footnote % footnoteTexts.length]}`);
    return superscript(footnote);
  };
  const pageBreak = (i) => {
    if (i % 20 !== 19 || pending.length === 0) return;
    for (const body of pending) out.push(body, '');
    pending = [];
  };
  const PP = 150;
  const OP = 150;
  for (let i = 0; i < PP; i++) {
    // Vary the source so that neighbouring paragraphs differ.
    const text = preambular[(i * 7) % preambular.length];
    out.push(withPunctuation(text, ',') + marker(i), '');
    pageBreak(i);
  }
  for (let i = 0; i < OP; i++) {
    const source = operative[(i * 5) % operative.length];
    const last = i === OP - 1;
    const subs = i % 3 === 0 ? source.subs.slice(0, 3) : [];
    if (subs.length > 0) {
      out.push(`${i + 1}. ${withPunctuation(source.text, ':')}${marker(PP + i)}`, '');
      subs.forEach((sub, k) => out.push(`(${String.fromCharCode(97 + k)}) ${withPunctuation(sub, k === subs.length - 1 && last ? '.' : ';')}`, ''));
    } else {
      out.push(`${i + 1}. ${withPunctuation(source.text, last ? '.' : ';')}${marker(PP + i)}`, '');
    }
    pageBreak(PP + i);
  }
  for (const body of pending) out.push(body, '');
  return { text: out.join('\n'), preambular: PP, operative: OP };
}

/**
 * A user catalogue of 10,000 rows in the shape of a UN Digital Library voting-data export
 * (quoted fields, commas and doubled quotes in titles, CRLF), generated deterministically in
 * memory and read by parseCatalogue (CSV reading, column mapping, symbol, date and session
 * normalisation). Fewer runs than the parser sections: one run reads 3 M characters.
 */
function catalogueLoad() {
  const { parseCatalogue } = require(path.join(root, 'out/server/src/corpus/catalogue.js'));
  const lines = ['"Title","Resolution","Vote date","Agenda","Meeting record","Draft resolution","Committee report","Yes","No","Abstentions","Non-Voting","Total voting membership","Link"'];
  const ROWS = 10_000;
  for (let i = 0; i < ROWS; i++) {
    const session = 40 + (i % 40);
    const number = 1 + Math.floor(i / 40);
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      [
        `Resolution ${i} on the ""programme"" of work, with a comma :`,
        `A/RES/${session}/${number}`,
        `${1945 + session}-12-${day}`,
        `A/${session}/PV.${i % 90} Item ${i % 150} Developments in the field of information and telecommunications, in the context of international security`,
        `A/${session}/PV.${i % 90}`,
        `A/C.1/${session}/L.${number}`,
        `A/${session}/${400 + (i % 100)}`,
        String(100 + (i % 80)),
        String(i % 20),
        String(i % 30),
        String(i % 15),
        '193',
        `https://digitallibrary.un.org/record/${1_000_000 + i}`,
      ]
        .map((field) => `"${field}"`)
        .join(','),
    );
  }
  const text = lines.join('\r\n') + '\r\n';
  const uri = 'file:///bench/undl-export.csv';
  const catalogue = parseCatalogue(text, uri);
  if (catalogue.rows.length !== ROWS || catalogue.problems.length !== 0) {
    console.warn(`*** catalogue: generated ${ROWS} rows but read ${catalogue.rows.length} with ${catalogue.problems.length} problems ***`);
  }
  const stats = measure(() => parseCatalogue(text, uri), { runs: Math.min(RUNS, 20), warmup: Math.min(WARMUP, 10) });
  return [
    row(`load a 10,000-row catalogue (UNDL export shape, ${(text.length / 1024 / 1024).toFixed(1)} M chars of CSV; ${stats.runs} runs)`, stats, 500),
    marcXmlLoad(parseCatalogue),
  ];
}

/**
 * The UN Digital Library's MARCXML export of the Third Committee drafts of session 78 (94
 * records, 1.1 MB; test/fixtures/catalogues), repeated to 940 records: about the size of every
 * draft of a session. The target is the CSV's per character.
 */
function marcXmlLoad(parseCatalogue) {
  const file = path.join(root, 'test/fixtures/catalogues/undl-export-A_C.3_78_L.marcxml.xml');
  const records = readFileSync(file, 'utf8').replace(/^[^]*?<collection[^>]*>/, '').replace(/<\/collection>\s*$/, '');
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">${records.repeat(10)}</collection>\n`;
  const uri = 'file:///bench/undl-export.xml';
  const catalogue = parseCatalogue(text, uri);
  if (catalogue.rows.length !== 940 || catalogue.problems.length !== 0) {
    console.warn(`*** MARCXML catalogue: expected 940 records but read ${catalogue.rows.length} with ${catalogue.problems.length} problems ***`);
  }
  const stats = measure(() => parseCatalogue(text, uri), { runs: Math.min(RUNS, 20), warmup: Math.min(WARMUP, 5) });
  return row(`load a 940-record MARCXML catalogue (UNDL export, ${(text.length / 1024 / 1024).toFixed(1)} M chars; ${stats.runs} runs)`, stats, 1500);
}

/**
 * Loading the shipped corpus as the server does at every start: read, parse, merge the facts;
 * then the agreed-language index it builds from them. The target is for the load: until it ends,
 * hovers and checks go without the corpus, and `unres check` waits for it. An on-disk cache of
 * the parsed texts is what will meet it; until then this row fails, and says by how much.
 */
async function corpusLoad() {
  const { loadCorpus } = require(path.join(root, 'out/server/src/corpus/corpusLoader.js'));
  const { KnowledgeBase } = require(path.join(root, 'out/server/src/corpus/knowledgeBase.js'));
  const { buildAgreedIndex } = require(path.join(root, 'out/server/src/agreed/index.js'));
  const { parseCatalogue } = require(path.join(root, 'out/server/src/corpus/catalogue.js'));
  const { seedCorpusDir } = require(path.join(root, 'out/test/helpers.js'));
  const shippedDir = path.join(root, 'corpus');
  const rows = [];
  // Seconds a run: a few runs say enough.
  const runs = Math.min(RUNS, 5);
  let loaded;
  const stats = await measureAsync(async () => {
    loaded = await loadCorpus({ shippedDir, folders: [], catalogues: [] });
    return KnowledgeBase.build(loaded);
  }, { runs, warmup: 1 });
  const kb = KnowledgeBase.build(loaded);
  rows.push(row(`load the shipped corpus at start: ${loaded.documents.length} texts, ${loaded.rows.length.toLocaleString('en')} catalogue and manifest rows, ${kb.size.toLocaleString('en')} symbols (${runs} runs)`, stats, 1500));
  const catalogues = readdirSync(path.join(shippedDir, 'catalogues')).map((name) => ({ name, text: readFileSync(path.join(shippedDir, 'catalogues', name), 'utf8') }));
  const catalogueStats = measure(() => catalogues.map(({ name, text }) => parseCatalogue(text, `file:///${name}`)), { runs: Math.min(RUNS, 10), warmup: 2 });
  rows.push(row(`  of which its ${catalogues.length} catalogues alone (read from memory)`, catalogueStats, undefined));
  const index = measure(() => buildAgreedIndex(kb.documents()), { runs: Math.min(RUNS, 3), warmup: 1 });
  rows.push(row(`then the agreed-language index of its texts (built in the background after the load)`, index, undefined));
  const seedsDir = seedCorpusDir();
  const seeds = await measureAsync(async () => KnowledgeBase.build(await loadCorpus({ shippedDir: seedsDir, folders: [], catalogues: [] })), { runs: Math.min(RUNS, 30), warmup: 0 });
  rows.push(row(`for comparison, the 5 seeds and their manifest alone (what shipped before; first run cold: ${ms(seeds.max)})`, seeds, 200));
  return rows;
}

const PDF_DIR = path.join(root, 'test', 'fixtures', 'real', 'pdf');

const medianOf = (values) => summarize(Float64Array.from(values)).median;

/**
 * Reading PDFs (server/src/formats/pdf.ts): each official PDF of test/fixtures/real/pdf read
 * whole (PDF.js parsing, glyph placement, furniture, footnotes, text), the median per PDF and
 * per page; then a 100-page PDF made of their pages (pdf-lib) read in a child process, for its
 * time and its memory (resident set size: PDF.js holds the file, its fonts and each page's
 * operations while it reads).
 */
async function pdfReading() {
  const { readPdf } = require(path.join(root, 'out/server/src/formats/pdf.js'));
  const counts = JSON.parse(readFileSync(path.join(PDF_DIR, 'counts.json'), 'utf8')).files;
  const rows = [];
  const perPdf = [];
  const perPage = [];
  const runs = Math.min(RUNS, 5);
  for (const [file, { symbol, pages }] of Object.entries(counts)) {
    const bytes = new Uint8Array(readFileSync(path.join(PDF_DIR, file)));
    const stats = await measureAsync(() => readPdf(bytes), { runs, warmup: 1 });
    perPdf.push(stats.median);
    perPage.push(stats.median / pages);
    rows.push(row(`${symbol} (${pages} pages; ${runs} runs): read`, stats));
  }
  rows.push(row(`the ${perPdf.length} PDFs: median read time of one`, single(medianOf(perPdf)), 1000));
  rows.push(row(`the ${perPage.length} PDFs: median read time per page`, single(medianOf(perPage)), 150));

  const { PDFDocument } = await import('pdf-lib');
  const book = await PDFDocument.create();
  const sources = [];
  for (const file of Object.keys(counts)) sources.push(await PDFDocument.load(readFileSync(path.join(PDF_DIR, file))));
  for (let i = 0; book.getPageCount() < 100; i++) {
    const source = sources[i % sources.length];
    const wanted = Math.min(source.getPageCount(), 100 - book.getPageCount());
    for (const page of await book.copyPages(source, [...Array(wanted).keys()])) book.addPage(page);
  }
  const temp = mkdtempSync(path.join(os.tmpdir(), 'unres-bench-pdf-'));
  try {
    const file = path.join(temp, 'hundred-pages.pdf');
    writeFileSync(file, await book.save());
    const script = `
      const { readFileSync } = require('fs');
      const { readPdf } = require(${JSON.stringify(path.join(root, 'out/server/src/formats/pdf.js'))});
      const { loadPdfJs } = require(${JSON.stringify(path.join(root, 'out/server/src/formats/pdfjs.js'))});
      (async () => {
        await loadPdfJs();
        const bytes = new Uint8Array(readFileSync(${JSON.stringify(file)}));
        const before = process.memoryUsage().rss;
        const start = process.hrtime.bigint();
        const result = await readPdf(bytes);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        console.log(JSON.stringify({ ok: result.ok, pages: result.pages, chars: result.ok ? result.text.length : 0, ms, before, peak: process.resourceUsage().maxRSS * 1024 }));
      })();`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 300_000 });
    const figures = JSON.parse(child.stdout.trim().split('\n').pop() || '{}');
    if (!figures.ok) {
      console.warn(`*** pdf: the 100-page PDF was not read: ${child.stderr.slice(0, 300)} ***`);
      return rows;
    }
    const mb = (bytes) => bytes / 1024 / 1024;
    const size = `${mb(readFileSync(file).length).toFixed(1)} MB, ${figures.pages} pages, ${figures.chars.toLocaleString('en')} characters read`;
    rows.push(row(`100-page PDF (${size}): read, in a child process`, single(figures.ms), 15_000));
    rows.push(row('100-page PDF: peak resident memory of the process (PDF.js loaded first)', single(mb(figures.peak)), 500, 'median', 'MB'));
    rows.push(row('100-page PDF: resident memory before reading (Node and PDF.js)', single(mb(figures.before)), undefined, 'median', 'MB'));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return rows;
}

/** Hover on every citation, paragraph reference and footnote marker of the seeds, one at a time. */
async function hoverLatency({ service, seeds }) {
  const { loadCorpus } = require(path.join(root, 'out/server/src/corpus/corpusLoader.js'));
  const { KnowledgeBase } = require(path.join(root, 'out/server/src/corpus/knowledgeBase.js'));
  const { pathToFileURL } = await import('node:url');
  const { EMPTY_AGREED_INDEX } = require(path.join(root, 'out/server/src/agreed/empty.js'));
  const kb = KnowledgeBase.build(await loadCorpus({ shippedDir: path.join(root, 'corpus'), folders: [], catalogues: [] }));
  const ls = service.createLanguageService({ knowledge: { kb, agreed: EMPTY_AGREED_INDEX } });
  const targets = [];
  for (const { name, text } of seeds) {
    const uri = pathToFileURL(path.join(root, 'corpus', name)).toString();
    const source = { uri, version: 1, getText: () => text };
    const document = ls.parse(source);
    const { citations, references, markers } = document.model;
    for (const node of [...citations, ...references, ...markers]) targets.push({ source, position: document.lines.positionAt(node.start + 1) });
  }
  let next = 0;
  const stats = measure(() => {
    const { source, position } = targets[next++ % targets.length];
    return ls.getHover(source, position);
  }, { runs: Math.max(RUNS * 5, targets.length * 3), warmup: targets.length });
  return [row(`hover on ${targets.length} citations, references and markers of the seeds (each run one hover)`, stats, 5, 'p95')];
}

// ---- agreed language ------------------------------------------------------------------------

const pickFrom = (rng, list) => list[Math.floor(rng() * list.length)];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "fiftieth" … "ninety-ninth": the session ordinals of the synthetic provisional-agenda paragraphs. */
const SESSION_ORDINALS = ['fifty', 'sixty', 'seventy', 'eighty', 'ninety'].flatMap((tens, i) => [
  ['fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'][i],
  ...['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'].map((unit) => `${tens}-${unit}`),
]);
const sessionOrdinal = (session) => SESSION_ORDINALS[Math.max(0, Math.min(SESSION_ORDINALS.length - 1, session - 50))];

/** The seeds' paragraphs, clauses and words: what the synthetic corpus is recombined from. */
function seedPools(models) {
  const pre = [];
  const op = [];
  const clauses = [];
  const vocabulary = new Set();
  const agendaTitles = new Set();
  for (const m of models) {
    for (const p of m.preambular) {
      if (!/^Recalling its resolutions \d/.test(p.content.text)) pre.push({ text: p.content.text, opening: p.opening?.text });
    }
    for (const p of m.operative) {
      const title = /provisional agenda of its .* session the item entitled [“"](.+)[”"]/.exec(p.content.text);
      if (title) agendaTitles.add(title[1]);
      else op.push({ text: p.content.text, opening: p.opening?.text, subs: p.subparagraphs.map((sub) => ({ label: sub.label, text: sub.content.text })) });
    }
    for (const p of [...m.preambular, ...m.operative]) {
      for (const clause of p.content.text.split(', ').slice(1, -1)) {
        const words = clause.split(' ').length;
        if (words >= 3 && words <= 14) clauses.push(clause);
      }
      for (const word of p.content.text.split(/\s+/)) if (/^[a-z]{4,}$/.test(word)) vocabulary.add(word);
    }
  }
  return { pre, op, clauses, vocabulary: [...vocabulary].sort(), agendaTitles: [...agendaTitles] };
}

/**
 * Document i of a synthetic corpus, the same whatever the corpus size (each document has its own
 * seeded PRNG, so the 1,000-document corpus is the first 1,000 of the 10,000). Built as the
 * parser's model directly (CorpusDocument-shaped objects with clean paragraph text), not as text
 * to parse: parsing 10,000 texts takes about 20 s and its models about 860 MB, which would
 * measure the parser rather than the index. Each document has: a "Recalling its resolutions …"
 * list of 3 to 22 citations; 13 to 23 preambular and 3 to 8 operative paragraphs drawn from the
 * seeds' (so recombined and reordered), 60 % of them perturbed (40 % of sub-paragraphs) by one to
 * three edits: a word replaced by a seed word or an invented one (a vocabulary of 20,000), a
 * clause dropped, a clause from another paragraph added, years and session ordinals changed, an
 * "o f" split or curly quotes; and the closing provisional-agenda paragraph with the next
 * session's ordinal and one of ~40 items.
 */
function syntheticGenerator(pools) {
  const SYLLABLES = ['ka', 'ro', 'mi', 'ten', 'sul', 'dra', 'vo', 'lin', 'pe', 'gor', 'nu', 'tas', 'bel', 'qui', 'zo', 'fer', 'han', 'dul', 'mer', 'sko'];
  const wordRng = mulberry32(99);
  const inventedSet = new Set();
  while (inventedSet.size < 20000) {
    let word = '';
    for (let i = 0, n = 2 + Math.floor(wordRng() * 3); i < n; i++) word += pickFrom(wordRng, SYLLABLES);
    inventedSet.add(word);
  }
  const invented = [...inventedSet];
  const titleRng = mulberry32(7);
  const titles = [...pools.agendaTitles];
  for (let i = 0; i < 40; i++) {
    titles.push(`${pickFrom(titleRng, ['Strengthening', 'Developments in', 'Promotion of', 'Cooperation on', 'Review of'])} ${pickFrom(titleRng, invented)} ${pickFrom(titleRng, ['security', 'development', 'cooperation', 'disarmament'])}`);
  }
  const perturb = (rng, text) => {
    let words = text.split(' ');
    for (let e = 0, edits = 1 + Math.floor(rng() * 3); e < edits; e++) {
      const r = rng();
      if (r < 0.45 && words.length > 4) {
        const at = 3 + Math.floor(rng() * (words.length - 3)); // never the opening words
        const m = /^([^\p{L}]*)(\p{L}+)(.*)$/u.exec(words[at]);
        if (m) words[at] = m[1] + (rng() < 0.5 ? pickFrom(rng, pools.vocabulary) : pickFrom(rng, invented)) + m[3];
      } else if (r < 0.65) {
        const parts = words.join(' ').split(', ');
        if (parts.length >= 3) {
          parts.splice(1 + Math.floor(rng() * (parts.length - 2)), 1);
          words = parts.join(', ').split(' ');
        }
      } else if (r < 0.85) {
        const parts = words.join(' ').split(', ');
        parts.splice(1 + Math.floor(rng() * Math.max(1, parts.length - 1)), 0, pickFrom(rng, pools.clauses));
        words = parts.join(', ').split(' ');
      } else if (r < 0.93) {
        words = words
          .join(' ')
          .replace(/\b(19|20)\d\d\b/g, () => String(1990 + Math.floor(rng() * 34)))
          .replace(/\b(?:fifty|sixty|seventy|eighty|ninety)-\w+\b|\b(?:fiftieth|sixtieth|seventieth|eightieth|ninetieth)\b/g, () => sessionOrdinal(55 + Math.floor(rng() * 30)))
          .split(' ');
      } else {
        const at = words.indexOf('of', 3);
        if (at > 0 && rng() < 0.5) words[at] = 'o f';
        else words = words.join(' ').replace(/"([^"]*)"/g, '“$1”').split(' ');
      }
    }
    return words.join(' ');
  };
  const finish = (text, mark) => text.replace(/[\s,;:.]+$/, '') + mark;
  const recallingList = (rng, session) => {
    const entries = [];
    const count = 3 + Math.floor(rng() * 20);
    for (let k = 0; k < count; k++) {
      const s = Math.max(36, session - count + k);
      entries.push(`${s}/${10 + Math.floor(rng() * 250)} of ${1 + Math.floor(rng() * 28)} ${pickFrom(rng, MONTHS)} ${1945 + s}`);
    }
    return `Recalling its resolutions ${entries.slice(0, -1).join(', ')} and ${entries[entries.length - 1]}`;
  };
  return (i) => {
    const rng = mulberry32(0x5eed + i * 7919);
    const session = 55 + (i % 28);
    const model = { preambular: [], operative: [] };
    let offset = 0;
    const block = (text) => {
      const b = { content: { text, runs: [0, offset, text.length] }, start: offset, ownEnd: offset + text.length, subparagraphs: [] };
      offset += text.length + 2;
      return b;
    };
    const preambular = [{ text: recallingList(rng, session), opening: 'Recalling' }];
    for (let k = 1, n = 14 + Math.floor(rng() * 11); k < n; k++) {
      const seed = pickFrom(rng, pools.pre);
      preambular.push({ text: rng() < 0.6 ? perturb(rng, seed.text) : seed.text, opening: seed.opening });
    }
    preambular.forEach((p, k) => model.preambular.push({ ...block(finish(p.text, ',')), kind: 'preambular', index: k + 1, opening: p.opening ? { text: p.opening } : undefined }));
    for (let k = 0, n = 4 + Math.floor(rng() * 6); k < n; k++) {
      const last = k === n - 1;
      let text;
      let opening;
      let subs = [];
      if (last) {
        opening = pickFrom(rng, ['Decides', 'Also decides', 'Further decides']);
        text = `${opening} to include in the provisional agenda of its ${sessionOrdinal(session + 1)} session the item entitled “${pickFrom(rng, titles)}”`;
      } else {
        const seed = pickFrom(rng, pools.op);
        text = rng() < 0.6 ? perturb(rng, seed.text) : seed.text;
        opening = seed.opening;
        subs = seed.subs.map((sub) => ({ label: sub.label, text: rng() < 0.4 ? perturb(rng, sub.text) : sub.text }));
      }
      const paragraph = { ...block(finish(text, last ? '.' : subs.length ? ':' : ';')), kind: 'operative', index: k + 1, number: k + 1, opening: opening ? { text: opening } : undefined };
      paragraph.subparagraphs = subs.map((sub) => ({ ...block(finish(sub.text, ';')), label: sub.label, scheme: 'alpha', depth: 1 }));
      model.operative.push(paragraph);
    }
    return { uri: `file:///bench/agreed/${i}.txt`, symbol: `${session}/${100 + i}`, shipped: false, parsed: { model } };
  };
}

/** ~200 prefixes as a drafter types them (whole words, or a word half typed), from the seeds. */
function typedPrefixes(models, count = 200) {
  const pool = [];
  for (const m of models) {
    for (const p of m.preambular) pool.push({ text: p.content.text, kind: 'preambular' });
    for (const p of m.operative) {
      pool.push({ text: p.content.text, kind: 'operative' });
      for (const sub of p.subparagraphs) pool.push({ text: sub.content.text, kind: 'subparagraph' });
    }
  }
  const rng = mulberry32(2024);
  const queries = [];
  for (let i = 0; i < count; i++) {
    const { text, kind } = pickFrom(rng, pool);
    const words = text.split(/\s+/);
    const k = Math.min(words.length, 1 + Math.floor(rng() * 8));
    // One in five starts mid-paragraph (a drafter adding words inside a paragraph).
    const from = i % 5 === 4 && words.length > k + 3 ? 2 + Math.floor(rng() * (words.length - k - 2)) : 0;
    let typed = words.slice(from, from + k).join(' ');
    if (i % 2 === 1) {
      const last = words[from + k - 1];
      typed = typed.slice(0, typed.length - last.length) + last.slice(0, Math.max(1, Math.ceil(last.length * 0.6)));
    } else typed += ' ';
    queries.push({ typed, kind: from === 0 ? kind : undefined });
  }
  return queries;
}

/** What the completion service asks for one keystroke: paragraphs, then continuations of the last words. */
function completionCall(index, { typed, kind }) {
  const matches = index.searchParagraphs(typed, { kind, limit: 20 });
  const complete = /\s$/.test(typed) ? typed : typed.replace(/\S+$/, '');
  const last = complete.trim().split(/\s+/).slice(-6).join(' ');
  const continuations = last.split(' ').length >= 2 ? index.continuations(last, 5) : [];
  return matches.length + continuations.length;
}

/** A 100-paragraph draft: 40 seed paragraphs as they are, 40 edited, 20 of new wording. */
function deviationDraft(models, pools) {
  const rng = mulberry32(4242);
  const pool = [];
  for (const m of models) {
    for (const p of m.preambular) pool.push({ text: p.content.text, kind: 'preambular' });
    for (const p of m.operative) pool.push({ text: p.content.text, kind: 'operative' });
  }
  const draft = [];
  for (let i = 0; i < 100; i++) {
    const { text, kind } = pickFrom(rng, pool);
    if (i < 40) draft.push({ text, kind });
    else if (i < 80) {
      const words = text.split(' ');
      words[Math.min(words.length - 1, 2 + Math.floor(rng() * (words.length - 2)))] = pickFrom(rng, pools.vocabulary);
      if (words.length > 12 && rng() < 0.5) words.splice(5, 3);
      draft.push({ text: words.join(' '), kind });
    } else {
      const words = [];
      for (let k = 0, n = 12 + Math.floor(rng() * 40); k < n; k++) words.push(pickFrom(rng, pools.vocabulary));
      draft.push({ text: `Noting ${words.join(' ')},`, kind: 'preambular' });
    }
  }
  return draft;
}

function heapMB() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Times calls of fn over items until all are done or `budgetMs` has passed; returns the times and how many ran. */
function timeEach(items, fn, budgetMs) {
  const times = [];
  const started = performance.now();
  for (const item of items) {
    if (performance.now() - started > budgetMs) break;
    const t = process.hrtime.bigint();
    sink = fn(item);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { stats: summarize(Float64Array.from(times)), count: times.length };
}

/**
 * Agreed language at each --sizes size: index build (sync and async, with the longest stall of
 * the event loop during the async build), heap, completion latency over ~200 typed prefixes
 * (searchParagraphs + continuations, as the completion service calls them), the deviation check
 * of a 100-paragraph draft (nearest() on each paragraph); then MiniSearch over the same
 * paragraphs as a reference (prefix + fuzzy search; its deviation check is one OR query per
 * paragraph, capped in time and extrapolated to 100 paragraphs).
 */
async function agreedLanguage({ parseResolution, seeds }) {
  const { agreedDocument, buildAgreedIndex, buildAgreedIndexAsync } = require(path.join(root, 'out/server/src/agreed/index.js'));
  const asAgreed = (d) => agreedDocument({ uri: d.uri, model: d.parsed.model }, { symbol: d.symbol });
  let MiniSearch;
  try {
    MiniSearch = require('minisearch');
  } catch {
    console.warn('*** minisearch is not installed (npm install): the reference rows are skipped. ***');
  }
  const models = seeds.map(({ text }) => parseResolution(text));
  const pools = seedPools(models);
  const generate = syntheticGenerator(pools);
  const queries = typedPrefixes(models);
  const draft = deviationDraft(models, pools);
  const rows = [];
  for (const size of SIZES) {
    const tag = `[${size.toLocaleString('en')} docs]`;
    const big = size >= 10000;
    const baseline = heapMB();
    let started = performance.now();
    const corpus = [];
    for (let i = 0; i < size; i++) corpus.push(generate(i));
    const generated = performance.now() - started;
    let paragraphs = 0;
    for (const d of corpus) for (const p of [...d.parsed.model.preambular, ...d.parsed.model.operative]) paragraphs += 1 + p.subparagraphs.length;
    const corpusHeap = heapMB() - baseline;

    started = performance.now();
    let index = buildAgreedIndex(corpus.map(asAgreed));
    const syncBuild = performance.now() - started;
    const totalHeap = heapMB() - baseline;
    const stats = index.stats();
    rows.push(row(`${tag} synthetic corpus: ${paragraphs.toLocaleString('en')} paragraphs, ${stats.paragraphs.toLocaleString('en')} distinct wordings (generated in ${ms(generated)})`, single(generated), undefined));
    rows.push(row(`${tag} index build, sync (buildAgreedIndex)`, single(syncBuild), 20000));
    rows.push(row(`${tag} heap after build: corpus objects ${corpusHeap.toFixed(0)} MB + index ${(totalHeap - corpusHeap).toFixed(0)} MB`, single(totalHeap), 1024, 'median', 'MB'));

    for (const q of queries) completionCall(index, q); // warm-up
    const rounds = [];
    for (let round = 0; round < 3; round++) for (const q of queries) rounds.push(q);
    const completion = timeEach(rounds, (q) => completionCall(index, q), Infinity).stats;
    rows.push(row(`${tag} completion, ${queries.length} typed prefixes x 3 (searchParagraphs + continuations): p95`, completion, 10, 'p95'));
    rows.push(row(`${tag} completion, the same runs: p99`, completion, 30, 'p99'));

    let found = 0;
    let identical = 0;
    for (const { text, kind } of draft) {
      const nearest = index.nearest(text, kind);
      if (nearest) found++;
      if (nearest?.identical) identical++;
    }
    const deviation = measure(() => draft.map(({ text, kind }) => index.nearest(text, kind)), { runs: big ? 20 : 30, warmup: 3 });
    rows.push(row(`${tag} deviation check, nearest() on a 100-paragraph draft (${found} near, ${identical} identical)`, deviation, 100));
    index = undefined;
    heapMB();

    // The server's build: in slices, with a probe measuring how long the event loop waits.
    const gaps = [];
    let last = performance.now();
    let building = true;
    const probe = () => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      if (building) setImmediate(probe);
    };
    setImmediate(probe);
    started = performance.now();
    const asyncIndex = await buildAgreedIndexAsync(corpus.map(asAgreed));
    const asyncBuild = performance.now() - started;
    building = false;
    if (asyncIndex.paragraphCount !== stats.paragraphs) console.warn(`*** async build: ${asyncIndex.paragraphCount} wordings, sync ${stats.paragraphs} ***`);
    const stalls = summarize(Float64Array.from(gaps));
    rows.push(row(`${tag} index build, async (buildAgreedIndexAsync, as the server builds it)`, single(asyncBuild), 20000));
    rows.push(row(`${tag}   event-loop waits during it (${gaps.length} turns; the max includes V8 collector pauses)`, stalls, undefined));

    if (MiniSearch) {
      const texts = new Map();
      for (const d of corpus) {
        const add = (text, kind) => texts.has(kind[0] + text) || texts.set(kind[0] + text, { id: texts.size, text, kind });
        for (const p of d.parsed.model.preambular) add(p.content.text, 'preambular');
        for (const p of d.parsed.model.operative) {
          add(p.content.text, 'operative');
          for (const sub of p.subparagraphs) add(sub.content.text, 'subparagraph');
        }
      }
      const before = heapMB();
      started = performance.now();
      let mini = new MiniSearch({ fields: ['text'], storeFields: ['kind'] });
      mini.addAll([...texts.values()]);
      const miniBuild = performance.now() - started;
      const miniHeap = heapMB() - before;
      const ref = `${tag} reference, MiniSearch`;
      rows.push(row(`${ref}: build (${texts.size.toLocaleString('en')} distinct texts)`, single(miniBuild), undefined));
      rows.push(row(`${ref}: heap of its index`, single(miniHeap), undefined, 'median', 'MB'));
      const search = ({ typed, kind }) =>
        mini.search(typed, { prefix: (_term, i, terms) => i === terms.length - 1, fuzzy: (term) => (term.length > 4 ? 0.2 : false), combineWith: 'AND', filter: kind ? (r) => r.kind === kind : undefined }).slice(0, 20);
      for (const q of queries.slice(0, 10)) search(q);
      const searchCap = big ? 15000 : 8000;
      const searched = timeEach(queries, search, searchCap);
      rows.push(row(`${ref}: prefix + fuzzy search (${searched.count} of the ${queries.length} prefixes in a ${searchCap / 1000} s cap)`, searched.stats, undefined));
      const checked = timeEach(draft, ({ text }) => mini.search(text, { combineWith: 'OR' }).slice(0, 1), big ? 12000 : 6000);
      rows.push(row(`${ref}: deviation check, one OR query per paragraph (${checked.count} run, median x 100)`, single(checked.stats.median * 100), undefined));
      mini = undefined;
    }
    corpus.length = 0;
    heapMB();
  }
  return rows;
}

/**
 * Diagnostics: every check on the 300-paragraph draft, and, through the protocol, how long after
 * the last keystroke of a burst the server publishes them (debounced; stale versions dropped).
 */
async function diagnosticsLatency({ parseResolution, service, seeds }) {
  const { loadCorpus } = require(path.join(root, 'out/server/src/corpus/corpusLoader.js'));
  const { KnowledgeBase } = require(path.join(root, 'out/server/src/corpus/knowledgeBase.js'));
  const { buildAgreedIndex } = require(path.join(root, 'out/server/src/agreed/index.js'));
  const kb = KnowledgeBase.build(await loadCorpus({ shippedDir: path.join(root, 'corpus'), folders: [], catalogues: [] }));
  const agreed = buildAgreedIndex(kb.documents());
  const ls = service.createLanguageService({ knowledge: { kb, agreed } });
  const draft = buildDraft(parseResolution, seeds);
  const source = { uri: 'untitled:bench-draft', version: 1, getText: () => draft.text };
  const document = ls.parse(source);
  // Cold: a draft never seen, every paragraph compared through the index (no cache).
  const blocks = [...document.model.preambular, ...document.model.operative];
  const { getCitationDiagnostics } = require(path.join(root, 'out/server/src/services/citationDiagnostics.js'));
  const cold = measure(() => [getCitationDiagnostics(document, kb), blocks.map((p) => agreed.nearest(p.content.text, p.kind))], { runs: Math.min(RUNS, 50), warmup: 5 });
  // Warm: after a keystroke, as the server re-checks while the drafter types (one paragraph changed).
  const rules = await measureAsync(() => ls.getDiagnostics(source), { runs: Math.min(RUNS, 100), warmup: Math.min(WARMUP, 10) });
  const found = (await ls.getDiagnostics(source)).length;

  const { LspClient } = require(path.join(root, 'out/test/protocol/lspClient.js'));
  const client = await LspClient.start();
  const uri = 'untitled:bench-typing';
  const latencies = [];
  let stalePublications = 0;
  try {
    await client.open(uri, draft.text, 1);
    await client.diagnosticsFor(uri, 1, 30_000);
    let version = 1;
    for (let burst = 0; burst < 15; burst++) {
      const first = version + 1;
      // Ten keystrokes, 40 ms apart, at the end of the first operative paragraph.
      for (let key = 0; key < 10; key++) {
        version++;
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: key % 2 ? ' ' : 'x' }],
        });
        if (key < 9) await new Promise((resolve) => setTimeout(resolve, 40));
      }
      const sent = performance.now();
      await client.diagnosticsFor(uri, version, 10_000);
      latencies.push(performance.now() - sent);
      stalePublications += client.publishedVersions(uri).filter((v) => v >= first && v < version).length;
    }
  } finally {
    await client.stop();
  }
  const publish = summarizeSamples(latencies);
  return [
    row(`every check on the 300-paragraph draft, re-checked after a keystroke (citations, agreed language${STRUCTURE_NOTE}; ${found} diagnostics)`, rules, 10),
    row('the same draft checked for the first time (every paragraph through the agreed-language index)', cold, undefined),
    row(`published after the last keystroke of a 10-key burst, through the protocol (15 bursts; stale versions published: ${stalePublications})`, publish, 300, 'p95'),
  ];
}
const STRUCTURE_NOTE = ', numbering, labels, references, punctuation, openings, footnotes';

function summarizeSamples(samples) {
  return summarize(Float64Array.from(samples));
}

// ---- comparison -----------------------------------------------------------------------------

/**
 * Two versions of a 300-paragraph draft for the comparison engine, deterministic. The first:
 * 150 preambular and 150 operative paragraphs recombined from the seeds' own (a copy of a seed
 * paragraph gets a clause of another paragraph, so that no two are identical but many are
 * alike, as in a real draft), (a)/(b)/(c) sub-paragraphs on every third operative paragraph
 * whose source had some, and a footnote on every tenth. The second, as the next revision: about
 * 10 % of paragraphs reworded (a word replaced, a clause dropped or added), 3 % deleted, 3 % new,
 * 3 % moved elsewhere in their part, two operative paragraphs split at a clause and two pairs
 * merged, every operative paragraph renumbered by its new place.
 */
function comparisonDrafts(parseResolution, seeds) {
  const models = seeds.map(({ text }) => parseResolution(text));
  const unique = (list) => [...new Set(list)];
  const strip = (text) => text.replace(/[\s,;:.]+$/, '');
  const pre = unique(models.flatMap((m) => m.preambular.map((p) => strip(p.content.text))));
  const op = models.flatMap((m) => m.operative.map((p) => ({ text: strip(p.content.text), subs: p.subparagraphs.map((s) => strip(s.content.text)) })));
  const clauses = unique(models.flatMap((m) => [...m.preambular, ...m.operative].flatMap((p) => p.content.text.split(', ').slice(1, -1)))).filter((c) => c.split(' ').length >= 3);
  const vocabulary = unique(models.flatMap((m) => m.text.match(/\b[a-z]{4,}\b/g) ?? [])).sort();
  const rng = mulberry32(74);
  const withClause = (text, k) => {
    if (k === 0) return text;
    const at = text.indexOf(', ');
    const clause = clauses[(k * 31 + text.length) % clauses.length];
    return at > 0 ? `${text.slice(0, at)}, ${clause}${text.slice(at)}` : `${text}, ${clause}`;
  };
  let serial = 0;
  const first = { pre: [], op: [], notes: [] };
  for (let i = 0; i < 150; i++) first.pre.push({ id: serial++, text: withClause(pre[i % pre.length], Math.floor(i / pre.length) + (i % 3)) });
  for (let i = 0; i < 150; i++) {
    const source = op[i % op.length];
    first.op.push({ id: serial++, text: withClause(source.text, Math.floor(i / op.length) * 2 + (i % 2)), subs: i % 3 === 0 ? source.subs.slice(0, 3) : [] });
  }
  const footnoteTexts = models.flatMap((m) => m.footnotes.map((f) => f.content.text));
  for (let i = 0; i < 30; i++) first.notes.push(`${footnoteTexts[i % footnoteTexts.length]} (${i + 1})`);

  const reword = (text) => {
    const words = text.split(' ');
    const pick = rng();
    if (pick < 0.5 && words.length > 4) {
      words[1 + Math.floor(rng() * (words.length - 2))] = pickFrom(rng, vocabulary);
      return words.join(' ');
    }
    const parts = text.split(', ');
    if (pick < 0.75 && parts.length > 2) {
      parts.splice(1 + Math.floor(rng() * (parts.length - 2)), 1);
      return parts.join(', ');
    }
    return `${text}, ${pickFrom(rng, clauses)}`;
  };
  const fresh = () => ({ id: serial++, text: `${pickFrom(rng, ['Noting', 'Welcoming', 'Recognizing', 'Stressing'])} ${pickFrom(rng, clauses)}, ${pickFrom(rng, clauses)}`, subs: [] });
  const revise = (list, part) => {
    let out = [];
    for (const item of list) {
      const r = rng();
      if (r < 0.03) continue; // deleted
      if (r < 0.06) out.push(fresh()); // a new paragraph before it
      out.push(r < 0.16 ? { ...item, text: reword(item.text) } : item);
    }
    for (let k = 0; k < Math.round(list.length * 0.03); k++) {
      const [item] = out.splice(Math.floor(rng() * out.length), 1);
      out.splice(Math.floor(rng() * out.length), 0, item);
    }
    if (part === 'op') {
      let splits = 0;
      let merges = 0;
      out = out.flatMap((item, i) => {
        const cut = item.text.indexOf(', ', item.text.length / 3);
        if (splits < 2 && i % 37 === 5 && item.subs.length === 0 && cut > 0) {
          splits++;
          return [{ ...item, text: item.text.slice(0, cut) }, { id: serial++, text: `Also ${item.text.slice(cut + 2)}`, subs: [] }];
        }
        return [item];
      });
      for (let i = 20; i + 1 < out.length && merges < 2; i += 41) {
        if (out[i].subs.length || out[i + 1].subs.length) continue;
        out.splice(i, 2, { id: serial++, text: `${out[i].text}; ${out[i + 1].text.charAt(0).toLowerCase()}${out[i + 1].text.slice(1)}`, subs: [] });
        merges++;
      }
    }
    return out;
  };
  const second = { pre: revise(first.pre, 'pre'), op: revise(first.op, 'op'), notes: first.notes.map((n, i) => (i % 9 === 4 ? `${n} and Corr.1` : n)) };

  const render = (draft) => {
    const out = ['Seventy-ninth session', '', 'Synthetic draft resolution for the comparison benchmark', '', 'The General Assembly,', ''];
    let note = 0;
    const marker = (i) => (i % 10 === 3 && note < draft.notes.length ? `^${++note}` : '');
    draft.pre.forEach((p, i) => out.push(`${p.text},${marker(i)}`, ''));
    draft.op.forEach((p, i) => {
      const last = i === draft.op.length - 1;
      if (p.subs.length) {
        out.push(`${i + 1}. ${p.text}:${marker(i)}`, '');
        p.subs.forEach((s, k) => out.push(`(${String.fromCharCode(97 + k)}) ${s}${k === p.subs.length - 1 && last ? '.' : ';'}`, ''));
      } else out.push(`${i + 1}. ${p.text}${last ? '.' : ';'}${marker(i)}`, '');
    });
    for (let k = 0; k < note; k++) out.push(`[^${k + 1}]: ${draft.notes[k]}`, '');
    return out.join('\n');
  };
  return { old: render(first), new: render(second), counts: { pre: first.pre.length, op: first.op.length } };
}

/** Words drawn from a vocabulary (deterministic). */
function randomWords(seed, count, vocabulary) {
  const rng = mulberry32(seed);
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = vocabulary[Math.floor(rng() * vocabulary.length)];
  return out.join(' ');
}

/** The comparison engine: two revisions of a 300-paragraph draft, and pathological pairs. */
function compareSection({ parseResolution, seeds }) {
  const { compareDocuments } = require(path.join(root, 'out/server/src/compare/compare.js'));
  const { renderComparison } = require(path.join(root, 'out/server/src/compare/render.js'));
  const drafts = comparisonDrafts(parseResolution, seeds);
  const oldModel = parseResolution(drafts.old);
  const newModel = parseResolution(drafts.new);
  const units = (m) => m.preambular.length + m.operative.length + m.operative.reduce((n, p) => n + p.subparagraphs.length, 0) + m.footnotes.length;
  if (oldModel.preambular.length !== drafts.counts.pre || oldModel.operative.length !== drafts.counts.op) {
    console.warn(`*** comparison drafts: generated ${drafts.counts.pre} PP + ${drafts.counts.op} OP but the parser read ${oldModel.preambular.length} + ${oldModel.operative.length} ***`);
  }
  const result = compareDocuments(oldModel, newModel);
  const s = result.summary;
  const found = `${s.unchanged} unchanged, ${s.changed} changed, ${s.added} added, ${s.deleted} deleted, ${s.moved} moved, ${s.split} split, ${s.merged} merged`;
  const compare = measure(() => compareDocuments(oldModel, newModel));
  const whole = measure(() => renderComparison(compareDocuments(parseResolution(drafts.old), parseResolution(drafts.new)), 'html', { old: 'old', new: 'new' }), { runs: Math.min(RUNS, 50), warmup: Math.min(WARMUP, 5) });

  const vocabulary = [...new Set(seeds.flatMap(({ text }) => text.match(/\b[a-z]{3,}\b/g) ?? []))].sort();
  const draftOf = (paragraphs) => parseResolution(`The General Assembly,\n\n${paragraphs.map((p, i) => `${i + 1}. Decides ${p};`).join('\n\n')}\n`);
  const strangerA = draftOf(Array.from({ length: 300 }, (_, i) => randomWords(i + 1, 40, vocabulary)));
  const strangerB = draftOf(Array.from({ length: 300 }, (_, i) => randomWords(i + 5001, 40, vocabulary)));
  const longText = randomWords(7, 50_000, vocabulary);
  const longA = draftOf([longText]);
  const longB = draftOf([randomWords(8, 50_000, vocabulary)]);
  const longReworded = draftOf([longText.split(' ').map((w, i) => (i % 25 === 0 ? `${w}s` : w)).join(' ')]);
  const few = { runs: Math.min(RUNS, 10), warmup: Math.min(WARMUP, 2) };
  const different = measure(() => compareDocuments(strangerA, strangerB), few);
  const long = measure(() => compareDocuments(longA, longB), few);
  const reworded = measure(() => compareDocuments(longA, longReworded), few);
  const gaveUp = compareDocuments(longA, longReworded).changes[0];
  return [
    row(`compare two revisions of a 300-paragraph draft (${units(oldModel)} and ${units(newModel)} units; found ${found})`, compare, 200),
    row('  the same from the two texts: parse both, compare, render HTML', whole, undefined),
    row('entirely different drafts (300 paragraphs of 40 random words each)', different, 1000),
    row('one 50,000-word paragraph against a different 50,000-word paragraph', long, 1000),
    row(`one 50,000-word paragraph against a copy with every 25th word changed (${gaveUp.kind}, word diff ${gaveUp.gaveUp ? 'gave up' : 'done'})`, reworded, 1000),
  ];
}

// ---- requests during a corpus load ----------------------------------------------------------

/**
 * Runs scripts/load-latency.mjs with these arguments in a child process, on the real server
 * bundle as VS Code starts it, and returns its figures (undefined, with a warning, if it failed).
 */
function loadLatencyFigures(section, args) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `unres-bench-${section}-`));
  try {
    const out = path.join(dir, 'figures.json');
    spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    const child = spawnSync(process.execPath, ['scripts/load-latency.mjs', ...args, '--keep', path.join(dir, 'workspace'), '--json', out], { cwd: root, encoding: 'utf8' });
    if (child.status !== 0 || !existsSync(out)) {
      console.warn(`*** ${section}: scripts/load-latency.mjs failed (status ${child.status}) ***\n${child.stderr}`);
      return undefined;
    }
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The hover latencies of one phase of a load-latency run, as a row's stats (the target is for the p99). */
const phaseStats = (s) => ({ median: s.median, p95: s.p99, p99: s.p99, min: 0, max: s.max, runs: s.count });

/**
 * Hover latency while the server loads a 10,000-text corpus beside the shipped one (about a
 * minute and a half on 2 cores, with the corpus it writes). The target is for the wait while the
 * corpus is read, parsed and merged; while agreed language is indexed afterwards, and the longest
 * stops of the event loop, are information.
 */
async function requestLatencyDuringLoad() {
  const figures = loadLatencyFigures('load', ['--files', '10000']);
  if (!figures) return [];
  const rows = [];
  const loading = figures.phases.loading;
  if (loading) rows.push(row(`hover while 10,000 texts load (${loading.count} hovers, one every ${figures.interval} ms; corpus loaded in ${(figures.loadedAt / 1000).toFixed(1)} s)`, phaseStats(loading), 100, 'p99'));
  const indexing = figures.phases['indexing agreed language'];
  if (indexing) rows.push(row(`  the same while agreed language is indexed (${indexing.count} hovers)`, phaseStats(indexing), undefined));
  const blocked = figures.blocked.longest[0];
  if (blocked) rows.push(row(`  the longest stop of the server's event loop (${figures.blocked.count} over 50 ms; full GCs of the ~1 GB heap among them)`, single(blocked.duration), undefined));
  return rows;
}

/**
 * A start with the shipped corpus alone, as a fresh install has it: hovers on the open draft from
 * the first moment (load-latency --files 0), when the corpus is loaded and indexed, and the
 * server's resident memory then. The target is for the wait while the corpus loads: the load
 * runs in the background, and the draft is answered as if there were none.
 */
async function shippedStart() {
  const figures = loadLatencyFigures('shipped', ['--files', '0']);
  if (!figures) return [];
  const rows = [];
  const loading = figures.phases.loading;
  if (loading) rows.push(row(`hover on the open draft while the shipped corpus loads (${loading.count} hovers, one every ${figures.interval} ms)`, phaseStats(loading), 100, 'p99'));
  const indexing = figures.phases['indexing agreed language'];
  if (indexing) rows.push(row(`  the same while its agreed language is indexed (${indexing.count} hovers)`, phaseStats(indexing), undefined));
  if (figures.loadedAt !== undefined) rows.push(row("  the shipped corpus loaded, from the server's start", single(figures.loadedAt), undefined));
  if (figures.indexedAt !== undefined) rows.push(row("  its agreed language indexed, from the server's start", single(figures.indexedAt), undefined));
  if (figures.rssMB !== undefined) rows.push(row("  the server's resident memory once indexed", single(figures.rssMB), undefined, 'median', 'MB'));
  return rows;
}

// ---- the whole record -------------------------------------------------------------------------

/** Text of a draft of paragraphs ({ text, kind }), as a drafter has it: header, organ line, numbered operative part. */
function draftText(paragraphs) {
  const lines = ['Draft resolution', '', 'The General Assembly,', ''];
  let op = 0;
  for (const { text, kind } of paragraphs) {
    if (kind === 'operative') lines.push(`${++op}. ${text}`, '');
    else lines.push(text, '');
  }
  return lines.join('\n');
}

/**
 * The whole record through the real server process (dist/server.js over stdio, as an editor runs
 * it): a corpus of --record-size documents (default 20,000; scripts/lib/recordCorpus.mjs recombines
 * and perturbs the real paragraphs of test/fixtures/real/bulk, each document with its own symbol).
 * Cold start with an empty cache folder: the outline and the diagnostics of a 100-paragraph draft
 * opened while the corpus loads, load and index time, peak resident memory (VmHWM). Then
 * completion over the protocol, first while the new index is written to the cache (once after a
 * cold build), then once it is written, and the diagnostics of the draft (every check, the
 * deviation check among them). Warm start with the cache the first run wrote: time until the index is ready.
 * Beside it, in this process, nearest() over the 100 paragraphs on the index the server cached, and
 * MiniSearch over the same distinct paragraphs (capped in time; said in each row).
 */
async function wholeRecord({ parseResolution }) {
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  const corpus = ensureRecordCorpus({ root, count: RECORD_SIZE, log: (m) => console.log(m) });
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'unres-bench-cache-'));
  const rows = [];
  const tag = `[${RECORD_SIZE.toLocaleString('en')} docs]`;
  try {
    // The draft and the typed prefixes come from the seeds, as in the agreed-language section.
    const { seeds } = loadContext();
    const models = seeds.map(({ text }) => parseResolution(text));
    const pools = seedPools(models);
    const draft = deviationDraft(models, pools);
    const draftUri = 'untitled:bench-draft';
    const text = draftText(draft);
    const queries = typedPrefixes(models);

    // A server with the shipped seeds only: what a server holds before any corpus, for KB per document.
    const empty = await startServer({ root, folders: [], args: ['--no-cache'] });
    await empty.waitForLog(/Agreed language indexed/);
    const baseMB = empty.peakMB();
    await empty.stop();

    // Cold start.
    const cold = await startServer({ root, folders: [corpus.dir], args: ['--cache-dir', cacheDir] });
    const opened = performance.now();
    await cold.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'unres', version: 1, text } });
    await cold.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: draftUri } });
    const outlineMs = performance.now() - opened;
    const firstDiagnostics = await cold.waitForDiagnostics(draftUri);
    const diagnosticsMs = firstDiagnostics.at - (opened - cold.started);
    const loaded = await cold.waitForLog(/Corpus loaded in \d+ ms/);
    const indexed = await cold.waitForLog(/Agreed language indexed in \d+ ms/);
    const loadMs = Number(/in (\d+) ms/.exec(loaded.message)[1]);
    const indexMs = Number(/in (\d+) ms/.exec(indexed.message)[1]);
    const texts = Number(/(\d+) texts/.exec(loaded.message)[1]);
    const wordings = Number(/(\d+) wordings/.exec(indexed.message)[1]);
    const stillLoading = firstDiagnostics.at < loaded.at;
    rows.push(row(`${tag} corpus: ${texts.toLocaleString('en')} texts (${(corpus.bytes / 1024 / 1024).toFixed(0)} MB), ${wordings.toLocaleString('en')} distinct wordings`, single(texts), undefined, 'median', 'n'));
    rows.push(row(`${tag} outline of the 100-paragraph draft opened as the corpus starts loading`, single(outlineMs), 200));
    rows.push(row(`${tag} its first diagnostics (published on opening, with no typing pause; ${stillLoading ? 'while the corpus loads' : 'after the corpus loaded'})`, single(diagnosticsMs), 200));
    rows.push(row(`${tag} cold load: read, parse, merge, write the records cache`, single(loadMs), undefined));
    rows.push(row(`${tag} cold index build (and the index cache written after it)`, single(indexMs), undefined));

    // Completion as a drafter types a new last paragraph of the draft, through the protocol.
    let version = 1;
    const lastLine = text.split('\n').length - 1;
    const complete = async ({ typed }) => {
      version++;
      await cold.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: draftUri, version },
        contentChanges: [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine + 1, character: 0 } }, text: typed }],
      });
      const started = process.hrtime.bigint();
      const result = await cold.connection.sendRequest('textDocument/completion', { textDocument: { uri: draftUri }, position: { line: lastLine, character: typed.length } });
      sink = result;
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    // Right after the first index build the server writes the index to the cache (hundreds of MB,
    // a second or two on 2 cores, once per corpus change): typing then is measured apart.
    let indexWritten = false;
    const written = cold.waitForLog(/index written to the cache/).then(() => (indexWritten = true));
    const duringWrite = [];
    for (let i = 0; !indexWritten && i < 2000; i++) duringWrite.push(await complete(queries[i % queries.length]));
    await written;
    if (duringWrite.length > 0) {
      rows.push(row(`${tag} completion while the new index is written to the cache, once after a cold build (${duringWrite.length} samples): p95`, summarize(Float64Array.from(duringWrite)), undefined, 'p95'));
    }
    for (const q of queries.slice(0, 20)) await complete(q);
    const times = [];
    for (let round = 0; round < 3; round++) for (const q of queries) times.push(await complete(q));
    const completion = summarize(Float64Array.from(times));
    rows.push(row(`${tag} completion in the draft over the protocol, ${queries.length} prefixes x 3 (the draft parsed again each time; the index cache written): p50`, completion, undefined));
    rows.push(row(`${tag}   the same: p95`, completion, 10, 'p95'));
    rows.push(row(`${tag}   the same: p99`, completion, 30, 'p99'));

    // Every check of the draft, deviation among them, after an edit: publication minus the debounce.
    const checks = [];
    for (let i = 0; i < 5; i++) {
      version++;
      const at = performance.now() - cold.started;
      const published = cold.waitForDiagnostics(draftUri, (params) => params.version === version);
      await cold.connection.sendNotification('textDocument/didChange', { textDocument: { uri: draftUri, version }, contentChanges: [{ text: `${text}\n` }] });
      checks.push((await published).at - at - 150);
    }
    const hwmCold = cold.peakMB();
    rows.push(row(`${tag} all diagnostics of the draft after an edit (deviation check included), over the protocol, less the 150 ms debounce`, summarize(Float64Array.from(checks)), 100));
    rows.push(row(`${tag} peak resident memory of the server (VmHWM), cold start`, single(hwmCold), 1024, 'median', 'MB'));
    rows.push(row(`${tag}   per document, less a server with no corpus (${baseMB.toFixed(0)} MB): KB`, single(((hwmCold - baseMB) * 1024) / texts), undefined, 'median', 'KB'));
    await cold.stop();

    // Warm start from the cache written above.
    const warm = await startServer({ root, folders: [corpus.dir], args: ['--cache-dir', cacheDir] });
    const warmIndexed = await warm.waitForLog(/Agreed language indexed in \d+ ms/);
    const warmLoaded = await warm.waitForLog(/Corpus loaded in \d+ ms/);
    const discarded = warm.logs.filter((l) => /cache .*discarded|could not be written/.test(l.message)).map((l) => l.message);
    if (discarded.length) console.warn(`*** warm start: ${discarded.join('; ')} ***`);
    rows.push(row(`${tag} warm start: corpus loaded from the cache (since the process started)`, single(warmLoaded.at), undefined));
    rows.push(row(`${tag} warm start: ready, index read from the cache (since the process started)`, single(warmIndexed.at), 3000));
    rows.push(row(`${tag} peak resident memory of the server (VmHWM), warm start`, single(warm.peakMB()), 1024, 'median', 'MB'));
    await warm.stop();

    // In this process, on the index the server cached: nearest() over the draft, and MiniSearch beside it.
    const { readCacheFile } = require(path.join(root, 'out/server/src/cacheFile.js'));
    const { indexFromContent } = require(path.join(root, 'out/server/src/agreed/indexFile.js'));
    const { CachedRecords } = require(path.join(root, 'out/server/src/corpus/corpusCache.js'));
    // The version stamp is the server bundle's: taken from each file's own header (its second line starts with the header's length).
    // The records file is read as the server reads it: its paragraph texts left on disk.
    const readBack = async (prefix, options) => {
      const name = readdirSync(cacheDir).find((n) => n.startsWith(prefix));
      const bytes = name ? readFileSync(path.join(cacheDir, name)) : undefined;
      const lead = bytes?.indexOf(10, bytes.indexOf(10) + 1);
      const header = bytes ? JSON.parse(bytes.toString('utf8', lead + 1, lead + 1 + parseInt(bytes.toString('latin1', bytes.indexOf(10) + 1, lead), 10))) : undefined;
      const read = header ? await readCacheFile(path.join(cacheDir, name), header.version, options) : undefined;
      return read?.content;
    };
    const content = await readBack('index-');
    // The index names the texts of the records file rather than holding them again.
    const records = await readBack('corpus-', { onDisk: ['textBytes'] });
    const recordTexts = records ? CachedRecords.from(records)?.texts : undefined;
    const index = content ? indexFromContent(content, content.json.fingerprint, {}, recordTexts) : undefined;
    if (!index) {
      console.warn('*** the index cache could not be read back in the bench process: the in-process rows are skipped ***');
      return rows;
    }
    const deviation = measure(() => draft.map(({ text, kind }) => index.nearest(text, kind)), { runs: 20, warmup: 3 });
    rows.push(row(`${tag} deviation check alone, nearest() on the 100 paragraphs (the server's index, in this process)`, deviation, 100));
    const inProcess = timeEach(queries, (q) => completionCall(index, q), Infinity).stats;
    rows.push(row(`${tag} completion alone (searchParagraphs + continuations, in this process): p95`, inProcess, 10, 'p95'));
    let MiniSearch;
    try {
      MiniSearch = require('minisearch');
    } catch {
      console.warn('*** minisearch is not installed (npm install): the reference rows are skipped. ***');
      return rows;
    }
    const ref = `${tag} reference, MiniSearch over the same ${index.paragraphCount.toLocaleString('en')} wordings`;
    let started = performance.now();
    const mini = new MiniSearch({ fields: ['text'], storeFields: ['kind'] });
    const buildCap = 120_000;
    let added = 0;
    for (let id = 0; id < index.paragraphCount && performance.now() - started < buildCap; id++, added++) {
      const p = index.paragraph(id);
      mini.add({ id, text: p.text, kind: p.kind });
    }
    const miniBuild = performance.now() - started;
    rows.push(row(`${ref}: build (${added.toLocaleString('en')} added in a ${buildCap / 1000} s cap)`, single(miniBuild), undefined));
    const search = ({ typed, kind }) =>
      mini.search(typed, { prefix: (_term, i, terms) => i === terms.length - 1, fuzzy: (term) => (term.length > 4 ? 0.2 : false), combineWith: 'AND', filter: kind ? (r) => r.kind === kind : undefined }).slice(0, 20);
    const searched = timeEach(queries, search, 15000);
    rows.push(row(`${ref}: prefix + fuzzy search (${searched.count} of the ${queries.length} prefixes in a 15 s cap): p95`, searched.stats, undefined, 'p95'));
    const checked = timeEach(draft, ({ text }) => mini.search(text, { combineWith: 'OR' }).slice(0, 1), 12000);
    rows.push(row(`${ref}: deviation check, one OR query per paragraph (${checked.count} run in a 12 s cap, median x 100)`, single(checked.stats.median * 100), undefined));
    return rows;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

// ---- pathological inputs ----------------------------------------------------------------------

/** How much longer a shape may take when its input doubles: linear work doubles, quadratic work quadruples. */
const GROWTH_TARGET = 2.5;

/** Runs of each size of a pathological input; the fastest counts. */
const PATHOLOGICAL_RUNS = 6;
/**
 * The young generation (semi-space, MB) the pathological inputs are measured with, fixed. With
 * V8's default, which grows with the heap, a parse whose live objects outgrow it starts promoting
 * them: a one-off step of about 1.4x between two sizes that says nothing of how the code grows.
 */
const PATHOLOGICAL_SEMI_SPACE_MB = 64;
/** Set in the child process that measures the pathological inputs: where it writes its rows. */
const PATHOLOGICAL_ROWS = process.env.UNRES_BENCH_PATHOLOGICAL_ROWS;

/** The pathological inputs, measured in a child process with a fixed young generation (see above). */
function pathologicalInputs() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'unres-bench-'));
  const file = path.join(dir, 'rows.json');
  try {
    const flags = ['--expose-gc', `--min-semi-space-size=${PATHOLOGICAL_SEMI_SPACE_MB}`, `--max-semi-space-size=${PATHOLOGICAL_SEMI_SPACE_MB}`];
    const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: { ...process.env, UNRES_BENCH_CHILD: '1', UNRES_BENCH_PATHOLOGICAL_ROWS: file },
    });
    if (child.status !== 0 || !existsSync(file)) throw new Error(`the pathological inputs could not be measured (exit status ${child.status})`);
    return JSON.parse(readFileSync(file, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Inputs no drafter writes but an editor may open, each at 1x, 2x, 4x and 8x its base size: the
 * time from the text to the published diagnostics, as the server does it (ParsedDocument.parse,
 * then getDiagnostics with the shipped corpus and its agreed-language index). What matters is how
 * the time grows per doubling of the input, taken from the fastest runs (the 2 cores are shared,
 * and a run slowed by another process says nothing of the code). The sizes take turns, one run
 * each per round, so that a burst of load elsewhere slows a run of every size rather than all the
 * runs of one; each run starts on a collected heap, so that it does not pay for the garbage of
 * the one before; the 1x input is run first, untimed, so that no size pays for the warm-up.
 */
async function measurePathological({ service }) {
  const { loadCorpus } = require(path.join(root, 'out/server/src/corpus/corpusLoader.js'));
  const { KnowledgeBase } = require(path.join(root, 'out/server/src/corpus/knowledgeBase.js'));
  const { buildAgreedIndex } = require(path.join(root, 'out/server/src/agreed/index.js'));
  const { seedCorpusDir } = require(path.join(root, 'out/test/helpers.js'));
  // The seeds, not the whole shipped corpus: what is measured is how the time grows with the
  // input, and an index of the real corpus built afresh for each run would take a minute a shape.
  const kb = KnowledgeBase.build(await loadCorpus({ shippedDir: seedCorpusDir(), folders: [], catalogues: [] }));
  // A fresh agreed-language index for each run: the deviation check caches its answers by index and
  // paragraph, and one size's paragraphs would otherwise be answered from another's run.
  const freshContext = () => ({ kb, agreed: buildAgreedIndex(kb.documents()) });
  const organ = 'The General Assembly,\n\n';
  const lines = (count, line) => Array.from({ length: count }, (_, i) => line(i + 1));
  const shapes = [
    {
      name: 'markers in a header',
      base: 12_500,
      unit: 'superscript markers on one header line',
      text: (n) => `Draft resolution\n\n${'word¹ '.repeat(n)}`,
    },
    {
      name: 'markers in a body',
      base: 10_000,
      unit: 'pairs of markers (superscript, plain digits) on one line',
      text: (n) => `${organ}1. Decides ${'word¹ word,2 '.repeat(n)}and so on;\n\n____\n¹ A footnote.\n2 Another footnote.\n`,
    },
    {
      name: 'diagnostics per paragraph',
      base: 4_000,
      unit: 'unlabelled items of one paragraph, each with a wrong mark and a marker without footnote',
      text: (n) => `${organ}1. Decides:\n\n${lines(n, (i) => `To act on item ${i}${i % 10 === 0 || i === n ? ';' : ','}¹`).join('\n\n')}\n`,
    },
    {
      name: 'unnumbered operative paragraphs',
      base: 3_125,
      unit: 'operative paragraphs without numbers',
      text: (n) => `${organ}${lines(n, (i) => `Decides to act on the matter ${i}${i === n ? '.' : ';'}`).join('\n\n')}\n`,
    },
    {
      name: 'decimal labels',
      base: 40,
      unit: 'paragraphs p, each with labels p.1 to p.10 and p.k.1 to p.k.11 (every 7th skipped)',
      text: (n) => {
        const out = [];
        for (let p = 1; p <= n; p++) {
          out.push(`${p}. Welcomes the norms:`);
          for (let k = 1; k <= 10; k++) {
            out.push(`${p}.${k} Norm ${k}:`);
            for (let j = 1; j <= 11; j++) if (j % 7 !== 0) out.push(`${p}.${k}.${j} Part ${j}${p === n && k === 10 && j === 11 ? '.' : ';'}`);
          }
        }
        return `${organ}${out.join('\n\n')}\n`;
      },
    },
    {
      name: 'very long lines',
      base: 187_500,
      unit: 'characters on one line of words, citations, references and markers',
      text: (n) => {
        const unit = 'recalls resolution 70/1 of 25 September 2015,¹ A/70/174 and paragraph 1 above, ';
        return `${organ}1. Decides;\n\n2. Decides that the Assembly ${unit.repeat(Math.ceil(n / unit.length))}and so on.\n\n¹ A footnote.\n`;
      },
    },
    {
      name: 'nesting depth',
      base: 700,
      // The labels of level k are k parts long: the depth grows with the square root of the text.
      scale: (base, factor) => Math.round(base * Math.sqrt(factor)),
      unit: 'levels of decimal labels (1.1, 1.1.1, …), the deepest misnumbered',
      text: (n) => {
        const out = ['1. Welcomes the norms:'];
        let label = '1';
        for (let k = 1; k <= n; k++) {
          label += k === n ? '.2' : '.1';
          out.push(`${label} Norm${k === n ? '.' : ':'}`);
        }
        return `${organ}${out.join('\n\n')}\n`;
      },
    },
    {
      name: 'nested brackets',
      base: 25_000,
      unit: 'brackets nested in one paragraph, one left open, with alternatives and proposals',
      text: (n) => `${organ}1. Decides ${'[to act [Alt 1: '.repeat(n / 2)}now${'] (EU)]'.repeat(n / 2 - 1)};\n\n2. Requests a report.\n`,
    },
    {
      name: 'inserted paragraphs',
      base: 2_000,
      unit: 'paragraphs inserted as "k bis" and "k ter", each naming the one before it',
      text: (n) => `${organ}${lines(n, (i) => `${i}. Decides to act;\n\n${i} bis. Also decides to act on paragraph ${i} above;\n\n${i} ter. Further decides to act on paragraph ${i} bis above${i === n ? '.' : ';'}`).join('\n\n')}\n`,
    },
  ];
  // Through the language service, as the server publishes them: parse, then every check.
  const check = (text, context) => service.createLanguageService({ knowledge: context }).getDiagnostics({ uri: 'untitled:pathological', version: 1, getText: () => text });
  const rows = [];
  for (const shape of shapes) {
    const sizes = [1, 2, 4, 8].map((factor) => {
      const n = shape.scale ? shape.scale(shape.base, factor) : shape.base * factor;
      return { factor, n, text: shape.text(n), times: new Float64Array(PATHOLOGICAL_RUNS), found: 0 };
    });
    sink = await check(sizes[0].text, freshContext());
    for (let run = 0; run < PATHOLOGICAL_RUNS; run++) {
      for (const size of sizes) {
        const context = freshContext();
        sink = undefined;
        globalThis.gc?.();
        const started = process.hrtime.bigint();
        sink = await check(size.text, context);
        size.times[run] = Number(process.hrtime.bigint() - started) / 1e6;
        size.found = sink.length;
      }
    }
    const fastest = [];
    for (const { factor, n, text, times, found } of sizes) {
      const stats = summarize(times);
      fastest.push(stats.min);
      rows.push(row(`${shape.name}, ${factor}x: ${n.toLocaleString('en')} ${shape.unit} (${(text.length / 1024).toFixed(0)} k chars, ${found.toLocaleString('en')} diagnostics)`, stats, undefined));
    }
    const ratios = fastest.slice(1).map((t, i) => t / fastest[i]);
    const worst = Math.max(...ratios);
    // The mean growth from 1x to 8x beside the steps: one step high and the next low is load, not code.
    const overall = Math.cbrt(fastest[3] / fastest[0]);
    rows.push(row(`${shape.name}: growth per doubling ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')} (${overall.toFixed(2)}x from 1x to 8x); the worst`, single(worst), GROWTH_TARGET, 'median', 'x'));
  }
  return rows;
}

const SECTIONS = [
  { name: 'seeds', title: 'Parse time per seed resolution', run: parseSeeds },
  { name: 'bulk', title: 'Parse time over real adopted resolutions (test/fixtures/real/bulk)', run: parseBulk },
  { name: 'draft', title: 'Synthetic 300-paragraph draft', run: syntheticDraft },
  { name: 'catalogue', title: 'Corpus catalogue', run: catalogueLoad },
  { name: 'corpus', title: 'Corpus load at server start (the shipped corpus: texts, catalogues, manifest)', run: corpusLoad },
  { name: 'hover', title: 'Hover latency', run: hoverLatency },
  { name: 'pdf', title: 'Reading PDFs: the 12 official PDFs of test/fixtures/real/pdf, and a 100-page PDF made of their pages', run: pdfReading },
  { name: 'diagnostics', title: 'Diagnostics', run: diagnosticsLatency },
  { name: 'compare', title: 'Comparing two versions of a draft (targets: 200 ms for 300 paragraphs, 1 s for a pathological pair)', run: compareSection },
  { name: 'pathological', title: `Pathological inputs: parse and diagnostics at 1x, 2x, 4x and 8x (target: at most ${GROWTH_TARGET}x per doubling, from the fastest of ${PATHOLOGICAL_RUNS} runs; young generation fixed at ${PATHOLOGICAL_SEMI_SPACE_MB} MB)`, run: pathologicalInputs },
  { name: 'agreed', title: 'Agreed language: index, completion and deviation check on synthetic corpora (MiniSearch rows are a reference)', run: agreedLanguage },
  { name: 'shipped', title: 'A start with the shipped corpus (the real server bundle; target: p99 wait while the corpus loads)', run: shippedStart },
  { name: 'load', title: 'Requests while a 10,000-text corpus loads, beside the shipped one (the real server bundle; target: p99 wait while the corpus loads)', run: requestLatencyDuringLoad },
  { name: 'record', title: 'The whole record: a 20,000-document corpus through the real server process (--record-size N; first run writes the corpus to the temporary folder)', run: wholeRecord },
];

// ---- report ---------------------------------------------------------------------------------

const ms = (value) => `${value.toFixed(value < 10 ? 3 : 1)} ms`;
const figure = (value, unit) =>
  unit === 'MB' ? `${value.toFixed(1)} MB` : unit === 'KB' ? `${value.toFixed(1)} KB` : unit === 'n' ? value.toLocaleString('en') : unit === 'x' ? `${value.toFixed(2)}x` : ms(value);

function printSection(title, rows) {
  const labelWidth = Math.max(40, ...rows.map((r) => r.label.length));
  const header = [
    'benchmark'.padEnd(labelWidth),
    'median'.padStart(10),
    'p95'.padStart(10),
    'p99'.padStart(10),
    'min'.padStart(10),
    'max'.padStart(10),
    'target'.padStart(14),
    '  result',
  ].join(' ');
  console.log(`\n${title}`);
  console.log('-'.repeat(header.length));
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const { label, stats, target, metric, unit = 'ms' } of rows) {
    const verdict = target === undefined ? '  (info)' : stats[metric] <= target ? '  PASS' : '  FAIL  <<<<<<<<';
    console.log(
      [
        label.padEnd(labelWidth),
        figure(stats.median, unit).padStart(10),
        figure(stats.p95, unit).padStart(10),
        (stats.p99 === undefined ? '—' : figure(stats.p99, unit)).padStart(10),
        figure(stats.min, unit).padStart(10),
        figure(stats.max, unit).padStart(10),
        (target === undefined ? '—' : `${metric === 'median' ? '' : metric}<= ${target} ${unit}`).padStart(14),
        verdict,
      ].join(' '),
    );
  }
}

async function main() {
  ensureCompiled({ purpose: 'benchmark' });
  if (PATHOLOGICAL_ROWS) {
    writeFileSync(PATHOLOGICAL_ROWS, JSON.stringify(await measurePathological(loadContext())));
    return;
  }
  const cpus = os.cpus();
  console.log('UN Resolutions: performance report');
  console.log(`Node ${process.version} on ${os.platform()} ${os.arch()}; CPU: ${cpus[0]?.model?.trim() ?? 'unknown'} (${cpus.length} logical cores); load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`Figures are medians on this machine (also p95, min and max) over ${RUNS} timed runs after ${WARMUP} warm-up runs; a target applies to the median unless it says p95 or p99.`);
  const context = loadContext();
  const missed = [];
  let measured = 0;
  for (const section of SECTIONS) {
    if (onlySections.length && !onlySections.includes(section.name)) continue;
    const rows = await section.run(context);
    printSection(section.title, rows);
    measured += rows.length;
    for (const r of rows) if (r.target !== undefined && r.stats[r.metric] > r.target) missed.push(r);
  }
  console.log('');
  if (missed.length === 0) {
    console.log(`All targets met (${measured} figures).`);
  } else {
    const bar = '!'.repeat(78);
    console.log(bar);
    console.log(`!!! ${missed.length} TARGET${missed.length === 1 ? '' : 'S'} MISSED:`);
    for (const r of missed) console.log(`!!!   ${r.label}: ${r.metric} ${figure(r.stats[r.metric], r.unit)} > ${r.target} ${r.unit ?? 'ms'}`);
    console.log(bar);
  }
  void sink;
}

await main();
