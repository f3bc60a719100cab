// Text -> ResolutionDocument. Tolerant by construction: every input yields a model, partial or
// empty for text that is not a resolution, and an internal error is caught and reported in
// `parseError` rather than thrown.
import { appendAll, partitionPoint } from '../arrays';
import { findCitations } from './citations';
import { findReferences } from './references';
import { toSourceSpan, withoutCleanChars } from './cleanText';
import { parseHeader } from './header';
import { RunningHeaderMatcher } from './runningHeaders';
import { buildCleanText, InlineContext, scanInline, Segment } from './inline';
import { ClassifiedLine, classifyLine, SUPERSCRIPT_DIGITS } from './lineKinds';
import { scanLines } from './lines';
import { chooseMarkers, markerCandidates, type MarkerCandidate } from './markers';
import { noNegotiation, noteLineKind, readNegotiation, SUFFIX_PATTERN } from './negotiation';
import type {
  CleanText, Citation, ClosingLine, Footnote, ParagraphReference, FootnoteBlock, FootnoteMarker, Furniture, LabelScheme, Paragraph, ParagraphKind,
  ResolutionDocument, SourceForm, Span, SubParagraph,
} from './model';
import { isoDate, MONTHS, openingSplitSpaces, operativeOpeningLength, opensWithKnownPhrase, preambularOpeningLength } from './vocabulary';

export function parseResolution(text: string): ResolutionDocument {
  try {
    return new ResolutionParser(text).parse();
  } catch (error) {
    return { ...emptyDocument(text), parseError: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
}

export function emptyDocument(text: string): ResolutionDocument {
  return { text, form: 'plain', preambular: [], operative: [], headings: [], tables: [], attachments: [], footnoteBlocks: [], footnotes: [], markers: [], citations: [], references: [], furniture: [], negotiation: noNegotiation() };
}

const ORGAN = /^(?:The\s+)?(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|Trusteeship Council|(?:[A-Z][\p{L}-]*\s+){0,5}(?:Assembly|Council|Conference|Commission|Board)(?:\s+of\s+the\s+[\p{L}\s]{1,60})?),$/u;
/** "The General Assembly," as PDF tools give it: "The General Assembly ,", "The General As sembly ,", or without its comma. */
const ORGAN_SPACED = /^(?:The)?(?:GeneralAssembly|SecurityCouncil|EconomicandSocialCouncil|HumanRightsCouncil|TrusteeshipCouncil),$|^TheGeneralAssembly$/;

function isOrganLine(plain: string): boolean {
  return ORGAN.test(plain) || (plain.length < 60 && ORGAN_SPACED.test(plain.replace(/\s+/g, '')));
}

const ORGAN_NAMES = ['General Assembly', 'Security Council', 'Economic and Social Council', 'Human Rights Council', 'Trusteeship Council'];

/** The organ line without its stray spaces: "The General As sembly ," -> "The General Assembly,". */
function organName(plain: string): string {
  const squashed = plain.replace(/\s+/g, '');
  const name = ORGAN_NAMES.find((n) => squashed.includes(n.replace(/\s+/g, '')));
  if (!name) return plain;
  return `${squashed.startsWith('The') ? 'The ' : ''}${name}${squashed.endsWith(',') ? ',' : ''}`;
}

const OPERATIVE_NUMBER = /^(\d{1,3})\.(?!\d)(?:\s+|$)/;
/**
 * A paragraph number past 999 ("1000. Decides …"). Read only near the number before it
 * (`longNumberAt`): a year at a line start ("… by⏎2030. Also decides") looks the same.
 */
const LONG_OPERATIVE_NUMBER = /^(\d{4,5})\.(?!\d)(?:\s+|$)/;
/** How far from the number before it a long number is still the next paragraph's: a gap, a duplicate, a swap. */
const LONG_NUMBER_REACH = 10;
/** A paragraph number whose value is already known to be one: stripped before reading the words after it. */
const ANY_OPERATIVE_NUMBER = /^(\d{1,5})\.(?!\d)(?:\s+|$)/;

function longNumberAt(text: string, lastNumber: number | undefined): RegExpExecArray | null {
  if (lastNumber === undefined || lastNumber < 1000 - LONG_NUMBER_REACH) return null;
  const match = LONG_OPERATIVE_NUMBER.exec(text);
  return match && Math.abs(Number(match[1]) - lastNumber) <= LONG_NUMBER_REACH ? match : null;
}
/** "1.2 The Board …"; "0.20 per cent", "14.5 and 14.6" at the start of a line are numbers in the text. */
const DECIMAL_LABEL = /^(\d{1,3}(?:\.\d{1,3})+)\.?(?:\s+(?![\s\p{Ll}])|\s*$)/u;
const LETTER_LABEL = new RegExp(String.raw`^\(([a-z]{1,4})\)(?:\s?(${SUFFIX_PATTERN})\b)?(?:\s+|$)`);
/** "2 bis.", "2 ter": a paragraph inserted during negotiation after paragraph 2. */
const SUFFIXED_NUMBER = new RegExp(String.raw`^(\d{1,3})\s?(${SUFFIX_PATTERN})\b\.?(?:\s+|$)`);
/** "PP3 bis", "OP5ter", "OP 2.": a paragraph's name in a compilation text, written instead of its number. */
const COMPILATION_NAME = new RegExp(String.raw`^(PP|OP)\s?(\d{1,3})(?:\s?(${SUFFIX_PATTERN}))?\b\.?(?:\s+|$)`);
const CLOSING = new RegExp(String.raw`^(\d{1,4}(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting)\b(?:\s+(\d{1,2})\s+(${MONTHS.join('|')})\s+(\d{4}))?`, 'i');
/** "Annex", "Annex II", "Annex 2025 Political Declaration on …": a heading, never a sentence. */
const ANNEX = /^Annex(?:es)?(?:\s+[IVX]+)?(?:\s*[:.])?(?:\s+\p{Lu}[^;]*)?$/u;
/** What an operative paragraph says when the text it adopts follows it directly. */
const ATTACHES_TEXT = /(?:\bthe following\b[^;]{0,200}\b(?:declarations?|text|programme|plan|principles|guidelines|charter|statement|outcome|document|agenda|modalities|terms of reference|rules|arrangements|framework|commitments?|compact|pact|strategy|action plan|amendments?|articles?|provisions?)\b[^;]{0,300}|\b(?:amend(?:s|ed|ment|ments)?|replaced?|read)\b[^;]{0,300}\bas follows):$/i;

function isAnnexHeading(text: string): boolean {
  return ANNEX.test(text) && !/[,;]$/.test(text) && text.split(/\s+/).length <= 30;
}

function lastNode(paragraph: Paragraph): Paragraph | SubParagraph {
  const subs = paragraph.subparagraphs;
  return subs.length > 0 ? subs[subs.length - 1] : paragraph;
}
const TRAILING_MARKER = new RegExp(`(?:[${SUPERSCRIPT_DIGITS}]+|<sup>\\s*\\w+\\s*</sup>|\\^\\d+|\\[\\^\\w+\\])$`);

/** What stands between two text lines. */
interface Gap {
  blank: boolean;
  /** Footnotes or page furniture. */
  interrupted: boolean;
  /** Page furniture: a page or job number, a running header. */
  pageBreak: boolean;
}

/** The square brackets that open a paragraph proposed whole: "[2 bis. Also requests …]", "[Noting …,]". */
const LEADING_BRACKETS = /^(?:\[[ \t]*){1,3}/;
/** What stands before a label: emphasis ("**1.**") and such brackets. */
const LEAD = /^[*_]{0,3}(?:(?:\[[ \t]*){1,3}(?=\d|\(|PP|OP))?/;
const LABEL_START = new RegExp(String.raw`^(?:\[\s*){0,3}(?:\d{1,3}\.(?!\d)|\d{1,3}(?:\.\d{1,3})+\.?(?:\s+(?![\s\p{Ll}])|\s*$)|\([a-z]{1,4}\)(?:\s|$)|\d{1,3}\s?${SUFFIX_PATTERN}\b\.?(?:\s|$)|(?:PP|OP)\s?\d{1,3}(?:\s?${SUFFIX_PATTERN})?\b\.?(?:\s|$))`, 'u');
/** A line that ends so that a label on the next line continues it ("paragraph⏎(a) of", "resolution⏎1."). */
/** A chapeau whose colon follows a preposition ("a major contribution to:") wants items, not paragraphs. */
const ENDS_WITH_PREPOSITION = /\b(?:to|by|for|of|in|on|with|from|through|including|as)\s*:$/;
/** An item that names itself with a short head holding a number: "Panel 1: Tackling …", "Monday, 9 June: from 9 a.m. …". */
const NAMED_ITEM = /^\p{Lu}[^:;.\d]{0,30}\d{1,2}(?:[^:;.\d]{0,12})?: +\S/u;
const LEAVES_REFERENCE_OPEN = /\b(?:sub-?paragraphs?|paragraphs?|articles?|rules?|sections?|chapters?|annex|paras?\.|and|or|to|of|in)$/i;

const ENDS_WITH_FUNCTION_WORD = /\b(?:and|or|of|the|to|in|for|with|by|on|at|a|an|its|their|from|as|that|which|between|under|including|such|into|all|nor|but|than|whose|upon)$/;

function opensParagraph(plain: string): boolean {
  return preambularOpeningLength(plain) > 0 || operativeOpeningLength(plain) > 0 || /^To\s+\p{Ll}/u.test(plain);
}

interface RawParagraph {
  lines: ClassifiedLine[];
  /** Note lines under it ("Agreed ad ref"): they annotate it and are no text of it. */
  notes?: ClassifiedLine[];
  /** The markup-free text of `lines`, kept while no line is added (see plainOf). */
  plain?: { lines: number; text: string };
}

interface Label {
  /** 'name': a compilation text's name of a preambular paragraph ("PP3 bis"). */
  kind: 'number' | 'decimal' | 'letter' | 'name';
  value: string;
  span: Span;
  contentStart: number;
  suffix?: Span & { text: string };
  /** "PP" or "OP" when the paragraph is named as in a compilation text. */
  part?: 'PP' | 'OP';
}

class ResolutionParser {
  private readonly lines: ClassifiedLine[] = [];
  private readonly furniture: Furniture[] = [];
  private readonly footnoteBlocks: FootnoteBlock[] = [];
  private readonly footnotes: Footnote[] = [];
  private readonly markers: FootnoteMarker[] = [];
  private readonly citations: Citation[] = [];
  private readonly references: ParagraphReference[] = [];
  private readonly context: InlineContext = { footnoteLabels: new Set() };
  /** PDF-extracted text (soft wraps, page furniture). */
  private pdfLike = false;
  private wrapped = false;
  private indentMarksParagraphs = false;
  /** Wrapped text that puts a blank line between paragraphs (PyMuPDF). */
  private blankSeparated = false;
  private layoutKnown = false;
  private readonly endings = new Map<ClassifiedLine, string>();
  /** Lines indented beyond their page's left margin, with the indent. */
  private readonly relativeIndent = new Map<ClassifiedLine, number>();
  /** The lines that hold only marks of the negotiation ("Agreed ad ref", "[Pending]"), in order. */
  private readonly noteLines: Span[] = [];

  constructor(private readonly text: string) {}

  parse(): ResolutionDocument {
    this.classifyLines();
    const organIndex = this.lines.findIndex((line) => line.kind === 'text' && isOrganLine(this.plain(line)));
    const bodyStart = organIndex >= 0 ? organIndex + 1 : this.guessBodyStart();
    const headerEnd = organIndex >= 0 ? organIndex : bodyStart;
    this.markRunningHeaders(headerEnd, this.titles(headerEnd));
    // Footnote bodies first: their lines must not count in the page margins the layout measures.
    this.readFootnotes();
    this.detectLayout(bodyStart);
    this.placeMarkers();

    const document: ResolutionDocument = { ...emptyDocument(this.text), form: this.form() };
    const header = parseHeader(this.text, this.lines.slice(0, headerEnd), this.context, this.markers);
    if (header) {
      document.header = header;
      for (const source of header.fields.filter((f) => f.kind === 'report')) {
        appendAll(this.citations, findCitations(this.cleanOfSpan(source), 'header'));
      }
    }
    if (organIndex >= 0) {
      const organ = this.lines[organIndex];
      // "The General As sembly ,": the outline names the organ as printed, without the stray spaces.
      const plain = this.plain(organ);
      const text = ORGAN.test(plain) ? plain : organName(plain);
      document.organ = { start: organ.contentStart, end: organ.contentEnd, text };
    }
    this.readBody(bodyStart, document);
    document.footnoteBlocks = this.footnoteBlocks;
    document.footnotes = this.footnotes;
    document.markers = this.markers.sort((a, b) => a.start - b.start);
    document.citations = this.citations.sort((a, b) => a.start - b.start);
    document.references = this.references.sort((a, b) => a.start - b.start);
    document.furniture = this.furniture.sort((a, b) => a.start - b.start);
    document.negotiation = this.negotiationOf(document);
    return document;
  }

  /** The titles the header gives (the resolution's and the agenda item's): running headers repeat them. */
  private titles(headerEnd: number): string[] {
    const header = parseHeader(this.text, this.lines.slice(0, headerEnd), { footnoteLabels: new Set() }, []);
    return header ? header.fields.filter((f) => f.kind === 'title' || f.kind === 'agendaTitle').map((f) => f.value) : [];
  }

  // ---- lines ----------------------------------------------------------------------------

  private classifyLines(): void {
    let afterSeparator = false;
    for (const raw of scanLines(this.text)) {
      if (raw.start === 0 && this.text.charCodeAt(0) === 0xfeff) raw.text = raw.text.replace(/^\uFEFF/, ' ');
      const line = classifyLine(raw, afterSeparator);
      if (line.kind === 'furniture') afterSeparator = line.furniture === 'separator';
      this.lines.push(line);
    }
  }

  /**
   * The first symbol-only line names the document; later ones are running page headers, and so
   * are body lines that repeat the title (see runningHeaders.ts).
   */
  private markRunningHeaders(headerEnd: number, titles: string[]): void {
    let seen = false;
    this.lines.forEach((line, index) => {
      if (line.kind !== 'text' || !line.symbolOnly) return;
      if (!seen && index < headerEnd) {
        seen = true;
        return;
      }
      line.kind = 'furniture';
      line.furniture = 'pageHeader';
    });
    const matcher = new RunningHeaderMatcher(titles);
    if (!matcher.empty) {
      // A running header is a run of lines that together read as the title, or its beginning,
      // next to page furniture or standing alone between blank lines.
      for (let i = headerEnd + 1; i < this.lines.length; i++) {
        const first = this.lines[i].kind === 'text' ? matcher.match(this.plain(this.lines[i])) : undefined;
        if (!first || first.kind === 'titlePart') continue;
        const run = [i];
        let letters = first.letters;
        for (let j = i + 1; j < this.lines.length && this.lines[j].kind === 'text'; j++) {
          const next = matcher.match(this.plain(this.lines[j]), true);
          if (!next || next.kind === 'title' || !matcher.continues(letters, next.letters)) break;
          run.push(j);
          letters += next.letters;
        }
        const last = run[run.length - 1];
        const alone = this.standsAlone(i, last);
        if (!alone && !this.nearPageFurniture(i) && !this.nearPageFurniture(last)) continue;
        for (const index of run) {
          this.lines[index].kind = 'furniture';
          this.lines[index].furniture = 'pageHeader';
        }
        i = last;
      }
    }
    for (const line of this.lines) {
      if (line.kind === 'furniture') this.furniture.push({ start: line.contentStart, end: line.contentEnd, kind: line.furniture! });
    }
  }

  /** Page furniture (a page or job number, a symbol line, a barcode) within three lines. */
  private nearPageFurniture(index: number): boolean {
    const near = (step: number) => {
      for (let i = index + step, seen = 0; i >= 0 && i < this.lines.length && seen < 3; i += step) {
        const line = this.lines[i];
        if (line.kind === 'blank') continue;
        if (line.kind === 'furniture' && line.furniture !== 'separator' && line.furniture !== 'rule') return true;
        seen++;
      }
      return false;
    };
    return near(-1) || near(1);
  }

  /** Lines with blank lines (or nothing) on both sides: a heading, a short title, a running header. */
  private standsAlone(first: number, last: number): boolean {
    const blankOrEdge = (i: number) => i < 0 || i >= this.lines.length || this.lines[i].kind === 'blank';
    if (!blankOrEdge(first - 1) || !blankOrEdge(last + 1)) return false;
    // Between paragraphs, not inside one: PDF text that puts a blank line after every line
    // ("… Group of Governmental Experts on⏎⏎Developments in the Field …") has no such lines.
    for (let i = first - 1; i >= 0; i--) {
      const line = this.lines[i];
      if (line.kind === 'blank') continue;
      return line.kind !== 'text' || this.terminated(line);
    }
    return true;
  }

  /** Without an organ line, the body starts at the first line that reads like a paragraph. */
  private guessBodyStart(): number {
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i];
      if (line.kind !== 'text') continue;
      const plain = this.plain(line);
      if (OPERATIVE_NUMBER.test(plain) && operativeOpeningLength(plain.replace(OPERATIVE_NUMBER, '')) > 0) return i;
      if (preambularOpeningLength(plain) > 0 && /,$/.test(plain)) return i;
      if (this.opensWrappedPreamble(i)) return i;
    }
    return this.lines.length;
  }

  /**
   * A PDF text that lost its organ line: a block after a blank line that opens with a preambular
   * phrase of the vocabulary and whose last line, before the next blank line, ends with a comma.
   */
  private opensWrappedPreamble(index: number): boolean {
    if (index > 0 && this.lines[index - 1].kind !== 'blank') return false;
    const first = this.plain(this.lines[index]);
    if (preambularOpeningLength(first) === 0 || !opensWithKnownPhrase(first)) return false;
    for (let i = index + 1; i < this.lines.length && i <= index + 12; i++) {
      const line = this.lines[i];
      if (line.kind === 'blank') return /,$/.test(this.plain(this.lines[i - 1]));
      if (line.kind !== 'text') return false;
    }
    return false;
  }

  /**
   * PDF-extracted text wraps paragraphs over many lines, so a line break no longer ends a
   * paragraph. Some tools keep the first-line indent of each paragraph (pypdf a leading space,
   * pdftotext -layout the page's own indentation): indents are measured from each page's left
   * margin, since the margin moves from page to page.
   */
  private detectLayout(bodyStart: number): void {
    let softWraps = 0;
    let textLines = 0;
    let indented = 0;
    let flush = 0;
    let previous: ClassifiedLine | undefined;
    let afterBlank = 0;
    let blank = false;
    let pageStart = bodyStart;
    const closePage = (end: number) => {
      let margin = Infinity;
      for (let i = pageStart; i < end; i++) if (this.lines[i].kind === 'text') margin = Math.min(margin, this.lines[i].indent);
      for (let i = pageStart; i < end; i++) {
        const line = this.lines[i];
        if (line.kind !== 'text') continue;
        const relative = line.indent - margin;
        if (relative > 0) this.relativeIndent.set(line, relative);
      }
      pageStart = end;
    };
    for (let i = bodyStart; i < this.lines.length; i++) {
      const line = this.lines[i];
      if (line.text.includes('\f')) closePage(i);
      if (line.kind === 'blank') {
        blank = true;
        continue;
      }
      if (line.kind !== 'text') {
        previous = undefined;
        continue;
      }
      textLines++;
      if (blank) afterBlank++;
      blank = false;
      if (previous && !this.terminated(previous) && /^\p{Ll}/u.test(this.plain(line))) softWraps++;
      previous = line;
    }
    closePage(this.lines.length);
    for (let i = bodyStart; i < this.lines.length; i++) {
      const line = this.lines[i];
      if (line.kind !== 'text') continue;
      if (this.relativeIndent.has(line)) indented++;
      else flush++;
    }
    // Page furniture of a PDF extraction makes a single soft wrap enough evidence.
    const pdfFurniture = this.furniture.some((f) => f.kind === 'link' || f.kind === 'pageFooter' || f.kind === 'barcode' || f.kind === 'separator');
    this.wrapped = (softWraps >= 3 && softWraps * 5 >= textLines) || (pdfFurniture && softWraps >= 1);
    // PyMuPDF keeps a stray leading space on a few lines (a label, a justified line) of text whose
    // paragraphs stand between blank lines: blank lines far outnumbering the indents mark them.
    const blankLinesRule = afterBlank > indented * 2;
    this.indentMarksParagraphs = this.wrapped && indented >= 3 && flush >= 3 && !blankLinesRule;
    this.blankSeparated = this.wrapped && !this.indentMarksParagraphs && afterBlank >= 3 && afterBlank * 12 >= textLines;
    this.pdfLike = this.wrapped || this.furniture.some((f) => f.kind === 'link' || f.kind === 'pageFooter');
    this.layoutKnown = true;
  }

  private form(): SourceForm {
    if (this.pdfLike) return 'pdf';
    const markdown = /^#{1,6}[ \t]|<sup>|\]\([^)\s]*\)|^[ \t]*\*[A-Z]/m;
    return markdown.test(this.text) ? 'markdown' : 'plain';
  }

  // ---- footnotes ------------------------------------------------------------------------

  /**
   * Groups footnote lines into blocks. After a separator (PDF), a line that does not start a new
   * footnote continues the previous one until page furniture or a line that starts a paragraph.
   */
  private readFootnotes(): void {
    let block: { start: number; end: number; items: { line: ClassifiedLine; lines: ClassifiedLine[] }[] } | undefined;
    let separatorStart = -1;
    let afterSeparator = false;
    const close = () => {
      if (block && block.items.length > 0) this.finishFootnoteBlock(block.start, block.items);
      block = undefined;
    };
    let blankBefore = false;
    for (const line of this.lines) {
      if (line.kind === 'blank') {
        blankBefore = true;
        continue;
      }
      const afterBlank = blankBefore;
      blankBefore = false;
      if (line.kind === 'furniture') {
        if (line.furniture === 'separator' || line.furniture === 'rule') {
          close();
          separatorStart = line.contentStart;
          afterSeparator = line.furniture === 'separator';
        } else {
          close();
          separatorStart = -1;
          afterSeparator = false;
        }
        continue;
      }
      if (line.kind === 'footnote') {
        // "2  The Committee … as from⏎7 February 1984." or a wrapped "… paragraph⏎12 of": a bare
        // number out of sequence right after a footnote's line continues that footnote.
        const open = block?.items[block.items.length - 1];
        const outOfSequence = open !== undefined && /^\d+$/.test(open.line.footnote!.label) && /^\d+$/.test(line.footnote!.label) && Number(line.footnote!.label) !== Number(open.line.footnote!.label) + 1;
        if (open && outOfSequence && !afterBlank && line.footnote!.style === 'bare') {
          line.footnote = undefined;
          open.lines.push(line);
          continue;
        }
        // Markdown conversions break a footnote whose line begins with a number into a footnote
        // of its own: "[^7]: February 1984." right after "… as from" goes on that footnote, and a
        // "[^1994]: Review Conference …" is the next footnote, its text opening with the year.
        if (open && outOfSequence && line.footnote!.style === 'markdown') {
          const number = Number(line.footnote!.label);
          if (!afterBlank) {
            line.footnote!.keepsLabel = true;
            open.lines.push(line);
            continue;
          }
          if (number >= 1900 && number <= 2100) {
            line.footnote!.keepsLabel = true;
            line.footnote!.label = String(Number(open.line.footnote!.label) + 1);
          }
        }
        if (!block) block = { start: separatorStart >= 0 ? separatorStart : line.contentStart, end: line.contentEnd, items: [] };
        block.items.push({ line, lines: [line] });
        continue;
      }
      const last = block?.items[block.items.length - 1];
      // A Markdown footnote continues on the lines right after it, indented or lazily.
      if (last && !afterBlank && last.line.footnote!.style === 'markdown') {
        line.kind = 'footnote';
        last.lines.push(line);
        continue;
      }
      if (last && afterSeparator) {
        const previous = last.lines[last.lines.length - 1];
        const plain = this.plain(line);
        const startsParagraph = LABEL_START.test(plain) || preambularOpeningLength(plain) > 0;
        // A footnote line without its final mark goes on ("Industrial Development Report 2024:⏎Turning
        // Challenges into …"), even when the next line opens like a paragraph.
        const unfinished = !afterBlank && !/[.;]\s*$/.test(this.plain(previous));
        if (/^\p{Ll}/u.test(plain) || unfinished || ((!afterBlank || !/\.\s*$/.test(this.plain(previous))) && !startsParagraph)) {
          line.kind = 'footnote';
          last.lines.push(line);
          continue;
        }
      }
      close();
      separatorStart = -1;
      afterSeparator = false;
    }
    close();
    for (const footnote of this.footnotes) this.context.footnoteLabels.add(footnote.label);
  }

  /** Finds the footnote markers printed as plain digits, for the whole document at once (markers.ts). */
  private placeMarkers(): void {
    if (this.footnotes.length === 0) return;
    const candidates: MarkerCandidate[] = [];
    const explicit: { at: number; label: string }[] = [];
    for (const line of this.lines) {
      if (line.kind !== 'text') continue;
      markerCandidates(this.text, line.contentStart, line.contentEnd, this.context.footnoteLabels, candidates);
      for (const marker of scanInline(this.text, line.contentStart, line.contentEnd, { footnoteLabels: this.context.footnoteLabels }).markers) {
        explicit.push({ at: marker.start, label: marker.label });
      }
    }
    const footnotes = this.footnotes.map((f) => ({ label: f.label, at: f.labelSpan.start })).sort((a, b) => a.at - b.at);
    this.context.glued = chooseMarkers(candidates, footnotes, explicit);
  }

  private finishFootnoteBlock(start: number, items: { line: ClassifiedLine; lines: ClassifiedLine[] }[]): void {
    const footnotes: Footnote[] = items.map(({ line, lines }) => {
      const start = line.footnote!.labelSpan.start;
      const segments: Segment[] = lines.map((l, i) => {
        const own = l.footnote;
        if (own?.keepsLabel) {
          // The label's digits are text ("7 February 1984"): keep them, drop "[^", "]:".
          const digits = own.labelSpan.start + 2;
          const digitsEnd = this.text.indexOf(']', digits);
          const inline = scanInline(this.text, own.textStart, l.contentEnd, { footnoteLabels: new Set() });
          const skips = [{ start: digitsEnd, end: Math.max(digitsEnd, own.textStart - 1) }, ...inline.skips];
          return { start: digits, end: l.contentEnd, skips };
        }
        const from = i === 0 ? line.footnote!.textStart : l.contentStart;
        return { start: from, end: l.contentEnd, skips: scanInline(this.text, from, l.contentEnd, { footnoteLabels: new Set() }).skips };
      });
      const content = buildCleanText(this.text, segments);
      const footnote: Footnote = { start, end: lines[lines.length - 1].contentEnd, label: line.footnote!.label, labelSpan: line.footnote!.labelSpan, content };
      appendAll(this.citations, findCitations(content, 'footnote'));
      return footnote;
    });
    appendAll(this.footnotes, footnotes);
    this.footnoteBlocks.push({ start: Math.min(start, footnotes[0].start), end: footnotes[footnotes.length - 1].end, footnotes });
  }

  // ---- body -----------------------------------------------------------------------------

  private readBody(bodyStart: number, document: ResolutionDocument): void {
    const raws = this.joinNamedItems(this.groupParagraphs(bodyStart));
    // Each block's label, read once: the loop and the look-ahead for the next number both need it.
    let lastNumber: number | undefined;
    const labels = raws.map((raw) => {
      const label = this.labelOf(raw.lines[0], lastNumber);
      if (label?.kind === 'number') lastNumber = Number(label.value);
      return label;
    });
    const nextNumbers = nextNumbersOf(labels);
    let part: ParagraphKind = 'preambular';
    let current: Paragraph | undefined;
    /** The last operative paragraph read with a number, kept rather than searched for at every section or attachment. */
    let lastNumbered: Paragraph | undefined;
    /** After a heading that follows operative paragraphs: a new section of a resolution in parts. */
    let sectionStart = false;
    /** How many paragraphs of each part were inserted with "bis", "ter" …: they take no place in the count. */
    const suffixed: Record<ParagraphKind, number> = { preambular: 0, operative: 0 };
    /** The operative paragraphs since the last heading, while there is one. */
    let section: Paragraph[] | undefined;
    const closeSection = () => {
      if (section?.length === 1 && section[0].number === undefined && document.operative.length > 1) section[0].aloneInSection = true;
      section = undefined;
    };
    for (let r = 0; r < raws.length; r++) {
      const raw = raws[r];
      const first = raw.lines[0];
      const plain = this.plain(first);
      // The resolution ends at its closing line or at an annex heading; what follows is attached text.
      if (document.closing || isAnnexHeading(this.plainOf(raw))) {
        closeSection();
        this.readAnnex(raws.slice(r), document);
        break;
      }
      const closing = CLOSING.exec(this.plainOf(raw));
      if (closing) {
        closeSection();
        document.closing = this.closingLine(raw, closing);
        continue;
      }
      const label = labels[r] ?? this.numberWithoutStop(raw, current);
      if (label?.kind !== 'letter' && label?.kind !== 'decimal' && current && this.introducesAttachedText(current, raw, label)) {
        // The attached text runs to the closing line, or, when it is a numbered list ("1. Opening
        // of the Congress."), to the resolution's next paragraph: its next number, an operative verb.
        current.introduces = 'attachment';
        const nextNumber = (current.number ?? lastNumbered?.number ?? 0) + 1;
        let end = r;
        while (end < raws.length) {
          const next = raws[end];
          const text = this.plainOf(next);
          if (CLOSING.test(text)) break;
          const resumed = ANY_OPERATIVE_NUMBER.exec(text);
          if (label && resumed && Number(resumed[1]) === nextNumber && operativeOpeningLength(text.replace(ANY_OPERATIVE_NUMBER, '')) > 0) break;
          end++;
        }
        end = Math.max(end, r + 1);
        this.readAnnex(raws.slice(r, end), document);
        r = end - 1;
        continue;
      }
      if (!label && this.isTable(raw)) {
        document.tables.push({ start: first.contentStart, end: raw.lines[raw.lines.length - 1].contentEnd });
        if (current && !current.introduces && current.subparagraphs.length === 0 && /:$/.test(current.content.text)) current.introduces = 'table';
        continue;
      }
      if (!label && this.isHeading(raw)) {
        document.headings.push({ start: first.contentStart, end: raw.lines[raw.lines.length - 1].contentEnd, text: this.plainOf(raw) });
        if (document.operative.length > 0) sectionStart = true;
        // Several heading lines ("XX", "International Trade Centre") head one section.
        if (section === undefined || section.length > 0) {
          closeSection();
          section = [];
        }
        continue;
      }
      if (label?.kind === 'letter' || label?.kind === 'decimal') {
        if (current) {
          this.attachSubparagraph(current, raw, label);
          continue;
        }
      }
      if (!label && current && this.lostLabel(current, raw, nextNumbers[r])) {
        this.attachSubparagraph(current, raw, undefined);
        continue;
      }
      let kind: ParagraphKind = part;
      if (label?.kind === 'number' && current?.kind === 'operative' && current.number === undefined && current.subparagraphs.length === 0 && /:$/.test(current.content.text)) {
        // "Resolves that:" then "1. The Working Capital Fund shall be …": a chapeau over the numbered paragraphs.
        if (operativeOpeningLength(this.plainOf(raw).replace(ANY_OPERATIVE_NUMBER, '')) === 0) current.introduces = 'paragraphs';
      }
      if (label?.kind === 'number') {
        // A number put on a preambular paragraph by mistake ("3. Stressing …,") must not move
        // the rest of the preamble into the operative part.
        const content = this.plainOf(raw).replace(ANY_OPERATIVE_NUMBER, '');
        const readsPreambular: boolean = part === 'preambular' && preambularOpeningLength(content) > 0 && operativeOpeningLength(content) === 0 && this.finalMark(raw) === ',';
        kind = readsPreambular ? 'preambular' : 'operative';
      } else if (label?.kind === 'name') {
        kind = 'preambular';
      } else if (part === 'preambular' && !label) {
        const content = plain;
        const operative = operativeOpeningLength(content) > 0 && preambularOpeningLength(content) === 0;
        if (operative && /[;.:]/.test(this.finalMark(raw))) kind = 'operative';
      } else if (sectionStart && !label && this.finalMark(raw) === ',' && ((preambularOpeningLength(plain) > 0 && operativeOpeningLength(plain) === 0) || labels[r + 1]?.value === '1')) {
        // A section of a resolution in parts ("II. Financial performance report") opens with its
        // own preamble; "Recalls its resolution 77/263 A, …," before "1." is part of it too.
        kind = 'preambular';
      }
      part = kind;
      const list = kind === 'preambular' ? document.preambular : document.operative;
      // "2 bis" is named after paragraph 2 and takes no place of its own in the count.
      const counted = list.length - suffixed[kind];
      const index = label?.suffix ? Math.max(1, counted) : counted + 1;
      if (label?.suffix) suffixed[kind]++;
      current = this.paragraph(raw, kind, index, label?.kind === 'number' || label?.kind === 'name' ? label : undefined);
      if (kind === 'operative') {
        // Each section numbers its paragraphs from 1 again.
        if (sectionStart && current.number === 1 && lastNumbered) current.restartsNumbering = true;
        sectionStart = false;
        section?.push(current);
        if (current.number !== undefined) lastNumbered = current;
      }
      list.push(current);
    }
    closeSection();
    // The preamble proper: a section's own preamble, after operative paragraphs, stands in the operative part.
    const firstOperative = document.operative[0]?.start ?? Infinity;
    const leading = document.preambular.filter((p) => p.start < firstOperative);
    if (leading.length > 0) document.preamble = { start: leading[0].start, end: leading[leading.length - 1].end };
    if (document.operative.length > 0) {
      document.operativePart = { start: document.operative[0].start, end: document.operative[document.operative.length - 1].end };
    }
  }

  /**
   * An unlabelled block after a paragraph that ends with a colon, or after its sub-paragraphs, is
   * a sub-paragraph whose label the extraction lost when it does not open like a paragraph of
   * its own: "To …" and lower-case starts never do; an operative verb or a preambular phrase does.
   */
  private lostLabel(current: Paragraph, raw: RawParagraph, nextNumber: number | undefined): boolean {
    const text = this.plainOf(raw);
    const last = lastNode(current);
    if (last === current ? !/:$/.test(current.content.text) : !/[;:]$/.test(last.content.text) && !/:$/.test(current.content.text)) return false;
    if (/^(?:To\s|\p{Ll})/u.test(text)) return true;
    // An operative paragraph never opens with a participle: "Requesting the Commission …" is an item.
    if (current.kind === 'operative' && preambularOpeningLength(text) > 0 && operativeOpeningLength(text) === 0 && /[;.]$/.test(text)) return true;
    // "… a major contribution to:" then "International peace and security," and "Eliminating
    // chemical weapons …,": once the list's labels are known to be lost, its gerunds are items too.
    if (current.kind === 'preambular' && last !== current && (last as SubParagraph).label === '' && ENDS_WITH_PREPOSITION.test(current.content.text)) return true;
    // "2. … and in this regard:" then "Decides …", "Requests …" and then "3.": items that open
    // with verbs of their own, whose letters were lost; a lost number would leave a gap before the next.
    if (current.kind === 'operative' && current.number !== undefined && nextNumber === current.number + 1) return true;
    return preambularOpeningLength(text) === 0 && operativeOpeningLength(text) === 0;
  }

  /**
   * "(b) The panels will address the following themes:" then "Panel 1: Tackling …;" and "Panel 2:
   * …;": items that carry their own names belong to the text that announces them; they are
   * neither paragraphs nor sub-paragraphs that lost a label.
   */
  private joinNamedItems(raws: RawParagraph[]): RawParagraph[] {
    const joined: RawParagraph[] = [];
    let announcing = false;
    for (const raw of raws) {
      const previous = joined[joined.length - 1];
      const text = this.plainOf(raw);
      // The question a paragraph puts to the Court ("… occupation:⏎What are the obligations …?") is its text too.
      // So is a theme quoted on its own line ("will be:⏎“Fostering a multilateral … solidarity”").
      if (previous && announcing && (NAMED_ITEM.test(text) || /\?[”"’]?$/.test(text) || /^“[^“”]*”[;.,]?$/.test(text))) {
        appendAll(previous.lines, raw.lines);
        continue;
      }
      announcing = /:$/.test(text);
      joined.push(raw);
    }
    return joined;
  }

  /**
   * "26⏎Condemns without reservation …": a paragraph number that lost its full stop, alone on its
   * line, is taken only when it is the next number and an operative verb follows; a number alone
   * is otherwise a table cell or furniture.
   */
  private numberWithoutStop(raw: RawParagraph, current: Paragraph | undefined): Label | undefined {
    const first = raw.lines[0];
    const match = /^\d{1,3}$/.exec(this.plain(first));
    if (!match || raw.lines.length < 2 || current?.kind !== 'operative' || current.number === undefined) return undefined;
    if (Number(match[0]) !== current.number + 1 || operativeOpeningLength(this.plain(raw.lines[1])) === 0) return undefined;
    const start = this.text.indexOf(match[0], first.contentStart);
    return { kind: 'number', value: match[0], span: { start, end: start + match[0].length }, contentStart: raw.lines[1].contentStart };
  }

  /**
   * "Adopts the following political declaration …:" followed by the declaration itself, with no
   * "Annex" heading: the text after it is attached, not operative paragraphs of the resolution.
   */
  private introducesAttachedText(current: Paragraph, raw: RawParagraph, label: Label | undefined): boolean {
    if (current.kind !== 'operative' || current.subparagraphs.length > 0 || !current.content.text.endsWith(':')) return false;
    if (!ATTACHES_TEXT.test(current.content.text)) return false;
    const text = this.plainOf(raw);
    // "1. We, the Heads of State …", "1. Opening of the Congress.": numbered, but not the resolution's own paragraphs.
    if (label) return operativeOpeningLength(text.replace(ANY_OPERATIVE_NUMBER, '')) === 0;
    return !/^(?:To\s|\p{Ll})/u.test(text);
  }

  /** Attached text (an annex, a declaration): its citations and markers count, its paragraphs are not the resolution's. */
  private readAnnex(raws: RawParagraph[], document: ResolutionDocument): void {
    if (raws.length === 0) return;
    for (const raw of raws) {
      const content = this.cleanOf(raw.lines, raw.lines[0].contentStart);
      appendAll(this.citations, findCitations(content, 'paragraph'));
    }
    const last = raws[raws.length - 1];
    document.attachments.push({ start: raws[0].lines[0].contentStart, end: last.lines[last.lines.length - 1].contentEnd });
  }

  /** Joins lines into paragraphs: see ARCHITECTURE.md, "Reading paragraphs". */
  private groupParagraphs(bodyStart: number): RawParagraph[] {
    const paragraphs: RawParagraph[] = [];
    let current: RawParagraph | undefined;
    const gap: Gap = { blank: false, interrupted: false, pageBreak: false };
    /** The number of the last paragraph started with one: a number past 999 is read only near it. */
    let lastNumber: number | undefined;
    /** After a note line: the paragraph it annotates has ended. */
    let afterNote = false;
    for (let i = bodyStart; i < this.lines.length; i++) {
      const line = this.lines[i];
      if (line.kind === 'blank') {
        gap.blank = true;
        continue;
      }
      if (line.kind !== 'text') {
        gap.interrupted = true;
        if (line.kind === 'furniture' && line.furniture !== 'rule' && line.furniture !== 'separator') gap.pageBreak = true;
        continue;
      }
      // A compilation text sets a paragraph's status on a line under it ("Agreed ad ref",
      // "[Pending]"): the note annotates the paragraph above and is never a paragraph of its own.
      const note = noteLineKind(this.plain(line));
      const above = current?.notes?.[current.notes.length - 1] ?? current?.lines[current.lines.length - 1];
      if (note === 'status' || (note === 'attribution' && above && /[\]),;:.]$/.test(this.plain(above)))) {
        this.noteLines.push({ start: line.contentStart, end: line.contentEnd });
        if (current) (current.notes ??= []).push(line);
        afterNote = true;
        continue;
      }
      if (!current || afterNote || this.startsParagraph(current, line, i, gap, lastNumber)) {
        current = { lines: [line] };
        paragraphs.push(current);
        const plain = this.plain(line).replace(LEADING_BRACKETS, '');
        const number = OPERATIVE_NUMBER.exec(plain) ?? longNumberAt(plain, lastNumber);
        if (number) lastNumber = Number(number[1]);
      } else current.lines.push(line);
      gap.blank = gap.interrupted = gap.pageBreak = afterNote = false;
    }
    return paragraphs;
  }

  /**
   * Whether `line` opens a new paragraph after `current`. The evidence, strongest first: a
   * number or label (unless the line before leaves a reference open: "paragraph⏎(a) of"), a
   * lower-case start (never), the first-line indent where the extraction keeps one, then the
   * final mark of the line before and whether the line opens like a paragraph. A page break or
   * a blank line after a paragraph that has no final mark is a break in the page, not the end
   * of the paragraph.
   */
  private startsParagraph(current: RawParagraph, line: ClassifiedLine, index: number, gap: Gap, lastNumber: number | undefined): boolean {
    const plain = this.plain(line);
    const previous = current.lines[current.lines.length - 1];
    const labelled = LABEL_START.test(plain) || longNumberAt(plain, lastNumber) !== null;
    if (current.lines.length === 1 && this.labelOnly(previous, lastNumber) && !labelled) return false;
    // "…,]" ends a paragraph proposed in brackets as "…," ends one.
    const terminated = this.terminated(previous) || /[,;:.]\]{1,3}$/.test(this.endOf(previous));
    if (labelled) {
      if (terminated || gap.blank || gap.interrupted || this.relativeIndent.has(line)) return true;
      return !LEAVES_REFERENCE_OPEN.test(this.plain(previous)) && !this.wrapped;
    }
    if (CLOSING.test(plain)) return true;
    // "[Noting …,]": a paragraph proposed in brackets opens with the words inside them.
    const words = plain.replace(LEADING_BRACKETS, '');
    if (/^\p{Ll}/u.test(words)) return false;
    const opens = opensParagraph(words);
    if (this.indentMarksParagraphs) {
      // A heading at the margin after a finished sentence and a blank line starts a block too.
      if ((gap.blank || gap.pageBreak) && /[;:.]$/.test(this.endOf(previous))) return true;
      return this.relativeIndent.has(line) && (terminated || opens);
    }
    // Wrapped text whose paragraphs stand between blank lines: a line right after another goes on.
    if (this.blankSeparated && !gap.blank && !gap.interrupted) return false;
    if (gap.interrupted) {
      // Across footnotes or a page break, a paragraph without its final mark goes on; after its
      // mark, a heading standing alone ("Social aspects") starts a block of its own.
      if (!terminated) return false;
      return !this.wrapped || /[;:.]$/.test(this.endOf(previous)) || opens || this.headingLine(index);
    }
    if (gap.blank) {
      if (terminated || !this.paragraphLike(current)) return true;
      // A blank line inside a paragraph is a page break the extraction kept ("Production and⏎⏎Stockpiling",
      // "Paralympic Winter⏎⏎Games, as"); a draft being typed leaves short paragraphs without their mark.
      const long = this.plainLengthAtLeast(current, 60);
      if (long && ENDS_WITH_FUNCTION_WORD.test(this.endOf(previous))) return false;
      return opensWithKnownPhrase(words) || !long;
    }
    // Lines in a row: a new paragraph only after a final mark and before a phrase of the vocabulary
    // ("multilateralism,⏎Convinced that"), never before "Los Angeles,⏎United States" or a title.
    return terminated && opensWithKnownPhrase(words);
  }

  /**
   * A table as PDF tools give it: a cell a line, many short lines without final marks; and the
   * notes under a table ("Abbreviations: …", "Note: …").
   */
  private isTable(raw: RawParagraph): boolean {
    const lines = raw.lines.map((line) => this.plain(line));
    if (/^(?:Abbreviations?|Notes?|Source|Sources):\s/.test(lines[0])) return true;
    if (lines.length < 6) return false;
    // PyMuPDF breaks some justified lines into a word per line ("Reaffirming⏎the⏎2030 Agenda for"):
    // a paragraph that opens with its phrase, or like one and ends like one, is not a table.
    const text = this.plainOf(raw);
    if (opensWithKnownPhrase(text)) return false;
    if ((preambularOpeningLength(text) > 0 || operativeOpeningLength(text) > 0) && /[,;.]$/.test(text)) return false;
    // Cells are short and end without marks; wrapped paragraph lines run to the margin.
    const unmarked = lines.filter((line) => !/[;.,]$/.test(line)).length;
    const mean = lines.reduce((n, line) => n + line.length, 0) / lines.length;
    return unmarked * 4 >= lines.length * 3 && mean <= 40;
  }

  /**
   * A section heading between paragraphs ("II", "B. Mandate", "Peacebuilding financing"): no
   * final mark, and either a roman numeral or letter, or words that do not open a paragraph with
   * a phrase of the vocabulary.
   * A draft's unfinished "Noting that" opens like a paragraph, so it stays one.
   */
  private isHeading(raw: RawParagraph): boolean {
    const text = this.plainOf(raw);
    if (/^(?:[IVXL]{1,6}|[A-Z])\.?$/.test(text)) return true;
    if (this.terminated(raw.lines[raw.lines.length - 1]) || !/^\p{Lu}/u.test(text)) return false;
    if (text.split(/\s+/).length > 60) return false;
    // "Ensuring adequate funding …", "Investments of the Fund": shaped like an opening, not one of the vocabulary.
    return /^(?:[IVXL]{1,6}|[A-Z])\.\s+\p{Lu}/u.test(text) || !opensWithKnownPhrase(text);
  }

  /** A short line without a final mark and a blank line after it: a heading, if it stands between paragraphs. */
  private headingLine(index: number): boolean {
    const plain = this.plain(this.lines[index]);
    const next = this.lines[index + 1];
    return (next === undefined || next.kind === 'blank') && plain.split(/\s+/).length <= 8 && !/[,;:.]$/.test(plain) && !opensWithKnownPhrase(plain);
  }

  /** A line that holds only a paragraph number or label ("1. ", "(a)"): its text is on the next line. */
  private labelOnly(line: ClassifiedLine, lastNumber: number | undefined): boolean {
    const label = this.labelOf(line, lastNumber);
    return label !== undefined && label.contentStart >= line.contentEnd;
  }

  /** Whether a block reads as (the start of) a paragraph rather than a heading or a short title. */
  private paragraphLike(raw: RawParagraph): boolean {
    const first = this.plain(raw.lines[0]);
    return LABEL_START.test(first) || opensParagraph(first) || raw.lines.length > 1 || first.split(/\s+/).length > 8;
  }

  /** The lines that hold a block's own text, from `contentStart`, or from the next line when the label stands alone. */
  private contentLines(raw: RawParagraph, contentStart: number): { lines: ClassifiedLine[]; contentStart: number } {
    if (contentStart >= raw.lines[0].contentEnd && raw.lines.length > 1) return { lines: raw.lines.slice(1), contentStart: raw.lines[1].contentStart };
    return { lines: raw.lines, contentStart };
  }

  private paragraph(raw: RawParagraph, kind: ParagraphKind, index: number, number: Label | undefined): Paragraph {
    const start = raw.lines[0].contentStart;
    const { lines, contentStart } = this.contentLines(raw, number ? number.contentStart : start);
    let content = this.cleanOf(lines, contentStart);
    const splits = openingSplitSpaces(content.text);
    if (splits.length > 0) content = withoutCleanChars(content, splits);
    const ownEnd = raw.lines[raw.lines.length - 1].contentEnd;
    const paragraph: Paragraph = {
      kind,
      index,
      start,
      end: endWithNotes(raw),
      ownEnd,
      segments: lines.map((l, i) => ({ start: i === 0 ? contentStart : l.contentStart, end: l.contentEnd })),
      content,
      subparagraphs: [],
    };
    if (number?.kind === 'number') {
      paragraph.number = Number(number.value);
      paragraph.numberSpan = number.span;
    }
    if (number?.suffix) paragraph.suffix = number.suffix;
    if (number?.part) paragraph.compilationName = { ...number.span, part: number.part, number: Number(number.value) };
    const opening = this.opening(lines[0], contentStart, content, kind);
    if (opening) paragraph.opening = opening;
    appendAll(this.citations, findCitations(content, 'paragraph'));
    appendAll(this.references, findReferences(content));
    return paragraph;
  }

  /** The brackets and notes of the paragraphs, footnote bodies, furniture, tables and attached text left out. */
  private negotiationOf(document: ResolutionDocument): ResolutionDocument['negotiation'] {
    const paragraphs = [...document.preambular, ...document.operative].sort((a, b) => a.start - b.start);
    const excluded = [...document.footnoteBlocks, ...document.furniture, ...document.tables, ...document.attachments].sort((a, b) => a.start - b.start);
    const ends: number[] = [];
    const pending: (Paragraph | SubParagraph)[] = [...paragraphs];
    while (pending.length > 0) {
      const block = pending.pop()!;
      ends.push(block.segments[block.segments.length - 1]?.end ?? block.ownEnd);
      for (const sub of block.subparagraphs) pending.push(sub);
    }
    return readNegotiation(this.text, paragraphs, excluded, ends, this.noteLines);
  }

  /** Attaches a labelled sub-paragraph, or one whose label was lost (`label` undefined). */
  private attachSubparagraph(parent: Paragraph, raw: RawParagraph, label: Label | undefined): void {
    const { lines, contentStart } = this.contentLines(raw, label ? label.contentStart : raw.lines[0].contentStart);
    const content = this.cleanOf(lines, contentStart);
    const ownEnd = raw.lines[raw.lines.length - 1].contentEnd;
    const end = endWithNotes(raw);
    const { scheme, depth, container } = label ? this.placeLabel(parent, label) : this.placeLost(parent);
    const sub: SubParagraph = {
      label: !label ? '' : label.kind === 'letter' ? `(${label.value})` : label.value,
      labelSpan: label ? label.span : { start: contentStart, end: contentStart },
      scheme,
      depth,
      start: raw.lines[0].contentStart,
      end,
      ownEnd,
      segments: lines.map((l, i) => ({ start: i === 0 ? contentStart : l.contentStart, end: l.contentEnd })),
      content,
      subparagraphs: [],
    };
    if (label?.suffix) sub.suffix = label.suffix;
    container.subparagraphs.push(sub);
    appendAll(this.citations, findCitations(content, 'paragraph'));
    appendAll(this.references, findReferences(content));
    // Every ancestor now reaches to the end of this sub-paragraph.
    parent.end = Math.max(parent.end, end);
    const lastOf = (node: Paragraph | SubParagraph): SubParagraph | undefined => node.subparagraphs[node.subparagraphs.length - 1];
    for (let node = lastOf(parent); node && node !== sub; node = lastOf(node)) {
      node.end = Math.max(node.end, end);
    }
  }

  /**
   * An item whose label was lost: the first item under a sub-paragraph that ends with ":" and has
   * none yet ("(b) … by:" then "Assisting …"), otherwise the next item of the paragraph. Which
   * level a later lost item belongs to cannot be told; the paragraph's own level is the likelier.
   */
  private placeLost(parent: Paragraph): { scheme: LabelScheme; depth: number; container: Paragraph | SubParagraph } {
    const lastTop = parent.subparagraphs[parent.subparagraphs.length - 1];
    if (lastTop && lastTop.subparagraphs.length === 0 && /:$/.test(lastTop.content.text)) return { scheme: 'roman', depth: 2, container: lastTop };
    return { scheme: lastTop?.scheme ?? 'alpha', depth: 1, container: parent };
  }

  /**
   * (a), (b) … restart in each paragraph; (i), (ii) … nest one level down; "(i)" after "(h)" is a
   * letter. Decimal labels nest by their number of parts.
   */
  private placeLabel(parent: Paragraph, label: Label): { scheme: LabelScheme; depth: number; container: Paragraph | SubParagraph } {
    const top = parent.subparagraphs;
    const lastTop = top[top.length - 1];
    if (label.kind === 'decimal') {
      const depth = label.value.split('.').length - 1;
      let container: Paragraph | SubParagraph = parent;
      for (let d = 1; d < depth; d++) {
        const last: SubParagraph | undefined = container.subparagraphs[container.subparagraphs.length - 1];
        if (!last || last.scheme !== 'decimal') break;
        container = last;
      }
      return { scheme: 'decimal', depth: container === parent ? 1 : (container as SubParagraph).depth + 1, container };
    }
    const value = label.value;
    const roman = isRoman(value);
    if (roman && lastTop && lastTop.scheme === 'alpha') {
      const expectedLetter = nextLetter(lastTop.label.slice(1, -1));
      const romanChild = lastTop.subparagraphs[lastTop.subparagraphs.length - 1];
      const continuesRoman = romanChild?.scheme === 'roman';
      if (value === expectedLetter && !continuesRoman) return { scheme: 'alpha', depth: 1, container: parent };
      // "(ii)" under "(b)" is a roman numeral: doubled letters ("(aa)") only follow "(z)".
      const doubledLetters = lastTop.label.length > 3;
      if (value === 'i' || continuesRoman || (value.length > 1 && !doubledLetters)) return { scheme: 'roman', depth: 2, container: lastTop };
    }
    if (roman && (!lastTop || lastTop.scheme === 'roman')) return { scheme: 'roman', depth: 1, container: parent };
    return { scheme: 'alpha', depth: 1, container: parent };
  }

  private closingLine(raw: RawParagraph, match: RegExpExecArray): ClosingLine {
    const start = raw.lines[0].contentStart;
    const closing: ClosingLine = { start, end: raw.lines[raw.lines.length - 1].contentEnd, meeting: match[1] };
    const iso = match[2] ? isoDate(Number(match[2]), match[3], Number(match[4])) : undefined;
    if (iso) {
      const clean = this.cleanOf(raw.lines, start);
      const dateText = `${match[2]} ${match[3]} ${match[4]}`;
      const at = clean.text.indexOf(dateText);
      const span = at >= 0 ? toSourceSpan(clean, at, at + dateText.length) : undefined;
      if (span) closing.date = { start: span.start, end: span.end, text: dateText, iso };
    }
    return closing;
  }

  // ---- helpers --------------------------------------------------------------------------

  private opening(first: ClassifiedLine, contentStart: number, content: CleanText, kind: ParagraphKind): Paragraph['opening'] {
    const text = content.text;
    // Markdown and Word exports set the opening phrase in italics: take exactly what is italic.
    const source = this.text.slice(contentStart, first.contentEnd);
    const italic = /^(\*{1,2}|_{1,2})([^*_\n]{1,80}?)\1(?![*_])/.exec(source);
    if (italic && italic[2].trim().split(/\s+/).length <= 6 && /^\p{L}/u.test(italic[2])) {
      const at = contentStart + italic[1].length;
      const phrase = italic[2].trim();
      return { start: at, end: at + phrase.length, text: phrase };
    }
    // "[Also requests …]": a paragraph in brackets opens with the phrase inside them.
    const lead = /^(?:\[\s*)*/.exec(text)![0].length;
    const words = text.slice(lead);
    let length = kind === 'preambular' ? preambularOpeningLength(words) : operativeOpeningLength(words);
    if (length === 0) length = /^[\p{L}][\p{L}'’-]*/u.exec(words)?.[0].length ?? 0;
    if (length === 0) return undefined;
    // The clean text starts at the paragraph's first character; a phrase whose split words were
    // joined ("Reaffi rms") spans the pieces in the source.
    const span = toSourceSpan(content, lead, lead + length);
    if (span.start > first.contentEnd) return undefined;
    return { start: span.start, end: span.end, text: words.slice(0, length) };
  }

  /** `lastNumber`: the number of the paragraph before, which a number past 999 must stand near. */
  private labelOf(line: ClassifiedLine, lastNumber: number | undefined): Label | undefined {
    const source = this.text.slice(line.contentStart, line.contentEnd);
    // "[2 bis. Also requests …]": a whole paragraph proposed in brackets is numbered inside them.
    const lead = LEAD.exec(source)![0].length;
    const rest = source.slice(lead);
    const make = (kind: Label['kind'], match: RegExpExecArray, value: string, labelLength: number): Label => {
      const start = line.contentStart + lead;
      let contentStart = start + match[0].length;
      while (contentStart < line.contentEnd && /\s/.test(this.text[contentStart])) contentStart++;
      return { kind, value, span: { start, end: start + labelLength }, contentStart };
    };
    let match = DECIMAL_LABEL.exec(rest);
    if (match) return make('decimal', match, match[1], match[0].trimEnd().length);
    match = SUFFIXED_NUMBER.exec(rest) ?? COMPILATION_NAME.exec(rest);
    if (match) {
      const named = match[1] === 'PP' || match[1] === 'OP';
      const label = make(match[1] === 'PP' ? 'name' : 'number', match, named ? match[2] : match[1], match[0].trimEnd().length);
      if (named) label.part = match[1] as 'PP' | 'OP';
      const suffix = named ? match[3] : match[2];
      if (suffix) {
        const at = label.span.start + match[0].indexOf(suffix, named ? 2 + match[2].length : match[1].length);
        label.suffix = { start: at, end: at + suffix.length, text: suffix };
      }
      return label;
    }
    match = OPERATIVE_NUMBER.exec(rest) ?? longNumberAt(rest, lastNumber);
    if (match) return make('number', match, match[1], match[1].length + 1);
    match = LETTER_LABEL.exec(rest);
    if (match) {
      const label = make('letter', match, match[1], match[1].length + 2);
      if (match[2]) {
        const at = label.span.start + match[0].indexOf(match[2], match[1].length + 2);
        label.suffix = { start: at, end: at + match[2].length, text: match[2] };
      }
      return label;
    }
    return undefined;
  }

  /** A line's text with emphasis and link syntax removed, for decisions about structure. */
  private plain(line: ClassifiedLine): string {
    return (line.plain ??= this.text
      .slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 400))
      .replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1')
      .replace(/<\/?[A-Za-z][^<>]*>/g, '')
      .replace(/[*_]{1,3}/g, '')
      .trim());
  }

  /**
   * Whether `plainOf(raw)` is at least `length` long, reading only the lines it needs: a paragraph
   * that grows a line at a time would otherwise be joined again at every line.
   */
  private plainLengthAtLeast(raw: RawParagraph, length: number): boolean {
    let total = -1;
    for (const line of raw.lines) {
      total += this.plain(line).length + 1;
      if (total >= length) return true;
    }
    return false;
  }

  private plainOf(raw: RawParagraph): string {
    if (raw.plain?.lines !== raw.lines.length) raw.plain = { lines: raw.lines.length, text: raw.lines.map((line) => this.plain(line)).join(' ') };
    return raw.plain.text;
  }

  /** The final mark of a block (", ; : ."), footnote markers and closing quotes aside; '' when none. */
  private finalMark(raw: RawParagraph): string {
    const end = this.endOf(raw.lines[raw.lines.length - 1]);
    return /[,;:.]$/.test(end) ? end.slice(-1) : '';
  }

  /** Whether a line ends a sentence part (, ; : .), ignoring a footnote marker after the mark. */
  private terminated(line: ClassifiedLine): boolean {
    return /[,;:.]$/.test(this.endOf(line));
  }

  /** The end of a line without closing quotes, emphasis and footnote markers ("States, 2", "2030,8"). */
  private endOf(line: ClassifiedLine): string {
    // Settled once the layout is known (it depends on the footnote labels and the form).
    if (this.layoutKnown) {
      const cached = this.endings.get(line);
      if (cached !== undefined) return cached;
    }
    let text = this.text.slice(Math.max(line.contentStart, line.contentEnd - 40), line.contentEnd).replace(/[*_\s”’"]+$/, '');
    text = text.replace(TRAILING_MARKER, '').replace(/[\s”’"]+$/, '');
    const digits = /(?<=[,;:.])\s*(\d{1,3})$/.exec(text);
    if (digits && (this.pdfLike || this.context.footnoteLabels.has(digits[1]))) text = text.slice(0, digits.index);
    if (this.layoutKnown) this.endings.set(line, text);
    return text;
  }

  private cleanOf(lines: ClassifiedLine[], contentStart: number) {
    const segments: Segment[] = lines.map((line, i) => {
      const start = i === 0 ? contentStart : line.contentStart;
      const scan = scanInline(this.text, start, line.contentEnd, this.context);
      appendAll(this.markers, scan.markers);
      return { start, end: line.contentEnd, skips: scan.skips };
    });
    return buildCleanText(this.text, segments);
  }

  private cleanOfSpan(span: Span) {
    // Lines are in source order: the span's lines are found by binary search, since a header may
    // hold as many report fields as it has lines.
    const segments: Segment[] = [];
    for (let i = partitionPoint(this.lines.length, (k) => this.lines[k].contentEnd <= span.start); i < this.lines.length && this.lines[i].contentStart < span.end; i++) {
      const line = this.lines[i];
      if (line.kind !== 'text' || line.contentEnd <= span.start) continue;
      const start = Math.max(line.contentStart, span.start);
      const end = Math.min(line.contentEnd, span.end);
      segments.push({ start, end, skips: scanInline(this.text, start, end, this.context).skips });
    }
    return buildCleanText(this.text, segments);
  }
}

/** For each block, the operative number of the next numbered block after it. */
/** Where a paragraph's text ends with the note lines under it. */
function endWithNotes(raw: RawParagraph): number {
  return (raw.notes?.[raw.notes.length - 1] ?? raw.lines[raw.lines.length - 1]).contentEnd;
}

function nextNumbersOf(labels: (Label | undefined)[]): (number | undefined)[] {
  const next: (number | undefined)[] = new Array(labels.length);
  let ahead: number | undefined;
  for (let r = labels.length - 1; r >= 0; r--) {
    next[r] = ahead;
    if (labels[r]?.kind === 'number' && !labels[r]!.suffix) ahead = Number(labels[r]!.value);
  }
  return next;
}

function isRoman(value: string): boolean {
  return /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/.test(value) && value.length > 0;
}

function nextLetter(label: string): string {
  if (label.length === 1) return label === 'z' ? 'aa' : String.fromCharCode(label.charCodeAt(0) + 1);
  return label;
}
