// The fuzzer: mutated resolution texts through the parser and every language feature, checked
// against the protocol's invariants. `npm run fuzz` (scripts/fuzz.mjs) runs it at length;
// test/unit/fuzz.test.ts runs a fixed seed on every `npm test`.
//
// A case is a document of the pool (the seed resolutions and the real texts of
// test/fixtures/real) with one to six mutations (mutations.ts), all drawn from the run's seed and
// the case number, so that any case replays alone: `npm run fuzz -- --seed S --case N`. Every
// feature is called the way server.ts calls it, with the seed corpus's knowledge base and
// agreed-language index (where the server falls back from one provider to another, each is asked
// on its own, so that the second is tested even where the first answers); the requests that take
// a position are asked where off-by-one errors hide: at line ends, past them, on citations,
// references and markers, after "resolution ".
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { buildAgreedIndex } from '../../server/src/agreed/index';
import type { AgreedLanguageIndex } from '../../server/src/agreed/types';
import { compareDocuments } from '../../server/src/compare/compare';
import { renderComparison } from '../../server/src/compare/render';
import type { Comparison } from '../../server/src/compare/types';
import { loadCorpus } from '../../server/src/corpus/corpusLoader';
import { KnowledgeBase } from '../../server/src/corpus/knowledgeBase';
import { ParsedDocument } from '../../server/src/parsedDocument';
import { getAgreedCompletions } from '../../server/src/services/agreedCompletion';
import { getAgreedCodeActions, getAgreedHover } from '../../server/src/services/agreedDeviation';
import { getCitationCodeActions } from '../../server/src/services/citationCodeActions';
import { getCitationCompletions } from '../../server/src/services/citationCompletion';
import { findCitationReferences } from '../../server/src/services/citationReferences';
import { getDefinition } from '../../server/src/services/definition';
import { getDocumentLinks } from '../../server/src/services/documentLinks';
import { getFoldingRanges } from '../../server/src/services/folding';
import { getHover } from '../../server/src/services/hover';
import { getInlayHints } from '../../server/src/services/inlayHints';
import { getDocumentSymbols } from '../../server/src/services/outline';
import { getSemanticTokens, SEMANTIC_TOKENS_LEGEND } from '../../server/src/services/semanticTokens';
import type { ResolutionDocument } from '../../server/src/parser/model';
import { parseResolution } from '../../server/src/parser/parse';
import { inputDiagnostics, runChecks } from '../../server/src/services/rules';
import { getFixAllAction } from '../../server/src/services/fixAll';
import { getNumberingCodeActions, getNumberingFixAll } from '../../server/src/services/structure/numbering';
import { getStyleCodeActions, getStyleFixAll, openingVocabulary, type OpeningVocabulary } from '../../server/src/services/structure/style';
import { checkInput } from '../../server/src/inputGuard';
import { repoRoot } from '../helpers';
import {
  checkCodeActions, checkCompletions, checkDiagnostics, checkDocumentLinks, checkDocumentSymbols, checkFoldingRanges, checkHover, checkInlayHints,
  checkLocationLinks, checkLocations, checkModel, checkRangeIn, checkSemanticTokens, checkSemanticTokenSplits, checkSpan, checkSplitsDeep, lspText,
  wholeDocumentRange, type LspText, type Problem,
} from '../unit/invariants';
import { caseSeed, fuzzMutate, Random } from './mutations';
import { shrinkText } from './shrink';

// ---- the pool and the corpus ---------------------------------------------------------------

export interface PoolDocument {
  /** "corpus/000_….txt", "texts/A_RES_73_3.pypdf.txt", "bulk/…". */
  name: string;
  text: string;
  /** The document's URI in the knowledge base, for the seeds: a drafter may edit a corpus file. */
  corpusUri?: string;
}

export interface FuzzContext {
  kb: KnowledgeBase;
  agreed: AgreedLanguageIndex;
  vocabulary: OpeningVocabulary;
  /** Seeds, hand-labelled real texts, adopted resolutions: drawn a third each. */
  groups: PoolDocument[][];
  poolTexts: string[];
  /** Parses of the pool's documents, made when a case first compares against one. */
  originals: Map<string, ResolutionDocument>;
  corpusTexts: Map<string, LspText>;
}

function readFolder(dir: string, prefix: string): PoolDocument[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: `${prefix}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** The seed corpus's knowledge base and agreed-language index, as the server builds them, and the pool. */
export async function loadFuzzContext(root: string = repoRoot): Promise<FuzzContext> {
  const corpusDir = path.join(root, 'corpus');
  const kb = KnowledgeBase.build(await loadCorpus({ shippedDir: corpusDir, folders: [], catalogues: [] }));
  const agreed = buildAgreedIndex(kb.documents());
  const byFile = new Map([...kb.documents()].map((d) => [path.basename(decodeURIComponent(new URL(d.uri).pathname)), d.uri]));
  const seeds = readFolder(corpusDir, 'corpus').map((d) => ({ ...d, corpusUri: byFile.get(path.basename(d.name)) }));
  const groups = [seeds, readFolder(path.join(root, 'test/fixtures/real/texts'), 'texts'), readFolder(path.join(root, 'test/fixtures/real/bulk'), 'bulk')].filter((g) => g.length > 0);
  return {
    kb,
    agreed,
    vocabulary: openingVocabulary(agreed),
    groups,
    poolTexts: groups.flat().map((d) => d.text),
    originals: new Map(),
    corpusTexts: new Map(),
  };
}

// ---- cases ---------------------------------------------------------------------------------

export interface FuzzCase {
  index: number;
  /** The case's own seed, from the run's seed and the case number. */
  seed: number;
  base: PoolDocument;
  uri: string;
  text: string;
  steps: string[];
}

/** Keeps the fuzzer's case seeds apart from the property tests' (which number their seed files from 0). */
const FUZZ_STREAM = 0xf022;

export function makeCase(context: FuzzContext, runSeed: number, index: number, maxSize: number): FuzzCase {
  const seed = caseSeed(runSeed, FUZZ_STREAM, index);
  const r = new Random(seed);
  const base = r.pick(r.pick(context.groups));
  const { text, steps } = fuzzMutate(base.text, r, context.poolTexts, maxSize);
  const uri = base.corpusUri && r.chance(0.3) ? base.corpusUri : `untitled:fuzz-${index}.unres`;
  return { index, seed, base, uri, text, steps };
}

// ---- positions -----------------------------------------------------------------------------

/** Where a request is asked; "pastLineEnd" and "pastLastLine" are positions a client may send but no character holds. */
export type PositionClass = 'random' | 'lineEnd' | 'pastLineEnd' | 'lineStart' | 'citation' | 'reference' | 'marker' | 'afterKeyword' | 'documentEnd' | 'pastLastLine';

export interface Probe {
  position: Position;
  where: PositionClass;
}

function positionAt(doc: LspText, offset: number): Position {
  const { starts } = doc.lines;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: Math.min(offset - starts[low], doc.lines.lengths[low]) };
}

/**
 * About two dozen positions, drawn from the case's seed and the text (so a shrunk text gets its
 * own); a small text gets every line end, and every offset when it is tiny, so that shrinking
 * keeps finding a position-bound failure.
 */
export function probes(doc: LspText, model: ResolutionDocument, seed: number): Probe[] {
  const r = new Random(seed ^ 0x9e3779b9);
  const out: Probe[] = [];
  const { lengths } = doc.lines;
  const lineCount = lengths.length;
  // No editor puts its cursor between the halves of a surrogate pair: a result that splits the
  // pair because it starts at such a cursor would be the fuzzer's fault.
  const inPair = (offset: number) => /[\ud800-\udbff]/.test(doc.text[offset - 1] ?? '') && /[\udc00-\udfff]/.test(doc.text[offset] ?? '');
  const add = (offset: number, where: PositionClass) => out.push({ position: positionAt(doc, inPair(offset) ? offset - 1 : offset), where });
  const lines = lineCount <= 24 ? Array.from({ length: lineCount }, (_, i) => i) : Array.from({ length: 8 }, () => r.int(lineCount));
  for (const line of lines) {
    out.push({ position: { line, character: lengths[line] }, where: 'lineEnd' });
    out.push({ position: { line, character: lengths[line] + 1 + (r.chance(0.5) ? 0 : r.int(40)) }, where: 'pastLineEnd' });
  }
  for (let i = 0; i < 3; i++) out.push({ position: { line: r.int(lineCount), character: 0 }, where: 'lineStart' });
  const randoms = doc.text.length <= 160 ? doc.text.length + 1 : 6;
  for (let i = 0; i < randoms; i++) add(doc.text.length <= 160 ? i : r.int(doc.text.length + 1), 'random');
  const spans: [PositionClass, { start: number; end: number }[]][] = [['citation', model.citations], ['reference', model.references], ['marker', model.markers]];
  for (const [where, list] of spans) {
    for (let i = 0; i < Math.min(2, list.length); i++) {
      const span = r.pick(list);
      add(r.chance(0.5) ? span.start : span.start + r.int(span.end - span.start + 1), where);
    }
  }
  const keywords = [...doc.text.slice(0, 200_000).matchAll(/\b(?:resolutions?|decisions?|paragraphs?) /gi)];
  for (let i = 0; i < Math.min(3, keywords.length); i++) {
    const m = r.pick(keywords);
    add(m.index! + m[0].length + (r.chance(0.3) ? r.int(8) : 0), 'afterKeyword');
  }
  out.push({ position: { line: lineCount - 1, character: lengths[lineCount - 1] }, where: 'documentEnd' });
  out.push({ position: { line: lineCount, character: r.int(3) }, where: 'pastLastLine' });
  return out;
}

// ---- checking a document -------------------------------------------------------------------

export const FEATURES = [
  'parse', 'inputGuard', 'outline', 'folding', 'semanticTokens', 'inlayHints', 'documentLinks', 'hover', 'agreedHover', 'citationCompletion',
  'agreedCompletion', 'definition', 'references', 'diagnostics', 'codeActions', 'fixAll', 'compare',
] as const;
export type Feature = (typeof FEATURES)[number];

export interface Violation {
  /** What the totals count: feature, where it was asked when that matters, the invariant, and its subject. */
  kind: string;
  feature: Feature;
  message: string;
}

export interface CaseResult {
  violations: Violation[];
  /** Wall-clock time of the whole check. */
  ms: number;
  /**
   * The parse and one call of each feature (a feature asked at many positions counts its mean
   * call): the case's time however many positions it is asked at.
   */
  caseMs: number;
  /** Total time in each feature. */
  timings: Partial<Record<Feature, number>>;
  /** The longest single call: what a user waits for on one request. */
  longest: { feature: Feature; ms: number };
  /** The input guard's verdict: the server would show this instead of running features. */
  guarded?: string;
}

/** A thrown error, by its class and first line, numbers blurred so that one bug counts once. */
export function errorKind(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0].replace(/\d+/g, 'N').slice(0, 90);
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 8).join('\n    ') : String(error);
}

/** Positions no character holds: a violation found there is a different bug from one found inside the text. */
function positionTag(where: PositionClass | undefined): string {
  return where === 'pastLineEnd' || where === 'pastLastLine' ? `@${where}` : '';
}

function kindOf(feature: Feature, problem: Problem, where?: PositionClass): string {
  return `${feature}${positionTag(where)} ${problem.code}${problem.subject ? ` [${problem.subject}]` : ''}`;
}

/** Most diagnostics given to one code-action request. */
const MAX_DIAGNOSTICS_ASKED = 10_000;

export interface CheckOptions {
  /** Run only these features (the parse always runs): shrinking repeats only what failed. */
  only?: ReadonlySet<Feature>;
  /** The unmutated document, for the comparison. */
  original?: ResolutionDocument;
}

/** Runs every feature on the text and collects each broken invariant and each throw. */
export function checkDocument(context: FuzzContext, uri: string, text: string, seed: number, options: CheckOptions = {}): CaseResult {
  const started = performance.now();
  const violations: Violation[] = [];
  const timings: Partial<Record<Feature, number>> = {};
  const longest = { feature: 'parse' as Feature, ms: 0 };
  const calls: Partial<Record<Feature, number>> = {};
  const time = (feature: Feature, ms: number) => {
    timings[feature] = (timings[feature] ?? 0) + ms;
    calls[feature] = (calls[feature] ?? 0) + 1;
    if (ms > longest.ms) Object.assign(longest, { feature, ms });
  };
  const wanted = (feature: Feature) => !options.only || options.only.has(feature);
  /** One violation per kind per call: twenty completion items with one bad range are one finding. */
  const report = (feature: Feature, problems: Problem[], where?: PositionClass) => {
    const seen = new Set<string>();
    for (const p of problems) {
      const kind = kindOf(feature, p, where);
      if (seen.has(kind)) continue;
      seen.add(kind);
      violations.push({ kind, feature, message: p.message });
    }
  };
  /** Times a feature, turns a throw into a violation, and checks what it returned. */
  const run = <T>(feature: Feature, call: () => T, check: (result: T) => Problem[], where?: PositionClass): T | undefined => {
    if (!wanted(feature)) return undefined;
    const t0 = performance.now();
    let result: T;
    try {
      result = call();
    } catch (error) {
      time(feature, performance.now() - t0);
      violations.push({ kind: `${feature}${positionTag(where)} threw ${errorKind(error)}`, feature, message: `${feature} threw: ${errorText(error)}` });
      return undefined;
    }
    time(feature, performance.now() - t0);
    try {
      report(feature, check(result), where);
    } catch (error) {
      // A result so malformed that checking it throws is itself the finding.
      violations.push({ kind: `${feature}${positionTag(where)} malformed result ${errorKind(error)}`, feature, message: `checking ${feature}'s result threw: ${errorText(error)}` });
    }
    return result;
  };

  const doc = lspText(text);
  const textOf = (target: string): LspText | undefined => {
    if (target === uri) return doc;
    let known = context.corpusTexts.get(target);
    const corpus = context.kb.document(target);
    if (!known && corpus) context.corpusTexts.set(target, (known = lspText(corpus.parsed.model.text)));
    return known;
  };

  const t0 = performance.now();
  let model: ResolutionDocument;
  try {
    model = parseResolution(text);
  } catch (error) {
    time('parse', performance.now() - t0);
    violations.push({ kind: `parse threw ${errorKind(error)}`, feature: 'parse', message: `parseResolution threw: ${errorText(error)}` });
    return { violations, ms: performance.now() - started, caseMs: timings.parse!, timings, longest };
  }
  time('parse', performance.now() - t0);
  // The parser turns its own errors into parseError: a stack overflow inside it surfaces here.
  if (model.parseError) violations.push({ kind: `parse error ${errorKind(model.parseError)}`, feature: 'parse', message: `parseError: ${model.parseError.split('\n').slice(0, 6).join('\n    ')}` });
  if (wanted('parse')) {
    try {
      report('parse', checkModel(model, text));
    } catch (error) {
      violations.push({ kind: `parse malformed model ${errorKind(error)}`, feature: 'parse', message: `checking the model threw: ${errorText(error)}` });
    }
  }
  const document = new ParsedDocument(uri, 1, model);
  const guard = checkInput(text);

  run('inputGuard', () => inputDiagnostics(text), (diagnostics) => (diagnostics ? checkDiagnostics(diagnostics, doc, textOf) : []));
  run('outline', () => getDocumentSymbols(document), (symbols) => [...checkDocumentSymbols(symbols, doc.lines), ...checkSplitsDeep(symbols, doc, 'symbols')]);
  run('folding', () => getFoldingRanges(document), (ranges) => checkFoldingRanges(ranges, doc.lines));
  run('semanticTokens', () => getSemanticTokens(document), (tokens) => [...checkSemanticTokens(tokens, doc.lines, SEMANTIC_TOKENS_LEGEND), ...checkSemanticTokenSplits(tokens, doc)]);
  const whole = wholeDocumentRange(doc.lines);
  const r = new Random(seed ^ 0x51ed270b);
  const lineCount = doc.lines.lengths.length;
  const from = r.int(lineCount);
  const to = Math.min(lineCount - 1, from + r.int(40));
  // A visible part of the document, as an editor asks for it, its end maybe past its line's end.
  const pastEnd = r.chance(0.3);
  const part: Range = { start: { line: from, character: 0 }, end: { line: to, character: doc.lines.lengths[to] + (pastEnd ? 5 : 0) } };
  for (const range of [whole, part]) {
    run('inlayHints', () => getInlayHints(document, range), (hints) => [
      ...checkInlayHints(hints, doc.lines, { start: range.start, end: { line: range.end.line, character: Math.min(range.end.character, doc.lines.lengths[range.end.line]) } }),
      ...checkSplitsDeep(hints.map((h) => h.position), doc, 'inlayHints'),
    ], range === part && pastEnd ? 'pastLineEnd' : undefined);
  }
  run('documentLinks', () => getDocumentLinks(document), (links) => checkDocumentLinks(links, doc));

  for (const { position, where } of probes(doc, model, seed)) {
    run('hover', () => getHover(document, position, context.kb), (hover) => checkHover(hover, position, doc), where);
    run('agreedHover', () => getAgreedHover(document, position, context.agreed), (hover) => checkHover(hover, position, doc), where);
    run('citationCompletion', () => getCitationCompletions(document, position, context.kb), (items) => checkCompletions(items, position, doc), where);
    run('agreedCompletion', () => getAgreedCompletions(document, position, context.agreed), (items) => checkCompletions(items, position, doc), where);
    run('definition', () => getDefinition(document, position, context.kb), (links) => checkLocationLinks(links, position, doc, textOf), where);
    const includeDeclaration = r.chance(0.5);
    run('references', () => findCitationReferences(document, position, context.kb, [document], includeDeclaration, undefined), (locations) => checkLocations(locations, textOf, 'references'), where);
  }

  let diagnostics: Diagnostic[] = [];
  const diagnose = () => runChecks(document, context);
  if (wanted('diagnostics')) {
    // Code actions are asked for the diagnostics the server published, so a throw leaves none to ask about.
    diagnostics = run('diagnostics', diagnose, (list) => checkDiagnostics(list, doc, textOf)) ?? [];
  } else if (wanted('codeActions')) {
    try {
      diagnostics = diagnose();
    } catch {
      diagnostics = [];
    }
  }
  if (wanted('codeActions') && diagnostics.length > 0) {
    const quickFixes = (range: Range, asked: Diagnostic[]) => [
      ...getNumberingCodeActions(document, range, asked),
      ...getStyleCodeActions(document, range, asked, context.vocabulary),
      ...getCitationCodeActions(document, range, asked, context.kb),
      ...getAgreedCodeActions(document, asked),
    ];
    // All at once (a whole-document request, as "quick fix…" on a selection of everything), then a
    // few one by one with their own range, as the light bulb asks.
    // Capped: with the known cost of many diagnostics, asking for a hundred thousand at once
    // would hold a run for hours, while ten thousand already show whether that cost is there.
    const asked = diagnostics.slice(0, MAX_DIAGNOSTICS_ASKED);
    run('codeActions', () => quickFixes(whole, asked), (actions) => checkCodeActions(actions, uri, doc));
    for (let i = 0; i < Math.min(4, diagnostics.length); i++) {
      const diagnostic = r.pick(diagnostics);
      if (checkRangeIn(diagnostic.range, doc, 'request').length > 0) continue;
      run('codeActions', () => quickFixes(diagnostic.range, [diagnostic]), (actions) => checkCodeActions(actions, uri, doc));
    }
  }
  run(
    'fixAll',
    () => getFixAllAction(document, [getNumberingFixAll(document), getStyleFixAll(document, context.vocabulary)]),
    (action) => (action ? checkCodeActions([action], uri, doc) : []),
  );
  if (options.original) {
    const original = options.original;
    run(
      'compare',
      () => {
        const comparison = compareDocuments(original, model);
        for (const format of ['text', 'markdown', 'html'] as const) renderComparison(comparison, format, { old: 'original', new: 'mutated' });
        return comparison;
      },
      (comparison) => checkComparison(comparison, original.text, text),
    );
  }
  const caseMs = (Object.keys(timings) as Feature[]).reduce((sum, f) => sum + timings[f]! / calls[f]!, 0);
  return { violations, ms: performance.now() - started, caseMs, timings, longest, guarded: guard?.code };
}

/** Each unit's span lies in its own version. */
function checkComparison(comparison: Comparison, oldText: string, newText: string): Problem[] {
  const problems: Problem[] = [];
  comparison.changes.forEach((change, i) => {
    change.old.forEach((unit, k) => problems.push(...checkSpan(unit, oldText.length, `changes[${i}].old[${k}] ${unit.label}`).map((p) => ({ ...p, code: `compare.old.${p.code}` }))));
    change.new.forEach((unit, k) => problems.push(...checkSpan(unit, newText.length, `changes[${i}].new[${k}] ${unit.label}`).map((p) => ({ ...p, code: `compare.new.${p.code}` }))));
  });
  return problems;
}

function originalOf(context: FuzzContext, base: PoolDocument): ResolutionDocument {
  let parsed = context.originals.get(base.name);
  if (!parsed) {
    parsed = parseResolution(base.text);
    // Bounded: the pool has 700 documents, but a run needs only those it drew.
    if (context.originals.size > 200) context.originals.clear();
    context.originals.set(base.name, parsed);
  }
  return parsed;
}

export function checkCase(context: FuzzContext, fuzzCase: FuzzCase, only?: ReadonlySet<Feature>): CaseResult {
  return checkDocument(context, fuzzCase.uri, fuzzCase.text, fuzzCase.seed, { only, original: originalOf(context, fuzzCase.base) });
}

// ---- a run ---------------------------------------------------------------------------------

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** Largest document in characters; a mutation that grows past it is cut. */
  maxSize: number;
  /**
   * A case whose parse and one call of each feature take longer than this, or with any single
   * call longer than this, is a "slow" finding.
   */
  slowMs: number;
  /** Run cases firstCase … firstCase + cases - 1 (replaying one case: firstCase N, cases 1). */
  firstCase?: number;
  stopOnFirst?: boolean;
  /** Folder for the minimal failing documents; nothing is written without it. */
  outDir?: string;
  /** Time for shrinking one failing document. */
  shrinkMs?: number;
  /** Cases of one kind shrunk, written and printed in full; later ones are counted, listed briefly. */
  keepPerKind?: number;
  log?: (line: string) => void;
  /** A progress line this often (ms); none when absent. */
  progressMs?: number;
  /** Asked between cases: true ends the run with the totals so far (Ctrl+C). */
  stop?: () => boolean;
}

export interface KindTotal {
  kind: string;
  count: number;
  /** Cases that showed it, first ones first. */
  cases: number[];
  /** The minimal document of its first case, and where it was written. */
  minimal?: string;
  file?: string;
  message: string;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  characters: number;
  elapsedMs: number;
  failingCases: number;
  kinds: KindTotal[];
  /** Violations of every kind (a case counts once per kind). */
  violations: number;
  /** The slowest case, for the summary. */
  slowest: { index: number; ms: number; feature?: string };
  /** Time spent in each feature over the run (ms). */
  featureMs: Partial<Record<Feature, number>>;
  stoppedEarly: boolean;
}

export const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

const preview = (text: string, max = 600) => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);

function slug(kind: string): string {
  return kind.replace(/[^A-Za-z0-9.@]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

function slowestFeatures(timings: Partial<Record<Feature, number>>): [string, number][] {
  return (Object.entries(timings) as [string, number][]).sort((a, b) => b[1] - a[1]);
}

export async function runFuzz(context: FuzzContext, options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const keep = options.keepPerKind ?? 3;
  const first = options.firstCase ?? 0;
  const totals = new Map<string, KindTotal>();
  const report: FuzzReport = {
    seed: options.seed, cases: 0, characters: 0, elapsedMs: 0, failingCases: 0, kinds: [], violations: 0, slowest: { index: -1, ms: 0 }, featureMs: {}, stoppedEarly: false,
  };
  const started = performance.now();
  let lastProgress = started;
  if (options.outDir) fs.mkdirSync(options.outDir, { recursive: true });

  for (let index = first; index < first + options.cases; index++) {
    const fuzzCase = makeCase(context, options.seed, index, options.maxSize);
    const result = checkCase(context, fuzzCase);
    const slow = (r: CaseResult) => r.caseMs > options.slowMs || r.longest.ms > options.slowMs;
    // A busy machine, a collection or a first compilation can make a case slow once: a case
    // that is not far over the limit is timed again, and counts as slow only if it is again.
    if (slow(result) && Math.max(result.caseMs, result.longest.ms) < 5 * options.slowMs) {
      const again = checkCase(context, fuzzCase);
      if (!slow(again)) Object.assign(result, { caseMs: again.caseMs, longest: again.longest, timings: again.timings });
    }
    report.cases++;
    report.characters += fuzzCase.text.length;
    const ranked = slowestFeatures(result.timings);
    for (const [feature, ms] of ranked) report.featureMs[feature as Feature] = (report.featureMs[feature as Feature] ?? 0) + ms;
    if (result.caseMs > report.slowest.ms) report.slowest = { index, ms: result.caseMs, feature: result.longest.feature };
    const violations = [...result.violations];
    // Slow as a whole, or one request a user would wait for longer than the whole may take.
    if (slow(result)) {
      const top = ranked.slice(0, 3).map(([f, ms]) => `${f} ${ms.toFixed(0)} ms`).join(', ');
      const { longest } = result;
      violations.push({
        kind: `slow ${longest.feature}`,
        feature: longest.feature,
        message: `${result.caseMs.toFixed(0)} ms > ${options.slowMs} ms for ${fuzzCase.text.length.toLocaleString('en')} chars (longest call: ${longest.feature} ${longest.ms.toFixed(0)} ms; in all, ${result.ms.toFixed(0)} ms: ${top})`,
      });
    }
    if (violations.length > 0) {
      report.failingCases++;
      const byKind = new Map<string, Violation[]>();
      for (const v of violations) byKind.set(v.kind, [...(byKind.get(v.kind) ?? []), v]);
      const header = [
        `\n✗ case ${index} (run seed ${hex(options.seed)}, case seed ${hex(fuzzCase.seed)}): ${fuzzCase.base.name} mutated to ${fuzzCase.text.length.toLocaleString('en')} chars, ${fuzzCase.uri}${result.guarded ? ` (input guard: ${result.guarded}; the server would not run features)` : ''}`,
        `  mutations: ${fuzzCase.steps.join(' + ') || '(none)'}`,
        `  replay: npm run fuzz -- --seed ${hex(options.seed)} --case ${index} --max-size ${options.maxSize}`,
      ];
      let printedHeader = false;
      for (const [kind, list] of byKind) {
        let total = totals.get(kind);
        if (!total) totals.set(kind, (total = { kind, count: 0, cases: [], message: list[0].message }));
        total.count++;
        report.violations++;
        if (total.cases.length < 1000) total.cases.push(index);
        if (total.count > keep) {
          if (total.count <= keep + 20) log(`  case ${index}: ${kind} again (${list.length}×)${total.count === keep + 20 ? '; further cases of this kind are only counted' : ''}`);
          continue;
        }
        if (!printedHeader) {
          log(header.join('\n'));
          printedHeader = true;
        }
        log(`  [${kind}] ${list.length}× — ${list[0].message.split('\n').join('\n    ')}`);
        // What makes a case slow is usually its size: it is written whole, and so is a case too slow
        // to check even once within the time for shrinking. Once a kind has a short reproduction,
        // shrinking another case of it is time better spent on new cases.
        const shrinkMs = options.shrinkMs ?? 20_000;
        if (kind.startsWith('slow') || result.ms > shrinkMs || (total.minimal !== undefined && total.minimal.length <= GOOD_MINIMAL)) {
          if (total.minimal !== undefined) log(`  shrunk before: ${total.file ? path.relative(process.cwd(), total.file) : preview(total.minimal)}`);
          else if (options.outDir) total.file ??= writeFinding(options, fuzzCase, kind, list, fuzzCase.text, undefined, log);
          continue;
        }
        const shrunk = shrinkCase(context, fuzzCase, list[0], shrinkMs);
        log(`  minimal input (${shrunk.text.length} chars): ${preview(shrunk.text)}\n    ${shrunk.message.split('\n').join('\n    ')}`);
        if (total.minimal === undefined || shrunk.text.length < total.minimal.length) {
          total.minimal = shrunk.text;
          if (options.outDir) total.file = writeFinding(options, fuzzCase, kind, list, shrunk.text, shrunk.message, log);
        }
      }
      if (options.stopOnFirst) {
        report.stoppedEarly = index < first + options.cases - 1;
        break;
      }
    }
    const now = performance.now();
    if (options.progressMs && now - lastProgress > options.progressMs) {
      lastProgress = now;
      const seconds = (now - started) / 1000;
      log(`… ${report.cases} cases in ${seconds.toFixed(0)} s (${(report.cases / seconds).toFixed(1)}/s, ${(report.characters / 1e6).toFixed(1)} M chars), ${report.failingCases} failing, ${totals.size} kinds`);
    }
    // Lets a signal handler run between cases.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.stop?.()) {
      report.stoppedEarly = index < first + options.cases - 1;
      break;
    }
  }
  report.elapsedMs = performance.now() - started;
  report.kinds = [...totals.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  return report;
}

/** A reproduction this short needs no further shrinking from later cases of its kind. */
const GOOD_MINIMAL = 2000;

/** Writes a failing document and what is known of it (seeds, mutations, messages); returns the document's path. */
function writeFinding(
  options: FuzzOptions, fuzzCase: FuzzCase, kind: string, list: Violation[], text: string, minimalMessage: string | undefined, log: (line: string) => void,
): string {
  const name = `${hex(options.seed)}-case${fuzzCase.index}-${slug(kind)}`;
  const file = path.join(options.outDir!, `${name}.txt`);
  fs.writeFileSync(file, text);
  const about = {
    kind, case: fuzzCase.index, runSeed: hex(options.seed), caseSeed: hex(fuzzCase.seed), maxSize: options.maxSize, base: fuzzCase.base.name, uri: fuzzCase.uri,
    mutations: fuzzCase.steps, mutatedLength: fuzzCase.text.length, shrunk: minimalMessage !== undefined, minimalMessage, messages: list.slice(0, 5).map((v) => v.message),
  };
  fs.writeFileSync(path.join(options.outDir!, `${name}.json`), JSON.stringify(about, null, 2));
  log(`  written: ${path.relative(process.cwd(), file)}`);
  return file;
}

/** The smallest text that still shows the same kind (running only the feature that showed it), and what it shows. */
export function shrinkCase(context: FuzzContext, fuzzCase: FuzzCase, violation: Violation, ms: number): { text: string; message: string } {
  const only = new Set<Feature>([violation.feature]);
  const original = originalOf(context, fuzzCase.base);
  const found = (candidate: string) => checkDocument(context, fuzzCase.uri, candidate, fuzzCase.seed, { only, original }).violations.find((v) => v.kind === violation.kind);
  const text = shrinkText(fuzzCase.text, (candidate) => found(candidate) !== undefined, { ms, calls: 20_000 });
  return { text, message: (found(text) ?? violation).message };
}

export function formatReport(report: FuzzReport, options: Pick<FuzzOptions, 'maxSize' | 'slowMs'>): string {
  const seconds = report.elapsedMs / 1000;
  const lines = [
    '',
    `Fuzz run: seed ${hex(report.seed)}, ${report.cases.toLocaleString('en')} cases${report.stoppedEarly ? ' (stopped early)' : ''}, max size ${options.maxSize.toLocaleString('en')} chars, slow > ${options.slowMs} ms`,
    `  characters: ${report.characters.toLocaleString('en')} (${Math.round(report.characters / Math.max(1, report.cases)).toLocaleString('en')} per case)`,
    `  time: ${seconds.toFixed(1)} s, ${(report.cases / Math.max(seconds, 1e-9)).toFixed(1)} cases/s, ${(report.characters / 1e6 / Math.max(seconds, 1e-9)).toFixed(2)} M chars/s; slowest case ${report.slowest.index} (${report.slowest.ms.toFixed(0)} ms${report.slowest.feature ? `, mostly ${report.slowest.feature}` : ''})`,
    `  time by feature: ${slowestFeatures(report.featureMs).map(([f, ms]) => `${f} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
    `  failing cases: ${report.failingCases}`,
  ];
  if (report.kinds.length === 0) lines.push('  violations: none');
  else {
    lines.push(`  violations by kind (cases showing each):`);
    for (const k of report.kinds) {
      const cases = k.cases.slice(0, 5).join(', ') + (k.count > 5 ? ', …' : '');
      lines.push(`  ${String(k.count).padStart(7)}  ${k.kind}   (cases ${cases}${k.file ? `; ${path.relative(process.cwd(), k.file)}` : ''})`);
    }
  }
  return lines.join('\n');
}
