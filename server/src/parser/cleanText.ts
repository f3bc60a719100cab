import type { CleanText, Span } from './model';

/**
 * Builds a CleanText from source pieces. Each `copy` appends source text verbatim and records a
 * run; `space` appends a separator that maps to no source character.
 */
export class CleanTextBuilder {
  private parts: string[] = [];
  private length = 0;
  private readonly runs: number[] = [];

  copy(source: string, start: number, end: number): void {
    // Never two spaces in a row, whatever the skips left at the seams.
    while (start < end && source.charCodeAt(start) === 32 && (this.length === 0 || this.endsWithSpace())) start++;
    if (end <= start) return;
    const last = this.runs.length - 3;
    // Extend the previous run when the copy is contiguous in both texts.
    if (last >= 0 && this.runs[last] + this.runs[last + 2] === this.length && this.runs[last + 1] + this.runs[last + 2] === start) {
      this.runs[last + 2] += end - start;
    } else {
      this.runs.push(this.length, start, end - start);
    }
    this.parts.push(source.slice(start, end));
    this.length += end - start;
  }

  space(): void {
    if (this.length === 0 || this.endsWithSpace()) return;
    this.parts.push(' ');
    this.length += 1;
  }

  endsWithSpace(): boolean {
    const lastPart = this.parts[this.parts.length - 1];
    return lastPart !== undefined && lastPart.endsWith(' ');
  }

  /** Removes a trailing separator or trailing spaces that `copy` brought in. */
  trimEnd(): void {
    let text = this.parts.join('');
    let cut = text.length;
    while (cut > 0 && text.charCodeAt(cut - 1) === 32) cut--;
    if (cut === text.length) return;
    text = text.slice(0, cut);
    this.parts = [text];
    this.length = cut;
    while (this.runs.length && this.runs[this.runs.length - 3] >= cut) this.runs.length -= 3;
    const last = this.runs.length - 3;
    if (last >= 0 && this.runs[last] + this.runs[last + 2] > cut) this.runs[last + 2] = cut - this.runs[last];
  }

  get textLength(): number {
    return this.length;
  }

  build(): CleanText {
    return { text: this.parts.join(''), runs: this.runs.slice() };
  }
}

/**
 * Index of the last run whose start, in clean text (field 0) or in the source (field 1), is at
 * or before `offset` (strictly before when `strict`); -1 when none is.
 */
function lastRunAtOrBefore(runs: number[], field: 0 | 1, offset: number, strict = false): number {
  let low = 0;
  let high = runs.length / 3 - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = runs[mid * 3 + field];
    if (strict ? start < offset : start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Maps an offset in clean text to the source. A separator maps to the end of the text before it. */
export function toSourceOffset(clean: CleanText, offset: number, bias: 'start' | 'end' = 'start'): number {
  const runs = clean.runs;
  const count = runs.length / 3;
  if (count === 0) return 0;
  const found = lastRunAtOrBefore(runs, 0, offset, bias === 'end');
  if (found < 0) return runs[1];
  const [cleanStart, sourceStart, length] = [runs[found * 3], runs[found * 3 + 1], runs[found * 3 + 2]];
  const into = Math.min(offset - cleanStart, length);
  if (bias === 'start' && into === length && found + 1 < count) return runs[(found + 1) * 3 + 1];
  return sourceStart + into;
}

export function toSourceSpan(clean: CleanText, start: number, end: number): Span {
  const sourceStart = toSourceOffset(clean, start, 'start');
  const sourceEnd = Math.max(sourceStart, toSourceOffset(clean, end, 'end'));
  return { start: sourceStart, end: sourceEnd };
}

/** The clean offset of a source offset: inside a run exactly, in a gap the edge of the nearer side. */
export function toCleanOffset(clean: CleanText, source: number, bias: 'start' | 'end' = 'end'): number {
  const r = clean.runs;
  const found = lastRunAtOrBefore(r, 1, source);
  if (found < 0) return r.length ? r[0] : 0;
  const [cleanStart, sourceStart, length] = [r[found * 3], r[found * 3 + 1], r[found * 3 + 2]];
  if (source <= sourceStart + length) return cleanStart + (source - sourceStart);
  // In a gap (markup, a footnote block): a start moves to the next run, an end stays behind.
  if (bias === 'start' && found + 1 < r.length / 3) return r[(found + 1) * 3];
  return cleanStart + length;
}

/** Whether the clean character at `at` is a separator no source run covers (a line break). */
export function isSeparatorAt(clean: CleanText, at: number): boolean {
  const found = lastRunAtOrBefore(clean.runs, 0, at);
  return found < 0 || at >= clean.runs[found * 3] + clean.runs[found * 3 + 2];
}

/**
 * The clean text without the characters at `offsets` (ascending clean offsets), its runs still
 * mapping every remaining character to its source. Used to join a word a PDF tool split with a
 * stray space, once the reader knows the two pieces make one word.
 */
export function withoutCleanChars(clean: CleanText, offsets: readonly number[]): CleanText {
  if (offsets.length === 0) return clean;
  const parts: string[] = [];
  let from = 0;
  for (const offset of offsets) {
    parts.push(clean.text.slice(from, offset));
    from = offset + 1;
  }
  parts.push(clean.text.slice(from));
  const runs: number[] = [];
  let removed = 0; // offsets before the current position
  let k = 0;
  for (let r = 0; r < clean.runs.length; r += 3) {
    let cleanStart = clean.runs[r];
    let sourceStart = clean.runs[r + 1];
    const end = cleanStart + clean.runs[r + 2];
    while (k < offsets.length && offsets[k] < cleanStart) {
      k++;
      removed++;
    }
    // Split the run at each removed character inside it.
    while (k < offsets.length && offsets[k] < end) {
      const cut = offsets[k];
      if (cut > cleanStart) runs.push(cleanStart - removed, sourceStart, cut - cleanStart);
      sourceStart += cut - cleanStart + 1;
      cleanStart = cut + 1;
      k++;
      removed++;
    }
    if (end > cleanStart) runs.push(cleanStart - removed, sourceStart, end - cleanStart);
  }
  return { text: parts.join(''), runs };
}
