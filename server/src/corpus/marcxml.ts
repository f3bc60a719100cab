// MARCXML, the format the UN Digital Library exports search results in, read as a catalogue:
// records of MARC 21 (slim) fields, and what a catalogue row takes from each record.
//
// The reader is a scanner of its own rather than an XML library: a catalogue needs elements,
// attributes, text, CDATA, comments, processing instructions, the five predefined entities and
// character references, and nothing else. It reads the text once from left to right (linear
// time), keeps the open elements on an explicit stack of bounded depth (no recursion), and
// refuses a DOCTYPE: with no document type there are no entity declarations, so nothing can
// expand (a "billion laughs" file stops at its DOCTYPE, with a problem). Pure: text in, records
// and problems out; it never throws. Problems name a line, never what the file holds.
//
// What the library's records hold (checked on a real export of Third Committee drafts):
//   191 $a  the document symbol (A/C.3/78/L.49/Rev.1); $c the session
//   245 $a  the title ("Promotion and protection … :"); $b the kind ("revised draft resolution /");
//          $c the sponsors as a statement
//   269 $a  the date, yyyy-mm-dd (of issue for a draft, of adoption for a resolution)
//   710 $a  each sponsor, one field each; 515 $a the additional sponsors, as a sentence
//   993 $a  related documents: ind1 1, what the draft was adopted as (A/RES/78/213 or
//          A/DEC/78/539); ind1 3, the committee's report (A/78/481/Add.2)
//   856 $u  the PDFs, one per language
// Element names are matched by their local name, so `record`, `marc:record` and `ns0:record` read alike.
import { normalizeSymbol } from './symbols';

export interface MarcSubfield {
  code: string;
  value: string;
}

export interface MarcDataField {
  tag: string;
  ind1: string;
  ind2: string;
  subfields: MarcSubfield[];
}

export interface MarcRecord {
  /** 1-based line of the record's start tag. */
  line: number;
  controlFields: { tag: string; value: string }[];
  dataFields: MarcDataField[];
}

export interface MarcProblem {
  /** 1-based line; undefined for the whole file. */
  line?: number;
  message: string;
}

/** Deeper than any MARCXML (collection, record, datafield, subfield): a file nesting past it is not one. */
export const MAX_XML_DEPTH = 32;

/** Whether a text is XML rather than CSV or JSON: its first non-blank character opens a tag. */
export function looksLikeXml(text: string, first: number): boolean {
  return text[first] === '<';
}

/** The MARC records of a MARCXML text, with what could not be read. */
export function readMarcXml(text: string): MarcRead {
  const steps = marcXmlSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface MarcRead {
  records: MarcRecord[];
  problems: MarcProblem[];
}

/** readMarcXml, yielding after each record read, so that a caller can let other work run between records. */
export function* marcXmlSteps(text: string): Generator<void, MarcRead> {
  const records: MarcRecord[] = [];
  const problems: MarcProblem[] = [];
  const lines = new LineCounter(text);
  const stack: string[] = [];
  let record: MarcRecord | undefined;
  let field: MarcDataField | undefined;
  let collecting: { kind: 'control'; tag: string } | { kind: 'subfield'; code: string } | undefined;
  let value = '';
  let unknownEntity = false;
  let sawRecordElement = false;

  let stopped = false;
  const stop = (offset: number, message: string) => {
    stopped = true;
    problems.push({ line: lines.at(offset), message: `line ${lines.at(offset)}: ${message}` });
  };
  const addText = (start: number, end: number, decode: boolean) => {
    if (!collecting) return;
    const raw = text.slice(start, end);
    const offset = start;
    if (!decode || raw.indexOf('&') < 0) {
      value += raw;
      return;
    }
    value += raw.replace(/&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));|&/g, (whole, hex?: string, dec?: string, name?: string) => {
      if (name) return PREDEFINED[name];
      const code = hex ? parseInt(hex, 16) : dec ? parseInt(dec, 10) : -1;
      if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) return String.fromCodePoint(code);
      if (!unknownEntity) {
        unknownEntity = true;
        problems.push({ line: lines.at(offset), message: `line ${lines.at(offset)}: an "&" that starts no entity this reader knows (only &lt; &gt; &amp; &quot; &apos; and character references); kept as written` });
      }
      return whole;
    });
  };

  const open = (name: string, tag: string, offset: number): void => {
    switch (name) {
      case 'record':
        sawRecordElement = true;
        if (record) problems.push({ line: lines.at(offset), message: `line ${lines.at(offset)}: a record inside a record; the inner one is read as part of the outer` });
        else record = { line: lines.at(offset), controlFields: [], dataFields: [] };
        return;
      case 'controlfield':
        if (record) collecting = { kind: 'control', tag: attributeOf(tag, 'tag') ?? '' };
        value = '';
        return;
      case 'datafield':
        if (record) field = { tag: attributeOf(tag, 'tag') ?? '', ind1: attributeOf(tag, 'ind1') ?? ' ', ind2: attributeOf(tag, 'ind2') ?? ' ', subfields: [] };
        return;
      case 'subfield':
        if (field) collecting = { kind: 'subfield', code: attributeOf(tag, 'code') ?? '' };
        value = '';
        return;
    }
  };
  const close = (name: string): void => {
    switch (name) {
      case 'record':
        if (record) records.push(record);
        record = undefined;
        field = undefined;
        return;
      case 'controlfield':
        if (record && collecting?.kind === 'control') record.controlFields.push({ tag: collecting.tag, value: oneLine(value) });
        collecting = undefined;
        return;
      case 'datafield':
        if (record && field) record.dataFields.push(field);
        field = undefined;
        return;
      case 'subfield':
        if (field && collecting?.kind === 'subfield') field.subfields.push({ code: collecting.code, value: oneLine(value) });
        collecting = undefined;
        return;
    }
  };

  let pos = 0;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      addText(pos, text.length, true);
      break;
    }
    if (lt > pos) addText(pos, lt, true);
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) {
        stop(lt, 'a comment that never ends; the rest of the file is not read');
        break;
      }
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) {
        stop(lt, 'a CDATA section that never ends; the rest of the file is not read');
        break;
      }
      addText(lt + 9, end, false);
      pos = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) {
        stop(lt, 'a processing instruction that never ends; the rest of the file is not read');
        break;
      }
      pos = end + 2;
    } else if (text.startsWith('<!', lt)) {
      // A DOCTYPE may declare entities, which could expand without end: MARCXML has none.
      stop(lt, 'a document type declaration (DOCTYPE); a MARCXML catalogue has none, so the rest of the file is not read');
      break;
    } else {
      const end = tagEnd(text, lt + 1);
      if (end < 0) {
        stop(lt, 'a tag that never ends; the rest of the file is not read');
        break;
      }
      const tag = text.slice(lt + 1, end);
      pos = end + 1;
      if (tag.startsWith('/')) {
        const name = localName(tag.slice(1).trim());
        if (stack.length === 0 || stack[stack.length - 1] !== name) {
          stop(lt, 'a closing tag that does not match the element open there; the rest of the file is not read');
          break;
        }
        stack.pop();
        close(name);
        if (name === 'record') yield;
        continue;
      }
      const selfClosing = tag.endsWith('/');
      const match = /^([^\s/>]+)/.exec(tag);
      if (!match) {
        stop(lt, 'a "<" that opens no tag; the rest of the file is not read');
        break;
      }
      const name = localName(match[1]);
      if (!selfClosing && stack.length >= MAX_XML_DEPTH) {
        stop(lt, `elements nested more than ${MAX_XML_DEPTH} deep; MARCXML nests four, so the rest of the file is not read`);
        break;
      }
      open(name, tag, lt);
      if (selfClosing) close(name);
      else stack.push(name);
    }
  }
  if (record && !stopped) problems.push({ line: record.line, message: `line ${record.line}: a record that never ends; left out` });
  if (!sawRecordElement && problems.length === 0) problems.push({ message: 'no MARC records (<record> elements) in this XML file' });
  return { records, problems };
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The offset of the ">" that ends a tag whose name starts at `from`, skipping quoted attribute values; -1 when none. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
    else if (c === 0x3c) return -1;
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const ATTRIBUTE_PATTERNS = new Map(['tag', 'ind1', 'ind2', 'code'].map((name) => [name, new RegExp(`\\s(?:[^\\s=/:]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)]));

/** The value of one of the attributes MARCXML uses (tag, ind1, ind2, code) in a start tag's text. */
function attributeOf(tag: string, name: string): string | undefined {
  const match = ATTRIBUTE_PATTERNS.get(name)!.exec(tag);
  return match ? match[1] ?? match[2] : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** 1-based line numbers of offsets asked for in increasing order, in linear time overall. */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  at(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (let i = this.text.indexOf('\n', this.offset); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) this.line++;
    this.offset = offset;
    return this.line;
  }
}

// ---- what a catalogue takes from a record ---------------------------------------------------

/** A record's facts as the library files them, before the catalogue reads them. */
export interface MarcFacts {
  symbol?: string;
  title?: string;
  date?: string;
  session?: string;
  /** Every related document (993 $a), as written. */
  related: string[];
  /** What it was adopted as: the first related resolution (993 $a, A/RES/…). */
  adoptedAs?: string;
  /** One name per 710 $a field. */
  sponsors: string[];
}

export function marcFacts(record: MarcRecord): MarcFacts {
  const first = (tag: string, code: string) => subfieldsOf(record, tag, code)[0];
  const related = subfieldsOf(record, '993', 'a');
  return {
    symbol: first('191', 'a'),
    title: first('245', 'a'),
    date: first('269', 'a'),
    session: first('191', 'c'),
    related,
    adoptedAs: related.find((symbol) => normalizeSymbol(symbol)?.kind === 'resolution'),
    sponsors: subfieldsOf(record, '710', 'a'),
  };
}

/** A cell of a catalogue row: its value and where it came from, as messages name it. */
export interface MarcCell {
  value: string;
  at: string;
}

/** The cells a catalogue row reads from a record, by the role each fills. */
export function marcCells(record: MarcRecord): { symbol?: MarcCell; title?: MarcCell; date?: MarcCell; session?: MarcCell; adoptedAs?: MarcCell } {
  const facts = marcFacts(record);
  const cell = (value: string | undefined, at: string) => (value ? { value, at } : undefined);
  return {
    symbol: cell(facts.symbol, 'field 191 $a (symbol)'),
    title: cell(facts.title, 'field 245 $a (title)'),
    date: cell(facts.date, 'field 269 $a (date)'),
    session: cell(facts.session, 'field 191 $c (session)'),
    adoptedAs: cell(facts.adoptedAs, 'field 993 $a (adopted as)'),
  };
}

function subfieldsOf(record: MarcRecord, tag: string, code: string): string[] {
  const values: string[] = [];
  for (const field of record.dataFields) {
    if (field.tag !== tag) continue;
    for (const subfield of field.subfields) if (subfield.code === code && subfield.value) values.push(subfield.value);
  }
  return values;
}
