// Small PDFs written byte by byte, for the reader's tests: a page of text, a page that is only a
// picture (what a scan without a text layer is). No tool is needed to make them.

/** A PDF file from its objects (numbered from 1), with a correct cross-reference table. */
export function pdfFile(objects: string[]): Uint8Array {
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

function stream(content: string, dictionary = ''): string {
  return `<< ${dictionary} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/** One A4 page per entry, each line of text set in Times-Roman 10 pt from the top. */
export function textPdf(pages: string[][]): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>'];
  const kids: string[] = [];
  for (const lines of pages) {
    const content = lines.map((line, i) => `BT /F1 10 Tf 72 ${770 - i * 12} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n');
    objects.push(stream(content));
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  return pdfFile(objects);
}

/** Pages that hold only a picture (an 8×8 grey square scaled to the page): a scan without text. */
export function imageOnlyPdf(pageCount: number): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', stream('\u0080'.repeat(64), '/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8')];
  const kids: string[] = [];
  for (let p = 0; p < pageCount; p++) {
    objects.push(stream('q 595 0 0 842 0 0 cm /Im1 Do Q'));
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  return pdfFile(objects);
}

/** A piece of text placed on a page: `y` is the baseline, from the top of the page. */
export interface Placed {
  text: string;
  x: number;
  y: number;
  size?: number;
  font?: 'roman' | 'italic' | 'bold';
}

const FONTS = { roman: 'F1', italic: 'F2', bold: 'F3' } as const;

/** US Letter pages (612 × 792) of placed text in Times (roman, italic, bold). */
export function placedPdf(pages: Placed[][]): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold >>',
  ];
  const kids: string[] = [];
  for (const items of pages) {
    const content = items
      .map((item) => `BT /${FONTS[item.font ?? 'roman']} ${item.size ?? 10} Tf 1 0 0 1 ${item.x} ${792 - item.y} Tm (${item.text.replace(/[()\\]/g, '\\$&')}) Tj ET`)
      .join('\n');
    objects.push(stream(content));
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents ${objects.length} 0 R >>`);
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  return pdfFile(objects);
}
