// Shared helpers of the real-VS-Code tests.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'unres.unres';

export function ourExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension;
}

/** A seed text of the extension's own corpus/ folder (shipped in the .vsix too). */
export function seedUri(fileName: string): vscode.Uri {
  return vscode.Uri.file(path.join(ourExtension().extensionPath, 'corpus', fileName));
}

export const SEED_000 = '000_3767520ad4361519.txt';
export const SEED_002 = '002_eef1e9d426f8333c.txt';
export const SEED_004 = '004_f1b1830bc3def63f.txt';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * How long a test waits for what the shipped corpus gives (700 texts and two catalogues, loaded
 * and indexed in the background at every start): seconds on an idle machine, a minute or more
 * in code-server on a busy one.
 */
export const SHIPPED_LOAD_MS = 150_000;

/**
 * Opens a seed in an editor as a `unres` document. The test workspace associates *.txt with
 * unres; if that did not apply (say, a file outside the workspace), set the language.
 */
export async function openSeed(fileName: string): Promise<vscode.TextDocument> {
  let document = await vscode.workspace.openTextDocument(seedUri(fileName));
  if (document.languageId !== 'unres') document = await vscode.languages.setTextDocumentLanguage(document, 'unres');
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Polls until `fetch` returns a non-empty array (the language server answers), or times out. */
export async function pollNonEmpty<T>(what: string, fetch: () => Thenable<T[] | undefined>, timeoutMs = 30_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  let last: T[] | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await fetch();
      if (Array.isArray(last) && last.length > 0) return last;
    } catch (error) {
      lastError = error;
    }
    await sleep(250);
  }
  const detail = lastError ? `; last error: ${(lastError as Error)?.message ?? lastError}` : `; last result: ${JSON.stringify(last)}`;
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
}

export function documentSymbols(uri: vscode.Uri, timeoutMs?: number): Promise<vscode.DocumentSymbol[]> {
  return pollNonEmpty(
    `document symbols of ${path.basename(uri.fsPath)}`,
    () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri),
    timeoutMs,
  );
}

export function foldingRanges(uri: vscode.Uri, timeoutMs?: number): Promise<vscode.FoldingRange[]> {
  return pollNonEmpty(
    `folding ranges of ${path.basename(uri.fsPath)}`,
    () => vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri),
    timeoutMs,
  );
}

/** The top-level symbol with this name; fails listing the names there are. */
export function topLevel(symbols: vscode.DocumentSymbol[], name: string): vscode.DocumentSymbol {
  const found = symbols.find((symbol) => symbol.name === name);
  assert.ok(found, `no top-level symbol "${name}"; top level: ${JSON.stringify(symbols.map((s) => s.name))}`);
  return found;
}

export const names = (symbols: readonly vscode.DocumentSymbol[]) => symbols.map((symbol) => symbol.name);

/** The text of hovers as VS Code renders them from the language server's Markdown. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

/** The text of the hovers at a position once it matches `expected` (the corpus loads in the background). */
export async function hoverTextWhen(uri: vscode.Uri, position: vscode.Position, expected: RegExp, what: string): Promise<string> {
  const hovers = await pollNonEmpty(what, async () => {
    const found = await hoversAt(uri, position);
    return expected.test(hoverText(found)) ? found : [];
  }, SHIPPED_LOAD_MS);
  return hoverText(hovers);
}

/** The hovers at a position, through VS Code's hover providers (the language server's among them). */
export async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
}
