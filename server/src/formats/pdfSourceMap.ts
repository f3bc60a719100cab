// Where each character of the text read from a PDF was printed. The text is written run by run;
// each run keeps the box it was printed in, and the characters the reader adds (spaces, line
// breaks, Markdown marks) belong to the run before them, so every offset has a place on a page.

/** A box on a page, in points from the page's top-left corner as displayed (rotation applied). */
export interface PdfLocation {
  /** 1-based. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPageSize {
  width: number;
  height: number;
}

export class PdfSourceMap {
  /** Run i covers text offsets [starts[i], starts[i + 1]) (the last one up to the text's end). */
  private readonly starts: number[];
  private readonly boxes: PdfLocation[];

  constructor(
    starts: number[],
    boxes: PdfLocation[],
    /** The text's length. */
    readonly length: number,
    /** Each page's size, page 1 first. */
    readonly pages: PdfPageSize[],
  ) {
    this.starts = starts;
    this.boxes = boxes;
  }

  /** Where the character at `offset` was printed; undefined outside the text. */
  locate(offset: number): PdfLocation | undefined {
    if (!(offset >= 0 && offset < this.length) || this.starts.length === 0) return undefined;
    return { ...this.boxes[this.runAt(offset)] };
  }

  /** The boxes of the runs that printed text[start, end): one per run, in text order. */
  locateRange(start: number, end: number): PdfLocation[] {
    const from = Math.max(0, start);
    const to = Math.min(this.length, end);
    if (from >= to || this.starts.length === 0) return [];
    const boxes: PdfLocation[] = [];
    for (let i = this.runAt(from); i < this.starts.length && this.starts[i] < to; i++) boxes.push({ ...this.boxes[i] });
    return boxes;
  }

  /** The runs, for a caller that lays its own index over them. */
  runs(): { start: number; end: number; location: PdfLocation }[] {
    return this.starts.map((start, i) => ({ start, end: i + 1 < this.starts.length ? this.starts[i + 1] : this.length, location: { ...this.boxes[i] } }));
  }

  private runAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** Writes the text and its map together. */
export class MappedTextWriter {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly starts: number[] = [];
  private readonly boxes: PdfLocation[] = [];

  /** Text printed in `box`. Consecutive text from one box makes one run. */
  printed(text: string, box: PdfLocation): void {
    if (text.length === 0) return;
    const last = this.boxes[this.boxes.length - 1];
    if (!last || !sameBox(last, box)) {
      // Text the reader added before the first run belongs to that run.
      this.starts.push(this.starts.length === 0 ? 0 : this.length);
      this.boxes.push(box);
    }
    this.add(text);
  }

  /** Text the reader adds (a space, a line break, a Markdown mark): it belongs to the run before. */
  added(text: string): void {
    this.add(text);
  }

  get text(): string {
    return this.parts.join('');
  }

  /** The last character written; '' at the start. */
  lastChar(): string {
    const part = this.parts[this.parts.length - 1];
    return part ? part[part.length - 1] : '';
  }

  /** The text written since `offset` (for checks on the current line). */
  tail(count: number): string {
    let text = '';
    for (let i = this.parts.length - 1; i >= 0 && text.length < count; i--) text = this.parts[i] + text;
    return text.slice(-count);
  }

  get offset(): number {
    return this.length;
  }

  finish(pages: PdfPageSize[]): { text: string; map: PdfSourceMap } {
    return { text: this.text, map: new PdfSourceMap(this.starts, this.boxes, this.length, pages) };
  }

  private add(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }
}

function sameBox(a: PdfLocation, b: PdfLocation): boolean {
  return a.page === b.page && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
