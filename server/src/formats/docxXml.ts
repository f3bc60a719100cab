// The few things read straight from a Word file's XML, before mammoth reads the document: its
// tags one by one (Word writes plain, namespaced, double- or single-quoted tags and no CDATA in
// its parts), an attribute's value and the XML entities. Linear in the part's length; no
// recursion, whatever the nesting.

export interface XmlTag {
  /** Where the tag starts and ends in the part. */
  start: number;
  end: number;
  /** "w:p", "w:ins". */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** The tag's text between its name and its end: the attributes. */
  attributes: string;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>/g;

/** Every element tag of an XML part, in order (comments, processing instructions and CDATA skipped). */
export function* xmlTags(xml: string): Generator<XmlTag> {
  TAG.lastIndex = 0;
  for (let match = TAG.exec(xml); match; match = TAG.exec(xml)) {
    if (match[2] === undefined) continue;
    yield { start: match.index, end: TAG.lastIndex, name: match[2], closing: match[1] === '/', selfClosing: match[4] === '/', attributes: match[3] };
  }
}

/** The value of one attribute ("w:val") of a tag, entities decoded. */
export function attribute(tag: XmlTag, name: string): string | undefined {
  const found = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(["'])(.*?)\\1`).exec(tag.attributes);
  return found ? decodeEntities(found[2]) : undefined;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9A-Fa-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g, (whole, hex: string, dec: string, name: string) => {
    if (name) return NAMED[name];
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Whether a tag holds properties (w:pPr, w:rPr, w:trPr, w:sectPr …) or a record of their change. */
export function isPropertiesTag(name: string): boolean {
  return /^w:\w*Pr$/.test(name) || /^w:\w*PrChange$/.test(name);
}
