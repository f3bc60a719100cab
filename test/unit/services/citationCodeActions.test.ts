import * as assert from 'assert';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { loadCorpus, type LoadedCorpus } from '../../../server/src/corpus/corpusLoader';
import { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { getCitationCodeActions } from '../../../server/src/services/citationCodeActions';
import { getCitationDiagnostics } from '../../../server/src/services/citationDiagnostics';
import { SEEDS, applyEdits, editsFor, readSeed, seedCorpusDir, withCursors } from '../../helpers';

const DRAFT = 'file:///work/drafts/draft.unres';
const parse = (text: string) => ParsedDocument.parse({ uri: DRAFT, version: 1, getText: () => text });
const draft = (paragraph: string) => `The General Assembly,\n\n${paragraph}\n\n1. Decides to remain seized of the matter.\n`;
const whole = (document: ParsedDocument) => ({ start: { line: 0, character: 0 }, end: document.lines.positionAt(document.model.text.length) });

const editsOf = (action: CodeAction): TextEdit[] => editsFor(action, DRAFT);

function dateDiagnostics(document: ParsedDocument, kb: KnowledgeBase): Diagnostic[] {
  return getCitationDiagnostics(document, kb).filter((d) => d.code === 'unres.citationDate');
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `seed lacks ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

describe('citation code actions', () => {
  let kb: KnowledgeBase;

  before(async () => {
    kb = KnowledgeBase.build(await loadCorpus({ shippedDir: seedCorpusDir(), folders: [], catalogues: [] }));
  });

  it('offers "Change to <known date>" for a contradicted date: a preferred quick fix replacing exactly the date', () => {
    const { text, cursors } = withCursors(draft('Recalling its resolution 53/70 of |5 December 1998|,'));
    const document = parse(text);
    const diagnostics = dateDiagnostics(document, kb);
    assert.strictEqual(diagnostics.length, 1);
    const actions = getCitationCodeActions(document, diagnostics[0].range, diagnostics, kb);
    assert.strictEqual(actions.length, 1);
    const [action] = actions;
    assert.strictEqual(action.title, 'Change to 4 December 1998');
    assert.strictEqual(action.kind, 'quickfix');
    assert.strictEqual(action.isPreferred, true);
    assert.deepStrictEqual(action.diagnostics, diagnostics);
    const edits = editsOf(action);
    assert.deepStrictEqual(edits.map((e) => [document.lines.offsetAt(e.range.start), document.lines.offsetAt(e.range.end), e.newText]), [[cursors[0], cursors[1], '4 December 1998']]);
    const fixed = applyEdits(document, edits);
    assert.strictEqual(fixed, draft('Recalling its resolution 53/70 of 4 December 1998,'));
    assert.deepStrictEqual(getCitationDiagnostics(parse(fixed), kb), []);
  });

  it('round-trips on a mutated seed: the fix restores the seed byte for byte', () => {
    const original = readSeed(SEEDS[0].file);
    const document = parse(replaceOnce(original, '53/70 of 4 December 1998', '53/70 of 5 December 1998'));
    const diagnostics = dateDiagnostics(document, kb);
    const actions = getCitationCodeActions(document, diagnostics[0].range, diagnostics, kb);
    assert.deepStrictEqual(actions.map((a) => a.title), ['Change to 4 December 1998']);
    const fixed = applyEdits(document, editsOf(actions[0]));
    assert.strictEqual(fixed, original);
    assert.deepStrictEqual(getCitationDiagnostics(parse(fixed), kb), []);
  });

  it('replaces the whole date when the day, month and year all differ', () => {
    const document = parse(draft('Recalling its resolution 73/266 of 1 January 2019 and its resolution 53/70 of 4 December 1998,'));
    const diagnostics = dateDiagnostics(document, kb);
    const [action] = getCitationCodeActions(document, whole(document), diagnostics, kb);
    assert.strictEqual(action.title, 'Change to 22 December 2018');
    const fixed = applyEdits(document, editsOf(action));
    assert.strictEqual(fixed, draft('Recalling its resolution 73/266 of 22 December 2018 and its resolution 53/70 of 4 December 1998,'));
  });

  it('keeps the line break of a date that PDF text wraps', () => {
    const original = readSeed(SEEDS[2].file);
    assert.ok(original.includes('43/78 H of 7 December \n\n1988'));
    const document = parse(replaceOnce(original, '43/78 H of 7 December \n\n1988', '43/78 H of 8 December \n\n1988'));
    const diagnostics = dateDiagnostics(document, kb);
    assert.deepStrictEqual(diagnostics.map((d) => d.message), ['Resolution 43/78 H was adopted on 7 December 1988 (corpus: cited with this date in 3 documents), not 8 December 1988.']);
    const [action] = getCitationCodeActions(document, diagnostics[0].range, diagnostics, kb);
    assert.strictEqual(action.title, 'Change to 7 December 1988');
    assert.strictEqual(applyEdits(document, editsOf(action)), original);
  });

  it('fixes a date shared by a run once, for every symbol of the run', () => {
    const original = readSeed(SEEDS[1].file);
    const document = parse(replaceOnce(original, '74/28 and 74/29 of 12 December 2019', '74/28 and 74/29 of 13 December 2019'));
    const diagnostics = dateDiagnostics(document, kb);
    assert.strictEqual(diagnostics.length, 2);
    const actions = getCitationCodeActions(document, diagnostics[0].range, diagnostics, kb);
    assert.strictEqual(actions.length, 1);
    assert.strictEqual(actions[0].title, 'Change to 12 December 2019');
    assert.strictEqual(actions[0].isPreferred, true);
    assert.deepStrictEqual(actions[0].diagnostics, diagnostics);
    assert.strictEqual(applyEdits(document, editsOf(actions[0])), original);
  });

  it('with two known dates, offers both and prefers neither; each fix clears the error', () => {
    const corpus: LoadedCorpus = {
      documents: [],
      problems: [],
      rows: [
        { uri: 'file:///catalogues/one.csv', row: { symbol: '53/70', kind: 'resolution', date: '1998-12-04', line: 2 } },
        { uri: 'file:///catalogues/two.csv', row: { symbol: '53/70', kind: 'resolution', date: '1998-12-05', line: 9 } },
      ],
    };
    const conflict = KnowledgeBase.build(corpus);
    const document = parse(draft('Recalling its resolution 53/70 of 6 December 1998,'));
    const diagnostics = dateDiagnostics(document, conflict);
    const actions = getCitationCodeActions(document, diagnostics[0].range, diagnostics, conflict);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [
      ['Change to 4 December 1998', undefined],
      ['Change to 5 December 1998', undefined],
    ]);
    for (const action of actions) {
      const fixed = applyEdits(document, editsOf(action));
      assert.strictEqual(fixed, draft(`Recalling its resolution 53/70 of ${action.title.slice('Change to '.length)},`));
      assert.deepStrictEqual(getCitationDiagnostics(parse(fixed), conflict), []);
    }
  });

  it('answers only for citation-date diagnostics in the request that still match the text', () => {
    const document = parse(draft('Recalling its resolution 53/70 of 5 December 1998 and its resolutions 73/266, 73/27,'));
    const all = getCitationDiagnostics(document, kb);
    assert.deepStrictEqual(all.map((d) => d.code), ['unres.citationDate', 'unres.citationOrder']);
    const order = all.filter((d) => d.code === 'unres.citationOrder');
    assert.deepStrictEqual(getCitationCodeActions(document, whole(document), order, kb), []);
    // A diagnostic outside the requested range.
    const date = all[0];
    const elsewhere = { start: { line: 4, character: 0 }, end: { line: 4, character: 5 } };
    assert.deepStrictEqual(getCitationCodeActions(document, elsewhere, [date], kb), []);
    // A stale diagnostic: the date it was about has since been corrected.
    const corrected = parse(draft('Recalling its resolution 53/70 of 4 December 1998 and its resolutions 73/266, 73/27,'));
    assert.deepStrictEqual(getCitationCodeActions(corrected, date.range, [date], kb), []);
  });

  it('recomputes the known dates when the client dropped the diagnostic data', () => {
    const document = parse(draft('Recalling its resolution 53/70 of 5 December 1998,'));
    const [diagnostic] = dateDiagnostics(document, kb);
    const withoutData: Diagnostic = { ...diagnostic };
    delete withoutData.data;
    const actions = getCitationCodeActions(document, diagnostic.range, [withoutData], kb);
    assert.deepStrictEqual(actions.map((a) => a.title), ['Change to 4 December 1998']);
  });

  it('a client that drops the data of hundreds of diagnostics still gets each its own fix', () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `Recalling its resolution 53/70 of 5 December 1998 (${i + 1}),`);
    const text = `The General Assembly,\n\n${paragraphs.join('\n\n')}\n\n1. Decides to remain seized of the matter.\n`;
    const document = parse(text);
    const diagnostics = dateDiagnostics(document, kb).map(({ data: _dropped, ...rest }) => rest as Diagnostic);
    assert.strictEqual(diagnostics.length, 300);
    const actions = getCitationCodeActions(document, whole(document), diagnostics, kb);
    assert.strictEqual(actions.length, 300);
    assert.ok(actions.every((a) => a.title === 'Change to 4 December 1998' && a.diagnostics!.length === 1));
    assert.strictEqual(applyEdits(document, actions.flatMap(editsOf)), text.replace(/5 December 1998/g, '4 December 1998'));
  });

  it('honours the cancellation token', () => {
    const document = parse(draft('Recalling its resolution 53/70 of 5 December 1998,'));
    const diagnostics = dateDiagnostics(document, kb);
    assert.deepStrictEqual(getCitationCodeActions(document, diagnostics[0].range, diagnostics, kb, { isCancellationRequested: true }), []);
  });
});
