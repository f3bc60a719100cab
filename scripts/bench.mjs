// `npm run bench`: performance report of the parser and the language service.
//   node scripts/bench.mjs [--runs N] [--warmup N] [section ...]
// Compiles first when out/ is missing or stale, then runs each section and prints a table with
// the targets beside the figures. Always exits 0 when it could measure: it is a report, but a
// missed target is printed loudly.
//
// Adding a benchmark (hover latency, corpus load, completions, diagnostics …): write a function
// `async function mySection(context)` that returns rows (see `row()`), add it to SECTIONS below.
// Time with the shared `measure(fn, { runs, warmup })` helper.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
const onlySections = argv.filter((a) => !a.startsWith('--'));

// ---- build ----------------------------------------------------------------------------------

function run(command, args) {
  console.log(`$ ${[path.basename(command), ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' && command === 'npm' });
  return result.status === 0;
}

function filesUnder(dir, ext) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, ext));
    else if (entry.name.endsWith(ext) && !entry.name.endsWith('.d.ts')) found.push(full);
  }
  return found;
}

/**
 * Stale when out/server/src/parser/parse.js is missing, or a server/src/**\/*.ts file is newer
 * than what tsc -b made of it. tsc -b re-emits only the files whose content changed (and then
 * just rewrites out/.tsbuildinfo), so each source is compared with its own .js and with the build
 * info, never with parse.js alone, which would recompile on every run after any edit elsewhere.
 */
function staleReason() {
  const parseJs = path.join(root, 'out/server/src/parser/parse.js');
  if (!existsSync(parseJs)) return 'out/server/src/parser/parse.js is missing';
  const buildInfo = path.join(root, 'out/.tsbuildinfo');
  const built = existsSync(buildInfo) ? statSync(buildInfo).mtimeMs : 0;
  for (const ts of filesUnder(path.join(root, 'server/src'), '.ts')) {
    const js = path.join(root, 'out', path.relative(root, ts)).replace(/\.ts$/, '.js');
    const compiled = existsSync(js) ? js : parseJs;
    if (statSync(ts).mtimeMs > Math.max(statSync(compiled).mtimeMs, built)) return `${path.relative(root, ts)} is newer than ${path.relative(root, compiled)}`;
  }
  return undefined;
}

function ensureCompiled() {
  const reason = staleReason();
  if (!reason) return;
  console.log(`Compiling first: ${reason}.`);
  if (!existsSync(path.join(root, 'node_modules'))) {
    console.log('node_modules is missing: installing dependencies.');
    if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
      console.error('npm ci failed; cannot benchmark.');
      process.exit(1);
    }
  }
  let ok = run(process.execPath, ['node_modules/typescript/bin/tsc', '-b']);
  if (!existsSync(path.join(root, 'out/server/src/parser/parse.js'))) {
    // out/.tsbuildinfo says "up to date" even when outputs were deleted: rebuild everything.
    console.log('tsc -b left out/server/src/parser/parse.js missing (out/.tsbuildinfo thinks it is up to date): forcing a full build.');
    ok = run(process.execPath, ['node_modules/typescript/bin/tsc', '-b', '--force']);
  }
  if (!existsSync(path.join(root, 'out/server/src/parser/parse.js'))) {
    console.error('tsc -b produced no out/server/src/parser/parse.js; cannot benchmark.');
    process.exit(1);
  }
  if (!ok) console.warn('\n*** tsc -b reported errors: benchmarking the JavaScript it emitted anyway. ***\n');
  const still = staleReason();
  if (still) console.warn(`*** out/ may still be stale: ${still}. ***`);
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
    min: times[0],
    max: times[runs - 1],
    runs,
  };
}

/**
 * One line of a section's table. `target` is a maximum in ms for `metric` (the median unless a
 * target is stated for the p95), or undefined for information.
 */
function row(label, stats, target, metric = 'median') {
  return { label, stats, target, metric };
}

// ---- shared context -------------------------------------------------------------------------

function loadContext() {
  const { parseResolution } = require(path.join(root, 'out/server/src/parser/parse.js'));
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

/** A 300-paragraph draft, then the features an editor asks for on every change. */
function syntheticDraft({ parseResolution, service, seeds }) {
  const draft = buildDraft(parseResolution, seeds);
  const model = parseResolution(draft.text);
  const subs = model.operative.reduce((n, p) => n + p.subparagraphs.length, 0);
  const note = `${model.preambular.length} PP + ${model.operative.length} OP, ${subs} sub-paragraphs, ${model.footnotes.length} footnotes, ${(draft.text.length / 1024).toFixed(0)} k chars`;
  if (model.preambular.length !== draft.preambular || model.operative.length !== draft.operative) {
    console.warn(`*** synthetic draft: generated ${draft.preambular} PP + ${draft.operative} OP but the parser read ${model.preambular.length} + ${model.operative.length} ***`);
  }
  const document = new service.ParsedDocument('file:///bench/synthetic.unres', 1, model);
  const parse = measure(() => parseResolution(draft.text));
  const features = measure(() => [service.getDocumentSymbols(document), service.getFoldingRanges(document), service.getSemanticTokens(document)]);
  const whole = measure(() => {
    const parsed = service.ParsedDocument.parse({ uri: 'file:///bench/synthetic.unres', version: 1, getText: () => draft.text });
    return [service.getDocumentSymbols(parsed), service.getFoldingRanges(parsed), service.getSemanticTokens(parsed)];
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
  return [row(`load a 10,000-row catalogue (UNDL export shape, ${(text.length / 1024 / 1024).toFixed(1)} M chars of CSV; ${stats.runs} runs)`, stats, 500)];
}

/** Loading the shipped corpus as the server does at start: read, parse, merge the facts. */
async function corpusLoad() {
  const { loadCorpus } = require(path.join(root, 'out/server/src/corpus/corpusLoader.js'));
  const { KnowledgeBase } = require(path.join(root, 'out/server/src/corpus/knowledgeBase.js'));
  const shippedDir = path.join(root, 'corpus');
  const stats = await measureAsync(async () => KnowledgeBase.build(await loadCorpus({ shippedDir, folders: [], catalogues: [] })), {
    runs: Math.min(RUNS, 30),
    warmup: 0,
  });
  return [row(`load the shipped corpus at start (5 texts + manifest; first run cold: ${ms(stats.max)})`, stats, 200)];
}

/** Hover on every citation, paragraph reference and footnote marker of the seeds, one at a time. */
async function hoverLatency({ service, seeds }) {
  const { loadCorpus } = require(path.join(root, 'out/server/src/corpus/corpusLoader.js'));
  const { KnowledgeBase } = require(path.join(root, 'out/server/src/corpus/knowledgeBase.js'));
  const { pathToFileURL } = await import('node:url');
  const kb = KnowledgeBase.build(await loadCorpus({ shippedDir: path.join(root, 'corpus'), folders: [], catalogues: [] }));
  const targets = [];
  for (const { name, text } of seeds) {
    const uri = pathToFileURL(path.join(root, 'corpus', name)).toString();
    const document = service.ParsedDocument.parse({ uri, version: 1, getText: () => text });
    const { citations, references, markers } = document.model;
    for (const node of [...citations, ...references, ...markers]) targets.push({ document, position: document.lines.positionAt(node.start + 1) });
  }
  let next = 0;
  const stats = measure(() => {
    const { document, position } = targets[next++ % targets.length];
    return service.getHover(document, position, kb);
  }, { runs: Math.max(RUNS * 5, targets.length * 3), warmup: targets.length });
  return [row(`hover on ${targets.length} citations, references and markers of the seeds (each run one hover)`, stats, 5, 'p95')];
}

const SECTIONS = [
  { name: 'seeds', title: 'Parse time per seed resolution', run: parseSeeds },
  { name: 'draft', title: 'Synthetic 300-paragraph draft', run: syntheticDraft },
  { name: 'catalogue', title: 'Corpus catalogue', run: catalogueLoad },
  { name: 'corpus', title: 'Corpus load at server start', run: corpusLoad },
  { name: 'hover', title: 'Hover latency', run: hoverLatency },
];

// ---- report ---------------------------------------------------------------------------------

const ms = (value) => `${value.toFixed(value < 10 ? 3 : 1)} ms`;

function printSection(title, rows) {
  const labelWidth = Math.max(40, ...rows.map((r) => r.label.length));
  const header = [
    'benchmark'.padEnd(labelWidth),
    'median'.padStart(10),
    'p95'.padStart(10),
    'min'.padStart(10),
    'max'.padStart(10),
    'target'.padStart(12),
    '  result',
  ].join(' ');
  console.log(`\n${title}`);
  console.log('-'.repeat(header.length));
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const { label, stats, target, metric } of rows) {
    const verdict = target === undefined ? '  (info)' : stats[metric] <= target ? '  PASS' : '  FAIL  <<<<<<<<';
    console.log(
      [
        label.padEnd(labelWidth),
        ms(stats.median).padStart(10),
        ms(stats.p95).padStart(10),
        ms(stats.min).padStart(10),
        ms(stats.max).padStart(10),
        (target === undefined ? '—' : `${metric === 'p95' ? 'p95' : ''}<= ${target} ms`).padStart(12),
        verdict,
      ].join(' '),
    );
  }
}

async function main() {
  ensureCompiled();
  const cpus = os.cpus();
  console.log('UN Resolutions: performance report');
  console.log(`Node ${process.version} on ${os.platform()} ${os.arch()}; CPU: ${cpus[0]?.model?.trim() ?? 'unknown'} (${cpus.length} logical cores); load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`Figures are medians on this machine (also p95, min and max) over ${RUNS} timed runs after ${WARMUP} warm-up runs; a target applies to the median unless it says p95.`);
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
    for (const r of missed) console.log(`!!!   ${r.label}: median ${ms(r.stats.median)} > ${r.target} ms`);
    console.log(bar);
  }
  void sink;
}

await main();
