// The comparison view: a webview showing the engine's HTML (rendered and escaped by the
// server) under a strict Content-Security-Policy, with a small script to move between changes
// and to ask the extension to show a change in the editor. It follows edits of the drafts it
// compares.
import { randomBytes } from 'crypto';
import {
  Disposable, Range, TextEditor, TextEditorRevealType, ThemeColor, Uri, ViewColumn, WebviewPanel, window, workspace,
} from 'vscode';
import type { ComparisonSummary } from '../../../server/src/compare/types';
import type { CompareParams, CompareResult } from '../../../server/src/protocol';
import { openAsResolution } from '../documentView';
import type { ComparisonSources, DiffViewState } from './commands';

export const VIEW_TYPE = 'unres.comparison';

/** What a comparison view shows; a live object, updated when the view refreshes. */
export interface ComparisonViewState {
  view: 'webview';
  /** The view's tab title: "A/RES/73/266 → draft.unres". */
  title: string;
  oldTitle: string;
  newTitle: string;
  /** "3 paragraphs changed, 1 added, 1 moved", or "No textual change". */
  summaryText: string;
  summary: ComparisonSummary;
  /** How many times the view was rendered (1, then one more per refresh). */
  renders: number;
  /** What the page itself reports once loaded: its summary line and its change headings. */
  shown?: { summary: string; headings: string[]; renders: number };
  /** Set when the view is closed. */
  disposed?: boolean;
}

type Compare = (params: CompareParams, quiet?: boolean) => Promise<CompareResult | undefined>;
type OpenDiff = (result: CompareResult) => Promise<DiffViewState>;

/** Messages from the page. */
type Message =
  | { type: 'ready'; summary: string; headings: string[] }
  | { type: 'reveal'; side: 'old' | 'new'; start: number; end: number }
  | { type: 'diff' };

const REFRESH_DELAY_MS = 400;

export class ComparisonPanel {
  private static readonly open = new Map<string, ComparisonPanel>();
  private static last: ComparisonPanel | undefined;

  /** The comparison view in front, else the last one shown. */
  static current(): ComparisonPanel | undefined {
    return [...ComparisonPanel.open.values()].find((p) => p.panel.active) ?? ComparisonPanel.last;
  }

  /** Shows a comparison: in the view of the same two versions if there is one, else in a new view beside the editor. */
  static show(sources: ComparisonSources, result: CompareResult, compare: Compare, openDiff: OpenDiff): ComparisonViewState {
    let view = ComparisonPanel.open.get(sources.key);
    if (view) {
      view.sources = sources;
      view.render(result);
      view.panel.reveal(undefined, true);
    } else {
      view = new ComparisonPanel(sources, result, compare, openDiff);
      ComparisonPanel.open.set(sources.key, view);
    }
    ComparisonPanel.last = view;
    return view.state;
  }

  readonly state: ComparisonViewState;
  private readonly panel: WebviewPanel;
  private readonly disposables: Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private stale = false;

  private constructor(
    private sources: ComparisonSources,
    public result: CompareResult,
    private readonly compare: Compare,
    private readonly openDiff: OpenDiff,
  ) {
    this.panel = window.createWebviewPanel(VIEW_TYPE, titleOf(result), { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [],
    });
    this.state = { view: 'webview', title: '', oldTitle: '', newTitle: '', summaryText: '', summary: result.comparison.summary, renders: 0 };
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: Message) => void this.onMessage(message)),
      this.panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.active) ComparisonPanel.last = this;
        if (webviewPanel.visible && this.stale) this.scheduleRefresh(0);
      }),
      workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (contentChanges.length > 0 && this.sources.live.some((uri) => uri.toString() === document.uri.toString())) this.scheduleRefresh();
      }),
    );
    this.render(result);
  }

  private render(result: CompareResult): void {
    this.result = result;
    const title = titleOf(result);
    this.panel.title = title;
    Object.assign(this.state, {
      title,
      oldTitle: result.oldTitle,
      newTitle: result.newTitle,
      summaryText: result.summaryText,
      summary: result.comparison.summary,
      renders: this.state.renders + 1,
    });
    this.panel.webview.html = page(result, nonce());
  }

  private scheduleRefresh(delay = REFRESH_DELAY_MS): void {
    clearTimeout(this.refreshTimer);
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.refreshTimer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    this.stale = false;
    const result = await this.compare({ old: this.sources.old(), new: this.sources.new() }, true);
    if (result && !this.state.disposed) this.render(result);
  }

  private async onMessage(message: Message): Promise<void> {
    if (message?.type === 'ready') {
      this.state.shown = { summary: String(message.summary ?? ''), headings: Array.isArray(message.headings) ? message.headings.map(String) : [], renders: this.state.renders };
    } else if (message?.type === 'reveal') {
      await this.reveal(message.side === 'old' ? 'old' : 'new', Number(message.start), Number(message.end));
    } else if (message?.type === 'diff') {
      await this.openDiff(this.result);
    }
  }

  /** Shows a change in the editor of its version, beside the view. */
  async reveal(side: 'old' | 'new', start: number, end: number): Promise<TextEditor | undefined> {
    const uri = side === 'new' ? this.result.newUri : this.result.oldUri;
    if (!uri || !Number.isFinite(start)) return undefined;
    try {
      // A corpus PDF opens as its resolution view, whose offsets are those compared.
      const document = await openAsResolution(Uri.parse(uri));
      if (!document) return undefined;
      const range = new Range(document.positionAt(start), document.positionAt(Number.isFinite(end) ? end : start));
      const shown = window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString() && e.viewColumn !== undefined);
      const column = shown?.viewColumn ?? (this.panel.viewColumn === ViewColumn.One ? ViewColumn.Two : ViewColumn.One);
      const editor = await window.showTextDocument(document, { viewColumn: column, selection: new Range(range.start, range.start), preview: false });
      editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
      flash(editor, range);
      return editor;
    } catch (error) {
      void window.showWarningMessage(`UN Resolutions: cannot open ${uri} (${(error as Error)?.message ?? error}).`);
      return undefined;
    }
  }

  private dispose(): void {
    this.state.disposed = true;
    clearTimeout(this.refreshTimer);
    for (const disposable of this.disposables) disposable.dispose();
    this.disposables.length = 0;
    if (ComparisonPanel.open.get(this.sources.key) === this) ComparisonPanel.open.delete(this.sources.key);
    if (ComparisonPanel.last === this) ComparisonPanel.last = undefined;
  }
}

function titleOf(result: CompareResult): string {
  return `${result.oldTitle} → ${result.newTitle}`;
}

const highlight = window.createTextEditorDecorationType({
  backgroundColor: new ThemeColor('editor.rangeHighlightBackground'),
  isWholeLine: true,
});

/** Marks the paragraph shown for a moment. */
function flash(editor: TextEditor, range: Range): void {
  editor.setDecorations(highlight, [range]);
  setTimeout(() => editor.setDecorations(highlight, []), 1500);
}

function nonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The page: the engine's body and CSS, a toolbar, and the navigation script. Nothing is loaded
 * from anywhere (default-src 'none'); the only style and script are the inline ones with this
 * render's nonce. The body comes from the server with every text escaped.
 */
function page(result: CompareResult, nonce: string): string {
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">
${result.css ?? ''}
${VIEW_CSS}
</style>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Comparison">
<button type="button" data-action="previous" title="Previous change (p)">&#8593; Previous</button>
<button type="button" data-action="next" title="Next change (n)">&#8595; Next</button>
<button type="button" data-action="diff" title="Open the two normalised texts in VS Code's diff editor">Open in Diff Editor</button>
<span class="hint">Click a change to show it in the editor</span>
</div>
${result.html ?? ''}
<script nonce="${nonce}">
${SCRIPT}
</script>
</body>
</html>`;
}

/** The view's own styles, on top of the engine's: toolbar, the change in focus, clickable sections; theme colours only. */
const VIEW_CSS = `
html, body { margin: 0; padding: 0; background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); }
.toolbar {
  position: sticky; top: 0; z-index: 1;
  display: flex; gap: 0.5em; align-items: center; flex-wrap: wrap;
  padding: 0.45em 1em;
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px);
  background: var(--vscode-editorWidget-background, var(--vscode-editor-background));
  border-bottom: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35));
}
.toolbar button {
  font: inherit; padding: 0.2em 0.8em; cursor: pointer; border-radius: 2px;
  color: var(--vscode-button-secondaryForeground, var(--vscode-foreground));
  background: var(--vscode-button-secondaryBackground, transparent);
  border: 1px solid var(--vscode-button-border, transparent);
}
.toolbar button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-toolbar-hoverBackground)); }
.toolbar button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.toolbar .hint { margin-left: auto; color: var(--vscode-descriptionForeground); }
.unres-comparison section.change { cursor: pointer; border-left: 3px solid transparent; margin-left: -0.9em; padding-left: 0.75em; scroll-margin-top: 3em; }
.unres-comparison section.change:hover { background: var(--vscode-list-hoverBackground); }
.unres-comparison section.change:focus { outline: none; }
.unres-comparison section.change:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.unres-comparison section.change.current { border-left-color: var(--vscode-focusBorder, #0078d4); }
.unres-comparison section.change.current h2 { background: none; }
.unres-comparison section.added h2 { color: var(--vscode-gitDecoration-addedResourceForeground, inherit); }
.unres-comparison section.deleted h2 { color: var(--vscode-gitDecoration-deletedResourceForeground, inherit); }
.unres-comparison section.moved h2, .unres-comparison section.split h2, .unres-comparison section.merged h2 { color: var(--vscode-gitDecoration-modifiedResourceForeground, inherit); }
.unres-comparison ins { text-decoration-color: var(--vscode-gitDecoration-addedResourceForeground, currentColor); }
.unres-comparison del { text-decoration-color: var(--vscode-gitDecoration-deletedResourceForeground, currentColor); }
::selection { background: var(--vscode-editor-selectionBackground); }
`.trim();

/**
 * The page's script: next/previous change (buttons, n/p, j/k), the links of the summary,
 * a click or Enter on a change shows it in the editor, scroll position kept across refreshes,
 * and a "ready" message with what the page shows.
 */
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const sections = Array.from(document.querySelectorAll('section.change'));
  const saved = vscode.getState() || {};
  let current = -1;
  const save = () => vscode.setState({ current: current >= 0 ? sections[current].id : undefined, scrollY: window.scrollY });

  function select(index, scroll) {
    if (index < 0 || index >= sections.length) return;
    if (current >= 0) sections[current].classList.remove('current');
    current = index;
    const section = sections[index];
    section.classList.add('current');
    if (scroll) section.scrollIntoView({ block: 'start', behavior: 'smooth' });
    section.focus({ preventScroll: true });
    save();
  }

  function reveal(section) {
    const side = section.dataset.newStart !== undefined ? 'new' : 'old';
    const start = Number(section.dataset[side + 'Start']);
    const end = Number(section.dataset[side + 'End']);
    if (Number.isFinite(start)) vscode.postMessage({ type: 'reveal', side: side, start: start, end: end });
  }

  sections.forEach(function (section, index) {
    section.tabIndex = 0;
    section.setAttribute('role', 'link');
    const heading = section.querySelector('h2');
    section.title = 'Show ' + (heading ? heading.textContent.split(':')[0] : 'this paragraph') + ' in the editor';
    section.addEventListener('click', function () {
      // Selecting text to copy it is not a click on the change.
      if (String(window.getSelection() || '').length > 0) return;
      select(index, false);
      reveal(section);
    });
  });

  document.querySelectorAll('nav a[href^="#"]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      const id = decodeURIComponent(link.getAttribute('href').slice(1));
      select(sections.findIndex(function (s) { return s.id === id; }), true);
    });
  });

  const step = function (delta) { select(current < 0 ? (delta > 0 ? 0 : sections.length - 1) : Math.min(sections.length - 1, Math.max(0, current + delta)), true); };
  document.querySelectorAll('.toolbar button').forEach(function (button) {
    button.addEventListener('click', function () {
      const action = button.dataset.action;
      if (action === 'next') step(1);
      else if (action === 'previous') step(-1);
      else if (action === 'diff') vscode.postMessage({ type: 'diff' });
    });
  });

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'n' || event.key === 'j') step(1);
    else if (event.key === 'p' || event.key === 'k') step(-1);
    else if (event.key === 'Enter' && document.activeElement && document.activeElement.matches('section.change')) reveal(document.activeElement);
    else return;
    event.preventDefault();
  });

  let timer;
  window.addEventListener('scroll', function () { clearTimeout(timer); timer = setTimeout(save, 150); });
  if (saved.scrollY) window.scrollTo(0, saved.scrollY);
  if (saved.current) {
    const index = sections.findIndex(function (s) { return s.id === saved.current; });
    if (index >= 0) { current = index; sections[index].classList.add('current'); }
  }

  const summary = document.querySelector('.unres-comparison .summary');
  vscode.postMessage({
    type: 'ready',
    summary: summary ? summary.textContent : '',
    headings: sections.map(function (s) { const h = s.querySelector('h2'); return h ? h.textContent : ''; }),
  });
})();
`.trim();
