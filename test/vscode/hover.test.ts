import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, openSeed, pollNonEmpty, SEED_004 } from './helpers';

suite('Corpus lookups', () => {
  test('hovering 73/266 in a seed shows its title and adoption date', async () => {
    const document = await openSeed('000_3767520ad4361519.txt');
    const offset = document.getText().indexOf('73/266 of 22 December 2018');
    assert.ok(offset > 0);
    const position = document.positionAt(offset + 2);
    // The corpus loads in the background: poll until the hover carries its facts.
    const hovers = await pollNonEmpty('a hover on 73/266 with its title', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      return /Advancing responsible/.test(hoverText(result ?? [])) ? result : [];
    });
    const text = hoverText(hovers);
    assert.match(text, /Advancing responsible State behaviour in cyberspace in the context of international security/);
    assert.match(text, /22 December 2018/);
    assert.match(text, /https:\/\/undocs\.org\/A\/RES\/73\/266/);
  });

  test('go to definition on 73/266 reaches the corpus text of the resolution', async () => {
    const document = await openSeed('000_3767520ad4361519.txt');
    const position = document.positionAt(document.getText().indexOf('73/266 of 22 December 2018') + 2);
    const targets = await pollNonEmpty('a definition of 73/266', () =>
      vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position),
    );
    const uri = 'targetUri' in targets[0] ? targets[0].targetUri : targets[0].uri;
    assert.ok(uri.fsPath.endsWith(SEED_004), uri.fsPath);
  });
});
