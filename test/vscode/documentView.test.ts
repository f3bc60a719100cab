// A PDF in VS Code: "Open as Resolution" shows an official PDF as a read-only resolution (a
// virtual document in language unres) whose outline has the hand counts, "Compare with Another
// File" takes a PDF, and a damaged PDF or Word file opens nothing.
import * as assert from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ComparisonViewState } from '../../client/src/compare/view';
import { documentSymbols, ourExtension, topLevel } from './helpers';

const fixture = (...parts: string[]) => vscode.Uri.file(path.join(ourExtension().extensionPath, 'test', 'fixtures', 'real', ...parts));

suite('PDF as a resolution view', () => {
  let temp: string;
  suiteSetup(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'unres-pdf-view-'));
  });
  suiteTeardown(() => rmSync(temp, { recursive: true, force: true }));

  test('Open as Resolution: A/RES/79/61 as a resolution with 11 preambular and 13 operative paragraphs', async () => {
    const pdf = fixture('pdf', 'A_RES_79_61.pdf');
    const view = await vscode.commands.executeCommand<vscode.Uri>('unres.openAsResolution', pdf);
    assert.ok(view, 'the command opened nothing');
    assert.strictEqual(view.scheme, 'unres-file');
    assert.strictEqual(view.path, pdf.path);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === view.toString());
    assert.ok(document, 'the view is not open');
    assert.strictEqual(document.languageId, 'unres');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), view.toString());
    const symbols = await documentSymbols(view);
    assert.strictEqual(topLevel(symbols, 'Preamble').children.length, 11);
    assert.strictEqual(topLevel(symbols, 'Operative part').children.length, 13);
    assert.ok(topLevel(symbols, 'Operative part').children[0].name.startsWith('OP1 '));
  });

  test('Compare with Another File: a PDF against its text form, no textual change', async () => {
    const text = await vscode.workspace.openTextDocument(fixture('bulk', 'A_RES_78_150.pymupdf.txt'));
    const state = await vscode.commands.executeCommand<ComparisonViewState>('unres.compareWithFile', { document: text.uri, with: fixture('pdf', 'A_RES_78_150.pdf') });
    assert.ok(state, 'the command returned nothing');
    assert.strictEqual(state.title, 'A_RES_78_150.pdf → A_RES_78_150.pymupdf.txt');
    assert.match(state.summaryText, /^No textual change/);
  });

  test('Open as Resolution: a Word draft numbered by Word automatic lists has the outline of the text it was made from', async () => {
    const root = ourExtension().extensionPath;
    const word = vscode.Uri.file(path.join(root, 'test', 'fixtures', 'docx', 'seed-004.lists.docx'));
    const text = vscode.Uri.file(path.join(root, 'corpus', '004_f1b1830bc3def63f.txt'));
    const view = await vscode.commands.executeCommand<vscode.Uri>('unres.openAsResolution', word);
    assert.ok(view, 'the command opened nothing');
    assert.strictEqual(view.scheme, 'unres-file');
    await vscode.workspace.openTextDocument(text).then((d) => vscode.languages.setTextDocumentLanguage(d, 'unres'));
    const [fromWord, fromText] = [await documentSymbols(view), await documentSymbols(text)];
    for (const part of ['Preamble', 'Operative part']) {
      const names = (symbols: vscode.DocumentSymbol[]) => topLevel(symbols, part).children.map((child) => child.name);
      assert.ok(names(fromText).length > 0, part);
      assert.deepStrictEqual(names(fromWord), names(fromText), part);
    }
  });

  test('a damaged PDF opens no view', async () => {
    const bytes = readFileSync(fixture('pdf', 'A_RES_79_61.pdf').fsPath);
    const cut = path.join(temp, 'cut.pdf');
    writeFileSync(cut, bytes.subarray(0, bytes.length >> 1));
    const view = await vscode.commands.executeCommand<vscode.Uri | undefined>('unres.openAsResolution', vscode.Uri.file(cut));
    assert.strictEqual(view, undefined);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path === vscode.Uri.file(cut).path));
  });

  test('a Word file that cannot be read opens nothing, and the command does not fail', async () => {
    const word = path.join(temp, 'broken.docx');
    writeFileSync(word, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 0, 1, 2, 3]));
    const view = await vscode.commands.executeCommand<vscode.Uri | undefined>('unres.openAsResolution', vscode.Uri.file(word));
    assert.strictEqual(view, undefined);
  });

  test('Compare Tracked Changes: a Word draft before its tracked changes against the accepted text', async () => {
    const docx = (name: string) => vscode.Uri.file(path.join(ourExtension().extensionPath, 'test', 'fixtures', 'docx', name));
    const state = await vscode.commands.executeCommand<ComparisonViewState>('unres.compareTrackedChanges', docx('seed-004.tracked.docx'));
    assert.ok(state, 'the command returned nothing');
    assert.strictEqual(state.title, 'seed-004.tracked.docx (before tracked changes) → seed-004.tracked.docx');
    assert.strictEqual(state.summary.changed, 3);
    assert.deepStrictEqual([state.summary.added, state.summary.deleted, state.summary.moved], [0, 0, 0]);
    assert.match(state.summaryText, /^3 paragraphs changed/);
    const none = await vscode.commands.executeCommand<ComparisonViewState | undefined>('unres.compareTrackedChanges', docx('seed-004.docx'));
    assert.strictEqual(none, undefined, 'a draft without tracked changes opens no comparison');
  });
});
