// How long requests wait while the server loads a large corpus.
//   node scripts/load-latency.mjs [--files 10000] [--interval 20] [--budget 100] [--heavy]
//        [--trace-gc] [--keep DIR] [--bundle FILE] [--node-args "ARGS"] [--json FILE]
// Writes a synthetic corpus folder (the seeds, each with a symbol of its own and some invented
// words; 100 files a folder), starts the server bundle (dist/server.js, or --bundle) over IPC as
// VS Code does, names the folder in unres.corpus.paths, opens a seed and hovers in it from the
// start until the agreed-language index is built: one hover at a time, the next --interval ms
// after the answer. It prints the latencies by phase (loading: reading, parsing and merging the
// corpus; indexing agreed language; after), the worst ones, and the times the server's event
// loop stood still for more than 50 ms (a clock preloaded into the server reports them).
// --trace-gc adds V8's collections (the trace goes to the server's stdout, which IPC leaves
// free) and names those that overlap the worst waits. --heavy hovers a symbol every text cites,
// whose hover lists them all, instead of a reference that costs little. --keep reuses (or
// writes) the corpus in DIR. --json writes the figures to FILE (for scripts/bench.mjs).
// The shipped corpus (corpus/) is read as well, as users have it; --files 0 names no folder, and
// measures the start with the shipped corpus alone. The server's resident memory once agreed
// language is indexed is printed too (Linux: /proc).
// A report: it exits 0 whenever it could measure.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './lib/recordCorpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { createProtocolConnection, IPCMessageReader, IPCMessageWriter } = require('vscode-languageserver-protocol/node');

const argv = process.argv.slice(2);
const value = (name, fallback) => {
  const at = argv.indexOf(name);
  return at < 0 ? fallback : argv[at + 1];
};
const FILES = Number(value('--files', 10_000));
const INTERVAL = Number(value('--interval', 20));
const BUDGET = Number(value('--budget', 100));
const TRACE_GC = argv.includes('--trace-gc');
const HEAVY = argv.includes('--heavy');
const NODE_ARGS = (value('--node-args', '') || '').split(' ').filter(Boolean);
const KEEP = value('--keep', undefined);
const JSON_OUT = value('--json', undefined);

// --bundle: another build of the server, say one without minification for --node-args --cpu-prof.
const bundle = path.resolve(value('--bundle', path.join(root, 'dist', 'server.js')));
if (!existsSync(bundle)) {
  console.error(`${bundle} is missing: run "node scripts/build.mjs" first.`);
  process.exit(2);
}

// ---- the synthetic corpus -------------------------------------------------------------------


const seeds = readdirSync(path.join(root, 'corpus'))
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(path.join(root, 'corpus', name), 'utf8'));

/**
 * Text i: a seed with a symbol of its own, A/RES/<session>/<1000 + i> (on a first line of its own,
 * and in place of the symbol the seed's header gives), where one "the" in twelve gains an
 * invented word, so that symbols and most wordings are distinct, as in a real corpus.
 */
function syntheticText(i) {
  const rng = mulberry32(0x10ad + i);
  const session = 50 + (i % 30);
  const symbol = `A/RES/${session}/${1000 + i}`;
  const text = seeds[i % seeds.length]
    .replace(/A\/(?:RES\/\d+\/\d+|C\.1\/\d+\/L\.\d+(?:\/Rev\.\d)?)/, symbol)
    .replace(/^\d+\/\d+\. /m, `${session}/${1000 + i}. `)
    .replace(/ the /g, (match) => (rng() < 1 / 12 ? ` the w${Math.floor(rng() * 1e6).toString(36)} ` : match));
  return `${symbol}\n\n${text}`;
}

function writeCorpus(dir) {
  for (let i = 0; i < FILES; i++) {
    const folder = path.join(dir, String(Math.floor(i / 100)).padStart(3, '0'));
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${i}.txt`), syntheticText(i));
  }
}

// ---- the server -----------------------------------------------------------------------------

/**
 * Preloaded into the server: a 10 ms clock that reports on stderr each time it fired late by
 * more than 50 ms, i.e. when the server's event loop was blocked, and since when.
 */
const LOOP_WATCH = `
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  if (now - last > 60) process.stderr.write('unres-loop-blocked ' + (now - last - 10).toFixed(1) + ' ' + last.toFixed(1) + '\\n');
  last = now;
}, 10).unref();
`;

function startServer(workspace, corpusFolder) {
  const watchFile = path.join(workspace, 'loop-watch.js');
  writeFileSync(watchFile, LOOP_WATCH);
  // Without the on-disk cache: a cold load is what is measured, and nothing is left in the user's cache.
  const child = fork(bundle, ['--node-ipc', '--no-cache'], {
    execArgv: [...(TRACE_GC ? ['--trace-gc'] : []), ...NODE_ARGS, '--require', watchFile],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const started = performance.now();
  let gcTrace = '';
  const blocked = [];
  let stderr = '';
  child.stdout.on('data', (chunk) => (gcTrace += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    const lines = stderr.split('\n');
    stderr = lines.pop();
    for (const line of lines) {
      const match = /^unres-loop-blocked ([\d.]+) ([\d.]+)$/.exec(line);
      if (match) blocked.push({ duration: Number(match[1]), at: Number(match[2]) });
      else process.stderr.write(line + '\n');
    }
  });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const settings = { 'unres.corpus': { paths: FILES > 0 ? [corpusFolder] : [], catalogues: [] } };
  connection.onRequest('workspace/configuration', (params) => params.items.map((item) => settings[item.section] ?? null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.listen();
  const folderUri = pathToFileURL(workspace).toString();
  return {
    child,
    connection,
    started,
    gcTrace: () => gcTrace,
    blocked,
    async initialize() {
      await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: 'workspace' }],
        capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
      });
      await connection.sendNotification('initialized', {});
    },
  };
}

/**
 * The GC events of V8's trace ("[pid:0x…]  1234 ms: Mark-Compact 900.1 (950.2) -> 850.0 (951.0) MB,
 * 812.3 / 0.0 ms …"), with their start and end in ms since the server started (the trace counts
 * from the isolate's start, a few ms after the fork).
 */
function gcEvents(trace) {
  const events = [];
  for (const line of trace.split('\n')) {
    const match = /\s(\d+) ms: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Compact)[^,]*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ ([\d.]+) ms/.exec(line);
    if (!match) continue;
    const duration = Number(match[7]);
    // V8 prints the time the collection ended.
    events.push({ kind: match[2], end: Number(match[1]), start: Number(match[1]) - duration, duration, heapMB: Number(match[3]) });
  }
  return events;
}

// ---- measuring ------------------------------------------------------------------------------

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] ?? 0;
  return { count: sorted.length, median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0, over: sorted.filter((v) => v > BUDGET).length };
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

/** A process's resident memory in MB, from /proc (Linux); undefined elsewhere. */
function residentMB(pid) {
  try {
    const kB = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kB ? Math.round(Number(kB[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function main() {
  const workspace = KEEP ? path.resolve(KEEP) : mkdtempSync(path.join(os.tmpdir(), 'unres-load-latency-'));
  mkdirSync(workspace, { recursive: true });
  const corpusFolder = path.join(workspace, 'corpus');
  if (FILES > 0 && !existsSync(path.join(corpusFolder, '000'))) {
    const t = performance.now();
    writeCorpus(corpusFolder);
    console.log(`Wrote ${FILES} texts to ${corpusFolder} in ${fmt(performance.now() - t)}.`);
  }
  const server = startServer(workspace, corpusFolder);
  const phases = [{ name: 'start', at: 0 }];
  const phaseAt = (time) => [...phases].reverse().find((p) => p.at <= time)?.name ?? 'start';
  let loadedAt;
  let indexedAt;
  server.connection.onNotification('window/logMessage', ({ message }) => {
    const now = performance.now() - server.started;
    if (/^Corpus loaded/.test(message)) {
      loadedAt = now;
      phases.push({ name: 'indexing agreed language', at: now });
      console.log(`${fmt(now).padStart(10)}  ${message}`);
    } else if (/^Agreed language indexed/.test(message)) {
      indexedAt = now;
      phases.push({ name: 'after', at: now });
      console.log(`${fmt(now).padStart(10)}  ${message}`);
    }
  });
  await server.initialize();
  phases.push({ name: 'loading', at: performance.now() - server.started });

  const uri = pathToFileURL(path.join(root, 'corpus', '000_3767520ad4361519.txt')).toString();
  const text = seeds[0];
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'unres', version: 1, text } });
  // By default a reference resolved in a corpus text ("paragraph 3 of that resolution": 73/266),
  // which costs little whatever the corpus: its latency is the wait. --heavy hovers 73/266 itself,
  // whose hover lists every text that cites it (all 10,000 here).
  const offset = HEAVY ? text.indexOf('73/266 of 22 December 2018') + 3 : text.indexOf('paragraph 3 of that resolution') + 4;
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };

  // One hover at a time, the next INTERVAL ms after the answer: a latency is then the wait plus
  // the hover's own cost, never a backlog the measurement made. How long the event loop stood
  // still is measured apart (LOOP_WATCH).
  const samples = [];
  const deadline = performance.now() + 10 * 60_000;
  while (performance.now() < deadline) {
    const sent = performance.now();
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    const received = performance.now();
    samples.push({ at: sent - server.started, latency: received - sent });
    if (indexedAt !== undefined && received - server.started > indexedAt + 1000) break;
    await new Promise((resolve) => setTimeout(resolve, INTERVAL));
  }
  const rssMB = residentMB(server.child.pid);
  await server.connection.sendRequest('shutdown');
  await server.connection.sendNotification('exit');
  await new Promise((resolve) => {
    server.child.once('exit', resolve);
    setTimeout(resolve, 3000);
  });
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  server.connection.dispose();

  console.log(`\n${FILES} texts and the shipped corpus; a hover every ${INTERVAL} ms; corpus loaded at ${loadedAt ? fmt(loadedAt) : '—'}, agreed language indexed at ${indexedAt ? fmt(indexedAt) : '—'}; the server's resident memory then: ${rssMB === undefined ? '—' : `${rssMB} MB`}.`);
  console.log(`${'phase'.padEnd(26)} ${'hovers'.padStart(7)} ${'median'.padStart(10)} ${'p99'.padStart(10)} ${'max'.padStart(10)}  > ${BUDGET} ms`);
  const byPhase = new Map();
  for (const sample of samples) {
    const name = phaseAt(sample.at);
    byPhase.set(name, [...(byPhase.get(name) ?? []), sample.latency]);
  }
  for (const [name, latencies] of [...byPhase, ['all', samples.map((s) => s.latency)]]) {
    const s = stats(latencies);
    console.log(`${name.padEnd(26)} ${String(s.count).padStart(7)} ${fmt(s.median).padStart(10)} ${fmt(s.p99).padStart(10)} ${fmt(s.max).padStart(10)}  ${s.over}`);
  }
  const gc = TRACE_GC ? gcEvents(server.gcTrace()) : [];
  const worst = [...samples].sort((a, b) => b.latency - a.latency).slice(0, 8);
  console.log('\nworst waits (sent at, in ms since the server started):');
  for (const sample of worst) {
    const overlapping = gc.filter((e) => e.end >= sample.at && e.start <= sample.at + sample.latency && e.duration >= 10);
    const during = overlapping
      .sort((x, y) => y.duration - x.duration)
      .slice(0, 3)
      .map((e) => `${e.kind} ${fmt(e.duration)} at ${e.heapMB.toFixed(0)} MB`)
      .join('; ');
    console.log(`  ${fmt(sample.latency).padStart(10)} at ${fmt(sample.at).padStart(10)}  ${phaseAt(sample.at)}${during ? `; GC: ${during}` : ''}`);
  }
  const longest = [...server.blocked].sort((a, b) => b.duration - a.duration).slice(0, 8);
  console.log(`\nthe server's event loop was blocked ${server.blocked.length} times for more than 50 ms${longest.length ? '; longest:' : '.'}`);
  for (const block of longest) console.log(`  ${fmt(block.duration).padStart(10)} from ${fmt(block.at).padStart(10)}  ${phaseAt(block.at)}`);
  if (TRACE_GC) {
    const slow = gc.filter((e) => e.duration >= 50);
    console.log(`\nGC: ${gc.length} collections, ${gc.filter((e) => e.kind !== 'Scavenge').length} full; ${slow.length} of 50 ms or more; the longest:`);
    for (const e of [...gc].sort((x, y) => y.duration - x.duration).slice(0, 5)) {
      console.log(`  ${e.kind} ${fmt(e.duration).padStart(10)} from ${fmt(e.start).padStart(10)} at ${e.heapMB.toFixed(0)} MB  ${phaseAt(e.start)}`);
    }
  }
  if (JSON_OUT) {
    const phaseStats = Object.fromEntries([...byPhase, ['all', samples.map((s) => s.latency)]].map(([name, latencies]) => [name, stats(latencies)]));
    writeFileSync(JSON_OUT, JSON.stringify({ files: FILES, interval: INTERVAL, loadedAt, indexedAt, rssMB, phases: phaseStats, blocked: { count: server.blocked.length, longest }, gc: gc.filter((e) => e.duration >= 50) }, null, 2));
  }
  if (!KEEP) rmSync(workspace, { recursive: true, force: true });
}

await main();
