// The extension as a user gets it: installed from the .vsix that `vsce package` built. A file
// that .vscodeignore leaves out by mistake (dist/, syntaxes/, corpus/ …) fails here.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { documentSymbols, EXTENSION_ID, openSeed, ourExtension, SEED_004, topLevel } from '../helpers';
import { projectRoot } from '../runner';

suite('Installed .vsix', () => {
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
});
