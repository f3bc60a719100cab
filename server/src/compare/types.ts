// Comparing two versions of a draft, paragraph by paragraph: what a reader would call changed,
// added, deleted, moved, split or merged, with word-level differences inside changed paragraphs.

export type UnitKind = 'preambular' | 'operative' | 'subparagraph' | 'footnote';

/** A paragraph, sub-paragraph or footnote of one version. */
export interface ComparedUnit {
  kind: UnitKind;
  /** How negotiators name it in that version: "PP3", "OP5", "OP1 (a)", "OP1 1.3", "footnote 2". */
  label: string;
  /** Clean text without its number or label (renumbering is not a change). */
  text: string;
  /** Source offsets of the unit's own text in its version. */
  start: number;
  end: number;
}

export type ChangeKind = 'unchanged' | 'changed' | 'added' | 'deleted' | 'moved' | 'split' | 'merged';

export interface WordChange {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface ParagraphChange {
  kind: ChangeKind;
  /** The units of the old version (none for added; several for merged). */
  old: ComparedUnit[];
  /** The units of the new version (none for deleted; several for split). */
  new: ComparedUnit[];
  /** 0..1 similarity of the aligned texts (1 for unchanged). */
  similarity: number;
  /** Word-level differences, old -> new, for changed, moved-and-changed, split and merged units. */
  words?: WordChange[];
  /** The word diff gave up (timeout or edit length): the change is shown paragraph-level. */
  gaveUp?: boolean;
  /** A moved unit whose text also changed. */
  textChanged?: boolean;
}

export interface ComparisonSummary {
  unchanged: number;
  changed: number;
  added: number;
  deleted: number;
  moved: number;
  split: number;
  merged: number;
}

export interface Comparison {
  /** In the order of the new version, deleted units placed where they stood. */
  changes: ParagraphChange[];
  summary: ComparisonSummary;
}
