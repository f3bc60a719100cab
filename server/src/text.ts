// Small helpers for the text the server shows: Markdown and HTML escaping, dates, counts, lists,
// excerpts, file names of URIs, and comparisons of LSP ranges. A low module: it imports nothing of
// the features, so the parser's neighbours, the comparison and the services all may use it.
//
// Text from the corpus or the draft is never trusted: every character Markdown could read as
// syntax is escaped, line breaks fold to one space (so no block can start), and the only links
// are those the server builds itself.
import type { Position, Range } from 'vscode-languageserver-types';
import { MONTHS } from './parser/vocabulary';

// Everything the brief names plus ':' and '@' (bare "https://…" and "a@b.c" autolinks in GFM),
// '"' and "'" (link titles), '$' (math in some renderers), '=' and '^' (setext, footnotes).
const SIGNIFICANT = /[\\`*_{}[\]()#+\-.!|<>~&:@"'$=^]/g;

/** Escapes untrusted text for Markdown: inert whatever it contains. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(SIGNIFICANT, (ch) => '\\' + ch);
}

/** A link the server builds: the label is escaped, the address percent-encodes what could end it. */
export function markdownLink(label: string, url: string): string {
  const safeUrl = url.replace(/[()<>\s\\"'`]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  return `[${escapeMarkdown(label)}](${safeUrl})`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Shortens text to about `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= max) return folded;
  const cut = folded.lastIndexOf(' ', max);
  return folded.slice(0, cut > max * 0.6 ? cut : max).replace(/[\s,;:]+$/, '') + ' …';
}

/** The first words of a text, cut at a word boundary (the outline's detail). */
export function excerpt(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.lastIndexOf(' ', max);
  return trimmed.slice(0, cut > max / 2 ? cut : max).replace(/[,;:]$/, '') + '…';
}

/** "2018-12-22" -> "22 December 2018"; anything else is returned as it is. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${Number(match[1])}` : iso;
}

/** "20,671": digits grouped by thousands, the same on every machine (no locale). */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 paragraph", "3 paragraphs". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "(a)", "(a) and (b)", "(a), (b) and (c)". */
export function listed(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The file name at the end of a URI, decoded ("file:///a/b%20c.txt" -> "b c.txt"). */
export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}

// ---- LSP ranges ---------------------------------------------------------------------------------

export function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether two ranges touch (an empty request range at a diagnostic's edge counts). */
export function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
