// Hover: what the knowledge base knows of the citation under the cursor (title, date, session,
// the corpus text, who cites it, each fact with its sources and any conflict), the text of a
// paragraph a reference names (in the draft or in a cited resolution), a footnote's text, and
// what the corpus says of a document symbol. All text from the corpus or the draft is escaped
// Markdown; the only links are the undocs.org links built here.
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import type { Position } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import { anotherBody, citationKey, displaySymbol, sessionOf, undocsUrl, type SymbolKey } from '../corpus/symbols';
import type { CorpusDocument, Fact, FactSource, KnowledgeBaseView, SymbolEntry } from '../corpus/types';
import type { Citation, FootnoteMarker, ParagraphReference, ResolutionDocument, Span } from '../parser/model';
import { placeName } from '../parser/query';
import { ordinalWord } from '../parser/vocabulary';
import {
  citationAt,
  citationSpan,
  containerAt,
  documentName,
  excerptAround,
  footnoteFor,
  markerAt,
  markerFor,
  referenceAt,
  resolveReference,
  symbolOf,
  textsOf,
  uriKey,
  type Block,
} from './lookup';
import { escapeMarkdown, fileName, formatDate, markdownLink, plural, shorten } from '../text';

const MAX_CITING_NAMED = 8;
const MAX_SITES = 4;
const PARAGRAPH_CHARS = 1400;
const SUBPARAGRAPHS_SHOWN = 8;

export function getHover(document: ParsedDocument, position: Position, kb: KnowledgeBaseView, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  const { model } = document;
  const offset = document.lines.offsetAt(position);

  const reference = referenceAt(model, offset);
  const citation = citationAt(model, offset);
  if (reference) {
    // With the citation's hover below it, the reference's own undocs.org link would repeat it.
    const cited = citation && citation.start >= reference.start && citation.start < reference.end ? citation : undefined;
    const parts = [referenceMarkdown(document, reference, kb, !cited)];
    let span: Span = reference;
    if (cited) {
      parts.push(citationMarkdown(document, cited, kb));
      span = citationSpan(cited);
    }
    return markdownHover(parts.join('\n\n---\n\n'), document, span);
  }
  if (citation) return markdownHover(citationMarkdown(document, citation, kb), document, citationSpan(citation));

  const marker = markerAt(model, offset);
  if (marker) return markdownHover(footnoteMarkdown(document, marker), document, marker);
  return null;
}

function markdownHover(value: string, document: ParsedDocument, span: Span): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: document.range(span) };
}

// ---- citations --------------------------------------------------------------------------------

function citationMarkdown(document: ParsedDocument, citation: Citation, kb: KnowledgeBaseView): string {
  const key = citationKey(citation);
  if (!key) return `**${escapeMarkdown(citation.symbol)}**`;
  const foreign = citation.organ || key.kind === 'document' ? undefined : anotherBodys(key.key, citation);
  if (foreign?.certain) return `**${escapeMarkdown(`${citation.kind} ${citation.symbol}`)}** · another body's ${citation.kind}\n\n${escapeMarkdown(foreign.why)}`;
  const { symbol, entry } = symbolOf(key, kb);
  const name = displaySymbol(symbol);
  const lines: string[] = [`**${escapeMarkdown(name)}** · ${escapeMarkdown(kindLabel(symbol, entry, citation))}`, ''];
  if (foreign) lines.push(`⚠ ${escapeMarkdown(foreign.why)}`, '');

  if (entry) {
    const sources = (facts: FactSource[], what: FactWhat) => sourcesSuffix(facts, what, entry.key, kb);
    lines.push(...factLines('Title', entry.titles, (title) => escapeMarkdown(title), 'title', sources));
    lines.push(...factLines(symbol.kind === 'document' ? 'Date' : 'Adopted', entry.dates, (iso) => escapeMarkdown(formatDate(iso)), 'date', sources));
  }
  const written = citation.date;
  if (written && !entry?.dates.some((fact) => fact.value === written.iso)) {
    lines.push(`- **Date written here:** ${escapeMarkdown(written.text)}${entry?.dates.length ? ' (not what the knowledge base holds)' : ''}`);
  }
  lines.push(...sessionLines(symbol, entry, kb));
  if (entry) {
    if (entry.adoptedAs) lines.push(`- **Adopted as:** ${escapeMarkdown(adoptedAs(entry.adoptedAs, kb))}`);
    lines.push(corpusTextLine(entry, kb));
    const citing = citingLine(entry, kb);
    if (citing) lines.push(citing);
    if (symbol.kind === 'document') lines.push(...sitesLines(document, citation, entry, kb));
  } else {
    lines.push('- **Corpus text:** not in the corpus; the knowledge base knows nothing of this symbol');
  }
  lines.push('', markdownLink(`Open ${name} on undocs.org`, undocsUrl(symbol)));
  return lines.join('\n');
}

/**
 * Why a citation read as the General Assembly's may be another body's (`anotherBody`): certain
 * for a form no session of the Assembly wrote ("resolution 5/6"), likely for a date outside the
 * session the symbol names (then the Assembly's facts are still shown, for the date may be the slip).
 */
function anotherBodys(key: string, citation: Citation): { why: string; certain: boolean } | undefined {
  const reason = anotherBody(key, citation.date?.iso);
  if (reason === 'form') {
    const why = `No session of the General Assembly numbered its ${citation.kind}s ${key}: the form session/number began with the 31st session (1976). Bodies such as the Human Rights Council or the Environment Assembly number theirs so.`;
    return { why, certain: true };
  }
  if (reason !== 'date') return undefined;
  const n = sessionOf(key);
  const session = n === undefined ? 'emergency special session' : `${ordinalWord(n)} session`;
  const why = `Dated ${citation.date!.text}, outside the General Assembly's ${session}: another body's ${citation.kind} (the Human Rights Council, a commission, a conference of the parties number theirs by session too), or a slip in the date.`;
  return { why, certain: false };
}

/** "A/RES/78/213 on 19 December 2023": the date when the knowledge base holds one, and only one, for the resolution. */
function adoptedAs(key: string, kb: KnowledgeBaseView): string {
  const dates = kb.lookup(key)?.dates ?? [];
  const name = displaySymbol({ key, kind: 'resolution' });
  return dates.length === 1 ? `${name} on ${formatDate(dates[0].value)}` : name;
}

function kindLabel(symbol: SymbolKey, entry: SymbolEntry | undefined, citation: Citation): string {
  if (symbol.kind === 'document') return entry?.adoptedAs ? 'draft' : 'document';
  const organ = entry?.organ ?? citation.organ ?? 'General Assembly';
  return `${organ} ${symbol.kind}`;
}

type FactWhat = 'title' | 'date' | 'session';

type SourcesSuffix = (sources: FactSource[], what: FactWhat) => string;

function factLines<T>(label: string, facts: Fact<T>[], render: (value: T) => string, what: FactWhat, sources: SourcesSuffix): string[] {
  if (facts.length === 0) return [];
  if (facts.length === 1) return [`- **${label}:** ${render(facts[0].value)}${sources(facts[0].sources, what)}`];
  return [
    `- **${label}:** ⚠ conflict: the knowledge base holds ${facts.length} different ${what}s`,
    ...facts.map((fact) => `    - ${render(fact.value)}${sources(fact.sources, what)}`),
  ];
}

function sessionLines(symbol: SymbolKey, entry: SymbolEntry | undefined, kb: KnowledgeBaseView): string[] {
  const render = (n: number) => `${ordinalWord(n)} session (${n})`;
  if (entry && entry.sessions.length > 0) return factLines('Session', entry.sessions, render, 'session', (facts, what) => sourcesSuffix(facts, what, entry.key, kb));
  const session = symbol.kind === 'document' ? undefined : sessionOf(symbol.key);
  return session === undefined ? [] : [`- **Session:** ${render(session)}`];
}

/**
 * " — catalogue.json row 5; its text; cited with this date in 3 documents", in italics. A corpus
 * text is named by its symbol ("its text" when it is the entry's own), by file only without one.
 */
function sourcesSuffix(sources: FactSource[], what: FactWhat, key: string, kb: KnowledgeBaseView): string {
  const parts: string[] = [];
  const citing = new Set<string>();
  for (const source of sources) {
    if (source.kind === 'catalogue') parts.push(`${fileName(source.uri)} row ${source.line}`);
    else if (source.kind === 'document') parts.push(kb.document(source.uri)?.symbol === key ? 'its text' : documentName(kb, source.uri));
    else citing.add(source.uri);
  }
  if (citing.size > 0) parts.push(`cited with this ${what} in ${plural(citing.size, 'document')}`);
  return parts.length ? ` _(${escapeMarkdown(parts.join('; '))})_` : '';
}

function corpusTextLine(entry: SymbolEntry, kb: KnowledgeBaseView): string {
  const texts = textsOf(entry);
  if (texts.length === 0) {
    const drafts = entry.adoptedFrom.map((symbol) => displaySymbol({ key: symbol, kind: 'document' }));
    const known = drafts.length ? `; adopted from draft ${drafts.join(', ')}` : '';
    return `- **Corpus text:** ${escapeMarkdown(`not in the corpus${known}`)}`;
  }
  const described = texts.map(({ document, draft }) => {
    if (!draft) return 'full text';
    return `text of ${draftName(kb, document)}, adopted as this resolution`;
  });
  return `- **Corpus text:** ${escapeMarkdown(described.join('; '))}`;
}

function citingLine(entry: SymbolEntry, kb: KnowledgeBaseView): string | undefined {
  const uris: string[] = [];
  const seen = new Set<string>();
  for (const site of entry.citedBy) {
    if (seen.has(site.uri)) continue;
    seen.add(site.uri);
    uris.push(site.uri);
  }
  if (uris.length === 0) return '- **Cited by:** no corpus document';
  const names = uris.slice(0, MAX_CITING_NAMED).map((uri) => documentName(kb, uri));
  const more = uris.length > MAX_CITING_NAMED ? ` and ${uris.length - MAX_CITING_NAMED} more` : '';
  return `- **Cited by:** ${escapeMarkdown(`${plural(uris.length, 'corpus document')}: ${names.join(', ')}${more}`)}`;
}

/**
 * What the corpus says of a document symbol: the footnote or passage around each place that cites
 * it. Places are told apart by what holds them, which each site records; only the texts shown are
 * parsed again.
 */
function sitesLines(document: ParsedDocument, citation: Citation, entry: SymbolEntry, kb: KnowledgeBaseView): string[] {
  const here = uriKey(document.uri);
  const lines: string[] = [];
  const seen = new Set<string>();
  let shown = 0;
  let more = 0;
  for (const site of entry.citedBy) {
    if (uriKey(site.uri) === here && site.start === citation.start) continue;
    const corpus = kb.document(site.uri);
    if (!corpus) continue;
    const id = `${site.uri}#${site.container}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (shown >= MAX_SITES) {
      more++;
      continue;
    }
    shown++;
    const model = corpus.parsed()?.model;
    const name = documentName(kb, site.uri);
    lines.push(`    - ${model ? siteText(model, site, containerAt(model, site.start), name) : escapeMarkdown(name)}`);
  }
  if (lines.length === 0) return [];
  if (more > 0) lines.push(`    - ${escapeMarkdown(`and ${plural(more, 'more place')}`)}`);
  return ['- **What the corpus says of it:**', ...lines];
}

function siteText(model: ResolutionDocument, site: Span, container: ReturnType<typeof containerAt>, name: string): string {
  const where = escapeMarkdown(name);
  if (!container) return where;
  if (container.kind === 'footnote') {
    const { footnote } = container;
    let text = `${where}, footnote ${escapeMarkdown(footnote.label)}: “${escapeMarkdown(shorten(footnote.content.text, 240))}”`;
    const marker = markerFor(model, footnote);
    const around = marker ? containerAt(model, marker.start) : undefined;
    if (marker && around?.kind === 'block') {
      text += `, on “${escapeMarkdown(excerptAround(around.block.content, marker, 90, 60))}”`;
    }
    return text;
  }
  if (container.kind === 'header') return `${where}, header: “${escapeMarkdown(shorten(container.field.value, 200))}”`;
  return `${where}, ${escapeMarkdown(placeName(container.paragraph, container.block))}: “${escapeMarkdown(excerptAround(container.block.content, site))}”`;
}

// ---- paragraph references ---------------------------------------------------------------------

function referenceMarkdown(document: ParsedDocument, reference: ParagraphReference, kb: KnowledgeBaseView, withLink: boolean): string {
  const resolved = resolveReference(document, reference, kb);
  const lines: string[] = [];
  const names = resolved.targets.map((t) => t.name);
  const what = names.length === 1 ? capitalise(names[0]) : `${capitalise(names[0].replace(/^paragraph/, 'paragraphs'))}, ${names.slice(1).map((n) => n.replace(/^paragraph /, '')).join(', ')}`;

  const word = /decision\W*$/i.test(document.model.text.slice(reference.start, reference.end)) ? 'decision' : 'resolution';
  if (reference.scope.kind === 'self') {
    const direction = reference.scope.direction ? ` ${reference.scope.direction}` : '';
    lines.push(`**${escapeMarkdown(what + direction)}** · in this text`);
  } else if (resolved.unresolved || !resolved.symbol) {
    lines.push(`**${escapeMarkdown(`${what} of that ${word}`)}**`, '');
    lines.push('No resolution or decision is cited before this reference, so it cannot be told which one it means.');
    return lines.join('\n');
  } else {
    const name = displaySymbol(resolved.symbol);
    const title = resolved.entry?.titles[0]?.value;
    const previous = reference.scope.kind === 'previous' ? ` ${escapeMarkdown(`(that ${word})`)}` : '';
    lines.push(`**${escapeMarkdown(`${what} of ${name}`)}**${previous}${title ? ` · *${escapeMarkdown(title)}*` : ''}`);
  }
  lines.push('');

  const source = resolved.source;
  if (!source) {
    const name = displaySymbol(resolved.symbol!);
    lines.push(escapeMarkdown(`The corpus has no text of ${name}.`), '', markdownLink(`Open ${name} on undocs.org`, undocsUrl(resolved.symbol!)));
    return lines.join('\n');
  }
  if (source.corpus && source.draft) {
    lines.push(`_${escapeMarkdown(`From the text of ${draftName(kb, source.corpus)}, adopted as this resolution; the adopted text may differ.`)}_`, '');
  }

  const budget = resolved.targets.length === 1 ? PARAGRAPH_CHARS : Math.max(300, Math.floor(PARAGRAPH_CHARS * 1.5 / resolved.targets.length));
  const model = source.document.model;
  for (const target of resolved.targets.slice(0, 6)) {
    if (!target.block) {
      lines.push(escapeMarkdown(missingTarget(target.name, model, source.corpus ? documentName(kb, source.corpus.uri) : 'This text')), '');
      continue;
    }
    lines.push(...quoteBlock(target.block, budget), '');
  }
  if (resolved.targets.length > 6) lines.push(escapeMarkdown(`and ${resolved.targets.length - 6} more paragraphs`), '');

  if (source.corpus && resolved.symbol && withLink) {
    lines.push(markdownLink(`Open ${displaySymbol(resolved.symbol)} on undocs.org`, undocsUrl(resolved.symbol)));
  }
  return lines.join('\n').trimEnd();
}

function missingTarget(name: string, model: ResolutionDocument, where: string): string {
  const count = model.operative.length;
  return `${where} has no ${name} (it has ${count} operative paragraph${count === 1 ? '' : 's'}).`;
}

/** A paragraph or sub-paragraph as a block quote: number or label in bold, opening in italics. */
function quoteBlock(block: Block, budget: number): string[] {
  const lines: string[] = [];
  const own = block.content.text;
  const isParagraph = 'kind' in block;
  // "2 bis." for a paragraph inserted during negotiation.
  const suffix = block.suffix ? ` ${block.suffix.text}` : '';
  const head = isParagraph ? (block.number !== undefined ? `${block.number}${suffix}.` : `${block.kind === 'preambular' ? 'PP' : 'OP'}${block.index}${suffix}`) : `${block.label}${suffix}`;
  const text = shorten(own, budget);
  let body = escapeMarkdown(text);
  if (isParagraph && block.opening && text.startsWith(block.opening.text)) {
    body = `*${escapeMarkdown(block.opening.text)}*${escapeMarkdown(text.slice(block.opening.text.length)) ? ' ' + escapeMarkdown(text.slice(block.opening.text.length)) : ''}`;
  }
  lines.push(`> **${escapeMarkdown(head)}** ${body}`);
  let left = budget - text.length;
  const subs = block.subparagraphs;
  subs.slice(0, SUBPARAGRAPHS_SHOWN).forEach((sub) => {
    if (left <= 0) return;
    const subText = shorten(sub.content.text, Math.max(120, Math.min(400, left)));
    left -= subText.length;
    lines.push('>', `> **${escapeMarkdown(sub.label)}** ${escapeMarkdown(subText)}`);
  });
  const hidden = subs.length - Math.min(subs.length, SUBPARAGRAPHS_SHOWN);
  if (hidden > 0 || (left <= 0 && subs.length > 0)) lines.push('>', `> ${escapeMarkdown(`(${subs.length} sub-paragraphs in all)`)}`);
  return lines;
}

// ---- footnotes --------------------------------------------------------------------------------

function footnoteMarkdown(document: ParsedDocument, marker: FootnoteMarker): string {
  const { model } = document;
  const footnote = footnoteFor(model, marker);
  if (!footnote) return `**${escapeMarkdown(`Footnote ${marker.label}`)}**\n\nThis text has no footnote ${escapeMarkdown(marker.label)}.`;
  const lines = [`**${escapeMarkdown(`Footnote ${footnote.label}`)}**`, '', escapeMarkdown(shorten(footnote.content.text, 1000))];
  const links: string[] = [];
  const seen = new Set<string>();
  for (const citation of model.citations) {
    if (citation.start < footnote.start || citation.end > footnote.end) continue;
    const key = citationKey(citation);
    if (!key || seen.has(key.key)) continue;
    seen.add(key.key);
    links.push(markdownLink(`Open ${displaySymbol(key)} on undocs.org`, undocsUrl(key)));
  }
  if (links.length) lines.push('', links.join(' · '));
  return lines.join('\n');
}

// ---- small helpers ----------------------------------------------------------------------------

/** "draft A/C.1/73/L.27/Rev.1"; a draft without a symbol of its own by its file: "a draft (002_….txt)". */
function draftName(kb: KnowledgeBaseView, document: CorpusDocument): string {
  return document.symbol ? `draft ${documentName(kb, document.uri)}` : `a draft (${fileName(document.uri)})`;
}


function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
