// Word's automatic list numbering, which mammoth reads only as "this paragraph is in a list":
// the list definitions (numbering.xml), the paragraph styles that carry a list (styles.xml) and
// the counters that Word keeps as it lays the document out, so that each numbered paragraph gets
// the number Word shows ("1.", "(a)", "(i)", "1.3").
import { attribute, xmlTags, type XmlTag } from './docxXml';

interface LevelDefinition {
  format: string;
  /** "%1.", "(%2)", "%1.%2". */
  text: string;
  start: number;
  /** "Legal" numbering: every level's number in decimal. */
  legal: boolean;
}

interface ListInstance {
  abstractId: string;
  /** Levels this instance redefines or restarts (w:lvlOverride). */
  overrides: Map<number, { start?: number; level?: LevelDefinition }>;
}

export interface NumberingProperties {
  numId?: string;
  level?: number;
}

export class ListNumbering {
  private readonly abstracts = new Map<string, { levels: Map<number, LevelDefinition>; styleLink?: string }>();
  private readonly instances = new Map<string, ListInstance>();
  /** Paragraph styles: their list and the style they are based on. */
  private readonly styles = new Map<string, { numbering: NumberingProperties; basedOn?: string }>();
  /** Numbering styles (w:numStyleLink) and the list they stand for. */
  private readonly numberingStyles = new Map<string, string>();
  /** Counters by list definition, one per level: instances of one definition count on together. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly restarted = new Set<string>();

  constructor(numberingXml: string | undefined, stylesXml: string | undefined) {
    if (stylesXml) this.readStyles(stylesXml);
    if (numberingXml) this.readNumbering(numberingXml);
  }

  /** Whether the document defines any list at all. */
  get empty(): boolean {
    return this.instances.size === 0;
  }

  /**
   * The label Word shows for the next paragraph with these properties (its own, or its style's),
   * counting it; undefined for a paragraph outside any numbered list.
   */
  next(own: NumberingProperties, styleId: string | undefined): string | undefined {
    const fromStyle = this.styleNumbering(styleId);
    const numId = own.numId ?? fromStyle.numId;
    if (numId === undefined || numId === '0') return undefined;
    const level = Math.min(8, Math.max(0, own.level ?? fromStyle.level ?? 0));
    const instance = this.instances.get(numId);
    if (!instance) return undefined;
    const abstractId = this.resolveAbstract(instance.abstractId);
    if (abstractId === undefined) return undefined;
    const definition = (l: number) => instance.overrides.get(l)?.level ?? this.abstracts.get(abstractId)?.levels.get(l);
    const own_ = definition(level);
    if (!own_ || own_.format === 'none' || own_.format === 'bullet') return undefined;
    const startOf = (l: number) => instance.overrides.get(l)?.start ?? definition(l)?.start ?? 0;

    const counts = this.counters.get(abstractId) ?? new Array<number | undefined>(9).fill(undefined);
    this.counters.set(abstractId, counts);
    // A list instance that restarts a level does so where it is first used.
    if (!this.restarted.has(numId)) {
      this.restarted.add(numId);
      for (const [l, override] of instance.overrides) if (override.start !== undefined) counts[l] = undefined;
    }
    counts[level] = counts[level] === undefined ? startOf(level) : counts[level]! + 1;
    for (let deeper = level + 1; deeper < counts.length; deeper++) counts[deeper] = undefined;

    const written = own_.text.replace(/%([1-9])/g, (_, n: string) => {
      const l = Number(n) - 1;
      const value = counts[l] ?? startOf(l);
      return formatNumber(value, own_.legal && l < level ? 'decimal' : (definition(l)?.format ?? 'decimal'));
    });
    return asResolutionLabel(written.trim(), formatNumber(counts[level]!, own_.format), own_.format, level);
  }

  private styleNumbering(styleId: string | undefined): NumberingProperties {
    const found: NumberingProperties = {};
    // A chain of based-on styles is short; the cap keeps a looping one finite.
    for (let id = styleId, hops = 0; id !== undefined && hops < 20; hops++) {
      const style = this.styles.get(id);
      if (!style) break;
      found.numId ??= style.numbering.numId;
      found.level ??= style.numbering.level;
      id = style.basedOn;
    }
    return found;
  }

  private resolveAbstract(abstractId: string): string | undefined {
    // A list defined as "like numbering style X" counts with X's list.
    for (let id = abstractId, hops = 0; hops < 5; hops++) {
      const abstract = this.abstracts.get(id);
      if (!abstract) return undefined;
      if (abstract.styleLink === undefined) return id;
      const numId = this.numberingStyles.get(abstract.styleLink);
      const linked = numId !== undefined ? this.instances.get(numId)?.abstractId : undefined;
      if (linked === undefined || linked === id) return id;
      id = linked;
    }
    return undefined;
  }

  private readStyles(xml: string): void {
    let current: { id: string; type?: string; numbering: NumberingProperties; basedOn?: string } | undefined;
    for (const tag of xmlTags(xml)) {
      if (tag.name === 'w:style' && !tag.closing) {
        current = { id: attribute(tag, 'w:styleId') ?? '', type: attribute(tag, 'w:type'), numbering: {} };
        if (tag.selfClosing) current = undefined;
      } else if (tag.name === 'w:style' && tag.closing && current) {
        if (current.type === 'numbering' && current.numbering.numId !== undefined) this.numberingStyles.set(current.id, current.numbering.numId);
        else if (current.type === 'paragraph') this.styles.set(current.id, { numbering: current.numbering, basedOn: current.basedOn });
        current = undefined;
      } else if (current && !tag.closing) {
        if (tag.name === 'w:basedOn') current.basedOn = attribute(tag, 'w:val');
        else readNumberingProperty(tag, current.numbering);
      }
    }
  }

  private readNumbering(xml: string): void {
    let abstract: { id: string; levels: Map<number, LevelDefinition>; styleLink?: string } | undefined;
    let instance: (ListInstance & { id: string }) | undefined;
    let override: { level: number; start?: number; definition?: LevelDefinition } | undefined;
    let level: { index: number; definition: LevelDefinition } | undefined;
    for (const tag of xmlTags(xml)) {
      const value = () => attribute(tag, 'w:val');
      if (tag.closing) {
        if (tag.name === 'w:lvl' && level) {
          if (override) override.definition = level.definition;
          else abstract?.levels.set(level.index, level.definition);
          level = undefined;
        } else if (tag.name === 'w:lvlOverride' && override && instance) {
          instance.overrides.set(override.level, { start: override.start, level: override.definition });
          override = undefined;
        } else if (tag.name === 'w:abstractNum' && abstract) {
          this.abstracts.set(abstract.id, { levels: abstract.levels, styleLink: abstract.styleLink });
          abstract = undefined;
        } else if (tag.name === 'w:num' && instance) {
          this.instances.set(instance.id, { abstractId: instance.abstractId, overrides: instance.overrides });
          instance = undefined;
        }
        continue;
      }
      switch (tag.name) {
        case 'w:abstractNum':
          abstract = { id: attribute(tag, 'w:abstractNumId') ?? '', levels: new Map() };
          break;
        case 'w:num':
          instance = { id: attribute(tag, 'w:numId') ?? '', abstractId: '', overrides: new Map() };
          break;
        case 'w:abstractNumId':
          if (instance) instance.abstractId = value() ?? '';
          break;
        case 'w:numStyleLink':
          if (abstract) abstract.styleLink = value();
          break;
        case 'w:lvlOverride':
          if (instance && !tag.selfClosing) override = { level: Number(attribute(tag, 'w:ilvl') ?? 0) };
          break;
        case 'w:startOverride':
          if (override) override.start = integer(value(), 0);
          break;
        case 'w:lvl':
          level = { index: Number(attribute(tag, 'w:ilvl') ?? 0), definition: { format: 'decimal', text: '', start: 0, legal: false } };
          if (tag.selfClosing) level = undefined;
          break;
        case 'w:numFmt':
          if (level) level.definition.format = value() ?? 'decimal';
          break;
        case 'w:lvlText':
          if (level) level.definition.text = value() ?? '';
          break;
        case 'w:start':
          if (level) level.definition.start = integer(value(), 0);
          break;
        case 'w:isLgl':
          if (level) level.definition.legal = value() !== 'false' && value() !== '0';
          break;
      }
    }
  }
}

/** Reads w:numId and w:ilvl of a w:numPr into `into`. */
export function readNumberingProperty(tag: XmlTag, into: NumberingProperties): void {
  if (tag.name === 'w:numId') into.numId = attribute(tag, 'w:val');
  else if (tag.name === 'w:ilvl') into.level = integer(attribute(tag, 'w:val'), 0);
}

function integer(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n < 100_000 ? n : fallback;
}

export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerRoman':
      return roman(value);
    case 'upperRoman':
      return roman(value).toUpperCase();
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    default:
      return String(value);
  }
}

/** a … z, then aa, bb … as Word and the UN both count on. */
function letters(value: number): string {
  if (value < 1) return String(value);
  return String.fromCharCode(97 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  if (value < 1 || value > 3999) return String(value);
  const parts: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [n, digits] of parts) while (value >= n) { out += digits; value -= n; }
  return out;
}

/** The label forms the parser reads as they are: "1.", "(a)", "(iv)", "(1)", "1.3", "a)", "I.", "A.". */
const RESOLUTION_LABEL = /^(?:\d{1,4}\.|\([a-z]{1,4}\)|\([ivxlc]{1,7}\)|\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3})+|[a-z]\)|[IVXLC]{1,6}\.|[A-Z]\.)$/;

/**
 * Word's label in a form the parser reads as a paragraph number or sub-paragraph label. A list
 * set up with Word's defaults writes "a." and "i." under "1."; a UN text writes "(a)" and "(i)".
 */
function asResolutionLabel(written: string, own: string, format: string, level: number): string {
  if (RESOLUTION_LABEL.test(written)) return written;
  if (format === 'decimal' || format === 'decimalZero') return level === 0 ? `${own}.` : `(${own})`;
  if (format === 'upperRoman' || format === 'upperLetter') return `${own}.`;
  return `(${own})`;
}
