// "What changed" reports of a comparison, as plain text, Markdown or an HTML page styled like a
// UN compilation text (insertions bold and underlined, deletions struck through, serif text).
//
// Each report: the two versions' titles, a summary line ("3 paragraphs changed, 1 added,
// 1 moved (25 unchanged)."), then one section per change headed with its PP/OP labels
// ("OP5 (was OP4): changed", "OP6: added", "PP3: moved from PP7", "Old OP3: deleted") and
// the unit's text with its word-level differences:
//   text      [-deleted-]{+added+}
//   markdown  ~~deleted~~ **added**  (every text escaped with escapeMarkdown)
//   html      <del>deleted</del><ins>added</ins>  (every text HTML-escaped)
// Unchanged units are counted, not listed, unless `includeUnchanged` is set. The parts of a
// split unit (the parts of the old text of a merged one) stand as paragraphs of their own.
// The HTML page is built from exported pieces (renderComparisonHtmlBody, COMPARISON_CSS,
// changeAnchor) so that a webview can reuse the body under its own CSP.
import { appendAll } from '../arrays';
import { escapeHtml, escapeMarkdown } from '../text';
import type { ComparedUnit, Comparison, ComparisonSummary, ParagraphChange } from './types';

export type ComparisonFormat = 'text' | 'markdown' | 'html';

export interface ComparisonTitles {
  old: string;
  new: string;
}

export interface RenderOptions {
  /** List unchanged units too (default: counted in the summary only). */
  includeUnchanged?: boolean;
}

/** The report of a comparison in one format; HTML is a whole self-contained page. */
export function renderComparison(comparison: Comparison, format: ComparisonFormat, titles: ComparisonTitles, options: RenderOptions = {}): string {
  if (format === 'markdown') return renderMarkdown(comparison, titles, options);
  if (format === 'html') return renderComparisonHtml(comparison, titles, options);
  return renderText(comparison, titles, options);
}

// ---- shared ------------------------------------------------------------------------------------

const SUMMARY_ORDER: (keyof ComparisonSummary)[] = ['changed', 'added', 'deleted', 'moved', 'split', 'merged'];

/** "3 paragraphs changed, 1 added, 1 moved", or "No textual change". Unchanged units are not named. */
export function formatSummary(summary: ComparisonSummary): string {
  const parts = SUMMARY_ORDER.filter((key) => summary[key] > 0).map((key) => `${summary[key]} ${key}`);
  if (parts.length === 0) return 'No textual change';
  const count = summary[SUMMARY_ORDER.find((key) => summary[key] > 0)!];
  parts[0] = parts[0].replace(/^(\d+) /, `$1 ${count === 1 ? 'paragraph' : 'paragraphs'} `);
  return parts.join(', ');
}

/** The summary line of a report: formatSummary with the unchanged count, as a sentence. */
export function summaryLine(summary: ComparisonSummary): string {
  const unchanged = `${summary.unchanged} ${summary.unchanged === 1 ? 'paragraph' : 'paragraphs'} unchanged`;
  const changes = formatSummary(summary);
  if (changes === 'No textual change') return `No textual change (${unchanged}).`;
  return `${changes} (${summary.unchanged} unchanged).`;
}

const labels = (units: ComparedUnit[]) => (units.length <= 1 ? (units[0]?.label ?? '') : `${units.slice(0, -1).map((u) => u.label).join(', ')} and ${units[units.length - 1].label}`);

/** "OP5 (was OP4): changed", "OP6: added", "PP3: moved from PP7", "Old OP3: deleted", "OP3 and OP4 (was OP3): split". */
export function changeHeading(change: ParagraphChange): string {
  const oldLabel = labels(change.old);
  const newLabel = labels(change.new);
  const was = oldLabel && oldLabel !== newLabel ? ` (was ${oldLabel})` : '';
  switch (change.kind) {
    case 'added':
      return `${newLabel}: added`;
    case 'deleted':
      return `Old ${oldLabel}: deleted`;
    case 'moved':
      return `${newLabel}: moved from ${oldLabel}${change.textChanged ? ' and changed' : ''}`;
    default:
      return `${newLabel}${was}: ${change.kind}`;
  }
}

/**
 * The id of a change's section in the HTML: its (first) new label ("OP5", "OP1-a", "OP1-1.3",
 * "footnote-2"), "old-OP3" for a deleted unit. The further parts of a split unit have an anchor
 * of their own inside the section.
 */
export function changeAnchor(change: ParagraphChange): string {
  if (change.new.length > 0) return unitAnchor(change.new[0]);
  return change.old.length > 0 ? `old-${unitAnchor(change.old[0])}` : 'change';
}

const unitAnchor = (unit: ComparedUnit) => unit.label.replace(/[()]/g, '').trim().replace(/\s+/g, '-');

type Op = 'same' | 'add' | 'del';

interface Piece {
  op: Op;
  text: string;
}

/**
 * The change's text as paragraphs of pieces: the word diff when there is one, the whole text
 * added or deleted, or the text as it stands. Whitespace around a change is kept outside it so
 * that markup hugs the words; a line break (between the parts of a split unit) starts a new
 * paragraph, except inside deleted text, where it is a space.
 */
function paragraphsOf(change: ParagraphChange): Piece[][] {
  const joined = (units: ComparedUnit[]) => units.map((u) => u.text).join('\n');
  let raw: Piece[];
  if (change.words) {
    raw = change.words.map((w) => ({ op: w.added ? 'add' : w.removed ? 'del' : 'same', text: w.value }));
  } else if (change.kind === 'added') {
    raw = [{ op: 'add', text: joined(change.new) }];
  } else if (change.kind === 'deleted') {
    raw = [{ op: 'del', text: joined(change.old) }];
  } else {
    raw = [{ op: 'same', text: joined(change.new) }];
  }
  const paragraphs: Piece[][] = [[]];
  const push = (op: Op, text: string) => {
    if (!text) return;
    const current = paragraphs[paragraphs.length - 1];
    const last = current[current.length - 1];
    if (last && last.op === op) last.text += text;
    else current.push({ op, text });
  };
  const carryDeletions = () => {
    const previous = paragraphs[paragraphs.length - 2];
    let from = previous.length;
    while (from > 0 && (previous[from - 1].op === 'del' || !previous[from - 1].text.trim())) from--;
    if (!previous.slice(from).some((p) => p.op === 'del')) return;
    appendAll(paragraphs[paragraphs.length - 1], previous.splice(from));
  };
  for (const piece of raw) {
    const lines = piece.op === 'del' ? [piece.text.replace(/\n/g, ' ')] : piece.text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) {
        paragraphs.push([]);
        // A break at the start of an insertion: the deletion just before it belongs after it too.
        if (i === 1 && !lines[0].trim()) carryDeletions();
      }
      const [, lead, core, tail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(line.replace(/[ \t\r\f\v\u00a0]+/g, ' '))!;
      if (piece.op === 'same' || !core) {
        push('same', line.replace(/\s+/g, ' '));
        return;
      }
      push('same', lead ? ' ' : '');
      push(piece.op, core);
      push('same', tail ? ' ' : '');
    });
  }
  return paragraphs
    .map((pieces) => {
      // Fold the spaces the pieces left doubled, and trim the paragraph.
      const out: Piece[] = [];
      let prevSpace = true;
      for (const piece of pieces) {
        let text = piece.text.replace(/\s+/g, ' ');
        if (prevSpace) text = text.replace(/^ /, '');
        if (!text) continue;
        prevSpace = text.endsWith(' ');
        out.push({ op: piece.op, text });
      }
      const last = out[out.length - 1];
      if (last) {
        last.text = last.text.replace(/ $/, '');
        if (!last.text) out.pop();
      }
      return out;
    })
    .filter((pieces) => pieces.length > 0);
}

/** The changes a report lists. */
function listed(comparison: Comparison, options: RenderOptions): ParagraphChange[] {
  return options.includeUnchanged ? comparison.changes : comparison.changes.filter((c) => c.kind !== 'unchanged');
}

const GAVE_UP = 'The texts differ too much to show word by word.';

// ---- text --------------------------------------------------------------------------------------

function renderText(comparison: Comparison, titles: ComparisonTitles, options: RenderOptions): string {
  const out = [`Old: ${oneLine(titles.old)}`, `New: ${oneLine(titles.new)}`, summaryLine(comparison.summary)];
  for (const change of listed(comparison, options)) {
    out.push('', changeHeading(change));
    if (change.gaveUp) {
      out.push(`(${GAVE_UP})`);
      appendAll(out, change.old.map((u) => `Old ${u.label}: ${oneLine(u.text)}`));
      appendAll(out, change.new.map((u) => `New ${u.label}: ${oneLine(u.text)}`));
      continue;
    }
    for (const pieces of paragraphsOf(change)) {
      out.push(pieces.map((p) => (p.op === 'add' ? `{+${p.text}+}` : p.op === 'del' ? `[-${p.text}-]` : p.text)).join(''));
    }
  }
  return out.join('\n') + '\n';
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

// ---- markdown ----------------------------------------------------------------------------------

function renderMarkdown(comparison: Comparison, titles: ComparisonTitles, options: RenderOptions): string {
  const changes = listed(comparison, options);
  const out = [
    '# Comparison',
    '',
    `**Old:** ${escapeMarkdown(titles.old)}  `,
    `**New:** ${escapeMarkdown(titles.new)}`,
    '',
    summaryLine(comparison.summary), // the engine's own words and figures: nothing to escape
  ];
  const legend = [
    changes.some((c) => c.kind === 'deleted' || c.words?.some((w) => w.removed)) ? '~~struck through~~: deleted' : '',
    changes.some((c) => c.kind === 'added' || c.words?.some((w) => w.added)) ? '**bold**: added' : '',
  ].filter(Boolean);
  if (legend.length) out.push('', `${legend.join('; ')}.`);
  for (const change of changes) {
    out.push('', `## ${escapeMarkdown(changeHeading(change))}`);
    if (change.gaveUp) {
      out.push('', `*${escapeMarkdown(GAVE_UP)}*`);
      for (const u of change.old) out.push('', `Old ${escapeMarkdown(u.label)}: ~~${escapeMarkdown(u.text)}~~`);
      for (const u of change.new) out.push('', `New ${escapeMarkdown(u.label)}: **${escapeMarkdown(u.text)}**`);
      continue;
    }
    for (const pieces of paragraphsOf(change)) {
      const line = pieces
        .map((p) => {
          const [, lead, core, tail] = /^( ?)([\s\S]*?)( ?)$/.exec(p.text)!;
          const text = escapeMarkdown(core);
          if (!text) return p.text;
          return lead + (p.op === 'add' ? `**${text}**` : p.op === 'del' ? `~~${text}~~` : text) + tail;
        })
        .join('');
      out.push('', line);
    }
  }
  return out.join('\n') + '\n';
}

// ---- html --------------------------------------------------------------------------------------


/**
 * Styles of the comparison body (scoped to `.unres-comparison`): serif text as the UN sets it,
 * insertions bold and underlined, deletions struck through. Colours follow VS Code's theme
 * variables inside a webview and fall back to black on white in a browser.
 */
export const COMPARISON_CSS = `
.unres-comparison {
  font-family: "Times New Roman", Times, "Liberation Serif", "Nimbus Roman", Georgia, serif;
  font-size: 1.1rem;
  line-height: 1.55;
  color: var(--vscode-editor-foreground, #111);
  background: var(--vscode-editor-background, #fff);
  max-width: 48em;
  margin: 0 auto;
  padding: 1.5em 2em 3em;
}
.unres-comparison h1 { font-size: 1.5rem; font-weight: bold; margin: 0 0 0.4em; }
.unres-comparison .versions { margin: 0; }
.unres-comparison .versions dt { display: inline; font-weight: bold; }
.unres-comparison .versions dd { display: inline; margin: 0 1.5em 0 0.3em; }
.unres-comparison .summary { font-weight: bold; margin: 0.8em 0 0.3em; }
.unres-comparison .legend { font-size: 0.9rem; margin: 0 0 0.8em; }
.unres-comparison nav ul { list-style: none; margin: 0; padding: 0; columns: 14em; font-size: 0.9rem; }
.unres-comparison nav a { color: var(--vscode-textLink-foreground, #0645ad); text-decoration: none; }
.unres-comparison nav a:hover, .unres-comparison nav a:focus { text-decoration: underline; }
.unres-comparison section { margin: 1.4em 0 0; scroll-margin-top: 1em; }
.unres-comparison section:target h2 { background: var(--vscode-editor-findMatchHighlightBackground, #fff3b0); }
.unres-comparison h2 {
  font-size: 0.95rem;
  font-weight: bold;
  letter-spacing: 0.02em;
  margin: 0 0 0.3em;
  padding-bottom: 0.1em;
  border-bottom: 1px solid var(--vscode-panel-border, #ccc);
}
.unres-comparison p.unit { margin: 0 0 0.5em; text-align: justify; hyphens: auto; }
.unres-comparison p.gave-up { font-style: italic; margin: 0 0 0.3em; }
.unres-comparison .side { font-weight: bold; font-style: normal; }
.unres-comparison ins { font-weight: bold; text-decoration: underline; text-decoration-thickness: 1px; background: none; color: inherit; }
.unres-comparison del { text-decoration: line-through; background: none; color: inherit; }
.unres-comparison del + ins { margin-left: 0.2em; }
.unres-comparison .deleted p.unit, .unres-comparison .unchanged p.unit, .unres-comparison .moved:not(.text-changed) p.unit { opacity: 0.85; }
`.trim();

/** The body of the comparison view: header, summary, links to each change, one section per change. */
export function renderComparisonHtmlBody(comparison: Comparison, titles: ComparisonTitles, options: RenderOptions = {}): string {
  const changes = listed(comparison, options);
  const out: string[] = ['<div class="unres-comparison">', '<header>', '<h1>Comparison</h1>'];
  out.push(`<dl class="versions"><dt>Old:</dt><dd>${escapeHtml(titles.old)}</dd><dt>New:</dt><dd>${escapeHtml(titles.new)}</dd></dl>`);
  out.push(`<p class="summary">${escapeHtml(summaryLine(comparison.summary))}</p>`);
  const legend = [
    changes.some((c) => c.kind === 'deleted' || c.words?.some((w) => w.removed)) ? '<del>struck through</del>: deleted' : '',
    changes.some((c) => c.kind === 'added' || c.words?.some((w) => w.added)) ? '<ins>bold, underlined</ins>: added' : '',
  ].filter(Boolean);
  if (legend.length) out.push(`<p class="legend">${legend.join('; ')}.</p>`);
  if (changes.length > 0) {
    out.push('<nav aria-label="Changes"><ul>');
    for (const change of changes) out.push(`<li><a href="#${escapeHtml(changeAnchor(change))}">${escapeHtml(changeHeading(change))}</a></li>`);
    out.push('</ul></nav>');
  }
  out.push('</header>');
  for (const change of changes) {
    const classes = ['change', change.kind, change.textChanged ? 'text-changed' : '', change.gaveUp ? 'gave-up' : ''].filter(Boolean).join(' ');
    out.push(`<section class="${classes}" id="${escapeHtml(changeAnchor(change))}"${offsets('old', change.old)}${offsets('new', change.new)}>`);
    out.push(`<h2>${escapeHtml(changeHeading(change))}</h2>`);
    // The other parts of a split unit can be jumped to as well.
    for (const part of change.new.slice(1)) out.push(`<span class="anchor" id="${escapeHtml(unitAnchor(part))}"></span>`);
    if (change.gaveUp) {
      out.push(`<p class="gave-up">${escapeHtml(GAVE_UP)}</p>`);
      for (const u of change.old) out.push(`<p class="unit"><span class="side">Old ${escapeHtml(u.label)}:</span> <del>${escapeHtml(oneLine(u.text))}</del></p>`);
      for (const u of change.new) out.push(`<p class="unit"><span class="side">New ${escapeHtml(u.label)}:</span> <ins>${escapeHtml(oneLine(u.text))}</ins></p>`);
    } else {
      for (const pieces of paragraphsOf(change)) {
        const html = pieces.map((p) => (p.op === 'add' ? `<ins>${escapeHtml(p.text)}</ins>` : p.op === 'del' ? `<del>${escapeHtml(p.text)}</del>` : escapeHtml(p.text))).join('');
        out.push(`<p class="unit">${html}</p>`);
      }
    }
    out.push('</section>');
  }
  out.push('</div>');
  return out.join('\n');
}

/** data-old-start / data-old-end (source offsets) of the units of one side, for jumping to the editor. */
function offsets(side: 'old' | 'new', units: ComparedUnit[]): string {
  if (units.length === 0) return '';
  let start = Infinity;
  let end = -Infinity;
  for (const u of units) {
    start = Math.min(start, u.start);
    end = Math.max(end, u.end);
  }
  return ` data-${side}-start="${start}" data-${side}-end="${end}"`;
}

/** A self-contained HTML page of the comparison (inline styles, no scripts). */
export function renderComparisonHtml(comparison: Comparison, titles: ComparisonTitles, options: RenderOptions = {}): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`Comparison: ${titles.old} → ${titles.new}`)}</title>`,
    `<style>\nbody { margin: 0; background: #fff; }\n${COMPARISON_CSS}\n</style>`,
    '</head>',
    '<body>',
    renderComparisonHtmlBody(comparison, titles, options),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
