// Mammoth reads a Word document as its accepted text: it keeps tracked insertions, drops tracked
// deletions and drops the numbers of automatic lists. Before it reads a part, this marks in the
// XML what it would lose, as runs of noncharacters (U+FDD0…U+FDD7, which no document holds: any
// found are removed first) that the text writer (docxText.ts) turns back into revisions and
// labels: a deletion's runs become an insertion's so that mammoth keeps their text, between
// deletion marks; an insertion's runs are put between insertion marks; each paragraph of a
// numbered list gets its label as a first run, between label marks; the mark a footnote reference
// prints instead of its number ("*") is put between custom mark marks.
import { ListNumbering, readNumberingProperty, type NumberingProperties } from './docxNumbering';
import { attribute, escapeXmlText, isPropertiesTag, xmlTags } from './docxXml';

export const MARK = {
  insertionStart: '\uFDD0',
  insertionEnd: '\uFDD1',
  deletionStart: '\uFDD2',
  deletionEnd: '\uFDD3',
  labelStart: '\uFDD4',
  labelEnd: '\uFDD5',
  customMarkStart: '\uFDD6',
  customMarkEnd: '\uFDD7',
} as const;

export const ANY_MARK = /[\uFDD0-\uFDD7]/g;
/** The marks written as character references: `&#xFDD0;`, `&#64976;`. */
const ANY_MARK_REFERENCE = /&#(?:[xX]0*[fF][dD][dD][0-7]|0*6497[6-9]|0*6498[0-3]);/g;
/**
 * Wrappers around runs that mammoth does not know and drops with their runs: a simple field
 * (its runs hold the result Word shows) and the bidirectional embeddings of right-to-left text.
 */
const UNWRAPPED = new Set(['w:fldSimple', 'w:dir', 'w:bdo']);

export interface MarkedPart {
  xml: string;
  /** How many tracked insertions and deletions (moves included) the part holds. */
  revisions: number;
  /** How many labels of automatic lists were written. */
  labels: number;
}

const markRun = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

/**
 * Marks one part (document.xml, footnotes.xml, endnotes.xml). `numbering` is given for the
 * document's body only: footnotes do not take part in the body's lists.
 */
export function markPart(source: string, numbering?: ListNumbering): MarkedPart {
  const xml = source.replace(ANY_MARK, '').replace(ANY_MARK_REFERENCE, '');
  const out: string[] = [];
  let copied = 0;
  const emit = (upTo: number, added: string) => {
    out.push(xml.slice(copied, upTo), added);
    copied = upTo;
  };
  let revisions = 0;
  let labels = 0;
  /** Open elements, for depth. */
  let depth = 0;
  /** Depth of the properties element we are in (w:pPr, w:rPr …), or -1. */
  let propertiesDepth = -1;
  /** Open revision containers (w:ins, w:del, w:moveTo, w:moveFrom) outside properties. */
  const revisionStack: { depth: number; deleted: boolean }[] = [];
  /** Open paragraphs, innermost last (a text box's paragraphs stand inside a paragraph). */
  const paragraphs: { depth: number; own: NumberingProperties; style?: string; markDeleted: boolean; labelled: boolean; inChange: number }[] = [];
  /** After a footnote reference with a mark of its own, until the run's text that prints it. */
  let customMarkFollows = false;
  let inCustomMark = false;
  const deleting = () => revisionStack.length > 0 && revisionStack[revisionStack.length - 1].deleted;

  const labelParagraph = (at: number) => {
    const p = paragraphs[paragraphs.length - 1];
    if (!p || p.labelled) return;
    p.labelled = true;
    // A paragraph whose mark is deleted joins the next one and takes its number.
    if (!numbering || p.markDeleted) return;
    const label = numbering.next(p.own, p.style);
    if (label === undefined) return;
    labels++;
    emit(at, markRun(`${MARK.labelStart}${escapeXmlText(label)}${MARK.labelEnd}`));
  };

  for (const tag of xmlTags(xml)) {
    const p = paragraphs[paragraphs.length - 1];
    if (UNWRAPPED.has(tag.name) && !tag.selfClosing) {
      emit(tag.start, '');
      copied = tag.end;
    }
    if (tag.closing) {
      depth--;
      if (propertiesDepth === depth) propertiesDepth = -1;
      if (p && p.depth + 1 === depth && tag.name === 'w:pPr') labelParagraph(tag.end);
      if (p && tag.name === 'w:pPrChange') p.inChange = Math.max(0, p.inChange - 1);
      if (p && p.depth === depth && tag.name === 'w:p') {
        // An empty numbered paragraph still shows its number.
        labelParagraph(tag.start);
        paragraphs.pop();
      }
      const open = revisionStack[revisionStack.length - 1];
      if (open && open.depth === depth && propertiesDepth < 0) {
        revisionStack.pop();
        if (open.deleted) {
          emit(tag.start, markRun(MARK.deletionEnd));
          out.push('</w:ins>');
          copied = tag.end;
        } else emit(tag.start, markRun(MARK.insertionEnd));
      } else if (tag.name === 'w:delText' && deleting()) {
        emit(tag.start, '</w:t>');
        copied = tag.end;
      } else if (tag.name === 'w:t' && inCustomMark) {
        emit(tag.start, MARK.customMarkEnd);
        inCustomMark = false;
      } else if (tag.name === 'w:r') customMarkFollows = false;
      continue;
    }

    if (p && p.depth === depth - 1 && tag.name !== 'w:pPr') labelParagraph(tag.start);
    const inProperties = propertiesDepth >= 0;
    if (p && inProperties) {
      if (tag.name === 'w:pPrChange') p.inChange++;
      else if (p.inChange === 0) {
        if (tag.name === 'w:pStyle') p.style = attribute(tag, 'w:val');
        // The paragraph mark's own properties (w:pPr/w:rPr/w:del): the mark was deleted.
        else if (tag.name === 'w:del' && depth === p.depth + 3) p.markDeleted = true;
        else readNumberingProperty(tag, p.own);
      }
    }
    if (!inProperties && (tag.name === 'w:ins' || tag.name === 'w:moveTo' || tag.name === 'w:del' || tag.name === 'w:moveFrom') && !tag.selfClosing) {
      const deleted = tag.name === 'w:del' || tag.name === 'w:moveFrom';
      revisions++;
      revisionStack.push({ depth, deleted });
      if (deleted) {
        emit(tag.start, `<w:ins${tag.attributes}>`);
        copied = tag.end;
        out.push(markRun(MARK.deletionStart));
      } else emit(tag.end, markRun(MARK.insertionStart));
    } else if (tag.name === 'w:delText' && deleting()) {
      emit(tag.start, `<w:t${tag.attributes}${tag.selfClosing ? '/' : ''}>`);
      copied = tag.end;
    }
    if ((tag.name === 'w:footnoteReference' || tag.name === 'w:endnoteReference') && /^(?:1|true|on)$/.test(attribute(tag, 'w:customMarkFollows') ?? '')) customMarkFollows = true;
    else if (tag.name === 'w:t' && customMarkFollows && !tag.selfClosing) {
      emit(tag.end, MARK.customMarkStart);
      customMarkFollows = false;
      inCustomMark = true;
    }
    if (tag.selfClosing) continue;
    if (!inProperties && isPropertiesTag(tag.name)) propertiesDepth = depth;
    if (tag.name === 'w:p' && !inProperties) paragraphs.push({ depth, own: {}, markDeleted: false, labelled: false, inChange: 0 });
    depth++;
  }
  out.push(xml.slice(copied));
  return { xml: out.join(''), revisions, labels };
}
