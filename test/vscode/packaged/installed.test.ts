// The extension as a user gets it: installed from the .vsix that `vsce package` built. A file
// that .vscodeignore leaves out by mistake (dist/, syntaxes/, corpus/ …) fails here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { documentSymbols, EXTENSION_ID, hoverTextWhen, openSeed, ourExtension, SEED_004, SHIPPED_LOAD_MS, topLevel } from '../helpers';
import { projectRoot } from '../runner';

/** The files of a folder, recursively, relative to it and sorted (hidden ones left out). */
function filesIn(dir: string, under = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .flatMap((entry) => (entry.isDirectory() ? filesIn(path.join(dir, entry.name), `${under}${entry.name}/`) : [`${under}${entry.name}`]))
    .sort();
}

suite('Installed .vsix', function () {
  this.timeout(SHIPPED_LOAD_MS + 30_000);

  test(`${EXTENSION_ID} is installed from the package, not loaded from the project`, () => {
    const extension = ourExtension();
    assert.notStrictEqual(path.resolve(extension.extensionPath), projectRoot, 'the extension was loaded from the project folder');
    for (const shipped of ['package.json', 'dist/client.js', 'dist/server.js', 'language-configuration.json', 'syntaxes/unres.tmLanguage.json']) {
      assert.ok(fs.existsSync(path.join(extension.extensionPath, shipped)), `${shipped} is not in the installed extension`);
    }
    for (const notShipped of ['node_modules', 'client/src', 'server/src', 'test', 'out']) {
      assert.ok(!fs.existsSync(path.join(extension.extensionPath, notShipped)), `${notShipped} should not be in the installed extension`);
    }
  });

  test('it ships the whole corpus/ folder: the seeds, texts/ and bulk/, catalogues/*.csv, the manifest and SOURCES.md', () => {
    const installed = filesIn(path.join(ourExtension().extensionPath, 'corpus'));
    const project = filesIn(path.join(projectRoot, 'corpus'));
    assert.deepStrictEqual(installed, project);
    const count = (prefix: string, suffix: string) => installed.filter((file) => file.startsWith(prefix) && file.endsWith(suffix) && !file.slice(prefix.length).includes('/')).length;
    assert.deepStrictEqual(
      { seeds: count('', '.txt'), texts: count('texts/', '.txt'), bulk: count('bulk/', '.txt'), catalogues: count('catalogues/', '.csv') },
      { seeds: 5, texts: 63, bulk: 637, catalogues: 2 },
    );
    for (const file of ['catalogue.json', 'SOURCES.md', 'SEEDS.md', 'catalogues/undl-ga-voting-records.csv', 'catalogues/ga-decisions-71-80.csv']) {
      assert.ok(installed.includes(file), `corpus/${file} is not in the installed extension`);
    }
  });

  test('it activates', async () => {
    const extension = ourExtension();
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  test('its language server returns the outline of a seed', async () => {
    const document = await openSeed(SEED_004);
    assert.strictEqual(document.languageId, 'unres');
    const symbols = await documentSymbols(document.uri);
    assert.strictEqual(topLevel(symbols, 'Preamble').children.length, 15);
    assert.strictEqual(topLevel(symbols, 'Operative part').children.length, 6);
  });

  test('its language server answers a hover from the shipped catalogues: a resolution no shipped text cites', async () => {
    const content = 'The General Assembly,\n\nRecalling its resolution 2758 (XXVI) of 25 October 1971,\n';
    const document = await vscode.workspace.openTextDocument({ language: 'unres', content });
    await vscode.window.showTextDocument(document);
    const text = await hoverTextWhen(document.uri, document.positionAt(content.indexOf('2758') + 2), /lawful rights/, 'a hover on 2758 (XXVI) from the installed catalogue');
    assert.match(text, /Restoration of the lawful rights of the People\\?'s Republic of China in the United Nations/);
    assert.match(text, /25 October 1971/);
  });
});
