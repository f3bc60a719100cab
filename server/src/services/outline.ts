// Document symbols: header, title, Preamble (PP1 …), Operative part (OP1 …) with nested
// sub-paragraphs, footnotes, closing line. "PP<n>"/"OP<n>" are how delegates name paragraphs;
// in a draft under negotiation "OP2 bis" too, each paragraph says where it stands (agreed,
// bracketed, under negotiation) and the operative part how far it has come ("3 of 5 agreed").
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { CancellationToken, ParsedDocument } from '../parsedDocument';
import type { HeaderFieldKind, Paragraph, Span, SubParagraph } from '../parser/model';
import { paragraphName, queryOf, subLabel, type NegotiationState } from '../parser/query';
import { excerpt, plural } from '../text';

const STATE_NAMES: Record<NegotiationState, string> = { agreed: 'agreed', bracketed: 'bracketed', underNegotiation: 'under negotiation' };

const FIELD_NAMES: Record<HeaderFieldKind, string> = {
  symbol: 'Symbol',
  organization: 'Organ',
  distribution: 'Distribution',
  date: 'Date',
  language: 'Language',
  session: 'Session',
  committee: 'Committee',
  agendaItem: 'Agenda item',
  agendaTitle: 'Agenda item title',
  sponsors: 'Sponsors',
  documentType: 'Document type',
  adoption: 'Adoption',
  report: 'Report',
  title: 'Title',
};

export function getDocumentSymbols(document: ParsedDocument, token?: CancellationToken): DocumentSymbol[] {
  const { model } = document;
  const query = queryOf(model);
  const negotiating = query.underNegotiation;
  const symbols: DocumentSymbol[] = [];
  const symbol = (name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => ({
    name: name.trim() || '(empty)',
    detail,
    kind,
    range: document.range(span),
    selectionRange: document.range(clampSelection(selection, span)),
    children,
  });

  if (model.header) {
    const fields = model.header.fields.filter((f) => f.kind !== 'title');
    const own = model.header.fields.find((f) => f.kind === 'symbol');
    const children = fields.map((f) => symbol(FIELD_NAMES[f.kind], SymbolKind.Field, f, f, excerpt(f.value, 80)));
    const headerSpan = fields.length ? { start: Math.min(model.header.start, fields[0].start), end: model.header.end } : model.header;
    symbols.push(symbol('Header', SymbolKind.Namespace, headerSpan, headerSpan, own?.value, children));
    const title = model.header.fields.find((f) => f.kind === 'title');
    if (title) symbols.push(symbol(excerpt(title.value, 100), SymbolKind.String, title, title, 'Title'));
  }
  if (token?.isCancellationRequested) return [];
  if (model.organ) symbols.push(symbol(model.organ.text, SymbolKind.Object, model.organ, model.organ));
  const preamble = model.preamble;
  const inPreamble = (p: Paragraph) => preamble !== undefined && p.start >= preamble.start && p.end <= preamble.end;
  if (preamble) {
    const children = model.preambular.filter(inPreamble).map((p) => paragraphSymbol(p, 'PP'));
    symbols.push(symbol('Preamble', SymbolKind.Namespace, preamble, preamble, plural(children.length, 'paragraph'), children));
  }
  if (model.operativePart) {
    // A later section's own preamble stands among the operative paragraphs, where it is.
    const sectionPreambles = model.preambular.filter((p) => !inPreamble(p));
    const paragraphs = [...model.operative, ...sectionPreambles].sort((a, b) => a.start - b.start);
    const children = paragraphs.map((p) => paragraphSymbol(p, p.kind === 'operative' ? 'OP' : 'PP'));
    let detail = plural(children.length, 'paragraph');
    if (negotiating) {
      const agreed = model.operative.filter((p) => query.negotiationState(p) === 'agreed').length;
      detail = `${agreed} of ${plural(model.operative.length, 'paragraph')} agreed`;
    }
    // The operative part ends with its last operative paragraph, but a last section may hold
    // only its preamble ("II", "Recalling also …,"): the symbol reaches to it, as the editor
    // wants a child inside its parent.
    const span = { start: model.operativePart.start, end: Math.max(model.operativePart.end, ...paragraphs.map((p) => p.end)) };
    symbols.push(symbol('Operative part', SymbolKind.Namespace, span, model.operativePart, detail, children));
  }
  if (model.closing) symbols.push(symbol(model.closing.meeting, SymbolKind.Event, model.closing, model.closing, model.closing.date?.text));
  if (model.footnotes.length > 0) {
    const children = model.footnotes.map((f) => symbol(`Footnote ${f.label}`, SymbolKind.Key, f, f.labelSpan, excerpt(f.content.text, 80)));
    const span = { start: model.footnotes[0].start, end: model.footnotes[model.footnotes.length - 1].end };
    symbols.push(symbol('Footnotes', SymbolKind.Namespace, span, model.footnotes[0].labelSpan, plural(children.length, 'footnote'), children));
  }
  return symbols;

  function paragraphSymbol(paragraph: Paragraph, prefix: 'PP' | 'OP'): DocumentSymbol {
    const own = paragraph.kind === (prefix === 'OP' ? 'operative' : 'preambular') ? paragraphName(paragraph) : `${prefix}${paragraph.index}`;
    const name = `${own}${paragraph.opening ? ' ' + paragraph.opening.text : ''}`;
    const selection = paragraph.opening ?? paragraph.numberSpan ?? { start: paragraph.start, end: paragraph.start };
    const text = paragraph.content.text;
    const at = paragraph.opening ? text.indexOf(paragraph.opening.text) : -1;
    const rest = at >= 0 ? text.slice(at + paragraph.opening!.text.length) : text;
    const state = negotiating ? ` · ${STATE_NAMES[query.negotiationState(paragraph)]}` : '';
    return symbol(
      name,
      prefix === 'PP' ? SymbolKind.Property : SymbolKind.Function,
      paragraph,
      selection,
      excerpt(rest, 60) + state,
      subSymbols(paragraph.subparagraphs),
    );
  }

  /** A symbol per sub-paragraph, each holding those below it; the levels wait on a stack, since the labels decide the depth. */
  function subSymbols(subs: SubParagraph[]): DocumentSymbol[] {
    const top: DocumentSymbol[] = [];
    const pending: { subs: SubParagraph[]; into: DocumentSymbol[] }[] = [{ subs, into: top }];
    while (pending.length > 0) {
      const level = pending.pop()!;
      for (const sub of level.subs) {
        const children: DocumentSymbol[] = [];
        level.into.push(symbol(`${sub.label ? subLabel(sub) : '(…)'} ${excerpt(sub.content.text, 40)}`, SymbolKind.EnumMember, sub, sub.labelSpan, undefined, children));
        if (sub.subparagraphs.length > 0) pending.push({ subs: sub.subparagraphs, into: children });
      }
    }
    return top;
  }
}

function clampSelection(selection: Span, range: Span): Span {
  const start = Math.min(Math.max(selection.start, range.start), range.end);
  const end = Math.min(Math.max(selection.end, start), range.end);
  return { start, end };
}


