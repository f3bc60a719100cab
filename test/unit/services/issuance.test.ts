import * as assert from 'assert';
import { ParsedDocument } from '../../../server/src/parsedDocument';
import { getIssuanceCodeAction, ISSUANCE_KIND, prepareForIssuance } from '../../../server/src/services/issuance';
import { applyEdits, editsFor, negotiationFixture } from '../../helpers';

const URI = 'file:///draft.unres';

function parse(text: string): ParsedDocument {
  return ParsedDocument.parse({ uri: URI, version: 1, getText: () => text });
}

function issued(text: string): string {
  const document = parse(text);
  const result = prepareForIssuance(document);
  assert.ok(result.ok, result.message);
  return applyEdits(document, editsFor(result, URI));
}

describe('prepare for issuance', () => {
  it('numbers "2 bis", "2 ter" and "(a) bis" for issuance and moves every reference with its paragraph, in one edit', () => {
    const text = issued(negotiationFixture('bis.unres'));
    const operative = text.slice(text.indexOf('1. Welcomes'));
    assert.strictEqual(operative, [
      '1. Welcomes the report of the Open-ended Working Group;',
      '2. Requests the Secretary-General to support the Working Group in accordance with paragraph 1 above;',
      '3. Also requests the Secretary-General to report on the activities referred to in paragraph 2 above;',
      '4. Invites Member States to submit their views on the matters referred to in paragraph 3 above;',
      '5. Encourages Member States to contribute to the trust fund established to support the activities referred to in paragraphs 3 and 4 above:',
      '(a) Through voluntary contributions;',
      '(b) Through contributions in kind;',
      '(c) Through the secondment of experts;',
      '6. Decides to review the implementation of paragraphs 4 and 5 above at its eighty-first session.\n',
    ].join('\n\n'));
    // The text it gives is clean: nothing left to prepare, and it reads without inserted paragraphs.
    const again = parse(text);
    assert.deepStrictEqual(again.model.operative.map((p) => p.number), [1, 2, 3, 4, 5, 6]);
    assert.strictEqual(prepareForIssuance(again).message, 'Nothing to change: the text is ready for issuance.');
  });

  it('removes status notes and attributions, and compilation names, once no bracket remains', () => {
    const agreed = [
      'The General Assembly,',
      '',
      'PP1 Recalling its resolution 70/1 of 25 September 2015, (Agreed ad ref)',
      '',
      'PP1 bis Recognizing the role of international financial institutions, (G77 and China)',
      '',
      'OP1 Welcomes the report of the Secretary-General; (Agreed ad ref)',
      '',
      'OP1 bis Encourages the Secretary-General to convene an expert group; (Facilitator\'s proposal)',
      '',
      'OP2 Decides to include the item in the provisional agenda of its eighty-first session. Agreed',
      '',
    ].join('\n');
    assert.strictEqual(issued(agreed), [
      'The General Assembly,',
      'Recalling its resolution 70/1 of 25 September 2015,',
      'Recognizing the role of international financial institutions,',
      '1. Welcomes the report of the Secretary-General;',
      '2. Encourages the Secretary-General to convene an expert group;',
      '3. Decides to include the item in the provisional agenda of its eighty-first session.\n',
    ].join('\n\n'));
  });

  it('removes a note on a line of its own with its line, and numbers a paragraph once proposed whole in brackets', () => {
    // The draft once its brackets are resolved: the notes on their own lines stay to be removed.
    const agreed = negotiationFixture('proposed-paragraphs.unres')
      .replace('[Mindful', 'Mindful')
      .replace('digital economy,]\n[EU: delete]\n', 'digital economy,\n')
      .replace('[2 bis.', '2 bis.')
      .replace('within countries;]', 'within countries;')
      .replace('to [promote', 'to promote')
      .replace('digital public goods]', 'digital public goods')
      .replace('[(a) bis', '(a) bis')
      .replace('artificial intelligence;]', 'artificial intelligence;');
    const text = issued(agreed);
    assert.strictEqual(text.slice(text.indexOf('1. Welcomes')), [
      '1. Welcomes the progress made in the implementation of the Global Digital Compact;',
      '2. Requests the Secretary-General to submit a report on the implementation of the present resolution;',
      '3. Also requests the Secretary-General to include in his report, taking into account its resolution 78/265 of 21 March 2024, recommendations on bridging the digital divide between and within countries;',
      '4. Calls upon Member States to promote open, inclusive and secure digital infrastructure;',
      '5. Encourages the private sector to invest in digital public goods, in accordance with national priorities;',
      '6. Invites Member States to consider:\n(a) Sharing best practices on digital inclusion;\n(b) Developing national strategies on artificial intelligence;\n(c) Strengthening international cooperation on data governance;',
      '7. Decides to continue its consideration of the question at its eighty-first session.\n',
    ].join('\n\n'));
    assert.strictEqual(prepareForIssuance(parse(text)).message, 'Nothing to change: the text is ready for issuance.');
    // A note line at the very end, and several notes on one line, go with their line too.
    assert.strictEqual(issued('The General Assembly,\n\n1. Decides to act;\n(Agreed ad ref) Agreed.\n\n2. Requests a report.\nAgreed'), 'The General Assembly,\n\n1. Decides to act;\n\n2. Requests a report.');
  });

  it('refuses while brackets remain, listing each with its line and column', () => {
    const document = parse(negotiationFixture('brackets.unres'));
    const result = prepareForIssuance(document);
    assert.strictEqual(result.ok, false);
    assert.strictEqual(result.edit, undefined);
    assert.deepStrictEqual(result.brackets.map((b) => `${b.kind} ${b.line}:${b.column}`), ['bracket 7:1', 'bracket 9:45', 'bracket 9:99', 'bracket 9:142', 'bracket 11:4', 'bracket 11:105', 'bracket 11:129']);
    assert.strictEqual(result.message, 'Not ready for issuance: 7 brackets remain (line 7, column 1; line 9, column 45; line 9, column 99; line 9, column 142; line 11, column 4; and 2 more).');
    const unclosed = prepareForIssuance(parse('The General Assembly,\n\n1. Decides [to act.\n'));
    assert.deepStrictEqual(unclosed.brackets.map((b) => `${b.kind} ${b.line}:${b.column}`), ['unclosed 3:12']);
  });

  it('offers "Prepare for issuance" as a source action on a negotiated draft: its edit, or disabled with the reason', () => {
    const ready = getIssuanceCodeAction(parse(negotiationFixture('bis.unres')));
    assert.strictEqual(ready?.title, 'Prepare for issuance');
    assert.strictEqual(ready.kind, ISSUANCE_KIND);
    assert.ok(editsFor(ready, URI).length > 0);
    const blocked = getIssuanceCodeAction(parse(negotiationFixture('brackets.unres')));
    assert.match(blocked?.disabled?.reason ?? '', /^Not ready for issuance: 7 brackets remain/);
    assert.strictEqual(blocked?.edit, undefined);
    assert.strictEqual(getIssuanceCodeAction(parse('The General Assembly,\n\n1. Decides to act.\n')), undefined);
  });
});
