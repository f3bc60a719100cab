// Completion of cited symbols: after "resolution ", "resolutions … and ", "resolutions …, ",
// "decision ", "decisions ", offer the resolutions (or decisions) the knowledge base knows, most
// recent session first, inserting the symbol and, when known, its date: "73/266 of 22 December 2018".
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import { displaySymbol, sessionOf } from '../corpus/symbols';
import type { KnowledgeBaseView, SymbolEntry } from '../corpus/types';
import { escapeMarkdown, formatDate } from '../text';

const MAX_ITEMS = 500;
const LOOK_BACK = 800;

const SYMBOL_CHAR = /[A-Za-z0-9./-]/;
const SYMBOL_CHARS_AFTER = /^[A-Za-z0-9./-]*/;
const ITEM = String.raw`(?:A\/RES\/|A\/DEC\/)?(?:(?:ES|S)-\d{1,2}\/\d{1,4}|\d{1,3}\/\d{1,4}|\d{1,4}\s\([IVXL]+\))(?:\s[A-Z](?![\w/]))?(?:,?\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?`;
/** "resolution ", "decisions ": the first symbol. */
const AFTER_KEYWORD = /\b([Rr]esolution|[Dd]ecision)s?\s+$/;
/** "resolutions 53/70 of 4 December 1998, " or "… and ": the next symbol of a list. */
const IN_LIST = new RegExp(String.raw`\b([Rr]esolution|[Dd]ecision)s\s+(?:${ITEM}(?:\s*,\s*|\s*,?\s+and\s+))+$`);
/** A General Assembly key ("73/266", "43/78 H", "ES-10/19", "2625 (XXV)"), not another organ's. */
const GA_KEY = /^(?:(?:ES|S)-\d{1,2}\/\d{1,4}|\d{1,3}\/\d{1,4}(?: [A-Z])?|\d{1,4} \([IVXL]+\))$/;

export function getCitationCompletions(document: ParsedDocument, position: Position, kb: KnowledgeBaseView, token?: CancellationToken): CompletionItem[] | null {
  if (token?.isCancellationRequested) return null;
  const text = document.model.text;
  // The line as the document has it: a client may ask past a line's end or past the last line.
  const offset = document.lines.offsetAt(position);
  const line = document.lines.positionAt(offset).line;
  const lineStart = document.lines.lineStart(line);
  // Read backwards: a regular expression anchored at the end would try every start on the line.
  let typedStart = offset;
  while (typedStart > lineStart && SYMBOL_CHAR.test(text[typedStart - 1])) typedStart--;
  const typed = text.slice(typedStart, offset);
  if (!looksLikeSymbolStart(typed)) return null;
  const prefixStart = offset - typed.length;
  const before = text.slice(Math.max(0, prefixStart - LOOK_BACK), prefixStart);
  const context = AFTER_KEYWORD.exec(before) ?? IN_LIST.exec(before);
  if (!context) return null;
  const kind = context[1].toLowerCase() === 'decision' ? 'decision' : 'resolution';

  const lineEnd = document.lines.lineEnd(line);
  const wordEnd = offset + SYMBOL_CHARS_AFTER.exec(text.slice(offset, lineEnd))![0].length;
  const continuesWithDate = /^,?\s+of\b/.test(text.slice(wordEnd, wordEnd + 12));
  const full = /^A/.test(typed);
  const written = kind === 'decision' ? 'A/DEC/' : 'A/RES/';
  const keyPrefix = full ? (typed.startsWith(written) ? typed.slice(written.length) : '') : typed;
  if (full && !written.startsWith(typed.slice(0, written.length))) return [];

  // Newest session first: the keys are filtered and ordered by session without their entries, and
  // only the sessions that fill the list are merged and ordered by date.
  const keys: { key: string; session: number }[] = [];
  for (const symbol of kb.symbols()) {
    if (symbol.kind !== kind || symbol.organ || !GA_KEY.test(symbol.key) || !symbol.key.startsWith(keyPrefix)) continue;
    keys.push({ key: symbol.key, session: sessionOf(symbol.key) ?? 0 });
  }
  keys.sort((a, b) => b.session - a.session);
  const candidates: { entry: SymbolEntry; session: number; date: string; number: number }[] = [];
  for (let k = 0; k < keys.length && (candidates.length < MAX_ITEMS || keys[k].session === keys[k - 1].session); k++) {
    const entry = kb.lookup(keys[k].key)!;
    const number = Number(/\/(\d+)/.exec(entry.key)?.[1] ?? /^(\d+)/.exec(entry.key)?.[1] ?? 0);
    candidates.push({ entry, session: keys[k].session, date: entry.dates[0]?.value ?? '', number });
  }
  if (token?.isCancellationRequested) return null;
  candidates.sort((a, b) => b.session - a.session || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || b.number - a.number || a.entry.key.localeCompare(b.entry.key));

  // On the cursor's line, around the cursor, as the LSP wants: the symbol's characters never span lines.
  const range = { start: document.lines.positionAt(prefixStart), end: document.lines.positionAt(wordEnd) };
  return candidates.slice(0, MAX_ITEMS).map(({ entry, date }, rank): CompletionItem => {
    const symbol = (full ? written : '') + entry.key;
    const when = date && !continuesWithDate ? ` of ${formatDate(date)}` : '';
    const title = entry.titles[0]?.value;
    const name = displaySymbol({ key: entry.key, kind });
    const facts = [date ? `adopted ${formatDate(date)}` : undefined, entry.dates.length > 1 ? `${entry.dates.length} different dates in the knowledge base` : undefined].filter(Boolean).join(' · ');
    const item: CompletionItem = {
      label: symbol,
      kind: CompletionItemKind.Reference,
      sortText: String(rank).padStart(5, '0'),
      filterText: symbol,
      textEdit: { range, newText: symbol + when },
      documentation: {
        kind: MarkupKind.Markdown,
        value: [`**${escapeMarkdown(name)}**${facts ? ` · ${escapeMarkdown(facts)}` : ''}`, ...(title ? ['', `*${escapeMarkdown(title)}*`] : [])].join('\n'),
      },
    };
    if (title) item.detail = title;
    if (date) item.labelDetails = { description: formatDate(date) };
    return item;
  });
}

/** Empty, or the start of a symbol: a digit, "ES-", "A/RES/", "A/DEC/". */
function looksLikeSymbolStart(typed: string): boolean {
  if (typed === '' || /^\d/.test(typed)) return true;
  const head = (full: string) => full.startsWith(typed.slice(0, full.length));
  return head('A/RES/') || head('A/DEC/') || head('ES-') || head('S-');
}
