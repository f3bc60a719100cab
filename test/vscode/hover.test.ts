import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, hoverTextWhen, openSeed, pollNonEmpty, SEED_004, SHIPPED_LOAD_MS } from './helpers';

suite('Corpus lookups', function () {
  this.timeout(SHIPPED_LOAD_MS + 30_000);

  test('hovering 73/266 in a seed shows its title and adoption date', async () => {
    const document = await openSeed('000_3767520ad4361519.txt');
    const offset = document.getText().indexOf('73/266 of 22 December 2018');
    assert.ok(offset > 0);
    const position = document.positionAt(offset + 2);
    // The corpus loads in the background: poll until the hover carries its facts.
    const hovers = await pollNonEmpty('a hover on 73/266 with its title', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      return /Advancing responsible/.test(hoverText(result ?? [])) ? result : [];
    }, SHIPPED_LOAD_MS);
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
    SHIPPED_LOAD_MS);
    const uri = 'targetUri' in targets[0] ? targets[0].targetUri : targets[0].uri;
    assert.ok(uri.fsPath.endsWith(SEED_004), uri.fsPath);
  });

  // Out of the box: no setting names a catalogue; the facts come from those shipped in corpus/catalogues.
  const DRAFT = 'The General Assembly,\n\nRecalling its resolution 2758 (XXVI) of 25 October 1971 and its decision 79/512 of 2 December 2024,\n';

  test('a resolution that only the shipped voting-record catalogue knows (no shipped text cites it): its title and date', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'unres', content: DRAFT });
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(DRAFT.indexOf('2758') + 2);
    const text = await hoverTextWhen(document.uri, position, /lawful rights/, 'a hover on 2758 (XXVI) with its title');
    assert.match(text, /Restoration of the lawful rights of the People\\?'s Republic of China in the United Nations/);
    assert.match(text, /25 October 1971/);
    assert.match(text, /undl\\?-ga\\?-voting\\?-records\\?\.csv/);
    assert.match(text, /not in the corpus/);
  });

  test('a decision of the shipped decisions catalogue: decision 79/512', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'unres', content: DRAFT });
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(DRAFT.indexOf('79/512') + 3);
    const text = await hoverTextWhen(document.uri, position, /arms race in outer space/, 'a hover on decision 79/512 with its title');
    assert.match(text, /decision 79\/512/);
    assert.match(text, /Open\\?-ended working group on the prevention of an arms race in outer space in all its aspects/);
    assert.match(text, /ga\\?-decisions\\?-71\\?-80\\?\.csv/);
    assert.match(text, /https:\/\/undocs\.org\/A\/DEC\/79\/512/);
  });
});
