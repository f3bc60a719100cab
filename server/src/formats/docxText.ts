// Writes mammoth's model of a Word document as the text the parser reads: one paragraph per
// Word paragraph with a blank line between, a list's number before its paragraph ("1. ", "(a) "),
// the italic opening phrase as `*emphasis*`, footnote references as `[^n]` and the footnotes as
// `[^n]: …` paragraphs at the end (the Markdown footnote form the parser reads), in the order
// of their first reference. Tracked changes are read as accepted, and each insertion and
// deletion is kept with its place in the written text.
import { MARK } from './docxMarks';

/** The parts of mammoth's document model this writer reads (mammoth ships no types for them). */
export interface DocxNode {
  type: string;
  children?: DocxNode[];
  value?: string;
  isItalic?: boolean;
  styleName?: string | null;
  breakType?: string;
  noteType?: string;
  noteId?: string;
  body?: DocxNode[];
}

export interface DocxDocument extends DocxNode {
  notes: { resolve(reference: { noteType: string; noteId: string }): DocxNode | null };
}

export interface DocxInsertion {
  /** The inserted text, and where it stands in the written text: [start, end). */
  text: string;
  start: number;
  end: number;
}

export interface DocxDeletion {
  /** The deleted text, and the offset in the written text where it stood. */
  text: string;
  at: number;
  /** The deletion is of whole paragraphs (separated by blank lines): they stood as paragraphs of their own. */
  paragraph?: true;
}

export interface WrittenDocx {
  text: string;
  insertions: DocxInsertion[];
  deletions: DocxDeletion[];
  footnotes: number;
}

interface Piece {
  text: string;
  italic: boolean;
  inserted: boolean;
  deleted: boolean;
  /** Written by the reader (a footnote reference), not typed: never part of the opening. */
  reference?: boolean;
  label?: boolean;
  /** A footnote reference, and the mark Word prints for it when it is not numbered. */
  note?: DocxNode;
  customMark?: string;
}

/** A paragraph number or sub-paragraph label typed before the opening phrase. */
const TYPED_LABEL = /^\s*(?:\d{1,3}\.|\([a-z]{1,4}\)|\([ivxlc]{1,7}\)|\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3})+|[a-z]\))?\s*$/;
/** The parser reads an emphasised opening up to this long. */
const OPENING_MAX = 80;

export function writeDocument(document: DocxDocument): WrittenDocx {
  const writer = new TextWriter();
  const notes = new NoteLabels(document);
  const body = blockParagraphs(document.children ?? []).map(piecesOf);
  notes.label(body.flat());
  for (const pieces of body) writer.paragraph(notes.written(pieces));
  // A footnote can refer to another footnote: the list grows while it is written.
  for (let i = 0; i < notes.ordered.length; i++) {
    const { label, note } = notes.ordered[i];
    const pieces: Piece[] = [{ text: `[^${label}]: `, italic: false, inserted: false, deleted: false, reference: true }];
    blockParagraphs(note.body ?? []).forEach((p, k) => {
      if (k > 0) pieces.push({ text: ' ', italic: false, inserted: false, deleted: false, reference: true });
      pieces.push(...trimStart(piecesOf(p)));
    });
    notes.label(pieces);
    writer.paragraph(notes.written(pieces), false);
  }
  return { ...writer.finish(), footnotes: notes.ordered.length };
}

/**
 * Footnote labels as Word numbers them: 1, 2, … in the order of first reference. A footnote with
 * a mark of its own ("*", set by "custom mark") takes no number in Word; it is labelled after the
 * numbered ones, so that these keep Word's numbers and no two labels meet.
 */
class NoteLabels {
  readonly ordered: { label: string; note: DocxNode }[] = [];
  private readonly labels = new Map<string, string>();
  private numbered = 0;
  private readonly custom: DocxNode[] = [];

  constructor(private readonly document: DocxDocument) {}

  /** Labels the notes these pieces refer to, in order. */
  label(pieces: Piece[]): void {
    for (const piece of pieces) {
      const node = piece.note;
      // A reference deleted with tracked changes takes its footnote with it.
      if (!node || piece.deleted || this.labels.has(keyOf(node))) continue;
      const note = this.document.notes.resolve({ noteType: node.noteType ?? 'footnote', noteId: node.noteId ?? '' });
      if (!note) continue;
      if (piece.customMark) {
        this.labels.set(keyOf(node), '');
        this.custom.push(note);
      } else {
        this.labels.set(keyOf(node), String(++this.numbered));
        this.ordered.push({ label: String(this.numbered), note });
      }
    }
    // Marked notes are labelled once the numbered ones of these pieces are known (the whole body
    // is labelled at once; notes referred to from notes come after).
    for (const note of this.custom.splice(0)) {
      const label = String(++this.numbered);
      this.labels.set(keyOf(note), label);
      this.ordered.push({ label, note });
    }
  }

  /** The pieces with each reference written as `[^label]`. */
  written(pieces: Piece[]): Piece[] {
    return pieces.map((p) => (p.note ? { ...p, text: this.labels.get(keyOf(p.note)) ? `[^${this.labels.get(keyOf(p.note))}]` : '' } : p)).filter((p) => p.text !== '');
  }
}

const keyOf = (node: DocxNode) => `${node.noteType}:${node.noteId}`;

/** The paragraphs of a body in reading order: table cells row by row. Iterative: Word nests tables. */
function blockParagraphs(nodes: DocxNode[]): DocxNode[] {
  const found: DocxNode[] = [];
  const stack: DocxNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'paragraph') found.push(node);
    else if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return found;
}

/** A paragraph's text as pieces, marks of revisions and labels read and removed. */
function piecesOf(paragraph: DocxNode): Piece[] {
  const pieces: Piece[] = [];
  let inserted = 0;
  let deleted = 0;
  let inLabel = false;
  /** The custom mark of the footnote reference before, while it is read. */
  let customMark: string | undefined;
  const stack: { node: DocxNode; italic: boolean }[] = [...(paragraph.children ?? [])].reverse().map((node) => ({ node, italic: false }));
  while (stack.length > 0) {
    const { node, italic: outerItalic } = stack.pop()!;
    const italic = outerItalic || (node.type === 'run' && (node.isItalic === true || /\b(?:emphasis|italic)\b/i.test(node.styleName ?? '')));
    const add = (text: string, extra: Partial<Piece> = {}) => {
      if (text !== '') pieces.push({ text, italic, inserted: inserted > 0, deleted: deleted > 0, ...extra });
    };
    switch (node.type) {
      case 'text': {
        let run = '';
        for (const ch of node.value ?? '') {
          if (customMark !== undefined && ch !== MARK.customMarkEnd) customMark += ch;
          else if (ch >= MARK.insertionStart && ch <= MARK.customMarkEnd) {
            add(run, { label: inLabel });
            run = '';
            if (ch === MARK.customMarkStart) customMark = '';
            else if (ch === MARK.customMarkEnd) {
              for (let i = pieces.length - 1; i >= 0; i--) {
                if (pieces[i].note === undefined) continue;
                pieces[i].customMark = customMark;
                break;
              }
              customMark = undefined;
            } else if (ch === MARK.insertionStart) inserted++;
            else if (ch === MARK.insertionEnd) inserted = Math.max(0, inserted - 1);
            else if (ch === MARK.deletionStart) deleted++;
            else if (ch === MARK.deletionEnd) deleted = Math.max(0, deleted - 1);
            else if (ch === MARK.labelStart) inLabel = true;
            else {
              // A space parts the label from the paragraph's text.
              add(' ', { label: true });
              inLabel = false;
            }
          } else if (ch !== '\u00AD') run += ch;
        }
        add(run, { label: inLabel });
        break;
      }
      case 'tab':
        add(' ');
        break;
      case 'break':
        if (node.breakType === 'line') add('\n');
        break;
      case 'noteReference':
        // Labelled once all references are known (NoteLabels); the text stands in until then.
        add('[^]', { reference: true, italic: false, note: node });
        break;
      default:
        if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], italic });
    }
  }
  // An automatic label was written with the paragraph's own number: its insertion marks are not text.
  return pieces.map((p) => (p.label ? { ...p, inserted: false, deleted: false } : p));
}

/** The pieces without the white space at the paragraph's start (deleted text is not shown, so it does not count). */
function trimStart(pieces: Piece[]): Piece[] {
  const out = [...pieces];
  for (let i = 0; i < out.length; i++) {
    if (out[i].deleted) continue;
    out[i] = { ...out[i], text: out[i].text.replace(/^\s+/, '') };
    if (out[i].text !== '') break;
  }
  return out.filter((p) => p.text !== '');
}

function trimEnd(pieces: Piece[]): Piece[] {
  const out = [...pieces];
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i].deleted) continue;
    out[i] = { ...out[i], text: out[i].text.replace(/\s+$/, '') };
    if (out[i].text !== '') break;
  }
  return out.filter((p) => p.text !== '');
}

class TextWriter {
  private readonly parts: string[] = [];
  private offset = 0;
  private readonly insertions: DocxInsertion[] = [];
  private readonly deletions: DocxDeletion[] = [];

  paragraph(raw: Piece[], withOpening = true): void {
    // White space at the start is kept as typed: a PDF's text pasted into Word indents a paragraph's
    // first line by a space, which the parser reads.
    const pieces = trimEnd(withOpening ? emphasiseOpening(raw) : raw);
    if (pieces.every((p) => p.deleted)) {
      // A paragraph deleted in full leaves no text; its deletion stands where it was.
      this.deletedParagraph(pieces.map((p) => p.text).join(''));
      return;
    }
    if (this.offset > 0) this.write('\n\n');
    for (const piece of pieces) {
      if (piece.deleted) {
        this.deleted(piece.text);
        continue;
      }
      const start = this.offset;
      this.write(piece.text);
      if (piece.inserted) this.inserted(piece.text, start);
    }
  }

  finish(): { text: string; insertions: DocxInsertion[]; deletions: DocxDeletion[] } {
    if (this.offset > 0) this.write('\n');
    return { text: this.parts.join(''), insertions: this.insertions, deletions: this.deletions };
  }

  private write(text: string): void {
    this.parts.push(text);
    this.offset += text.length;
  }

  private inserted(text: string, start: number): void {
    const last = this.insertions[this.insertions.length - 1];
    if (last && last.end === start) {
      last.text += text;
      last.end += text.length;
    } else this.insertions.push({ text, start, end: start + text.length });
  }

  private deletedParagraph(text: string): void {
    const last = this.deletions[this.deletions.length - 1];
    if (last?.paragraph && last.at === this.offset) last.text += `\n\n${text}`;
    else this.deletions.push({ text, at: this.offset, paragraph: true });
  }

  private deleted(text: string): void {
    const last = this.deletions[this.deletions.length - 1];
    if (last && !last.paragraph && last.at === this.offset) last.text += text;
    else this.deletions.push({ text, at: this.offset });
  }
}

/**
 * Puts `*…*` around the italic opening phrase: the italic stretch right at the paragraph's
 * start or after its label, up to the first upright word.
 */
function emphasiseOpening(pieces: Piece[]): Piece[] {
  const shown = pieces.map((p, i) => ({ p, i })).filter(({ p }) => !p.deleted);
  const first = shown.findIndex(({ p }) => p.italic && !p.label && p.text.trim() !== '');
  if (first < 0) return pieces;
  if (!TYPED_LABEL.test(shown.slice(0, first).filter(({ p }) => !p.label).map(({ p }) => p.text).join(''))) return pieces;
  let last = first;
  for (let k = first + 1; k < shown.length; k++) {
    const { p } = shown[k];
    if (p.reference || p.label) break;
    if (p.italic) last = k;
    else if (p.text.trim() !== '') break;
  }
  const stretch = shown.slice(first, last + 1).map(({ p }) => p.text).join('');
  if (stretch.trim().length > OPENING_MAX || /[*\n]/.test(stretch)) return pieces;
  const out = [...pieces];
  const open = shown[first].i;
  const close = shown[last].i;
  const head = out[open].text.match(/^\s*/)![0];
  const tail = out[close].text.match(/\s*$/)![0];
  const plain = (text: string): Piece => ({ text, italic: false, inserted: false, deleted: false, reference: true });
  out.splice(close, 1, { ...out[close], text: out[close].text.slice(0, out[close].text.length - tail.length) }, plain('*'), plain(tail));
  out.splice(open, 1, plain(head), plain('*'), { ...out[open], text: out[open].text.slice(head.length) });
  return out.filter((p) => p.text !== '' || p.deleted);
}
