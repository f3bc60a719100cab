import type { Span } from './model';

export interface Line extends Span {
  /** Offset after the line break (start of the next line). */
  next: number;
  text: string;
}

/** Splits text into lines the way LSP counts them: \r\n, \n and \r all end a line. */
export function scanLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const end = i;
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lines.push({ start, end, next: i + 1, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  lines.push({ start, end: length, next: length, text: text.slice(start) });
  return lines;
}

export interface Position {
  line: number;
  character: number;
}

/** Offset <-> LSP position (UTF-16 code units), independent of any editor library. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[position.line];
    // Past the line's end is its end, as the LSP reads it, not a place on the next line.
    return Math.max(lineStart, Math.min(lineStart + position.character, this.lineEnd(position.line)));
  }

  /** Offset of the end of a line's text, before its line break. */
  lineEnd(line: number): number {
    if (line < 0 || line >= this.starts.length) return line < 0 ? 0 : this.text.length;
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    while (end > this.starts[line] && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
}
