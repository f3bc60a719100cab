// Markdown for hovers and completion documentation. Text from the corpus or the draft is never
// trusted: every character Markdown could read as syntax is escaped, line breaks fold to one
// space (so no block can start), and the only links are those the server builds itself.
import { MONTHS } from '../parser/vocabulary';

// Everything the brief names plus ':' and '@' (bare "https://…" and "a@b.c" autolinks in GFM),
// '"' and "'" (link titles), '$' (math in some renderers), '=' and '^' (setext, footnotes).
const SIGNIFICANT = /[\\`*_{}\[\]()#+\-.!|<>~&:@"'$=^]/g;

/** Escapes untrusted text for Markdown: inert whatever it contains. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(SIGNIFICANT, (ch) => '\\' + ch);
}

/** Shortens text to about `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= max) return folded;
  const cut = folded.lastIndexOf(' ', max);
  return folded.slice(0, cut > max * 0.6 ? cut : max).replace(/[\s,;:]+$/, '') + ' …';
}

/** A link the server builds: the label is escaped, the address percent-encodes what could end it. */
export function markdownLink(label: string, url: string): string {
  const safeUrl = url.replace(/[()<>\s\\"'`]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  return `[${escapeMarkdown(label)}](${safeUrl})`;
}

/** "2018-12-22" -> "22 December 2018"; anything else is returned as it is. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${Number(match[1])}` : iso;
}
