// The whole-record bench corpus: N documents made by recombining and perturbing the paragraphs of
// the 637 adopted resolutions of test/fixtures/real/bulk, each with a symbol of its own
// (A/RES/<session>/<n>, sessions 90 and up), a header the parser reads (symbol, session, agenda
// item, adoption line, title) and paragraphs whose citations are those of the real texts plus,
// from the second cycle on, the previous session's resolution on the same item. Deterministic (a
// fixed seed per document): written once to a folder under the temporary directory and reused by
// every run while the generator's version is the same.
//
// Document i takes real text b = i mod 637 as its base, in cycle c = floor(i / 637) (session
// 90 + c, number b + 1): each of the base's paragraphs is kept (85 %) or swapped for a paragraph
// of another real text of the same part, one in ten gains a paragraph from elsewhere, and a
// quarter of all paragraphs and sub-paragraphs get one to three word edits (a word replaced by a
// word of the real texts, a word dropped, two words swapped), never in their opening words.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Bump when the texts this writes change: a corpus of another version is written again. */
export const RECORD_CORPUS_VERSION = 1;

const SEED = 0x12ec0d;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Deterministic PRNG (mulberry32). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)];

/** The folder the corpus of `count` documents lives in (written by ensureRecordCorpus). */
export function recordCorpusDir(count) {
  return path.join(os.tmpdir(), `unres-record-v${RECORD_CORPUS_VERSION}-${count}`);
}

/** The real texts' parts: what each synthetic document is recombined from. */
function realPools(root) {
  const { parseResolution } = require(path.join(root, 'out/server/src/parser/parse.js'));
  const dir = path.join(root, 'test', 'fixtures', 'real', 'bulk');
  const bases = [];
  const pre = [];
  const op = [];
  const vocabulary = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const model = parseResolution(readFileSync(path.join(dir, file), 'utf8'));
    const field = (kind) => model.header?.fields.find((f) => f.kind === kind)?.value;
    const subs = (list) => list.map((s) => ({ label: s.label, text: s.content.text, subs: subs(s.subparagraphs) }));
    const base = {
      title: (field('title') ?? 'Untitled').replace(/\s+/g, ' '),
      agenda: field('agendaItem') ?? 'Agenda item 1',
      pre: model.preambular.map((p) => p.content.text),
      op: model.operative.map((p) => ({ text: p.content.text, subs: subs(p.subparagraphs) })),
    };
    if (base.pre.length + base.op.length === 0) continue;
    bases.push(base);
    pre.push(...base.pre);
    op.push(...base.op);
    for (const text of [...base.pre, ...base.op.map((p) => p.text)]) for (const word of text.split(/\s+/)) if (/^[a-z]{4,}$/.test(word)) vocabulary.add(word);
  }
  return { bases, pre, op, vocabulary: [...vocabulary].sort() };
}

function ordinal(n) {
  const units = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
  const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const tensOrdinal = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];
  if (n >= 100) return n === 100 ? 'one hundredth' : `one hundred and ${ordinal(n - 100)}`;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return u === 0 ? tensOrdinal[t] : `${tens[t]}-${units[u]}`;
}

const capitalise = (s) => s[0].toUpperCase() + s.slice(1);

/** One to three word edits after the opening words; the final mark stays. */
function perturb(rng, text, vocabulary) {
  const words = text.split(' ');
  if (words.length < 6) return text;
  for (let e = 0, edits = 1 + Math.floor(rng() * 3); e < edits; e++) {
    const at = 3 + Math.floor(rng() * (words.length - 4));
    const r = rng();
    const m = /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u.exec(words[at]);
    if (!m) continue;
    if (r < 0.6) words[at] = m[1] + pick(rng, vocabulary) + m[3];
    else if (r < 0.8 && words.length > 8 && !m[3]) words.splice(at, 1);
    else if (at + 1 < words.length - 1 && /^\p{L}+$/u.test(words[at + 1]) && !m[3]) [words[at], words[at + 1]] = [words[at + 1], words[at]];
  }
  return words.join(' ');
}

function generator(pools) {
  return (i) => {
    const rng = mulberry32(SEED + i * 7919);
    const b = i % pools.bases.length;
    const cycle = Math.floor(i / pools.bases.length);
    const session = 90 + cycle;
    const number = b + 1;
    const base = pools.bases[b];
    const year = 1945 + session;
    const day = 1 + (number % 28);
    const date = `${day} ${MONTHS[11 - (number % 3)]} ${year}`;
    const edit = (text) => (rng() < 0.25 ? perturb(rng, text, pools.vocabulary) : text);
    const pre = [];
    base.pre.forEach((text, k) => {
      if (k === 1 && cycle > 0) {
        const before = 1945 + session - 1;
        pre.push(`Recalling its resolution ${session - 1}/${number} of ${day} ${MONTHS[11 - (number % 3)]} ${before},`);
      }
      pre.push(edit(rng() < 0.85 ? text : pick(rng, pools.pre)));
      if (rng() < 0.1) pre.push(edit(pick(rng, pools.pre)));
    });
    const op = [];
    base.op.forEach((p) => {
      const chosen = rng() < 0.85 ? p : pick(rng, pools.op);
      op.push({ text: edit(chosen.text), subs: chosen.subs });
      if (rng() < 0.1) {
        const extra = pick(rng, pools.op);
        op.push({ text: edit(extra.text), subs: extra.subs });
      }
    });
    const lines = [
      'United Nations',
      `A/RES/${session}/${number}`,
      '',
      'General Assembly',
      'Distr.: General',
      date,
      '',
      `${capitalise(ordinal(session))} session`,
      base.agenda,
      '',
      `Resolution adopted by the General Assembly on ${date}`,
      '',
      `[without reference to a Main Committee (A/${session}/L.${number})]`,
      '',
      `${session}/${number}. ${base.title}`,
      '',
      'The General Assembly,',
      '',
    ];
    for (const text of pre) lines.push(text, '');
    const writeSubs = (subs) => {
      for (const sub of subs) {
        lines.push(`${sub.label} ${edit(sub.text)}`, '');
        writeSubs(sub.subs);
      }
    };
    op.forEach((p, k) => {
      lines.push(`${k + 1}. ${p.text}`, '');
      writeSubs(p.subs);
    });
    lines.push(`${40 + (number % 30)}th plenary meeting`, date, '');
    return { file: path.join(`s${session}`, `${number}.txt`), text: lines.join('\n') };
  };
}

/**
 * The corpus of `count` documents, written unless its folder holds it already: { dir, files,
 * bytes, written } (written: whether this call wrote it).
 */
export function ensureRecordCorpus({ root, count, log = () => undefined }) {
  const dir = recordCorpusDir(count);
  const marker = path.join(dir, '.complete.json');
  if (existsSync(marker)) {
    try {
      const done = JSON.parse(readFileSync(marker, 'utf8'));
      if (done.version === RECORD_CORPUS_VERSION && done.count === count) return { dir, files: done.count, bytes: done.bytes, written: false };
    } catch {
      // written again below
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const pools = realPools(root);
  const make = generator(pools);
  let bytes = 0;
  const folders = new Set();
  for (let i = 0; i < count; i++) {
    const { file, text } = make(i);
    const target = path.join(dir, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(marker, JSON.stringify({ version: RECORD_CORPUS_VERSION, count, bytes }));
  log(`Wrote the ${count.toLocaleString('en')}-document bench corpus to ${dir} (${(bytes / 1024 / 1024).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return { dir, files: count, bytes, written: true };
}
