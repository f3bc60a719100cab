// Amendments as the United Nations writes them, printed and read back.
//
// Forms (imperative, as an amendment document issues them; past tense for an oral revision):
//   In the third preambular paragraph, replace the words “A” with the words “B”
//   In operative paragraph 2 (b), after the word “States”, insert the words “, in particular …,”
//   In operative paragraph 5, delete the words “…”
//   At the end of operative paragraph 4, add the words “…”                        (read only)
//   Insert a new operative paragraph after operative paragraph 5, reading:⏎“6. Requests …”
//   Insert two new subparagraphs after operative paragraph 2 (b), reading:⏎“(c) …;⏎(d) …;”
//   Replace the fourth preambular paragraph with the following:⏎“Recalling …,”
//   Delete operative paragraph 7
//   Delete operative paragraphs 3 to 5; Delete the third and fourth preambular paragraphs
//   In operative paragraph 5, the words “…” were deleted                          (oral)
//   A new operative paragraph was inserted after operative paragraph 5, reading: …   (oral)
// Paragraphs are named by their place in the text being amended: "the fourth preambular
// paragraph", "operative paragraph 2 (b) (ii)", "subparagraph (a) of the third preambular
// paragraph", "the second subparagraph of operative paragraph 3" (a sub-paragraph whose label
// the text lost), "operative paragraph 1.5" (decimal). Quotes are curly as the UN prints them;
// straight quotes typed by hand are read too.
//
// Reading (`parseAmendments`) takes an amendment document as issued: lines before the first
// instruction (symbol, distribution, sponsors, "Amendments to draft resolution A/…") are its
// header; page furniture is skipped; an instruction may be numbered ("1. In operative …") and
// hard-wrapped over several lines; a line starts a new instruction only outside quotes, or when it
// is numbered and follows a blank line (quoted words may open a quotation they do not close).
import { cardinalWord, ordinalWord, parseCardinalWord, parseOrdinalWord } from './ordinals';

/** One step below a paragraph: a sub-paragraph by label ("b", "ii", "1.5"), or by position when it has none. */
export type SubStep = { label: string } | { ordinal: number };

/** A paragraph or sub-paragraph named by its place in the text being amended. */
export interface Target {
  part: 'preambular' | 'operative';
  /** PP: its position (1-based); OP: its number. */
  paragraph: number;
  subs: SubStep[];
}

export type InsertKind = 'preambular' | 'operative' | 'subparagraph' | 'paragraph';

export type Instruction =
  | { kind: 'replaceWords'; target: Target; old: string; new: string }
  | { kind: 'deleteWords'; target: Target; old: string }
  | { kind: 'insertWords'; target: Target; where: 'after' | 'before' | 'end'; anchor: string; new: string }
  | { kind: 'deleteParagraph'; target: Target }
  /** Two or more paragraphs of one part, without sub-paragraph steps, in the order of the text. */
  | { kind: 'deleteParagraphs'; targets: Target[] }
  | { kind: 'replaceParagraph'; target: Target; text: string }
  /** New paragraphs, one line each as they stand in the amended text ("6. Requests …", "(a) …"). */
  | { kind: 'insertParagraphs'; what: InsertKind; count: number; where: 'after' | 'before' | 'end' | 'start'; anchor?: Target; lines: string[] };

/** 1-based line and column of the amendment text. */
export interface Place {
  line: number;
  column: number;
}

export interface ReadInstruction {
  instruction: Instruction;
  /** Where the instruction starts. */
  at: Place;
  /** Where its quoted words (old or anchor) start, for messages about them. */
  quoted?: Place;
  /** Where the paragraph name starts. */
  named?: Place;
}

export interface AmendmentProblem extends Place {
  message: string;
}

// ---- names ---------------------------------------------------------------------------------------

const isDecimal = (step: SubStep) => 'label' in step && step.label.includes('.');

/** "operative paragraph 2 (b)", "the third preambular paragraph", "subparagraph (a) of the third preambular paragraph". */
export function targetName(target: Target): string {
  const last = target.subs[target.subs.length - 1];
  if (last && 'ordinal' in last) return `the ${ordinalWord(last.ordinal)} subparagraph of ${targetName({ ...target, subs: target.subs.slice(0, -1) })}`;
  const labels = target.subs.map((s) => ('label' in s ? s.label : ''));
  if (target.part === 'operative') {
    if (last && isDecimal(last)) return `operative paragraph ${labels[labels.length - 1]}`;
    return `operative paragraph ${target.paragraph}${labels.map((l) => ` (${l})`).join('')}`;
  }
  const paragraph = `the ${ordinalWord(target.paragraph)} preambular paragraph`;
  return labels.length ? `subparagraph ${labels.map((l) => `(${l})`).join(' ')} of ${paragraph}` : paragraph;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Paragraphs of one part named together: "operative paragraphs 3 to 5" (three or more that follow
 * each other), "operative paragraphs 3 and 4", "the third, fifth and sixth preambular paragraphs".
 */
export function targetsName(targets: Target[]): string {
  const numbers = targets.map((t) => t.paragraph);
  const run = numbers.length > 2 && numbers.every((n, k) => k === 0 || n === numbers[k - 1] + 1);
  const list = (names: string[]) => (run ? `${names[0]} to ${names[names.length - 1]}` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
  return targets[0].part === 'operative' ? `operative paragraphs ${list(numbers.map(String))}` : `the ${list(numbers.map(ordinalWord))} preambular paragraphs`;
}

/** Reads paragraphs named together; undefined when the text names none so. */
export function parseTargets(text: string): Target[] | undefined {
  const name = text.trim().replace(/\s+/g, ' ');
  const operative = /^operative paragraphs (\d{1,4}(?:(?:, | to | and )\d{1,4})+)$/i.exec(name);
  const preambular = operative ? null : /^the ([a-z]+(?:-[a-z]+)?(?:(?:, | to | and )[a-z]+(?:-[a-z]+)?)+) preambular paragraphs$/i.exec(name);
  const listed = operative?.[1] ?? preambular?.[1];
  if (listed === undefined) return undefined;
  const part: Target['part'] = operative ? 'operative' : 'preambular';
  const value = (word: string) => (operative ? Number(word) : parseOrdinalWord(word));
  const range = / to /.exec(listed);
  let numbers: (number | undefined)[];
  if (range) {
    const [first, last] = [value(listed.slice(0, range.index)), value(listed.slice(range.index + 4))];
    // A range names its two ends alone; at most the paragraphs a text can hold.
    if (first === undefined || last === undefined || /,| and /.test(listed) || last <= first || last - first > 999) return undefined;
    numbers = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  } else numbers = listed.split(/, | and /).map(value);
  if (numbers.some((n) => n === undefined || n < 1)) return undefined;
  return (numbers as number[]).map((paragraph) => ({ part, paragraph, subs: [] }));
}

/** Reads a paragraph name; undefined when it names none. */
export function parseTarget(text: string): Target | undefined {
  const name = text.trim().replace(/\s+/g, ' ');
  let match = /^the ([a-z]+(?:[- ][a-z]+)*) subparagraph of (.+)$/i.exec(name);
  if (match) {
    const ordinal = parseOrdinalWord(match[1]);
    const parent = parseTarget(match[2]);
    return ordinal && parent ? { ...parent, subs: [...parent.subs, { ordinal }] } : undefined;
  }
  match = /^(?:sub-?paragraph ((?:\([a-z]{1,5}\) ?)+) of )?the ([a-z]+(?:[- ][a-z]+)*) preambular paragraph$/i.exec(name);
  if (match) {
    const paragraph = parseOrdinalWord(match[2]);
    if (!paragraph) return undefined;
    return { part: 'preambular', paragraph, subs: labelsOf(match[1] ?? '') };
  }
  match = /^operative paragraph (\d{1,4})((?: ?\([a-z]{1,5}\))*)$/i.exec(name);
  if (match) return { part: 'operative', paragraph: Number(match[1]), subs: labelsOf(match[2]) };
  match = /^operative paragraph (\d{1,4})\.(\d{1,3}(?:\.\d{1,3})*)$/i.exec(name);
  if (match) return { part: 'operative', paragraph: Number(match[1]), subs: [{ label: `${match[1]}.${match[2]}` }] };
  return undefined;
}

const labelsOf = (text: string): SubStep[] => [...text.matchAll(/\(([a-z]{1,5})\)/gi)].map((m) => ({ label: m[1].toLowerCase() }));

// ---- printing ------------------------------------------------------------------------------------

/** "word" for one word, "words" for more (or for punctuation with words). */
const wordsOf = (quoted: string) => (/^[\p{L}\p{N}’'-]+$/u.test(quoted) ? 'word' : 'words');
const quote = (text: string) => `“${text}”`;
const theWords = (text: string) => `the ${wordsOf(text)} ${quote(text)}`;
const wasWere = (text: string) => (wordsOf(text) === 'word' ? 'was' : 'were');

function insertWhat(what: InsertKind, count: number): string {
  const noun = what === 'subparagraph' ? 'subparagraph' : what === 'paragraph' ? 'paragraph' : `${what} paragraph`;
  return `${count === 1 ? 'a' : cardinalWord(count)} new ${noun}${count === 1 ? '' : 's'}`;
}

function whereOf(instruction: Extract<Instruction, { kind: 'insertParagraphs' }>): string {
  if (instruction.where === 'start' || !instruction.anchor) return 'at the beginning of the text';
  if (instruction.where === 'end') return `at the end of ${targetName(instruction.anchor)}`;
  return `${instruction.where} ${targetName(instruction.anchor)}`;
}

/** Quoted text, a paragraph per line, each in its own quotes (as several new paragraphs are printed). */
const block = (lines: string[]) => lines.map(quote).join('\n');

/** One instruction as text: imperative, or past tense for an oral revision. */
export function printInstruction(instruction: Instruction, oral = false): string {
  switch (instruction.kind) {
    case 'replaceWords': {
      const { old, new: replacement } = instruction;
      const head = `In ${targetName(instruction.target)}, `;
      return oral
        ? `${head}${theWords(old)} ${wasWere(old)} replaced with ${theWords(replacement)}`
        : `${head}replace ${theWords(old)} with ${theWords(replacement)}`;
    }
    case 'deleteWords':
      return oral
        ? `In ${targetName(instruction.target)}, ${theWords(instruction.old)} ${wasWere(instruction.old)} deleted`
        : `In ${targetName(instruction.target)}, delete ${theWords(instruction.old)}`;
    case 'insertWords': {
      const added = instruction.new;
      if (instruction.where === 'end') {
        return oral
          ? `At the end of ${targetName(instruction.target)}, ${theWords(added)} ${wasWere(added)} added`
          : `At the end of ${targetName(instruction.target)}, add ${theWords(added)}`;
      }
      const head = `In ${targetName(instruction.target)}, ${instruction.where} ${theWords(instruction.anchor)}, `;
      return oral ? `${head}${theWords(added)} ${wasWere(added)} inserted` : `${head}insert ${theWords(added)}`;
    }
    case 'deleteParagraph':
      return oral ? `${capital(targetName(instruction.target))} was deleted` : `Delete ${targetName(instruction.target)}`;
    case 'deleteParagraphs':
      return oral ? `${capital(targetsName(instruction.targets))} were deleted` : `Delete ${targetsName(instruction.targets)}`;
    case 'replaceParagraph':
      return oral
        ? `${capital(targetName(instruction.target))} was replaced with the following:\n${block([instruction.text])}`
        : `Replace ${targetName(instruction.target)} with the following:\n${block([instruction.text])}`;
    case 'insertParagraphs': {
      const what = insertWhat(instruction.what, instruction.count);
      return oral
        ? `${capital(what)} ${instruction.count === 1 ? 'was' : 'were'} inserted ${whereOf(instruction)}, reading:\n${block(instruction.lines)}`
        : `Insert ${what} ${whereOf(instruction)}, reading:\n${block(instruction.lines)}`;
    }
  }
}

/** Numbered instructions ("1. In operative …"), a blank line between them. */
export function printAmendments(instructions: Instruction[], oral = false): string {
  return instructions.map((instruction, i) => `${i + 1}. ${printInstruction(instruction, oral)}`).join('\n\n') + (instructions.length ? '\n' : '');
}

// ---- reading -------------------------------------------------------------------------------------

const NAME = String.raw`(?:the [a-z]+(?:-[a-z]+)? (?:preambular paragraph|subparagraph)|the [a-z]+(?:-[a-z]+)?(?:, [a-z]+(?:-[a-z]+)?)* (?:and|to) [a-z]+(?:-[a-z]+)? preambular paragraphs|operative paragraph|sub-?paragraph \()`;
/** A line that opens an instruction (after its number, if any). */
const OPENS = new RegExp(
  String.raw`^(?:In ${NAME}|(?:Insert|Add) (?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) new |(?:Delete|Replace) ${NAME}|At the end of ${NAME}|(?:A|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d+) new (?:preambular|operative|sub-?paragraph|paragraph)|The [a-z]+(?:-[a-z]+)? (?:preambular paragraph|subparagraph of)|The [a-z]+(?:-[a-z]+)?(?:, [a-z]+(?:-[a-z]+)?)* (?:and|to) [a-z]+(?:-[a-z]+)? preambular paragraphs|Operative paragraphs? \d|Sub-?paragraph \()`,
  'i',
);
const NUMBERING = /^(?:\d{1,3}\.|\(\d{1,3}\)|\d{1,3}\))\s+/;
/** Page furniture of an issued document: a line of page numbers, symbols, job numbers, barcodes, rules. */
const FURNITURE_TOKEN = /^(?:\d{1,3}\/\d{1,3}|[A-Z]\/[A-Z0-9.\-/]+|\d{2}-\d{5}|\([A-Z]\)|\d{6}|\*\d{7}\*|_{4,}|-?\d{1,3}-?)$/;
const isFurniture = (line: string) => line.split(/\s+/).every((token) => FURNITURE_TOKEN.test(token));

interface Line {
  text: string;
  /** 0-based line number and the column of text[0]. */
  line: number;
  column: number;
}

/** Joined text with a map back to lines and columns. */
class Joined {
  text = '';
  private readonly marks: { at: number; line: number; column: number }[] = [];

  add(piece: Line, separator: string): void {
    // A word broken at a hyphen across lines ("Secretary-⏎General") is one word again.
    if (this.text && separator && !/\p{L}-$/u.test(this.text)) this.text += separator;
    this.marks.push({ at: this.text.length, line: piece.line, column: piece.column });
    this.text += piece.text;
  }

  place(offset: number): Place {
    let mark = this.marks[0] ?? { at: 0, line: 0, column: 0 };
    for (const m of this.marks) if (m.at <= offset) mark = m;
    return { line: mark.line + 1, column: mark.column + Math.max(0, offset - mark.at) + 1 };
  }
}

const quoteDepthChange = (text: string) => {
  let depth = 0;
  for (const c of text) {
    if (c === '\u201c') depth++;
    else if (c === '\u201d') depth--;
  }
  return depth;
};

/** Reads the instructions of an amendment text; the header before the first one is skipped. */
export function parseAmendments(text: string): { instructions: ReadInstruction[]; problems: AmendmentProblem[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const chunks: Line[][] = [];
  let current: Line[] | undefined;
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\f/g, '');
    const trimmed = raw.trim();
    const column = raw.length - raw.trimStart().length;
    if (trimmed && isFurniture(trimmed)) continue;
    const numbering = NUMBERING.exec(trimmed)?.[0] ?? '';
    const body = trimmed.slice(numbering.length);
    // A numbered instruction after a blank line starts afresh even inside quotes: quoted words may
    // open a quotation they do not close ("entitled “Strengthening the"), which must not swallow
    // the instructions after it.
    const afresh = numbering !== '' && i > 0 && lines[i - 1].trim() === '';
    if ((depth <= 0 || afresh) && OPENS.test(body)) {
      current = [{ text: body, line: i, column: column + numbering.length }];
      chunks.push(current);
      depth = Math.max(0, quoteDepthChange(body));
      continue;
    }
    if (!current) continue;
    current.push({ text: trimmed, line: i, column });
    depth = Math.max(0, depth + quoteDepthChange(trimmed));
  }
  const instructions: ReadInstruction[] = [];
  const problems: AmendmentProblem[] = [];
  for (const chunk of chunks) {
    const read = readChunk(chunk);
    if ('message' in read) problems.push(read);
    else instructions.push(read);
  }
  return { instructions, problems };
}

const BLOCK_START = /(?:, reading|with the following(?: text)?|as follows)\s*:\s*$/i;

function readChunk(chunk: Line[]): ReadInstruction | AmendmentProblem {
  const at: Place = { line: chunk[0].line + 1, column: chunk[0].column + 1 };
  // A head that ends with "reading:" takes the lines after it as the quoted paragraphs.
  const head = new Joined();
  let k = 0;
  for (; k < chunk.length; k++) {
    if (chunk[k].text === '') continue;
    head.add(chunk[k], ' ');
    if (BLOCK_START.test(head.text)) {
      k++;
      break;
    }
    // The head of a block form may hold the start of the quote on its own line ("reading: “6. …").
    const inline = /(?:, reading|with the following(?: text)?|as follows)\s*:\s*[“"]/i.exec(head.text);
    if (inline) {
      const cut = inline.index + inline[0].length - 1;
      const rest = head.text.slice(cut);
      const place = head.place(cut);
      const blockLines = [{ text: rest, line: place.line - 1, column: place.column - 1 }, ...chunk.slice(k + 1)];
      return readInstruction(head.text.slice(0, cut), head, at, paragraphsOf(blockLines));
    }
  }
  return readInstruction(head.text, head, at, BLOCK_START.test(head.text) ? paragraphsOf(chunk.slice(k)) : undefined);
}

/** Whitespace runs folded to one space, ends trimmed, with each character's offset in the original. */
function foldSpaces(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      if (out === '' || out.endsWith(' ')) continue;
      out += ' ';
    } else out += text[i];
    map.push(i);
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    map.pop();
  }
  map.push(text.length);
  return { text: out, map };
}

/**
 * The quoted paragraphs of a block, each in its own quotes or all in one pair: a new paragraph at
 * a blank line, at a quote opening outside quotes, or at a number or a label; other lines continue
 * the paragraph before (a hard-wrapped document).
 */
function paragraphsOf(lines: Line[]): string[] {
  const paragraphs: string[] = [];
  let blank = true;
  let depth = 0;
  for (const line of lines) {
    const text = line.text.trim();
    if (!text) {
      blank = true;
      continue;
    }
    const starts = blank || paragraphs.length === 0 || (depth <= 0 && /^[“"]/.test(text)) || /^[“"]?\s*(?:\d{1,3}\.\s|\([a-z]{1,5}\)\s|\d{1,3}(?:\.\d{1,3})+\s)/i.test(text);
    if (starts) paragraphs.push(text);
    else {
      const last = paragraphs.length - 1;
      paragraphs[last] = /\p{L}-$/u.test(paragraphs[last]) ? paragraphs[last] + text : `${paragraphs[last]} ${text}`;
    }
    depth = Math.max(0, depth + quoteDepthChange(text));
    blank = false;
  }
  // Each paragraph in its own quotes: the last closing quote of each is its own, even when the
  // paragraph opens a quotation it does not close (“… entitled “General and complete …”.”).
  const own = paragraphs.length > 0 && paragraphs.every((p) => /^[“"]/.test(p));
  return paragraphs.map((p) => unquote(p, own)).filter((p) => p !== '');
}

/** A paragraph without the quotes around it (and a mark after the closing one); quotes inside stay. */
function unquote(paragraph: string, own: boolean): string {
  let text = paragraph;
  if (/^[“"]/.test(text)) text = text.slice(1).trimStart();
  const closing = /\s*[”"]\s*[.;]?\s*$/.exec(text);
  const balance = text.startsWith('"') ? 0 : quoteDepthChange(text);
  if (closing && (own || balance < 0 || closing[0].includes('"'))) text = text.slice(0, closing.index);
  return text;
}

const Q_OPEN = '[“"]';
const Q_CLOSE = '[”"]';
const WORDS = String.raw`the words? ${Q_OPEN}(.*)${Q_CLOSE}`;
const END = String.raw`[.;]?\s*$`;

interface Form {
  pattern: RegExp;
  build(m: RegExpExecArray): Instruction | string | undefined;
  /** The group of the quoted words a message points at. */
  quotedGroup?: number;
}

const FORMS: Form[] = [
  {
    pattern: new RegExp(String.raw`^In (.+?), replace ${WORDS} (?:with|by) ${WORDS}${END}`, 'id'),
    build: (m) => ({ kind: 'replaceWords', target: needTarget(m[1]), old: m[2], new: m[3] }) as Instruction,
    quotedGroup: 2,
  },
  {
    pattern: new RegExp(String.raw`^In (.+?), ${WORDS} (?:was|were) replaced (?:with|by) ${WORDS}${END}`, 'id'),
    build: (m) => ({ kind: 'replaceWords', target: needTarget(m[1]), old: m[2], new: m[3] }) as Instruction,
    quotedGroup: 2,
  },
  {
    pattern: new RegExp(String.raw`^In (.+?), (after|before) ${WORDS},? insert ${WORDS}${END}`, 'id'),
    build: (m) => ({ kind: 'insertWords', target: needTarget(m[1]), where: m[2].toLowerCase() as 'after', anchor: m[3], new: m[4] }) as Instruction,
    quotedGroup: 3,
  },
  {
    pattern: new RegExp(String.raw`^In (.+?), (after|before) ${WORDS},? ${WORDS} (?:was|were) inserted${END}`, 'id'),
    build: (m) => ({ kind: 'insertWords', target: needTarget(m[1]), where: m[2].toLowerCase() as 'after', anchor: m[3], new: m[4] }) as Instruction,
    quotedGroup: 3,
  },
  {
    pattern: new RegExp(String.raw`^In (.+?), insert ${WORDS},? (after|before) ${WORDS}${END}`, 'id'),
    build: (m) => ({ kind: 'insertWords', target: needTarget(m[1]), where: m[3].toLowerCase() as 'after', anchor: m[4], new: m[2] }) as Instruction,
    quotedGroup: 4,
  },
  {
    pattern: new RegExp(String.raw`^At the end of (.+?), (?:add|insert) ${WORDS}${END}`, 'id'),
    build: (m) => ({ kind: 'insertWords', target: needTarget(m[1]), where: 'end', anchor: '', new: m[2] }) as Instruction,
  },
  {
    pattern: new RegExp(String.raw`^At the end of (.+?), ${WORDS} (?:was|were) (?:added|inserted)${END}`, 'id'),
    build: (m) => ({ kind: 'insertWords', target: needTarget(m[1]), where: 'end', anchor: '', new: m[2] }) as Instruction,
  },
  {
    pattern: new RegExp(String.raw`^In (.+?), delete ${WORDS}${END}`, 'id'),
    build: (m) => ({ kind: 'deleteWords', target: needTarget(m[1]), old: m[2] }) as Instruction,
    quotedGroup: 2,
  },
  {
    pattern: new RegExp(String.raw`^In (.+?), ${WORDS} (?:was|were) deleted${END}`, 'id'),
    build: (m) => ({ kind: 'deleteWords', target: needTarget(m[1]), old: m[2] }) as Instruction,
    quotedGroup: 2,
  },
  {
    pattern: new RegExp(String.raw`^Delete (.+?)${END}`, 'id'),
    build: (m) => deletion(m[1]),
  },
  {
    pattern: new RegExp(String.raw`^(.+?) (?:was|were) deleted${END}`, 'id'),
    build: (m) => deletion(m[1]),
  },
];

const INSERT_HEAD = /^(?:Insert (a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) new (preambular paragraphs?|operative paragraphs?|sub-?paragraphs?|paragraphs?)|(A|An|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d+) new (preambular paragraphs?|operative paragraphs?|sub-?paragraphs?|paragraphs?) (?:was|were) inserted) (?:(after|before|at the end of) (.+?)|at the beginning(?: of the text)?),? (?:reading|as follows)\s*:$/i;
const REPLACE_HEAD = /^(?:Replace (.+?) (?:with|by) the following(?: text)?|(.+?) (?:was|were) replaced (?:with|by) the following(?: text)?)\s*:$/i;

class NameError extends Error {}

/** "Delete operative paragraph 7" or "Delete operative paragraphs 3 to 5". */
function deletion(name: string): Instruction {
  const targets = parseTargets(name);
  return targets ? { kind: 'deleteParagraphs', targets } : { kind: 'deleteParagraph', target: needTarget(name) };
}

function needTarget(name: string): Target {
  const target = parseTarget(name);
  if (!target) throw new NameError(name);
  return target;
}

function readInstruction(raw: string, head: Joined, at: Place, paragraphs: string[] | undefined): ReadInstruction | AmendmentProblem {
  const { text, map } = foldSpaces(raw);
  const cannot = (message: string): AmendmentProblem => ({ ...at, message });
  try {
    if (paragraphs !== undefined) {
      if (paragraphs.length === 0) return cannot('the instruction announces text ("reading:") but no quoted text follows it');
      const insert = INSERT_HEAD.exec(text);
      if (insert) {
        const countWord = insert[1] ?? insert[3];
        const count = countWord.toLowerCase() === 'a' || countWord.toLowerCase() === 'an' ? 1 : parseCardinalWord(countWord)!;
        const noun = (insert[2] ?? insert[4]).toLowerCase();
        const what: InsertKind = noun.startsWith('preambular') ? 'preambular' : noun.startsWith('operative') ? 'operative' : noun.startsWith('sub') ? 'subparagraph' : 'paragraph';
        const anchor = insert[6] !== undefined ? needTarget(insert[6]) : undefined;
        const place = insert[5]?.toLowerCase();
        const where = place === undefined ? 'start' : place === 'at the end of' ? 'end' : (place as 'after' | 'before');
        return { instruction: { kind: 'insertParagraphs', what, count, where, anchor, lines: paragraphs }, at };
      }
      const replace = REPLACE_HEAD.exec(text);
      if (replace) {
        return { instruction: { kind: 'replaceParagraph', target: needTarget(replace[1] ?? replace[2]), text: paragraphs.join(' ') }, at };
      }
      return cannot('cannot read this instruction (expected e.g. "Insert a new operative paragraph after operative paragraph 5, reading:")');
    }
    for (const form of FORMS) {
      const match = form.pattern.exec(text);
      if (!match) continue;
      const instruction = form.build(match);
      if (!instruction || typeof instruction === 'string') continue;
      const quotedAt = form.quotedGroup !== undefined ? match.indices?.[form.quotedGroup]?.[0] : undefined;
      return {
        instruction,
        at,
        quoted: quotedAt !== undefined ? head.place(map[quotedAt]) : undefined,
        named: head.place(map[match.indices?.[1]?.[0] ?? 0]),
      };
    }
  } catch (error) {
    if (error instanceof NameError) return cannot('the paragraph named is not one an amendment can name (expected e.g. "operative paragraph 2 (b)" or "the third preambular paragraph")');
    throw error;
  }
  return cannot('cannot read this instruction (expected e.g. "In operative paragraph 2, replace the words “…” with the words “…”")');
}
