// Invariants that must hold for ANY input text, whatever the parser made of it: every source
// span of the model lies inside the text, clean-text runs map back into it, and every LSP
// result addresses positions that exist in the document as LSP counts them (UTF-16 code units,
// lines broken at \r\n, \n and \r). Each checker returns a list of problems (empty when the
// invariant holds) so that tests can assert, report and shrink failing inputs.
import type { DocumentSymbol, FoldingRange, InlayHint, Position, Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { ResolutionDocument } from '../../server/src/parser/model';

export interface Problem {
  /** Stable category, e.g. "span.outside": used to keep a shrunk input failing the same way. */
  code: string;
  message: string;
}

// ---- lines as LSP counts them --------------------------------------------------------------

export interface LspLines {
  /** Offset of the first character of each line. */
  starts: number[];
  /** Length of each line in UTF-16 code units, its line break excluded. */
  lengths: number[];
}

/** Independent of the server's LineIndex on purpose: \r\n, \n and \r each end a line. */
export function lspLines(text: string): LspLines {
  const starts = [0];
  const lengths: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lengths.push(i - start);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
    starts.push(start);
  }
  lengths.push(text.length - start);
  return { starts, lengths };
}

/** The range that covers the whole document, end at the end of its last line. */
export function wholeDocumentRange(lines: LspLines): Range {
  const last = lines.lengths.length - 1;
  return { start: { line: 0, character: 0 }, end: { line: last, character: lines.lengths[last] } };
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function checkPosition(position: Position, lines: LspLines, where: string): Problem[] {
  if (!position || !isIndex(position.line) || !isIndex(position.character)) {
    return [{ code: 'position.malformed', message: `${where}: malformed position ${show(position)}` }];
  }
  if (position.line >= lines.lengths.length) {
    return [{ code: 'position.line', message: `${where}: line ${position.line} >= line count ${lines.lengths.length}` }];
  }
  if (position.character > lines.lengths[position.line]) {
    return [{ code: 'position.character', message: `${where}: character ${position.character} > length ${lines.lengths[position.line]} of line ${position.line}` }];
  }
  return [];
}

export function checkRange(range: Range, lines: LspLines, where: string): Problem[] {
  if (!range) return [{ code: 'range.missing', message: `${where}: missing range` }];
  const problems = [...checkPosition(range.start, lines, `${where}.start`), ...checkPosition(range.end, lines, `${where}.end`)];
  if (problems.length === 0 && comparePositions(range.start, range.end) > 0) {
    problems.push({ code: 'range.reversed', message: `${where}: start ${show(range.start)} after end ${show(range.end)}` });
  }
  return problems;
}

function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

// ---- the document model --------------------------------------------------------------------

/**
 * Walks the whole model generically: every object with numeric `start` and `end` is a span and
 * must satisfy 0 <= start <= end <= text.length; every CleanText ({text, runs}) must map into the
 * source; `ownEnd` lies within its block.
 */
export function checkModel(model: ResolutionDocument, text: string): Problem[] {
  const problems: Problem[] = [];
  if (model.text !== text) problems.push({ code: 'model.text', message: 'model.text differs from the parsed text' });
  const seen = new Set<object>();
  const visit = (node: unknown, path: string) => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.start === 'number' || typeof record.end === 'number') problems.push(...checkSpan(record, text.length, path));
    if (typeof record.ownEnd === 'number' && typeof record.start === 'number' && typeof record.end === 'number') {
      if (!Number.isInteger(record.ownEnd) || record.ownEnd < record.start || record.ownEnd > record.end) {
        problems.push({ code: 'span.ownEnd', message: `${path}: ownEnd ${record.ownEnd} outside [${record.start}, ${record.end}]` });
      }
    }
    if (typeof record.text === 'string' && Array.isArray(record.runs)) {
      problems.push(...checkCleanText(record as { text: string; runs: unknown[] }, text, path));
    }
    for (const [key, value] of Object.entries(record)) {
      if (key === 'text' || key === 'runs') continue;
      visit(value, path ? `${path}.${key}` : key);
    }
  };
  visit(model, '');
  return problems;
}

export function checkSpan(span: { start?: unknown; end?: unknown }, textLength: number, where: string): Problem[] {
  const { start, end } = span;
  if (!isIndex(start) || !isIndex(end)) {
    return [{ code: 'span.malformed', message: `${where}: span start ${show(start)} end ${show(end)} are not offsets` }];
  }
  if (start > end) return [{ code: 'span.reversed', message: `${where}: start ${start} > end ${end}` }];
  if (end > textLength) return [{ code: 'span.outside', message: `${where}: end ${end} > text length ${textLength} (start ${start})` }];
  return [];
}

/**
 * runs = [cleanStart, sourceStart, length]*: each run lies inside the source and the clean text,
 * copies the source verbatim, and runs follow each other without overlapping.
 */
export function checkCleanText(clean: { text: string; runs: unknown[] }, source: string, where: string): Problem[] {
  const { runs } = clean;
  if (runs.length % 3 !== 0) return [{ code: 'clean.shape', message: `${where}.runs: length ${runs.length} is not a multiple of 3` }];
  const problems: Problem[] = [];
  let cleanCovered = 0;
  for (let i = 0; i < runs.length; i += 3) {
    const [cleanStart, sourceStart, length] = runs.slice(i, i + 3);
    const at = `${where}.runs[${i / 3}] = [${cleanStart}, ${sourceStart}, ${length}]`;
    if (!isIndex(cleanStart) || !isIndex(sourceStart) || !isIndex(length)) {
      problems.push({ code: 'clean.malformed', message: `${at}: not non-negative integers` });
      continue;
    }
    if (sourceStart + length > source.length) {
      problems.push({ code: 'clean.sourceOutside', message: `${at}: source end ${sourceStart + length} > text length ${source.length}` });
    } else if (cleanStart + length > clean.text.length) {
      problems.push({ code: 'clean.cleanOutside', message: `${at}: clean end ${cleanStart + length} > clean length ${clean.text.length}` });
    } else if (source.slice(sourceStart, sourceStart + length) !== clean.text.slice(cleanStart, cleanStart + length)) {
      problems.push({
        code: 'clean.notVerbatim',
        message: `${at}: source ${show(source.slice(sourceStart, sourceStart + length))} != clean ${show(clean.text.slice(cleanStart, cleanStart + length))}`,
      });
    }
    if (cleanStart < cleanCovered) problems.push({ code: 'clean.overlap', message: `${at}: starts before the end ${cleanCovered} of the previous run` });
    cleanCovered = cleanStart + length;
  }
  return problems;
}

// ---- LSP results ---------------------------------------------------------------------------

export function checkDocumentSymbols(symbols: DocumentSymbol[], lines: LspLines): Problem[] {
  const problems: Problem[] = [];
  const visit = (symbol: DocumentSymbol, path: string, parent: DocumentSymbol | undefined) => {
    const where = `${path} "${symbol.name}"`;
    if (typeof symbol.name !== 'string' || symbol.name.length === 0) problems.push({ code: 'symbol.name', message: `${path}: empty name (VS Code rejects it)` });
    if (!Number.isInteger(symbol.kind) || symbol.kind < 1 || symbol.kind > 26) problems.push({ code: 'symbol.kind', message: `${where}: kind ${symbol.kind}` });
    const rangeProblems = checkRange(symbol.range, lines, `${where}.range`);
    const selectionProblems = checkRange(symbol.selectionRange, lines, `${where}.selectionRange`);
    problems.push(...rangeProblems, ...selectionProblems);
    if (rangeProblems.length === 0 && selectionProblems.length === 0 && !rangeContains(symbol.range, symbol.selectionRange)) {
      problems.push({ code: 'symbol.selection', message: `${where}: selectionRange ${show(symbol.selectionRange)} not inside range ${show(symbol.range)}` });
    }
    if (parent && rangeProblems.length === 0 && !rangeContains(parent.range, symbol.range)) {
      problems.push({ code: 'symbol.child', message: `${where}: range ${show(symbol.range)} not inside parent "${parent.name}" ${show(parent.range)}` });
    }
    (symbol.children ?? []).forEach((child, i) => visit(child, `${path}.children[${i}]`, symbol));
  };
  symbols.forEach((symbol, i) => visit(symbol, `symbols[${i}]`, undefined));
  return problems;
}

const FOLDING_KINDS = new Set(['comment', 'imports', 'region']);

export function checkFoldingRanges(ranges: FoldingRange[], lines: LspLines): Problem[] {
  const problems: Problem[] = [];
  const lineCount = lines.lengths.length;
  ranges.forEach((range, i) => {
    const where = `folding[${i}] ${show(range)}`;
    if (!isIndex(range.startLine) || !isIndex(range.endLine)) problems.push({ code: 'folding.malformed', message: `${where}: lines are not indexes` });
    else if (range.startLine >= range.endLine) problems.push({ code: 'folding.order', message: `${where}: startLine >= endLine` });
    else if (range.endLine >= lineCount) problems.push({ code: 'folding.outside', message: `${where}: endLine >= line count ${lineCount}` });
    if (range.kind !== undefined && !FOLDING_KINDS.has(range.kind)) problems.push({ code: 'folding.kind', message: `${where}: unknown kind` });
  });
  return problems;
}

export function checkInlayHints(hints: InlayHint[], lines: LspLines, range?: Range): Problem[] {
  const problems: Problem[] = [];
  hints.forEach((hint, i) => {
    const where = `inlayHints[${i}]`;
    const positionProblems = checkPosition(hint.position, lines, `${where}.position`);
    problems.push(...positionProblems);
    if (range && positionProblems.length === 0 && (comparePositions(hint.position, range.start) < 0 || comparePositions(range.end, hint.position) < 0)) {
      problems.push({ code: 'inlay.outsideRequest', message: `${where}: position ${show(hint.position)} outside the requested range ${show(range)}` });
    }
    const label = typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
    if (label.length === 0) problems.push({ code: 'inlay.label', message: `${where}: empty label (VS Code rejects it)` });
  });
  return problems;
}

export interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: number;
  modifiers: number;
}

/** Decodes LSP's relative encoding (5 integers per token); reports what cannot be decoded. */
export function decodeSemanticTokens(data: number[]): { tokens: DecodedToken[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const tokens: DecodedToken[] = [];
  if (data.length % 5 !== 0) problems.push({ code: 'tokens.shape', message: `data length ${data.length} is not a multiple of 5` });
  let line = 0;
  let character = 0;
  for (let i = 0; i + 5 <= data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5);
    if (![deltaLine, deltaStart, length, type, modifiers].every(isIndex)) {
      problems.push({ code: 'tokens.malformed', message: `token ${i / 5}: ${show(data.slice(i, i + 5))} holds a negative or non-integer value` });
      break;
    }
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    tokens.push({ line, character, length, type, modifiers });
  }
  return { tokens, problems };
}

export function checkSemanticTokens(result: SemanticTokens, lines: LspLines, legend: SemanticTokensLegend): Problem[] {
  const { tokens, problems } = decodeSemanticTokens(result.data);
  let previous: DecodedToken | undefined;
  tokens.forEach((token, i) => {
    const where = `token ${i} ${show(token)}`;
    if (token.length <= 0) problems.push({ code: 'tokens.empty', message: `${where}: length 0` });
    if (token.line >= lines.lengths.length) problems.push({ code: 'tokens.line', message: `${where}: line >= line count ${lines.lengths.length}` });
    else if (token.character + token.length > lines.lengths[token.line]) {
      problems.push({ code: 'tokens.pastLineEnd', message: `${where}: ends at ${token.character + token.length} past the line's length ${lines.lengths[token.line]}` });
    }
    if (previous && previous.line === token.line && token.character < previous.character + previous.length) {
      problems.push({ code: 'tokens.overlap', message: `${where}: overlaps the previous token ${show(previous)}` });
    }
    if (token.type >= legend.tokenTypes.length) problems.push({ code: 'tokens.type', message: `${where}: type outside the legend` });
    if (token.modifiers >= 1 << legend.tokenModifiers.length) problems.push({ code: 'tokens.modifiers', message: `${where}: modifier bits outside the legend` });
    previous = token;
  });
  return problems;
}
