import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { hoverText, hoversAt, ourExtension, pollNonEmpty } from './helpers';

/** A negotiation fixture's text (opened as an untitled document: the fixture on disk stays as it is). */
function fixture(name: string): string {
  return readFileSync(path.join(ourExtension().extensionPath, 'test', 'fixtures', 'negotiation', name), 'utf8');
}

async function openDraft(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'unres', content });
  await vscode.window.showTextDocument(document);
  return document;
}

/** The hover text at the first character after `needle` starts, once the server answers one. */
async function bracketHover(document: vscode.TextDocument, needle: string): Promise<string> {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, needle);
  const position = document.positionAt(offset + 1);
  return hoverText(await pollNonEmpty(`a hover on ${needle}`, () => hoversAt(document.uri, position)));
}

suite('Drafts under negotiation', () => {
  test('hovering a bracket of a compilation text shows its alternative, who proposed it and the status note under the paragraph', async () => {
    const document = await openDraft(fixture('status-lines.unres'));
    const options = await bracketHover(document, '[strengthen]');
    assert.match(options, /Bracketed text: 2 options/);
    assert.match(options, /1\. Text \(here\): strengthen/);
    assert.match(options, /2\. Alt — proposed by EU: enhance \\?\(EU\\?\)/);
    // "Pending" stands on the line under OP2.
    assert.match(options, /Status: Pending/);
    const proposal = await bracketHover(document, '[PP3 bis');
    assert.match(proposal, /1\. Text — proposed by G77 and China \(here\): PP3 bis Recognizing the role of local and regional governments/);
    assert.match(proposal, /2\. Option 2 — proposed by US: delete/);
  });

  test('a paragraph proposed whole in brackets is its numbered paragraph in the outline, and its hover names its proposer', async () => {
    const document = await openDraft(fixture('proposed-paragraphs.unres'));
    const operative = await pollNonEmpty('the outline names OP2 bis', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return (symbols ?? []).flatMap((s) => s.children).filter((s) => s.name === 'OP2 bis Also requests');
    });
    assert.match(operative[0].detail, /· bracketed$/);
    assert.match(await bracketHover(document, '[2 bis.'), /1\. Text — proposed by G77 and China \(here\): 2 bis\\?\. Also requests/);
  });

  test('a "[" never closed is flagged in its paragraph, and the quick fix closes it at the end of that paragraph', async () => {
    const content = fixture('proposed-paragraphs.unres').replace('digital public goods]', 'digital public goods');
    const document = await openDraft(content);
    const [diagnostic] = await pollNonEmpty('the unbalanced bracket', async () =>
      vscode.languages.getDiagnostics(document.uri).filter((d) => typeof d.code === 'object' ? d.code.value === 'unres.bracketUnbalanced' : d.code === 'unres.bracketUnbalanced'));
    const at = document.positionAt(content.indexOf('[promote'));
    assert.deepStrictEqual([diagnostic.range.start.line, diagnostic.range.start.character], [at.line, at.character]);
    assert.match(diagnostic.message, new RegExp(`^Opening bracket in OP3 at line ${at.line + 1}, column ${at.character + 1} is never closed`));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const close = (actions ?? []).find((a) => a.title === 'Close the bracket at the end of OP3');
    assert.ok(close?.edit, JSON.stringify((actions ?? []).map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(close.edit));
    assert.match(document.getText(), /to \[promote open, inclusive and secure digital infrastructure;\]\n/);
  });
});
