// The text runs of each page of a PDF with their place on the page and their font: all the layout
// reading after this works on these alone.
//
// The runs are built here from each page's drawing operations, glyph by glyph, rather than taken
// from PDF.js's text content: PDF.js puts a space wherever two glyphs stand a tenth of an em apart,
// and the official PDFs spread the letters of justified lines that much ("developm ent",
// "LEG/CONF. 15/21"). Here a space is a space glyph or a gap of a fifth of an em, and the real
// font names (which say italic and bold) come with the same operations.
import type { PdfJs } from './pdfjs';

/** A run of text set in one font on one baseline. */
export interface PdfRun {
  text: string;
  /** Left edge, in points from the left of the page as displayed (rotation applied). */
  x: number;
  /** Baseline, in points from the top of the page as displayed. */
  baseline: number;
  width: number;
  /** Font size in points. */
  size: number;
  /** How far the glyphs reach above and below the baseline, in points. */
  ascent: number;
  descent: number;
  /** The font's PostScript name without its subset prefix ("TimesNewRomanPS-ItalicMT"); '' when unknown. */
  font: string;
  italic: boolean;
  bold: boolean;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  runs: PdfRun[];
}

export interface ExtractLimits {
  maxPages: number;
  /** Checked between pages; extraction stops with a 'timeout' problem past it. */
  deadline: number;
  /** Set when the caller gave up (the overall time cap): extraction stops at the next page. */
  cancelled: () => boolean;
}

export type ExtractResult = { ok: true; pages: PdfPage[] } | { ok: false; kind: 'encrypted' | 'damaged' | 'tooLarge' | 'timeout'; problem: string };

type LoadingTask = ReturnType<PdfJs['getDocument']>;

/** A gap wider than this share of the font size parts two words even without a space glyph. */
export const WORD_GAP = 0.2;

/**
 * Reads every page's text runs. `task` receives the loading task as soon as it exists so that
 * the caller can destroy it when its time cap passes. Never throws.
 */
export async function extractPages(pdfjs: PdfJs, bytes: Uint8Array, limits: ExtractLimits, task: (t: LoadingTask) => void): Promise<ExtractResult> {
  let loadingTask: LoadingTask | undefined;
  try {
    loadingTask = pdfjs.getDocument({
      // PDF.js hands the buffer to its parsing side and may detach it: keep the caller's bytes.
      // A copy, as a plain Uint8Array: PDF.js may detach it, and refuses a Node Buffer.
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      enableXfa: false,
      // Pictures are never decoded: a scan's page images would cost seconds and megabytes each.
      maxImageSize: 1,
      isOffscreenCanvasSupported: false,
    });
    task(loadingTask);
    const doc = await loadingTask.promise;
    if (doc.numPages > limits.maxPages) {
      return { ok: false, kind: 'tooLarge', problem: `The PDF has ${doc.numPages} pages; at most ${limits.maxPages} are read.` };
    }
    const fonts = new Map<string, FontInfo>();
    const pages: PdfPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      if (limits.cancelled()) return { ok: false, kind: 'timeout', problem: 'Reading the PDF took too long.' };
      if (Date.now() > limits.deadline) return { ok: false, kind: 'timeout', problem: `Reading the PDF took too long (stopped at page ${number} of ${doc.numPages}).` };
      const page = await doc.getPage(number);
      // Annotations (comments, form fields, stamps laid over the page) are not the document's text.
      const operators = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
      const viewport = page.getViewport({ scale: 1 });
      const fontOf = (id: string): FontInfo => {
        let font = fonts.get(id);
        if (!font) fonts.set(id, (font = fontInfo(page.commonObjs, id)));
        return font;
      };
      const runs = readRuns(pdfjs, operators, viewport, fontOf);
      pages.push({ number, width: viewport.width, height: viewport.height, runs });
      page.cleanup();
    }
    return { ok: true, pages };
  } catch (error) {
    const name = (error as { name?: string } | undefined)?.name;
    if (name === 'PasswordException') return { ok: false, kind: 'encrypted', problem: 'The PDF is encrypted with a password; open it and save an unprotected copy first.' };
    // PDF.js's messages may quote names and tokens from the file: only the kind of failure is told.
    return { ok: false, kind: 'damaged', problem: `The PDF is damaged and cannot be read (${name && /^\w+$/.test(name) && name !== 'Error' ? name : 'unreadable structure'}).` };
  } finally {
    // Frees the parsed document, its fonts and its caches at once.
    await loadingTask?.destroy().catch(() => undefined);
  }
}

interface FontInfo {
  name: string;
  italic: boolean;
  bold: boolean;
  /** Glyph space to text space (1/1000 for most fonts). */
  matrix: number[];
  vertical: boolean;
  ascent: number;
  descent: number;
}

function fontInfo(objects: { has(id: string): boolean; get(id: string): unknown }, id: string): FontInfo {
  type FontObject = { name?: string; italic?: boolean; bold?: boolean; black?: boolean; fontMatrix?: number[]; vertical?: boolean; ascent?: number; descent?: number };
  const font = objects.has(id) ? (objects.get(id) as FontObject | null) : null;
  const name = (font?.name ?? '').replace(/^[A-Z]{6}\+/, '');
  return {
    name,
    italic: font?.italic === true || /italic|oblique|ital/i.test(name) || /-It(?:$|[A-Z])/.test(name),
    bold: font?.bold === true || font?.black === true || /bold|black|heavy|semibold|demi/i.test(name),
    matrix: font?.fontMatrix && font.fontMatrix[0] !== 0 ? [...font.fontMatrix] : [0.001, 0, 0, 0.001, 0, 0],
    vertical: font?.vertical === true,
    ascent: font?.ascent && font.ascent > 0 ? Math.min(font.ascent, 1.2) : 0.8,
    descent: font?.descent && font.descent < 0 ? Math.min(-font.descent, 0.5) : 0.2,
  };
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The text state of the PDF graphics model (PDF 32000-1, 9.3), as PDF.js's canvas keeps it. */
interface State {
  ctm: Matrix;
  font?: FontInfo;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

interface Glyph {
  text: string;
  x: number;
  baseline: number;
  width: number;
  size: number;
  font: FontInfo;
}

type Operators = { fnArray: number[]; argsArray: unknown[] };
type Viewport = { transform: number[]; width: number; height: number };

/** Plays a page's drawing operations for their text only, and gathers the glyphs into runs. */
function readRuns(pdfjs: PdfJs, operators: Operators, viewport: Viewport, fontOf: (id: string) => FontInfo): PdfRun[] {
  const OPS = pdfjs.OPS;
  const view = [...viewport.transform] as Matrix;
  let state: State = {
    ctm: IDENTITY, fontSize: 0, fontDirection: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, textMatrix: IDENTITY, x: 0, y: 0, lineX: 0, lineY: 0,
  };
  const stack: State[] = [];
  const glyphs: Glyph[] = [];
  const setFont = (id: unknown, size: unknown) => {
    state.font = typeof id === 'string' ? fontOf(id) : undefined;
    const value = Number(size) || 0;
    state.fontSize = Math.abs(value);
    state.fontDirection = value < 0 ? -1 : 1;
  };
  const moveText = (x: number, y: number) => {
    state.x = state.lineX += x;
    state.y = state.lineY += y;
  };
  const { fnArray, argsArray } = operators;
  for (let i = 0; i < fnArray.length; i++) {
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fnArray[i]) {
      case OPS.save:
        stack.push(state);
        state = { ...state };
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(state.ctm, matrixOf(args));
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(state);
        state = { ...state };
        if (args[0]) state.ctm = multiply(state.ctm, matrixOf([args[0]]));
        break;
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.beginText:
        state.textMatrix = IDENTITY;
        state.x = state.y = state.lineX = state.lineY = 0;
        break;
      case OPS.setTextMatrix:
        state.textMatrix = matrixOf(args);
        state.x = state.y = state.lineX = state.lineY = 0;
        break;
      case OPS.moveText:
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        state.leading = Number(args[1]) || 0;
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.nextLine:
        moveText(0, state.leading);
        break;
      case OPS.setLeading:
        state.leading = -(Number(args[0]) || 0);
        break;
      case OPS.setCharSpacing:
        state.charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        state.wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        state.hScale = (Number(args[0]) || 100) / 100;
        break;
      case OPS.setTextRise:
        state.rise = Number(args[0]) || 0;
        break;
      case OPS.setFont:
        setFont(args[0], args[1]);
        break;
      case OPS.setGState:
        for (const entry of (args[0] ?? []) as [string, unknown][]) {
          if (entry[0] === 'Font' && Array.isArray(entry[1])) setFont(entry[1][0], entry[1][1]);
        }
        break;
      case OPS.showText:
        showText(state, view, (args[0] ?? []) as unknown[], glyphs);
        break;
    }
  }
  return runsOf(glyphs, viewport);
}

/** Places the glyphs of one text-showing operation, and moves the text position past them. */
function showText(state: State, view: Matrix, items: unknown[], glyphs: Glyph[]): void {
  const font = state.font;
  if (!font || state.fontSize === 0 || font.vertical) return;
  const hScale = state.hScale * state.fontDirection;
  const advanceScale = state.fontSize * font.matrix[0];
  const m = multiply(multiply(view, state.ctm), state.textMatrix);
  // Only text that reads left to right as the page is displayed: a sideways stamp or a margin
  // note is not part of the resolution's running text.
  const upright = Math.abs(m[1]) <= 1e-3 * Math.abs(m[0]) && Math.abs(m[2]) <= 1e-3 * Math.abs(m[3]) && m[0] * hScale > 0 && m[3] < 0;
  const size = state.fontSize * Math.hypot(m[2], m[3]);
  const scaleX = Math.hypot(m[0], m[1]);
  let x = 0;
  for (const item of items) {
    if (typeof item === 'number') {
      x -= (item * state.fontSize) / 1000;
      continue;
    }
    const glyph = item as { unicode?: string; width?: number; isSpace?: boolean };
    const unicode = glyph.unicode ?? '';
    const spacing = (glyph.isSpace ? state.wordSpacing : 0) + state.charSpacing;
    const advance = (glyph.width ?? 0) * advanceScale + spacing * state.fontDirection;
    if (upright && unicode.length > 0) {
      const tx = state.x + x * hScale;
      const ty = state.y + state.rise;
      glyphs.push({
        text: unicode,
        x: m[0] * tx + m[2] * ty + m[4],
        baseline: m[1] * tx + m[3] * ty + m[5],
        width: (glyph.width ?? 0) * advanceScale * Math.abs(hScale) * scaleX,
        size,
        font,
      });
    }
    x += advance;
  }
  state.x += x * hScale;
}

/**
 * Glyphs in one font and size, on one baseline, each close to the one before, make a run; a
 * space glyph or a gap of a fifth of an em is a space inside it.
 */
function runsOf(glyphs: Glyph[], viewport: Viewport): PdfRun[] {
  const runs: PdfRun[] = [];
  let run: PdfRun | undefined;
  let end = 0;
  let font: FontInfo | undefined;
  const finish = () => {
    if (run && /\S/.test(run.text)) runs.push(run);
    run = undefined;
  };
  for (const glyph of glyphs) {
    // Off the page: clipped, or parked outside the page by the producer.
    if (glyph.x < -glyph.size || glyph.x > viewport.width + glyph.size || glyph.baseline < 0 || glyph.baseline > viewport.height + glyph.size) continue;
    const text = glyph.text.normalize('NFKC').replace(/\s+/g, ' ');
    const space = text === ' ';
    const continues =
      run !== undefined &&
      font === glyph.font &&
      Math.abs(run.size - glyph.size) < 0.01 * glyph.size &&
      Math.abs(run.baseline - glyph.baseline) < 0.05 * glyph.size &&
      glyph.x > end - 0.3 * glyph.size &&
      glyph.x < end + 1.5 * glyph.size;
    if (!continues) {
      finish();
      if (space) continue;
      font = glyph.font;
      run = { text: '', x: glyph.x, baseline: glyph.baseline, width: 0, size: glyph.size, ascent: glyph.size * glyph.font.ascent, descent: glyph.size * glyph.font.descent, font: glyph.font.name, italic: glyph.font.italic, bold: glyph.font.bold };
    } else if (!space && glyph.x - end > WORD_GAP * glyph.size && !run!.text.endsWith(' ')) {
      run!.text += ' ';
    }
    const current = run!;
    if (space) {
      if (!current.text.endsWith(' ')) current.text += ' ';
      end = Math.max(end, glyph.x + glyph.width);
      continue;
    }
    current.text += text;
    end = glyph.x + glyph.width;
    current.width = end - current.x;
  }
  finish();
  return runs;
}

function matrixOf(args: unknown[]): Matrix {
  const source = (args.length === 1 ? args[0] : args) as ArrayLike<number> | undefined;
  if (!source || source.length < 6) return IDENTITY;
  return [Number(source[0]), Number(source[1]), Number(source[2]), Number(source[3]), Number(source[4]), Number(source[5])];
}

/** a ∘ b: b applied first (PDF.js's Util.transform). */
function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}
