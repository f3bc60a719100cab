// The document model of a resolution. Every node stores source offsets (UTF-16 code units,
// `end` exclusive) into the text it was parsed from; features convert them to LSP ranges only
// when they build a result.

export interface Span {
  start: number;
  end: number;
}

/** How the text reached us; informational, the parser reads all three the same way. */
export type SourceForm = 'plain' | 'markdown' | 'pdf';

export type HeaderFieldKind =
  | 'symbol'
  | 'organization'
  | 'distribution'
  | 'date'
  | 'language'
  | 'session'
  | 'committee'
  | 'agendaItem'
  | 'agendaTitle'
  | 'sponsors'
  | 'documentType'
  | 'adoption'
  | 'report'
  | 'title';

export interface HeaderField extends Span {
  kind: HeaderFieldKind;
  /** The field's text, joined across lines and stripped of markup. */
  value: string;
}

export interface Header extends Span {
  fields: HeaderField[];
  /** Session number when the header names one ("Seventy-fourth session" -> 74). */
  session?: number;
}

/**
 * Clean text built from source segments: markup and footnote markers removed, line breaks
 * folded to single spaces. `runs` maps it back: each run is [cleanStart, sourceStart, length].
 */
export interface CleanText {
  text: string;
  runs: number[];
}

export type LabelScheme = 'alpha' | 'roman' | 'decimal';

export interface Opening extends Span {
  /** The phrase as written, e.g. "Expressing concern also", "Also welcomes". */
  text: string;
}

interface Block extends Span {
  /** Source spans of the lines that hold this block's own text (interruptions excluded). */
  segments: Span[];
  /** The block's own text after its number or label, cleaned. */
  content: CleanText;
  /** Where its own text ends (before any sub-paragraphs). */
  ownEnd: number;
  subparagraphs: SubParagraph[];
}

export interface SubParagraph extends Block {
  /** "(a)", "(ii)", "1.3"; empty when the extraction lost the label (the span is then empty). */
  label: string;
  labelSpan: Span;
  scheme: LabelScheme;
  depth: number;
  /** "bis", "ter" … after the label of a sub-paragraph inserted during negotiation ("(a) bis"). */
  suffix?: Span & { text: string };
}

export type ParagraphKind = 'preambular' | 'operative';

export interface Paragraph extends Block {
  kind: ParagraphKind;
  /** 1-based position in its part: PP<index> or OP<index>. */
  index: number;
  /** The number written in the text ("5." -> 5), operative paragraphs only. */
  number?: number;
  numberSpan?: Span;
  /**
   * "bis", "ter" … after the number of a paragraph inserted during negotiation ("2 bis.",
   * "PP3 bis", "OP5ter"): it stands after the paragraph with that number and takes no number of
   * its own until the text is prepared for issuance.
   */
  suffix?: Span & { text: string };
  /** The paragraph's name in a compilation text ("PP3 bis", "OP5ter"), written instead of a number. */
  compilationName?: Span & { part: 'PP' | 'OP'; number: number };
  opening?: Opening;
  /**
   * What an operative paragraph ending with a colon introduces when not sub-paragraphs: text it
   * adopts ("Adopts the following declaration:"), or the resolution's numbered paragraphs
   * ("Resolves that:" before "1. The Working Capital Fund shall …"), or a table ("as set out in
   * the table below:").
   */
  introduces?: 'attachment' | 'paragraphs' | 'table';
  /** The first operative paragraph of a later section ("II") of a resolution in parts, numbered 1 again. */
  restartsNumbering?: boolean;
  /** The only operative paragraph of a section ("XX International Trade Centre"): it takes no number. */
  aloneInSection?: boolean;
}

export type FootnoteMarkerStyle = 'superscript' | 'caret' | 'html' | 'markdown' | 'glued';

export interface FootnoteMarker extends Span {
  label: string;
  style: FootnoteMarkerStyle;
}

export interface Footnote extends Span {
  label: string;
  labelSpan: Span;
  content: CleanText;
}

/** Footnote bodies standing together, with the separator that opens them if any. */
export interface FootnoteBlock extends Span {
  footnotes: Footnote[];
}

export type FurnitureKind = 'link' | 'rule' | 'separator' | 'pageHeader' | 'pageFooter' | 'barcode';

export interface Furniture extends Span {
  kind: FurnitureKind;
}

export type CitationKind = 'resolution' | 'decision' | 'document';

export interface CitationDate extends Span {
  text: string;
  /** yyyy-mm-dd */
  iso: string;
  /** True when the date is written once for a run of symbols ("74/28 and 74/29 of 12 December 2019"). */
  shared: boolean;
}

export interface Citation extends Span {
  kind: CitationKind;
  /** Normalised symbol: "73/266", "43/78 H", "ES-11/1", "2625 (XXV)", "A/70/174". */
  symbol: string;
  /** The body that adopted it when the text names one other than the General Assembly. */
  organ?: string;
  date?: CitationDate;
  title?: Span & { text: string };
  /** Where the citation stands. */
  container: 'header' | 'paragraph' | 'footnote';
}

/** One paragraph named by a reference: "3", "2 (c)", "(b)", "2 bis". */
export interface ReferenceTarget extends Span {
  paragraph?: number;
  /** "bis", "ter" …: a paragraph inserted during negotiation ("paragraph 2 bis"). */
  suffix?: string;
  /** Sub-paragraph label without parentheses ("c", "ii"), or a decimal label ("1.5"). */
  sub?: string;
}

export type ReferenceScope =
  /** This document: "paragraph 7 above", "paragraph 2 below", "subparagraph (b)". */
  | { kind: 'self'; direction?: 'above' | 'below' }
  /** A cited resolution or decision: "paragraph 3 of resolution 73/266". */
  | { kind: 'cited'; symbol: string; citationKind: 'resolution' | 'decision'; symbolSpan: Span }
  /** "paragraph 3 of that resolution": the resolution cited last before it. */
  | { kind: 'previous' };

export interface ParagraphReference extends Span {
  targets: ReferenceTarget[];
  scope: ReferenceScope;
}

/** A square bracket of a draft under negotiation: text not agreed yet. */
export interface Bracket extends Span {
  /** 1 for an outermost bracket. */
  depth: number;
  /** "Alt", "Alt 1": the bracket holds an alternative to the text before it. */
  alternative?: Span & { text: string };
  /** Who proposed what the bracket holds ("US: delete", "G77 and China: retain"): the proposer. */
  proposer?: Span & { text: string };
}

export type NegotiationNoteKind = 'agreed' | 'agreedAdRef' | 'pending' | 'attribution';

/**
 * A note that records the negotiation and is no part of the text: a status ("Agreed ad ref",
 * "Pending") or an attribution ("(EU)", "Facilitator's proposal"). Removed for issuance.
 */
export interface NegotiationNote extends Span {
  kind: NegotiationNoteKind;
  /** The status or the proposer as written, without its parentheses or brackets. */
  text: string;
}

/** The marks of a draft under negotiation, read from the paragraphs' source. */
export interface Negotiation {
  /** Matched brackets, outermost first where they nest, in order of their opening. */
  brackets: Bracket[];
  /** An opening bracket never closed, or a closing one never opened. */
  unbalanced: (Span & { mark: '[' | ']' })[];
  notes: NegotiationNote[];
  /** "Alt:" or "Alt 1:" standing outside any bracket. */
  strayAlternatives: Span[];
}

export interface ClosingLine extends Span {
  /** "65th plenary meeting" */
  meeting: string;
  date?: Span & { text: string; iso: string };
}

export interface ResolutionDocument {
  text: string;
  form: SourceForm;
  header?: Header;
  /** "The General Assembly," */
  organ?: Span & { text: string };
  /** Span of the preamble and of the operative part, when they exist. */
  preamble?: Span;
  operativePart?: Span;
  preambular: Paragraph[];
  operative: Paragraph[];
  closing?: ClosingLine;
  /**
   * Text attached to the resolution, not its own paragraphs: an annex, a declaration or an agenda
   * it adopts ("Adopts the following …:").
   */
  attachments: Span[];
  /** Section headings between paragraphs ("II", "Peacebuilding financing"): not paragraphs. */
  headings: (Span & { text: string })[];
  /** Tables in the body (a staffing table, a budget table) and the notes under them: not paragraphs. */
  tables: Span[];
  footnoteBlocks: FootnoteBlock[];
  footnotes: Footnote[];
  markers: FootnoteMarker[];
  citations: Citation[];
  /** References to paragraphs: of this document or of a cited resolution. */
  references: ParagraphReference[];
  furniture: Furniture[];
  /** Brackets, status notes and attributions of a draft under negotiation. */
  negotiation: Negotiation;
  /** Set when the parser met an internal error; the model is then partial. */
  parseError?: string;
}
