// User catalogues of resolutions: CSV (comma, semicolon or tab separated, RFC 4180 quoting),
// JSON Lines, a JSON array of objects, or MARCXML (marcxml.ts), read into normalised rows. Pure: text in, rows and
// problems out; it never throws and runs in linear time.
//
// Problems name the row (or line) and the column (or key) by position and by the field it
// fills ("row 10: column 3 (date) is not a real date"), never by what the file holds: a
// setting may name any file, and a message goes to a log and a pop-up.
//
// Columns (CSV headers and JSON keys alike) are matched case-insensitively, ignoring spaces,
// "_", ".", "-" and other punctuation, then ignoring a bracketed part ("Symbol (UNDL)"):
//
//   symbol        Symbol, Resolution, UNDL symbol, Document symbol, Symbol (UNDL), Doc symbol, Resolution symbol,
//                 Decision (its values say "decision 79/512", or a Type column says decision)
//   title         Title, Main title, Title statement, Name
//   date (plain)  Date, Issue date, Date of issue, Publication date
//   date (adoption) Adoption date, Date adopted, Date of adoption, Adopted, Vote date, Action date
//   adopted as    Adopted as
//   adopted as date  Adopted as date
//   session       Session (73, "73rd", "73rd session", "seventy-third", "Seventy-third session")
//   file          File, Path, Text file, File path
//   type          Type, Document type, Doc type (a value naming "decision", not "resolution", reads a bare
//                 "72/512" as a decision)
//
// Which date goes where: on a resolution or decision row, `date` is the adoption date (the
// adoption-named column when it has a value, else the plain date column). On a document row
// (a draft, a report), `date` is the issue date (plain date column only), and `adoptionDate`
// is the adoption date of the resolution it became (the "adopted as date" column, else the
// adoption-named column), so that a catalogue of drafts with `date`, `adopted_as` and
// `adoption_date` reads as it means.
//
// Dates: 2018-12-22 (also with a time: 2018-12-22T00:00:00Z; also 2018/12/22), 20181222,
// 22 December 2018, 22 Dec. 2018, December 22, 2018, 22-Dec-2018, Saturday, 22 December 2018,
// 22/12/2018 (also 22.12.2018, 22-12-2018: day first; month first only when the day-first reading is
// impossible, as in 12/22/2018). Normalised to yyyy-mm-dd (years 1900-2199); an impossible date is a problem.
//
// Symbols as the UN Digital Library writes them (see symbols.ts): "A/RES/181(II)[A]" is 181 A (II).
// A row that records a vote on less than a resolution or a part (a paragraph, a rule of procedure,
// a section, an annex: "A/RES/63(I)[PARA.1]") is not skipped but read as a row of the resolution
// or part it belongs to: such votes are taken at the meeting that adopts it, and 63 (I) has no
// other row to give its date (the library records votes, and 63 (I) was voted on paragraph by
// paragraph). Its title and date are kept only where they are the resolution's (see keepFacts).
import type { CitationKind } from '../parser/model';
import { MONTHS, parseOrdinalWord } from '../parser/vocabulary';
import { isUnnumberedResolution, normalizeSymbol, sectionReading, type SymbolKey, type SymbolPortion } from './symbols';
import { looksLikeXml, marcCells, marcXmlSteps } from './marcxml';
import type { Catalogue, CatalogueRow, CorpusProblem } from './types';

/** Problems reported per file before the rest are summed up in one "and N more". */
export const MAX_PROBLEMS_PER_FILE = 50;

type Role = 'symbol' | 'title' | 'date' | 'adoption' | 'adoptedAsDate' | 'session' | 'adoptedAs' | 'file' | 'type';

/** The column names each field is read from, best first (also the names shown to the user). */
export const CATALOGUE_COLUMNS: Readonly<Record<Role, readonly string[]>> = {
  symbol: ['Symbol', 'Resolution', 'UNDL symbol', 'Document symbol', 'Symbol (UNDL)', 'Doc symbol', 'Resolution symbol', 'Decision'],
  title: ['Title', 'Main title', 'Title statement', 'Name'],
  date: ['Date', 'Issue date', 'Date of issue', 'Publication date'],
  adoption: ['Adoption date', 'Date adopted', 'Date of adoption', 'Adopted', 'Vote date', 'Action date'],
  adoptedAsDate: ['Adopted as date'],
  session: ['Session'],
  adoptedAs: ['Adopted as'],
  file: ['File', 'Path', 'Text file', 'File path'],
  type: ['Type', 'Document type', 'Doc type'],
};

const ROLES = Object.keys(CATALOGUE_COLUMNS) as Role[];

/** What each role fills, as messages name it. */
const FIELD_NAMES: Record<Role, string> = {
  symbol: 'symbol',
  title: 'title',
  date: 'date',
  adoption: 'date',
  adoptedAsDate: 'adoption date',
  session: 'session',
  adoptedAs: 'adopted as',
  file: 'file',
  type: 'type',
};

/** Normalised column name -> role and rank (lower is better). */
const ALIASES = new Map<string, { role: Role; rank: number }>();
for (const role of ROLES) CATALOGUE_COLUMNS[role].forEach((name, rank) => ALIASES.set(columnKey(name), { role, rank }));

function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Roles of names seen lately (JSON repeats its keys on every line). */
const roleCache = new Map<string, { role: Role; rank: number } | undefined>();

function roleOf(name: string): { role: Role; rank: number } | undefined {
  if (name.length > 200) return undefined;
  if (roleCache.has(name)) return roleCache.get(name);
  const found = ALIASES.get(columnKey(name)) ?? ALIASES.get(columnKey(name.replace(/\([^()]*\)|\[[^[\]]*\]/g, '')));
  if (roleCache.size >= 1000) roleCache.clear();
  roleCache.set(name, found);
  return found;
}

/** The best column for each role: role -> index into `names`. */
function mapColumns(names: readonly string[]): Map<Role, number> {
  const best = new Map<Role, { index: number; rank: number }>();
  names.forEach((name, index) => {
    const found = roleOf(name);
    if (!found) return;
    const current = best.get(found.role);
    if (!current || found.rank < current.rank) best.set(found.role, { index, rank: found.rank });
  });
  return new Map([...best].map(([role, { index }]) => [role, index]));
}

// ---- entry point ----------------------------------------------------------------------------

type Format = 'csv' | 'tsv' | 'jsonl' | 'json' | 'xml' | undefined;

/** Reads a user catalogue. Never throws: whatever cannot be read becomes a problem. */
export function parseCatalogue(text: string, uri: string): Catalogue {
  const steps = catalogueSteps(text, uri);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseCatalogue in slices: `pause` (a Pacer's pace) is awaited between rows, so that a
 * catalogue of thousands of rows never holds the server's one thread for long. The same rows
 * and problems as parseCatalogue; rejects only when `pause` does (a load stopped).
 */
export async function parseCatalogueInSlices(text: string, uri: string, pause: () => Promise<void>): Promise<Catalogue> {
  const steps = catalogueSteps(text, uri);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The reading of a catalogue, yielding after each row or record (and every few rows of a pass over them all). */
function* catalogueSteps(text: string, uri: string): Generator<void, Catalogue> {
  const name = typeof uri === 'string' ? uri : String(uri ?? '');
  const problems = new Problems(name);
  const rows: CatalogueRow[] = [];
  try {
    let source = typeof text === 'string' ? text : String(text ?? '');
    if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
    const format = formatOf(name);
    const first = source.search(/\S/);
    if (first < 0) {
      problems.add(undefined, 'the catalogue is empty');
    } else if (format === 'xml' || looksLikeXml(source, first)) {
      yield* readMarcXmlCatalogue(source, rows, problems);
    } else if (format === 'json' || format === 'jsonl' || (format === undefined && (source[first] === '[' || source[first] === '{'))) {
      yield* readJson(source, first, format, rows, problems);
    } else if (source[first] === '{' && firstLineIsJsonObject(source, first)) {
      yield* readJsonLines(source, rows, problems);
    } else {
      yield* readCsvCatalogue(source, format === 'tsv' ? [TAB, COMMA, SEMICOLON] : [COMMA, SEMICOLON, TAB], rows, problems);
    }
    yield* foldPortions(rows);
  } catch (error) {
    // Not the error's message, which may quote the text.
    problems.add(undefined, `could not read the rest of this catalogue (an internal error${error instanceof Error ? `, ${error.name}` : ''}); ${rows.length} rows read before it`);
  }
  return { uri: name, rows, problems: problems.done(), problemCount: problems.count };
}

function formatOf(uri: string): Format {
  const path = uri.replace(/[?#].*$/s, '').toLowerCase();
  const dot = path.lastIndexOf('.');
  if (dot < 0 || path.indexOf('/', dot) >= 0) return undefined;
  switch (path.slice(dot + 1)) {
    case 'csv':
      return 'csv';
    case 'tsv':
    case 'tab':
      return 'tsv';
    case 'jsonl':
    case 'ndjson':
      return 'jsonl';
    case 'json':
      return 'json';
    case 'xml':
      return 'xml';
    default:
      return undefined;
  }
}

function firstLineIsJsonObject(text: string, first: number): boolean {
  let end = first;
  while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
  try {
    const value: unknown = JSON.parse(text.slice(first, end));
    return isObject(value);
  } catch {
    return false;
  }
}

// ---- problems -------------------------------------------------------------------------------

/**
 * The problems of one file: the first MAX_PROBLEMS_PER_FILE in file order (file-wide problems
 * first), then one "and N more". Memory stays bounded however broken the file: problems that
 * cannot be among the first are only counted.
 */
class Problems {
  private list: { problem: CorpusProblem; key: number; seq: number }[] = [];
  private seq = 0;
  private dropped = 0;
  /** Once compacted: the largest key kept; a later problem at or after it cannot make the cut. */
  private threshold = Infinity;
  constructor(private readonly uri: string) {}

  add(line: number | undefined, message: string): void {
    const key = line ?? 0;
    if (key >= this.threshold) {
      this.dropped++;
      return;
    }
    this.list.push({ problem: line === undefined ? { uri: this.uri, message } : { uri: this.uri, line, message }, key, seq: this.seq++ });
    if (this.list.length > 4 * MAX_PROBLEMS_PER_FILE) this.compact();
  }

  private compact(): void {
    this.list.sort((a, b) => a.key - b.key || a.seq - b.seq);
    if (this.list.length <= MAX_PROBLEMS_PER_FILE) return;
    this.dropped += this.list.length - MAX_PROBLEMS_PER_FILE;
    this.list.length = MAX_PROBLEMS_PER_FILE;
    this.threshold = this.list[MAX_PROBLEMS_PER_FILE - 1].key;
  }

  get count(): number {
    return this.list.length + this.dropped;
  }

  done(): CorpusProblem[] {
    this.compact();
    const kept = this.list.map(({ problem }) => problem);
    const more = this.dropped;
    if (more > 0) kept.push({ uri: this.uri, message: `and ${more} more problem${more === 1 ? '' : 's'} in this file` });
    return kept;
  }
}

function andList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function orList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

// ---- rows (shared by CSV and JSON) ----------------------------------------------------------

interface Cell {
  value: string;
  /** Where it came from, as messages name it: "column 3 (date)", "the date key". */
  at: string;
}

type Cells = Partial<Record<Role, Cell>>;

/** How a format names its units in messages. */
interface Wording {
  /** "row 14" (a CSV row, numbered by its first line) or "line 7" (JSON). */
  unit: 'row' | 'line';
}

const CSV_WORDING: Wording = { unit: 'row' };
const JSON_WORDING: Wording = { unit: 'line' };

type Read<T> = { value: T } | { error: string } | undefined;

function readSymbolCell(cell: Cell | undefined, typeCell: Cell | undefined): Read<SymbolKey> {
  if (!cell || !cell.value.trim()) return undefined;
  const hint: CitationKind | undefined = typeCell && /decision/i.test(typeCell.value) && !/resolution/i.test(typeCell.value) ? 'decision' : undefined;
  const symbol = readSymbol(cell.value, hint);
  if (symbol) return { value: symbol };
  return { error: isUnnumberedResolution(cell.value) ? 'is a resolution symbol without a number yet' : 'is not a resolution or document symbol' };
}

/** A symbol as a catalogue writes it, also "resolution 73/266", "decision 72/512" and "decision 71/555.". */
function readSymbol(raw: string, hint?: CitationKind): SymbolKey | undefined {
  let text = raw.trim().replace(/(?<=[\dA-Za-z])\.$/, '');
  if (text.length > 120) return undefined;
  const word = /^(resolution|decision)\s+/i.exec(text);
  if (word) {
    if (word[1].toLowerCase() === 'decision') hint = 'decision';
    text = text.slice(word[0].length);
  }
  return normalizeSymbol(text, hint);
}

function readDateCell(cell: Cell | undefined): Read<string> {
  if (!cell || !cell.value.trim()) return undefined;
  const date = parseDateValue(cell.value);
  if ('iso' in date) return { value: date.iso };
  if (date.error === 'none') return undefined;
  return { error: date.error === 'impossible' ? 'is not a real date' : 'is not a date (write 2018-12-22 or 22 December 2018)' };
}

function readSessionCell(cell: Cell | undefined): Read<number> {
  if (!cell || !cell.value.trim()) return undefined;
  const session = parseSessionValue(cell.value);
  if (typeof session === 'number') return { value: session };
  if (session === 'special') return undefined;
  return { error: 'is not a session number' };
}

function readAdoptedAsCell(cell: Cell | undefined): Read<string> {
  if (!cell || !cell.value.trim()) return undefined;
  const symbol = readSymbol(cell.value);
  return symbol && symbol.kind !== 'document' ? { value: symbol.key } : { error: 'is not a resolution or decision symbol' };
}

/** The cell when it has a value. */
function filledCell(cell: Cell | undefined): Cell | undefined {
  return cell && cell.value.trim() ? cell : undefined;
}

/** Values of "Adopted" that say whether, not when. */
const YES_NO = /^(?:y|n|yes|no|true|false|adopted|not adopted|-|—)$/i;

/**
 * The cells a row's fields come from. `date` and `adoptionDate` depend on the row's kind, see
 * the comment at the top of the file.
 */
function dateCells(cells: Cells, kind: CitationKind): { date?: Cell; adoptionDate?: Cell } {
  const plain = filledCell(cells.date);
  const adoption = filledCell(cells.adoption);
  const adopted = adoption && !YES_NO.test(adoption.value.trim()) ? adoption : undefined;
  if (kind === 'document') return { date: plain, adoptionDate: filledCell(cells.adoptedAsDate) ?? adopted };
  return { date: adopted ?? plain };
}

/** How well a row reads: 0 when every recognised field reads, more for each that does not. */
function badness(cells: Cells): number {
  const symbol = readSymbolCell(cells.symbol, cells.type);
  if (!symbol || 'error' in symbol) return 100;
  const { date, adoptionDate } = dateCells(cells, symbol.value.kind);
  let bad = 0;
  for (const read of [readDateCell(date), readDateCell(adoptionDate), readSessionCell(cells.session), readAdoptedAsCell(cells.adoptedAs)]) {
    if (read && 'error' in read) bad++;
  }
  return bad;
}

/** How many recognised fields have a value. */
function filled(cells: Cells): number {
  let count = 0;
  for (const role of ROLES) if (cells[role]?.value.trim()) count++;
  return count;
}

/** One row, or undefined (with a problem) when it has no readable symbol. */
function readRow(cells: Cells, line: number, wording: Wording, problems: Problems): CatalogueRow | undefined {
  const symbol = readSymbolCell(cells.symbol, cells.type);
  if (!symbol || 'error' in symbol) {
    const where = `${wording.unit} ${line}`;
    const cell = cells.symbol;
    if (!cell) problems.add(line, `${where}: no symbol; ${wording.unit} skipped`);
    else if (!symbol) problems.add(line, `${where}: no symbol in ${cell.at}; ${wording.unit} skipped`);
    else problems.add(line, `${where}: ${cell.at} ${symbol.error}; ${wording.unit} skipped`);
    return undefined;
  }
  const row: CatalogueRow = { symbol: symbol.value.key, kind: symbol.value.kind, line };
  if (symbol.value.portion || sectionReading(symbol.value)) symbolsRead.set(row, symbol.value);
  const leftOut = (cell: Cell, error: string, what: string) =>
    problems.add(line, `${wording.unit} ${line}: ${cell.at} ${error}; ${what} left out`);

  const title = cells.title && cleanTitle(cells.title.value);
  if (title) row.title = title;
  const { date, adoptionDate } = dateCells(cells, row.kind);
  const dateRead = readDateCell(date);
  if (dateRead && 'error' in dateRead) leftOut(date!, dateRead.error, 'date');
  else if (dateRead) row.date = dateRead.value;
  const session = readSessionCell(cells.session);
  if (session && 'error' in session) leftOut(cells.session!, session.error, 'session');
  else if (session) row.session = session.value;
  const adoptedAs = readAdoptedAsCell(cells.adoptedAs);
  if (adoptedAs && 'error' in adoptedAs) leftOut(cells.adoptedAs!, adoptedAs.error, 'adopted as');
  else if (adoptedAs) row.adoptedAs = adoptedAs.value;
  const adoptionRead = readDateCell(adoptionDate);
  if (adoptionRead && 'error' in adoptionRead) leftOut(adoptionDate!, adoptionRead.error, 'adoption date');
  else if (adoptionRead) row.adoptionDate = adoptionRead.value;
  const file = cells.file?.value.trim();
  if (file) row.file = file.replace(/\\/g, '/');
  return row;
}

/** A MARCXML export (marcxml.ts): each record a row, named by the line it starts on. */
function* readMarcXmlCatalogue(text: string, rows: CatalogueRow[], problems: Problems): Generator<void, void> {
  const read = yield* marcXmlSteps(text);
  for (const problem of read.problems) problems.add(problem.line, problem.message);
  for (const record of read.records) {
    const row = readRow(marcCells(record), record.line, JSON_WORDING, problems);
    if (row) rows.push(row);
    yield;
  }
}

// ---- votes on a portion of a resolution -----------------------------------------------------

/** Rows a pass over them all (foldPortions) reads between two yields. */
const PASS_SLICE = 256;

/** The symbol of each row foldPortions may change, as read; rows are discarded with the catalogue. */
const symbolsRead = new WeakMap<CatalogueRow, SymbolKey>();

interface PortionRow {
  row: CatalogueRow;
  portion: SymbolPortion;
}

/**
 * Rows that record a vote on less than a resolution or a part, filed under that resolution or
 * part, with what only the whole catalogue tells:
 *
 * - A final I, V or X is a part letter ("A/RES/55/33[X]", part X of 55/33) unless the catalogue
 *   lists other sections of the same resolution ("A/RES/41/209[V]" beside "[III]" and "[IX]").
 * - Which facts of the portions are the resolution's: see keepFacts.
 */
function* foldPortions(rows: CatalogueRow[]): Generator<void, void> {
  const portions: PortionRow[] = [];
  const sectioned = new Set<string>();
  const letters: { row: CatalogueRow; reading: SymbolKey }[] = [];
  let count = 0;
  for (const row of rows) {
    if (++count % PASS_SLICE === 0) yield;
    const symbol = symbolsRead.get(row);
    if (!symbol) continue;
    symbolsRead.delete(row);
    if (symbol.portion) {
      portions.push({ row, portion: symbol.portion });
      if (symbol.portion.kind === 'section') sectioned.add(symbol.key);
      continue;
    }
    const reading = sectionReading(symbol);
    if (reading) letters.push({ row, reading });
  }
  for (const { row, reading } of letters) {
    if (!sectioned.has(reading.key)) continue;
    row.symbol = reading.key;
    portions.push({ row, portion: reading.portion! });
  }
  if (portions.length === 0) return;
  const byKey = new Map<string, { own: CatalogueRow[]; portions: PortionRow[] }>();
  for (const portion of portions) {
    const group = byKey.get(portion.row.symbol);
    if (group) group.portions.push(portion);
    else byKey.set(portion.row.symbol, { own: [], portions: [portion] });
  }
  const inPortion = new Set(portions.map(({ row }) => row));
  for (const row of rows) {
    if (++count % PASS_SLICE === 0) yield;
    if (!inPortion.has(row)) byKey.get(row.symbol)?.own.push(row);
  }
  for (const group of byKey.values()) {
    keepFacts(group.own, group.portions);
    yield;
  }
}

/**
 * The title and date of a resolution (or part) from the votes on its portions, when the
 * resolution has no row of its own that gives them:
 *
 * - A title is the resolution's when the library names the portion in brackets after it
 *   ("Approval of Trusteeship Agreements [New Guinea]"), when the portion is a paragraph, rule or
 *   annex, or when two sections or more all have the same title; otherwise each section has its
 *   own heading ("Pitcairn", "Loan to United Nations Industrial Development Organization"), no
 *   title of the resolution. Different titles left: none is kept.
 * - A date is the resolution's when every portion was voted on that day (votes on the rules that
 *   17 (I) amends took two meetings: which adopted it the catalogue does not say).
 */
function keepFacts(own: CatalogueRow[], portions: PortionRow[]): void {
  const titles = new Map<CatalogueRow, string>();
  if (!own.some((row) => row.title)) {
    const sections: PortionRow[] = [];
    for (const portion of portions) {
      const title = portion.row.title;
      if (!title) continue;
      const named = /^(.+?) \[[^[\]]+\]$/.exec(title);
      if (named) titles.set(portion.row, named[1]);
      else if (portion.portion.kind === 'section') sections.push(portion);
      else titles.set(portion.row, title);
    }
    if (sections.length > 1 && sections.every(({ row }) => row.title === sections[0].row.title)) {
      for (const { row } of sections) titles.set(row, row.title!);
    }
    if (new Set(titles.values()).size > 1) titles.clear();
  }
  const dates = new Set(portions.map(({ row }) => row.date));
  const keepDates = !own.some((row) => row.date) && dates.size === 1;
  for (const { row } of portions) {
    const title = titles.get(row);
    if (title) row.title = title;
    else delete row.title;
    if (!keepDates) delete row.date;
  }
}

/**
 * A title on one line, without the library cataloguer's punctuation and statement of
 * responsibility, so that it compares with the title in the text: UN Digital Library records
 * write "Title :" and "Title : resolution / adopted by the General Assembly".
 */
function cleanTitle(text: string): string {
  return oneLine(text)
    .replace(/ ?\/ ?adopted by the (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)\b.*$/i, '')
    .replace(/ ?: ?(?:draft )?(?:resolutions?|decisions?)$/i, '')
    .replace(/ ?[:;/=]$/, '');
}

/** Text on one line: line breaks and runs of spaces become one space. */
function oneLine(text: string): string {
  const trimmed = text.trim();
  const messy = trimmed.includes('  ') || trimmed.includes('\n') || trimmed.includes('\r') || trimmed.includes('\t') || trimmed.includes('\u00a0');
  return messy ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

// ---- dates and sessions ---------------------------------------------------------------------

/**
 * A date as catalogues write it, normalised to yyyy-mm-dd. `impossible` when it has the shape
 * of a date but no such day exists (2018-02-30), `unreadable` when it is no date at all,
 * `none` for a placeholder ("n/a", "-").
 */
export function parseDateValue(raw: string): { iso: string } | { error: 'impossible' | 'unreadable' | 'none' } {
  const text = raw.trim();
  if (/^(?:n\/?a|none|null|unknown|-+|—|–|\?)$/i.test(text)) return { error: 'none' };
  if (text.length > 60) return { error: 'unreadable' };
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/s.exec(text);
  if (match) return ymd(+match[1], +match[2], +match[3]);
  match = /^(\d{4})(\d{2})(\d{2})(?:\s*[,;].*)?$/s.exec(text);
  if (match) return ymd(+match[1], +match[2], +match[3]);
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T\s].*)?$/s.exec(text);
  if (match) {
    const [day, month, year] = [+match[1], +match[2], +match[3]];
    // Day first, as the UN writes dates; month first only when day first cannot be meant.
    return month > 12 && day <= 12 ? ymd(year, day, month) : ymd(year, month, day);
  }
  if (!/^[A-Za-z0-9\s.,/-]+$/.test(text)) return { error: 'unreadable' };
  const tokens = (text.match(/[A-Za-z]+|\d+/g) ?? []).filter((t, i, all) => {
    const lower = t.toLowerCase();
    if (WEEKDAYS.has(lower) || lower === 'of' || lower === 'the') return false;
    // "22nd December": the suffix of a day number.
    return !(/^(?:st|nd|rd|th)$/.test(lower) && i > 0 && /^\d/.test(all[i - 1]));
  });
  if (tokens.length !== 3) return { error: 'unreadable' };
  const [a, b, c] = tokens;
  if (!/^\d{4}$/.test(c)) return { error: 'unreadable' };
  let day: string, month: number | undefined;
  if (/^\d{1,2}$/.test(a)) [day, month] = [a, monthOf(b)];
  else if (/^\d{1,2}$/.test(b)) [day, month] = [b, monthOf(a)];
  else return { error: 'unreadable' };
  if (month === undefined) return { error: 'unreadable' };
  return ymd(+c, month, +day);
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']);

/** "December", "Dec", "Sept" -> 1-based month; undefined otherwise. */
function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3) return undefined;
  const at = MONTHS.findIndex((name) => name.toLowerCase().startsWith(lower));
  return at < 0 ? undefined : at + 1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function ymd(year: number, month: number, day: number): { iso: string } | { error: 'impossible' } {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return { error: 'impossible' };
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)) return { error: 'impossible' };
  return { iso: `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` };
}

const ordinals = new Map<string, number | undefined>();

/**
 * A General Assembly session: 73, "73rd", "73rd session", "seventy-third", "Seventy-third
 * session", "session 73", "73rd session of the General Assembly". `special` for emergency special and special sessions ("ES-10"),
 * which have no regular session number; undefined when unreadable.
 */
export function parseSessionValue(raw: string): number | 'special' | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text.length > 60) return undefined;
  if (/^(?:es|s)-? ?\d|emergency|special/.test(text)) return 'special';
  const bare = text
    .replace(/^session /, '')
    .replace(/ of the general assembly$/, '')
    .replace(/,? ?(?:regular )?(?:session|sess\.?)$/, '');
  let n: number | undefined;
  const match = /^(\d{1,3})(?:\.0+|st|nd|rd|th)?$/.exec(bare);
  if (match) n = Number(match[1]);
  else if (/^[a-z -]+$/.test(bare)) {
    if (!ordinals.has(bare)) {
      if (ordinals.size > 1000) ordinals.clear();
      ordinals.set(bare, parseOrdinalWord(bare));
    }
    n = ordinals.get(bare);
  }
  return n !== undefined && n >= 1 && n < 200 ? n : undefined;
}

// ---- CSV ------------------------------------------------------------------------------------

const QUOTE = 34;
const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;
const LF = 10;
const CR = 13;

interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** Index of a field whose opening quote is never closed (read as an ordinary character). */
  unclosed?: number;
}

/**
 * RFC 4180 records: quoted fields with delimiters, doubled quotes and line breaks; CRLF, LF or
 * CR. Lenient: text after a closing quote is kept; a quote never closed (or one whose closing
 * quote is followed by text after a line break, a sign of a stray quote) is read as an ordinary
 * character, and from then on quoted fields may no longer span lines, so that the file is read
 * at most twice whatever it holds. Each record is yielded as soon as it is read (so that it can
 * die young).
 */
function* csvRecords(text: string, delimiter: number): Generator<CsvRecord, void> {
  const n = text.length;
  // The scan jumps from one special character to the next with indexOf.
  const nextQuote = finder(text, '"');
  const nextLF = finder(text, '\n');
  const nextCR = finder(text, '\r');
  const nextDelimiter = finder(text, String.fromCharCode(delimiter));
  const nextBreak = (from: number) => Math.min(nextLF(from), nextCR(from));
  const fieldEnd = (from: number) => Math.min(nextDelimiter(from), nextLF(from), nextCR(from));
  let i = 0;
  let line = 1;
  let multiline = true;
  while (i < n) {
    const record: CsvRecord = { fields: [], line };
    for (;;) {
      let value: string | undefined;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let segment = j;
        let out = '';
        let lines = 0;
        let closed = false;
        for (;;) {
          const quote = nextQuote(j);
          let lineBreak = nextBreak(j);
          while (lineBreak < quote && multiline) {
            lines++;
            lineBreak = nextBreak(text.charCodeAt(lineBreak) === CR && text.charCodeAt(lineBreak + 1) === LF ? lineBreak + 2 : lineBreak + 1);
          }
          if (lineBreak < quote || quote >= n) break;
          if (text.charCodeAt(quote + 1) === QUOTE) {
            out += text.slice(segment, quote + 1);
            j = quote + 2;
            segment = j;
            continue;
          }
          out += text.slice(segment, quote);
          j = quote + 1;
          closed = true;
          break;
        }
        if (closed) {
          const end = fieldEnd(j);
          if (end > j && lines > 0) {
            closed = false;
          } else {
            value = end > j ? out + text.slice(j, end) : out;
            line += lines;
            i = end;
          }
        }
        if (!closed) {
          multiline = false;
          record.unclosed ??= record.fields.length;
        }
      }
      if (value === undefined) {
        const end = fieldEnd(i);
        value = text.slice(i, end);
        i = end;
      }
      record.fields.push(value);
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c === delimiter) {
        i++;
        continue;
      }
      if (c === CR) {
        i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
      } else if (c === LF) {
        i++;
        line++;
      }
      break;
    }
    yield record;
  }
}

/**
 * The position of the next `char` at or after `from` (text.length when none), remembered while
 * `from` moves forward, so that a scan costs one indexOf per occurrence.
 */
function finder(text: string, char: string): (from: number) => number {
  let last = -1;
  let at = -1;
  return (from) => {
    if (from < last || at < from) {
      const found = text.indexOf(char, from);
      at = found < 0 ? text.length : found;
    }
    last = from;
    return at;
  };
}

function isBlank(record: CsvRecord): boolean {
  return record.fields.every((field) => field.trim() === '');
}

const HEADER_SEARCH = 10;

/**
 * The delimiter: the first of `preferred` that splits one of the first lines into a header with
 * a symbol column; failing that, the one found most often in the first non-blank line.
 */
function chooseDelimiter(text: string, preferred: number[]): number {
  const lines: string[] = [];
  for (let i = 0, start = 0; i <= text.length && lines.length < HEADER_SEARCH; i++) {
    const c = i < text.length ? text.charCodeAt(i) : LF;
    if (c !== LF && c !== CR) continue;
    const line = text.slice(start, i);
    if (line.trim()) lines.push(line.length > 10_000 ? line.slice(0, 10_000) : line);
    start = i + 1;
  }
  for (const line of lines) {
    for (const delimiter of preferred) {
      const names = line.split(String.fromCharCode(delimiter)).map((name) => name.trim().replace(/^"|"$/g, ''));
      if (mapColumns(names).has('symbol')) return delimiter;
    }
  }
  if (lines.length === 0) return preferred[0];
  const counts = preferred.map((delimiter) => {
    let count = 0;
    let quoted = false;
    for (let i = 0; i < lines[0].length; i++) {
      const c = lines[0].charCodeAt(i);
      if (c === QUOTE) quoted = !quoted;
      else if (c === delimiter && !quoted) count++;
    }
    return count;
  });
  let best = 0;
  counts.forEach((count, at) => {
    if (count > counts[best]) best = at;
  });
  return preferred[best];
}

function delimiterName(delimiter: number): string {
  return delimiter === TAB ? 'tab' : `"${String.fromCharCode(delimiter)}"`;
}

function* readCsvCatalogue(text: string, preferred: number[], rows: CatalogueRow[], problems: Problems): Generator<void, void> {
  const delimiter = chooseDelimiter(text, preferred);
  // Until the header is found: the first non-blank records. Then each record is read as it comes.
  // The header is the first record with a symbol column, after lines with fewer fields at most
  // (an export's title lines), never after a row as wide as itself (data, not a header).
  const before: CsvRecord[] = [];
  let widest = 0;
  let readRecord: ((record: CsvRecord) => void) | undefined;
  for (const record of csvRecords(text, delimiter)) {
    yield;
    if (readRecord) {
      readRecord(record);
      continue;
    }
    if (isBlank(record)) continue;
    before.push(record);
    if (record.fields.length > widest && mapColumns(record.fields).has('symbol')) readRecord = rowReader(record, delimiter, rows, problems);
    else if (before.length >= HEADER_SEARCH) break;
    widest = Math.max(widest, record.fields.length);
  }
  if (readRecord) return;
  if (before.length === 0) {
    problems.add(undefined, 'the catalogue is empty');
    return;
  }
  const count = before[0].fields.length;
  problems.add(
    before[0].line,
    `no symbol column: the header (row ${before[0].line}) has ${count === 1 ? '1 column, not' : `${count} columns, none`} named ` +
      `${orList(CATALOGUE_COLUMNS.symbol)} (any case; spaces, "_", "." and "-" do not matter); no rows read`,
  );
}

/** Reads the records after `header` into rows. */
function rowReader(header: CsvRecord, delimiter: number, rows: CatalogueRow[], problems: Problems): (record: CsvRecord) => void {
  const names = header.fields.map((name) => name.trim());
  const columns = mapColumns(names);
  const width = names.length;
  const titleAt = columns.get('title');
  const mapped = [...columns];
  const roleAt = new Map(mapped.map(([role, index]) => [index, role]));
  /** "column 3 (date)": the position and the field, not the name the header gives it. */
  const label = (index: number) => {
    const role = roleAt.get(index);
    return role ? `column ${index + 1} (${FIELD_NAMES[role]})` : `column ${index + 1}`;
  };
  const cellsOf = (fields: string[]): Cells => {
    const cells: Cells = {};
    for (const [role, index] of mapped) if (index < fields.length) cells[role] = { value: fields[index], at: label(index) };
    return cells;
  };

  return (record) => {
    if (isBlank(record)) return;
    // The header again, as when exports are pasted one after another.
    if (record.fields.length === width && record.fields[0].trim() === names[0] && record.fields.every((field, at) => field.trim() === names[at])) return;
    const where = `row ${record.line}`;
    let fields = record.fields;
    const length = fields.length;

    if (record.unclosed !== undefined) {
      const column = record.unclosed < width ? ` in ${label(record.unclosed)}` : '';
      problems.add(record.line, `${where}: a quote${column} is never closed; read as an ordinary character`);
    }
    if (length < width) {
      const symbolAt = columns.get('symbol')!;
      if (symbolAt >= length) {
        problems.add(record.line, `${where}: only ${length} of ${width} columns, without ${label(symbolAt)}; row skipped`);
        return;
      }
      const missing = [...columns.values()].filter((index) => index >= length).sort((a, b) => a - b);
      if (missing.length) problems.add(record.line, `${where}: only ${length} of ${width} columns; ${andList(missing.map(label))} left out`);
    } else if (length > width) {
      // Spreadsheets pad rows with empty fields; hand-made files leave commas unquoted in titles.
      const extra = length - width;
      const extrasEmpty = fields.slice(width).every((field) => field.trim() === '');
      const asIs = cellsOf(fields);
      const asIsBad = badness(asIs);
      let merged: string[] | undefined;
      if (titleAt !== undefined && !(extrasEmpty && asIsBad === 0)) {
        const candidate = [...fields.slice(0, titleAt), fields.slice(titleAt, titleAt + extra + 1).join(String.fromCharCode(delimiter)), ...fields.slice(titleAt + extra + 1)];
        const cells = cellsOf(candidate);
        const bad = badness(cells);
        // Never a reading that empties a field the plain reading filled.
        if (filled(cells) >= filled(asIs) && (bad < asIsBad || (bad === asIsBad && !extrasEmpty))) merged = candidate;
      }
      if (merged) {
        fields = merged;
        problems.add(record.line, `${where}: ${length} fields where the header has ${width}; read the unquoted ${delimiterName(delimiter)} in ${label(titleAt!)} as part of the title`);
      } else if (!extrasEmpty) {
        problems.add(record.line, `${where}: ${length} fields where the header has ${width}; the last ${extra === 1 ? 'one' : extra} left out`);
      }
    }
    const row = readRow(cellsOf(fields), record.line, CSV_WORDING, problems);
    if (row) rows.push(row);
  };
}

// ---- JSON -----------------------------------------------------------------------------------

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array';
  if (value === null) return 'null';
  return `a JSON ${typeof value}`;
}

/** A JSON value as cell text: strings and numbers (also a one-element array of them). */
function cellText(value: unknown): string | undefined {
  if (Array.isArray(value) && value.length === 1) value = value[0];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

interface PendingObject {
  object: Record<string, unknown>;
  line: number;
}

/** JSON Lines, a JSON array of objects, or one object. */
function* readJson(text: string, first: number, format: Format, rows: CatalogueRow[], problems: Problems): Generator<void, void> {
  if (text[first] === '[') {
    yield* readJsonArray(text, first, rows, problems);
    return;
  }
  if (format === 'json') {
    // One object over several lines, or JSON Lines under a .json name.
    try {
      const value: unknown = JSON.parse(text);
      if (isObject(value)) {
        yield* readObjects([{ object: value, line: lineAt(text, first) }], rows, problems);
        return;
      }
    } catch {
      // JSON Lines, below.
    }
  }
  yield* readJsonLines(text, rows, problems);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
  }
  return line;
}

function* readJsonLines(text: string, rows: CatalogueRow[], problems: Problems): Generator<void, void> {
  const objects: PendingObject[] = [];
  let line = 1;
  for (let start = 0, i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : LF;
    if (c !== LF && c !== CR) continue;
    const content = text.slice(start, i);
    if (content.trim()) {
      const object = parseJsonObject(content, line, problems);
      if (object) objects.push({ object, line });
      yield;
    }
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    start = i + 1;
    line++;
  }
  yield* readObjects(objects, rows, problems);
}

function parseJsonObject(content: string, line: number, problems: Problems): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    problems.add(line, `line ${line}: not valid JSON; line skipped`);
    return undefined;
  }
  if (!isObject(value)) {
    problems.add(line, `line ${line}: ${describe(value)}, not an object with a symbol; line skipped`);
    return undefined;
  }
  return value;
}

/**
 * The elements of a top-level JSON array with the line each starts on, found by a scan that
 * tracks strings and nesting, so that one broken element costs only itself.
 */
function* readJsonArray(text: string, first: number, rows: CatalogueRow[], problems: Problems): Generator<void, void> {
  const objects: PendingObject[] = [];
  const n = text.length;
  let line = lineAt(text, first);
  let i = first + 1;
  let ended = false;
  const lineBreak = (at: number) => {
    const c = text.charCodeAt(at);
    return c === LF || (c === CR && text.charCodeAt(at + 1) !== LF);
  };
  while (i < n && !ended) {
    // Between elements.
    const c = text.charCodeAt(i);
    if (c === 0x5d /* ] */) {
      ended = true;
      i++;
      break;
    }
    if (c === COMMA || c === 0x20 || c === TAB || c === LF || c === CR) {
      if (lineBreak(i)) line++;
      i++;
      continue;
    }
    // One element, to the comma or bracket that ends it at depth 0.
    const start = i;
    const startLine = line;
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (lineBreak(i)) line++;
      if (inString) {
        if (d === 0x5c /* \ */) {
          i++;
          if (i < n && lineBreak(i)) line++;
        } else if (d === 0x22) inString = false;
        continue;
      }
      if (d === 0x22) inString = true;
      else if (d === 0x7b /* { */ || d === 0x5b /* [ */) depth++;
      else if (d === 0x7d /* } */ || d === 0x5d /* ] */) {
        if (depth > 0) depth--;
        else if (d === 0x5d) break;
      } else if (d === COMMA && depth === 0) break;
    }
    const object = parseJsonObject(text.slice(start, i), startLine, problems);
    if (object) objects.push({ object, line: startLine });
    yield;
  }
  if (!ended) problems.add(line, `line ${line}: the JSON array is never closed with "]"`);
  else if (text.slice(i).trim()) {
    const at = i + text.slice(i).search(/\S/);
    const after = lineAt(text, at);
    problems.add(after, `line ${after}: text after the end of the JSON array is ignored`);
  }
  yield* readObjects(objects, rows, problems);
}

function* readObjects(objects: PendingObject[], rows: CatalogueRow[], problems: Problems): Generator<void, void> {
  let anySymbolKey = false;
  for (let i = 0; i < objects.length && !anySymbolKey; i++) {
    if ((i + 1) % PASS_SLICE === 0) yield;
    anySymbolKey = Object.keys(objects[i].object).some((key) => roleOf(key)?.role === 'symbol');
  }
  if (objects.length > 0 && !anySymbolKey) {
    const keys = new Set<string>();
    for (let i = 0; i < objects.length; i++) {
      if ((i + 1) % PASS_SLICE === 0) yield;
      for (const key of Object.keys(objects[i].object)) keys.add(key);
    }
    const count = keys.size;
    problems.add(
      objects[0].line,
      `no symbol key: the objects have ${count === 1 ? '1 key, not' : `${count} keys, none`} named ` +
        `${orList(CATALOGUE_COLUMNS.symbol)} (any case; spaces, "_", "." and "-" do not matter); no rows read`,
    );
    return;
  }
  for (const { object, line } of objects) {
    yield;
    const keys = Object.keys(object);
    const columns = mapColumns(keys);
    if (!columns.has('symbol')) {
      problems.add(line, `line ${line}: the object has no symbol key; line skipped`);
      continue;
    }
    const cells: Cells = {};
    let unusable = false;
    for (const [role, index] of columns) {
      const key = keys[index];
      const value = object[key];
      const text = cellText(value);
      const at = `the ${FIELD_NAMES[role]} key`;
      if (text !== undefined) cells[role] = { value: text, at };
      else if (value === null || value === false) {
        if (role === 'symbol') cells.symbol = { value: '', at };
      } else {
        problems.add(line, `line ${line}: ${at} holds ${describe(value)}, not text; ${role === 'symbol' ? 'line skipped' : `${FIELD_NAMES[role]} left out`}`);
        if (role === 'symbol') unusable = true;
      }
    }
    if (unusable) continue;
    const row = readRow(cells, line, JSON_WORDING, problems);
    if (row) rows.push(row);
  }
}
