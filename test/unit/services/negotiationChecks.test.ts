import * as assert from 'assert';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { runChecks } from '../../../server/src/services/rules';
import { getNegotiationCodeActions, getNegotiationDiagnostics } from '../../../server/src/services/negotiationChecks';
import { KnowledgeBase } from '../../../server/src/corpus/knowledgeBase';
import { EMPTY_AGREED_INDEX } from '../../../server/src/agreed/empty';
import { openingVocabulary } from '../../../server/src/services/structure/openingPhrases';
import { applyEdits, editsFor, negotiationFixture, withCursors } from '../../helpers';

function parse(text: string): ParsedDocument {
  return ParsedDocument.parse({ uri: 'file:///draft.unres', version: 1, getText: () => text });
}

/** Every check of every family, without a corpus. */
function allChecks(text: string) {
  const agreed = EMPTY_AGREED_INDEX;
  return runChecks(parse(text), { kb: KnowledgeBase.empty(), agreed, vocabulary: openingVocabulary(agreed) });
}

/** The diagnostics of a draft as "code@offset", the offsets marked with `|` in `marked`. */
function found(marked: string): { got: string[]; want: string[] } {
  const { text, cursors } = withCursors(marked);
  const document = parse(text);
  const got = allChecks(text)
    .map((d) => ({ code: d.code, at: document.lines.offsetAt(d.range.start) }))
    .sort((a, b) => a.at - b.at)
    .map((d) => `${d.code}@${d.at}`);
  return { got, want: cursors.map(String) };
}

describe('negotiation checks', () => {
  for (const name of ['bis.unres', 'brackets.unres', 'compilation.unres', 'status-lines.unres', 'proposed-paragraphs.unres']) {
    it(`${name}: no problem in a well-formed draft under negotiation`, () => {
      assert.deepStrictEqual(allChecks(negotiationFixture(name)).map((d) => `${d.code}: ${d.message}`), []);
    });
  }

  it('the draft as it came before: a bis paragraph and bracketed text draw no numbering, punctuation or verb warning', () => {
    const text = [
      'The General Assembly,',
      '',
      '[Recalling its resolution 73/266 of 22 December 2018,]',
      '',
      '2. Requests the Secretary-General to support the group;',
      '',
      '2 bis. [Also requests the Secretary-General to report on the work of the group;] [Alt: Invites Member States to submit views;]',
      '',
      '3. Decides to include in the provisional agenda of its seventy-fifth session the item "Work of the group".',
      '',
    ].join('\n').replace('2. Requests', '1. Welcomes the report;\n\n2. Requests');
    assert.deepStrictEqual(allChecks(text).map((d) => d.code), []);
  });

  it('reports a bracket never opened and one never closed, with their line and column', () => {
    // A bracket may hold several paragraphs: "[" in one and "]" in a later one match.
    const { text, cursors } = withCursors('The General Assembly,\n\n1. Welcomes the report|];\n\n2. Decides |[to act.\n');
    const diagnostics = getNegotiationDiagnostics(parse(text));
    const document = parse(text);
    assert.deepStrictEqual(diagnostics.map((d) => `${d.code}@${document.lines.offsetAt(d.range.start)}`), [`unres.bracketUnbalanced@${cursors[0]}`, `unres.bracketUnbalanced@${cursors[1]}`]);
    assert.match(String(diagnostics[0].message), /^Closing bracket in OP1 at line 3, column 23 closes no bracket/);
    assert.match(String(diagnostics[1].message), /^Opening bracket in OP2 at line 5, column 12 is never closed/);
  });

  it('a bracket opened in OP3 and closed in OP4 is one bracket; without its "]" it is flagged where it opens, by paragraph, line and column', () => {
    const draft = negotiationFixture('proposed-paragraphs.unres');
    assert.deepStrictEqual(getNegotiationDiagnostics(parse(draft)), []);
    const { text, cursors } = withCursors(draft.replace('to [promote', 'to |[promote').replace('digital public goods]', 'digital public goods'));
    const document = parse(text);
    const diagnostics = getNegotiationDiagnostics(document);
    assert.deepStrictEqual(diagnostics.map((d) => `${d.code}@${document.lines.offsetAt(d.range.start)}`), [`unres.bracketUnbalanced@${cursors[0]}`]);
    const { line, character } = document.lines.positionAt(cursors[0]);
    assert.strictEqual(String(diagnostics[0].message), `Opening bracket in OP3 at line ${line + 1}, column ${character + 1} is never closed: no "]" closes it by the end of the text (a bracket may span paragraphs). Expected a "]" after the text it brackets.`);
    // A "]" whose "[" went missing is flagged at the "]", in the paragraph that holds it.
    const closing = withCursors(draft.replace('to [promote', 'to promote').replace('digital public goods]', 'digital public goods|]'));
    const closed = parse(closing.text);
    const [stray] = getNegotiationDiagnostics(closed);
    assert.strictEqual(closed.lines.offsetAt(stray.range.start), closing.cursors[0]);
    assert.match(String(stray.message), /^Closing bracket in OP4 at line \d+, column \d+ closes no bracket/);
  });

  it('offers to close a stray "[" at the end of its paragraph, before the notes, or to remove it; a stray "]" only to remove it', () => {
    const draft = negotiationFixture('proposed-paragraphs.unres').replace('digital public goods]', 'digital public goods');
    const document = parse(draft);
    const diagnostics = getNegotiationDiagnostics(document);
    const actions = getNegotiationCodeActions(document, diagnostics[0].range, diagnostics);
    assert.deepStrictEqual(actions.map((a) => a.title), ['Close the bracket at the end of OP3', 'Remove the stray bracket']);
    const closedHere = applyEdits(document, editsFor(actions[0], document.uri));
    assert.ok(closedHere.includes('to [promote open, inclusive and secure digital infrastructure;]\n'), 'closed after the final mark of OP3');
    assert.deepStrictEqual(getNegotiationDiagnostics(parse(closedHere)), []);
    assert.deepStrictEqual(getNegotiationDiagnostics(parse(applyEdits(document, editsFor(actions[1], document.uri)))), []);
    // Before the notes after the text: "…;] (EU)" on its line, and no further than the line above a note line.
    const noted = parse('The General Assembly,\n\n1. Decides [to act; (EU)\nPending\n\n2. Requests a report.\n');
    const [open] = getNegotiationDiagnostics(noted);
    const close = getNegotiationCodeActions(noted, open.range, [open])[0];
    assert.strictEqual(applyEdits(noted, editsFor(close, noted.uri)), 'The General Assembly,\n\n1. Decides [to act;] (EU)\nPending\n\n2. Requests a report.\n');
    const unopened = parse('The General Assembly,\n\n1. Decides to act];\n\n2. Requests a report.\n');
    const stray = getNegotiationDiagnostics(unopened);
    assert.deepStrictEqual(getNegotiationCodeActions(unopened, stray[0].range, stray).map((a) => a.title), ['Remove the stray bracket']);
  });

  it('a status note on a line of its own draws no numbering or punctuation warning, and an inserted paragraph is named with its suffix', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 79/1,\nAgreed ad ref\n\n1. Welcomes the report;\n[Pending]\n\n2. Requests a report;\n\n2 bis. Also requests a study\n\n3. Decides to remain seized of the matter.\nAgreed\n';
    const diagnostics = allChecks(text);
    assert.deepStrictEqual(diagnostics.map((d) => d.message), ['Expected ";" at the end of operative paragraph OP2 bis (only the last one ends with "."), found no punctuation mark.']);
  });

  it('reports "7 bis" after no paragraph 7, "(f) bis" after no (f), "PP9 bis" after no PP9, and "paragraph 5 bis" naming none', () => {
    const draft = negotiationFixture('bis.unres')
      .replace('2 ter. Invites', '|7 bis. Invites')
      .replace('(a) bis Through', '|(f) bis Through')
      .replace('in paragraph 2 bis above', 'in |paragraph 5 bis above');
    const { got } = found(draft);
    assert.deepStrictEqual(got.map((g) => g.split('@')[0]), ['unres.suffixWithoutParagraph', 'unres.referenceMissing', 'unres.referenceMissing', 'unres.suffixWithoutParagraph', 'unres.referenceMissing']);
    const { text, cursors } = withCursors(draft);
    const diagnostics = allChecks(text);
    const document = parse(text);
    const at = (code: string, offset: number) => diagnostics.find((d) => d.code === code && document.lines.offsetAt(d.range.start) === offset);
    assert.match(String(at('unres.suffixWithoutParagraph', cursors[0])!.message), /Paragraph 7 bis follows no paragraph 7 \(the operative paragraphs are numbered 1 to 4\)/);
    assert.match(String(at('unres.suffixWithoutParagraph', cursors[2])!.message), /Sub-paragraph \(f\) bis of OP3 follows no \(f\)/);
    assert.ok(at('unres.referenceMissing', cursors[1] + 'paragraph '.length), 'the reference to 5 bis');
    const preamble = allChecks(negotiationFixture('compilation.unres').replace('PP2 bis', 'PP9 bis'));
    assert.deepStrictEqual(preamble.map((d) => d.code), ['unres.suffixWithoutParagraph']);
    assert.match(String(preamble[0].message), /PP9 bis follows no PP9/);
  });

  it('reports an alternative outside brackets', () => {
    const { got, want } = found('The General Assembly,\n\n1. Decides to act; |Alt: to wait;\n\n2. Requests a report.\n');
    assert.deepStrictEqual(got, want.map((at) => `unres.alternativeOutsideBrackets@${at}`));
  });

  it('still reports a missing final mark inside the brackets', () => {
    const { got } = found('The General Assembly,\n\n1. Welcomes the report;\n\n2. [Decides to act] (EU)\n\n3. Requests a report.\n');
    assert.deepStrictEqual(got.map((g) => g.split('@')[0]), ['unres.punctuationOperative']);
  });
});
