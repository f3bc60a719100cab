// A model nested deeper than the parser reads any real text, built by hand: every walker of
// sub-paragraphs must go down it without a stack overflow, whatever the depth.
import type { Paragraph, ParagraphReference, ResolutionDocument, SubParagraph } from '../../server/src/parser/model';

export interface NestingOptions {
  /**
   * The label of every level: "(a)", or "1.1" in the decimal scheme (where a label names its own
   * place, so a label path stays short however deep the level).
   */
  label?: '(a)' | '1.1';
  /** The deepest level ends "…, as in subparagraph (b) above.", a reference to a label no level has. */
  reference?: boolean;
}

/**
 * "The General Assembly," then "1. Decides:" and `depth` levels of "(a) Level k:", each inside
 * the one before; the last ends with a full stop.
 */
export function deeplyNestedModel(depth: number, options: NestingOptions = {}): ResolutionDocument {
  const label = options.label ?? '(a)';
  const tail = options.reference ? ', as in subparagraph (b) above.' : '.';
  const lines = ['The General Assembly,', '', '1. Decides:'];
  for (let k = 1; k <= depth; k++) lines.push(`${label} Level ${k}${k === depth ? tail : ':'}`);
  const text = `${lines.join('\n')}\n`;
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  const end = text.length - 1;
  const first = starts[2];
  const paragraph: Paragraph = {
    kind: 'operative',
    index: 1,
    number: 1,
    numberSpan: { start: first, end: first + 2 },
    start: first,
    end,
    ownEnd: first + lines[2].length,
    segments: [{ start: first + 3, end: first + lines[2].length }],
    content: { text: 'Decides:', runs: [0, first + 3, 8] },
    opening: { start: first + 3, end: first + 10, text: 'Decides' },
    subparagraphs: [],
  };
  let container: Paragraph | SubParagraph = paragraph;
  for (let k = 1; k <= depth; k++) {
    const start = starts[2 + k];
    const line = lines[2 + k];
    const own = line.slice(label.length + 1);
    const sub: SubParagraph = {
      label,
      labelSpan: { start, end: start + label.length },
      scheme: label === '(a)' ? 'alpha' : 'decimal',
      depth: k,
      start,
      end,
      ownEnd: start + line.length,
      segments: [{ start: start + label.length + 1, end: start + line.length }],
      content: { text: own, runs: [0, start + label.length + 1, own.length] },
      subparagraphs: [],
    };
    container.subparagraphs.push(sub);
    container = sub;
  }
  const references: ParagraphReference[] = [];
  if (options.reference) {
    const start = text.lastIndexOf('subparagraph (b) above');
    const sub = start + 'subparagraph '.length;
    references.push({ start, end: start + 'subparagraph (b) above'.length, targets: [{ start: sub, end: sub + 3, sub: 'b' }], scope: { kind: 'self', direction: 'above' } });
  }
  return {
    text,
    form: 'plain',
    organ: { start: 0, end: lines[0].length, text: lines[0] },
    operativePart: { start: first, end },
    preambular: [],
    operative: [paragraph],
    headings: [],
    tables: [],
    attachments: [],
    footnoteBlocks: [],
    footnotes: [],
    markers: [],
    citations: [],
    references,
    furniture: [],
  };
}

/** Decimal labels `depth` levels deep under "1. Welcomes the norms:", as the parser reads them. */
export function decimalLevels(depth: number, last = '1'): string {
  const parts = ['The General Assembly,', '', '1. Welcomes the norms:', ''];
  let label = '1';
  for (let k = 1; k <= depth; k++) {
    label += k === depth ? `.${last}` : '.1';
    parts.push(`${label} Norm${k === depth ? '.' : ':'}`, '');
  }
  return parts.join('\n');
}
