// Agreed-language completions, deviation diagnostics, diff hover and the restore fix, with the
// seeds as corpus.
import * as assert from 'assert';
import type { CompletionItem, Diagnostic, MarkupContent, Position, TextEdit } from 'vscode-languageserver-types';
import type { AgreedLanguageIndex } from '../../../server/src/agreed/types';
import type { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { loadKnowledge } from '../../../server/src/knowledge';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import type { Span } from '../../../server/src/parser/model';
import { getAgreedCompletions } from '../../../server/src/services/agreedCompletion';
import { AGREED_LANGUAGE_CODE, getAgreedCodeActions, getAgreedDiagnostics, getAgreedHover } from '../../../server/src/services/agreedDeviation';
import { readSeed, SEEDS, seedCorpusDir, withCursors } from '../../helpers';
import { applyCompletion, completionEditProblems } from './completionEdits';

const HUMAN_RIGHTS = 'Underlining the importance of respect for human rights and fundamental freedoms in the use of information and communications technologies,';
const HEADER = 'Seventy-fifth session\n\nAgenda item 98\n\nDevelopments in the field of information and telecommunications in the context of international security\n\nA title\n\n';

function parse(text: string, uri = 'untitled:draft'): ParsedDocument {
  return ParsedDocument.parse({ uri, version: 1, getText: () => text });
}

/** Completions at the `|` of a draft (or at `position`), each with edits every editor accepts. */
function completeAt(index: AgreedLanguageIndex, marked: string, position?: Position): { items: CompletionItem[]; text: string; document: ParsedDocument } {
  const { text, cursors } = withCursors(marked);
  const document = parse(text);
  const at = position ?? document.lines.positionAt(cursors[0]);
  const items = getAgreedCompletions(document, at, index) ?? [];
  // The edits are checked at the position the document has: past a line's end is its end, past the last line the end of the text.
  const line = Math.min(at.line, document.lines.lineCount - 1);
  const lineLength = document.lines.lineEnd(line) - document.lines.lineStart(line);
  const cursor = at.line > line ? document.lines.positionAt(text.length) : { line, character: Math.min(at.character, lineLength) };
  assert.deepStrictEqual(items.flatMap((item) => completionEditProblems(document, cursor, item)), []);
  return { items, text, document };
}

const newText = (item: CompletionItem) => (item.textEdit as TextEdit).newText;

describe('agreed language with the seeds as corpus', () => {
  let index: AgreedLanguageIndex;
  let kb: KnowledgeBase;
  before(async () => {
    ({ kb, agreed: index } = await loadKnowledge({ shippedDir: seedCorpusDir(), folders: [], catalogues: [] }, { agreed: true }));
  });
  const resolve = (uri: string, span: Span) => kb.document(uri)?.range(span);

  describe('completions', () => {
    it('typing "Underlining the importance of respect" in a preamble offers the human-rights paragraph with its sources', () => {
      const { items } = completeAt(index, 'The General Assembly,\n\nRecalling its resolution 73/266,\n\nUnderlining the importance of respect|\n');
      const shared = items.find((i) => newText(i) === HUMAN_RIGHTS);
      assert.ok(shared, items.map((i) => newText(i)).join('\n'));
      assert.match(shared.detail!, /used in 3 documents/);
      const sources = (shared.documentation as MarkupContent).value;
      for (const symbol of ['A/RES/73/266', 'A/RES/74/28', 'A/RES/75/240']) assert.ok(sources.includes(symbol), `${symbol} in ${sources}`);
      const ict = items.find((i) => newText(i) === 'Underlining the importance of respect for human rights and fundamental freedoms in the use of ICTs,');
      assert.ok(ict, 'the wording of 002 is offered too');
      assert.match((ict.documentation as MarkupContent).value, /A\/RES\/73\/27/);
    });

    it('an operative paragraph gets a semicolon, the last one a full stop', () => {
      const middle = completeAt(index, 'The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Calls upon Member States to promote further, at multilateral levels|\n\n2. Decides to remain seized of the matter.\n');
      const item = middle.items.find((i) => newText(i).startsWith('Calls upon Member States to promote further'));
      assert.ok(item);
      assert.match(newText(item), /information;$/);
      const last = completeAt(index, 'The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Calls upon Member States to promote further, at multilateral levels|\n');
      assert.match(newText(last.items.find((i) => newText(i).startsWith('Calls upon Member States'))!), /information\.$/);
    });

    it('opens a paragraph with the phrases of its part, and numbers a new operative paragraph', () => {
      const preamble = completeAt(index, 'The General Assembly,\n\nRecalling its resolution 73/266,\n\nConf|\n');
      assert.ok(preamble.items.some((i) => i.label === 'Confirming'));
      assert.ok(preamble.items.every((i) => !/s$/.test(String(i.label)) || /ing|ed/.test(String(i.label))), 'no operative verbs in the preamble');
      const operative = completeAt(index, 'The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Decides to act;\n\n2. Invites all States to report;\n\nReq|\n');
      const requests = operative.items.find((i) => i.label === 'Requests');
      assert.ok(requests, operative.items.map((i) => i.label).join(', '));
      assert.strictEqual(newText(requests), '3. Requests ');
    });

    it('continues agreed phrases from the last words typed', () => {
      const { items } = completeAt(index, 'The General Assembly,\n\nStressing the need for promoting an open, secure, stable, accessible and|\n');
      const item = items.find((i) => /peaceful information and communications technology environment/.test(newText(i)));
      assert.ok(item, items.map((i) => i.label).join('\n'));
      assert.match(newText(item), /^ peaceful/);
    });

    it('offers the closing paragraph with the next session and the agenda item', () => {
      const { items } = completeAt(index, `${HEADER}The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Welcomes the report;\n\n2. Also dec|\n`);
      const closing = items.find((i) => /provisional agenda/.test(String(i.label)));
      assert.strictEqual(items.filter((i) => /provisional agenda/.test(String(i.label))).length, 1, 'corpus copies with other sessions are not offered');
      assert.ok(closing, items.map((i) => i.label).join('\n'));
      assert.strictEqual(
        newText(closing),
        'Also decides to include in the provisional agenda of its seventy-sixth session the item entitled “Developments in the field of information and telecommunications in the context of international security”.',
      );
    });
  });

  describe('completion edits any editor accepts', () => {
    const PROGRESS = 'Noting that considerable progress has been achieved in developing and applying the latest information technologies and means of telecommunication,';

    for (const eol of ['\n', '\r\n']) {
      it(`a paragraph typed over two lines (${JSON.stringify(eol)}): the item edits the cursor's line, the line before goes in an additional edit`, () => {
        const draft = ['The General Assembly,', '', 'Recalling its resolution 73/266,', '', 'Noting that considerable progress', 'has been achieved in developing|', ''].join(eol);
        const { items, document } = completeAt(index, draft);
        const item = items.find((i) => newText(i) === PROGRESS);
        assert.ok(item, items.map((i) => newText(i)).join('\n'));
        const range = (item.textEdit as TextEdit).range;
        assert.deepStrictEqual([range.start.line, range.end.line], [5, 5]);
        assert.strictEqual(item.filterText, 'has been achieved in developing');
        assert.strictEqual(applyCompletion(document, item), ['The General Assembly,', '', 'Recalling its resolution 73/266,', '', PROGRESS, ''].join(eol));
      });
    }

    it('an operative paragraph typed over three lines keeps its number and gets its final mark', () => {
      const { items, document } = completeAt(index, 'The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Calls upon Member States\nto promote further, at\n   multilateral levels|\n');
      const item = items.find((i) => newText(i).startsWith('Calls upon Member States to promote further'));
      assert.ok(item, items.map((i) => newText(i)).join('\n'));
      assert.strictEqual(item.filterText, 'multilateral levels');
      assert.match(applyCompletion(document, item), /\n\n1\. Calls upon Member States to promote further, at multilateral levels[^\n]*information\.\n$/);
    });

    it('an opening phrase after a number alone on its line, and the closing paragraph, stay on the cursor line', () => {
      const opening = completeAt(index, 'The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Decides to act;\n\n2.\nReq|\n');
      assert.ok(opening.items.some((i) => i.label === 'Requests'), opening.items.map((i) => i.label).join(', '));
      const closing = completeAt(index, `${HEADER}The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Welcomes the report;\n\n2. Also\ndec|\n`);
      const item = closing.items.find((i) => /provisional agenda/.test(String(i.label)));
      assert.ok(item, closing.items.map((i) => i.label).join('\n'));
      assert.match(applyCompletion(closing.document, item), /\n\n2\. Also decides to include in the provisional agenda of its seventy-sixth session/);
    });
  });

  describe('positions past the end of a line', () => {
    it('a completion asked at character 500 of a shorter line is the completion at its end, with edits inside the document', () => {
      const marked = 'The General Assembly,\n\nRecalling its resolution 73/266,\n\nUnderlining the importance of respect|\n\nNoting the report,\n';
      const atEnd = completeAt(index, marked);
      assert.ok(atEnd.items.length > 0);
      const far = completeAt(index, marked, { line: 4, character: 500 });
      assert.deepStrictEqual(far.items, atEnd.items);
    });
  });

  describe('deviation from agreed language', () => {
    const edited = `The General Assembly,\n\nRecalling its resolution 73/266,\n\n${HUMAN_RIGHTS.replace('importance of respect', 'importance of full respect')}\n\n1. Decides to remain seized of the matter.\n`;

    it('an edited agreed paragraph gets an Information diagnostic naming its source', () => {
      const document = parse(edited);
      const diagnostics = getAgreedDiagnostics(document, index, resolve);
      assert.strictEqual(diagnostics.length, 1, JSON.stringify(diagnostics.map((d) => d.message)));
      const [diagnostic] = diagnostics;
      assert.strictEqual(diagnostic.code, AGREED_LANGUAGE_CODE);
      assert.strictEqual(diagnostic.severity, 3);
      assert.match(diagnostic.message as string, /^Differs from agreed language in A\/RES\/\d+\/\d+, PP\d+ \(used in 3 documents\)\.$/);
      assert.strictEqual(document.lines.offsetAt(diagnostic.range.start), edited.indexOf('Underlining'));
      assert.ok(diagnostic.relatedInformation!.length >= 1);
      assert.ok(diagnostic.relatedInformation!.every((r) => r.location.uri.startsWith('file://')));
    });

    it('the hover shows the word-level difference', () => {
      const document = parse(edited);
      const hover = getAgreedHover(document, document.lines.positionAt(edited.indexOf('full respect')), index)!;
      const value = (hover.contents as MarkupContent).value;
      assert.match(value, /\*\*Differs from agreed language\*\*/);
      assert.match(value, /\*\*full\*\*/);
      assert.doesNotMatch(value, /~~/);
    });

    it('"Restore agreed language" gives back the agreed wording and the diagnostic goes', () => {
      const document = parse(edited);
      const [diagnostic] = getAgreedDiagnostics(document, index, resolve);
      const [action] = getAgreedCodeActions(document, [diagnostic]);
      assert.strictEqual(action.title, 'Restore agreed language');
      const edit = action.edit!.changes!['untitled:draft'][0];
      const fixed = applyEdit(edited, document, edit);
      assert.strictEqual(fixed, edited.replace('importance of full respect', 'importance of respect'));
      assert.deepStrictEqual(getAgreedDiagnostics(parse(fixed), index, resolve), []);
    });

    it('restores each of hundreds of edited paragraphs in one request', () => {
      const paragraph = HUMAN_RIGHTS.replace('importance of respect', 'importance of full respect');
      const text = `The General Assembly,\n\n${Array.from({ length: 200 }, () => paragraph).join('\n\n')}\n`;
      const document = parse(text);
      const diagnostics = getAgreedDiagnostics(document, index, resolve);
      assert.strictEqual(diagnostics.length, 200);
      const actions = getAgreedCodeActions(document, [...diagnostics].reverse());
      assert.strictEqual(actions.length, 200);
      const edits = actions.map((a) => a.edit!.changes!['untitled:draft'][0]).sort((a, b) => b.range.start.line - a.range.start.line);
      const fixed = edits.reduce((current, edit) => applyEdit(current, document, edit), text);
      assert.strictEqual(fixed, text.replace(/importance of full respect/g, 'importance of respect'));
      assert.deepStrictEqual(getAgreedCodeActions(document, diagnostics, { isCancellationRequested: true }), []);
    });

    it('keeps the number of an operative paragraph and the final mark of its position', () => {
      const seed = parse(readSeed(SEEDS[4].file)).model;
      const op4 = seed.operative[3].content.text; // "Requests the Office for Disarmament Affairs …;"
      const text = `The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. ${op4.replace('Office for Disarmament Affairs', 'Office of Disarmament Affairs').replace(/;$/, '.')}\n`;
      const document = parse(text);
      const [diagnostic] = getAgreedDiagnostics(document, index, resolve);
      assert.ok(diagnostic, 'the edited OP is flagged');
      const fixed = applyEdit(text, document, getAgreedCodeActions(document, [diagnostic])[0].edit!.changes!['untitled:draft'][0]);
      assert.ok(fixed.includes('\n1. Requests the Office for Disarmament Affairs'), fixed);
      assert.match(fixed.trimEnd(), /sessions\.$/);
    });

    it('an identical paragraph is recognised, and not flagged', () => {
      const text = `The General Assembly,\n\n${HUMAN_RIGHTS}\n`;
      const document = parse(text);
      assert.deepStrictEqual(getAgreedDiagnostics(document, index, resolve), []);
      const value = (getAgreedHover(document, document.lines.positionAt(text.indexOf('importance')), index)!.contents as MarkupContent).value;
      assert.match(value, /Agreed language:\*\* identical to .*, used in 3 documents/);
    });

    it('the seeds, opened as drafts, give no deviation: each paragraph is agreed language', () => {
      for (const seed of SEEDS) {
        const diagnostics: Diagnostic[] = getAgreedDiagnostics(parse(readSeed(seed.file), `untitled:${seed.file}`), index, resolve);
        assert.deepStrictEqual(diagnostics.map((d) => d.message), [], seed.file);
      }
    });

    it('a resolution is not measured against its own draft, which the corpus files under the symbol it was adopted as', () => {
      // PP9 of the draft A/C.1/73/L.27/Rev.1 (seed 002), as amended on the floor.
      const amended = 'Expressing concern that a number of States are developing ICT capabilities for military purposes and that the use of ICTs in future conflicts between States is becoming more and more likely,';
      const resolution = (symbol: string) => `${symbol}\n\nThe General Assembly,\n\n${amended}\n\n1. Decides to remain seized of the matter.\n`;
      assert.deepStrictEqual(getAgreedDiagnostics(parse(resolution('A/RES/73/27')), index, resolve), []);
      const other = getAgreedDiagnostics(parse(resolution('A/RES/74/29')), index, resolve);
      assert.deepStrictEqual(other.map((d) => d.message), ['Differs from agreed language in A/RES/73/27, PP9.']);
    });

    it('boilerplate every resolution shares is not flagged when it changes', () => {
      const text = 'The General Assembly,\n\nRecalling its resolution 73/266,\n\n1. Decides to include in the provisional agenda of its eighty-second session the item entitled “Developments in the field of information and telecommunications in the context of international security”.\n';
      assert.deepStrictEqual(getAgreedDiagnostics(parse(text), index, resolve), []);
    });
  });
});

function applyEdit(text: string, document: ParsedDocument, edit: TextEdit): string {
  const start = document.lines.offsetAt(edit.range.start);
  const end = document.lines.offsetAt(edit.range.end);
  return text.slice(0, start) + edit.newText + text.slice(end);
}
