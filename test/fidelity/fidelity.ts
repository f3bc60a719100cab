// Fidelity of the parser and the checks on real texts, as they come from PDF tools: the labelled
// texts of test/fixtures/real/texts (hand counts in labels.json), the adopted resolutions of
// test/fixtures/real/bulk (no labels; an adopted text deserves no warning), and the official
// PDFs of test/fixtures/real/pdf read by the PDF reader (hand counts in counts.json), against
// their PyMuPDF text forms in bulk/. Shared by the
// fidelity test suite and `npm run fidelity`, so both judge by the same rules.
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { loadKnowledge } from '../../server/src/knowledge';
import { documentFormatOf, readDocumentBytes } from '../../server/src/formats/documentFile';
import type { Paragraph, SubParagraph } from '../../server/src/parser/model';
import { isoDate } from '../../server/src/parser/vocabulary';
import { ParsedDocument } from '../../server/src/parsedDocument';
import { runChecks, type CheckContext } from '../../server/src/services/rules';
import { openingVocabulary } from '../../server/src/services/structure/openingPhrases';
import { seedCorpusDir } from '../helpers';

export const realDir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'real');

export interface Label {
  file: string;
  symbol: string | null;
  form: string;
  pp: number;
  op: number;
  subparas: Record<string, string[]>;
  annex: boolean;
  last_op_first_words: string;
  citations: { symbol: string; date: string }[];
  notes?: string;
}

export interface LabelledResult {
  file: string;
  form: string;
  pp: { expected: number; found: number };
  op: { expected: number; found: number };
  /** Operative paragraph numbers whose sub-paragraph labels differ: what was expected and found. */
  subparas: { op: string; expected: string[]; found: string[] }[];
  lastWords: { expected: string; found: string; ok: boolean };
  citations: { expected: number; found: number; missing: string[] };
  /** True when every measure above is exact. */
  exact: boolean;
}

export interface AdoptedResult {
  file: string;
  /** Errors and warnings, as "line:col code message". */
  problems: { line: number; column: number; code: string; message: string; severity: 'error' | 'warning' }[];
}

export function readLabels(): Label[] {
  return JSON.parse(readFileSync(path.join(realDir, 'labels.json'), 'utf8')) as Label[];
}

export function readReal(folder: 'texts' | 'bulk', file: string): string {
  return readFileSync(path.join(realDir, folder, file), 'utf8');
}

export function bulkFiles(): string[] {
  return readdirSync(path.join(realDir, 'bulk')).filter((f) => f.endsWith('.txt')).sort();
}

export function parseReal(folder: 'texts' | 'bulk', file: string): ParsedDocument {
  const text = readReal(folder, file);
  return ParsedDocument.parse({ uri: pathToFileURL(path.join(realDir, folder, file)).toString(), version: 1, getText: () => text });
}

/** Sub-paragraphs of a paragraph in reading order, nested ones after their parent. */
export function flatLabels(paragraph: Paragraph): string[] {
  const labels: string[] = [];
  const stack: SubParagraph[] = [...paragraph.subparagraphs].reverse();
  while (stack.length) {
    const sub = stack.pop()!;
    if (sub.label) labels.push(sub.label);
    for (let i = sub.subparagraphs.length - 1; i >= 0; i--) stack.push(sub.subparagraphs[i]);
  }
  return labels;
}

const squash = (text: string) => text.replace(/\s+/g, '');

const DATE = /^(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})$/;

function labelIso(date: string): string | undefined {
  const match = DATE.exec(date.replace(/\s+/g, ' ').trim());
  return match ? isoDate(Number(match[1]), match[2], Number(match[3])) : undefined;
}

export function evaluateLabelled(label: Label, document: ParsedDocument): LabelledResult {
  const model = document.model;
  const text = model.text;
  const subparas: LabelledResult['subparas'] = [];
  const keys = new Set([...Object.keys(label.subparas), ...model.operative.filter((p) => p.subparagraphs.length).map((p) => String(p.index))]);
  for (const key of [...keys].sort((a, b) => Number(a) - Number(b))) {
    const expected = label.subparas[key] ?? [];
    const paragraph = model.operative[Number(key) - 1];
    const found = paragraph ? flatLabels(paragraph) : [];
    if (expected.join(' ') !== found.join(' ')) subparas.push({ op: key, expected, found });
  }

  const last = model.operative[model.operative.length - 1];
  const foundWords = last ? last.content.text.split(/\s+/).slice(0, 6).join(' ') : '';
  const lastOk = last !== undefined && squash(last.content.text).startsWith(squash(label.last_op_first_words));

  // Every labelled dated citation, in file order, with its date and a source range that holds it.
  const missing: string[] = [];
  let from = 0;
  let found = 0;
  for (const expected of label.citations) {
    const iso = labelIso(expected.date);
    const want = squash(expected.symbol);
    let hit = -1;
    for (let i = from; i < model.citations.length; i++) {
      const citation = model.citations[i];
      if (!citation.date || citation.date.iso !== iso) continue;
      if (squash(citation.symbol) !== want && squash(text.slice(citation.start, citation.end)) !== want) continue;
      hit = i;
      break;
    }
    if (hit < 0) missing.push(`${expected.symbol} of ${expected.date}`);
    else {
      found++;
      from = hit + 1;
    }
  }

  const result: LabelledResult = {
    file: label.file,
    form: label.form,
    pp: { expected: label.pp, found: model.preambular.length },
    op: { expected: label.op, found: model.operative.length },
    subparas,
    lastWords: { expected: label.last_op_first_words, found: foundWords, ok: lastOk },
    citations: { expected: label.citations.length, found, missing },
    exact: false,
  };
  result.exact = result.pp.expected === result.pp.found && result.op.expected === result.op.found && subparas.length === 0 && lastOk && missing.length === 0;
  return result;
}

/**
 * The knowledge the checks run with: the seeds and their manifest, and their agreed-language
 * index. Not the whole shipped corpus, which holds these very texts: the allowlist and open.json
 * were reviewed against the seeds, and the openings and agreed wordings the real corpus adds
 * would move them with every text shipped.
 */
export async function shippedContext(): Promise<CheckContext> {
  const { kb, agreed } = await loadKnowledge({ shippedDir: seedCorpusDir(), folders: [], catalogues: [] }, { agreed: true });
  return { kb, agreed, vocabulary: openingVocabulary(agreed) };
}

/** The corpus shipped with the extension, as a fresh install loads it (its copies of the real texts). */
export const shippedCorpusDir = path.resolve(__dirname, '..', '..', '..', 'corpus');

/**
 * The knowledge a user has out of the box: the whole shipped corpus (its 700 texts and the
 * catalogues) and its index. What it adds to the seeds' knowledge is what the citation checks
 * compare with: the date of every resolution the texts and catalogues know.
 */
export async function wholeCorpusContext(): Promise<CheckContext> {
  const { kb, agreed } = await loadKnowledge({ shippedDir: shippedCorpusDir, folders: [], catalogues: [] }, { agreed: true });
  return { kb, agreed, vocabulary: openingVocabulary(agreed) };
}

/**
 * A real text as the shipped corpus holds it (a byte-identical copy of test/fixtures/real), under
 * the corpus's own URI: so that the text is not taken for another document confirming itself.
 */
export function parseShipped(folder: 'texts' | 'bulk', file: string): ParsedDocument {
  const text = readFileSync(path.join(shippedCorpusDir, folder, file), 'utf8');
  return ParsedDocument.parse({ uri: pathToFileURL(path.join(shippedCorpusDir, folder, file)).toString(), version: 1, getText: () => text });
}

export function evaluateAdopted(file: string, document: ParsedDocument, context: CheckContext): AdoptedResult {
  const diagnostics: Diagnostic[] = runChecks(document, context);
  const problems: AdoptedResult['problems'] = [];
  for (const diagnostic of diagnostics) {
    const severity = diagnostic.severity ?? DiagnosticSeverity.Error;
    if (severity !== DiagnosticSeverity.Error && severity !== DiagnosticSeverity.Warning) continue;
    problems.push({
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      code: String(diagnostic.code),
      message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
      severity: severity === DiagnosticSeverity.Error ? 'error' : 'warning',
    });
  }
  return { file, problems };
}

export interface AllowedProblem {
  file: string;
  code: string;
  line: number;
  reason: string;
  /** "whole corpus": a problem only the shipped corpus's knowledge finds (a date it holds). */
  context?: 'whole corpus';
}

export function readAllowlist(): AllowedProblem[] {
  return JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fidelity', 'allowlist.json'), 'utf8')) as AllowedProblem[];
}

export function isAllowed(allowlist: AllowedProblem[], file: string, problem: { code: string; line: number }): boolean {
  return allowlist.some((a) => a.file === file && a.code === problem.code && a.line === problem.line);
}

/** Errors and warnings outside the allowlist, by file and then by code. */
export function unexpectedCounts(results: AdoptedResult[], allowlist: AllowedProblem[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const result of results) {
    for (const problem of result.problems) {
      if (isAllowed(allowlist, result.file, problem)) continue;
      const byCode = counts.get(result.file) ?? new Map<string, number>();
      byCode.set(problem.code, (byCode.get(problem.code) ?? 0) + 1);
      counts.set(result.file, byCode);
    }
  }
  return counts;
}

/** Adopted resolutions among the labelled texts (drafts are L documents). */
export function isAdopted(label: Label): boolean {
  return label.symbol !== null && /^A\/RES\//.test(label.symbol);
}

/** Hand counts of an official PDF (test/fixtures/real/pdf/counts.json). */
export interface PdfCounts {
  symbol: string;
  pages: number;
  pp: number;
  op: number;
}

export function readPdfCounts(): Record<string, PdfCounts> {
  return (JSON.parse(readFileSync(path.join(realDir, 'pdf', 'counts.json'), 'utf8')) as { files: Record<string, PdfCounts> }).files;
}

/** An official PDF read through the table of document formats, as the corpus and the editor read it, and parsed. */
export async function parsePdf(file: string): Promise<{ document: ParsedDocument; pages: number; ms: number }> {
  const full = path.join(realDir, 'pdf', file);
  const start = process.hrtime.bigint();
  const read = await readDocumentBytes(documentFormatOf(file)!, readFileSync(full));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!read.ok) throw new Error(`${file}: ${read.problem}`);
  const text = read.text;
  return { document: ParsedDocument.parse({ uri: pathToFileURL(full).toString(), version: 1, getText: () => text }), pages: read.pages ?? 0, ms };
}

/** The shape the parser reads: paragraphs, footnotes and dated citations. */
export interface Shape {
  pp: number;
  op: number;
  footnotes: number;
  citations: number;
}

export interface PdfParity {
  file: string;
  symbol: string;
  pages: number;
  /** Reading the PDF, parsing apart. */
  ms: number;
  hand: { pp: number; op: number };
  pdf: Shape;
  /** Its PyMuPDF text form (bulk/NAME.pymupdf.txt). */
  text: Shape;
}

function shapeOf(document: ParsedDocument): Shape {
  const model = document.model;
  return { pp: model.preambular.length, op: model.operative.length, footnotes: model.footnotes.length, citations: model.citations.filter((c) => c.date).length };
}

/** Parity of a PDF read by the reader with its hand counts and with its text form. */
export async function evaluatePdf(file: string, counts: PdfCounts): Promise<{ parity: PdfParity; document: ParsedDocument }> {
  const { document, pages, ms } = await parsePdf(file);
  const text = parseReal('bulk', file.replace(/\.pdf$/, '.pymupdf.txt'));
  return { parity: { file, symbol: counts.symbol, pages, ms, hand: { pp: counts.pp, op: counts.op }, pdf: shapeOf(document), text: shapeOf(text) }, document };
}
