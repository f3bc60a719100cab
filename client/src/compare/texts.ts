// Read-only texts of the comparison, as virtual documents (scheme unres-compare:): the two
// normalised versions that VS Code's diff editor shows, and a committed version read from git
// (so that "go to the paragraph" can open it).
import { EventEmitter, TextDocumentContentProvider, Uri, workspace, Disposable } from 'vscode';

export const SCHEME = 'unres-compare';

/** Keeps the last texts only: each comparison adds two or three. */
const KEEP = 60;

class VirtualTexts implements TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  private next = 1;

  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  /**
   * A new virtual document holding `text`, named `name` in tabs and titles. The name has no
   * extension that a language claims (drafts are *.txt in many workspaces), so the normalised
   * texts open as plain text: no diagnostics on "PP1 …" lines.
   */
  add(name: string, text: string): Uri {
    const uri = Uri.from({ scheme: SCHEME, path: `/${this.next++}/${safeName(name)}` });
    this.texts.set(uri.path, text);
    while (this.texts.size > KEEP) this.texts.delete(this.texts.keys().next().value as string);
    return uri;
  }

  /** Replaces the text of a document made by add() (a refreshed comparison). */
  update(uri: Uri, text: string): void {
    this.texts.set(uri.path, text);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export const virtualTexts = new VirtualTexts();

export function registerVirtualTexts(): Disposable {
  return Disposable.from(workspace.registerTextDocumentContentProvider(SCHEME, virtualTexts), virtualTexts);
}

/** A name usable as a path segment: symbols have slashes ("A/RES/73/266" → "A-RES-73-266"). */
function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|#%]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 120) || 'text';
}
