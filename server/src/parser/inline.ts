// Inline reading of a line of text: footnote markers, and the markup and extraction artifacts
// that clean text leaves out (emphasis, link syntax, HTML tags, runs of spaces).
import { CleanTextBuilder } from './cleanText';
import type { CleanText, FootnoteMarker, Span } from './model';
import { SUPERSCRIPT_DIGITS, superscriptToDigits } from './lineKinds';
import { gluedMarkersIn, type GluedMarkers } from './markers';

export interface InlineContext {
  /** Labels of the footnote bodies in the document. */
  footnoteLabels: Set<string>;
  /** Markers printed as plain digits, found for the whole document (markers.ts). */
  glued?: GluedMarkers;
}

export interface InlineScan {
  markers: FootnoteMarker[];
  skips: Span[];
}

const INLINE = new RegExp(
  [
    `[${SUPERSCRIPT_DIGITS}]+`, // superscript marker
    String.raw`<sup>\s*\w{1,4}\s*<\/sup>`, // HTML marker
    String.raw`\[\^\w{1,8}\]`, // Markdown footnote reference
    String.raw`\^\d{1,3}`, // caret marker
    String.raw`\]\([^)\s]*\)`, // tail of a Markdown link
    String.raw`\[(?=[^\[\]]*\]\([^)\s]*\))`, // head of a Markdown link
    String.raw`<\/?[A-Za-z][^<>]{0,80}>`, // other HTML tags
    String.raw`\*{1,3}`, // emphasis
    String.raw`(?<=\S)_{1,2}(?=[\s,.;:]|$)|(?<=^|\s)_{1,2}(?=\S)`, // emphasis with underscores
    String.raw`[ \t\u00a0]{2,}`, // runs of spaces
  ].join('|'),
  'g',
);

/** Only lines with one of these characters, or a run of spaces, need the inline regex. */
const MAY_HAVE_MARKUP = new RegExp(`[${SUPERSCRIPT_DIGITS}<\\[\\]^*_\t\u00a0]| {2}`);

/**
 * Spaces a PDF tool put where the print has none: before a mark ("Calls for :", "2025 ;",
 * "Decides , taking"), on either side of a word's hyphen ("Secretary -General", "nuclear-
 * weapon-free"), and before the "s" of a plural ("resolution s 46/182"). Suspended hyphens keep
 * their space: "small- and medium-sized", "country-owned and -driven".
 */
const STRAY_SPACE =
  /(?<=[\p{L}\p{N})\]”’"]) +(?=[,;:]\d{0,3}(?:\s|$)|\.$)|(?<=[\p{L}\p{N}])(?<!\b(?:and|or|nor|to)) +(?=-[\p{L}\p{N}])|(?<=\p{L}-) +(?!(?:and|or|nor|to)\b)(?=\p{L})|(?<=\p{L}{2}) (?=s(?![\p{L}\p{N}]))/gu;
/** A line-end hyphen before "and medium-sized" is suspended ("small-⏎and medium-sized"). */
const SUSPENDED_HYPHEN_NEXT = /^(?:and|or|nor|to)\s+[\p{L}\p{N}]+-/u;
const MAY_HAVE_STRAY_SPACE = / [,;:.-]|- | s(?![A-Za-z0-9])/;
/** Most lines have neither: one pass over the line tells. */
const MAY_HAVE_EITHER = new RegExp(`${MAY_HAVE_MARKUP.source}|${MAY_HAVE_STRAY_SPACE.source}`);

/** Scans source[start, end) (one line's content). */
export function scanInline(source: string, start: number, end: number, context: InlineContext): InlineScan {
  const text = source.slice(start, end);
  const markers: FootnoteMarker[] = [];
  const skips: Span[] = [];
  const either = MAY_HAVE_EITHER.test(text);
  if (either && MAY_HAVE_MARKUP.test(text)) {
    INLINE.lastIndex = 0;
    for (let match = INLINE.exec(text); match; match = INLINE.exec(text)) {
      const token = match[0];
      const at = start + match.index;
      const first = token.charCodeAt(0);
      if (SUPERSCRIPT_DIGITS.includes(token[0])) {
        markers.push({ start: at, end: at + token.length, label: superscriptToDigits(token), style: 'superscript' });
      } else if (token.startsWith('<sup>')) {
        markers.push({ start: at, end: at + token.length, label: token.replace(/<\/?sup>|\s/g, ''), style: 'html' });
      } else if (token.startsWith('[^')) {
        markers.push({ start: at, end: at + token.length, label: token.slice(2, -1), style: 'markdown' });
      } else if (first === 0x5e /* ^ */) {
        markers.push({ start: at, end: at + token.length, label: token.slice(1), style: 'caret' });
      } else if (first === 32 || first === 9 || first === 0xa0) {
        skips.push({ start: at + 1, end: at + token.length });
      } else {
        skips.push({ start: at, end: at + token.length });
      }
    }
  }
  if (either && MAY_HAVE_STRAY_SPACE.test(text)) {
    STRAY_SPACE.lastIndex = 0;
    for (let match = STRAY_SPACE.exec(text); match; match = STRAY_SPACE.exec(text)) {
      skips.push({ start: start + match.index, end: start + match.index + match[0].length });
    }
  }
  if (context.glued) {
    // Both lists are in source order: one pass finds the explicit marker, if any, over each glued
    // one; of the glued ones taken, only the last can reach over the next.
    const explicit = markers.length;
    let k = 0;
    for (const { at, label } of gluedMarkersIn(context.glued, start, end)) {
      while (k < explicit && markers[k].end <= at) k++;
      if (k < explicit && markers[k].start <= at) continue;
      if (markers.length > explicit && markers[markers.length - 1].end > at) continue;
      markers.push({ start: at, end: at + label.length, label, style: 'glued' });
    }
  }
  if (markers.length === 0 && skips.length === 0) return { markers, skips };
  for (const marker of markers) skips.push(markerSkip(source, marker));
  skips.sort((a, b) => a.start - b.start || b.end - a.end);
  markers.sort((a, b) => a.start - b.start);
  return { markers, skips: mergeSpans(skips) };
}

/** The marker plus a space before it when the marker stands between spaces ("2013 3 and"). */
function markerSkip(source: string, marker: FootnoteMarker): Span {
  const before = source.charCodeAt(marker.start - 1);
  const after = source.charCodeAt(marker.end);
  const spaceBefore = before === 32 || before === 0xa0;
  const spaceOrEndAfter = Number.isNaN(after) || after === 32 || after === 10 || after === 13 || after === 0xa0;
  return spaceBefore && spaceOrEndAfter ? { start: marker.start - 1, end: marker.end } : { start: marker.start, end: marker.end };
}

function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export interface Segment extends Span {
  skips: Span[];
}

/**
 * Clean text of a run of segments (lines). Segments join with a space, except a line ending in a
 * hyphen, which joins the next directly ("Secretary -" + "General" -> "Secretary-General").
 */
export function buildCleanText(source: string, segments: Segment[]): CleanText {
  const builder = new CleanTextBuilder();
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s];
    let at = segment.start;
    const end = segment.end;
    const hyphenJoin =
      s + 1 < segments.length &&
      source.charCodeAt(end - 1) === 45 /* - */ &&
      /\p{L}/u.test(source.charAt(segments[s + 1].start)) &&
      !SUSPENDED_HYPHEN_NEXT.test(source.slice(segments[s + 1].start, segments[s + 1].start + 40));
    for (const skip of segment.skips) {
      if (skip.end <= at) continue;
      if (skip.start >= end) break;
      builder.copy(source, at, Math.min(skip.start, end));
      at = Math.max(at, skip.end);
    }
    if (hyphenJoin && source.charCodeAt(end - 2) === 32) {
      // "Secretary -": drop the stray space before the hyphen.
      builder.copy(source, at, end - 2);
      builder.copy(source, end - 1, end);
    } else builder.copy(source, at, end);
    if (!hyphenJoin) builder.space();
  }
  builder.trimEnd();
  return builder.build();
}
