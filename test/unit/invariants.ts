// Invariants that must hold for ANY input text, whatever the parser made of it: every source
// span of the model lies inside the text, clean-text runs map back into it, and every LSP
// result addresses positions that exist in the document as LSP counts them (UTF-16 code units,
// lines broken at \r\n, \n and \r). Each checker returns a list of problems (empty when the
// invariant holds) so that tests can assert, report and shrink failing inputs.
import type {
  CodeAction, Command, CompletionItem, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, LocationLink,
  Position, Range, SemanticTokens, SemanticTokensLegend, TextEdit,
} from 'vscode-languageserver-types';
import type { ResolutionDocument } from '../../server/src/parser/model';

export interface Problem {
  /** Stable category, e.g. "span.outside": used to keep a shrunk input failing the same way. */
  code: string;
  message: string;
  /** What the problem is about when a result holds many kinds of item: a diagnostic's or an action's code. */
  subject?: string;
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
  walk(model, '', (node, path) => {
    if (Array.isArray(node)) return node.map((item, i) => [item, `[${i}]`]);
    const record = node as Record<string, unknown>;
    if (typeof record.start === 'number' || typeof record.end === 'number') problems.push(...checkSpan(record, text.length, path()));
    if (typeof record.ownEnd === 'number' && typeof record.start === 'number' && typeof record.end === 'number') {
      if (!Number.isInteger(record.ownEnd) || record.ownEnd < record.start || record.ownEnd > record.end) {
        problems.push({ code: 'span.ownEnd', message: `${path()}: ownEnd ${record.ownEnd} outside [${record.start}, ${record.end}]` });
      }
    }
    if (typeof record.text === 'string' && Array.isArray(record.runs)) {
      problems.push(...checkCleanText(record as { text: string; runs: unknown[] }, text, path()));
    }
    return Object.entries(record).filter(([key]) => key !== 'text' && key !== 'runs').map(([key, value]) => [value, `.${key}`]);
  });
  return problems;
}

/**
 * Visits every object under `root` once, parents before children in document order, without
 * recursion: sub-paragraphs nested a thousand deep must not overflow the checker's own stack.
 * `visit` returns the children with the step that leads to each ("[3]", ".operative"); the path is
 * built only when a problem asks for it.
 */
function walk(root: unknown, rootPath: string, visit: (node: object, path: () => string) => [unknown, string][]): void {
  interface Entry { node: unknown; step: string; parent?: Entry }
  const pathOf = (entry: Entry): string => {
    const steps: string[] = [];
    for (let e: Entry | undefined = entry; e; e = e.parent) steps.push(e.step);
    const path = steps.reverse().join('').replace(/^\./, '');
    return path.length > 300 ? `…${path.slice(-300)}` : path;
  };
  const seen = new Set<object>();
  const stack: Entry[] = [{ node: root, step: rootPath }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { node } = entry;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const children = visit(node, () => pathOf(entry));
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i][0], step: children[i][1], parent: entry });
  }
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
  // Iterative for the same reason as walk(): an outline can be as deep as the labels.
  const stack: { symbol: DocumentSymbol; path: string; parent?: DocumentSymbol }[] = symbols.map((symbol, i) => ({ symbol, path: `symbols[${i}]` })).reverse();
  while (stack.length > 0) {
    const { symbol, path, parent } = stack.pop()!;
    const where = `${path.length > 200 ? `…${path.slice(-200)}` : path} "${symbol.name}"`;
    if (typeof symbol.name !== 'string' || symbol.name.length === 0) problems.push({ code: 'symbol.name', message: `${where}: empty name (VS Code rejects it)` });
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
    const children = symbol.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ symbol: children[i], path: `${path}.children[${i}]`, parent: symbol });
  }
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

// ---- ranges against the text: surrogate pairs and CRLF ---------------------------------------
//
// An LSP position is counted in UTF-16 code units, so nothing in the protocol stops a server from
// addressing the middle of a surrogate pair (an editor then draws half an emoji, or refuses the
// edit) or, through a character one past the line's length, the middle of a CRLF. The checkers
// below take the text along with its lines to catch both, and every other range rule of the
// requests the fuzzer makes (test/fuzz/engine.ts).

/** Lines and text together: what a range is checked against. */
export interface LspText {
  text: string;
  lines: LspLines;
}

export function lspText(text: string): LspText {
  return { text, lines: lspLines(text) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A position one past a line that ends in CRLF: between its \r and \n. */
function splitsCrlf(position: Position, doc: LspText): boolean {
  const { lines, text } = doc;
  if (!position || !isIndex(position.line) || position.line >= lines.lengths.length) return false;
  const at = lines.starts[position.line] + lines.lengths[position.line];
  return position.character === lines.lengths[position.line] + 1 && text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10;
}

/** checkPosition, and the position does not split a surrogate pair or a CRLF. */
export function checkPositionIn(position: Position, doc: LspText, where: string): Problem[] {
  if (splitsCrlf(position, doc)) return [{ code: 'position.splitsCrlf', message: `${where}: ${show(position)} lies between the \\r and \\n of a CRLF` }];
  const problems = checkPosition(position, doc.lines, where);
  if (problems.length > 0) return problems;
  const at = doc.lines.starts[position.line] + position.character;
  if (isHigh(doc.text.charCodeAt(at - 1)) && isLow(doc.text.charCodeAt(at))) {
    return [{ code: 'position.splitsSurrogatePair', message: `${where}: ${show(position)} lies inside the surrogate pair ${show(doc.text.slice(at - 1, at + 1))}` }];
  }
  return [];
}

/** checkRange, and neither end splits a surrogate pair or a CRLF. */
export function checkRangeIn(range: Range, doc: LspText, where: string): Problem[] {
  if (!range) return [{ code: 'range.missing', message: `${where}: missing range` }];
  const problems = [...checkPositionIn(range.start, doc, `${where}.start`), ...checkPositionIn(range.end, doc, `${where}.end`)];
  if (problems.length === 0 && comparePositions(range.start, range.end) > 0) {
    problems.push({ code: 'range.reversed', message: `${where}: start ${show(range.start)} after end ${show(range.end)}` });
  }
  return problems;
}

/** The position a server must read a request's position as: LSP clamps a character past the line's end to it. */
export function effectivePosition(position: Position, lines: LspLines): Position | undefined {
  if (position.line >= lines.lengths.length) return undefined;
  return { line: position.line, character: Math.min(position.character, lines.lengths[position.line]) };
}

function rangeHolds(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/**
 * Two edits overlap when they share a character, or when an insertion falls strictly inside a
 * replaced range; insertions at the same place, or edits that only touch, do not.
 */
export function editsOverlap(a: Range, b: Range): boolean {
  const aEmpty = comparePositions(a.start, a.end) === 0;
  const bEmpty = comparePositions(b.start, b.end) === 0;
  if (aEmpty && bEmpty) return false;
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

/** The surrogate-pair and CRLF rules for every range and position in a result (its other rules checked elsewhere). */
export function checkSplitsDeep(result: unknown, doc: LspText, where: string): Problem[] {
  const problems: Problem[] = [];
  const isPosition = (value: object): value is Position => typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
  walk(result, where, (node, path) => {
    if (isPosition(node)) {
      problems.push(...checkPositionIn(node, doc, path()).filter((p) => p.code === 'position.splitsSurrogatePair' || p.code === 'position.splitsCrlf'));
      return [];
    }
    return Array.isArray(node) ? node.map((item, i) => [item, `[${i}]`]) : Object.entries(node).map(([key, value]) => [value, `.${key}`]);
  });
  return problems;
}

export function checkSemanticTokenSplits(result: SemanticTokens, doc: LspText): Problem[] {
  const problems: Problem[] = [];
  decodeSemanticTokens(result.data).tokens.forEach((token, i) => {
    if (token.line >= doc.lines.lengths.length) return;
    const where = `token ${i} ${show(token)}`;
    problems.push(...checkPositionIn({ line: token.line, character: token.character }, doc, `${where}.start`).filter((p) => p.code === 'position.splitsSurrogatePair'));
    problems.push(...checkPositionIn({ line: token.line, character: token.character + token.length }, doc, `${where}.end`).filter((p) => p.code === 'position.splitsSurrogatePair'));
  });
  return problems;
}

// ---- request results -----------------------------------------------------------------------

/** Text of another document a result points into (a corpus text), or undefined when unknown. */
export type TextOf = (uri: string) => LspText | undefined;

const SEVERITIES = new Set([1, 2, 3, 4]);

export function checkDiagnostics(diagnostics: Diagnostic[], doc: LspText, textOf: TextOf): Problem[] {
  const problems: Problem[] = [];
  diagnostics.forEach((diagnostic, i) => {
    const subject = String(diagnostic.code ?? 'no code');
    const where = `diagnostics[${i}] ${subject}`;
    const add = (list: Problem[]) => problems.push(...list.map((p) => ({ ...p, subject })));
    add(checkRangeIn(diagnostic.range, doc, `${where}.range`));
    if (typeof diagnostic.message !== 'string' || diagnostic.message.trim() === '') add([{ code: 'diagnostic.message', message: `${where}: empty message` }]);
    if (diagnostic.severity !== undefined && !SEVERITIES.has(diagnostic.severity)) add([{ code: 'diagnostic.severity', message: `${where}: severity ${diagnostic.severity}` }]);
    (diagnostic.relatedInformation ?? []).forEach((info, k) => {
      const target = textOf(info.location.uri);
      if (!target) add([{ code: 'diagnostic.relatedUri', message: `${where}.relatedInformation[${k}]: unknown document ${info.location.uri}` }]);
      else add(checkRangeIn(info.location.range, target, `${where}.relatedInformation[${k}] in ${info.location.uri}`));
    });
  });
  return problems;
}

/**
 * The rules VS Code enforces on completion edits: a single line, on the cursor's line, holding
 * the cursor; an insert range that is a prefix of its replace range; additional edits that do
 * not overlap the main edit nor each other.
 */
export function checkCompletions(items: CompletionItem[] | CompletionList | null | undefined, position: Position, doc: LspText): Problem[] {
  if (!items) return [];
  const list = Array.isArray(items) ? items : items.items;
  const cursor = effectivePosition(position, doc.lines);
  const problems: Problem[] = [];
  list.forEach((item, i) => {
    const where = `completion[${i}] ${show(item.label)} at ${show(position)}`;
    if (typeof item.label !== 'string' || item.label.length === 0) problems.push({ code: 'completion.label', message: `${where}: empty label` });
    const edit = item.textEdit;
    const ranges: [string, Range][] = !edit ? [] : 'range' in edit ? [['textEdit.range', edit.range]] : [['textEdit.insert', edit.insert], ['textEdit.replace', edit.replace]];
    for (const [name, range] of ranges) {
      const rangeProblems = checkRangeIn(range, doc, `${where}.${name}`);
      problems.push(...rangeProblems);
      if (!range || !range.start || !range.end) continue;
      if (range.start.line !== range.end.line) problems.push({ code: 'completion.multiline', message: `${where}.${name}: ${show(range)} spans lines` });
      else if (cursor && range.start.line !== cursor.line) problems.push({ code: 'completion.otherLine', message: `${where}.${name}: ${show(range)} is not on the cursor's line ${cursor.line}` });
      else if (cursor && rangeProblems.length === 0 && !rangeHolds(range, cursor)) {
        problems.push({ code: 'completion.notAtCursor', message: `${where}.${name}: ${show(range)} does not hold the cursor ${show(cursor)}` });
      }
    }
    if (edit && 'insert' in edit && edit.insert && edit.replace) {
      if (comparePositions(edit.insert.start, edit.replace.start) !== 0 || comparePositions(edit.insert.end, edit.replace.end) > 0) {
        problems.push({ code: 'completion.insertNotPrefix', message: `${where}: insert ${show(edit.insert)} is not a prefix of replace ${show(edit.replace)}` });
      }
    }
    const additional = item.additionalTextEdits ?? [];
    additional.forEach((extra, k) => {
      const at = `${where}.additionalTextEdits[${k}]`;
      const extraProblems = checkRangeIn(extra.range, doc, at);
      problems.push(...extraProblems);
      if (extraProblems.length > 0) return;
      for (const [name, range] of ranges) {
        if (range && editsOverlap(range, extra.range)) problems.push({ code: 'completion.additionalOverlaps', message: `${at}: ${show(extra.range)} overlaps the ${name} ${show(range)}` });
      }
      for (let j = 0; j < k; j++) {
        if (editsOverlap(additional[j].range, extra.range)) problems.push({ code: 'completion.additionalOverlaps', message: `${at}: ${show(extra.range)} overlaps additionalTextEdits[${j}] ${show(additional[j].range)}` });
      }
    });
  });
  return problems;
}

/** Each action edits this document only, its edits lie inside it and do not overlap each other. */
export function checkCodeActions(actions: (CodeAction | Command)[], uri: string, doc: LspText): Problem[] {
  const problems: Problem[] = [];
  actions.forEach((action, i) => {
    const subject = typeof action.command === 'string' ? 'command' : String((action as CodeAction).diagnostics?.[0]?.code ?? (action as CodeAction).kind ?? 'no code');
    const where = `actions[${i}] ${show(action.title)}`;
    const add = (list: Problem[]) => problems.push(...list.map((p) => ({ ...p, subject })));
    if (typeof action.title !== 'string' || action.title.trim() === '') add([{ code: 'action.title', message: `${where}: empty title` }]);
    const edit = (action as CodeAction).edit;
    if (!edit) return;
    const edits: TextEdit[] = [];
    for (const [target, list] of Object.entries(edit.changes ?? {})) {
      if (target !== uri) add([{ code: 'action.otherDocument', message: `${where}: edits ${target}` }]);
      else edits.push(...list);
    }
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...change.edits.filter((e): e is TextEdit => 'range' in e));
      else add([{ code: 'action.otherDocument', message: `${where}: a document change outside ${uri}` }]);
    }
    const valid: TextEdit[] = [];
    edits.forEach((e, k) => {
      const list = checkRangeIn(e.range, doc, `${where}.edits[${k}]`);
      if (typeof e.newText !== 'string') list.push({ code: 'action.newText', message: `${where}.edits[${k}]: newText ${show(e.newText)}` });
      add(list);
      if (list.length === 0) valid.push(e);
    });
    const sorted = [...valid].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
    for (let k = 1; k < sorted.length; k++) {
      if (editsOverlap(sorted[k - 1].range, sorted[k].range)) {
        add([{ code: 'action.overlap', message: `${where}: edit ${show(sorted[k].range)} overlaps edit ${show(sorted[k - 1].range)}` }]);
      }
    }
  });
  return problems;
}

export function checkHover(hover: Hover | null | undefined, position: Position, doc: LspText): Problem[] {
  if (!hover) return [];
  const where = `hover at ${show(position)}`;
  const problems: Problem[] = [];
  const contents = hover.contents;
  const value = typeof contents === 'string' ? contents : Array.isArray(contents) ? contents.map((c) => (typeof c === 'string' ? c : c.value)).join('') : contents.value;
  if (typeof value !== 'string' || value.trim() === '') problems.push({ code: 'hover.empty', message: `${where}: empty contents` });
  if (hover.range) {
    const rangeProblems = checkRangeIn(hover.range, doc, `${where}.range`);
    problems.push(...rangeProblems);
    const cursor = effectivePosition(position, doc.lines);
    if (rangeProblems.length === 0 && cursor && !rangeHolds(hover.range, cursor)) {
      problems.push({ code: 'hover.notAtCursor', message: `${where}: range ${show(hover.range)} does not hold the cursor ${show(cursor)}` });
    }
  }
  return problems;
}

/** Definition results: targets inside their documents, selection inside the target, origin at the cursor. */
export function checkLocationLinks(links: LocationLink[] | null | undefined, position: Position, doc: LspText, textOf: TextOf): Problem[] {
  if (!links) return [];
  const problems: Problem[] = [];
  const cursor = effectivePosition(position, doc.lines);
  links.forEach((link, i) => {
    const where = `definition[${i}] at ${show(position)} -> ${link.targetUri}`;
    const target = textOf(link.targetUri);
    if (!target) problems.push({ code: 'location.unknownUri', message: `${where}: unknown document` });
    else {
      const a = checkRangeIn(link.targetRange, target, `${where}.targetRange`);
      const b = checkRangeIn(link.targetSelectionRange, target, `${where}.targetSelectionRange`);
      problems.push(...a, ...b);
      if (a.length === 0 && b.length === 0 && !rangeContains(link.targetRange, link.targetSelectionRange)) {
        problems.push({ code: 'location.selection', message: `${where}: targetSelectionRange ${show(link.targetSelectionRange)} not inside targetRange ${show(link.targetRange)}` });
      }
    }
    if (link.originSelectionRange) {
      const origin = checkRangeIn(link.originSelectionRange, doc, `${where}.originSelectionRange`);
      problems.push(...origin);
      if (origin.length === 0 && cursor && !rangeHolds(link.originSelectionRange, cursor)) {
        problems.push({ code: 'location.originNotAtCursor', message: `${where}: originSelectionRange ${show(link.originSelectionRange)} does not hold the cursor ${show(cursor)}` });
      }
    }
  });
  return problems;
}

export function checkLocations(locations: Location[] | null | undefined, textOf: TextOf, where: string): Problem[] {
  if (!locations) return [];
  const problems: Problem[] = [];
  locations.forEach((location, i) => {
    const target = textOf(location.uri);
    if (!target) problems.push({ code: 'location.unknownUri', message: `${where}[${i}]: unknown document ${location.uri}` });
    else problems.push(...checkRangeIn(location.range, target, `${where}[${i}] in ${location.uri}`));
  });
  return problems;
}

export function checkDocumentLinks(links: DocumentLink[], doc: LspText): Problem[] {
  const problems: Problem[] = [];
  links.forEach((link, i) => {
    const where = `documentLinks[${i}] ${show(link.target)}`;
    problems.push(...checkRangeIn(link.range, doc, `${where}.range`));
    if (link.target !== undefined) {
      try {
        new URL(link.target);
      } catch {
        problems.push({ code: 'documentLink.target', message: `${where}: target is not a URL` });
      }
    }
  });
  return problems;
}
