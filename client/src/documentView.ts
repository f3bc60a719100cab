// "Open as Resolution": a document file (a PDF) shown as a read-only resolution, a virtual
// document of scheme unres-file: in language `unres`, so that the outline, hovers, folding and
// diagnostics work on it as on any draft. The server reads the file (request unres/documentText);
// this module only asks for the text and opens it.
import { commands, Disposable, EventEmitter, languages, TextDocument, TextDocumentContentProvider, Uri, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_TEXT_REQUEST, DOCUMENT_VIEW_SCHEME, type DocumentTextError, type DocumentTextParams, type DocumentTextResult } from '../../server/src/protocol';

export const OPEN_AS_RESOLUTION_COMMAND = 'unres.openAsResolution';

/** The resolution view of a file: the file's path under the view's scheme. */
export function viewUriOf(file: Uri): Uri {
  return file.with({ scheme: DOCUMENT_VIEW_SCHEME });
}

/** Keeps the texts of the last views opened: VS Code asks again when a closed view is reopened. */
const KEEP = 20;

class DocumentTexts implements TextDocumentContentProvider {
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, string>();

  constructor(readonly client: LanguageClient) {}

  /** The text just read for a view, so that opening it does not read the file again. */
  remember(view: Uri, text: string): void {
    this.texts.delete(view.toString());
    this.texts.set(view.toString(), text);
    while (this.texts.size > KEEP) this.texts.delete(this.texts.keys().next().value as string);
  }

  async provideTextDocumentContent(uri: Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    const answer = await readDocument(this.client, uri.with({ scheme: 'file' }));
    if ('error' in answer) {
      void window.showErrorMessage(`UN Resolutions: ${answer.error}`);
      return '';
    }
    this.remember(uri, answer.text);
    return answer.text;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export async function readDocument(client: LanguageClient, file: Uri): Promise<DocumentTextResult | DocumentTextError> {
  try {
    return await client.sendRequest<DocumentTextResult | DocumentTextError>(DOCUMENT_TEXT_REQUEST, { uri: file.toString() } satisfies DocumentTextParams);
  } catch (error) {
    return { error: `${file.fsPath} could not be read (${(error as Error)?.message ?? error}).` };
  }
}

/**
 * Opens a file for reading as a resolution: a document file (PDF) as its resolution view, in
 * language `unres`; any other file as itself. Undefined (the user told why) when a document
 * file cannot be read.
 */
export async function openAsResolution(file: Uri, read?: DocumentTextResult): Promise<TextDocument | undefined> {
  if (file.scheme !== 'file' || !documentTexts) return workspace.openTextDocument(file);
  const answer = read ?? (await readDocument(documentTexts.client, file));
  if ('error' in answer) {
    // A text file opens as itself; a file VS Code cannot open as text either (a Word file while
    // the server reads none) gets the server's word for it.
    if (answer.notDocument) return workspace.openTextDocument(file).then(undefined, () => failed(answer.error));
    return failed(answer.error);
  }
  const view = viewUriOf(file);
  documentTexts.remember(view, answer.text);
  const document = await workspace.openTextDocument(view);
  // The view's name ends in .pdf, which no language claims.
  return document.languageId === 'unres' ? document : languages.setTextDocumentLanguage(document, 'unres');
}

let documentTexts: DocumentTexts | undefined;

function failed(problem: string): undefined {
  void window.showErrorMessage(`UN Resolutions: ${problem}`);
  return undefined;
}

export function registerDocumentView(client: LanguageClient): Disposable {
  const texts = (documentTexts = new DocumentTexts(client));
  return Disposable.from(
    workspace.registerTextDocumentContentProvider(DOCUMENT_VIEW_SCHEME, texts),
    texts,
    { dispose: () => (documentTexts = undefined) },
    commands.registerCommand(OPEN_AS_RESOLUTION_COMMAND, async (file?: Uri) => {
      const target = file ?? (await pickDocumentFile());
      if (!target) return undefined;
      const document = await openAsResolution(target);
      if (!document) return undefined;
      await window.showTextDocument(document, { preview: false });
      return document.uri;
    }),
  );
}

async function pickDocumentFile(): Promise<Uri | undefined> {
  const picked = await window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Open as Resolution',
    filters: { 'PDF and Word files': ['pdf', 'docx'], 'All files': ['*'] },
  });
  return picked?.[0];
}
