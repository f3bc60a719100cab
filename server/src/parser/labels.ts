// Sub-paragraph labels as numbers and back: (a) = 1 … (z) = 26, (aa) = 27; (i), (iv), (x);
// decimal "1.3" counts by its last part.
import type { LabelScheme } from './model';

/** "a" for "(a)", "1.3" for "1.3". */
export function bareLabel(label: string): string {
  return label.startsWith('(') ? label.slice(1, -1) : label;
}

/** The position a label stands for in its scheme; NaN when it is not one of that scheme. */
export function labelValue(label: string, scheme: LabelScheme): number {
  const bare = bareLabel(label);
  if (scheme === 'decimal') return Number(bare.slice(bare.lastIndexOf('.') + 1));
  return scheme === 'roman' ? romanValue(bare) : alphaValue(bare);
}

/** "1" for "1.3": what a decimal label must start with under its parent. */
export function decimalPrefix(label: string): string {
  return label.slice(0, label.lastIndexOf('.'));
}

/** a = 1 … z = 26, aa = 27, bb = 28 … (UN practice doubles letters after z). */
function alphaValue(label: string): number {
  if (!/^([a-z])\1{0,3}$/.test(label)) return NaN;
  return (label.length - 1) * 26 + label.charCodeAt(0) - 96;
}

function alphaLabel(value: number): string {
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function romanValue(label: string): number {
  if (!/^[ivxlc]+$/.test(label)) return NaN;
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const value = ROMAN_DIGITS[label[i]];
    const next = ROMAN_DIGITS[label[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return romanLabel(total) === label ? total : NaN;
}

function romanLabel(value: number): string {
  const table: [number, string][] = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [n, s] of table) {
    while (value >= n) {
      out += s;
      value -= n;
    }
  }
  return out;
}

/** "(b)", "(ii)", "1.2": the label of a position in a scheme. */
export function formatLabel(scheme: LabelScheme, value: number, prefix: string | undefined): string {
  if (scheme === 'decimal') return `${prefix ?? '?'}.${value}`;
  return `(${scheme === 'roman' ? romanLabel(value) : alphaLabel(value)})`;
}
