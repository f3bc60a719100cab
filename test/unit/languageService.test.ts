// The language service as the server and the command line use it: one parse per version, input
// that is not a resolution refused, clamping, the order in which features answer, severities.
import * as assert from 'assert';
import { EMPTY_AGREED_INDEX } from '../../server/src/agreed/empty';
import { createLanguageService } from '../../server/src/languageService';
import type { TextSource } from '../../server/src/parsedDocument';
import { readSeed, SEEDS } from '../helpers';
import { cursorAt, parseText, seedKnowledgeBase, seedUri } from './services/lookupFixtures';

const draft = 'The General Assembly,\n\nRecalling its resolution 73/266 of 22 December 2018,\n\n1. Decides to act;\n\n3. Requests a report.\n';
const source = (text: string, version = 1, uri = 'file:///draft.unres'): TextSource => ({ uri, version, getText: () => text });

describe('language service', () => {
  it('parses a version once: every feature reads the same parse, a new version parses again', async () => {
    let reads = 0;
    const counted: TextSource = { uri: 'file:///draft.unres', version: 1, getText: () => { reads++; return draft; } };
    const service = createLanguageService({ knowledge: { kb: await seedKnowledgeBase(), agreed: EMPTY_AGREED_INDEX } });
    const first = service.parse(counted);
    service.getDocumentSymbols(counted);
    service.getFoldingRanges(counted);
    assert.strictEqual(service.parse(counted), first);
    const next = service.parse({ ...counted, version: 2 });
    assert.notStrictEqual(next, first);
    service.release(counted.uri);
    assert.notStrictEqual(service.parse({ ...counted, version: 2 }), next);
    assert.ok(reads > 0);
  });

  it('refuses binary input with one diagnostic, and answers nothing else for it', async () => {
    const service = createLanguageService({ knowledge: { kb: await seedKnowledgeBase(), agreed: EMPTY_AGREED_INDEX } });
    const binary = source('\u0000\u0001\u0002'.repeat(400));
    assert.deepStrictEqual((await service.getDiagnostics(binary)).map((d) => d.code), ['unres.binary']);
    assert.deepStrictEqual(service.getDocumentSymbols(binary), []);
    assert.strictEqual(service.getHover(binary, { line: 0, character: 1 }), null);
  });

  it('applies the user\'s levels and turns codes off', async () => {
    const levels: Record<string, string> = { 'unres.opNumberGap': 'error', 'unres.punctuationLast': 'off' };
    const service = createLanguageService({ knowledge: { kb: await seedKnowledgeBase(), agreed: EMPTY_AGREED_INDEX }, settings: { severities: () => levels } });
    const diagnostics = await service.getDiagnostics(source(draft.replace('a report.', 'a report')));
    assert.strictEqual(diagnostics.find((d) => d.code === 'unres.opNumberGap')?.severity, 1);
    assert.ok(!diagnostics.some((d) => d.code === 'unres.punctuationLast'));
  });

  it('answers a completion typed while the diagnostics run, and drops the run of a version the editor moved on from', async () => {
    let open: TextSource = source(draft, 1);
    const workspace = { get: () => open, all: () => [open] };
    const service = createLanguageService({ knowledge: { kb: await seedKnowledgeBase(), agreed: EMPTY_AGREED_INDEX }, workspace });
    const complete = (await service.getDiagnostics(open)).length;
    assert.ok(complete > 0);
    const running = service.getDiagnostics(open);
    // The user types meanwhile: the service answers for the new version at once.
    open = source(`${draft}\n4. Requests the Secretary-General`, 2);
    const lines = open.getText().split('\n');
    assert.ok(service.getCompletions(open, { line: lines.length - 1, character: lines[lines.length - 1].length }) !== undefined);
    assert.strictEqual(service.parse(open)?.version, 2);
    assert.deepStrictEqual(await running, []);
    assert.strictEqual((await service.getDiagnostics(open)).length >= complete, true);
  });

  it('clamps what a client sends: a hover past the end of a line answers for the line\'s end', async () => {
    const service = createLanguageService({ knowledge: { kb: await seedKnowledgeBase(), agreed: EMPTY_AGREED_INDEX } });
    const text = 'The General Assembly,\n\nRecalling its resolution 73/266\n';
    const hover = service.getHover(source(text), { line: 2, character: 500 });
    assert.ok(hover?.range && hover.range.end.line === 2 && hover.range.end.character <= 'Recalling its resolution 73/266'.length);
  });

  it('answers a citation before agreed language, and gives plain locations to a client without links', async () => {
    const kb = await seedKnowledgeBase();
    const service = createLanguageService({ knowledge: { kb, agreed: EMPTY_AGREED_INDEX } });
    const text = readSeed(SEEDS[0].file);
    const seed = source(text, 1, seedUri(0));
    const position = cursorAt(parseText(text, seedUri(0)), 'resolution 73/2|66');
    assert.match(JSON.stringify(service.getHover(seed, position)?.contents), /Advancing responsible State behaviour/);
    const locations = service.getDefinition(seed, position, false) as { uri: string }[];
    assert.ok(locations.length > 0 && locations.every((l) => 'uri' in l && !('targetUri' in l)));
  });
});
